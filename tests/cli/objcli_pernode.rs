//! Tests: the object CLI's second round — per-node property values (`-p NAME{node}=value`,
//! `scrgadm -x` on 3.2) shown by `clrs show -v` and `scrgadm -pvv`, the per-node disable's
//! dependency check, the list/status/show filters, the 3.2 spelling of every hint a cl command
//! prints, and the 3.1-only commands on 4.4.

use crate::harness::TestCluster;

/// A type whose RTR declares two PER_NODE extension properties and one that is not.
const LSNR_RTR: &str = r#"
Resource_type = "lsnr";
Vendor_id = ACME;
RT_description = "Listener with per-node settings";
RT_version = "1.0";
API_version = 7;
Failover = FALSE;
RT_basedir = /opt/ACMElsnr/bin;
Start = lsnr_start;
Stop = lsnr_stop;
{ PROPERTY = Listener_name; EXTENSION; STRING; DEFAULT = "LISTENER"; PER_NODE; TUNABLE = ANYTIME; DESCRIPTION = "Name of the listener on the node"; }
{ PROPERTY = Debug_level; EXTENSION; INT; MIN = 0; MAX = 2; DEFAULT = 0; PER_NODE; TUNABLE = ANYTIME; DESCRIPTION = "Debug level"; }
{ PROPERTY = Port; EXTENSION; INT; DEFAULT = 1521; TUNABLE = WHEN_DISABLED; DESCRIPTION = "Port"; }
"#;

/// A cluster of `release` with ACME.lsnr registered from its RTR file and a scalable group.
fn lsnr_cluster(release: &str) -> TestCluster {
    let t = TestCluster::init_with("vincent,theo", &["--release", release]);
    let rtr = t.path().join("ACME.lsnr");
    std::fs::write(&rtr, LSNR_RTR).unwrap();
    let register = if release == "3.1" {
        format!("scrgadm -a -t ACME.lsnr -f {}", rtr.display())
    } else {
        format!("clrt register -f {} ACME.lsnr", rtr.display())
    };
    t.sh(&register).ok();
    let group = if release == "3.1" {
        "scrgadm -a -g l-rg -h vincent,theo -y Maximum_primaries=2 -y Desired_primaries=2"
    } else {
        "clrg create -S -n vincent,theo l-rg"
    };
    t.sh(group).ok();
    t
}

/// The lines of `text` from the first line containing `from` on.
fn from<'a>(text: &'a str, from: &str) -> &'a str {
    text.find(from).map_or("", |i| &text[i..])
}

