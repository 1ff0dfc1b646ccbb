//! Tests: scrgadm errors. Each case checks the exit code (scha_err_t numbering), that the
//! message names the object and the problem (and the fix where there is one), and that the
//! state file is byte-for-byte unchanged.

use crate::harness::TestCluster;
use crate::scrgadm::{edit_state, fixture, seed};

/// Expect `line` to fail with `code`, state unchanged, and stderr to contain every `needle`.
#[track_caller]
fn fails(t: &TestCluster, line: &str, code: i32, needles: &[&str]) {
    let out = t.fails_unchanged(line, code);
    for n in needles {
        assert!(
            out.stderr.contains(n),
            "`{line}`: stderr lacks {n:?}:\n{out}"
        );
    }
    assert!(out.stderr.starts_with("scrgadm: "), "`{line}`: {out}");
}

// ---- usage (exit 3) ----

#[test]
fn usage_errors() {
    let t = seed();
    fails(&t, "scrgadm", 3, &["no action", "-a", "-p"]);
    fails(
        &t,
        "scrgadm -a -r -g MAIL-RG",
        3,
        &["-a and -r cannot be combined"],
    );
    fails(&t, "scrgadm -v -a -g X", 3, &["-v goes with -p"]);
    fails(
        &t,
        "scrgadm -a -g NEW -t SUNW.gds",
        3,
        &["-t is not used with -a -g", "-j"],
    );
    fails(&t, "scrgadm -a -j r1 -g MAIL-RG", 3, &["-a -j needs -t"]);
    fails(&t, "scrgadm -a -L -g MAIL-RG", 3, &["needs -l"]);
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -l h1 -X 2",
        3,
        &["-X", "SharedAddress"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -l h1 -x CheckNameService=false",
        3,
        &["-x is not used with -a -L"],
    );
    fails(
        &t,
        "scrgadm -r -g MAIL-RG -j budgie",
        3,
        &["takes one object", "-j and -g"],
    );
    fails(&t, "scrgadm -c -j budgie", 3, &["needs properties"]);
    fails(
        &t,
        "scrgadm -c -g MAIL-RG -x Failback=true",
        3,
        &["no extension properties"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Retry_count",
        3,
        &["-y Retry_count", "NAME=VALUE"],
    );
    fails(
        &t,
        "scrgadm -a -g X -f /tmp/rtr",
        3,
        &["-f is not used with -a -g"],
    );
    fails(
        &t,
        "scrgadm -p -y Failback=true",
        3,
        &["-y is not used with -p"],
    );
    fails(&t, "scrgadm -p --dry-run", 3, &["--dry-run"]);
    fails(&t, "scrgadm -a -g X --json", 3, &["--json goes with -p"]);
    fails(&t, "scrgadm -a", 3, &["-a needs an object"]);
}

#[test]
fn clap_level_usage_errors_exit_3() {
    let t = seed();
    fails(&t, "scrgadm -a -g A -g B", 3, &["-g"]);
    fails(&t, "scrgadm -Q", 3, &["-Q"]);
    fails(&t, "scrgadm -a -g", 3, &["-g"]);
}

#[test]
fn list_split_by_a_space_is_explained() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -j disk2 -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1, /global/mail2",
        3,
        &[
            "\"/global/mail2\"",
            "split by a space after the comma",
            "without spaces",
            "ServicePaths=/global/mail1,/global/mail2",
            "quoted",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g NEW -h mail-1, mail-2",
        3,
        &["-h mail-1,mail-2"],
    );
    fails(
        &t,
        "scrgadm -a -g NEW extra",
        3,
        &["unexpected operand \"extra\"", "takes no operands"],
    );
    fails(
        &t,
        "scrgadm -a -g NEW -h mail-1,,mail-2",
        3,
        &["empty entry"],
    );
}

#[test]
fn unicode_dash_names_the_real_option() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a \u{2013}g NEW",
        3,
        &["en dash (U+2013)", "did you mean -g?"],
    );
    fails(
        &t,
        "scrgadm \u{2014}pvv",
        3,
        &["em dash (U+2014)", "did you mean -pvv?"],
    );
}

