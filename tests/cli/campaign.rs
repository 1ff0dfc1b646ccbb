//! The reliability campaign of issue 14, kept as tests: concurrent writers, kill -9 during
//! writes, and one test per state-file defect it found. Each campaign test has a CI mode of
//! seconds; `SCSIM_CAMPAIGN=long` runs the long mode (figures in docs/reliability.md), and
//! `SCSIM_CAMPAIGN_WRITERS`, `SCSIM_CAMPAIGN_COMMANDS`, `SCSIM_CAMPAIGN_KILLS` set the sizes.

use crate::harness::TestCluster;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The executable under test: `SCSIM_CAMPAIGN_BIN` (e.g. a release build, for figures
/// comparable with production use), else the test build.
fn scsim_exe() -> std::path::PathBuf {
    std::env::var_os("SCSIM_CAMPAIGN_BIN")
        .map(Into::into)
        .unwrap_or_else(crate::harness::scsim_exe)
}

fn long() -> bool {
    std::env::var("SCSIM_CAMPAIGN").is_ok_and(|v| v == "long")
}

fn size(var: &str, ci: usize, long_mode: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if long() { long_mode } else { ci })
}

/// A small, seedable generator (xorshift64*), so a run can be repeated from its seed.
struct Rng(u64);
impl Rng {
    fn from_env() -> Rng {
        let seed = std::env::var("SCSIM_CAMPAIGN_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("campaign seed: SCSIM_CAMPAIGN_SEED={seed}");
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn scsim(state: &Path, args: &[&str], timeout_s: &str) -> Command {
    let mut c = Command::new(scsim_exe());
    c.args(args)
        .env_clear()
        .env("SCSIM_STATE", state)
        .env("SCSIM_NOW", crate::harness::NOW)
        .env("SCSIM_LOCK_TIMEOUT", timeout_s)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// N writers × M commands at once: every update is present, the file is valid, the
/// generation counts every commit, and (with a 10 s timeout) no command times out.
#[test]
fn concurrent_writers_lose_no_update() {
    let writers = size("SCSIM_CAMPAIGN_WRITERS", 4, 16);
    let commands = size("SCSIM_CAMPAIGN_COMMANDS", 6, 100);
    let timeout = std::env::var("SCSIM_CAMPAIGN_LOCK_TIMEOUT").unwrap_or_else(|_| "10".into());
    let t = TestCluster::two_node();
    let gen0 = scsim::store::load(&t.state).unwrap().generation;
    let start = Instant::now();
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let state = t.state.clone();
            let timeout = timeout.clone();
            std::thread::spawn(move || {
                let mut failed = Vec::new();
                for m in 0..commands {
                    let name = format!("w{w}-c{m}");
                    let out = scsim(
                        &state,
                        &["scrgadm", "-a", "-g", &name, "-h", "mail-1,mail-2"],
                        &timeout,
                    )
                    .output()
                    .unwrap();
                    if !out.status.success() {
                        failed.push(format!(
                            "{name}: {:?} {}",
                            out.status.code(),
                            String::from_utf8_lossy(&out.stderr)
                        ));
                    }
                }
                failed
            })
        })
        .collect();
    let failed: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let elapsed = start.elapsed();
    let state = scsim::store::load(&t.state).expect("the file is valid");
    let total = writers * commands;
    let present = (0..writers)
        .flat_map(|w| (0..commands).map(move |m| format!("w{w}-c{m}")))
        .filter(|n| state.resource_groups.contains_key(n))
        .count();
    eprintln!(
        "concurrency: {writers} writers x {commands} commands in {elapsed:?}: {present}/{total} updates present, {} failed, generation {} -> {}",
        failed.len(),
        gen0,
        state.generation
    );
    assert!(
        failed.is_empty(),
        "{} commands failed: {failed:?}",
        failed.len()
    );
    assert_eq!(present, total);
    assert_eq!(state.generation, gen0 + total as u64);
    assert!(temp_files(t.path()).is_empty());
}

/// Build a large state (hundreds of groups) from a small one, through the library's model.
fn large_state(t: &TestCluster, groups: usize) {
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g rg1 -h mail-1,mail-2
         scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false",
    );
    let mut s = scsim::store::load(&t.state).unwrap();
    let g = s.resource_groups["rg1"].clone();
    let r = s.resources["r1"].clone();
    for i in 0..groups {
        let (gn, rn) = (format!("big-rg-{i}"), format!("big-rs-{i}"));
        let mut g = g.clone();
        g.name = gn.as_str().into();
        g.rare.description = "x".repeat(400);
        g.resources = vec![rn.as_str().into()];
        let mut r = r.clone();
        r.name = rn.as_str().into();
        r.group = gn.as_str().into();
        r.description = "y".repeat(400).into();
        s.resource_groups.insert(gn, g);
        s.resources.insert(rn, r);
    }
    std::fs::write(&t.state, scsim::store::encode(&s).unwrap()).unwrap();
}

/// kill -9 at random moments while a large state is written: the file is always the
/// generation before or the one after (never partial), the lock is never stuck, and the next
/// writer removes the temp files of killed ones.
#[test]
fn kill_9_during_writes_leaves_before_or_after() {
    let kills = size("SCSIM_CAMPAIGN_KILLS", 12, 300);
    let groups = if long() { 2000 } else { 1000 };
    let t = TestCluster::two_node();
    large_state(&t, groups);
    let size_bytes = std::fs::metadata(&t.state).unwrap().len();
    let mut rng = Rng::from_env();
    // Calibrate: how long one write takes.
    let t0 = Instant::now();
    let st = scsim(
        &t.state,
        &["scrgadm", "-c", "-g", "rg1", "-y", "Pingpong_interval=1"],
        "10",
    )
    .status()
    .unwrap();
    assert!(st.success());
    let one = t0.elapsed();
    let mut value = 1u64;
    let (mut killed, mut finished, mut after_kill_old, mut after_kill_new) = (0, 0, 0, 0);
    // Temp files found after a kill (each is removed by the next writer).
    let mut temps_seen = 0;
    for i in 0..kills {
        let next = value + 1 + i as u64;
        let arg = format!("Pingpong_interval={next}");
        let mut child = scsim(&t.state, &["scrgadm", "-c", "-g", "rg1", "-y", &arg], "10")
            .spawn()
            .unwrap();
        let wait = rng.below(one.as_micros() as u64 * 3 / 2 + 1);
        std::thread::sleep(Duration::from_micros(wait));
        let done = matches!(child.try_wait(), Ok(Some(_)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let s = scsim::store::load(&t.state).unwrap_or_else(|e| {
            panic!(
                "after kill {i}: the state file does not load: {}",
                e.message
            )
        });
        let got = u64::from(s.resource_groups["rg1"].pingpong_interval);
        if done && status.success() {
            finished += 1;
            assert_eq!(got, next, "a finished write is not in the file");
        } else {
            killed += 1;
            assert!(
                got == value || got == next,
                "after kill {i}: Pingpong_interval {got}, neither {value} (before) nor {next} (after)"
            );
            if got == value {
                after_kill_old += 1;
            } else {
                after_kill_new += 1;
            }
        }
        value = got;
        temps_seen += temp_files(t.path()).len();
    }
    let left = temp_files(t.path()).len();
    // The lock is not stuck, and the next writer cleans up.
    let out = scsim(
        &t.state,
        &["scrgadm", "-c", "-g", "rg1", "-y", "Pingpong_interval=7"],
        "2",
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "crash: {kills} runs on a {size_bytes}-byte state (one write {one:?}): {killed} killed ({after_kill_old} left the old generation, {after_kill_new} the new), {finished} finished; {temps_seen} temp files found after kills, {left} before the last write, {} after it",
        temp_files(t.path()).len()
    );
    assert!(
        temp_files(t.path()).is_empty(),
        "{:?}",
        temp_files(t.path())
    );
}

// ---- One test per state-file defect --------------------------------------------------------

/// 2: a symlink planted at the lock path does not make scsim create its target.
#[test]
fn lock_symlink_is_not_followed() {
    let t = TestCluster::two_node();
    let target = t.path().join("victim");
    let _ = std::fs::remove_file(t.path().join("cluster.json.lock"));
    std::os::unix::fs::symlink(&target, t.path().join("cluster.json.lock")).unwrap();
    let before = t.state_bytes();
    let out = t.run("scsim", &["node", "down", "mail-1"]);
    assert_eq!(out.code, 6, "{out}");
    assert!(out.stderr.contains("symbolic link"), "{out}");
    assert!(!target.exists());
    assert_eq!(t.state_bytes(), before);
}

/// 6: fields this scsim does not know survive a rewrite, at every level.
#[test]
fn unknown_fields_are_kept() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g rg1 -h mail-1,mail-2
         scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false",
    );
    let mut v = t.state_json();
    v["future_section"] = serde_json::json!({"a": [1, 2, {"b": null}]});
    v["cluster"]["nodes"][1]["future_node_field"] = "n2".into();
    v["resources"]["r1"]["future_resource_field"] = 42.into();
    v["resource_groups"]["rg1"]["future_group_field"] = true.into();
    v["clock"]["future_clock_field"] = "tick".into();
    std::fs::write(&t.state, serde_json::to_vec(&v).unwrap()).unwrap();
    t.script("scswitch -Z -g rg1\nscrgadm -c -j r1 -y Retry_count=4\nscsim node down mail-1");
    let after = t.state_json();
    assert_eq!(after["future_section"], v["future_section"]);
    assert_eq!(after["cluster"]["nodes"][1]["future_node_field"], "n2");
    assert_eq!(after["resources"]["r1"]["future_resource_field"], 42);
    assert_eq!(after["resource_groups"]["rg1"]["future_group_field"], true);
    assert_eq!(after["clock"]["future_clock_field"], "tick");
    // What the commands did is there too, and the rest of the file is as usual.
    assert_eq!(after["resources"]["r1"]["properties"]["Retry_count"], 4);
    assert!(after["generation"].as_u64() > v["generation"].as_u64());
    let order: Vec<&String> = after["resource_groups"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(order, ["rg1"]);
    // A removed object takes its unknown fields with it.
    t.script("scswitch -F -g rg1\nscswitch -n -j r1\nscrgadm -r -j r1");
    assert!(t.state_json()["resources"].get("r1").is_none());
    assert_eq!(t.state_json()["future_section"], v["future_section"]);
}

/// 7: temp files of killed writers are removed by the next writer.
#[test]
fn stale_temp_files_are_removed() {
    let t = TestCluster::two_node();
    // A temp file as a killed writer of this state leaves it: write one by starting a write
    // and killing it is racy, so find the name scsim uses by writing once with a stale file.
    for i in 0..3 {
        let p = t.path().join(format!(".scsim-state-Ab{i}xyz.tmp"));
        std::fs::write(&p, b"{\"partial").unwrap();
        // Older than the legacy grace period.
        let old = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let other = t.path().join(".scsim-state-0000000000000000-abcdef.tmp");
    std::fs::write(&other, b"another state's write").unwrap();
    t.run("scsim", &["node", "down", "mail-1"]).ok();
    let left = temp_files(t.path());
    assert_eq!(
        left,
        [".scsim-state-0000000000000000-abcdef.tmp"],
        "{left:?}"
    );
}

/// 8: install-links refuses before creating anything.
#[test]
fn install_links_is_all_or_nothing() {
    let t = TestCluster::empty();
    let dir = t.path().join("links");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("scstat"), b"mine").unwrap();
    let out = t.run("scsim", &["install-links", dir.to_str().unwrap()]);
    assert_eq!(out.code, 9, "{out}");
    assert!(out.stderr.contains("no link was created"), "{out}");
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["scstat"]);
    assert_eq!(std::fs::read(dir.join("scstat")).unwrap(), b"mine");
    t.run(
        "scsim",
        &["install-links", "--force", dir.to_str().unwrap()],
    )
    .ok();
    assert!(dir.join("scrgadm").symlink_metadata().unwrap().is_symlink());
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// 11: a new state file gets 0666 less the umask; a rewrite keeps the mode.
#[test]
fn new_state_file_respects_the_umask() {
    let t = TestCluster::empty();
    let sh = |umask: &str, file: &str| {
        let st = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" --state \"$1\" init --nodes a,b",
            ))
            .arg(scsim_exe())
            .arg(t.path().join(file))
            .env("SCSIM_NOW", crate::harness::NOW)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(st.success());
        mode(&t.path().join(file))
    };
    assert_eq!(sh("077", "private.json"), 0o600);
    assert_eq!(sh("022", "shared.json"), 0o644);
    assert_eq!(sh("002", "group.json"), 0o664);
    // A rewrite under another umask keeps the file's mode.
    let st = Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" --state \"$1\" node down a")
        .arg(scsim_exe())
        .arg(t.path().join("private.json"))
        .env("SCSIM_NOW", crate::harness::NOW)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(mode(&t.path().join("private.json")), 0o600);
}

