//! Tests of the status view and its layouts.

use super::*;
use crate::admin::init::{InitOptions, new_cluster};
use crate::model::{
    ClusterState, Name, RState, RStatus, Resource, ResourceGroup, ResourceNodeState, RgState,
};

fn cluster(nodes: &[&str]) -> ClusterState {
    let opts = InitOptions {
        nodes: nodes.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    new_cluster(&opts, 0).unwrap()
}

fn add_group(s: &mut ClusterState, name: &str, nodes: &[&str], online_on: Option<&str>) {
    let mut g = ResourceGroup::new(name, nodes.iter().map(|s| Name::from(*s)).collect());
    g.managed = true;
    for n in nodes {
        let st = if Some(*n) == online_on {
            RgState::Online
        } else {
            RgState::Offline
        };
        g.state.insert(n, st);
    }
    s.resource_groups.insert(name.to_string(), g);
}

fn add_resource(s: &mut ClusterState, group: &str, name: &str, rtype: &str, message: &str) {
    let g = s.resource_groups.get_mut(group).unwrap();
    g.resources.push(Name::from(name));
    let mut state = crate::model::NodeMap::new();
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
                message: if on {
                    message.into()
                } else {
                    Default::default()
                },
            },
        );
    }
    s.resources.insert(
        name.to_string(),
        Resource {
            name: Name::from(name),
            rtype: rtype.into(),
            group: Name::from(group),
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

/// The seed cluster after step 12: MAIL-RG online on mail-1.
fn seed() -> ClusterState {
    let mut s = cluster(&["mail-1", "mail-2"]);
    add_group(&mut s, "MAIL-RG", &["mail-1", "mail-2"], Some("mail-1"));
    add_resource(
        &mut s,
        "MAIL-RG",
        "budgie",
        "SUNW.LogicalHostname:2",
        "LogicalHostname online.",
    );
    add_resource(&mut s, "MAIL-RG", "disk-rs", "SUNW.HAStoragePlus:4", "");
    add_resource(&mut s, "MAIL-RG", "mail-rs", "SUNW.ims", "");
    s.resources["mail-rs"].dependencies.set(
        crate::model::DepKind::Strong,
        vec!["disk-rs".into(), "budgie".into()],
    );
    s
}

fn text(s: &ClusterState, sections: Sections, node: Option<&str>) -> String {
    let opts = StatusOptions {
        sections,
        node: node.map(str::to_string),
    };
    render_text(&collect(s, &opts))
}

fn details(s: &ClusterState) -> String {
    let opts = StatusOptions {
        sections: Sections::all(),
        node: None,
    };
    render_details(&collect(s, &opts))
}

fn only_groups() -> Sections {
    Sections {
        resource_groups: true,
        ..Default::default()
    }
}

/// The regular expressions that scripts in the wild apply to scstat output.
fn matching<'t>(out: &'t str, prefix: &str) -> Vec<Vec<&'t str>> {
    out.lines()
        .filter_map(|l| l.trim_start().strip_prefix(prefix))
        .map(|rest| rest.split_whitespace().collect())
        .collect()
}

#[test]
fn group_and_resource_rows_follow_the_nodelist() {
    let out = text(&seed(), only_groups(), None);
    assert_eq!(
        matching(&out, "Group:"),
        vec![
            vec!["MAIL-RG", "mail-1", "Online"],
            vec!["MAIL-RG", "mail-2", "Offline"]
        ]
    );
    let rows = matching(&out, "Resource:");
    assert_eq!(rows.len(), 6);
    assert_eq!(
        rows[0],
        vec![
            "budgie",
            "mail-1",
            "Online",
            "Online",
            "-",
            "LogicalHostname",
            "online."
        ]
    );
    assert_eq!(rows[1], vec!["budgie", "mail-2", "Offline", "Offline"]);
    assert_eq!(rows[5], vec!["mail-rs", "mail-2", "Offline", "Offline"]);
    assert!(
        out.contains("\n Resources: MAIL-RG             budgie disk-rs mail-rs\n"),
        "{out}"
    );
    assert!(out.contains("\n  Resource: budgie              mail-1              Online               Online - LogicalHostname online.\n"), "{out}");
    assert!(
        out.starts_with("-- Resource Groups and Resources --\n \n"),
        "{out}"
    );
    assert!(
        !out.contains(SEPARATOR),
        "one component, no separator:\n{out}"
    );
}

