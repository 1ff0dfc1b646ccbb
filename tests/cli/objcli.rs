//! Tests: the Sun Cluster 3.2 / Oracle Solaris Cluster object CLI (clrt, clrg, clrs, clrslh,
//! clrssa, clnode, clq, clintr, cldg, cluster) through its links, as runbooks use it: the §8
//! layouts parsed the way monitoring plugins parse them, the CL_* exit codes, `+`, list edits,
//! per-node switches, both command sets on one 3.2 cluster, and the release gates.

use crate::harness::TestCluster;

/// A 3.2 cluster of two nodes (`vincent`, `theo`, as in the §8.2 samples) with one device group.
fn cluster32() -> TestCluster {
    TestCluster::init_with(
        "vincent,theo",
        &[
            "--release",
            "3.2",
            "--device-group",
            "nfs-dg",
            "--host",
            "orangecat=192.0.2.90",
            "--filesystem",
            "/global/nfs",
            "--filesystem",
            "/global/nfs2",
            "--filesystem",
            "/global/mail",
        ],
    )
}

/// The §8.2 sample's nfs-rg (HAStoragePlus nfs-stor, logical host orangecat-nfs) built and
/// brought online with the object commands.
fn nfs() -> TestCluster {
    let t = cluster32();
    t.script(
        "clrt register SUNW.HAStoragePlus
         clrg create -n vincent,theo nfs-rg
         clrslh create -g nfs-rg -h orangecat orangecat-nfs
         clrs create -g nfs-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/nfs nfs-stor
         clrg online -eM nfs-rg",
    );
    t
}

/// Rows of a table layout as a plugin reads them: split on whitespace; a row starting with a
/// blank continues the object above.
fn rows(text: &str, head: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut object = String::new();
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with(head) {
            in_table = true;
            continue;
        }
        if !in_table
            || line.trim_start().starts_with("---")
            || line.trim().is_empty()
            || line.starts_with("===")
        {
            continue;
        }
        let fields: Vec<String> = line.split_whitespace().map(String::from).collect();
        if line.starts_with(' ') {
            out.push((object.clone(), fields));
        } else {
            object = fields[0].clone();
            out.push((object.clone(), fields[1..].to_vec()));
        }
    }
    out
}

#[test]
fn runbook_session_with_status_after_each_step() {
    let t = cluster32();
    let out = t.shell(
        "clrt register SUNW.HAStoragePlus && clrt list && \
         clrg create -n vincent,theo nfs-rg && clrg status && \
         clrslh create -g nfs-rg -h orangecat orangecat-nfs && \
         clrs create -g nfs-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/nfs nfs-stor && \
         clrg online -eM nfs-rg && clrg status && \
         clrg switch -n theo nfs-rg && clrg status && clrs status",
    );
    out.ok();
    insta::assert_snapshot!("objcli_runbook_session", out.to_string());
}

#[test]
fn status_rows_split_on_whitespace_as_plugins_read_them() {
    let t = nfs();
    t.sh("clrg switch -n theo nfs-rg").ok();
    let out = t.sh("clrg status");
    out.ok();
    assert!(
        out.stdout
            .starts_with("\n=== Cluster Resource Groups ===\n\n")
    );
    let r = rows(&out.stdout, "Group Name");
    assert_eq!(
        r,
        [
            (
                "nfs-rg".into(),
                vec!["vincent".into(), "No".into(), "Offline".into()]
            ),
            (
                "nfs-rg".into(),
                vec!["theo".into(), "No".into(), "Online".into()]
            ),
        ]
    );
    let out = t.sh("clrs status");
    let r = rows(&out.stdout, "Resource Name");
    let theo: Vec<_> = r.iter().filter(|(_, f)| f[0] == "theo").collect();
    assert_eq!(theo.len(), 2);
    for (_, f) in theo {
        assert_eq!(f[1], "Online");
    }
    assert!(out.stdout.contains("Online - LogicalHostname online."));
    let out = t.sh("clq status");
    let summary = rows(&out.stdout, "            Needed");
    // The summary row has no object: it starts with blanks.
    assert_eq!(summary[0].1, ["2", "3", "3"]);
}

