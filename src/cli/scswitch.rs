//! `scswitch`: placeholder until its module lands.

use super::Ctx;
use crate::error::{Result, ScError};
use std::ffi::OsString;

/// scswitch command line.
#[derive(Debug, clap::Parser)]
#[command(name = "scswitch", disable_help_flag = true)]
pub struct Args {
    #[arg(short = '?', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let Some(_a) = super::parse_with::<Args>("scswitch", args, ctx.out)? else {
        return Ok(());
    };
    Err(ScError::internal("scswitch is not available in this build"))
}
