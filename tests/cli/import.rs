//! Tests: `scsim import` of captured `scrgadm -pvv` and `scstat -g` output.

use crate::harness::TestCluster;

/// A production cluster; `app` is the line that adds `mail-rs` (of type SUNW.ims, or another).
fn production(app: &str) -> TestCluster {
    let t = TestCluster::two_node();
    t.script(&format!(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -t SUNW.gds
         scrgadm -a -g MAIL-RG -h mail-1,mail-2 -y Failback=TRUE
         scrgadm -a -g WEB-RG -h mail-2,mail-1 -y RG_affinities=-MAIL-RG
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         {app}
         scswitch -Z -g MAIL-RG
         scswitch -e -j disk-rs,mail-rs
         scswitch -n -M -j mail-rs"
    ));
    t
}

const IMS: &str = "scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie -y Retry_count=3";
/// A second storage resource in place of the Messaging Server, whose installation on the
/// nodes a capture does not carry.
const STORAGE: &str = "scrgadm -a -j mail-rs -t SUNW.HAStoragePlus -g MAIL-RG -x FilesystemMountPoints=/global/mail2 -y Resource_dependencies=disk-rs,budgie";

#[test]
fn importing_scsims_own_capture_gives_back_the_same_listing_and_status() {
    let prod = production(STORAGE);
    let pvv = prod.run("scrgadm", &["-pvv"]);
    let status = prod.run("scstat", &["-g"]);
    let dir = prod.path();
    std::fs::write(dir.join("prod.pvv"), &pvv.stdout).unwrap();
    std::fs::write(dir.join("prod.scstat"), &status.stdout).unwrap();
    let copy = dir.join("copy.json");
    let copy_s = copy.to_str().unwrap();
    let out = prod.run(
        "scsim",
        &[
            "--state",
            copy_s,
            "import",
            "--pvv",
            "prod.pvv",
            "--scstat",
            "prod.scstat",
        ],
    );
    insta::assert_snapshot!(out.to_string());
    let listing = prod.run("scsim", &["--state", copy_s, "scrgadm", "-pvv"]);
    assert_eq!(listing.stdout, pvv.stdout);
    let st = prod.run("scsim", &["--state", copy_s, "scstat", "-g"]);
    assert_eq!(st.stdout, status.stdout);
    // An existing file is not replaced without --force.
    let again = prod.run("scsim", &["--state", copy_s, "import", "--pvv", "prod.pvv"]);
    assert_eq!(again.code, 9, "{again}");
}

#[test]
fn unknown_types_are_registered_from_what_the_capture_shows() {
    let prod = production(IMS);
    let pvv = prod
        .run("scrgadm", &["-pvv"])
        .stdout
        .replace("SUNW.ims", "ACME.mail");
    std::fs::write(prod.path().join("acme.pvv"), &pvv).unwrap();
    let t = crate::harness::TestCluster::empty();
    std::fs::copy(prod.path().join("acme.pvv"), t.path().join("acme.pvv")).unwrap();
    let out = t.run("scsim", &["import", "--pvv", "acme.pvv"]);
    out.ok();
    assert!(
        out.stderr.contains("type ACME.mail is not one scsim ships"),
        "{out}"
    );
    assert!(
        out.stderr.contains("managed groups are left offline"),
        "{out}"
    );
    let listing = t.run("scrgadm", &["-pv", "-j", "mail-rs"]);
    listing.ok();
    assert!(listing.stdout.contains("ACME.mail"), "{listing}");
    let rs = t.run("scrgadm", &["-pvv", "-j", "mail-rs"]).stdout;
    assert!(
        rs.contains("IMS_serverroot) Res property value:       /opt/SUNWmsgsr"),
        "{rs}"
    );
    assert!(
        rs.contains("Retry_count) Res property value:       3"),
        "{rs}"
    );
}

#[test]
fn a_capture_without_groups_is_refused_and_writes_nothing() {
    let t = crate::harness::TestCluster::empty();
    std::fs::write(t.path().join("empty.pvv"), "nothing here\n").unwrap();
    let out = t.run("scsim", &["import", "--pvv", "empty.pvv"]);
    assert_eq!(out.code, 3, "{out}");
    assert!(!t.state.exists());
}
