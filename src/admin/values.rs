//! Property values: parse the text given to `-y`/`-x` into a typed [`PropValue`] and check it
//! against the property's declaration (property_attributes(5); reference §5.4): type, MIN/MAX,
//! MINLENGTH/MAXLENGTH, ARRAY_MINSIZE/ARRAY_MAXSIZE, enum literals, legal characters.
//!
//! Every error is a property error (exit 15) that names the object, the property, the value,
//! what is allowed and why the value is not.

use super::names::illegal_value_reason;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ParamDecl, PropType, PropValue};

pub use crate::query::types::prop_type_name as type_name;

/// A property error about `prop` of `subject` (e.g. "resource mail-rs").
pub fn prop_err(subject: &str, prop: &str, what: impl std::fmt::Display) -> ScError {
    ScError::new(
        ErrorCode::Prop,
        format!("{subject}: property {prop}: {what}"),
    )
}

/// Boolean literal, any case (`TRUE`, `true`, `False`).
pub fn parse_bool(raw: &str) -> Option<bool> {
    if raw.eq_ignore_ascii_case("true") {
        Some(true)
    } else if raw.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Check the characters of a value (no NUL, newline or `;`).
pub fn check_legal(subject: &str, prop: &str, raw: &str) -> Result<()> {
    match illegal_value_reason(raw) {
        Some(why) => Err(prop_err(
            subject,
            prop,
            format!("value \"{}\" is not legal: {why}", raw.escape_debug()),
        )),
        None => Ok(()),
    }
}

/// Split a stringarray value: comma-separated, entries trimmed; `""` is the empty array.
pub fn split_array(subject: &str, prop: &str, raw: &str) -> Result<Vec<String>> {
    if raw.trim().is_empty() {
        return Ok(Vec::new());
    }
    let items: Vec<String> = raw.split(',').map(|s| s.trim().to_string()).collect();
    if items.iter().any(String::is_empty) {
        return Err(prop_err(
            subject,
            prop,
            format!(
                "value \"{raw}\" has an empty entry; arrays are comma-separated without spaces (a,b) or quoted (\"a, b\")"
            ),
        ));
    }
    Ok(items)
}

/// Parse `raw` as a value of the declared property `decl` of `subject`.
pub fn parse_value(subject: &str, decl: &ParamDecl, raw: &str) -> Result<PropValue> {
    let prop = decl.name.as_str();
    check_legal(subject, prop, raw)?;
    match decl.ty {
        PropType::Int => {
            let v: i64 = raw.trim().parse().map_err(|_| {
                prop_err(
                    subject,
                    prop,
                    format!("value \"{raw}\" is not an integer{}", range_text(decl)),
                )
            })?;
            if decl.min.is_some_and(|m| v < m) || decl.max.is_some_and(|m| v > m) {
                return Err(prop_err(
                    subject,
                    prop,
                    format!("value {v} is out of range{}", range_text(decl)),
                ));
            }
            Ok(PropValue::Int(v))
        }
        PropType::Boolean => parse_bool(raw.trim()).map(PropValue::Bool).ok_or_else(|| {
            prop_err(
                subject,
                prop,
                format!("value \"{raw}\" is not a boolean (allowed: TRUE or FALSE, any case)"),
            )
        }),
        PropType::Enum => {
            let raw = raw.trim();
            decl.enum_values
                .iter()
                .find(|v| v.eq_ignore_ascii_case(raw))
                .map(|v| PropValue::Str(v.clone()))
                .ok_or_else(|| {
                    prop_err(
                        subject,
                        prop,
                        format!(
                            "value \"{raw}\" is not one of the allowed values ({})",
                            decl.enum_values.join(", ")
                        ),
                    )
                })
        }
        PropType::String => {
            check_length(subject, decl, raw)?;
            Ok(PropValue::Str(raw.to_string()))
        }
        PropType::Stringarray => {
            let items = split_array(subject, prop, raw)?;
            for item in &items {
                check_length(subject, decl, item)?;
            }
            let n = items.len() as u64;
            if let Some(min) = decl.array_min_size
                && n < u64::from(min)
            {
                return Err(prop_err(
                    subject,
                    prop,
                    format!(
                        "{n} entries given; at least {min} required (ARRAY_MINSIZE {min}{})",
                        max_size_text(decl)
                    ),
                ));
            }
            if let Some(max) = decl.array_max_size
                && n > u64::from(max)
            {
                return Err(prop_err(
                    subject,
                    prop,
                    format!("{n} entries given; at most {max} allowed (ARRAY_MAXSIZE {max})"),
                ));
            }
            Ok(PropValue::List(items))
        }
    }
}

fn check_length(subject: &str, decl: &ParamDecl, s: &str) -> Result<()> {
    let len = s.chars().count() as u64;
    let what = if decl.ty == PropType::Stringarray {
        format!("entry \"{s}\"")
    } else {
        format!("value \"{s}\"")
    };
    if let Some(min) = decl.min_length
        && len < u64::from(min)
    {
        return Err(prop_err(
            subject,
            &decl.name,
            format!("{what} is {len} characters long; at least {min} required (MINLENGTH)"),
        ));
    }
    if let Some(max) = decl.max_length
        && len > u64::from(max)
    {
        return Err(prop_err(
            subject,
            &decl.name,
            format!("{what} is {len} characters long; at most {max} allowed (MAXLENGTH)"),
        ));
    }
    Ok(())
}

fn range_text(decl: &ParamDecl) -> String {
    match (decl.min, decl.max) {
        (Some(a), Some(b)) => format!(" (allowed: {a} to {b})"),
        (Some(a), None) => format!(" (allowed: {a} or more)"),
        (None, Some(b)) => format!(" (allowed: {b} or less)"),
        (None, None) => String::new(),
    }
}

fn max_size_text(decl: &ParamDecl) -> String {
    decl.array_max_size
        .map(|m| format!(", ARRAY_MAXSIZE {m}"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(ty: PropType) -> ParamDecl {
        ParamDecl::new("P", ty, true)
    }

    #[test]
    fn ints_with_bounds() {
        let mut d = decl(PropType::Int);
        d.min = Some(0);
        d.max = Some(10);
        assert_eq!(parse_value("r", &d, "7").unwrap(), PropValue::Int(7));
        assert_eq!(parse_value("r", &d, "-0").unwrap(), PropValue::Int(0));
        let e = parse_value("r", &d, "11").unwrap_err();
        assert_eq!(e.code, ErrorCode::Prop);
        assert!(e.message.contains("0 to 10"), "{}", e.message);
        assert!(parse_value("r", &d, "x").is_err());
        assert!(parse_value("r", &d, "").is_err());
    }

    #[test]
    fn booleans_any_case() {
        let d = decl(PropType::Boolean);
        assert_eq!(parse_value("r", &d, "tRuE").unwrap(), PropValue::Bool(true));
        assert_eq!(
            parse_value("r", &d, "FALSE").unwrap(),
            PropValue::Bool(false)
        );
        assert!(parse_value("r", &d, "yes").is_err());
    }

    #[test]
    fn enums_are_canonicalised() {
        let mut d = decl(PropType::Enum);
        d.enum_values = vec!["NONE".into(), "INFO".into(), "ERR".into()];
        assert_eq!(
            parse_value("r", &d, "info").unwrap(),
            PropValue::Str("INFO".into())
        );
        let e = parse_value("r", &d, "DEBUG").unwrap_err();
        assert!(e.message.contains("NONE, INFO, ERR"), "{}", e.message);
    }

    #[test]
    fn strings_and_arrays() {
        let mut d = decl(PropType::String);
        d.min_length = Some(2);
        d.max_length = Some(4);
        assert!(parse_value("r", &d, "ab").is_ok());
        assert!(parse_value("r", &d, "a").is_err());
        assert!(parse_value("r", &d, "abcde").is_err());
        assert!(parse_value("r", &d, "a;b").is_err());
        let mut d = decl(PropType::Stringarray);
        d.array_max_size = Some(2);
        d.array_min_size = Some(1);
        assert_eq!(
            parse_value("r", &d, "a, b").unwrap(),
            PropValue::List(vec!["a".into(), "b".into()])
        );
        assert!(parse_value("r", &d, "a,b,c").is_err());
        assert!(parse_value("r", &d, "").is_err());
        assert!(parse_value("r", &d, "a,,b").is_err());
    }
}