#[test]
fn runbook_greps_and_xargs() {
    let t = nfs();
    let out = t.shell("clrs show -g nfs-rg | egrep '^Resource:|Enabled'");
    out.ok();
    insta::assert_snapshot!("objcli_show_egrep", out.stdout);
    let out = t.shell("clrs list -g nfs-rg | xargs clrs disable && clrs status -g nfs-rg");
    out.ok();
    for r in ["nfs-stor", "orangecat-nfs"] {
        for n in ["vincent", "theo"] {
            assert_eq!(t.r_state(r, n), "Offline");
        }
    }
    assert_eq!(t.state_json()["resources"]["nfs-stor"]["enabled"], false);
}

#[test]
fn quick_reference_forms() {
    let t = nfs();
    t.script(
        "clrg offline +
         clrg online +
         clrg suspend nfs-rg
         clrg resume nfs-rg",
    );
    assert_eq!(t.rg_state("nfs-rg", "vincent"), "Online");
    // Suspended shows in its column.
    t.sh("clrg suspend +").ok();
    assert!(t.sh("clrg status").stdout.contains("vincent           Yes"));
    t.sh("clrg resume +").ok();
    // Nodelist edits.
    t.script(
        "clrg switch -n vincent nfs-rg
         clrg remove-node -n theo nfs-rg",
    );
    assert_eq!(
        t.state_json()["resource_groups"]["nfs-rg"]["nodelist"],
        serde_json::json!(["vincent"])
    );
    t.sh("clrg add-node -n theo nfs-rg").ok();
    assert_eq!(
        t.state_json()["resource_groups"]["nfs-rg"]["nodelist"],
        serde_json::json!(["vincent", "theo"])
    );
    // List edits on a resource property.
    t.sh("clrs set -p FilesystemMountPoints+=/global/nfs2 nfs-stor")
        .ok();
    let show = t.sh("clrs show -v nfs-stor").stdout;
    assert!(show.contains("/global/nfs /global/nfs2"), "{show}");
    t.sh("clrs set -p FilesystemMountPoints-=/global/nfs nfs-stor")
        .ok();
    assert_eq!(
        t.state_json()["resources"]["nfs-stor"]["extension"]["FilesystemMountPoints"],
        serde_json::json!(["/global/nfs2"])
    );
    // delete -F takes the group offline, disables and deletes its resources, then the group.
    t.sh("clrg delete -F nfs-rg").ok();
    let j = t.state_json();
    assert!(j["resource_groups"].as_object().unwrap().is_empty());
    assert!(j["resources"].as_object().unwrap().is_empty());
}

#[test]
fn cl_exit_codes_and_message_form() {
    let t = nfs();
    for (line, code, needle) in [
        (
            "clrg create nfs-rg",
            39,
            "clrg:  (C240319) resource group nfs-rg already exists",
        ),
        (
            "clrg switch -n theo nfs-rgx",
            36,
            "clrg:  (C328200) resource group nfs-rgx does not exist",
        ),
        ("clrs disable nosuch", 36, "does not exist"),
        ("clrg delete nfs-rg", 38, "is not empty"),
        ("clrs set -p Nosuch=1 nfs-stor", 15, "(C444178)"),
        ("clrg bogus nfs-rg", 3, "(C361403)"),
        ("clrg switch nfs-rg", 3, "--node"),
        ("clrg online", 3, "+ for every resource group"),
        (
            "clrs create -g nfs-rg -t SUNW.nosuch r",
            36,
            "not registered",
        ),
        ("clrg switch -n mars nfs-rg", 36, "not a cluster node"),
    ] {
        let out = t.fails_unchanged(line, code);
        assert!(out.stderr.contains(needle), "`{line}`:\n{out}");
    }
    // A hint spells its fix in the object CLI's syntax.
    let out = t.fails_unchanged("clrs delete nfs-stor", 9);
    assert!(out.stderr.contains("clrs disable nfs-stor"), "{out}");
}

