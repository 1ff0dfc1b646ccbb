//! The simulated Sun Java System Messaging Server 6 2005Q4: what its tools ask and what they
//! write. Pure: the dialogues read answers through a [`Dialogue`] (the command line gives it
//! the process's stdin; tests give it a list), the files are text in and text out
//! ([`files`]); `service::msgtools` reads and writes the nodes' files through the store.
//!
//! Dialogues follow the real ones: a default in brackets that RETURN accepts, a bad answer is
//! asked again, end of input (control-D) aborts and nothing is changed.

pub mod files;

use crate::model::nodefiles::is_address;

/// Where a dialogue's questions go and its answers come from.
pub trait Dialogue {
    /// Show text (a line or a prompt without its newline).
    fn say(&mut self, text: &str);
    /// Read one answer line; `None` at end of input (control-D).
    fn answer(&mut self) -> Option<String>;
}

/// A dialogue over a list of answers, collecting what was said (tests).
#[derive(Debug, Default)]
pub struct Scripted {
    pub answers: std::collections::VecDeque<String>,
    pub said: String,
}

impl Scripted {
    pub fn new(answers: &[&str]) -> Scripted {
        Scripted {
            answers: answers.iter().map(|a| a.to_string()).collect(),
            said: String::new(),
        }
    }
}

impl Dialogue for Scripted {
    fn say(&mut self, text: &str) {
        self.said.push_str(text);
    }
    fn answer(&mut self) -> Option<String> {
        self.answers.pop_front()
    }
}

/// The dialogue was ended with control-D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aborted;

/// Ask `question` until `check` accepts the answer (RETURN = `default` when there is one).
pub fn ask(
    d: &mut dyn Dialogue,
    question: &str,
    default: Option<&str>,
    check: &dyn Fn(&str) -> Result<String, String>,
) -> Result<String, Aborted> {
    loop {
        match default {
            Some(def) => d.say(&format!("{question} [{def}]: ")),
            None => d.say(&format!("{question}: ")),
        }
        let Some(line) = d.answer() else {
            d.say("\n");
            return Err(Aborted);
        };
        let line = line.trim();
        let given = match (line.is_empty(), default) {
            (true, Some(def)) => def.to_string(),
            _ => line.to_string(),
        };
        match check(&given) {
            Ok(v) => return Ok(v),
            Err(why) => d.say(&format!("{why}\n")),
        }
    }
}

/// An absolute directory path without blanks.
pub fn absolute_dir(a: &str) -> Result<String, String> {
    if !a.starts_with('/') || a.contains(char::is_whitespace) {
        return Err(format!(
            "{a:?} is not an absolute path; give a directory such as /var/opt/SUNWmsgsr"
        ));
    }
    Ok(a.trim_end_matches('/').to_string()).map(|s| if s.is_empty() { "/".into() } else { s })
}

fn host_name(a: &str) -> Result<String, String> {
    let ok = !a.is_empty()
        && a.len() <= 255
        && a.split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    if ok && !is_address(a) {
        Ok(a.to_ascii_lowercase())
    } else {
        Err(format!(
            "{a:?} is not a host name: use letters, digits, '-' and '.'"
        ))
    }
}

fn unix_name(a: &str) -> Result<String, String> {
    let ok = !a.is_empty()
        && a.len() <= 32
        && a.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && a.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !ok {
        return Err(format!("{a:?} is not a Unix user or group name"));
    }
    if a == "root" {
        return Err("the servers must not run as root; give an unprivileged user (mailsrv)".into());
    }
    Ok(a.to_string())
}

/// The default domain for a host: its name without the first label, else `example.com`.
fn domain_of(host: &str) -> String {
    host.split_once('.')
        .map(|(_, d)| d.to_string())
        .filter(|d| d.contains('.') || !d.is_empty())
        .unwrap_or_else(|| "example.com".into())
}

/// `configure`: the initial runtime configuration's questions. `node` is the node's own
/// name (the mail host's default, so a physical name lands in `imta.cnf` as in real life).
pub fn configure_dialogue(
    d: &mut dyn Dialogue,
    node: &str,
) -> Result<files::ConfigureAnswers, Aborted> {
    d.say("Sun Java(tm) System Messaging Server 6 2005Q4 - initial runtime configuration (simulated)\nPress control-D at any question to abort; RETURN accepts the default in brackets.\n\n");
    let data_dir = ask(
        d,
        "Directory to store configuration and data files",
        Some("/var/opt/SUNWmsgsr"),
        &absolute_dir,
    )?;
    let host = ask(
        d,
        "Fully qualified host name of the mail server",
        Some(node),
        &host_name,
    )?;
    let domain = ask(
        d,
        "Default email domain",
        Some(&domain_of(&host)),
        &host_name,
    )?;
    let user = ask(
        d,
        "Unix user the servers run as",
        Some("mailsrv"),
        &unix_name,
    )?;
    let group = ask(d, "Unix group of that user", Some("mail"), &unix_name)?;
    Ok(files::ConfigureAnswers {
        data_dir,
        host,
        domain,
        user,
        group,
    })
}

