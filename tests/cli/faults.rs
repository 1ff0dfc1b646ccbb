//! Tests: the simulator's failure verbs through the binary, on the seed cluster built with the
//! real scrgadm: node crash and boot, method and monitor faults, the SUNW.ims watcher, simulated
//! time, `simulate` and `--dry-run` (the state file untouched), fault list/clear.

use crate::harness::TestCluster;

fn seed() -> TestCluster {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
         scswitch -Z -g MAIL-RG",
    );
    t
}

/// Methods launched after log position `from`, as `node Method resource`.
fn launched(t: &TestCluster, from: usize) -> Vec<String> {
    let out = t.run("scsim", &["log"]);
    out.ok();
    out.stdout
        .lines()
        .skip(from)
        .filter_map(|l| {
            let rest = l.split("launching method <").nth(1)?;
            let (m, rest) = rest.split_once('>')?;
            let r = rest.split("resource <").nth(1)?.split('>').next()?;
            let n = rest.split("node <").nth(1)?.split('>').next()?;
            Some(format!("{n} {m} {r}"))
        })
        .collect()
}

fn log_len(t: &TestCluster) -> usize {
    t.run("scsim", &["log"]).stdout.lines().count()
}

#[test]
fn seed_step_15_node_death_brings_mail_rg_back_in_order() {
    let t = seed();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    let from = log_len(&t);
    let out = t.sh("scsim node down mail-2");
    out.ok();
    assert!(out.stdout.contains("Crash     mail-2"), "{out}");
    assert!(out.stdout.contains("MAIL-RG: Online on mail-1"), "{out}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(
        launched(&t, from),
        [
            "mail-1 hafoip_prenet_start budgie",
            "mail-1 hastorageplus_prenet_start disk-rs",
            "mail-1 hafoip_start budgie",
            "mail-1 hafoip_monitor_start budgie",
            "mail-1 hastorageplus_start disk-rs",
            "mail-1 hastorageplus_monitor_start disk-rs",
            "mail-1 ims_svc_start mail-rs",
            "mail-1 ims_monitor_start mail-rs",
        ]
    );
    let q = t.run("scstat", &["-n"]);
    assert!(q.stdout.contains("mail-2"), "{q}");
    // mail-2 boots: Boot methods (HAStoragePlus declares one); Failback is FALSE, so the group
    // stays on mail-1.
    let from = log_len(&t);
    t.sh("scsim node up mail-2").ok();
    assert!(launched(&t, from).contains(&"mail-2 hastorageplus_boot disk-rs".to_string()));
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
}

