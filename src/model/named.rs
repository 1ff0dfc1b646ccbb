//! Name-keyed maps of objects that carry their own name (`resources`, `resource_groups`): the
//! state file writes the name once, as the key (schema 6), and reading gives each object the
//! name of its key. Files of schema 5 and older also spell the name inside each object; that
//! copy is read and then replaced by the key.
//!
//! In memory the name is held once too: [`NamedMap`] keeps the objects in creation order and
//! finds them through an index of positions hashed by each object's own name, with no separate
//! key. At 10,000 resources a key string, its heap block and a stored hash per entry came to
//! about 0.8 MB of a command's peak.

use super::{Name, Resource, ResourceGroup};
use crate::fasthash::BuildFast;
use hashbrown::HashTable;
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::Cell;
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

/// An object that carries its own name, the key it is found by in a [`NamedMap`].
pub trait Named {
    fn name(&self) -> &Name;
    fn set_name(&mut self, name: Name);
}

impl Named for Resource {
    fn name(&self) -> &Name {
        &self.name
    }
    fn set_name(&mut self, name: Name) {
        self.name = name;
    }
}

impl Named for ResourceGroup {
    fn name(&self) -> &Name {
        &self.name
    }
    fn set_name(&mut self, name: Name) {
        self.name = name;
    }
}

/// An insertion-ordered map from each object's name to the object, which stores the name only
/// in the object. Its methods follow `indexmap::IndexMap` (`insert` replaces in place,
/// `shift_remove` keeps the order of the rest, equality ignores order), looked up by anything
/// that is a `str`.
///
/// Invariant: the index is hashed by the objects' names, so a name must not change while its
/// object is in the map. `get_mut`, `values_mut`, `IndexMut` and `retain` hand out `&mut V` for the other
/// fields; nothing writes `name` through them (a renamed object is removed and inserted again).
/// `insert` names the value after its key.
#[derive(Clone)]
pub struct NamedMap<V> {
    /// The objects in insertion order.
    entries: Vec<V>,
    /// Positions in `entries`, hashed by the object's name.
    index: HashTable<u32>,
}

impl<V> Default for NamedMap<V> {
    fn default() -> Self {
        NamedMap {
            entries: Vec::new(),
            index: HashTable::new(),
        }
    }
}

fn hash(name: &str) -> u64 {
    BuildFast::default().hash_one(name)
}

/// A position as the index stores it.
fn slot(i: usize) -> u32 {
    u32::try_from(i).expect("a name-keyed map holds fewer than 2^32 objects")
}

