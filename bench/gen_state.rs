//! Benchmark state generator: writes a scsim state file holding N resources in groups of 5 on a
//! cluster of K nodes, every group already Online on its preferred node (the first node of its
//! Nodelist, round-robin over the cluster) with its resources Online there — the settled
//! cluster the harness in `bench/run.sh` times commands against.
//!
//! It is built from the library's own model types and written with `store::encode`, so it
//! always matches the state-file format of the scsim it is compiled with.
//!
//! ```text
//! cargo run --release --example bench-gen-state -- --resources 1000 --nodes 2 --out s.json \
//!     [--base base.json]
//! ```
//!
//! `--base`: start from this state (e.g. `scsim init` plus `scrgadm -a -t SCSIM.bench -f
//! bench/SCSIM.bench.rtr`) and use the `bench` resource type registered there; without it the
//! cluster is made as `scsim init --nodes node-1,…` makes it and the type is added directly.
//! Resource `rs-R` (1-based) belongs to group `rg-G` with G = (R-1)/5+1 and has a strong
//! dependency on the resource before it in its group, as a Pacemaker group orders its members.

use scsim::admin::init::{InitOptions, new_cluster};
use scsim::model::{
    ClusterState, DepKind, InitNodes, Method, Name, RState, RStatus, Resource, ResourceGroup,
    ResourceNodeState, ResourceType, RgState,
};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Resources per group.
const GROUP_SIZE: usize = 5;

struct Opts {
    resources: usize,
    nodes: usize,
    out: PathBuf,
    base: Option<PathBuf>,
}

fn usage() -> String {
    "usage: bench-gen-state --resources N --nodes K --out FILE [--base STATE]".to_string()
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut resources = None;
    let mut nodes = None;
    let mut out = None;
    let mut base = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{}", usage()))
        };
        match a.as_str() {
            "--resources" => {
                resources = Some(val()?.parse().map_err(|e| format!("--resources: {e}"))?)
            }
            "--nodes" => nodes = Some(val()?.parse().map_err(|e| format!("--nodes: {e}"))?),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--base" => base = Some(PathBuf::from(val()?)),
            _ => return Err(format!("unknown argument {a}\n{}", usage())),
        }
    }
    let nodes: usize = nodes.ok_or_else(usage)?;
    if nodes == 0 {
        return Err("--nodes must be at least 1".into());
    }
    Ok(Opts {
        resources: resources.ok_or_else(usage)?,
        nodes,
        out: out.ok_or_else(usage)?,
        base,
    })
}

/// The `SCSIM.bench` type as `bench/SCSIM.bench.rtr` declares it, for when no base state
/// with the registered type is given.
fn bench_type() -> ResourceType {
    let mut methods = BTreeMap::new();
    for (m, path) in [
        (Method::Start, "bench_start"),
        (Method::Stop, "bench_stop"),
        (Method::Validate, "bench_validate"),
        (Method::Update, "bench_update"),
        (Method::MonitorStart, "bench_monitor_start"),
        (Method::MonitorStop, "bench_monitor_stop"),
        (Method::MonitorCheck, "bench_monitor_check"),
    ] {
        methods.insert(m, path.to_string());
    }
    ResourceType {
        name: "SCSIM.bench".into(),
        vendor_id: Some("SCSIM".into()),
        resource_type: "bench".into(),
        rt_version: "1.0".into(),
        rt_description: "Benchmark dummy service".into(),
        api_version: 2,
        failover: true,
        single_instance: false,
        init_nodes: InitNodes::RgPrimaries,
        rt_basedir: "/opt/SCSIMbench/bin".into(),
        pkglist: Vec::new(),
        rt_system: false,
        installed_nodes: None,
        methods,
        upgrade: false,
        upgrade_from: Vec::new(),
        params: Vec::new(),
        is_logical_hostname: false,
        is_shared_address: false,
        proxy: false,
        global_zone: false,
        source: "bench/SCSIM.bench.rtr".into(),
    }
}

