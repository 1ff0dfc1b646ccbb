//! The RTR files the simulated cluster ships, embedded in the binary.
//!
//! Each file lives under `src/rtr/builtin/` and is presented under the path a real cluster
//! keeps it at, `/usr/cluster/lib/rgm/rtreg/<vendor.type>`. They are the simulator's
//! reconstructions (the real texts are not public); each file's header says so.
//!
//! | file | full name |
//! |---|---|
//! | SUNW.LogicalHostname | `SUNW.LogicalHostname:2` |
//! | SUNW.SharedAddress | `SUNW.SharedAddress:2` |
//! | SUNW.HAStoragePlus | `SUNW.HAStoragePlus:4` |
//! | SUNW.HAStorage | `SUNW.HAStorage` (no `#$upgrade`) |
//! | SUNW.gds | `SUNW.gds:5` |
//! | SUNW.ims | `SUNW.ims` (no `#$upgrade`) |
//! | SUNW.apache, SUNW.nfs, SUNW.nsldap, SUNW.iws, SUNW.s1as, SUNW.jsas, SUNW.iim, SUNW.oracle_server, SUNW.oracle_listener, SUNW.qfs, SUNW.dns, SUNW.s1mq | the common agents as their data-service packages install them (see each header) |
//!
//! They are parsed once per process, on first use.

use super::{parse_rtr, resolve_type_name};
use crate::model::ResourceType;
use std::sync::OnceLock;

