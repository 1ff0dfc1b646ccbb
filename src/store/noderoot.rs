//! The simulated nodes' system files, beside the state file: `cluster.json` →
//! `cluster.files/` with
//!
//! * `nodes/NODE/` — the node's root directory (`etc/hosts`, `etc/vfstab`, `opt/…`,
//!   `var/…`), ordinary files that users read and edit;
//! * `shared/MOUNTPOINT/` — the content of each file system named in a vfstab, stored once.
//!
//! The mount view is derived from the state: a vfstab mount point is, in a node's root, a
//! symbolic link to its content where the file system is mounted on that node (a cluster file
//! system on every node, a failover one where its HAStoragePlus resource runs) and an empty
//! directory elsewhere. [`reconcile`] makes the view match the state; it runs under the state
//! lock when a changing command starts and after it commits, so a crash between the two is
//! repaired by the next command.
//!
//! Paths on a node (`/global/mail1/msg/config/msg.conf`) are resolved here, not by the
//! operating system: mount points go to the shared content when mounted on the node, symbolic
//! links inside the node root are followed within the root (an absolute target is a path on
//! the node), so nothing resolves outside `cluster.files/`. Every file is replaced atomically
//! (a temporary file in the same directory, then rename) with the process umask.

use crate::error::{ErrorCode, Fix, Hint, Result, ScError};
use crate::model::ClusterState;
use crate::model::nodefiles::{
    FileChange, HostEntry, MsgConfig, MsgInstall, NodeFiles, NodeView, VfstabEntry,
};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The package database file of a Messaging Server installation on a node.
pub const MSG_PKGINFO: &str = "/var/sadm/pkg/SUNWmsgsr/pkginfo";
/// The key of [`MSG_PKGINFO`] naming the installation's base directory.
pub const MSG_BASE_KEY: &str = "SCSIM_MSG_SVR_BASE";

/// The directory of the node files of the state at `state_path` (beside the file a link to
/// the state leads to, as its lock and messages file are).
pub fn dir(state_path: &Path) -> PathBuf {
    super::file::resolve_link(state_path)
        .unwrap_or_else(|_| state_path.to_path_buf())
        .with_extension("files")
}

/// The root directory of `node`.
pub fn node_root(state_path: &Path, node: &str) -> PathBuf {
    root_in(&dir(state_path), node)
}

/// The root directory of `node` in the files directory `files` ([`dir`]): loops over the nodes
/// resolve the state path once.
fn root_in(files: &Path, node: &str) -> PathBuf {
    files.join("nodes").join(node)
}

fn shared_dir(files: &Path, mount_point: &str) -> PathBuf {
    files
        .join("shared")
        .join(mount_point.trim_start_matches('/'))
}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> ScError {
    let code = if e.kind() == std::io::ErrorKind::PermissionDenied {
        ErrorCode::Access
    } else {
        ErrorCode::Internal
    };
    ScError::new(code, format!("cannot {what} {}: {e}", path.display()))
}

/// Where a path on a node lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A file of the node root or of a mounted file system.
    File(PathBuf),
    /// Under the mount point of a file system that is not mounted on the node.
    Unmounted { mount_point: String },
}

/// Lexically normalise an absolute path on a node (`..` stops at `/`).
fn normalise(path: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(s) => out.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

fn join_abs(parts: &[String]) -> String {
    format!("/{}", parts.join("/"))
}

/// Resolve `path` on `node`. `content` = read a file system's content whether or not it is
/// mounted on the node (what the store reads for the agents).
fn resolve(
    state_path: &Path,
    state: &ClusterState,
    node: &str,
    path: &str,
    content: bool,
) -> Result<Place> {
    let files = dir(state_path);
    let root = root_in(&files, node);
    let view = state.files.nodes.get(node);
    let mut parts = normalise(path);
    'outer: for _ in 0..16 {
        for i in 1..=parts.len() {
            let prefix = join_abs(&parts[..i]);
            if let Some(e) = view.and_then(|v| v.vfstab_entry(&prefix)) {
                if content || state.is_mounted(node, e) {
                    let mut p = shared_dir(&files, &prefix);
                    p.extend(&parts[i..]);
                    return Ok(Place::File(p));
                }
                return Ok(Place::Unmounted {
                    mount_point: prefix,
                });
            }
            let host = root.join(parts[..i].join("/"));
            if let Ok(target) = std::fs::read_link(&host) {
                let t = target.to_string_lossy().into_owned();
                let base = if t.starts_with('/') {
                    t
                } else {
                    format!("{}/{t}", join_abs(&parts[..i - 1]))
                };
                let mut next = normalise(&base);
                next.extend(parts[i..].iter().cloned());
                parts = next;
                continue 'outer;
            }
        }
        return Ok(Place::File(root.join(parts.join("/"))));
    }
    Err(ScError::new(
        ErrorCode::Internal,
        format!("{path} on node {node}: too many levels of symbolic links"),
    ))
}

