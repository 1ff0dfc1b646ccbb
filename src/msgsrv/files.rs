//! The Messaging Server's files as the simulation writes them: the installed tree, the initial
//! runtime configuration (`msg.conf`, `dispatcher.cnf`, `job_controller.cnf`, `imta.cnf`,
//! the settings file), and the edits `ha_ip_config` and `configutil` make. Pure text in, text
//! out; the reference's formats (option files with `[SECTION=…]`, `!` comments; configutil's
//! `name = value` listing).

use crate::model::nodefiles::{msg_conf_line, parse_msg_conf};
use std::collections::BTreeMap;

/// The commands installed in `msg_svr_base/sbin`.
pub const SBIN: [&str; 7] = [
    "configure",
    "configutil",
    "ha_ip_config",
    "useconfig",
    "start-msg",
    "stop-msg",
    "imsimta",
];

/// The stand-in for an installed program: a script that says how it runs in the simulation.
pub fn program(base: &str, name: &str) -> String {
    format!(
        "#!/bin/sh\n# Sun Java System Messaging Server 6 2005Q4 (simulated by scsim)\n# Run it on a node of the simulated cluster:\n#   scsim on NODE -- {base}/sbin/{name} [ARGS...]\necho \"{name}: run it as: scsim on NODE -- {base}/sbin/{name}\" >&2\nexit 1\n"
    )
}

/// The package database entry of an installation.
pub fn pkginfo(base: &str, key: &str) -> String {
    format!(
        "PKG=SUNWmsgsr\nNAME=Sun Java(tm) System Messaging Server\nVERSION=6.2,REV=2005.10.14\nBASEDIR={}\n{key}={base}\n",
        std::path::Path::new(base)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "/".into())
    )
}

/// The answers of `configure`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigureAnswers {
    /// Directory for configuration and data files (`/var/opt/SUNWmsgsr`).
    pub data_dir: String,
    /// The mail server's fully qualified host name.
    pub host: String,
    /// The default email domain.
    pub domain: String,
    /// The Unix user the servers run as.
    pub user: String,
    /// The Unix group of that user.
    pub group: String,
}

/// The `msg.conf` of a new configuration.
pub fn msg_conf(a: &ConfigureAnswers, base: &str) -> String {
    let mut v: BTreeMap<String, String> = BTreeMap::new();
    for (k, val) in [
        ("local.hostname", a.host.as_str()),
        ("service.defaultdomain", a.domain.as_str()),
        ("local.serveruid", a.user.as_str()),
        ("local.servergid", a.group.as_str()),
        ("local.watcher.enable", "yes"),
        ("local.autorestart", "no"),
        ("local.autorestart.timeout", "600"),
        (
            "local.schedule.msprobe",
            "5,15,25,35,45,55 * * * * lib/msprobe",
        ),
        ("local.schedule.msprobe.enable", "yes"),
        ("local.watcher.port", "49994"),
        ("service.imap.enable", "yes"),
        ("service.pop.enable", "yes"),
        ("service.http.enable", "yes"),
        ("local.imta.enable", "yes"),
        ("local.store.enable", "yes"),
        ("local.ens.enable", "yes"),
        ("local.sched.enable", "yes"),
        ("local.mmp.enable", "no"),
        ("local.snmp.enable", "no"),
        ("local.smsgateway.enable", "no"),
    ] {
        v.insert(k.into(), val.into());
    }
    v.insert("local.installdir".into(), base.into());
    render_msg_conf(&v)
}

/// A `msg.conf` with `values`.
pub fn render_msg_conf(values: &BTreeMap<String, String>) -> String {
    let mut s = String::from(
        "# Messaging Server configuration (simulated): one parameter a line, as configutil lists them.\n# Change it with configutil, not by hand.\n",
    );
    for (k, v) in values {
        s.push_str(&msg_conf_line(k, v));
        s.push('\n');
    }
    s
}

/// `msg.conf` with `name` set to `value` (`None`: the text is unchanged).
pub fn set_param(conf: &str, name: &str, value: &str) -> Option<String> {
    let mut v = parse_msg_conf(conf);
    if v.get(name).map(String::as_str) == Some(value) {
        return None;
    }
    v.insert(name.into(), value.into());
    Some(render_msg_conf(&v))
}

