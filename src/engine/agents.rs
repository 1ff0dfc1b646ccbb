//! What the simulated agents read from the nodes' files (`state.files`, loaded by the store)
//! when their methods run: SUNW.ims's Start runs `start-msg ha` and fails when the Messaging
//! Server is not installed on the node or its configuration is not reachable there (the
//! shared disk not mounted, useconfig not run); it warns when `imta.cnf` still names a
//! physical host other than the node it starts on (step 9). Start and Stop log in the
//! Messaging Server's own log (`msg_svr_base/data/log/default`), written by the store when
//! the command commits. A state without node files (built in memory) checks nothing.

use super::exec::MethodCall;
use super::{events, settings};
use crate::model::nodefiles::{FileChange, physical_names};
use crate::model::{ClusterState, Method, PropValue};

/// Message id of the data service's own lines.
pub const ID_IMS: u32 = 500_311;

fn tag(call: &MethodCall) -> String {
    let prog = match call.method {
        Method::Start => "ims_svc_start",
        _ => "ims_svc_stop",
    };
    format!("SC[SUNW.ims,{},{},{prog}]", call.group, call.resource)
}

fn log(state: &mut ClusterState, call: &MethodCall, severity: &str, msg: String) {
    let t = tag(call);
    events::push(
        state,
        &t,
        call.node,
        ID_IMS,
        severity,
        Some(call.group),
        Some(call.resource),
        msg,
    );
}

/// The agent found the method cannot succeed (its reason is logged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentFailed;

/// Run the file side of a method that the runner let succeed. `Err` = the method fails
/// (exit 1), with its reason logged.
pub fn after_call(state: &mut ClusterState, call: &MethodCall) -> Result<(), AgentFailed> {
    if !state.files.loaded || !matches!(call.method, Method::Start | Method::Stop) {
        return Ok(());
    }
    let Some(r) = state.resources.get(call.resource) else {
        return Ok(());
    };
    if !settings::is_ims(state.resource_types.get(r.rtype.as_str())) {
        return Ok(());
    }
    let root = r.extension.iter().find_map(|(k, v)| match v {
        PropValue::Str(s) if k.eq_ignore_ascii_case("IMS_serverroot") => {
            Some(s.trim_end_matches('/').to_string())
        }
        _ => None,
    });
    let Some(root) = root else { return Ok(()) };
    match reachable(state, call.node, &root) {
        Err(why) => {
            if call.method == Method::Start {
                log(
                    state,
                    call,
                    "daemon.error",
                    format!("start-msg ha failed: {why}"),
                );
                return Err(AgentFailed);
            }
            log(
                state,
                call,
                "daemon.notice",
                format!("stop-msg ha: nothing to stop ({why})"),
            );
            Ok(())
        }
        Ok((data, conf)) => {
            let start = call.method == Method::Start;
            let (_, lines) =
                crate::msgsrv::run_lines(&conf, call.node, state.clock.now_ms, start, true);
            state.files.outbox.push(FileChange::Append {
                node: call.node.to_string(),
                path: format!("{data}/log/default"),
                text: lines,
            });
            if start {
                started(state, call, &root, &conf);
            }
            Ok(())
        }
    }
}

/// The warnings of a successful Start: the watcher and autorestart settings the cluster
/// needs, and physical host names left in imta.cnf.
fn started(
    state: &mut ClusterState,
    call: &MethodCall,
    root: &str,
    conf: &crate::model::nodefiles::MsgConfig,
) {
    if !conf.flag("local.watcher.enable", true) || !conf.flag("local.autorestart", false) {
        log(
            state,
            call,
            "daemon.warning",
            format!(
                "local.watcher.enable and local.autorestart must be on under Sun Cluster (run {root}/sbin/ha_ip_config, or configutil -o local.autorestart -v 1): the watcher will not restart failed servers"
            ),
        );
    }
    let named: Vec<String> = physical_names(state, &conf.imta_hosts)
        .into_iter()
        .filter(|n| *n != call.node)
        .map(str::to_string)
        .collect();
    if !named.is_empty() {
        log(
            state,
            call,
            "daemon.warning",
            format!(
                "{root}/config/imta.cnf still names the physical host {} while running on {}: mail for it is no longer local after the failover; replace physical host names with the logical host name (step 9) and rebuild (imsimta cnbuild)",
                named.join(", "),
                call.node
            ),
        );
    }
}