#[test]
fn no_resource_group_section_without_groups() {
    let s = cluster(&["a", "b"]);
    assert_eq!(text(&s, only_groups(), None), "");
    let all = text(&s, Sections::all(), None);
    assert!(!all.contains("Resource Groups"), "{all}");
    assert!(all.contains("-- IPMP Groups --"), "{all}");
}

#[test]
fn sections_come_in_fixed_order_with_separators() {
    let out = text(&seed(), Sections::all(), None);
    let titles: Vec<&str> = out.lines().filter(|l| l.starts_with("-- ")).collect();
    assert_eq!(
        titles,
        [
            "-- Cluster Nodes --",
            "-- Cluster Transport Paths --",
            "-- Quorum Summary --",
            "-- Quorum Votes by Node --",
            "-- Quorum Votes by Device --",
            "-- Device Group Servers --",
            "-- Device Group Status --",
            "-- Multi-owner Device Groups --",
            "-- Resource Groups and Resources --",
            "-- Resource Groups --",
            "-- Resources --",
            "-- IPMP Groups --",
        ]
    );
    assert_eq!(out.matches(&format!(" \n{SEPARATOR}\n \n")).count(), 5);
    assert_eq!(SEPARATOR.len(), 66);
}

#[test]
fn quorum_arithmetic_counts_up_nodes_and_reachable_devices() {
    let mut s = cluster(&["a", "b"]);
    let q = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    )
    .quorum
    .unwrap();
    assert_eq!((q.possible, q.needed, q.present), (3, 2, 3));
    s.cluster.node_mut("b").unwrap().up = false;
    let v = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    );
    let q = v.quorum.as_ref().unwrap();
    assert_eq!((q.possible, q.needed, q.present), (3, 2, 2));
    assert_eq!(q.nodes[1].present, 0);
    assert_eq!(q.nodes[1].status, "Offline");
    assert_eq!(q.devices[0].present, 1, "device still reachable from a");
    assert!(
        v.transport_paths
            .unwrap()
            .iter()
            .all(|p| p.status == "faulted")
    );
    s.cluster.node_mut("a").unwrap().up = false;
    let q = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    )
    .quorum
    .unwrap();
    assert_eq!((q.present, q.devices[0].status), (0, "Offline"));

    // Four nodes, no device: 4 possible, 3 needed.
    let s = cluster(&["a", "b", "c", "d"]);
    let q = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    )
    .quorum
    .unwrap();
    assert_eq!((q.possible, q.needed, q.present), (4, 3, 4));
}

#[test]
fn node_filter_keeps_what_concerns_the_node() {
    let mut s = cluster(&["a", "b", "c"]);
    add_group(&mut s, "rg-ab", &["a", "b"], Some("b"));
    add_group(&mut s, "rg-bc", &["b", "c"], Some("c"));
    add_resource(&mut s, "rg-ab", "r1", "T", "");
    add_resource(&mut s, "rg-bc", "r2", "T", "");
    let out = text(&s, Sections::all(), Some("c"));
    assert_eq!(matching(&out, "Cluster node:"), vec![vec!["c", "Online"]]);
    assert_eq!(matching(&out, "Transport path:").len(), 4, "{out}");
    assert!(
        matching(&out, "Transport path:")
            .iter()
            .all(|r| r[0].starts_with("c:") || r[1].starts_with("c:"))
    );
    assert_eq!(
        matching(&out, "Node votes:"),
        vec![vec!["c", "1", "1", "Online"]]
    );
    assert_eq!(matching(&out, "Group:"), vec![vec!["rg-bc", "c", "Online"]]);
    assert_eq!(
        matching(&out, "Resource:"),
        vec![vec!["r2", "c", "Online", "Online"]]
    );
    assert!(!out.contains("rg-ab"), "{out}");
    assert!(matching(&out, "IPMP Group:").iter().all(|r| r[0] == "c"));
    // The quorum summary stays cluster-wide.
    assert!(out.contains("  Quorum votes possible:      3\n"), "{out}");
}

