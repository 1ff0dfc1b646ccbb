//! The simulator's fault operations: arm a method fault, let a fault monitor report failures
//! now, clear armed faults.

use super::{ClusterBackend, CommandLine, Intent, Mode, Service, Transition};
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, Fault, FaultKind, Method, RState};
use crate::query::{effective, lookup};

/// What `scsim fault inject` asks for (flags already checked for consistency).
#[derive(Debug, Clone)]
pub struct FaultSpec {
    pub resource: String,
    /// A method that fails (or, with `timeout`, hangs).
    pub method: Option<Method>,
    pub monitor: bool,
    /// SUNW.ims: the watcher process dies.
    pub watcher: bool,
    /// SUNW.ims: a Messaging Server server process (`imap`, `store`, …) dies.
    pub server: Option<String>,
    pub node: Option<String>,
    pub times: Option<u32>,
    pub timeout: bool,
}

impl FaultSpec {
    /// The command line as logged (node resolved to its name).
    fn words(&self, node: Option<&str>) -> Vec<String> {
        let mut words = vec![
            "fault".to_string(),
            "inject".to_string(),
            "--resource".to_string(),
            self.resource.clone(),
        ];
        if let Some(m) = self.method {
            words.push("--method".into());
            words.push(m.rtr_name().to_string());
        }
        if self.monitor {
            words.push("--monitor".into());
        }
        if self.watcher {
            words.push("--watcher".into());
        }
        if let Some(srv) = &self.server {
            words.push("--server".into());
            words.push(srv.clone());
        }
        if let Some(n) = node {
            words.push("--node".into());
            words.push(n.to_string());
        }
        if let Some(t) = self.times {
            words.push("--times".into());
            words.push(t.to_string());
        }
        if self.timeout {
            words.push("--timeout".into());
        }
        words
    }
}

/// What an injection did.
#[derive(Debug)]
pub enum Injected {
    /// A method fault is armed (or, dry run, would be); it fires when the method next runs.
    Armed(Fault),
    /// The monitor reported its failures, each handled by the RGM (seen through `each`).
    MonitorReports,
    /// What the Messaging Server watcher did about each server failure (and, when it gave
    /// up, the RGM's reaction to its exit, seen through `each`).
    ServerReports(Vec<String>),
}

impl<B: ClusterBackend> Service<B> {
    /// Inject a fault. A method fault is armed; a monitor (or watcher) fault is reported now,
    /// `times` reports one probe interval apart, and `each` sees every transition with the
    /// state right after it.
    pub fn inject_fault(
        &mut self,
        spec: &FaultSpec,
        mode: Mode,
        now_ms: u64,
        each: &mut dyn FnMut(&Transition, &ClusterState),
    ) -> Result<Injected> {
        let mut s = self.open(mode, now_ms)?;
        if s.state().backend.is_some() {
            return Err(ScError::new(
                ErrorCode::Inval,
                "a simulated fault cannot be mapped to Pacemaker: this state is bound to a Pacemaker cluster",
            )
            .hint("on a CIB file use crm_simulate -i RSC_monitor_0@NODE=7; in the lab, make the agent fail"));
        }
        let resource = spec.resource.as_str();
        lookup::known_resource(s.state(), resource, None)?;
        let node = match &spec.node {
            Some(n) => Some(lookup::node_name(s.state(), n, &format!("--node {n}"))?),
            None => None,
        };
        let words = spec.words(node.as_deref());
        let cmd = CommandLine {
            prog: "scsim",
            words: &words,
        };
        if let Some(m) = spec.method {
            lookup::declared_method(s.state(), resource, m)?;
            let fault = Fault {
                resource: resource.to_string(),
                kind: if spec.timeout {
                    FaultKind::MethodTimeout { method: m }
                } else {
                    FaultKind::MethodFails { method: m }
                },
                node,
                remaining: spec.times,
            };
            if mode == Mode::Apply {
                s.log_command(cmd);
                s.arm_fault(fault.clone());
                s.commit()?;
            }
            return Ok(Injected::Armed(fault));
        }
        let state = s.state();
        let r = &state.resources[resource];
        let rt = state.resource_types.get(r.rtype.as_str());
        if (spec.watcher || spec.server.is_some()) && !crate::engine::settings::is_ims(rt) {
            let what = if spec.watcher {
                "--watcher applies to SUNW.ims resources (the Messaging Server watcher)"
            } else {
                "--server applies to SUNW.ims resources (the Messaging Server's servers)"
            };
            return Err(ScError::inval(format!(
                "{what}; {resource} is of type {}: use --monitor",
                r.rtype
            )));
        }
        let node = match node {
            Some(n) => n,
            None => r
                .state
                .iter()
                .find(|(n, s)| {
                    matches!(
                        s.state,
                        RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
                    ) && state.cluster.is_up(n)
                })
                .map(|(n, _)| n.to_string())
                .ok_or_else(|| {
                    ScError::new(
                        ErrorCode::State,
                        format!(
                            "resource {resource} is not online anywhere; its fault monitor runs only where it is online"
                        ),
                    )
                    .hint(Hint::lead(
                        "bring its group online first: ",
                        Fix::OnlineGroup { g: r.group.to_string() },
                    ))
                })?,
        };
        s.catch_up_clock();
        s.log_command(cmd);
        if let Some(server) = &spec.server {
            return server_failures(s, resource, &node, server, spec.times.unwrap_or(1), each);
        }
        let k = spec.times.unwrap_or(1);
        for i in 0..k {
            let node = if i == 0 {
                node.clone()
            } else {
                // The next probe, one Thorough_probe_interval later, where the resource now
                // runs.
                let state = s.state();
                let Some(r) = state.resources.get(resource) else {
                    break;
                };
                let rt = state.resource_types.get(r.rtype.as_str());
                let next = r
                    .state
                    .iter()
                    .find(|(n, s)| {
                        matches!(s.state, RState::Online | RState::OnlineNotMonitored)
                            && state.cluster.is_up(n)
                    })
                    .map(|(n, _)| n.to_string());
                let interval = effective::probe_interval_ms(rt, r);
                let Some(n) = next else {
                    break;
                };
                s.state_mut().clock.now_ms += interval;
                n
            };
            let tr = s.apply_intent(&Intent::MonitorFailure {
                resource: resource.to_string(),
                node,
            })?;
            each(&tr, s.state());
        }
        s.commit()?;
        Ok(Injected::MonitorReports)
    }

