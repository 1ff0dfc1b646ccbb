//! Tests: the scripting API commands (scha_resource_get, scha_resourcegroup_get,
//! scha_resourcetype_get, scha_cluster_get, scha_resource_setstatus, scha_control) through
//! their links, on the seed cluster; shell scripts run with the links on PATH, as agent
//! methods and storage hooks run on a real node.

use crate::harness::{NOW, Output, TestCluster};
use std::process::Command;

fn seed() -> TestCluster {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2 -y Pingpong_interval=600
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
         scswitch -Z -g MAIL-RG
         scrgadm -a -g WEB-RG -h mail-2,mail-1 -y Failback=TRUE -y RG_description=\"web front end\"",
    );
    t
}

/// Run `script` with `sh`, the command links first on PATH, the pinned environment of the
/// harness and `SCSIM_NODE=node` when given.
fn shell(t: &TestCluster, script: &str, node: Option<&str>) -> Output {
    let path = format!("{}:/usr/bin:/bin", t.bin.display());
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", path)
        .env("SCSIM_STATE", &t.state)
        .env("SCSIM_NOW", NOW)
        .env("HOME", t.path())
        .env("LANG", "C")
        .current_dir(t.path());
    if let Some(n) = node {
        cmd.env("SCSIM_NODE", n);
    }
    let out = cmd.output().expect("run sh");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every optag of a command, one `$ command line` header and the output each (errors with
/// their exit code), for a snapshot.
fn every_optag(t: &TestCluster, lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let o = t.sh(line);
        out.push_str(&format!("$ {line}\n"));
        out.push_str(&o.stdout);
        if o.code != 0 {
            out.push_str(&format!("[exit {}] {}", o.code, o.stderr));
        }
    }
    out
}

#[test]
fn every_resource_optag() {
    let t = seed();
    let mut lines: Vec<String> = scsim::query::scha::RESOURCE_TAGS
        .iter()
        .chain(scsim::query::scha::TYPE_TAGS)
        .map(|tag| match *tag {
            "EXTENSION" => "scha_resource_get -O EXTENSION -R disk-rs FilesystemMountPoints".into(),
            "EXTENSION_NODE" => {
                "scha_resource_get -O EXTENSION_NODE -R mail-rs IMS_serverroot mail-2".into()
            }
            t if t.ends_with("_NODE") => format!("scha_resource_get -O {t} -R mail-rs mail-2"),
            t => format!("scha_resource_get -O {t} -R mail-rs -G MAIL-RG"),
        })
        .collect();
    lines.push("scha_resource_get -O extension -R disk-rs AffinityOn".into());
    lines.push("scha_resource_get -O Retry_Count -G MAIL-RG -R mail-rs".into());
    insta::assert_snapshot!("scha_resource_get_every_optag", every_optag(&t, &lines));
}

#[test]
fn every_group_type_and_cluster_optag() {
    let t = seed();
    let mut lines: Vec<String> = Vec::new();
    for g in ["MAIL-RG", "WEB-RG"] {
        for tag in scsim::query::scha::GROUP_TAGS {
            lines.push(match *tag {
                "RG_STATE_NODE" => format!("scha_resourcegroup_get -O {tag} -G {g} mail-2"),
                _ => format!("scha_resourcegroup_get -O {tag} -G {g}"),
            });
        }
    }
    for tag in scsim::query::scha::TYPE_TAGS {
        lines.push(format!(
            "scha_resourcetype_get -O {tag} -T SUNW.LogicalHostname"
        ));
    }
    lines.push("scha_resourcetype_get -T SUNW.ims -O resource_list".into());
    for tag in scsim::query::scha::CLUSTER_TAGS {
        lines.push(match *tag {
            "NODEID_NODENAME" | "NODESTATE_NODE" | "PRIVATELINK_HOSTNAME_NODE" => {
                format!("scha_cluster_get -O {tag} mail-2")
            }
            "NODENAME_NODEID" | "ALL_ZONES_NODEID" | "ALL_NONGLOBAL_ZONES_NODEID" => {
                format!("scha_cluster_get -O {tag} 2")
            }
            _ => format!("scha_cluster_get -O {tag}"),
        });
    }
    insta::assert_snapshot!(
        "scha_group_type_cluster_every_optag",
        every_optag(&t, &lines)
    );
}

#[test]
fn per_node_optags_answer_for_the_local_node() {
    let t = seed();
    let on = |node: &str, line: &str| {
        let words: Vec<String> = crate::harness::split_words(line);
        let mut args = vec!["on", node, "--"];
        args.extend(words.iter().map(String::as_str));
        let o = t.run("scsim", &args);
        o.ok();
        o.stdout
    };
    assert_eq!(
        on("mail-1", "scha_resourcegroup_get -O RG_STATE -G MAIL-RG"),
        "ONLINE\n"
    );
    assert_eq!(
        on("mail-2", "scha_resourcegroup_get -O rg_state -G MAIL-RG"),
        "OFFLINE\n"
    );
    assert_eq!(
        on("2", "scha_resource_get -O RESOURCE_STATE -R mail-rs"),
        "OFFLINE\n"
    );
    assert_eq!(
        on("mail-2", "scha_cluster_get -O NODENAME_LOCAL"),
        "mail-2\n"
    );
    assert_eq!(on("mail-2", "scha_cluster_get -O NODEID_LOCAL"), "2\n");
    // SCSIM_NODE does the same, and the default is the member with the lowest id.
    let o = t.run_env(
        "scha_resource_get",
        &["-O", "STATUS", "-R", "mail-rs"],
        &[("SCSIM_NODE", "mail-2")],
    );
    assert_eq!(o.stdout, "OFFLINE\n\n");
    let o = t.run("scha_resource_get", &["-R", "mail-rs", "-O", "STATUS"]);
    assert_eq!(o.stdout, "OK\n\n");
    // The local node answers follow a node's death.
    t.run("scsim", &["node", "down", "mail-1"]).ok();
    let o = t.run_env(
        "scha_cluster_get",
        &["-O", "NODESTATE_NODE", "mail-1"],
        &[("SCSIM_NODE", "mail-2")],
    );
    assert_eq!(o.stdout, "DOWN\n");
    assert_eq!(
        on("mail-2", "scha_resourcegroup_get -O RG_STATE -G MAIL-RG"),
        "ONLINE\n"
    );
    assert_eq!(
        on("mail-2", "scha_cluster_get -O NODENAME_LOCAL"),
        "mail-2\n"
    );
}

#[test]
fn errors_exit_with_scha_codes_and_print_nothing_on_stdout() {
    let t = seed();
    let cases: &[(&str, i32, &str)] = &[
        ("scha_resourcegroup_get -O RG_STATE -G NO-RG", 12, "NO-RG"),
        (
            "scha_resourcegroup_get -O RG_STATE -G mail-rg",
            12,
            "did you mean MAIL-RG?",
        ),
        ("scha_resource_get -O STATUS -R nosuch-rs", 14, "nosuch-rs"),
        (
            "scha_resource_get -O STATUS -R mail-rs -G WEB-RG",
            14,
            "is in MAIL-RG",
        ),
        (
            "scha_resource_get -O STATUS -R mail-rs -G NO-RG",
            12,
            "NO-RG",
        ),
        (
            "scha_resourcetype_get -O RT_VERSION -T SUNW.nosuch",
            13,
            "SUNW.nosuch",
        ),
        (
            "scha_resourcegroup_get -O RG_STAT -G MAIL-RG",
            4,
            "did you mean RG_STATE?",
        ),
        (
            "scha_resource_get -O BOGUS -R mail-rs",
            4,
            "BOGUS is not an optag",
        ),
        ("scha_cluster_get -O NODENAME", 4, "scha_cluster_get --help"),
        (
            "scha_resourcetype_get -O RG_STATE -T SUNW.ims",
            4,
            "RG_STATE",
        ),
        (
            "scha_resourcegroup_get -O RG_STATE_NODE -G MAIL-RG mail-9",
            11,
            "mail-9",
        ),
        (
            "scha_cluster_get -O NODENAME_NODEID 7",
            11,
            "7 is not a cluster node",
        ),
        (
            "scha_resourcegroup_get -O RG_STATE_NODE -G MAIL-RG",
            3,
            "takes the operand node",
        ),
        (
            "scha_resourcegroup_get -O RG_STATE -G MAIL-RG mail-2",
            3,
            "takes no operand",
        ),
        (
            "scha_resource_get -O EXTENSION -R disk-rs Nope",
            15,
            "no extension property Nope",
        ),
        (
            "scha_resource_get -O RETRY_COUNT -R disk-rs",
            15,
            "does not declare it",
        ),
        ("scha_resourcegroup_get -G MAIL-RG", 3, "-O"),
        ("scha_resource_get -O STATUS", 3, "-R"),
    ];
    let mut report = String::new();
    for (line, code, needle) in cases {
        let o = t.fails_unchanged(line, *code);
        assert!(o.stdout.is_empty(), "`{line}` printed on stdout:\n{o}");
        assert!(o.stderr.contains(needle), "`{line}`: no {needle:?}:\n{o}");
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    insta::assert_snapshot!("scha_get_errors", report);
    // An unknown SCSIM_NODE is exit 11 too.
    let o = t.run_env(
        "scha_cluster_get",
        &["-O", "NODENAME_LOCAL"],
        &[("SCSIM_NODE", "mail-7")],
    );
    o.expect_code(11);
    assert!(o.stdout.is_empty());
    // Captured in a script, a failed query leaves the variable empty.
    let o = shell(
        &t,
        "x=$(scha_resourcegroup_get -O RG_STATE -G NO-RG 2>/dev/null); echo \"rc=$? [$x]\"",
        None,
    );
    assert_eq!(o.stdout, "rc=12 []\n");
}

#[test]
fn listing_built_from_the_queries() {
    let t = seed();
    // The Oracle helper's listing: every group with its state, mode and failback, and each
    // resource with its type and state.
    let script = r#"
for rg in $(scha_cluster_get -O ALL_RESOURCEGROUPS); do
  echo "$rg $(scha_resourcegroup_get -O RG_STATE -G $rg) $(scha_resourcegroup_get -O RG_MODE -G $rg) failback=$(scha_resourcegroup_get -O FAILBACK -G $rg)"
  for r in $(scha_resourcegroup_get -O RESOURCE_LIST -G $rg); do
    echo "  $r $(scha_resource_get -O TYPE -R $r -G $rg) $(scha_resource_get -O RESOURCE_STATE -R $r -G $rg)"
  done
done
"#;
    let o = shell(&t, script, None);
    assert_eq!(o.code, 0, "{o}");
    assert_eq!(
        o.stdout,
        "MAIL-RG ONLINE FAILOVER failback=FALSE
  budgie SUNW.LogicalHostname:2 ONLINE
  disk-rs SUNW.HAStoragePlus:4 ONLINE
  mail-rs SUNW.ims ONLINE
WEB-RG UNMANAGED FAILOVER failback=TRUE
"
    );
}

#[test]
fn switchover_loop_keyed_on_rg_state_on_the_other_node() {
    let t = seed();
    // A storage hook run on mail-2: wait until the group is not online here, then switch it
    // to this node, and wait until it reads ONLINE (bounded: the simulator answers at once).
    let script = r#"
me=$(scha_cluster_get -O NODENAME_LOCAL)
i=0
while [ $i -lt 5 ]; do
  i=$((i+1))
  state=$(scha_resourcegroup_get -O RG_STATE -G MAIL-RG) || exit 1
  echo "$me sees $state"
  case $state in
    ONLINE) echo "online on $me"; exit 0 ;;
    OFFLINE) scswitch -z -g MAIL-RG -h "$me" || exit 2 ;;
  esac
done
exit 3
"#;
    let o = shell(&t, script, Some("mail-2"));
    assert_eq!(o.code, 0, "{o}");
    assert_eq!(
        o.stdout,
        "mail-2 sees OFFLINE\nmail-2 sees ONLINE\nonline on mail-2\n"
    );
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Offline");
    // The switch was logged on the node the script ran on.
    let log = t.run("scsim", &["log"]).stdout;
    let line = log
        .lines()
        .find(|l| l.contains("command: scswitch -z -g MAIL-RG -h mail-2"))
        .expect("the switch is logged");
    assert!(line.contains("mail-2"), "{line}");
}

