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
    // Without a format, export writes the commands that recreate the cluster.
    let commands = t.sh("scsim export");
    assert_eq!(commands.code, 0, "{}", commands.stderr);
    assert!(
        commands.stdout.contains("scrgadm -a -g MAIL-RG"),
        "{}",
        commands.stdout
    );
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

/// Scenarios whose placement is known to differ between scsim and crm_simulate, with why
/// (docs/pacemaker.md lists them). The test fails when one of them starts to agree, so the
/// list stays true.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "dependency-offline-restart",
        "a group with nothing running has no node in Pacemaker: when its resources may start again Pacemaker picks the node by score, SC starts them where the group stayed Online",
    ),
    (
        "dependency-strong-cross-group-switchover",
        "SC keeps a node it evacuated (-S) off for a while; Pacemaker's standby is lifted at once, so a later failover may pick that node",
    ),
    (
        "dependency-weak-order",
        "a disabled member stops the members after it in a Pacemaker group; SC keeps them running",
    ),
    (
        "quorum-loss-three-nodes",
        "SC halts the last nodes on quorum loss; Pacemaker keeps them up (crm_simulate keeps quorum)",
    ),
];

/// Steps that are the simulator's own verbs (faults, simulated time, what-ifs): a scenario
/// using them does not map.
fn simulator_only(line: &str) -> bool {
    ["scsim fault", "scsim time", "scsim simulate"]
        .iter()
        .any(|p| line.starts_with(p))
}

fn placement(path: &std::path::Path) -> String {
    let st: scsim::model::ClusterState =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut out = String::new();
    for g in st.resource_groups.values() {
        out.push_str(&format!("{}@{} ", g.name, g.primaries().join(",")));
    }
    for r in st.resources.values() {
        let on: Vec<&str> = r
            .state
            .iter()
            .filter(|(_, s)| s.state.is_running())
            .map(|(n, _)| n)
            .collect();
        if !on.is_empty() {
            out.push_str(&format!("{}@{} ", r.name, on.join(",")));
        }
    }
    out.trim_end().to_string()
}

/// How one scenario went through both: `Ok(())` agreed, `Err(Some(d))` differed, `Err(None)`
/// does not map (with the reason printed).
fn differential(file: &std::path::Path) -> Result<(), Option<String>> {
    let text = std::fs::read_to_string(file).unwrap();
    let (_, steps) = text.split_once("\n---").unwrap();
    if steps.lines().map(str::trim).any(simulator_only) {
        return Err(None);
    }
    let start = start_state(file);
    let dir = tempfile::tempdir().unwrap();
    let sim = dir.path().join("sim.json");
    let pcmk = dir.path().join("pcmk.json");
    std::fs::write(&sim, serde_json::to_vec(&start).unwrap()).unwrap();
    let mut bound = start.clone();
    bound.backend = Some(scsim::model::Binding {
        kind: "pacemaker".into(),
        cib_file: Some(dir.path().join("cib.xml")),
    });
    if let Err(e) = scsim::pacemaker::backend::bind(&mut bound) {
        return Err(Some(format!("start state: {}", e.message)));
    }
    std::fs::write(&pcmk, serde_json::to_vec(&bound).unwrap()).unwrap();
    if placement(&sim) != placement(&pcmk) {
        return Err(Some(format!(
            "start placement: scsim {} / pacemaker {}",
            placement(&sim),
            placement(&pcmk)
        )));
    }
    for line in steps.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if simulator_only(line) {
            return Err(None);
        }
        let (sc, _, _) = scenarios::run_line(&sim, line);
        let (pc, _, perr) = scenarios::run_line(&pcmk, line);
        if perr.contains("cannot be mapped to Pacemaker") {
            return Err(None);
        }
        let (a, b) = (placement(&sim), placement(&pcmk));
        if sc != pc || a != b {
            return Err(Some(format!(
                "`{line}`: scsim exit {sc} {a} / pacemaker exit {pc} {b} {}",
                perr.lines().next().unwrap_or("")
            )));
        }
    }
    Ok(())
}

