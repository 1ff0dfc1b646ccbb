//! Tests: scrgadm through its command link — every command form, the seed's configuration
//! steps, the "Res …" listings (snapshots and the documented samples), the classic
//! `scrgadm -pvv | fgrep … | awk` pipeline, third-party RTR files, `--dry-run` and `--json`.

use crate::harness::{NOW, TestCluster};
use serde_json::{Value, json};
use std::path::PathBuf;

/// Path of an RTR fixture.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rtr")
        .join(name)
        .display()
        .to_string()
}

/// The seed's configuration steps 2, 3, 4 (`-a -L`), 5 (written correctly) and 10.
pub fn seed() -> TestCluster {
    seed_on("3.1")
}

/// [`seed`] on a cluster of `release`.
fn seed_on(release: &str) -> TestCluster {
    let t = TestCluster::init_with("mail-1,mail-2", &["--release", release]);
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -t SUNW.ims
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
         scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie",
    );
    t
}

/// Run a shell pipeline with the links first on PATH and the test's state file.
fn pipeline(t: &TestCluster, cmd: &str) -> String {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", t.bin.display()))
        .env("SCSIM_STATE", &t.state)
        .env("SCSIM_NOW", NOW)
        .env("HOME", t.path())
        .env("LANG", "C")
        .output()
        .expect("sh");
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Change the state file directly (to set up runtime state no scrgadm command creates).
pub fn edit_state(t: &TestCluster, f: impl FnOnce(&mut Value)) {
    let mut j = t.state_json();
    f(&mut j);
    std::fs::write(&t.state, serde_json::to_vec(&j).unwrap()).unwrap();
}

#[test]
fn seed_configuration_steps() {
    let t = TestCluster::two_node();
    t.sh("scrgadm -a -t SUNW.HAStoragePlus").ok();
    t.sh("scrgadm -a -t SUNW.ims").ok();
    let out = t.sh("scrgadm -a -g MAIL-RG -h mail-1,mail-2");
    out.ok();
    assert_eq!(out.stdout, "", "success is silent");
    assert_eq!(out.stderr, "");
    t.sh("scrgadm -a -L -g MAIL-RG -l budgie").ok();
    // Step 5 as written in the seed: refused for the space, then (without the space) for
    // ServicePaths, SUNW.HAStorage's property; the hint gives the HAStoragePlus spelling.
    let out = t.fails_unchanged(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1, /global/mail2",
        3,
    );
    assert!(out.stderr.contains("without spaces"), "{out}");
    let out = t.fails_unchanged(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1,/global/mail2",
        15,
    );
    insta::assert_snapshot!("seed_step5_service_paths_refused", out.to_string());
    let out = t.sh(
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2",
    );
    out.ok();
    assert_eq!(out.stderr, "", "no warning");
    t.sh("scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie")
        .ok();

    let j = t.state_json();
    // Types are listed in registration order.
    let listed: Vec<String> = t
        .sh("scrgadm -p")
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Res Type name:"))
        .map(|v| v.trim().to_string())
        .collect();
    assert_eq!(
        listed,
        [
            "SUNW.LogicalHostname:2",
            "SUNW.SharedAddress:2",
            "SUNW.HAStoragePlus:4",
            "SUNW.ims"
        ]
    );
    let g = &j["resource_groups"]["MAIL-RG"];
    assert_eq!(g["managed"], false);
    // Failover is the default mode, which the state file leaves out (schema 5 on).
    assert!(g.get("mode").is_none(), "{g}");
    assert_eq!(g["nodelist"], json!(["mail-1", "mail-2"]));
    assert_eq!(g["resources"], json!(["budgie", "disk-rs", "mail-rs"]));
    let budgie = &j["resources"]["budgie"];
    assert_eq!(budgie["type"], "SUNW.LogicalHostname:2");
    assert_eq!(budgie["enabled"], false);
    // Monitored, the default, is left out (schema 6).
    assert!(budgie.get("monitored").is_none(), "{budgie}");
    assert_eq!(budgie["extension"]["HostnameList"], json!(["budgie"]));
    assert_eq!(
        budgie["extension"]["NetIfList"],
        json!(["ipmp0@1", "ipmp0@2"])
    );
    let disk = &j["resources"]["disk-rs"];
    assert_eq!(
        disk["extension"]["FilesystemMountPoints"],
        json!(["/global/mail1", "/global/mail2"])
    );
    assert!(disk["extension"].get("GlobalDevicePaths").is_none());
    assert!(disk["extension"].get("ServicePaths").is_none());
    let mail = &j["resources"]["mail-rs"];
    assert_eq!(mail["dependencies"]["strong"], json!(["disk-rs", "budgie"]));
    assert_eq!(mail["extension"]["IMS_serverroot"], "/opt/SUNWmsgsr");
}

#[test]
fn listing_snapshots() {
    let t = seed();
    insta::assert_snapshot!("seed_p", t.sh("scrgadm -p").to_string());
    insta::assert_snapshot!("seed_pv", t.sh("scrgadm -pv").to_string());
    insta::assert_snapshot!("seed_pvv", t.sh("scrgadm -pvv").to_string());
    // Extra v's are accepted and mean -pvv.
    assert_eq!(t.sh("scrgadm -pvvv").stdout, t.sh("scrgadm -pvv").stdout);
    assert_eq!(t.sh("scrgadm -p -v -v").stdout, t.sh("scrgadm -pvv").stdout);
}

#[test]
fn listing_narrowed_by_t_g_j() {
    let t = seed();
    insta::assert_snapshot!(
        "narrow_pv_j_mail_rs",
        t.sh("scrgadm -pv -j mail-rs").to_string()
    );
    insta::assert_snapshot!(
        "narrow_pvv_t_ims",
        t.sh("scrgadm -pvv -t SUNW.ims").to_string()
    );
    insta::assert_snapshot!("narrow_pv_g", t.sh("scrgadm -pv -g MAIL-RG").to_string());
    // Type names resolve without vendor or version; -t with -g narrows the group's resources.
    assert_eq!(
        t.sh("scrgadm -p -t ims").stdout,
        t.sh("scrgadm -p -t SUNW.ims").stdout
    );
    let out = t.sh("scrgadm -p -g MAIL-RG -t HAStoragePlus");
    out.ok();
    assert!(out.stdout.contains("Res Type name:"), "{out}");
    assert!(out.stdout.contains("(MAIL-RG) Res name:") && out.stdout.contains("disk-rs"));
    assert!(!out.stdout.contains("mail-rs"), "{out}");
    assert!(!out.stdout.contains("budgie"), "{out}");
    // -j keeps the enclosing group line.
    let out = t.sh("scrgadm -p -j budgie");
    assert!(
        out.stdout
            .starts_with("Res Group name: MAIL-RG\n(MAIL-RG) Res name:"),
        "{out}"
    );
}

/// The documented `scrgadm -pv -g` sample (reference §1.3 b), line for line.
#[test]
fn listing_matches_documented_group_sample() {
    let t = TestCluster::init("phys-schost-1,phys-schost-2");
    t.sh("scrgadm -a -g resource-group-1 -h phys-schost-1,phys-schost-2")
        .ok();
    let out = t.sh("scrgadm -pv -g resource-group-1");
    out.ok();
    let expected = "\
Res Group name:                                          resource-group-1
  (resource-group-1) Res Group RG_description:           <NULL>
  (resource-group-1) Res Group management state:         Unmanaged
  (resource-group-1) Res Group Failback:                 False
  (resource-group-1) Res Group Nodelist:                 phys-schost-1 phys-schost-2
  (resource-group-1) Res Group Maximum_primaries:        1
  (resource-group-1) Res Group Desired_primaries:        1
  (resource-group-1) Res Group RG_dependencies:          <NULL>
  (resource-group-1) Res Group mode:                     Failover
  (resource-group-1) Res Group network dependencies:     True
  (resource-group-1) Res Group Global_resources_used:    All
  (resource-group-1) Res Group Pathprefix:
";
    assert_eq!(out.stdout, expected);
}

/// The documented `scrgadm -pv -j` sample: its lines appear, in order, with their columns.
#[test]
fn listing_matches_documented_resource_sample() {
    let t = TestCluster::init("phys-schost-1,phys-schost-2");
    t.script(
        "scrgadm -a -g resource-group-1 -h phys-schost-1,phys-schost-2
         scrgadm -a -L -j resource-1 -g resource-group-1 -l schost-1",
    );
    let out = t.sh("scrgadm -pv -j resource-1");
    out.ok();
    let sample = [
        "Res Group name: resource-group-1",
        "(resource-group-1) Res name:                              resource-1",
        "  (resource-group-1:resource-1) Res R_description:",
        "  (resource-group-1:resource-1) Res resource type:        SUNW.LogicalHostname:2",
        "  (resource-group-1:resource-1) Res resource group name:  resource-group-1",
        "  (resource-group-1:resource-1) Res enabled:              False",
        "  (resource-group-1:resource-1) Res monitor enabled:      True",
    ];
    let mut lines = out.stdout.lines();
    for want in sample {
        assert!(
            lines.any(|l| l == want),
            "line {want:?} missing or out of order in:\n{}",
            out.stdout
        );
    }
}

/// Real installations extract the logical host names with this pipeline.
#[test]
fn pvv_pipeline_yields_logical_host_names() {
    let t = seed();
    t.sh("scrgadm -a -g WEB-RG -h mail-2,mail-1").ok();
    t.sh("scrgadm -a -L -g WEB-RG -j web-lh -l www1,192.0.2.10")
        .ok();
    let got = pipeline(
        &t,
        "scrgadm -pvv | fgrep HostnameList | fgrep MAIL-RG | fgrep value | awk -F: '{print $4}'",
    );
    assert_eq!(
        got.split_whitespace().collect::<Vec<_>>(),
        ["budgie"],
        "{got:?}"
    );
    let got = pipeline(
        &t,
        "scrgadm -pvv | fgrep HostnameList | fgrep WEB-RG | fgrep value | awk -F: '{print $4}'",
    );
    assert_eq!(
        got.split_whitespace().collect::<Vec<_>>(),
        ["www1", "192.0.2.10"]
    );
    // The usual parser idiom for the node list.
    let got = pipeline(
        &t,
        "scrgadm -pv -g WEB-RG | grep 'Res Group Nodelist' | sed 's/.*Nodelist: *//'",
    );
    assert_eq!(got.trim(), "mail-2 mail-1");
}

#[test]
fn resource_types_register_change_remove() {
    let t = TestCluster::two_node();
    // Built-in types by full name, without vendor, without version.
    t.sh("scrgadm -a -t gds").ok();
    t.sh("scrgadm -a -t SUNW.HAStoragePlus:4 -h mail-1,mail-2")
        .ok();
    t.sh("scrgadm -a -t SUNW.HAStorage -h 2").ok();
    let j = t.state_json();
    assert!(j["resource_types"].get("SUNW.gds:5").is_some());
    assert_eq!(
        j["resource_types"]["SUNW.HAStoragePlus:4"]["installed_nodes"],
        json!(["mail-1", "mail-2"])
    );
    assert_eq!(
        j["resource_types"]["SUNW.HAStorage"]["installed_nodes"],
        json!(["mail-2"])
    );
    // -c -t: Installed_nodes and RT_system only.
    t.sh("scrgadm -c -t SUNW.gds -h mail-2").ok();
    t.sh("scrgadm -c -t gds -y rt_system=TRUE").ok();
    let j = t.state_json();
    assert_eq!(
        j["resource_types"]["SUNW.gds:5"]["installed_nodes"],
        json!(["mail-2"])
    );
    assert_eq!(j["resource_types"]["SUNW.gds:5"]["rt_system"], true);
    let out = t.sh("scrgadm -pv -t SUNW.gds");
    // Values at column 2 + len("(SUNW.gds:5) ") + 29, as in the 817-4638 sample (column 45
    // for SUNW.apache).
    assert!(
        out.stdout.starts_with(&format!(
            "Res Type name:{}SUNW.gds:5\n",
            " ".repeat(2 + 13 + 29 - 14)
        )),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("  (SUNW.gds:5) Res Type installed on nodes: mail-2\n"),
        "{out}"
    );
    assert!(
        out.stdout.contains("Res Type system:             True\n"),
        "{out}"
    );
    t.sh("scrgadm -c -t gds -y RT_system=false").ok();
    t.sh("scrgadm -r -t SUNW.gds").ok();
    assert!(t.state_json()["resource_types"].get("SUNW.gds:5").is_none());
    // The pre-registered network types can be removed (after clearing RT_system) and
    // registered again.
    t.script(
        "scrgadm -c -t SUNW.LogicalHostname -y RT_system=False
         scrgadm -r -t SUNW.LogicalHostname
         scrgadm -a -t SUNW.LogicalHostname",
    );
    assert!(
        t.state_json()["resource_types"]
            .get("SUNW.LogicalHostname:2")
            .is_some()
    );
}

#[test]
fn third_party_rtr_file() {
    let t = TestCluster::two_node();
    let f = fixture("Ingres.ingres_server");
    t.run("scrgadm", &["-a", "-t", "Ingres.ingres_server", "-f", &f])
        .ok();
    // Registered again: exit 13, which installers read as "already registered".
    let out = t.run("scrgadm", &["-a", "-t", "Ingres.ingres_server", "-f", &f]);
    out.expect_code(13);
    assert!(out.stderr.contains("already registered"), "{out}");
    let j = t.state_json();
    let rt = &j["resource_types"]["Ingres.ingres_server:3.0"];
    assert_eq!(rt["vendor_id"], "Ingres");
    assert_eq!(rt["rt_basedir"], "/opt/Ingres/IngresII/ingres/bin/cluster");
    assert_eq!(rt["methods"]["START"], "ingres_start");
    assert_eq!(rt["source"], f);
    insta::assert_snapshot!(
        "ingres_pvv_t",
        t.sh("scrgadm -pvv -t ingres_server").to_string()
    );
    t.script(
        "scrgadm -a -g DB-RG
         scrgadm -a -j ingres-rs -g DB-RG -t ingres_server -x II_SYSTEM=/opt/Ingres/IngresII -x databases=iidbdb,sales -x LOG_LEVEL=err -x Debug_probe=true -y retry_COUNT=4 -x Probe_timeout=30",
    );
    let r = &t.state_json()["resources"]["ingres-rs"];
    assert_eq!(r["type"], "Ingres.ingres_server:3.0");
    assert_eq!(r["extension"]["Databases"], json!(["iidbdb", "sales"]));
    assert_eq!(r["extension"]["Log_level"], "ERR");
    assert_eq!(r["extension"]["Debug_probe"], true);
    assert_eq!(r["extension"]["Probe_timeout"], 30);
    assert_eq!(r["properties"]["Retry_count"], 4);
    let out = t.sh("scrgadm -pvv -j ingres-rs");
    assert!(
        out.stdout
            .contains("(DB-RG:ingres-rs:Port_list) Res property value:       21064/tcp\n"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("(DB-RG:ingres-rs:II_INSTALLATION) Res property value:       II\n"),
        "{out}"
    );
}

#[test]
fn type_version_upgrade_follows_upgrade_from() {
    let t = TestCluster::two_node();
    t.run(
        "scrgadm",
        &[
            "-a",
            "-t",
            "Ingres.ingres_server",
            "-f",
            &fixture("Ingres.ingres_server"),
        ],
    )
    .ok();
    t.script(
        "scrgadm -a -g DB-RG
         scrgadm -a -j ingres-rs -g DB-RG -t Ingres.ingres_server -x II_SYSTEM=/opt/ii",
    );
    t.run(
        "scrgadm",
        &[
            "-a",
            "-t",
            "Ingres.ingres_server:3.1",
            "-f",
            &fixture("Ingres.ingres_server-3.1"),
        ],
    )
    .ok();
    // Both versions registered: the short name is now ambiguous.
    let out = t.fails_unchanged("scrgadm -p -t Ingres.ingres_server", 13);
    assert!(
        out.stderr
            .contains("Ingres.ingres_server:3.0, Ingres.ingres_server:3.1"),
        "{out}"
    );
    // 3.1 declares #$upgrade_from "3.0" WHEN_DISABLED; the resource is disabled.
    t.sh("scrgadm -c -j ingres-rs -y Type_version=3.1").ok();
    let r = &t.state_json()["resources"]["ingres-rs"];
    assert_eq!(r["type"], "Ingres.ingres_server:3.1");
    assert_eq!(r["extension"]["II_SYSTEM"], "/opt/ii");
    let out = t.fails_unchanged("scrgadm -c -j ingres-rs -y Type_version=4.0", 15);
    assert!(
        out.stderr.contains("registered versions: 3.0, 3.1"),
        "{out}"
    );
}

#[test]
fn resource_groups_create_change_remove() {
    let t = TestCluster::init("n1,n2,n3");
    // Default Nodelist: every node; properties case-insensitive, booleans any case.
    t.sh("scrgadm -a -g A -y failback=TRUE -y RG_DESCRIPTION=\"Group A; primary\"")
        .expect_code(15);
    t.sh("scrgadm -a -g A -y failback=TRUE -y RG_DESCRIPTION=\"Group A, primary\"")
        .ok();
    let g = &t.state_json()["resource_groups"]["A"];
    assert_eq!(g["nodelist"], json!(["n1", "n2", "n3"]));
    assert_eq!(g["failback"], true);
    assert_eq!(g["description"], "Group A, primary");
    // A scalable group from Maximum_primaries, then an explicit one.
    t.sh("scrgadm -a -g S -h n1,n2,n3 -y Maximum_primaries=3 -y Desired_primaries=2")
        .ok();
    assert_eq!(t.state_json()["resource_groups"]["S"]["mode"], "Scalable");
    t.sh("scrgadm -a -g S1 -h n3 -y RG_mode=scalable").ok();
    assert_eq!(t.state_json()["resource_groups"]["S1"]["mode"], "Scalable");
    // Changes: -h replaces the Nodelist (node ids accepted), -y sets properties.
    t.sh("scrgadm -c -g A -h 3,n1").ok();
    t.sh("scrgadm -c -g A -y Pingpong_interval=600 -y rg_dependencies=S -y RG_affinities=--S1 -y Global_resources_used=\"\" -y Pathprefix=/global/admin -y RG_project_name=mail -y Auto_start_on_new_cluster=false")
        .ok();
    let g = &t.state_json()["resource_groups"]["A"];
    assert_eq!(g["nodelist"], json!(["n3", "n1"]));
    assert_eq!(g["pingpong_interval"], 600);
    assert_eq!(g["rg_dependencies"], json!(["S"]));
    assert_eq!(g["rg_affinities"], json!(["--S1"]));
    assert_eq!(g["global_resources_used"], json!([]));
    assert_eq!(g["pathprefix"], "/global/admin");
    assert_eq!(g["project_name"], "mail");
    assert_eq!(g["auto_start_on_new_cluster"], false);
    insta::assert_snapshot!("group_pvv_changed", t.sh("scrgadm -pvv -g A").to_string());
    // Removal: the dependent group first.
    t.script(
        "scrgadm -r -g A
         scrgadm -r -g S
         scrgadm -r -g S1",
    );
    assert_eq!(t.state_json()["resource_groups"], json!({}));
}

#[test]
fn resources_with_many_extension_properties() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g APP-RG
         scrgadm -a -L -g APP-RG -l app-lh",
    );
    // A dozen -x, -y interleaved, values quoted with spaces.
    let out = t.sh("scrgadm -a -j app-rs -g APP-RG -t SUNW.gds \
         -x \"Start_command=/opt/app/bin/start -c /etc/app.conf\" \
         -y Port_list=8080/tcp,8443/tcp \
         -x Stop_command=\"/opt/app/bin/stop -f\" \
         -x Probe_command=/opt/app/bin/probe \
         -y Network_resources_used=app-lh \
         -x Validate_command=/opt/app/bin/validate \
         -x network_aware=True \
         -x Stop_signal=9 \
         -x Failover_enabled=FALSE \
         -y Retry_count=3 \
         -x Log_level=info \
         -x Child_mon_level=-1 \
         -x Probe_timeout=45 \
         -x Monitor_retry_count=2 \
         -x Monitor_retry_interval=4 \
         -y Resource_dependencies_weak=app-lh \
         -y R_description=\"Application server\"");
    out.ok();
    let r = &t.state_json()["resources"]["app-rs"];
    assert_eq!(
        r["extension"]["Start_command"],
        "/opt/app/bin/start -c /etc/app.conf"
    );
    assert_eq!(r["extension"]["Stop_command"], "/opt/app/bin/stop -f");
    assert_eq!(r["extension"]["Network_aware"], true);
    assert_eq!(r["extension"]["Stop_signal"], 9);
    assert_eq!(r["extension"]["Log_level"], "INFO");
    assert_eq!(r["extension"]["Child_mon_level"], -1);
    assert_eq!(
        r["properties"]["Port_list"],
        json!(["8080/tcp", "8443/tcp"])
    );
    assert_eq!(r["properties"]["Network_resources_used"], json!(["app-lh"]));
    assert_eq!(r["properties"]["Retry_count"], 3);
    assert_eq!(r["dependencies"]["weak"], json!(["app-lh"]));
    assert_eq!(r["description"], "Application server");
    assert_eq!(r["enabled"], false);
    assert!(r.get("monitored").is_none(), "{r}");
    // -c -j: ANYTIME and WHEN_DISABLED properties on a disabled resource.
    t.sh("scrgadm -c -x PROBE_TIMEOUT=60 -j app-rs -x Start_command=/opt/app/bin/start2 -y Resource_dependencies_weak=\"\"")
        .ok();
    let r = &t.state_json()["resources"]["app-rs"];
    assert_eq!(r["extension"]["Probe_timeout"], 60);
    assert_eq!(r["extension"]["Start_command"], "/opt/app/bin/start2");
    assert!(r["dependencies"].get("weak").is_none());
    // -r -j: a disabled resource nothing depends on.
    t.sh("scrgadm -r -j app-rs").ok();
    let j = t.state_json();
    assert!(j["resources"].get("app-rs").is_none());
    assert_eq!(
        j["resource_groups"]["APP-RG"]["resources"],
        json!(["app-lh"])
    );
}

