//! Acting on a Pacemaker cluster (a CIB file or the live cluster) through its tools: push the
//! configuration, set targets, settle, read the result back.

use super::monitor::{self, Observed};
use super::tools::{self, Target};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::ClusterState;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a live cluster may take to settle before the command gives up.
pub const SETTLE_TIMEOUT: Duration = Duration::from_secs(60);

/// The tools' target for a bound state.
pub fn target(state: &ClusterState) -> Target {
    match state.backend.as_ref().and_then(|b| b.cib_file.clone()) {
        Some(f) => Target::File(f),
        None => Target::Live,
    }
}

/// The target role of every group now in the CIB (group → started).
pub fn current_roles(t: &Target) -> Result<BTreeMap<String, bool>> {
    monitor::group_roles(&query(t, "resources")?)
}

/// A section of the CIB as text (a file is read directly: the same text `cibadmin -Q` gives,
/// without starting a process).
fn query(t: &Target, section: &str) -> Result<String> {
    match t {
        Target::File(f) => read_file(f),
        Target::Live => Ok(tools::run(t, "cibadmin", &["-Q", "-o", section])?.stdout),
    }
}

fn read_file(f: &Path) -> Result<String> {
    std::fs::read_to_string(f).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot read the CIB file {}: {e}", f.display()),
        )
        .hint("check the path given to scsim init --cib-file")
    })
}

/// Replace the CIB's resources and constraints with those of `state` (roles from `roles`;
/// a group not in it is Stopped), keeping the cluster's own sections (properties, nodes,
/// defaults) as they are.
pub fn push(t: &Target, state: &ClusterState, roles: &BTreeMap<String, bool>) -> Result<()> {
    let current = query(t, "configuration")?;
    let doc = roxmltree::Document::parse(&current).map_err(|e| {
        ScError::new(
            ErrorCode::Internal,
            format!("cannot read the CIB configuration: {e}"),
        )
    })?;
    let config = doc
        .descendants()
        .find(|n| n.has_tag_name("configuration"))
        .ok_or_else(|| ScError::internal("the CIB has no configuration section"))?;
    let mut text = String::from("<configuration>");
    // Operator constraints made by crm_resource --move/--ban (cli-*) stay.
    let mut kept = String::new();
    for c in config.children().filter(|c| c.is_element()) {
        if c.has_tag_name("constraints") {
            for k in c.children().filter(|k| {
                k.is_element() && k.attribute("id").is_some_and(|id| id.starts_with("cli-"))
            }) {
                kept.push_str(&current[k.range()]);
            }
        } else if !c.has_tag_name("resources") {
            text.push_str(&current[c.range()]);
        }
    }
    let mut notes = Vec::new();
    let role =
        |g: &crate::model::ResourceGroup| roles.get(g.name.as_str()).copied().unwrap_or(false);
    let generated = super::cib::configuration(state, &role, &mut notes);
    for c in generated.children.iter() {
        if c.name == "resources" {
            text.push_str(&c.to_fragment());
        } else if c.name == "constraints" {
            text.push_str("<constraints>");
            for k in &c.children {
                text.push_str(&k.to_fragment());
            }
            text.push_str(&kept);
            text.push_str("</constraints>");
        }
    }
    text.push_str("</configuration>");
    if let Target::File(f) = t {
        // The file: swap the configuration element in place and write it atomically.
        let mut whole = String::with_capacity(current.len() + text.len());
        whole.push_str(&current[..config.range().start]);
        whole.push_str(&text);
        whole.push_str(&current[config.range().end..]);
        return write_file(f, &whole);
    }
    let file = tempfile::NamedTempFile::new()
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, text.as_bytes())?;
            Ok(f)
        })
        .map_err(|e| ScError::internal(format!("cannot write a temporary file: {e}")))?;
    let path = file.path().to_string_lossy().into_owned();
    tools::run(
        t,
        "cibadmin",
        &["--replace", "-o", "configuration", "--xml-file", &path],
    )?;
    Ok(())
}

fn write_file(f: &Path, text: &str) -> Result<()> {
    let dir = f.parent().unwrap_or(Path::new("."));
    let err = |e: std::io::Error| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot write the CIB file {}: {e}", f.display()),
        )
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(err)?;
    tmp.persist(f).map_err(|e| err(e.error))?;
    Ok(())
}

/// Forget what a node ran, as its reboot does (crm_simulate keeps a failed node's operation
/// history, and would think its resources still active there when it comes back).
pub fn forget_node_history(t: &Target, node: &str) -> Result<()> {
    let xpath = format!("//node_state[@uname='{node}']/lrm");
    tools::run_status(t, "cibadmin", &["--delete", "--xpath", &xpath])?;
    Ok(())
}

/// Let the cluster carry out what it was asked: on a file, run the transition with
/// crm_simulate and store the result; live, poll until the controller is idle.
pub fn settle(t: &Target) -> Result<()> {
    settle_with(t, &[])
}

/// As [`settle`], with synthetic events for crm_simulate (`--node-fail N`, …; file only).
pub fn settle_with(t: &Target, events: &[&str]) -> Result<()> {
    match t {
        Target::File(f) => {
            let fp = f.to_string_lossy().into_owned();
            let mut args = vec!["-x", fp.as_str(), "-X", "-Q"];
            args.extend_from_slice(events);
            tools::run(&Target::File(f.clone()), "crm_simulate", &args)?;
            Ok(())
        }
        Target::Live => wait_idle(),
    }
}