/// Where `path` on `node` is, following the node's mounts.
pub fn locate(state_path: &Path, state: &ClusterState, node: &str, path: &str) -> Result<Place> {
    resolve(state_path, state, node, path, false)
}

/// Read a file on a node (`None`: it does not exist or its file system is not mounted there).
pub fn read(
    state_path: &Path,
    state: &ClusterState,
    node: &str,
    path: &str,
) -> Result<Option<String>> {
    match locate(state_path, state, node, path)? {
        Place::File(p) => read_opt(&p),
        Place::Unmounted { .. } => Ok(None),
    }
}

/// Whether a path exists on a node.
pub fn exists(state_path: &Path, state: &ClusterState, node: &str, path: &str) -> bool {
    matches!(locate(state_path, state, node, path), Ok(Place::File(p)) if p.exists())
}

/// The names in a directory on a node (empty when it is missing), sorted.
pub fn list(state_path: &Path, state: &ClusterState, node: &str, path: &str) -> Vec<String> {
    let Ok(Place::File(p)) = locate(state_path, state, node, path) else {
        return Vec::new();
    };
    let mut names: Vec<String> = std::fs::read_dir(p)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn read_opt(p: &Path) -> Result<Option<String>> {
    match std::fs::read(p) {
        Ok(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                || e.kind() == std::io::ErrorKind::NotADirectory =>
        {
            Ok(None)
        }
        Err(e) => Err(io_err("read", p, e)),
    }
}

/// Replace `path` with `content` atomically (temporary file beside it, then rename), with
/// the process umask; parent directories are created.
pub(crate) fn write_file(path: &Path, content: &[u8]) -> Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io_err("create directory", parent, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.scsim-{}.tmp", std::process::id()));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&tmp)
        .map_err(|e| io_err("write", &tmp, e))?;
    let done = f.write_all(content).and_then(|()| f.sync_all());
    drop(f);
    if let Err(e) = done.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err("write", path, e));
    }
    Ok(())
}

/// Make `link` a symbolic link to `target`, replacing what is there atomically.
fn write_link(link: &Path, target: &str) -> Result<()> {
    let parent = link.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io_err("create directory", parent, e))?;
    if std::fs::read_link(link).is_ok_and(|t| t == Path::new(target)) {
        return Ok(());
    }
    let tmp = parent.join(format!(".scsim-link-{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    symlink(target, &tmp).map_err(|e| io_err("create link", &tmp, e))?;
    if link.is_dir() && link.symlink_metadata().is_ok_and(|m| m.is_dir()) {
        // An empty mount-point directory is replaced by the mounted view.
        if let Err(e) = std::fs::remove_dir(link) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io_err("replace", link, e));
        }
    }
    std::fs::rename(&tmp, link).map_err(|e| io_err("create link", link, e))
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &str, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("symbolic links need a Unix system"))
}

/// A link target relative to the link's directory, for a path on the same node.
fn relative_target(link: &str, target: &str) -> String {
    let from = normalise(link);
    let to = normalise(target);
    let dir = &from[..from.len().saturating_sub(1)];
    let common = dir.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); dir.len() - common];
    parts.extend(to[common..].iter().cloned());
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// The host path a change writes to, refusing a file system not mounted on the node.
fn writable(state_path: &Path, state: &ClusterState, node: &str, path: &str) -> Result<PathBuf> {
    match locate(state_path, state, node, path)? {
        Place::File(p) => Ok(p),
        Place::Unmounted { mount_point } => Err(not_mounted(state, node, path, &mount_point)),
    }
}

