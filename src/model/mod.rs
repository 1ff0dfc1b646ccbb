//! The cluster as data: the serde types of the state file, in Sun Cluster vocabulary.
//!
//! Everything the simulated cluster knows lives in one [`ClusterState`]. These types are
//! plain data with small accessors; validation lives in `admin`, behaviour in `engine`,
//! persistence in `store`. Nothing here does I/O.

mod config_event;
mod defaults;
mod deps;
pub mod extras;
pub mod group;
mod interned;
mod log;
mod named;
pub mod nodefiles;
mod nodemap;
mod nodestate;
mod packed;
mod propmap;
pub mod props;
pub mod value;
pub use interned::Interned;
pub use log::{Event, EventLog, EventRef, LogSink};
pub use named::{Named, NamedMap, set_passed_hook};
pub use nodemap::{Iter as NodeMapIter, NodeMap};
pub use packed::PackedLog;

use crate::fasthash::NameMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use config_event::ConfigEvent;
pub use deps::{DepKind, Dependencies};
pub use propmap::PropMap;
pub use value::PropValue;

/// The name of a resource, group, type or node as the model holds it: in place up to 24 bytes
/// (any name a cluster is likely to use), on the heap beyond. A cluster of thousands of
/// resources names each one, its type and its group, and each group its nodes and members; as
/// `String`s every one of those names would be its own small allocation.
pub type Name = compact_str::CompactString;

/// Current schema version of the state file. Bump with a migration step in `store::migrate`.
pub const SCHEMA_VERSION: u32 = 6;

/// The whole simulated cluster: configuration, runtime state, clock, event log, faults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterState {
    pub schema_version: u32,
    /// Bumped on every committed write.
    pub generation: u64,
    pub cluster: Cluster,
    /// Registered resource types, keyed by full name (`SUNW.HAStoragePlus:4`), in registration order.
    pub resource_types: NameMap<ResourceType>,
    /// Resource groups, keyed by name, in creation order.
    pub resource_groups: NamedMap<ResourceGroup>,
    /// Resources, keyed by name, in creation order.
    pub resources: NamedMap<Resource>,
    /// Simulated clock.
    pub clock: Clock,
    /// Event-log settings and this command's new entries; the log itself is the messages file
    /// beside the state (`store::messages`). Stored as `log`.
    #[serde(rename = "log")]
    pub events: EventLog,
    /// Injected faults waiting to fire.
    #[serde(default)]
    pub faults: Vec<Fault>,
    /// The real cluster manager this state drives; absent: the simulator runs the cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backend: Option<Binding>,
    /// The nodes' system files as read with the state (never saved in it).
    #[serde(skip)]
    pub files: nodefiles::NodeFiles,
}

/// A state bound to a Pacemaker cluster (`scsim init --backend pacemaker`): the SC
/// configuration stays here, runtime placement is read back from Pacemaker after every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binding {
    /// `pacemaker` (the only kind today).
    pub kind: String,
    /// A CIB file acted on through `CIB_file` and settled with `crm_simulate`; absent: the
    /// live cluster of the node the command runs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cib_file: Option<std::path::PathBuf>,
}

/// Static and membership facts of the cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub name: String,
    /// Nodes in id order (ids 1..n).
    pub nodes: Vec<Node>,
    pub transport_paths: Vec<TransportPath>,
    pub quorum_devices: Vec<QuorumDevice>,
    pub device_groups: Vec<DeviceGroup>,
    /// The Sun Cluster release the cluster runs (`scsim init --release`): which command sets
    /// exist and which properties are known. Absent in files written before it existed: 3.1.
    #[serde(default, skip_serializing_if = "Release::is_default")]
    pub release: Release,
}

/// A Sun Cluster / Oracle Solaris Cluster release, as far as the command line is concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Release {
    /// Sun Cluster 3.1: scrgadm, scswitch, scstat only.
    #[default]
    #[serde(rename = "3.1")]
    V31,
    /// Sun Cluster 3.2: both the 3.1 commands and the object CLI (clrg, clrs, …).
    #[serde(rename = "3.2")]
    V32,
    /// Oracle Solaris Cluster 4.4: the object CLI only.
    #[serde(rename = "4.4")]
    V44,
}

