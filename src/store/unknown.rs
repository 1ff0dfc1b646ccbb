//! Fields this scsim does not know are kept: a newer scsim may add fields (docs/state-format.md:
//! additive fields need no version bump), and an older one that rewrites the file must not
//! erase them.
//!
//! A changing command decodes the file through `serde_ignored`, which reports the path of every
//! field the model skipped. When there are none (the usual case) nothing else happens. When
//! there are, their values are taken from the original text and, at commit, put back into the
//! new document at the same place: the same key of the same object, where an element of a list
//! is found again by its `name` (nodes, device groups, …) or, for unnamed elements, by position
//! if the list kept its length. A field whose object was removed by the command goes with it.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One step of a path into the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// The fields found in a file that the model does not know: (path of the containing object,
/// key, value).
#[derive(Debug, Clone, Default)]
pub struct Unknown {
    fields: Vec<(Vec<Seg>, String, Doc)>,
    /// The original document (to find list elements again by name).
    original: Option<Doc>,
}

impl Unknown {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
    pub fn len(&self) -> usize {
        self.fields.len()
    }
}

/// Convert a serde_ignored path to segments (Option and newtype wrappers are invisible in JSON).
pub fn segments(p: &serde_ignored::Path) -> Vec<Seg> {
    use serde_ignored::Path as P;
    let mut out = Vec::new();
    let mut cur = p;
    loop {
        match cur {
            P::Root => break,
            P::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                cur = parent;
            }
            P::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                cur = parent;
            }
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
                cur = parent;
            }
        }
    }
    out.reverse();
    out
}

/// Collect the values of the ignored `paths` from the original bytes.
pub fn collect(bytes: &[u8], paths: Vec<Vec<Seg>>) -> Unknown {
    let Ok(doc) = serde_json::from_slice::<Doc>(bytes) else {
        return Unknown::default();
    };
    let mut fields = Vec::new();
    for mut p in paths {
        let Some(Seg::Key(key)) = p.pop() else {
            continue;
        };
        if let Some(v) = doc.at(&p).and_then(|o| o.get(&key)) {
            fields.push((p, key, v.clone()));
        }
    }
    Unknown {
        fields,
        original: Some(doc),
    }
}

/// Put the unknown fields back into `new` (the encoded new state), returning the merged text.
pub fn graft(new: &[u8], unknown: &Unknown) -> serde_json::Result<Vec<u8>> {
    let mut doc: Doc = serde_json::from_slice(new)?;
    let empty = Doc::Obj(Vec::new());
    let original = unknown.original.as_ref().unwrap_or(&empty);
    for (path, key, value) in &unknown.fields {
        if doc.find_mut(path, original).is_none() {
            reopen(&mut doc, path, original);
        }
        if let Some(Doc::Obj(entries)) = doc.find_mut(path, original)
            && !entries.iter().any(|(k, _)| k == key)
        {
            entries.push((key.clone(), value.clone()));
        }
    }
    let mut out = serde_json::to_vec(&doc)?;
    out.push(b'\n');
    Ok(out)
}

/// Objects the new document leaves out when every field this scsim knows is at its default
/// (`src/model/defaults.rs`): a resource's `dependencies`. Other objects (a resource, a group,
/// a node's entry) are only missing when the command removed them.
const LEFT_OUT_WHEN_DEFAULT: [&str; 1] = ["dependencies"];

/// When the object that held an unknown field is one the new document left out as default,
/// and its parent is still there (the command did not remove it), put an empty object back for
/// the field to go into.
fn reopen(doc: &mut Doc, path: &[Seg], original: &Doc) {
    let Some((Seg::Key(last), parent)) = path.split_last() else {
        return;
    };
    if !LEFT_OUT_WHEN_DEFAULT.contains(&last.as_str()) {
        return;
    }
    if !matches!(original.at(path), Some(Doc::Obj(_))) {
        return;
    }
    if let Some(Doc::Obj(entries)) = doc.find_mut(parent, original)
        && !entries.iter().any(|(k, _)| k == last)
    {
        entries.push((last.clone(), Doc::Obj(Vec::new())));
    }
}