#[test]
fn per_node_values_in_a_32_session_mixing_both_command_sets() {
    let t = lsnr_cluster("3.2");
    t.sh("clrs create -g l-rg -t ACME.lsnr -p Listener_name{vincent}=LSNR_A -p Debug_level{theo}=2 lsnr")
        .ok();
    // scrgadm on 3.2 takes the same node specifier with -x, by node id too.
    t.sh("scrgadm -c -j lsnr -x Listener_name{2}=LSNR_B").ok();
    let show = t.sh("clrs show -v lsnr");
    show.ok();
    let pvv = t.sh("scrgadm -pvv -j lsnr");
    pvv.ok();
    let props: Vec<&str> = pvv
        .stdout
        .lines()
        .filter(|l| l.contains("Listener_name") || l.contains("Debug_level") || l.contains(":Port"))
        .collect();
    insta::assert_snapshot!(
        "objcli_pernode_session",
        format!(
            "$ clrs show -v lsnr (extension properties)\n{}\n$ scrgadm -pvv -j lsnr | grep …\n{}\n",
            from(&show.stdout, "  Listener_name{"),
            props.join("\n")
        )
    );
    // The rows a script greps: one per node, the value its last field.
    let value = |node: &str| {
        show.stdout
            .lines()
            .find(|l| {
                l.trim_start()
                    .starts_with(&format!("Listener_name{{{node}}}:"))
            })
            .and_then(|l| l.split_whitespace().last())
            .map(str::to_string)
    };
    assert_eq!(value("vincent").as_deref(), Some("LSNR_A"));
    assert_eq!(value("theo").as_deref(), Some("LSNR_B"));
    // The scripting API answers per node: EXTENSION on the local node, EXTENSION_NODE on one.
    let get = |line: &str| t.sh(line).stdout;
    assert_eq!(
        get("scha_resource_get -O EXTENSION_NODE -R lsnr -G l-rg Listener_name theo"),
        "STRING\nLSNR_B\n"
    );
    assert_eq!(
        get("scsim on vincent -- scha_resource_get -O EXTENSION -R lsnr -G l-rg Listener_name"),
        "STRING\nLSNR_A\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&t.sh("scrgadm -p --json -j lsnr").stdout).unwrap();
    let r = &json["resource_groups"][0]["resources"][0];
    assert_eq!(r["per_node"]["Listener_name"]["theo"], "LSNR_B");
    assert_eq!(r["properties"]["Listener_name"], "LISTENER");
    // The state keeps only what was set per node.
    let j = t.state_json();
    assert_eq!(j["schema_version"], 6);
    assert_eq!(
        j["resources"]["lsnr"]["per_node"]["Listener_name"],
        serde_json::json!({"vincent": "LSNR_A", "theo": "LSNR_B"})
    );
    // scsim diff names the per-node values that changed.
    let before = t.path().join("before.json");
    std::fs::copy(&t.state, &before).unwrap();
    // A value without {node} holds on every node again.
    t.sh("clrs set -p Debug_level=1 lsnr").ok();
    let out = t.sh(&format!(
        "scsim diff {} {}",
        before.display(),
        t.state.display()
    ));
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.stdout.contains("resource lsnr: Debug_level{theo} 2 ->"),
        "{out}"
    );
    let out = t.sh("clrs show -v lsnr");
    assert!(out.stdout.contains("Debug_level{vincent}:"), "{out}");
    for l in out.stdout.lines().filter(|l| l.contains("Debug_level{")) {
        assert!(l.ends_with(" 1"), "{l}");
    }
    assert!(
        t.state_json()["resources"]["lsnr"]["per_node"]
            .get("Debug_level")
            .is_none()
    );
    // Both nodes in one specifier.
    t.sh("clrs set -p Debug_level{vincent,theo}=2 lsnr").ok();
    let out = t.sh("scrgadm -pvv -j lsnr");
    let twos = out
        .stdout
        .lines()
        .filter(|l| l.contains("Debug_level{") && l.ends_with(" 2"))
        .count();
    assert_eq!(twos, 2, "{out}");
}

/// Version 2.0 of ACME.lsnr: Listener_name stays PER_NODE, Debug_level is one value for the
/// cluster now.
const LSNR2_RTR: &str = r#"
Resource_type = "lsnr";
Vendor_id = ACME;
RT_description = "Listener with per-node settings";
RT_version = "2.0";
API_version = 7;
Failover = FALSE;
RT_basedir = /opt/ACMElsnr/bin;
Start = lsnr_start;
Stop = lsnr_stop;
#$upgrade
#$upgrade_from "1.0" ANYTIME
{ PROPERTY = Listener_name; EXTENSION; STRING; DEFAULT = "LISTENER"; PER_NODE; TUNABLE = ANYTIME; DESCRIPTION = "Name of the listener on the node"; }
{ PROPERTY = Debug_level; EXTENSION; INT; MIN = 0; MAX = 2; DEFAULT = 0; TUNABLE = ANYTIME; DESCRIPTION = "Debug level"; }
{ PROPERTY = Port; EXTENSION; INT; DEFAULT = 1521; TUNABLE = WHEN_DISABLED; DESCRIPTION = "Port"; }
"#;

