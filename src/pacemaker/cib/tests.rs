use super::*;
use crate::engine::testkit;

fn all<'a>(doc: &'a El, name: &str) -> Vec<&'a El> {
    let mut v = Vec::new();
    doc.find_all(name, &mut v);
    v
}

fn ids(doc: &El, name: &str) -> Vec<String> {
    all(doc, name)
        .iter()
        .filter_map(|e| e.get("id").map(str::to_string))
        .collect()
}

#[test]
fn seed_is_one_group_in_start_order_with_nodelist_scores() {
    let cib = export(&testkit::seed(0));
    assert_eq!(ids(&cib.doc, "group"), ["MAIL-RG"]);
    assert_eq!(ids(&cib.doc, "primitive"), ["budgie", "disk-rs", "mail-rs"]);
    let prims = all(&cib.doc, "primitive");
    assert_eq!(prims[0].get("type"), Some("IPaddr2"));
    assert_eq!(prims[2].get("type"), Some("Dummy"));
    let locs: Vec<(String, String)> = all(&cib.doc, "rsc_location")
        .iter()
        .map(|e| {
            (
                e.get("node").unwrap().into(),
                e.get("score").unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        locs,
        [
            ("mail-1".into(), "100".into()),
            ("mail-2".into(), "90".into())
        ]
    );
    // Same-group dependencies are carried by the member order, not by constraints.
    assert!(all(&cib.doc, "rsc_order").is_empty());
    let xml = cib.to_xml();
    assert!(
        xml.contains("name=\"resource-stickiness\" value=\"1000\""),
        "{xml}"
    );
    assert!(
        xml.contains("name=\"target-role\" value=\"Started\""),
        "{xml}"
    );
    assert!(
        xml.contains("name=\"stonith-enabled\" value=\"false\""),
        "{xml}"
    );
    assert!(!xml.contains("crm_feature_set"));
    assert!(cib.notes.is_empty(), "{:?}", cib.notes);
}

#[test]
fn offline_disabled_unmanaged_and_failback_become_roles_and_scores() {
    let mut s = testkit::cluster(&["n1", "n2", "n3"], 0);
    let g = testkit::add_group(&mut s, "G", &["n2", "n1"]);
    g.failback = true;
    g.managed = false;
    testkit::add_resource(&mut s, "r", "gds", "G", &[]).enabled = false;
    let cib = export(&s);
    let xml = cib.to_xml();
    assert!(
        xml.contains("name=\"resource-stickiness\" value=\"0\""),
        "{xml}"
    );
    assert!(xml.contains("id=\"G-meta-target-role\" name=\"target-role\" value=\"Stopped\""));
    assert!(xml.contains("id=\"r-meta-target-role\" name=\"target-role\" value=\"Stopped\""));
    assert!(xml.contains("name=\"is-managed\" value=\"false\""));
    let locs: Vec<(&str, &str)> = all(&cib.doc, "rsc_location")
        .iter()
        .map(|e| (e.get("node").unwrap(), e.get("score").unwrap()))
        .collect();
    assert_eq!(locs, [("n1", "90"), ("n2", "100"), ("n3", "-INFINITY")]);
}

#[test]
fn scalable_groups_are_clones_and_cross_group_links_are_constraints() {
    let mut s = testkit::cluster(&["n1", "n2"], 0);
    testkit::add_scalable_group(&mut s, "WEB", &["n1", "n2"], 2, 2);
    testkit::add_resource(&mut s, "web", "gds", "WEB", &[]);
    let g = testkit::add_group(&mut s, "APP", &["n1", "n2"]);
    g.rare.rg_dependencies = vec!["WEB".into()];
    g.rare.rg_affinities = vec!["++WEB".into(), "-OTHER".into()];
    testkit::add_resource(&mut s, "app", "gds", "APP", &["web"])
        .dependencies
        .set(crate::model::DepKind::Weak, vec!["web".into()]);
    testkit::add_group(&mut s, "EMPTY", &["n1"]);
    let cib = export(&s);
    assert_eq!(ids(&cib.doc, "clone"), ["WEB-clone"]);
    let xml = cib.to_xml();
    assert!(xml.contains("name=\"clone-max\" value=\"2\""));
    assert!(xml.contains("name=\"clone-node-max\" value=\"1\""));
    let orders: Vec<(&str, &str, &str)> = all(&cib.doc, "rsc_order")
        .iter()
        .map(|e| {
            (
                e.get("first").unwrap(),
                e.get("then").unwrap(),
                e.get("kind").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        orders,
        [
            ("WEB-clone", "APP", "Optional"),
            // A member of a cloned group is constrained through its clone.
            ("WEB-clone", "app", "Mandatory"),
            ("WEB-clone", "app", "Optional")
        ]
    );
    let col = all(&cib.doc, "rsc_colocation");
    assert_eq!(col.len(), 1, "OTHER is not a group: no constraint");
    assert_eq!(col[0].get("with-rsc"), Some("WEB-clone"));
    assert_eq!(col[0].get("influence"), Some("false"));
    // The empty group has no Pacemaker form and is said so.
    assert_eq!(cib.notes.len(), 1);
    assert!(cib.notes[0].starts_with("EMPTY:"));
}

#[test]
fn sc_only_properties_ride_along_as_meta_attributes() {
    let mut s = testkit::seed(0);
    s.resource_groups
        .get_mut("MAIL-RG")
        .unwrap()
        .pingpong_interval = 60;
    let cib = export(&s);
    let xml = cib.to_xml();
    assert!(
        xml.contains("name=\"sc-Pingpong_interval\" value=\"60\""),
        "{xml}"
    );
    assert!(xml.contains("name=\"sc-type\" value=\"SUNW.ims"), "{xml}");
    assert!(cib.notes.iter().any(|n| n.contains("Pingpong_interval")));
}

#[test]
fn every_id_is_unique() {
    let mut s = testkit::seed(0);
    testkit::add_scalable_group(&mut s, "WEB", &["mail-1", "mail-2"], 2, 2);
    testkit::add_resource(&mut s, "web", "gds", "WEB", &["mail-rs"]);
    let doc = export(&s).doc;
    let mut seen = std::collections::BTreeSet::new();
    fn walk(e: &El, seen: &mut std::collections::BTreeSet<String>) {
        if let Some(id) = e.get("id")
            && e.name != "node"
        {
            assert!(seen.insert(id.to_string()), "duplicate id {id}");
        }
        for c in &e.children {
            walk(c, seen);
        }
    }
    walk(&doc, &mut seen);
}
