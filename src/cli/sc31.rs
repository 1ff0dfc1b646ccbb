//! The Sun Cluster 3.1 spelling of fixes (`scswitch`, `scrgadm`), for hints printed by the 3.1
//! commands and `scsim`.

use crate::fix::Fix;

/// `Fix::DisableResource { r }` → `scswitch -n -j r`.
pub fn render(fix: &Fix) -> String {
    match fix {
        Fix::EnableResource { r } => format!("scswitch -e -j {r}"),
        Fix::DisableResource { r } => format!("scswitch -n -j {r}"),
        Fix::DisableMonitor { r } => format!("scswitch -n -M -j {r}"),
        Fix::OnlineGroup { g } => format!("scswitch -Z -g {g}"),
        Fix::OfflineGroup { g } => format!("scswitch -F -g {g}"),
        Fix::UnmanageGroup { g } => format!("scswitch -u -g {g}"),
        Fix::ManageGroup { g } => format!("scswitch -o -g {g}"),
        Fix::SwitchGroup { g, nodes } => format!("scswitch -z -g {g} -h {}", nodes.join(",")),
        Fix::ClearStopFailed { r, node } => {
            format!("scswitch -c -h {node} -j {r} -f STOP_FAILED")
        }
        Fix::RemoveResource { r } => format!("scrgadm -r -j {r}"),
        Fix::RegisterType { t } => format!("scrgadm -a -t {t}"),
        Fix::RegisterTypeFrom { t, file } => format!("scrgadm -a -t {t} -f {file}"),
        Fix::SetTypeNodes { t, nodes } => format!("scrgadm -c -t {t} -h {}", nodes.join(",")),
        Fix::SetTypeProperty { t, prop, value } => format!("scrgadm -c -t {t} -y {prop}={value}"),
        Fix::SetGroupProperty { g, prop, value } => {
            format!("scrgadm -c -g {g} -y {prop}={value}")
        }
        Fix::SwitchResource {
            r,
            on,
            monitor,
            nodes,
        } => {
            let mut s = format!(
                "scswitch {}{} -j {r}",
                if *on { "-e" } else { "-n" },
                if *monitor { " -M" } else { "" }
            );
            if !nodes.is_empty() {
                s.push_str(&format!(" -h {}", nodes.join(",")));
            }
            s
        }
        Fix::SetResourceProperty {
            r,
            prop,
            value,
            extension,
        } => format!(
            "scrgadm -c -j {r} {} {prop}={value}",
            if *extension { "-x" } else { "-y" }
        ),
        Fix::RecreateResource { r } => format!("scrgadm -r -j {r}; scrgadm -a -j {r} …"),
        Fix::ResumeGroup { g } => format!("scswitch -r -g {g}"),
        Fix::SetGroupNodes { g, nodes } => format!("scrgadm -c -g {g} -h {}", nodes.join(",")),
        Fix::CreateLogicalHost { g, host, r } => match r {
            Some(r) => format!("scrgadm -a -L -g {g} -l {host} -j {r}"),
            None => format!("scrgadm -a -L -g {g} -l {host}"),
        },
        Fix::CreateGroupWith { g, prop, value } => format!("scrgadm -a -g {g} -y {prop}={value}"),
        Fix::ListConfiguration => "scrgadm -p".to_string(),
        Fix::ShowStatus => "scstat".to_string(),
        Fix::ShowType { t } => format!("scrgadm -pv -t {t}"),
        Fix::ShowGroup { g } => format!("scrgadm -pv -g {g}"),
        Fix::ShowResource { r } => format!("scrgadm -pv -j {r}"),
    }
}