#[test]
fn failed_and_unmanaged_states_print_as_scstat_spells_them() {
    let mut s = seed();
    let r = &mut s.resources["disk-rs"];
    r.state.insert(
        "mail-2",
        ResourceNodeState {
            state: RState::StartFailed,
            status: RStatus::Faulted,
            message: "Failed to mount /global/mail1.".into(),
        },
    );
    s.resource_groups["MAIL-RG"]
        .state
        .insert("mail-2", RgState::PendingOnlineBlocked);
    let mut g = ResourceGroup::new("IDLE-RG", vec!["mail-2".into()]);
    g.state.insert("mail-2", RgState::Online);
    s.resource_groups.insert("IDLE-RG", g);
    let out = text(&s, only_groups(), None);
    assert!(
        out.contains("  Resource: disk-rs             mail-2              Start_failed         Faulted - Failed to mount /global/mail1.\n"),
        "{out}"
    );
    assert!(matching(&out, "Group:").contains(&vec![
        "MAIL-RG",
        "mail-2",
        "Pending_online_blocked"
    ]));
    assert!(
        matching(&out, "Group:").contains(&vec!["IDLE-RG", "mail-2", "Unmanaged"]),
        "unmanaged wins over stale state"
    );
    assert!(out.contains(" Resources: IDLE-RG             -\n"), "{out}");
}

#[test]
fn details_are_not_scstat_sections() {
    let s = seed();
    let plain = text(&s, Sections::all(), None);
    for title in [
        "Cluster Node Details",
        "Device Group Nodes",
        "Settings",
        "Relationships",
        "Dependencies",
    ] {
        assert!(!plain.contains(title), "{title} in scstat:\n{plain}");
    }
    let d = details(&s);
    assert!(d.contains("-- Resource Settings --"), "{d}");
    assert!(d.contains("  Settings: mail-rs             MAIL-RG             SUNW.ims                 Yes       Yes\n"), "{d}");
    assert!(
        d.contains("  Node details:     mail-1              1         1         qfe1 hme1\n"),
        "{d}"
    );
    assert!(
        d.contains("Dependency: mail-rs             strong          disk-rs,budgie\n"),
        "{d}"
    );
    assert!(d.contains("-- Device Group Nodes --"));
    assert!(
        !d.contains("Cluster node:") && !d.contains("Resource:"),
        "{d}"
    );
}

#[test]
fn multi_owner_device_groups_section_is_printed_empty() {
    let s = seed();
    let out = text(&s, Sections::all(), None);
    assert!(
        out.contains(
            "-- Multi-owner Device Groups --\n \n                              Device Group        Online Status\n                              ------------        -------------\n"
        ),
        "{out}"
    );
}

#[test]
fn columns_widen_to_the_longest_value() {
    let mut s = cluster(&["PA-TLH-SRV-PRD-1", "PA-TLH-SRV-PRD-2"]);
    add_group(&mut s, "RG", &["PA-TLH-SRV-PRD-1"], None);
    let out = text(&s, Sections::all(), None);
    // Endpoints of 21 characters: the columns widen to 22, the header with them.
    assert!(
        out.contains(
            "  Transport path:   PA-TLH-SRV-PRD-1:qfe1 PA-TLH-SRV-PRD-2:qfe1 Path online\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("                    Endpoint              Endpoint              Status\n"),
        "{out}"
    );
    // Short values keep the 20-column grid.
    assert!(
        out.contains("     Group: RG                  PA-TLH-SRV-PRD-1    "),
        "{out}"
    );
}

#[test]
fn long_names_keep_a_space_between_columns() {
    let mut s = cluster(&["a-node-with-a-very-long-name", "b"]);
    add_group(
        &mut s,
        "a-group-name-longer-than-twenty",
        &["a-node-with-a-very-long-name"],
        None,
    );
    let out = text(&s, Sections::all(), None);
    assert_eq!(
        matching(&out, "Group:"),
        vec![vec![
            "a-group-name-longer-than-twenty",
            "a-node-with-a-very-long-name",
            "Offline"
        ]]
    );
    assert_eq!(
        matching(&out, "Cluster node:")[0],
        vec!["a-node-with-a-very-long-name", "Online"]
    );
}

#[test]
fn device_group_servers_follow_primary_and_membership() {
    let opts = InitOptions {
        nodes: vec!["a".into(), "b".into(), "c".into()],
        device_groups: vec!["dg1@b,a,c".into(), "dg2@c".into()],
        ..Default::default()
    };
    let mut s = new_cluster(&opts, 0).unwrap();
    s.cluster.node_mut("a").unwrap().up = false;
    s.cluster.node_mut("c").unwrap().up = false;
    let v = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    );
    let dgs = v.device_groups.unwrap();
    assert_eq!(
        (dgs[0].primary, dgs[0].secondary, dgs[0].status),
        (Some("b"), None, "Online")
    );
    assert_eq!((dgs[1].primary, dgs[1].status), (None, "Offline"));
    s.cluster.node_mut("c").unwrap().up = true;
    let v = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    );
    assert_eq!(v.device_groups.unwrap()[0].secondary, Some("c"));
    s.cluster.device_groups[0].maintenance = true;
    let v = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        },
    );
    let dg = &v.device_groups.unwrap()[0];
    assert_eq!(
        (dg.primary, dg.secondary, dg.status),
        (None, None, "Offline")
    );
}

