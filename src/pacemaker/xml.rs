//! A small element tree for the CIB: built by [`super::cib`], written with quick-xml.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};

/// One XML element: name, attributes in the order given, child elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct El {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<El>,
}

impl El {
    pub fn new(name: &'static str) -> El {
        El {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Add an attribute (builder style).
    pub fn attr(mut self, key: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((key, value.into()));
        self
    }

    /// Add a child (builder style).
    pub fn child(mut self, c: El) -> El {
        self.children.push(c);
        self
    }

    /// Add children (builder style).
    pub fn children(mut self, cs: impl IntoIterator<Item = El>) -> El {
        self.children.extend(cs);
        self
    }

    /// The value of attribute `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every element below (and including) this one named `name`, depth first.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.find_all(name, out);
        }
    }

    /// The document as indented XML text with a declaration.
    pub fn to_xml(&self) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        // Writing to a Vec cannot fail.
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        write_el(&mut w, self);
        let mut text = String::from_utf8(w.into_inner()).unwrap_or_default();
        text.push('\n');
        text
    }

    /// This element alone, without declaration (for `cibadmin -X`).
    pub fn to_fragment(&self) -> String {
        let mut w = Writer::new(Vec::new());
        write_el(&mut w, self);
        String::from_utf8(w.into_inner()).unwrap_or_default()
    }
}

fn write_el(w: &mut Writer<Vec<u8>>, el: &El) {
    let mut start = BytesStart::new(el.name);
    for (k, v) in &el.attrs {
        start.push_attribute((*k, v.as_str()));
    }
    if el.children.is_empty() {
        let _ = w.write_event(Event::Empty(start));
        return;
    }
    let _ = w.write_event(Event::Start(start));
    for c in &el.children {
        write_el(w, c);
    }
    let _ = w.write_event(Event::End(BytesEnd::new(el.name)));
}

/// `s` as an XML ID: characters other than letters, digits, `-`, `_` and `.` become `-`, and
/// a leading character that may not start an ID gets an `sc-` prefix.
pub fn xml_id(s: &str) -> String {
    let mut id: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        id.insert_str(0, "sc-");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_attributes_escaped_and_nested() {
        let doc = El::new("a")
            .attr("x", "1 < 2 & \"q\"")
            .child(El::new("b").attr("id", "b1"))
            .child(El::new("c"));
        let xml = doc.to_xml();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(xml.contains("x=\"1 &lt; 2 &amp; &quot;q&quot;\""), "{xml}");
        assert!(xml.contains("\n  <b id=\"b1\"/>"), "{xml}");
        assert_eq!(
            doc.to_fragment(),
            "<a x=\"1 &lt; 2 &amp; &quot;q&quot;\"><b id=\"b1\"/><c/></a>"
        );
    }

    #[test]
    fn ids_are_valid_xml_ids() {
        assert_eq!(xml_id("mail-rs"), "mail-rs");
        assert_eq!(xml_id("1st rs"), "sc-1st-rs");
        assert_eq!(xml_id("a:b/c"), "a-b-c");
    }
}