#[test]
fn disk_rs_start_failure_leaves_mail_rs_down_per_failover_mode() {
    // HAStoragePlus' Failover_mode is NONE: no relocation.
    let t = seed();
    t.sh("scsim fault inject --resource disk-rs --method Start --node mail-2")
        .ok();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").expect_code(10);
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online_faulted");
    assert_eq!(t.r_state("mail-rs", "mail-2"), "Offline");
    // With SOFT the RGM takes MAIL-RG elsewhere: back to mail-1.
    let t = seed();
    t.sh("scrgadm -c -j disk-rs -y Failover_mode=SOFT").ok();
    t.sh("scsim fault inject --resource disk-rs --method Start --node mail-2")
        .ok();
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    out.expect_code(10);
    assert!(out.stderr.contains("Failover_mode SOFT"), "{out}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    assert_eq!(t.r_state("mail-rs", "mail-2"), "Offline");
}

#[test]
fn stop_failed_blocks_until_cleared() {
    let t = seed();
    t.sh("scsim fault inject --resource mail-rs --method Stop --times 1")
        .ok();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").expect_code(10);
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Error_stop_failed");
    let out = t.fails_unchanged("scswitch -z -g MAIL-RG -h mail-2", 9);
    insta::assert_snapshot!("faults_stop_failed_refusal", out.to_string());
    // A node crash elsewhere does not move it either.
    t.sh("scsim node down mail-2").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Error_stop_failed");
    t.sh("scsim node up mail-2").ok();
    t.sh("scswitch -c -h mail-1 -j mail-rs -f STOP_FAILED").ok();
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Offline");
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
}

#[test]
fn ims_watcher_restarts_then_fails_over() {
    let t = seed();
    let out = t.sh("scsim fault inject --resource mail-rs --watcher");
    out.ok();
    insta::assert_snapshot!("faults_ims_watcher_restart", out.to_string());
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    // Two more failures within Retry_interval (620 s): the second exhausts Retry_count 2.
    let out = t.sh("scsim fault inject --resource mail-rs --watcher --times 2");
    out.ok();
    assert!(out.stdout.contains("giveover"), "{out}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    let log = t.sh("scsim log --resource mail-rs");
    assert!(log.stdout.contains("Cluster.PMF.pmfd"), "{log}");
    assert!(
        log.stdout
            .contains("has requested failover of the resource group on mail-1"),
        "{log}"
    );
}

#[test]
fn retry_window_and_time_advance() {
    let t = seed();
    t.sh("scsim fault inject --resource mail-rs --watcher --times 2")
        .ok();
    let out = t.sh("scsim time advance 11m");
    out.ok();
    assert!(out.stdout.contains("Retry_interval of mail-rs"), "{out}");
    // The count started again: one more failure is a restart, not a failover.
    let out = t.sh("scsim fault inject --resource mail-rs --watcher");
    assert!(out.stdout.contains("restart"), "{out}");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    let out = t.fails_unchanged("scsim time advance soon", 3);
    assert!(out.stderr.contains("not a duration"), "{out}");
}

#[test]
fn simulate_and_dry_run_leave_the_state_untouched() {
    let t = seed();
    let before = t.state_bytes();
    let out = t.sh("scsim simulate --node-down mail-1 --fail disk-rs:Start@mail-2");
    out.ok();
    insta::assert_snapshot!("faults_simulate", out.to_string());
    let out = t.sh("scsim node down mail-1 --dry-run");
    out.ok();
    assert!(
        out.stdout.contains("Dry run: nothing was changed."),
        "{out}"
    );
    t.sh("scsim node down mail-1 --clean --dry-run").ok();
    t.sh("scsim fault inject --resource mail-rs --monitor --dry-run")
        .ok();
    t.sh("scsim fault inject --resource mail-rs --method Stop --dry-run")
        .ok();
    t.sh("scsim time advance 1h --dry-run").ok();
    assert_eq!(before, t.state_bytes(), "the state file changed");
    let out = t.fails_unchanged("scsim simulate --fail disk-rs", 3);
    assert!(out.stderr.contains("RESOURCE:METHOD"), "{out}");
}

#[test]
fn fault_list_and_clear() {
    let t = seed();
    t.sh("scsim fault inject --resource disk-rs --method Start --node mail-2 --times 2")
        .ok();
    t.sh("scsim fault inject --resource budgie --method Stop --timeout")
        .ok();
    let out = t.sh("scsim fault list");
    out.ok();
    assert_eq!(
        out.stdout,
        "disk-rs: Start fails on mail-2, next 2 calls\nbudgie: Stop hangs until its timeout on any node, every call\n"
    );
    let json = t.sh("scsim fault list --json");
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["faults"].as_array().unwrap().len(), 2);
    t.sh("scsim fault clear --resource disk-rs").ok();
    assert_eq!(t.sh("scsim fault list").stdout.lines().count(), 1);
    t.sh("scsim fault clear").ok();
    assert_eq!(t.sh("scsim fault list").stdout, "No faults armed.\n");
    let out = t.fails_unchanged(
        "scsim fault inject --resource mail-rs --method Prenet_start",
        3,
    );
    assert!(out.stderr.contains("declares no Prenet_start"), "{out}");
    let out = t.fails_unchanged("scsim fault inject --resource mail-rs", 3);
    assert!(out.stderr.contains("--monitor"), "{out}");
}

#[test]
fn quorum_loss_and_new_cluster() {
    let t = TestCluster::init("n1,n2,n3");
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g APP-RG -h n1,n2,n3
         scrgadm -a -j app -g APP-RG -t SUNW.gds -x Start_command=/bin/app -x Network_aware=false
         scswitch -Z -g APP-RG
         scsim node down n1",
    );
    let out = t.sh("scsim node down n2");
    out.ok();
    assert!(out.stdout.contains("lost operational quorum"), "{out}");
    let j = t.state_json();
    assert!(
        j["cluster"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["up"] == false)
    );
    let out = t.fails_unchanged("scsim node up n1", 11);
    assert!(out.stderr.contains("2 needed for quorum"), "{out}");
    t.sh("scsim node up n1 n2").ok();
    assert_eq!(t.rg_state("APP-RG", "n1"), "Online");
}

