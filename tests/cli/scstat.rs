//! Tests: `scstat` through the binary — every option, the full layouts (2-node seed cluster,
//! 4-node cluster, a down node, a failed resource), `-h`, `--json`, usage errors, and that it
//! never writes the state. Runtime states are set by editing the state file through the
//! library's own model, so the tests do not depend on the engine.

use crate::harness::TestCluster;
use scsim::model::{
    ClusterState, Name, RState, RStatus, Resource, ResourceGroup, ResourceNodeState, RgMode,
    RgState,
};

/// Load the state file, change it, write it back.
fn edit(t: &TestCluster, f: impl FnOnce(&mut ClusterState)) {
    let mut s = scsim::store::load(&t.state).expect("load state");
    f(&mut s);
    std::fs::write(&t.state, scsim::store::encode(&s).unwrap()).unwrap();
}

/// A managed group, Online on `online_on` (each of them), Offline elsewhere.
fn group(s: &mut ClusterState, name: &str, nodes: &[&str], online_on: &[&str]) {
    let mut g = ResourceGroup::new(name, nodes.iter().map(|n| Name::from(*n)).collect());
    g.managed = true;
    for n in nodes {
        let st = if online_on.contains(n) {
            RgState::Online
        } else {
            RgState::Offline
        };
        g.state.insert(n, st);
    }
    s.resource_groups.insert(name.to_string(), g);
}

/// An enabled resource, Online where its group is Online (with `online_msg`), Offline with
/// `offline_msg` elsewhere.
fn resource(
    s: &mut ClusterState,
    rg: &str,
    name: &str,
    rtype: &str,
    online_msg: &str,
    offline_msg: &str,
) {
    let g = s.resource_groups.get_mut(rg).unwrap();
    g.resources.push(Name::from(name));
    let mut state = scsim::model::NodeMap::new();
    for n in &g.nodelist {
        let on = g.state_on(n) == RgState::Online;
        state.insert(
            n.clone(),
            ResourceNodeState {
                state: if on { RState::Online } else { RState::Offline },
                status: if on {
                    RStatus::Online
                } else {
                    RStatus::Offline
                },
                message: if on { online_msg } else { offline_msg }.into(),
            },
        );
    }
    s.resources.insert(
        name.to_string(),
        Resource {
            name: Name::from(name),
            rtype: rtype.into(),
            group: Name::from(rg),
            enabled: true,
            monitored: true,
            description: Default::default(),
            dependencies: Default::default(),
            properties: Default::default(),
            extension: Default::default(),
            state,
            extras: Default::default(),
        },
    );
}

/// The seed cluster after step 12: MAIL-RG online on mail-1 with budgie, disk-rs, mail-rs.
fn seed() -> TestCluster {
    let t = TestCluster::two_node();
    edit(&t, |s| {
        group(s, "MAIL-RG", &["mail-1", "mail-2"], &["mail-1"]);
        resource(
            s,
            "MAIL-RG",
            "budgie",
            "SUNW.LogicalHostname:2",
            "LogicalHostname online.",
            "LogicalHostname offline.",
        );
        resource(s, "MAIL-RG", "disk-rs", "SUNW.HAStoragePlus:4", "", "");
        resource(s, "MAIL-RG", "mail-rs", "SUNW.ims", "", "");
        s.resources["mail-rs"].dependencies.set(
            scsim::model::DepKind::Strong,
            vec!["disk-rs".into(), "budgie".into()],
        );
    });
    t
}

