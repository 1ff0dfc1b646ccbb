//! Tests: the seed procedure (Messaging Server HA on mail-1/mail-2) end to end, through the
//! command links, checking every intermediate state, the method order and the final placement.

use crate::harness::TestCluster;

/// The (method, resource, node) triples launched, in log order, from `scsim log`.
fn launches(t: &TestCluster) -> Vec<(String, String, String)> {
    let out = t.run("scsim", &["log"]);
    out.ok();
    out.stdout
        .lines()
        .filter_map(|l| {
            let rest = l.split("launching method <").nth(1)?;
            let (method, rest) = rest.split_once('>')?;
            let res = rest.split("for resource <").nth(1)?.split('>').next()?;
            let node = rest.split("node <").nth(1)?.split('>').next()?;
            Some((method.to_string(), res.to_string(), node.to_string()))
        })
        .collect()
}

fn steps_0_to_4(t: &TestCluster) {
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2",
    );
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Unmanaged");
    assert_eq!(
        t.state_json()["resource_groups"]["MAIL-RG"]["nodelist"],
        serde_json::json!(["mail-1", "mail-2"])
    );
    t.script("scrgadm -a -L -g MAIL-RG -l budgie");
    let j = t.state_json();
    assert_eq!(j["resources"]["budgie"]["type"], "SUNW.LogicalHostname:2");
    assert_eq!(j["resources"]["budgie"]["enabled"], false);
    t.script("scswitch -Z -g MAIL-RG");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Offline");
    assert_eq!(t.r_state("budgie", "mail-1"), "Online");
    // Enabled, the default, is left out of the state file (schema 6).
    assert!(
        t.state_json()["resources"]["budgie"]
            .get("enabled")
            .is_none()
    );
}

#[test]
fn seed_procedure_end_to_end() {
    let t = TestCluster::two_node();
    // Step 2: registering a type twice is exit 13, as installers expect.
    steps_0_to_4(&t);
    let out = t.fails_unchanged("scrgadm -a -t SUNW.ims", 13);
    assert!(out.stderr.contains("SUNW.ims"), "{out}");

    // Step 5 as the seed writes it: a space after the comma.
    let out = t.fails_unchanged(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1, /global/mail2",
        3,
    );
    assert!(out.stderr.contains("/global/mail2"), "{out}");
    // Without the space: ServicePaths is SUNW.HAStorage's, refused as the real type refuses an
    // unknown extension property, with the HAStoragePlus spelling in the hint.
    let out = t.fails_unchanged(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1,/global/mail2",
        15,
    );
    assert!(
        out.stderr
            .contains("-x FilesystemMountPoints=/global/mail1,/global/mail2"),
        "{out}"
    );
    t.sh("scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2")
        .ok();
    assert_eq!(t.r_state("disk-rs", "mail-1"), "Offline");

    // Step 5b, 10, 12.
    t.script("scswitch -e -j disk-rs");
    assert_eq!(t.r_state("disk-rs", "mail-1"), "Online");
    t.script("scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Offline");
    t.script("scswitch -e -j mail-rs");
    for r in ["budgie", "disk-rs", "mail-rs"] {
        assert_eq!(t.r_state(r, "mail-1"), "Online", "{r}");
        assert_eq!(t.r_state(r, "mail-2"), "Offline", "{r}");
    }

    // Step 13.
    let out = t.run("scstat", &["-g"]);
    out.ok();
    let group_rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("Group:") && l.contains("MAIL-RG"))
        .collect();
    assert_eq!(group_rows.len(), 2, "{out}");
    assert!(
        group_rows[0]
            .split_whitespace()
            .collect::<Vec<_>>()
            .ends_with(&["MAIL-RG", "mail-1", "Online"]),
        "{out}"
    );
    assert!(
        out.stdout.contains("Online - LogicalHostname online."),
        "{out}"
    );

    // Step 14: switchover, stop order then start order.
    let before = launches(&t).len();
    t.script("scswitch -z -g MAIL-RG -h mail-2");
    assert_eq!(t.rg_state("MAIL-RG", "mail-2"), "Online");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Offline");
    let l = launches(&t);
    let switch = &l[before..];
    let pos = |m: &str, r: &str, n: &str| {
        switch
            .iter()
            .position(|(a, b, c)| a == m && b == r && c == n)
            .unwrap_or_else(|| panic!("no {m} of {r} on {n} in {switch:?}"))
    };
    // The log names the methods' programs, as a real rgmd log does.
    let stop_mail = pos("ims_svc_stop", "mail-rs", "mail-1");
    assert!(stop_mail < pos("hastorageplus_stop", "disk-rs", "mail-1"));
    assert!(
        pos("hafoip_stop", "budgie", "mail-1")
            < pos("hastorageplus_postnet_stop", "disk-rs", "mail-1")
    );
    let start_mail = pos("ims_svc_start", "mail-rs", "mail-2");
    assert!(stop_mail < start_mail);
    assert!(start_mail > pos("hafoip_prenet_start", "budgie", "mail-2"));
    assert!(start_mail > pos("hastorageplus_prenet_start", "disk-rs", "mail-2"));

    // Step 15: mail-2 dies, the group comes back on mail-1 by itself.
    t.script("scsim node down mail-2");
    assert_eq!(t.rg_state("MAIL-RG", "mail-1"), "Online");
    for r in ["budgie", "disk-rs", "mail-rs"] {
        assert_eq!(t.r_state(r, "mail-1"), "Online", "{r}");
    }
}