#[test]
fn rtr_file_errors_exit_3() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -t ACME.app -f /nonexistent/ACME.app",
        3,
        &["cannot read RTR file /nonexistent/ACME.app", "no such file"],
    );
    let line = format!("scrgadm -a -t broken -f {}", fixture("broken.rtr"));
    fails(&t, &line, 3, &["broken.rtr:5:12", "RT_VERSION"]);
    let line = format!(
        "scrgadm -a -t Other.type -f {}",
        fixture("Ingres.ingres_server")
    );
    fails(
        &t,
        &line,
        3,
        &["-t Other.type does not name", "Ingres.ingres_server:3.0"],
    );
}

// ---- resource types (exit 13) ----

#[test]
fn type_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -t SUNW.ims",
        13,
        &["SUNW.ims is already registered"],
    );
    fails(
        &t,
        "scrgadm -a -t SUNW.HAStoragePlus",
        13,
        &["SUNW.HAStoragePlus:4 is already registered"],
    );
    fails(
        &t,
        "scrgadm -a -t ACME.nosuchagent",
        3,
        &[
            "ACME.nosuchagent",
            "/usr/cluster/lib/rgm/rtreg/ACME.nosuchagent does not exist",
            "not one of the built-in types",
            "-f",
        ],
    );
    fails(
        &t,
        "scrgadm -a -j r1 -g MAIL-RG -t SUNW.nfs",
        13,
        &[
            "SUNW.nfs is not registered",
            "SUNW.ims",
            "scrgadm -a -t SUNW.nfs",
        ],
    );
    fails(
        &t,
        "scrgadm -r -t SUNW.HAStoragePlus",
        13,
        &[
            "in use by 1 resource: disk-rs",
            "scrgadm -r -j disk-rs",
            "scswitch -n -j disk-rs",
        ],
    );
    fails(
        &t,
        "scrgadm -r -t SUNW.LogicalHostname",
        13,
        &[
            "RT_system=TRUE",
            "scrgadm -c -t SUNW.LogicalHostname:2 -y RT_system=FALSE",
        ],
    );
    fails(
        &t,
        "scrgadm -c -t SUNW.LogicalHostname -h mail-1",
        13,
        &["system type", "RT_system=FALSE"],
    );
    fails(
        &t,
        "scrgadm -r -t sunw.ims",
        13,
        &["sunw.ims is not registered"],
    );
}

#[test]
fn type_property_errors_exit_15() {
    let t = seed();
    fails(
        &t,
        "scrgadm -c -t SUNW.ims -y Failover=TRUE",
        15,
        &[
            "Failover",
            "Installed_nodes (the type's node list) and RT_system",
        ],
    );
    fails(
        &t,
        "scrgadm -c -t SUNW.ims -y RT_system=maybe",
        15,
        &["RT_system", "TRUE or FALSE"],
    );
    fails(
        &t,
        "scrgadm -c -t SUNW.ims -y Installed_nodes=mail-1",
        15,
        &["the type's node list", "scrgadm -c -t SUNW.ims -h"],
    );
}

#[test]
fn network_type_must_be_registered() {
    let t = seed();
    t.script(
        "scrgadm -c -t SUNW.SharedAddress -y RT_system=false
         scrgadm -r -t SUNW.SharedAddress",
    );
    fails(
        &t,
        "scrgadm -a -S -g MAIL-RG -l sa1",
        13,
        &[
            "SUNW.SharedAddress is not registered",
            "scrgadm -a -t SUNW.SharedAddress",
        ],
    );
}

#[test]
fn ambiguous_type_name() {
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
    t.sh("scrgadm -a -g DB-RG").ok();
    fails(
        &t,
        "scrgadm -a -j db -g DB-RG -t ingres_server -x II_SYSTEM=/x",
        13,
        &[
            "ambiguous",
            "Ingres.ingres_server:3.0, Ingres.ingres_server:3.1",
            ":version",
        ],
    );
}

// ---- resource groups (exit 12) ----