#[test]
fn network_address_resources() {
    let t = TestCluster::init("n1,n2,n3");
    t.script(
        "scrgadm -a -g LH-RG -h n1,n2
         scrgadm -a -L -g LH-RG -l lh-one,192.0.2.10,2001:db8::10 -n ipmp0@n1,ipmp0@2
         scrgadm -a -g SA-RG -h n1
         scrgadm -a -S -g SA-RG -j sa-rs -l sa-host -X n2,3",
    );
    let j = t.state_json();
    let lh = &j["resources"]["lh-one"];
    assert_eq!(lh["type"], "SUNW.LogicalHostname:2");
    assert_eq!(
        lh["extension"]["HostnameList"],
        json!(["lh-one", "192.0.2.10", "2001:db8::10"])
    );
    assert_eq!(lh["extension"]["NetIfList"], json!(["ipmp0@n1", "ipmp0@2"]));
    let sa = &j["resources"]["sa-rs"];
    assert_eq!(sa["type"], "SUNW.SharedAddress:2");
    assert_eq!(sa["extension"]["AuxNodeList"], json!(["n2", "3"]));
    assert_eq!(sa["extension"]["NetIfList"], json!(["ipmp0@1"]));
    // Growing the Nodelist needs the node's IPMP group in NetIfList first.
    let out = t.fails_unchanged("scrgadm -c -g LH-RG -h n1,n2,n3", 15);
    assert!(
        out.stderr.contains("NetIfList") && out.stderr.contains("n3"),
        "{out}"
    );
    t.sh("scrgadm -c -j lh-one -x NetIfList=ipmp0@1,ipmp0@2,ipmp0@3")
        .ok();
    t.sh("scrgadm -c -g LH-RG -h n1,n2,n3").ok();
    insta::assert_snapshot!("netaddr_pvv_j", t.sh("scrgadm -pvv -j sa-rs").to_string());
}

