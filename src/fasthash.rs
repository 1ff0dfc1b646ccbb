//! A fast hasher for the maps keyed by object names (resources, groups, nodes). The standard
//! SipHash guards against inputs chosen to collide, which a local state file does not need; it
//! cost a tenth of a change command at 1,000 resources (decoding fills the maps, the engine's
//! index and the reference check look names up). The maps use rustc's multiply-rotate hash
//! ("FxHash", from the `rustc-hash` crate).

/// Builds the fast hashers (every map starts from the same state).
pub type BuildFast = rustc_hash::FxBuildHasher;
/// A `HashMap` with the fast hasher (`FastMap::default()` makes one).
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildFast>;
/// A `HashSet` with the fast hasher.
pub type FastSet<T> = std::collections::HashSet<T, BuildFast>;
/// An insertion-ordered map keyed by name, with the fast hasher.
pub type NameMap<V> = indexmap::IndexMap<String, V, BuildFast>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn names_spread_and_lookups_work() {
        let mut m: NameMap<usize> = NameMap::default();
        for i in 0..2000 {
            m.insert(format!("rs-{i}"), i);
        }
        assert!((0..2000).all(|i| m[&format!("rs-{i}")] == i));
        assert_eq!(m.get_index(7).map(|(k, _)| k.as_str()), Some("rs-7"));
        let hashes: FastSet<u64> = m.keys().map(|k| BuildFast::default().hash_one(k)).collect();
        assert_eq!(hashes.len(), 2000, "two names hash alike");
    }
}