impl<V: Named> NamedMap<V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        NamedMap {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
        }
    }

    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
        let entries = &self.entries;
        self.index
            .reserve(additional, |&i| hash(entries[i as usize].name()));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of the object named `name`.
    pub fn get_index_of<Q: AsRef<str> + ?Sized>(&self, name: &Q) -> Option<usize> {
        let name = name.as_ref();
        let entries = &self.entries;
        self.index
            .find(hash(name), |&i| entries[i as usize].name() == name)
            .map(|&i| i as usize)
    }

    pub fn get<Q: AsRef<str> + ?Sized>(&self, name: &Q) -> Option<&V> {
        self.get_index_of(name).map(|i| &self.entries[i])
    }

    /// The object named `name`, to change anything but its name.
    pub fn get_mut<Q: AsRef<str> + ?Sized>(&mut self, name: &Q) -> Option<&mut V> {
        self.get_index_of(name).map(|i| &mut self.entries[i])
    }

    pub fn contains_key<Q: AsRef<str> + ?Sized>(&self, name: &Q) -> bool {
        self.get_index_of(name).is_some()
    }

    pub fn get_index(&self, i: usize) -> Option<(&Name, &V)> {
        self.entries.get(i).map(|v| (v.name(), v))
    }

    pub fn first(&self) -> Option<(&Name, &V)> {
        self.get_index(0)
    }

    /// Store `value` under `name` (and name it so). An object of that name is replaced in its
    /// place and returned; otherwise `value` goes last.
    pub fn insert(&mut self, name: impl Into<Name>, mut value: V) -> Option<V> {
        value.set_name(name.into());
        self.insert_named(value)
    }

    /// Store `value` under its own name, like [`NamedMap::insert`].
    fn insert_named(&mut self, value: V) -> Option<V> {
        let h = hash(value.name());
        let entries = &self.entries;
        match self
            .index
            .find(h, |&i| entries[i as usize].name() == value.name())
        {
            Some(&i) => Some(std::mem::replace(&mut self.entries[i as usize], value)),
            None => {
                let at = slot(self.entries.len());
                let entries = &self.entries;
                self.index
                    .insert_unique(h, at, |&i| hash(entries[i as usize].name()));
                self.entries.push(value);
                None
            }
        }
    }

    /// Remove the object named `name`; the objects after it move up one place.
    pub fn shift_remove<Q: AsRef<str> + ?Sized>(&mut self, name: &Q) -> Option<V> {
        let name = name.as_ref();
        let entries = &self.entries;
        let found = self
            .index
            .find_entry(hash(name), |&i| entries[i as usize].name() == name)
            .ok()?;
        let (at, _) = found.remove();
        let at = at as usize;
        if at + 1 < self.entries.len() {
            for i in self.index.iter_mut() {
                if *i as usize > at {
                    *i -= 1;
                }
            }
        }
        Some(self.entries.remove(at))
    }

    /// Keep the objects for which `keep` holds, in their order.
    pub fn retain(&mut self, mut keep: impl FnMut(&mut V) -> bool) {
        let before = self.entries.len();
        self.entries.retain_mut(|v| keep(v));
        if self.entries.len() != before {
            self.reindex();
        }
    }

    /// Sort the objects by a key computed once for each.
    pub fn sort_by_cached_key<K: Ord>(&mut self, mut key: impl FnMut(&Name, &V) -> K) {
        self.entries.sort_by_cached_key(|v| key(v.name(), v));
        self.reindex();
    }

    /// Rebuild the index after the objects moved.
    fn reindex(&mut self) {
        self.index.clear();
        let entries = &self.entries;
        for (i, v) in entries.iter().enumerate() {
            self.index.insert_unique(hash(v.name()), slot(i), |&j| {
                hash(entries[j as usize].name())
            });
        }
    }
}

impl<V> NamedMap<V> {
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Name> + ExactSizeIterator + Clone
    where
        V: Named,
    {
        self.entries.iter().map(V::name)
    }

    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.entries.iter()
    }

    /// The objects, to change anything but their names.
    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.entries.iter_mut()
    }

    pub fn iter(&self) -> Iter<'_, V> {
        Iter(self.entries.iter())
    }
}

/// The (name, object) pairs of a [`NamedMap`] in order.
#[derive(Clone)]
pub struct Iter<'a, V>(std::slice::Iter<'a, V>);

impl<'a, V: Named> Iterator for Iter<'a, V> {
    type Item = (&'a Name, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|v| (v.name(), v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<V: Named> DoubleEndedIterator for Iter<'_, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|v| (v.name(), v))
    }
}

impl<V: Named> ExactSizeIterator for Iter<'_, V> {}

impl<'a, V: Named> IntoIterator for &'a NamedMap<V> {
    type Item = (&'a Name, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V: Named, Q: AsRef<str> + ?Sized> std::ops::Index<&Q> for NamedMap<V> {
    type Output = V;
    fn index(&self, name: &Q) -> &V {
        let name = name.as_ref();
        self.get(name)
            .unwrap_or_else(|| panic!("no object named {name} in the map"))
    }
}

/// The object named `name`, to change anything but its name.
impl<V: Named, Q: AsRef<str> + ?Sized> std::ops::IndexMut<&Q> for NamedMap<V> {
    fn index_mut(&mut self, name: &Q) -> &mut V {
        let name = name.as_ref();
        self.get_mut(name)
            .unwrap_or_else(|| panic!("no object named {name} in the map"))
    }
}

/// Equal when both hold the same names with equal objects, in any order (as `IndexMap`).
impl<V: Named + PartialEq> PartialEq for NamedMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.values().all(|v| other.get(v.name()) == Some(v))
    }
}