/// The stock `dispatcher.cnf`.
pub fn dispatcher_cnf() -> String {
    let mut s = String::from(
        "! Dispatcher configuration (simulated)\n! Global defaults for all services\nMIN_PROCS=0\nMAX_PROCS=5\nMIN_CONNS=5\nMAX_CONNS=20\nMAX_LIFE_TIME=86400\nMAX_LIFE_CONNS=100\nMAX_SHUTDOWN=2\n",
    );
    for (svc, port, log, chan) in [
        ("SMTP", 25, "tcp_smtp_server.log", None),
        (
            "SMTP_SUBMIT",
            587,
            "tcp_submit_server.log",
            Some("tcp_submit"),
        ),
    ] {
        s.push_str(&format!(
            "!\n[SERVICE={svc}]\nPORT={port}\nIMAGE=IMTA_BIN:tcp_smtp_server\nLOGFILE=IMTA_LOG:{log}\n"
        ));
        if let Some(c) = chan {
            s.push_str(&format!("PARAMETER=CHANNEL={c}\n"));
        }
        s.push_str("STACKSIZE=2048000\n! Uncomment and set to a dotted-quad address to listen on one interface only\n! (e.g. in a HA environment):\n!INTERFACE_ADDRESS=\n");
    }
    s
}

/// The stock `job_controller.cnf`.
pub fn job_controller_cnf(base: &str) -> String {
    let mut s = String::from(
        "!MTA Job Controller configuration file\n!\n!Global defaults\ntcp_port=27442\nsecret=never mind\nslave_command=NULL\nmax_life_age=3600\n!\n!Pool definitions\n!\n",
    );
    for (p, n) in [
        ("DEFAULT", 10),
        ("LOCAL_POOL", 10),
        ("IMS_POOL", 1),
        ("SMTP_POOL", 1),
    ] {
        s.push_str(&format!("[POOL={p}]\njob_limit={n}\n!\n"));
    }
    s.push_str(&format!(
        "!Channel definitions\n!\n[CHANNEL=l]\nmaster_command={base}/lib/l_master\n!\n[CHANNEL=ims-ms]\nmaster_command={base}/lib/ims_master\n!\n[CHANNEL=tcp_*]\nanon_host=0\nmaster_command={base}/lib/tcp_smtp_client\n"
    ));
    s
}

/// The initial `imta.cnf`: the host name given to configure in the rewrite rules and as the
/// tag of the local channel (a physical name here is what step 9 replaces).
pub fn imta_cnf(a: &ConfigureAnswers) -> String {
    let (h, d) = (&a.host, &a.domain);
    format!(
        "! imta.cnf - MTA configuration file (simulated)\n!\n! Rewrite rules\n{h} $U%{h}@ims-ms-daemon\n.{d} $U%$H.{d}@tcp_intranet-daemon\n\n! Channel definitions\nl subdirs 20 viaaliasrequired maxjobs 7 pool LOCAL_POOL\n{h}\n\nims-ms defragment subdirs 20 notices 1 7 14 21 28 backoff \"pt5m\" \"pt10m\" \"pt30m\" \"pt1h\" pool IMS_POOL\nims-ms-daemon\n\ntcp_local smtp mx single_sys remotehost inner switchchannel identnonenumeric subdirs 20 maxjobs 7 pool SMTP_POOL\ntcp-daemon\n"
    )
}

/// The settings file of a configuration (`setup/configure_YYYYMMDDHHMMSS`).
pub fn settings(a: &ConfigureAnswers, base: &str) -> String {
    format!(
        "# Initial runtime configuration settings (simulated)\nMSG_SVR_BASE={base}\nCONFIG_DATA_DIR={}\nFQHN={}\nDEFAULT_DOMAIN={}\nSERVER_UID={}\nSERVER_GID={}\n",
        a.data_dir, a.host, a.domain, a.user, a.group
    )
}

/// The value of `key` in a settings file.
pub fn settings_value(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(|v| v.trim().to_string())
}