/// `ha_ip_config`'s answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HaIpAnswers {
    pub address: String,
    pub base: String,
}

fn dotted_quad(a: &str) -> Result<String, String> {
    let parts: Vec<&str> = a.split('.').collect();
    if parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
    {
        Ok(a.to_string())
    } else {
        Err(format!(
            "{a:?} is not an IP address in dotted decimal form (a.b.c.d)"
        ))
    }
}

/// `ha_ip_config`'s questions: the logical IP address, msg_svr_base (default: the directory
/// the script is installed under; `base_ok` says whether a directory holds a configured
/// Messaging Server), then the confirmation (`yes` asks again from the start).
pub fn ha_ip_dialogue(
    d: &mut dyn Dialogue,
    default_base: &str,
    base_ok: &dyn Fn(&str) -> Result<(), String>,
) -> Result<HaIpAnswers, Aborted> {
    loop {
        d.say("Please specify the IP address assigned to the HA logical host name. Use\ndotted decimal form, a.b.c.d\n");
        let address = ask(d, "Logical IP address", None, &dotted_quad)?;
        d.say("Please specify the path to the top level directory in which Messaging\nServer is installed.\n");
        let base = ask(
            d,
            "Messaging Server Base (msg_svr_base)",
            Some(default_base),
            &|a: &str| {
                let dir = absolute_dir(a)?;
                base_ok(&dir)?;
                Ok(dir)
            },
        )?;
        d.say(&format!(
            "Logical IP address: {address}\nMessaging Server Base (msg_svr_base): {base}\n"
        ));
        let again = ask(
            d,
            "Do you wish to change any of the above choices (yes/no)",
            Some("no"),
            &|a: &str| match a.to_ascii_lowercase().as_str() {
                "y" | "yes" => Ok("yes".into()),
                "n" | "no" => Ok("no".into()),
                _ => Err("Please answer yes or no.".into()),
            },
        )?;
        if again == "no" {
            return Ok(HaIpAnswers { address, base });
        }
    }
}

/// Parameters the simulation knows (configure's and the reference's table), for did-you-mean
/// on a name configutil does not know.
pub const KNOWN_PARAMS: &[&str] = &[
    "local.autorestart",
    "local.autorestart.timeout",
    "local.watcher.enable",
    "local.watcher.port",
    "local.schedule.msprobe",
    "local.schedule.msprobe.enable",
    "local.hostname",
    "local.serveruid",
    "local.servergid",
    "local.installdir",
    "local.imta.enable",
    "local.store.enable",
    "local.ens.enable",
    "local.sched.enable",
    "local.mmp.enable",
    "local.snmp.enable",
    "local.smsgateway.enable",
    "service.defaultdomain",
    "service.listenaddr",
    "service.http.smtphost",
    "service.imap.enable",
    "service.pop.enable",
    "service.http.enable",
    "service.smtp.port",
];

/// A line of the Messaging Server's own logs (`msg_svr_base/data/log/default`):
/// `dateTime hostName processName[pid]: category logLevel: eventMessage`.
pub fn log_line(
    now_ms: u64,
    host: &str,
    process: &str,
    pid: u32,
    level: &str,
    msg: &str,
) -> String {
    let secs = (now_ms / 1000) as i64;
    let (y, m, d) = crate::timefmt::civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{d:02}/{}/{y}:{:02}:{:02}:{:02} +0000 {host} {process}[{pid}]: General {level}: {msg}\n",
        MONTHS[(m as usize).saturating_sub(1) % 12],
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// A process id for a simulated process started at `now_ms` (stable for a pinned clock).
pub fn pid(now_ms: u64, n: u32) -> u32 {
    1000 + ((now_ms / 1000) % 20_000) as u32 + n
}

/// The servers `start-msg` starts for a configuration, in order, from its enable flags.
pub fn services(conf: &crate::model::nodefiles::MsgConfig) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, flag, default) in [
        ("store", "local.store.enable", true),
        ("imap", "service.imap.enable", true),
        ("pop", "service.pop.enable", true),
        ("http", "service.http.enable", true),
        ("job_controller", "local.imta.enable", true),
        ("dispatcher", "local.imta.enable", true),
        ("ens", "local.ens.enable", false),
        ("sched", "local.sched.enable", false),
        ("mmp", "local.mmp.enable", false),
    ] {
        if conf.flag(flag, default) {
            out.push(name);
        }
    }
    out
}

