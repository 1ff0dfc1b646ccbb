//! The state file: the only module that reads or writes it.
//!
//! * Reads take no lock: writers replace the file atomically, so a reader always sees one whole
//!   generation. One read per command.
//! * Writes hold an exclusive lock on `<state>.lock` (waiting up to `SCSIM_LOCK_TIMEOUT`
//!   seconds), write a temp file in the same directory, fsync it when [`durable`] says so and
//!   rename it over the state file (the directory is fsynced when the file is created). A
//!   command that fails never reaches `commit`, so the file stays byte-for-byte unchanged.
//! * Loading checks `schema_version`: older files are migrated (`migrate`), newer ones and
//!   anything that is not a scsim state file are refused with the path and the parse position.

mod atomic;
pub mod check;
pub mod durable;
pub mod file;
pub mod history;
mod lock;
pub mod messages;
pub mod migrate;
pub mod noderoot;
mod seal;
mod text;
pub mod unknown;

use crate::error::{ErrorCode, Fix, Hint, Result, ScError};
use crate::model::{ClusterState, SCHEMA_VERSION};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use lock::{StateLock, parse_timeout};

/// Load the state file at `path` (no lock) with its node files ([`noderoot`]). Fails if it
/// does not exist.
pub fn load(path: &Path) -> Result<ClusterState> {
    let mut state = load_state(path)?;
    noderoot::load(path, &mut state, false)?;
    Ok(state)
}

/// Load the state file alone.
fn load_state(path: &Path) -> Result<ClusterState> {
    let text = read_state_text(path)?;
    decode_text(&text, path, check::Level::Read)
}

/// The state file as [`text::Text`]: read, or mapped when it is large.
fn read_state_text(path: &Path) -> Result<text::Text> {
    file::check_state_name(path)?;
    text::Text::read(path, file::MAX_STATE_BYTES, "cluster state").map_err(|e| read_error(path, e))
}

/// [`decode_at`] on the text of the file at `path`. A current file parses straight into the
/// model, the pages of a large file handed back as the parser passes them; anything else (an
/// older version, a damaged file) is decoded from a fresh read of the file when pages were
/// handed back.
fn decode_text(text: &text::Text, path: &Path, level: check::Level) -> Result<ClusterState> {
    let (first, released) = text.parse_releasing(parse_model);
    match first {
        Ok(state) if state.schema_version == SCHEMA_VERSION => {
            check::check(&state, path, level)?;
            Ok(state)
        }
        _ if released => decode_at(&read_state_bytes(path)?, path, level),
        first => decode_parsed(first, text, path, level),
    }
}

/// Parse the bytes of a state file into the model, as they are.
fn parse_model(bytes: &[u8]) -> serde_json::Result<ClusterState> {
    // The text is checked to be UTF-8 once, as a whole, rather than string by string by the
    // parser.
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<ClusterState>(text),
        Err(_) => serde_json::from_slice::<ClusterState>(bytes),
    }
}

/// The bytes of the state file: a regular file of at most [`file::MAX_STATE_BYTES`] (a FIFO,
/// a device or a directory is refused before it is read).
fn read_state_bytes(path: &Path) -> Result<Vec<u8>> {
    file::check_state_name(path)?;
    file::read_regular(path, file::MAX_STATE_BYTES, "cluster state")
        .map_err(|e| read_error(path, e))
}

/// Refuse a state path that is not a regular file (before a changing command opens it for
/// writing, which on a FIFO would block).
fn require_regular(path: &Path) -> Result<()> {
    file::check_regular(path, "cluster state").map_err(|e| read_error(path, e))
}