/// Poll the live cluster until its controller is idle twice in a row (`crm_resource --wait`
/// never answers in under 2 s).
fn wait_idle() -> Result<()> {
    let start = Instant::now();
    let mut idle_in_a_row = 0;
    std::thread::sleep(Duration::from_millis(150));
    while start.elapsed() < SETTLE_TIMEOUT {
        let dc = dc_node()?;
        let idle = match dc {
            Some(dc) => {
                let out = tools::run_status(&Target::Live, "crmadmin", &["-q", "-S", &dc])?;
                format!("{}{}", out.stdout, out.stderr).contains("S_IDLE")
            }
            None => false,
        };
        idle_in_a_row = if idle { idle_in_a_row + 1 } else { 0 };
        if idle_in_a_row >= 2 {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(ScError::new(
        ErrorCode::Internal,
        format!(
            "the Pacemaker cluster did not settle within {} s",
            SETTLE_TIMEOUT.as_secs()
        ),
    )
    .hint(crate::fix::Hint::lead(
        "look at crm_mon -1; when it has settled, run ",
        crate::fix::Fix::ShowStatus,
    )))
}

fn dc_node() -> Result<Option<String>> {
    let out = tools::run_status(&Target::Live, "crm_mon", &["--output-as=xml"])?;
    let doc = match roxmltree::Document::parse(&out.stdout) {
        Ok(d) => d,
        Err(_) => return Ok(None),
    };
    Ok(doc
        .descendants()
        .find(|n| n.has_tag_name("current_dc") && n.attribute("present") == Some("true"))
        .and_then(|n| n.attribute("name").map(str::to_string)))
}

/// What crm_mon shows now.
pub fn observe(t: &Target) -> Result<Observed> {
    let out = tools::run(t, "crm_mon", &["--output-as=xml"])?;
    monitor::parse_crm_mon(&out.stdout)
}

/// Move `rsc` to `node` (a location preference), settle, and drop the preference again.
pub fn move_to(t: &Target, rsc: &str, node: &str) -> Result<()> {
    let located = tools::run_status(t, "crm_resource", &["--locate", "-r", rsc, "-Q"])?;
    if located.stdout.lines().map(str::trim).any(|l| l == node) {
        return Ok(());
    }
    tools::run(t, "crm_resource", &["--move", "-r", rsc, "-N", node, "-Q"])?;
    settle(t)?;
    tools::run(t, "crm_resource", &["--clear", "-r", rsc, "-Q"])?;
    Ok(())
}

/// Keep `rsc` off `nodes`, settle, and drop the bans.
pub fn ban_from(t: &Target, rsc: &str, nodes: &[String]) -> Result<()> {
    for n in nodes {
        tools::run(t, "crm_resource", &["--ban", "-r", rsc, "-N", n, "-Q"])?;
    }
    settle(t)?;
    tools::run(t, "crm_resource", &["--clear", "-r", rsc, "-Q"])?;
    Ok(())
}

/// Put `node` in standby, settle, take it out again (standby is persistent in Pacemaker).
pub fn evacuate(t: &Target, node: &str) -> Result<()> {
    let attr = |v: &str| {
        tools::run(
            t,
            "crm_attribute",
            &["-t", "nodes", "-N", node, "-n", "standby", "-v", v],
        )
    };
    attr("on")?;
    settle(t)?;
    attr("off")?;
    Ok(())
}

/// Forget a failed resource's history on `node` so Pacemaker may run it again
/// (`crm_resource --cleanup`; on a file, whose cleanup only reports a dry run, by deleting the
/// operation history and fail counts).
pub fn cleanup(t: &Target, rsc: &str, node: &str) -> Result<()> {
    match t {
        Target::Live => {
            tools::run(t, "crm_resource", &["--cleanup", "-r", rsc, "-N", node])?;
        }
        Target::File(_) => {
            let history = format!("//node_state[@uname='{node}']//lrm_resource[@id='{rsc}']");
            tools::run_status(t, "cibadmin", &["--delete", "--xpath", &history])?;
            let counts = format!(
                "//node_state[@uname='{node}']/transient_attributes//nvpair[contains(@name,'-{rsc}#')]"
            );
            tools::run_status(
                t,
                "cibadmin",
                &["--delete-all", "--force", "--xpath", &counts],
            )?;
        }
    }
    Ok(())
}

/// A new CIB file for `state`: its configuration, every node that is up online, quorum.
pub fn create_file(path: &Path, state: &ClusterState) -> Result<()> {
    let cib = super::cib::export(state);
    std::fs::write(path, cib.to_xml()).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot write the CIB file {}: {e}", path.display()),
        )
    })?;
    let t = Target::File(path.to_path_buf());
    let mut events: Vec<String> = Vec::new();
    for n in state.cluster.nodes.iter().filter(|n| n.up) {
        events.push("--node-up".to_string());
        events.push(n.name.clone());
    }
    events.push("--quorum".to_string());
    events.push("1".to_string());
    let refs: Vec<&str> = events.iter().map(String::as_str).collect();
    settle_with(&t, &refs)?;
    place_as(&t, state)
}

/// Move the groups Pacemaker placed elsewhere to where `state` has them online (a start
/// state given as a placement, as the scenario corpus does).
fn place_as(t: &Target, state: &ClusterState) -> Result<()> {
    let mut seen = state.clone();
    monitor::apply(&mut seen, &observe(t)?);
    for g in state.resource_groups.values() {
        let want = g.primaries();
        if want.is_empty() || seen.resource_groups[&g.name].primaries() == want {
            continue;
        }
        let id = super::cib::group_ref(g);
        match g.mode {
            crate::model::RgMode::Failover => move_to(t, &id, &want[0])?,
            crate::model::RgMode::Scalable => {
                let off: Vec<String> = g
                    .nodelist
                    .iter()
                    .filter(|n| !want.contains(n))
                    .map(|n| n.to_string())
                    .collect();
                ban_from(t, &id, &off)?;
            }
        }
    }
    Ok(())
}
