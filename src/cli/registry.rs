//! The personality registry: every command the executable answers to, one row each.
//!
//! A row names the command, says what it does, gives its clap parser and its runner. Dispatch
//! (`argv[0]` and `scsim NAME …`), `scsim install-links`, `scsim completions`, `scsim man` and
//! the tests all read this table, so adding a command (`scha_resource_get`, `clrg`, …) is one
//! row here and a module with its `command` and `run`.

use super::{Ctx, cl, msgtools, sc31, scconf, scha, scinstall, scrgadm, scstat, scswitch};
use crate::error::Result;
use crate::fix::Fix;
use crate::model::Release;
use std::ffi::OsString;

/// One SC command personality.
pub struct Entry {
    /// The command name: the link name and the `scsim NAME` subcommand.
    pub name: &'static str,
    /// One line for `scsim --help` (the `scsim NAME` subcommand).
    pub about: &'static str,
    /// Man page section (`1M` for the administration commands).
    pub section: &'static str,
    /// The command's clap parser (help, completions, man pages, words that take a value).
    pub command: fn() -> clap::Command,
    /// How the command spells fixes in its hints.
    pub syntax: fn(&Fix) -> String,
    /// The command exists on every release (scha_*, scinstall, the node tools): its hints
    /// spell fixes in the command set of the cluster's release instead ([`release_syntax`]).
    pub any_release: bool,
    /// Parse the words after the command name and run the command.
    pub run: fn(&mut Ctx, Vec<OsString>) -> Result<()>,
    /// A program installed on a node (`msg_svr_base/sbin/configutil`), run with `scsim on
    /// NODE -- PATH`: not a `scsim NAME` subcommand, and `install-links` does not link it.
    pub node_tool: bool,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry").field("name", &self.name).finish()
    }
}

/// The native command: the executable under its own name.
pub const NATIVE: &str = "scsim";

/// How the native command spells fixes.
pub const NATIVE_SYNTAX: fn(&Fix) -> String = sc31::render;

/// A row of the object CLI (3.2 and later): long name or alias, the command's module.
macro_rules! cl_row {
    ($name:literal, $module:ident, $about:literal) => {
        Entry {
            name: $name,
            about: $about,
            section: "1CL",
            syntax: cl::syntax::render,
            command: || cl::conventions(cl::$module::command(), $name),
            run: |ctx, args| cl::$module::run(ctx, $name, args),
            any_release: false,
            node_tool: false,
        }
    };
}