fn read_error(path: &Path, e: std::io::Error) -> ScError {
    match e {
        e if e.kind() == std::io::ErrorKind::NotFound => {
            ScError::new(
                ErrorCode::Internal,
                format!("no cluster state file at {}", path.display()),
            )
            .hint(format!(
                "create one with `scsim --state {} init --nodes NODE1,NODE2`, or point SCSIM_STATE / --state at an existing file",
                path.display()
            ))
        }
        e if e.kind() == std::io::ErrorKind::PermissionDenied => {
            ScError::new(
                ErrorCode::Access,
                format!(
                    "cannot read cluster state file {}: permission denied",
                    path.display()
                ),
            )
        }
        e if e.kind() == std::io::ErrorKind::Other => {
            // Not a regular file, or too large (file::read_regular says which).
            ScError::internal(format!("cannot use cluster state file: {e}"))
                    .hint("point --state / SCSIM_STATE at a state file made by `scsim init`")
        }
        e => {
            ScError::internal(format!(
                "cannot read cluster state file {}: {e}",
                path.display()
            ))
        }
    }
}

/// Decode and, when needed, migrate the bytes of a state file.
pub fn decode(bytes: &[u8], path: &Path) -> Result<ClusterState> {
    decode_at(bytes, path, check::Level::Read)
}

/// [`decode`], checking the references a command of `level` relies on.
fn decode_at(bytes: &[u8], path: &Path, level: check::Level) -> Result<ClusterState> {
    decode_parsed(parse_model(bytes), bytes, path, level)
}

