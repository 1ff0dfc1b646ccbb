//! Engine unit tests: the planner and the executor on start states built in code, without a
//! process or a file. Property tests drive random intents and injected failures through
//! `run` and check the invariants after every step, including the order of every executed
//! transition (strong dependees started before their dependents, stopped after them).

use super::exec::{StepResult, Transition};
use super::plan::StepKind;
use super::testkit::*;
use super::*;
use crate::model::{
    ClusterState, DepKind, Fault, FaultKind, Method, PropValue, RState, RgMode, RgState,
};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const NOW: u64 = 1_795_510_800_000; // 2026-11-24T09:00:00Z

/// Run `intent` on the simulated cluster, with the state's injected faults.
fn sim(s: &mut ClusterState, intent: &Intent) -> crate::error::Result<Transition> {
    simulate_with_faults(s, |s, m| run(s, intent, m))
}

fn switch(rg: &str, node: &str) -> Intent {
    Intent::Switch {
        rgs: vec![rg.into()],
        nodes: vec![node.into()],
    }
}

/// (method, resource, node) of every method that ran, in order.
fn methods(tr: &Transition) -> Vec<(Method, String, String)> {
    tr.executed()
        .filter_map(|(_, s)| match &s.kind {
            StepKind::Method {
                resource,
                node,
                method,
                ..
            } => Some((*method, resource.to_string(), node.to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn switchover_runs_methods_in_the_reference_order() {
    let mut s = seed(NOW);
    let tr = sim(&mut s, &switch("MAIL-RG", "mail-2")).unwrap();
    let got: Vec<String> = methods(&tr)
        .iter()
        .map(|(m, r, n)| format!("{n} {} {r}", m.rtr_name()))
        .collect();
    assert_eq!(
        got,
        [
            "mail-1 Monitor_stop mail-rs",
            "mail-1 Monitor_stop disk-rs",
            "mail-1 Monitor_stop budgie",
            "mail-1 Stop mail-rs",
            "mail-1 Stop disk-rs",
            "mail-1 Stop budgie",
            "mail-1 Postnet_stop disk-rs",
            "mail-2 Prenet_start budgie",
            "mail-2 Prenet_start disk-rs",
            "mail-2 Start budgie",
            "mail-2 Monitor_start budgie",
            "mail-2 Start disk-rs",
            "mail-2 Monitor_start disk-rs",
            "mail-2 Start mail-rs",
            "mail-2 Monitor_start mail-rs",
        ]
    );
    // The log names the methods' programs with the types' timeouts, as a real rgmd log does.
    let launched: Vec<String> = s
        .events
        .iter()
        .filter_map(|e| {
            let m = e.message.strip_prefix("launching method <")?;
            let (p, rest) = m.split_once('>')?;
            let t = rest
                .rsplit("timeout <")
                .next()?
                .trim_end_matches("> seconds");
            rest.contains("node <mail-2>").then(|| format!("{p} {t}"))
        })
        .collect();
    assert_eq!(
        &launched[..5],
        [
            "hafoip_prenet_start 300",
            "hastorageplus_prenet_start 1800",
            "hafoip_start 500",
            "hafoip_monitor_start 300",
            "hastorageplus_start 90",
        ]
    );
    let g = &s.resource_groups["MAIL-RG"];
    assert_eq!(g.state_on("mail-2"), RgState::Online);
    assert_eq!(g.state_on("mail-1"), RgState::Offline);
    let b = &s.resources["budgie"].state["mail-2"];
    assert_eq!(b.message, "LogicalHostname online.");
    assert_eq!(
        s.resources["budgie"].state["mail-1"].message,
        "LogicalHostname offline."
    );
}

#[test]
fn planning_is_pure_and_repeatable() {
    let s = seed(NOW);
    let before = s.clone();
    let a = plan(&s, &switch("MAIL-RG", "mail-2"), NOW).unwrap();
    let b = plan(&s, &switch("MAIL-RG", "mail-2"), NOW).unwrap();
    assert_eq!(a, b);
    assert_eq!(s, before);
    assert!(!a.steps.is_empty());
    // Planning the same switch again after it ran is a no-op.
    let mut s2 = s.clone();
    sim(&mut s2, &switch("MAIL-RG", "mail-2")).unwrap();
    assert!(
        plan(&s2, &switch("MAIL-RG", "mail-2"), NOW)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn refusals_change_nothing_and_carry_the_right_code() {
    use crate::error::ErrorCode;
    let mut s = seed(NOW);
    s.resources.get_mut("disk-rs").unwrap().enabled = false;
    s.resources.get_mut("mail-rs").unwrap().enabled = false;
    let before = s.clone();
    let e = sim(
        &mut s,
        &Intent::Enable {
            resources: vec!["mail-rs".into()],
            monitor_only: false,
        },
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Depend);
    assert!(e.message.contains("disk-rs"));
    assert!(e.hints.iter().any(|h| {
        h.render(crate::cli::sc31::render)
            .contains("scswitch -e -j disk-rs")
    }));
    assert_eq!(s, before);
    let e = sim(&mut s, &switch("MAIL-RG", "mail-9")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Node);
    let e = sim(&mut s, &switch("NOPE", "mail-1")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Rg);
    assert_eq!(s, before);
}

#[test]
fn a_failed_start_with_soft_relocates_and_records_pingpong() {
    let mut s = seed(NOW);
    s.resources
        .get_mut("disk-rs")
        .unwrap()
        .properties
        .insert("Failover_mode", PropValue::Str("SOFT".into()));
    s.faults.push(Fault {
        resource: "disk-rs".into(),
        kind: FaultKind::MethodFails {
            method: Method::Start,
        },
        node: Some("mail-2".into()),
        remaining: Some(1),
    });
    let tr = sim(&mut s, &switch("MAIL-RG", "mail-2")).unwrap();
    assert_eq!(tr.failures.len(), 1);
    assert!(s.faults.is_empty(), "a --times 1 fault is used up");
    let g = &s.resource_groups["MAIL-RG"];
    assert_eq!(g.state_on("mail-1"), RgState::Online);
    assert!(g.rare.start_failures.contains_key("mail-2"));
    // mail-rs never started on mail-2.
    assert!(
        !methods(&tr)
            .iter()
            .any(|(m, r, n)| *m == Method::Start && r == "mail-rs" && n == "mail-2")
    );
    let unmet = check::unmet(&s, &switch("MAIL-RG", "mail-2"));
    assert_eq!(
        unmet,
        [check::Unmet::NotOnlineOn {
            group: "MAIL-RG".into(),
            nodes: vec!["mail-2".into()],
            now: check::GroupWhere::On(vec![(RgState::Online, "mail-1".into())]),
        }]
    );
    assert_eq!(unmet[0].subject(), "MAIL-RG");
    assert_eq!(
        unmet[0].to_string(),
        "MAIL-RG is not Online on mail-2 (Online on mail-1)"
    );
}

#[test]
fn unmet_requests_render_as_before() {
    use check::{GroupWhere, Unmet};
    let cases = [
        (
            Unmet::NotOnline {
                group: "G".into(),
                now: GroupWhere::OfflineEverywhere,
            },
            "G is not Online (Offline everywhere)",
        ),
        (
            Unmet::MasteredElsewhere {
                group: "G".into(),
                now: GroupWhere::On(vec![
                    (RgState::Online, "n1".into()),
                    (RgState::ErrorStopFailed, "n2".into()),
                ]),
            },
            "G is still mastered elsewhere (Online on n1, Error_stop_failed on n2)",
        ),
        (
            Unmet::NotOffline {
                group: "G".into(),
                now: GroupWhere::Gone,
            },
            "G is not offline (gone)",
        ),
        (
            Unmet::StillOn {
                group: "G".into(),
                node: "n1".into(),
                now: GroupWhere::On(vec![(RgState::Online, "n1".into())]),
            },
            "G is still on n1 (Online on n1)",
        ),
        (
            Unmet::Resource {
                resource: "r".into(),
                state: RState::StartFailed,
                node: "n1".into(),
            },
            "r is Start_failed on n1",
        ),
        (
            Unmet::StillStopFailed {
                resource: "r".into(),
                node: "n1".into(),
            },
            "r is still Stop_failed on n1",
        ),
    ];
    for (u, text) in cases {
        assert_eq!(u.to_string(), text);
    }
}

#[test]
fn the_simulated_runner_owns_the_faults_and_puts_back_what_is_left() {
    let mut s = seed(NOW);
    let fault = |remaining| Fault {
        resource: "mail-rs".into(),
        kind: FaultKind::MethodFails {
            method: Method::Start,
        },
        node: Some("mail-2".into()),
        remaining,
    };
    s.faults.push(fault(Some(2)));
    // A refused intent runs nothing: the faults come back untouched.
    sim(&mut s, &switch("MAIL-RG", "mail-9")).unwrap_err();
    assert_eq!(s.faults, [fault(Some(2))]);
    // A run that fires the fault once leaves it armed with one use left.
    let tr = sim(&mut s, &switch("MAIL-RG", "mail-2")).unwrap();
    assert_eq!(tr.failures.len(), 1);
    assert_eq!(s.faults, [fault(Some(1))]);
    // Outside simulate_with_faults, a runner sees only the faults it was given.
    let mut runner = SimMethods::new(Vec::new());
    let tr = run(&mut s, &switch("MAIL-RG", "mail-2"), &mut runner).unwrap();
    assert!(tr.failures.is_empty());
    assert!(runner.into_faults().is_empty());
}

#[test]
fn summary_verbs_pad_like_strings() {
    use crate::engine::plan::Verb;
    assert_eq!(format!("{:<9}|", Verb::Move), "Move     |");
    assert_eq!(Verb::MonStart.to_string(), "MonStart");
}

#[test]
fn a_timeout_consumes_the_whole_timeout() {
    let mut s = seed(NOW);
    s.faults.push(Fault {
        resource: "mail-rs".into(),
        kind: FaultKind::MethodTimeout {
            method: Method::Start,
        },
        node: None,
        remaining: Some(1),
    });
    let tr = sim(&mut s, &switch("MAIL-RG", "mail-2")).unwrap();
    let e = tr
        .executed
        .iter()
        .find(|e| e.result == StepResult::TimedOut)
        .expect("a timed-out step");
    assert_eq!(e.duration_ms(), 300_000);
    assert_eq!(
        s.resources["mail-rs"].state_on("mail-2"),
        RState::StartFailed
    );
}

#[test]
fn clock_only_moves_forward_and_the_log_is_ordered() {
    let mut s = seed(NOW);
    catch_up_clock(&mut s, NOW - 5000);
    assert_eq!(s.clock.now_ms, NOW);
    sim(&mut s, &switch("MAIL-RG", "mail-2")).unwrap();
    assert!(s.clock.now_ms > NOW);
    let times: Vec<u64> = s.events.iter().map(|e| e.time_ms).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn hooks_run_validate_init_fini_and_update() {
    let mut s = seed(NOW);
    let mut r = s.resources["disk-rs"].clone();
    r.name = "disk2-rs".into();
    r.enabled = false;
    r.state.clear();
    simulate_with_faults(&mut s, |s, m| hooks::validate(s, &r, NOW, m)).unwrap();
    s.faults.push(Fault {
        resource: "disk2-rs".into(),
        kind: FaultKind::MethodFails {
            method: Method::Validate,
        },
        node: Some("mail-2".into()),
        remaining: None,
    });
    let e = simulate_with_faults(&mut s, |s, m| hooks::validate(s, &r, NOW, m)).unwrap_err();
    assert_eq!(e.code, crate::error::ErrorCode::Method);
    assert!(e.message.contains("mail-2"));
    s.faults.clear();
    s.resource_groups
        .get_mut("MAIL-RG")
        .unwrap()
        .resources
        .push("disk2-rs".into());
    s.resources.insert("disk2-rs", r);
    let n = s.events.len();
    simulate_with_faults(&mut s, |s, m| {
        hooks::config_event(
            s,
            &crate::model::ConfigEvent::ResourceCreated {
                resource: "disk2-rs".into(),
            },
            NOW,
            m,
        )
    })
    .unwrap();
    let inits = s
        .events
        .iter()
        .skip(n)
        .filter(|e| {
            e.message
                .starts_with("launching method <hastorageplus_init>")
        })
        .count();
    assert_eq!(inits, 2, "Init on both nodes of the Nodelist");
    let n = s.events.len();
    simulate_with_faults(&mut s, |s, m| {
        hooks::config_event(
            s,
            &crate::model::ConfigEvent::ResourceChanged {
                resource: "disk-rs".into(),
            },
            NOW,
            m,
        )
    })
    .unwrap();
    let updates: Vec<String> = s
        .events
        .iter()
        .skip(n)
        .filter(|e| {
            e.message
                .starts_with("launching method <hastorageplus_update>")
        })
        .map(|e| e.node.clone())
        .collect();
    assert_eq!(updates, ["mail-1"], "Update only where disk-rs is online");
    hooks::log_command(
        &mut s,
        "scrgadm",
        &["-c".into(), "-j".into(), "x y".into()],
        NOW,
    );
    assert!(
        s.events
            .iter()
            .next_back()
            .unwrap()
            .message
            .ends_with("scrgadm -c -j \"x y\"")
    );
}

/// A cluster of `n` failover groups (LogicalHostname, HAStoragePlus, data service with strong
/// dependencies) on three nodes, all online on n1.
fn big(n: usize) -> ClusterState {
    let mut s = cluster(&["n1", "n2", "n3"], NOW);
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
    s
}

#[test]
fn a_node_failure_moving_1000_groups_is_fast() {
    let mut s = big(1000);
    let t = std::time::Instant::now();
    let tr = sim(
        &mut s,
        &Intent::NodeDown {
            node: "n1".into(),
            clean: false,
            reason: None,
        },
    )
    .unwrap();
    let took = t.elapsed();
    assert_eq!(
        s.resource_groups
            .values()
            .filter(|g| g.state_on("n2") == RgState::Online)
            .count(),
        s.resource_groups.len()
    );
    assert!(tr.failures.is_empty());
    // Well under a second in release builds; the unoptimised test build gets some slack.
    let limit = if cfg!(debug_assertions) { 5000 } else { 1000 };
    assert!(
        took.as_millis() < limit,
        "planning and running the failover of 1000 groups took {took:?}"
    );
}

// ----- property tests -----

/// Replays a transition over the start state and checks the order of what ran, within each
/// (group, node): a resource's Prenet_start runs after its hard dependees' Prenet_start, its
/// Start after their Start; while the group leaves the node, a dependee's Stop runs after its
/// dependents' Stop and its Postnet_stop after theirs. Also: no method runs on a down node.
fn check_order(before: &ClusterState, tr: &Transition) -> Result<(), String> {
    let parse = |s: &str| -> RState {
        [
            RState::Offline,
            RState::Starting,
            RState::Online,
            RState::OnlineNotMonitored,
            RState::Stopping,
            RState::StartFailed,
            RState::StopFailed,
            RState::MonitorFailed,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
        .unwrap_or(RState::Offline)
    };
    let mut st: HashMap<(String, String), RState> = HashMap::new();
    for r in before.resources.values() {
        for (n, x) in &r.state {
            st.insert((r.name.to_string(), n.to_string()), x.state);
        }
    }
    let get = |st: &HashMap<(String, String), RState>, r: &str, n: &str| {
        st.get(&(r.to_string(), n.to_string()))
            .copied()
            .unwrap_or(RState::Offline)
    };
    let started = |s: RState| {
        matches!(
            s,
            RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
        )
    };
    let mut up: HashSet<String> = before
        .cluster
        .nodes
        .iter()
        .filter(|n| n.up)
        .map(|n| n.name.clone())
        .collect();
    let mut leaving: HashSet<(String, String)> = HashSet::new();
    // Same-group hard dependencies: resource -> dependees.
    let hard = |r: &str| -> Vec<String> {
        let res = &before.resources[r];
        res.dependencies
            .all()
            .filter(|(k, d)| {
                *k != DepKind::Weak
                    && before
                        .resources
                        .get(*d)
                        .is_some_and(|dr| dr.group == res.group)
            })
            .map(|(_, d)| d.to_string())
            .collect()
    };
    let has = |r: &str, m: Method| {
        before
            .type_of(&before.resources[r])
            .is_some_and(|t| t.has_method(m))
    };
    for (e, step) in tr.executed() {
        match &step.kind {
            StepKind::NodeCrash { node } | StepKind::NodeHalt { node } => {
                up.remove(node.as_str());
                st.retain(|(_, n), _| n != node);
            }
            StepKind::NodeJoin { node } => {
                up.insert(node.to_string());
            }
            StepKind::RgPending { rg, node, state } if *state == RgState::PendingOffline => {
                leaving.insert((rg.to_string(), node.to_string()));
            }
            StepKind::RgSettle { rg, node, .. } => {
                leaving.remove(&(rg.to_string(), node.to_string()));
            }
            StepKind::ClearStopFailed { resource, node }
            | StepKind::Mark { resource, node, .. } => {
                st.insert((resource.to_string(), node.to_string()), parse(e.detail()));
            }
            StepKind::Method {
                resource,
                node,
                method,
            } => {
                let group = &before.resources[resource.as_str()].group;
                if !up.contains(node.as_str()) {
                    return Err(format!(
                        "{} of {resource} ran on down node {node}",
                        method.rtr_name()
                    ));
                }
                let bad = |what: String| {
                    Err(format!(
                        "{} of {resource} on {node}: {what}",
                        method.rtr_name()
                    ))
                };
                match method {
                    Method::PrenetStart => {
                        for d in hard(resource) {
                            let ds = get(&st, &d, node);
                            if has(&d, Method::PrenetStart)
                                && !(started(ds) || ds == RState::Starting)
                            {
                                return bad(format!("dependee {d} is {}", ds.as_str()));
                            }
                        }
                    }
                    Method::Start => {
                        for d in hard(resource) {
                            let ds = get(&st, &d, node);
                            if !started(ds) {
                                return bad(format!("dependee {d} is {}", ds.as_str()));
                            }
                        }
                    }
                    Method::Stop | Method::PostnetStop
                        if leaving.contains(&(group.to_string(), node.to_string())) =>
                    {
                        for r in before.resources[resource.as_str()]
                            .group
                            .as_str()
                            .split(',')
                            .flat_map(|g| before.resource_groups[g].resources.iter())
                        {
                            if !hard(r).iter().any(|d| d == resource) {
                                continue;
                            }
                            let rs = get(&st, r, node);
                            let ok = rs == RState::Offline
                                || (*method == Method::Stop && rs == RState::Stopping);
                            if !ok {
                                return bad(format!("its dependent {r} is still {}", rs.as_str()));
                            }
                        }
                    }
                    _ => {}
                }
                if !e.detail().is_empty()
                    && !matches!(
                        method,
                        Method::Boot
                            | Method::Init
                            | Method::Fini
                            | Method::Update
                            | Method::Validate
                            | Method::MonitorCheck
                    )
                {
                    st.insert((resource.to_string(), node.to_string()), parse(e.detail()));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Invariants of a settled state.
fn check_state(s: &ClusterState) -> Result<(), String> {
    for g in s.resource_groups.values() {
        let p = g.primaries();
        if g.mode == RgMode::Failover && p.len() > 1 {
            return Err(format!("failover group {} online on {p:?}", g.name));
        }
        if p.len() > g.maximum_primaries.max(1) as usize {
            return Err(format!("{} on more than Maximum_primaries nodes", g.name));
        }
        for (n, st) in &g.state {
            if matches!(st, RgState::PendingOnline | RgState::PendingOffline) {
                return Err(format!("{} left in {} on {n}", g.name, st.as_str()));
            }
        }
        for n in &p {
            if !s.cluster.is_up(n) {
                return Err(format!("{} mastered on down node {n}", g.name));
            }
        }
        for rn in &g.resources {
            let r = &s.resources[rn];
            for (n, st) in &r.state {
                if st.state.is_running() && !g.state_on(n).is_mastered() {
                    return Err(format!(
                        "{rn} {} on {n} where {} is not",
                        st.state.as_str(),
                        g.name
                    ));
                }
                if st.state.is_running() && !s.cluster.is_up(n) {
                    return Err(format!("{rn} runs on down node {n}"));
                }
                if matches!(st.state, RState::Starting | RState::Stopping) {
                    return Err(format!("{rn} left {} on {n}", st.state.as_str()));
                }
            }
        }
    }
    let again: ClusterState =
        serde_json::from_slice(&serde_json::to_vec(s).unwrap()).map_err(|e| e.to_string())?;
    if &again != s {
        return Err("state does not survive save/load".into());
    }
    let mut last = 0;
    for e in s.events.iter() {
        if e.time_ms < last {
            return Err(format!("log out of order at seq {}", e.seq));
        }
        last = e.time_ms;
    }
    Ok(())
}

fn prop_cluster() -> ClusterState {
    let mut s = cluster(&["n1", "n2", "n3"], NOW);
    // 3.2, so that scha_control -O RESOURCE_DISABLE (a per-node switch) is carried out.
    s.cluster.release = crate::model::Release::V32;
    add_group(&mut s, "DB-RG", &["n1", "n2", "n3"]);
    add_resource(&mut s, "db-lh", "lh", "DB-RG", &[]);
    add_resource(&mut s, "db-hasp", "hasp", "DB-RG", &[]);
    add_resource(&mut s, "db", "gds", "DB-RG", &["db-hasp", "db-lh"]);
    add_group(&mut s, "APP-RG", &["n2", "n1", "n3"])
        .rare
        .rg_affinities = vec!["+DB-RG".into()];
    add_resource(&mut s, "app", "gds", "APP-RG", &[])
        .dependencies
        .set(DepKind::Restart, vec!["db".into()]);
    add_group(&mut s, "WEB-RG", &["n3", "n2"])
        .rare
        .rg_dependencies = vec!["DB-RG".into()];
    add_resource(&mut s, "web-lh", "lh", "WEB-RG", &[]);
    add_resource(&mut s, "web", "ims", "WEB-RG", &["web-lh"])
        .dependencies
        .set(DepKind::OfflineRestart, vec!["db".into()]);
    s.resources
        .get_mut("db")
        .unwrap()
        .properties
        .insert("Failover_mode", PropValue::Str("SOFT".into()));
    s.resources
        .get_mut("db-hasp")
        .unwrap()
        .properties
        .insert("Failover_mode", PropValue::Str("HARD".into()));
    set_online(&mut s, "DB-RG", "n1");
    set_online(&mut s, "APP-RG", "n2");
    set_online(&mut s, "WEB-RG", "n3");
    s
}

const GROUPS: [&str; 3] = ["DB-RG", "APP-RG", "WEB-RG"];
const NODES: [&str; 3] = ["n1", "n2", "n3"];
const RES: [&str; 6] = ["db-lh", "db-hasp", "db", "app", "web-lh", "web"];
/// The group of each resource of `RES`.
const RES_GROUP: [&str; 6] = ["DB-RG", "DB-RG", "DB-RG", "APP-RG", "WEB-RG", "WEB-RG"];
const CONTROL_OPS: [ControlOp; 6] = [
    ControlOp::Giveover,
    ControlOp::Restart,
    ControlOp::ResourceRestart,
    ControlOp::ResourceIsRestarted,
    ControlOp::ResourceDisable,
    ControlOp::IgnoreFailedStart,
];

#[derive(Debug, Clone)]
enum Op {
    Intent(Intent),
    Fault(usize, Method, bool, Option<usize>),
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let g = 0..GROUPS.len();
    let n = 0..NODES.len();
    let r = 0..RES.len();
    let method = prop::sample::select(vec![
        Method::Start,
        Method::Stop,
        Method::PrenetStart,
        Method::PostnetStop,
        Method::MonitorStart,
        Method::MonitorStop,
    ]);
    prop_oneof![
        4 => (g.clone(), n.clone()).prop_map(|(g, n)| Op::Intent(switch(GROUPS[g], NODES[n]))),
        1 => g.clone().prop_map(|g| Op::Intent(Intent::Offline { rgs: vec![GROUPS[g].into()] })),
        2 => Just(Op::Intent(Intent::Online { rgs: vec![] })),
        1 => g.clone().prop_map(|g| Op::Intent(Intent::Rebalance { rgs: vec![GROUPS[g].into()] })),
        1 => (g.clone(), n.clone()).prop_map(|(g, n)| Op::Intent(Intent::Restart { rgs: vec![GROUPS[g].into()], nodes: vec![NODES[n].into()] })),
        2 => r.clone().prop_map(|r| Op::Intent(Intent::Disable { resources: vec![RES[r].into()], monitor_only: false })),
        2 => r.clone().prop_map(|r| Op::Intent(Intent::Enable { resources: vec![RES[r].into()], monitor_only: false })),
        1 => r.clone().prop_map(|r| Op::Intent(Intent::Disable { resources: vec![RES[r].into()], monitor_only: true })),
        1 => n.clone().prop_map(|n| Op::Intent(Intent::Evacuate { node: NODES[n].into(), keep_off_ms: 60_000 })),
        3 => n.clone().prop_map(|n| Op::Intent(Intent::NodeDown { node: NODES[n].into(), clean: false, reason: None })),
        1 => n.clone().prop_map(|n| Op::Intent(Intent::NodeDown { node: NODES[n].into(), clean: true, reason: None })),
        3 => n.clone().prop_map(|n| Op::Intent(Intent::NodeUp { nodes: vec![NODES[n].into()] })),
        3 => (r.clone(), n.clone()).prop_map(|(r, n)| Op::Intent(Intent::MonitorFailure { resource: RES[r].into(), node: NODES[n].into() })),
        3 => (r.clone(), method, any::<bool>(), prop::option::of(n.clone())).prop_map(|(r, m, t, n)| Op::Fault(r, m, t, n)),
        2 => (r.clone(), n.clone()).prop_map(|(r, n)| Op::Intent(Intent::ClearStopFailed { resources: vec![RES[r].into()], nodes: vec![NODES[n].into()] })),
        1 => (1u64..7200).prop_map(Op::Advance),
        3 => (r.clone(), n.clone(), 0..CONTROL_OPS.len()).prop_map(|(r, n, o)| Op::Intent(Intent::Control { op: CONTROL_OPS[o], group: RES_GROUP[r].into(), resource: RES[r].into(), node: NODES[n].into() })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_under_random_commands_and_failures(ops in prop::collection::vec(op(), 1..30)) {
        let mut s = prop_cluster();
        check_state(&s).map_err(TestCaseError::fail)?;
        for op in &ops {
            match op {
                Op::Fault(r, m, timeout, n) => s.faults.push(Fault {
                    resource: RES[*r].into(),
                    kind: if *timeout {
                        FaultKind::MethodTimeout { method: *m }
                    } else {
                        FaultKind::MethodFails { method: *m }
                    },
                    node: n.map(|n| NODES[n].to_string()),
                    remaining: Some(1),
                }),
                Op::Advance(secs) => s.clock.now_ms += secs * 1000,
                Op::Intent(i) => {
                    let before = s.clone();
                    match sim(&mut s, i) {
                        Err(e) => {
                            prop_assert_eq!(&s, &before, "refused {:?} ({}) changed the state", i, e.message);
                        }
                        Ok(tr) => {
                            // Every executed entry finds its step in a plan of the transition.
                            prop_assert_eq!(tr.executed().count(), tr.executed.len());
                            check_order(&before, &tr).map_err(|e| TestCaseError::fail(format!("{i:?}: {e}")))?;
                        }
                    }
                }
            }
            check_state(&s).map_err(|e| TestCaseError::fail(format!("after {op:?}: {e}")))?;
        }
    }
}
