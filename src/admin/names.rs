//! Lexical rules of scrgadm arguments: legal RGM names, comma lists, legal property values and
//! host names (Appendix "Legal RGM Names and Values"; reference §0.2).

use crate::error::{ErrorCode, Result, ScError};

/// Longest legal RGM name.
pub const MAX_NAME_LEN: usize = 255;
/// Longest legal property value (4 MB − 1).
pub const MAX_VALUE_LEN: usize = 4 * 1024 * 1024 - 1;

/// Legal RGM name: ASCII letter first, then letters, digits, `-`, `_`; at most 255 characters.
pub fn is_legal_name(s: &str) -> bool {
    crate::admin::init::is_legal_name(s)
}

/// Check the name of a new object (`what` = "resource group", "resource"), failing with `code`.
pub fn check_new_name(what: &str, name: &str, code: ErrorCode) -> Result<()> {
    if name.is_empty() {
        return Err(ScError::new(code, format!("the {what} name is empty")));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(ScError::new(
            code,
            format!(
                "{what} name {}… is too long ({} characters; at most {MAX_NAME_LEN})",
                &name[..name
                    .char_indices()
                    .nth(20)
                    .map(|(i, _)| i)
                    .unwrap_or(name.len())],
                name.chars().count()
            ),
        ));
    }
    if !is_legal_name(name) {
        return Err(ScError::new(
            code,
            format!(
                "{what} name \"{name}\" is not legal: it must start with an ASCII letter and contain only letters, digits, '-' and '_'"
            ),
        ));
    }
    Ok(())
}

/// Split a comma list given to option `flag` (`-h`, `-l`, …). Entries are trimmed, so a quoted
/// `"a, b"` works; an empty entry is an error that explains how lists are written.
pub fn split_list(flag: &str, raw: &str) -> Result<Vec<String>> {
    let items: Vec<String> = raw.split(',').map(|s| s.trim().to_string()).collect();
    if items.iter().any(String::is_empty) {
        return Err(ScError::inval(format!(
            "{flag} {raw}: the list has an empty entry; lists are comma-separated without spaces or empty entries (a,b) or quoted (\"a, b\")"
        )));
    }
    Ok(items)
}

/// Why a property value is illegal, if it is (NUL, newline, `;`, other control characters,
/// too long).
pub fn illegal_value_reason(value: &str) -> Option<String> {
    if !value.contains(['\0', '\n', '\r']) && value.contains(';') {
        return Some("it contains ';', which property values may not contain".into());
    }
    value_chars_reason(value)
}

/// The checks every value obeys whatever its source (`-y`/`-x`, an RTR file): no control
/// character but tab (a NUL, a newline, or ESC/BEL that would reach the terminal raw when a
/// listing prints the value) and at most [`MAX_VALUE_LEN`] bytes.
pub fn value_chars_reason(value: &str) -> Option<String> {
    if value.contains('\0') {
        return Some("it contains a NUL character".into());
    }
    if value.contains('\n') || value.contains('\r') {
        return Some("it contains a newline".into());
    }
    if let Some(c) = value.chars().find(|c| c.is_control() && *c != '\t') {
        return Some(format!(
            "it contains the control character U+{:04X}; values may contain no control characters but tab",
            c as u32
        ));
    }
    if value.len() > MAX_VALUE_LEN {
        return Some(format!(
            "it is {} bytes long; values are at most {MAX_VALUE_LEN} bytes",
            value.len()
        ));
    }
    None
}

/// Whether `host` is an acceptable entry of HostnameList: an IPv4 literal, an IPv6 literal, or
/// a host name (labels of letters, digits and `-`, separated by dots). Recorded as written;
/// nothing is resolved. `Err` carries the reason.
pub fn check_host(host: &str) -> std::result::Result<(), String> {
    if host.contains(':') {
        return host
            .parse::<std::net::Ipv6Addr>()
            .map(|_| ())
            .map_err(|_| "it contains ':' but is not a valid IPv6 address".to_string());
    }
    if host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return host
            .parse::<std::net::Ipv4Addr>()
            .map(|_| ())
            .map_err(|_| "it looks like an IPv4 address but is not a valid one".to_string());
    }
    if host.len() > 255 {
        return Err("host names are at most 255 characters".into());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(
                "it has an empty label (two dots in a row, or a leading/trailing dot)".into(),
            );
        }
        if label.len() > 63 {
            return Err(format!("label \"{label}\" is longer than 63 characters"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("label \"{label}\" starts or ends with '-'"));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(format!(
                "it contains '{c}'; host names use only letters, digits, '-' and '.'"
            ));
        }
    }
    Ok(())
}

pub use crate::query::join_some;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_trimmed_and_empty_entries_rejected() {
        assert_eq!(split_list("-h", "a,b").unwrap(), vec!["a", "b"]);
        assert_eq!(split_list("-h", "a, b").unwrap(), vec!["a", "b"]);
        assert!(split_list("-h", "a,").is_err());
        assert!(split_list("-h", "a,,b").is_err());
        assert!(split_list("-h", "").is_err());
    }

    #[test]
    fn values() {
        assert!(illegal_value_reason("/global/mail1").is_none());
        assert!(illegal_value_reason("a;b").is_some());
        assert!(illegal_value_reason("a\nb").is_some());
        assert!(illegal_value_reason("a\0b").is_some());
    }

    #[test]
    fn hosts() {
        assert!(check_host("budgie").is_ok());
        assert!(check_host("budgie.example.com").is_ok());
        assert!(check_host("192.0.2.10").is_ok());
        assert!(check_host("2001:db8::10").is_ok());
        assert!(check_host("192.0.2.300").is_err());
        assert!(check_host("2001:db8::g").is_err());
        assert!(check_host("bad_host").is_err());
        assert!(check_host("a..b").is_err());
        assert!(check_host("-a").is_err());
    }

    #[test]
    fn names() {
        assert!(check_new_name("resource", "mail-rs", ErrorCode::Rsrc).is_ok());
        assert_eq!(
            check_new_name("resource", "1mail", ErrorCode::Rsrc)
                .unwrap_err()
                .code,
            ErrorCode::Rsrc
        );
        assert!(check_new_name("resource", &"a".repeat(256), ErrorCode::Rsrc).is_err());
        assert!(check_new_name("resource", "", ErrorCode::Rsrc).is_err());
        assert_eq!(join_some(&["a", "b", "c"], 2), "a, b and 1 more");
    }
}
