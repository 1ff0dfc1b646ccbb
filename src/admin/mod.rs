//! Configuration changes: validated mutations of the cluster state (what scrgadm and
//! `scsim init` do). Pure functions over `ClusterState`; no I/O, no printing.

pub mod init;
