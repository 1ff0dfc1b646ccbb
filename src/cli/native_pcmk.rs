//! `scsim export` and `scsim lab`: the native verbs of the Pacemaker backend (the work is in
//! `crate::pacemaker`; this file only parses and prints).

use super::Ctx;
use crate::error::{Result, ScError};

/// `scsim export`: the cluster in another tool's format.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scsim export --cib > cib.xml && crm_verify -x cib.xml\n  \
                        scsim export --format cib"
)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// The configuration as a Pacemaker CIB (same as --format cib)
    #[arg(long, conflicts_with = "format")]
    pub cib: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Pacemaker CIB XML: groups, constraints, target roles, sc-* meta attributes
    Cib,
}

pub fn export(ctx: &mut Ctx, a: ExportArgs) -> Result<()> {
    let format = if a.cib {
        Some(ExportFormat::Cib)
    } else {
        a.format
    };
    let Some(format) = format else {
        return Err(ScError::inval("scsim export: no format given").hint("choose one: --cib"));
    };
    let state = ctx.service.snapshot()?;
    match format {
        ExportFormat::Cib => {
            let cib = crate::pacemaker::cib::export(&state);
            ctx.out.out(&cib.to_xml());
            for n in &cib.notes {
                ctx.out.note(n);
            }
        }
    }
    Ok(())
}

/// `scsim init --backend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendKind {
    /// The simulated cluster (default)
    Simulator,
    /// A Pacemaker/Corosync cluster
    Pacemaker,
}

/// The binding `scsim init` records for `--backend` and `--cib-file`.
pub fn binding(
    kind: BackendKind,
    cib_file: Option<std::path::PathBuf>,
) -> Result<Option<crate::model::Binding>> {
    match kind {
        BackendKind::Simulator if cib_file.is_some() => {
            Err(ScError::inval("--cib-file needs --backend pacemaker")
                .hint("scsim init --backend pacemaker --cib-file FILE --nodes ..."))
        }
        BackendKind::Simulator => Ok(None),
        BackendKind::Pacemaker => {
            let cib_file = match cib_file {
                Some(f) => Some(
                    std::path::absolute(&f)
                        .map_err(|e| ScError::inval(format!("--cib-file {}: {e}", f.display())))?,
                ),
                None => None,
            };
            Ok(Some(crate::model::Binding {
                kind: "pacemaker".to_string(),
                cib_file,
            }))
        }
    }
}