/// [`decode_at`] after the first parse of `bytes` into the model.
fn decode_parsed(
    first: serde_json::Result<ClusterState>,
    bytes: &[u8],
    path: &Path,
    level: check::Level,
) -> Result<ClusterState> {
    // Fast path: a current-version file parses straight into the model.
    if let Ok(state) = &first
        && state.schema_version == SCHEMA_VERSION
    {
        check::check(state, path, level)?;
        return first.map_err(|_| unreachable_err());
    }
    // An older version whose steps up to this one are all additive reads straight into the
    // model too; it is written in the current version by the next commit.
    if let Ok(state) = &first
        && migrate::reads_as_current(state.schema_version)
    {
        let mut state = first.map_err(|_| unreachable_err())?;
        state.schema_version = SCHEMA_VERSION;
        check::check(&state, path, level)?;
        return Ok(state);
    }
    // Slow path: inspect as generic JSON to explain or migrate.
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| corrupt(path, &e))?;
    let version = value
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| {
            ScError::internal(format!(
                "{} is not a scsim cluster state file (no schema_version field)",
                path.display()
            ))
            .hint("check --state / SCSIM_STATE; scsim never overwrites a file it cannot read")
        })?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ScError::internal(format!(
            "{} has schema_version {version}, newer than this scsim understands ({SCHEMA_VERSION})",
            path.display()
        ))
        .hint("use a newer scsim; the file was left untouched"));
    }
    if version == u64::from(SCHEMA_VERSION) {
        // Right version but wrong shape: report serde's position.
        let e = first.expect_err("parse failed on the slow path");
        return Err(ScError::internal(format!(
            "{}:{}:{}: invalid cluster state: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
        .hint("the file was left untouched; restore it from a backup or recreate it with `scsim init --force`"));
    }
    let migrated = migrate::upgrade(value, version as u32)
        .map_err(|m| ScError::internal(format!("{}: cannot migrate: {m}", path.display())))?;
    let mut state: ClusterState = serde_json::from_value(migrated).map_err(|e| {
        ScError::internal(format!(
            "{}: invalid cluster state after migration from version {version}: {e}",
            path.display()
        ))
    })?;
    // Generic JSON sorts object keys: give the name-keyed maps their order in the file back.
    migrate::restore_order(&mut state, bytes);
    if version < 2 {
        // The log is the one the file embedded (see `messages::read` and `messages::append`).
        state.events.embedded = true;
        state.events.next_seq = state
            .events
            .entries
            .iter()
            .map(|e| e.seq)
            .max()
            .unwrap_or(0)
            + 1;
    }
    check::check(&state, path, level)?;
    Ok(state)
}

/// Decode for a change: as [`decode`], and also note the fields this scsim does not know, so
/// that the commit writes them back ([`unknown`]).
fn decode_keeping(text: &text::Text, path: &Path) -> Result<(ClusterState, unknown::Unknown)> {
    // A file this build wrote, untouched since, has no field this build does not know.
    if seal::is_ours(text) {
        let state = decode_text(text, path, check::Level::Write)?;
        return Ok((state, unknown::Unknown::default()));
    }
    let mut paths = Vec::new();
    // Parsed with the pages of a large file handed back as it goes; the whole text is read
    // again for what needs it afterwards (the unknown fields' values, a migration, a message).
    let (parsed, released) = text.parse_releasing(|bytes| {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = serde_ignored::deserialize(&mut de, |p| {
            let p = unknown::segments(&p);
            // The seal of another build is not a field to keep: each write seals anew (or not).
            if !matches!(p.as_slice(), [unknown::Seg::Key(k)] if k == seal::KEY) {
                paths.push(p);
            }
        })
        .and_then(|s: ClusterState| de.end().map(|()| s));
        Some(parsed)
    });
    let fresh;
    let bytes: &[u8] = if released {
        fresh = read_state_bytes(path)?;
        &fresh
    } else {
        text
    };
    match parsed {
        Some(Ok(state)) if state.schema_version == SCHEMA_VERSION => {
            check::check(&state, path, check::Level::Write)?;
            let unknown = if paths.is_empty() {
                unknown::Unknown::default()
            } else {
                unknown::collect(bytes, paths)
            };
            Ok((state, unknown))
        }
        Some(_) => {
            let state = decode(bytes, path)?;
            check::check(&state, path, check::Level::Write)?;
            Ok((state, unknown::Unknown::default()))
        }
        // Not UTF-8.
        None => {
            let state = decode_at(bytes, path, check::Level::Write)?;
            Ok((state, unknown::Unknown::default()))
        }
    }
}

fn unreachable_err() -> ScError {
    ScError::internal("state decode: inconsistent parse result")
}

fn corrupt(path: &Path, e: &serde_json::Error) -> ScError {
    let what = if e.is_eof() {
        "truncated or incomplete"
    } else {
        "corrupt (not valid JSON)"
    };
    ScError::internal(format!(
        "{}:{}:{}: cluster state file is {what}: {e}",
        path.display(),
        e.line(),
        e.column()
    ))
    .hint(damaged_hint(path))
}

/// The way back from a state file that does not parse: the newest kept generation that does
/// (after a power loss, the commits since the last synced one may be damaged too, see
/// [`durable`]), and the `scsim undo` that restores it.
fn damaged_hint(path: &Path) -> String {
    let intact = history::list(path)
        .into_iter()
        .enumerate()
        .find(|(_, g)| load_state(&g.path).is_ok());
    match intact {
        Some((i, g)) => format!(
            "the file was left untouched; the newest intact kept generation is {} (the state before `{}`): `scsim --state {} undo {}` makes it the current state and keeps the damaged file as {}",
            g.generation,
            g.command.lines().next().unwrap_or_default(),
            path.display(),
            i + 1,
            history::damaged_path(path).display()
        ),
        None => "the file was left untouched; restore it from a backup or recreate it with `scsim init --force`".to_string(),
    }
}

/// Whether the state file at `path` is damaged: it exists but is not JSON at all (empty, cut
/// short, zeroed), as a crash can leave a file whose data never reached the disk.
pub(crate) fn is_damaged(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| serde_json::from_slice::<serde::de::IgnoredAny>(&b).is_err())
}

/// Serialize a state to a writer (compact JSON, sealed ([`seal`]), one trailing newline): the
/// file format.
fn write_state(w: &mut dyn std::io::Write, state: &ClusterState) -> std::io::Result<()> {
    let mut sealer = seal::Sealer::new(w);
    serde_json::to_writer(&mut sealer, state).map_err(std::io::Error::other)?;
    sealer.finish()
}

/// Serialize a state to bytes: the file format.
pub fn encode(state: &ClusterState) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    write_state(&mut v, state)
        .map_err(|e| ScError::internal(format!("cannot serialize state: {e}")))?;
    Ok(v)
}

