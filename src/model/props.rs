//! Standard property tables (r_properties(5), rg_properties(5)) and the lookup that merges a
//! type's paramtable with them.
//!
//! # Which standard resource properties a type has
//!
//! Every resource has the *always-present* standard properties: the four dependency lists,
//! `R_description`, `Failover_mode`, `Resource_project_name`, `Type_version`, and the
//! query-only / RGM-set ones (`Resource_name`, `Type`, `On_off_switch`, `Monitored_switch`,
//! `Resource_state`, `Status`, `Status_msg`).
//!
//! The other standard properties are *conditional* (r_properties(5) category "Conditional"):
//!
//! * `<Method>_timeout` exists only when the type declares that method;
//! * `Retry_count`, `Retry_interval`, `Thorough_probe_interval`, `Cheap_probe_interval`,
//!   `Port_list`, `Network_resources_used`, `Scalable`, `Load_balancing_policy`,
//!   `Load_balancing_weights`, `Affinity_timeout`, `UDP_affinity` and `Weak_affinity` exist only
//!   when the type's RTR paramtable declares them.
//!
//! A conditional property declared without a default (neither in the RTR nor in the standard
//! table below) has no default, so it must be given when a resource is created (r_properties(5):
//! "optional or required, depending on whether a default value is specified in the RTR file").
//!
//! # Order
//!
//! [`standard_resource_params`] (and so [`all_params`]) lists the standard properties in this
//! fixed order: identity and switches (`Resource_name`, `Type`, `Type_version`, `R_description`,
//! `Resource_project_name`, `On_off_switch`, `Monitored_switch`, `Resource_state`, `Status`,
//! `Status_msg`), the dependency lists (strong, weak, restart, offline-restart), `Failover_mode`,
//! the method timeouts in [`Method::ALL`] order, then the probe/retry properties (`Retry_count`,
//! `Retry_interval`, `Thorough_probe_interval`, `Cheap_probe_interval`) and finally the network
//! and scalable-service ones (`Network_resources_used`, `Port_list`, `Scalable`,
//! `Load_balancing_policy`, `Load_balancing_weights`, `Affinity_timeout`, `UDP_affinity`,
//! `Weak_affinity`).
//!
//! # Defaults worth knowing
//!
//! * method timeouts: 3600 s, MIN 1, no MAX;
//! * `Resource_project_name` has no default here: an unset value means "the group's
//!   `RG_project_name`";
//! * `Type_version` defaults to the type's `RT_version` and `Type` to the type's full name (both
//!   filled in by [`resolve_param`]);
//! * `Load_balancing_policy` is an enum (`Lb_weighted`, `Lb_sticky`, `Lb_sticky_wild`) default
//!   `Lb_weighted`; enum literals match case-insensitively (`LB_WEIGHTED` in SUNW.hasam).

use super::{Method, ParamDecl, PropType, PropValue, ResourceType, Tunable};
use std::sync::OnceLock;

/// Conditional standard properties other than method timeouts: they exist for a type only when
/// its paramtable declares them.
const DECLARED_ONLY: [&str; 12] = [
    "Retry_count",
    "Retry_interval",
    "Thorough_probe_interval",
    "Cheap_probe_interval",
    "Network_resources_used",
    "Port_list",
    "Scalable",
    "Load_balancing_policy",
    "Load_balancing_weights",
    "Affinity_timeout",
    "UDP_affinity",
    "Weak_affinity",
];

/// Standard properties that only the RGM sets or that are fixed at creation by other means
/// (`-j`, `-t`, `scswitch -e/-n/-M`): never set with `-y`, never declared in an RTR file.
const QUERY_ONLY: [&str; 7] = [
    "On_off_switch",
    "Monitored_switch",
    "Resource_state",
    "Status",
    "Status_msg",
    "Type",
    "Resource_name",
];

/// Default of every method timeout (r_properties(5)).
pub const DEFAULT_METHOD_TIMEOUT: i64 = 3600;

fn decl(
    name: &str,
    ty: PropType,
    default: Option<PropValue>,
    tunable: Tunable,
    description: &str,
) -> ParamDecl {
    ParamDecl {
        default,
        tunable,
        description: description.to_string(),
        ..ParamDecl::new(name, ty, false)
    }
}