/// Per-node values follow the Nodelist and the type: a node that leaves the group takes its
/// values along (with a warning), and a type version whose property is no longer PER_NODE
/// drops them.
#[test]
fn per_node_values_leave_with_the_node_and_the_type_version() {
    let t = lsnr_cluster("3.2");
    t.sh("clrs create -g l-rg -t ACME.lsnr -p Listener_name{vincent}=LSNR_A -p Listener_name{theo}=LSNR_B -p Debug_level{theo}=2 lsnr")
        .ok();
    t.sh("clrg set -p Desired_primaries=1 -p Maximum_primaries=1 l-rg")
        .ok();
    let out = t.sh("clrg remove-node -n theo l-rg");
    out.ok();
    assert!(
        out.stderr.contains(
            "the value of Listener_name{theo} is dropped: theo leaves the Nodelist of l-rg"
        ),
        "{out}"
    );
    let per_node = &t.state_json()["resources"]["lsnr"]["per_node"];
    assert_eq!(per_node["Listener_name"]["vincent"], "LSNR_A", "{per_node}");
    assert!(
        per_node["Listener_name"].get("theo").is_none(),
        "{per_node}"
    );
    assert!(per_node.get("Debug_level").is_none(), "{per_node}");
    // Back in the Nodelist, theo takes the default again.
    t.sh("clrg add-node -n theo l-rg").ok();
    let out = t.sh("scha_resource_get -O EXTENSION_NODE -R lsnr -G l-rg Listener_name theo");
    assert_eq!(out.stdout, "STRING\nLISTENER\n", "{out}");
    // The same through scrgadm -c -g -y Nodelist.
    t.sh("clrs set -p Debug_level{theo}=1 lsnr").ok();
    let out = t.sh("scrgadm -c -g l-rg -y Nodelist=vincent");
    out.ok();
    assert!(out.stderr.contains("Debug_level{theo}"), "{out}");
    t.sh("scrgadm -c -g l-rg -y Nodelist=vincent,theo").ok();
    t.sh("clrs set -p Debug_level{theo}=1 lsnr").ok();
    // Version 2.0 declares Debug_level without PER_NODE: its per-node values go.
    let rtr = t.path().join("ACME.lsnr-2.0");
    std::fs::write(&rtr, LSNR2_RTR).unwrap();
    t.sh(&format!("clrt register -f {} ACME.lsnr:2.0", rtr.display()))
        .ok();
    let out = t.sh("clrs set -p Type_version=2.0 lsnr");
    out.ok();
    assert!(
        out.stderr.contains(
            "ACME.lsnr:2.0 does not declare Debug_level PER_NODE; the per-node values are dropped"
        ),
        "{out}"
    );
    let r = &t.state_json()["resources"]["lsnr"];
    assert!(r["per_node"].get("Debug_level").is_none(), "{r}");
    assert_eq!(r["per_node"]["Listener_name"]["vincent"], "LSNR_A", "{r}");
    let out = t.sh("scha_resource_get -O EXTENSION_NODE -R lsnr -G l-rg Debug_level theo");
    assert_eq!(out.stdout, "INT\n0\n", "{out}");
}

#[test]
fn per_node_values_refused_where_they_do_not_apply() {
    let t = lsnr_cluster("3.2");
    t.sh("clrs create -g l-rg -t ACME.lsnr lsnr").ok();
    let mut all = String::new();
    for (line, code) in [
        ("clrs set -p Port{theo}=1522 lsnr", 15),
        ("clrs set -p Retry_count{theo}=2 lsnr", 15),
        ("clrs set -p Nodelist{theo}=theo lsnr", 15),
        ("clrs set -p On_off_switch{theo}=FALSE lsnr", 15),
        ("clrs set -p Debug_level{nosuch}=1 lsnr", 36),
        ("clrs set -p Debug_level{theo}=5 lsnr", 15),
        (
            "clrs set -p Debug_level{theo}=1 -p Debug_level{2}=2 lsnr",
            15,
        ),
        ("clrs set -p Debug_level{}=1 lsnr", 15),
    ] {
        let out = t.fails_unchanged(line, code);
        all.push_str(&format!("$ {line}\n{out}\n"));
    }
    insta::assert_snapshot!("objcli_pernode_refused", all);
    // A 3.1 cluster has one value per property: scrgadm -x with a node specifier is refused.
    let t31 = lsnr_cluster("3.1");
    t31.sh("scrgadm -a -j lsnr -g l-rg -t ACME.lsnr").ok();
    let out = t31.fails_unchanged("scrgadm -c -j lsnr -x Debug_level{theo}=1", 15);
    insta::assert_snapshot!("objcli_pernode_on_31", out.to_string());
}