#[test]
fn group_errors() {
    let t = seed();
    fails(&t, "scrgadm -a -g MAIL-RG", 12, &["MAIL-RG already exists"]);
    fails(
        &t,
        "scrgadm -a -g 1st-RG",
        12,
        &["\"1st-RG\" is not legal", "start with an ASCII letter"],
    );
    fails(
        &t,
        "scrgadm -a -g bad.name",
        12,
        &["\"bad.name\" is not legal"],
    );
    fails(
        &t,
        "scrgadm -c -g NOPE -y Failback=true",
        12,
        &["resource group NOPE does not exist"],
    );
    fails(&t, "scrgadm -r -g NOPE", 12, &["NOPE does not exist"]);
    fails(
        &t,
        "scrgadm -r -g MAIL-RG",
        12,
        &[
            "not empty",
            "budgie, disk-rs, mail-rs",
            "scrgadm -r -j budgie",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g B -y RG_affinities=++NOPE",
        12,
        &["RG_affinities", "NOPE does not exist"],
    );
    fails(
        &t,
        "scrgadm -a -g B -y RG_dependencies=NOPE",
        12,
        &["RG_dependencies", "NOPE does not exist"],
    );
    fails(
        &t,
        "scrgadm -a -j x -g NOPE -t SUNW.ims -x IMS_serverroot=/x",
        12,
        &["NOPE does not exist"],
    );
}

#[test]
fn system_group_is_protected() {
    let t = seed();
    t.sh("scrgadm -a -g SYS -y RG_system=TRUE").ok();
    fails(
        &t,
        "scrgadm -c -g SYS -y Failback=true",
        12,
        &["RG_system=TRUE", "RG_system=FALSE"],
    );
    fails(
        &t,
        "scrgadm -r -g SYS",
        12,
        &["system group", "RG_system=FALSE"],
    );
    // Clearing the flag in the same command is allowed.
    t.sh("scrgadm -c -g SYS -y RG_system=false -y Failback=true")
        .ok();
}

#[test]
fn failover_type_needs_failover_group() {
    let t = seed();
    t.sh("scrgadm -a -g SCAL -y Maximum_primaries=2 -y Desired_primaries=2")
        .ok();
    fails(
        &t,
        "scrgadm -a -j m2 -t SUNW.ims -g SCAL -x IMS_serverroot=/x",
        12,
        &["failover type", "Maximum_primaries 2"],
    );
    fails(
        &t,
        "scrgadm -c -g MAIL-RG -y RG_mode=Scalable",
        15,
        &["RG_mode", "only be set when the group is created"],
    );
}

// ---- nodes (exit 11) ----

#[test]
fn node_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -g NEW -h mail-1,mail-3",
        11,
        &["mail-3 is not a cluster node", "mail-1 (1), mail-2 (2)"],
    );
    fails(
        &t,
        "scrgadm -a -g NEW -h mail-1,1",
        11,
        &["mail-1 is listed twice", "in order of preference: mail-1"],
    );
    fails(
        &t,
        "scrgadm -a -t SUNW.gds -h mail-9",
        11,
        &["mail-9 is not a cluster node"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l lh2 -n ipmp0@mail-7,ipmp0@2",
        11,
        &[
            "NetIfList entry ipmp0@mail-7",
            "mail-7 is not a cluster node",
        ],
    );
    fails(
        &t,
        "scrgadm -c -t SUNW.HAStoragePlus -h mail-1",
        11,
        &["must include mail-2", "disk-rs", "MAIL-RG"],
    );
    fails(
        &t,
        "scrgadm -a -S -g MAIL-RG -l sa1 -X mail-5",
        11,
        &["mail-5 is not a cluster node"],
    );
}

#[test]
fn installed_nodes_limit_groups() {
    let t = TestCluster::init("n1,n2,n3");
    t.script(
        "scrgadm -a -t SUNW.gds -h n1,n2
         scrgadm -a -g G -h n1,n2,n3
         scrgadm -a -g H -h n1,n2
         scrgadm -a -j app -g H -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false",
    );
    fails(
        &t,
        "scrgadm -a -j app2 -g G -t SUNW.gds -x Start_command=/bin/true -x Network_aware=false",
        11,
        &[
            "installed only on n1, n2",
            "n3",
            "scrgadm -c -t SUNW.gds:5 -h n1,n2,n3",
        ],
    );
    fails(
        &t,
        "scrgadm -c -g H -h n1,n3",
        11,
        &["node n3 cannot be in the Nodelist", "app"],
    );
}