impl Release {
    pub const ALL: [Release; 3] = [Release::V31, Release::V32, Release::V44];
    pub fn is_default(&self) -> bool {
        *self == Release::V31
    }
    /// `3.1`, `3.2`, `4.4`.
    pub fn as_str(self) -> &'static str {
        match self {
            Release::V31 => "3.1",
            Release::V32 => "3.2",
            Release::V44 => "4.4",
        }
    }
    /// The product name with its release (`Sun Cluster 3.2`, `Oracle Solaris Cluster 4.4`).
    pub fn product(self) -> &'static str {
        match self {
            Release::V31 => "Sun Cluster 3.1",
            Release::V32 => "Sun Cluster 3.2",
            Release::V44 => "Oracle Solaris Cluster 4.4",
        }
    }
    pub fn parse(s: &str) -> Option<Release> {
        Release::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
    /// scrgadm, scswitch and scstat exist.
    pub fn has_sc31_commands(self) -> bool {
        self != Release::V44
    }
    /// The object commands (clrg, clrs, …) exist.
    pub fn has_object_cli(self) -> bool {
        self != Release::V31
    }
    /// 3.2 features: per-node switches, `{node}` values, Resource_dependencies_offline_restart.
    pub fn has_32_features(self) -> bool {
        self != Release::V31
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: u32,
    pub name: String,
    /// Cluster member (up) or not (down).
    pub up: bool,
    pub votes: u32,
    /// Private interconnect adapters of this node (e.g. `qfe1`, `hme1`).
    pub adapters: Vec<String>,
    /// IPMP groups on the public network.
    pub ipmp_groups: Vec<IpmpGroup>,
    /// Evacuation guard: the node is not chosen as a target until this simulated time (ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evacuated_until: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IpmpGroup {
    pub name: String,
    pub adapters: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransportPath {
    /// `node:adapter`
    pub endpoint_a: String,
    pub endpoint_b: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuorumDevice {
    /// e.g. `/dev/did/rdsk/d2s2`
    pub name: String,
    pub votes: u32,
    /// Nodes with a path to the device (all nodes by default).
    pub nodes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceGroup {
    pub name: String,
    /// Ordered node list.
    pub nodes: Vec<String>,
    /// Current primary; `None` when offline.
    pub primary: Option<String>,
    #[serde(default)]
    pub maintenance: bool,
}

impl Cluster {
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.name == name)
    }
    pub fn node_mut(&mut self, name: &str) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|n| n.name == name)
    }
    /// Resolve a node given by name or numeric id (as `-n ipmp0@1` allows).
    pub fn resolve_node(&self, name_or_id: &str) -> Option<&Node> {
        self.node(name_or_id).or_else(|| {
            name_or_id
                .parse::<u32>()
                .ok()
                .and_then(|id| self.nodes.iter().find(|n| n.id == id))
        })
    }
    pub fn node_names(&self) -> Vec<String> {
        self.nodes.iter().map(|n| n.name.clone()).collect()
    }
    pub fn is_up(&self, name: &str) -> bool {
        self.node(name).is_some_and(|n| n.up)
    }

    /// The names of the nodes that are up (the cluster members), in node order.
    pub fn up_members(&self) -> Vec<String> {
        self.nodes
            .iter()
            .filter(|n| n.up)
            .map(|n| n.name.clone())
            .collect()
    }
}

/// Methods a resource type may declare (rt_reg(4) method keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Method {
    Start,
    Stop,
    Validate,
    Update,
    Init,
    Fini,
    Boot,
    PrenetStart,
    PostnetStop,
    MonitorStart,
    MonitorStop,
    MonitorCheck,
}

impl Method {
    pub const ALL: [Method; 12] = [
        Method::Start,
        Method::Stop,
        Method::Validate,
        Method::Update,
        Method::Init,
        Method::Fini,
        Method::Boot,
        Method::PrenetStart,
        Method::PostnetStop,
        Method::MonitorStart,
        Method::MonitorStop,
        Method::MonitorCheck,
    ];
    /// Spelling used in RTR files and property names (`Prenet_start`).
    pub fn rtr_name(self) -> &'static str {
        match self {
            Method::Start => "Start",
            Method::Stop => "Stop",
            Method::Validate => "Validate",
            Method::Update => "Update",
            Method::Init => "Init",
            Method::Fini => "Fini",
            Method::Boot => "Boot",
            Method::PrenetStart => "Prenet_start",
            Method::PostnetStop => "Postnet_stop",
            Method::MonitorStart => "Monitor_start",
            Method::MonitorStop => "Monitor_stop",
            Method::MonitorCheck => "Monitor_check",
        }
    }
    /// Name of the timeout property for this method (`Prenet_start_timeout`).
    pub fn timeout_property(self) -> String {
        format!("{}_timeout", self.rtr_name())
    }
    /// Case-insensitive parse of an RTR/CLI method name.
    pub fn parse(s: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.rtr_name().eq_ignore_ascii_case(s))
    }
}

