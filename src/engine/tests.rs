//! Engine unit tests: planner and executor on start states built in code.

use super::testkit::*;
use super::*;
use crate::render::plan as rp;

const NOW: u64 = 1_795_510_800_000; // 2026-11-24T09:00:00Z

fn show(s: &crate::model::ClusterState, tr: &Transition) -> String {
    format!("{}{}", rp::transition(tr), rp::status(s, None))
}

#[test]
fn scratch_switchover() {
    let mut s = seed(NOW);
    let tr = run(
        &mut s,
        &Intent::Switch {
            rgs: vec!["MAIL-RG".into()],
            nodes: vec!["mail-2".into()],
        },
        &mut SimBackend,
    )
    .unwrap();
    println!("{}", rp::plan(&tr.plan));
    println!("{}", show(&s, &tr));
    println!("{}", crate::render::log::text(s.events.entries.iter()));
}