fn enum_decl(
    name: &str,
    values: &[&str],
    default: Option<&str>,
    tunable: Tunable,
    description: &str,
) -> ParamDecl {
    ParamDecl {
        enum_values: values.iter().map(|v| v.to_string()).collect(),
        ..decl(
            name,
            PropType::Enum,
            default.map(|d| PropValue::Str(d.to_string())),
            tunable,
            description,
        )
    }
}

fn int_decl(
    name: &str,
    default: Option<i64>,
    min: Option<i64>,
    tunable: Tunable,
    description: &str,
) -> ParamDecl {
    ParamDecl {
        min,
        ..decl(
            name,
            PropType::Int,
            default.map(PropValue::Int),
            tunable,
            description,
        )
    }
}

fn empty_list() -> Option<PropValue> {
    Some(PropValue::List(Vec::new()))
}

fn build_standard() -> Vec<ParamDecl> {
    let mut v = vec![
        decl(
            "Resource_name",
            PropType::String,
            None,
            Tunable::None,
            "Name of the resource",
        ),
        decl(
            "Type",
            PropType::String,
            None,
            Tunable::None,
            "Resource type of the resource",
        ),
        decl(
            "Type_version",
            PropType::String,
            None,
            Tunable::Anytime,
            "Version of the resource type this resource uses",
        ),
        decl(
            "R_description",
            PropType::String,
            Some(PropValue::Str(String::new())),
            Tunable::Anytime,
            "Brief description of the resource",
        ),
        decl(
            "Resource_project_name",
            PropType::String,
            None,
            Tunable::Anytime,
            "Solaris project name for the methods of the resource",
        ),
        enum_decl(
            "On_off_switch",
            &["Enabled", "Disabled"],
            Some("Disabled"),
            Tunable::None,
            "Whether the RGM starts the resource (enabled or disabled)",
        ),
        enum_decl(
            "Monitored_switch",
            &["Enabled", "Disabled"],
            Some("Enabled"),
            Tunable::None,
            "Whether the fault monitor runs (monitored or not)",
        ),
        enum_decl(
            "Resource_state",
            &[
                "Online",
                "Offline",
                "Start_failed",
                "Stop_failed",
                "Monitor_failed",
                "Online_not_monitored",
                "Starting",
                "Stopping",
            ],
            None,
            Tunable::None,
            "State of the resource on each node, set by the RGM",
        ),
        enum_decl(
            "Status",
            &["OK", "DEGRADED", "FAULTED", "UNKNOWN", "OFFLINE"],
            None,
            Tunable::None,
            "Status of the resource on each node, set by its monitor",
        ),
        decl(
            "Status_msg",
            PropType::String,
            None,
            Tunable::None,
            "Status message of the resource on each node",
        ),
        decl(
            "Resource_dependencies",
            PropType::Stringarray,
            empty_list(),
            Tunable::Anytime,
            "Resources this resource has a strong dependency on",
        ),
        decl(
            "Resource_dependencies_weak",
            PropType::Stringarray,
            empty_list(),
            Tunable::Anytime,
            "Resources this resource has a weak dependency on",
        ),
        decl(
            "Resource_dependencies_restart",
            PropType::Stringarray,
            empty_list(),
            Tunable::Anytime,
            "Resources this resource has a restart dependency on",
        ),
        decl(
            "Resource_dependencies_offline_restart",
            PropType::Stringarray,
            empty_list(),
            Tunable::Anytime,
            "Resources this resource has an offline-restart dependency on",
        ),
        enum_decl(
            "Failover_mode",
            &["NONE", "SOFT", "HARD", "RESTART_ONLY", "LOG_ONLY"],
            Some("NONE"),
            Tunable::Anytime,
            "Recovery action on method failure or monitor request",
        ),
    ];
    for m in Method::ALL {
        v.push(int_decl(
            &m.timeout_property(),
            Some(DEFAULT_METHOD_TIMEOUT),
            Some(1),
            Tunable::Anytime,
            &format!(
                "Time out value for the {} method (seconds)",
                m.rtr_name().to_ascii_uppercase()
            ),
        ));
    }
    v.extend([
        int_decl(
            "Retry_count",
            None,
            Some(-1),
            Tunable::WhenDisabled,
            "Number of restarts allowed within Retry_interval (-1 = unlimited)",
        ),
        int_decl(
            "Retry_interval",
            None,
            Some(0),
            Tunable::WhenDisabled,
            "Time window (seconds) in which Retry_count restarts are counted",
        ),
        int_decl(
            "Thorough_probe_interval",
            None,
            Some(0),
            Tunable::WhenDisabled,
            "Time (seconds) between thorough fault probes",
        ),
        int_decl(
            "Cheap_probe_interval",
            None,
            Some(0),
            Tunable::WhenDisabled,
            "Time (seconds) between quick fault probes",
        ),
        decl(
            "Network_resources_used",
            PropType::Stringarray,
            None,
            Tunable::AtCreation,
            "Logical hostname or shared address resources used by this resource",
        ),
        decl(
            "Port_list",
            PropType::Stringarray,
            None,
            Tunable::AtCreation,
            "Ports the server listens on (port/protocol)",
        ),
        decl(
            "Scalable",
            PropType::Boolean,
            None,
            Tunable::AtCreation,
            "Whether the resource uses the cluster networking load balancer",
        ),
        enum_decl(
            "Load_balancing_policy",
            &["Lb_weighted", "Lb_sticky", "Lb_sticky_wild"],
            Some("Lb_weighted"),
            Tunable::AtCreation,
            "Load-balancing policy of a scalable service",
        ),
        decl(
            "Load_balancing_weights",
            PropType::Stringarray,
            empty_list(),
            Tunable::Anytime,
            "Load-balancing weights (weight@node) of a scalable service",
        ),
        int_decl(
            "Affinity_timeout",
            None,
            Some(0),
            Tunable::Anytime,
            "Time (seconds) a client stays with a node under sticky load balancing",
        ),
        decl(
            "UDP_affinity",
            PropType::Boolean,
            Some(PropValue::Bool(false)),
            Tunable::WhenDisabled,
            "Whether UDP traffic follows the TCP client affinity",
        ),
        decl(
            "Weak_affinity",
            PropType::Boolean,
            Some(PropValue::Bool(false)),
            Tunable::WhenDisabled,
            "Whether client affinity is weak (may be broken by load balancing)",
        ),
    ]);
    v
}

