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

/// A 3.2 cluster (both command sets) with a group, a resource and a device group.
fn cluster_32() -> TestCluster {
    let t = TestCluster::init_with(
        "mail-1,mail-2",
        &["--release", "3.2", "--device-group", "dg1"],
    );
    t.script(
        "clrt register SUNW.HAStoragePlus
         clrg create -n mail-1,mail-2 MAIL-RG
         clrs create -g MAIL-RG -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/mail1 disk-rs",
    );
    t
}

#[test]
fn object_cli_verbs_complete_their_options_and_operands_from_the_state() {
    let t = cluster_32();
    assert_eq!(complete(&t, "clrg online -n mail-"), ["mail-1", "mail-2"]);
    assert_eq!(complete(&t, "clrg switch -n mail-2 M"), ["MAIL-RG"]);
    assert_eq!(complete(&t, "clresourcegroup set -p Fail"), ["Failback="]);
    assert_eq!(complete(&t, "clrs disable -n mail-1 d"), ["disk-rs"]);
    assert_eq!(complete(&t, "clrs create -g M"), ["MAIL-RG"]);
    assert!(
        complete(&t, "clrs create -g MAIL-RG -t SUNW.HA")
            .contains(&"SUNW.HAStoragePlus:6".to_string())
    );
    assert_eq!(
        complete(
            &t,
            "clrs create -g MAIL-RG -t SUNW.HAStoragePlus -p FilesystemM"
        ),
        ["FilesystemMountPoints="]
    );
    assert_eq!(
        complete(&t, "clrs list -t SUNW.HAStorageP"),
        ["SUNW.HAStoragePlus:6"]
    );
    assert_eq!(complete(&t, "clrt register SUNW.gd"), ["SUNW.gds"]);
    assert_eq!(complete(&t, "clnode status mail-"), ["mail-1", "mail-2"]);
    assert_eq!(complete(&t, "cldg switch -n mail-1 d"), ["dg1"]);
    assert!(
        complete(&t, "clrg create -n mail-1 ")
            .iter()
            .all(|c| c.starts_with('-'))
    );
}

/// The property names of `clrs set -p NAME … RESOURCE`: the resource may come after the word.
#[test]
fn a_resource_named_anywhere_gives_the_properties_of_its_type() {
    let t = cluster_32();
    let out = t.run(
        "scsim",
        &[
            "__complete",
            "clrs",
            "3",
            "--",
            "clrs",
            "set",
            "-p",
            "Filesystem",
            "disk-rs",
        ],
    );
    out.ok();
    assert_eq!(
        out.stdout, "FilesystemCheckCommand=\nFilesystemMountPoints=\n",
        "{out}"
    );
}

/// A PER_NODE extension property completes as `NAME=` and, from 3.2 on, `NAME{node}=` for
/// each node.
#[test]
fn per_node_properties_complete_with_each_node() {
    const RTR: &str = r#"
Resource_type = "lsnr";
Vendor_id = ACME;
RT_version = "1.0";
Failover = FALSE;
RT_basedir = /opt/ACMElsnr/bin;
Start = lsnr_start;
Stop = lsnr_stop;
{ PROPERTY = Listener_name; EXTENSION; STRING; DEFAULT = "L"; PER_NODE; TUNABLE = ANYTIME; }
{ PROPERTY = Listen_port; EXTENSION; INT; DEFAULT = 1521; TUNABLE = ANYTIME; }
"#;
    for (release, per_node) in [("3.2", true), ("3.1", false)] {
        let t = TestCluster::init_with("mail-1,mail-2", &["--release", release]);
        let rtr = t.path().join("ACME.lsnr");
        std::fs::write(&rtr, RTR).unwrap();
        t.sh(&format!("scrgadm -a -t ACME.lsnr -f {}", rtr.display()))
            .ok();
        let got = complete(&t, "scrgadm -a -j l -g G -t ACME.lsnr -x Listen");
        // In the order the type declares them.
        let mut want = vec!["Listener_name="];
        if per_node {
            want.extend(["Listener_name{mail-1}=", "Listener_name{mail-2}="]);
        }
        want.push("Listen_port=");
        assert_eq!(got, want, "{release}");
    }
}

