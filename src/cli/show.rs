//! `scsim show`: the simulator's detail view — node ids, votes and adapters, device-group node
//! lists, resource-group and resource settings, group relationships, resource dependencies.
//! Real scstat has none of these sections, so `scstat -v`/`-vv` do not print them (snapshot
//! collectors record scstat output as real); this command does.

use super::Ctx;
use crate::error::Result;
use crate::query::lookup;
use crate::render::status::{self, Sections, StatusOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scsim show\n  scsim show -g MAIL-RG\n  scsim show --json")]
pub struct ShowArgs {
    /// Only this resource group (its settings, relationships and resource dependencies)
    #[arg(short = 'g', long = "group", value_name = "RG")]
    pub group: Option<String>,
    /// The whole status view as JSON (the object `scstat --json` prints)
    #[arg(long)]
    pub json: bool,
}

pub fn show(ctx: &mut Ctx, a: ShowArgs) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let sections = match &a.group {
        Some(g) => {
            lookup::group(&state, g)?;
            Sections {
                resource_groups: true,
                ..Sections::default()
            }
        }
        None => Sections::all(),
    };
    let opts = StatusOptions {
        sections,
        node: None,
    };
    let mut view = status::collect(&state, &opts);
    if let (Some(g), Some(groups)) = (&a.group, view.resource_groups.as_mut()) {
        groups.retain(|x| x.name == g.as_str());
    }
    let text = if a.json {
        status::render_json(&view)
    } else {
        status::render_details(&view)
    };
    ctx.out.out(&text);
    Ok(())
}
