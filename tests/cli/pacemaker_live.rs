//! The live tier: the seed procedure on a real Corosync/Pacemaker cluster of two nodes in
//! network namespaces (`scsim lab`). Skipped, with a message saying what is missing, where
//! root, network namespaces or Pacemaker are not available.

use crate::harness::scsim_exe;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Stops the lab however the test ends.
struct LabGuard {
    dir: PathBuf,
}

impl Drop for LabGuard {
    fn drop(&mut self) {
        if self.dir.join("lab.json").exists() {
            let _ = lab(&self.dir, &["down"]);
        }
    }
}

fn lab(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(scsim_exe())
        .arg("lab")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("SCSIM_STATE", dir.with_extension("unused.json"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn on(dir: &Path, node: &str, line: &str) -> (i32, String, String) {
    let mut args = vec!["exec", node, "--"];
    args.extend(line.split_whitespace());
    lab(dir, &args)
}

fn wait_for(dir: &Path, node: &str, want: &str, secs: u64) -> String {
    let start = Instant::now();
    loop {
        let (_, mon, _) = on(dir, node, "crm_mon -1");
        if mon.contains(want) || start.elapsed() > Duration::from_secs(secs) {
            return mon;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn seed_procedure_in_the_lab() {
    if let Some(why) = scsim::pacemaker::lab::missing_requirements() {
        eprintln!("SKIPPED seed_procedure_in_the_lab: {why}");
        return;
    }
    let started = Instant::now();
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("lab");
    let _guard = LabGuard { dir: dir.clone() };
    let prefix = format!("sct{}", std::process::id());
    let mut up = vec!["up", "--nodes", "mail-1,mail-2", "--prefix", &prefix];
    for h in crate::harness::FIXTURE_HOSTS {
        up.extend(["--host", h]);
    }
    for f in crate::harness::FIXTURE_FILESYSTEMS {
        up.extend(["--filesystem", f]);
    }
    let (code, out, err) = lab(&dir, &up);
    assert_eq!(code, 0, "{out}{err}");
    let exe = scsim_exe().display().to_string();
    let install = format!("{exe} install messaging-server --nodes mail-1,mail-2");
    let (code, out, err) = on(&dir, "mail-1", &install);
    assert_eq!(code, 0, "{out}{err}");
    for n in ["mail-1", "mail-2"] {
        let configure =
            format!("printf '\\n\\n\\n\\n\\n' | {exe} on {n} -- /opt/SUNWmsgsr/sbin/configure");
        let out = lab(&dir, &["exec", "mail-1", "--", "sh", "-c", &configure]);
        assert_eq!(out.0, 0, "{}{}", out.1, out.2);
    }
    for line in crate::pacemaker::SEED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let (code, out, err) = on(&dir, "mail-1", line);
        assert_eq!(code, 0, "`{line}` on mail-1: {out}{err}");
    }
    let mon = on(&dir, "mail-1", "crm_mon -1").1;
    assert!(
        mon.contains("mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-1"),
        "{mon}"
    );
    // The logical host's address is on mail-1's interface, inside the lab only.
    assert!(
        on(&dir, "mail-1", "ip -4 addr show eth0")
            .1
            .contains("192.0.2.10/24")
    );

    let (code, out, err) = on(&dir, "mail-1", "scswitch -z -g MAIL-RG -h mail-2");
    assert_eq!(code, 0, "{out}{err}");
    let mon = on(&dir, "mail-1", "crm_mon -1").1;
    assert!(
        mon.contains("mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-2"),
        "{mon}"
    );

    let (code, _, err) = lab(&dir, &["crash", "mail-2"]);
    assert_eq!(code, 0, "{err}");
    let mon = wait_for(
        &dir,
        "mail-1",
        "mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-1",
        20,
    );
    assert!(
        mon.contains("mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-1"),
        "{mon}"
    );
    let st = on(&dir, "mail-1", "scstat -g").1;
    assert!(
        st.contains("Group: MAIL-RG             mail-1              Online"),
        "{st}"
    );

    let (code, _, err) = lab(&dir, &["down"]);
    assert_eq!(code, 0, "{err}");
    assert!(!dir.exists());
    let netns = String::from_utf8_lossy(
        &Command::new("ip")
            .args(["netns", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(!netns.contains(&prefix), "namespaces left: {netns}");
    eprintln!(
        "seed_procedure_in_the_lab: {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
