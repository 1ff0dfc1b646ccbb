//! Errors and exit codes.
//!
//! Every failure carries an [`ErrorCode`] numbered like Sun Cluster's `scha_err_t`, which the
//! commands use as their exit status (docs/exit-codes.md). The message names the object and
//! says what is wrong; hints say how to fix it.

use std::fmt;

/// `scha_err_t` numbering, used as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// SCHA_ERR_NOMEM
    NoMem = 1,
    /// SCHA_ERR_INVAL: invalid argument or usage.
    Inval = 3,
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
    /// SCHA_ERR_INTERNAL: internal error (also: unreadable or corrupt state file).
    Internal = 18,
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
            ErrorCode::Internal => "SCHA_ERR_INTERNAL",
        }
    }
}

/// A failed command: code, message, and zero or more hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScError {
    pub code: ErrorCode,
    pub message: String,
    pub hints: Vec<String>,
}

impl ScError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ScError {
            code,
            message: message.into(),
            hints: Vec::new(),
        }
    }
    /// Add a hint line (how to fix it).
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
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
