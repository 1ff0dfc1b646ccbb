//! The nodes' files and the Messaging Server tools run on a node: `scsim node root`, `scsim
//! install messaging-server`, and `configure`, `configutil`, `ha_ip_config`, `useconfig`,
//! `start-msg`, `stop-msg` run as `scsim on NODE -- /opt/SUNWmsgsr/sbin/CMD`. Each change
//! holds the state lock while it reads and writes the node files (through the store); the
//! state file itself is not rewritten, and a refused command writes nothing.

use super::{ClusterBackend, Mode, Service};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::ClusterState;
use crate::model::nodefiles::{FileChange, msg_conf_line, parse_msg_conf};
use crate::msgsrv::{self, files};
use crate::store::noderoot::{self, Place};
use std::path::{Path, PathBuf};

/// What a Messaging Server tool is asked to do (after its dialogue, if it has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgRequest {
    Configure(files::ConfigureAnswers),
    /// `configutil` with no operand (optionally `-p PREFIX`).
    List {
        prefix: Option<String>,
    },
    /// `configutil -o NAME`.
    Get(String),
    /// `configutil -o NAME -v VALUE`.
    Set(String, String),
    HaIpConfig(msgsrv::HaIpAnswers),
    Useconfig(String),
    StartMsg {
        ha: bool,
    },
    StopMsg {
        ha: bool,
    },
}

/// Where a tool runs: the node and the `msg_svr_base` it is installed under there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolSite {
    pub node: String,
    pub base: String,
}

/// What a tool printed, and warnings for stderr.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolOutput {
    pub lines: Vec<String>,
    pub warnings: Vec<String>,
}

impl ToolOutput {
    fn say(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }
}

fn not_found(word: &str, node: &str) -> ScError {
    ScError::inval(format!("{word}: not found on node {node}")).hint(format!(
        "install the Messaging Server there first: scsim install messaging-server --nodes {node}"
    ))
}

impl<B: ClusterBackend> Service<B> {
    /// The root directory of `node` (name or id).
    pub fn node_root(&self, node: &str) -> Result<PathBuf> {
        let state = self.snapshot()?;
        let name = crate::query::lookup::local_node(&state, Some(node))?;
        Ok(noderoot::node_root(self.path(), &name))
    }

    /// Where the tool `tool` invoked as `word` (a path such as /opt/SUNWmsgsr/sbin/configure,
    /// or the bare name) runs on `node` (`None`: the local node): refused as a shell would say
    /// "not found" when no Messaging Server is installed there under that path.
    pub fn tool_site(&self, node: Option<&str>, word: &str, tool: &str) -> Result<ToolSite> {
        let state = self.snapshot()?;
        let node = crate::query::lookup::local_node(&state, node)?;
        let installed = noderoot::msg_base(self.path(), &node);
        let base = if word.contains('/') {
            let dir = Path::new(word).parent().unwrap_or(Path::new("/"));
            let base = dir.parent().map(|b| b.display().to_string());
            match (base, installed) {
                (Some(b), Some(i)) if dir.ends_with("sbin") && b == i => b,
                _ => return Err(not_found(word, &node)),
            }
        } else {
            installed.ok_or_else(|| not_found(tool, &node))?
        };
        Ok(ToolSite { node, base })
    }

    /// Whether `dir` on the site's node is a Messaging Server base with a configuration
    /// (the check ha_ip_config makes on its msg_svr_base answer).
    pub fn configured_base(&self, site: &ToolSite, dir: &str) -> std::result::Result<(), String> {
        let state = self.snapshot().map_err(|e| e.message)?;
        let path = format!("{dir}/config/msg.conf");
        match noderoot::locate(self.path(), &state, &site.node, &path) {
            Ok(Place::File(p)) if p.exists() => Ok(()),
            Ok(Place::Unmounted { mount_point }) => Err(format!(
                "{dir}/config is on {mount_point}, which is not mounted on {}",
                site.node
            )),
            _ => Err(format!(
                "{dir} is not a configured Messaging Server base (no {dir}/config/msg.conf on {})",
                site.node
            )),
        }
    }

