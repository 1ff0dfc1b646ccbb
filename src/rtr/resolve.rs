//! Resource type name resolution ("Legal RGM Names and Values", RT upgrade chapter).
//!
//! A registered type's full name is `vendor.type` or `vendor.type:version` (with `#$upgrade`).
//! A query names a type when it equals a registered full name exactly; otherwise it may omit the
//! vendor prefix and/or the `:version` suffix (or add a version suffix to a name registered
//! without one), as long as exactly one registered type matches. Matching is case-sensitive,
//! like the RGM's own names: `sunw.hastorageplus` does not name `SUNW.HAStoragePlus:4`.

use crate::model::ResourceType;

/// Why a type name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// No registered type matches.
    #[error("resource type is not registered")]
    Unknown,
    /// Several registered types match; their full names.
    #[error("resource type name is ambiguous: it matches {}", .0.join(", "))]
    Ambiguous(Vec<String>),
}

/// Split a query into (vendor, base type, version).
fn split(query: &str) -> (Option<&str>, &str, Option<&str>) {
    let (rest, version) = match query.split_once(':') {
        Some((r, v)) => (r, Some(v)),
        None => (query, None),
    };
    match rest.split_once('.') {
        Some((vendor, base)) => (Some(vendor), base, version),
        None => (None, rest, version),
    }
}

/// Find the registered type named by `query` (see the module documentation for the rules).
pub fn resolve_type_name<'a>(
    registered: impl Iterator<Item = &'a ResourceType>,
    query: &str,
) -> Result<&'a ResourceType, ResolveError> {
    let (vendor, base, version) = split(query);
    let mut matches: Vec<&'a ResourceType> = Vec::new();
    for rt in registered {
        if rt.name == query {
            return Ok(rt);
        }
        let vendor_ok = vendor.is_none_or(|v| rt.vendor_id.as_deref() == Some(v));
        let version_ok = version.is_none_or(|v| rt.rt_version == v);
        if rt.resource_type == base && vendor_ok && version_ok {
            matches.push(rt);
        }
    }
    match matches.as_slice() {
        [] => Err(ResolveError::Unknown),
        [one] => Ok(one),
        many => Err(ResolveError::Ambiguous(
            many.iter().map(|rt| rt.name.clone()).collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rtr::parse_rtr;

    fn rt(vendor: Option<&str>, base: &str, version: &str, upgrade: bool) -> ResourceType {
        let text = format!(
            "Resource_type = {base};\n{}RT_version = \"{version}\";\nStart = /s;\nStop = /t;\n{}",
            vendor
                .map(|v| format!("Vendor_id = {v};\n"))
                .unwrap_or_default(),
            if upgrade { "#$upgrade\n" } else { "" }
        );
        parse_rtr(&text, "t").unwrap()
    }

    fn names(r: Result<&ResourceType, ResolveError>) -> Result<String, ResolveError> {
        r.map(|t| t.name.clone())
    }

    #[test]
    fn exact_and_partial_names() {
        let reg = [
            rt(Some("SUNW"), "HAStoragePlus", "4", true),
            rt(Some("SUNW"), "nfs", "3.1", false),
            rt(None, "plain", "1", false),
        ];
        let q = |s: &str| names(resolve_type_name(reg.iter(), s));
        assert_eq!(q("SUNW.HAStoragePlus:4").unwrap(), "SUNW.HAStoragePlus:4");
        assert_eq!(q("SUNW.HAStoragePlus").unwrap(), "SUNW.HAStoragePlus:4");
        assert_eq!(q("HAStoragePlus").unwrap(), "SUNW.HAStoragePlus:4");
        assert_eq!(q("HAStoragePlus:4").unwrap(), "SUNW.HAStoragePlus:4");
        assert_eq!(q("SUNW.nfs").unwrap(), "SUNW.nfs");
        assert_eq!(q("nfs").unwrap(), "SUNW.nfs");
        assert_eq!(q("SUNW.nfs:3.1").unwrap(), "SUNW.nfs");
        assert_eq!(q("plain").unwrap(), "plain");
        assert_eq!(q("SUNW.HAStoragePlus:5"), Err(ResolveError::Unknown));
        assert_eq!(q("ORCL.HAStoragePlus"), Err(ResolveError::Unknown));
        assert_eq!(q("sunw.hastorageplus"), Err(ResolveError::Unknown));
        assert_eq!(q("SUNW.plain"), Err(ResolveError::Unknown));
        assert_eq!(q(""), Err(ResolveError::Unknown));
    }

    #[test]
    fn ambiguous_versions_and_vendors() {
        let reg = [
            rt(Some("SUNW"), "HAStoragePlus", "2", true),
            rt(Some("SUNW"), "HAStoragePlus", "4", true),
            rt(Some("SUNW"), "app", "1", true),
            rt(Some("ACME"), "app", "1", true),
        ];
        let q = |s: &str| names(resolve_type_name(reg.iter(), s));
        assert_eq!(
            q("SUNW.HAStoragePlus"),
            Err(ResolveError::Ambiguous(vec![
                "SUNW.HAStoragePlus:2".into(),
                "SUNW.HAStoragePlus:4".into()
            ]))
        );
        assert_eq!(q("HAStoragePlus:2").unwrap(), "SUNW.HAStoragePlus:2");
        assert_eq!(q("SUNW.HAStoragePlus:4").unwrap(), "SUNW.HAStoragePlus:4");
        let e = q("app:1").unwrap_err();
        assert_eq!(
            e,
            ResolveError::Ambiguous(vec!["SUNW.app:1".into(), "ACME.app:1".into()])
        );
        assert_eq!(
            e.to_string(),
            "resource type name is ambiguous: it matches SUNW.app:1, ACME.app:1"
        );
        assert_eq!(q("ACME.app").unwrap(), "ACME.app:1");
        assert_eq!(
            ResolveError::Unknown.to_string(),
            "resource type is not registered"
        );
    }
}