/// Where the configuration of `root` on `node` is (its data directory) and what it holds,
/// or why it cannot be reached.
fn reachable(
    state: &ClusterState,
    node: &str,
    root: &str,
) -> Result<(String, crate::model::nodefiles::MsgConfig), String> {
    let view = state
        .files
        .nodes
        .get(node)
        .ok_or_else(|| format!("node {node} has no files"))?;
    let install = view
        .msg
        .get(root)
        .ok_or_else(|| format!("the Messaging Server is not installed in {root} on {node}"))?;
    let dir = install.config_dir.clone().ok_or_else(|| {
        format!("{root}/config does not exist on {node}: run configure on the first node and useconfig on the others")
    })?;
    if let Some(e) = view.filesystem_of(&dir)
        && !state.is_mounted(node, e)
    {
        return Err(format!(
            "cannot reach the configuration {dir} on {node}: the file system {} is not mounted there (no HAStoragePlus resource for it is online on {node}; add it to Resource_dependencies)",
            e.mount_point
        ));
    }
    let conf = install
        .config
        .clone()
        .ok_or_else(|| format!("{dir} holds no configuration (msg.conf) on {node}"))?;
    let data = dir.strip_suffix("/config").unwrap_or(&dir).to_string();
    Ok((data, conf))
}

/// What the Messaging Server watcher did about a failed server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerFailure {
    /// `local.watcher.enable` is off: nothing watches the server.
    Unwatched,
    /// `local.autorestart` is off: the failure is only logged.
    Logged,
    /// Restarted (attempt `n` of 2 within the window).
    Restarted { attempt: usize, window_s: u64 },
    /// The server failed more than twice within the window: the watcher gives up and, in HA
    /// mode, exits (the agent sees it die).
    GaveUp { window_s: u64 },
}

/// A server (`imap`, `store`, …) of the SUNW.ims resource `resource` fails on `node`: the
/// watcher follows `local.watcher.enable`, `local.autorestart` and
/// `local.autorestart.timeout` (a server failing more than twice within it is given up), and
/// logs in the Messaging Server log. `Err` = the configuration cannot be read there.
pub fn server_failure(
    state: &mut ClusterState,
    resource: &str,
    node: &str,
    server: &str,
) -> Result<ServerFailure, String> {
    let root = state
        .resources
        .get(resource)
        .and_then(|r| {
            r.extension.iter().find_map(|(k, v)| match v {
                PropValue::Str(s) if k.eq_ignore_ascii_case("IMS_serverroot") => {
                    Some(s.trim_end_matches('/').to_string())
                }
                _ => None,
            })
        })
        .ok_or_else(|| format!("resource {resource} has no IMS_serverroot"))?;
    let (data, conf) = reachable(state, node, &root)?;
    let now = state.clock.now_ms;
    let pid = crate::msgsrv::pid(now, 7);
    let window_s: u64 = conf
        .values
        .get("local.autorestart.timeout")
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let (outcome, line) = if !conf.flag("local.watcher.enable", true) {
        (ServerFailure::Unwatched, None)
    } else if !conf.flag("local.autorestart", false) {
        (
            ServerFailure::Logged,
            Some((
                "Error",
                format!(
                    "{server} (pid {pid}) exited unexpectedly; not restarted (local.autorestart is off)"
                ),
            )),
        )
    } else {
        let key = format!("{node}:{server}");
        let r = state
            .resources
            .get_mut(resource)
            .ok_or("resource vanished")?;
        let hist = r.extras.server_restarts.entry(key.clone()).or_default();
        hist.retain(|t| now.saturating_sub(*t) < window_s * 1000);
        if hist.len() >= 2 {
            r.extras.server_restarts.remove(&key);
            (
                ServerFailure::GaveUp { window_s },
                Some((
                    "Critical",
                    format!(
                        "{server} failed more than twice within {window_s} seconds; giving up: shutting down the Messaging Server (HA mode: the watcher exits)"
                    ),
                )),
            )
        } else {
            hist.push(now);
            let attempt = hist.len();
            (
                ServerFailure::Restarted { attempt, window_s },
                Some((
                    "Error",
                    format!(
                        "{server} (pid {pid}) exited unexpectedly; restarting ({attempt} of 2)"
                    ),
                )),
            )
        }
    };
    if let Some((level, msg)) = line {
        let text = crate::msgsrv::log_line(
            now,
            node,
            "watcher",
            crate::msgsrv::pid(now, 0),
            level,
            &msg,
        );
        state.files.outbox.push(FileChange::Append {
            node: node.to_string(),
            path: format!("{data}/log/default"),
            text,
        });
    }
    Ok(outcome)
}
