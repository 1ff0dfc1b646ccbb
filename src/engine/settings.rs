//! Effective values of the properties that drive the RGM's behaviour: method timeouts,
//! Failover_mode, Retry_count / Retry_interval, probe interval. A value set on the resource
//! wins, then the type's paramtable default, then the r_properties(5) default. Pure lookups;
//! nothing here changes state. The effective values themselves and their defaults come from
//! `query::effective` (also used by listings and the scha_* commands); re-exported here.

use crate::model::{Method, Resource, ResourceType};
pub use crate::query::effective::{
    DEFAULT_PROBE_INTERVAL_S, DEFAULT_RETRY_COUNT, DEFAULT_RETRY_INTERVAL_S, DEFAULT_TIMEOUT_S,
    as_bool, as_list, ext_prop, probe_interval_ms, retry_count, retry_interval_ms, std_prop,
    timeout_s,
};

/// Failover_mode (r_properties(5)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailoverMode {
    None,
    Soft,
    Hard,
    RestartOnly,
    LogOnly,
}

impl FailoverMode {
    pub fn parse(s: &str) -> Option<FailoverMode> {
        Some(match s.to_ascii_uppercase().as_str() {
            "NONE" => FailoverMode::None,
            "SOFT" => FailoverMode::Soft,
            "HARD" => FailoverMode::Hard,
            "RESTART_ONLY" => FailoverMode::RestartOnly,
            "LOG_ONLY" => FailoverMode::LogOnly,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FailoverMode::None => "NONE",
            FailoverMode::Soft => "SOFT",
            FailoverMode::Hard => "HARD",
            FailoverMode::RestartOnly => "RESTART_ONLY",
            FailoverMode::LogOnly => "LOG_ONLY",
        }
    }
    /// A failed Start/Prenet_start moves the group to another node.
    pub fn relocates_on_start_failure(self) -> bool {
        matches!(self, FailoverMode::Soft | FailoverMode::Hard)
    }
    /// The fault monitor may restart the resource in place.
    pub fn monitor_may_restart(self) -> bool {
        !matches!(self, FailoverMode::LogOnly)
    }
    /// The fault monitor may give the group over to another node.
    pub fn monitor_may_giveover(self) -> bool {
        !matches!(self, FailoverMode::LogOnly | FailoverMode::RestartOnly)
    }
}

/// The program a method runs, as a real rgmd log names it: the basename of the method's path
/// in the type's RTR file (`hafoip_prenet_start`), or the RTR key (`Prenet_start`) when the
/// type is unknown or does not declare the method.
pub fn method_program(rt: Option<&ResourceType>, m: Method) -> String {
    rt.and_then(|t| t.methods.get(&m))
        .map(|path| path.rsplit('/').next().unwrap_or(path))
        .filter(|base| !base.is_empty())
        .map_or_else(|| m.rtr_name().to_string(), str::to_string)
}

pub fn failover_mode(rt: Option<&ResourceType>, r: &Resource) -> FailoverMode {
    std_prop(rt, r, "Failover_mode")
        .and_then(|v| v.as_str().and_then(FailoverMode::parse))
        .unwrap_or(FailoverMode::None)
}

/// Simulated duration of a method that returns on its own: 0.5% of its timeout, between 100 ms
/// and 10 s (a 300 s Start takes 1.5 s). A method that hangs takes its whole timeout.
pub fn method_duration_ms(timeout_s: u64) -> u64 {
    (timeout_s * 1000 / 200).clamp(100, 10_000)
}

/// The type is SUNW.ims (the Messaging Server agent, whose monitor watches the watcher process).
pub fn is_ims(rt: Option<&ResourceType>) -> bool {
    rt.is_some_and(|t| t.resource_type.eq_ignore_ascii_case("ims"))
}

/// The type is SUNW.HAStoragePlus.
pub fn is_hasp(rt: Option<&ResourceType>) -> bool {
    rt.is_some_and(|t| t.resource_type.eq_ignore_ascii_case("HAStoragePlus"))
}

/// Status message an agent sets when the resource comes online / goes offline.
pub fn status_message(rt: Option<&ResourceType>, online: bool) -> String {
    let word = if online { "online." } else { "offline." };
    match rt {
        Some(t) if t.is_logical_hostname => format!("LogicalHostname {word}"),
        Some(t) if t.is_shared_address => format!("SharedAddress {word}"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_and_permissions() {
        assert_eq!(FailoverMode::parse("soft"), Some(FailoverMode::Soft));
        assert_eq!(FailoverMode::parse("x"), None);
        assert!(!FailoverMode::LogOnly.monitor_may_restart());
        assert!(FailoverMode::RestartOnly.monitor_may_restart());
        assert!(!FailoverMode::RestartOnly.monitor_may_giveover());
        assert!(FailoverMode::Hard.relocates_on_start_failure());
        assert!(!FailoverMode::None.relocates_on_start_failure());
    }

    #[test]
    fn durations_stay_within_bounds() {
        assert_eq!(method_duration_ms(300), 1500);
        assert_eq!(method_duration_ms(3600), 10_000);
        assert_eq!(method_duration_ms(1), 100);
    }
}
