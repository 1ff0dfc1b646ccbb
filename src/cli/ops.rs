//! The simulator's own verbs: `scsim log`, `node`, `fault`, `time`, `simulate`.
//! Placeholder until the engine lands.

use super::Ctx;
use crate::error::{Result, ScError};

#[derive(Debug, clap::Args)]
pub struct LogArgs {}
#[derive(Debug, clap::Args)]
pub struct NodeArgs {}
#[derive(Debug, clap::Args)]
pub struct FaultArgs {}
#[derive(Debug, clap::Args)]
pub struct TimeArgs {}
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {}

fn unavailable(what: &str) -> Result<()> {
    Err(ScError::internal(format!(
        "scsim {what} is not available in this build"
    )))
}
pub fn log(_ctx: &mut Ctx, _a: LogArgs) -> Result<()> {
    unavailable("log")
}
pub fn node(_ctx: &mut Ctx, _a: NodeArgs) -> Result<()> {
    unavailable("node")
}
pub fn fault(_ctx: &mut Ctx, _a: FaultArgs) -> Result<()> {
    unavailable("fault")
}
pub fn time(_ctx: &mut Ctx, _a: TimeArgs) -> Result<()> {
    unavailable("time")
}
pub fn simulate(_ctx: &mut Ctx, _a: SimulateArgs) -> Result<()> {
    unavailable("simulate")
}