/// The error for a path under a file system that is not mounted on `node`.
pub fn not_mounted(state: &ClusterState, node: &str, path: &str, mount_point: &str) -> ScError {
    let elsewhere: Vec<String> = state
        .cluster
        .nodes
        .iter()
        .filter(|n| {
            state
                .failover_mounts_on(&n.name)
                .iter()
                .any(|(m, _)| *m == mount_point)
        })
        .map(|n| n.name.clone())
        .collect();
    let where_ = if elsewhere.is_empty() {
        "it is not mounted on any node (its HAStoragePlus resource is offline)".to_string()
    } else {
        format!("it is mounted on {}", elsewhere.join(", "))
    };
    ScError::new(
        ErrorCode::State,
        format!("{path}: the file system {mount_point} is not mounted on node {node}; {where_}"),
    )
    .hint(switch_here_hint(state, node, mount_point))
}

/// Where to run instead, or the switch of the group whose HAStoragePlus resource mounts
/// `mount_point` to `node` (spelled by the printing command).
fn switch_here_hint(state: &ClusterState, node: &str, mount_point: &str) -> Hint {
    use crate::model::PropValue;
    use crate::model::nodefiles::MOUNT_POINTS_PROP;
    let group = state
        .resources
        .values()
        .find_map(|r| match r.extension.get(MOUNT_POINTS_PROP) {
            Some(PropValue::List(m)) if m.iter().any(|m| m == mount_point) => {
                Some(r.group.to_string())
            }
            _ => None,
        });
    match group {
        Some(g) => Hint::lead(
            "run the command on the node that masters the group, or switch the group here: ",
            Fix::SwitchGroup {
                g,
                nodes: vec![node.to_string()],
            },
        ),
        None => Hint::Text(format!(
            "run the command on the node that masters the group of {mount_point}, or switch that group to {node}"
        )),
    }
}

/// Write file changes on the nodes (each file atomically).
pub fn apply(state_path: &Path, state: &ClusterState, changes: &[FileChange]) -> Result<()> {
    for c in changes {
        apply_one(state_path, state, c)?;
    }
    Ok(())
}

/// Append what the simulated agents wrote during a command: each append goes to the content
/// of the file system as it was mounted when the agent wrote (the group may have moved on
/// since). Best effort: the command has committed, a lost log line does not undo it.
pub fn apply_outbox(state_path: &Path, state: &ClusterState, changes: &[FileChange]) {
    for c in changes {
        if let FileChange::Append { node, path, text } = c
            && let Ok(Place::File(p)) = resolve(state_path, state, node, path, true)
        {
            let mut content = read_opt(&p).ok().flatten().unwrap_or_default();
            content.push_str(text);
            let _ = write_file(&p, content.as_bytes());
        }
    }
}

fn apply_one(state_path: &Path, state: &ClusterState, c: &FileChange) -> Result<()> {
    {
        match c {
            FileChange::Write {
                node,
                path,
                content,
            } => write_file(
                &writable(state_path, state, node, path)?,
                content.as_bytes(),
            )?,
            FileChange::Append { node, path, text } => {
                let p = writable(state_path, state, node, path)?;
                let mut content = read_opt(&p)?.unwrap_or_default();
                content.push_str(text);
                write_file(&p, content.as_bytes())?;
            }
            FileChange::Link { node, path, target } => {
                let parent = Path::new(path)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned());
                let host_parent =
                    writable(state_path, state, node, parent.as_deref().unwrap_or("/"))?;
                let name = Path::new(path).file_name().unwrap_or_default();
                write_link(&host_parent.join(name), &relative_target(path, target))?;
            }
            FileChange::Rename { node, from, to } => {
                let (f, t) = (
                    writable(state_path, state, node, from)?,
                    writable(state_path, state, node, to)?,
                );
                if f.exists() {
                    std::fs::rename(&f, &t).map_err(|e| io_err("rename", &f, e))?;
                }
            }
        }
    }
    Ok(())
}

