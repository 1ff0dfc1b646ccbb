//! The scenario corpus, Pacemaker `cts-scheduler` style: each `tests/scenarios/<name>.scn`
//! holds a start state (a small setup language) and steps (real command lines); the runner
//! builds the state, runs every step in-process through the real command dispatcher
//! (`scsim::run`), and compares the summary — current status, then per step the command, its
//! exit code, the transition summary (planned actions, executed steps, failures and the RGM's
//! reaction), the resulting placement — and the revised status with
//! `tests/scenarios/<name>.summary`.
//!
//! Update the expected summaries with `UPDATE_SCENARIOS=1 cargo test scenario` (or
//! `INSTA_UPDATE=always`) and review the diff.
//!
//! Setup language (one statement per line, `#` comments):
//!   nodes N1 N2 …                      the cluster (all up)
//!   quorum-devices K                   quorum devices (default: 1 on 2 nodes, else 0)
//!   dg NAME[@n1,n2]                     a device group
//!   rg NAME n1,n2 [opts]               a managed, offline failover group; opts:
//!        scalable desired=D max=M failback pingpong=S affinities=++A,-B deps=G1,G2
//!        unmanaged auto_start=false suspended
//!   rs NAME TYPE GROUP [opts]          an enabled, monitored resource (TYPE: lh sa hasp ims gds)
//!        deps=a,b weak=… restart=… offline_restart=… disabled unmonitored mode=SOFT
//!        nru=a,b (Network_resources_used)
//!        retry=COUNT/INTERVAL probe=S x:Ext=v1,v2 p:Std=value
//!   online RG NODE[,NODE]              start state: the group is online there
//!   down NODE                          start state: the node is down
//!   ---                                steps follow: command lines (scswitch, scsim, scstat)

use scsim::engine::testkit;
use scsim::model::{ClusterState, DepKind, PropValue};
use std::path::{Path, PathBuf};

pub const NOW: &str = "2026-11-24T09:00:00Z";

pub fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

fn list<T: for<'a> From<&'a str>>(v: &str) -> Vec<T> {
    v.split(',')
        .filter(|s| !s.is_empty())
        .map(T::from)
        .collect()
}

pub fn build(setup: &str, now_ms: u64) -> ClusterState {
    let mut s: Option<ClusterState> = None;
    let mut qd: Option<u32> = None;
    for (ln, line) in setup.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let w: Vec<&str> = line.split_whitespace().collect();
        let ctx = || format!("setup line {}: {line}", ln + 1);
        match w[0] {
            "quorum-devices" => qd = Some(w[1].parse().unwrap()),
            "nodes" => {
                let nodes: Vec<&str> = w[1..].to_vec();
                let mut st = testkit::cluster(&nodes, now_ms);
                if let Some(k) = qd {
                    let all: Vec<String> = nodes.iter().map(|n| n.to_string()).collect();
                    st.cluster.quorum_devices = (0..k)
                        .map(|i| scsim::model::QuorumDevice {
                            name: format!("/dev/did/rdsk/d{}s2", i + 2),
                            votes: (all.len() as u32).saturating_sub(1).max(1),
                            nodes: all.clone(),
                        })
                        .collect();
                }
                s = Some(st);
            }
            "dg" => {
                let st = s.as_mut().expect("nodes first");
                let (name, nodes) = match w[1].split_once('@') {
                    Some((n, l)) => (n.to_string(), list(l)),
                    None => (w[1].to_string(), st.cluster.node_names()),
                };
                st.cluster.device_groups.push(scsim::model::DeviceGroup {
                    name,
                    primary: nodes.first().cloned(),
                    nodes,
                    maintenance: false,
                });
            }
            "rg" => {
                let st = s.as_mut().expect("nodes first");
                let nodes = list(w[2]);
                let nref: Vec<&str> = nodes.iter().map(String::as_str).collect();
                let g = testkit::add_group(st, w[1], &nref);
                for o in &w[3..] {
                    let (k, v) = o.split_once('=').unwrap_or((o, ""));
                    match k {
                        "scalable" => {
                            g.mode = scsim::model::RgMode::Scalable;
                            g.maximum_primaries = nodes.len() as u32;
                            g.desired_primaries = nodes.len() as u32;
                        }
                        "desired" => g.desired_primaries = v.parse().unwrap(),
                        "max" => g.maximum_primaries = v.parse().unwrap(),
                        "failback" => g.failback = true,
                        "pingpong" => g.pingpong_interval = v.parse().unwrap(),
                        "affinities" => g.rare.rg_affinities = list(v),
                        "deps" => g.rare.rg_dependencies = list(v),
                        "unmanaged" => g.managed = false,
                        "auto_start" => g.auto_start_on_new_cluster = v == "true",
                        "suspended" => g.suspend_automatic_recovery = true,
                        "implicit" => g.implicit_network_dependencies = v == "true",
                        _ => panic!("{}: unknown rg option {o}", ctx()),
                    }
                }
            }
            "rs" => {
                let st = s.as_mut().expect("nodes first");
                let r = testkit::add_resource(st, w[1], w[2], w[3], &[]);
                for o in &w[4..] {
                    let (k, v) = o.split_once('=').unwrap_or((o, ""));
                    match k {
                        "deps" => r.dependencies.set(DepKind::Strong, list(v)),
                        "weak" => r.dependencies.set(DepKind::Weak, list(v)),
                        "restart" => r.dependencies.set(DepKind::Restart, list(v)),
                        "offline_restart" => r.dependencies.set(DepKind::OfflineRestart, list(v)),
                        "disabled" => r.enabled = false,
                        "nru" => {
                            r.properties
                                .insert("Network_resources_used", PropValue::List(list(v)));
                        }
                        "unmonitored" => r.monitored = false,
                        "mode" => {
                            r.properties
                                .insert("Failover_mode", PropValue::Str(v.into()));
                        }
                        "retry" => {
                            let (c, i) = v.split_once('/').expect("retry=COUNT/INTERVAL");
                            r.properties
                                .insert("Retry_count", PropValue::Int(c.parse().unwrap()));
                            r.properties
                                .insert("Retry_interval", PropValue::Int(i.parse().unwrap()));
                        }
                        "probe" => {
                            r.properties.insert(
                                "Thorough_probe_interval",
                                PropValue::Int(v.parse().unwrap()),
                            );
                        }
                        _ if k.starts_with("x:") => {
                            r.extension.insert(&k[2..], PropValue::List(list(v)));
                        }
                        _ if k.starts_with("p:") => {
                            let val = v
                                .parse::<i64>()
                                .map(PropValue::Int)
                                .unwrap_or_else(|_| PropValue::Str(v.to_string()));
                            r.properties.insert(&k[2..], val);
                        }
                        _ => panic!("{}: unknown rs option {o}", ctx()),
                    }
                }
            }
            "online" => {
                let st = s.as_mut().expect("nodes first");
                for n in list::<String>(w[2]) {
                    testkit::set_online(st, w[1], &n);
                }
            }
            "down" => {
                let st = s.as_mut().expect("nodes first");
                st.cluster.node_mut(w[1]).expect("node").up = false;
            }
            other => panic!("{}: unknown statement {other}", ctx()),
        }
    }
    s.expect("a scenario needs a nodes line")
}

