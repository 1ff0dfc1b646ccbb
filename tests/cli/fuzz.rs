//! Fuzzers on stable Rust (proptest): the argument parsers of the four commands, the RTR
//! parser and the state loader. None may panic or hang; a refused command leaves the state
//! file byte-for-byte unchanged; a state the loader accepts survives encode/decode; an RTR file
//! the parser accepts has no value with a control character. `cargo test` runs a few cases
//! each (`SCSIM_FUZZ_CASES`, default 48); set it to thousands for a campaign.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::ffi::OsString;
use std::path::Path;
use std::sync::OnceLock;

fn cases() -> u32 {
    std::env::var("SCSIM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

fn run(state: &Path, argv: &[String]) -> i32 {
    let env = scsim::cli::Env {
        state: Some(state.to_path_buf()),
        now: Some("1795000000".into()),
        lock_timeout: Some("2".into()),
        ..Default::default()
    };
    let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    scsim::run(argv, &env, &mut out, &mut err)
}

/// A small cluster's state (2 nodes, a gds resource online), made once.
fn base() -> &'static Vec<u8> {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.json");
        for l in [
            "scsim init --nodes n1,n2",
            "scrgadm -a -t SUNW.gds",
            "scrgadm -a -g rg1 -h n1,n2",
            "scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/bin/x -x Network_aware=false",
            "scswitch -Z -g rg1",
        ] {
            let w: Vec<String> = l.split_whitespace().map(String::from).collect();
            assert_eq!(run(&p, &w), 0, "{l}");
        }
        std::fs::read(&p).unwrap()
    })
}

const CODES: [i32; 13] = [0, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 18];

/// Words a command line is made of: real options and values, near misses, and noise.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "-a", "-c", "-r", "-p", "-pv", "-pvv", "-g", "-j", "-t", "-h", "-y", "-x", "-l", "-L",
            "-S", "-K", "-Z", "-z", "-F", "-e", "-n", "-M", "-Q", "-s", "-u", "-o", "-R", "-D",
            "-f", "-v", "-q", "-i", "-W", "--json", "--dry-run", "-?", "--", "rg1", "r1", "n1",
            "n2", "n1,n2", "SUNW.gds", "SUNW.HAStoragePlus", "Retry_count=3", "R_description=x",
            "Pingpong_interval=-5", "Failover_mode=SOFT", "Nodelist=n2,n1", "log", "node", "down",
            "up", "fault", "inject", "clear", "list", "time", "advance", "5s", "-5s", "simulate",
            "--node-down", "--last", "-1", "0", "18446744073709551615", "--since", "10m", "state",
            "show", "path", "--resource", "--method", "Start", "STOP_FAILED", "",
        ]).prop_map(String::from),
        1 => "[ -~]{0,12}",
        1 => "\\PC{0,6}",
    ]
}

fn command_line() -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(vec!["scrgadm", "scswitch", "scstat", "scsim"]),
        prop::collection::vec(word(), 0..8),
    )
        .prop_map(|(p, mut w)| {
            // Never let a fuzzed line point the commands at other files or install links.
            w.retain(|x| !x.contains("state") || x == "state");
            w.retain(|x| !x.starts_with("install") && !x.starts_with("--state"));
            w.insert(0, p.to_string());
            w
        })
}

#[test]
fn fuzz_command_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.json");
    runner()
        .run(&command_line(), |argv| {
            std::fs::write(&p, base()).unwrap();
            let code = run(&p, &argv);
            prop_assert!(CODES.contains(&code), "exit {code} for {argv:?}");
            let after = std::fs::read(&p).unwrap();
            if code != 0 && code != 10 {
                prop_assert!(
                    &after == base(),
                    "{argv:?} exited {code} and changed the file"
                );
            }
            // Whatever was written loads.
            prop_assert!(scsim::store::load(&p).is_ok(), "{argv:?} left a bad file");
            Ok(())
        })
        .unwrap();
}

/// The text of every built-in RTR file.
fn rtr_texts() -> Vec<&'static str> {
    [
        "SUNW.LogicalHostname",
        "SUNW.SharedAddress",
        "SUNW.HAStoragePlus",
        "SUNW.HAStorage",
        "SUNW.gds",
        "SUNW.ims",
    ]
    .iter()
    .filter_map(|n| scsim::rtr::builtin_rtr(n).map(|(_, text)| text))
    .collect()
}

/// Edits applied to a text: (position fraction, kind, inserted text).
fn edits() -> impl Strategy<Value = Vec<(f64, u8, String)>> {
    prop::collection::vec(
        (
            0.0..1.0f64,
            0u8..4,
            prop_oneof![
                "[ -~]{0,6}",
                prop::sample::select(vec![
                    "\0",
                    "\u{1b}[31m",
                    "\u{7}",
                    ";",
                    "{",
                    "}",
                    "=",
                    "\"",
                    "\n",
                    "#$upgrade",
                    "-1",
                    "99999999999999999999",
                    "“",
                    "RT_version",
                    "Default",
                    "TUNABLE",
                ])
                .prop_map(String::from),
            ],
        ),
        1..6,
    )
}

fn mutate(text: &str, edits: &[(f64, u8, String)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, kind, ins) in edits {
        let i = ((chars.len() as f64) * at) as usize;
        let i = i.min(chars.len());
        match kind {
            0 => {
                let end = (i + ins.len().max(1)).min(chars.len());
                chars.drain(i..end);
            }
            1 => chars.truncate(i),
            _ => {
                for (k, c) in ins.chars().enumerate() {
                    chars.insert(i + k, c);
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn fuzz_rtr_parser() {
    let texts = rtr_texts();
    assert!(!texts.is_empty());
    runner()
        .run(&(prop::sample::select(texts), edits()), |(text, e)| {
            let m = mutate(text, &e);
            if let Ok(rt) = scsim::rtr::parse_rtr(&m, "fuzz.rtr") {
                for s in std::iter::once(&rt.rt_description)
                    .chain(rt.params.iter().map(|p| &p.description))
                {
                    prop_assert!(!s.chars().any(|c| c.is_control() && c != '\t'), "{s:?}");
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_state_loader() {
    let text = String::from_utf8(base().clone()).unwrap();
    runner()
        .run(&edits(), |e| {
            let m = mutate(&text, &e);
            let p = Path::new("fuzz.json");
            if let Ok(s) = scsim::store::decode(m.as_bytes(), p) {
                let again = scsim::store::encode(&s).unwrap();
                let back = scsim::store::decode(&again, p);
                prop_assert!(back.is_ok(), "re-encoded state does not load");
                prop_assert_eq!(back.unwrap(), s);
            }
            Ok(())
        })
        .unwrap();
}
