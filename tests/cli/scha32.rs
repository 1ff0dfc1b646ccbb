//! Tests: what the scripting API gained with Sun Cluster 3.2 (scha_control's
//! RESOURCE_DISABLE, CHANGE_STATE_ONLINE/OFFLINE, IGNORE_FAILED_START; the 3.2 and 4.x optags
//! of the _get commands; `-Z zonename`), each refused on a release that lacks it; and the node
//! every command runs on (`SCSIM_NODE`, `scsim on`), which must exist and be up.

use crate::harness::TestCluster;

/// A proxy type, as the Oracle RAC proxies are (`Proxy = TRUE`).
const PROXY_RTR: &str = r#"
RESOURCE_TYPE = "crs_proxy";
VENDOR_ID = ACME;
RT_DESCRIPTION = "proxy for a Clusterware resource";
RT_VERSION = "1";
API_VERSION = 2;
FAILOVER = FALSE;
PROXY = TRUE;
GLOBAL_ZONE = TRUE;
RT_BASEDIR = /opt/ACME/bin;
START = proxy_start;
STOP = proxy_stop;
MONITOR_START = proxy_monitor_start;
MONITOR_STOP = proxy_monitor_stop;
"#;

/// The scripting API's seed (MAIL-RG online on mail-1) on `release`, with a proxy resource
/// `crs-rs` in MAIL-RG.
fn seed(release: &str) -> TestCluster {
    let t = TestCluster::init_with("mail-1,mail-2", &["--release", release]);
    let rtr = t.path().join("proxy.rtr");
    std::fs::write(&rtr, PROXY_RTR).unwrap();
    t.script(&format!(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -t ACME.crs_proxy -f {}
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
         scrgadm -a -j crs-rs -t ACME.crs_proxy -g MAIL-RG
         scswitch -Z -g MAIL-RG",
        rtr.display()
    ));
    t
}

/// Each line's output (or exit code and stderr), for a snapshot.
fn transcript(t: &TestCluster, lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let o = t.sh(line);
        out.push_str(&format!("$ {line}\n{}", o.stdout));
        if o.code != 0 {
            out.push_str(&format!("[exit {}] {}", o.code, o.stderr));
        }
    }
    out
}

/// The command line that asks for a 3.2 or 4.x optag.
fn query_line(tag: &str) -> String {
    use scsim::query::scha::{CLUSTER_TAGS, GROUP_TAGS, TYPE_TAGS};
    if GROUP_TAGS.contains(&tag) {
        format!("scha_resourcegroup_get -O {tag} -G MAIL-RG")
    } else if TYPE_TAGS.contains(&tag) {
        format!("scha_resourcetype_get -O {tag} -T ACME.crs_proxy")
    } else if CLUSTER_TAGS.contains(&tag) {
        match tag {
            "ALL_ZONES_NODEID" | "ALL_NONGLOBAL_ZONES_NODEID" => {
                format!("scha_cluster_get -O {tag} 2")
            }
            _ => format!("scha_cluster_get -O {tag}"),
        }
    } else {
        format!("scha_resource_get -O {tag} -R crs-rs -G MAIL-RG")
    }
}

#[test]
fn optags_of_later_releases_answer_there_and_are_unknown_before() {
    use scsim::query::scha::{SINCE_4_TAGS, SINCE_32_TAGS};
    let t = seed("3.2");
    t.script("scrgadm -c -j crs-rs -y Resource_dependencies_offline_restart=disk-rs");
    let mut lines: Vec<String> = SINCE_32_TAGS.iter().map(|t| query_line(t)).collect();
    lines.extend(SINCE_4_TAGS.iter().map(|t| query_line(t)));
    lines.push("scha_resource_get -O GLOBAL_ZONE_OVERRIDE -R mail-rs".into());
    lines.push("scha_resourcetype_get -O PROXY -T SUNW.ims".into());
    insta::assert_snapshot!("scha32_optags_on_32", transcript(&t, &lines));
    // 4.4 has the private strings too.
    let t44 = TestCluster::init_with("mail-1,mail-2", &["--release", "4.4"]);
    let o = t44.run("scha_cluster_get", &["-O", "all_pstrings"]);
    o.ok();
    assert_eq!(o.stdout, "");
    // 3.1 has none of them: exit 4, naming the release that brought it.
    let t31 = TestCluster::two_node();
    t31.script("scrgadm -a -g MAIL-RG -h mail-1,mail-2\nscrgadm -a -L -g MAIL-RG -l budgie");
    for tag in SINCE_32_TAGS.iter().chain(SINCE_4_TAGS) {
        let line = match *tag {
            "ALL_ZONES_NODEID" | "ALL_NONGLOBAL_ZONES_NODEID" => {
                format!("scha_cluster_get -O {tag} 2")
            }
            t if scsim::query::scha::CLUSTER_TAGS.contains(&t) => {
                format!("scha_cluster_get -O {t}")
            }
            t => query_line(t).replace("ACME.crs_proxy", "SUNW.LogicalHostname"),
        };
        let line = line.replace("crs-rs", "budgie");
        let o = t31.fails_unchanged(&line, 4);
        assert!(o.stdout.is_empty(), "{line}: {o}");
        assert!(
            o.stderr
                .contains("on Sun Cluster 3.1 (cluster sc-cluster): it came with"),
            "{line}: {o}"
        );
    }
}

