//! Name-keyed maps of objects that carry their own name (`resources`, `resource_groups`): the
//! state file writes the name once, as the key (schema 6), and reading gives each object the
//! name of its key. Files of schema 5 and older also spell the name inside each object; that
//! copy is read and then replaced by the key.

use super::{Resource, ResourceGroup};
use crate::fasthash::NameMap;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;

/// An object named by its key in the state file.
pub(super) trait Named {
    fn set_name(&mut self, name: String);
}

impl Named for Resource {
    fn set_name(&mut self, name: String) {
        self.name = name;
    }
}

impl Named for ResourceGroup {
    fn set_name(&mut self, name: String) {
        self.name = name;
    }
}

/// Read a name-keyed map, naming each object after its key.
pub(super) fn map<'de, D, V>(d: D) -> Result<NameMap<V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de> + Named,
{
    struct Visit<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de> + Named> Visitor<'de> for Visit<V> {
        type Value = NameMap<V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of named objects")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut out = NameMap::with_capacity_and_hasher(
                access.size_hint().unwrap_or(0).min(4096),
                Default::default(),
            );
            while let Some((key, mut value)) = access.next_entry::<String, V>()? {
                value.set_name(key.clone());
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visit(PhantomData))
}