// ---- properties (exit 15) ----

#[test]
fn group_property_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -g F -y RG_mode=Failover -y Maximum_primaries=2",
        15,
        &[
            "Maximum_primaries",
            "failover group",
            "Maximum_primaries and Desired_primaries 1",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Maximum_primaries=2 -y Desired_primaries=3",
        15,
        &["Desired_primaries", "exceeds Maximum_primaries (2)"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Maximum_primaries=3",
        15,
        &["exceeds the number of nodes in the Nodelist (2)"],
    );
    fails(
        &t,
        "scrgadm -c -g MAIL-RG -y Maximum_primaries=2",
        15,
        &["failover group (RG_mode Failover)"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Bogus=1",
        15,
        &["Bogus is not a resource group property", "Failback"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Retry_count=1",
        15,
        &[
            "Retry_count is not a resource group property",
            "resource property",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Failback=yes",
        15,
        &["Failback", "\"yes\" is not a boolean", "TRUE or FALSE"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Pingpong_interval=-5",
        15,
        &["Pingpong_interval", "0 or more"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y RG_affinities=+*MAIL-RG",
        15,
        &[
            "RG_affinities",
            "+RG (weak positive)",
            "--RG (strong negative)",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g F -y RG_state=Online",
        15,
        &["RG_state", "maintained by the RGM"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Failback=true -y failback=false",
        15,
        &["Failback", "given twice"],
    );
    fails(
        &t,
        "scrgadm -a -g F -y Pathprefix=global/admin",
        15,
        &["Pathprefix", "absolute path"],
    );
    fails(
        &t,
        "scrgadm -a -g F -h mail-1 -y Nodelist=mail-2",
        3,
        &["Nodelist is given twice"],
    );
    fails(
        &t,
        "scrgadm -c -g MAIL-RG -y Global_resources_used=*,dg1",
        15,
        &["\"*\"", "cannot be combined"],
    );
}

#[test]
fn resource_property_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -j m2 -g MAIL-RG -t SUNW.ims",
        15,
        &[
            "requires a property without a default: IMS_serverroot (-x)",
            "-x IMS_serverroot=",
        ],
    );
    fails(
        &t,
        "scrgadm -a -j m2 -g MAIL-RG -t SUNW.ims -x IMS_serverroot=opt/msg",
        15,
        &["IMS_serverroot", "not an absolute path"],
    );
    fails(
        &t,
        "scrgadm -a -j m2 -g MAIL-RG -t SUNW.ims -x IMS_serverroot=/x -x Bogus=1",
        15,
        &[
            "type SUNW.ims has no extension property Bogus",
            "IMS_serverroot, Probe_timeout, Child_mon_level",
        ],
    );
    fails(
        &t,
        "scrgadm -a -j m2 -g MAIL-RG -t SUNW.ims -x IMS_serverroot=/x -x Retry_count=3",
        15,
        &["Retry_count", "standard property", "set it with -y"],
    );
    fails(
        &t,
        "scrgadm -a -j m2 -g MAIL-RG -t SUNW.ims -y IMS_serverroot=/x",
        15,
        &["IMS_serverroot", "extension property", "set it with -x"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Retry_count=11",
        15,
        &[
            "resource mail-rs: property Retry_count",
            "value 11 is out of range (allowed: 0 to 10)",
        ],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Retry_interval=often",
        15,
        &[
            "Retry_interval",
            "\"often\" is not an integer",
            "60 to 3600",
        ],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Failover_mode=sometimes",
        15,
        &["Failover_mode", "NONE, SOFT, HARD, RESTART_ONLY, LOG_ONLY"],
    );
    fails(
        &t,
        "scrgadm -c -j budgie -x CheckNameService=perhaps",
        15,
        &["CheckNameService", "TRUE or FALSE"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -x IMS_serverroot=/opt/other",
        15,
        &["IMS_serverroot", "AT_CREATION", "scrgadm -r -j mail-rs"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y On_off_switch=Enabled",
        15,
        &["On_off_switch", "scswitch -e -j mail-rs"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Monitored_switch=Disabled",
        15,
        &["Monitored_switch", "scswitch"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Type=SUNW.gds",
        15,
        &["Type", "-t"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y R_description=a;b",
        15,
        &["R_description", "';'"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Port_list=25/tcp",
        15,
        &["type SUNW.ims has no property Port_list"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Retry_count=3 -y RETRY_COUNT=4",
        15,
        &["Retry_count", "given twice"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -x \"Probe_timeout{mail-1}=30\"",
        15,
        &["per-node values", "3.2"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Failback=true",
        15,
        &[
            "Failback is a resource group property",
            "scrgadm -c -g GROUP -y Failback=true",
        ],
    );
}

#[test]
fn declared_bounds_of_a_third_party_type() {
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
    t.sh("scrgadm -a -g DB-RG").ok();
    let base = "scrgadm -a -j db -g DB-RG -t Ingres.ingres_server -x II_SYSTEM=/opt/ii";
    fails(
        &t,
        &format!("{base} -x II_INSTALLATION=ABC"),
        15,
        &[
            "II_INSTALLATION",
            "3 characters long; at most 2 allowed (MAXLENGTH)",
        ],
    );
    fails(
        &t,
        &format!("{base} -x II_INSTALLATION=A"),
        15,
        &["at least 2 required (MINLENGTH)"],
    );
    fails(
        &t,
        &format!("{base} -x Databases=a,b,c,d,e"),
        15,
        &[
            "Databases",
            "5 entries given; at most 4 allowed (ARRAY_MAXSIZE 4)",
        ],
    );
    fails(
        &t,
        &format!("{base} -x Probe_timeout=1"),
        15,
        &["Probe_timeout", "allowed: 5 to 600"],
    );
    fails(
        &t,
        &format!("{base} -x Log_level=debug"),
        15,
        &["Log_level", "NONE, INFO, ERR"],
    );
    fails(
        &t,
        &format!("{base} -x Server_class=OTHER"),
        15,
        &["Server_class", "TUNABLE=NONE"],
    );
    fails(
        &t,
        &format!("{base} -y Port_list=21064"),
        15,
        &["Port_list", "PORT/PROTOCOL"],
    );
    fails(
        &t,
        &format!("{base} -y Type_version=3.1"),
        15,
        &["Type_version", "-t Ingres.ingres_server:3.1"],
    );
    fails(
        &t,
        &format!("{base} -y Network_resources_used=db"),
        14,
        &["Network_resources_used", "db does not exist"],
    );
}

#[test]
fn tunable_when_disabled_and_enabled_resources() {
    let t = seed();
    edit_state(&t, |j| j["resources"]["budgie"]["enabled"] = true.into());
    fails(
        &t,
        "scrgadm -c -j budgie -x HostnameList=other",
        15,
        &[
            "HostnameList",
            "WHEN_DISABLED",
            "budgie is enabled",
            "scswitch -n -j budgie",
        ],
    );
    fails(
        &t,
        "scrgadm -r -j budgie",
        14,
        &["budgie is enabled", "scswitch -n -j budgie"],
    );
    // ANYTIME properties may change while enabled.
    t.sh("scrgadm -c -j budgie -x CheckNameService=false").ok();
}

#[test]
fn network_address_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l bad_host",
        15,
        &[
            "HostnameList",
            "\"bad_host\" is not a host name or IP address",
        ],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l 192.0.2.300",
        15,
        &["not a valid one"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l other,budgie",
        15,
        &["host budgie is already managed by resource budgie"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -l 192.0.2.20",
        14,
        &["192.0.2.20", "not a legal resource name", "-j"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l lh2 -n sc_ipmp0@mail-1,ipmp0@mail-2",
        15,
        &["node mail-1 has no IPMP group sc_ipmp0", "ipmp0"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l lh2 -n ipmp0@mail-1",
        15,
        &["no entry for node mail-2"],
    );
    fails(
        &t,
        "scrgadm -a -L -g MAIL-RG -j lh2 -l lh2 -n ipmp0-mail-1,ipmp0@2",
        15,
        &["IPMPGROUP@NODE"],
    );
    fails(
        &t,
        "scrgadm -a -S -g MAIL-RG -l sa1 -X mail-2",
        15,
        &["AuxNodeList", "mail-2 is in the Nodelist of MAIL-RG"],
    );
}

#[test]
fn hastorageplus_path_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -j d2 -g MAIL-RG -t SUNW.HAStoragePlus -x GlobalDevicePaths=nosuchdg",
        15,
        &[
            "\"nosuchdg\" is neither an absolute path nor a device group",
            "device groups: none",
        ],
    );
    fails(
        &t,
        "scrgadm -a -j d2 -g MAIL-RG -t SUNW.HAStoragePlus -x GlobalDevicePaths=/global/mail1",
        15,
        &["not a global device path", "FilesystemMountPoints"],
    );
    fails(
        &t,
        "scrgadm -a -j d2 -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/a,/global/a",
        15,
        &["lists /global/a twice"],
    );
    t.sh("scrgadm -a -g SCAL -y RG_mode=Scalable").ok();
    fails(
        &t,
        "scrgadm -a -j d2 -g SCAL -t SUNW.HAStoragePlus -x FilesystemMountPoints=/local/data",
        15,
        &[
            "/local/data is a local (failover) file system",
            "SCAL is scalable",
        ],
    );
    // ServicePaths is SUNW.HAStorage's: HAStoragePlus refuses it naming its own properties;
    // other types refuse it as any unknown property.
    fails(
        &t,
        "scrgadm -c -j disk-rs -x ServicePaths=/global/x",
        15,
        &[
            "type SUNW.HAStoragePlus:4 has no extension property ServicePaths",
            "ServicePaths is a property of SUNW.HAStorage",
            "-x FilesystemMountPoints=/global/x",
        ],
    );
    let out = t.fails_unchanged("scrgadm -c -j mail-rs -x ServicePaths=/global/x", 15);
    assert!(
        out.stderr.contains("no extension property ServicePaths"),
        "{out}"
    );
    assert!(!out.stderr.contains("SUNW.HAStorage"), "{out}");
}

// ---- resources (exit 14) ----

#[test]
fn resource_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus",
        14,
        &["disk-rs already exists (in group MAIL-RG)"],
    );
    fails(
        &t,
        "scrgadm -a -j 9lives -g MAIL-RG -t SUNW.HAStoragePlus",
        14,
        &["resource name \"9lives\" is not legal"],
    );
    fails(
        &t,
        "scrgadm -c -j nope -y Retry_count=1",
        14,
        &["resource nope does not exist"],
    );
    fails(
        &t,
        "scrgadm -r -j nope",
        14,
        &["resource nope does not exist"],
    );
    fails(
        &t,
        "scrgadm -a -j d2 -g MAIL-RG -t SUNW.HAStoragePlus -y Resource_dependencies=ghost",
        14,
        &["Resource_dependencies: resource ghost does not exist"],
    );
    fails(
        &t,
        "scrgadm -p -j nope",
        14,
        &["resource nope does not exist"],
    );
    fails(
        &t,
        "scrgadm -p -j budgie -g OTHER",
        12,
        &["OTHER does not exist"],
    );
}

// ---- dependencies (exit 8) and state (exit 9) ----

#[test]
fn dependency_errors() {
    let t = seed();
    fails(
        &t,
        "scrgadm -r -j disk-rs",
        8,
        &[
            "disk-rs cannot be removed: mail-rs depends on it",
            "scrgadm -c -j mail-rs -y Resource_dependencies=",
        ],
    );
    fails(&t, "scrgadm -r -j budgie", 8, &["mail-rs depends on it"]);
    fails(
        &t,
        "scrgadm -c -j disk-rs -y Resource_dependencies=disk-rs",
        8,
        &["cannot depend on itself"],
    );
    fails(
        &t,
        "scrgadm -c -j disk-rs -y Resource_dependencies_weak=mail-rs",
        8,
        &["cycle", "disk-rs -> mail-rs -> disk-rs"],
    );
    fails(
        &t,
        "scrgadm -c -j mail-rs -y Resource_dependencies=disk-rs -y Resource_dependencies_weak=disk-rs",
        15,
        &["disk-rs in both Resource_dependencies and Resource_dependencies_weak"],
    );
    t.script(
        "scrgadm -a -g A
         scrgadm -a -g B -y RG_dependencies=A",
    );
    fails(
        &t,
        "scrgadm -c -g A -y RG_dependencies=B",
        8,
        &["cycle", "A -> B -> A"],
    );
    fails(
        &t,
        "scrgadm -c -g A -y RG_dependencies=A",
        8,
        &["cannot depend on itself"],
    );
    fails(
        &t,
        "scrgadm -r -g A",
        8,
        &["named in the RG_dependencies or RG_affinities of B"],
    );
}

#[test]
fn online_group_cannot_be_removed() {
    let t = seed();
    t.sh("scrgadm -a -g EMPTY").ok();
    edit_state(&t, |j| {
        j["resource_groups"]["EMPTY"]["managed"] = true.into();
        j["resource_groups"]["EMPTY"]["state"]["mail-1"] = "Online".into();
    });
    fails(
        &t,
        "scrgadm -r -g EMPTY",
        9,
        &[
            "EMPTY is online on mail-1",
            "scswitch -F -g EMPTY",
            "scswitch -u -g EMPTY",
        ],
    );
    fails(
        &t,
        "scrgadm -c -g EMPTY -h mail-2",
        9,
        &["Online on mail-1", "scswitch -z -g EMPTY -h mail-2"],
    );
}

#[test]
fn missing_state_file() {
    let t = TestCluster::empty();
    let out = t.sh("scrgadm -a -g RG");
    out.expect_code(18);
    assert!(out.stderr.contains("no cluster state file"), "{out}");
    assert!(!t.state.exists());
}

// ---- typos in names ----

/// A mistyped name (wrong case, a letter missing or extra) gets "did you mean" with the
/// existing name, first among the hints; a numbered sibling does not (mail-3 is not mail-1).
#[test]
fn mistyped_names_suggest_the_existing_one() {
    let t = seed();
    for (line, code, needle) in [
        (
            "scrgadm -c -g mail-rg -y Failback=TRUE",
            12,
            "did you mean MAIL-RG? (names are case-sensitive)",
        ),
        (
            "scrgadm -c -j mail-r -y Retry_count=1",
            14,
            "did you mean mail-rs?",
        ),
        (
            "scrgadm -c -g MAIL-RG -y Failbak=TRUE",
            15,
            "did you mean Failback?",
        ),
        (
            "scrgadm -c -j mail-rs -x IMS_serveroot=/opt/x",
            15,
            "did you mean IMS_serverroot?",
        ),
        (
            "scrgadm -c -j mail-rs -y Resource_dependencies=disk-r,budgie",
            14,
            "did you mean disk-rs?",
        ),
        (
            "scrgadm -a -g NEW -h mail-1,Mail-2",
            11,
            "did you mean mail-2? (names are case-sensitive)",
        ),
        (
            "scrgadm -a -t SUNW.HAStorageplus",
            3,
            "did you mean SUNW.HAStoragePlus?",
        ),
        ("scrgadm -pv -t SUNW.im", 13, "did you mean SUNW.ims?"),
        (
            "scrgadm -c -g MAIL-RG -y RG_dependencies=mail-rg",
            12,
            "did you mean MAIL-RG?",
        ),
    ] {
        let out = t.fails_unchanged(line, code);
        let first_hint = out
            .stderr
            .lines()
            .find(|l| l.starts_with("scrgadm: hint: "))
            .unwrap_or_default();
        assert!(
            first_hint.starts_with(&format!("scrgadm: hint: {needle}")),
            "`{line}`:\n{out}"
        );
    }
    let out = t.fails_unchanged("scrgadm -a -g NEW -h mail-1,mail-3", 11);
    assert!(!out.stderr.contains("did you mean"), "{out}");
    // A registered type in the wrong case is not to be registered again.
    let out = t.fails_unchanged("scrgadm -a -j r -g MAIL-RG -t sunw.hastorageplus", 13);
    assert!(
        out.stderr.contains("did you mean SUNW.HAStoragePlus?"),
        "{out}"
    );
    assert!(!out.stderr.contains("register it first"), "{out}");
}

/// `-x NAME VALUE` (a space instead of `=`) is explained with the corrected option, not with
/// advice to quote.
#[test]
fn a_space_instead_of_equals_is_explained() {
    let t = seed();
    fails(
        &t,
        "scrgadm -a -j m2 -t SUNW.ims -g MAIL-RG -x IMS_serverroot /opt/SUNWmsgsr",
        3,
        &[
            "the value \"IMS_serverroot\" of -x has no '='",
            "hint: write -x IMS_serverroot=/opt/SUNWmsgsr",
        ],
    );
    fails(
        &t,
        "scrgadm -c -g MAIL-RG -y Failback: TRUE",
        3,
        &["hint: write -y Failback=TRUE"],
    );
}

// ---- issue 10, item 6: a Nodelist names each node once ----

#[test]
fn nodelist_with_a_repeated_node_is_refused() {
    let t = TestCluster::init("a1,a2,a3");
    fails(
        &t,
        "scrgadm -a -g db-rg -h a1,a2,a1",
        11,
        &[
            "Nodelist of db-rg: node a1 is listed twice",
            "list each node once, in order of preference: a1,a2",
        ],
    );
    fails(
        &t,
        "scrgadm -a -g db-rg -y Nodelist=a3,a1,3",
        11,
        &["node a3 is listed twice", "a3,a1"],
    );
    t.sh("scrgadm -a -g db-rg -h a1,a2").ok();
    fails(
        &t,
        "scrgadm -c -g db-rg -h a2,a1,a2,a3",
        11,
        &["node a2 is listed twice", "a2,a1,a3"],
    );
    fails(
        &t,
        "scrgadm -c -g db-rg -y Nodelist=a1,a1",
        11,
        &["Nodelist of db-rg: node a1 is listed twice"],
    );
    let out = t.sh("scrgadm -pv -g db-rg");
    assert!(
        out.stdout.contains("Nodelist:") && out.stdout.contains("a1 a2\n"),
        "{out}"
    );
}

// ---- issue 10, item 5: a network-aware SUNW.gds resource needs a network address ----

#[test]
fn network_aware_gds_without_an_address_is_refused() {
    let t = TestCluster::init("a1,a2");
    t.script(
        "scrgadm -a -t SUNW.gds
         scrgadm -a -g app-rg -h a1,a2
         scrgadm -a -g sa-rg -h a1,a2",
    );
    let out = t.fails_unchanged(
        "scrgadm -a -j app -g app-rg -t SUNW.gds -x Start_command=/bin/app -y Port_list=80/tcp",
        15,
    );
    insta::assert_snapshot!(out.to_string());
    // Not network-aware: accepted without an address.
    t.sh("scrgadm -a -j batch -g app-rg -t SUNW.gds -x Start_command=/bin/batch -x Network_aware=FALSE")
        .ok();
    // An address in the group satisfies it.
    t.script(
        "scrgadm -a -L -g app-rg -l app-lh
         scrgadm -a -j app -g app-rg -t SUNW.gds -x Start_command=/bin/app -y Port_list=80/tcp",
    );
    // A scalable service names its shared address (another group) in Network_resources_used.
    t.script(
        "scrgadm -a -S -g sa-rg -l web-sa
         scrgadm -a -g web-rg -h a1,a2 -y Maximum_primaries=2 -y Desired_primaries=2 -y RG_dependencies=sa-rg
         scrgadm -a -j web -g web-rg -t SUNW.gds -x Start_command=/bin/web -y Port_list=8080/tcp -y Scalable=TRUE -y Network_resources_used=web-sa",
    );
    let out = t.fails_unchanged(
        "scrgadm -a -j web2 -g web-rg -t SUNW.gds -x Start_command=/bin/web -y Port_list=8081/tcp",
        15,
    );
    assert!(
        out.stderr
            .contains("resource group web-rg has no network address resource"),
        "{out}"
    );
}