/// Serialize a state to bytes without a seal (compact JSON, one trailing newline): for a file
/// that gets fields of another build grafted in.
fn encode_unsealed(state: &ClusterState) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec(state)
        .map_err(|e| ScError::internal(format!("cannot serialize state: {e}")))?;
    v.push(b'\n');
    Ok(v)
}

/// An open write transaction: the lock is held until it is committed or dropped.
pub struct Transaction {
    path: PathBuf,
    _lock: StateLock,
    pub state: ClusterState,
    /// The command line that makes this change, kept with the previous generation.
    command: String,
    /// Fields of the file this scsim does not know, written back on commit.
    unknown: unknown::Unknown,
    /// When the commit waits for the disk.
    sync: durable::Sync,
}

/// Lock the state file for writing and load it.
pub fn begin(path: &Path, timeout: Duration) -> Result<Transaction> {
    file::check_state_name(path)?;
    // Fail fast on a missing file, before creating a lock file beside it.
    if !path.exists() {
        load_state(path)?;
    }
    // A link to the state stands for its target: lock, temp file and rename happen there.
    let path = &file::resolve_link(path)?;
    require_regular(path)?;
    check_writable(path)?;
    let lock = StateLock::acquire(path, timeout)?;
    let (mut state, unknown) = decode_keeping(&read_state_text(path)?, path)?;
    noderoot::load(path, &mut state, true)?;
    // Repair a view left behind by a command that stopped between its two writes.
    noderoot::reconcile(path, &state)?;
    // A large transition's entries go to the messages file as they pile up, not all at the
    // commit (a version-1 log, which replaces the file, waits for the commit).
    if !state.events.embedded {
        let early =
            messages::Appender::new(path, &state.events, state.generation, state.generation + 1);
        state.events.set_sink(Box::new(early));
    }
    Ok(Transaction {
        path: path.to_path_buf(),
        _lock: lock,
        state,
        command: String::new(),
        unknown,
        sync: durable::Sync::default(),
    })
}

/// A changing command refuses a state file it may not write — one without any write
/// permission bit (made read-only on purpose, which even root honours here) or one this
/// process cannot open for writing — instead of replacing it by rename.
fn check_writable(path: &Path) -> Result<()> {
    let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
    let denied = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    };
    if read_only || denied() {
        if let Some(owner) = file::foreign_owner(path) {
            return Err(ScError::new(
                ErrorCode::Access,
                format!(
                    "cluster state file {} is not writable by you (it belongs to {owner}); this command changes the cluster and was not run",
                    path.display()
                ),
            )
            .hint(read_only_hint(format!(
                "ask {owner} or root to run it or to give you write access, or copy the file and use --state; "
            ))));
        }
        return Err(ScError::new(
            ErrorCode::Access,
            format!(
                "cluster state file {} is read-only; this command changes the cluster and was not run",
                path.display()
            ),
        )
        .hint(read_only_hint(format!(
            "make it writable (chmod u+w {}) to change it; ",
            path.display()
        ))));
    }
    Ok(())
}

/// `lead`, then what still works on a state file this command may not write: the status and
/// configuration listings (spelled by the printing command), `scsim log` and `--dry-run`.
fn read_only_hint(lead: String) -> Hint {
    Hint::lead(lead, Fix::ShowStatus)
        .text(", ")
        .fix(Fix::ListConfiguration)
        .text(", scsim log and --dry-run work on it as it is")
}

