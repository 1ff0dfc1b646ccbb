//! Fixes: the commands a hint proposes, kept as values so that each personality prints them in
//! its own syntax. The 3.1 commands render `Fix::DisableResource { r }` as `scswitch -n -j r`
//! (`cli::sc31`); the 3.2 object CLI will render it as `clrs disable r`. Engine and admin
//! messages build hints from [`Hint`] parts instead of spelling a command line.

/// A command that fixes or shows something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Enable a resource.
    EnableResource { r: String },
    /// Disable a resource.
    DisableResource { r: String },
    /// Disable a resource's fault monitor.
    DisableMonitor { r: String },
    /// Bring a group online (managing it if needed).
    OnlineGroup { g: String },
    /// Take a group offline.
    OfflineGroup { g: String },
    /// Make a group unmanaged.
    UnmanageGroup { g: String },
    /// Make a group managed.
    ManageGroup { g: String },
    /// Switch a group to nodes.
    SwitchGroup { g: String, nodes: Vec<String> },
    /// Clear the STOP_FAILED flag of a resource on a node.
    ClearStopFailed { r: String, node: String },
    /// Remove a resource.
    RemoveResource { r: String },
    /// Register a resource type.
    RegisterType { t: String },
    /// Register a resource type from its RTR file.
    RegisterTypeFrom { t: String, file: String },
    /// Set the nodes a resource type is installed on.
    SetTypeNodes { t: String, nodes: Vec<String> },
    /// Set a property of a resource type.
    SetTypeProperty {
        t: String,
        prop: String,
        value: String,
    },
    /// Set a property of a resource group.
    SetGroupProperty {
        g: String,
        prop: String,
        value: String,
    },
    /// Enable or disable a resource or its fault monitor, on some nodes only (3.2) when
    /// `nodes` is not empty.
    SwitchResource {
        r: String,
        on: bool,
        monitor: bool,
        nodes: Vec<String>,
    },
    /// Set a property of a resource (`extension`: an extension property).
    SetResourceProperty {
        r: String,
        prop: String,
        value: String,
        extension: bool,
    },
    /// Remove a resource and create it again (a property settable only at creation).
    RecreateResource { r: String },
    /// Resume automatic recovery of a group.
    ResumeGroup { g: String },
    /// Set the Nodelist of a group.
    SetGroupNodes { g: String, nodes: Vec<String> },
    /// Create a LogicalHostname resource for `host` in a group (named `r`, or after the host).
    CreateLogicalHost {
        g: String,
        host: String,
        r: Option<String>,
    },
    /// Create a group with one property set.
    CreateGroupWith {
        g: String,
        prop: String,
        value: String,
    },
    /// Show the configuration (all of it).
    ListConfiguration,
    /// Show the status of the cluster (groups, resources, nodes).
    ShowStatus,
    /// Show a resource type in detail.
    ShowType { t: String },
    /// Show a resource group in detail.
    ShowGroup { g: String },
    /// Show a resource in detail.
    ShowResource { r: String },
}

/// A piece of a hint line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Fix(Fix),
}

/// One hint line: plain text, or text and fixes in order (`disable it first: ` + a fix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    Text(String),
    Parts(Vec<Part>),
}

impl Hint {
    /// `lead` followed by `fix`: `Hint::lead("disable it first: ", Fix::DisableResource {…})`.
    pub fn lead(lead: impl Into<String>, fix: Fix) -> Hint {
        Hint::Parts(vec![Part::Text(lead.into()), Part::Fix(fix)])
    }
    /// Append text.
    pub fn text(self, text: impl Into<String>) -> Hint {
        self.push(Part::Text(text.into()))
    }
    /// Append a fix.
    pub fn fix(self, fix: Fix) -> Hint {
        self.push(Part::Fix(fix))
    }
    fn push(self, part: Part) -> Hint {
        let mut parts = match self {
            Hint::Text(t) => vec![Part::Text(t)],
            Hint::Parts(p) => p,
        };
        parts.push(part);
        Hint::Parts(parts)
    }
    /// The line, with fixes spelled by `syntax` (the printing personality's).
    pub fn render(&self, syntax: fn(&Fix) -> String) -> String {
        match self {
            Hint::Text(t) => t.clone(),
            Hint::Parts(parts) => {
                let mut s = String::new();
                for p in parts {
                    match p {
                        Part::Text(t) => s.push_str(t),
                        Part::Fix(f) => s.push_str(&syntax(f)),
                    }
                }
                s
            }
        }
    }
    /// Whether the hint has a fix (spelled by the printing command).
    pub fn has_fix(&self) -> bool {
        matches!(self, Hint::Parts(parts) if parts.iter().any(|p| matches!(p, Part::Fix(_))))
    }
    /// Whether the text of the hint (not its fixes) contains `pat`.
    pub fn contains(&self, pat: &str) -> bool {
        match self {
            Hint::Text(t) => t.contains(pat),
            Hint::Parts(parts) => parts
                .iter()
                .any(|p| matches!(p, Part::Text(t) if t.contains(pat))),
        }
    }
}

impl From<String> for Hint {
    fn from(s: String) -> Hint {
        Hint::Text(s)
    }
}

impl From<&str> for Hint {
    fn from(s: &str) -> Hint {
        Hint::Text(s.to_string())
    }
}

impl From<Fix> for Hint {
    fn from(f: Fix) -> Hint {
        Hint::Parts(vec![Part::Fix(f)])
    }
}

impl PartialEq<&str> for Hint {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, Hint::Text(t) if t == other)
    }
}
