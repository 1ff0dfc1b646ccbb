//! Setting one resource property: whether it may be set now (query-only, Tunable) and where
//! the checked value is kept. Shared by the generic resource rules and the per-type rules.

use super::catalog;
use super::values::prop_err;
use crate::error::Result;
use crate::fix::{Fix, Hint};
use crate::model::{DepKind, Name, ParamDecl, PropValue, Resource, Tunable};

/// Store a checked value where the resource keeps it.
pub(super) fn store(r: &mut Resource, decl: &ParamDecl, v: PropValue) {
    if decl.extension {
        r.extension.insert(decl.name.clone(), v);
        return;
    }
    for kind in DepKind::ALL {
        if decl.name == kind.property() {
            let list = match v {
                PropValue::List(l) => l.into_iter().map(Name::from).collect(),
                other => vec![Name::from(other.to_string())],
            };
            r.dependencies.set(kind, list);
            return;
        }
    }
    if decl.name == "R_description" {
        r.description = v.to_string().into();
        return;
    }
    r.properties.insert(decl.name.clone(), v);
}

/// Whether `decl` may be set now: query-only properties never; Tunable NONE never;
/// AT_CREATION only at creation; WHEN_DISABLED only while the resource is disabled.
pub(super) fn check_settable(
    subject: &str,
    decl: &ParamDecl,
    r: &Resource,
    old: Option<&Resource>,
) -> Result<()> {
    let name = decl.name.as_str();
    if catalog::is_query_only(name) {
        let switch = |monitor: bool| {
            let fix = |on: bool| Fix::SwitchResource {
                r: r.name.to_string(),
                on,
                monitor,
                nodes: Vec::new(),
            };
            Hint::from(fix(true))
                .text(" (or ")
                .fix(fix(false))
                .text(")")
        };
        let (why, hint) = match name {
            "On_off_switch" => (
                "is switched by enabling or disabling the resource, not set as a property",
                Some(switch(false)),
            ),
            "Monitored_switch" => (
                "is switched by enabling or disabling its monitor, not set as a property",
                Some(switch(true)),
            ),
            "Type" => ("is given with -t when the resource is created", None),
            "Resource_name" => ("is the name given with -j", None),
            _ => ("is maintained by the RGM and cannot be set", None),
        };
        let mut e = prop_err(subject, name, why);
        if let Some(h) = hint {
            e = e.hint(h);
        }
        return Err(e);
    }
    match (decl.tunable, old) {
        (Tunable::None, _) => Err(prop_err(
            subject,
            name,
            "cannot be set (TUNABLE=NONE in the type's registration)",
        )),
        (Tunable::AtCreation, Some(_)) => Err(prop_err(
            subject,
            name,
            "can only be set when the resource is created (TUNABLE=AT_CREATION)",
        )
        .hint(Hint::lead(
            "remove the resource and create it again with the new value: ",
            Fix::RecreateResource { r: r.name.to_string() },
        ))),
        (Tunable::WhenDisabled, Some(o)) if o.enabled => Err(prop_err(
            subject,
            name,
            format!(
                "can only be changed while the resource is disabled (TUNABLE=WHEN_DISABLED), and {} is enabled",
                r.name
            ),
        )
        .hint(
            Hint::from(Fix::DisableResource { r: r.name.to_string() })
                .text(", change it, then ")
                .fix(Fix::EnableResource { r: r.name.to_string() }),
        )),
        _ => Ok(()),
    }
}