/// (path, text) of every built-in RTR file.
const FILES: [(&str, &str); 18] = [
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.LogicalHostname",
        include_str!("builtin/SUNW.LogicalHostname"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.SharedAddress",
        include_str!("builtin/SUNW.SharedAddress"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.HAStoragePlus",
        include_str!("builtin/SUNW.HAStoragePlus"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.HAStorage",
        include_str!("builtin/SUNW.HAStorage"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.gds",
        include_str!("builtin/SUNW.gds"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.ims",
        include_str!("builtin/SUNW.ims"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.apache",
        include_str!("builtin/SUNW.apache"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.nfs",
        include_str!("builtin/SUNW.nfs"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.nsldap",
        include_str!("builtin/SUNW.nsldap"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.iws",
        include_str!("builtin/SUNW.iws"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.s1as",
        include_str!("builtin/SUNW.s1as"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.jsas",
        include_str!("builtin/SUNW.jsas"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.iim",
        include_str!("builtin/SUNW.iim"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.oracle_server",
        include_str!("builtin/SUNW.oracle_server"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.oracle_listener",
        include_str!("builtin/SUNW.oracle_listener"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.qfs",
        include_str!("builtin/SUNW.qfs"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.dns",
        include_str!("builtin/SUNW.dns"),
    ),
    (
        "/usr/cluster/lib/rgm/rtreg/SUNW.s1mq",
        include_str!("builtin/SUNW.s1mq"),
    ),
];

/// The built-in types parsed from their files (same order as `FILES`), with `source` set to
/// the file path.
fn parsed() -> &'static [ResourceType] {
    static TYPES: OnceLock<Vec<ResourceType>> = OnceLock::new();
    TYPES.get_or_init(|| {
        FILES
            .iter()
            .map(|(path, text)| {
                parse_rtr(text, path)
                    .unwrap_or_else(|e| panic!("built-in RTR file does not parse: {e}"))
            })
            .collect()
    })
}

/// Every built-in resource type, parsed from its RTR file, with `source` = `builtin`.
pub fn builtin_types() -> Vec<ResourceType> {
    parsed()
        .iter()
        .cloned()
        .map(|mut rt| {
            rt.source = "builtin".to_string();
            rt
        })
        .collect()
}

/// The built-in RTR file (path, text) for a type name: the full name
/// (`SUNW.HAStoragePlus:4`), the name without version (`SUNW.HAStoragePlus`), the base name
/// (`HAStoragePlus`) or the base name with version. Case-sensitive, like RGM type names.
pub fn builtin_rtr(name: &str) -> Option<(&'static str, &'static str)> {
    let types = parsed();
    let rt = resolve_type_name(types.iter(), name).ok()?;
    let i = types.iter().position(|t| std::ptr::eq(t, rt))?;
    Some(FILES[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::props::{all_params, resolve_param};
    use crate::model::{InitNodes, Method, PropType, PropValue, Tunable};

    fn get(name: &str) -> ResourceType {
        builtin_types()
            .into_iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("no built-in {name}"))
    }

    #[test]
    fn all_builtins_parse() {
        for (path, text) in FILES {
            if let Err(e) = parse_rtr(text, path) {
                panic!("{e}");
            }
        }
        let names: Vec<String> = builtin_types().into_iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [
                "SUNW.LogicalHostname:2",
                "SUNW.SharedAddress:2",
                "SUNW.HAStoragePlus:4",
                "SUNW.HAStorage",
                "SUNW.gds:5",
                "SUNW.ims",
                "SUNW.apache:4",
                "SUNW.nfs:3.1",
                "SUNW.nsldap:4",
                "SUNW.iws:4",
                "SUNW.s1as:4",
                "SUNW.jsas:1",
                "SUNW.iim",
                "SUNW.oracle_server:4",
                "SUNW.oracle_listener:4",
                "SUNW.qfs:3.1",
                "SUNW.dns:3.1",
                "SUNW.s1mq",
            ]
        );
        assert!(builtin_types().iter().all(|t| t.source == "builtin"));
        for (path, text) in FILES {
            assert!(
                text.contains("simulator"),
                "{path} must say it is a reconstruction"
            );
        }
    }

    #[test]
    fn network_types() {
        for (name, lh) in [
            ("SUNW.LogicalHostname:2", true),
            ("SUNW.SharedAddress:2", false),
        ] {
            let t = get(name);
            assert!(t.rt_system && t.failover && t.upgrade);
            assert_eq!(t.is_logical_hostname, lh);
            assert_eq!(t.is_shared_address, !lh);
            assert!(t.is_network_address());
            for m in [
                Method::PrenetStart,
                Method::Start,
                Method::Stop,
                Method::MonitorStart,
                Method::MonitorStop,
                Method::MonitorCheck,
                Method::Validate,
                Method::Update,
            ] {
                assert!(t.has_method(m), "{name} {m:?}");
            }
            assert!(!t.has_method(Method::Boot));
            // A captured 3.1 rgmd log: hafoip_* has no Postnet_stop.
            assert!(!t.has_method(Method::PostnetStop));
            let prog = |m: Method| t.methods[&m].clone();
            let pre = if lh { "hafoip" } else { "hascip" };
            assert_eq!(prog(Method::PrenetStart), format!("{pre}_prenet_start"));
            let timeout = |n: &str| resolve_param(&t, n).unwrap().default;
            for (n, v) in [
                ("Prenet_start_timeout", 300),
                ("Start_timeout", 500),
                ("Stop_timeout", 300),
                ("Monitor_start_timeout", 300),
                ("Monitor_stop_timeout", 300),
            ] {
                assert_eq!(timeout(n), Some(PropValue::Int(v)), "{name} {n}");
            }
            let h = resolve_param(&t, "HostnameList").unwrap();
            assert_eq!(h.ty, PropType::Stringarray);
            assert_eq!(h.default, None);
            assert_eq!(h.tunable, Tunable::WhenDisabled);
            assert_eq!(
                resolve_param(&t, "CheckNameService").unwrap().default,
                Some(PropValue::Bool(true))
            );
            assert_eq!(resolve_param(&t, "AuxNodeList").is_some(), !lh);
        }
    }

    #[test]
    fn hastorageplus() {
        let t = get("SUNW.HAStoragePlus:4");
        assert!(!t.failover);
        assert_eq!(t.rt_version, "4");
        assert_eq!(t.upgrade_from.len(), 3);
        assert_eq!(t.init_nodes, InitNodes::RgPrimaries);
        for m in Method::ALL {
            assert!(t.has_method(m), "{m:?}");
        }
        let a = resolve_param(&t, "affinityon").unwrap();
        assert_eq!(a.name, "AffinityOn");
        assert_eq!(a.default, Some(PropValue::Bool(true)));
        assert_eq!(a.tunable, Tunable::WhenDisabled);
        for p in [
            "FilesystemCheckCommand",
            "FilesystemMountPoints",
            "GlobalDevicePaths",
            "Zpools",
        ] {
            let d = resolve_param(&t, p).unwrap();
            assert_eq!(d.ty, PropType::Stringarray, "{p}");
            assert_eq!(d.default, Some(PropValue::List(vec![])), "{p}");
        }
        assert_eq!(
            resolve_param(&t, "ZpoolsSearchDir").unwrap().ty,
            PropType::String
        );
        // The timeouts of a captured 3.1 rgmd log.
        for (n, v) in [
            ("Prenet_start_timeout", 1800),
            ("Start_timeout", 90),
            ("Monitor_start_timeout", 90),
            ("Monitor_stop_timeout", 90),
            ("Stop_timeout", 1800),
            ("Postnet_stop_timeout", 1800),
        ] {
            assert_eq!(
                resolve_param(&t, n).unwrap().default,
                Some(PropValue::Int(v)),
                "{n}"
            );
        }
        let h = get("SUNW.HAStorage");
        assert!(!h.upgrade);
        assert!(resolve_param(&h, "ServicePaths").is_some());
        assert!(resolve_param(&h, "AffinityOn").is_some());
    }

    #[test]
    fn gds() {
        let t = get("SUNW.gds:5");
        assert!(!t.failover);
        let ext: Vec<&str> = t
            .params
            .iter()
            .filter(|p| p.extension)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            ext,
            [
                "Start_command",
                "Stop_command",
                "Probe_command",
                "Validate_command",
                "Network_aware",
                "Stop_signal",
                "Failover_enabled",
                "Log_level",
                "Child_mon_level",
                "Probe_timeout",
                "Monitor_retry_count",
                "Monitor_retry_interval",
            ]
        );
        let p = |n: &str| resolve_param(&t, n).unwrap();
        assert_eq!(p("Start_command").default, None);
        assert_eq!(p("Network_aware").default, Some(PropValue::Bool(true)));
        assert_eq!(p("Stop_signal").default, Some(PropValue::Int(15)));
        assert_eq!(p("Failover_enabled").default, Some(PropValue::Bool(true)));
        assert_eq!(p("Log_level").enum_values, ["NONE", "INFO", "ERR"]);
        assert_eq!(p("Log_level").default, Some(PropValue::Str("INFO".into())));
        assert_eq!(p("Child_mon_level").default, Some(PropValue::Int(-1)));
        assert_eq!(p("Probe_timeout").default, Some(PropValue::Int(30)));
        assert_eq!(p("Monitor_retry_count").default, Some(PropValue::Int(4)));
        assert_eq!(p("Monitor_retry_interval").default, Some(PropValue::Int(2)));
        assert_eq!(p("Port_list").default, Some(PropValue::List(vec![])));
        assert_eq!(p("Scalable").default, Some(PropValue::Bool(false)));
        assert_eq!(
            p("Load_balancing_policy").default,
            Some(PropValue::Str("Lb_weighted".into()))
        );
        assert_eq!(p("Retry_interval").default, Some(PropValue::Int(370)));
        assert!(resolve_param(&t, "Cheap_probe_interval").is_none());
        assert!(resolve_param(&t, "Prenet_start_timeout").is_none());
    }

    #[test]
    fn ims() {
        let t = get("SUNW.ims");
        assert_eq!(t.resource_type, "ims");
        assert_eq!(t.vendor_id.as_deref(), Some("SUNW"));
        assert_eq!(t.rt_version, "1");
        assert!(t.failover);
        let methods: Vec<Method> = t.methods.keys().copied().collect();
        assert_eq!(
            methods,
            [
                Method::Start,
                Method::Stop,
                Method::Validate,
                Method::Update,
                Method::MonitorStart,
                Method::MonitorStop,
                Method::MonitorCheck,
            ]
        );
        let p = |n: &str| resolve_param(&t, n).unwrap();
        for n in ["Start_timeout", "Stop_timeout", "Validate_timeout"] {
            assert_eq!(p(n).default, Some(PropValue::Int(300)), "{n}");
        }
        assert_eq!(p("Retry_count").default, Some(PropValue::Int(2)));
        assert_eq!(p("Retry_interval").default, Some(PropValue::Int(620)));
        assert_eq!(
            p("Failover_mode").default,
            Some(PropValue::Str("SOFT".into()))
        );
        let root = p("IMS_serverroot");
        assert!(root.extension);
        assert_eq!(root.ty, PropType::String);
        assert_eq!(root.default, None);
        assert_eq!(root.tunable, Tunable::AtCreation);
        assert!(
            all_params(&t)
                .iter()
                .any(|d| d.name == "Thorough_probe_interval")
        );
    }

    #[test]
    fn builtin_rtr_lookup() {
        for q in [
            "SUNW.HAStoragePlus:4",
            "SUNW.HAStoragePlus",
            "HAStoragePlus",
            "HAStoragePlus:4",
        ] {
            let (path, text) = builtin_rtr(q).unwrap_or_else(|| panic!("{q}"));
            assert_eq!(path, "/usr/cluster/lib/rgm/rtreg/SUNW.HAStoragePlus");
            assert!(text.contains("RESOURCE_TYPE = \"HAStoragePlus\";"));
        }
        assert_eq!(
            builtin_rtr("SUNW.ims").unwrap().0,
            "/usr/cluster/lib/rgm/rtreg/SUNW.ims"
        );
        assert_eq!(
            builtin_rtr("ims").unwrap().0,
            "/usr/cluster/lib/rgm/rtreg/SUNW.ims"
        );
        assert_eq!(
            builtin_rtr("HAStorage").unwrap().0,
            "/usr/cluster/lib/rgm/rtreg/SUNW.HAStorage"
        );
        assert!(builtin_rtr("sunw.ims").is_none());
        assert!(builtin_rtr("SUNW.HAStoragePlus:3").is_none());
        assert!(builtin_rtr("SUNW.sybase").is_none());
        assert_eq!(
            builtin_rtr("nfs").unwrap().0,
            "/usr/cluster/lib/rgm/rtreg/SUNW.nfs"
        );
    }
}