#[test]
fn hastorageplus_paths() {
    let t = TestCluster::empty();
    t.sh("scsim init --nodes mail-1,mail-2 --device-group mailset --filesystem /global/mail1 --filesystem /global/mail2 --filesystem /global/a --filesystem /global/b --filesystem /local/spool")
        .ok();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG",
    );
    // ServicePaths is SUNW.HAStorage's: refused, the hint sorting the paths into the two
    // HAStoragePlus properties (issue 10, item 10).
    let out = t.fails_unchanged(
        "scrgadm -a -j hasp -g MAIL-RG -t HAStoragePlus -x ServicePaths=/global/mail1,/dev/global/dsk/d4s2,mailset,/local/spool -x AffinityOn=false",
        15,
    );
    assert!(
        out.stderr.contains("hint: ServicePaths is a property of SUNW.HAStorage")
            && out.stderr.contains(
                "-x FilesystemMountPoints=/global/mail1,/local/spool -x GlobalDevicePaths=/dev/global/dsk/d4s2,mailset\n"
            ),
        "{out}"
    );
    t.sh("scrgadm -a -j hasp -g MAIL-RG -t HAStoragePlus -x FilesystemMountPoints=/global/mail1,/local/spool -x GlobalDevicePaths=/dev/global/dsk/d4s2,mailset -x AffinityOn=false")
        .ok();
    let r = &t.state_json()["resources"]["hasp"];
    assert_eq!(
        r["extension"]["FilesystemMountPoints"],
        json!(["/global/mail1", "/local/spool"])
    );
    assert_eq!(
        r["extension"]["GlobalDevicePaths"],
        json!(["/dev/global/dsk/d4s2", "mailset"])
    );
    assert_eq!(r["extension"]["AffinityOn"], false);
    t.fails_unchanged("scrgadm -c -j hasp -x ServicePaths=/global/mail2", 15);
    t.sh("scrgadm -c -j hasp -x FilesystemMountPoints=/global/a,/global/b")
        .ok();
    assert_eq!(
        t.state_json()["resources"]["hasp"]["extension"]["FilesystemMountPoints"],
        json!(["/global/a", "/global/b"])
    );
}