#[test]
fn help_and_aliases() {
    let t = cluster32();
    let out = t.sh("clresourcegroup -?");
    out.ok();
    assert!(
        out.stdout.contains("Usage: clresourcegroup"),
        "{}",
        out.stdout
    );
    let out = t.sh("clrg switch -?");
    out.ok();
    assert!(out.stdout.contains("--node"));
    for (long, short) in [
        ("clresourcetype", "clrt"),
        ("clresource", "clrs"),
        ("clreslogicalhostname", "clrslh"),
        ("clressharedaddress", "clrssa"),
        ("clquorum", "clq"),
        ("clinterconnect", "clintr"),
        ("cldevicegroup", "cldg"),
    ] {
        let a = t.sh(&format!("{long} list"));
        let b = t.sh(&format!("{short} list"));
        assert_eq!(
            (a.code, &a.stdout),
            (b.code, &b.stdout),
            "{long} vs {short}"
        );
    }
}

#[test]
fn per_node_switches() {
    let t = cluster32();
    t.script(
        "clrt register SUNW.gds
         clrg create -S web-rg
         clrs create -g web-rg -t SUNW.gds -p Start_command=/opt/web/start -p Network_aware=FALSE web
         clrg online -eM web-rg
         clrs disable -n theo web",
    );
    assert_eq!(t.r_state("web", "vincent"), "Online");
    assert_eq!(t.r_state("web", "theo"), "Offline");
    let show = t.sh("clrs show web").stdout;
    assert!(
        show.contains("Enabled{vincent}:")
            && show
                .lines()
                .any(|l| l.starts_with("  Enabled{theo}:") && l.ends_with("False"))
    );
    t.sh("clrs unmonitor -n vincent web").ok();
    assert_eq!(t.r_state("web", "vincent"), "Online_not_monitored");
    // The 3.1 spelling of the same on 3.2.
    t.sh("scswitch -e -j web -h theo").ok();
    assert_eq!(t.r_state("web", "theo"), "Online");
    t.sh("clrs disable -n vincent,theo web").ok();
    assert_eq!(t.state_json()["resources"]["web"]["enabled"], false);
    // Refused on a 3.1 cluster.
    let t31 = TestCluster::init("n1,n2");
    t31.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g rg -h n1,n2
         scrgadm -a -j r -g rg -t SUNW.gds -x Start_command=/bin/true -x Network_aware=FALSE",
    );
    let out = t31.fails_unchanged("scswitch -e -j r -h n1", 3);
    assert!(out.stderr.contains("3.2 feature"), "{out}");
}

#[test]
fn both_personalities_on_one_32_cluster() {
    let t = cluster32();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h vincent,theo
         scrgadm -a -L -g MAIL-RG -l budgie
         clrs create -g MAIL-RG -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/mail disk-rs
         scswitch -Z -g MAIL-RG",
    );
    let out = t.sh("scrgadm -pv -j disk-rs");
    out.ok();
    assert!(
        out.stdout.contains("Res enabled:") && out.stdout.contains("True"),
        "{}",
        out.stdout
    );
    assert_eq!(t.sh("clrs list -g MAIL-RG").stdout, "budgie\ndisk-rs\n");
    let out = t.sh("clrg status MAIL-RG");
    assert_eq!(rows(&out.stdout, "Group Name")[0].1[2], "Online");
    let out = t.sh("scstat -g");
    assert!(out.stdout.contains("Resource: disk-rs"), "{}", out.stdout);
    t.sh("clrg switch -n theo MAIL-RG").ok();
    assert_eq!(t.rg_state("MAIL-RG", "theo"), "Online");
    insta::assert_snapshot!("objcli_mixed_scstat", t.sh("scstat -g").stdout);
}

