//! Tests: scswitch through its link, on clusters built with the real scrgadm: every form,
//! refusals (exit code, message, state file byte-for-byte unchanged), exit 10 when the result
//! is not reached (state written), silence on success, `-v`, `--dry-run`, the event log.

use crate::harness::TestCluster;

/// The seed's MAIL-RG (budgie, disk-rs, mail-rs) online on mail-1, through the real commands.
fn seed() -> TestCluster {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scswitch -Z -g MAIL-RG
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scswitch -e -j disk-rs
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
         scswitch -e -j mail-rs",
    );
    t
}

#[test]
fn success_is_silent_and_verbose_shows_what_ran() {
    let t = seed();
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    out.ok();
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    let out = t.sh("scswitch -v -z -g MAIL-RG -h mail-1");
    out.ok();
    insta::assert_snapshot!("scswitch_verbose_switchback", out.to_string());
}

#[test]
fn step_12_refusal_names_the_dependee_and_the_fix() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scswitch -Z -g MAIL-RG
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie",
    );
    let out = t.fails_unchanged("scswitch -e -j mail-rs", 8);
    insta::assert_snapshot!("scswitch_step12_refusal", out.to_string());
}

#[test]
fn refusals_leave_the_state_file_unchanged() {
    let t = seed();
    for (line, code, needle) in [
        ("scswitch -z -g MAIL-RG -h mail-3", 11, "not a cluster node"),
        (
            "scswitch -z -g MAIL-RG -h mail-1,mail-2",
            12,
            "Maximum_primaries",
        ),
        ("scswitch -z -g NOPE -h mail-1", 12, "NOPE does not exist"),
        ("scswitch -u -g MAIL-RG", 9, "scswitch -F -g MAIL-RG"),
        ("scswitch -n -j disk-rs", 8, "mail-rs"),
        (
            "scswitch -R -h mail-2 -g MAIL-RG",
            9,
            "not online on mail-2",
        ),
        (
            "scswitch -c -h mail-1 -j mail-rs -f STOP_FAILED",
            9,
            "not in Stop_failed",
        ),
        ("scswitch -e -j nope", 14, "nope does not exist"),
        ("scswitch -z -D nodg -h mail-1", 3, "device group nodg"),
        ("scswitch -S -h mail-9", 11, "not a cluster node"),
        ("scswitch", 3, "no action given"),
        ("scswitch -z -Z -g MAIL-RG", 3, "cannot be combined"),
        (
            "scswitch -F -g MAIL-RG -j budgie",
            3,
            "-j cannot be used with -F",
        ),
        ("scswitch -z -g MAIL-RG -h mail-1 stray", 3, "stray"),
    ] {
        let out = t.fails_unchanged(line, code);
        assert!(out.stderr.contains(needle), "`{line}`:\n{out}");
    }
    t.sh("scsim node down mail-2").ok();
    let out = t.fails_unchanged("scswitch -z -g MAIL-RG -h mail-2", 11);
    assert!(out.stderr.contains("scsim node up mail-2"), "{out}");
}

#[test]
fn help_is_question_mark_and_h_is_the_node_list() {
    let t = seed();
    let out = t.sh("scswitch -?");
    out.ok();
    assert!(out.stdout.contains("-h <node,...>"), "{out}");
    assert!(out.stdout.contains("scswitch -c -h node"), "{out}");
    let out = t.sh("scswitch --help");
    out.ok();
    t.sh("scswitch -z -h mail-2 -g MAIL-RG").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
}

#[test]
fn a_failed_start_exits_10_and_keeps_what_the_cluster_did() {
    let t = seed();
    t.sh("scsim fault inject --resource disk-rs --method Start --node mail-2")
        .ok();
    let before = t.state_bytes();
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    out.expect_code(10);
    assert!(
        out.stderr
            .contains("Start of resource disk-rs failed on mail-2"),
        "{out}"
    );
    assert_ne!(
        before,
        t.state_bytes(),
        "the cluster acted: the state is written"
    );
    // HAStoragePlus defaults to Failover_mode NONE: MAIL-RG stays, faulted, on mail-2; mail-rs
    // was never started there.
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online_faulted");
    assert_eq!(t.r_state("disk-rs", "mail-2"), "Start_failed");
    assert_eq!(t.r_state("mail-rs", "mail-2"), "Offline");
    let out = t.run("scstat", &["-g"]);
    out.ok();
    assert!(out.stdout.contains("Start_failed"), "{out}");
    // Switching away clears it (Start_failed does not block operator actions).
    t.sh("scsim fault clear").ok();
    t.sh("scswitch -z -g MAIL-RG -h mail-1").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(t.r_state("disk-rs", "mail-2"), "Offline");
}

