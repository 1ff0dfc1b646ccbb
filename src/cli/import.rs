//! `scsim import --pvv FILE [--scstat FILE]`: a new state from a real cluster's captured
//! output. The capture becomes the 3.1 commands that build the same configuration (types
//! scsim does not ship get a registration file written from what the capture shows), run
//! one by one on a new state; what the capture cannot tell, and any command that did not go
//! through, is listed on stderr.

use super::{Env, registry};
use crate::error::{ErrorCode, Result, ScError};
use crate::import::{self, Captured, ResourceRec, cli_value};
use crate::model::ClusterState;
use crate::printer::Printer;
use crate::service::{InitOptions, Service, create_cluster};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
ssh admin@prod 'scrgadm -pvv' > prod.pvv; ssh admin@prod 'scstat -g' > prod.scstat\n  \
scsim --state prod-copy.json import --pvv prod.pvv --scstat prod.scstat\n\n\
Nodes come from the groups' Nodelists; types scsim does not ship are registered from a\n\
file written beside the state (STATE.types/NAME) with the properties the capture shows.")]
pub struct ImportArgs {
    /// A captured `scrgadm -pvv` output
    #[arg(long, value_name = "FILE")]
    pub pvv: PathBuf,
    /// A captured `scstat` or `scstat -g` output: where the groups are online
    #[arg(long, value_name = "FILE")]
    pub scstat: Option<PathBuf>,
    /// Replace an existing state file
    #[arg(long)]
    pub force: bool,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

/// What the import did and could not do.
struct Run<'a> {
    env: &'a Env,
    path: PathBuf,
    notes: Vec<String>,
    ran: usize,
}

impl Run<'_> {
    /// Run one command line on the new state; a failure becomes a note.
    fn line(&mut self, words: Vec<String>) -> Option<ScError> {
        let (name, args) = words.split_first()?;
        let entry = registry::find(name)?;
        let mut quiet = Printer::new(name.clone());
        let args = args.iter().map(std::ffi::OsString::from).collect();
        match super::run_personality(entry, Some(&self.path), args, self.env, &mut quiet) {
            Ok(()) => {
                self.ran += 1;
                None
            }
            Err(e) => {
                let text = crate::shellword::join(words.iter().map(String::as_str));
                self.notes
                    .push(format!("not recreated: {text}: {}", e.message));
                Some(e)
            }
        }
    }
    fn state(&self) -> Result<ClusterState> {
        Service::simulator(self.path.clone(), self.env.lock_timeout()).snapshot()
    }
}

