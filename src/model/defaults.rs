//! The values a state file leaves out (schema 5 on): a field of a resource group or a resource
//! at the value below is not written, and a missing field reads as that value. These are the
//! rg_properties(5) defaults [`super::ResourceGroup::new`] starts from, so a group or resource
//! nobody tuned is written as its name, its members and its state. Files of schema 4 and older
//! spell every field out and read the same.

pub(super) const MAXIMUM_PRIMARIES: u32 = 1;
pub(super) const DESIRED_PRIMARIES: u32 = 1;
pub(super) const PINGPONG_INTERVAL: u32 = 3600;
pub(super) const PROJECT_NAME: &str = "default";
/// Global_resources_used: `*` (all).
pub(super) const GLOBAL_RESOURCES_USED: &str = "*";

pub(super) fn yes() -> bool {
    true
}
pub(super) fn is_yes(b: &bool) -> bool {
    *b
}
pub(super) fn is_no(b: &bool) -> bool {
    !*b
}
pub(super) fn one() -> u32 {
    1
}
pub(super) fn is_one(n: &u32) -> bool {
    *n == 1
}
pub(super) fn pingpong_interval() -> u32 {
    PINGPONG_INTERVAL
}
pub(super) fn is_pingpong_interval(n: &u32) -> bool {
    *n == PINGPONG_INTERVAL
}
pub(super) fn project_name() -> super::Name {
    super::Name::const_new(PROJECT_NAME)
}
pub(super) fn is_project_name(s: &str) -> bool {
    s == PROJECT_NAME
}
pub(super) fn global_resources_used() -> Vec<super::Name> {
    vec![super::Name::const_new(GLOBAL_RESOURCES_USED)]
}
pub(super) fn is_global_resources_used(v: &[super::Name]) -> bool {
    matches!(v, [only] if only == GLOBAL_RESOURCES_USED)
}
pub(super) fn failover() -> super::RgMode {
    super::RgMode::Failover
}
pub(super) fn is_failover(m: &super::RgMode) -> bool {
    *m == super::RgMode::Failover
}
pub(super) fn is_no_dependencies(d: &super::Dependencies) -> bool {
    d.is_empty()
}

/// A list read at its length. Reading grows a list from empty (room for four strings at the
/// first), and a state file holds thousands of short ones: a resource's one dependency, a
/// group's two nodes. Each is allocated at its length ([`collect_exact`]).
pub(super) fn exact<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Exact<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Exact<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let hint = seq.size_hint();
            collect_exact(|| seq.next_element(), hint)
        }
    }
    d.deserialize_seq(Exact(std::marker::PhantomData))
}

/// The items `next` gives until it gives `None`, in a list allocated at its length (a
/// per-node state, a resource's set properties, a dependency list, a group's members). A
/// list grown and then shrunk would leave its tail in the heap as a hole, one per object
/// read, which the blocks made after it seldom fit. Up to four items are held until the
/// end; a longer list is grown and then moved into one of its length, and the grown one,
/// freed at once, is what the next long list grows in.
pub(super) fn collect_exact<T, E>(
    mut next: impl FnMut() -> Result<Option<T>, E>,
    hint: Option<usize>,
) -> Result<Vec<T>, E> {
    let Some(a) = next()? else {
        return Ok(Vec::new());
    };
    let Some(b) = next()? else {
        return Ok(vec![a]);
    };
    let Some(c) = next()? else {
        return Ok(vec![a, b]);
    };
    let Some(d) = next()? else {
        return Ok(vec![a, b, c]);
    };
    let Some(e) = next()? else {
        return Ok(vec![a, b, c, d]);
    };
    let mut grown = Vec::with_capacity(8.max(5 + hint.unwrap_or(0).min(64)));
    grown.extend([a, b, c, d, e]);
    while let Some(item) = next()? {
        grown.push(item);
    }
    if grown.len() == grown.capacity() {
        return Ok(grown);
    }
    let mut exact = Vec::with_capacity(grown.len());
    exact.append(&mut grown);
    Ok(exact)
}

/// Entries read from a file, put in key order with a map's semantics: of equal keys the last
/// one wins. Files scsim writes are in order already, which one pass confirms.
pub(super) fn sort_entries<K: Ord, V>(v: &mut Vec<(K, V)>) {
    if v.windows(2).all(|w| w[0].0 < w[1].0) {
        return;
    }
    // Reversed, the stable sort puts the last of equal keys first, and `dedup_by` keeps the
    // first of a run.
    v.reverse();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v.dedup_by(|later, kept| later.0 == kept.0);
}

#[cfg(test)]
mod tests {
    use super::super::{Resource, ResourceGroup};
    use super::{collect_exact, sort_entries};

    fn collect(n: usize, hint: Option<usize>) -> Vec<usize> {
        let mut items = 0..n;
        collect_exact(|| Ok::<_, ()>(items.next()), hint).unwrap()
    }

    #[test]
    fn short_lists_are_allocated_at_their_length() {
        for n in 0..=9 {
            let v = collect(n, None);
            assert_eq!(v, (0..n).collect::<Vec<_>>());
            assert_eq!(v.capacity(), n, "{n} items");
        }
        // Longer lists too, whether the source tells their length or not.
        for (n, hint) in [(12, None), (12, Some(2)), (40, Some(100)), (8, Some(8))] {
            let v = collect(n, hint);
            assert_eq!(v, (0..n).collect::<Vec<_>>());
            assert_eq!(v.capacity(), n, "{n} items, hint {hint:?}");
        }
        // An error from the source is passed on.
        let mut calls = 0;
        let failed = collect_exact(
            || {
                calls += 1;
                if calls == 3 {
                    Err("bad")
                } else {
                    Ok(Some(calls))
                }
            },
            None,
        );
        assert_eq!(failed, Err("bad"));
    }

