//! Property values as stored in the state file and printed by listings.

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A typed property value. Enum literals are stored as `Str`. Written untagged (`true`, `5`,
/// `"x"`, `["a","b"]`); read by the JSON type directly rather than by serde's untagged
/// buffering, which copies every value before trying each variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PropValue {
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<String>),
}

impl<'de> Deserialize<'de> for PropValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PropValueVisitor)
    }
}

struct PropValueVisitor;

impl<'de> Visitor<'de> for PropValueVisitor {
    type Value = PropValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean, an integer, a string or an array of strings")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<PropValue, E> {
        Ok(PropValue::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<PropValue, E> {
        Ok(PropValue::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<PropValue, E> {
        i64::try_from(v)
            .map(PropValue::Int)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<PropValue, E> {
        Ok(PropValue::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<PropValue, E> {
        Ok(PropValue::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PropValue, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<String>()? {
            items.push(item);
        }
        Ok(PropValue::List(items))
    }
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

#[cfg(test)]
mod tests {
    use super::PropValue;

    #[test]
    fn values_read_back_as_written() {
        for v in [
            PropValue::Bool(true),
            PropValue::Int(-3),
            PropValue::Int(i64::MAX),
            PropValue::Str("a \"b\"".into()),
            PropValue::List(vec![]),
            PropValue::List(vec!["x".into(), "y".into()]),
        ] {
            let text = serde_json::to_string(&v).unwrap();
            assert_eq!(
                serde_json::from_str::<PropValue>(&text).unwrap(),
                v,
                "{text}"
            );
        }
    }

    #[test]
    fn other_json_types_are_refused() {
        for text in ["1.5", "null", "{}", "[1]", "18446744073709551615"] {
            assert!(serde_json::from_str::<PropValue>(text).is_err(), "{text}");
        }
    }
}