#[test]
fn dry_run_writes_nothing_and_prints_the_plan() {
    let t = seed();
    let before = t.state_bytes();
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2 --dry-run");
    out.ok();
    assert_eq!(before, t.state_bytes());
    insta::assert_snapshot!("scswitch_dry_run", out.to_string());
    // A refused dry run exits like the real command would.
    let out = t.fails_unchanged("scswitch -z -g MAIL-RG -h mail-3 --dry-run", 11);
    assert!(out.stderr.contains("mail-3"), "{out}");
}

#[test]
fn every_group_form_through_the_binary() {
    let t = seed();
    t.script(
        "scswitch -F -g MAIL-RG
         scswitch -n -j mail-rs,disk-rs,budgie
         scswitch -u -g MAIL-RG",
    );
    assert_eq!(
        t.state_json()["resource_groups"]["MAIL-RG"]["managed"],
        false
    );
    t.sh("scswitch -o -g MAIL-RG").ok();
    // Managed, the default, is left out of the state file (schema 6).
    assert!(
        t.state_json()["resource_groups"]["MAIL-RG"]
            .get("managed")
            .is_none()
    );
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Offline");
    t.sh("scswitch -Z -g MAIL-RG").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    for r in ["budgie", "disk-rs", "mail-rs"] {
        assert_eq!(t.r_state(r, "mail-1"), "Online", "{r}");
    }
    t.sh("scswitch -R -h mail-1 -g MAIL-RG").ok();
    t.sh("scswitch -n -M -j mail-rs").ok();
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online_not_monitored");
    t.sh("scswitch -e -M -j mail-rs").ok();
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    t.sh("scswitch -S -h mail-1").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    assert!(t.state_json()["cluster"]["nodes"][0]["evacuated_until"].is_u64());
    t.sh("scswitch -z -g MAIL-RG").ok();
    t.sh("scswitch -s -g MAIL-RG").ok();
    assert_eq!(
        t.state_json()["resource_groups"]["MAIL-RG"]["suspend_automatic_recovery"],
        true
    );
    t.sh("scswitch -r").ok();
    let out = t.sh("scswitch -Q -g MAIL-RG");
    out.ok();
    assert!(out.stderr.contains("quiescent"), "{out}");
}

#[test]
fn device_group_forms() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes n1,n2 --device-group dg1 --device-group dg2@n2,n1")
        .ok();
    t.sh("scswitch -z -D dg1 -h n2").ok();
    assert_eq!(
        t.state_json()["cluster"]["device_groups"][0]["primary"],
        "n2"
    );
    t.sh("scswitch -m -D dg1").ok();
    assert_eq!(
        t.state_json()["cluster"]["device_groups"][0]["maintenance"],
        true
    );
    t.sh("scswitch -z -D dg1 -h n1").ok();
    assert_eq!(
        t.state_json()["cluster"]["device_groups"][0]["maintenance"],
        false
    );
    t.sh("scswitch -F -D dg2").ok();
    assert!(t.state_json()["cluster"]["device_groups"][1]["primary"].is_null());
    let out = t.fails_unchanged("scswitch -z -D dg1 -h n1,n2", 3);
    assert!(out.stderr.contains("exactly one node"), "{out}");
}

#[test]
fn the_log_records_commands_methods_and_state_changes() {
    let t = seed();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    let out = t.sh("scsim log --group MAIL-RG --node mail-2");
    out.ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines.iter().all(|l| l.contains(" mail-2 ")), "{out}");
    assert!(
        lines.iter().any(|l| l.contains(
            "Cluster.RGM.rgmd: [ID 707948 daemon.notice] launching method <ims_svc_start> for resource <mail-rs>, resource group <MAIL-RG>, node <mail-2>, timeout <300> seconds"
        )),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("resource group MAIL-RG state on node mail-2 change to RG_ONLINE")),
        "{out}"
    );
    let all = t.sh("scsim log");
    assert!(
        all.stdout.contains(
            "Cluster.CMD: [ID 302154 daemon.notice] command: scswitch -z -g MAIL-RG -h mail-2"
        ),
        "{all}"
    );
    // Timestamps come from the simulated clock, which starts at the pinned time.
    assert!(all.stdout.starts_with("Nov 24 09:00:00 mail-1 "), "{all}");
    let json = t.sh("scsim log --json --last 2");
    json.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    assert!(
        v["events"][0]["time"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-24T09:")
    );
    let out = t.fails_unchanged("scsim log --since yesterday", 3);
    assert!(out.stderr.contains("duration ago"), "{out}");
}