/// Every r_properties(5) property, in the documented order (see the module documentation).
pub fn standard_resource_params() -> &'static [ParamDecl] {
    static TABLE: OnceLock<Vec<ParamDecl>> = OnceLock::new();
    TABLE.get_or_init(build_standard)
}

/// The standard resource property of this name (case-insensitive), with its canonical spelling.
pub fn standard_resource_param(name: &str) -> Option<&'static ParamDecl> {
    standard_resource_params()
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

/// `Start_timeout` → `Some(Method::Start)`; any other name → `None` (case-insensitive).
pub fn is_method_timeout(name: &str) -> Option<Method> {
    let len = name.len();
    if len <= "_timeout".len() || !name.is_char_boundary(len - "_timeout".len()) {
        return None;
    }
    let (base, suffix) = name.split_at(len - "_timeout".len());
    if !suffix.eq_ignore_ascii_case("_timeout") {
        return None;
    }
    Method::parse(base)
}

/// Standard properties that exist only when the RTR paramtable declares them (method timeouts
/// excluded: they follow the declared methods).
pub fn is_declared_only(name: &str) -> bool {
    DECLARED_ONLY.iter().any(|p| p.eq_ignore_ascii_case(name))
}

/// Standard properties the administrator never sets with `-y` and an RTR file never declares.
pub fn is_query_only(name: &str) -> bool {
    QUERY_ONLY.iter().any(|p| p.eq_ignore_ascii_case(name))
}

/// Whether the standard property `std` exists for resources of type `rt`.
fn standard_exists(rt: &ResourceType, std: &ParamDecl) -> bool {
    if let Some(m) = is_method_timeout(&std.name) {
        return rt.has_method(m);
    }
    if is_declared_only(&std.name) {
        return rt
            .params
            .iter()
            .any(|p| !p.extension && p.name.eq_ignore_ascii_case(&std.name));
    }
    true
}

