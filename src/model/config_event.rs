//! Configuration changes the running cluster reacts to: `admin` reports them after a change,
//! the engine runs the methods they imply (Init, Fini, Update) and converges the groups.

/// A configuration change that has been applied to the state (or is about to be removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigEvent {
    /// A resource was added to its group. Init runs (Init_nodes) if the group is managed.
    ResourceCreated { resource: String },
    /// Properties of a resource changed. Update runs where it is online.
    ResourceChanged { resource: String },
    /// A resource is about to be removed (still present in the state). Fini runs if managed.
    ResourceRemoving { resource: String },
    /// Properties of a group changed (e.g. Nodelist); the engine may need to react.
    GroupChanged { group: String },
}