#[test]
fn release_gates() {
    let t = TestCluster::empty();
    t.run("scsim", &["init", "--nodes", "a,b", "--release", "4.4"])
        .ok();
    let out = t.fails_unchanged("scrgadm -p", 127);
    insta::assert_snapshot!("objcli_scrgadm_on_44", out.to_string());
    t.fails_unchanged("scswitch -Z", 127);
    t.fails_unchanged("scstat", 127);
    let out = t.fails_unchanged("scconf -p", 127);
    assert!(
        out.stderr.starts_with("scconf: command not found\n"),
        "{out}"
    );
    // What Oracle Solaris Cluster 4.x kept of the 3.x commands: scinstall and the scha API.
    t.sh("scinstall -p").ok();
    t.sh("scha_cluster_get -O CLUSTERNAME").ok();
    t.sh("clrt list").ok();
    let t31 = TestCluster::init("a,b");
    let out = t31.fails_unchanged("clrg status", 127);
    assert!(out.stderr.starts_with("clrg: command not found\n"), "{out}");
    assert!(t.state_json()["cluster"]["release"] == "4.4");
    assert!(t31.state_json()["cluster"].get("release").is_none());
    let out = t.sh("scsim init --nodes a --release 5.0 --force");
    assert_eq!(out.code, 3, "{out}");
}

#[test]
fn other_layouts() {
    let t = nfs();
    let mut all = String::new();
    for line in [
        "clnode status",
        "clnode status -m",
        "clq status",
        "clintr status",
        "cldg status",
        "clrt list -v",
        "clrg list -v",
        "clrs list -v",
        "cluster list-cmds",
    ] {
        let out = t.sh(line);
        out.ok();
        all.push_str(&format!("$ {line}\n{}", out.stdout));
    }
    insta::assert_snapshot!("objcli_other_layouts", all);
    let out = t.sh("cluster show");
    out.ok();
    for needle in [
        "Cluster Name:",
        "Sun Cluster 3.2",
        "=== Registered Resource Types ===",
        "Resource Group:",
        "  Resource:",
        "Quorum Device Name:",
    ] {
        assert!(out.stdout.contains(needle), "cluster show lacks {needle}");
    }
    assert_eq!(t.sh("cluster list").stdout, "sc-cluster\n");
    t.sh("cldg switch -n theo nfs-dg").ok();
    assert!(
        t.sh("cldg status")
            .stdout
            .contains("nfs-dg                theo")
    );
    t.sh("clnode evacuate vincent").ok();
    assert_eq!(t.rg_state("nfs-rg", "theo"), "Online");
}

#[test]
fn show_layouts() {
    let t = nfs();
    let mut all = String::new();
    for line in [
        "clrg show nfs-rg",
        "clrs show -v orangecat-nfs",
        "clrt show SUNW.HAStoragePlus",
    ] {
        let out = t.sh(line);
        out.ok();
        all.push_str(&format!("$ {line}\n{}", out.stdout));
    }
    insta::assert_snapshot!("objcli_show_layouts", all);
}

#[test]
fn dry_run_and_verbose() {
    let t = nfs();
    let before = t.state_bytes();
    let out = t.sh("clrg switch --dry-run -n theo nfs-rg");
    out.ok();
    assert!(out.stdout.contains("nothing was written"), "{out}");
    assert_eq!(t.state_bytes(), before);
    // A request already met runs nothing and writes nothing.
    t.sh("clrg online nfs-rg").ok();
    assert_eq!(t.state_bytes(), before);
    let out = t.sh("clrg switch -v -n theo nfs-rg");
    out.ok();
    assert!(out.stdout.contains("Resulting placement:"), "{out}");
    assert_eq!(t.rg_state("nfs-rg", "theo"), "Online");
}

#[test]
fn status_as_json() {
    let t = nfs();
    let out = t.sh("clrs status --json -n theo nfs-stor");
    out.ok();
    let j: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let groups = j["resource_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    let rs = groups[0]["resources"].as_array().unwrap();
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["name"], "nfs-stor");
    assert_eq!(rs[0]["nodes"][0]["node"], "theo");
    let j: serde_json::Value = serde_json::from_str(&t.sh("clrg status --json").stdout).unwrap();
    assert_eq!(j["resource_groups"][0]["nodes"][0]["state"], "Online");
    let j: serde_json::Value = serde_json::from_str(&t.sh("cluster status --json").stdout).unwrap();
    assert_eq!(j["quorum"]["needed"], 2);
}