fn w(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The nodes: every group's Nodelist in order of appearance, then those scstat names.
fn nodes(c: &Captured, online: &indexmap::IndexMap<String, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let listed = c
        .groups
        .iter()
        .filter_map(|g| g.fields.get("Nodelist"))
        .flat_map(|l| l.split_whitespace().map(str::to_string));
    for n in listed.chain(online.values().flatten().cloned()) {
        if n != "<NULL>" && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

pub fn import(a: ImportArgs, env: &Env, explicit: Option<&Path>, out: &mut Printer) -> Result<()> {
    let captured = import::parse_pvv(&read(&a.pvv)?);
    let online = match &a.scstat {
        Some(p) => import::parse_scstat(&read(p)?),
        None => Default::default(),
    };
    let nodes = nodes(&captured, &online);
    if nodes.is_empty() {
        return Err(ScError::inval(format!(
            "{}: no resource group with a Nodelist: the nodes of the cluster cannot be known",
            a.pvv.display()
        ))
        .hint("capture the output of `scrgadm -pvv` on a cluster node"));
    }
    let path = env.state_path(explicit)?;
    let (hosts, filesystems) = node_files(&captured);
    let opts = InitOptions {
        nodes: nodes.clone(),
        hosts: hosts.clone(),
        filesystems,
        ..Default::default()
    };
    create_cluster(&path, &opts, a.force, env.now_ms()?, env.lock_timeout())?;
    let mut run = Run {
        env,
        path: path.clone(),
        notes: Vec::new(),
        ran: 0,
    };
    run.notes.push(format!(
        "unknown from the capture: the cluster name, node ids (given in Nodelist order: {}), quorum devices, device groups, IPMP groups and transport",
        nodes.join(", ")
    ));
    if !hosts.is_empty() {
        run.notes.push(format!(
            "the nodes' /etc/hosts get the network addresses' host names with documentation addresses (192.0.2.x): {}",
            hosts.join(", ")
        ));
    }
    for (n, l) in &captured.skipped {
        run.notes.push(format!(
            "{}:{n}: not understood: {}",
            a.pvv.display(),
            l.trim()
        ));
    }
    types(&captured, &mut run)?;
    groups(&captured, &mut run);
    let state = run.state()?;
    for r in &captured.resources {
        resource(r, &state, &mut run);
    }
    references(&captured, &mut run);
    runtime(&captured, &online, a.scstat.is_some(), &mut run);
    let state = run.state()?;
    out.outln(&format!(
        "Imported {} resource types, {} resource groups and {} resources into {} ({} commands)",
        state.resource_types.len(),
        state.resource_groups.len(),
        state.resources.len(),
        path.display(),
        run.ran
    ));
    for n in &run.notes {
        out.note(n);
    }
    Ok(())
}

/// What the nodes' files must hold for the agents' checks: the host names of the network
/// addresses (`/etc/hosts`, given documentation addresses) and the file systems of the
/// storage resources (`/etc/vfstab`).
fn node_files(c: &Captured) -> (Vec<String>, Vec<String>) {
    let mut hosts: Vec<String> = Vec::new();
    let mut filesystems: Vec<String> = Vec::new();
    for r in &c.resources {
        for p in &r.props {
            let items = || p.value.split_whitespace().filter(|v| *v != "<NULL>");
            match p.name.as_str() {
                "HostnameList" => {
                    for h in items() {
                        let entry = format!("{h}=192.0.2.{}", 10 + hosts.len() % 240);
                        if !hosts.iter().any(|e| e.starts_with(&format!("{h}="))) {
                            hosts.push(entry);
                        }
                    }
                }
                "FilesystemMountPoints" => {
                    for f in items() {
                        if !filesystems.iter().any(|e| e == f) {
                            filesystems.push(f.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    (hosts, filesystems)
}

fn types(c: &Captured, run: &mut Run) -> Result<()> {
    let have = run.state()?;
    for t in &c.types {
        if have.resource_types.contains_key(&t.name) {
            continue;
        }
        let mut l = w(&["scrgadm", "-a", "-t", &t.name]);
        if let Some(n) = t.fields.get("installed on nodes").filter(|v| *v != "All") {
            l.extend([
                "-h".to_string(),
                n.split_whitespace().collect::<Vec<_>>().join(","),
            ]);
        }
        let known = run.line(l.clone());
        if known.is_some() {
            run.notes.pop();
            let props: Vec<_> = c
                .resources
                .iter()
                .filter(|r| r.fields.get("resource type") == Some(&t.name))
                .flat_map(|r| r.props.iter())
                .filter(|p| {
                    p.class == "extension"
                        || !(crate::model::props::is_query_only(&p.name)
                            || NOT_SET[..7].iter().any(|n| n.eq_ignore_ascii_case(&p.name))
                            || p.name.starts_with("Resource_dependencies"))
                })
                .fold(Vec::new(), |mut v: Vec<&import::PropRec>, p| {
                    if !v.iter().any(|q| q.name == p.name) {
                        v.push(p);
                    }
                    v
                });
            let file = types_dir(&run.path).join(t.name.replace(['/', ':'], "_"));
            write_file(&file, &import::rtr_text(t, &props))?;
            l.extend(["-f".to_string(), file.display().to_string()]);
            if run.line(l).is_none() {
                run.notes.push(format!(
                    "type {} is not one scsim ships: registered from {} with the {} properties its resources show",
                    t.name,
                    file.display(),
                    props.len()
                ));
            }
        }
        if t.fields.get("system").is_some_and(|v| v == "True") {
            run.line(w(&["scrgadm", "-c", "-t", &t.name, "-y", "RT_system=TRUE"]));
        }
    }
    Ok(())
}

fn types_dir(state: &Path) -> PathBuf {
    let mut name = state
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".types");
    state.with_file_name(name)
}

fn write_file(file: &Path, text: &str) -> Result<()> {
    let fail = |e: std::io::Error| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot write {}: {e}", file.display()),
        )
    };
    if let Some(d) = file.parent() {
        std::fs::create_dir_all(d).map_err(fail)?;
    }
    std::fs::write(file, text).map_err(fail)
}

/// Group properties as `-y` arguments (`-h` aside); `later`: those naming other groups.
fn group_args(g: &import::GroupRec, later: bool) -> Vec<String> {
    let map: &[(&str, &str, &str)] = if later {
        &[
            ("RG_dependencies", "RG_dependencies", "stringarray"),
            ("RG_affinities", "RG_affinities", "stringarray"),
        ]
    } else {
        &[
            ("Failback", "Failback", "boolean"),
            ("Maximum_primaries", "Maximum_primaries", "int"),
            ("Desired_primaries", "Desired_primaries", "int"),
            ("Pingpong_interval", "Pingpong_interval", "int"),
            ("RG_project_name", "RG_project_name", "string"),
            (
                "Auto_start_on_new_cluster",
                "Auto_start_on_new_cluster",
                "boolean",
            ),
            ("RG_description", "RG_description", "string"),
            ("Pathprefix", "Pathprefix", "string"),
            (
                "network dependencies",
                "Implicit_network_dependencies",
                "boolean",
            ),
            (
                "Global_resources_used",
                "Global_resources_used",
                "stringarray",
            ),
        ]
    };
    let mut out = Vec::new();
    for (printed, prop, ty) in map {
        let Some(v) = g.fields.get(*printed) else {
            continue;
        };
        let v = if *prop == "Global_resources_used" && v == "All" {
            "*"
        } else {
            v.as_str()
        };
        let v = cli_value(v, ty);
        if !v.is_empty() {
            out.extend(["-y".to_string(), format!("{prop}={v}")]);
        }
    }
    out
}

fn groups(c: &Captured, run: &mut Run) {
    for g in &c.groups {
        let nodes = g
            .fields
            .get("Nodelist")
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(","))
            .unwrap_or_default();
        let mut l = w(&["scrgadm", "-a", "-g", &g.name]);
        if !nodes.is_empty() {
            l.extend(["-h".to_string(), nodes]);
        }
        l.extend(group_args(g, false));
        run.line(l);
        if g.fields.get("system").is_some_and(|v| v == "True") {
            run.notes
                .push(format!("group {}: RG_system is set last", g.name));
        }
    }
}

/// Properties set elsewhere, or never by hand (Network_resources_used, last, is set once the
/// resources it names exist; a type from a capture still declares it).
const NOT_SET: [&str; 8] = [
    "Type",
    "Type_version",
    "Resource_name",
    "R_description",
    "On_off_switch",
    "Monitored_switch",
    "Resource_project_name",
    "Network_resources_used",
];

fn resource(r: &ResourceRec, state: &ClusterState, run: &mut Run) {
    let Some(rtype) = r.fields.get("resource type") else {
        run.notes.push(format!(
            "resource {}: no type in the capture; skipped",
            r.name
        ));
        return;
    };
    let mut l = w(&["scrgadm", "-a", "-j", &r.name, "-g", &r.group, "-t", rtype]);
    if let Some(d) = r.fields.get("R_description").filter(|d| !d.is_empty()) {
        l.extend(["-y".to_string(), format!("R_description={d}")]);
    }
    let rt = state.resource_types.get(rtype);
    for p in &r.props {
        let std = p.class != "extension";
        if NOT_SET.iter().any(|n| n.eq_ignore_ascii_case(&p.name))
            || crate::model::props::is_query_only(&p.name)
            || p.name.starts_with("Resource_dependencies")
        {
            continue;
        }
        let decl = rt.and_then(|t| crate::model::props::resolve_param(t, &p.name));
        let Some(decl) = decl else {
            run.notes.push(format!(
                "resource {}: type {rtype} has no property {}; not set (value {})",
                r.name, p.name, p.value
            ));
            continue;
        };
        let value = cli_value(&p.value, &p.ty);
        let default = decl
            .default
            .as_ref()
            .map(|d| cli_value(&d.to_string(), &p.ty));
        if default.as_deref() == Some(value.as_str()) || (value.is_empty() && default.is_none()) {
            continue;
        }
        let flag = if std { "-y" } else { "-x" };
        l.extend([flag.to_string(), format!("{}={value}", decl.name)]);
    }
    run.line(l);
}

fn references(c: &Captured, run: &mut Run) {
    for g in &c.groups {
        let args = group_args(g, true);
        if !args.is_empty() {
            let mut l = w(&["scrgadm", "-c", "-g", &g.name]);
            l.extend(args);
            run.line(l);
        }
    }
    let kinds = [
        ("strong dependencies", "Resource_dependencies"),
        ("weak dependencies", "Resource_dependencies_weak"),
        ("restart dependencies", "Resource_dependencies_restart"),
        (
            "offline restart dependencies",
            "Resource_dependencies_offline_restart",
        ),
    ];
    for r in &c.resources {
        let mut args = Vec::new();
        for (printed, prop) in kinds {
            let v = r
                .fields
                .get(printed)
                .map(|v| cli_value(v, "stringarray"))
                .unwrap_or_default();
            if !v.is_empty() {
                args.extend(["-y".to_string(), format!("{prop}={v}")]);
            }
        }
        let net = r.props.iter().find(|p| p.name == "Network_resources_used");
        if let Some(v) = net
            .map(|p| cli_value(&p.value, "stringarray"))
            .filter(|v| !v.is_empty())
        {
            args.extend(["-y".to_string(), format!("Network_resources_used={v}")]);
        }
        if !args.is_empty() {
            let mut l = w(&["scrgadm", "-c", "-j", &r.name]);
            l.extend(args);
            run.line(l);
        }
    }
    for g in c
        .groups
        .iter()
        .filter(|g| g.fields.get("system").is_some_and(|v| v == "True"))
    {
        run.line(w(&["scrgadm", "-c", "-g", &g.name, "-y", "RG_system=TRUE"]));
    }
}

fn runtime(
    c: &Captured,
    online: &indexmap::IndexMap<String, Vec<String>>,
    have_scstat: bool,
    run: &mut Run,
) {
    let managed: Vec<&str> = c
        .groups
        .iter()
        .filter(|g| {
            g.fields
                .get("management state")
                .is_some_and(|v| v == "Managed")
        })
        .map(|g| g.name.as_str())
        .collect();
    for g in &managed {
        run.line(w(&["scswitch", "-o", "-g", g]));
    }
    for r in &c.resources {
        if r.fields.get("enabled").is_some_and(|v| v == "True") {
            run.line(w(&["scswitch", "-e", "-j", &r.name]));
        }
        if r.fields
            .get("monitor enabled")
            .is_some_and(|v| v == "False")
        {
            run.line(w(&["scswitch", "-n", "-M", "-j", &r.name]));
        }
    }
    if !have_scstat {
        if !managed.is_empty() {
            run.notes.push(
                "where the groups are online is not in scrgadm -pvv: managed groups are left offline (give --scstat FILE)".into(),
            );
        }
        return;
    }
    for g in managed {
        let Some(nodes) = online.get(g).filter(|n| !n.is_empty()) else {
            continue;
        };
        run.line(w(&["scswitch", "-z", "-g", g, "-h", &nodes.join(",")]));
    }
}
