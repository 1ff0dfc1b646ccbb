//! A fast hasher for the maps keyed by object names (resources, groups, nodes). The standard
//! SipHash guards against inputs chosen to collide, which a local state file does not need; it
//! cost a tenth of a change command at 1,000 resources (decoding fills the maps, the engine's
//! index and the reference check look names up). This is the multiply-rotate hash of rustc
//! ("FxHash"), over 8 bytes at a time.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher for [`BuildFast`].
#[derive(Debug, Clone, Copy, Default)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FastHasher`]s (every map starts from the same state).
pub type BuildFast = BuildHasherDefault<FastHasher>;
/// A `HashMap` with the fast hasher (`FastMap::default()` makes one).
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildFast>;
/// A `HashSet` with the fast hasher.
pub type FastSet<T> = std::collections::HashSet<T, BuildFast>;
/// An insertion-ordered map keyed by name, with the fast hasher.
pub type NameMap<V> = indexmap::IndexMap<String, V, BuildFast>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_spread_and_lookups_work() {
        let mut m: NameMap<usize> = NameMap::default();
        for i in 0..2000 {
            m.insert(format!("rs-{i}"), i);
        }
        assert!((0..2000).all(|i| m[&format!("rs-{i}")] == i));
        assert_eq!(m.get_index(7).map(|(k, _)| k.as_str()), Some("rs-7"));
        let mut s: FastSet<u64> = FastSet::default();
        for name in m.keys() {
            let mut h = FastHasher::default();
            h.write(name.as_bytes());
            s.insert(h.finish());
        }
        assert_eq!(s.len(), 2000, "two names hash alike");
    }
}
