//! Tests: the event log as the messages file beside the state — the version-1 migration, bad
//! messages files, crash ordering, `scsim log --follow`, and a state file that does not grow.

use crate::harness::{NOW, TestCluster};
use std::io::BufRead;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/state")
        .join(name)
}

fn messages(t: &TestCluster) -> PathBuf {
    t.path().join("cluster.messages")
}

fn mail_rg() -> TestCluster {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l lh1
         scswitch -Z -g MAIL-RG",
    );
    t
}

/// A version-5 file (names inside the objects, every per-node state an object, switches spelled
/// out) shows what the version-5 release showed, and its first change writes version 6, smaller,
/// with the same listings.
#[test]
fn a_version_5_file_reads_the_same_and_is_written_as_version_6() {
    let t = TestCluster::empty();
    std::fs::copy(fixture("v5-mail-rg.json"), &t.state).unwrap();
    let v5 = t.state_bytes();
    let scstat = std::fs::read_to_string(fixture("v5-mail-rg.scstat")).unwrap();
    let pvv = std::fs::read_to_string(fixture("v5-mail-rg.pvv")).unwrap();
    let check = |when: &str| {
        for (cmd, want) in [("scstat", &scstat), ("scrgadm -pvv", &pvv)] {
            let out = t.sh(cmd);
            out.ok();
            assert_eq!(out.stderr, "", "{cmd} {when}");
            assert!(out.stdout == *want, "{cmd} {when} differs:\n{}", out.stdout);
        }
    };
    check("on the version-5 file");
    assert_eq!(t.state_bytes(), v5, "a read-only command wrote the v5 file");
    // Retry_count set to its default: a change that leaves the listings as they were.
    t.sh("scrgadm -c -j app -y Retry_count=2").ok();
    let j = t.state_json();
    assert_eq!(j["schema_version"], scsim::model::SCHEMA_VERSION);
    assert_eq!(j["schema_version"], 6);
    let app = &j["resources"]["app"];
    assert!(
        app.get("name").is_none() && app.get("enabled").is_none(),
        "{app}"
    );
    assert_eq!(app["state"]["mail-1"], "Online");
    assert_eq!(j["resources"]["app2"]["monitored"], false);
    assert_eq!(
        j["resources"]["app2"]["state"]["mail-1"]["state"],
        "OnlineNotMonitored"
    );
    assert_eq!(j["resource_groups"]["IDLE-RG"]["managed"], false);
    assert!(j["resource_groups"]["MAIL-RG"].get("managed").is_none());
    assert!(t.state_bytes().len() < v5.len());
    check("after the change wrote version 6");
}

/// A version-1 file (events inside) works read-only as it is, and its first write moves its
/// log to the messages file.
#[test]
fn a_version_1_file_is_read_as_it_is_and_migrated_on_first_write() {
    let t = TestCluster::empty();
    std::fs::copy(fixture("v1-mail-rg.json"), &t.state).unwrap();
    let v1 = t.state_bytes();
    let v1_log = std::fs::read_to_string(fixture("v1-mail-rg.log")).unwrap();
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stdout, v1_log);
    assert_eq!(out.stderr, "");
    t.sh("scstat -g").ok();
    t.sh("scsim log --group MAIL-RG --last 3").ok();
    assert_eq!(t.state_bytes(), v1, "a read-only command wrote the v1 file");
    assert!(!messages(&t).exists());
    // The first change migrates.
    t.sh("scswitch -z -g MAIL-RG -h mail-1").ok();
    let j = t.state_json();
    assert_eq!(j["schema_version"], scsim::model::SCHEMA_VERSION);
    assert!(j.get("events").is_none());
    assert!(messages(&t).exists());
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stderr, "");
    assert!(out.stdout.starts_with(&v1_log), "{out}");
    assert!(
        out.stdout[v1_log.len()..].contains("command: scswitch -z -g MAIL-RG -h mail-1"),
        "{out}"
    );
    let json: serde_json::Value = serde_json::from_str(&t.sh("scsim log --json").stdout).unwrap();
    let seqs: Vec<u64> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs[0], 1);
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
}

