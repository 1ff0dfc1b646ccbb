//! Typed scrgadm requests: one variant per command form, built from the raw flags by
//! `cli::scrgadm` (which rejects invalid flag combinations) and consumed by [`super::prepare`].
//!
//! Values here are as the administrator wrote them (names not yet resolved, property values
//! not yet parsed); lists are already split at commas.

pub use crate::query::PrintRequest;

/// One `-y name=value` or `-x name=value` argument (or the object CLI's `-p name=value`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropArg {
    /// Property name as written (resolved case-insensitively later).
    pub name: String,
    /// Value text as written (lists still comma-separated).
    pub value: String,
    /// `true` for `-x` (extension property), `false` for `-y` (standard property).
    pub extension: bool,
    /// `-p` of the object CLI: a standard or an extension property, whichever the type
    /// declares (`extension` is then ignored).
    pub either: bool,
    /// `name=value`, `name+=value` (add list entries) or `name-=value` (remove them).
    pub op: PropOp,
}

/// How a property argument changes the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PropOp {
    /// `name=value`: replace.
    #[default]
    Set,
    /// `name+=value`: add the entries to the list.
    Add,
    /// `name-=value`: remove the entries from the list.
    Remove,
}

impl PropArg {
    /// The flag it came from, for messages.
    pub fn flag(&self) -> &'static str {
        if self.either {
            "-p"
        } else if self.extension {
            "-x"
        } else {
            "-y"
        }
    }
    /// `-x Name=value`, for messages.
    pub fn as_written(&self) -> String {
        let op = match self.op {
            PropOp::Set => "=",
            PropOp::Add => "+=",
            PropOp::Remove => "-=",
        };
        format!("{} {}{op}{}", self.flag(), self.name, self.value)
    }
}

/// An RTR file given with `-f`: its path as written and its text (read by the CLI edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RtrFile {
    pub path: String,
    pub text: String,
}

/// LogicalHostname (`-L`) or SharedAddress (`-S`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetKind {
    Logical,
    Shared,
}

impl NetKind {
    /// The type the form creates a resource of.
    pub fn type_name(self) -> &'static str {
        match self {
            NetKind::Logical => "SUNW.LogicalHostname",
            NetKind::Shared => "SUNW.SharedAddress",
        }
    }
    pub fn flag(self) -> &'static str {
        match self {
            NetKind::Logical => "-L",
            NetKind::Shared => "-S",
        }
    }
}

/// One scrgadm command form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `-p[v[v]] [-t RT] [-g RG] [-j R]`
    Print(PrintRequest),
    /// `-a -t RT [-h nodes] [-f file]`
    RegisterType {
        rtype: String,
        installed_nodes: Option<Vec<String>>,
        file: Option<RtrFile>,
    },
    /// `-c -t RT [-h nodes] [-y RT_system=…]`
    ChangeType {
        rtype: String,
        installed_nodes: Option<Vec<String>>,
        props: Vec<PropArg>,
    },
    /// `-r -t RT`
    RemoveType { rtype: String },
    /// `-a -g RG [-h nodes] [-y …]`
    CreateGroup {
        group: String,
        nodelist: Option<Vec<String>>,
        props: Vec<PropArg>,
    },
    /// `-c -g RG [-h nodes] [-y …]`
    ChangeGroup {
        group: String,
        nodelist: Option<Vec<String>>,
        props: Vec<PropArg>,
    },
    /// `-r -g RG`
    RemoveGroup { group: String },
    /// `-a -j R -t RT -g RG [-y …] [-x …]`
    CreateResource {
        resource: String,
        rtype: String,
        group: String,
        props: Vec<PropArg>,
    },
    /// `-a -L|-S -g RG -l hosts [-j R] [-n netifs] [-X auxnodes] [-y …]`
    CreateNetAddress {
        kind: NetKind,
        group: String,
        hosts: Vec<String>,
        resource: Option<String>,
        netifs: Option<Vec<String>>,
        auxnodes: Option<Vec<String>>,
        props: Vec<PropArg>,
    },
    /// `-c -j R [-y …] [-x …]`
    ChangeResource {
        resource: String,
        props: Vec<PropArg>,
    },
    /// `-r -j R`
    RemoveResource { resource: String },
}
