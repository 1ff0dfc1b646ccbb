//! A resource's dependencies by kind (r_properties(5): Resource_dependencies and its `_weak`,
//! `_restart` and `_offline_restart` forms). The state file writes an object of up to four
//! lists by kind; in memory they are one list ordered by kind, with where each kind ends. Four
//! lists inline cost 96 bytes a resource, most of them empty; one costs 32.

use super::{Name, defaults};
use serde::{Deserialize, Serialize, Serializer, ser::SerializeMap};

/// The kind of a dependency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DepKind {
    Strong,
    Weak,
    Restart,
    OfflineRestart,
}

impl DepKind {
    pub const ALL: [DepKind; 4] = [
        DepKind::Strong,
        DepKind::Weak,
        DepKind::Restart,
        DepKind::OfflineRestart,
    ];
    pub fn property(self) -> &'static str {
        match self {
            DepKind::Strong => "Resource_dependencies",
            DepKind::Weak => "Resource_dependencies_weak",
            DepKind::Restart => "Resource_dependencies_restart",
            DepKind::OfflineRestart => "Resource_dependencies_offline_restart",
        }
    }
    /// The key of its list in the state file.
    fn key(self) -> &'static str {
        match self {
            DepKind::Strong => "strong",
            DepKind::Weak => "weak",
            DepKind::Restart => "restart",
            DepKind::OfflineRestart => "offline_restart",
        }
    }
    fn slot(self) -> usize {
        self as usize
    }
}

/// Resource dependencies by kind, each kind's list in the order it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "Lists")]
pub struct Dependencies {
    /// Every dependee, the kinds in [`DepKind::ALL`] order.
    names: Box<[Name]>,
    /// Where each kind's part of `names` ends.
    ends: [u32; 4],
}

impl Dependencies {
    /// One kind of dependency on `names`.
    pub fn of(kind: DepKind, names: Vec<Name>) -> Dependencies {
        let mut d = Dependencies::default();
        d.set(kind, names);
        d
    }

    fn range(&self, kind: DepKind) -> std::ops::Range<usize> {
        let i = kind.slot();
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        start as usize..self.ends[i] as usize
    }

    pub fn get(&self, kind: DepKind) -> &[Name] {
        &self.names[self.range(kind)]
    }

    /// Replace the list of one kind.
    pub fn set(&mut self, kind: DepKind, names: Vec<Name>) {
        let mut lists = self.take_lists();
        lists[kind.slot()] = names;
        *self = Dependencies::from_lists(lists);
    }

    /// No dependency of any kind.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every dependee with its kind.
    pub fn all(&self) -> impl Iterator<Item = (DepKind, &Name)> {
        DepKind::ALL
            .into_iter()
            .flat_map(move |k| self.get(k).iter().map(move |d| (k, d)))
    }

    /// Dependees that must be online before this resource starts (strong, restart, offline-restart).
    pub fn hard(&self) -> impl Iterator<Item = &Name> {
        self.all()
            .filter(|(k, _)| *k != DepKind::Weak)
            .map(|(_, d)| d)
    }

    fn take_lists(&mut self) -> [Vec<Name>; 4] {
        let ends = self.ends;
        let mut names = std::mem::take(&mut self.names).into_vec().into_iter();
        let mut start = 0;
        ends.map(|end| {
            let part = names.by_ref().take((end - start) as usize).collect();
            start = end;
            part
        })
    }

    fn from_lists(lists: [Vec<Name>; 4]) -> Dependencies {
        let mut ends = [0u32; 4];
        let mut total = 0usize;
        for (end, l) in ends.iter_mut().zip(&lists) {
            total += l.len();
            // More than four billion dependencies do not fit in a state file either.
            *end = u32::try_from(total).unwrap_or(u32::MAX);
        }
        let names = match lists.iter().position(|l| l.len() == total) {
            // One kind only (the usual case): its list becomes the whole, without a copy when
            // it was read at its length.
            Some(i) => lists.into_iter().nth(i).unwrap_or_default(),
            None => {
                let mut all = Vec::with_capacity(total);
                for l in lists {
                    all.extend(l);
                }
                all
            }
        };
        Dependencies {
            names: names.into_boxed_slice(),
            ends,
        }
    }
}