/// nfs-stor and a gds application depending on it, online on both nodes of a scalable group.
fn dependent_pair() -> TestCluster {
    let t = TestCluster::init_with(
        "vincent,theo",
        &["--release", "3.2", "--filesystem", "/global/nfs"],
    );
    t.script(
        "clrt register SUNW.HAStoragePlus SUNW.gds
         clrg create -S -n vincent,theo s-rg
         clrs create -g s-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/nfs stor
         clrs create -g s-rg -t SUNW.gds -p Start_command=/bin/true -p Network_aware=false -p Resource_dependencies=stor app
         clrg online -eM s-rg",
    );
    t
}

#[test]
fn per_node_disable_checks_the_dependents_on_that_node() {
    let t = dependent_pair();
    let out = t.fails_unchanged("clrs disable -n theo stor", 37);
    insta::assert_snapshot!("objcli_pernode_disable_dependents", out.to_string());
    assert_eq!(t.r_state("stor", "theo"), "Online");
    // The dependent off on that node first: then the dependee may go there.
    t.sh("clrs disable -n theo app").ok();
    t.sh("clrs disable -n theo stor").ok();
    assert_eq!(t.r_state("stor", "theo"), "Offline");
    assert_eq!(t.r_state("stor", "vincent"), "Online");
    assert_eq!(t.r_state("app", "vincent"), "Online");
    // -r takes the dependents along, on that node only.
    let t = dependent_pair();
    t.sh("clrs disable -r -n vincent stor").ok();
    assert_eq!(t.r_state("app", "vincent"), "Offline");
    assert_eq!(t.r_state("stor", "vincent"), "Offline");
    assert_eq!(t.r_state("app", "theo"), "Online");
    // Both named together is as good.
    let t = dependent_pair();
    t.sh("clrs disable -n theo app,stor").ok();
    assert_eq!(t.r_state("stor", "theo"), "Offline");
    // The same on 3.2 through scswitch -n -h.
    let t = dependent_pair();
    let out = t.fails_unchanged("scswitch -n -j stor -h theo", 8);
    assert!(out.stderr.contains("scswitch -n -j app -h theo"), "{out}");
}

#[test]
fn list_status_and_show_filters() {
    let t = dependent_pair();
    t.script(
        "clrg create -n vincent,theo f-rg
         clrs create -d -g f-rg -t SUNW.gds -p Start_command=/bin/true -p Network_aware=false other",
    );
    t.sh("clrs disable -n theo app").ok();
    let mut all = String::new();
    for line in [
        "clrs list -s Online",
        "clrs list -s Offline -n theo",
        "clrs list -s offline",
        "clrs list -s Stop_failed",
        "clrg list -s Online",
        "clrg list -s Unmanaged",
        "clrg status -r other",
        "clrg status -t SUNW.HAStoragePlus -s Online",
        "clrg show -t SUNW.gds -r other",
        "clrt list -n theo",
        "clrt list -v",
        "clnode status -n theo",
    ] {
        let out = t.sh(line);
        all.push_str(&format!("$ {line}\n{out}\n"));
    }
    insta::assert_snapshot!("objcli_filters", all);
    let out = t.fails_unchanged("clrs list -s Runing", 3);
    assert!(
        out.stderr.contains("Running") || out.stderr.contains("Online"),
        "{out}"
    );
    t.fails_unchanged("clrg status -s Onlin", 3);
    t.fails_unchanged("clrg list -r nosuch", 36);
    t.fails_unchanged("clrg status -t ACME.nosuch", 36);
    t.fails_unchanged("clrt list -n nosuch", 36);
    t.fails_unchanged("clnode status -n nosuch", 36);
    let dg = TestCluster::init_with(
        "vincent,theo,jules",
        &["--release", "3.2", "--device-group", "nfs-dg@vincent,theo"],
    );
    assert_eq!(dg.sh("cldg list -n theo").stdout, "nfs-dg\n");
    assert_eq!(dg.sh("cldg list -n jules").stdout, "");
    dg.sh("cldg status -n jules").ok();
}