impl Transaction {
    /// Write the state back (generation bumped), atomically, and hand it back (the lock is
    /// released) for commands that report on it afterwards.
    ///
    /// The command's log entries are appended to the messages file first, tagged with the new
    /// generation, and the state is renamed into place second: readers ignore entries of
    /// generations the state file does not have yet (see `messages`).
    pub fn commit(mut self) -> Result<ClusterState> {
        let spare = history::record(&self.path, self.state.generation, &self.command);
        let before = self.state.generation;
        self.state.generation += 1;
        messages::append(
            &self.path,
            &mut self.state.events,
            before,
            self.state.generation,
        )?;
        let sync = durable::due(&self.path, self.sync, self.state.generation);
        if self.unknown.is_empty() {
            atomic::write_atomic(&self.path, spare.as_deref(), sync, |w| {
                write_state(w, &self.state)
            })?;
        } else {
            let merged = unknown::graft(&encode_unsealed(&self.state)?, &self.unknown)
                .map_err(|e| ScError::internal(format!("cannot serialize state: {e}")))?;
            atomic::write_atomic(&self.path, spare.as_deref(), sync, |w| {
                std::io::Write::write_all(w, &merged)
            })?;
        }
        if sync {
            durable::mark(&self.path, self.state.generation);
        }
        // The node files follow the state: the mount view, then what the agents wrote.
        noderoot::reconcile(&self.path, &self.state)?;
        let outbox = std::mem::take(&mut self.state.files.outbox);
        noderoot::apply_outbox(&self.path, &self.state, &outbox);
        Ok(self.state)
    }
    /// Write node files while holding the lock (the state file itself is not rewritten).
    pub fn write_files(&self, changes: &[crate::model::nodefiles::FileChange]) -> Result<()> {
        noderoot::apply(&self.path, &self.state, changes)
    }
    /// End the transaction without writing (nothing happened), handing the state back.
    pub fn abort(self) -> ClusterState {
        self.state
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// Name the command that makes this change (`scsim history` lists it).
    pub fn set_command(&mut self, command: String) {
        self.command = command;
    }
    /// How the commit waits for the disk ([`durable`]).
    pub fn set_sync(&mut self, sync: durable::Sync) {
        self.sync = sync;
    }
}

/// Create a new state file (the only way one comes into existence). Refuses to replace an
/// existing file unless `force`.
pub fn create(path: &Path, state: &ClusterState, force: bool, timeout: Duration) -> Result<()> {
    create_with_files(path, state, force, timeout, &[])
}

/// [`create`], with the nodes' initial files ([`noderoot::create`]), written under the lock
/// before the state file.
pub fn create_with_files(
    path: &Path,
    state: &ClusterState,
    force: bool,
    timeout: Duration,
    files: &[crate::model::nodefiles::FileChange],
) -> Result<()> {
    file::check_state_name(path)?;
    let path = &file::resolve_link(path)?;
    if path.exists() && !force {
        return Err(ScError::new(
            ErrorCode::State,
            format!("cluster state file {} already exists", path.display()),
        )
        .hint("use `scsim init --force …` to replace it, or choose another file with --state"));
    }
    if path.exists() {
        require_regular(path)?;
        check_writable(path)?;
    }
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            ScError::new(
                ErrorCode::Access,
                format!("cannot create directory {}: {e}", dir.display()),
            )
        })?;
    }
    let _lock = StateLock::acquire(path, timeout)?;
    noderoot::create(path, state, files)?;
    messages::start(path, &state.events, state.generation)?;
    atomic::write_atomic(path, None, true, |w| write_state(w, state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::init::{InitOptions, new_cluster};

    fn sample() -> ClusterState {
        let opts = InitOptions {
            nodes: vec!["a".into(), "b".into()],
            ..Default::default()
        };
        new_cluster(&opts, 1_000).unwrap()
    }

    #[test]
    fn round_trip() {
        let s = sample();
        let bytes = encode(&s).unwrap();
        assert_eq!(decode(&bytes, Path::new("x")).unwrap(), s);
    }

    #[test]
    fn corrupt_reports_line_and_column() {
        let e = decode(b"{\n  \"schema_version\": 1,\n  x\n}", Path::new("f.json")).unwrap_err();
        assert!(e.message.starts_with("f.json:3:3:"), "{}", e.message);
        assert_eq!(e.code, ErrorCode::Internal);
    }

    #[test]
    fn truncated_is_named() {
        let bytes = encode(&sample()).unwrap();
        let e = decode(&bytes[..bytes.len() / 3], Path::new("f")).unwrap_err();
        assert!(e.message.contains("truncated"), "{}", e.message);
    }

    /// A state file large enough to be mapped and released behind the parser ([`text`]).
    fn large() -> ClusterState {
        use crate::engine::testkit as kit;
        let mut s = kit::cluster(&["n1", "n2"], 1_000);
        for g in 0..1500 {
            let rg = format!("rg-{g}");
            kit::add_group(&mut s, &rg, &["n1", "n2"]);
            for r in 0..5 {
                let deps = if r == 0 {
                    vec![]
                } else {
                    vec![format!("rs-{g}-{}", r - 1)]
                };
                let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
                kit::add_resource(&mut s, &format!("rs-{g}-{r}"), "gds", &rg, &deps);
            }
            kit::set_online(&mut s, &rg, "n1");
        }
        s
    }

    #[test]
    fn a_large_file_reads_whole_and_a_damaged_one_is_reported_from_a_fresh_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let state = large();
        create(&p, &state, false, Duration::from_secs(1)).unwrap();
        let bytes = std::fs::read(&p).unwrap();
        assert!(bytes.len() as u64 >= 768 * 1024, "{} bytes", bytes.len());
        assert_eq!(load(&p).unwrap().resources, state.resources);
        let txn = begin(&p, Duration::from_secs(1)).unwrap();
        assert_eq!(txn.state.resource_groups, state.resource_groups);
        drop(txn);
        // Cut short after most of the resources were read (and their pages handed back): the
        // message is the one a whole read gives.
        std::fs::write(&p, &bytes[..bytes.len() - 200]).unwrap();
        let whole = decode(&bytes[..bytes.len() - 200], &p).unwrap_err().message;
        assert!(whole.contains("truncated"), "{whole}");
        assert_eq!(load(&p).unwrap_err().message, whole);
    }

    #[test]
    fn a_large_file_of_another_build_keeps_its_unknown_fields() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let mut v = serde_json::to_value(large()).unwrap();
        v["x_future"] = serde_json::json!({"kept": true});
        v["resources"]["rs-1499-4"]["x_note"] = "late".into();
        let bytes = serde_json::to_vec(&v).unwrap();
        assert!(bytes.len() as u64 >= 768 * 1024);
        std::fs::write(&p, &bytes).unwrap();
        let txn = begin(&p, Duration::from_secs(1)).unwrap();
        assert_eq!(txn.state.resources.len(), 7500);
        txn.commit().unwrap();
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        assert_eq!(written["x_future"]["kept"], true);
        assert_eq!(written["resources"]["rs-1499-4"]["x_note"], "late");
        assert_eq!(written["generation"], 1);
    }

    #[test]
    fn newer_version_refused_older_unknown_refused() {
        let mut v = serde_json::to_value(sample()).unwrap();
        v["schema_version"] = 7.into();
        let e = decode(&serde_json::to_vec(&v).unwrap(), Path::new("f")).unwrap_err();
        assert!(e.message.contains("newer"), "{}", e.message);
        v["schema_version"] = 0.into();
        let e = decode(&serde_json::to_vec(&v).unwrap(), Path::new("f")).unwrap_err();
        assert!(e.message.contains("cannot migrate"), "{}", e.message);
    }

    #[test]
    fn wrong_shape_reports_position() {
        let mut v = serde_json::to_value(sample()).unwrap();
        v["generation"] = "many".into();
        let e = decode(&serde_json::to_vec_pretty(&v).unwrap(), Path::new("f")).unwrap_err();
        assert!(e.message.contains("invalid cluster state"), "{}", e.message);
    }

    #[test]
    fn commit_bumps_generation_and_create_refuses_existing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let t = Duration::from_secs(1);
        create(&p, &sample(), false, t).unwrap();
        assert_eq!(
            create(&p, &sample(), false, t).unwrap_err().code,
            ErrorCode::State
        );
        let txn = begin(&p, t).unwrap();
        txn.commit().unwrap();
        assert_eq!(load(&p).unwrap().generation, 1);
        // A transaction dropped without commit writes nothing.
        let before = std::fs::read(&p).unwrap();
        let mut txn = begin(&p, t).unwrap();
        txn.state.cluster.name = "changed".into();
        drop(txn);
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    #[test]
    fn a_change_that_logs_thousands_writes_them_before_its_commit_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let t = Duration::from_secs(1);
        create(&p, &sample(), false, t).unwrap();
        let logged = messages::read(&p, &load(&p).unwrap()).events.len();
        let n = crate::model::EventLog::SPILL_ENTRIES * 3 + 7;
        let entry = |i: usize| crate::model::Event {
            seq: 0,
            tag: "Cluster.RGM.rgmd".into(),
            time_ms: 2_000,
            node: "a".into(),
            id: 1,
            severity: "notice".into(),
            message: format!("entry {i}"),
            group: None,
            resource: None,
        };
        let push = |txn: &mut Transaction, from: usize| {
            for i in from..from + n {
                txn.state.events.push(entry(i).view());
                assert!(txn.state.events.len() < crate::model::EventLog::SPILL_ENTRIES);
            }
        };
        // Given up before its commit: its entries stay out of sight.
        let mut txn = begin(&p, t).unwrap();
        push(&mut txn, 0);
        drop(txn);
        let state = load(&p).unwrap();
        assert_eq!(messages::read(&p, &state).events.len(), logged);
        // Committed: every entry once, in order, numbered on from the file's.
        let mut txn = begin(&p, t).unwrap();
        push(&mut txn, n);
        let state = txn.commit().unwrap();
        let read = messages::read(&p, &state);
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        let mine: Vec<&str> = read.events[logged..]
            .iter()
            .map(|e| e.message.as_str())
            .collect();
        let want: Vec<String> = (n..2 * n).map(|i| format!("entry {i}")).collect();
        assert_eq!(mine, want);
        let seqs: Vec<u64> = read.events.iter().map(|e| e.seq).collect();
        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "contiguous");
    }

    #[test]
    fn files_of_this_build_are_sealed_and_files_with_unknown_fields_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let t = Duration::from_secs(1);
        create(&p, &sample(), false, t).unwrap();
        assert!(seal::is_ours(&std::fs::read(&p).unwrap()));
        let txn = begin(&p, t).unwrap();
        assert!(txn.unknown.is_empty());
        txn.commit().unwrap();
        assert!(seal::is_ours(&std::fs::read(&p).unwrap()));
        // A field added by another program (the old seal copied along): kept, found by the
        // slow decode, and the file is written back without a seal.
        let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        v["cluster"]["future"] = 1.into();
        std::fs::write(&p, serde_json::to_vec(&v).unwrap()).unwrap();
        let txn = begin(&p, t).unwrap();
        assert_eq!(txn.unknown.len(), 1);
        txn.commit().unwrap();
        let bytes = std::fs::read(&p).unwrap();
        assert!(!seal::is_ours(&bytes));
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["cluster"]["future"], 1);
        assert!(v.get(seal::KEY).is_none());
        assert_eq!(load(&p).unwrap().generation, 2);
    }

    #[cfg(unix)]
    #[test]
    fn commit_keeps_the_file_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let t = Duration::from_secs(1);
        create(&p, &sample(), false, t).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A new file is not private to its owner (tempfile's 0600 would be).
        assert_ne!(mode(&p) & 0o044, 0, "new state file mode {:o}", mode(&p));
        for m in [0o640, 0o604, 0o600] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
            begin(&p, t).unwrap().commit().unwrap();
            assert_eq!(mode(&p), m);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let t = Duration::from_secs(1);
        create(&p, &sample(), false, t).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = begin(&p, t)
            .err()
            .expect("read-only file accepted for writing");
        assert_eq!(e.code, ErrorCode::Access);
        assert!(e.message.contains("read-only"), "{}", e.message);
        let e = create(&p, &sample(), true, t).expect_err("init --force replaced it");
        assert_eq!(e.code, ErrorCode::Access);
        // Reading needs no write access.
        let mut read = load(&p).unwrap();
        assert!(read.files.loaded);
        read.files = Default::default();
        assert_eq!(read, sample());
    }
}
