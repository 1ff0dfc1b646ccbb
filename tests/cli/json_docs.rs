//! Tests: every `--json` document carries `format_version`, and every field it has is
//! documented in docs/json.md (by its path: `a.b[].c`, map keys that are names as `*`).

use crate::harness::TestCluster;
use serde_json::Value;
use std::collections::BTreeSet;

/// Objects whose keys are names (nodes, properties, …), not fields.
const MAPS: [&str; 6] = [
    "state",
    "properties",
    "methods",
    "extension",
    "by_node",
    "status_by_node",
];

fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            let is_map = MAPS.iter().any(|k| prefix.ends_with(&format!(".{k}")));
            for (k, child) in m {
                let key = if is_map { "*" } else { k.as_str() };
                let p = format!("{prefix}.{key}");
                out.insert(p.clone());
                paths(child, &p, out);
            }
        }
        Value::Array(a) => {
            for child in a {
                paths(child, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_json_document_is_versioned_and_documented() {
    let t = TestCluster::two_node();
    t.script(
        "scrgadm -a -t SUNW.HAStoragePlus
         scrgadm -a -g MAIL-RG -h mail-1,mail-2
         scrgadm -a -L -g MAIL-RG -l budgie
         scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1
         scswitch -Z -g MAIL-RG
         scsim fault inject --resource disk-rs --method Validate --node mail-2 --times 1",
    );
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md"),
    )
    .unwrap();
    let commands: &[(&str, &[&str])] = &[
        ("scstat", &["--json"]),
        ("scrgadm", &["-pvv", "--json"]),
        ("scrgadm", &["-a", "-g", "X-RG", "--dry-run", "--json"]),
        (
            "scswitch",
            &["-z", "-g", "MAIL-RG", "-h", "mail-2", "--dry-run", "--json"],
        ),
        ("scsim", &["log", "--json", "--last", "5"]),
        ("scsim", &["fault", "list", "--json"]),
        ("scsim", &["history", "--json"]),
        ("scsim", &["node", "down", "mail-1", "--dry-run", "--json"]),
        ("scsim", &["time", "advance", "10m", "--dry-run", "--json"]),
        ("scsim", &["simulate", "--node-down", "mail-1", "--json"]),
        ("scsim", &["fault", "clear", "--dry-run", "--json"]),
    ];
    let mut missing = Vec::new();
    for (cmd, args) in commands {
        let out = t.run(cmd, args);
        out.ok();
        let v: Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{cmd} {args:?}: not JSON: {e}\n{out}"));
        assert_eq!(v["format_version"], 1, "{cmd} {args:?}: no format_version");
        let mut found = BTreeSet::new();
        paths(&v, "", &mut found);
        for p in found {
            let p = p.trim_start_matches('.');
            if !docs.contains(&format!("`{p}`")) {
                missing.push(format!("{cmd} {}: `{p}`", args.join(" ")));
            }
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "fields missing from docs/json.md:\n{}",
        missing.join("\n")
    );
}