/// Property type (property_attributes(5)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PropType {
    String,
    Int,
    Boolean,
    Enum,
    Stringarray,
}

/// When a property may be set (Tunable attribute). FALSE/TRUE are folded into NONE/ANYTIME.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Tunable {
    None,
    Anytime,
    AtCreation,
    WhenDisabled,
}

/// One `{ PROPERTY = …; … }` entry of an RTR paramtable, or a standard property's definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamDecl {
    /// Declared spelling (canonical for display); lookups are case-insensitive.
    pub name: String,
    pub extension: bool,
    pub ty: PropType,
    /// Allowed literals for `Enum`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<String>,
    /// `None` = no default (the property is required at creation if it is an extension property
    /// or a standard property marked required).
    pub default: Option<PropValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub array_min_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub array_max_size: Option<u32>,
    pub tunable: Tunable,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_node: bool,
}

impl ParamDecl {
    /// A declaration with no default, no bounds, tunable ANYTIME: the starting point that the
    /// RTR parser, the standard tables and tests fill in.
    pub fn new(name: &str, ty: PropType, extension: bool) -> Self {
        ParamDecl {
            name: name.to_string(),
            extension,
            ty,
            enum_values: Vec::new(),
            default: None,
            min: None,
            max: None,
            min_length: None,
            max_length: None,
            array_min_size: None,
            array_max_size: None,
            tunable: Tunable::Anytime,
            description: String::new(),
            per_node: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InitNodes {
    RgPrimaries,
    RtInstalledNodes,
}

/// A registered resource type (rt_properties(5) plus its paramtable).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceType {
    /// Full registered name: `vendor.type` or `vendor.type:version` when `#$upgrade` is present.
    pub name: String,
    pub vendor_id: Option<String>,
    /// `Resource_type` as declared (without vendor or version).
    pub resource_type: String,
    pub rt_version: String,
    pub rt_description: String,
    pub api_version: u32,
    pub failover: bool,
    pub single_instance: bool,
    pub init_nodes: InitNodes,
    pub rt_basedir: String,
    pub pkglist: Vec<String>,
    pub rt_system: bool,
    /// `None` = all cluster nodes.
    pub installed_nodes: Option<Vec<String>>,
    pub methods: BTreeMap<Method, String>,
    /// `#$upgrade` present.
    #[serde(default)]
    pub upgrade: bool,
    /// `#$upgrade_from "version" TUNABILITY` directives.
    #[serde(default)]
    pub upgrade_from: Vec<(String, String)>,
    /// Paramtable: standard property overrides and extension properties, in file order.
    pub params: Vec<ParamDecl>,
    #[serde(default)]
    pub is_logical_hostname: bool,
    #[serde(default)]
    pub is_shared_address: bool,
    /// `Proxy = TRUE` (3.2): the resources of the type import the state of a resource of
    /// another cluster framework; `scha_control -O CHANGE_STATE_ONLINE|OFFLINE` sets it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proxy: bool,
    /// `Global_zone = TRUE` (3.2): the methods run in the global zone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub global_zone: bool,
    /// Where it came from: `builtin` or the RTR file path.
    pub source: String,
}

impl ResourceType {
    pub fn has_method(&self, m: Method) -> bool {
        self.methods.contains_key(&m)
    }
    /// Case-insensitive lookup in the paramtable.
    pub fn param(&self, name: &str) -> Option<&ParamDecl> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }
    pub fn is_network_address(&self) -> bool {
        self.is_logical_hostname || self.is_shared_address
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RgMode {
    Failover,
    Scalable,
}

/// Resource group: rg_properties(5) as typed fields, plus per-node runtime state. Read
/// through [`group::GroupFile`] and written through [`group::GroupOut`], in the same form and
/// order as when every field was inline; the fields most groups leave empty are held out of
/// line ([`group::Rare`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceGroup {
    /// Written as the key of `resource_groups` only (schema 6; `named.rs`).
    pub name: Name,
    pub nodelist: Vec<Name>,
    pub managed: bool,
    pub mode: RgMode,
    pub failback: bool,
    pub maximum_primaries: u32,
    pub desired_primaries: u32,
    pub implicit_network_dependencies: bool,
    /// `["*"]` = all.
    pub global_resources_used: Vec<Name>,
    pub pingpong_interval: u32,
    /// A name (held inline up to 24 bytes): the default, `default`, takes no block of its own.
    pub project_name: Name,
    pub rg_system: bool,
    pub auto_start_on_new_cluster: bool,
    pub suspend_automatic_recovery: bool,
    /// Resources in creation order (Resource_list).
    pub resources: Vec<Name>,
    /// Per-node state, one entry per Nodelist node (absent = Offline, or Unmanaged when unmanaged).
    pub state: NodeMap<RgState>,
    /// Set by `scswitch -Q`/error handling: automatic actions are frozen until cleared.
    pub quiesced: bool,
    /// The group was online and lost every primary to failures with nowhere to go; the RGM
    /// brings it back when a node of its Nodelist joins (an operator's `scswitch -F` does not
    /// set this, so a group taken offline by hand stays offline).
    pub stranded: bool,
    /// Description, RG_dependencies, RG_affinities, Pathprefix and the Pingpong histories.
    pub rare: group::Rare,
}

impl ResourceGroup {
    /// New unmanaged failover group with the rg_properties(5) defaults.
    pub fn new(name: &str, nodelist: Vec<Name>) -> Self {
        ResourceGroup {
            name: Name::from(name),
            nodelist,
            managed: false,
            mode: RgMode::Failover,
            failback: false,
            maximum_primaries: defaults::MAXIMUM_PRIMARIES,
            desired_primaries: defaults::DESIRED_PRIMARIES,
            implicit_network_dependencies: true,
            global_resources_used: defaults::global_resources_used(),
            pingpong_interval: defaults::PINGPONG_INTERVAL,
            project_name: defaults::project_name(),
            rg_system: false,
            auto_start_on_new_cluster: true,
            suspend_automatic_recovery: false,
            resources: Vec::new(),
            state: NodeMap::new(),
            quiesced: false,
            stranded: false,
            rare: group::Rare::default(),
        }
    }
    /// State on a node (Unmanaged when the group is unmanaged).
    pub fn state_on(&self, node: &str) -> RgState {
        if !self.managed {
            return RgState::Unmanaged;
        }
        self.state.get(node).copied().unwrap_or(RgState::Offline)
    }
    /// Nodes where the group is online (or on its way / faulted but still mastered).
    pub fn primaries(&self) -> Vec<Name> {
        self.nodelist
            .iter()
            .filter(|n| self.state_on(n).is_mastered())
            .cloned()
            .collect()
    }
}

/// Per-node RG state (scstat -g, rg_properties RG_state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RgState {
    Unmanaged,
    Offline,
    PendingOnline,
    Online,
    PendingOffline,
    ErrorStopFailed,
    OnlineFaulted,
    PendingOnlineBlocked,
}

impl RgState {
    /// Spelling used by scstat and scha (`Pending_online_blocked`).
    pub fn as_str(self) -> &'static str {
        match self {
            RgState::Unmanaged => "Unmanaged",
            RgState::Offline => "Offline",
            RgState::PendingOnline => "Pending_online",
            RgState::Online => "Online",
            RgState::PendingOffline => "Pending_offline",
            RgState::ErrorStopFailed => "Error_stop_failed",
            RgState::OnlineFaulted => "Online_faulted",
            RgState::PendingOnlineBlocked => "Pending_online_blocked",
        }
    }
    /// The group counts as mastered on the node (resources may be running there).
    pub fn is_mastered(self) -> bool {
        matches!(
            self,
            RgState::Online
                | RgState::OnlineFaulted
                | RgState::PendingOnline
                | RgState::PendingOffline
                | RgState::ErrorStopFailed
                | RgState::PendingOnlineBlocked
        )
    }
}

