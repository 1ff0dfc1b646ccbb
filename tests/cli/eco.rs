//! Tests: export (replayed on a fresh cluster), diff, undo and history, graph, durations and
//! "did you mean".

use crate::harness::TestCluster;

/// A cluster with types, two groups (an affinity between them), a network address, a
/// dependency, a switched-off monitor, and a group online on its first node.
fn busy() -> TestCluster {
    let t = TestCluster::init("mail-1,mail-2,mail-3");
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2 -y Failback=TRUE -y 'RG_description=mail and more'
         scrgadm -a -g WEB-RG -h mail-2,mail-1 -y RG_affinities=--MAIL-RG
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie -y Retry_count=3
         scswitch -Z -g MAIL-RG
         scswitch -e -j disk-rs,mail-rs
         scswitch -n -M -j mail-rs
         scswitch -o -g WEB-RG
         scsim node down mail-3",
    );
    t
}

#[test]
fn export_replayed_on_a_fresh_cluster_gives_the_same_listing_and_status() {
    let t = busy();
    let export = t.run("scsim", &["export"]);
    export.ok();
    insta::assert_snapshot!(export.stdout);
    let fresh = TestCluster::init("mail-1,mail-2,mail-3");
    fresh.script(&export.stdout);
    for cmd in [["scrgadm", "-pvv"], ["scstat", "-g"]] {
        assert_eq!(
            fresh.run(cmd[0], &cmd[1..]).stdout,
            t.run(cmd[0], &cmd[1..]).stdout,
            "{cmd:?} differs after replaying the export"
        );
    }
    let other = fresh.state.display().to_string();
    t.run("scsim", &["diff", t.state.to_str().unwrap(), &other])
        .ok();
}

#[test]
fn diff_exits_0_same_1_different_and_names_the_differences() {
    let t = busy();
    let copy = t.path().join("copy.json");
    std::fs::copy(&t.state, &copy).unwrap();
    let (a, b) = (t.state.to_str().unwrap(), copy.to_str().unwrap());
    let same = t.run("scsim", &["diff", a, b]);
    same.ok();
    assert_eq!(same.stdout, "");
    t.script("scswitch -z -g MAIL-RG -h mail-2\nscrgadm -c -j mail-rs -y Retry_count=5");
    let out = t.run("scsim", &["diff", b, a]);
    insta::assert_snapshot!(out.to_string());
    let missing = t.run("scsim", &["diff", a, "nosuch.json"]);
    assert_eq!(missing.code, 18, "{missing}");
}

#[test]
fn undo_steps_back_and_can_itself_be_undone() {
    let t = TestCluster::two_node();
    t.script("scrgadm -a -g RG -h mail-1,mail-2\nscrgadm -a -g RG2 -h mail-2");
    let before_undo = t.run("scrgadm", &["-p"]).stdout;
    let history = t.run("scsim", &["history"]);
    insta::assert_snapshot!(history.to_string());
    let dry = t.run("scsim", &["undo", "--dry-run"]);
    dry.ok();
    assert!(
        dry.stdout
            .contains("Would undo: scrgadm -a -g RG2 -h mail-2"),
        "{dry}"
    );
    assert_eq!(t.run("scrgadm", &["-p"]).stdout, before_undo);
    t.run("scsim", &["undo"]).ok();
    t.fails_unchanged("scrgadm -p -g RG2", 12);
    t.run("scsim", &["undo"]).ok();
    assert_eq!(t.run("scrgadm", &["-p"]).stdout, before_undo);
    let too_far = t.fails_unchanged("scsim undo 40", 9);
    assert!(too_far.stderr.contains("scsim history"), "{too_far}");
    let json: serde_json::Value =
        serde_json::from_str(&t.run("scsim", &["history", "--json"]).stdout).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["history"][0]["command"], "scsim undo 1");
}

#[test]
fn a_damaged_state_file_names_the_intact_generation_and_undo_brings_it_back() {
    let t = TestCluster::two_node();
    t.script("scrgadm -a -g RG -h mail-1,mail-2\nscrgadm -a -g RG2 -h mail-2");
    let intact = t.run("scrgadm", &["-p"]).stdout;
    t.script("scrgadm -a -g RG3 -h mail-1");
    // A power loss before the last commit's data reached the disk: the file is cut short.
    // (At a fixed length, so that the message's position does not move with the file's size.)
    let bytes = t.state_bytes();
    std::fs::write(&t.state, &bytes[..100]).unwrap();
    let status = t.fails_unchanged("scstat -g", 18);
    insta::assert_snapshot!(status.to_string());
    // A changing command is refused the same way, and writes nothing.
    let change = t.fails_unchanged("scrgadm -a -g RG4 -h mail-1", 18);
    assert!(change.stderr.contains("undo 1"), "{change}");
    // The history still lists what can be brought back, and says the state is damaged.
    let history = t.fails_unchanged("scsim history", 18);
    assert!(
        history.stdout.starts_with("current generation damaged")
            && history
                .stdout
                .contains("undoes: scrgadm -a -g RG3 -h mail-1"),
        "{history}"
    );
    t.run("scsim", &["undo"]).ok();
    assert_eq!(t.run("scrgadm", &["-p"]).stdout, intact);
    assert_eq!(
        std::fs::read(t.path().join("cluster.json.damaged")).unwrap(),
        &bytes[..100]
    );
    // The restored state is numbered past the damaged one and works as any other.
    let json: serde_json::Value =
        serde_json::from_str(&t.run("scsim", &["history", "--json"]).stdout).unwrap();
    // The damaged file was generation 3, the newest kept 2.
    assert_eq!(json["generation"], 4, "{json}");
    t.script("scrgadm -a -g RG4 -h mail-1");
}

