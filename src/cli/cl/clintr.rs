//! `clinterconnect` / `clintr`: status and configuration of the private interconnect.

use crate::cli::Ctx;
use crate::error::Result;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// Show the cluster transport paths.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clinterconnect",
    about = "Private interconnect: transport path status, cables and adapters",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Show the transport cables and adapters
    Show {
        #[command(flatten)]
        detail: super::Detail,
    },
    /// Show whether the transport paths are online
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
            Sub::Show { .. } => render::show::interconnect(&mut out, &state),
            Sub::Status { .. } => {
                let opts = StatusOptions {
                    sections: Sections {
                        transport: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                render::status::transport(&mut out, view.transport_paths.as_deref().unwrap_or(&[]));
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}