#[test]
fn scha_commands_complete_optags_in_any_case_and_names() {
    let t = cluster_32();
    assert_eq!(
        complete(&t, "scha_resourcegroup_get -O rg_st"),
        ["RG_STATE", "RG_STATE_NODE"]
    );
    assert_eq!(complete(&t, "scha_control -O GIVE"), ["GIVEOVER"]);
    assert_eq!(
        complete(&t, "scha_resource_get -O STATUS -R d"),
        ["disk-rs"]
    );
    assert_eq!(
        complete(&t, "scha_resource_get -O STATUS -G M"),
        ["MAIL-RG"]
    );
    assert_eq!(
        complete(
            &t,
            "scha_resourcetype_get -O API_VERSION -T SUNW.HAStorageP"
        ),
        ["SUNW.HAStoragePlus:6"]
    );
}

#[test]
fn scsim_on_completes_the_node_then_the_command_then_its_arguments() {
    let t = cluster_32();
    assert_eq!(complete(&t, "scsim on mail-"), ["mail-1", "mail-2"]);
    assert_eq!(
        complete(&t, "scsim on mail-2 -- scs"),
        ["scswitch", "scstat"]
    );
    assert_eq!(
        complete(&t, "scsim on mail-2 clrs"),
        ["clrs", "clrslh", "clrssa"]
    );
    assert_eq!(
        complete(&t, "scsim on mail-2 -- scswitch -z -g MAIL-RG -h mail-"),
        ["mail-1", "mail-2"]
    );
    assert_eq!(complete(&t, "scsim on 2 -- clrg online M"), ["MAIL-RG"]);
    assert_eq!(
        complete(&t, "scsim --state cluster.json on mail-"),
        ["mail-1", "mail-2"]
    );
    assert_eq!(complete(&t, "scsim scrgadm -c -g M"), ["MAIL-RG"]);
    assert_eq!(
        complete(&t, "scsim on mail-1 -- nosuch -"),
        [] as [String; 0]
    );
    t.script("scsim node down mail-1");
    assert_eq!(
        complete(&t, "scsim on mail-"),
        ["mail-2"],
        "a down node runs nothing"
    );
}

/// What a user gets in bash: `scsim on NODE -- CMD ARGS<TAB>` through the committed script.
#[test]
fn the_bash_script_of_scsim_completes_scsim_on() {
    let t = cluster_32();
    let script = t
        .run("scsim", &["completions", "bash", "--command", "scsim"])
        .stdout;
    std::fs::write(t.path().join("scsim.bash"), script).unwrap();
    let body = r#"source ./scsim.bash
try() { COMP_LINE=$1; COMP_POINT=${#1}; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
        _scsim_complete; printf '%s\n' "${COMPREPLY[@]}" "--"; }
try 'scsim on mail-' scsim on mail-
try 'scsim on mail-1 -- clrg sw' scsim on mail-1 -- clrg sw
try 'scsim on mail-1 -- clrg switch -n mail-2 M' scsim on mail-1 -- clrg switch -n mail-2 M"#;
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
        "mail-1\nmail-2\n--\nswitch\n--\nMAIL-RG\n--\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The optags offered are those of the cluster's release (3.2 brought RESOURCE_DISABLE and
/// the RG_SLM_* optags).
#[test]
fn optags_follow_the_release() {
    let old = cluster();
    assert_eq!(
        complete(&old, "scha_control -O RESOURCE_"),
        ["RESOURCE_IS_RESTARTED", "RESOURCE_RESTART"]
    );
    assert_eq!(
        complete(&old, "scha_resourcegroup_get -O RG_S"),
        ["RG_STATE", "RG_STATE_NODE", "RG_SYSTEM"]
    );
    let new = cluster_32();
    assert_eq!(
        complete(&new, "scha_control -O RESOURCE_"),
        [
            "RESOURCE_DISABLE",
            "RESOURCE_IS_RESTARTED",
            "RESOURCE_RESTART"
        ]
    );
    assert!(complete(&new, "scha_resourcegroup_get -O RG_S").contains(&"RG_SLM_TYPE".to_string()));
}