impl<V: Named + fmt::Debug> fmt::Debug for NamedMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Written as an object of name → object (the objects skip their `name`).
impl<V: Named + Serialize> Serialize for NamedMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

thread_local! {
    /// Told the address of each object's key in the text being read, when that text is read
    /// in place ([`set_passed_hook`]).
    static PASSED: Cell<Option<fn(usize)>> = const { Cell::new(None) };
}

/// Have `hook` told, while this thread reads name-keyed maps from text in memory, the address
/// of each object's key in that text: everything before it has been read. The store releases
/// the pages of a large state file behind that point as the file is read, so the text and the
/// objects made of it are not held in full together. Returns the hook it replaces.
pub fn set_passed_hook(hook: Option<fn(usize)>) -> Option<fn(usize)> {
    PASSED.replace(hook)
}

/// Reads an object's key as its [`Name`], telling the hook where the key lies in the text when
/// the parser hands it out in place.
struct KeySeed(Option<fn(usize)>);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Name;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Name, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name")
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Name, E> {
        if let Some(hook) = self.0 {
            hook(v.as_ptr() as usize);
        }
        Ok(Name::new(v))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Name, E> {
        Ok(Name::new(v))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Name, E> {
        Ok(Name::from(v))
    }
}

/// Read from an object of name → object, naming each object after its key; a name given twice
/// keeps its first place and its last object.
impl<'de, V: Deserialize<'de> + Named> Deserialize<'de> for NamedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de> + Named> Visitor<'de> for Visit<V> {
            type Value = NamedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of named objects")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut out = NamedMap::with_capacity(access.size_hint().unwrap_or(0).min(4096));
                let hook = PASSED.get();
                while let Some(key) = access.next_key_seed(KeySeed(hook))? {
                    let value = access.next_value::<V>()?;
                    out.insert(key, value);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Visit(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Obj {
        #[serde(default, skip_serializing)]
        name: Name,
        n: u32,
    }

    impl Named for Obj {
        fn name(&self) -> &Name {
            &self.name
        }
        fn set_name(&mut self, name: Name) {
            self.name = name;
        }
    }

    fn obj(n: u32) -> Obj {
        Obj {
            name: Name::default(),
            n,
        }
    }

    fn map(names: &[&str]) -> NamedMap<Obj> {
        let mut m = NamedMap::new();
        for (n, name) in names.iter().enumerate() {
            assert!(m.insert((*name).to_string(), obj(n as u32)).is_none());
        }
        m
    }

    fn names(m: &NamedMap<Obj>) -> Vec<&str> {
        m.keys().map(Name::as_str).collect()
    }

    /// Every object is found at its position by its name.
    fn assert_indexed(m: &NamedMap<Obj>) {
        for (i, (k, v)) in m.iter().enumerate() {
            assert_eq!(k, &v.name);
            assert_eq!(m.get_index_of(k), Some(i), "{k}");
            assert_eq!(m.get(k.as_str()), Some(v));
        }
    }

    #[test]
    fn keeps_insertion_order_and_names_values_after_keys() {
        let m = map(&["c", "a", "b"]);
        assert_eq!(names(&m), ["c", "a", "b"]);
        assert_eq!(m.len(), 3);
        assert!(!m.is_empty());
        assert_eq!(m["a"].name, "a");
        assert_eq!(m[&"b".to_string()].n, 2);
        assert_eq!(m.first().map(|(k, v)| (k.as_str(), v.n)), Some(("c", 0)));
        assert_eq!(m.get_index(2).map(|(k, _)| k.as_str()), Some("b"));
        assert!(m.get_index(3).is_none());
        assert!(m.contains_key("a") && !m.contains_key("d"));
        assert!(m.get("d").is_none());
        assert_eq!(
            m.iter().rev().map(|(_, v)| v.n).collect::<Vec<_>>(),
            [2, 1, 0]
        );
        assert_indexed(&m);
    }

    #[test]
    fn insert_of_a_known_name_replaces_in_place() {
        let mut m = map(&["a", "b", "c"]);
        let old = m.insert("b", obj(9));
        assert_eq!(old.map(|o| o.n), Some(1));
        assert_eq!(names(&m), ["a", "b", "c"]);
        assert_eq!(m["b"].n, 9);
        let mut named = obj(7);
        named.name = "a".into();
        assert_eq!(m.insert_named(named).map(|o| o.n), Some(0));
        assert_eq!(m.len(), 3);
        assert_indexed(&m);
    }

    #[test]
    fn shift_remove_keeps_the_order_of_the_rest() {
        let mut m = map(&["a", "b", "c", "d", "e"]);
        assert_eq!(m.shift_remove("b").map(|o| o.n), Some(1));
        assert_eq!(names(&m), ["a", "c", "d", "e"]);
        assert!(m.shift_remove("b").is_none());
        assert!(m.get("b").is_none());
        assert_eq!(m.shift_remove(&"e".to_string()).map(|o| o.n), Some(4));
        assert_eq!(m.shift_remove("a").map(|o| o.n), Some(0));
        assert_eq!(names(&m), ["c", "d"]);
        assert_indexed(&m);
        m.insert("a", obj(5));
        assert_eq!(names(&m), ["c", "d", "a"]);
        assert_indexed(&m);
    }

    #[test]
    fn retain_keeps_order_and_lookups() {
        let all: Vec<String> = (0..100).map(|i| format!("rs-{i}")).collect();
        let mut m = map(&all.iter().map(String::as_str).collect::<Vec<_>>());
        m.retain(|v| v.n % 3 != 0);
        assert_eq!(m.len(), 66);
        assert!(m.values().map(|v| v.n).eq((0..100).filter(|n| n % 3 != 0)));
        assert!(m.get("rs-3").is_none());
        assert_eq!(m["rs-4"].n, 4);
        assert_indexed(&m);
        m.retain(|v| {
            v.n += 1;
            true
        });
        assert_eq!(m["rs-4"].n, 5);
        assert_indexed(&m);
    }

    #[test]
    fn many_names_grow_the_index() {
        let mut m = NamedMap::new();
        for i in 0..5000 {
            m.insert(format!("rs-{i}"), obj(i));
        }
        for i in (0..5000).step_by(7) {
            assert!(m.shift_remove(&format!("rs-{i}")).is_some());
        }
        assert_eq!(m.len(), 5000 - 715);
        assert_indexed(&m);
        assert!(m.values().map(|v| v.n).eq((0..5000).filter(|n| n % 7 != 0)));
    }

    #[test]
    fn sort_by_cached_key_reindexes() {
        let mut m = map(&["b", "c", "a"]);
        m.sort_by_cached_key(|k, _| k.clone());
        assert_eq!(names(&m), ["a", "b", "c"]);
        assert_indexed(&m);
    }

    #[test]
    fn equality_ignores_order() {
        let mut a = map(&["a", "b"]);
        let mut b = NamedMap::new();
        b.insert("b", obj(1));
        b.insert("a", obj(0));
        assert_eq!(a, b);
        a.get_mut("a").unwrap().n = 3;
        assert_ne!(a, b);
        assert_ne!(map(&["a"]), map(&["a", "b"]));
        assert_eq!(
            format!("{:?}", map(&["x"])),
            r#"{"x": Obj { name: "x", n: 0 }}"#
        );
    }

    #[test]
    fn serde_round_trip_writes_each_name_once_as_the_key() {
        let m = map(&["z", "a", "m"]);
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(text, r#"{"z":{"n":0},"a":{"n":1},"m":{"n":2}}"#);
        let back: NamedMap<Obj> = serde_json::from_str(&text).unwrap();
        assert_eq!(names(&back), ["z", "a", "m"]);
        assert_eq!(
            back.values().cloned().collect::<Vec<_>>(),
            m.values().cloned().collect::<Vec<_>>()
        );
        assert_indexed(&back);
        // An older file's own name is replaced by the key; a repeated key keeps its first place.
        let old = r#"{"a":{"name":"x","n":1},"b":{"n":2},"a":{"n":3}}"#;
        let back: NamedMap<Obj> = serde_json::from_str(old).unwrap();
        assert_eq!(names(&back), ["a", "b"]);
        assert_eq!(back["a"].n, 3);
        assert!(serde_json::from_str::<NamedMap<Obj>>("[]").is_err());
    }
}