#[test]
fn setstatus_is_what_scstat_and_status_show() {
    let t = seed();
    t.sh("scha_resource_setstatus -R mail-rs -G MAIL-RG -s degraded -m 'queue is slow'")
        .ok();
    let o = t.run("scha_resource_get", &["-O", "STATUS", "-R", "mail-rs"]);
    assert_eq!(o.stdout, "DEGRADED\nqueue is slow\n");
    let g = t.run("scstat", &["-g"]);
    g.ok();
    let line = g
        .stdout
        .lines()
        .find(|l| l.contains("mail-rs") && l.contains("mail-1"))
        .expect("mail-rs on mail-1");
    assert!(line.ends_with("Degraded - queue is slow"), "{line}");
    // On the other node, through scsim on: only that node's status changes.
    t.run(
        "scsim",
        &[
            "on",
            "mail-2",
            "--",
            "scha_resource_setstatus",
            "-G",
            "MAIL-RG",
            "-R",
            "mail-rs",
            "-s",
            "FAULTED",
        ],
    )
    .ok();
    let o = t.run(
        "scha_resource_get",
        &["-O", "STATUS_NODE", "-R", "mail-rs", "mail-2"],
    );
    assert_eq!(o.stdout, "FAULTED\n\n");
    let o = t.run("scha_resource_get", &["-O", "STATUS", "-R", "mail-rs"]);
    assert_eq!(o.stdout, "DEGRADED\nqueue is slow\n");
    // Without -m the message is cleared.
    t.sh("scha_resource_setstatus -R mail-rs -G MAIL-RG -s OK")
        .ok();
    let o = t.run("scha_resource_get", &["-O", "STATUS", "-R", "mail-rs"]);
    assert_eq!(o.stdout, "OK\n\n");
    let g = t.run("scstat", &["-g"]);
    insta::assert_snapshot!("scha_setstatus_scstat_g", g.to_string());
    // Each change is logged on the node it ran on.
    let log = t.run("scsim", &["log"]).stdout;
    let logged: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("scha_resource_setstatus") || l.contains("status"))
        .filter(|l| l.contains("mail-rs"))
        .collect();
    insta::assert_snapshot!("scha_setstatus_log", logged.join("\n"));
}

