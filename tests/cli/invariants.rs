//! Property tests: random sequences of scswitch, node and fault commands, run in-process
//! through `scsim::run` (the same code path as the binary, minus process start-up), checking the
//! cluster's invariants after every command.

use proptest::prelude::*;
use std::ffi::OsString;
use std::path::Path;

const NODES: [&str; 3] = ["n1", "n2", "n3"];
const GROUPS: [&str; 3] = ["web-rg", "db-rg", "app-rg"];
const RESOURCES: [&str; 7] = [
    "web-lh", "web-rs", "db-lh", "db-hasp", "db-rs", "app-rs", "app-hasp",
];
/// The group of each resource of `RESOURCES`.
const RESOURCE_GROUPS: [&str; 7] = [
    "web-rg", "web-rg", "db-rg", "db-rg", "db-rg", "app-rg", "app-rg",
];
const CONTROL: [&str; 6] = [
    "GIVEOVER",
    "RESTART",
    "RESOURCE_RESTART",
    "RESOURCE_IS_RESTARTED",
    "CHECK_GIVEOVER",
    "CHECK_RESTART",
];

/// Run one command line in-process; returns (exit code, stdout, stderr).
fn run(state: &Path, now_s: u64, argv: &[&str]) -> (i32, String, String) {
    let env = scsim::cli::Env {
        state: Some(state.to_path_buf()),
        now: Some(now_s.to_string()),
        ..Default::default()
    };
    let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = scsim::run(argv, &env, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn setup(state: &Path) {
    let lines = [
        "scsim init --nodes n1,n2,n3 --host web-lh=192.0.2.30 --host db-lh=192.0.2.31 --filesystem /global/db --filesystem /global/app",
        "scrgadm -a -t SUNW.HAStoragePlus",
        "scrgadm -a -t SUNW.gds",
        "scrgadm -a -g web-rg -h n1,n2,n3",
        "scrgadm -a -g db-rg -h n2,n1",
        "scrgadm -a -g app-rg -h n3,n1 -y RG_affinities=+db-rg",
        "scrgadm -a -L -g web-rg -l web-lh",
        "scrgadm -a -j web-rs -g web-rg -t SUNW.gds -x Start_command=/bin/web -y Port_list=80/tcp -y Network_resources_used=web-lh",
        "scrgadm -a -L -g db-rg -l db-lh",
        "scrgadm -a -j db-hasp -g db-rg -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/db",
        "scrgadm -a -j db-rs -g db-rg -t SUNW.gds -x Start_command=/bin/db -y Port_list=5432/tcp -y Network_resources_used=db-lh -y Resource_dependencies=db-hasp",
        "scrgadm -a -j app-hasp -g app-rg -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/app",
        "scrgadm -a -j app-rs -g app-rg -t SUNW.gds -x Start_command=/bin/app -x Network_aware=false -y Resource_dependencies=app-hasp -y Resource_dependencies_weak=db-rs",
        "scswitch -Z",
    ];
    for l in lines {
        let words: Vec<&str> = l.split_whitespace().collect();
        let (code, out, err) = run(state, 1_000_000, &words);
        assert_eq!(code, 0, "setup `{l}` failed:\n{out}{err}");
    }
}

/// One random operation.
#[derive(Debug, Clone)]
enum Op {
    Switch(usize, usize),
    Offline(usize),
    OnlineAll,
    Restart(usize),
    Enable(usize),
    Disable(usize),
    Evacuate(usize),
    NodeDown(usize),
    NodeUp(usize),
    FailMethod(usize, &'static str),
    MonitorFault(usize),
    ClearFaults,
    ClearStopFailed(usize, usize),
    TimeAdvance(u32),
    Unmanage(usize),
    Manage(usize),
    /// `scsim on NODE -- scha_control -O OPTAG -G group -R resource`
    Control(usize, usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let g = 0..GROUPS.len();
    let n = 0..NODES.len();
    let r = 0..RESOURCES.len();
    prop_oneof![
        4 => (g.clone(), n.clone()).prop_map(|(g, n)| Op::Switch(g, n)),
        2 => g.clone().prop_map(Op::Offline),
        2 => Just(Op::OnlineAll),
        1 => g.clone().prop_map(Op::Restart),
        2 => r.clone().prop_map(Op::Enable),
        2 => r.clone().prop_map(Op::Disable),
        1 => n.clone().prop_map(Op::Evacuate),
        2 => n.clone().prop_map(Op::NodeDown),
        2 => n.clone().prop_map(Op::NodeUp),
        2 => (r.clone(), prop::sample::select(vec!["Start", "Stop", "Prenet_start", "Postnet_stop", "Monitor_start"]))
            .prop_map(|(r, m)| Op::FailMethod(r, m)),
        2 => r.clone().prop_map(Op::MonitorFault),
        1 => Just(Op::ClearFaults),
        1 => (r.clone(), n.clone()).prop_map(|(r, n)| Op::ClearStopFailed(r, n)),
        1 => (1u32..4000).prop_map(Op::TimeAdvance),
        1 => g.clone().prop_map(Op::Unmanage),
        1 => g.prop_map(Op::Manage),
        3 => (r.clone(), n.clone(), 0..CONTROL.len()).prop_map(|(r, n, o)| Op::Control(r, n, o)),
    ]
}

fn argv(op: &Op) -> Vec<String> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    match op {
        Op::Switch(g, n) => s(&["scswitch", "-z", "-g", GROUPS[*g], "-h", NODES[*n]]),
        Op::Offline(g) => s(&["scswitch", "-F", "-g", GROUPS[*g]]),
        Op::OnlineAll => s(&["scswitch", "-Z"]),
        Op::Restart(g) => s(&["scswitch", "-R", "-h", "n1,n2,n3", "-g", GROUPS[*g]]),
        Op::Enable(r) => s(&["scswitch", "-e", "-j", RESOURCES[*r]]),
        Op::Disable(r) => s(&["scswitch", "-n", "-j", RESOURCES[*r]]),
        Op::Evacuate(n) => s(&["scswitch", "-S", "-h", NODES[*n]]),
        Op::NodeDown(n) => s(&["scsim", "node", "down", NODES[*n]]),
        Op::NodeUp(n) => s(&["scsim", "node", "up", NODES[*n]]),
        Op::FailMethod(r, m) => s(&[
            "scsim",
            "fault",
            "inject",
            "--resource",
            RESOURCES[*r],
            "--method",
            m,
            "--times",
            "1",
        ]),
        Op::MonitorFault(r) => s(&[
            "scsim",
            "fault",
            "inject",
            "--resource",
            RESOURCES[*r],
            "--monitor",
        ]),
        Op::ClearFaults => s(&["scsim", "fault", "clear"]),
        Op::ClearStopFailed(r, n) => s(&[
            "scswitch",
            "-c",
            "-h",
            NODES[*n],
            "-j",
            RESOURCES[*r],
            "-f",
            "STOP_FAILED",
        ]),
        Op::TimeAdvance(secs) => s(&["scsim", "time", "advance", &format!("{secs}s")]),
        Op::Unmanage(g) => s(&["scswitch", "-u", "-g", GROUPS[*g]]),
        Op::Manage(g) => s(&["scswitch", "-o", "-g", GROUPS[*g]]),
        Op::Control(r, n, o) => s(&[
            "scsim",
            "on",
            NODES[*n],
            "--",
            "scha_control",
            "-O",
            CONTROL[*o],
            "-G",
            RESOURCE_GROUPS[*r],
            "-R",
            RESOURCES[*r],
        ]),
    }
}

/// Check every invariant on the state file; returns a description of the first violation.
fn check(state_path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(state_path).map_err(|e| e.to_string())?;
    let state = scsim::store::decode(&bytes, state_path).map_err(|e| e.message)?;
    // Survives save/load unchanged.
    let again = scsim::store::decode(&scsim::store::encode(&state).unwrap(), state_path)
        .map_err(|e| e.message)?;
    if again != state {
        return Err("state changed through encode/decode".into());
    }
    for g in state.resource_groups.values() {
        let primaries = g.primaries();
        if g.mode == scsim::model::RgMode::Failover && primaries.len() > 1 {
            return Err(format!(
                "failover group {} mastered on {:?}",
                g.name, primaries
            ));
        }
        for n in &primaries {
            if !state.cluster.is_up(n) {
                return Err(format!("group {} mastered on down node {n}", g.name));
            }
        }
        for rname in &g.resources {
            let r = &state.resources[rname];
            for (node, s) in &r.state {
                if !s.state.is_running() {
                    continue;
                }
                if !state.cluster.is_up(node) {
                    return Err(format!("{rname} running on down node {node}"));
                }
                if !g.state_on(node).is_mastered() {
                    return Err(format!(
                        "{rname} is {} on {node} where {} is {}",
                        s.state.as_str(),
                        g.name,
                        g.state_on(node).as_str()
                    ));
                }
                for d in r.dependencies.get(scsim::model::DepKind::Strong) {
                    let dr = &state.resources[d];
                    // Not cleanly Offline under a running dependent: the RGM stops dependents
                    // first. A dependee that *failed* (Start_failed after a monitor restart,
                    // Stop_failed) may sit under a running dependent, as on a real cluster: a
                    // dependee's restart does not stop strong dependents (only restart
                    // dependencies restart them).
                    if dr.group == g.name
                        && dr.state_on(node) == scsim::model::RState::Offline
                        && s.state != scsim::model::RState::Starting
                    {
                        return Err(format!(
                            "{rname} runs on {node} but its strong dependee {d} is {}",
                            dr.state_on(node).as_str()
                        ));
                    }
                }
            }
        }
    }
    // The log (the messages file beside the state) is whole and ordered.
    let log = scsim::store::messages::read(state_path, &state);
    if !log.warnings.is_empty() {
        return Err(format!("messages file: {:?}", log.warnings));
    }
    if log.events.is_empty() {
        return Err("the log is empty".into());
    }
    let mut last: Option<(u64, u64)> = None;
    for e in &log.events {
        if let Some((seq, t)) = last
            && (e.seq <= seq || e.time_ms < t)
        {
            return Err(format!("event log out of order at seq {}", e.seq));
        }
        last = Some((e.seq, e.time_ms));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_after_every_command(ops in prop::collection::vec(op(), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("cluster.json");
        setup(&state);
        check(&state).map_err(TestCaseError::fail)?;
        for (now, op) in (1_000_010u64..).zip(ops.iter()) {
            let before = std::fs::read(&state).unwrap();
            let messages = dir.path().join("cluster.messages");
            let log_before = std::fs::read(&messages).unwrap();
            let words = argv(op);
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            let (code, out, err) = run(&state, now, &w);
            if code != 0 {
                prop_assert!(!err.is_empty(), "{words:?} failed silently");
                let after = std::fs::read(&state).unwrap();
                // A refused command leaves the state as it was, unless it reports that the
                // cluster acted and only the requested result was not reached (method failure).
                if code != 10 {
                    prop_assert!(before == after, "{words:?} exited {code} but changed the state:\n{out}{err}");
                    prop_assert!(log_before == std::fs::read(&messages).unwrap(), "{words:?} exited {code} but logged");
                }
            }
            if let Err(e) = check(&state) {
                return Err(TestCaseError::fail(format!("after {words:?} (exit {code}): {e}\n{out}{err}")));
            }
        }
    }
}
