//! RTR (rt_reg(4)) parser and the built-in resource types.
//!
//! [`parse_rtr`] turns the text of a Resource Type Registration file into a
//! [`ResourceType`]; every error carries the file, 1-based line and column and says what was
//! expected and what was found. [`builtin_types`] and [`builtin_rtr`] give the RTR files the
//! simulated cluster ships (`SUNW.LogicalHostname`, `SUNW.SharedAddress`, `SUNW.HAStoragePlus`,
//! `SUNW.HAStorage`, `SUNW.gds`, `SUNW.ims`), and [`resolve_type_name`] applies the naming rules
//! of "Legal RGM Names" (with or without vendor prefix and version suffix).
//!
//! Rules the parser enforces beyond the grammar (see `parser` for the full list): the first
//! entry is `Resource_type`; `RT_version` is mandatory and free of blank, tab, `/`, `\`, `*`,
//! `?`, `,`, `;`, `[`, `]`; `Start` is required unless `Prenet_start` is declared and `Stop`
//! unless `Postnet_stop` is; relative method paths need `RT_basedir`; `Installed_nodes` is never
//! accepted in a file; the `#$upgrade` directives come before the paramtable.

mod builtin;
mod lexer;
mod parser;
mod resolve;

#[cfg(test)]
mod tests;

use crate::model::ResourceType;
use std::fmt;

pub use builtin::{builtin_rtr, builtin_types};
pub use resolve::{ResolveError, resolve_type_name};

/// A syntax or semantic error in an RTR file, located at a 1-based line and column.
///
/// Displays as `FILE:LINE:COL: message`. (Display and `Error` are written by hand rather than
/// derived with thiserror because thiserror would treat the `source` field as the error cause.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RtrError {
    /// File name (or other label) given to [`parse_rtr`].
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl RtrError {
    pub(crate) fn new(source: &str, line: usize, column: usize, message: String) -> Self {
        RtrError {
            source: source.to_string(),
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for RtrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.source, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RtrError {}

/// Parse the text of an RTR file. `source` names the file in errors and is stored in
/// [`ResourceType::source`].
pub fn parse_rtr(text: &str, source: &str) -> Result<ResourceType, RtrError> {
    parser::parse(text, source)
}

/// Whether `name` is a legal RGM name ("Legal RGM Names and Values"): ASCII, starts with a
/// letter, then letters, digits, `-` and `_`, at most 255 characters. Applies to property
/// names, enum literals, resource, group, vendor and base type names.
pub fn is_legal_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 255
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The characters `RT_version` may not contain.
pub const RT_VERSION_FORBIDDEN: [char; 10] = [' ', '\t', '/', '\\', '*', '?', ',', ';', '[', ']'];
