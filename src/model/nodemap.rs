//! [`NodeMap`]: a small map from node name to a value, kept sorted in one vector.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A map from node name to a value, sorted by name, in one vector: the per-node state of a
/// resource or group names one to a few nodes, for which a `BTreeMap` (whose first node
/// holds eleven slots) costs ten times the entries. It reads and writes the same JSON object,
/// with the keys in the same (sorted) order.
///
/// The entries of two nodes — a cluster's usual size — are held in the map itself, so that
/// a resource's state on both takes no block of its own (at 10,000 resources, 0.3 MB less
/// than a vector's 24 bytes plus a 64-byte block); a third node moves them to the heap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeMap<V>(Entries<V>);

/// The entries, two of them inline.
type Entries<V> = smallvec::SmallVec<[(Key, V); 2]>;

/// A node name as a map key: a pointer to the one copy of that name this thread holds. A
/// resource's state names every node of its group, so a cluster of thousands of resources
/// would otherwise hold tens of thousands of copies of a few names; as a pointer, a resource's
/// state on two nodes takes 48 bytes instead of 112.
type Key = super::Interned;

impl<V> Default for NodeMap<V> {
    fn default() -> Self {
        NodeMap(Entries::new())
    }
}

impl<V> NodeMap<V> {
    pub fn new() -> Self {
        Self::default()
    }
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }
    /// Set the value for `key`, returning the one it replaces.
    pub fn insert(&mut self, key: impl AsRef<str>, value: V) -> Option<V> {
        let key = key.as_ref();
        match self.find(key) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (Key::new(key), value));
                None
            }
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }
    /// The value for `key`, inserted as the default first if absent.
    pub fn entry_or_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (Key::new(key), V::default()));
                i
            }
        };
        &mut self.0[i].1
    }
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k.as_str(), v));
    }
    pub fn clear(&mut self) {
        self.0.clear();
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&str, &mut V)> + ExactSizeIterator {
        self.0.iter_mut().map(|(k, v)| (k.as_str(), v))
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k.as_str())
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl<K: AsRef<str>, V> FromIterator<(K, V)> for NodeMap<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = NodeMap::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl<V> std::ops::Index<&str> for NodeMap<V> {
    type Output = V;
    fn index(&self, key: &str) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no entry for node {key}"),
        }
    }
}

/// The entries of a [`NodeMap`] by reference, sorted by node name.
pub struct Iter<'a, V>(std::slice::Iter<'a, (Key, V)>);

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a str, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a, V> IntoIterator for &'a NodeMap<V> {
    type Item = (&'a str, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        Iter(self.0.iter())
    }
}

impl<V: Serialize> Serialize for NodeMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k.as_str(), v)?;
        }
        m.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for NodeMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Visit<V> {
            type Value = NodeMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                let mut entries = Entries::new();
                // The names are read in place where the text allows (no escapes).
                while let Some((k, v)) = a.next_entry::<Cow<'de, str>, V>()? {
                    entries.push((Key::new(&k), v));
                }
                if entries.spilled() {
                    entries.shrink_to_fit();
                }
                if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
                    let mut list = entries.into_vec();
                    super::defaults::sort_entries(&mut list);
                    entries = Entries::from_vec(list);
                }
                Ok(NodeMap(entries))
            }
        }
        d.deserialize_map(Visit(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn reads_and_writes_the_json_of_a_btreemap() {
        for text in [
            r#"{}"#,
            r#"{"node-2":1,"node-1":2,"node-3":3}"#,
            r#"{"b":1,"a":2,"b":4}"#,
        ] {
            let tree: BTreeMap<String, u32> = serde_json::from_str(text).unwrap();
            let map: NodeMap<u32> = serde_json::from_str(text).unwrap();
            assert_eq!(
                serde_json::to_string(&map).unwrap(),
                serde_json::to_string(&tree).unwrap()
            );
            assert!(map.iter().eq(tree.iter().map(|(k, v)| (k.as_str(), v))));
        }
    }

    #[test]
    fn behaves_as_a_sorted_map() {
        let mut m = NodeMap::new();
        assert_eq!(m.insert("n2", 2), None);
        assert_eq!(m.insert("n1", 1), None);
        assert_eq!(m.insert("n2", 20), Some(2));
        *m.entry_or_default("n3") += 3;
        *m.entry_or_default("n1") += 10;
        assert_eq!(m.keys().collect::<Vec<_>>(), ["n1", "n2", "n3"]);
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [11, 20, 3]);
        assert_eq!(m["n2"], 20);
        assert!(m.contains_key("n3") && !m.contains_key("n4"));
        assert_eq!(m.remove("n2"), Some(20));
        assert_eq!(m.get("n2"), None);
        m.retain(|k, _| k != "n1");
        assert_eq!(m.len(), 1);
        m.clear();
        assert!(m.is_empty());
    }

    #[test]
    fn names_short_and_long_sort_and_read_back_alike() {
        let long = "a-node-name-longer-than-twenty-four-bytes";
        let text = format!(r#"{{"{long}":1,"n\u00e9ud":2,"b":4}}"#);
        let tree: BTreeMap<String, u32> = serde_json::from_str(&text).unwrap();
        let map: NodeMap<u32> = serde_json::from_str(&text).unwrap();
        assert!(map.iter().eq(tree.iter().map(|(k, v)| (k.as_str(), v))));
        assert_eq!(map[long], 1);
        assert_eq!(map["n\u{e9}ud"], 2);
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            serde_json::to_string(&tree).unwrap()
        );
    }

    #[test]
    fn a_name_is_held_once_and_a_key_is_a_pointer() {
        let a: NodeMap<u8> = serde_json::from_str(r#"{"node-1":1,"node-2":2}"#).unwrap();
        let mut b = NodeMap::new();
        b.insert("node-2", 3u8);
        let (ka, kb) = (a.keys().nth(1).unwrap(), b.keys().next().unwrap());
        assert_eq!(ka.as_ptr(), kb.as_ptr());
        assert_eq!(std::mem::size_of::<Key>(), std::mem::size_of::<usize>());
        assert_eq!(
            std::mem::size_of::<(Key, crate::model::ResourceNodeState)>(),
            24
        );
        // Two entries are held inline: no block of its own for a two-node state.
        assert_eq!(
            std::mem::size_of::<NodeMap<crate::model::ResourceNodeState>>(),
            56
        );
        assert!(!b.0.spilled() && !a.0.spilled());
        let three: NodeMap<u8> = serde_json::from_str(r#"{"c":1,"a":2,"b":3}"#).unwrap();
        assert!(three.0.spilled());
        assert_eq!(three.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
    }
}