/// As the state file writes it: an object of the non-empty lists by kind.
impl Serialize for Dependencies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kinds = DepKind::ALL
            .into_iter()
            .filter(|k| !self.get(*k).is_empty());
        let mut m = s.serialize_map(Some(kinds.clone().count()))?;
        for k in kinds {
            m.serialize_entry(k.key(), self.get(k))?;
        }
        m.end()
    }
}

/// The four lists as the state file holds them.
#[derive(Deserialize)]
struct Lists {
    #[serde(default, deserialize_with = "defaults::exact")]
    strong: Vec<Name>,
    #[serde(default, deserialize_with = "defaults::exact")]
    weak: Vec<Name>,
    #[serde(default, deserialize_with = "defaults::exact")]
    restart: Vec<Name>,
    #[serde(default, deserialize_with = "defaults::exact")]
    offline_restart: Vec<Name>,
}

impl From<Lists> for Dependencies {
    fn from(l: Lists) -> Dependencies {
        Dependencies::from_lists([l.strong, l.weak, l.restart, l.offline_restart])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<Name> {
        v.iter().map(|s| Name::from(*s)).collect()
    }

    #[test]
    fn kinds_are_kept_apart_and_in_order() {
        let mut d = Dependencies::of(DepKind::Restart, names(&["db", "disk"]));
        d.set(DepKind::Strong, names(&["ip"]));
        d.set(DepKind::OfflineRestart, names(&["nfs"]));
        assert_eq!(d.get(DepKind::Strong), ["ip"]);
        assert!(d.get(DepKind::Weak).is_empty());
        assert_eq!(d.get(DepKind::Restart), ["db", "disk"]);
        assert_eq!(d.get(DepKind::OfflineRestart), ["nfs"]);
        let all: Vec<(DepKind, &str)> = d.all().map(|(k, n)| (k, n.as_str())).collect();
        assert_eq!(
            all,
            [
                (DepKind::Strong, "ip"),
                (DepKind::Restart, "db"),
                (DepKind::Restart, "disk"),
                (DepKind::OfflineRestart, "nfs"),
            ]
        );
        d.set(DepKind::Restart, Vec::new());
        assert_eq!(d.hard().collect::<Vec<_>>(), ["ip", "nfs"]);
        d.set(DepKind::Weak, names(&["web"]));
        assert_eq!(d.hard().collect::<Vec<_>>(), ["ip", "nfs"]);
        d.set(DepKind::Strong, Vec::new());
        d.set(DepKind::Weak, Vec::new());
        d.set(DepKind::OfflineRestart, Vec::new());
        assert!(d.is_empty());
        assert_eq!(d, Dependencies::default(), "emptied equals never set");
    }

    #[test]
    fn the_state_file_form_is_an_object_of_lists_by_kind() {
        let text = r#"{"strong":["a","b"],"offline_restart":["c"]}"#;
        let d: Dependencies = serde_json::from_str(text).unwrap();
        assert_eq!(d.get(DepKind::Strong), ["a", "b"]);
        assert_eq!(d.get(DepKind::OfflineRestart), ["c"]);
        assert_eq!(serde_json::to_string(&d).unwrap(), text);
        let one: Dependencies = serde_json::from_str(r#"{"weak":["w"]}"#).unwrap();
        assert_eq!(one, Dependencies::of(DepKind::Weak, names(&["w"])));
        let none: Dependencies = serde_json::from_str("{}").unwrap();
        assert!(none.is_empty());
        assert_eq!(serde_json::to_string(&none).unwrap(), "{}");
        assert_eq!(std::mem::size_of::<Dependencies>(), 32);
    }
}