#[test]
fn setstatus_refusals_change_nothing() {
    let t = seed();
    let cases: &[(&str, i32, &str)] = &[
        (
            "scha_resource_setstatus -R mail-rs -G MAIL-RG -s BUSY",
            17,
            "-s BUSY",
        ),
        (
            "scha_resource_setstatus -R mail-rs -G NO-RG -s OK",
            12,
            "NO-RG",
        ),
        (
            "scha_resource_setstatus -R no-rs -G MAIL-RG -s OK",
            14,
            "no-rs",
        ),
        (
            "scha_resource_setstatus -R mail-rs -G WEB-RG -s OK",
            14,
            "is in MAIL-RG",
        ),
        ("scha_resource_setstatus -R mail-rs -s OK", 3, "-G"),
        ("scha_resource_setstatus -R mail-rs -G MAIL-RG", 3, "-s"),
        (
            "scha_resource_setstatus -R mail-rs -G MAIL-RG -s OK -m 'a\u{1b}[31mred'",
            3,
            "control character U+001B",
        ),
        (
            "scha_resource_setstatus -R mail-rs -G MAIL-RG -s OK -m 'two\nlines'",
            3,
            "newline",
        ),
    ];
    for (line, code, needle) in cases {
        let o = t.fails_unchanged(line, *code);
        assert!(o.stdout.is_empty(), "{o}");
        assert!(o.stderr.contains(needle), "`{line}`: no {needle:?}:\n{o}");
    }
    let before = t.state_bytes();
    let o = t.run_env(
        "scha_resource_setstatus",
        &["-R", "mail-rs", "-G", "MAIL-RG", "-s", "OK"],
        &[("SCSIM_NODE", "mail-9")],
    );
    o.expect_code(11);
    assert_eq!(t.state_bytes(), before);
}