/// A missing messages file: `scsim log` says so with its path; nothing else minds.
#[test]
fn a_missing_messages_file_is_reported_by_log_only() {
    let t = mail_rg();
    std::fs::remove_file(messages(&t)).unwrap();
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("warning: no messages file at [TMP]/cluster.messages"),
        "{out}"
    );
    let st = t.sh("scstat -g");
    st.ok();
    assert_eq!(st.stderr, "");
    let sw = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    sw.ok();
    assert_eq!(sw.stderr, "");
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stderr, "");
    assert!(out.stdout.starts_with("Nov 24"), "{out}");
    assert!(
        out.stdout
            .contains("command: scswitch -z -g MAIL-RG -h mail-2")
    );
}

/// A line cut short (a crash, a full disk): reported with the path, the rest is shown, the
/// next change repairs the file.
#[test]
fn a_line_cut_short_is_reported_and_repaired() {
    let t = mail_rg();
    let full = t.sh("scsim log").stdout;
    let bytes = std::fs::read(messages(&t)).unwrap();
    std::fs::write(messages(&t), &bytes[..bytes.len() - 30]).unwrap();
    let out = t.sh("scsim log");
    out.ok();
    assert!(
        out.stderr
            .contains("[TMP]/cluster.messages: the last line is cut short"),
        "{out}"
    );
    let lines: Vec<&str> = full.lines().collect();
    assert_eq!(
        out.stdout,
        format!("{}\n", lines[..lines.len() - 1].join("\n"))
    );
    let st = t.sh("scstat -g");
    st.ok();
    assert_eq!(st.stderr, "");
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    let out = t.sh("scsim log");
    assert_eq!(out.stderr, "", "{out}");
    assert!(
        out.stdout
            .starts_with(&format!("{}\n", lines[..lines.len() - 1].join("\n")))
    );
    assert!(
        out.stdout
            .contains("command: scswitch -z -g MAIL-RG -h mail-2")
    );
}

/// A messages file from a newer scsim: not read (warning with its path), not written into,
/// and moved aside by the next change.
#[test]
fn a_newer_messages_file_is_reported_and_left_alone() {
    let t = mail_rg();
    let newer = "# scsim messages 2\n{\"whatever\": true}\n";
    std::fs::write(messages(&t), newer).unwrap();
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(
            "[TMP]/cluster.messages: written by a newer scsim (messages format 2, this one reads 1)"
        ),
        "{out}"
    );
    t.sh("scstat -g").ok();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    assert_eq!(
        std::fs::read_to_string(t.path().join("cluster.messages.1")).unwrap(),
        newer
    );
    let out = t.sh("scsim log");
    out.ok();
    assert!(
        out.stderr
            .contains("[TMP]/cluster.messages.1: written by a newer scsim")
    );
    assert!(
        out.stdout
            .contains("command: scswitch -z -g MAIL-RG -h mail-2")
    );
}

/// A crash after the entries of generation G+1 were appended and before the state was
/// renamed into place: nobody shows them, and the next commit cuts them off.
#[test]
fn entries_of_a_generation_the_state_does_not_have_are_never_shown() {
    let t = mail_rg();
    let before = t.sh("scsim log").stdout;
    let g0 = t.state_json()["generation"].as_u64().unwrap();
    let state = t.state_bytes();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    // Put the old state back: as if the rename had not happened.
    std::fs::write(&t.state, &state).unwrap();
    let out = t.sh("scsim log");
    assert_eq!(out.stdout, before);
    assert_eq!(out.stderr, "");
    let text = std::fs::read_to_string(messages(&t)).unwrap();
    assert!(text.contains(&format!("{{\"gen\":{}", g0 + 1)));
    // The next commit replaces the orphans (a switch to where the group already is would
    // change nothing and write nothing: a restart does run).
    t.sh("scswitch -R -h mail-1 -g MAIL-RG").ok();
    let out = t.sh("scsim log");
    let added = &out.stdout[before.len()..];
    assert!(out.stdout.starts_with(&before));
    assert!(!added.contains("-h mail-2"), "{added}");
    assert_eq!(added.matches("command: scswitch").count(), 1, "{added}");
    assert!(
        added.contains("command: scswitch -R -h mail-1 -g MAIL-RG"),
        "{added}"
    );
}