    /// `scsim install messaging-server --nodes … [--base …]`.
    pub fn install_messaging_server(
        &mut self,
        nodes: &[String],
        base: &str,
        now_ms: u64,
    ) -> Result<ToolOutput> {
        let base =
            msgsrv::absolute_dir(base).map_err(|e| ScError::inval(format!("--base: {e}")))?;
        let s = self.open(Mode::Apply, now_ms)?;
        let state = s.state();
        let nodes: Vec<String> = crate::query::lookup::resolve_nodes(state, nodes, "--nodes")?;
        let mut changes = Vec::new();
        let mut out = ToolOutput::default();
        for n in &nodes {
            if let Some(b) = noderoot::msg_base(s.path(), n) {
                return Err(ScError::new(
                    ErrorCode::State,
                    format!("Messaging Server is already installed on node {n} (in {b}); nothing was installed"),
                )
                .hint("install on the other nodes only"));
            }
            changes.push(FileChange::Write {
                node: n.clone(),
                path: noderoot::MSG_PKGINFO.into(),
                content: files::pkginfo(&base, noderoot::MSG_BASE_KEY),
            });
            for p in files::SBIN {
                changes.push(FileChange::Write {
                    node: n.clone(),
                    path: format!("{base}/sbin/{p}"),
                    content: files::program(&base, p),
                });
            }
            changes.push(FileChange::Write {
                node: n.clone(),
                path: format!("{base}/install/installer.log"),
                content: format!(
                    "Sun Java(tm) System Messaging Server 6 2005Q4 installed in {base} (simulated)\nNext: {base}/sbin/configure on the first node, {base}/sbin/useconfig on the others\n"
                ),
            });
            out.say(format!(
                "{n}: installed Sun Java(tm) System Messaging Server 6 2005Q4 in {base} ({base}/sbin: {})",
                files::SBIN.join(", ")
            ));
        }
        s.write_files(&changes)?;
        Ok(out)
    }

    /// Run a Messaging Server tool at `site`.
    pub fn msg_tool(
        &mut self,
        site: &ToolSite,
        req: &MsgRequest,
        now_ms: u64,
    ) -> Result<ToolOutput> {
        let s = self.open(Mode::Apply, now_ms)?;
        let ctx = Site {
            path: s.path(),
            state: s.state(),
            node: &site.node,
            base: &site.base,
            now_ms,
        };
        let mut out = ToolOutput::default();
        let changes = match req {
            MsgRequest::Configure(a) => ctx.configure(a, &mut out)?,
            MsgRequest::List { prefix } => {
                ctx.list(prefix.as_deref(), &mut out)?;
                Vec::new()
            }
            MsgRequest::Get(name) => {
                ctx.get(name, &mut out)?;
                Vec::new()
            }
            MsgRequest::Set(name, value) => ctx.set(name, value, &mut out)?,
            MsgRequest::HaIpConfig(a) => ctx.ha_ip_config(a, &mut out)?,
            MsgRequest::Useconfig(f) => ctx.useconfig(f, &mut out)?,
            MsgRequest::StartMsg { ha } => ctx.start_stop(true, *ha, &mut out)?,
            MsgRequest::StopMsg { ha } => ctx.start_stop(false, *ha, &mut out)?,
        };
        s.write_files(&changes)?;
        Ok(out)
    }
}

/// A tool's view of its node.
struct Site<'a> {
    path: &'a Path,
    state: &'a ClusterState,
    node: &'a str,
    base: &'a str,
    now_ms: u64,
}