#[test]
fn validate_failure_aborts_scrgadm_and_writes_nothing() {
    let t = seed();
    t.sh("scsim fault inject --resource mail-rs --method Validate --times 1")
        .ok();
    let out = t.fails_unchanged("scrgadm -c -j mail-rs -y Retry_count=3", 10);
    assert!(
        out.stderr.contains("VALIDATE method of resource mail-rs"),
        "{out}"
    );
    // The fault was consumed only in the aborted run: it fires again on the next change.
    t.fails_unchanged("scrgadm -c -j mail-rs -y Retry_count=3", 10);
    t.sh("scsim fault clear").ok();
    t.sh("scrgadm -c -j mail-rs -y Retry_count=3").ok();
}

/// The same cluster built in code: `n` failover groups (LogicalHostname, HAStoragePlus, data
/// service with strong dependencies on both) online on n1 of three nodes.
fn big_state(t: &TestCluster, n: usize) {
    use scsim::engine::testkit::{add_group, add_resource, cluster, set_online};
    let mut s = cluster(&["n1", "n2", "n3"], 1_795_510_800_000);
    s.cluster.quorum_devices.clear();
    for i in 0..n {
        let g = format!("RG-{i}");
        add_group(&mut s, &g, &["n1", "n2", "n3"]);
        let (lh, hs, ds) = (format!("lh-{i}"), format!("hasp-{i}"), format!("ds-{i}"));
        add_resource(&mut s, &lh, "lh", &g, &[]);
        add_resource(&mut s, &hs, "hasp", &g, &[]);
        add_resource(&mut s, &ds, "gds", &g, &[&hs, &lh]);
        set_online(&mut s, &g, "n1");
    }
    std::fs::write(&t.state, serde_json::to_vec(&s).unwrap()).unwrap();
}

#[test]
fn a_node_failure_moves_1000_groups_through_the_binary() {
    // Its speed is measured by bench/run.sh (ratios in one run), not here.
    let t = TestCluster::empty();
    big_state(&t, 1000);
    let out = t.sh("scsim node down n1");
    out.ok();
    let j = t.state_json();
    let on_n2 = j["resource_groups"]
        .as_object()
        .unwrap()
        .values()
        .filter(|g| g["state"]["n2"] == "Online")
        .count();
    assert_eq!(on_n2, 1000);
    // Every group's methods ran and were logged: the data services stopped on n1 and
    // started on n2.
    let log = t.sh("scsim log --group RG-999");
    log.ok();
    assert!(log.stdout.contains("RG-999"), "{}", log.stdout);
}