/// 12: a symlinked state file stays a link; its target is what changes.
#[test]
fn symlinked_state_is_followed() {
    let t = TestCluster::two_node();
    let real = t.path().join("real.json");
    std::fs::rename(&t.state, &real).unwrap();
    std::os::unix::fs::symlink("real.json", &t.state).unwrap();
    let _ = std::fs::remove_file(t.path().join("cluster.json.lock"));
    t.run("scsim", &["node", "down", "mail-1"]).ok();
    assert!(t.state.symlink_metadata().unwrap().is_symlink());
    let s = scsim::store::load(&real).unwrap();
    assert!(!s.cluster.node("mail-1").unwrap().up);
    // The lock file is beside the target, and nothing was left beside the link.
    assert!(t.path().join("real.json.lock").exists());
    assert!(!t.path().join("cluster.json.lock").exists());
    // A dangling link is refused, not replaced.
    std::fs::remove_file(&real).unwrap();
    let out = t.run("scsim", &["node", "up", "mail-1"]);
    assert_ne!(out.code, 0);
    assert!(t.state.symlink_metadata().unwrap().is_symlink());
}

/// 13: a command whose transition is empty does not write (generation and bytes unchanged),
/// while one that does something still commits.
#[test]
fn empty_transition_writes_nothing() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g rg1 -h mail-1,mail-2
         scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false
         scswitch -Z -g rg1",
    );
    let before = t.state_bytes();
    t.run("scswitch", &["-Z", "-g", "rg1"]).ok();
    assert_eq!(t.state_bytes(), before, "a no-op scswitch -Z wrote");
    t.script("scsim node down mail-1\nscsim node down mail-2");
    let before = t.state_bytes();
    let out = t.run("scswitch", &["-Z"]);
    assert_eq!(out.code, 10, "{out}");
    assert_eq!(t.state_bytes(), before);
    t.script("scsim node up mail-1");
    assert_ne!(t.state_bytes(), before);
}

