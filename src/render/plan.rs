//! Text forms of the engine's work, Pacemaker `crm_simulate` style: a compact cluster status,
//! a plan (planned actions and ordered steps with reasons), a transition (what ran, what
//! failed, what the RGM did about it) and the resulting placement. Used by `scswitch -v`,
//! `--dry-run`, the fault/node commands, `scsim simulate` and the scenario corpus.

use crate::engine::exec::{Executed, StepResult, Transition};
use crate::engine::plan::{MonitorDecision, Plan, Settle, Step, StepKind};
use crate::model::{ClusterState, Name, RState, RgState};

/// Compact status of the whole cluster (or of the named groups).
pub fn status(state: &ClusterState, groups: Option<&[String]>) -> String {
    let mut out = String::new();
    write_status(state, groups, &mut |piece| out.push_str(piece));
    out
}

/// [`status`], handed to `sink` in pieces of about 64 KiB as it is made (the status of
/// 10,000 resources is half a megabyte of text).
pub fn write_status(state: &ClusterState, groups: Option<&[String]>, sink: &mut dyn FnMut(&str)) {
    let mut out = super::pieces::buffer();
    let nodes: Vec<String> = state
        .cluster
        .nodes
        .iter()
        .map(|n| {
            let mut s = format!("{} {}", n.name, if n.up { "up" } else { "down" });
            if let Some(u) = n.evacuated_until
                && u > state.clock.now_ms
            {
                s.push_str(&format!(" (evacuated until {})", crate::timefmt::syslog(u)));
            }
            s
        })
        .collect();
    out.push_str(&format!("  Nodes: {}\n", nodes.join(", ")));
    if groups.is_none() {
        for d in &state.cluster.device_groups {
            out.push_str(&format!(
                "  Device group {}: {}\n",
                d.name,
                match (&d.primary, d.maintenance) {
                    (Some(p), _) => format!("primary {p}"),
                    (None, true) => "maintenance".to_string(),
                    (None, false) => "offline".to_string(),
                }
            ));
        }
    }
    let names: Vec<&str> = match groups {
        Some(g) => g.iter().map(String::as_str).collect(),
        None => state.resource_groups.keys().map(Name::as_str).collect(),
    };
    for name in names {
        let Some(g) = state.resource_groups.get(name) else {
            continue;
        };
        out.push_str(&group_line(state, name));
        for rn in &g.resources {
            let Some(r) = state.resources.get(rn) else {
                continue;
            };
            let mut places: Vec<String> = Vec::new();
            for (n, s) in &r.state {
                if s.state == RState::Offline {
                    continue;
                }
                let mut p = format!("{} on {n}", s.state.as_str());
                if s.status.as_str() != s.state.as_str() || !s.message.is_empty() {
                    p.push_str(&format!(" ({}", s.status.as_str()));
                    if !s.message.is_empty() {
                        p.push_str(&format!(" - {}", s.message));
                    }
                    p.push(')');
                }
                places.push(p);
            }
            let mut line = if places.is_empty() {
                "Offline".to_string()
            } else {
                places.join(", ")
            };
            if !r.enabled {
                line.push_str(" [disabled]");
            }
            if !r.monitored {
                line.push_str(" [unmonitored]");
            }
            out.push_str(&format!("    {:<12} {line}\n", r.name));
        }
        super::pieces::spill(&mut out, sink);
    }
    sink(&out);
}

fn group_line(state: &ClusterState, name: &str) -> String {
    let g = &state.resource_groups[name];
    let mut flags = Vec::new();
    if !g.managed {
        flags.push("unmanaged");
    }
    if g.suspend_automatic_recovery {
        flags.push("recovery suspended");
    }
    if g.stranded {
        flags.push("waiting for a node");
    }
    let where_: Vec<String> = g
        .nodelist
        .iter()
        .map(|n| format!("{n} {}", g.state_on(n).as_str()))
        .collect();
    format!(
        "  {}: {}{}\n",
        name,
        where_.join(", "),
        if flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", flags.join(", "))
        }
    )
}