/// Merge a paramtable override onto the standard declaration: the name, type and enum literals
/// stay the standard ones; attributes the override leaves unset fall back to the standard ones.
fn merge_override(std: &ParamDecl, ov: &ParamDecl) -> ParamDecl {
    ParamDecl {
        name: std.name.clone(),
        extension: false,
        ty: std.ty,
        enum_values: std.enum_values.clone(),
        default: ov.default.clone().or_else(|| std.default.clone()),
        min: ov.min.or(std.min),
        max: ov.max.or(std.max),
        min_length: ov.min_length.or(std.min_length),
        max_length: ov.max_length.or(std.max_length),
        array_min_size: ov.array_min_size.or(std.array_min_size),
        array_max_size: ov.array_max_size.or(std.array_max_size),
        tunable: ov.tunable,
        description: if ov.description.is_empty() {
            std.description.clone()
        } else {
            ov.description.clone()
        },
        per_node: false,
    }
}

/// The effective declaration of resource property `name` (case-insensitive) for resources of
/// type `rt`: an extension property from the paramtable, or a standard property merged with its
/// paramtable override. `None` when resources of this type have no such property (see the module
/// documentation for which standard properties exist when).
pub fn resolve_param(rt: &ResourceType, name: &str) -> Option<ParamDecl> {
    if let Some(ext) = rt
        .params
        .iter()
        .find(|p| p.extension && p.name.eq_ignore_ascii_case(name))
    {
        return Some(ext.clone());
    }
    let std = standard_resource_param(name)?;
    if !standard_exists(rt, std) {
        return None;
    }
    let mut d = match rt
        .params
        .iter()
        .find(|p| !p.extension && p.name.eq_ignore_ascii_case(&std.name))
    {
        Some(ov) => merge_override(std, ov),
        None => std.clone(),
    };
    if d.default.is_none() {
        if d.name == "Type_version" {
            d.default = Some(PropValue::Str(rt.rt_version.clone()));
        } else if d.name == "Type" {
            d.default = Some(PropValue::Str(rt.name.clone()));
        }
    }
    Some(d)
}

/// Every property a resource of type `rt` has: the standard ones that exist for the type (in
/// [`standard_resource_params`] order, merged with the paramtable), then the extension
/// properties in paramtable order.
pub fn all_params(rt: &ResourceType) -> Vec<ParamDecl> {
    let mut out: Vec<ParamDecl> = standard_resource_params()
        .iter()
        .filter_map(|std| resolve_param(rt, &std.name))
        .collect();
    out.extend(rt.params.iter().filter(|p| p.extension).cloned());
    out
}

/// One rg_properties(5) property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RgPropDef {
    /// Canonical spelling.
    pub name: &'static str,
    pub ty: PropType,
    /// `None` for query-only properties and for `RG_name`/`RG_mode` (given at creation only).
    pub tunable: Tunable,
    /// Literals for `Enum`.
    pub enum_values: &'static [&'static str],
    /// Reported by the RGM, never set by the administrator (`Resource_list`, `RG_state`, …).
    pub query_only: bool,
}

const fn rg(name: &'static str, ty: PropType, tunable: Tunable) -> RgPropDef {
    RgPropDef {
        name,
        ty,
        tunable,
        enum_values: &[],
        query_only: false,
    }
}

const fn rg_query(name: &'static str, ty: PropType) -> RgPropDef {
    RgPropDef {
        name,
        ty,
        tunable: Tunable::None,
        enum_values: &[],
        query_only: true,
    }
}