/// A JSON document that keeps the order of object keys (serde_json's `Value` sorts them).
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    Obj(Vec<(String, Doc)>),
    Arr(Vec<Doc>),
    Leaf(serde_json::Value),
}

impl Doc {
    fn get(&self, key: &str) -> Option<&Doc> {
        match self {
            Doc::Obj(e) => e.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn at(&self, path: &[Seg]) -> Option<&Doc> {
        let mut cur = self;
        for s in path {
            cur = match (s, cur) {
                (Seg::Key(k), d) => d.get(k)?,
                (Seg::Index(i), Doc::Arr(a)) => a.get(*i)?,
                _ => return None,
            };
        }
        Some(cur)
    }
    fn name(&self) -> Option<&serde_json::Value> {
        match self.get("name") {
            Some(Doc::Leaf(v)) => Some(v),
            _ => None,
        }
    }
    /// The node of this (new) document that corresponds to `path` in `original`.
    fn find_mut(&mut self, path: &[Seg], original: &Doc) -> Option<&mut Doc> {
        let mut cur = self;
        let mut orig = Some(original);
        for s in path {
            let o_next = orig.and_then(|o| o.at(std::slice::from_ref(s)));
            cur = match (s, cur) {
                (Seg::Key(k), Doc::Obj(e)) => e.iter_mut().find(|(x, _)| x == k).map(|(_, v)| v)?,
                (Seg::Index(i), Doc::Arr(a)) => {
                    let orig_len = match orig {
                        Some(Doc::Arr(oa)) => Some(oa.len()),
                        _ => None,
                    };
                    match o_next.and_then(Doc::name) {
                        Some(n) => a.iter_mut().find(|d| d.name() == Some(n))?,
                        None if orig_len == Some(a.len()) => a.get_mut(*i)?,
                        None => return None,
                    }
                }
                _ => return None,
            };
            orig = o_next;
        }
        Some(cur)
    }
}

impl Serialize for Doc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Doc::Leaf(v) => v.serialize(s),
            Doc::Arr(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for d in a {
                    seq.serialize_element(d)?;
                }
                seq.end()
            }
            Doc::Obj(e) => {
                let mut m = s.serialize_map(Some(e.len()))?;
                for (k, v) in e {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Doc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Doc, E> {
                Ok(Doc::Leaf(v.into()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Doc, E> {
                Ok(Doc::Leaf(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Doc, E> {
                Ok(Doc::Leaf(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Doc, E> {
                Ok(Doc::Leaf(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Doc, E> {
                Ok(Doc::Leaf(v.into()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Doc, E> {
                Ok(Doc::Leaf(serde_json::Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Doc, E> {
                Ok(Doc::Leaf(serde_json::Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Doc, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Doc::Arr(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Doc, A::Error> {
                let mut v = Vec::new();
                while let Some((k, x)) = a.next_entry::<String, Doc>()? {
                    v.push((k, x));
                }
                Ok(Doc::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Seg {
        Seg::Key(k.into())
    }

    #[test]
    fn a_field_in_an_object_left_out_as_default_is_kept() {
        let old = br#"{"resources":{"r":{"name":"r","dependencies":{"future":[1]}}}}"#;
        let path = vec![
            key("resources"),
            key("r"),
            key("dependencies"),
            key("future"),
        ];
        let u = collect(old, vec![path]);
        assert_eq!(u.len(), 1);
        // The new document leaves `dependencies` out (no kind this build knows is set).
        let merged = graft(br#"{"resources":{"r":{"name":"r"}}}"#, &u).unwrap();
        assert_eq!(
            String::from_utf8(merged).unwrap(),
            "{\"resources\":{\"r\":{\"name\":\"r\",\"dependencies\":{\"future\":[1]}}}}\n"
        );
        // A resource the command removed does not come back for it.
        let merged = graft(br#"{"resources":{}}"#, &u).unwrap();
        assert_eq!(String::from_utf8(merged).unwrap(), "{\"resources\":{}}\n");
    }
}