/// Where the named groups run now, one line each.
pub fn placement(state: &ClusterState, groups: &[String]) -> String {
    let mut out = String::new();
    for g in groups {
        let Some(rg) = state.resource_groups.get(g) else {
            continue;
        };
        let on: Vec<String> = rg
            .nodelist
            .iter()
            .filter(|n| rg.state_on(n) != RgState::Offline)
            .map(|n| format!("{} on {n}", rg.state_on(n).as_str()))
            .collect();
        let text = if !rg.managed {
            "Unmanaged".to_string()
        } else if on.is_empty() {
            "Offline".to_string()
        } else {
            on.join(", ")
        };
        out.push_str(&format!("  {g}: {text}\n"));
    }
    out
}

/// One step as a short line: node, what, object.
pub fn step_text(kind: &StepKind) -> String {
    let col = |node: &str, what: &str, obj: &str| format!("{node:<10} {what:<17} {obj}");
    match kind {
        StepKind::Method {
            resource,
            node,
            method,
            ..
        } => col(node, method.rtr_name(), resource),
        StepKind::Mark {
            resource,
            node,
            online,
            ..
        } => col(
            node,
            if *online { "(online)" } else { "(offline)" },
            resource,
        ),
        StepKind::RgPending { rg, node, state } => col(node, state.as_str(), rg),
        StepKind::RgSettle { rg, node, mode } => col(
            node,
            match mode {
                Settle::Online => "settle online",
                Settle::Offline => "settle offline",
                Settle::Infer => "settle",
            },
            rg,
        ),
        StepKind::SetManaged { rg, managed } => {
            col("", if *managed { "manage" } else { "unmanage" }, rg)
        }
        StepKind::SetEnabled { resource, enabled } => {
            col("", if *enabled { "enable" } else { "disable" }, resource)
        }
        StepKind::SetNodeSwitch {
            resource,
            node,
            monitor,
            on,
        } => col(
            node,
            match (*monitor, *on) {
                (false, true) => "enable",
                (false, false) => "disable",
                (true, true) => "monitor on",
                (true, false) => "monitor off",
            },
            resource,
        ),
        StepKind::SetMonitored {
            resource,
            monitored,
        } => col(
            "",
            if *monitored {
                "monitor on"
            } else {
                "monitor off"
            },
            resource,
        ),
        StepKind::SetSuspended { rg, suspended } => col(
            "",
            if *suspended {
                "suspend recovery"
            } else {
                "resume recovery"
            },
            rg,
        ),
        StepKind::SetStranded { rg, stranded } => col(
            "",
            if *stranded {
                "wait for node"
            } else {
                "placed again"
            },
            rg,
        ),
        StepKind::ClearStopFailed { resource, node } => col(node, "clear STOP_FAILED", resource),
        StepKind::SetEvacuation { node, until } => col(
            node,
            "evacuate",
            &until
                .map(|u| format!("until {}", crate::timefmt::syslog(u)))
                .unwrap_or_default(),
        ),
        StepKind::DeviceGroup {
            dg,
            primary,
            maintenance,
        } => match (primary, maintenance) {
            (Some(p), _) => col(p, "device primary", dg),
            (None, true) => col("", "device maint.", dg),
            (None, false) => col("", "device offline", dg),
        },
        StepKind::NodeCrash { node } => col(node, "node crash", ""),
        StepKind::NodeHalt { node } => col(node, "node halt", ""),
        StepKind::NodeJoin { node } => col(node, "node join", ""),
        StepKind::MonitorReport {
            resource,
            node,
            decision,
            ..
        } => col(
            node,
            match decision {
                MonitorDecision::Restart { .. } => "fault: restart",
                MonitorDecision::Giveover => "fault: giveover",
                MonitorDecision::LogOnly => "fault: log only",
            },
            resource,
        ),
        StepKind::PmfRestart { resource, node, .. } => col(node, "pmf restart", resource),
        StepKind::Control {
            op, resource, node, ..
        } => col(node, "scha_control", &format!("{} {resource}", op.optag())),
    }
    .trim_end()
    .to_string()
}

/// Planned actions, Pacemaker's "Transition Summary".
fn actions(plan: &Plan, out: &mut String) {
    for a in &plan.actions {
        let detail = if a.detail.is_empty() {
            String::new()
        } else {
            format!(" ( {} )", a.detail)
        };
        out.push_str(&format!("  * {:<9} {}{detail}\n", a.verb, a.object));
    }
}

