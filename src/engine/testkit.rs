//! Test support: synthetic resource types and a small builder for start states, used by the
//! engine's unit tests, the scenario corpus and the property tests. Not used by any command.
//!
//! The types are marked `source = "testkit"`; they mirror the shape of the real agents
//! (method program names and timeouts as real 3.1 logs show them) but are not the built-in
//! RTR definitions.

use crate::admin::init::{InitOptions, new_cluster};
use crate::model::{
    ClusterState, InitNodes, Method, Name, ParamDecl, PropType, PropValue, RState, RStatus,
    Resource, ResourceGroup, ResourceNodeState, ResourceType, RgMode, RgState,
};
use std::collections::BTreeMap;

fn int_param(name: &str, v: i64) -> ParamDecl {
    ParamDecl {
        default: Some(PropValue::Int(v)),
        ..ParamDecl::new(name, PropType::Int, false)
    }
}

/// A synthetic type: `methods` as (method, program, timeout).
pub fn make_type(
    vendor: &str,
    rtype: &str,
    failover: bool,
    methods: &[(Method, &str, i64)],
    extra: Vec<ParamDecl>,
) -> ResourceType {
    let mut params = Vec::new();
    let mut ms = BTreeMap::new();
    for (m, prog, t) in methods {
        ms.insert(*m, prog.to_string());
        params.push(int_param(&m.timeout_property(), *t));
    }
    params.extend(extra);
    ResourceType {
        name: format!("{vendor}.{rtype}"),
        vendor_id: Some(vendor.to_string()),
        resource_type: rtype.to_string(),
        rt_version: "1".to_string(),
        rt_description: format!("{rtype} (testkit)"),
        api_version: 2,
        failover,
        single_instance: false,
        init_nodes: InitNodes::RgPrimaries,
        rt_basedir: "/opt/testkit/bin".to_string(),
        pkglist: Vec::new(),
        rt_system: false,
        installed_nodes: None,
        methods: ms,
        upgrade: false,
        upgrade_from: Vec::new(),
        params,
        is_logical_hostname: false,
        is_shared_address: false,
        proxy: false,
        global_zone: false,
        source: "testkit".to_string(),
    }
}

pub fn logical_hostname() -> ResourceType {
    let mut t = make_type(
        "SUNW",
        "LogicalHostname",
        true,
        &[
            (Method::PrenetStart, "hafoip_prenet_start", 300),
            (Method::Start, "hafoip_start", 500),
            (Method::Stop, "hafoip_stop", 300),
            (Method::MonitorStart, "hafoip_monitor_start", 300),
            (Method::MonitorStop, "hafoip_monitor_stop", 300),
            (Method::MonitorCheck, "hafoip_monitor_check", 300),
            (Method::Validate, "hafoip_validate", 300),
            (Method::Update, "hafoip_update", 300),
        ],
        Vec::new(),
    );
    t.is_logical_hostname = true;
    t
}

pub fn shared_address() -> ResourceType {
    let mut t = make_type(
        "SUNW",
        "SharedAddress",
        true,
        &[
            (Method::PrenetStart, "hascip_prenet_start", 300),
            (Method::Start, "hascip_start", 500),
            (Method::Stop, "hascip_stop", 300),
            (Method::MonitorStart, "hascip_monitor_start", 300),
            (Method::MonitorStop, "hascip_monitor_stop", 300),
            (Method::Validate, "hascip_validate", 300),
        ],
        Vec::new(),
    );
    t.is_shared_address = true;
    t
}

pub fn hastorageplus() -> ResourceType {
    let mut t = make_type(
        "SUNW",
        "HAStoragePlus",
        false,
        &[
            (Method::PrenetStart, "hastorageplus_prenet_start", 1800),
            (Method::Start, "hastorageplus_start", 90),
            (Method::Stop, "hastorageplus_stop", 1800),
            (Method::PostnetStop, "hastorageplus_postnet_stop", 1800),
            (Method::MonitorStart, "hastorageplus_monitor_start", 90),
            (Method::MonitorStop, "hastorageplus_monitor_stop", 90),
            (Method::Validate, "hastorageplus_validate", 1800),
            (Method::Init, "hastorageplus_init", 1800),
            (Method::Fini, "hastorageplus_fini", 1800),
            (Method::Boot, "hastorageplus_boot", 1800),
            (Method::Update, "hastorageplus_update", 1800),
        ],
        Vec::new(),
    );
    t.params.push(ParamDecl {
        name: "GlobalDevicePaths".to_string(),
        extension: true,
        ty: PropType::Stringarray,
        default: Some(PropValue::List(Vec::new())),
        ..int_param("x", 0)
    });
    t
}

pub fn ims() -> ResourceType {
    make_type(
        "SUNW",
        "ims",
        true,
        &[
            (Method::Start, "ims_svc_start", 300),
            (Method::Stop, "ims_svc_stop", 300),
            (Method::Validate, "ims_validate", 300),
            (Method::Update, "ims_update", 300),
            (Method::MonitorStart, "ims_monitor_start", 300),
            (Method::MonitorStop, "ims_monitor_stop", 300),
            (Method::MonitorCheck, "ims_monitor_check", 300),
        ],
        vec![
            int_param("Retry_count", 2),
            int_param("Retry_interval", 620),
        ],
    )
}

