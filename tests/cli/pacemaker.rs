//! The Pacemaker tier: every generated CIB passes `crm_verify`, and (see `differential`)
//! crm_simulate places, fails over and switches as scsim does. Skipped, with a message saying
//! what is missing, where Pacemaker's tools are not installed.

use crate::scenarios;
use scsim::pacemaker::{cib, tools};
use std::path::PathBuf;

/// `None` (and a message on stderr) when the Pacemaker tools are missing.
pub fn tools_or_skip(test: &str) -> Option<()> {
    for t in [
        "crm_verify",
        "crm_simulate",
        "crm_mon",
        "cibadmin",
        "crm_resource",
    ] {
        if !tools::installed(t) {
            eprintln!(
                "SKIPPED {test}: {t} is not installed (Debian: apt-get install pacemaker-cli-utils)"
            );
            return None;
        }
    }
    Some(())
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenarios::scenario_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "scn"))
        .collect();
    files.sort();
    files
}

/// The start state of a scenario file.
pub fn start_state(file: &std::path::Path) -> scsim::model::ClusterState {
    let text = std::fs::read_to_string(file).unwrap();
    let (setup, _) = text.split_once("\n---").unwrap();
    let now = scsim::timefmt::parse_time(scenarios::NOW).unwrap();
    scenarios::build(setup, now)
}

#[test]
fn crm_verify_accepts_every_generated_cib() {
    if tools_or_skip("crm_verify_accepts_every_generated_cib").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let now = scsim::timefmt::parse_time(scenarios::NOW).unwrap();
    let mut states = vec![("seed".to_string(), scsim::engine::testkit::seed(now))];
    for f in corpus() {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        states.push((name, start_state(&f)));
    }
    assert!(states.len() > 80, "{} states", states.len());
    let mut rejected = Vec::new();
    for (name, state) in &states {
        let path = dir.path().join(format!("{name}.xml"));
        std::fs::write(&path, cib::export(state).to_xml()).unwrap();
        if let Err(e) = tools::verify_file(&path) {
            rejected.push(format!("{name}: {}", e.message));
        }
    }
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
}

#[test]
fn export_cib_command_prints_a_cib_crm_verify_accepts() {
    let t = crate::harness::TestCluster::two_node();
    t.script(SEED);
    let out = t.sh("scsim export --cib");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("<group id=\"MAIL-RG\">"),
        "{}",
        out.stdout
    );
    let same = t.sh("scsim export --format cib");
    assert_eq!(same.stdout, out.stdout);
    let none = t.sh("scsim export");
    assert_eq!(none.code, 3);
    assert!(none.stderr.contains("--cib"), "{}", none.stderr);
    if tools_or_skip("export_cib_command_prints_a_cib_crm_verify_accepts").is_none() {
        return;
    }
    let path = t.dir.path().join("cib.xml");
    std::fs::write(&path, &out.stdout).unwrap();
    tools::verify_file(&path).unwrap();
}

/// The seed procedure's configuration commands.
pub const SEED: &str = "
    scrgadm -a -t SUNW.HAStoragePlus
    scrgadm -a -t SUNW.ims
    scrgadm -a -g MAIL-RG -h mail-1,mail-2
    scrgadm -a -L -g MAIL-RG -l budgie
    scswitch -Z -g MAIL-RG
    scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2
    scswitch -e -j disk-rs
    scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie
    scswitch -e -j mail-rs
";