impl Site<'_> {
    fn read(&self, p: &str) -> Result<Option<String>> {
        noderoot::read(self.path, self.state, self.node, p)
    }

    fn write(&self, path: String, content: String) -> FileChange {
        FileChange::Write {
            node: self.node.into(),
            path,
            content,
        }
    }

    /// `msg_svr_base/config/NAME`'s text, or why the configuration cannot be reached.
    fn config_file(&self, tool: &str, name: &str) -> Result<Option<String>> {
        let p = format!("{}/config/{name}", self.base);
        match noderoot::locate(self.path, self.state, self.node, &p)? {
            Place::Unmounted { mount_point } => Err(noderoot::not_mounted(
                self.state,
                self.node,
                &p,
                &mount_point,
            )),
            Place::File(_) => {
                let linked = noderoot::exists(
                    self.path,
                    self.state,
                    self.node,
                    &format!("{}/config", self.base),
                );
                match self.read(&p)? {
                    Some(t) => Ok(Some(t)),
                    None if name == "msg.conf" => Err(ScError::new(
                        ErrorCode::State,
                        format!("{tool}: cannot open {p}: no such file on node {}", self.node),
                    )
                    .hint(if linked {
                        "the configuration directory is empty: run configure".to_string()
                    } else {
                        format!(
                            "{}/config does not exist: run configure (first node) or useconfig SETTINGS_FILE (the other nodes)",
                            self.base
                        )
                    })),
                    None => Ok(None),
                }
            }
        }
    }

    fn msg_conf(&self, tool: &str) -> Result<String> {
        Ok(self.config_file(tool, "msg.conf")?.unwrap_or_default())
    }

    fn configure(
        &self,
        a: &files::ConfigureAnswers,
        out: &mut ToolOutput,
    ) -> Result<Vec<FileChange>> {
        let base = self.base;
        let link = format!("{base}/config");
        if noderoot::exists(self.path, self.state, self.node, &link)
            || std::fs::read_link(
                noderoot::node_root(self.path, self.node).join(link.trim_start_matches('/')),
            )
            .is_ok()
        {
            return Err(ScError::new(
                ErrorCode::State,
                format!("configure: {link} exists on node {}: the Messaging Server is configured already; nothing was changed", self.node),
            )
            .hint("change settings with configutil; a second node uses the shared configuration with useconfig"));
        }
        let d = &a.data_dir;
        if let Place::Unmounted { mount_point } =
            noderoot::locate(self.path, self.state, self.node, d)?
        {
            return Err(noderoot::not_mounted(
                self.state,
                self.node,
                d,
                &mount_point,
            ));
        }
        if self.read(&format!("{d}/config/msg.conf"))?.is_some() {
            return Err(ScError::new(
                ErrorCode::State,
                format!("configure: {d}/config holds a configuration already; nothing was changed"),
            )
            .hint(format!(
                "on a second node run useconfig with its settings file: {base}/sbin/useconfig {d}/setup/configure_…"
            )));
        }
        let stamp = stamp(self.now_ms);
        let settings = format!("{d}/setup/configure_{stamp}");
        let changes = vec![
            self.write(format!("{d}/config/msg.conf"), files::msg_conf(a, base)),
            self.write(
                format!("{d}/config/dispatcher.cnf"),
                files::dispatcher_cnf(),
            ),
            self.write(
                format!("{d}/config/job_controller.cnf"),
                files::job_controller_cnf(base),
            ),
            self.write(format!("{d}/config/imta.cnf"), files::imta_cnf(a)),
            self.write(settings.clone(), files::settings(a, base)),
            self.write(
                format!("{d}/log/default"),
                msgsrv::log_line(
                    self.now_ms,
                    self.node,
                    "configure",
                    msgsrv::pid(self.now_ms, 0),
                    "Notice",
                    "Log created",
                ),
            ),
            FileChange::Link {
                node: self.node.into(),
                path: format!("{base}/data"),
                target: d.clone(),
            },
            FileChange::Link {
                node: self.node.into(),
                path: link.clone(),
                target: format!("{d}/config"),
            },
        ];
        for f in [
            "msg.conf",
            "dispatcher.cnf",
            "job_controller.cnf",
            "imta.cnf",
        ] {
            out.say(format!("Creating {d}/config/{f}"));
        }
        out.say(format!("Linking {link} -> {d}/config"));
        out.say(format!("Settings saved in {settings}"));
        out.say(format!(
            "Configuration successfully created for mail host {} on node {}",
            a.host, self.node
        ));
        Ok(changes)
    }

    fn list(&self, prefix: Option<&str>, out: &mut ToolOutput) -> Result<()> {
        let conf = parse_msg_conf(&self.msg_conf("configutil")?);
        for (k, v) in conf {
            if prefix.is_none_or(|p| k.starts_with(p)) {
                out.say(msg_conf_line(&k, &v));
            }
        }
        Ok(())
    }

    fn get(&self, name: &str, out: &mut ToolOutput) -> Result<()> {
        let conf = parse_msg_conf(&self.msg_conf("configutil")?);
        match conf.get(name) {
            Some(v) => {
                out.say(v.clone());
                Ok(())
            }
            None => Err(
                ScError::inval(format!("configutil: option {name} is not set")).suggest(
                    name,
                    msgsrv::KNOWN_PARAMS
                        .iter()
                        .copied()
                        .chain(conf.keys().map(|k| k.as_str())),
                ),
            ),
        }
    }

    fn set(&self, name: &str, value: &str, out: &mut ToolOutput) -> Result<Vec<FileChange>> {
        if name.is_empty() || name.contains(char::is_whitespace) || name.contains('=') {
            return Err(ScError::inval(format!(
                "configutil: \"{name}\" is not an option name"
            )));
        }
        let conf = self.msg_conf("configutil")?;
        if !msgsrv::KNOWN_PARAMS.contains(&name) && !parse_msg_conf(&conf).contains_key(name) {
            let e = ScError::inval("").suggest(name, msgsrv::KNOWN_PARAMS.iter().copied());
            if let Some(h) = e.hints.first() {
                out.warnings.push(format!(
                    "{name} is not a parameter the Messaging Server reads; stored as given ({})",
                    h.render(|f| format!("{f:?}"))
                ));
            }
        }
        Ok(match files::set_param(&conf, name, value) {
            Some(text) => vec![self.write(format!("{}/config/msg.conf", self.base), text)],
            None => Vec::new(),
        })
    }

    fn ha_ip_config(
        &self,
        a: &msgsrv::HaIpAnswers,
        out: &mut ToolOutput,
    ) -> Result<Vec<FileChange>> {
        let site = Site {
            base: &a.base,
            ..*self
        };
        let conf = site.msg_conf("ha_ip_config")?;
        let mut changes = Vec::new();
        let dir = format!("{}/config", a.base);
        for (file, sections, stock) in [
            (
                "dispatcher.cnf",
                vec![Some("SMTP"), Some("SMTP_SUBMIT")],
                files::dispatcher_cnf(),
            ),
            (
                "job_controller.cnf",
                vec![None],
                files::job_controller_cnf(&a.base),
            ),
        ] {
            let old = site.config_file("ha_ip_config", file)?;
            let text = old.clone().unwrap_or(stock);
            match files::set_interface_address(&text, &sections, &a.address) {
                Some(new) => {
                    let backup = format!("{dir}/{file}.pre-ha");
                    if let Some(o) = old
                        && site.read(&backup)?.is_none()
                    {
                        changes.push(site.write(backup, o));
                    }
                    out.say(format!("Updating the file {dir}/{file}"));
                    changes.push(site.write(format!("{dir}/{file}"), new));
                }
                None => out.say(format!(
                    "The file {dir}/{file} already has INTERFACE_ADDRESS={}",
                    a.address
                )),
            }
        }
        let mut text = conf;
        for (k, v) in [
            ("service.listenaddr", a.address.as_str()),
            ("service.http.smtphost", a.address.as_str()),
            ("local.watcher.enable", "1"),
            ("local.autorestart", "1"),
        ] {
            match files::set_param(&text, k, v) {
                Some(t) => {
                    out.say(format!("Setting the {k} configutil parameter"));
                    text = t;
                }
                None => out.say(format!("The {k} configutil parameter is already {v}")),
            }
        }
        if changes.is_empty() && text == site.msg_conf("ha_ip_config")? {
            out.say("Nothing to change: the configuration is already set up for this logical IP address");
            return Ok(changes);
        }
        changes.push(site.write(format!("{dir}/msg.conf"), text));
        out.say("Configuration successfully updated");
        Ok(changes)
    }

    fn useconfig(&self, file: &str, out: &mut ToolOutput) -> Result<Vec<FileChange>> {
        let path = if file.starts_with('/') {
            file.to_string()
        } else {
            format!("{}/{file}", self.base)
        };
        let text = match noderoot::locate(self.path, self.state, self.node, &path)? {
            Place::Unmounted { mount_point } => {
                return Err(noderoot::not_mounted(
                    self.state,
                    self.node,
                    &path,
                    &mount_point,
                ));
            }
            Place::File(_) => self.read(&path)?,
        };
        let Some(text) = text else {
            return Err(ScError::inval(format!("useconfig: cannot open {path} on node {}", self.node))
                .hint("give the settings file configure saved: DATA_DIR/setup/configure_YYYYMMDDHHMMSS on the shared disk"));
        };
        let Some(d) = files::settings_value(&text, "CONFIG_DATA_DIR") else {
            return Err(ScError::inval(format!(
                "useconfig: {path} is not a configure settings file (no CONFIG_DATA_DIR)"
            )));
        };
        if self.read(&format!("{d}/config/msg.conf"))?.is_none() {
            return Err(ScError::new(
                ErrorCode::State,
                format!(
                    "useconfig: {d}/config holds no configuration on node {}",
                    self.node
                ),
            ));
        }
        let link = format!("{}/config", self.base);
        let host_link =
            noderoot::node_root(self.path, self.node).join(link.trim_start_matches('/'));
        if host_link.symlink_metadata().is_ok() {
            let state_cfg = self
                .state
                .files
                .nodes
                .get(self.node)
                .and_then(|v| v.msg.get(self.base))
                .and_then(|m| m.config_dir.clone());
            if state_cfg.as_deref() == Some(&format!("{d}/config")) {
                out.say(format!("{link} already uses {d}/config; nothing to change"));
                return Ok(Vec::new());
            }
            return Err(ScError::new(
                ErrorCode::State,
                format!(
                    "useconfig: {link} exists on node {} and leads elsewhere; nothing was changed",
                    self.node
                ),
            ));
        }
        out.say(format!("Linking {link} -> {d}/config"));
        out.say(format!("Linking {}/data -> {d}", self.base));
        out.say(format!(
            "Node {} now uses the configuration in {d}/config",
            self.node
        ));
        Ok(vec![
            FileChange::Link {
                node: self.node.into(),
                path: format!("{}/data", self.base),
                target: d.clone(),
            },
            FileChange::Link {
                node: self.node.into(),
                path: link,
                target: format!("{d}/config"),
            },
        ])
    }

    fn start_stop(&self, start: bool, ha: bool, out: &mut ToolOutput) -> Result<Vec<FileChange>> {
        let tool = if start { "start-msg" } else { "stop-msg" };
        let conf = crate::model::nodefiles::MsgConfig {
            values: parse_msg_conf(&self.msg_conf(tool)?),
            imta_hosts: Vec::new(),
        };
        let (console, log) = msgsrv::run_lines(&conf, self.node, self.now_ms, start, ha);
        out.lines.extend(console);
        if let Some(r) = managed_by(self.state, self.base) {
            out.warnings.push(format!(
                "the Messaging Server in {} is under cluster control (resource {r}); the cluster takes servers started or stopped by hand for failures: use scswitch on {r}",
                self.base
            ));
        }
        Ok(vec![FileChange::Append {
            node: self.node.into(),
            path: format!("{}/data/log/default", self.base),
            text: log,
        }])
    }
}

/// The SUNW.ims resource whose IMS_serverroot is `base`, if any.
fn managed_by<'a>(state: &'a ClusterState, base: &str) -> Option<&'a str> {
    state.resources.values().find_map(|r| {
        let ims = state
            .type_of(r)
            .is_some_and(|t| t.resource_type.eq_ignore_ascii_case("ims"));
        let root = r
            .extension
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("IMS_serverroot"));
        match root {
            Some((_, crate::model::PropValue::Str(s))) if ims && s == base => Some(r.name.as_str()),
            _ => None,
        }
    })
}

/// `YYYYMMDDHHMMSS` of a time.
fn stamp(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (y, m, d) = crate::timefmt::civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}