#[test]
fn differential_scsim_and_crm_simulate_place_alike() {
    if tools_or_skip("differential_scsim_and_crm_simulate_place_alike").is_none() {
        return;
    }
    let files = corpus();
    // The tools are processes that mostly wait: four at a time.
    let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(4)).collect();
    let results: Vec<(String, Result<(), Option<String>>)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|f| {
                            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
                            (name, differential(f))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut agreed = 0;
    let mut unmapped = Vec::new();
    let mut failures = Vec::new();
    for (name, r) in &results {
        let known = KNOWN_DIFFERENCES.iter().find(|(n, _)| n == name);
        match (r, known) {
            (Ok(()), None) => agreed += 1,
            (Ok(()), Some(_)) => failures.push(format!(
                "{name} now agrees: take it off KNOWN_DIFFERENCES (and docs/pacemaker.md)"
            )),
            (Err(None), _) => unmapped.push(name.clone()),
            (Err(Some(d)), Some(_)) => eprintln!("known difference {name}: {d}"),
            (Err(Some(d)), None) => failures.push(format!("{name}: {d}")),
        }
    }
    eprintln!(
        "differential: {agreed} scenarios agree, {} known differences, {} do not map: {}",
        KNOWN_DIFFERENCES.len(),
        unmapped.len(),
        unmapped.join(" ")
    );
    assert!(agreed >= 20, "only {agreed} scenarios map and agree");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn crm_mon(cib: &std::path::Path) -> String {
    let out = std::process::Command::new("crm_mon")
        .args(["-1"])
        .env("CIB_file", cib)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn seed_procedure_on_a_cib_file_with_sc_refusals_kept() {
    if tools_or_skip("seed_procedure_on_a_cib_file_with_sc_refusals_kept").is_none() {
        return;
    }
    let t = crate::harness::TestCluster::empty();
    let cib = t.dir.path().join("cib.xml");
    t.sh(&bound_init("--cib-file cib.xml")).ok();
    install_messaging_server(&t);
    assert!(cib.exists());
    t.script(SEED);
    // What the backend pushed is a CIB Pacemaker accepts.
    tools::verify_file(&cib).unwrap();
    let mon = crm_mon(&cib);
    assert!(
        mon.contains("mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-1"),
        "{mon}"
    );
    let st = t.sh("scstat -g");
    assert!(
        st.stdout
            .contains("Group: MAIL-RG             mail-1              Online"),
        "{st}"
    );
    assert!(
        st.stdout
            .contains("mail-rs             mail-1              Online"),
        "{st}"
    );

    // SC's refusals come before Pacemaker is asked: a dependency check, an unmappable
    // property, an unmappable intent. Nothing is written.
    let before = (t.state_bytes(), std::fs::read(&cib).unwrap());
    let dep = t.sh("scswitch -n -j disk-rs");
    assert_eq!(dep.code, 8, "{dep}");
    assert!(dep.stderr.contains("mail-rs depends on it"), "{dep}");
    let pp = t.sh("scrgadm -c -g MAIL-RG -y Pingpong_interval=60");
    assert_eq!(pp.code, 3, "{pp}");
    assert!(
        pp.stderr
            .contains("Pingpong_interval=60 cannot be mapped to Pacemaker"),
        "{pp}"
    );
    let q = t.sh("scswitch -Q -g MAIL-RG");
    assert_eq!(q.code, 3, "{q}");
    assert!(q.stderr.contains("cannot be mapped to Pacemaker"), "{q}");
    let f = t.sh("scsim fault inject --resource mail-rs --monitor");
    assert_eq!(f.code, 3, "{f}");
    assert!(f.stderr.contains("cannot be mapped to Pacemaker"), "{f}");
    assert!(before == (t.state_bytes(), std::fs::read(&cib).unwrap()));

    // Switchover, then the new primary fails: back to mail-1.
    t.sh("scswitch -z -g MAIL-RG -h mail-2").ok();
    assert!(crm_mon(&cib).contains("Started mail-2"));
    t.sh("scsim node down mail-2").ok();
    let mon = crm_mon(&cib);
    assert!(
        mon.contains("mail-rs\t(ocf:heartbeat:Dummy):\t Started mail-1"),
        "{mon}"
    );
    assert!(
        t.sh("scstat -g")
            .stdout
            .contains("mail-rs             mail-1              Online")
    );

    // A dry run asks nothing of Pacemaker.
    let cib_before = std::fs::read(&cib).unwrap();
    t.sh("scswitch -F -g MAIL-RG --dry-run").ok();
    assert_eq!(cib_before, std::fs::read(&cib).unwrap());
    t.sh("scswitch -F -g MAIL-RG").ok();
    assert!(!crm_mon(&cib).contains("Started"));
}

#[test]
fn a_group_pacemaker_starts_only_partly_is_stopped() {
    if tools_or_skip("a_group_pacemaker_starts_only_partly_is_stopped").is_none() {
        return;
    }
    let t = crate::harness::TestCluster::empty();
    let cib = t.dir.path().join("cib.xml");
    t.sh(&bound_init("--cib-file cib.xml")).ok();
    install_messaging_server(&t);
    t.script(SEED);
    // Ban mail-rs from both nodes behind scsim's back: Pacemaker would run budgie and
    // disk-rs alone.
    for n in ["mail-1", "mail-2"] {
        let out = std::process::Command::new("crm_resource")
            .args(["--ban", "-r", "mail-rs", "-N", n, "-Q"])
            .env("CIB_file", &cib)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let out = t.sh("scswitch -z -g MAIL-RG -h mail-2");
    assert_eq!(out.code, 10, "{out}");
    assert!(
        out.stderr.contains("all-or-nothing") || out.stdout.contains("all-or-nothing"),
        "{out}"
    );
    assert!(!crm_mon(&cib).contains("Started"), "{}", crm_mon(&cib));
}

/// `scsim init` of a state bound to Pacemaker, with the test fixtures' hosts and file systems.
pub fn bound_init(extra: &str) -> String {
    let mut line = format!("scsim init --nodes mail-1,mail-2 --backend pacemaker {extra}");
    for h in crate::harness::FIXTURE_HOSTS {
        line.push_str(&format!(" --host {h}"));
    }
    for f in crate::harness::FIXTURE_FILESYSTEMS {
        line.push_str(&format!(" --filesystem {f}"));
    }
    line
}

/// The Messaging Server installed and configured on both nodes (the ims agent's checks).
fn install_messaging_server(t: &crate::harness::TestCluster) {
    t.sh("scsim install messaging-server --nodes mail-1,mail-2")
        .ok();
    for n in ["mail-1", "mail-2"] {
        t.run_stdin(
            "scsim",
            &["on", n, "--", "/opt/SUNWmsgsr/sbin/configure"],
            "\n\n\n\n\n",
        )
        .ok();
    }
}
