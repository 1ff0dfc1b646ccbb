//! Tests: the node a command runs on (`scsim on NODE`, `SCSIM_NODE`).

use crate::harness::TestCluster;

#[test]
fn on_node_runs_the_command_by_name_or_path() {
    let t = TestCluster::two_node();
    let direct = t.run("scstat", &["-n"]);
    direct.ok();
    let on = t.run("scsim", &["on", "mail-2", "--", "scstat", "-n"]);
    on.ok();
    assert_eq!(on.stdout, direct.stdout);
    // A node id and a full path name the same thing.
    let by_path = t.run("scsim", &["on", "2", "/usr/cluster/bin/scstat", "-n"]);
    by_path.ok();
    assert_eq!(by_path.stdout, direct.stdout);
    // A changing command goes through as well.
    t.run(
        "scsim",
        &[
            "on",
            "mail-1",
            "scrgadm",
            "-a",
            "-g",
            "RG1",
            "-h",
            "mail-1,mail-2",
        ],
    )
    .ok();
    assert_eq!(t.rg_state("RG1", "mail-1"), "Unmanaged");
}

#[test]
fn on_node_refuses_unknown_nodes_and_commands() {
    let t = TestCluster::two_node();
    let before = t.state_bytes();
    let out = t.run(
        "scsim",
        &[
            "on", "mail-3", "--", "scrgadm", "-a", "-g", "X", "-h", "mail-1",
        ],
    );
    out.expect_code(11);
    assert!(out.stderr.contains("mail-3 is not a cluster node"), "{out}");
    assert!(out.stderr.contains("mail-1 (1), mail-2 (2)"), "{out}");
    assert!(out.stdout.is_empty());
    let out = t.run("scsim", &["on", "mail-2", "--", "scrgdam", "-p"]);
    out.expect_code(3);
    assert!(out.stderr.contains("scrgdam is not a command"), "{out}");
    assert!(out.stderr.contains("scrgadm"), "{out}");
    let out = t.run("scsim", &["on", "mail-2"]);
    out.expect_code(3);
    assert_eq!(t.state_bytes(), before);
}