/// The remaining filters of the synopses: `clq list|show|status -t -n` and operands,
/// `clintr status|show -n`, `show -p` of clrs, clrg and clrt.
#[test]
fn quorum_interconnect_and_property_filters() {
    let t = dependent_pair();
    let mut all = String::new();
    for line in [
        "clq list",
        "clq list -t node",
        "clq list -t shared_disk",
        "clq list -n theo -t node",
        "clq list d2 vincent",
        "clq status -t shared_disk",
        "clq status -n vincent -t node",
        "clq show -t shared_disk",
        "clintr status -n theo",
        "clintr show -n vincent",
        "clrs show -p FilesystemMountPoints,Type_version stor",
        "clrs show -p enabled,Start_command +",
        "clrs show -v -p Start_command app",
        "clrg show -p Nodelist,Pingpong_interval s-rg",
        "clrt show -p RT_version,Failover SUNW.gds",
        "clrs list-props -l extension stor",
        "clrs list-props -v -p Start_command,Retry_count app",
        "clrt list-props -l standard -p Failover_mode,Network_aware SUNW.gds",
        "cluster show -t global,quorum",
        "cluster status -t resource sc-cluster",
        "clnode show -p Node_ID,Status theo",
        "clnode list -t cluster",
        "clnode list -t farm",
    ] {
        let out = t.sh(line);
        out.ok();
        all.push_str(&format!("$ {line}\n{}\n", out.stdout));
    }
    insta::assert_snapshot!("objcli_filters_quorum_interconnect_props", all);
    assert_eq!(t.sh("clq list -t node -n theo").stdout, "theo\n");
    assert_eq!(t.sh("clq list -t shared_disk").stdout, "d2\n");
    // Bad filter words: usage (3), unknown objects (36), a property no object shown has (15).
    t.fails_unchanged("clq list -t disk", 3);
    t.fails_unchanged("clq status d9", 36);
    t.fails_unchanged("clq list -n nosuch", 36);
    t.fails_unchanged("clintr status -n nosuch", 36);
    t.fails_unchanged("clintr status theo:qfe9", 36);
    let out = t.sh("clintr status theo:hme1");
    assert!(
        out.stdout.contains("theo:hme1") && !out.stdout.contains("qfe1"),
        "{out}"
    );
    let out = t.fails_unchanged("clrs show -p Retry_interval stor", 15);
    assert!(out.stderr.contains("Retry_interval"), "{out}");
    t.fails_unchanged("clrg show -p Nosuch s-rg", 15);
    t.fails_unchanged("clrt show -p Nosuch SUNW.gds", 15);
    t.fails_unchanged("clrs list-props -l extenson stor", 3);
    t.fails_unchanged("clrt list-props -p Nosuch SUNW.gds", 15);
    t.fails_unchanged("cluster show -t nodes", 3);
    t.fails_unchanged("cluster status other-cluster", 36);
    t.fails_unchanged("clnode status -t zone", 3);
    t.fails_unchanged("clrt show -n nosuch", 36);
    t.sh("clrt register -n vincent SUNW.apache").ok();
    let out = t.sh("clrt show -n theo -p Installed_nodes");
    assert!(!out.stdout.contains("SUNW.apache"), "{out}");
    assert!(out.stdout.contains("SUNW.HAStoragePlus"), "{out}");
    t.fails_unchanged("clnode show -p Nosuch", 15);
    let dg = TestCluster::init_with(
        "vincent,theo",
        &["--release", "4.4", "--device-group", "nfs-dg@vincent,theo"],
    );
    assert_eq!(dg.sh("cldg list -t svm").stdout, "nfs-dg\n");
    assert_eq!(dg.sh("cldg list -t sds -n theo").stdout, "nfs-dg\n");
    assert_eq!(dg.sh("cldg list -t vxvm").stdout, "");
    assert!(
        dg.sh("cldg show -t rawdisk")
            .stdout
            .find("nfs-dg")
            .is_none()
    );
    assert!(dg.sh("cldg status -t svm").stdout.contains("nfs-dg"));
    dg.fails_unchanged("cldg list -t zfs", 3);
    // -v of the status synopses is accepted (same tables).
    for (c, line) in [
        (&dg, "cldg status"),
        (&t, "clrs status"),
        (&t, "clrg status"),
    ] {
        let verbose = c.sh(&format!("{line} -v"));
        verbose.ok();
        assert_eq!(verbose.stdout, c.sh(line).stdout, "{line}");
    }
}