static RG_PROPERTIES: [RgPropDef; 20] = [
    rg(
        "Auto_start_on_new_cluster",
        PropType::Boolean,
        Tunable::Anytime,
    ),
    rg("Desired_primaries", PropType::Int, Tunable::Anytime),
    rg("Failback", PropType::Boolean, Tunable::Anytime),
    rg(
        "Global_resources_used",
        PropType::Stringarray,
        Tunable::Anytime,
    ),
    rg(
        "Implicit_network_dependencies",
        PropType::Boolean,
        Tunable::Anytime,
    ),
    rg("Maximum_primaries", PropType::Int, Tunable::Anytime),
    rg("Nodelist", PropType::Stringarray, Tunable::Anytime),
    rg("Pathprefix", PropType::String, Tunable::Anytime),
    rg("Pingpong_interval", PropType::Int, Tunable::Anytime),
    rg_query("Resource_list", PropType::Stringarray),
    rg("RG_affinities", PropType::Stringarray, Tunable::Anytime),
    rg("RG_dependencies", PropType::Stringarray, Tunable::Anytime),
    rg("RG_description", PropType::String, Tunable::Anytime),
    rg_query("RG_is_frozen", PropType::Boolean),
    RgPropDef {
        name: "RG_mode",
        ty: PropType::Enum,
        tunable: Tunable::None,
        enum_values: &["Failover", "Scalable"],
        query_only: false,
    },
    rg("RG_name", PropType::String, Tunable::None),
    rg("RG_project_name", PropType::String, Tunable::Anytime),
    RgPropDef {
        name: "RG_state",
        ty: PropType::Enum,
        tunable: Tunable::None,
        enum_values: &[
            "Unmanaged",
            "Online",
            "Offline",
            "Pending_online",
            "Pending_offline",
            "Error_stop_failed",
            "Online_faulted",
            "Pending_online_blocked",
        ],
        query_only: true,
    },
    rg("RG_system", PropType::Boolean, Tunable::Anytime),
    rg_query("Suspend_automatic_recovery", PropType::Boolean),
];

/// Standard properties that came with Sun Cluster 3.2 (refused on a 3.1 cluster).
pub const SC32_PROPERTIES: [&str; 1] = ["Resource_dependencies_offline_restart"];

/// Whether `name` is a property Sun Cluster 3.1 does not have.
pub fn is_32_property(name: &str) -> bool {
    SC32_PROPERTIES.iter().any(|p| p.eq_ignore_ascii_case(name))
}

/// The rg_properties(5) table, alphabetical as in the man page.
pub fn rg_properties() -> &'static [RgPropDef] {
    &RG_PROPERTIES
}

