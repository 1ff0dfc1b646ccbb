//! `clreslogicalhostname` / `clrslh` and `clressharedaddress` / `clrssa`: create network
//! address resources (what `scrgadm -a -L` / `-a -S` did); the other verbs are clrs's, limited
//! to the command's type.

use super::clrg::RunOpts;
use super::clrs::{CreateOpts, Verbs, enable_new, exec, verb};
use super::{execute, prop_args, split, words};
use crate::cli::Ctx;
use crate::error::{Result, ScError};
use crate::service::batch::Step;
use crate::service::config::{NetKind, Request};
use std::ffi::OsString;

/// Manage logical hostname and shared address resources.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clreslogicalhostname",
    about = "Manage network address resources (logical hostnames, shared addresses)",
    subcommand_required = true,
    after_help = "The host names default to the resource name. The other subcommands are those of clresource."
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Create a network address resource (enabled unless -d)
    Create {
        /// The resource group
        #[arg(
            short = 'g',
            long = "resourcegroup",
            value_name = "resourcegroup",
            required = true
        )]
        group: String,
        /// Host names (default: the resource name)
        #[arg(short = 'h', long = "logicalhost", value_name = "lhost[,...]")]
        hosts: Vec<String>,
        /// Network interfaces per node (netif@node)
        #[arg(short = 'N', long = "netiflist", value_name = "netif@node[,...]")]
        netifs: Vec<String>,
        /// Auxiliary nodes (shared addresses only)
        #[arg(short = 'X', long = "auxnode", value_name = "node[,...]")]
        aux: Vec<String>,
        #[command(flatten)]
        create: CreateOpts,
        #[command(flatten)]
        run: RunOpts,
        /// The name of the new resource
        #[arg(value_name = "resource", required = true)]
        operands: Vec<String>,
    },
    #[command(flatten)]
    Verb(Verbs),
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

fn kind(prog: &str) -> NetKind {
    if prog == "clrssa" || prog == "clressharedaddress" {
        NetKind::Shared
    } else {
        NetKind::Logical
    }
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        let kind = kind(prog);
        match a.sub {
            Sub::Create {
                group,
                hosts,
                netifs,
                aux,
                create,
                run,
                operands,
            } => {
                let names = split(&operands);
                let [resource] = names.as_slice() else {
                    return Err(ScError::inval(
                        "create makes one network address resource: give one resource name",
                    ));
                };
                let aux = split(&aux);
                if !aux.is_empty() && kind == NetKind::Logical {
                    return Err(ScError::inval(
                        "-X (auxiliary nodes) belongs to shared addresses: use clressharedaddress (clrssa)",
                    ));
                }
                let hosts = split(&hosts);
                let hosts = if hosts.is_empty() {
                    vec![resource.clone()]
                } else {
                    hosts
                };
                let netifs = split(&netifs);
                let req = Request::CreateNetAddress {
                    kind,
                    group,
                    hosts,
                    resource: Some(resource.clone()),
                    netifs: (!netifs.is_empty()).then_some(netifs),
                    auxnodes: (!aux.is_empty()).then_some(aux),
                    props: prop_args(&create.props, &[], &[])?,
                };
                let mut steps = vec![Step::Configure(req)];
                if !create.disabled {
                    steps.push(enable_new(vec![resource.clone()]));
                }
                execute(ctx, exec(prog, run), &w, &steps)
            }
            Sub::Verb(v) => verb(ctx, prog, &w, v, Some(kind.type_name())),
        }
    })
}
