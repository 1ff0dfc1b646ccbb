//! The bad-input probe table (issue 14): each probe is a command line with an environment and a
//! prepared state; it must exit with the expected code, say the expected thing on stderr, keep
//! stderr short, and leave the state file byte-for-byte as it was (no temp file left either).

use crate::harness::{TestCluster, split_words};
use std::sync::OnceLock;

/// How the probe's directory is prepared before the command runs.
#[derive(Clone, Copy)]
enum Prep {
    /// The base cluster (2 nodes, SUNW.gds, rg1 with r1, online).
    Base,
    /// The base cluster with its JSON edited.
    Json(fn(&mut serde_json::Value)),
    /// The base cluster with both nodes down.
    AllDown,
    /// Base, plus files in the directory: `fifo` (a FIFO), `zero` (a link to /dev/zero),
    /// `subdir/`, and RTR files `nul.rtr`, `esc.rtr`, `huge.rtr`, `bin.rtr`.
    Files,
}

struct Probe {
    line: &'static str,
    env: &'static [(&'static str, &'static str)],
    prep: Prep,
    code: i32,
    msg: &'static str,
}

const fn p(line: &'static str, code: i32, msg: &'static str) -> Probe {
    Probe {
        line,
        env: &[],
        prep: Prep::Base,
        code,
        msg,
    }
}

const fn pe(
    line: &'static str,
    env: &'static [(&'static str, &'static str)],
    code: i32,
    msg: &'static str,
) -> Probe {
    Probe {
        line,
        env,
        prep: Prep::Base,
        code,
        msg,
    }
}

const fn pp(line: &'static str, prep: Prep, code: i32, msg: &'static str) -> Probe {
    Probe {
        line,
        env: &[],
        prep,
        code,
        msg,
    }
}

