//! The properties set explicitly on a resource (standard or extension), by name, in name
//! order. A resource sets a handful at most, so they are one sorted list looked up by binary
//! search: one property costs a 48-byte block, where an ordered tree map spends a 288-byte
//! node on it. The list is held at its length (16 bytes in the resource; a resource has two
//! maps, most of them empty). A name is held once for all resources that set it
//! ([`Interned`]). The state file form is the one a map writes: an object in name order.

use super::{Interned, PropValue};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer, ser::SerializeMap};
use std::fmt;

/// Property name → value, in name order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropMap(Box<[(Interned, PropValue)]>);

impl PropMap {
    pub fn new() -> PropMap {
        PropMap::default()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&PropValue> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Set `name`, returning the value it replaces.
    pub fn insert(&mut self, name: impl AsRef<str>, value: PropValue) -> Option<PropValue> {
        let name = name.as_ref();
        match self.find(name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                let mut entries = std::mem::take(&mut self.0).into_vec();
                entries.insert(i, (Interned::new(name), value));
                self.0 = entries.into_boxed_slice();
                None
            }
        }
    }

    /// Keep the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut PropValue) -> bool) {
        if self.0.is_empty() {
            return;
        }
        let mut entries = std::mem::take(&mut self.0).into_vec();
        entries.retain_mut(|(k, v)| keep(k.as_str(), v));
        self.0 = entries.into_boxed_slice();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &PropValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a PropMap {
    type Item = (&'a str, &'a PropValue);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Interned, PropValue)>,
        fn(&'a (Interned, PropValue)) -> (&'a str, &'a PropValue),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl Serialize for PropMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k.as_str(), v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for PropMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PropMap, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = PropMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of property values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<PropMap, A::Error> {
                let hint = access.size_hint();
                // The names are read in place where the text allows (no escapes).
                let next = || {
                    let entry = access.next_entry::<std::borrow::Cow<'de, str>, PropValue>()?;
                    Ok(entry.map(|(k, v)| (Interned::new(&k), v)))
                };
                let mut entries = super::defaults::collect_exact(next, hint)?;
                // The state file lists them in order; anything else is sorted in.
                super::defaults::sort_entries(&mut entries);
                Ok(PropMap(entries.into_boxed_slice()))
            }
        }
        d.deserialize_map(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_in_name_order_with_map_semantics() {
        let mut m = PropMap::new();
        assert_eq!(m.insert("Retry_count", PropValue::Int(2)), None);
        assert_eq!(
            m.insert("Failover_mode", PropValue::Str("SOFT".into())),
            None
        );
        assert_eq!(
            m.insert("Retry_count", PropValue::Int(3)),
            Some(PropValue::Int(2))
        );
        assert_eq!(
            m.keys().collect::<Vec<_>>(),
            ["Failover_mode", "Retry_count"]
        );
        assert_eq!(m.get("Retry_count"), Some(&PropValue::Int(3)));
        assert!(m.contains_key("Failover_mode"));
        assert!(!m.contains_key("retry_count"), "names are matched exactly");
        m.retain(|k, _| k != "Failover_mode");
        assert_eq!(m.keys().collect::<Vec<_>>(), ["Retry_count"]);
        m.retain(|_, v| *v != PropValue::Int(3));
        assert!(m.is_empty());
        assert_eq!(m, PropMap::default());
        assert_eq!(std::mem::size_of::<PropMap>(), 16);
    }

    #[test]
    fn reads_and_writes_the_form_of_a_map() {
        let text = r#"{"A":1,"B":"x","C":["p","q"]}"#;
        let m: PropMap = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), text);
        // Out of order or repeated in a hand-edited file: sorted, the last value wins.
        let m: PropMap = serde_json::from_str(r#"{"C":1,"A":2,"C":3}"#).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"A":2,"C":3}"#);
    }
}
