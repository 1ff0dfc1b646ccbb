//! Tests: `scsim init`, the state file (creation, refusal, corruption, versions, locking),
//! links and state-path resolution.

use crate::harness::TestCluster;

#[test]
fn init_creates_two_node_cluster() {
    let t = TestCluster::empty();
    let out = t.run("scsim", &["init", "--nodes", "mail-1,mail-2"]);
    out.ok();
    assert!(out.stdout.contains("mail-1 (id 1), mail-2 (id 2)"), "{out}");
    let j = t.state_json();
    assert_eq!(j["schema_version"], 1);
    assert_eq!(j["cluster"]["nodes"][1]["name"], "mail-2");
    assert_eq!(j["cluster"]["nodes"][1]["id"], 2);
    assert_eq!(j["cluster"]["quorum_devices"].as_array().unwrap().len(), 1);
    assert_eq!(j["cluster"]["transport_paths"].as_array().unwrap().len(), 2);
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let t = TestCluster::two_node();
    let out = t.fails_unchanged("scsim init --nodes a,b", 9);
    assert!(out.stderr.contains("already exists"), "{out}");
    assert!(out.stderr.contains("--force"), "{out}");
    t.run("scsim", &["init", "--nodes", "a,b,c", "--force"])
        .ok();
    assert_eq!(
        t.state_json()["cluster"]["nodes"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn init_options() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes n1,n2,n3 --cluster-name prod --quorum-devices 2 --device-group dg1@n2,n3 --device-group dg2")
        .ok();
    let j = t.state_json();
    assert_eq!(j["cluster"]["name"], "prod");
    assert_eq!(j["cluster"]["quorum_devices"].as_array().unwrap().len(), 2);
    assert_eq!(j["cluster"]["device_groups"][0]["primary"], "n2");
    assert_eq!(
        j["cluster"]["device_groups"][1]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(j["cluster"]["transport_paths"].as_array().unwrap().len(), 6);
}

#[test]
fn init_rejects_bad_node_lists() {
    let t = TestCluster::empty();
    let out = t.sh("scsim init --nodes a,a");
    out.expect_code(11);
    assert!(out.stderr.contains("listed twice"), "{out}");
    assert!(!t.state.exists());
    let out = t.sh("scsim init --nodes a,,b");
    out.expect_code(3);
    assert!(!t.state.exists());
    let out = t.sh("scsim init --nodes a --device-group dg@b");
    out.expect_code(11);
    assert!(out.stderr.contains("device group dg: node b"), "{out}");
}

#[test]
fn missing_state_file_names_path_and_fix() {
    let t = TestCluster::empty();
    let out = t.run("scrgadm", &["-p"]);
    out.expect_code(18);
    assert!(
        out.stderr
            .contains("no cluster state file at [TMP]/cluster.json"),
        "{out}"
    );
    assert!(out.stderr.contains("init --nodes"), "{out}");
    assert!(
        !t.state.exists(),
        "a command other than init created the state file"
    );
    let out = t.run("scswitch", &["-Z"]);
    out.expect_code(18);
    assert!(!t.state.exists());
    assert!(!t.path().join("cluster.json.lock").exists());
}

#[test]
fn corrupt_state_file_reports_position_and_is_kept() {
    let t = TestCluster::two_node();
    std::fs::write(
        &t.state,
        "{\n  \"schema_version\": 1,\n  \"generation\": }\n",
    )
    .unwrap();
    let out = t.fails_unchanged("scrgadm -a -g RG", 18);
    assert!(out.stderr.contains("[TMP]/cluster.json:3:17"), "{out}");
    assert!(out.stderr.contains("corrupt"), "{out}");
}

#[test]
fn truncated_state_file_is_refused() {
    let t = TestCluster::two_node();
    let bytes = t.state_bytes();
    std::fs::write(&t.state, &bytes[..bytes.len() / 2]).unwrap();
    let out = t.fails_unchanged("scstat", 18);
    assert!(out.stderr.contains("truncated"), "{out}");
}

#[test]
fn foreign_json_is_refused() {
    let t = TestCluster::two_node();
    std::fs::write(&t.state, "{\"name\": \"something else\"}\n").unwrap();
    let out = t.fails_unchanged("scrgadm -a -g RG", 18);
    assert!(
        out.stderr.contains("not a scsim cluster state file"),
        "{out}"
    );
}

#[test]
fn newer_schema_version_is_refused() {
    let t = TestCluster::two_node();
    let mut j = t.state_json();
    j["schema_version"] = 99.into();
    std::fs::write(&t.state, serde_json::to_vec(&j).unwrap()).unwrap();
    let out = t.fails_unchanged("scrgadm -a -g RG", 18);
    assert!(
        out.stderr.contains("schema_version 99, newer than"),
        "{out}"
    );
}

#[test]
fn state_path_from_flag_and_xdg() {
    let t = TestCluster::empty();
    let alt = t.path().join("alt.json");
    let alt_s = alt.display().to_string();
    t.run("scsim", &["--state", &alt_s, "init", "--nodes", "a,b"])
        .ok();
    assert!(alt.exists());
    assert!(!t.state.exists());
    let out = t.run("scsim", &["--state", &alt_s, "state", "path"]);
    assert_eq!(out.stdout.trim(), "[TMP]/alt.json");
    // Without SCSIM_STATE: the XDG default.
    let out = t.run_env(
        "scsim",
        &["state", "path"],
        &[("SCSIM_STATE", ""), ("XDG_STATE_HOME", "/xdg")],
    );
    assert_eq!(out.stdout.trim(), "/xdg/scsim/cluster.json", "{out}");
    let out = t.run_env("scsim", &["state", "path"], &[("SCSIM_STATE", "")]);
    assert_eq!(
        out.stdout.trim(),
        "[TMP]/.local/state/scsim/cluster.json",
        "{out}"
    );
}

#[test]
fn usage_errors_exit_3_and_help_exits_0() {
    let t = TestCluster::two_node();
    let out = t.run("scsim", &["--no-such-flag"]);
    out.expect_code(3);
    for name in ["scrgadm", "scswitch", "scstat"] {
        let out = t.run(name, &["-?"]);
        out.ok();
        assert!(out.stdout.contains(&format!("Usage: {name}")), "{out}");
        let out = t.run(name, &["--help"]);
        out.ok();
        let out = t.run("scsim", &[name, "-?"]);
        out.ok();
        assert!(out.stdout.contains(&format!("Usage: {name}")), "{out}");
    }
}

#[test]
fn install_links_creates_working_links() {
    let t = TestCluster::two_node();
    let dir = t.path().join("usr/cluster/bin");
    let d = dir.display().to_string();
    t.run("scsim", &["install-links", &d]).ok();
    for name in ["scrgadm", "scswitch", "scstat"] {
        assert!(dir.join(name).exists());
    }
    let out = t.run("scsim", &["install-links", &d]);
    out.expect_code(9);
    assert!(out.stderr.contains("--force"), "{out}");
    t.run("scsim", &["install-links", &d, "--force"]).ok();
    let out = std::process::Command::new(dir.join("scstat"))
        .arg("-?")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: scstat"));
}

#[test]
fn lock_timeout_gives_busy() {
    let t = TestCluster::two_node();
    let lock_path = t.path().join("cluster.json.lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap();
    f.lock().unwrap();
    let before = t.state_bytes();
    let out = t.run_env(
        "scrgadm",
        &["-a", "-g", "RG"],
        &[("SCSIM_LOCK_TIMEOUT", "0.2")],
    );
    out.expect_code(5);
    assert!(out.stderr.contains("locked by another command"), "{out}");
    assert!(out.stderr.contains("SCSIM_LOCK_TIMEOUT"), "{out}");
    assert_eq!(before, t.state_bytes());
    drop(f);
}

#[test]
fn rewrites_keep_the_state_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestCluster::two_node();
    let mode = |t: &TestCluster| std::fs::metadata(&t.state).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&t), 0o644);
    std::fs::set_permissions(&t.state, std::fs::Permissions::from_mode(0o664)).unwrap();
    t.sh("scrgadm -a -g RG").ok();
    assert_eq!(mode(&t), 0o664);
}

#[test]
fn unread_log_entries_are_written_back_verbatim() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -g RG -h mail-1,mail-2
         scrgadm -a -L -g RG -l lh1
         scswitch -Z -g RG",
    );
    let before = t.state_json()["events"]["entries"].clone();
    t.sh("scrgadm -c -g RG -y Failback=true").ok();
    let after = t.state_json()["events"]["entries"].clone();
    let (b, a) = (before.as_array().unwrap(), after.as_array().unwrap());
    assert_eq!(&a[..b.len()], &b[..], "old entries changed");
    assert!(a.len() > b.len());
    let out = t.run("scsim", &["log", "--last", "1"]);
    assert!(
        out.stdout.contains("scrgadm -c -g RG -y Failback=true"),
        "{out}"
    );
}
