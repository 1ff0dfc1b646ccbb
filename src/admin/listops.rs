//! `name+=value` and `name-=value` (the object CLI's list edits): turned into the whole new
//! list from the current value before the change is prepared, so every other rule sees an
//! ordinary `name=value`.

use super::request::{PropArg, PropOp, Request};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, PropValue};
use crate::query::effective::{as_list, group_value, resource_value};
use crate::query::{lookup, types as catalog};
use std::borrow::Cow;

/// `req` with every `+=`/`-=` resolved against the current values.
pub(super) fn resolve<'a>(state: &ClusterState, req: &'a Request) -> Result<Cow<'a, Request>> {
    let edits = |props: &[PropArg]| props.iter().any(|p| p.op != PropOp::Set);
    match req {
        Request::ChangeResource { resource, props } if edits(props) => {
            let r = lookup::resource(state, resource)?;
            let subject = format!("resource {resource}");
            let mut out = Vec::with_capacity(props.len());
            for p in props {
                let current = match (p.op, state.type_of(r)) {
                    (PropOp::Set, _) => None,
                    (_, Some(rt)) => {
                        let base = p.name.split('{').next().unwrap_or(&p.name);
                        let decl = catalog::param(rt, base).ok_or_else(|| {
                            not_a_list(&subject, p, "is not a property of its type")
                        })?;
                        Some(resource_value(state, r, &decl))
                    }
                    (_, None) => return Err(not_a_list(&subject, p, "has no registered type")),
                };
                out.push(edited(&subject, p, current)?);
            }
            Ok(Cow::Owned(Request::ChangeResource {
                resource: resource.clone(),
                props: out,
            }))
        }
        Request::ChangeGroup {
            group,
            nodelist,
            props,
        } if edits(props) => {
            let g = lookup::group(state, group)?;
            let subject = format!("resource group {group}");
            let mut out = Vec::with_capacity(props.len());
            for p in props {
                let current = (p.op != PropOp::Set).then(|| group_value(g, &p.name));
                out.push(edited(&subject, p, current)?);
            }
            Ok(Cow::Owned(Request::ChangeGroup {
                group: group.clone(),
                nodelist: nodelist.clone(),
                props: out,
            }))
        }
        _ => Ok(Cow::Borrowed(req)),
    }
}

fn not_a_list(subject: &str, p: &PropArg, what: &str) -> ScError {
    ScError::new(
        ErrorCode::Prop,
        format!("{subject}: {}: property {} {what}", p.as_written(), p.name),
    )
}

/// The argument with its list edit applied to `current` (`None`: a plain `name=value`).
fn edited(subject: &str, p: &PropArg, current: Option<Option<PropValue>>) -> Result<PropArg> {
    let Some(current) = current else {
        return Ok(p.clone());
    };
    let list = match &current {
        Some(v @ PropValue::List(_)) => as_list(v),
        None => Vec::new(),
        Some(_) => {
            return Err(
                not_a_list(subject, p, "is not a list: += and -= edit lists")
                    .hint(format!("set it whole: -p {}={}", p.name, p.value)),
            );
        }
    };
    let entries: Vec<String> = p
        .value
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let new: Vec<String> = match p.op {
        PropOp::Add => {
            let mut l = list;
            for e in entries {
                if !l.contains(&e) {
                    l.push(e);
                }
            }
            l
        }
        PropOp::Remove => {
            if let Some(missing) = entries.iter().find(|e| !list.contains(e)) {
                return Err(not_a_list(
                    subject,
                    p,
                    &format!("does not contain {missing} (it is: {})", list.join(",")),
                ));
            }
            list.into_iter().filter(|e| !entries.contains(e)).collect()
        }
        PropOp::Set => list,
    };
    Ok(PropArg {
        value: new.join(","),
        op: PropOp::Set,
        ..p.clone()
    })
}
