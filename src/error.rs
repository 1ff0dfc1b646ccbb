//! Errors and exit codes.
//!
//! Every failure carries an [`ErrorCode`] numbered like Sun Cluster's `scha_err_t`, which the
//! commands use as their exit status (docs/exit-codes.md). The message names the object and
//! says what is wrong; hints say how to fix it.

pub use crate::fix::{Fix, Hint};
use std::fmt;

/// `scha_err_t` numbering, used as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// SCHA_ERR_NOMEM
    NoMem = 1,
    /// SCHA_ERR_INVAL: invalid argument or usage.
    Inval = 3,
    /// SCHA_ERR_TAG: unknown optag (the `-O` of the scha_* commands).
    Tag = 4,
    /// SCHA_ERR_RECONF: busy; the state file is locked by another command.
    Reconf = 5,
    /// SCHA_ERR_ACCESS: permission denied (state file not writable).
    Access = 6,
    /// SCHA_ERR_DEPEND: a dependency forbids the operation.
    Depend = 8,
    /// SCHA_ERR_STATE: the object is in the wrong state.
    State = 9,
    /// SCHA_ERR_METHOD: a resource method failed.
    Method = 10,
    /// SCHA_ERR_NODE: unknown or unusable node.
    Node = 11,
    /// SCHA_ERR_RG: resource-group error.
    Rg = 12,
    /// SCHA_ERR_RT: resource-type error.
    Rt = 13,
    /// SCHA_ERR_RSRC: resource error.
    Rsrc = 14,
    /// SCHA_ERR_PROP: property error.
    Prop = 15,
    /// SCHA_ERR_CHECKS: a scha_control request was refused by the RGM's checks
    /// (Failover_mode, Pingpong_interval, Retry_count, no node to go to).
    Checks = 16,
    /// SCHA_ERR_RSTATUS: not a resource status (scha_resource_setstatus -s).
    Rstatus = 17,
    /// SCHA_ERR_INTERNAL: internal error (also: unreadable or corrupt state file).
    Internal = 18,
    /// CL_EIO (object CLI only): I/O error.
    ClIo = 35,
    /// CL_ENOENT (object CLI only): no such object.
    ClNoEnt = 36,
    /// CL_EOP (object CLI only): operation not allowed.
    ClOp = 37,
    /// CL_EBUSY (object CLI only): object busy.
    ClBusy = 38,
    /// CL_EEXIST (object CLI only): object exists.
    ClExist = 39,
    /// CL_ETYPE (object CLI only): invalid type.
    ClType = 41,
    /// The command does not exist on the cluster's release (a shell's "command not found").
    NotFound = 127,
}

impl ErrorCode {
    pub fn exit_code(self) -> i32 {
        self as i32
    }
    /// The scha name, for JSON output and docs.
    pub fn scha_name(self) -> &'static str {
        match self {
            ErrorCode::NoMem => "SCHA_ERR_NOMEM",
            ErrorCode::Inval => "SCHA_ERR_INVAL",
            ErrorCode::Tag => "SCHA_ERR_TAG",
            ErrorCode::Reconf => "SCHA_ERR_RECONF",
            ErrorCode::Access => "SCHA_ERR_ACCESS",
            ErrorCode::Depend => "SCHA_ERR_DEPEND",
            ErrorCode::State => "SCHA_ERR_STATE",
            ErrorCode::Method => "SCHA_ERR_METHOD",
            ErrorCode::Node => "SCHA_ERR_NODE",
            ErrorCode::Rg => "SCHA_ERR_RG",
            ErrorCode::Rt => "SCHA_ERR_RT",
            ErrorCode::Rsrc => "SCHA_ERR_RSRC",
            ErrorCode::Prop => "SCHA_ERR_PROP",
            ErrorCode::Checks => "SCHA_ERR_CHECKS",
            ErrorCode::Rstatus => "SCHA_ERR_RSTATUS",
            ErrorCode::Internal => "SCHA_ERR_INTERNAL",
            ErrorCode::ClIo => "CL_EIO",
            ErrorCode::ClNoEnt => "CL_ENOENT",
            ErrorCode::ClOp => "CL_EOP",
            ErrorCode::ClBusy => "CL_EBUSY",
            ErrorCode::ClExist => "CL_EEXIST",
            ErrorCode::ClType => "CL_ETYPE",
            ErrorCode::NotFound => "command not found",
        }
    }
}