/// Create the node files of a new cluster (replacing any left by an earlier one): the
/// changes are written into a fresh directory that then takes the place of the old one.
pub fn create(state_path: &Path, state: &ClusterState, changes: &[FileChange]) -> Result<()> {
    let mut st = state.clone();
    st.files = parse_changes(state, changes);
    st.files.loaded = true;
    create_viewed(state_path, &st, changes)
}

/// [`create`] for a state whose `files` already show `changes`.
fn create_viewed(state_path: &Path, st: &ClusterState, changes: &[FileChange]) -> Result<()> {
    let state = st;
    let files = dir(state_path);
    let stem = state_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staged = state_path.with_file_name(format!(".{stem}-new-{}.json", std::process::id()));
    let _ = std::fs::remove_dir_all(dir(&staged));
    let result = (|| {
        for n in &state.cluster.nodes {
            let root = node_root(&staged, &n.name);
            std::fs::create_dir_all(&root).map_err(|e| io_err("create directory", &root, e))?;
        }
        apply(&staged, st, changes)?;
        reconcile(&staged, st)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(dir(&staged));
        return Err(e);
    }
    if files.exists() {
        std::fs::remove_dir_all(&files).map_err(|e| io_err("replace", &files, e))?;
    }
    std::fs::rename(dir(&staged), &files).map_err(|e| io_err("create", &files, e))
}

/// The facts of the hosts and vfstab files among `changes` (before they are written).
fn parse_changes(state: &ClusterState, changes: &[FileChange]) -> NodeFiles {
    let mut files = NodeFiles::default();
    for n in &state.cluster.nodes {
        let view = files.nodes.entry(n.name.clone()).or_default();
        for c in changes {
            if let FileChange::Write {
                node,
                path,
                content,
            } = c
                && node == &n.name
            {
                match path.as_str() {
                    "/etc/hosts" => {
                        view.hosts = content.lines().filter_map(HostEntry::parse).collect()
                    }
                    "/etc/vfstab" => {
                        view.vfstab = content.lines().filter_map(VfstabEntry::parse).collect()
                    }
                    _ => {}
                }
            }
        }
    }
    files
}

/// Make every node's mount view match the state (see the module documentation).
pub fn reconcile(state_path: &Path, state: &ClusterState) -> Result<()> {
    let files = dir(state_path);
    for (node, view) in &state.files.nodes {
        let root = root_in(&files, node);
        // Computed once per node: a cluster may have many file systems and resources.
        let failover: std::collections::HashSet<&str> = state
            .failover_mounts_on(node)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        let up = state.cluster.is_up(node);
        for e in &view.vfstab {
            if !e.mount_point.starts_with('/') || e.mount_point == "/" {
                continue;
            }
            let content = shared_dir(&files, &e.mount_point);
            std::fs::create_dir_all(&content)
                .map_err(|err| io_err("create directory", &content, err))?;
            let host = root.join(e.mount_point.trim_start_matches('/'));
            let mounted = if e.is_global() {
                up
            } else {
                failover.contains(e.mount_point.as_str())
            };
            if mounted {
                let target = relative_target(
                    &format!("/nodes/{node}{}", e.mount_point),
                    &format!("/shared{}", e.mount_point),
                );
                write_link(&host, &target)?;
            } else if host
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                std::fs::remove_file(&host).map_err(|err| io_err("unmount", &host, err))?;
                std::fs::create_dir_all(&host).map_err(|err| io_err("create", &host, err))?;
            } else {
                std::fs::create_dir_all(&host).map_err(|err| io_err("create", &host, err))?;
            }
        }
    }
    Ok(())
}

