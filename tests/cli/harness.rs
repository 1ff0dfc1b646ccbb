//! Test harness: runs the real executable through its command names (`scsim`, and links
#![allow(dead_code)]
//! named `scrgadm`, `scswitch`, `scstat`) in a temp dir with a pinned environment.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Host names the tests' network address resources use, in every node's /etc/hosts.
pub const FIXTURE_HOSTS: &[&str] = &[
    "budgie=192.0.2.10",
    "lh1=192.0.2.21",
    "lh2=192.0.2.22",
    "sa1=192.0.2.23",
    "h=192.0.2.24",
    "h1=192.0.2.25",
    "h2=192.0.2.26",
    "schost-1=192.0.2.27",
    "sa-host=192.0.2.28",
    "other=192.0.2.29",
    "web-lh=192.0.2.30",
    "db-lh=192.0.2.31",
    "app-lh=192.0.2.32",
    "www1=192.0.2.33",
    "lh-one=192.0.2.34",
    "web-sa=192.0.2.35",
];

/// File systems the tests' HAStoragePlus resources use, in every node's /etc/vfstab.
pub const FIXTURE_FILESYSTEMS: &[&str] = &[
    "/global/mail1",
    "/global/mail2",
    "/global/a",
    "/global/b",
    "/global/app",
    "/global/db",
    "/global/x",
    "/local/data",
    "/local/spool",
];

/// The pinned wall clock of every test run.
pub const NOW: &str = "2026-11-24T09:00:00Z";

/// A temp dir with links to the binary and a state file path (not created until `init`).
pub struct TestCluster {
    pub dir: tempfile::TempDir,
    pub bin: PathBuf,
    pub state: PathBuf,
}

/// Exit code, stdout and stderr of one run.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Display for Output {
    /// The snapshot form: exit code, then both streams.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "exit: {}", self.code)?;
        writeln!(f, "--- stdout")?;
        f.write_str(&self.stdout)?;
        writeln!(f, "--- stderr")?;
        f.write_str(&self.stderr)
    }
}

impl Output {
    /// Panic with the whole output unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code:\n{self}");
        self
    }
    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.expect_code(0)
    }
}

/// Path of the built `scsim` executable.
pub fn scsim_exe() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_scsim"))
}

impl TestCluster {
    /// Temp dir with `bin/NAME` links for every command of the registry (`scsim`, `scrgadm`,
    /// …); no state file yet.
    pub fn empty() -> TestCluster {
        let dir = tempfile::tempdir().expect("tempdir");
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        for name in scsim::cli::registry::names() {
            std::os::unix::fs::symlink(scsim_exe(), bin.join(name)).unwrap();
        }
        let state = dir.path().join("cluster.json");
        TestCluster { dir, bin, state }
    }

    /// A cluster made by `scsim init --nodes <nodes>`, with the host names and file systems
    /// the tests use in every node's /etc/hosts and /etc/vfstab ([`FIXTURE_HOSTS`],
    /// [`FIXTURE_FILESYSTEMS`]) and the Messaging Server installed and configured on the
    /// local disk of every node, so that the agents' checks pass unless a test is about them.
    pub fn init(nodes: &str) -> TestCluster {
        TestCluster::init_with(nodes, &[])
    }

