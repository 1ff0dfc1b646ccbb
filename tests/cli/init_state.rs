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
    assert_eq!(j["schema_version"], 6);
    assert!(
        j.get("events").is_none(),
        "the log is not in the state file"
    );
    let messages = std::fs::read_to_string(t.path().join("cluster.messages")).unwrap();
    assert_eq!(messages, "# scsim messages 1\n");
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
    for name in scsim::cli::registry::PERSONALITIES.iter().map(|e| e.name) {
        let out = t.run(name, &["-?"]);
        out.ok();
        assert!(out.stdout.contains(&format!("Usage: {name}")), "{out}");
        let out = t.run(name, &["--help"]);
        out.ok();
    }
    for name in scsim::cli::registry::sc_commands().map(|e| e.name) {
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
    for e in scsim::cli::registry::PERSONALITIES {
        assert_eq!(dir.join(e.name).exists(), !e.node_tool, "{}", e.name);
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

/// Read-only commands never open the state for writing: they create no lock file beside it
/// and work on a state file without write permission; changing commands refuse that file
/// (exit 6) and leave it as it was.
#[test]
fn read_only_commands_take_no_lock_and_work_on_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -g RG -h mail-1,mail-2
         scrgadm -a -L -g RG -l budgie
         scswitch -Z -g RG",
    );
    let lock = t.path().join("cluster.json.lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::set_permissions(&t.state, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = t.state_bytes();
    for line in [
        "scstat",
        "scstat -g -vv --json",
        "scrgadm -pvv",
        "scrgadm -p --json",
        "scsim log --last 5",
        "scsim fault list",
        "scsim state show",
        "scsim simulate --node-down mail-1",
        "scswitch -z -g RG -h mail-2 --dry-run",
        "scrgadm -a -g RG2 --dry-run",
        "scsim node down mail-1 --dry-run",
        "scsim fault inject --resource budgie --method Stop --dry-run",
        "scsim fault clear --dry-run",
        "scsim time advance 1m --dry-run",
    ] {
        let out = t.sh(line);
        assert_eq!(out.code, 0, "`{line}`:\n{out}");
        assert!(!lock.exists(), "`{line}` created the lock file");
    }
    for (line, code) in [
        ("scswitch -z -g RG -h mail-2", 6),
        ("scrgadm -a -g RG2", 6),
        ("scsim node down mail-1", 6),
        ("scsim time advance 1m", 6),
    ] {
        let out = t.fails_unchanged(line, code);
        assert!(out.stderr.contains("is read-only"), "{out}");
        assert!(out.stderr.contains("chmod u+w"), "{out}");
    }
    assert_eq!(before, t.state_bytes());
    assert!(!lock.exists(), "a refused command created the lock file");
}

/// Every `scsim` subcommand, at every level, prints help for `-?` and `--help` (exit 0); a
/// command line that stops before a subcommand, or lacks a required argument, is a usage
/// error (exit 3) that says what is missing, not a help page on stderr.
#[test]
fn help_and_usage_errors_for_every_scsim_subcommand() {
    fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut p = prefix.clone();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            paths(sub, p, out);
        }
    }
    let t = TestCluster::two_node();
    let mut all = Vec::new();
    paths(&scsim::cli::native::command(), Vec::new(), &mut all);
    assert!(all.len() >= 20, "{all:?}");
    for p in std::iter::once(Vec::new()).chain(all) {
        for help in ["-?", "--help"] {
            let mut args: Vec<&str> = p.iter().map(String::as_str).collect();
            args.push(help);
            let out = t.run("scsim", &args);
            assert_eq!(out.code, 0, "scsim {}:\n{out}", args.join(" "));
            assert!(
                out.stdout.contains("Usage:"),
                "scsim {}:\n{out}",
                args.join(" ")
            );
            assert!(out.stderr.is_empty(), "scsim {}:\n{out}", args.join(" "));
        }
    }
    for (line, needle) in [
        ("scsim", "a subcommand is needed: init, scrgadm"),
        ("scsim node", "node needs a subcommand: down, up"),
        (
            "scsim fault",
            "fault needs a subcommand: inject, list, clear",
        ),
        ("scsim time", "time needs a subcommand: advance"),
        ("scsim state", "state needs a subcommand: path, show"),
        ("scsim node down", "<NODE>"),
        ("scsim fault inject", "--resource <R>"),
        (
            "scsim fault inject --resource budgie --method",
            "--method <METHOD>",
        ),
        ("scsim time advance", "<DURATION>"),
        (
            "scsim node down mail-1 mail-2",
            "unexpected argument 'mail-2'",
        ),
        ("scsim fault list extra", "fault list takes no operands"),
        (
            "scsim log --group RG extra",
            "log takes no operands; every value follows its option (--group RG",
        ),
        (
            "scsim init --nodes a, b --force",
            "split by a space after the comma; lists are written without spaces (--nodes a,b)",
        ),
    ] {
        let out = t.fails_unchanged(line, 3);
        assert!(out.stderr.contains(needle), "`{line}`:\n{out}");
        assert!(out.stdout.is_empty(), "`{line}`:\n{out}");
    }
}