fn group_of_r1_missing(v: &mut serde_json::Value) {
    v["resources"]["r1"]["group"] = "ghost-rg".into();
}
fn nodelist_unknown(v: &mut serde_json::Value) {
    v["resource_groups"]["rg1"]["nodelist"]
        .as_array_mut()
        .unwrap()
        .push("mail-9".into());
}
fn list_names_missing(v: &mut serde_json::Value) {
    v["resource_groups"]["rg1"]["resources"]
        .as_array_mut()
        .unwrap()
        .push("phantom".into());
}
fn type_unregistered(v: &mut serde_json::Value) {
    v["resources"]["r1"]["type"] = "ACME.none:1".into();
}
fn node_twice(v: &mut serde_json::Value) {
    let n = v["cluster"]["nodes"][0].clone();
    v["cluster"]["nodes"].as_array_mut().unwrap().push(n);
}
fn not_listed(v: &mut serde_json::Value) {
    v["resource_groups"]["rg1"]["resources"] = serde_json::json!([]);
}
fn installed_unknown(v: &mut serde_json::Value) {
    let t = v["resource_types"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap();
    t["installed_nodes"] = serde_json::json!(["mail-7"]);
}

const LT: &str = "SCSIM_LOCK_TIMEOUT";

#[rustfmt::skip]
fn probes() -> Vec<Probe> {
    vec![
        // 1: SCSIM_LOCK_TIMEOUT is bounded and validated (no panic).
        pe("scswitch -F -g rg1", &[(LT, "1e30")], 3, "SCSIM_LOCK_TIMEOUT=1e30 is not a number of seconds"),
        pe("scswitch -F -g rg1", &[(LT, "1e19")], 3, "from 0 to 86400"),
        pe("scswitch -F -g rg1", &[(LT, "86401")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scswitch -F -g rg1", &[(LT, "-1")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scswitch -F -g rg1", &[(LT, "NaN")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scswitch -F -g rg1", &[(LT, "inf")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scswitch -F -g rg1", &[(LT, "1e309")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scswitch -F -g rg1", &[(LT, "ten")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scrgadm -c -j r1 -y Retry_count=3", &[(LT, "1e30")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scsim node down mail-1", &[(LT, "1e19")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scsim time advance 5s", &[(LT, "-0.5")], 3, "SCSIM_LOCK_TIMEOUT"),
        pe("scsim init --force --nodes a,b", &[(LT, "1e30")], 3, "SCSIM_LOCK_TIMEOUT"),
        // 3: FIFOs, devices and directories are refused before they are read.
        pp("scsim --state [DIR]/fifo scstat", Prep::Files, 18, "a FIFO, not a regular file"),
        pp("scsim --state [DIR]/fifo scrgadm -p", Prep::Files, 18, "a FIFO"),
        pp("scswitch -Z --state [DIR]/fifo", Prep::Files, 3, ""),
        pp("scsim --state [DIR]/fifo log", Prep::Files, 18, "a FIFO"),
        pp("scsim --state [DIR]/fifo node down mail-1", Prep::Files, 18, "a FIFO"),
        pp("scsim --state [DIR]/zero log", Prep::Files, 18, "a character device"),
        pp("scsim --state [DIR]/zero scstat", Prep::Files, 18, "a character device"),
        pp("scsim --state [DIR]/zero scswitch -Z", Prep::Files, 18, "a character device"),
        pp("scsim --state /dev/null log", Prep::Files, 18, "a character device"),
        pp("scsim --state [DIR]/subdir log", Prep::Files, 18, "a directory"),
        pp("scsim --state [DIR]/subdir time advance 1s", Prep::Files, 18, "a directory"),
        pp("scrgadm -a -t ACME.x -f [DIR]/fifo", Prep::Files, 3, "a FIFO"),
        pp("scrgadm -a -t ACME.x -f /dev/zero", Prep::Files, 3, "a character device"),
        pp("scrgadm -a -t ACME.x -f [DIR]/subdir", Prep::Files, 3, "a directory"),
        pp("scrgadm -a -t ACME.x -f [DIR]/bin.rtr", Prep::Files, 3, "not UTF-8"),
        pp("scrgadm -a -t ACME.x -f [DIR]/missing.rtr", Prep::Files, 3, "no such file"),
        // 4: broken references are refused on load, with the path and the reference.
        pp("scstat", Prep::Json(group_of_r1_missing), 18, "ghost-rg"),
        pp("scswitch -F -g rg1", Prep::Json(group_of_r1_missing), 18, "inconsistent cluster state"),
        pp("scrgadm -pv", Prep::Json(group_of_r1_missing), 18, "cluster.json: inconsistent"),
        pp("scstat", Prep::Json(nodelist_unknown), 18, "names node mail-9"),
        pp("scswitch -Z -g rg1", Prep::Json(nodelist_unknown), 18, "names node mail-9"),
        pp("scsim node down mail-2", Prep::Json(nodelist_unknown), 18, "names node mail-9"),
        pp("scstat -g", Prep::Json(list_names_missing), 18, "resource phantom, which does not exist"),
        pp("scrgadm -c -j r1 -y Retry_count=2", Prep::Json(list_names_missing), 18, "phantom"),
        pp("scswitch -F -g rg1", Prep::Json(type_unregistered), 18, "its type ACME.none:1 is not registered"),
        pp("scrgadm -c -g rg1 -y Pingpong_interval=100", Prep::Json(type_unregistered), 18, "not registered"),
        pp("scsim time advance 1m", Prep::Json(type_unregistered), 18, "not registered"),
        pp("scstat", Prep::Json(node_twice), 18, "listed twice"),
        pp("scswitch -Z", Prep::Json(not_listed), 18, "does not list it"),
        pp("scstat", Prep::Json(installed_unknown), 18, "Installed_nodes names node mail-7"),
        // 5: -K is range-checked.
        p("scswitch -S -h mail-1 -K 18446744073709551615", 3, "at most 65535 seconds"),
        p("scswitch -S -h mail-1 -K 9223372036854775807", 3, "at most 65535"),
        p("scswitch -S -h mail-1 -K 65536", 3, "at most 65535"),
        p("scswitch -S -h mail-1 -K 18446744073709551616", 3, "-K"),
        p("scswitch -S -h mail-1 -K -1", 3, "-K -1: the value cannot be negative"),
        p("scswitch -S -h mail-1 -K abc", 3, "abc"),
        // 9: control characters are refused in every value.
        p("scrgadm -c -j r1 -y R_description=\u{1b}[31mred\u{7}", 15, "control character"),
        p("scrgadm -c -j r1 -y R_description=bell\u{7}", 15, "control character U+0007"),
        p("scrgadm -c -j r1 -y R_description=esc\u{1b}[31m", 15, "U+001B"),
        p("scrgadm -c -g rg1 -y RG_description=x\u{1b}y", 15, "control character"),
        p("scrgadm -c -j r1 -y Retry_interval=1\u{8}", 15, "control character"),
        p("scrgadm -c -j r1 -y R_description=del\u{7f}", 15, "U+007F"),
        p("scrgadm -c -j r1 -y R_description=csi\u{9b}", 15, "U+009B"),
        p("scrgadm -a -j r2 -g rg1 -t SUNW.gds -x Start_command=/bin/y\u{1b} -x Network_aware=false", 15, "control character"),
        pp("scrgadm -a -t ACME.nul -f [DIR]/nul.rtr", Prep::Files, 3, "NUL"),
        pp("scrgadm -a -t ACME.esc -f [DIR]/esc.rtr", Prep::Files, 3, "control character U+001B"),
        pp("scrgadm -a -t ACME.huge -f [DIR]/huge.rtr", Prep::Files, 3, "values are at most 4194303 bytes"),
        // 10: the state path must name a file (the lock file stays beside it).
        p("scswitch -Z --state [DIR]/sub/..", 3, ""),
        p("scsim --state [DIR]/sub/.. node down mail-1", 3, "does not end in a file name"),
        p("scsim --state / node down mail-1", 3, "does not end in a file name"),
        p("scsim --state . time advance 1s", 3, "does not end in a file name"),
        p("scsim --state .. log", 3, "does not end in a file name"),
        p("scsim --state [DIR]/.. init --nodes a,b", 3, "does not end in a file name"),
        p("scsim --state / init --force --nodes a,b", 3, "does not end in a file name"),
        pe("scstat", &[("SCSIM_STATE", "/")], 3, "does not end in a file name"),
        pe("scswitch -Z", &[("SCSIM_STATE", "[DIR]/x/..")], 3, "does not end in a file name"),
        // 13: a command that changes nothing writes nothing (checked by the table itself).
        pp("scswitch -Z", Prep::AllDown, 10, "requested result not reached"),
        pp("scswitch -Z -g rg1", Prep::AllDown, 11, "mail-1 is down"),
        pp("scswitch -z -g rg1 -h mail-2", Prep::AllDown, 11, ""),
        // 14: messages.
        p("scsim log --last -1", 3, "--last -1: the value cannot be negative"),
        p("scsim log --last -100", 3, "cannot be negative"),
        p("scsim time advance -5s", 3, "-5s: negative values are not accepted"),
        p("scsim time advance -5", 3, "negative values are not accepted"),
        p("scsim time advance -- -5s", 3, "-5s is not a duration"),
        p("scsim time advance 3000000d", 3, "year 9999"),
        p("scsim time advance 18446744073709551615", 3, "not a duration"),
        p("scsim --state '' log", 3, "--state was given an empty value"),
        p("scsim --state= log", 3, "empty value"),
        p("scsim --state '' scstat", 3, "empty value"),
        p("scsim scswitch --state '' -Z", 3, "empty value"),
        pp("scsim --state [DIR]/zero log", Prep::Files, 18, "not a regular file"),
        // Other bad input: usage, unknown objects, bad values.
        p("scrgadm", 3, ""),
        p("scrgadm -a -g", 3, ""),
        p("scrgadm -a -g rg1 -h mail-1", 12, "rg1"),
        p("scrgadm -r -g nope", 12, "nope"),
        p("scrgadm -r -j nope", 14, "nope"),
        p("scrgadm -c -j r1 -y Retry_count=abc", 15, "abc"),
        p("scrgadm -c -j r1 -y Retry_count=99999999999999999999", 15, "Retry_count"),
        p("scrgadm -c -j r1 -y No_such_prop=1", 15, "No_such_prop"),
        p("scrgadm -c -j r1 -y R_description=a;b", 15, ";"),
        p("scrgadm -a -t NO.such", 3, "no registration file for resource type NO.such"),
        p("scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/x -x Network_aware=false", 14, "r1"),
        p("scrgadm -a -g 9bad", 12, "not legal"),
        p("scrgadm -a -g rg2 -h mail-1,,mail-2", 3, "empty entry"),
        p("scrgadm -a -g rg2 -h mail-9", 11, "mail-9"),
        p("scrgadm -r -g rg1", 12, ""),
        p("scrgadm -r -j r1", 14, "enabled"),
        p("scrgadm -x", 3, ""),
        p("scrgadm -a -j", 3, ""),
        p("scrgadm --frobnicate", 3, "frobnicate"),
        p("scswitch", 3, "no action given"),
        p("scswitch -z -g nope -h mail-1", 12, "nope"),
        p("scswitch -z -g rg1 -h mail-9", 11, "mail-9"),
        p("scswitch -e -j nope", 14, "nope"),
        p("scswitch -n -j r1 -h mail-1", 3, "per-node"),
        p("scswitch -Z -z", 3, "cannot be combined"),
        p("scswitch -S", 3, "exactly one node"),
        p("scswitch -S -h mail-1,mail-2", 3, "exactly one node"),
        p("scswitch -c -h mail-1 -j r1 -f BOGUS", 3, "STOP_FAILED"),
        p("scswitch -u -g rg1", 9, ""),
        p("scswitch -F -D nope", 3, ""),
        p("scswitch -z -g rg1,,rg1 -h mail-1", 3, "empty name"),
        p("scswitch \u{2013}Z", 3, "en dash"),
        p("scstat -g nope", 3, ""),
        p("scstat -h mail-9", 11, "mail-9"),
        p("scstat -Q -Q -x", 3, ""),
        p("scsim", 3, ""),
        p("scsim node down mail-9", 11, "mail-9"),
        p("scsim node up", 3, ""),
        p("scsim fault inject --resource nope --method Start", 14, "nope"),
        p("scsim fault inject --resource r1 --method Bogus", 3, ""),
        p("scsim log --since yesterday-ish", 3, "yesterday-ish"),
        p("scsim log --last abc", 3, "abc"),
        p("scsim time advance 5x", 3, "not a duration"),
        p("scsim time advance", 3, ""),
        p("scsim init --nodes a,b", 9, "already exists"),
        p("scsim init --nodes a,a --force", 11, "listed twice"),
        p("scsim man nope", 3, "unknown command nope"),
        p("scsim completions tcsh", 3, "tcsh"),
        p("scsim state frob", 3, ""),
        pe("scswitch -F -g rg1", &[("SCSIM_NOW", "not-a-time")], 3, "SCSIM_NOW=not-a-time"),
        pe("scstat", &[("SCSIM_STATE", "[DIR]/none.json")], 18, "no cluster state file"),
    ]
}

/// The base cluster's state file, made once.
fn base_state() -> &'static (Vec<u8>, Vec<u8>) {
    static BASE: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    BASE.get_or_init(|| {
        let t = TestCluster::two_node();
        t.script(
            "scrgadm -a -t SUNW.gds
             scrgadm -a -g rg1 -h mail-1,mail-2
             scrgadm -a -j r1 -g rg1 -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false
             scswitch -Z -g rg1",
        );
        let base = t.state_bytes();
        t.script("scsim node down mail-1\nscsim node down mail-2");
        (base, t.state_bytes())
    })
}

fn prepare(t: &TestCluster, prep: Prep) {
    let (base, down) = base_state();
    match prep {
        Prep::Base => std::fs::write(&t.state, base).unwrap(),
        Prep::AllDown => std::fs::write(&t.state, down).unwrap(),
        Prep::Json(edit) => {
            let mut v: serde_json::Value = serde_json::from_slice(base).unwrap();
            edit(&mut v);
            std::fs::write(&t.state, serde_json::to_vec(&v).unwrap()).unwrap();
        }
        Prep::Files => {
            std::fs::write(&t.state, base).unwrap();
            let d = t.path();
            let fifo = std::ffi::CString::new(d.join("fifo").to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
            std::os::unix::fs::symlink("/dev/zero", d.join("zero")).unwrap();
            std::fs::create_dir(d.join("subdir")).unwrap();
            let rtr = |desc: &str| {
                format!(
                    "Resource_type = \"x\";\nVendor_id = ACME;\nRT_description = \"{desc}\";\nRT_version = \"1\";\nRT_basedir = /opt/x;\nStart = start;\nStop = stop;\n"
                )
            };
            std::fs::write(d.join("nul.rtr"), rtr("a\0b")).unwrap();
            std::fs::write(d.join("esc.rtr"), rtr("a\u{1b}]0;x\u{7}b")).unwrap();
            std::fs::write(d.join("huge.rtr"), rtr(&"d".repeat(5 * 1024 * 1024))).unwrap();
            std::fs::write(d.join("bin.rtr"), b"Resource_type = \"\xff\xfe\";").unwrap();
        }
    }
}

fn temp_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn bad_input_probe_table() {
    let probes = probes();
    assert!(probes.len() >= 100, "{} probes", probes.len());
    let mut failures = Vec::new();
    for (i, pr) in probes.iter().enumerate() {
        let t = TestCluster::empty();
        prepare(&t, pr.prep);
        let dir = t.path().display().to_string();
        let before = std::fs::read(&t.state).unwrap();
        let words: Vec<String> = split_words(&pr.line.replace("[DIR]", &dir));
        let (name, rest) = words.split_first().unwrap();
        let args: Vec<&str> = rest.iter().map(String::as_str).collect();
        let env: Vec<(String, String)> = pr
            .env
            .iter()
            .map(|(k, v)| (k.to_string(), v.replace("[DIR]", &dir)))
            .collect();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let out = t.run_env(name, &args, &env);
        let after = std::fs::read(&t.state).unwrap();
        let mut why = Vec::new();
        if out.code != pr.code {
            why.push(format!("exit {} (expected {})", out.code, pr.code));
        }
        if !out.stderr.contains(pr.msg) {
            why.push(format!("stderr lacks {:?}", pr.msg));
        }
        if out.stderr.is_empty() {
            why.push("no message".into());
        }
        if out.stderr.len() > 4000 {
            why.push(format!("{} bytes of stderr", out.stderr.len()));
        }
        if before != after {
            why.push("the state file changed".into());
        }
        let tmp = temp_files(t.path());
        if !tmp.is_empty() {
            why.push(format!("temp files left: {tmp:?}"));
        }
        if !why.is_empty() {
            let shown: String = out.stderr.chars().take(600).collect();
            failures.push(format!(
                "probe {i} `{}`: {}\n{shown}",
                pr.line,
                why.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} probes failed:\n{}",
        failures.len(),
        probes.len(),
        failures.join("\n")
    );
}
