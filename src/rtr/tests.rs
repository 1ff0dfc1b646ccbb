//! Parser tests: realistic RTR files from `testdata/` and one test per error the parser reports,
//! each checking the line, the column and the message.

use super::*;
use crate::model::props::{all_params, resolve_param};
use crate::model::{InitNodes, Method, PropType, PropValue, Tunable};

const SMPL: &str = include_str!("testdata/SUNW.smpl");
const QFS: &str = include_str!("testdata/SUNW.qfs");
const INGRES: &str = include_str!("testdata/Ingres.ingres_server");

/// Five header lines that make a valid type; paramtable entries start at line 6.
const HEAD: &str =
    "Resource_type = t;\nRT_version = \"1\";\nRT_basedir = /opt/t;\nStart = s;\nStop = p;\n";

fn parse(text: &str) -> ResourceType {
    parse_rtr(text, "x.rtr").unwrap_or_else(|e| panic!("{e}"))
}

fn err(text: &str) -> RtrError {
    match parse_rtr(text, "x.rtr") {
        Ok(rt) => panic!("expected an error, parsed {}", rt.name),
        Err(e) => e,
    }
}

/// 1-based (line, column) of the `n`th (0-based) occurrence of `needle` in `text`.
fn loc(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let (idx, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` #{n} not in text"));
    let before = &text[..idx];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Assert the error is at `at` and its message contains every needle.
fn check(e: &RtrError, at: (usize, usize), needles: &[&str]) {
    assert_eq!((e.line, e.column), at, "position of: {e}");
    for n in needles {
        assert!(e.message.contains(n), "`{n}` not in: {e}");
    }
    assert_eq!(e.source, "x.rtr");
    assert!(
        e.message.contains("expected") || e.message.contains("cannot"),
        "message should say what was expected: {e}"
    );
}

fn case(text: &str, needle: &str, n: usize, needles: &[&str]) {
    check(&err(text), loc(text, needle, n), needles);
}

fn with_head(rest: &str) -> String {
    format!("{HEAD}{rest}")
}

// ---- realistic files ----------------------------------------------------------------------

#[test]
fn smpl_sample() {
    let t = parse(SMPL);
    assert_eq!(t.name, "SUNW.smpl");
    assert!(!t.upgrade);
    assert_eq!(t.vendor_id.as_deref(), Some("SUNW"));
    assert_eq!(t.rt_version, "1.0");
    assert_eq!(t.rt_description, "Sample Service on Sun Cluster");
    assert_eq!(t.api_version, 2);
    assert!(t.failover);
    assert_eq!(t.init_nodes, InitNodes::RgPrimaries);
    assert_eq!(t.rt_basedir, "/opt/SUNWsmpl/bin");
    assert_eq!(t.methods.len(), 7);
    assert_eq!(t.methods[&Method::MonitorCheck], "smpl_monitor_check");
    assert_eq!(t.source, "x.rtr");
    assert_eq!(t.params.len(), 15);
    // Standard overrides are stored with the standard spelling and type.
    let tpi = t.param("thorough_probe_interval").unwrap();
    assert_eq!(tpi.name, "Thorough_probe_interval");
    assert_eq!(
        (tpi.min, tpi.max, tpi.default.clone()),
        (Some(1), Some(3600), Some(PropValue::Int(60)))
    );
    assert_eq!(
        t.param("Monitor_Start_timeout").unwrap().name,
        "Monitor_start_timeout"
    );
    let nru = resolve_param(&t, "Network_resources_used").unwrap();
    assert_eq!(nru.default, Some(PropValue::List(vec![])));
    assert_eq!(nru.tunable, Tunable::AtCreation);
    let conf = resolve_param(&t, "Confdir_list").unwrap();
    assert!(conf.extension);
    assert_eq!(conf.ty, PropType::Stringarray);
    assert_eq!(conf.default, None);
    assert_eq!(conf.tunable, Tunable::AtCreation);
    assert_eq!(
        resolve_param(&t, "Child_mon_level").unwrap().default,
        Some(PropValue::Int(-1))
    );
    // Monitor_check is declared but not overridden: standard 3600.
    assert_eq!(
        resolve_param(&t, "Monitor_check_timeout").unwrap().default,
        Some(PropValue::Int(3600))
    );
    assert!(resolve_param(&t, "Init_timeout").is_none());
    assert!(resolve_param(&t, "Port_list").is_none());
    let names: Vec<String> = all_params(&t).into_iter().map(|p| p.name).collect();
    assert_eq!(names.last().unwrap(), "Child_mon_level");
}

#[test]
fn qfs_sample() {
    let t = parse(QFS);
    assert_eq!(t.name, "SUNW.qfs:5");
    assert!(t.upgrade);
    assert_eq!(
        t.upgrade_from,
        [
            ("3.1".to_string(), "ANYTIME".to_string()),
            ("3.2".into(), "ANYTIME".into()),
            ("4.5-05".into(), "ANYTIME".into()),
            ("4.6".into(), "ANYTIME".into()),
        ]
    );
    assert_eq!(t.api_version, 3);
    assert_eq!(t.methods.len(), 12);
    let p = resolve_param(&t, "QFSLeaseRecoveryPolicy").unwrap();
    assert_eq!(p.ty, PropType::Enum);
    assert_eq!(p.enum_values, ["Timeout", "Auto", "Cluster"]);
    assert_eq!(p.default, Some(PropValue::Str("Auto".into())));
    let fm = resolve_param(&t, "Failover_mode").unwrap();
    assert_eq!(fm.name, "Failover_mode");
    assert_eq!(fm.default, Some(PropValue::Str("SOFT".into())));
    let ri = resolve_param(&t, "Retry_Interval").unwrap();
    assert_eq!((ri.min, ri.max), (Some(0), Some(3600)));
    assert_eq!(ri.default, Some(PropValue::Int(750)));
    assert_eq!(ri.tunable, Tunable::Anytime);
    let fs = resolve_param(&t, "QFSFileSystem").unwrap();
    assert_eq!(fs.default, None);
    let ua = resolve_param(&t, "QFS_umount_await_clients").unwrap();
    assert_eq!((ua.min, ua.max), (Some(0), Some(300)));
    assert_eq!(
        resolve_param(&t, "Prenet_start_timeout").unwrap().default,
        Some(PropValue::Int(360))
    );
    assert!(resolve_param(&t, "Cheap_probe_interval").is_none());
}

#[test]
fn ingres_third_party() {
    let t = parse(INGRES);
    assert_eq!(t.name, "Ingres.ingres_server:2.6");
    assert_eq!(t.resource_type, "ingres_server");
    assert_eq!(t.rt_description, "Ingres DBMS server");
    assert_eq!(t.pkglist, ["ingresdbms", "ingresclu"]);
    assert!(t.failover && !t.single_instance);
    assert_eq!(t.rt_basedir, "/opt/Ingres/cluster/bin");
    assert_eq!(t.methods[&Method::Start], "ingres_svc_start");
    assert_eq!(
        t.upgrade_from,
        [
            ("2.5".to_string(), "WHEN_DISABLED".to_string()),
            ("2.6-beta".into(), "AT_CREATION".into())
        ]
    );
    let fm = resolve_param(&t, "Failover_mode").unwrap();
    assert_eq!(fm.default, Some(PropValue::Str("SOFT".into())));
    assert_eq!(
        resolve_param(&t, "Port_list").unwrap().default,
        Some(PropValue::List(vec![
            "21064/tcp".into(),
            "21065/tcp".into()
        ]))
    );
    let sys = resolve_param(&t, "ii_system").unwrap();
    assert_eq!(sys.name, "II_SYSTEM");
    assert_eq!(sys.default, None);
    assert_eq!(sys.min_length, Some(1));
    let id = resolve_param(&t, "Installation_id").unwrap();
    assert_eq!((id.min_length, id.max_length), (Some(2), Some(2)));
    let sm = resolve_param(&t, "Shutdown_mode").unwrap();
    assert_eq!(sm.enum_values, ["Graceful", "Immediate", "Kill"]);
    assert_eq!(sm.default, Some(PropValue::Str("Graceful".into())));
    let logs = resolve_param(&t, "Log_locations").unwrap();
    assert_eq!(
        logs.default,
        Some(PropValue::List(vec!["/var/ingres/log".into()]))
    );
    assert_eq!(
        (logs.array_min_size, logs.array_max_size),
        (Some(1), Some(4))
    );
    assert_eq!(logs.tunable, Tunable::WhenDisabled);
    // Monitor_start_timeout override without MIN keeps the standard MIN.
    let ms = resolve_param(&t, "Monitor_start_timeout").unwrap();
    assert_eq!((ms.min, ms.default), (Some(1), Some(PropValue::Int(120))));
}

#[test]
fn minimal_and_lenient_forms() {
    // No vendor, no methods beyond PRENET_START/POSTNET_STOP, 3.2 keys accepted and ignored.
    let t = parse(
        "RESOURCE_TYPE = solo;\nRT_VERSION = “1.1”;\nPRENET_START = /bin/up;\n\
         POSTNET_STOP = /bin/down;\nGLOBAL_ZONE = TRUE;\nProxy = false;\nRT_SYSTEM = True;\n\
         Single_instance = TRUE;\nInit_nodes = RT_INSTALLED_NODES;\nPkglist = ;\n\
         RT_description = ;\n\
         { PROPERTY = Retry_count; DESCRIPTION = \"tries\"; }\n\
         { PROPERTY = Flag; EXTENSION; BOOLEAN; DEFAULT = false; PER_NODE; TUNABLE = TRUE; }\n\
         { PROPERTY = Note; EXTENSION; STRING; DEFAULT = ; TUNABLE = FALSE; }\n",
    );
    assert_eq!(t.name, "solo");
    assert_eq!(t.vendor_id, None);
    assert_eq!(t.rt_version, "1.1");
    assert_eq!(t.api_version, 2);
    assert!(t.rt_system && t.single_instance);
    assert_eq!(t.init_nodes, InitNodes::RtInstalledNodes);
    assert!(t.pkglist.is_empty());
    let rc = resolve_param(&t, "Retry_count").unwrap();
    assert_eq!(rc.description, "tries");
    assert_eq!(rc.default, None);
    assert_eq!(rc.tunable, Tunable::WhenDisabled);
    let f = resolve_param(&t, "flag").unwrap();
    assert!(f.per_node);
    assert_eq!(f.tunable, Tunable::Anytime);
    assert_eq!(f.default, Some(PropValue::Bool(false)));
    let n = resolve_param(&t, "Note").unwrap();
    assert_eq!(n.default, Some(PropValue::Str(String::new())));
    assert_eq!(n.tunable, Tunable::None);
    assert!(resolve_param(&t, "Start_timeout").is_none());
    assert!(resolve_param(&t, "Prenet_start_timeout").is_some());
}

#[test]
fn display_format() {
    let e = err("Resource_type = t;\nFailover = yes;\n");
    assert_eq!(
        e.to_string(),
        "x.rtr:2:12: expected TRUE or FALSE for Failover, found `yes`"
    );
}

// ---- header errors ------------------------------------------------------------------------

#[test]
fn resource_type_must_be_first() {
    let t = "Vendor_id = SUNW;\nResource_type = x;\n";
    case(
        t,
        "Vendor_id",
        0,
        &[
            "`Resource_type = name;` as the first entry",
            "found `Vendor_id`",
        ],
    );
    check(&err(""), (1, 1), &["first entry", "found end of file"]);
    let t = "# only a comment\n{ PROPERTY = X; }\n";
    case(t, "{", 0, &["first entry", "found `{`"]);
}

#[test]
fn unknown_header_key() {
    let t = "Resource_type = t;\nRT_versoin = \"1\";\n";
    case(
        t,
        "RT_versoin",
        0,
        &[
            "unknown resource type property `RT_versoin`",
            "RT_version",
            "Monitor_check",
        ],
    );
}

#[test]
fn duplicate_header_key() {
    let t = "Resource_type = t;\nFailover = TRUE;\nFAILOVER = FALSE;\n";
    case(t, "FAILOVER", 0, &["duplicate", "Failover", "line 2"]);
}

#[test]
fn bad_boolean() {
    let t = "Resource_type = t;\nSingle_instance = 1;\n";
    case(
        t,
        "1;",
        0,
        &["expected TRUE or FALSE for Single_instance", "found `1`"],
    );
}

#[test]
fn unterminated_string() {
    let t = "Resource_type = t;\nRT_description = \"Sample service;\nRT_version = \"1\";\n";
    case(
        t,
        "\"Sample",
        0,
        &["unterminated string", "found end of line"],
    );
    let t = "Resource_type = t;\nRT_description = “Sample";
    case(t, "“", 0, &["unterminated string", "found end of file"]);
}

#[test]
fn missing_semicolon() {
    let t = "Resource_type = t;\nRT_version = \"1\"\nStart = s;\n";
    case(
        t,
        "Start",
        0,
        &[
            "expected `;` after the value of RT_version",
            "found `Start`",
        ],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT DEFAULT = 1; }\n");
    case(
        &t,
        "DEFAULT",
        0,
        &["expected `;` after INT", "found `DEFAULT`"],
    );
}

#[test]
fn missing_equals_and_value() {
    let t = "Resource_type t;\n";
    case(
        t,
        "t;",
        0,
        &["expected `=` after `Resource_type`", "found `t`"],
    );
    let t = "Resource_type = t;\nRT_version = ;\n";
    case(t, ";", 1, &["expected a value for RT_version", "found `;`"]);
}

#[test]
fn installed_nodes_refused() {
    let t = "Resource_type = t;\nInstalled_nodes = phys-1;\n";
    case(
        t,
        "Installed_nodes",
        0,
        &["cannot be declared in an RTR file", "scrgadm -c -t"],
    );
}

#[test]
fn bad_rt_version() {
    let t = "Resource_type = t;\nRT_version = \"1.0 beta\";\n";
    case(
        t,
        " beta",
        0,
        &["invalid RT_version \"1.0 beta\"", "found a blank"],
    );
    let t = "Resource_type = t;\nRT_version = 2/3;\n";
    case(t, "/3", 0, &["found `/`"]);
    let t = "Resource_type = t;\nRT_version = \"\";\n";
    case(t, "\"\"", 0, &["non-empty RT_version"]);
}

#[test]
fn missing_rt_version() {
    let t = "Resource_type = t;\nStart = /s;\nStop = /p;\n{ PROPERTY = Start_timeout; }\n";
    case(
        t,
        "{",
        0,
        &["RT_version", "mandatory since Sun Cluster 3.1", "found `{`"],
    );
    let t = "Resource_type = t;\nStart = /s;\nStop = /p;\n";
    check(&err(t), (4, 1), &["RT_version", "found end of file"]);
}

#[test]
fn missing_start_or_stop() {
    let t = "Resource_type = t;\nRT_version = \"1\";\nStop = /p;\n";
    check(&err(t), (4, 1), &["`Start` method", "Prenet_start"]);
    let t = "Resource_type = t;\nRT_version = \"1\";\nPrenet_start = /p;\n{ PROPERTY = X; }";
    case(t, "{", 0, &["`Stop` method", "Postnet_stop", "found `{`"]);
}

#[test]
fn relative_method_needs_basedir() {
    let t = "Resource_type = t;\nRT_version = \"1\";\nStart = /opt/x/start;\nStop = stop_it;\n";
    case(t, "stop_it", 0, &["relative", "RT_basedir", "Stop"]);
    let t = "Resource_type = t;\nRT_basedir = opt/bin;\n";
    case(t, "opt/bin", 0, &["absolute directory path for RT_basedir"]);
}

#[test]
fn bad_names() {
    let t = "Resource_type = my.type;\n";
    case(
        t,
        "my.type",
        0,
        &["invalid Resource_type", "starts with a letter"],
    );
    let t = "Resource_type = t;\nVendor_id = 3com;\n";
    case(t, "3com", 0, &["invalid Vendor_id"]);
    let t = with_head("{ PROPERTY = 1st_prop; EXTENSION; INT; }\n");
    case(
        &t,
        "1st_prop",
        0,
        &["invalid property name", "starts with a letter"],
    );
}

#[test]
fn bad_init_nodes_and_api_version() {
    let t = "Resource_type = t;\nInit_nodes = ALL_NODES;\n";
    case(t, "ALL_NODES", 0, &["RG_PRIMARIES or RT_INSTALLED_NODES"]);
    let t = "Resource_type = t;\nAPI_version = two;\n";
    case(t, "two", 0, &["integer for API_version", "found `two`"]);
}

// ---- directives ---------------------------------------------------------------------------

#[test]
fn upgrade_directive_errors() {
    let t = "Resource_type = t;\n#$upgrade_from \"1\" ANYTIME\n";
    case(
        t,
        "#$upgrade_from",
        0,
        &["#$upgrade directive before #$upgrade_from"],
    );
    let t = "Resource_type = t;\n#$upgrade\n#$upgrade_from \"1\" anytime\n#$upgrade_from \"1\" at_creation\n";
    case(
        t,
        "#$upgrade_from",
        1,
        &["duplicate #$upgrade_from", "line 3"],
    );
    let t = "Resource_type = t;\n#$upgrade\n#$upgrade_from \"1\" whenever\n";
    case(t, "whenever", 0, &["WHEN_UNMONITORED", "found `whenever`"]);
    let t = with_head("{ PROPERTY = Start_timeout; }\n#$upgrade\n");
    case(
        &t,
        "#$upgrade",
        0,
        &["before the paramtable", "found `#$upgrade`"],
    );
}

// ---- paramtable errors --------------------------------------------------------------------

#[test]
fn header_key_after_paramtable() {
    let t = with_head("{ PROPERTY = Start_timeout; }\nVendor_id = SUNW;\n");
    case(
        &t,
        "Vendor_id",
        0,
        &["must come before the paramtable", "found `Vendor_id`"],
    );
    let t = with_head("{ PROPERTY = Start_timeout; }\n;\n");
    check(&err(&t), (7, 1), &["expected `{`", "found `;`"]);
}

#[test]
fn missing_closing_brace() {
    let t = with_head("{ PROPERTY = X; EXTENSION; INT;\n{ PROPERTY = Y; EXTENSION; INT; }\n");
    case(
        &t,
        "{ PROPERTY = Y",
        0,
        &[
            "`}` to close the entry for `X` opened at line 6",
            "found `{`",
        ],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT;\n");
    check(
        &err(&t),
        (7, 1),
        &["`}` to close the entry for `X`", "found end of file"],
    );
}

#[test]
fn property_must_be_first() {
    let t = with_head("{ EXTENSION; PROPERTY = X; INT; }\n");
    case(
        &t,
        "EXTENSION",
        0,
        &[
            "`PROPERTY = name;` as the first attribute",
            "found `EXTENSION`",
        ],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; PROPERTY = Y; }\n");
    case(&t, "PROPERTY", 1, &["only as the first attribute"]);
}

#[test]
fn duplicate_property() {
    let t = with_head("{ PROPERTY = Retry_count; DEFAULT = 2; }\n{ PROPERTY = RETRY_COUNT; }\n");
    case(
        &t,
        "RETRY_COUNT",
        0,
        &["duplicate declaration of property `RETRY_COUNT`", "line 6"],
    );
}

#[test]
fn unknown_standard_property() {
    let t = with_head("{ PROPERTY = Confdir_list; STRINGARRAY; }\n");
    case(
        &t,
        "Confdir_list",
        0,
        &[
            "unknown system-defined resource property `Confdir_list`",
            "EXTENSION",
        ],
    );
}

#[test]
fn rgm_set_property_not_declarable() {
    let t = with_head("{ PROPERTY = Status; DEFAULT = OK; }\n");
    case(&t, "Status", 0, &["cannot be declared in an RTR file"]);
}

#[test]
fn timeout_of_undeclared_method() {
    let t = with_head("{ PROPERTY = Init_timeout; DEFAULT = 60; }\n");
    case(&t, "Init_timeout", 0, &["no INIT method"]);
}

#[test]
fn extension_needs_a_type() {
    let t = with_head("{ PROPERTY = Confdir_list; EXTENSION; DEFAULT = \"/etc\"; }\n");
    case(
        &t,
        "}",
        0,
        &["type (STRING, INT, BOOLEAN", "`Confdir_list`", "found `}`"],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; STRING; }\n");
    case(
        &t,
        "STRING",
        0,
        &["one type for `X`", "found STRING after INT"],
    );
    let t = with_head("{ PROPERTY = Retry_count; EXTENSION; INT; }\n");
    case(
        &t,
        "Retry_count",
        0,
        &["system-defined property `Retry_count`"],
    );
}

#[test]
fn standard_type_is_fixed() {
    let t = with_head("{ PROPERTY = Retry_count; STRING; DEFAULT = 2; }\n");
    case(&t, "STRING", 0, &["is fixed (INT)", "found STRING"]);
    // Repeating the standard type is accepted.
    parse(&with_head(
        "{ PROPERTY = Port_list; STRINGARRAY; DEFAULT = ; }\n",
    ));
}

#[test]
fn enum_default_not_listed() {
    let t = with_head("{ PROPERTY = Mode; EXTENSION; ENUM { Fast, Safe }; DEFAULT = Slow; }\n");
    case(&t, "Slow", 0, &["ENUM literals Fast, Safe", "found `Slow`"]);
    let t = with_head("{ PROPERTY = Failover_mode; DEFAULT = SOMETIMES; }\n");
    case(
        &t,
        "SOMETIMES",
        0,
        &["NONE, SOFT, HARD, RESTART_ONLY, LOG_ONLY"],
    );
    let t = with_head("{ PROPERTY = Mode; EXTENSION; ENUM { }; }\n");
    case(&t, "}", 0, &["at least one literal"]);
    let t = with_head("{ PROPERTY = Mode; EXTENSION; ENUM { a, A }; }\n");
    case(&t, "A }", 0, &["duplicate ENUM literal `A`"]);
    let t = with_head("{ PROPERTY = Mode; EXTENSION; ENUM { a b }; }\n");
    case(
        &t,
        "b }",
        0,
        &["`,` or `}` after an ENUM literal", "found `b`"],
    );
}

#[test]
fn empty_default_only_for_strings() {
    let t = with_head("{ PROPERTY = Flag; EXTENSION; BOOLEAN; DEFAULT = ; }\n");
    case(
        &t,
        "; }",
        0,
        &["TRUE or FALSE as DEFAULT", "found an empty value"],
    );
    let t = with_head("{ PROPERTY = N; EXTENSION; INT; DEFAULT = \"\"; }\n");
    case(&t, "\"\"", 0, &["an integer as DEFAULT", "empty value"]);
    let t = with_head("{ PROPERTY = Flag; EXTENSION; BOOLEAN; DEFAULT = yes; }\n");
    case(
        &t,
        "yes",
        0,
        &["expected TRUE or FALSE for the DEFAULT of `Flag`"],
    );
    let t = with_head("{ PROPERTY = N; EXTENSION; INT; DEFAULT = 1O; }\n");
    case(
        &t,
        "1O",
        0,
        &["an integer as DEFAULT for INT property `N`", "found `1O`"],
    );
    let t = with_head("{ PROPERTY = S; EXTENSION; STRING; DEFAULT = a, b; }\n");
    case(&t, "b;", 0, &["single DEFAULT value", "found a list"]);
}

#[test]
fn min_not_int() {
    let t = with_head("{ PROPERTY = Start_timeout; MIN = sixty; }\n");
    case(
        &t,
        "sixty",
        0,
        &["expected an integer for MIN", "found `sixty`"],
    );
    let t = with_head("{ PROPERTY = S; EXTENSION; STRING; MAXLENGTH = -1; }\n");
    case(&t, "-1", 0, &["non-negative integer for MAXLENGTH"]);
}

#[test]
fn bounds_checks() {
    let t = with_head("{ PROPERTY = Start_timeout; MIN = 60; DEFAULT = 30; }\n");
    case(&t, "30", 0, &["at least MIN 60", "found 30"]);
    let t = with_head("{ PROPERTY = Retry_count; MAX = 10; DEFAULT = 11; }\n");
    case(&t, "11", 0, &["at most MAX 10"]);
    let t = with_head("{ PROPERTY = N; EXTENSION; INT; MIN = 5; MAX = 1; }\n");
    case(&t, "1;", 0, &["MIN ≤ MAX", "MIN 5 > MAX 1"]);
    let t = with_head("{ PROPERTY = S; EXTENSION; STRING; MIN = 1; }\n");
    case(&t, "1;", 0, &["MIN only on INT", "STRING property `S`"]);
    let t = with_head("{ PROPERTY = N; EXTENSION; INT; ARRAY_MAXSIZE = 1; }\n");
    case(&t, "1;", 0, &["ARRAY_MAXSIZE only on STRINGARRAY"]);
    let t = with_head("{ PROPERTY = S; EXTENSION; STRING; MAXLENGTH = 2; DEFAULT = abc; }\n");
    case(&t, "abc", 0, &["at most MAXLENGTH 2", "\"abc\""]);
    let t =
        with_head("{ PROPERTY = L; EXTENSION; STRINGARRAY; ARRAY_MAXSIZE = 1; DEFAULT = a, b; }\n");
    case(&t, "a, b", 0, &["at most ARRAY_MAXSIZE 1", "found 2"]);
}

#[test]
fn tunable_and_attribute_errors() {
    let t = with_head("{ PROPERTY = Retry_count; TUNABLE = SOMETIMES; }\n");
    case(
        &t,
        "SOMETIMES",
        0,
        &["NONE, FALSE, TRUE, ANYTIME, AT_CREATION, WHEN_DISABLED"],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; VISIBLE; }\n");
    case(
        &t,
        "VISIBLE",
        0,
        &["unknown attribute `VISIBLE`", "DESCRIPTION", "PER_NODE"],
    );
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; DEFAULT = 1; DEFAULT = 2; }\n");
    case(&t, "DEFAULT", 1, &["duplicate attribute DEFAULT"]);
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; \"oops\"; }\n");
    case(&t, "\"oops\"", 0, &["an attribute", "found \"oops\""]);
}

#[test]
fn per_node_rules() {
    let t = with_head("{ PROPERTY = X; EXTENSION; INT; PER_NODE; }\n");
    case(&t, "PER_NODE", 0, &["requires a DEFAULT"]);
    let t = with_head("{ PROPERTY = X; EXTENSION; STRINGARRAY; PER_NODE; DEFAULT = a; }\n");
    case(&t, "PER_NODE", 0, &["found it on STRINGARRAY"]);
    let t = with_head("{ PROPERTY = Retry_count; PER_NODE; DEFAULT = 1; }\n");
    case(&t, "PER_NODE", 0, &["only on extension properties"]);
}

#[test]
fn every_error_names_the_file() {
    let e = parse_rtr("Resource_type = t;\nBogus = 1;\n", "/opt/x/etc/ACME.app").unwrap_err();
    assert!(e.to_string().starts_with("/opt/x/etc/ACME.app:2:1: "));
}