/// Every hint a cl command prints is spelled in the object CLI: no scrgadm, scswitch, scstat
/// or scconf command lines, from the admin rules, the engine and the executor alike.
#[test]
fn cl_hints_are_spelled_in_the_object_cli() {
    let t = dependent_pair();
    t.script(
        "clrg create -n vincent,theo app-rg
         clrg create -n vincent,theo -p RG_affinities=++app-rg fol-rg
         clrg set -p RG_dependencies=s-rg app-rg",
    );
    t.sh("scsim fault inject --resource app --method Stop --times 1")
        .ok();
    let mut all = String::new();
    let failing = [
        "clrs set -p On_off_switch=FALSE app",
        "clrs set -p Monitored_switch=FALSE app",
        "clrs set -p Network_aware=true app",
        "clrs create -g app-rg -t SUNW.gds -p Start_command=/bin/true gds2",
        "clrs create -g app-rg -t SUNW.HAStoragePlus -p Nodelist=vincent x",
        "clrs delete stor",
        "clrs disable stor",
        "clrs delete -F stor",
        "clrg delete s-rg",
        "clrg set -p RG_mode=Scalable app-rg",
        "clrg set -p Retry_count=3 app-rg",
        "clrg switch -n vincent,theo,nosuch app-rg",
        "clrt register ACME.nothing",
        "clrs set -p Type_version=9 app",
        "clrg offline s-rg",
        "clrg create -n vincent,theo -p RG_mode=Failover -p Maximum_primaries=2 wide-rg",
        "clrt set -p Installed_nodes=vincent SUNW.gds",
    ];
    for line in failing {
        let out = t.sh(line);
        assert_ne!(out.code, 0, "`{line}` should fail:\n{out}");
        all.push_str(&format!("$ {line}\n{}", out.stderr));
    }
    // The read-only state file's hint, from the store.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&t.state).unwrap().permissions();
    std::fs::set_permissions(&t.state, std::fs::Permissions::from_mode(0o444)).unwrap();
    for line in ["clrs disable app", "clrg online s-rg"] {
        let out = t.fails_unchanged(line, 6);
        all.push_str(&format!("$ {line}\n{}", out.stderr));
    }
    std::fs::set_permissions(&t.state, mode).unwrap();
    for bad in ["scrgadm", "scswitch", "scstat", "scconf"] {
        assert!(
            !all.contains(bad),
            "a cl command printed a 3.1 command ({bad}):\n{all}"
        );
    }
    assert!(all.contains("hint:"), "{all}");
    insta::assert_snapshot!("objcli_hints_32", all);
}