/// Every SC personality, in the order help and `install-links` list them.
pub static PERSONALITIES: &[Entry] = &[
    Entry {
        name: "scrgadm",
        about: "Run scrgadm (configure resource types, groups and resources)",
        section: "1M",
        syntax: sc31::render,
        command: scrgadm::command,
        run: scrgadm::run,
        any_release: false,
        node_tool: false,
    },
    Entry {
        name: "scswitch",
        about: "Run scswitch (switch, enable, disable, evacuate)",
        section: "1M",
        syntax: sc31::render,
        command: scswitch::command,
        run: scswitch::run,
        any_release: false,
        node_tool: false,
    },
    Entry {
        name: "scstat",
        about: "Run scstat (show cluster status)",
        section: "1M",
        syntax: sc31::render,
        command: scstat::command,
        run: scstat::run,
        any_release: false,
        node_tool: false,
    },
    Entry {
        name: "scinstall",
        about: "Run scinstall -p (print the Sun Cluster release)",
        section: "1M",
        syntax: sc31::render,
        command: scinstall::command,
        run: scinstall::run,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scconf",
        about: "Run scconf -p (print the cluster configuration)",
        section: "1M",
        syntax: sc31::render,
        command: scconf::command,
        run: scconf::run,
        any_release: false,
        node_tool: false,
    },
    Entry {
        name: "scha_resource_get",
        about: "Run scha_resource_get (print a resource's property, state or status)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::resource_command,
        run: scha::run_resource,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scha_resourcegroup_get",
        about: "Run scha_resourcegroup_get (print a resource group's property or state)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::group_command,
        run: scha::run_group,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scha_resourcetype_get",
        about: "Run scha_resourcetype_get (print a resource type's property)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::type_command,
        run: scha::run_type,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scha_cluster_get",
        about: "Run scha_cluster_get (print a property of the cluster or a node)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::cluster_command,
        run: scha::run_cluster,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scha_resource_setstatus",
        about: "Run scha_resource_setstatus (set a resource's status and message on this node)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::setstatus_command,
        run: scha::run_setstatus,
        any_release: true,
        node_tool: false,
    },
    Entry {
        name: "scha_control",
        about: "Run scha_control (ask the RGM to restart or give over a resource or group)",
        section: "1HA",
        syntax: sc31::render,
        command: scha::control_command,
        run: scha::run_control,
        any_release: true,
        node_tool: false,
    },
    tool(
        "configure",
        msgtools::configure_command,
        msgtools::run_configure,
    ),
    tool(
        "configutil",
        msgtools::configutil_command,
        msgtools::run_configutil,
    ),
    tool(
        "ha_ip_config",
        msgtools::ha_ip_config_command,
        msgtools::run_ha_ip_config,
    ),
    tool(
        "useconfig",
        msgtools::useconfig_command,
        msgtools::run_useconfig,
    ),
    tool(
        "start-msg",
        msgtools::start_msg_command,
        msgtools::run_start_msg,
    ),
    tool(
        "stop-msg",
        msgtools::stop_msg_command,
        msgtools::run_stop_msg,
    ),
    cl_row!(
        "clresourcetype",
        clrt,
        "Run clresourcetype (register and show resource types; 3.2 and later)"
    ),
    cl_row!("clrt", clrt, "Run clrt (alias of clresourcetype)"),
    cl_row!(
        "clresourcegroup",
        clrg,
        "Run clresourcegroup (create, show, switch resource groups; 3.2 and later)"
    ),
    cl_row!("clrg", clrg, "Run clrg (alias of clresourcegroup)"),
    cl_row!(
        "clresource",
        clrs,
        "Run clresource (create, show, enable, disable resources; 3.2 and later)"
    ),
    cl_row!("clrs", clrs, "Run clrs (alias of clresource)"),
    cl_row!(
        "clreslogicalhostname",
        clrslh,
        "Run clreslogicalhostname (logical hostname resources; 3.2 and later)"
    ),
    cl_row!(
        "clrslh",
        clrslh,
        "Run clrslh (alias of clreslogicalhostname)"
    ),
    cl_row!(
        "clressharedaddress",
        clrslh,
        "Run clressharedaddress (shared address resources; 3.2 and later)"
    ),
    cl_row!("clrssa", clrslh, "Run clrssa (alias of clressharedaddress)"),
    cl_row!(
        "clnode",
        clnode,
        "Run clnode (show and evacuate cluster nodes; 3.2 and later)"
    ),
    cl_row!(
        "clquorum",
        clquorum,
        "Run clquorum (show quorum votes; 3.2 and later)"
    ),
    cl_row!("clq", clquorum, "Run clq (alias of clquorum)"),
    cl_row!(
        "clinterconnect",
        clintr,
        "Run clinterconnect (show the private interconnect; 3.2 and later)"
    ),
    cl_row!("clintr", clintr, "Run clintr (alias of clinterconnect)"),
    cl_row!(
        "cldevicegroup",
        cldg,
        "Run cldevicegroup (show and switch device groups; 3.2 and later)"
    ),
    cl_row!("cldg", cldg, "Run cldg (alias of cldevicegroup)"),
    cl_row!(
        "cluster",
        cluster,
        "Run cluster (status and configuration of the whole cluster; 3.2 and later)"
    ),
];

/// A Messaging Server tool's row.
const fn tool(
    name: &'static str,
    command: fn() -> clap::Command,
    run: fn(&mut Ctx, Vec<OsString>) -> Result<()>,
) -> Entry {
    Entry {
        name,
        about: "Messaging Server tool, run on a node (scsim on NODE -- /opt/SUNWmsgsr/sbin/NAME)",
        section: "1M",
        syntax: sc31::render,
        command,
        run,
        any_release: true,
        node_tool: true,
    }
}

/// How a command that exists on every release spells fixes on a cluster of `release`: the
/// 3.1 commands on 3.1, the object CLI on 3.2 (where it is the documented command set and the
/// 3.1 commands are kept for compatibility) and on 4.x (where it is the only one).
pub fn release_syntax(release: Release) -> fn(&Fix) -> String {
    match release {
        Release::V31 => sc31::render,
        Release::V32 | Release::V44 => cl::syntax::render,
    }
}

/// The SC commands (`scsim NAME` subcommands, linked by `install-links`).
pub fn sc_commands() -> impl Iterator<Item = &'static Entry> {
    PERSONALITIES.iter().filter(|e| !e.node_tool)
}

/// The personality named `name`.
pub fn find(name: &str) -> Option<&'static Entry> {
    PERSONALITIES.iter().find(|e| e.name == name)
}

/// Every command name: the native one first, then the personalities.
pub fn names() -> impl Iterator<Item = &'static str> {
    std::iter::once(NATIVE).chain(PERSONALITIES.iter().map(|e| e.name))
}

/// Names for a message: `a, b, c or d` (`conj` = "or" / "and").
pub fn join(names: &[&str], conj: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {conj} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parsers_are_named_after_them() {
        let all: Vec<&str> = names().collect();
        for (i, n) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(n), "{n} twice");
        }
        for e in PERSONALITIES {
            assert_eq!((e.command)().get_name(), e.name);
        }
    }

    #[test]
    fn join_names() {
        assert_eq!(join(&["a"], "or"), "a");
        assert_eq!(join(&["a", "b", "c"], "or"), "a, b or c");
    }
}