/// Typing mistakes get messages that say what was meant: a list split by a space after a
/// comma, a name given without its option, a quoted list with spaces (accepted, as scrgadm
/// accepts it).
#[test]
fn typing_mistakes_are_explained() {
    let t = seed();
    let out = t.fails_unchanged("scswitch -z -g MAIL-RG -h mail-2, mail-1", 3);
    assert!(
        out.stderr.contains("split by a space after the comma")
            && out.stderr.contains("(-h mail-2,mail-1)"),
        "{out}"
    );
    let out = t.fails_unchanged("scswitch -n mail-rs", 3);
    assert!(
        out.stderr
            .contains("unexpected operand \"mail-rs\": scswitch takes no operands"),
        "{out}"
    );
    assert!(out.stderr.contains("-n takes no value"), "{out}");
    t.sh("scswitch -n -j \"mail-rs, disk-rs\"").ok();
    assert_eq!(t.r_state("disk-rs", "mail-1"), "Offline");
    t.sh("scswitch -z -g MAIL-RG -h \" mail-2\"").ok();
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
}

/// scswitch names the existing object when a name is mistyped.
#[test]
fn mistyped_names_suggest_the_existing_one() {
    let t = seed();
    for (line, code, needle) in [
        (
            "scswitch -z -g mail-rg -h mail-2",
            12,
            "did you mean MAIL-RG? (names are case-sensitive)",
        ),
        (
            "scswitch -z -g MAIL-RG -h mail2",
            11,
            "did you mean mail-2?",
        ),
        ("scswitch -n -j mail-r", 14, "did you mean mail-rs?"),
    ] {
        let out = t.fails_unchanged(line, code);
        assert!(out.stderr.contains(needle), "`{line}`:\n{out}");
    }
}

/// The messages file rotates by size into numbered files: the oldest file goes, sequence
/// numbers keep counting, `scsim log` reads across the files, and the state file stays the
/// same size.
#[test]
fn the_log_rotates_and_the_state_file_stays_bounded() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --host budgie=192.0.2.10 --filesystem /global/mail1 --filesystem /global/mail2 --log-size 16K --log-files 3")
        .ok();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scswitch -Z -g MAIL-RG",
    );
    let switch = |n: &str| {
        t.sh(&format!("scswitch -z -g MAIL-RG -h {n}")).ok();
    };
    switch("mail-2");
    switch("mail-1");
    // The size apart from the generation's digits.
    let size = || {
        let g = t.state_json()["generation"].as_u64().unwrap();
        t.state_bytes().len() - g.to_string().len()
    };
    let before = size();
    for _ in 0..5 {
        switch("mail-2");
        switch("mail-1");
        assert_eq!(size(), before, "the state file grew");
    }
    let base = t.path().join("cluster.messages");
    let files: Vec<u64> = ["", ".1", ".2"]
        .iter()
        .map(|s| {
            std::fs::metadata(format!("{}{s}", base.display()))
                .unwrap()
                .len()
        })
        .collect();
    assert!(
        !t.path().join("cluster.messages.3").exists(),
        "only 3 files in all"
    );
    for f in files {
        // Rotated once it has reached 16K: past it by at most one command (a switchover).
        assert!(f <= 16 * 1024 + 12 * 1024, "a messages file of {f} bytes");
    }
    let out = t.sh("scsim log --json");
    out.ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let seqs: Vec<u64> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "sequence numbers are contiguous: {seqs:?}"
    );
    assert!(seqs[0] > 1, "nothing rotated out");
    assert!(seqs.len() > 40, "only {} entries kept", seqs.len());
    let text = t.sh("scsim log");
    assert_eq!(text.stdout.lines().count(), seqs.len());
    assert!(text.stdout.ends_with("change to RG_ONLINE\n"), "{text}");
}

/// Usage errors read as scrgadm's (issue 10, item 18): clap's first line and a hint naming
/// `-?`, never clap's usage block and `For more information, try '--help'`.
#[test]
fn usage_errors_are_hinted_like_scrgadm() {
    let t = seed();
    let mut all = String::new();
    for line in [
        "scswitch -x",
        "scswitch -z -g",
        "scswitch --foo",
        "scswitch -z -g MAIL-RG -K 5",
        "scswitch",
        "scstat -x",
    ] {
        let out = t.fails_unchanged(line, 3);
        let prog = line.split(' ').next().unwrap();
        assert!(!out.stderr.contains("--help"), "{line}: {out}");
        assert!(!out.stderr.contains("Usage:"), "{line}: {out}");
        assert!(
            out.stderr.ends_with(&format!(
                "{prog}: hint: {prog} -? lists the command forms\n"
            )),
            "{line}: {out}"
        );
        all.push_str(&format!("$ {line}\n{}", out.stderr));
    }
    let scrgadm = t.fails_unchanged("scrgadm -w", 3);
    assert!(
        scrgadm
            .stderr
            .ends_with("scrgadm: hint: scrgadm -? lists the command forms\n")
    );
    insta::assert_snapshot!(all);
}