/// A Unicode dash pasted in place of `-` is named with the real option by every command, not
/// only scrgadm; option values may contain one.
#[test]
fn unicode_dashes_are_named_by_every_command() {
    let t = TestCluster::two_node();
    t.script("scrgadm -a -g RG -h mail-1,mail-2");
    for (line, real) in [
        ("scswitch \u{2013}Z -g RG", "did you mean -Z?"),
        ("scswitch -Z \u{2014}g RG", "did you mean -g?"),
        ("scstat \u{2013}g", "did you mean -g?"),
        (
            "scsim node down \u{2013}\u{2013}clean mail-1",
            "did you mean --clean?",
        ),
        ("scsim log \u{2014}last 3", "did you mean --last?"),
        ("scsim scswitch \u{2013}Z", "did you mean -Z?"),
    ] {
        let out = t.fails_unchanged(line, 3);
        assert!(out.stderr.contains(real), "`{line}`:\n{out}");
        assert!(
            out.stderr.contains("not the ASCII hyphen"),
            "`{line}`:\n{out}"
        );
    }
    t.sh("scrgadm -c -g RG -y RG_description=\u{2013}backup\u{2013}")
        .ok();
}

/// `--state` is a global option of scsim: it may also follow the SC command name
/// (`scsim scrgadm -p --state FILE`), where it is not passed on to scrgadm.
#[test]
fn state_option_after_an_sc_command() {
    let t = TestCluster::empty();
    let alt = t.path().join("alt.json");
    let alt_s = alt.display().to_string();
    t.run("scsim", &["--state", &alt_s, "init", "--nodes", "a,b"])
        .ok();
    let out = t.run("scsim", &["scrgadm", "-a", "-g", "RG", "--state", &alt_s]);
    out.ok();
    assert!(!t.state.exists());
    let eq = format!("--state={alt_s}");
    let out = t.run("scsim", &["scstat", "-g", &eq]);
    out.ok();
    assert!(out.stdout.contains("Group: RG"), "{out}");
    // A value that happens to be "--state" stays a value.
    let out = t.run(
        "scsim",
        &[
            "--state", &alt_s, "scrgadm", "-c", "-g", "RG", "-y", "--state",
        ],
    );
    out.expect_code(3);
    assert!(
        out.stderr.contains("unexpected argument '--state'"),
        "{out}"
    );
}

/// A quoted node list with spaces after the commas is accepted by init as by scrgadm and
/// scswitch; the names are stored without the spaces.
#[test]
fn init_accepts_a_quoted_list_with_spaces() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes \"mail-1, mail-2\" --device-group \"dg1@mail-2, mail-1\"")
        .ok();
    let j = t.state_json();
    assert_eq!(j["cluster"]["nodes"][1]["name"], "mail-2");
    assert_eq!(
        j["cluster"]["device_groups"][0]["nodes"],
        serde_json::json!(["mail-2", "mail-1"])
    );
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
fn old_log_lines_are_never_rewritten() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -g RG -h mail-1,mail-2
         scrgadm -a -L -g RG -l lh1
         scswitch -Z -g RG",
    );
    let messages = t.path().join("cluster.messages");
    let before = std::fs::read(&messages).unwrap();
    t.sh("scrgadm -c -g RG -y Failback=true").ok();
    let after = std::fs::read(&messages).unwrap();
    assert!(after.len() > before.len());
    assert_eq!(&after[..before.len()], &before[..], "old lines changed");
    let out = t.run("scsim", &["log", "--last", "1"]);
    assert!(
        out.stdout.contains("scrgadm -c -g RG -y Failback=true"),
        "{out}"
    );
}

