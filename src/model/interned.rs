//! [`Interned`]: a name that few objects spell differently and many repeat — a node name in a
//! per-node state, a resource's type — held once per thread and referred to by a pointer.

use super::Name;
use crate::fasthash::FastMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

/// A pointer to the one copy of a name this thread holds ([`Interned::new`]): one word where a
/// [`Name`] takes three, the same text, order and equality as the string, and the same
/// JSON. A cluster of 10,000 resources on two nodes names two nodes 20,000 times and a
/// handful of types 10,000 times.
#[derive(Clone, Copy)]
pub struct Interned(&'static String);

/// The names a thread has interned: the first few in a list searched in order (a cluster's
/// nodes and types; a short comparison each), any beyond also in a hash map.
#[derive(Default)]
struct Names {
    few: Vec<&'static String>,
    more: FastMap<&'static str, &'static String>,
}

/// How many names are found by a search of the list.
const FEW: usize = 16;

thread_local! {
    /// The names this thread has interned, each kept for the life of the process: a cluster
    /// has a few nodes and types, and a file read adds only the names it spells.
    static NAMES: RefCell<Names> = RefCell::default();
}

impl Interned {
    /// The pointer for `name`, its copy made the first time the thread sees it.
    pub fn new(name: &str) -> Interned {
        NAMES.with_borrow_mut(|names| {
            if let Some(n) = names.few.iter().find(|n| n.as_str() == name) {
                return Interned(n);
            }
            if let Some(n) = names.more.get(name) {
                return Interned(n);
            }
            let n: &'static String = Box::leak(Box::new(name.to_string()));
            if names.few.len() < FEW {
                names.few.push(n);
            } else {
                names.more.insert(n.as_str(), n);
            }
            Interned(n)
        })
    }
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
    }
}

impl Default for Interned {
    fn default() -> Interned {
        Interned::new("")
    }
}

impl std::ops::Deref for Interned {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        std::ptr::eq(self.0, other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Interned {}

impl Ord for Interned {
    fn cmp(&self, other: &Interned) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Interned {
    fn partial_cmp(&self, other: &Interned) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Interned {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Name> for Interned {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl From<&str> for Interned {
    fn from(s: &str) -> Interned {
        Interned::new(s)
    }
}

impl PartialEq<String> for Interned {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Interned> for String {
    fn eq(&self, other: &Interned) -> bool {
        self.as_str() == other.as_str()
    }
}

impl From<Name> for Interned {
    fn from(s: Name) -> Interned {
        Interned::new(&s)
    }
}

impl AsRef<str> for Interned {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Interned {
    fn from(s: String) -> Interned {
        Interned::new(&s)
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Interned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Interned, D::Error> {
        // Read in place where the text allows (no escapes).
        Cow::<'de, str>::deserialize(d).map(|s| Interned::new(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_held_once_and_behaves_as_its_text() {
        let a = Interned::new("SUNW.ims");
        let b: Interned = serde_json::from_str("\"SUNW.ims\"").unwrap();
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(
            std::mem::size_of::<Interned>(),
            std::mem::size_of::<usize>()
        );
        assert_eq!(a, b);
        assert_eq!(a, "SUNW.ims");
        assert_eq!(Name::from("SUNW.ims"), a);
        assert!(Interned::new("a") < Interned::new("b"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"SUNW.ims\"");
        assert_eq!(a.to_string(), "SUNW.ims");
        let long = "a-name-longer-than-any-inline-string-would-hold";
        assert_eq!(Interned::new(long).as_str(), long);
        assert_eq!(Interned::default().as_str(), "");
        // Beyond the first few, names are found through the map, still once each.
        let many: Vec<Interned> = (0..100).map(|i| Interned::new(&format!("n{i}"))).collect();
        for (i, n) in many.iter().enumerate() {
            assert!(std::ptr::eq(
                n.as_str(),
                Interned::new(&format!("n{i}")).as_str()
            ));
        }
    }
}
