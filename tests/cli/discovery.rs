//! Tests: the commands discovery tools and installers call (issue 10, item 17):
//! `scinstall -p[v]` and `scconf -p[v]`.

use crate::harness::TestCluster;

#[test]
fn scinstall_p_prints_the_release() {
    let t = TestCluster::two_node();
    let out = t.run("scinstall", &["-p"]);
    out.ok();
    assert_eq!(out.stdout, "3.1u4\n");
    let out = t.run("scinstall", &["-pv"]);
    out.ok();
    insta::assert_snapshot!("scinstall_pv", out.to_string());
    // Without a cluster (no state file) the node is not a cluster node: nonzero.
    let none = TestCluster::empty();
    let out = none.run("scinstall", &["-p"]);
    assert_ne!(out.code, 0, "{out}");
    assert_eq!(out.stdout, "");
    // Other forms are refused with a usage error that points at scsim init.
    let out = t.fails_unchanged("scinstall -i", 3);
    assert!(
        out.stderr.contains("scinstall -? lists the command forms"),
        "{out}"
    );
    let out = t.fails_unchanged("scinstall", 3);
    assert!(out.stderr.contains("scsim init"), "{out}");
}

#[test]
fn scconf_p_lists_the_configuration() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes phys-schost-1,phys-schost-2 --cluster-name cluster-1 --device-group dg-schost-1")
        .ok();
    let out = t.run("scconf", &["-p"]);
    out.ok();
    assert!(
        out.stdout
            .starts_with("Cluster name:                       cluster-1\n"),
        "{out}"
    );
    insta::assert_snapshot!("scconf_p", out.to_string());
    let v = t.run("scconf", &["-pv"]);
    v.ok();
    insta::assert_snapshot!("scconf_pv", v.to_string());
    assert_eq!(t.run("scconf", &["-pvv"]).stdout, v.stdout);
    // What discovery scripts match.
    for needle in [
        "Cluster nodes:                      phys-schost-1 phys-schost-2\n",
        "Cluster node name:                                 phys-schost-2\n",
        "  Quorum device hosts (enabled):                   phys-schost-1 phys-schost-2\n",
        "  Device group node list:                          phys-schost-1, phys-schost-2\n",
    ] {
        assert!(out.stdout.contains(needle), "{needle:?}\n{out}");
    }
    let out = t.fails_unchanged("scconf -a -q globaldev=d4", 3);
    assert!(out.stderr.contains("-a"), "{out}");
}