    /// As [`TestCluster::init`], with more `scsim init` options (`--release 3.2`, more hosts).
    pub fn init_with(nodes: &str, extra: &[&str]) -> TestCluster {
        let t = TestCluster::empty();
        let mut args = vec!["init".to_string(), "--nodes".into(), nodes.into()];
        args.extend(extra.iter().map(|s| s.to_string()));
        for h in FIXTURE_HOSTS {
            args.extend(["--host".to_string(), h.to_string()]);
        }
        for f in FIXTURE_FILESYSTEMS {
            args.extend(["--filesystem".to_string(), f.to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        t.run("scsim", &args).ok();
        t.run("scsim", &["install", "messaging-server", "--nodes", nodes])
            .ok();
        for n in nodes.split(',') {
            t.run_stdin(
                "scsim",
                &["on", n, "--", "/opt/SUNWmsgsr/sbin/configure"],
                "\n\n\n\n\n",
            )
            .ok();
        }
        t
    }

    /// A cluster made by `scsim init --nodes <nodes>` and nothing else.
    pub fn bare(nodes: &str) -> TestCluster {
        let t = TestCluster::empty();
        t.run("scsim", &["init", "--nodes", nodes]).ok();
        t
    }

    /// As `run`, with `input` on stdin.
    pub fn run_stdin(&self, name: &str, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut cmd = self.command(name, args, &[]);
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("run scsim");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().expect("wait scsim");
        self.output(out)
    }

    /// The root directory of a node.
    pub fn root(&self, node: &str) -> PathBuf {
        self.dir.path().join("cluster.files/nodes").join(node)
    }

    /// The seed's 2-node cluster (`mail-1`, `mail-2`).
    pub fn two_node() -> TestCluster {
        TestCluster::init("mail-1,mail-2")
    }

    /// Run `name` (scsim, scrgadm, scswitch or scstat) with `args`, pinned environment.
    pub fn run(&self, name: &str, args: &[&str]) -> Output {
        self.run_env(name, args, &[])
    }

    /// As `run`, with extra environment variables.
    pub fn run_env(&self, name: &str, args: &[&str], extra: &[(&str, &str)]) -> Output {
        let mut cmd = self.command(name, args, extra);
        cmd.stdin(std::process::Stdio::null());
        let out = cmd.output().expect("run scsim");
        self.output(out)
    }

    fn command(&self, name: &str, args: &[&str], extra: &[(&str, &str)]) -> Command {
        let mut cmd = Command::new(self.bin.join(name));
        cmd.args(args)
            .env_clear()
            .env("SCSIM_STATE", &self.state)
            .env("SCSIM_NOW", NOW)
            .env("HOME", self.dir.path())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .current_dir(self.dir.path());
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd
    }

    fn output(&self, out: std::process::Output) -> Output {
        let tmp = self.dir.path().display().to_string();
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(&tmp, "[TMP]");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: clean(&out.stdout),
            stderr: clean(&out.stderr),
        }
    }

    /// Run a command line written as in a shell script: `scrgadm -a -g RG -h a,b`. Quotes
    /// (single and double) group words; no other shell syntax.
    pub fn sh(&self, line: &str) -> Output {
        let words = split_words(line);
        let (name, rest) = words.split_first().expect("empty command line");
        let args: Vec<&str> = rest.iter().map(String::as_str).collect();
        self.run(name, &args)
    }

    /// Run `script` with `/bin/sh -c`, the links first on PATH (pipes, `&&`, `xargs`, as a
    /// runbook does), pinned environment.
    pub fn shell(&self, script: &str) -> Output {
        let path = format!("{}:/usr/bin:/bin", self.bin.display());
        let out = Command::new("/bin/sh")
            .arg("-c")
            .arg(script)
            .env_clear()
            .env("PATH", path)
            .env("SCSIM_STATE", &self.state)
            .env("SCSIM_NOW", NOW)
            .env("HOME", self.dir.path())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path())
            .output()
            .expect("run sh");
        let tmp = self.dir.path().display().to_string();
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(&tmp, "[TMP]");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: clean(&out.stdout),
            stderr: clean(&out.stderr),
        }
    }

    /// Run several lines; each must exit 0.
    #[track_caller]
    pub fn script(&self, lines: &str) {
        for line in lines
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let out = self.sh(line);
            assert_eq!(out.code, 0, "`{line}` failed:\n{out}");
        }
    }

    pub fn state_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.state).expect("read state")
    }

    /// The state file as JSON.
    pub fn state_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.state_bytes()).expect("state is JSON")
    }

    /// State of group `rg` on `node` as stored, spelled as scstat prints it (`Unmanaged` for an
    /// unmanaged group, `Offline` where the state has no entry).
    pub fn rg_state(&self, rg: &str, node: &str) -> String {
        let j = self.state_json();
        let g = &j["resource_groups"][rg];
        if g["managed"] == false {
            return "Unmanaged".into();
        }
        serde_json::from_value::<scsim::model::RgState>(g["state"][node].clone())
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|_| "Offline".to_string())
    }

    /// State of resource `r` on `node` as stored, spelled as scstat prints it.
    pub fn r_state(&self, r: &str, node: &str) -> String {
        // `"Online"` or `{"state": …, "status": …}` (schema 6); absent is Offline.
        let v = &self.state_json()["resources"][r]["state"][node];
        serde_json::from_value::<scsim::model::ResourceNodeState>(v.clone())
            .map(|s| s.state.as_str().to_string())
            .unwrap_or_else(|_| "Offline".to_string())
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Run `line`, expect exit `code`, and check the state file is byte-for-byte unchanged.
    /// Returns the output for message checks.
    #[track_caller]
    pub fn fails_unchanged(&self, line: &str, code: i32) -> Output {
        let before = std::fs::read(&self.state).ok();
        let out = self.sh(line);
        assert_eq!(out.code, code, "`{line}`: unexpected exit code:\n{out}");
        assert!(!out.stderr.is_empty(), "`{line}`: no error message:\n{out}");
        let after = std::fs::read(&self.state).ok();
        assert!(before == after, "`{line}` changed the state file");
        out
    }
}

/// Split a command line into words, honouring single and double quotes.
pub fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}