/// An option file (dispatcher.cnf, job_controller.cnf) with `INTERFACE_ADDRESS=addr` in the
/// given sections (`None` = the global part, before the first section). An existing line is
/// replaced; a commented-out one is left as it is. Returns `None` when nothing changes.
pub fn set_interface_address(text: &str, sections: &[Option<&str>], addr: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 4);
    let wanted = |sec: &Option<String>| sections.iter().any(|s| s.map(str::to_string) == *sec);
    let mut current: Option<String> = None;
    let mut done = false;
    let mut changed = false;
    let line = format!("INTERFACE_ADDRESS={addr}");
    let close =
        |out: &mut Vec<String>, current: &Option<String>, done: &mut bool, changed: &mut bool| {
            if wanted(current) && !*done {
                // Before the trailing comments of the section.
                let at = out
                    .iter()
                    .rposition(|l| !l.starts_with('!') && !l.trim().is_empty())
                    .map_or(out.len(), |i| i + 1);
                out.insert(at, line.clone());
                *changed = true;
            }
            *done = false;
        };
    for l in lines {
        let t = l.trim();
        if t.starts_with('[') && t.ends_with(']') {
            close(&mut out, &current, &mut done, &mut changed);
            current = t[1..t.len() - 1]
                .split_once('=')
                .map(|(_, v)| v.trim().to_ascii_uppercase());
            out.push(l.to_string());
            continue;
        }
        if t.len() > 18 && t[..18].eq_ignore_ascii_case("INTERFACE_ADDRESS=") && wanted(&current) {
            if done {
                changed = true;
                continue;
            }
            done = true;
            if t != line {
                changed = true;
            }
            out.push(line.clone());
            continue;
        }
        out.push(l.to_string());
    }
    close(&mut out, &current, &mut done, &mut changed);
    if !changed {
        return None;
    }
    let mut s = out.join("\n");
    s.push('\n');
    Some(s)
}

/// The `INTERFACE_ADDRESS` lines of an option file, with their section (`global` for the
/// part before the first section): what `ha_ip_config` shows it changed.
pub fn interface_lines(text: &str) -> Vec<String> {
    let mut current = "global".to_string();
    let mut out = Vec::new();
    for l in text.lines() {
        let t = l.trim();
        if t.starts_with('[') && t.ends_with(']') {
            current = t.to_string();
        } else if t.to_ascii_uppercase().starts_with("INTERFACE_ADDRESS=") {
            out.push(format!("{current} {t}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_address_goes_into_smtp_sections_once() {
        let d = dispatcher_cnf();
        let once = set_interface_address(&d, &[Some("SMTP"), Some("SMTP_SUBMIT")], "192.0.2.10")
            .expect("changed");
        assert_eq!(
            interface_lines(&once),
            [
                "[SERVICE=SMTP] INTERFACE_ADDRESS=192.0.2.10",
                "[SERVICE=SMTP_SUBMIT] INTERFACE_ADDRESS=192.0.2.10"
            ]
        );
        // The commented-out stock line stays.
        assert_eq!(once.matches("!INTERFACE_ADDRESS=").count(), 2);
        assert_eq!(
            set_interface_address(&once, &[Some("SMTP"), Some("SMTP_SUBMIT")], "192.0.2.10"),
            None
        );
        let other =
            set_interface_address(&once, &[Some("SMTP"), Some("SMTP_SUBMIT")], "192.0.2.11")
                .unwrap();
        assert_eq!(other.matches("\nINTERFACE_ADDRESS=").count(), 2);
        assert!(!other.contains("192.0.2.10"));
    }

    #[test]
    fn job_controller_gets_a_global_line() {
        let j = job_controller_cnf("/opt/SUNWmsgsr");
        let once = set_interface_address(&j, &[None], "192.0.2.10").unwrap();
        assert_eq!(
            interface_lines(&once),
            ["global INTERFACE_ADDRESS=192.0.2.10"]
        );
        let at = once.find("INTERFACE_ADDRESS").unwrap();
        assert!(at < once.find("[POOL=DEFAULT]").unwrap());
        assert_eq!(set_interface_address(&once, &[None], "192.0.2.10"), None);
    }

    #[test]
    fn params_set_and_unchanged() {
        let a = ConfigureAnswers {
            data_dir: "/var/opt/SUNWmsgsr".into(),
            host: "mail-1.example.com".into(),
            domain: "example.com".into(),
            user: "mailsrv".into(),
            group: "mail".into(),
        };
        let c = msg_conf(&a, "/opt/SUNWmsgsr");
        let c2 = set_param(&c, "local.autorestart", "1").unwrap();
        assert_eq!(parse_msg_conf(&c2)["local.autorestart"], "1");
        assert_eq!(set_param(&c2, "local.autorestart", "1"), None);
        assert_eq!(
            settings_value(&settings(&a, "/opt/SUNWmsgsr"), "CONFIG_DATA_DIR").as_deref(),
            Some("/var/opt/SUNWmsgsr")
        );
    }
}