#[test]
fn every_commit_syncs_on_request_and_a_bad_sync_mode_is_refused() {
    let t = TestCluster::two_node();
    let bad = t.run_env(
        "scrgadm",
        &["-a", "-g", "RG", "-h", "mail-1"],
        &[("SCSIM_SYNC", "often")],
    );
    assert_eq!(bad.code, 3, "{bad}");
    assert!(
        bad.stderr.contains("SCSIM_SYNC=often") && bad.stderr.contains("`every`"),
        "{bad}"
    );
    // Reads do not care.
    t.run_env("scstat", &["-g"], &[("SCSIM_SYNC", "often")])
        .ok();
    let marker = t.path().join("cluster.json.history/synced");
    for (i, rg) in ["RG1", "RG2", "RG3"].iter().enumerate() {
        t.run_env(
            "scrgadm",
            &["-a", "-g", rg, "-h", "mail-1"],
            &[("SCSIM_SYNC", "every")],
        )
        .ok();
        let generation = t.state_json()["generation"].as_u64().unwrap();
        let synced: u64 = std::fs::read_to_string(&marker)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(synced, generation, "commit {i}");
    }
}

#[test]
fn history_is_bounded() {
    let t = TestCluster::two_node();
    for i in 0..25 {
        t.sh(&format!("scrgadm -a -g RG{i} -h mail-1")).ok();
    }
    let kept = std::fs::read_dir(t.path().join("cluster.json.history"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("json".as_ref()))
        .count();
    assert_eq!(kept, scsim::store::history::KEEP);
}

#[test]
fn graph_draws_groups_resources_dependencies_affinities_and_placement() {
    let t = busy();
    let out = t.run("scsim", &["graph"]);
    out.ok();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn durations_in_common_spellings_and_calendar_dates() {
    let t = TestCluster::two_node();
    let out = t.run("scsim", &["time", "advance", "10", "minutes"]);
    out.ok();
    assert!(
        out.stdout
            .contains("2026-11-24T09:00:00.000Z -> 2026-11-24T09:10:00.000Z"),
        "{out}"
    );
    t.run("scsim", &["time", "advance", "1h30m"]).ok();
    let bad = t.fails_unchanged("scsim time advance 'ten minutes'", 3);
    assert!(bad.stderr.contains("10 minutes"), "{bad}");
    let out = t.run("scsim", &["log", "--since", "2026-02-31T00:00:00Z"]);
    assert_eq!(out.code, 3, "{out}");
}

#[test]
fn did_you_mean_counts_swapped_letters_and_knows_standard_properties() {
    let t = TestCluster::two_node();
    t.script("scrgadm -a -g MAIL-RG -h mail-1,mail-2\nscrgadm -a -t SUNW.HAStoragePlus");
    let swapped = t.fails_unchanged("scswitch -Z -g MAIL-GR", 12);
    assert!(
        swapped.stderr.contains("did you mean MAIL-RG?"),
        "{swapped}"
    );
    let node = t.fails_unchanged("scrgadm -a -g X -h mial-1", 11);
    assert!(node.stderr.contains("did you mean mail-1?"), "{node}");
    let prop = t.fails_unchanged(
        "scrgadm -a -j d -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/a -y Retry_cuont=2",
        15,
    );
    insta::assert_snapshot!(prop.to_string());
}

#[test]
fn graph_as_svg_needs_graphviz_and_says_so() {
    let t = busy();
    let out = t.run_env(
        "scsim",
        &["graph", "--format", "svg"],
        &[("PATH", "/usr/local/bin:/usr/bin:/bin")],
    );
    let has_dot = ["/usr/local/bin/dot", "/usr/bin/dot", "/bin/dot"]
        .iter()
        .any(|p| std::path::Path::new(p).exists());
    if has_dot {
        out.ok();
        assert!(out.stdout.contains("<svg"), "{out}");
        assert!(out.stdout.contains("budgie"), "{out}");
    } else {
        assert_eq!(out.code, 3, "{out}");
        assert!(out.stderr.contains("install Graphviz"), "{out}");
    }
}

/// `scsim help X` prints exactly what `X --help` prints, for every command of the registry and
/// every verb of scsim, and names what is unknown.
#[test]
fn scsim_help_is_each_commands_own_help() {
    let t = TestCluster::empty();
    for name in scsim::cli::registry::names().filter(|n| *n != "scsim") {
        let own = t.run(name, &["--help"]);
        own.ok();
        let help = t.run("scsim", &["help", name]);
        help.ok();
        assert_eq!(help.stdout, own.stdout, "scsim help {name}");
    }
    for verb in [
        &["init"][..],
        &["export"],
        &["node", "down"],
        &["fault", "inject"],
        &["time", "advance"],
        &["state", "show"],
        &["undo"],
        &["help"],
    ] {
        let mut args = verb.to_vec();
        args.push("--help");
        let own = t.run("scsim", &args);
        own.ok();
        assert!(own.stdout.contains("Examples:"), "scsim {verb:?}: {own}");
        let mut args = vec!["help"];
        args.extend(verb);
        assert_eq!(
            t.run("scsim", &args).stdout,
            own.stdout,
            "scsim help {verb:?}"
        );
    }
    let bad = t.run("scsim", &["help", "nodee"]);
    assert_eq!(bad.code, 3, "{bad}");
    assert!(bad.stderr.contains("did you mean node?"), "{bad}");
}