/// Rows whose label (after leading blanks) is `label`, split on whitespace.
fn rows(out: &str, label: &str) -> Vec<Vec<String>> {
    out.lines()
        .filter_map(|l| l.trim_start().strip_prefix(label))
        .map(|r| r.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn seed_cluster_full_layout() {
    let t = seed();
    let out = t.run("scstat", &[]);
    out.ok();
    insta::assert_snapshot!("scstat_seed_all", out.to_string());
    // -p is the same as no option, and so is every section option at once.
    assert_eq!(t.run("scstat", &["-p"]).stdout, out.stdout);
    assert_eq!(t.run("scstat", &["-nWqDgi"]).stdout, out.stdout);
    assert_eq!(t.run("scsim", &["scstat", "-p"]).stdout, out.stdout);
}

#[test]
fn seed_cluster_groups_only() {
    let t = seed();
    let out = t.run("scstat", &["-g"]);
    out.ok();
    insta::assert_snapshot!("scstat_seed_g", out.to_string());
    // The rows that scripts in the wild match with regular expressions.
    assert_eq!(
        rows(&out.stdout, "Group:"),
        [
            ["MAIL-RG", "mail-1", "Online"],
            ["MAIL-RG", "mail-2", "Offline"]
        ]
    );
    let r = rows(&out.stdout, "Resource:");
    assert_eq!(
        r[0].join(" "),
        "budgie mail-1 Online Online - LogicalHostname online."
    );
    assert_eq!(
        r[1].join(" "),
        "budgie mail-2 Offline Offline - LogicalHostname offline."
    );
    assert_eq!(r[2].join(" "), "disk-rs mail-1 Online Online");
}

#[test]
fn each_section_option_alone() {
    let t = seed();
    let all = t.run("scstat", &[]).stdout;
    let titles = |args: &[&str]| -> Vec<String> {
        let out = t.run("scstat", args);
        out.ok();
        assert!(!out.stdout.is_empty(), "{args:?}: no output");
        // Every line of a single section appears in the full output.
        for line in out.stdout.lines() {
            assert!(
                all.contains(line),
                "{args:?}: {line:?} not in the full output"
            );
        }
        out.stdout
            .lines()
            .filter(|l| l.starts_with("-- "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(titles(&["-n"]), ["-- Cluster Nodes --"]);
    assert_eq!(titles(&["-W"]), ["-- Cluster Transport Paths --"]);
    assert_eq!(
        titles(&["-q"]),
        [
            "-- Quorum Summary --",
            "-- Quorum Votes by Node --",
            "-- Quorum Votes by Device --"
        ]
    );
    assert_eq!(
        titles(&["-D"]),
        [
            "-- Device Group Servers --",
            "-- Device Group Status --",
            "-- Multi-owner Device Groups --"
        ]
    );
    assert_eq!(
        titles(&["-g"]),
        [
            "-- Resource Groups and Resources --",
            "-- Resource Groups --",
            "-- Resources --"
        ]
    );
    assert_eq!(titles(&["-i"]), ["-- IPMP Groups --"]);
    // Combined options keep the fixed order, whatever order they are given in.
    assert_eq!(
        titles(&["-gn"]),
        [
            "-- Cluster Nodes --",
            "-- Resource Groups and Resources --",
            "-- Resource Groups --",
            "-- Resources --"
        ]
    );
    assert_eq!(titles(&["-i", "-W"]), titles(&["-Wi"]));
}

#[test]
fn seed_cluster_nodes_and_groups_combined() {
    let t = seed();
    let out = t.run("scstat", &["-gn"]);
    out.ok();
    insta::assert_snapshot!("scstat_seed_gn", out.to_string());
}

#[test]
fn verbose_levels() {
    // Real scstat has no settings, relationships or dependency sections: -v/-vv print what
    // scstat prints (issue 10, item 11); the detail is `scsim show`.
    let t = seed();
    let plain = t.run("scstat", &["-g"]).stdout;
    let v = t.run("scstat", &["-g", "-v"]);
    v.ok();
    assert_eq!(v.stdout, plain);
    let vv = t.run("scstat", &["-vv"]);
    vv.ok();
    assert_eq!(vv.stdout, t.run("scstat", &[]).stdout);
    assert_eq!(t.run("scstat", &["-v", "-v"]).stdout, vv.stdout);
    assert_eq!(t.run("scstat", &["-vvv"]).stdout, vv.stdout);
}

/// `scsim show`: the simulator's detail, with sections real scstat does not have.
#[test]
fn scsim_show_prints_the_details() {
    let t = seed();
    let all = t.run("scsim", &["show"]);
    all.ok();
    insta::assert_snapshot!("scsim_show_seed", all.to_string());
    let g = t.run("scsim", &["show", "-g", "MAIL-RG"]);
    g.ok();
    assert!(g.stdout.starts_with("-- Resource Group Settings --"), "{g}");
    assert!(!g.stdout.contains("Node details:"), "{g}");
    let j: serde_json::Value =
        serde_json::from_str(&t.run("scsim", &["show", "--json"]).stdout).unwrap();
    assert_eq!(
        j["resource_groups"][0]["nodelist"],
        serde_json::json!(["mail-1", "mail-2"])
    );
    let out = t.fails_unchanged("scsim show -g MAIL-R", 12);
    assert!(out.stderr.contains("did you mean MAIL-RG?"), "{out}");
}

#[test]
fn limit_to_a_node() {
    let t = seed();
    let out = t.run("scstat", &["-h", "mail-2"]);
    out.ok();
    insta::assert_snapshot!("scstat_seed_h_mail2", out.to_string());
    // A node id works as well as its name.
    assert_eq!(t.run("scstat", &["-h", "2"]).stdout, out.stdout);
    assert_eq!(
        rows(&t.run("scstat", &["-g", "-h", "mail-1"]).stdout, "Group:"),
        [["MAIL-RG", "mail-1", "Online"]]
    );
}

#[test]
fn unknown_node_is_exit_11_naming_the_nodes() {
    let t = seed();
    let out = t.fails_unchanged("scstat -h mail-3", 11);
    assert!(out.stdout.is_empty(), "{out}");
    insta::assert_snapshot!("scstat_unknown_node", out.to_string());
    assert!(
        out.stderr.contains("mail-3") && out.stderr.contains("mail-1, mail-2"),
        "{out}"
    );
}

#[test]
fn usage_errors_are_exit_3() {
    let t = seed();
    for line in ["scstat -x", "scstat extra", "scstat -h", "scstat -h a -h b"] {
        t.fails_unchanged(line, 3);
    }
}

#[test]
fn help_is_question_mark_or_long_help() {
    let t = TestCluster::empty();
    let out = t.run("scstat", &["-?"]);
    out.ok();
    insta::assert_snapshot!("scstat_help", out.to_string());
    // --help is the long form: same options, with the description paragraph.
    let long = t.run("scstat", &["--help"]);
    long.ok();
    assert!(long.stdout.contains("Section options combine."), "{long}");
    assert!(long.stdout.contains("-h <node>"), "{long}");
}

#[test]
fn missing_state_file_says_how_to_create_one() {
    let t = TestCluster::empty();
    let out = t.run("scstat", &[]);
    out.expect_code(18);
    assert!(out.stderr.contains("scsim --state"), "{out}");
}

#[test]
fn scstat_never_writes_the_state() {
    let t = seed();
    let before = t.state_bytes();
    for args in [&[][..], &["-g"], &["-vv"], &["--json"], &["-h", "mail-1"]] {
        t.run("scstat", args).ok();
    }
    assert_eq!(before, t.state_bytes());
}

#[test]
fn no_groups_no_group_section() {
    let t = TestCluster::two_node();
    let out = t.run("scstat", &["-g"]);
    out.ok();
    assert_eq!(out.stdout, "");
    let all = t.run("scstat", &[]);
    assert!(!all.stdout.contains("Resource Groups"), "{all}");
    assert!(all.stdout.contains("-- IPMP Groups --"), "{all}");
}

/// Four nodes, two quorum devices, a device group, a failover group and a scalable group.
fn four_node() -> TestCluster {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes phys-schost-1,phys-schost-2,phys-schost-3,phys-schost-4 --cluster-name schost --quorum-devices 2 --device-group nfs-dg@phys-schost-2,phys-schost-1")
        .ok();
    edit(&t, |s| {
        let all = [
            "phys-schost-1",
            "phys-schost-2",
            "phys-schost-3",
            "phys-schost-4",
        ];
        group(
            s,
            "nfs-rg",
            &["phys-schost-2", "phys-schost-1"],
            &["phys-schost-2"],
        );
        resource(
            s,
            "nfs-rg",
            "nfs-lh",
            "SUNW.LogicalHostname:2",
            "LogicalHostname online.",
            "LogicalHostname offline.",
        );
        resource(s, "nfs-rg", "nfs-hasp", "SUNW.HAStoragePlus:4", "", "");
        resource(
            s,
            "nfs-rg",
            "nfs-res",
            "SUNW.nfs:3.1",
            "Service is online.",
            "",
        );
        group(s, "sa-rg", &all[..2], &["phys-schost-1"]);
        resource(
            s,
            "sa-rg",
            "web-sa",
            "SUNW.SharedAddress:2",
            "SharedAddress online.",
            "",
        );
        group(s, "web-rg", &all, &all[..3]);
        let g = &mut s.resource_groups["web-rg"];
        g.mode = RgMode::Scalable;
        g.maximum_primaries = 4;
        g.desired_primaries = 3;
        g.rare.rg_dependencies = vec!["sa-rg".into()];
        resource(s, "web-rg", "apache-res", "SUNW.apache:4", "", "");
    });
    t
}

#[test]
fn four_node_cluster_full_layout() {
    let t = four_node();
    let out = t.run("scstat", &[]);
    out.ok();
    insta::assert_snapshot!("scstat_four_node_all", out.to_string());
    assert_eq!(rows(&out.stdout, "Transport path:").len(), 12);
    assert_eq!(rows(&out.stdout, "Group:").len(), 2 + 2 + 4);
    let vv = t.run("scstat", &["-gvv"]);
    vv.ok();
    assert_eq!(vv.stdout, t.run("scstat", &["-g"]).stdout);
    insta::assert_snapshot!(
        "scsim_show_four_node",
        t.run("scsim", &["show"]).to_string()
    );
}

#[test]
fn down_node() {
    let t = seed();
    edit(&t, |s| {
        s.cluster.node_mut("mail-2").unwrap().up = false;
        for r in s.resources.values_mut() {
            r.state.remove("mail-2");
        }
    });
    let out = t.run("scstat", &[]);
    out.ok();
    insta::assert_snapshot!("scstat_down_node", out.to_string());
    assert_eq!(
        rows(&out.stdout, "Cluster node:"),
        [["mail-1", "Online"], ["mail-2", "Offline"]]
    );
    assert!(
        rows(&out.stdout, "Transport path:")
            .iter()
            .all(|r| r[2..] == ["faulted"])
    );
    // 3 possible, 2 needed, 2 present (mail-1 and the quorum device it reaches).
    assert!(
        out.stdout.contains("  Quorum votes present:       2\n"),
        "{out}"
    );
}

#[test]
fn failed_resource() {
    let t = seed();
    edit(&t, |s| {
        s.resource_groups["MAIL-RG"]
            .state
            .insert("mail-1", RgState::OnlineFaulted);
        s.resources["mail-rs"].state.insert(
            "mail-1",
            ResourceNodeState {
                state: RState::StartFailed,
                status: RStatus::Faulted,
                message: "Failed to start Messaging Server.".into(),
            },
        );
        s.resources["disk-rs"].monitored = false;
        s.resources["disk-rs"].state.insert(
            "mail-1",
            ResourceNodeState {
                state: RState::OnlineNotMonitored,
                status: RStatus::Online,
                message: Default::default(),
            },
        );
    });
    let out = t.run("scstat", &["-g"]);
    out.ok();
    insta::assert_snapshot!("scstat_failed_resource", out.to_string());
    let r = rows(&out.stdout, "Resource:");
    assert_eq!(
        r[4].join(" "),
        "mail-rs mail-1 Start_failed Faulted - Failed to start Messaging Server."
    );
    assert_eq!(
        rows(&out.stdout, "Group:")[0],
        ["MAIL-RG", "mail-1", "Online_faulted"]
    );
}

#[test]
fn json_form() {
    let t = seed();
    let out = t.run("scstat", &["--json"]);
    out.ok();
    insta::assert_snapshot!("scstat_seed_json", out.to_string());
    let j: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(j["format_version"], 1);
    assert_eq!(j["quorum"]["possible"], 3);
    assert_eq!(
        j["resource_groups"][0]["resources"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // Options select sections and the node in JSON too.
    let out = t.run("scstat", &["-g", "-h", "mail-1", "--json"]);
    let j: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(j.get("nodes").is_none());
    assert_eq!(j["node_filter"], "mail-1");
    assert_eq!(
        j["resource_groups"][0]["nodes"],
        serde_json::json!([{"node": "mail-1", "state": "Online"}])
    );
}

#[test]
fn ten_thousand_resources() {
    let t = TestCluster::two_node();
    edit(&t, |s| {
        for g in 0..2000 {
            let name = format!("rg-{g}");
            let on = if g % 2 == 0 { "mail-1" } else { "mail-2" };
            group(s, &name, &["mail-1", "mail-2"], &[on]);
            for r in 0..5 {
                resource(s, &name, &format!("rs-{g}-{r}"), "SUNW.gds:6", "", "");
            }
        }
    });
    let out = t.run("scstat", &["-g"]);
    out.ok();
    assert_eq!(rows(&out.stdout, "Resource:").len(), 20_000);
    assert_eq!(rows(&out.stdout, "Group:").len(), 4_000);
    assert_eq!(rows(&out.stdout, "Group:")[3], ["rg-1", "mail-2", "Online"]);
}

/// `scstat -g NAME` (scstat has no per-group filter) says that -g takes no value.
#[test]
fn a_group_name_after_g_is_explained() {
    let t = seed();
    let out = t.fails_unchanged("scstat -g MAIL-RG", 3);
    assert!(
        out.stderr
            .contains("unexpected operand \"MAIL-RG\": scstat takes no operands"),
        "{out}"
    );
    assert!(out.stderr.contains("-g takes no value"), "{out}");
    let out = t.fails_unchanged("scstat -h mail2", 11);
    assert!(out.stderr.contains("did you mean mail-2?"), "{out}");
}

/// Output that cannot be written (a full disk) is an error, never exit 0.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_device_is_not_a_success() {
    let t = seed();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(t.bin.join("scstat"))
        .env_clear()
        .env("SCSIM_STATE", &t.state)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(18));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("scstat: cannot write the output:"), "{err}");
}

/// What scripts parse from the text (`Cluster node:`, `Transport path:`, `Group:`,
/// `Resource:`, the quorum summary) is what `--json` says, for every section option and node
/// filter, on a cluster with a down node, a failed start and a failed stop.
#[test]
fn text_rows_match_the_json() {
    let t = TestCluster::init("n1,n2,n3");
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.gds
         scrgadm -a -g RG1 -h n1,n2,n3
         scrgadm -a -L -g RG1 -l h1
         scrgadm -a -j app -g RG1 -t SUNW.gds -x Start_command=/bin/app -y Resource_dependencies=h1
         scrgadm -a -g RG2 -h n2,n3
         scrgadm -a -j app2 -g RG2 -t SUNW.gds -x Start_command=/bin/app2 -x Network_aware=false
         scrgadm -a -g RG3 -h n3,n1
         scswitch -Z -g RG1,RG2
         scsim fault inject --resource app --method Start --node n2 --times 1
         scsim fault inject --resource app2 --method Stop --times 1",
    );
    t.sh("scswitch -z -g RG1 -h n2").expect_code(10);
    t.sh("scswitch -z -g RG2 -h n3").expect_code(10);
    t.sh("scsim node down n3").ok();
    let fields = |line: &str, label: &str| -> Option<Vec<String>> {
        let rest = line.trim_start().strip_prefix(label)?;
        Some(rest.split_whitespace().map(str::to_string).collect())
    };
    for args in [
        vec![],
        vec!["-g"],
        vec!["-n", "-W", "-q"],
        vec!["-h", "n2"],
        vec!["-g", "-h", "n3"],
        vec!["-vv"],
    ] {
        let text = t.run("scstat", &args);
        text.ok();
        let mut jargs = args.clone();
        jargs.push("--json");
        let json = t.run("scstat", &jargs);
        json.ok();
        let j: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
        let lines = || text.stdout.lines();
        let nodes: Vec<Vec<String>> = lines().filter_map(|l| fields(l, "Cluster node:")).collect();
        let jnodes: Vec<Vec<String>> = j["nodes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|n| vec![s(&n["name"]), s(&n["status"])])
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(nodes, jnodes, "scstat {args:?}: nodes");
        let paths: Vec<Vec<String>> = lines()
            .filter_map(|l| fields(l, "Transport path:"))
            .collect();
        let jpaths: Vec<Vec<String>> = j["transport_paths"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        let mut v = vec![s(&p["endpoint_a"]), s(&p["endpoint_b"])];
                        v.extend(s(&p["status"]).split(' ').map(str::to_string));
                        v
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(paths, jpaths, "scstat {args:?}: transport paths");
        let groups: Vec<Vec<String>> = lines().filter_map(|l| fields(l, "Group:")).collect();
        let rgs = j["resource_groups"].as_array().cloned().unwrap_or_default();
        let jgroups: Vec<Vec<String>> = rgs
            .iter()
            .flat_map(|g| {
                g["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| vec![s(&g["name"]), s(&n["node"]), s(&n["state"])])
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(groups, jgroups, "scstat {args:?}: groups");
        let resources: Vec<Vec<String>> = lines().filter_map(|l| fields(l, "Resource:")).collect();
        let jresources: Vec<Vec<String>> = rgs
            .iter()
            .flat_map(|g| g["resources"].as_array().unwrap().clone())
            .flat_map(|r| {
                r["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| {
                        let mut v = vec![s(&r["name"]), s(&n["node"]), s(&n["state"])];
                        v.push(s(&n["status"]));
                        if !s(&n["message"]).is_empty() {
                            v.push("-".into());
                            v.extend(s(&n["message"]).split(' ').map(str::to_string));
                        }
                        v
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(resources, jresources, "scstat {args:?}: resources");
        for key in ["possible", "needed", "present"] {
            let row = lines()
                .find_map(|l| fields(l, &format!("Quorum votes {key}:")))
                .map(|v| v[0].clone());
            let jv = j["quorum"][key].as_u64().map(|v| v.to_string());
            assert_eq!(row, jv, "scstat {args:?}: quorum {key}");
        }
    }
}
