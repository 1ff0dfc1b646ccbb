//! `clquorum` / `clq`: list, show and status of the quorum votes.

use crate::cli::Ctx;
use crate::error::Result;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// Show quorum devices and votes.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clquorum",
    about = "Quorum: list devices, show their configuration, show the votes",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// List quorum devices and nodes
    List {
        #[command(flatten)]
        detail: super::Detail,
    },
    /// Show the configuration of quorum devices and node votes
    Show {
        #[command(flatten)]
        detail: super::Detail,
    },
    /// Show the votes needed, present and possible
    Status {
        #[command(flatten)]
        detail: super::Detail,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        let state = ctx.service.snapshot()?;
        let mut out = String::new();
        match a.sub {
            Sub::List { .. } => {
                for d in &state.cluster.quorum_devices {
                    out.push_str(render::status::device_name(&d.name));
                    out.push('\n');
                }
                for n in &state.cluster.nodes {
                    out.push_str(&n.name);
                    out.push('\n');
                }
            }
            Sub::Show { .. } => render::show::quorum(&mut out, &state),
            Sub::Status { .. } => {
                let opts = StatusOptions {
                    sections: Sections {
                        quorum: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                if let Some(q) = &view.quorum {
                    render::status::quorum(&mut out, q);
                }
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}