/// What kind of failure an error is, beyond its scha code, where the object CLI numbers it
/// differently (scha has one code per object class, the CL_* codes one per kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The object named does not exist (CL_ENOENT).
    NoEnt,
    /// The object to create exists already (CL_EEXIST).
    Exists,
    /// The object is in use or not empty (CL_EBUSY).
    Busy,
}

/// A failed command: code, message, and zero or more hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScError {
    pub code: ErrorCode,
    pub message: String,
    /// How to fix it, in order; fixes are spelled by the personality that prints them.
    pub hints: Vec<Hint>,
    /// The kind of failure, when it matters for the object CLI's exit codes.
    pub kind: Option<Kind>,
}

impl ScError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ScError {
            code,
            message: message.into(),
            hints: Vec::new(),
            kind: None,
        }
    }
    /// Say what kind of failure it is (for the object CLI's CL_* exit codes).
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }
    /// Add a hint line (how to fix it).
    pub fn hint(mut self, hint: impl Into<Hint>) -> Self {
        self.hints.push(hint.into());
        self
    }
    /// Put a "did you mean NAME?" hint first when `query` is close to one of `names` (the same
    /// name in another case, or one or two typing errors away): for a mistyped object name.
    pub fn suggest<'a>(mut self, query: &str, names: impl IntoIterator<Item = &'a str>) -> Self {
        if let Some(best) = closest(query, names) {
            let case = if best.eq_ignore_ascii_case(query) {
                " (names are case-sensitive)"
            } else {
                ""
            };
            self.hints
                .insert(0, Hint::Text(format!("did you mean {best}?{case}")));
        }
        self
    }
    pub fn inval(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Inval, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl fmt::Display for ScError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ScError {}

pub type Result<T, E = ScError> = std::result::Result<T, E>;

/// The name in `names` closest to `query`, if it is close enough to be what was meant: equal
/// ignoring case, else at most one edit away (two for names of ten characters or more),
/// comparing without case, where an edit is an inserted, deleted or replaced character or two
/// swapped neighbours (optimal string alignment, so `MAIL-GR` is one edit from `MAIL-RG`) —
/// but not a numbered sibling (`mail-9` is not a typo of `mail-1`). Linear in the number of
/// names; used only on error paths.
pub fn closest<'a>(query: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let q = query.to_lowercase();
    let qlen = q.chars().count();
    let limit = if qlen >= 10 { 2 } else { 1 };
    let skeleton = |v: &str| -> String { v.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let mut best: Option<(usize, &str)> = None;
    for name in names {
        if name == query {
            continue;
        }
        let n = name.to_lowercase();
        if n.chars().count().abs_diff(qlen) > limit {
            continue;
        }
        let d = strsim::osa_distance(&q, &n);
        let digits_only = d > 0 && skeleton(&q) == skeleton(&n);
        if d <= limit && !digits_only && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, name));
        }
    }
    best.map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names() {
        let names = [
            "MAIL-RG", "WEB-RG", "disk-rs", "mail-rs", "mail-1", "mail-2",
        ];
        assert_eq!(closest("mail-rg", names), Some("MAIL-RG"));
        assert_eq!(closest("dsk-rs", names), Some("disk-rs"));
        assert_eq!(closest("mail2", names), Some("mail-2"));
        assert_eq!(closest("mail-3", names), None);
        assert_eq!(closest("nosuch", names), None);
        assert_eq!(closest("web", names), None);
        // Two swapped neighbours are one edit.
        assert_eq!(closest("MAIL-GR", names), Some("MAIL-RG"));
        assert_eq!(closest("mial-rs", names), Some("mail-rs"));
        // Another real name, not a typo (two edits in a short name).
        assert_eq!(closest("SUNW.nfs", ["SUNW.ims"]), None);
        assert_eq!(closest("SUNW.gds:4", ["SUNW.gds"]), Some("SUNW.gds"));
        let e = ScError::new(ErrorCode::Rg, "x")
            .hint("list them")
            .suggest("mail-rg", names);
        assert_eq!(
            e.hints,
            [
                "did you mean MAIL-RG? (names are case-sensitive)",
                "list them"
            ]
        );
    }
}