/// What `start-msg` / `stop-msg` print and log for a configuration.
pub fn run_lines(
    conf: &crate::model::nodefiles::MsgConfig,
    node: &str,
    now_ms: u64,
    start: bool,
    ha: bool,
) -> (Vec<String>, String) {
    let mut console = Vec::new();
    let mut log = String::new();
    let watcher = conf.flag("local.watcher.enable", true);
    let services = services(conf);
    let wpid = pid(now_ms, 0);
    if start {
        if watcher {
            console.push(format!("Launching watcher ... {wpid}"));
            log.push_str(&log_line(
                now_ms,
                node,
                "watcher",
                wpid,
                "Notice",
                &format!(
                    "watcher started{} (local.autorestart {})",
                    if ha { " in HA mode" } else { "" },
                    if conf.flag("local.autorestart", false) {
                        "on"
                    } else {
                        "off: failures are only logged"
                    }
                ),
            ));
        }
        for (i, s) in services.iter().enumerate() {
            let pid = pid(now_ms, i as u32 + 1);
            console.push(format!("Starting {s} server .... {pid}"));
            log.push_str(&log_line(
                now_ms,
                node,
                s,
                pid,
                "Notice",
                &format!("{s} server started"),
            ));
        }
    } else {
        for s in services.iter().rev() {
            console.push(format!("Shutting down {s} server ... done"));
            log.push_str(&log_line(
                now_ms,
                node,
                s,
                pid(now_ms, 0),
                "Notice",
                &format!("{s} server shut down"),
            ));
        }
        if watcher {
            console.push("Shutting down watcher ... done".into());
            log.push_str(&log_line(
                now_ms,
                node,
                "watcher",
                wpid,
                "Notice",
                "watcher shut down",
            ));
        }
    }
    (console, log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configure_defaults_and_re_asking() {
        let mut d = Scripted::new(&["", "", "", "", ""]);
        let a = configure_dialogue(&mut d, "mail-1").unwrap();
        assert_eq!(a.data_dir, "/var/opt/SUNWmsgsr");
        assert_eq!(a.host, "mail-1");
        assert_eq!(a.domain, "example.com");
        assert_eq!((a.user.as_str(), a.group.as_str()), ("mailsrv", "mail"));
        let mut d = Scripted::new(&[
            "relative/dir",
            "/global/mail1/msg",
            "budgie.example.com",
            "",
            "root",
            "",
            "",
        ]);
        let a = configure_dialogue(&mut d, "mail-1").unwrap();
        assert_eq!(a.data_dir, "/global/mail1/msg");
        assert_eq!(a.domain, "example.com");
        assert!(d.said.contains("not an absolute path"), "{}", d.said);
        assert!(d.said.contains("must not run as root"), "{}", d.said);
        let mut d = Scripted::new(&["", ""]);
        assert_eq!(configure_dialogue(&mut d, "mail-1"), Err(Aborted));
    }

    #[test]
    fn ha_ip_config_dialogue() {
        let ok = |_: &str| Ok(());
        let mut d = Scripted::new(&["192.0.2.300", "192.0.2.10", "", ""]);
        let a = ha_ip_dialogue(&mut d, "/opt/SUNWmsgsr", &ok).unwrap();
        assert_eq!(a.address, "192.0.2.10");
        assert_eq!(a.base, "/opt/SUNWmsgsr");
        assert!(d.said.contains("dotted decimal"), "{}", d.said);
        // "yes" asks everything again; a bad confirmation is asked again.
        let mut d = Scripted::new(&["192.0.2.10", "", "maybe", "yes", "192.0.2.11", "", "no"]);
        assert_eq!(
            ha_ip_dialogue(&mut d, "/opt/SUNWmsgsr", &ok)
                .unwrap()
                .address,
            "192.0.2.11"
        );
        assert!(d.said.contains("Please answer yes or no."));
        let bad = |b: &str| Err(format!("{b} is not configured"));
        let mut d = Scripted::new(&["192.0.2.10", "", "/x"]);
        assert_eq!(ha_ip_dialogue(&mut d, "/opt/SUNWmsgsr", &bad), Err(Aborted));
        assert!(d.said.contains("/opt/SUNWmsgsr is not configured"));
    }

    #[test]
    fn log_lines_follow_the_server_format() {
        let l = log_line(
            1_795_510_800_000,
            "mail-1",
            "watcher",
            1201,
            "Notice",
            "started",
        );
        assert!(
            l.ends_with(" +0000 mail-1 watcher[1201]: General Notice: started\n"),
            "{l}"
        );
        assert_eq!(&l[2..7], "/Nov/");
    }
}