    /// Remove armed faults (all, or those of `resource`); returns how many were (or, dry run,
    /// would be) removed.
    pub fn clear_faults(
        &mut self,
        resource: Option<&str>,
        mode: Mode,
        now_ms: u64,
    ) -> Result<usize> {
        let mut s = self.open(mode, now_ms)?;
        if let Some(r) = resource
            && !s.state().resources.contains_key(r)
            && !s.state().faults.iter().any(|f| f.resource == r)
        {
            return Err(ScError::new(
                ErrorCode::Rsrc,
                format!("resource {r} does not exist and has no faults armed"),
            )
            .suggest(r, s.state().resources.keys().map(|k| k.as_str())));
        }
        let matches = |f: &Fault| resource.is_none_or(|r| f.resource == r);
        let n = s.state().faults.iter().filter(|f| matches(f)).count();
        // Nothing to clear changes nothing: the state is not rewritten and nothing is logged.
        if mode == Mode::Apply && n > 0 {
            s.state_mut().faults.retain(|f| !matches(f));
            let mut words = vec!["fault".to_string(), "clear".to_string()];
            if let Some(r) = resource {
                words.push("--resource".into());
                words.push(r.to_string());
            }
            s.log_command(CommandLine {
                prog: "scsim",
                words: &words,
            });
            s.commit()?;
        }
        Ok(n)
    }
}

/// `k` failures of a Messaging Server server on `node`, each handled by the watcher; when it
/// gives up (HA mode) it exits, which the agent's monitor reports to the RGM.
fn server_failures<B: ClusterBackend>(
    mut s: super::Session<'_, B>,
    resource: &str,
    node: &str,
    server: &str,
    k: u32,
    each: &mut dyn FnMut(&Transition, &ClusterState),
) -> Result<Injected> {
    use crate::engine::agents::{ServerFailure, server_failure};
    let mut lines = Vec::new();
    for _ in 0..k {
        let done = server_failure(s.state_mut(), resource, node, server).map_err(|why| {
            ScError::new(
                ErrorCode::State,
                format!(
                    "resource {resource}: the Messaging Server on {node} cannot be read: {why}"
                ),
            )
        })?;
        match done {
            ServerFailure::Unwatched => lines.push(format!(
                "{node}: {server} failed; local.watcher.enable is off, so nothing restarts it or tells the cluster"
            )),
            ServerFailure::Logged => lines.push(format!(
                "{node}: {server} failed; the watcher logged it (local.autorestart is off: not restarted)"
            )),
            ServerFailure::Restarted { attempt, window_s } => lines.push(format!(
                "{node}: {server} failed; the watcher restarted it ({attempt} of 2 within {window_s} s)"
            )),
            ServerFailure::GaveUp { window_s } => {
                lines.push(format!(
                    "{node}: {server} failed more than twice within {window_s} s; the watcher gave up and exited"
                ));
                let tr = s.apply_intent(&Intent::MonitorFailure {
                    resource: resource.to_string(),
                    node: node.to_string(),
                })?;
                each(&tr, s.state());
                break;
            }
        }
        // The next failure a second later.
        s.state_mut().clock.now_ms += 1000;
    }
    s.commit()?;
    Ok(Injected::ServerReports(lines))
}