/// Log lines of the commands, scha_control requests and group state changes after line `from`.
fn control_log(t: &TestCluster, from: usize) -> String {
    let out = t.run("scsim", &["log"]).stdout;
    out.lines()
        .skip(from)
        .filter(|l| {
            l.contains("Cluster.CMD")
                || l.contains("[ID 494478")
                || l.contains("resource group MAIL-RG state")
                || l.contains("launching method")
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn log_len(t: &TestCluster) -> usize {
    t.run("scsim", &["log"]).stdout.lines().count()
}

#[test]
fn giveover_moves_the_group_and_pingpong_keeps_it_from_coming_back() {
    let t = seed();
    let from = log_len(&t);
    // CHECK_GIVEOVER changes nothing and logs nothing.
    let before = t.state_bytes();
    t.sh("scha_control -O check_giveover -G MAIL-RG -R mail-rs")
        .ok();
    assert_eq!(t.state_bytes(), before);
    let o = t.sh("scha_control -O GIVEOVER -G MAIL-RG -R mail-rs");
    o.ok();
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{o}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Offline");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    insta::assert_snapshot!("scha_control_giveover_log", control_log(&t, from));
    // Given back from mail-2 within Pingpong_interval (600 s): mail-1 gave it away, refused.
    let o = t.run_env(
        "scha_control",
        &["-O", "CHECK_GIVEOVER", "-G", "MAIL-RG", "-R", "mail-rs"],
        &[("SCSIM_NODE", "mail-2")],
    );
    o.expect_code(16);
    assert!(o.stderr.contains("mail-1 gave MAIL-RG away"), "{o}");
    let before = t.state_bytes();
    let o = t.run_env(
        "scha_control",
        &["-O", "GIVEOVER", "-G", "MAIL-RG", "-R", "mail-rs"],
        &[("SCSIM_NODE", "mail-2")],
    );
    o.expect_code(16);
    assert!(o.stdout.is_empty());
    assert!(o.stderr.contains("Pingpong_interval 600 s"), "{o}");
    assert_eq!(t.state_bytes(), before);
    // Past the interval it may go back.
    t.run("scsim", &["time", "advance", "11m"]).ok();
    let o = t.run_env(
        "scha_control",
        &["-O", "GIVEOVER", "-G", "MAIL-RG", "-R", "mail-rs"],
        &[("SCSIM_NODE", "mail-2")],
    );
    o.ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
}

#[test]
fn control_refusals_change_nothing() {
    let t = seed();
    let cases: &[(&str, i32, &str)] = &[
        ("scha_control -O GIVEOVER -G NO-RG -R mail-rs", 12, "NO-RG"),
        ("scha_control -O GIVEOVER -G MAIL-RG -R no-rs", 14, "no-rs"),
        (
            "scha_control -O GIVEOVER -G WEB-RG -R mail-rs",
            14,
            "is in MAIL-RG",
        ),
        (
            "scha_control -O GIVE_OVER -G MAIL-RG -R mail-rs",
            4,
            "did you mean GIVEOVER?",
        ),
        ("scha_control -O GIVEOVER -G MAIL-RG", 3, "-R"),
        // The group is offline on the node the command runs on.
        (
            "scsim on mail-2 -- scha_control -O GIVEOVER -G MAIL-RG -R mail-rs",
            9,
            "not online on mail-2",
        ),
        (
            "scsim on mail-2 -- scha_control -O RESTART -G MAIL-RG -R mail-rs",
            9,
            "not online on mail-2",
        ),
    ];
    let mut report = String::new();
    for (line, code, needle) in cases {
        let o = t.fails_unchanged(line, *code);
        assert!(o.stdout.is_empty(), "{o}");
        assert!(o.stderr.contains(needle), "`{line}`: no {needle:?}:\n{o}");
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    // No other node to go to: mail-2 is down.
    t.run("scsim", &["node", "down", "mail-2"]).ok();
    for line in [
        "scha_control -O GIVEOVER -G MAIL-RG -R mail-rs",
        "scha_control -O CHECK_GIVEOVER -G MAIL-RG -R mail-rs",
    ] {
        let o = t.fails_unchanged(line, 16);
        assert!(o.stderr.contains("mail-2 is down"), "{o}");
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    t.run("scsim", &["node", "up", "mail-2"]).ok();
    // Failover_mode decides what a monitor may ask for.
    t.sh("scrgadm -c -j mail-rs -y Failover_mode=LOG_ONLY").ok();
    for line in [
        "scha_control -O GIVEOVER -G MAIL-RG -R mail-rs",
        "scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs",
        "scha_control -O CHECK_RESTART -G MAIL-RG -R mail-rs",
    ] {
        let o = t.fails_unchanged(line, 16);
        assert!(o.stderr.contains("LOG_ONLY"), "{o}");
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    t.sh("scrgadm -c -j mail-rs -y Failover_mode=RESTART_ONLY")
        .ok();
    for line in [
        "scha_control -O GIVEOVER -G MAIL-RG -R mail-rs",
        "scha_control -O RESTART -G MAIL-RG -R mail-rs",
    ] {
        let o = t.fails_unchanged(line, 16);
        assert!(o.stderr.contains("RESTART_ONLY"), "{o}");
        report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    }
    // RESTART_ONLY: Retry_count (2) restarts within Retry_interval, then refused.
    t.sh("scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs")
        .ok();
    t.sh("scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs")
        .ok();
    let line = "scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs";
    let o = t.fails_unchanged(line, 16);
    assert!(o.stderr.contains("Retry_count 2"), "{o}");
    report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    // Suspended automatic recovery refuses every request.
    t.sh("scrgadm -c -j mail-rs -y Failover_mode=SOFT").ok();
    t.sh("scswitch -s -g MAIL-RG").ok();
    let line = "scha_control -O RESTART -G MAIL-RG -R mail-rs";
    let o = t.fails_unchanged(line, 16);
    assert!(o.stderr.contains("suspended"), "{o}");
    report.push_str(&format!("$ {line}\n[exit {}]\n{}", o.code, o.stderr));
    insta::assert_snapshot!("scha_control_refusals", report);
}

#[test]
fn restarts_run_the_methods_and_count() {
    let t = seed();
    let count = |tag: &str| {
        let o = t.run("scha_resource_get", &["-O", tag, "-R", "mail-rs"]);
        o.ok();
        o.stdout
    };
    let from = log_len(&t);
    t.sh("scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs")
        .ok();
    assert_eq!(count("NUM_RESOURCE_RESTARTS"), "1\n");
    t.sh("scha_control -O RESOURCE_IS_RESTARTED -G MAIL-RG -R mail-rs")
        .ok();
    assert_eq!(count("NUM_RESOURCE_RESTARTS"), "2\n");
    t.sh("scha_control -O CHECK_RESTART -G MAIL-RG -R mail-rs")
        .ok();
    assert_eq!(count("NUM_RG_RESTARTS"), "0\n");
    t.sh("scha_control -O RESTART -G MAIL-RG -R mail-rs").ok();
    assert_eq!(count("NUM_RG_RESTARTS"), "1\n");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    insta::assert_snapshot!("scha_control_restarts_log", control_log(&t, from));
    // The counts fall back to zero once Retry_interval has passed.
    t.run("scsim", &["time", "advance", "1h"]).ok();
    assert_eq!(count("NUM_RESOURCE_RESTARTS"), "0\n");
    assert_eq!(count("NUM_RG_RESTARTS"), "0\n");
}

#[test]
fn a_probe_script_restarts_then_gives_over() {
    let t = seed();
    // A GDS-style probe on the primary: restart in place while Retry_count allows, then ask
    // for a giveover (the RGM moves the group to mail-2).
    let script = r#"
R=mail-rs G=MAIL-RG
rc=$(scha_resource_get -O RETRY_COUNT -R $R -G $G)
n=$(scha_resource_get -O NUM_RESOURCE_RESTARTS -R $R -G $G)
while [ "$n" -lt "$rc" ]; do
  scha_control -O RESOURCE_RESTART -R $R -G $G || exit 1
  n=$(scha_resource_get -O NUM_RESOURCE_RESTARTS -R $R -G $G)
  echo "restarted $n of $rc"
done
if scha_control -O CHECK_GIVEOVER -R $R -G $G; then
  scha_control -O GIVEOVER -R $R -G $G && echo "gave over"
fi
"#;
    let o = shell(&t, script, Some("mail-1"));
    assert_eq!(o.code, 0, "{o}");
    assert_eq!(o.stdout, "restarted 1 of 2\nrestarted 2 of 2\ngave over\n");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    let o = t.run_env(
        "scha_resourcegroup_get",
        &["-O", "RG_STATE", "-G", "MAIL-RG"],
        &[("SCSIM_NODE", "mail-2")],
    );
    assert_eq!(o.stdout, "ONLINE\n");
}
