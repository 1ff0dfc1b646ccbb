//! The object CLI's spelling of fixes, for hints printed by clrg, clrs, … (`clrs disable r`).

use crate::fix::Fix;

/// `Fix::DisableResource { r }` → `clrs disable r`.
pub fn render(fix: &Fix) -> String {
    match fix {
        Fix::EnableResource { r } => format!("clrs enable {r}"),
        Fix::DisableResource { r } => format!("clrs disable {r}"),
        Fix::DisableMonitor { r } => format!("clrs unmonitor {r}"),
        Fix::OnlineGroup { g } => format!("clrg online -eM {g}"),
        Fix::OfflineGroup { g } => format!("clrg offline {g}"),
        Fix::UnmanageGroup { g } => format!("clrg unmanage {g}"),
        Fix::ManageGroup { g } => format!("clrg manage {g}"),
        Fix::SwitchGroup { g, nodes } => format!("clrg switch -n {} {g}", nodes.join(",")),
        Fix::ClearStopFailed { r, node } => format!("clrs clear -n {node} -f STOP_FAILED {r}"),
        Fix::RemoveResource { r } => format!("clrs delete {r}"),
        Fix::RegisterType { t } => format!("clrt register {t}"),
        Fix::RegisterTypeFrom { t, file } => format!("clrt register -f {file} {t}"),
        Fix::SetTypeNodes { t, nodes } => format!("clrt set -n {} {t}", nodes.join(",")),
        Fix::SetTypeProperty { t, prop, value } => format!("clrt set -p {prop}={value} {t}"),
        Fix::SetGroupProperty { g, prop, value } => format!("clrg set -p {prop}={value} {g}"),
        Fix::SwitchResource {
            r,
            on,
            monitor,
            nodes,
        } => {
            let verb = match (on, monitor) {
                (true, false) => "enable",
                (false, false) => "disable",
                (true, true) => "monitor",
                (false, true) => "unmonitor",
            };
            if nodes.is_empty() {
                format!("clrs {verb} {r}")
            } else {
                format!("clrs {verb} -n {} {r}", nodes.join(","))
            }
        }
        Fix::SetResourceProperty { r, prop, value, .. } => {
            format!("clrs set -p {prop}={value} {r}")
        }
        Fix::RecreateResource { r } => format!("clrs delete {r}; clrs create … {r}"),
        Fix::ResumeGroup { g } => format!("clrg resume {g}"),
        Fix::SetGroupNodes { g, nodes } => format!("clrg set -p Nodelist={} {g}", nodes.join(",")),
        Fix::CreateLogicalHost { g, host, r } => {
            format!(
                "clrslh create -g {g} -h {host} {}",
                r.as_deref().unwrap_or(host)
            )
        }
        Fix::CreateGroupWith { g, prop, value } => format!("clrg create -p {prop}={value} {g}"),
        Fix::ListConfiguration => "cluster show".to_string(),
        Fix::ShowStatus => "cluster status".to_string(),
        Fix::ShowType { t } => format!("clrt show -v {t}"),
        Fix::ShowGroup { g } => format!("clrg show -v {g}"),
        Fix::ShowResource { r } => format!("clrs show -v {r}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_in_the_object_cli_spelling() {
        assert_eq!(
            render(&Fix::EnableResource { r: "r".into() }),
            "clrs enable r"
        );
        assert_eq!(
            render(&Fix::SwitchGroup {
                g: "rg".into(),
                nodes: vec!["n1".into(), "n2".into()]
            }),
            "clrg switch -n n1,n2 rg"
        );
    }
}