/// The commands that exist on every release (scha_*, scsim) spell the fixes of their hints in
/// the command set of the cluster's release: on 4.4 no scswitch, scrgadm, scstat or scconf line,
/// which do not exist there; on 3.1 the 3.1 commands. The read-only state file's hint is spelled
/// by the command that hit it.
#[test]
fn hints_follow_the_release_and_the_read_only_state() {
    let t = TestCluster::init_with(
        "vincent,theo",
        &["--release", "4.4", "--filesystem", "/global/nfs"],
    );
    t.script(
        "clrt register SUNW.HAStoragePlus SUNW.gds
         clrg create -S -n vincent,theo s-rg
         clrs create -g s-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/nfs stor
         clrs create -g s-rg -t SUNW.gds -p Start_command=/bin/true -p Network_aware=false -p Resource_dependencies=stor app
         clrg online -eM s-rg
         scsim on theo -- scha_control -O RESOURCE_DISABLE -G s-rg -R app",
    );
    let mut all = String::new();
    for (line, code) in [
        ("scha_control -O RESOURCE_DISABLE -G s-rg -R stor", 8),
        (
            "scsim on theo -- scha_control -O RESOURCE_RESTART -G s-rg -R app",
            9,
        ),
        (
            "scsim on theo -- scha_control -O CHANGE_STATE_ONLINE -G s-rg -R app",
            3,
        ),
    ] {
        let out = t.fails_unchanged(line, code);
        all.push_str(&format!("$ {line}\n{}", out.stderr));
    }
    // The state file made read-only: every changing command says what still works, in its
    // own command set.
    use std::os::unix::fs::PermissionsExt;
    let state = t.state.clone();
    let mode = std::fs::metadata(&state).unwrap().permissions();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o444)).unwrap();
    for line in [
        "clrs disable app",
        "clrg offline s-rg",
        "scha_resource_setstatus -R app -G s-rg -s DEGRADED",
        "scsim node down theo",
    ] {
        let out = t.fails_unchanged(line, 6);
        all.push_str(&format!("$ {line}\n{}", out.stderr));
    }
    std::fs::set_permissions(&state, mode.clone()).unwrap();
    for bad in ["scrgadm", "scswitch", "scstat", "scconf"] {
        assert!(
            !all.contains(bad),
            "a command on 4.4 printed a 3.1 command ({bad}):\n{all}"
        );
    }
    assert!(all.contains("clrs disable -n vincent app"), "{all}");
    assert!(all.contains("cluster status, cluster show"), "{all}");
    insta::assert_snapshot!("objcli_hints_44_scha_and_read_only", all);
    // 3.2 has both command sets; scha_* spell the object CLI, the documented one since 3.2.
    let t32 = dependent_pair();
    let out = t32.fails_unchanged("scha_control -O RESOURCE_DISABLE -G s-rg -R stor", 8);
    assert!(out.stderr.contains("clrs disable -n vincent app"), "{out}");
    // A 3.1 cluster keeps the 3.1 spelling, in scha_* and on a read-only state file.
    let t31 = dependent_pair_31();
    std::fs::set_permissions(&t31.state, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = t31.fails_unchanged("scha_resource_setstatus -R app -G s-rg -s DEGRADED", 6);
    assert!(
        out.stderr.contains("scstat, scrgadm -p, scsim log"),
        "{out}"
    );
    std::fs::set_permissions(&t31.state, mode).unwrap();
}

/// nfs-stor and a gds application depending on it on a 3.1 cluster, online.
fn dependent_pair_31() -> TestCluster {
    let t = TestCluster::init_with("vincent,theo", &["--filesystem", "/global/nfs"]);
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.gds
         scrgadm -a -g s-rg -h vincent,theo -y Maximum_primaries=2 -y Desired_primaries=2
         scrgadm -a -j stor -g s-rg -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/nfs
         scrgadm -a -j app -g s-rg -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false -y Resource_dependencies=stor
         scswitch -Z -g s-rg",
    );
    t
}

/// `-?` of a subcommand ends with its examples; the 1CL pages list every subcommand with its
/// options and examples.
#[test]
fn subcommand_help_and_pages_carry_examples() {
    let t = TestCluster::empty();
    let out = t.sh("clrs disable -?");
    out.ok();
    insta::assert_snapshot!("objcli_help_clrs_disable", out.stdout);
    for (cmd, verb) in [
        ("clrg", "status"),
        ("clresourcegroup", "evacuate"),
        ("cldg", "switch"),
        ("clq", "status"),
    ] {
        let out = t.sh(&format!("{cmd} {verb} -?"));
        out.ok();
        let ex = out.stdout.split("Examples:\n").nth(1).unwrap_or("");
        assert!(
            ex.lines()
                .next()
                .is_some_and(|l| l.trim_start().starts_with(cmd.get(..2).unwrap_or(""))),
            "{cmd} {verb}:\n{out}"
        );
    }
    let page = t.sh("scsim man clrs");
    page.ok();
    assert!(page.stdout.contains(".SH SUBCOMMANDS"), "{}", page.stdout);
    assert!(
        page.stdout
            .contains("Example: clrs disable \\-n node2 app\\-rs"),
        "{}",
        page.stdout
    );
    assert!(page.stdout.contains(".SH EXAMPLES"), "{}", page.stdout);
}
