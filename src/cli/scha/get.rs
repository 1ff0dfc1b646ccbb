//! The four query commands: scha_resource_get, scha_resourcegroup_get, scha_resourcetype_get
//! and scha_cluster_get. One read of the state, no lock, nothing written.

use super::{Spec, Want, Words, parse, tag_list};
use crate::cli::Ctx;
use crate::error::Result;
use crate::model::ClusterState;
use crate::query::scha::{self, Answer};
use crate::query::{lookup, types};
use std::ffi::OsString;

pub(super) fn resource_spec() -> Spec {
    let mut tags: Vec<&str> = scha::RESOURCE_TAGS.to_vec();
    tags.extend(scha::TYPE_TAGS);
    Spec {
        name: "scha_resource_get",
        about: "Print a property, the state or the status of a resource (scha_resource_get(1HA))",
        usage: "scha_resource_get [-Q] -O optag -R resource [-G group] [-Z zonename] [args]",
        optag: Want::Required,
        group: Want::Optional,
        resource: Want::Required,
        rtype: Want::No,
        quiet: true,
        status: false,
        zone: true,
        operands: true,
        after_help: format!(
            "RESOURCE_STATE and STATUS answer for the node the command runs on (SCSIM_NODE or\n\
             scsim on NODE); their _NODE forms take a node operand. The properties of the\n\
             resource's type are accepted too.\n\n\
             Examples:\n  \
             scha_resource_get -O RESOURCE_STATE -R mail-rs -G MAIL-RG\n  \
             scha_resource_get -O status -R mail-rs\n  \
             scha_resource_get -O EXTENSION -R disk-rs FilesystemMountPoints\n  \
             scha_resource_get -O RESOURCE_STATE_NODE -R mail-rs mail-2\n\n\
             Optags:\n{}",
            tag_list(&tags)
        ),
    }
}

pub(super) fn group_spec() -> Spec {
    Spec {
        name: "scha_resourcegroup_get",
        about: "Print a property or the state of a resource group (scha_resourcegroup_get(1HA))",
        usage: "scha_resourcegroup_get -O optag -G group [-Z zonename] [args]",
        optag: Want::Required,
        group: Want::Required,
        resource: Want::No,
        rtype: Want::No,
        quiet: false,
        status: false,
        zone: true,
        operands: true,
        after_help: format!(
            "RG_STATE answers for the node the command runs on (SCSIM_NODE or scsim on NODE);\n\
             RG_STATE_NODE takes a node operand.\n\n\
             Examples:\n  \
             scha_resourcegroup_get -O RG_STATE -G MAIL-RG\n  \
             scha_resourcegroup_get -O rg_state_node -G MAIL-RG mail-2\n  \
             scha_resourcegroup_get -O RESOURCE_LIST -G MAIL-RG\n\n\
             Optags:\n{}",
            tag_list(scha::GROUP_TAGS)
        ),
    }
}

pub(super) fn type_spec() -> Spec {
    Spec {
        name: "scha_resourcetype_get",
        about: "Print a property of a resource type (scha_resourcetype_get(1HA))",
        usage: "scha_resourcetype_get -O optag -T type [-Z zonename]",
        optag: Want::Required,
        group: Want::No,
        resource: Want::No,
        rtype: Want::Required,
        quiet: false,
        status: false,
        zone: true,
        operands: true,
        after_help: format!(
            "The type may be named without its vendor prefix or version when that is unambiguous.\n\n\
             Examples:\n  \
             scha_resourcetype_get -O RT_VERSION -T SUNW.HAStoragePlus\n  \
             scha_resourcetype_get -O RESOURCE_LIST -T SUNW.ims\n\n\
             Optags:\n{}",
            tag_list(scha::TYPE_TAGS)
        ),
    }
}

pub(super) fn cluster_spec() -> Spec {
    Spec {
        name: "scha_cluster_get",
        about: "Print a property of the cluster or of its nodes (scha_cluster_get(1HA))",
        usage: "scha_cluster_get -O optag [-Z zonename] [args]",
        optag: Want::Required,
        group: Want::No,
        resource: Want::No,
        rtype: Want::No,
        quiet: false,
        status: false,
        zone: true,
        operands: true,
        after_help: format!(
            "The _LOCAL optags answer for the node the command runs on (SCSIM_NODE or\n\
             scsim on NODE, else the member with the lowest node id).\n\n\
             Examples:\n  \
             scha_cluster_get -O NODENAME_LOCAL\n  \
             scha_cluster_get -O NODESTATE_NODE mail-2\n  \
             scha_cluster_get -O ALL_RESOURCEGROUPS\n\n\
             Optags:\n{}",
            tag_list(scha::CLUSTER_TAGS)
        ),
    }
}

pub fn resource_command() -> clap::Command {
    super::build(&resource_spec())
}
pub fn group_command() -> clap::Command {
    super::build(&group_spec())
}
pub fn type_command() -> clap::Command {
    super::build(&type_spec())
}
pub fn cluster_command() -> clap::Command {
    super::build(&cluster_spec())
}

/// Parse, read the state once, answer, print.
fn answer(
    ctx: &mut Ctx,
    spec: &Spec,
    args: Vec<OsString>,
    f: impl FnOnce(&ClusterState, &Words, &str) -> Result<Answer>,
) -> Result<()> {
    let Some(w) = parse(ctx, spec, args)? else {
        return Ok(());
    };
    let state = ctx.service.snapshot()?;
    scha::zone(&state, w.zone.as_deref())?;
    let local = ctx.local_node(&state)?;
    let a = f(&state, &w, &local)?;
    ctx.out.out(&crate::render::scha::results(&a));
    Ok(())
}

pub fn run_resource(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    answer(ctx, &resource_spec(), args, |state, w, local| {
        let name = w.resource.as_deref().unwrap_or_default();
        let r = scha::resource_in(state, name, w.group.as_deref())?;
        scha::resource(state, r, &w.optag, &w.operands, local)
    })
}

pub fn run_group(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    answer(ctx, &group_spec(), args, |state, w, local| {
        let g = lookup::group(state, w.group.as_deref().unwrap_or_default())?;
        scha::group(state, g, &w.optag, &w.operands, local)
    })
}

pub fn run_type(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    answer(ctx, &type_spec(), args, |state, w, _| {
        let rt = types::registered_type(state, w.rtype.as_deref().unwrap_or_default())?;
        scha::rtype(state, rt, &w.optag, &w.operands)
    })
}

pub fn run_cluster(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    answer(ctx, &cluster_spec(), args, |state, w, local| {
        scha::cluster(state, &w.optag, &w.operands, local)
    })
}