/// Every refusal of the native verbs exits with its code and leaves the state file
/// byte-for-byte unchanged, and the dry runs refuse exactly what the real commands refuse.
#[test]
fn native_verb_refusals_leave_the_state_unchanged() {
    let t = seed();
    for (line, code, needle) in [
        ("scsim node down mail-9", 11, "mail-9 is not a cluster node"),
        ("scsim node down mail2", 11, "did you mean mail-2?"),
        ("scsim node up mail-1", 9, "already up"),
        ("scsim node up mail-1 --dry-run", 9, "already up"),
        (
            "scsim fault inject --resource nosuch --method Start",
            14,
            "nosuch does not exist",
        ),
        (
            "scsim fault inject --resource mail_rs --method Start",
            14,
            "did you mean mail-rs?",
        ),
        (
            "scsim fault inject --resource mail-rs --method Start --node mail-9",
            11,
            "mail-9",
        ),
        (
            "scsim fault inject --resource mail-rs --method Start --times 0",
            3,
            "--times",
        ),
        (
            "scsim fault inject --resource mail-rs --method Bogus",
            3,
            "not a method name",
        ),
        (
            "scsim fault inject --resource mail-rs --monitor --node mail-2",
            9,
            "not online on mail-2",
        ),
        (
            "scsim fault inject --resource budgie --watcher",
            3,
            "SUNW.ims",
        ),
        (
            "scsim fault clear --resource nosuch",
            14,
            "nosuch does not exist",
        ),
        (
            "scsim fault clear --resource nosuch --dry-run",
            14,
            "nosuch does not exist",
        ),
        ("scsim time advance soon", 3, "not a duration"),
        ("scsim time advance soon --dry-run", 3, "not a duration"),
        ("scsim log --resource mail_rs", 14, "did you mean mail-rs?"),
        ("scsim log --group mail-rg", 12, "did you mean MAIL-RG?"),
        (
            "scsim log --node mail-9",
            11,
            "mail-9 is not a cluster node",
        ),
        ("scsim log --since 09:10 --until 09:00", 3, "--since"),
        (
            "scsim log --since 2026-11-24T10:00:00Z --until 2026-11-24T09:00:00Z",
            3,
            "later than --until",
        ),
    ] {
        let out = t.fails_unchanged(line, code);
        assert!(out.stderr.contains(needle), "`{line}`:\n{out}");
        assert!(out.stdout.is_empty(), "`{line}` printed on stdout:\n{out}");
    }
    // simulate checks every name before it prints anything.
    for line in [
        "scsim simulate --node-down mail-9",
        "scsim simulate --node-up mail-9",
        "scsim simulate --fail disk-rs:Start@mail-9",
    ] {
        let out = t.fails_unchanged(line, 11);
        assert!(out.stdout.is_empty(), "`{line}`:\n{out}");
    }
    let out = t.fails_unchanged("scsim simulate --fail disk_rs:Start", 14);
    assert!(out.stderr.contains("did you mean disk-rs?"), "{out}");
    // A fault on a method the type does not declare would never fire: refused as by inject.
    let out = t.fails_unchanged(
        "scsim simulate --fail mail-rs:Prenet_start --node-down mail-1",
        3,
    );
    assert!(out.stderr.contains("declares no Prenet_start"), "{out}");
    assert!(out.stdout.is_empty(), "{out}");
}

/// `scsim log` takes node ids like the other commands, and the timestamps it prints
/// (`Nov 24 09:00:27`) as --since / --until.
#[test]
fn log_filters_take_node_ids_and_the_printed_timestamps() {
    let t = seed();
    let by_name = t.sh("scsim log --node mail-1");
    by_name.ok();
    assert!(!by_name.stdout.is_empty());
    assert_eq!(t.sh("scsim log --node 1").stdout, by_name.stdout);
    let all = t.sh("scsim log");
    let lines: Vec<&str> = all.stdout.lines().collect();
    let stamp = |l: &str| l[..15].to_string();
    let mid = stamp(lines[lines.len() / 2]);
    let out = t.run("scsim", &["log", "--since", &mid, "--until", &mid]);
    out.ok();
    assert!(!out.stdout.is_empty(), "{out}");
    assert!(
        out.stdout.lines().all(|l| l.starts_with(&mid)),
        "{mid}:\n{out}"
    );
    let out = t.run("scsim", &["log", "--since", &mid]);
    assert!(out.stdout.lines().all(|l| stamp(l) >= mid), "{out}");
    assert!(out.stdout.lines().count() < lines.len());
}

/// Commands that change nothing leave the state file and the log as they were: no new
/// generation, no logged command line.
#[test]
fn commands_that_change_nothing_write_nothing() {
    let t = seed();
    let before = t.state_bytes();
    let entries = log_len(&t);
    for line in [
        "scsim time advance 0s",
        "scsim fault clear",
        "scsim fault clear --resource mail-rs",
        "scsim fault list",
        "scstat -g",
        "scsim on mail-2 -- scstat -g",
    ] {
        t.sh(line).ok();
        assert_eq!(before, t.state_bytes(), "`{line}` rewrote the state file");
        assert_eq!(entries, log_len(&t), "`{line}` logged something");
    }
    // A clock that moves and a fault that goes are changes.
    t.sh("scsim time advance 1s").ok();
    assert_ne!(before, t.state_bytes());
    t.sh("scsim fault inject --resource mail-rs --method Stop")
        .ok();
    let armed = t.state_bytes();
    t.sh("scsim fault clear").ok();
    assert_ne!(armed, t.state_bytes());
}