#[test]
fn dependencies_of_every_kind() {
    // Resource_dependencies_offline_restart came with 3.2.
    let t = seed();
    let out = t.fails_unchanged("scrgadm -a -j extra -g MAIL-RG -t SUNW.HAStoragePlus -y Resource_dependencies_offline_restart=budgie", 15);
    assert!(out.stderr.contains("Sun Cluster 3.2 property"), "{out}");
    let t = seed_on("3.2");
    t.sh("scrgadm -a -j extra -g MAIL-RG -t SUNW.HAStoragePlus -y Resource_dependencies_restart=disk-rs -y Resource_dependencies_offline_restart=budgie -y Resource_dependencies_weak=mail-rs")
        .ok();
    let out = t.sh("scrgadm -pv -j extra");
    assert!(
        out.stdout.contains("Res weak dependencies:    mail-rs\n"),
        "{out}"
    );
    assert!(
        out.stdout.contains("Res restart dependencies: disk-rs\n"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("Res offline restart dependencies: budgie\n"),
        "{out}"
    );
    // Removing in dependency order works.
    t.script(
        "scrgadm -r -j extra
         scrgadm -r -j mail-rs
         scrgadm -r -j disk-rs
         scrgadm -r -j budgie
         scrgadm -r -g MAIL-RG
         scrgadm -r -t SUNW.ims
         scrgadm -r -t SUNW.HAStoragePlus",
    );
    let j = t.state_json();
    assert_eq!(j["resources"], json!({}));
    assert_eq!(j["resource_groups"], json!({}));
}

#[test]
fn dry_run_writes_nothing() {
    let t = seed();
    let before = t.state_bytes();
    let out = t.sh("scrgadm --dry-run -a -g NEW-RG -h mail-2");
    out.ok();
    assert!(
        out.stdout.contains("would create resource group NEW-RG"),
        "{out}"
    );
    assert!(out.stdout.contains("nothing was written"), "{out}");
    let out = t.sh("scrgadm -r -j mail-rs --dry-run");
    out.ok();
    assert!(
        out.stdout.contains("would remove resource mail-rs"),
        "{out}"
    );
    // A dry run reports the errors the real command would.
    let out = t.sh("scrgadm --dry-run -r -j disk-rs");
    out.expect_code(8);
    assert_eq!(t.state_bytes(), before);
}

#[test]
fn json_listing() {
    let t = seed();
    let out = t.sh("scrgadm -pvv --json");
    out.ok();
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let g = &v["resource_groups"][0];
    assert_eq!(g["name"], "MAIL-RG");
    assert_eq!(g["properties"]["Nodelist"], json!(["mail-1", "mail-2"]));
    assert_eq!(
        g["resources"][0]["properties"]["HostnameList"],
        json!(["budgie"])
    );
    assert_eq!(
        g["resources"][2]["properties"]["Resource_dependencies"],
        json!(["disk-rs", "budgie"])
    );
    assert_eq!(g["resources"][2]["properties"]["Retry_interval"], 620);
    assert_eq!(v["resource_types"].as_array().unwrap().len(), 4);
    let out = t.sh("scrgadm -p --json -j budgie");
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["resource_types"], json!([]));
    assert_eq!(
        v["resource_groups"][0]["resources"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn help_and_native_personality() {
    let t = TestCluster::two_node();
    for flag in ["-?", "--help"] {
        let out = t.run("scrgadm", &[flag]);
        out.ok();
        assert!(
            out.stdout.contains("scrgadm -a -L -g RG -l hostnamelist"),
            "{out}"
        );
    }
    // `scsim scrgadm …` is the same command.
    t.run("scsim", &["scrgadm", "-a", "-g", "RG"]).ok();
    let out = t.run("scsim", &["scrgadm", "-pv", "-g", "RG"]);
    out.ok();
    assert!(out.stdout.starts_with("Res Group name:"), "{out}");
}

/// A listing larger than the printer's stream chunk comes out of the process in pieces; the
/// pieces must add up to exactly what the in-process (unstreamed) run prints.
#[test]
fn large_listing_streams_the_same_bytes() {
    let t = TestCluster::two_node();
    t.script("scrgadm -a -t SUNW.gds\nscrgadm -a -g RG -h mail-1,mail-2");
    for i in 0..60 {
        t.sh(&format!(
            "scrgadm -a -j app-{i} -g RG -t SUNW.gds -x Start_command=/bin/app{i} -x Network_aware=false -y Port_list={}/tcp",
            8000 + i
        ))
        .ok();
    }
    let streamed = t.run("scrgadm", &["-pvv"]);
    streamed.ok();
    assert!(
        streamed.stdout.len() > scsim::printer::STREAM_CHUNK,
        "listing too small to stream"
    );
    let env = scsim::cli::Env {
        state: Some(t.state.clone()),
        now: Some(crate::harness::NOW.to_string()),
        ..Default::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = scsim::run(
        vec!["scrgadm".into(), "-pvv".into()],
        &env,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0);
    assert!(
        streamed.stdout.as_bytes() == out.as_slice(),
        "streamed listing differs"
    );
}

/// The common agents are built in, as their data-service packages install them (issue 10,
/// item 8): each registers by name alone and lists with its methods' programs.
#[test]
fn common_agents_register_and_list() {
    let t = TestCluster::two_node();
    for (name, full, program) in [
        ("SUNW.apache", "SUNW.apache:4", "apache_svc_start"),
        ("SUNW.nfs", "SUNW.nfs:3.1", "nfs_prenet_start"),
        ("SUNW.nsldap", "SUNW.nsldap:4", "nsldap_svc_start"),
        ("SUNW.iws", "SUNW.iws:4", "iws_svc_start"),
        ("SUNW.s1as", "SUNW.s1as:4", "s1as_svc_start"),
        ("SUNW.jsas", "SUNW.jsas:1", "jsas_svc_start"),
        ("SUNW.iim", "SUNW.iim", "iim_svc_start"),
        (
            "SUNW.oracle_server",
            "SUNW.oracle_server:4",
            "oracle_server_start",
        ),
        (
            "SUNW.oracle_listener",
            "SUNW.oracle_listener:4",
            "oracle_listener_start",
        ),
        ("SUNW.qfs", "SUNW.qfs:3.1", "scqfs_prenet_start"),
        ("SUNW.dns", "SUNW.dns:3.1", "dns_svc_start"),
        ("SUNW.s1mq", "SUNW.s1mq", "s1mq_svc_start"),
    ] {
        t.sh(&format!("scrgadm -a -t {name}")).ok();
        let out = t.sh(&format!("scrgadm -pv -t {name}"));
        out.ok();
        assert!(out.stdout.starts_with("Res Type name:"), "{out}");
        assert!(out.stdout.contains(&format!(" {full}\n")), "{out}");
        let out = t.sh(&format!("scrgadm -pvv -t {full}"));
        assert!(out.stdout.contains(&format!(" {program}\n")), "{out}");
        // Registering twice is the "already registered" 13.
        t.fails_unchanged(&format!("scrgadm -a -t {name}"), 13);
    }
    // Their extension properties, from the data-service guides: required ones are
    // required, defaults apply.
    t.sh("scrgadm -a -g ORA-RG -h mail-1,mail-2").ok();
    let out = t.fails_unchanged(
        "scrgadm -a -j ora-srv -g ORA-RG -t SUNW.oracle_server -x ORACLE_HOME=/oracle",
        15,
    );
    for p in ["Alert_log_file", "Connect_string", "ORACLE_SID"] {
        assert!(out.stderr.contains(p), "{out}");
    }
    t.script(
        "scrgadm -a -j ora-srv -g ORA-RG -t SUNW.oracle_server -x ORACLE_HOME=/oracle -x ORACLE_SID=ORA1 -x Alert_log_file=/oracle/alert_ORA1.log -x Connect_string=scott/tiger
         scrgadm -a -j ora-lsn -g ORA-RG -t SUNW.oracle_listener -x ORACLE_HOME=/oracle
         scrgadm -a -j qfs-rs -g ORA-RG -t SUNW.qfs -x QFSFileSystem=/global/qfs1",
    );
    let out = t.sh("scrgadm -pvv -j ora-lsn");
    assert!(out.stdout.contains("LISTENER"), "{out}");
    let out = t.fails_unchanged(
        "scrgadm -a -j web -g ORA-RG -t SUNW.apache -y Port_list=80/tcp",
        15,
    );
    assert!(out.stderr.contains("Bin_dir"), "{out}");
    let out = t.fails_unchanged(
        "scrgadm -a -j dns -g ORA-RG -t SUNW.dns -x DNS_mode=conf",
        15,
    );
    assert!(out.stderr.contains("Confdir_list"), "{out}");
}