/// 15: with a short timeout and many writers, waiters are served in order as the lock frees (a
/// blocking wait in a ticket queue, not 10 ms polling): no command times out while the lock is
/// held only briefly. Each command changes one property (the state does not grow), so the
/// lock is held for about as long as in the campaign of issue 14.
#[test]
fn lock_waiters_are_served_without_timeouts() {
    let writers = size("SCSIM_CAMPAIGN_FAIR_WRITERS", 4, 16);
    let commands = size("SCSIM_CAMPAIGN_FAIR_COMMANDS", 5, 100);
    let t = TestCluster::two_node();
    t.script("scrgadm -a -g fair-rg -h mail-1,mail-2");
    let start = Instant::now();
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let state = t.state.clone();
            std::thread::spawn(move || {
                let (mut timeouts, mut slowest) = (0, Duration::ZERO);
                for m in 0..commands {
                    let arg = format!("Pingpong_interval={}", 1000 * w + m + 1);
                    let t0 = Instant::now();
                    let st = scsim(&state, &["scrgadm", "-c", "-g", "fair-rg", "-y", &arg], "1")
                        .status()
                        .unwrap();
                    slowest = slowest.max(t0.elapsed());
                    if st.code() == Some(5) {
                        timeouts += 1;
                    }
                }
                (timeouts, slowest)
            })
        })
        .collect();
    let results: Vec<(usize, Duration)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let timeouts: usize = results.iter().map(|r| r.0).sum();
    let slowest = results.iter().map(|r| r.1).max().unwrap_or_default();
    let elapsed = start.elapsed();
    let total = writers * commands;
    eprintln!(
        "fairness: {writers} writers x {commands} commands with SCSIM_LOCK_TIMEOUT=1 in {elapsed:?} ({:?} per command): {timeouts} timed out, slowest command {slowest:?}",
        elapsed / total as u32
    );
    // Served in order, a waiter waits for at most the writers ahead of it. When even twice
    // that is under the timeout, none may time out; on a machine so loaded that it is not,
    // timeouts measure the load, not the lock, and are only reported.
    let per_command = elapsed / total as u32;
    if per_command * (writers as u32 - 1) * 2 < Duration::from_secs(1) {
        assert_eq!(timeouts, 0, "slowest command {slowest:?}");
    }
}

/// 14: a user who cannot write the state file and does not own it is told who owns it (not
/// "chmod u+w", which only the owner can do). Needs root to run a command as another user.
#[test]
fn read_only_message_names_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: needs root to run as another user");
        return;
    }
    let t = TestCluster::two_node();
    for p in [t.path(), &t.bin] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let before = t.state_bytes();
    let out = Command::new(scsim_exe())
        .args(["node", "down", "mail-1"])
        .env_clear()
        .env("SCSIM_STATE", &t.state)
        .env("SCSIM_NOW", crate::harness::NOW)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains("it belongs to root (uid 0)"), "{err}");
    assert!(!err.contains("chmod"), "{err}");
    assert_eq!(t.state_bytes(), before);
}
