//! Workflow commands around the state file: `scsim export`, `undo`, `history`, `diff`,
//! `graph`. They read through the service and render here.

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::export::{self, Format, Release};
use crate::service::{Mode, Service};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
scsim export > mail-cluster.sh          # the commands that recreate the cluster\n  \
scsim export --release 3.1              # a 3.2 cluster as scrgadm/scswitch lines\n  \
scsim export --cib > cib.xml && crm_verify -x cib.xml   # a Pacemaker CIB\n\n\
The commands are those of the cluster's release: scrgadm and scswitch on 3.1, the object CLI\n\
(clrt, clrg, clrs, clrslh, clrssa) on 3.2 and 4.4. Replay on a fresh cluster (the script's\n\
second line gives its `scsim init`) with `sh FILE`, after `scsim install-links DIR` with DIR\n\
on PATH.")]
pub struct ExportArgs {
    /// What to write
    #[arg(long, value_enum, default_value = "commands")]
    pub format: Format,
    /// The configuration as a Pacemaker CIB (same as --format cib)
    #[arg(long)]
    pub cib: bool,
    /// The release whose commands to write: 3.1 scrgadm/scswitch, 3.2 and 4.4 the object CLI
    /// (default: the cluster's release)
    #[arg(long, value_enum)]
    pub release: Option<Release>,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scsim undo            # step back over the last change\n  \
scsim undo 3 --dry-run\n  scsim history         # what can be undone\n\n\
An undo is itself a change: `scsim undo` twice returns to where you started."
)]
pub struct UndoArgs {
    /// How many changes to step back over
    #[arg(default_value_t = 1, value_name = "N")]
    pub steps: usize,
    /// Print what would be undone; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  scsim history --json")]
pub struct HistoryArgs {
    /// Print JSON (format_version, generations) instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
scsim diff before.json \"$SCSIM_STATE\"\n  \
scsim diff \"$SCSIM_STATE\".history/000000000004.json \"$SCSIM_STATE\"\n\n\
Exit status: 0 the same, 1 different, 3 or 18 when a file cannot be read (as diff(1): 0, 1, >1).")]
pub struct DiffArgs {
    /// The first state file
    #[arg(value_name = "A")]
    pub a: PathBuf,
    /// The second state file
    #[arg(value_name = "B")]
    pub b: PathBuf,
}

/// `scsim graph` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz dot text
    Dot,
    /// SVG drawn by Graphviz `dot` (must be installed)
    Svg,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scsim graph | dot -Tpng > cluster.png\n  \
scsim graph --format svg > cluster.svg\n\n\
Edges: resource dependencies solid (strong), dashed (weak), bold (restart), dotted\n\
(offline-restart); group dependencies blue; affinities green (positive) or red (negative);\n\
grey dotted lines join a group to the nodes it is online on.")]
pub struct GraphArgs {
    /// dot or svg
    #[arg(long, value_enum, default_value = "dot")]
    pub format: GraphFormat,
}

pub fn export(ctx: &mut Ctx, a: ExportArgs) -> Result<()> {
    if a.cib || a.format == Format::Cib {
        return super::native_pcmk::export_cib(ctx);
    }
    let state = ctx.service.snapshot()?;
    let release = a.release.unwrap_or_else(|| export::release_of(&state));
    let text = export::export(
        &state,
        export::Options {
            format: a.format,
            release,
        },
    )?;
    ctx.out.out(&text);
    Ok(())
}

pub fn undo(ctx: &mut Ctx, a: UndoArgs) -> Result<()> {
    let cmd = format!("scsim undo {}", a.steps);
    let (state, undone) = ctx
        .service
        .undo(a.steps, &cmd, Mode::dry_run_if(a.dry_run))?;
    let lead = if a.dry_run { "Would undo" } else { "Undid" };
    for g in &undone {
        ctx.out.outln(&format!("{lead}: {}", g.command));
    }
    ctx.out.outln(&format!(
        "{} generation {}{}",
        if a.dry_run {
            "Would restore"
        } else {
            "Restored"
        },
        undone.last().map_or(state.generation, |g| g.generation),
        if a.dry_run {
            ". Nothing was changed."
        } else {
            "."
        }
    ));
    Ok(())
}

pub fn history(ctx: &mut Ctx, a: HistoryArgs) -> Result<()> {
    // A state file damaged by a crash still lists what `scsim undo` can bring back; the
    // command then fails with the damage and the way back.
    let (current, damage) = match ctx.service.snapshot() {
        Ok(s) => (Some(s.generation), None),
        Err(e) if ctx.service.state_damaged() => (None, Some(e)),
        Err(e) => return Err(e),
    };
    let kept = ctx.service.history();
    if a.json {
        let gens: Vec<serde_json::Value> = kept
            .iter()
            .enumerate()
            .map(|(i, g)| {
                serde_json::json!({"undo": i + 1, "generation": g.generation, "command": g.command})
            })
            .collect();
        let v = serde_json::json!({
            "format_version": crate::render::FORMAT_VERSION,
            "generation": current,
            "history": gens,
        });
        ctx.out.outln(&v.to_string());
    } else {
        ctx.out.outln(&match current {
            Some(g) => format!("current generation {g}"),
            None => "current generation damaged (the state file does not parse)".to_string(),
        });
        if kept.is_empty() {
            ctx.out.outln("no earlier generation is kept");
        }
        for (i, g) in kept.iter().enumerate() {
            ctx.out.outln(&format!(
                "undo {:<3} -> generation {:<5} undoes: {}",
                i + 1,
                g.generation,
                g.command
            ));
        }
    }
    damage.map_or(Ok(()), Err)
}

fn load(path: &Path, ctx: &Ctx) -> Result<crate::model::ClusterState> {
    Service::simulator(path.to_path_buf(), ctx.env.lock_timeout()).snapshot()
}

/// `scsim diff A B`: exit 0 when the same, 1 (as an error carrying no message) when different.
pub fn diff(ctx: &mut Ctx, a: DiffArgs) -> Result<()> {
    let sa = load(&a.a, ctx)?;
    let sb = load(&a.b, ctx)?;
    let lines = crate::query::diff::diff(&sa, &sb);
    for l in &lines {
        ctx.out.outln(l);
    }
    if lines.is_empty() {
        Ok(())
    } else {
        Err(different())
    }
}

pub fn graph(ctx: &mut Ctx, a: GraphArgs) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let dot = crate::render::graph::dot(&state);
    match a.format {
        GraphFormat::Dot => ctx.out.out(&dot),
        GraphFormat::Svg => ctx.out.out(&svg(&dot)?),
    }
    Ok(())
}

/// Run Graphviz `dot -Tsvg` on the text.
fn svg(dot: &str) -> Result<String> {
    use std::io::Write;
    let missing = |e: std::io::Error| {
        ScError::inval(format!("graph --format svg needs Graphviz's dot program: {e}"))
            .hint("install Graphviz (apt-get install graphviz), or use the default --format dot and draw it elsewhere")
    };
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(missing)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes()).map_err(missing)?;
    }
    let out = child.wait_with_output().map_err(missing)?;
    if !out.status.success() {
        return Err(ScError::internal(format!(
            "dot -Tsvg failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `scsim diff`'s exit 1 (diff(1): the files differ). SCHA_ERR_NOMEM has the number 1; the
/// error has no message, so nothing is printed on stderr.
pub fn different() -> ScError {
    ScError::new(ErrorCode::NoMem, String::new())
}
