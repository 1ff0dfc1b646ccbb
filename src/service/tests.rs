//! The service: one sequencing for every mode, nothing written by a dry run or a refusal, and a
//! backend behind the seam that sees every intent and configuration reaction.

use super::config::Request;
use super::*;
use crate::admin::init::new_cluster;
use crate::model::Resource;

const NOW: u64 = 1_795_000_000_000;

fn timeout() -> Result<Duration> {
    Ok(Duration::from_secs(1))
}

fn cluster(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("cluster.json");
    let opts = InitOptions {
        nodes: vec!["n1".into(), "n2".into()],
        ..Default::default()
    };
    create_cluster(&path, &opts, false, NOW, timeout()).unwrap();
    path
}

fn create_group() -> Request {
    Request::CreateGroup {
        group: "RG".into(),
        nodelist: None,
        props: Vec::new(),
    }
}

fn line(words: &[String]) -> CommandLine<'_> {
    CommandLine {
        prog: "scrgadm",
        words,
    }
}

#[test]
fn a_dry_run_reads_a_copy_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = cluster(&dir);
    let before = std::fs::read(&path).unwrap();
    let mut svc = Service::simulator(path.clone(), timeout());
    let words = vec!["-a".to_string(), "-g".to_string(), "RG".to_string()];
    let mut warnings = Vec::new();
    let done = svc
        .configure(
            line(&words),
            &create_group(),
            Mode::DryRun,
            NOW,
            &mut warnings,
        )
        .unwrap();
    assert!(done.description.starts_with("create resource group RG"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let tr = svc
        .apply_intent(
            line(&words),
            &Intent::NodeDown {
                node: "n1".into(),
                clean: false,
                reason: None,
            },
            Mode::DryRun,
            NOW,
        )
        .unwrap();
    assert!(!tr.state.cluster.is_up("n1"));
    // Nothing will write the log of a dry run: none is kept.
    assert!(tr.state.events.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The same intent applied logs the node's death.
    let messages = crate::store::messages::path_for(&path);
    let lines = |p: &std::path::Path| {
        std::fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .count()
    };
    let logged = lines(&messages);
    let tr = svc
        .apply_intent(
            line(&words),
            &Intent::NodeDown {
                node: "n1".into(),
                clean: false,
                reason: None,
            },
            Mode::Apply,
            NOW,
        )
        .unwrap();
    assert!(!tr.state.cluster.is_up("n1"));
    assert!(lines(&messages) > logged);
}

#[test]
fn apply_commits_once_and_a_refusal_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = cluster(&dir);
    let mut svc = Service::simulator(path.clone(), timeout());
    let words = vec!["-a".to_string(), "-g".to_string(), "RG".to_string()];
    let generation = svc.snapshot().unwrap().generation;
    svc.configure(
        line(&words),
        &create_group(),
        Mode::Apply,
        NOW,
        &mut Vec::new(),
    )
    .unwrap();
    let state = svc.snapshot().unwrap();
    assert_eq!(state.generation, generation + 1);
    assert!(state.resource_groups.contains_key("RG"));
    let before = std::fs::read(&path).unwrap();
    let e = svc
        .apply_intent(
            line(&words),
            &Intent::Online {
                rgs: vec!["NOSUCH".into()],
            },
            Mode::Apply,
            NOW,
        )
        .unwrap_err();
    assert_eq!(e.code, crate::error::ErrorCode::Rg);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let done = svc
        .apply_intent(
            line(&words),
            &Intent::Online {
                rgs: vec!["RG".into()],
            },
            Mode::Apply,
            NOW,
        )
        .unwrap();
    assert!(done.reached(), "{:?}", done.unmet);
    assert_eq!(svc.snapshot().unwrap().generation, generation + 2);
}

/// A backend that records what the service asks of it and lets the simulator do it.
#[derive(Default)]
struct Recording {
    calls: Vec<String>,
}

impl ClusterBackend for Recording {
    fn apply_intent(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        now_ms: u64,
    ) -> Result<Transition> {
        self.calls.push(format!("intent {intent}"));
        Simulator.apply_intent(state, intent, now_ms)
    }
    fn validate(
        &mut self,
        state: &mut ClusterState,
        proposed: &Resource,
        now_ms: u64,
    ) -> Result<()> {
        self.calls.push(format!("validate {}", proposed.name));
        Simulator.validate(state, proposed, now_ms)
    }
    fn config_event(
        &mut self,
        state: &mut ClusterState,
        event: &ConfigEvent,
        now_ms: u64,
    ) -> Result<()> {
        self.calls.push(format!("event {event:?}"));
        Simulator.config_event(state, event, now_ms)
    }
    fn log_command(
        &mut self,
        state: &mut ClusterState,
        node: &str,
        prog: &str,
        words: &[String],
        now_ms: u64,
    ) {
        self.calls.push(format!("log {prog} {}", words.join(" ")));
        Simulator.log_command(state, node, prog, words, now_ms);
    }
}

#[test]
fn another_backend_plugs_in_at_the_intent_level() {
    let dir = tempfile::tempdir().unwrap();
    let path = cluster(&dir);
    let mut svc = Service::with_backend(path, timeout(), Recording::default());
    let words = vec!["-Z".to_string(), "-g".to_string(), "RG".to_string()];
    svc.configure(
        line(&words),
        &create_group(),
        Mode::Apply,
        NOW,
        &mut Vec::new(),
    )
    .unwrap();
    let online = Intent::Online {
        rgs: vec!["RG".into()],
    };
    svc.apply_intent(line(&words), &online, Mode::DryRun, NOW)
        .unwrap();
    // A dry run logs nothing; the intent itself reaches the backend.
    assert_eq!(
        svc.backend.calls,
        [
            "log scrgadm -Z -g RG".to_string(),
            format!("intent {online}")
        ]
    );
    assert!(
        new_cluster(&InitOptions::default(), NOW).is_err(),
        "init needs nodes"
    );
}

#[test]
fn steps_commit_together_or_not_at_all() {
    use super::batch::Step;
    let dir = tempfile::tempdir().unwrap();
    let path = cluster(&dir);
    let before = std::fs::read(&path).unwrap();
    let mut svc = Service::simulator(path.clone(), timeout());
    let words = vec!["create".to_string()];
    // The second step is refused (the group exists by then): nothing of the first is written.
    let e = svc
        .run_steps(
            line(&words),
            &[
                Step::Configure(create_group()),
                Step::Configure(create_group()),
            ],
            Mode::Apply,
            NOW,
        )
        .unwrap_err();
    assert_eq!(e.kind, Some(crate::error::Kind::Exists));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A later step sees what an earlier one did; one commit.
    let done = svc
        .run_steps(
            line(&words),
            &[
                Step::Configure(create_group()),
                Step::Intent(Intent::Manage {
                    rgs: vec!["RG".into()],
                }),
            ],
            Mode::Apply,
            NOW,
        )
        .unwrap();
    assert!(done.reached());
    assert_eq!(done.descriptions.len(), 1);
    let state = svc.snapshot().unwrap();
    assert!(state.group("RG").is_some_and(|g| g.managed));
    assert_eq!(state.generation, 1);
}

#[test]
fn a_command_set_the_release_lacks_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = cluster(&dir);
    let mut svc = Service::simulator(path.clone(), timeout());
    svc.require(CommandSet::Sc31);
    assert!(svc.snapshot().is_ok());
    svc.require(CommandSet::ObjectCli);
    let e = svc.snapshot().unwrap_err();
    assert_eq!(e.code.exit_code(), 127);
    assert!(svc.open(Mode::Apply, NOW).is_err());
}