/// A resource: identity, cluster-wide switches, explicitly set properties, per-node state.
/// Read from the state file through [`extras::ResourceFile`], which moves the rarely used
/// fields out of line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "extras::ResourceFile")]
pub struct Resource {
    /// Written as the key of `resources` only (schema 6; `named.rs`).
    #[serde(skip_serializing)]
    pub name: Name,
    /// Full name of its registered type (held once for all resources of the type).
    #[serde(rename = "type")]
    pub rtype: Interned,
    pub group: Name,
    /// On_off_switch.
    #[serde(skip_serializing_if = "defaults::is_yes")]
    pub enabled: bool,
    /// Monitored_switch.
    #[serde(skip_serializing_if = "defaults::is_yes")]
    pub monitored: bool,
    #[serde(skip_serializing_if = "SparseText::is_empty")]
    pub description: SparseText,
    #[serde(skip_serializing_if = "defaults::is_no_dependencies")]
    pub dependencies: Dependencies,
    /// Standard properties set explicitly (canonical spelling -> value); others take the type's
    /// declared default or the standard default (see `props`).
    #[serde(skip_serializing_if = "PropMap::is_empty")]
    pub properties: PropMap,
    /// Extension properties set explicitly (declared spelling -> value).
    #[serde(skip_serializing_if = "PropMap::is_empty")]
    pub extension: PropMap,
    /// Per-node runtime state; absent node = Offline / no status.
    #[serde(skip_serializing_if = "NodeMap::is_empty")]
    pub state: NodeMap<ResourceNodeState>,
    /// Restart histories, per-node switches and values, the watcher's restarts: written as
    /// fields of the resource, kept out of line ([`extras`]).
    #[serde(flatten)]
    pub extras: extras::Rare,
}

