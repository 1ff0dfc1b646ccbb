//! Property values as stored in the state file and printed by listings.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A typed property value. Enum literals are stored as `Str`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PropValue {
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<String>),
}

impl PropValue {
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            PropValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_int(&self) -> Option<i64> {
        match self {
            PropValue::Int(i) => Some(*i),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PropValue::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_list(&self) -> Option<&[String]> {
        match self {
            PropValue::List(l) => Some(l),
            _ => None,
        }
    }
}

/// Listing form (`scrgadm -pvv`): `True`/`False`, arrays space-separated, `<NULL>` for an empty
/// array; an empty string prints as nothing.
impl fmt::Display for PropValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropValue::Bool(true) => f.write_str("True"),
            PropValue::Bool(false) => f.write_str("False"),
            PropValue::Int(i) => write!(f, "{i}"),
            PropValue::Str(s) => f.write_str(s),
            PropValue::List(l) if l.is_empty() => f.write_str("<NULL>"),
            PropValue::List(l) => f.write_str(&l.join(" ")),
        }
    }
}