    #[test]
    fn entries_are_sorted_with_the_last_of_a_key_winning() {
        let mut sorted = vec![("a", 1), ("b", 2), ("c", 3)];
        sort_entries(&mut sorted);
        assert_eq!(sorted, [("a", 1), ("b", 2), ("c", 3)]);
        let mut v = vec![("c", 1), ("a", 2), ("c", 3), ("b", 4), ("a", 5), ("c", 6)];
        sort_entries(&mut v);
        assert_eq!(v, [("a", 5), ("b", 4), ("c", 6)]);
        let mut twice = vec![("a", 1), ("a", 2)];
        sort_entries(&mut twice);
        assert_eq!(twice, [("a", 2)]);
    }

    /// A group as schema 4 wrote it: every property spelled out.
    const V4_GROUP: &str = r#"{"name":"rg-1","nodelist":["a","b"],"managed":true,"mode":"Failover","description":"","failback":false,"maximum_primaries":1,"desired_primaries":1,"rg_dependencies":[],"rg_affinities":[],"implicit_network_dependencies":true,"global_resources_used":["*"],"pathprefix":"","pingpong_interval":3600,"project_name":"default","rg_system":false,"auto_start_on_new_cluster":true,"suspend_automatic_recovery":false,"resources":["rs-1"],"state":{"a":"Online"}}"#;
    const V4_RESOURCE: &str = r#"{"name":"rs-1","type":"T","group":"rg-1","enabled":true,"monitored":true,"description":"","dependencies":{},"properties":{},"extension":{},"state":{}}"#;

    #[test]
    fn defaults_are_left_out_and_read_back() {
        let g: ResourceGroup = serde_json::from_str(V4_GROUP).unwrap();
        let mut fresh = ResourceGroup::new("rg-1", vec!["a".into(), "b".into()]);
        fresh.managed = true;
        fresh.resources = vec!["rs-1".into()];
        fresh.state.insert("a", super::super::RgState::Online);
        assert_eq!(g, fresh);
        let text = serde_json::to_string(&g).unwrap();
        // Schema 6: the name is the key of the group's object, `managed` true is the default.
        assert_eq!(
            text,
            r#"{"nodelist":["a","b"],"resources":["rs-1"],"state":{"a":"Online"}}"#
        );
        let mut back = serde_json::from_str::<ResourceGroup>(&text).unwrap();
        back.name = "rg-1".into();
        assert_eq!(back, g);

        let r: Resource = serde_json::from_str(V4_RESOURCE).unwrap();
        assert!(r.enabled && r.monitored);
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(text, r#"{"type":"T","group":"rg-1"}"#);
        let mut back = serde_json::from_str::<Resource>(&text).unwrap();
        back.name = "rs-1".into();
        assert_eq!(back, r);
    }

    #[test]
    fn switches_off_are_written() {
        let r: Resource =
            serde_json::from_str(r#"{"type":"T","group":"g","enabled":false,"monitored":false}"#)
                .unwrap();
        assert!(!r.enabled && !r.monitored);
        let text = serde_json::to_string(&r).unwrap();
        assert!(text.contains(r#""enabled":false"#) && text.contains(r#""monitored":false"#));
        let mut g = ResourceGroup::new("g", vec![]);
        g.managed = false;
        assert!(
            serde_json::to_string(&g)
                .unwrap()
                .contains(r#""managed":false"#)
        );
    }

    #[test]
    fn values_off_their_default_are_written() {
        let mut g = ResourceGroup::new("g", vec![]);
        g.mode = super::super::RgMode::Scalable;
        g.maximum_primaries = 2;
        g.desired_primaries = 2;
        g.implicit_network_dependencies = false;
        g.global_resources_used = vec![];
        g.pingpong_interval = 0;
        g.project_name = super::super::Name::default();
        g.auto_start_on_new_cluster = false;
        g.failback = true;
        let text = serde_json::to_string(&g).unwrap();
        for k in [
            "mode",
            "maximum_primaries",
            "desired_primaries",
            "implicit_network_dependencies",
            "global_resources_used",
            "pingpong_interval",
            "project_name",
            "auto_start_on_new_cluster",
            "failback",
        ] {
            assert!(
                text.contains(&format!("\"{k}\":")),
                "{k} missing from {text}"
            );
        }
        let mut back = serde_json::from_str::<ResourceGroup>(&text).unwrap();
        back.name = "g".into();
        assert_eq!(back, g);
    }

    #[test]
    fn lists_read_at_their_length() {
        #[derive(serde::Deserialize)]
        struct L(#[serde(deserialize_with = "super::exact")] Vec<String>);
        for n in 0..12 {
            let items: Vec<String> = (0..n).map(|i| format!("x{i}")).collect();
            let L(v) = serde_json::from_str(&serde_json::to_string(&items).unwrap()).unwrap();
            assert_eq!(v, items);
            assert_eq!(v.capacity(), n, "{n} items");
        }
        assert!(serde_json::from_str::<L>("{}").is_err());
    }
}
