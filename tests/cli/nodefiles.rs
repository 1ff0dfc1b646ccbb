//! Tests: the nodes' system files (node roots, /etc/hosts, /etc/vfstab, shared storage that
//! follows its HAStoragePlus resource), the agents that read them, and the Messaging Server
//! tools run on a node with their dialogues on stdin.

use crate::harness::{Output, TestCluster};
use std::path::{Path, PathBuf};

const MSG: &str = "/opt/SUNWmsgsr";

/// Every file under `dir` with its content (links as `-> target`), for "nothing changed".
fn tree(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            let m = p.symlink_metadata().unwrap();
            if m.file_type().is_symlink() {
                out.push((
                    p.clone(),
                    format!("-> {}", std::fs::read_link(&p).unwrap().display()),
                ));
            } else if m.is_dir() {
                out.push((p.clone(), "/".into()));
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

fn files_dir(t: &TestCluster) -> PathBuf {
    t.path().join("cluster.files")
}

fn on(t: &TestCluster, node: &str, cmd: &str, args: &[&str], input: &str) -> Output {
    let path = format!("{MSG}/sbin/{cmd}");
    let mut all = vec!["on", node, "--", path.as_str()];
    all.extend_from_slice(args);
    t.run_stdin("scsim", &all, input)
}

/// Steps 0–5b of the seed with cluster file systems from init, the Messaging Server
/// installed on both nodes (not configured).
fn seed_cluster() -> TestCluster {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --host budgie=192.0.2.10 --filesystem /global/mail1 --filesystem /global/mail2")
        .ok();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scswitch -Z -g MAIL-RG
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scswitch -e -j disk-rs
         scsim install messaging-server --nodes mail-1,mail-2",
    );
    t
}

/// The seed cluster with the Messaging Server configured on the shared disk from mail-1.
fn configured() -> TestCluster {
    let t = seed_cluster();
    on(
        &t,
        "mail-1",
        "configure",
        &[],
        "/global/mail1/msg\n\n\n\n\n",
    )
    .ok();
    t
}

fn settings_file(t: &TestCluster) -> String {
    let dir = files_dir(t).join("shared/global/mail1/msg/setup");
    let name = std::fs::read_dir(dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    format!("/global/mail1/msg/setup/{}", name.to_string_lossy())
}

fn is_mounted(t: &TestCluster, node: &str, mp: &str) -> bool {
    t.root(node)
        .join(mp.trim_start_matches('/'))
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn init_writes_hosts_and_vfstab_on_every_node() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --host budgie=192.0.2.10 --filesystem /global/mail1")
        .ok();
    let out = t.run("scsim", &["node", "root", "mail-2"]);
    out.ok();
    assert_eq!(out.stdout.trim(), "[TMP]/cluster.files/nodes/mail-2");
    assert_eq!(t.run("scsim", &["node", "root", "2"]).stdout, out.stdout);
    for n in ["mail-1", "mail-2"] {
        let hosts = std::fs::read_to_string(t.root(n).join("etc/hosts")).unwrap();
        assert!(hosts.contains("192.0.2.10\tbudgie\n"), "{hosts}");
        assert!(hosts.contains("198.51.100.2\tmail-2\n"), "{hosts}");
        let vfstab = std::fs::read_to_string(t.root(n).join("etc/vfstab")).unwrap();
        assert!(
            vfstab.contains("/dev/md/sc-ds/dsk/d100\t/dev/md/sc-ds/rdsk/d100\t/global/mail1\tufs\t2\tno\tlogging\n"),
            "{vfstab}"
        );
        // Not mounted anywhere yet: an empty mount-point directory.
        assert!(t.root(n).join("global/mail1").is_dir());
        assert!(!is_mounted(&t, n, "/global/mail1"));
    }
    let out = t.run("scsim", &["node", "root", "mail-9"]);
    out.expect_code(11);
}

#[test]
fn init_refuses_bad_hosts_and_filesystems() {
    for (arg, needle) in [
        ("--host budgie", "NAME=IP"),
        ("--host budgie=192.0.2.300", "not an IP address"),
        ("--host bad_name=192.0.2.1", "not a host name"),
        ("--host mail-1=192.0.2.1", "given twice"),
        ("--filesystem global/mail1", "absolute path"),
        ("--filesystem /a --filesystem /a/", "given twice"),
    ] {
        let t = TestCluster::empty();
        let out = t.sh(&format!("scsim init --nodes mail-1,mail-2 {arg}"));
        out.expect_code(3);
        assert!(out.stderr.contains(needle), "{arg}: {out}");
        assert!(!t.state.exists(), "{arg}: state written");
        assert!(!files_dir(&t).exists(), "{arg}: node files written");
    }
}

#[test]
fn logical_host_must_resolve_on_every_node() {
    let t = TestCluster::bare("mail-1,mail-2");
    t.script("scrgadm -a -g MAIL-RG -h mail-1,mail-2");
    let out = t.fails_unchanged("scrgadm -a -L -g MAIL-RG -l budgie", 10);
    assert!(
        out.stderr.contains("VALIDATE method of resource budgie failed on node mail-1: host name budgie does not resolve: no entry in /etc/hosts"),
        "{out}"
    );
    assert!(
        out.stderr.contains("scsim init --host budgie=ADDRESS"),
        "{out}"
    );
    // In mail-1's hosts only: mail-2 is named.
    let hosts = t.root("mail-1").join("etc/hosts");
    let mut text = std::fs::read_to_string(&hosts).unwrap();
    text.push_str("192.0.2.10 budgie budgie.example.com\n");
    std::fs::write(&hosts, text).unwrap();
    let out = t.fails_unchanged("scrgadm -a -L -g MAIL-RG -l budgie", 10);
    assert!(
        out.stderr
            .contains("failed on node mail-2: host name budgie"),
        "{out}"
    );
    // An address needs no name service; a shared address is checked the same way.
    t.script("scrgadm -a -L -g MAIL-RG -j ip-rs -l 192.0.2.20");
    let out = t.fails_unchanged(
        "scrgadm -a -S -g MAIL-RG -j sa-rs -l budgie.example.com",
        10,
    );
    assert!(
        out.stderr
            .contains("node mail-2: host name budgie.example.com"),
        "{out}"
    );
}

#[test]
fn hastorageplus_reads_vfstab() {
    let t = TestCluster::bare("mail-1,mail-2");
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h mail-1,mail-2",
    );
    let line = "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1";
    let out = t.fails_unchanged(line, 10);
    assert!(
        out.stderr.contains("failed on node mail-1: FilesystemMountPoints entry /global/mail1 has no line in /etc/vfstab"),
        "{out}"
    );
    let vfstab = |n: &str, entry: &str| {
        let p = t.root(n).join("etc/vfstab");
        let mut text = std::fs::read_to_string(&p).unwrap();
        text.push_str(entry);
        std::fs::write(&p, text).unwrap();
    };
    vfstab(
        "mail-1",
        "/dev/md/ds/dsk/d100 /dev/md/ds/rdsk/d100 /global/mail1 ufs 2 no logging\n",
    );
    let out = t.fails_unchanged(line, 10);
    assert!(out.stderr.contains("failed on node mail-2"), "{out}");
    // Mounted at boot: refused for a failover file system.
    vfstab(
        "mail-2",
        "/dev/md/ds/dsk/d100 /dev/md/ds/rdsk/d100 /global/mail1 ufs 2 yes logging\n",
    );
    let out = t.fails_unchanged(line, 10);
    assert!(
        out.stderr.contains(
            "node mail-2: /etc/vfstab mounts the failover file system /global/mail1 at boot"
        ),
        "{out}"
    );
    // A cluster file system (global) is only checked.
    let p = t.root("mail-2").join("etc/vfstab");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("yes logging", "yes logging,global");
    std::fs::write(&p, text).unwrap();
    t.script(line);
}

#[test]
fn ims_needs_the_server_installed_on_every_node() {
    let t = seed_cluster();
    // Installed on both: accepted. Under another base: refused naming the node.
    let out = t.fails_unchanged(
        "scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/other -y Resource_dependencies=disk-rs,budgie",
        10,
    );
    assert!(
        out.stderr.contains("failed on node mail-1: IMS_serverroot /opt/other is not an installed Messaging Server (it is installed in /opt/SUNWmsgsr there)"),
        "{out}"
    );
    assert!(
        out.stderr
            .contains("scsim install messaging-server --nodes mail-1,mail-2 --base /opt/other"),
        "{out}"
    );
    let out = t.fails_unchanged("scsim install messaging-server --nodes mail-2", 9);
    assert!(
        out.stderr.contains("already installed on node mail-2"),
        "{out}"
    );
    t.script("scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie");
}

#[test]
fn tools_run_only_where_installed() {
    let t = TestCluster::bare("mail-1,mail-2");
    t.sh("scsim install messaging-server --nodes mail-1").ok();
    let out = on(&t, "mail-2", "configutil", &[], "");
    out.expect_code(3);
    assert!(
        out.stderr
            .contains("/opt/SUNWmsgsr/sbin/configutil: not found on node mail-2"),
        "{out}"
    );
    let out = t.run("scsim", &["on", "mail-1", "--", "/usr/bin/configutil"]);
    out.expect_code(3);
    assert!(out.stderr.contains("not found on node mail-1"), "{out}");
    // Installed but not configured.
    let out = on(&t, "mail-1", "configutil", &[], "");
    out.expect_code(9);
    assert!(
        out.stderr
            .contains("cannot open /opt/SUNWmsgsr/config/msg.conf"),
        "{out}"
    );
    assert!(
        out.stderr
            .contains("run configure (first node) or useconfig"),
        "{out}"
    );
    assert!(
        t.root("mail-1")
            .join("opt/SUNWmsgsr/sbin/ha_ip_config")
            .is_file()
    );
    // Through a link with SCSIM_NODE.
    let out = t.run_env("configutil", &[], &[("SCSIM_NODE", "mail-2")]);
    out.expect_code(3);
    assert!(
        out.stderr.contains("configutil: not found on node mail-2"),
        "{out}"
    );
}

#[test]
fn configure_dialogue_defaults_re_asks_and_aborts() {
    let t = seed_cluster();
    let before = tree(&files_dir(&t));
    // Control-D at the third question: nothing written.
    let out = on(&t, "mail-1", "configure", &[], "/global/mail1/msg\n\n");
    out.expect_code(3);
    assert!(
        out.stderr
            .contains("configure: aborted (end of input); nothing was changed"),
        "{out}"
    );
    assert_eq!(tree(&files_dir(&t)), before);
    // A bad answer is asked again; RETURN takes the defaults (the node's own name).
    let out = on(
        &t,
        "mail-1",
        "configure",
        &[],
        "relative\n/global/mail1/msg\n\n\nroot\n\n\n",
    );
    out.ok();
    assert!(
        out.stdout.contains("\"relative\" is not an absolute path"),
        "{out}"
    );
    assert!(out.stdout.contains("must not run as root"), "{out}");
    assert!(
        out.stdout
            .contains("Fully qualified host name of the mail server [mail-1]: \n"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("Linking /opt/SUNWmsgsr/config -> /global/mail1/msg/config"),
        "{out}"
    );
    let shared = files_dir(&t).join("shared/global/mail1/msg");
    let imta = std::fs::read_to_string(shared.join("config/imta.cnf")).unwrap();
    assert!(imta.contains("\nmail-1\n"), "{imta}");
    for f in [
        "config/msg.conf",
        "config/dispatcher.cnf",
        "config/job_controller.cnf",
        "log/default",
    ] {
        assert!(shared.join(f).is_file(), "{f}");
    }
    assert!(settings_file(&t).contains("/setup/configure_20261124090000"));
    // The link is readable with ordinary tools through the node root.
    let via_root =
        std::fs::read_to_string(t.root("mail-1").join("opt/SUNWmsgsr/config/imta.cnf")).unwrap();
    assert_eq!(via_root, imta);
    // Configure again: refused, nothing changed.
    let before = tree(&files_dir(&t));
    let out = on(&t, "mail-1", "configure", &[], "\n\n\n\n\n");
    out.expect_code(9);
    assert!(out.stderr.contains("configured already"), "{out}");
    assert_eq!(tree(&files_dir(&t)), before);
    // On mail-2, onto the configuration made there: refused, pointing at useconfig.
    let out = on(
        &t,
        "mail-2",
        "configure",
        &[],
        "/global/mail1/msg\n\n\n\n\n",
    );
    assert_ne!(out.code, 0, "{out}");
}

#[test]
fn configure_refuses_a_disk_mounted_elsewhere() {
    let t = seed_cluster();
    let out = on(
        &t,
        "mail-2",
        "configure",
        &[],
        "/global/mail1/msg\n\n\n\n\n",
    );
    out.expect_code(9);
    assert!(
        out.stderr.contains(
            "the file system /global/mail1 is not mounted on node mail-2; it is mounted on mail-1"
        ),
        "{out}"
    );
    assert!(!files_dir(&t).join("shared/global/mail1/msg").exists());
    // The hint names the group to switch, in the command set of the cluster's release.
    assert!(
        out.stderr
            .contains("switch the group here: scswitch -z -g MAIL-RG -h mail-2"),
        "{out}"
    );
    let t = TestCluster::empty();
    t.sh("scsim init --release 4.4 --nodes mail-1,mail-2 --host budgie=192.0.2.10 --filesystem /global/mail1")
        .ok();
    t.script(
        "clrt register SUNW.HAStoragePlus
         clrg create -n mail-1,mail-2 MAIL-RG
         clrs create -g MAIL-RG -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/mail1 disk-rs
         clrg online -eM MAIL-RG
         scsim install messaging-server --nodes mail-1,mail-2",
    );
    let out = on(
        &t,
        "mail-2",
        "configure",
        &[],
        "/global/mail1/msg\n\n\n\n\n",
    );
    out.expect_code(9);
    assert!(
        out.stderr
            .contains("switch the group here: clrg switch -n mail-2 MAIL-RG"),
        "{out}"
    );
}

#[test]
fn configutil_lists_gets_and_sets() {
    let t = configured();
    let get = |name: &str| on(&t, "mail-1", "configutil", &["-o", name], "");
    assert_eq!(get("local.autorestart").stdout, "no\n");
    let out = on(
        &t,
        "mail-1",
        "configutil",
        &["-o", "local.autorestart", "-v", "1"],
        "",
    );
    out.ok();
    assert_eq!(out.stdout, "");
    assert_eq!(get("local.autorestart").stdout, "1\n");
    // Persisted on the shared disk, visible from mail-2 once it uses the configuration.
    let conf =
        std::fs::read_to_string(files_dir(&t).join("shared/global/mail1/msg/config/msg.conf"))
            .unwrap();
    assert!(conf.contains("\nlocal.autorestart = 1\n"), "{conf}");
    let out = on(&t, "mail-1", "configutil", &["-p", "local.watcher"], "");
    assert_eq!(
        out.stdout,
        "local.watcher.enable = yes\nlocal.watcher.port = 49994\n"
    );
    let all = on(&t, "mail-1", "configutil", &[], "");
    assert!(
        all.stdout
            .contains("local.schedule.msprobe = \"5,15,25,35,45,55 * * * * lib/msprobe\"\n"),
        "{all}"
    );
    // Unset: an error with did-you-mean; the guide's misspelling is stored with a warning.
    let out = get("local.auto.restart");
    out.expect_code(3);
    assert!(
        out.stderr.contains("option local.auto.restart is not set"),
        "{out}"
    );
    assert!(
        out.stderr.contains("did you mean local.autorestart?"),
        "{out}"
    );
    let out = on(
        &t,
        "mail-1",
        "configutil",
        &["-o", "local.auto.restart", "-v", "1"],
        "",
    );
    out.ok();
    assert!(
        out.stderr
            .contains("warning: local.auto.restart is not a parameter the Messaging Server reads"),
        "{out}"
    );
    assert!(
        out.stderr.contains("did you mean local.autorestart?"),
        "{out}"
    );
    let out = on(&t, "mail-1", "configutil", &["-v", "1"], "");
    out.expect_code(3);
}

#[test]
fn ha_ip_config_dialogue_and_idempotence() {
    let t = configured();
    let before = tree(&files_dir(&t));
    // Control-D at the confirmation: nothing written.
    let out = on(&t, "mail-1", "ha_ip_config", &[], "192.0.2.10\n\n");
    out.expect_code(3);
    assert_eq!(tree(&files_dir(&t)), before);
    // A bad address and a bad base are asked again; "yes" starts over.
    let out = on(
        &t,
        "mail-1",
        "ha_ip_config",
        &[],
        "budgie\n192.0.2.99\n/opt/nothing\n\nyes\n192.0.2.10\n\nno\n",
    );
    out.ok();
    assert!(
        out.stdout
            .contains("\"budgie\" is not an IP address in dotted decimal form"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("/opt/nothing is not a configured Messaging Server base"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("Messaging Server Base (msg_svr_base) [/opt/SUNWmsgsr]: \n"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("Updating the file /opt/SUNWmsgsr/config/dispatcher.cnf"),
        "{out}"
    );
    assert!(
        out.stdout.ends_with("Configuration successfully updated\n"),
        "{out}"
    );
    let cfg = files_dir(&t).join("shared/global/mail1/msg/config");
    let dispatcher = std::fs::read_to_string(cfg.join("dispatcher.cnf")).unwrap();
    assert_eq!(
        dispatcher
            .matches("\nINTERFACE_ADDRESS=192.0.2.10\n")
            .count(),
        2,
        "{dispatcher}"
    );
    assert!(!dispatcher.contains("192.0.2.99"));
    let jc = std::fs::read_to_string(cfg.join("job_controller.cnf")).unwrap();
    assert!(jc.find("INTERFACE_ADDRESS=192.0.2.10").unwrap() < jc.find("[POOL=DEFAULT]").unwrap());
    let pre = std::fs::read_to_string(cfg.join("dispatcher.cnf.pre-ha")).unwrap();
    assert!(!pre.contains("\nINTERFACE_ADDRESS="), "{pre}");
    for (k, v) in [
        ("service.listenaddr", "192.0.2.10"),
        ("service.http.smtphost", "192.0.2.10"),
        ("local.watcher.enable", "1"),
        ("local.autorestart", "1"),
    ] {
        assert_eq!(
            on(&t, "mail-1", "configutil", &["-o", k], "").stdout,
            format!("{v}\n"),
            "{k}"
        );
    }
    // A second run changes nothing, and keeps the first originals.
    let before = tree(&files_dir(&t));
    let out = on(&t, "mail-1", "ha_ip_config", &[], "192.0.2.10\n\n\n");
    out.ok();
    assert!(
        out.stdout
            .contains("already has INTERFACE_ADDRESS=192.0.2.10"),
        "{out}"
    );
    assert!(
        out.stdout.ends_with(
            "Nothing to change: the configuration is already set up for this logical IP address\n"
        ),
        "{out}"
    );
    assert_eq!(tree(&files_dir(&t)), before);
    // Another address replaces the lines; the .pre-ha files stay the first originals.
    on(&t, "mail-1", "ha_ip_config", &[], "192.0.2.11\n\n\n").ok();
    let dispatcher = std::fs::read_to_string(cfg.join("dispatcher.cnf")).unwrap();
    assert_eq!(
        dispatcher
            .matches("\nINTERFACE_ADDRESS=192.0.2.11\n")
            .count(),
        2
    );
    assert!(!dispatcher.contains("192.0.2.10"));
    assert_eq!(
        std::fs::read_to_string(cfg.join("dispatcher.cnf.pre-ha")).unwrap(),
        pre
    );
}

#[test]
fn storage_moves_with_the_group() {
    let t = configured();
    assert!(is_mounted(&t, "mail-1", "/global/mail1"));
    assert!(!is_mounted(&t, "mail-2", "/global/mail1"));
    t.script("scswitch -z -g MAIL-RG -h mail-2");
    assert!(!is_mounted(&t, "mail-1", "/global/mail1"));
    assert!(is_mounted(&t, "mail-2", "/global/mail1"));
    assert!(
        t.root("mail-2")
            .join("global/mail1/msg/config/msg.conf")
            .is_file()
    );
    assert!(!t.root("mail-1").join("global/mail1/msg").exists());
    t.sh("scsim node down mail-2").ok();
    assert!(is_mounted(&t, "mail-1", "/global/mail1"));
    assert!(!is_mounted(&t, "mail-2", "/global/mail1"));
    // A view damaged by hand (or a crash between the writes) is repaired by the next command.
    let link = t.root("mail-1").join("global/mail1");
    std::fs::remove_file(&link).unwrap();
    std::fs::create_dir(&link).unwrap();
    t.script("scswitch -n -j disk-rs");
    t.script("scswitch -e -j disk-rs");
    assert!(is_mounted(&t, "mail-1", "/global/mail1"));
}

#[test]
fn ims_start_reads_the_configuration_and_useconfig_fixes_it() {
    let t = configured();
    on(&t, "mail-1", "ha_ip_config", &[], "192.0.2.10\n\n\n").ok();
    t.script(
        "scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
         scswitch -e -j mail-rs",
    );
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    let log =
        std::fs::read_to_string(files_dir(&t).join("shared/global/mail1/msg/log/default")).unwrap();
    assert!(log.contains(" mail-1 watcher["), "{log}");
    assert!(
        log.contains("General Notice: watcher started in HA mode (local.autorestart on)"),
        "{log}"
    );
    // mail-2 has not run useconfig: Start fails there and the group stays on mail-1.
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    assert_ne!(out.code, 0, "{out}");
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    let events = t.run("scsim", &["log", "--resource", "mail-rs"]).stdout;
    assert!(
        events.contains("SC[SUNW.ims,MAIL-RG,mail-rs,ims_svc_start]: [ID 500311 daemon.error] start-msg ha failed: /opt/SUNWmsgsr/config does not exist on mail-2"),
        "{events}"
    );
    // useconfig needs the shared disk mounted on mail-2.
    let settings = settings_file(&t);
    let out = on(&t, "mail-2", "useconfig", &[&settings], "");
    out.expect_code(9);
    assert!(out.stderr.contains("not mounted on node mail-2"), "{out}");
    t.script(
        "scswitch -n -j mail-rs
         scswitch -z -g MAIL-RG -h mail-2",
    );
    let out = on(&t, "mail-2", "useconfig", &[&settings], "");
    out.ok();
    assert!(
        out.stdout
            .contains("Linking /opt/SUNWmsgsr/config -> /global/mail1/msg/config"),
        "{out}"
    );
    let again = on(&t, "mail-2", "useconfig", &[&settings], "");
    again.ok();
    assert!(again.stdout.contains("nothing to change"), "{again}");
    assert_eq!(
        on(
            &t,
            "mail-2",
            "configutil",
            &["-o", "service.listenaddr"],
            ""
        )
        .stdout,
        "192.0.2.10\n"
    );
    // imta.cnf still names mail-1 (step 9 skipped): a warning when it starts on mail-2.
    t.script("scswitch -e -j mail-rs");
    assert_eq!(t.r_state("mail-rs", "mail-2"), "Online");
    let events = t.run("scsim", &["log", "--resource", "mail-rs"]).stdout;
    assert!(
        events.contains("imta.cnf still names the physical host mail-1 while running on mail-2"),
        "{events}"
    );
}

#[test]
fn ims_start_fails_without_the_disk() {
    let t = configured();
    // A resource that does not depend on the storage resource, whose disk is offline.
    t.script(
        "scswitch -n -j disk-rs
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=budgie",
    );
    let out = t.sh("scswitch -e -j mail-rs");
    assert_ne!(out.code, 0, "{out}");
    let events = t.run("scsim", &["log", "--resource", "mail-rs"]).stdout;
    assert!(
        events.contains("cannot reach the configuration /global/mail1/msg/config on mail-1: the file system /global/mail1 is not mounted there"),
        "{events}"
    );
}

#[test]
fn start_and_stop_msg_by_hand_log_in_the_server_format() {
    let t = configured();
    let out = on(&t, "mail-1", "start-msg", &[], "");
    out.ok();
    assert!(out.stdout.starts_with("Launching watcher ... "), "{out}");
    assert!(out.stdout.contains("Starting imap server .... "), "{out}");
    let out = on(&t, "mail-1", "stop-msg", &["ha"], "");
    out.ok();
    assert!(
        out.stdout.ends_with("Shutting down watcher ... done\n"),
        "{out}"
    );
    let out = on(&t, "mail-1", "start-msg", &["imapd"], "");
    out.expect_code(3);
    assert!(out.stderr.contains("did you mean imap?"), "{out}");
    let log =
        std::fs::read_to_string(t.root("mail-1").join("opt/SUNWmsgsr/data/log/default")).unwrap();
    assert!(
        log.contains("24/Nov/2026:09:00:00 +0000 mail-1 imap["),
        "{log}"
    );
    assert!(log.contains("General Notice: watcher shut down"), "{log}");
}

#[test]
fn a_state_from_before_node_files_gets_the_entries_it_needs() {
    let t = TestCluster::init("mail-1,mail-2");
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1",
    );
    std::fs::remove_dir_all(files_dir(&t)).unwrap();
    // Read-only commands work and write nothing.
    t.run("scstat", &["-g"]).ok();
    assert!(!files_dir(&t).exists());
    // The first changing command writes them, with a note.
    t.script("scswitch -Z -g MAIL-RG");
    let hosts = std::fs::read_to_string(t.root("mail-2").join("etc/hosts")).unwrap();
    assert!(
        hosts.contains("written by scsim for a cluster created before node files existed"),
        "{hosts}"
    );
    assert!(hosts.contains("192.0.2.100\tbudgie\n"), "{hosts}");
    let vfstab = std::fs::read_to_string(t.root("mail-2").join("etc/vfstab")).unwrap();
    assert!(
        vfstab.contains("\t/global/mail1\tufs\t2\tno\tlogging\n"),
        "{vfstab}"
    );
    assert!(is_mounted(&t, "mail-1", "/global/mail1"));
    // Their resources still pass their checks.
    t.script("scrgadm -c -j budgie -y R_description=logical");
}

#[test]
fn the_watcher_follows_autorestart() {
    // Local configurations on both nodes (the harness's fixture cluster).
    let t = TestCluster::init("mail-1,mail-2");
    t.script(
        "scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=budgie
         scswitch -Z -g MAIL-RG",
    );
    let log =
        || std::fs::read_to_string(t.root("mail-1").join("var/opt/SUNWmsgsr/log/default")).unwrap();
    // configure leaves local.autorestart off: the failure is only logged (and the start warned).
    let events = t.run("scsim", &["log", "--resource", "mail-rs"]).stdout;
    assert!(
        events.contains("local.watcher.enable and local.autorestart must be on under Sun Cluster"),
        "{events}"
    );
    let out = t.sh("scsim fault inject --resource mail-rs --server imap");
    out.ok();
    assert_eq!(
        out.stdout,
        "mail-1: imap failed; the watcher logged it (local.autorestart is off: not restarted)\n"
    );
    assert!(
        log().contains("watcher[") && log().contains("General Error: imap (pid"),
        "{}",
        log()
    );
    on(
        &t,
        "mail-1",
        "configutil",
        &["-o", "local.autorestart", "-v", "1"],
        "",
    )
    .ok();
    let out = t.sh("scsim fault inject --resource mail-rs --server imap --times 2");
    out.ok();
    assert!(
        out.stdout.contains("restarted it (1 of 2 within 600 s)"),
        "{out}"
    );
    assert!(
        out.stdout.contains("restarted it (2 of 2 within 600 s)"),
        "{out}"
    );
    assert_eq!(t.r_state("mail-rs", "mail-1"), "Online");
    // A third failure within the window: the watcher gives up and exits; the RGM reacts.
    let out = t.sh("scsim fault inject --resource mail-rs --server imap");
    out.ok();
    assert!(
        out.stdout.starts_with(
            "mail-1: imap failed more than twice within 600 s; the watcher gave up and exited\n"
        ),
        "{out}"
    );
    assert!(
        log().contains(
            "General Critical: imap failed more than twice within 600 seconds; giving up"
        ),
        "{}",
        log()
    );
    // Where it runs now, a failure starts a new count (mail-1) or is only logged (mail-2's
    // own local configuration keeps autorestart off).
    let expected = if t.r_state("mail-rs", "mail-1") == "Online" {
        "mail-1: imap failed; the watcher restarted it (1 of 2 within 600 s)\n"
    } else {
        "mail-2: imap failed; the watcher logged it (local.autorestart is off: not restarted)\n"
    };
    t.sh("scsim time advance 11m").ok();
    let out = t.sh("scsim fault inject --resource mail-rs --server imap");
    out.ok();
    assert_eq!(out.stdout, expected);
    let out = t.sh("scsim fault inject --resource mail-rs --server imapd");
    out.expect_code(3);
    assert!(out.stderr.contains("did you mean imap?"), "{out}");
    let out = t.sh("scsim fault inject --resource budgie --server imap");
    out.expect_code(3);
}

#[test]
fn a_node_added_to_the_nodelist_needs_the_files_too() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2,mail-3 --host budgie=192.0.2.10 --filesystem /global/mail1")
        .ok();
    t.sh("scsim install messaging-server --nodes mail-1,mail-2")
        .ok();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         scrgadm -a -j mail-rs -g MAIL-RG -t SUNW.ims -x IMS_serverroot=/opt/SUNWmsgsr
         scrgadm -c -j budgie -x NetIfList=ipmp0@1,ipmp0@2,ipmp0@3",
    );
    let out = t.fails_unchanged("scrgadm -c -g MAIL-RG -h mail-1,mail-2,mail-3", 10);
    assert!(
        out.stderr.contains("VALIDATE method of resource mail-rs failed on node mail-3: IMS_serverroot /opt/SUNWmsgsr is not an installed Messaging Server"),
        "{out}"
    );
    t.sh("scsim install messaging-server --nodes mail-3").ok();
    // Without budgie in mail-3's /etc/hosts, the logical host refuses it.
    let hosts = t.root("mail-3").join("etc/hosts");
    let text = std::fs::read_to_string(&hosts)
        .unwrap()
        .replace("budgie", "other");
    std::fs::write(&hosts, text).unwrap();
    let out = t.fails_unchanged("scrgadm -c -g MAIL-RG -h mail-1,mail-2,mail-3", 10);
    assert!(
        out.stderr
            .contains("resource budgie failed on node mail-3: host name budgie"),
        "{out}"
    );
    let text = std::fs::read_to_string(&hosts)
        .unwrap()
        .replace("other", "budgie");
    std::fs::write(&hosts, text).unwrap();
    t.script("scrgadm -c -g MAIL-RG -h mail-1,mail-2,mail-3");
}