/// 200 switchovers: the state file keeps its size (the generation may gain a digit).
#[test]
fn the_state_file_does_not_grow_with_events() {
    let t = mail_rg();
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    t.sh("scswitch -z -g MAIL-RG -h mail-1").ok();
    let size = t.state_bytes().len();
    let g0 = t.state_json()["generation"].as_u64().unwrap();
    let log = std::fs::metadata(messages(&t)).unwrap().len();
    for _ in 0..100 {
        t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
        t.sh("scswitch -z -g MAIL-RG -h mail-1").ok();
    }
    let g1 = t.state_json()["generation"].as_u64().unwrap();
    assert_eq!(g1, g0 + 200);
    let digits = g1.to_string().len() - g0.to_string().len();
    assert_eq!(t.state_bytes().len(), size + digits, "the state file grew");
    let all: u64 = ["", ".1", ".2"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", messages(&t).display())).ok())
        .map(|m| m.len())
        .sum();
    assert!(all > log * 10, "{all} bytes of messages");
}

/// `scsim log --follow` prints the log, then what later commands append, through rotations,
/// exactly as `scsim log` prints it afterwards; it takes no lock.
#[test]
fn follow_streams_new_entries_through_rotation() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --host lh1=192.0.2.21 --log-size 2K --log-files 50")
        .ok();
    t.script(
        "scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l lh1
         scswitch -Z -g MAIL-RG",
    );
    let mut child = std::process::Command::new(t.bin.join("scsim"))
        // Killed below once it has shown everything; the timeout only ends a stray process.
        .args(["log", "--follow", "--follow-timeout", "900"])
        .env_clear()
        .env("SCSIM_STATE", &t.state)
        .env("SCSIM_NOW", NOW)
        .env("HOME", t.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let initial = t.sh("scsim log").stdout.lines().count();
    let mut got = Vec::new();
    // Waits end as soon as the lines are there; the bound is only for a follower that never
    // shows them, and is generous so that a loaded machine cannot reach it.
    let wait = |got: &mut Vec<String>, n: usize| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
        while got.len() < n {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) => got.push(l),
                Err(_) => break,
            }
        }
    };
    wait(&mut got, initial);
    for n in ["mail-2", "mail-1", "mail-2", "mail-1", "mail-2"] {
        t.sh(&format!("scswitch -z -g MAIL-RG -h {n}")).ok();
    }
    assert!(t.path().join("cluster.messages.2").exists(), "no rotation");
    let all = t.sh("scsim log").stdout;
    let total = all.lines().count();
    wait(&mut got, total);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(format!("{}\n", got.join("\n")), all);
}

/// `--follow --json` prints one JSON object per line; the hidden timeout ends it.
#[test]
fn follow_json_lines() {
    let t = mail_rg();
    let out = t.sh("scsim log -f --json --last 2 --follow-timeout 0");
    out.ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["line"].as_str().unwrap().starts_with("Nov 24"));
    }
}

/// `scsim init --force` starts a new log: the old cluster's messages files go.
#[test]
fn init_force_starts_a_new_log() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --host lh1=192.0.2.21 --log-size 1K --log-files 4")
        .ok();
    t.script(
        "scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l lh1
         scswitch -Z -g MAIL-RG",
    );
    assert!(t.path().join("cluster.messages.1").exists());
    t.sh("scsim init --force --nodes a,b").ok();
    assert!(!t.path().join("cluster.messages.1").exists());
    let out = t.sh("scsim log");
    out.ok();
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "");
    let j = t.state_json();
    assert_eq!(j["log"]["files"], 8);
    assert_eq!(j["log"]["file_bytes"], 1 << 20);
}

/// `--log-size` takes K/M/G and refuses nonsense.
#[test]
fn init_log_options() {
    let t = TestCluster::empty();
    let out = t.sh("scsim init --nodes a,b --log-size 12Q");
    assert_eq!(out.code, 3, "{out}");
    assert!(out.stderr.contains("K, M or G"), "{out}");
    t.sh("scsim init --nodes a,b --log-size 64K --log-files 2")
        .ok();
    let j = t.state_json();
    assert_eq!(j["log"]["file_bytes"], 64 * 1024);
    assert_eq!(j["log"]["files"], 2);
    t.sh("scsim init --force --nodes a,b --log-capacity 10000")
        .ok();
    let j = t.state_json();
    assert!(j["log"]["file_bytes"].as_u64().unwrap() >= 10_000 * 300 / 7);
}