/// A plan: actions, numbered steps grouped under their reasons, notes, target placement.
pub fn plan(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str(&format!("Plan: {}\n", plan.intent));
    if plan.actions.is_empty() {
        out.push_str("  (nothing to do)\n");
    } else {
        actions(plan, &mut out);
    }
    if !plan.steps.is_empty() {
        out.push_str("Steps:\n");
        let mut reason = "";
        for (i, s) in plan.steps.iter().enumerate() {
            if *s.reason != *reason {
                reason = &s.reason;
                out.push_str(&format!("  {reason}:\n"));
            }
            out.push_str(&format!("  {:>4}  {}\n", i + 1, step_text(&s.kind)));
        }
    }
    notes(&plan.notes, &mut out);
    out
}

fn notes(notes: &[String], out: &mut String) {
    if !notes.is_empty() {
        out.push_str("Notes:\n");
        for n in notes {
            out.push_str(&format!("  - {n}\n"));
        }
    }
}

/// Methods whose outcome sets the resource state.
fn changes_state(m: crate::model::Method) -> bool {
    use crate::model::Method as M;
    matches!(
        m,
        M::PrenetStart | M::Start | M::Stop | M::PostnetStop | M::MonitorStart | M::MonitorStop
    )
}

fn executed_line(e: &Executed, step: &Step) -> String {
    let result = match e.result {
        StepResult::Done => match &step.kind {
            StepKind::Method { method, .. } if changes_state(*method) => {
                format!("ok -> {}", e.detail())
            }
            StepKind::Method { .. } => "ok".to_string(),
            _ if !e.detail().is_empty() => format!("-> {}", e.detail()),
            _ => String::new(),
        },
        StepResult::Failed { exit } => match &step.kind {
            StepKind::Method { method, .. } if !changes_state(*method) => {
                format!("FAILED (exit {exit})")
            }
            _ => format!("FAILED (exit {exit}) -> {}", e.detail()),
        },
        StepResult::TimedOut => match &step.kind {
            StepKind::Method { method, .. } if !changes_state(*method) => "TIMED OUT".to_string(),
            _ => format!("TIMED OUT -> {}", e.detail()),
        },
    };
    // Built in place (a node failure at scale prints thousands of these lines).
    let mut line = step_text(&step.kind);
    line.push_str("  ");
    line.push_str(&result);
    line.truncate(line.trim_end().len());
    line
}

/// What ran: planned actions (and recovery plans), executed steps with results, failures with
/// the RGM's reaction, notes.
pub fn transition(tr: &Transition) -> String {
    let mut out = String::new();
    write_transition(tr, &mut |piece| out.push_str(piece));
    out
}

/// [`transition`], handed to `sink` in pieces of about 64 KiB as it is made: the executed
/// steps of a node failure at scale (tens of thousands of lines) are never held whole.
pub fn write_transition(tr: &Transition, sink: &mut dyn FnMut(&str)) {
    let mut out = super::pieces::buffer();
    out.push_str("Transition summary:\n");
    if tr.plan.actions.is_empty() && tr.replans.is_empty() {
        out.push_str("  (nothing to do)\n");
    }
    actions(&tr.plan, &mut out);
    for p in tr.replans.iter().filter(|p| !p.actions.is_empty()) {
        out.push_str(&format!("  then, {}:\n", p.intent));
        let mut sub = String::new();
        actions(p, &mut sub);
        for l in sub.lines() {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if !tr.executed.is_empty() {
        out.push_str("Executed:\n");
        let mut fi = 0;
        for (e, step) in tr.executed() {
            out.push_str("  ");
            out.push_str(&executed_line(&e, step));
            out.push('\n');
            if !matches!(e.result, StepResult::Done)
                && let Some(f) = tr.failures.get(fi)
            {
                out.push_str(&format!("      => {}\n", f.recovery));
                fi += 1;
            }
            super::pieces::spill(&mut out, sink);
        }
    }
    notes(&tr.notes, &mut out);
    sink(&out);
}

/// The dry-run form: the plan as it would run, then the simulated result on a copy.
pub fn dry_run(tr: &Transition, after: &ClusterState) -> String {
    let mut out = String::from("Dry run: nothing was changed.\n");
    out.push_str(&plan(&tr.plan));
    if !tr.failures.is_empty() || !tr.replans.is_empty() {
        out.push_str("With the injected faults, the run would go:\n");
        out.push_str(&transition(tr));
    }
    let groups = tr.groups(after);
    if !groups.is_empty() {
        out.push_str("Resulting placement:\n");
        out.push_str(&placement(after, &groups));
    }
    out
}