fn generate(o: &Opts) -> Result<ClusterState, String> {
    let mut state = match &o.base {
        Some(p) => scsim::store::load(p).map_err(|e| format!("{}: {}", p.display(), e.message))?,
        None => {
            let opts = InitOptions {
                nodes: (1..=o.nodes).map(|i| format!("node-{i}")).collect(),
                cluster_name: Some("bench".into()),
                ..Default::default()
            };
            new_cluster(&opts, 1_795_000_000_000).map_err(|e| e.message)?
        }
    };
    let nodes = state.cluster.node_names();
    if nodes.len() != o.nodes {
        return Err(format!(
            "the base state has {} nodes, --nodes says {}",
            nodes.len(),
            o.nodes
        ));
    }
    let rtype = match state
        .resource_types
        .values()
        .find(|t| t.resource_type == "bench")
    {
        Some(t) => Name::from(t.name.as_str()),
        None => {
            let t = bench_type();
            let name = Name::from(t.name.as_str());
            state.resource_types.insert(t.name.clone(), t);
            name
        }
    };
    let groups = o.resources.div_ceil(GROUP_SIZE);
    state.resource_groups.reserve(groups);
    state.resources.reserve(o.resources);
    for g in 1..=groups {
        let name = Name::from(format!("rg-{g}"));
        // Preferred node round-robin; the rest of the cluster follows in id order.
        let first = (g - 1) % nodes.len();
        let nodelist: Vec<Name> = (0..nodes.len())
            .map(|i| Name::from(nodes[(first + i) % nodes.len()].as_str()))
            .collect();
        let primary = nodelist[0].clone();
        let mut rg = ResourceGroup::new(&name, nodelist.clone());
        rg.managed = true;
        for n in &nodelist {
            let st = if *n == primary {
                RgState::Online
            } else {
                RgState::Offline
            };
            rg.state.insert(n, st);
        }
        let lo = (g - 1) * GROUP_SIZE + 1;
        let hi = (g * GROUP_SIZE).min(o.resources);
        for r in lo..=hi {
            let rname = Name::from(format!("rs-{r}"));
            let mut res = Resource {
                name: rname.clone(),
                rtype: rtype.clone().into(),
                group: name.clone(),
                enabled: true,
                monitored: true,
                description: Default::default(),
                dependencies: Default::default(),
                properties: Default::default(),
                extension: Default::default(),
                state: Default::default(),
                extras: Default::default(),
            };
            if r > lo {
                res.dependencies
                    .set(DepKind::Strong, vec![Name::from(format!("rs-{}", r - 1))]);
            }
            for n in &nodelist {
                let on = *n == primary;
                res.state.insert(
                    n,
                    ResourceNodeState {
                        state: if on { RState::Online } else { RState::Offline },
                        status: if on {
                            RStatus::Online
                        } else {
                            RStatus::Offline
                        },
                        message: Default::default(),
                    },
                );
            }
            rg.resources.push(rname.clone());
            state.resources.insert(rname, res);
        }
        state.resource_groups.insert(name, rg);
    }
    Ok(state)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let run = || -> Result<(), String> {
        let o = parse(&args)?;
        let state = generate(&o)?;
        let mut bytes = scsim::store::encode(&state).map_err(|e| e.message)?;
        // A version-1 base (made by an older scsim's `init`): write version 1, so that the
        // older scsim can be timed on the generated state too.
        let base_version = o
            .base
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v["schema_version"].as_u64());
        if base_version == Some(1) {
            let mut v: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
            if let Some(obj) = v.as_object_mut() {
                obj.remove("log");
                obj.insert("schema_version".into(), 1.into());
                obj.insert(
                    "events".into(),
                    serde_json::json!({"capacity": 2000, "next_seq": 1, "entries": []}),
                );
            }
            bytes = serde_json::to_vec(&v).map_err(|e| e.to_string())?;
            bytes.push(b'\n');
        }
        std::fs::write(&o.out, bytes).map_err(|e| format!("{}: {e}", o.out.display()))
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A developer tool outside the crate's printer: its one error line goes to stderr.
            let mut err = std::io::stderr();
            let _ =
                std::io::Write::write_all(&mut err, format!("bench-gen-state: {e}\n").as_bytes());
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(resources: usize, nodes: usize) -> Opts {
        Opts {
            resources,
            nodes,
            out: PathBuf::new(),
            base: None,
        }
    }

    #[test]
    fn groups_of_five_online_on_their_preferred_node() {
        let s = generate(&opts(23, 2)).unwrap();
        assert_eq!(s.resource_groups.len(), 5);
        assert_eq!(s.resources.len(), 23);
        let g2 = &s.resource_groups["rg-2"];
        assert_eq!(g2.nodelist, ["node-2", "node-1"]);
        assert_eq!(g2.state_on("node-2"), RgState::Online);
        assert_eq!(g2.state_on("node-1"), RgState::Offline);
        assert_eq!(
            s.resource_groups["rg-5"].resources,
            ["rs-21", "rs-22", "rs-23"]
        );
        assert_eq!(s.resources["rs-7"].state_on("node-2"), RState::Online);
        assert_eq!(
            s.resources["rs-7"].dependencies.get(DepKind::Strong),
            ["rs-6"]
        );
        assert!(s.resources["rs-6"].dependencies.is_empty());
        // The file round-trips through the store.
        let bytes = scsim::store::encode(&s).unwrap();
        assert_eq!(
            scsim::store::decode(&bytes, std::path::Path::new("x")).unwrap(),
            s
        );
    }

    #[test]
    fn eight_nodes_round_robin() {
        let s = generate(&opts(50, 8)).unwrap();
        let primaries: Vec<String> = s
            .resource_groups
            .values()
            .map(|g| g.primaries().join(","))
            .collect();
        assert_eq!(primaries[0], "node-1");
        assert_eq!(primaries[7], "node-8");
        assert_eq!(primaries[8], "node-1");
        assert_eq!(s.resource_groups["rg-3"].nodelist.len(), 8);
    }
}