#[test]
fn json_has_the_documented_shape() {
    let s = seed();
    let opts = StatusOptions {
        sections: Sections::all(),
        ..Default::default()
    };
    let j: serde_json::Value = serde_json::from_str(&render_json(&collect(&s, &opts))).unwrap();
    assert_eq!(j["format_version"], 1);
    assert_eq!(j["nodes"][0]["status"], "Online");
    assert_eq!(j["transport_paths"][0]["status"], "Path online");
    assert_eq!(j["quorum"]["needed"], 2);
    let rg = &j["resource_groups"][0];
    assert_eq!(rg["name"], "MAIL-RG");
    assert_eq!(
        rg["nodes"][1],
        serde_json::json!({"node": "mail-2", "state": "Offline"})
    );
    assert_eq!(
        rg["resources"][0]["nodes"][0],
        serde_json::json!({"node": "mail-1", "state": "Online", "status": "Online", "message": "LogicalHostname online."})
    );
    assert_eq!(rg["resources"][2]["dependencies"]["strong"][1], "budgie");
    assert_eq!(j["ipmp"][0]["adapters"][0]["adapter"], "qfe0");
    assert!(j.get("node_filter").is_none());

    let opts = StatusOptions {
        sections: only_groups(),
        node: Some("mail-2".into()),
    };
    let j: serde_json::Value = serde_json::from_str(&render_json(&collect(&s, &opts))).unwrap();
    assert!(j.get("nodes").is_none() && j.get("quorum").is_none());
    assert_eq!(j["node_filter"], "mail-2");
    assert_eq!(
        j["resource_groups"][0]["nodes"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn ten_thousand_resources_render_every_row() {
    let mut s = cluster(&["a", "b"]);
    for g in 0..2000 {
        let name = format!("rg{g}");
        add_group(
            &mut s,
            &name,
            &["a", "b"],
            Some(if g % 2 == 0 { "a" } else { "b" }),
        );
        for r in 0..5 {
            add_resource(&mut s, &name, &format!("r{g}-{r}"), "T", "");
        }
    }
    let out = text(&s, only_groups(), None);
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("  Resource: "))
            .count(),
        20_000
    );
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("     Group: "))
            .count(),
        4_000
    );
}

#[test]
fn a_large_status_goes_out_in_pieces_with_its_columns_measured_over_every_row() {
    let mut s = cluster(&["n1", "n2"]);
    for g in 0..400 {
        let name = format!("rg-{g}");
        add_group(&mut s, &name, &["n1", "n2"], Some("n1"));
        for r in 0..5 {
            // Messages of two-byte characters, so that pieces fall inside one.
            add_resource(&mut s, &name, &format!("rs-{g}-{r}"), "SUNW.x", "up ééé");
        }
    }
    // The last resource's name is longer than the 20-column grid: every row, also those
    // passed on before it is made, makes room for it.
    let long = "a-resource-named-at-length-here";
    add_resource(&mut s, "rg-399", long, "SUNW.x", "");
    let view = collect(
        &s,
        &StatusOptions {
            sections: Sections::all(),
            node: None,
        },
    );
    let mut pieces: Vec<String> = Vec::new();
    write_text(&view, &mut |p| pieces.push(p.to_string()));
    assert!(pieces.len() > 2, "{} pieces", pieces.len());
    assert!(pieces.iter().all(|p| p.len() < 66 * 1024));
    let whole = pieces.concat();
    assert_eq!(whole, render_text(&view));
    let first = whole
        .lines()
        .find(|l| l.contains("Resource:") && l.contains("rs-0-0"))
        .unwrap();
    let last = whole
        .lines()
        .find(|l| l.contains("Resource:") && l.contains(long))
        .unwrap();
    assert_eq!(first.find(" n1"), last.find(" n1"), "{first}\n{last}");
    assert!(first.ends_with("Online - up ééé"), "{first}");
    // The JSON form goes out in pieces too, each of whole characters.
    let mut pieces: Vec<String> = Vec::new();
    write_json(&view, &mut |p| pieces.push(p.to_string()));
    assert!(pieces.len() > 2, "{} pieces", pieces.len());
    assert_eq!(pieces.concat(), render_json(&view));
}