#[test]
fn zone_option_names_the_global_cluster_only() {
    let t = seed("3.2");
    for z in ["global", "sc-cluster"] {
        let o = t.run(
            "scha_resourcegroup_get",
            &["-O", "RG_STATE", "-G", "MAIL-RG", "-Z", z],
        );
        o.ok();
        assert_eq!(o.stdout, "ONLINE\n");
        t.sh(&format!("scha_cluster_get -Z {z} -O CLUSTERNAME"))
            .ok();
        t.sh(&format!(
            "scha_resourcetype_get -O RT_VERSION -T SUNW.ims -Z {z}"
        ))
        .ok();
        t.sh(&format!(
            "scha_resource_get -O STATUS -R mail-rs -Z {z} -G MAIL-RG"
        ))
        .ok();
    }
    t.sh("scha_resource_setstatus -R mail-rs -G MAIL-RG -s DEGRADED -m slow -Z global")
        .ok();
    t.sh("scha_control -O CHECK_RESTART -G MAIL-RG -R mail-rs -Z sc-cluster")
        .ok();
    let mut report = String::new();
    for line in [
        "scha_resourcegroup_get -O RG_STATE -G MAIL-RG -Z zc-web",
        "scha_cluster_get -O ALL_NODENAMES -Z zc-web",
        "scha_resource_setstatus -R mail-rs -G MAIL-RG -s OK -Z zc-web",
        "scha_control -O GIVEOVER -G MAIL-RG -R mail-rs -Z zc-web",
    ] {
        let o = t.fails_unchanged(line, 3);
        assert!(o.stdout.is_empty());
        assert!(
            o.stderr.contains("zone cluster zc-web does not exist"),
            "{o}"
        );
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    // 3.1 has no -Z at all.
    let t31 = TestCluster::two_node();
    let o = t31.fails_unchanged("scha_cluster_get -O CLUSTERNAME -Z global", 3);
    report.push_str(&format!(
        "$ scha_cluster_get -O CLUSTERNAME -Z global (3.1)\n[exit {}]\n{}",
        o.code, o.stderr
    ));
    insta::assert_snapshot!("scha32_zone_refusals", report);
}

#[test]
fn resource_disable_disables_on_the_requesting_node_only() {
    let t = seed("3.2");
    t.sh("scsim on mail-1 -- scha_control -O resource_disable -G MAIL-RG -R mail-rs")
        .ok();
    let on_off = |n: &str| {
        t.sh(&format!(
            "scha_resource_get -O ON_OFF_SWITCH_NODE -R mail-rs {n}"
        ))
        .stdout
    };
    assert_eq!(on_off("mail-1"), "DISABLED\n");
    assert_eq!(on_off("mail-2"), "ENABLED\n");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Offline");
    assert_eq!(t.r_state("disk-rs", "mail-1"), "Online");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    let log = t.run("scsim", &["log", "--resource", "mail-rs", "--last", "12"]);
    assert!(
        log.stdout
            .contains("mail-rs in resource group MAIL-RG has requested to be disabled on mail-1"),
        "{log}"
    );
    assert!(log.stdout.contains("ims_svc_stop"), "{log}");
    // Refusals change nothing: not online there (9), LOG_ONLY (16), 3.1 (4).
    let mut report = String::new();
    for (line, code) in [
        (
            "scsim on mail-2 -- scha_control -O RESOURCE_DISABLE -G MAIL-RG -R disk-rs",
            9,
        ),
        (
            "scha_control -O RESOURCE_DISABLE -G MAIL-RG -R nosuch-rs",
            14,
        ),
    ] {
        let o = t.fails_unchanged(line, code);
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    t.script("scrgadm -c -j disk-rs -y Failover_mode=LOG_ONLY");
    let line = "scha_control -O RESOURCE_DISABLE -G MAIL-RG -R disk-rs";
    let o = t.fails_unchanged(line, 16);
    report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    let t31 = crate::harness::TestCluster::two_node();
    t31.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         scswitch -Z -g MAIL-RG",
    );
    let o = t31.fails_unchanged(line, 4);
    report.push_str(&format!("$ {line} (3.1)\n[exit {}]\n{}", o.code, o.stderr));
    insta::assert_snapshot!("scha32_resource_disable_refusals", report);
}

#[test]
fn change_state_sets_a_proxy_resource_without_running_methods() {
    let t = seed("3.2");
    // A resource that follows the proxy (offline-restart dependency).
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -j dep-rs -g MAIL-RG -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false -y Resource_dependencies_offline_restart=crs-rs
         scswitch -e -j dep-rs",
    );
    assert_eq!(t.r_state("crs-rs", "mail-1"), "Online");
    assert_eq!(t.r_state("dep-rs", "mail-1"), "Online");
    let log_from = |before: usize| -> Vec<String> {
        let log = t.run("scsim", &["log"]).stdout;
        log.lines().skip(before).map(str::to_string).collect()
    };
    let before = log_from(0).len();
    t.sh("scha_control -O CHANGE_STATE_OFFLINE -G MAIL-RG -R crs-rs")
        .ok();
    assert_eq!(t.r_state("crs-rs", "mail-1"), "Offline");
    assert_eq!(t.r_state("dep-rs", "mail-1"), "Offline");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(
        t.sh("scha_resource_get -O RESOURCE_STATE -R crs-rs").stdout,
        "OFFLINE\n"
    );
    let new = log_from(before);
    assert!(
        new.iter().all(|l| !l.contains("proxy_")),
        "a method of the proxy ran:\n{}",
        new.join("\n")
    );
    assert!(
        new.iter()
            .any(|l| l.contains("launching method <gds_svc_stop> for resource <dep-rs>")),
        "{}",
        new.join("\n")
    );
    assert!(
        new.iter()
            .any(|l| l.contains("proxy resource crs-rs in resource group MAIL-RG has requested to change its state to offline on mail-1")),
        "{}",
        new.join("\n")
    );
    let before = log_from(0).len();
    t.sh("scha_control -O Change_State_Online -G MAIL-RG -R crs-rs")
        .ok();
    assert_eq!(t.r_state("crs-rs", "mail-1"), "Online");
    assert_eq!(t.r_state("dep-rs", "mail-1"), "Online");
    let new = log_from(before);
    assert!(
        new.iter().all(|l| !l.contains("proxy_")),
        "{}",
        new.join("\n")
    );
    assert!(
        new.iter()
            .any(|l| l.contains("launching method <gds_svc_start> for resource <dep-rs>")),
        "{}",
        new.join("\n")
    );
    let mut report = String::new();
    for (line, code) in [
        (
            "scha_control -O CHANGE_STATE_OFFLINE -G MAIL-RG -R mail-rs",
            3,
        ),
        (
            "scsim on mail-2 -- scha_control -O CHANGE_STATE_ONLINE -G MAIL-RG -R crs-rs",
            9,
        ),
    ] {
        let o = t.fails_unchanged(line, code);
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    t.sh("scswitch -n -j crs-rs -h mail-1").ok();
    let line = "scha_control -O CHANGE_STATE_ONLINE -G MAIL-RG -R crs-rs";
    let o = t.fails_unchanged(line, 9);
    report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    insta::assert_snapshot!("scha32_change_state_refusals", report);
}

#[test]
fn ignore_failed_start_keeps_the_group_where_its_start_failed() {
    // Without the request, a failed Start under Failover_mode SOFT moves the group away.
    let plain = seed("3.2");
    plain
        .sh("scsim fault inject --resource mail-rs --method Start --node mail-2")
        .ok();
    plain.sh("scswitch -z -g MAIL-RG -h mail-2").expect_code(10);
    assert_eq!(plain.rg_state("MAIL-RG", "mail-1"), "Online");
    // With it, asked on mail-2 before the start there, the group stays (Online_faulted).
    let t = seed("3.2");
    t.sh("scsim fault inject --resource mail-rs --method Start --node mail-2")
        .ok();
    t.sh("scsim on mail-2 -- scha_control -O IGNORE_FAILED_START -G MAIL-RG -R mail-rs")
        .ok();
    assert_eq!(
        t.state_json()["resources"]["mail-rs"]["ignore_failed_start"],
        serde_json::json!(["mail-2"])
    );
    let o = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    o.expect_code(10);
    assert!(o.stderr.contains("IGNORE_FAILED_START"), "{o}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online_faulted");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Offline");
    assert_eq!(t.r_state("mail-rs", "mail-2"), "Start_failed");
    // The request covered that one start.
    assert!(t.state_json()["resources"]["mail-rs"]["ignore_failed_start"].is_null());
    // A node outside the Nodelist is refused (11), as is 3.1 (4).
    t.script("scrgadm -a -g ONE-RG -h mail-1\nscrgadm -a -j one-rs -g ONE-RG -t ACME.crs_proxy");
    let o = t.fails_unchanged(
        "scsim on mail-2 -- scha_control -O IGNORE_FAILED_START -G ONE-RG -R one-rs",
        11,
    );
    assert!(o.stderr.contains("mail-2 is not in the Nodelist"), "{o}");
    let t31 = TestCluster::two_node();
    let o = t31.fails_unchanged("scha_control -O IGNORE_FAILED_START -G ONE-RG -R one-rs", 4);
    assert!(o.stderr.contains("it came with Sun Cluster 3.2"), "{o}");
}

#[test]
fn every_personality_refuses_an_unknown_or_down_local_node() {
    let t = TestCluster::init_with("mail-1,mail-2", &["--release", "3.2"]);
    let before = t.state_bytes();
    let mut report = String::new();
    let mut check = |name: &str, args: &[&str], node: &str, code: i32| {
        let o = t.run_env(name, args, &[("SCSIM_NODE", node)]);
        assert_eq!(o.code, code, "{name} {args:?} on {node}: {o}");
        assert!(o.stdout.is_empty(), "{o}");
        report.push_str(&format!(
            "$ SCSIM_NODE={node} {name} {}\n[exit {}]\n{}",
            args.join(" "),
            o.code,
            o.stderr
        ));
    };
    check("scrgadm", &["-a", "-g", "RG", "-h", "mail-1"], "mial-1", 11);
    check("scswitch", &["-Z"], "mail-3", 11);
    check("scstat", &["-g"], "mail-3", 11);
    check("clrg", &["create", "RG"], "mail-3", 36);
    check("clrg", &["create", "RG"], "mial-2", 36);
    check("scha_cluster_get", &["-O", "NODENAME_LOCAL"], "9", 11);
    assert_eq!(t.state_bytes(), before, "a refused command wrote the state");
    // scsim on NODE: the same, in the command's own form.
    let o = t.run("scsim", &["on", "mail-9", "--", "clrg", "status"]);
    o.expect_code(36);
    assert!(o.stderr.contains("(C328200)"), "{o}");
    // A node that is down runs nothing; the simulator's own verbs act from outside.
    t.run("scsim", &["node", "down", "mail-2"]).ok();
    let mut report2 = String::new();
    for (name, args, code) in [
        ("scstat", &["-g"][..], 11),
        ("scrgadm", &["-a", "-g", "RG", "-h", "mail-1"][..], 11),
        ("clrg", &["list"][..], 9),
        (
            "scha_resource_setstatus",
            &["-R", "x", "-G", "y", "-s", "OK"][..],
            11,
        ),
    ] {
        let o = t.run_env(name, args, &[("SCSIM_NODE", "mail-2")]);
        assert_eq!(o.code, code, "{name}: {o}");
        assert!(o.stderr.contains("mail-2 is down"), "{o}");
        report2.push_str(&format!(
            "$ SCSIM_NODE=mail-2 {name} {}\n[exit {}]\n{}",
            args.join(" "),
            o.code,
            o.stderr
        ));
    }
    t.run_env("scstat", &["-n"], &[("SCSIM_NODE", "mail-1")])
        .ok();
    t.run_env(
        "scsim",
        &["node", "up", "mail-2"],
        &[("SCSIM_NODE", "mail-2")],
    )
    .ok();
    t.run_env("scstat", &["-g"], &[("SCSIM_NODE", "mail-2")])
        .ok();
    report.push_str(&report2);
    insta::assert_snapshot!("scha32_local_node_refusals", report);
}