#[test]
fn step_12_without_5b_is_refused_with_exit_8() {
    let t = TestCluster::two_node();
    steps_0_to_4(&t);
    t.script(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie",
    );
    let out = t.fails_unchanged("scswitch -e -j mail-rs", 8);
    assert!(out.stderr.contains("disk-rs"), "{out}");
    assert!(out.stderr.contains("scswitch -e -j disk-rs"), "{out}");
}

/// With the clock pinned (`SCSIM_NOW`), the seed procedure — including its mistakes, the
/// switchover, a node failure and the log — gives byte-identical output and state file on
/// every run.
#[test]
fn the_seed_run_is_reproducible() {
    let lines = [
        "scrgadm -a -t SUNW.HAStoragePlus",
        "scrgadm -a -t SUNW.ims",
        "scrgadm -a -g MAIL-RG -h mail-1,mail-2",
        "scrgadm -a -L -g MAIL-RG -l budgie",
        "scswitch -Z -g MAIL-RG",
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1, /global/mail2",
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1,/global/mail2",
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2",
        "scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie",
        "scswitch -e -j mail-rs",
        "scswitch -e -j disk-rs",
        "scswitch -e -j mail-rs",
        "scstat",
        "scswitch -z -g MAIL-RG -h mail-2",
        "scsim node down mail-2",
        "scsim node up mail-2",
        "scsim log",
        "scrgadm -pvv",
    ];
    let run = || {
        let t = TestCluster::two_node();
        let outs: Vec<String> = lines.iter().map(|l| t.sh(l).to_string()).collect();
        (outs, t.state_bytes())
    };
    let (a, sa) = run();
    let (b, sb) = run();
    for ((l, x), y) in lines.iter().zip(&a).zip(&b) {
        assert_eq!(x, y, "`{l}` differs between two runs");
    }
    assert!(sa == sb, "the state files differ between two runs");
}

/// `examples/seed.sh` (the README's first command) runs every step of the seed against the
/// built executable: the Messaging Server steps included, the document's mistakes caught.
#[test]
fn seed_script_runs_end_to_end() {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed.sh");
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("bash")
        .arg(&script)
        .env("SCSIM_BIN", crate::harness::scsim_exe())
        .env("TMPDIR", tmp.path())
        .env("LANG", "C")
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "seed.sh failed:\n{stdout}\n{stderr}");
    for needle in [
        "(refused as expected; without the space:)",
        "(refused as expected: HAStoragePlus takes the mount points in FilesystemMountPoints:)",
        "Linking /opt/SUNWmsgsr/config -> /global/mail1/SUNWmsgsr/config",
        "/opt/SUNWmsgsr/config/dispatcher.cnf:INTERFACE_ADDRESS=192.0.2.10",
        "/opt/SUNWmsgsr/config/job_controller.cnf:INTERFACE_ADDRESS=192.0.2.10",
        "service.listenaddr = 192.0.2.10",
        "Nothing to change: the configuration is already set up",
        "/global/mail1\tufs\t2\tno\tlogging",
        "start-msg ha failed: /opt/SUNWmsgsr/config does not exist on mail-2",
        "Node mail-2 now uses the configuration in /global/mail1/SUNWmsgsr/config",
        "MAIL-RG: Online on mail-1",
    ] {
        assert!(
            stdout.contains(needle),
            "seed.sh output lacks {needle:?}:\n{stdout}"
        );
    }
    assert!(
        stderr.contains("is split by a space after the comma"),
        "{stderr}"
    );
}