/// Per-node resource state (RGM-set) and status (agent-set). In the state file (schema 6) a
/// state whose status has its name (Online/Online, Offline/Offline) and no message is the bare
/// name; any other is an object (`nodestate.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceNodeState {
    pub state: RState,
    pub status: RStatus,
    pub message: SparseText,
}

impl Default for ResourceNodeState {
    fn default() -> Self {
        ResourceNodeState {
            state: RState::Offline,
            status: RStatus::Offline,
            message: SparseText::default(),
        }
    }
}

/// A text most objects leave empty — the status message of a resource on a node
/// (`scha_resource_setstatus -m`), a resource's description — held out of line: a pointer's
/// width in each object, which at 10,000 resources on two nodes is 0.5 MB less than a `String`
/// in each.
#[derive(Clone, Default, PartialEq, Eq)]
#[expect(
    clippy::box_collection,
    reason = "one word wide; a `Box<str>` would take two"
)]
pub struct SparseText(Option<Box<String>>);

impl SparseText {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", String::as_str)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl Serialize for SparseText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SparseText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(SparseText::from)
    }
}

impl std::ops::Deref for SparseText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SparseText {
    fn from(s: String) -> SparseText {
        SparseText((!s.is_empty()).then(|| Box::new(s)))
    }
}

impl From<&str> for SparseText {
    fn from(s: &str) -> SparseText {
        SparseText::from(s.to_string())
    }
}

impl PartialEq<&str> for SparseText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for SparseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SparseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Resource {
    /// On_off_switch on `node`: enabled, and not disabled there alone.
    pub fn enabled_on(&self, node: &str) -> bool {
        self.enabled && !self.extras.disabled_on.contains(node)
    }
    /// Monitored_switch on `node`.
    pub fn monitored_on(&self, node: &str) -> bool {
        self.monitored && !self.extras.unmonitored_on.contains(node)
    }
    pub fn state_on(&self, node: &str) -> RState {
        self.state
            .get(node)
            .map(|s| s.state)
            .unwrap_or(RState::Offline)
    }
}

/// Per-node resource state (Resource_state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RState {
    Offline,
    Starting,
    Online,
    OnlineNotMonitored,
    Stopping,
    StartFailed,
    StopFailed,
    MonitorFailed,
}

impl RState {
    pub fn as_str(self) -> &'static str {
        match self {
            RState::Offline => "Offline",
            RState::Starting => "Starting",
            RState::Online => "Online",
            RState::OnlineNotMonitored => "Online_not_monitored",
            RState::Stopping => "Stopping",
            RState::StartFailed => "Start_failed",
            RState::StopFailed => "Stop_failed",
            RState::MonitorFailed => "Monitor_failed",
        }
    }
    /// The resource's service is running on the node (methods to stop it are due).
    pub fn is_running(self) -> bool {
        matches!(
            self,
            RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed | RState::Starting
        )
    }
}

/// Status keyword set by the resource's agent (scha_resource_setstatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RStatus {
    Online,
    Offline,
    Faulted,
    Degraded,
    Unknown,
}

impl RStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RStatus::Online => "Online",
            RStatus::Offline => "Offline",
            RStatus::Faulted => "Faulted",
            RStatus::Degraded => "Degraded",
            RStatus::Unknown => "Unknown",
        }
    }
}

/// Simulated clock: milliseconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    pub now_ms: u64,
}

/// An injected fault (see `scsim fault inject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    pub resource: String,
    pub kind: FaultKind,
    /// Only on this node (`None` = any node).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Remaining firings (`None` = every call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// The method exits non-zero.
    MethodFails { method: Method },
    /// The method hangs until its timeout.
    MethodTimeout { method: Method },
    /// The fault monitor reports the resource failed.
    Monitor,
}

impl ClusterState {
    pub fn group(&self, name: &str) -> Option<&ResourceGroup> {
        self.resource_groups.get(name)
    }
    pub fn resource(&self, name: &str) -> Option<&Resource> {
        self.resources.get(name)
    }
    /// Type of a resource (every resource's type is registered: admin enforces it).
    pub fn type_of(&self, r: &Resource) -> Option<&ResourceType> {
        self.resource_types.get(r.rtype.as_str())
    }
}