/// Read the node files of the state at `state_path` into `state.files`. A state made before
/// node files existed gets the entries its resources need ([`crate::store::migrate`]'s
/// `node_files`), written when `write` (a locked command) and only read otherwise.
pub fn load(state_path: &Path, state: &mut ClusterState, write: bool) -> Result<()> {
    let files_dir = dir(state_path);
    if !files_dir.exists() {
        let changes = super::migrate::node_files(state);
        if !write {
            state.files = parse_changes(state, &changes);
            state.files.loaded = true;
            return Ok(());
        }
        // The state's own files stand for the new view while they are written (no copy of a
        // large state); they are read back from disk below.
        state.files = parse_changes(state, &changes);
        state.files.loaded = true;
        create_viewed(state_path, state, &changes)?;
    }
    let mut files = NodeFiles {
        loaded: true,
        ..NodeFiles::default()
    };
    for n in &state.cluster.nodes {
        let root = root_in(&files_dir, &n.name);
        let text = |p: &str| read_opt(&root.join(p)).map(Option::unwrap_or_default);
        let view = NodeView {
            hosts: text("etc/hosts")?
                .lines()
                .filter_map(HostEntry::parse)
                .collect(),
            vfstab: text("etc/vfstab")?
                .lines()
                .filter_map(VfstabEntry::parse)
                .collect(),
            msg: Default::default(),
        };
        files.nodes.insert(n.name.clone(), view);
    }
    state.files = files;
    let names: Vec<String> = state.cluster.nodes.iter().map(|n| n.name.clone()).collect();
    for node in names {
        let msg = load_msg(state_path, &root_in(&files_dir, &node), state, &node)?;
        if let Some(v) = state.files.nodes.get_mut(&node) {
            v.msg = msg;
        }
    }
    Ok(())
}

/// The base directory of the Messaging Server installed on `node`, if any.
pub fn msg_base(state_path: &Path, node: &str) -> Option<String> {
    msg_base_at(&node_root(state_path, node))
}

/// [`msg_base`] of the node whose root directory is `root`.
fn msg_base_at(root: &Path) -> Option<String> {
    let info = std::fs::read_to_string(root.join(MSG_PKGINFO.trim_start_matches('/'))).ok()?;
    info.lines()
        .find_map(|l| l.strip_prefix(MSG_BASE_KEY)?.strip_prefix('='))
        .map(|s| s.trim().to_string())
}

/// The Messaging Server installation of a node and the configuration it points at.
fn load_msg(
    state_path: &Path,
    root: &Path,
    state: &ClusterState,
    node: &str,
) -> Result<std::collections::BTreeMap<String, MsgInstall>> {
    let mut out = std::collections::BTreeMap::new();
    let Some(base) = msg_base_at(root) else {
        return Ok(out);
    };
    let link = root.join(format!("{}/config", base.trim_start_matches('/')));
    let config_dir = std::fs::read_link(&link).ok().map(|t| {
        let t = t.to_string_lossy().into_owned();
        if t.starts_with('/') {
            join_abs(&normalise(&t))
        } else {
            join_abs(&normalise(&format!("{base}/{t}")))
        }
    });
    let config = match &config_dir {
        Some(d) => read_config(state_path, state, node, d)?,
        None => None,
    };
    out.insert(base, MsgInstall { config_dir, config });
    Ok(out)
}

/// The configuration in directory `dir` on `node`, read where its content lives.
pub fn read_config(
    state_path: &Path,
    state: &ClusterState,
    node: &str,
    dir: &str,
) -> Result<Option<MsgConfig>> {
    let at = |name: &str| -> Result<Option<String>> {
        match resolve(state_path, state, node, &format!("{dir}/{name}"), true)? {
            Place::File(p) => read_opt(&p),
            Place::Unmounted { .. } => Ok(None),
        }
    };
    let Some(conf) = at("msg.conf")? else {
        return Ok(None);
    };
    Ok(Some(MsgConfig {
        values: crate::model::nodefiles::parse_msg_conf(&conf),
        imta_hosts: crate::model::nodefiles::imta_hosts(&at("imta.cnf")?.unwrap_or_default()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_targets() {
        assert_eq!(
            relative_target("/nodes/mail-1/global/mail1", "/shared/global/mail1"),
            "../../../shared/global/mail1"
        );
        assert_eq!(
            relative_target("/opt/SUNWmsgsr/config", "/global/mail1/msg/config"),
            "../../global/mail1/msg/config"
        );
        assert_eq!(relative_target("/opt/a", "/opt/b"), "b");
    }

    #[test]
    fn normalising_stays_inside() {
        assert_eq!(normalise("/a/../../b/./c"), ["b", "c"]);
        assert_eq!(join_abs(&normalise("/")), "/");
    }
}