pub fn run_line(state: &Path, line: &str) -> (i32, String, String) {
    let mut words = crate::harness::split_words(line);
    // scswitch is silent on success; the corpus wants to see what it did.
    if words[0] == "scswitch" && !words.iter().any(|w| w == "-v" || w == "--dry-run") {
        words.push("-v".to_string());
    }
    let argv: Vec<std::ffi::OsString> = words.iter().map(Into::into).collect();
    let env = scsim::cli::Env {
        state: Some(state.to_path_buf()),
        now: Some(NOW.to_string()),
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = scsim::run(argv, &env, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn status(path: &Path) -> String {
    let st: ClusterState = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    scsim::render::plan::status(&st, None)
}

/// Run one scenario file; returns the summary.
pub fn run_scenario(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let (setup, steps) = text
        .split_once("\n---")
        .unwrap_or_else(|| panic!("{}: no --- line", file.display()));
    let now = scsim::timefmt::parse_time(NOW).unwrap();
    let state = build(setup, now);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cluster.json");
    std::fs::write(&path, serde_json::to_vec(&state).unwrap()).unwrap();
    let mut out = String::new();
    for l in setup.lines().filter(|l| l.starts_with('#')) {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("\nCurrent cluster status:\n");
    out.push_str(&status(&path));
    for line in steps.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, so, se) = run_line(&path, line);
        out.push_str(&format!("\n$ {line}\n"));
        out.push_str(&format!("exit {code}\n"));
        out.push_str(&so);
        for l in se.lines() {
            out.push_str(&format!("stderr: {l}\n"));
        }
    }
    out.push_str("\nRevised cluster status:\n");
    out.push_str(&status(&path));
    out
}

fn update_mode() -> bool {
    std::env::var("UPDATE_SCENARIOS").is_ok_and(|v| v == "1")
        || std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always")
}

/// Every scenario file, compared with its summary. All mismatches are reported together.
#[test]
fn scenario_corpus() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "scn"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 36,
        "the corpus has {} scenarios",
        files.len()
    );
    let mut failed = Vec::new();
    for f in &files {
        let got = run_scenario(f);
        let expected_path = f.with_extension("summary");
        if update_mode() {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            let first = got
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(expected.lines().count()));
            failed.push(format!(
                "{}: differs from {} at line {}:\n  got:      {}\n  expected: {}",
                f.file_name().unwrap().to_string_lossy(),
                expected_path.file_name().unwrap().to_string_lossy(),
                first + 1,
                got.lines().nth(first).unwrap_or("<end>"),
                expected.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} scenario(s) differ (UPDATE_SCENARIOS=1 cargo test scenario to accept):\n{}",
        failed.len(),
        failed.join("\n")
    );
}
