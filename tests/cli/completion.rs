//! Tests: completion of names from the state, through the generated bash script and through
//! `scsim __complete` for every personality.

use crate::harness::TestCluster;

fn cluster() -> TestCluster {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -g WEB-RG -h mail-2
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1",
    );
    t
}

/// Candidates of `scsim __complete` for the last word of `line`.
fn complete(t: &TestCluster, line: &str) -> Vec<String> {
    let mut words = crate::harness::split_words(line);
    if line.ends_with(' ') {
        words.push(String::new());
    }
    let name = words[0].clone();
    let index = (words.len() - 1).to_string();
    let mut args = vec!["__complete", &name, &index, "--"];
    args.extend(words.iter().map(String::as_str));
    let out = t.run("scsim", &args);
    out.ok();
    out.stdout.lines().map(str::to_string).collect()
}

#[test]
fn every_personality_completes_names_from_the_state() {
    let t = cluster();
    assert_eq!(complete(&t, "scrgadm -c -g "), ["MAIL-RG", "WEB-RG"]);
    assert_eq!(complete(&t, "scswitch -e -j d"), ["disk-rs"]);
    assert_eq!(
        complete(&t, "scswitch -z -g MAIL-RG -h mail-"),
        ["mail-1", "mail-2"]
    );
    assert_eq!(complete(&t, "scstat -h mail-"), ["mail-1", "mail-2"]);
    assert!(complete(&t, "scrgadm -a -t SUNW.HA").contains(&"SUNW.HAStoragePlus:4".to_string()));
    assert_eq!(
        complete(&t, "scrgadm -c -j disk-rs -x Filesystem"),
        ["FilesystemCheckCommand=", "FilesystemMountPoints="]
    );
    assert_eq!(complete(&t, "scrgadm -c -g MAIL-RG -y Fail"), ["Failback="]);
    assert_eq!(complete(&t, "scsim node down mail-"), ["mail-1", "mail-2"]);
    assert_eq!(
        complete(&t, "scsim simulate --node-down mail-2"),
        ["mail-2"]
    );
    assert_eq!(complete(&t, "scsim fault inject --resource "), ["disk-rs"]);
    assert_eq!(complete(&t, "scsim log --group W"), ["WEB-RG"]);
}

#[test]
fn without_a_state_options_still_complete_and_nothing_is_printed_on_stderr() {
    let t = TestCluster::empty();
    let out = t.run(
        "scsim",
        &["__complete", "scrgadm", "2", "--", "scrgadm", "-g", ""],
    );
    out.ok();
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "");
    assert!(complete(&t, "scstat -").contains(&"-g".to_string()));
}

#[test]
fn the_bash_script_completes_from_the_state() {
    let t = cluster();
    let script = t
        .run("scsim", &["completions", "bash", "--command", "scrgadm"])
        .stdout;
    std::fs::write(t.path().join("scrgadm.bash"), script).unwrap();
    // bash splits words at ':' as well; the candidates keep only what follows it.
    let body = r#"source ./scrgadm.bash
try() { COMP_LINE=$1; COMP_POINT=${#1}; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
        _scrgadm_complete; printf '%s\n' "${COMPREPLY[@]}" "--"; }
try 'scrgadm -c -g M' scrgadm -c -g M
try 'scrgadm -a -t SUNW.HAStoragePlus:' scrgadm -a -t SUNW.HAStoragePlus : ''"#;
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(body)
        .current_dir(t.path())
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", t.bin.display()))
        .env("SCSIM_STATE", &t.state)
        .output()
        .expect("bash");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "MAIL-RG\n--\n4\n--\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