/// The rg_properties(5) property of this name (case-insensitive).
pub fn rg_property(name: &str) -> Option<&'static RgPropDef> {
    RG_PROPERTIES
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InitNodes;
    use std::collections::BTreeMap;

    fn rt(methods: &[Method], params: Vec<ParamDecl>) -> ResourceType {
        ResourceType {
            name: "SUNW.test:1".into(),
            vendor_id: Some("SUNW".into()),
            resource_type: "test".into(),
            rt_version: "1".into(),
            rt_description: String::new(),
            api_version: 2,
            failover: true,
            single_instance: false,
            init_nodes: InitNodes::RgPrimaries,
            rt_basedir: "/opt/test".into(),
            pkglist: vec![],
            rt_system: false,
            installed_nodes: None,
            methods: methods
                .iter()
                .map(|m| (*m, format!("m_{}", m.rtr_name())))
                .collect::<BTreeMap<_, _>>(),
            upgrade: true,
            upgrade_from: vec![],
            params,
            is_logical_hostname: false,
            is_shared_address: false,
            proxy: false,
            global_zone: false,
            source: "test".into(),
        }
    }

    #[test]
    fn standard_table_lookup_is_case_insensitive() {
        let p = standard_resource_param("failover_MODE").unwrap();
        assert_eq!(p.name, "Failover_mode");
        assert_eq!(p.ty, PropType::Enum);
        assert_eq!(p.default, Some(PropValue::Str("NONE".into())));
        assert_eq!(p.enum_values.len(), 5);
        assert!(standard_resource_param("Nonesuch").is_none());
        let names: Vec<&str> = standard_resource_params()
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        for n in [
            "Resource_dependencies_offline_restart",
            "Monitor_check_timeout",
            "Cheap_probe_interval",
            "UDP_affinity",
            "Type_version",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        // no duplicates
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_ascii_lowercase());
        sorted.dedup_by_key(|n| n.to_ascii_lowercase());
        assert_eq!(sorted.len(), names.len());
    }

    #[test]
    fn method_timeouts() {
        assert_eq!(is_method_timeout("Start_timeout"), Some(Method::Start));
        assert_eq!(
            is_method_timeout("prenet_START_Timeout"),
            Some(Method::PrenetStart)
        );
        assert_eq!(
            is_method_timeout("Monitor_check_timeout"),
            Some(Method::MonitorCheck)
        );
        assert_eq!(is_method_timeout("Probe_timeout"), None);
        assert_eq!(is_method_timeout("_timeout"), None);
        assert_eq!(is_method_timeout("Start"), None);
        assert_eq!(is_method_timeout("éé_timeout"), None);
        let t = standard_resource_param("Stop_timeout").unwrap();
        assert_eq!(t.default, Some(PropValue::Int(3600)));
        assert_eq!(t.min, Some(1));
        assert_eq!(t.max, None);
    }

    #[test]
    fn timeouts_exist_only_for_declared_methods() {
        let t = rt(&[Method::Start, Method::Stop], vec![]);
        assert!(resolve_param(&t, "start_timeout").is_some());
        assert!(resolve_param(&t, "Init_timeout").is_none());
        assert!(resolve_param(&t, "Retry_count").is_none());
        assert!(resolve_param(&t, "Cheap_probe_interval").is_none());
        assert!(resolve_param(&t, "Failover_mode").is_some());
        assert!(resolve_param(&t, "Resource_dependencies").is_some());
        assert_eq!(
            resolve_param(&t, "Type_version").unwrap().default,
            Some(PropValue::Str("1".into()))
        );
        assert_eq!(
            resolve_param(&t, "type").unwrap().default,
            Some(PropValue::Str("SUNW.test:1".into()))
        );
    }

    #[test]
    fn override_merges_onto_standard() {
        let ov = ParamDecl {
            default: Some(PropValue::Int(300)),
            min: Some(60),
            ..decl(
                "START_TIMEOUT",
                PropType::String,
                None,
                Tunable::Anytime,
                "",
            )
        };
        let retry = ParamDecl {
            default: Some(PropValue::Int(2)),
            max: Some(10),
            ..decl("retry_count", PropType::Int, None, Tunable::Anytime, "")
        };
        let ext = ParamDecl {
            extension: true,
            default: Some(PropValue::Int(4)),
            ..decl(
                "Monitor_retry_count",
                PropType::Int,
                None,
                Tunable::Anytime,
                "x",
            )
        };
        let t = rt(&[Method::Start, Method::Stop], vec![ov, retry, ext]);
        let s = resolve_param(&t, "Start_timeout").unwrap();
        assert_eq!(s.name, "Start_timeout");
        assert_eq!(s.ty, PropType::Int);
        assert_eq!(s.default, Some(PropValue::Int(300)));
        assert_eq!(s.min, Some(60));
        assert!(!s.description.is_empty());
        let r = resolve_param(&t, "RETRY_COUNT").unwrap();
        assert_eq!(r.name, "Retry_count");
        assert_eq!(r.tunable, Tunable::Anytime);
        assert_eq!(r.min, Some(-1));
        assert_eq!(r.max, Some(10));
        let e = resolve_param(&t, "monitor_retry_count").unwrap();
        assert!(e.extension);

        let all = all_params(&t);
        let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names[0], "Resource_name");
        assert!(names.contains(&"Start_timeout"));
        assert!(names.contains(&"Retry_count"));
        assert!(!names.contains(&"Retry_interval"));
        assert!(!names.contains(&"Init_timeout"));
        assert_eq!(*names.last().unwrap(), "Monitor_retry_count");
        let start = names.iter().position(|n| *n == "Start_timeout").unwrap();
        let stop = names.iter().position(|n| *n == "Stop_timeout").unwrap();
        let retry = names.iter().position(|n| *n == "Retry_count").unwrap();
        assert!(start < stop && stop < retry);
    }

    #[test]
    fn rg_table() {
        assert_eq!(rg_properties().len(), 20);
        let p = rg_property("rg_MODE").unwrap();
        assert_eq!(p.name, "RG_mode");
        assert_eq!(p.enum_values, ["Failover", "Scalable"]);
        assert!(!p.query_only);
        assert!(rg_property("RG_state").unwrap().query_only);
        assert!(rg_property("Resource_list").unwrap().query_only);
        assert_eq!(rg_property("nodelist").unwrap().ty, PropType::Stringarray);
        assert!(rg_property("Nodes").is_none());
        assert!(is_query_only("status"));
        assert!(!is_query_only("Failover_mode"));
        assert!(is_declared_only("port_list"));
    }
}