/// A generic data service (GDS-like): Start/Stop/monitor.
pub fn gds() -> ResourceType {
    make_type(
        "SUNW",
        "gds",
        false,
        &[
            (Method::Start, "gds_svc_start", 300),
            (Method::Stop, "gds_svc_stop", 300),
            (Method::Validate, "gds_validate", 300),
            (Method::Update, "gds_update", 300),
            (Method::MonitorStart, "gds_monitor_start", 300),
            (Method::MonitorStop, "gds_monitor_stop", 300),
            (Method::MonitorCheck, "gds_monitor_check", 300),
        ],
        vec![
            int_param("Retry_count", 2),
            int_param("Retry_interval", 300),
        ],
    )
}

/// Every testkit type, keyed by a short alias (`lh`, `sa`, `hasp`, `ims`, `gds`).
pub fn types() -> Vec<(&'static str, ResourceType)> {
    vec![
        ("lh", logical_hostname()),
        ("sa", shared_address()),
        ("hasp", hastorageplus()),
        ("ims", ims()),
        ("gds", gds()),
    ]
}

/// A cluster of `nodes` with every testkit type registered and the clock at `now_ms`.
pub fn cluster(nodes: &[&str], now_ms: u64) -> ClusterState {
    let mut s = new_cluster(
        &InitOptions {
            nodes: nodes.iter().map(|n| n.to_string()).collect(),
            ..Default::default()
        },
        now_ms,
    )
    .expect("valid testkit cluster");
    for (_, t) in types() {
        s.resource_types.insert(t.name.clone(), t);
    }
    s
}

/// Add a managed, offline group.
pub fn add_group<'a>(s: &'a mut ClusterState, name: &str, nodes: &[&str]) -> &'a mut ResourceGroup {
    let mut g = ResourceGroup::new(name, nodes.iter().map(|n| Name::from(*n)).collect());
    g.managed = true;
    s.resource_groups.insert(name, g);
    s.resource_groups.get_mut(name).expect("just inserted")
}

/// Add a scalable managed group.
pub fn add_scalable_group<'a>(
    s: &'a mut ClusterState,
    name: &str,
    nodes: &[&str],
    desired: u32,
    max: u32,
) -> &'a mut ResourceGroup {
    let g = add_group(s, name, nodes);
    g.mode = RgMode::Scalable;
    g.desired_primaries = desired;
    g.maximum_primaries = max;
    g
}

/// Add an enabled, monitored resource of testkit type `alias` to `group`; `deps` are strong.
pub fn add_resource<'a>(
    s: &'a mut ClusterState,
    name: &str,
    alias: &str,
    group: &str,
    deps: &[&str],
) -> &'a mut Resource {
    let rtype = types()
        .into_iter()
        .find(|(a, _)| *a == alias)
        .map(|(_, t)| Name::from(t.name))
        .unwrap_or_else(|| Name::from(alias));
    let r = Resource {
        name: Name::from(name),
        rtype: rtype.into(),
        group: Name::from(group),
        enabled: true,
        monitored: true,
        description: Default::default(),
        dependencies: crate::model::Dependencies::of(
            crate::model::DepKind::Strong,
            deps.iter().map(|d| Name::from(*d)).collect(),
        ),
        properties: crate::model::PropMap::new(),
        extension: crate::model::PropMap::new(),
        state: crate::model::NodeMap::new(),
        extras: Default::default(),
    };
    if let Some(g) = s.resource_groups.get_mut(group) {
        g.resources.push(Name::from(name));
    }
    s.resources.insert(name, r);
    s.resources.get_mut(name).expect("just inserted")
}

/// Mark a group online on `node` with every enabled resource online there (a start state,
/// as if it had been brought online earlier).
pub fn set_online(s: &mut ClusterState, group: &str, node: &str) {
    let names = s.resource_groups[group].resources.clone();
    s.resource_groups
        .get_mut(group)
        .expect("group")
        .state
        .insert(node, RgState::Online);
    for r in names {
        let res = &s.resources[&r];
        if !res.enabled {
            continue;
        }
        let rt = s.resource_types.get(res.rtype.as_str());
        let msg = super::settings::status_message(rt, true);
        let st = if res.monitored || !rt.is_some_and(|t| t.has_method(Method::MonitorStart)) {
            RState::Online
        } else {
            RState::OnlineNotMonitored
        };
        s.resources.get_mut(&r).expect("resource").state.insert(
            node,
            ResourceNodeState {
                state: st,
                status: RStatus::Online,
                message: msg.into(),
            },
        );
    }
}

/// The seed's MAIL-RG: budgie (LogicalHostname), disk-rs (HAStoragePlus), mail-rs (ims,
/// strong dependencies on disk-rs and budgie), on mail-1,mail-2, online on mail-1.
pub fn seed(now_ms: u64) -> ClusterState {
    let mut s = cluster(&["mail-1", "mail-2"], now_ms);
    add_group(&mut s, "MAIL-RG", &["mail-1", "mail-2"]);
    add_resource(&mut s, "budgie", "lh", "MAIL-RG", &[]);
    add_resource(&mut s, "disk-rs", "hasp", "MAIL-RG", &[]);
    add_resource(&mut s, "mail-rs", "ims", "MAIL-RG", &["disk-rs", "budgie"]);
    set_online(&mut s, "MAIL-RG", "mail-1");
    s
}