/// `scsim init` topology (issue 10, item 16): adapters, IPMP groups and quorum devices with
/// the nodes they connect to; the System Administration Guide's 4-node sample with two
/// dual-ported quorum disks has 6 votes possible and 4 needed.
#[test]
fn init_topology_of_real_clusters() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes phys-schost-1,phys-schost-2,phys-schost-3,phys-schost-4 --quorum-device d2@phys-schost-1,phys-schost-2 --quorum-device d8@phys-schost-3,phys-schost-4")
        .ok();
    let q = t.sh("scstat -q");
    q.ok();
    insta::assert_snapshot!("init_four_node_two_quorum_disks", q.stdout);
    assert!(
        q.stdout
            .contains("  Quorum votes possible:      6\n  Quorum votes needed:        4\n")
    );
    // --quorum-devices N: the same dual-ported disks, pair by pair.
    let t = TestCluster::empty();
    t.sh("scsim init --nodes p1,p2,p3,p4 --quorum-devices 2")
        .ok();
    let q = t.sh("scstat -q").stdout;
    assert!(q.contains("Quorum votes possible:      6\n"), "{q}");
    let j = t.state_json();
    assert_eq!(
        j["cluster"]["quorum_devices"][1]["nodes"],
        serde_json::json!(["p3", "p4"])
    );
    // A device connected to three nodes has two votes.
    let t = TestCluster::empty();
    t.sh("scsim init --nodes a,b,c --quorum-device /dev/did/rdsk/d5s2")
        .ok();
    assert_eq!(t.state_json()["cluster"]["quorum_devices"][0]["votes"], 2);
    // Adapters per node and IPMP groups.
    let t = TestCluster::empty();
    t.sh("scsim init --nodes PA-TLH-SRV-PRD-1,PA-TLH-SRV-PRD-2 --host lh=192.0.2.40 --adapters PA-TLH-SRV-PRD-1=ce1,ce3 --adapters PA-TLH-SRV-PRD-2=ce1,ce3 --ipmp sc_ipmp0@PA-TLH-SRV-PRD-1=ce0,ce2 --ipmp sc_ipmp0@PA-TLH-SRV-PRD-2=ce0,ce2")
        .ok();
    let out = t.sh("scstat -W -i");
    out.ok();
    insta::assert_snapshot!("init_adapters_ipmp", out.stdout);
    t.sh("scrgadm -a -g rg").ok();
    t.sh("scrgadm -a -L -g rg -l lh").ok();
    assert_eq!(
        t.state_json()["resources"]["lh"]["extension"]["NetIfList"],
        serde_json::json!(["sc_ipmp0@1", "sc_ipmp0@2"])
    );
    // Refusals write nothing.
    let t = TestCluster::empty();
    for (line, code, needle) in [
        (
            "scsim init --nodes a,b --adapters c=qfe1",
            11,
            "c is not one of --nodes",
        ),
        ("scsim init --nodes a,b --adapters a", 3, "NODE=ADAPTER"),
        ("scsim init --nodes a,b --ipmp ipmp0=qfe0", 3, "GROUP@NODE"),
        (
            "scsim init --nodes a,b,c --quorum-device d2@a",
            11,
            "at least two nodes",
        ),
        (
            "scsim init --nodes a,b --quorum-device disk2",
            3,
            "not a DID device",
        ),
        (
            "scsim init --nodes a,b --quorum-devices 1 --quorum-device d2",
            3,
            "cannot be used with",
        ),
    ] {
        let out = t.sh(line);
        out.expect_code(code);
        assert!(out.stderr.contains(needle), "{line}: {out}");
        assert!(!t.state.exists(), "{line}");
    }
}
