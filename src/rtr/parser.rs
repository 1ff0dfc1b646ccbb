//! rt_reg(4) grammar: resource-type properties, upgrade directives, then the paramtable.
//!
//! ```text
//! file      := header directive* entry*
//! header    := "Resource_type" "=" value ";" (KEY "=" value ";" | directive)*
//! directive := "#$upgrade" | "#$upgrade_from" version TUNABILITY
//! entry     := "{" "PROPERTY" "=" name ";" (attribute ";")* "}"
//! ```
//!
//! Keys and attribute keywords are case-insensitive. Checks made here, besides the grammar:
//!
//! * header: no duplicate key; `Installed_nodes` refused (administrator only); legal
//!   `Resource_type`/`Vendor_id` names; `RT_version` present and free of forbidden characters;
//!   booleans TRUE/FALSE; `Init_nodes` RG_PRIMARIES or RT_INSTALLED_NODES; `RT_basedir`
//!   absolute; `Start` unless `Prenet_start`, `Stop` unless `Postnet_stop`; relative method paths
//!   only with `RT_basedir`; `Global_zone` and `Proxy` (3.2) are booleans, kept on the type;
//! * directives: `#$upgrade` at most once and before any `#$upgrade_from`, no version twice,
//!   none after the paramtable has started;
//! * entries: `PROPERTY` first, legal name, no property twice; an extension property needs exactly
//!   one type and may not reuse a standard name; a non-extension entry must name a standard
//!   resource property the RTR may declare (not the RGM-set ones, not a timeout of an undeclared
//!   method), keeps the standard type (a type keyword is accepted only if it repeats it) and
//!   inherits the standard attributes it does not set; DEFAULT must fit the type (empty only for
//!   STRING/STRINGARRAY; enum literals match case-insensitively and are stored as declared) and
//!   the bounds; MIN/MAX only for INT, MINLENGTH/MAXLENGTH only for STRING/STRINGARRAY,
//!   ARRAY_MINSIZE/ARRAY_MAXSIZE only for STRINGARRAY, lower bound ≤ upper bound; PER_NODE only
//!   for extension properties, with a DEFAULT, not for STRINGARRAY. `DESCRIPTION` is accepted on
//!   standard overrides too (lenient; it replaces the standard description).

use super::lexer::{Tok, Token, tokenize};
use super::{RT_VERSION_FORBIDDEN, RtrError, is_legal_name};
use crate::model::props::{is_method_timeout, is_query_only, standard_resource_param};
use crate::model::{InitNodes, Method, ParamDecl, PropType, PropValue, ResourceType, Tunable};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    line: usize,
    col: usize,
}

impl Pos {
    fn of(t: &Token) -> Pos {
        Pos {
            line: t.line,
            col: t.col,
        }
    }
    /// The position `n` characters to the right.
    fn right(self, n: usize) -> Pos {
        Pos {
            line: self.line,
            col: self.col + n,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    ResourceType,
    VendorId,
    RtDescription,
    RtVersion,
    ApiVersion,
    Failover,
    SingleInstance,
    InitNodes,
    RtBasedir,
    Pkglist,
    RtSystem,
    GlobalZone,
    Proxy,
    IsLogicalHostname,
    IsSharedAddress,
    Method(Method),
}

const KEYS: [(&str, Key); 15] = [
    ("Resource_type", Key::ResourceType),
    ("Vendor_id", Key::VendorId),
    ("RT_description", Key::RtDescription),
    ("RT_version", Key::RtVersion),
    ("API_version", Key::ApiVersion),
    ("Failover", Key::Failover),
    ("Single_instance", Key::SingleInstance),
    ("Init_nodes", Key::InitNodes),
    ("RT_basedir", Key::RtBasedir),
    ("Pkglist", Key::Pkglist),
    ("RT_system", Key::RtSystem),
    ("Global_zone", Key::GlobalZone),
    ("Proxy", Key::Proxy),
    ("Is_logical_hostname", Key::IsLogicalHostname),
    ("Is_shared_address", Key::IsSharedAddress),
];

fn lookup_key(word: &str) -> Option<Key> {
    KEYS.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word))
        .map(|(_, k)| *k)
        .or_else(|| Method::parse(word).map(Key::Method))
}

fn key_name(k: Key) -> &'static str {
    match k {
        Key::Method(m) => m.rtr_name(),
        _ => KEYS
            .iter()
            .find(|(_, kk)| *kk == k)
            .map(|(n, _)| *n)
            .unwrap_or("?"),
    }
}

fn all_key_names() -> String {
    KEYS.iter()
        .map(|(n, _)| *n)
        .chain(Method::ALL.iter().map(|m| m.rtr_name()))
        .collect::<Vec<_>>()
        .join(", ")
}

const ATTRIBUTES: &str = "PROPERTY, EXTENSION, STRING, INT, BOOLEAN, ENUM, STRINGARRAY, DEFAULT, \
                          MIN, MAX, MINLENGTH, MAXLENGTH, ARRAY_MINSIZE, ARRAY_MAXSIZE, TUNABLE, \
                          DESCRIPTION, PER_NODE";

const TUNABLES: [(&str, Tunable); 6] = [
    ("NONE", Tunable::None),
    ("FALSE", Tunable::None),
    ("TRUE", Tunable::Anytime),
    ("ANYTIME", Tunable::Anytime),
    ("AT_CREATION", Tunable::AtCreation),
    ("WHEN_DISABLED", Tunable::WhenDisabled),
];

fn type_name(t: PropType) -> &'static str {
    match t {
        PropType::String => "STRING",
        PropType::Int => "INT",
        PropType::Boolean => "BOOLEAN",
        PropType::Enum => "ENUM",
        PropType::Stringarray => "STRINGARRAY",
    }
}

const NAME_RULE: &str = "a name that starts with a letter and contains only letters, digits, \
                         `-` and `_` (at most 255 characters)";

/// A scalar value token: its text, where it starts, and whether it was quoted.
struct Val {
    text: String,
    pos: Pos,
    quoted: bool,
}

impl Val {
    /// Position of the character at `index` (in chars) inside the value.
    fn char_pos(&self, index: usize) -> Pos {
        self.pos.right(index + usize::from(self.quoted))
    }
}

/// Resource-type properties collected from the header.
#[derive(Default)]
struct Header {
    seen: Vec<(Key, Pos)>,
    resource_type: String,
    vendor_id: Option<String>,
    rt_description: String,
    rt_version: Option<String>,
    api_version: Option<u32>,
    failover: bool,
    single_instance: bool,
    init_nodes: Option<InitNodes>,
    rt_basedir: Option<String>,
    pkglist: Vec<String>,
    rt_system: bool,
    is_logical_hostname: bool,
    is_shared_address: bool,
    proxy: bool,
    global_zone: bool,
    methods: BTreeMap<Method, Val>,
    upgrade: bool,
    upgrade_from: Vec<(String, String, Pos)>,
}

/// A paramtable entry as written, before it is checked and merged.
struct RawEntry {
    name: String,
    name_pos: Pos,
    extension: Option<Pos>,
    ty: Option<(PropType, Pos)>,
    enum_values: Vec<Val>,
    /// Value tokens (empty for `DEFAULT = ;`) and where the value starts.
    default: Option<(Vec<Val>, Pos)>,
    min: Option<(i64, Pos)>,
    max: Option<(i64, Pos)>,
    min_length: Option<(u32, Pos)>,
    max_length: Option<(u32, Pos)>,
    array_min_size: Option<(u32, Pos)>,
    array_max_size: Option<(u32, Pos)>,
    tunable: Option<(Tunable, Pos)>,
    description: Option<(String, Pos)>,
    per_node: Option<Pos>,
    close: Pos,
}

struct Parser<'a> {
    toks: Vec<Token>,
    pos: usize,
    source: &'a str,
}

type Res<T> = Result<T, RtrError>;

pub(crate) fn parse(text: &str, source: &str) -> Res<ResourceType> {
    let toks = tokenize(text, source)?;
    Parser {
        toks,
        pos: 0,
        source,
    }
    .file()
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn err_at(&self, p: Pos, message: String) -> RtrError {
        RtrError::new(self.source, p.line, p.col, message)
    }

    fn unexpected(&self, t: &Token, expected: &str) -> RtrError {
        self.err_at(
            Pos::of(t),
            format!("expected {expected}, found {}", t.tok.describe()),
        )
    }

    fn expect(&mut self, want: Tok, expected: &str) -> Res<Token> {
        let t = self.next();
        if t.tok == want {
            Ok(t)
        } else {
            Err(self.unexpected(&t, expected))
        }
    }

    fn semi(&mut self, after: &str) -> Res<()> {
        self.expect(Tok::Semi, &format!("`;` after {after}"))
            .map(|_| ())
    }

    /// A single word or quoted string.
    fn value(&mut self, expected: &str) -> Res<Val> {
        let t = self.next();
        match t.tok {
            Tok::Word(ref w) => Ok(Val {
                text: w.clone(),
                pos: Pos::of(&t),
                quoted: false,
            }),
            Tok::Str(ref s) => Ok(Val {
                text: s.clone(),
                pos: Pos::of(&t),
                quoted: true,
            }),
            _ => Err(self.unexpected(&t, expected)),
        }
    }

    /// Comma-separated values up to (not including) `;`; possibly none.
    fn value_list(&mut self, what: &str) -> Res<Vec<Val>> {
        let mut out = Vec::new();
        if self.peek().tok == Tok::Semi {
            return Ok(out);
        }
        loop {
            out.push(self.value(&format!("a value in {what}"))?);
            if self.peek().tok == Tok::Comma {
                self.next();
            } else {
                return Ok(out);
            }
        }
    }

    fn boolean(&self, v: &Val, what: &str) -> Res<bool> {
        if v.text.eq_ignore_ascii_case("TRUE") {
            Ok(true)
        } else if v.text.eq_ignore_ascii_case("FALSE") {
            Ok(false)
        } else {
            Err(self.err_at(
                v.pos,
                format!("expected TRUE or FALSE for {what}, found `{}`", v.text),
            ))
        }
    }

    fn file(&mut self) -> Res<ResourceType> {
        let first = self.peek().clone();
        match &first.tok {
            Tok::Word(w) if lookup_key(w) == Some(Key::ResourceType) => {}
            _ => {
                return Err(self.unexpected(
                    &first,
                    "`Resource_type = name;` as the first entry of the RTR file",
                ));
            }
        }
        let mut h = Header::default();
        // Header and directives.
        let end = loop {
            let t = self.peek().clone();
            match &t.tok {
                Tok::Eof | Tok::LBrace => break Pos::of(&t),
                Tok::Upgrade | Tok::UpgradeFrom { .. } => {
                    self.next();
                    self.directive(&mut h, &t)?;
                }
                Tok::Word(w) => {
                    let w = w.clone();
                    self.next();
                    self.header_entry(&mut h, &w, Pos::of(&t))?;
                }
                _ => {
                    return Err(self.unexpected(
                        &t,
                        "a resource type property (such as `RT_version = \"1.0\";`) or `{`",
                    ));
                }
            }
        };
        let end_tok = self.peek().clone();
        let found = end_tok.tok.describe();
        let Some(rt_version) = h.rt_version.clone() else {
            return Err(self.err_at(
                end,
                format!(
                    "expected an `RT_version = \"…\";` entry among the resource type properties \
                     (mandatory since Sun Cluster 3.1), found {found} before any"
                ),
            ));
        };
        if !h.methods.contains_key(&Method::Start) && !h.methods.contains_key(&Method::PrenetStart)
        {
            return Err(self.err_at(
                end,
                format!(
                    "expected a `Start` method (required unless `Prenet_start` is declared), \
                     found {found} before any"
                ),
            ));
        }
        if !h.methods.contains_key(&Method::Stop) && !h.methods.contains_key(&Method::PostnetStop) {
            return Err(self.err_at(
                end,
                format!(
                    "expected a `Stop` method (required unless `Postnet_stop` is declared), \
                     found {found} before any"
                ),
            ));
        }
        if h.rt_basedir.is_none()
            && let Some((m, v)) = h.methods.iter().find(|(_, v)| !v.text.starts_with('/'))
        {
            return Err(self.err_at(
                v.pos,
                format!(
                    "method path `{}` of {} is relative, so RT_basedir is required: expected \
                     an absolute path or an `RT_basedir = /dir;` entry, found neither",
                    v.text,
                    m.rtr_name()
                ),
            ));
        }

        // Paramtable.
        let mut params: Vec<ParamDecl> = Vec::new();
        let mut names: Vec<(String, Pos)> = Vec::new();
        loop {
            let t = self.next();
            match &t.tok {
                Tok::Eof => break,
                Tok::LBrace => {
                    let raw = self.entry(Pos::of(&t), &names)?;
                    names.push((raw.name.clone(), raw.name_pos));
                    params.push(self.finish_entry(raw, &h.methods)?);
                }
                Tok::Upgrade | Tok::UpgradeFrom { .. } => {
                    return Err(self.unexpected(
                        &t,
                        "`{` (the #$upgrade directives must come before the paramtable)",
                    ));
                }
                Tok::Word(w) if lookup_key(w).is_some() => {
                    return Err(self.unexpected(
                        &t,
                        "`{` (resource type properties must come before the paramtable)",
                    ));
                }
                _ => return Err(self.unexpected(&t, "`{` to start a resource property entry")),
            }
        }

        let name = match &h.vendor_id {
            Some(v) => format!("{v}.{}", h.resource_type),
            None => h.resource_type.clone(),
        };
        let name = if h.upgrade {
            format!("{name}:{rt_version}")
        } else {
            name
        };
        Ok(ResourceType {
            name,
            vendor_id: h.vendor_id,
            resource_type: h.resource_type,
            rt_version,
            rt_description: h.rt_description,
            api_version: h.api_version.unwrap_or(2),
            failover: h.failover,
            single_instance: h.single_instance,
            init_nodes: h.init_nodes.unwrap_or(InitNodes::RgPrimaries),
            rt_basedir: h.rt_basedir.unwrap_or_default(),
            pkglist: h.pkglist,
            rt_system: h.rt_system,
            installed_nodes: None,
            methods: h.methods.into_iter().map(|(m, v)| (m, v.text)).collect(),
            upgrade: h.upgrade,
            upgrade_from: h.upgrade_from.into_iter().map(|(v, t, _)| (v, t)).collect(),
            params,
            is_logical_hostname: h.is_logical_hostname,
            is_shared_address: h.is_shared_address,
            proxy: h.proxy,
            global_zone: h.global_zone,
            source: self.source.to_string(),
        })
    }

    fn check_version(&self, v: &Val, what: &str) -> Res<()> {
        if v.text.is_empty() {
            return Err(self.err_at(
                v.pos,
                format!("expected a non-empty {what}, found an empty string"),
            ));
        }
        if let Some((i, c)) = v
            .text
            .chars()
            .enumerate()
            .find(|(_, c)| RT_VERSION_FORBIDDEN.contains(c) || !c.is_ascii() || c.is_control())
        {
            let shown = match c {
                '\t' => "a tab".to_string(),
                ' ' => "a blank".to_string(),
                c => format!("`{c}`"),
            };
            return Err(self.err_at(
                v.char_pos(i),
                format!(
                    "invalid {what} \"{}\": expected no blank, tab, `/`, `\\`, `*`, `?`, `,`, \
                     `;`, `[` or `]`, found {shown}",
                    v.text
                ),
            ));
        }
        Ok(())
    }

    fn directive(&mut self, h: &mut Header, t: &Token) -> Res<()> {
        let p = Pos::of(t);
        match &t.tok {
            Tok::Upgrade => {
                if h.upgrade {
                    return Err(self.err_at(
                        p,
                        "duplicate #$upgrade directive: expected it at most once".into(),
                    ));
                }
                h.upgrade = true;
            }
            Tok::UpgradeFrom {
                version,
                tunability,
            } => {
                if !h.upgrade {
                    return Err(self.err_at(
                        p,
                        "expected a #$upgrade directive before #$upgrade_from, found none".into(),
                    ));
                }
                if let Some((_, _, first)) = h.upgrade_from.iter().find(|(v, _, _)| v == version) {
                    return Err(self.err_at(
                        p,
                        format!(
                            "duplicate #$upgrade_from for version \"{version}\": expected each \
                             version once, first at line {}",
                            first.line
                        ),
                    ));
                }
                // The lexer does not record where the version starts; report on the directive.
                let val = Val {
                    text: version.clone(),
                    pos: p,
                    quoted: false,
                };
                if let Err(mut e) = self.check_version(&val, "#$upgrade_from version") {
                    (e.line, e.column) = (p.line, p.col);
                    return Err(e);
                }
                h.upgrade_from
                    .push((version.clone(), tunability.clone(), p));
            }
            _ => {}
        }
        Ok(())
    }

    fn header_entry(&mut self, h: &mut Header, word: &str, p: Pos) -> Res<()> {
        if word.eq_ignore_ascii_case("Installed_nodes") {
            return Err(self.err_at(
                p,
                "Installed_nodes cannot be declared in an RTR file: it is set only by the \
                 administrator (scrgadm -c -t TYPE -h NODES, clrt set -n NODES TYPE)"
                    .into(),
            ));
        }
        let Some(key) = lookup_key(word) else {
            return Err(self.err_at(
                p,
                format!(
                    "unknown resource type property `{word}`: expected one of {}",
                    all_key_names()
                ),
            ));
        };
        if let Some((_, first)) = h.seen.iter().find(|(k, _)| *k == key) {
            return Err(self.err_at(
                p,
                format!(
                    "duplicate resource type property `{word}`: expected each key once, {} is \
                     already declared at line {}",
                    key_name(key),
                    first.line
                ),
            ));
        }
        h.seen.push((key, p));
        let name = key_name(key);
        self.expect(Tok::Eq, &format!("`=` after `{word}`"))?;
        let want = format!("a value for {name}");
        match key {
            Key::Pkglist => {
                h.pkglist = self
                    .value_list(name)?
                    .into_iter()
                    .flat_map(|v| {
                        v.text
                            .split(',')
                            .map(|s| s.trim().to_string())
                            .collect::<Vec<_>>()
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            Key::RtDescription if self.peek().tok == Tok::Semi => {}
            _ => {
                let v = self.value(&want)?;
                self.header_value(h, key, v)?;
            }
        }
        self.semi(&format!("the value of {name}"))
    }

    fn header_value(&mut self, h: &mut Header, key: Key, v: Val) -> Res<()> {
        let name = key_name(key);
        match key {
            Key::ResourceType | Key::VendorId => {
                if !is_legal_name(&v.text) {
                    return Err(self.err_at(
                        v.pos,
                        format!("invalid {name} \"{}\": expected {NAME_RULE}", v.text),
                    ));
                }
                if key == Key::ResourceType {
                    h.resource_type = v.text;
                } else {
                    h.vendor_id = Some(v.text);
                }
            }
            Key::RtDescription => h.rt_description = v.text,
            Key::RtVersion => {
                self.check_version(&v, "RT_version")?;
                h.rt_version = Some(v.text);
            }
            Key::ApiVersion => {
                h.api_version = Some(v.text.parse().map_err(|_| {
                    self.err_at(
                        v.pos,
                        format!(
                            "expected a non-negative integer for API_version, found `{}`",
                            v.text
                        ),
                    )
                })?);
            }
            Key::Failover => h.failover = self.boolean(&v, name)?,
            Key::SingleInstance => h.single_instance = self.boolean(&v, name)?,
            Key::RtSystem => h.rt_system = self.boolean(&v, name)?,
            Key::IsLogicalHostname => h.is_logical_hostname = self.boolean(&v, name)?,
            Key::IsSharedAddress => h.is_shared_address = self.boolean(&v, name)?,
            Key::GlobalZone => h.global_zone = self.boolean(&v, name)?,
            Key::Proxy => h.proxy = self.boolean(&v, name)?,
            Key::InitNodes => {
                h.init_nodes = Some(if v.text.eq_ignore_ascii_case("RG_PRIMARIES") {
                    InitNodes::RgPrimaries
                } else if v.text.eq_ignore_ascii_case("RT_INSTALLED_NODES") {
                    InitNodes::RtInstalledNodes
                } else {
                    return Err(self.err_at(
                        v.pos,
                        format!(
                            "expected RG_PRIMARIES or RT_INSTALLED_NODES for Init_nodes, found `{}`",
                            v.text
                        ),
                    ));
                });
            }
            Key::RtBasedir => {
                if !v.text.starts_with('/') {
                    return Err(self.err_at(
                        v.pos,
                        format!(
                            "expected an absolute directory path for RT_basedir, found `{}`",
                            v.text
                        ),
                    ));
                }
                h.rt_basedir = Some(v.text);
            }
            Key::Method(m) => {
                if v.text.is_empty() {
                    return Err(self.err_at(
                        v.pos,
                        format!(
                            "expected a method program path for {}, found an empty string",
                            m.rtr_name()
                        ),
                    ));
                }
                h.methods.insert(m, v);
            }
            Key::Pkglist => {}
        }
        Ok(())
    }

    fn int_attr(&mut self, attr: &str) -> Res<(i64, Pos)> {
        self.expect(Tok::Eq, &format!("`=` after {attr}"))?;
        let v = self.value(&format!("an integer for {attr}"))?;
        let n = v.text.parse::<i64>().map_err(|_| {
            self.err_at(
                v.pos,
                format!("expected an integer for {attr}, found `{}`", v.text),
            )
        })?;
        self.semi(&format!("the value of {attr}"))?;
        Ok((n, v.pos))
    }

    fn size_attr(&mut self, attr: &str) -> Res<(u32, Pos)> {
        self.expect(Tok::Eq, &format!("`=` after {attr}"))?;
        let v = self.value(&format!("a non-negative integer for {attr}"))?;
        let n = v.text.parse::<u32>().map_err(|_| {
            self.err_at(
                v.pos,
                format!(
                    "expected a non-negative integer for {attr}, found `{}`",
                    v.text
                ),
            )
        })?;
        self.semi(&format!("the value of {attr}"))?;
        Ok((n, v.pos))
    }

    /// `{` has been consumed; read up to and including `}`.
    fn entry(&mut self, open: Pos, names: &[(String, Pos)]) -> Res<RawEntry> {
        let t = self.next();
        match &t.tok {
            Tok::Word(w) if w.eq_ignore_ascii_case("PROPERTY") => {}
            _ => {
                return Err(
                    self.unexpected(&t, "`PROPERTY = name;` as the first attribute of the entry")
                );
            }
        }
        self.expect(Tok::Eq, "`=` after PROPERTY")?;
        let name = self.value("a property name after `PROPERTY =`")?;
        if !is_legal_name(&name.text) {
            return Err(self.err_at(
                name.pos,
                format!(
                    "invalid property name \"{}\": expected {NAME_RULE}",
                    name.text
                ),
            ));
        }
        if let Some((_, first)) = names
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&name.text))
        {
            return Err(self.err_at(
                name.pos,
                format!(
                    "duplicate declaration of property `{}`: expected each property once, \
                     first declared at line {}",
                    name.text, first.line
                ),
            ));
        }
        self.semi("the property name")?;
        let mut e = RawEntry {
            name: name.text,
            name_pos: name.pos,
            extension: None,
            ty: None,
            enum_values: Vec::new(),
            default: None,
            min: None,
            max: None,
            min_length: None,
            max_length: None,
            array_min_size: None,
            array_max_size: None,
            tunable: None,
            description: None,
            per_node: None,
            close: open,
        };
        loop {
            let t = self.next();
            let p = Pos::of(&t);
            let attr = match &t.tok {
                Tok::RBrace => {
                    e.close = p;
                    return Ok(e);
                }
                Tok::Word(w) => w.to_ascii_uppercase(),
                Tok::Eof | Tok::LBrace => {
                    return Err(self.unexpected(
                        &t,
                        &format!(
                            "an attribute or `}}` to close the entry for `{}` opened at line {}",
                            e.name, open.line
                        ),
                    ));
                }
                _ => {
                    return Err(
                        self.unexpected(&t, &format!("an attribute ({ATTRIBUTES}) or `}}`"))
                    );
                }
            };
            let dup = |seen: bool, me: &Self| -> Res<()> {
                if seen {
                    Err(me.err_at(
                        p,
                        format!(
                            "duplicate attribute {attr} in the entry for `{}`: expected it at \
                             most once",
                            e.name
                        ),
                    ))
                } else {
                    Ok(())
                }
            };
            match attr.as_str() {
                "PROPERTY" => {
                    return Err(self.err_at(
                        p,
                        format!(
                            "expected PROPERTY only as the first attribute of an entry, found a \
                             second one in the entry for `{}` (missing `}}`?)",
                            e.name
                        ),
                    ));
                }
                "EXTENSION" => {
                    dup(e.extension.is_some(), self)?;
                    e.extension = Some(p);
                    self.semi("EXTENSION")?;
                }
                "PER_NODE" => {
                    dup(e.per_node.is_some(), self)?;
                    e.per_node = Some(p);
                    self.semi("PER_NODE")?;
                }
                "STRING" | "INT" | "BOOLEAN" | "STRINGARRAY" | "ENUM" => {
                    if let Some((prev, _)) = e.ty {
                        return Err(self.err_at(
                            p,
                            format!(
                                "expected one type for `{}`, found {attr} after {}",
                                e.name,
                                type_name(prev)
                            ),
                        ));
                    }
                    let ty = match attr.as_str() {
                        "STRING" => PropType::String,
                        "INT" => PropType::Int,
                        "BOOLEAN" => PropType::Boolean,
                        "STRINGARRAY" => PropType::Stringarray,
                        _ => PropType::Enum,
                    };
                    e.ty = Some((ty, p));
                    if ty == PropType::Enum {
                        self.expect(Tok::LBrace, "`{` after ENUM")?;
                        loop {
                            let t = self.peek().clone();
                            if t.tok == Tok::RBrace {
                                if e.enum_values.is_empty() {
                                    return Err(
                                        self.unexpected(&t, "at least one literal in ENUM { … }")
                                    );
                                }
                                self.next();
                                break;
                            }
                            let v = self.value("an enum literal")?;
                            if !is_legal_name(&v.text) {
                                return Err(self.err_at(
                                    v.pos,
                                    format!(
                                        "invalid ENUM literal \"{}\": expected {NAME_RULE}",
                                        v.text
                                    ),
                                ));
                            }
                            if e.enum_values
                                .iter()
                                .any(|o| o.text.eq_ignore_ascii_case(&v.text))
                            {
                                return Err(self.err_at(
                                    v.pos,
                                    format!(
                                        "duplicate ENUM literal `{}`: expected each literal once",
                                        v.text
                                    ),
                                ));
                            }
                            e.enum_values.push(v);
                            let t = self.next();
                            match t.tok {
                                Tok::Comma => {}
                                Tok::RBrace => break,
                                _ => {
                                    return Err(
                                        self.unexpected(&t, "`,` or `}` after an ENUM literal")
                                    );
                                }
                            }
                        }
                    }
                    self.semi(&attr)?;
                }
                "DEFAULT" => {
                    dup(e.default.is_some(), self)?;
                    self.expect(Tok::Eq, "`=` after DEFAULT")?;
                    let at = Pos::of(self.peek());
                    let vals = self.value_list("DEFAULT")?;
                    self.semi("the DEFAULT value")?;
                    e.default = Some((vals, at));
                }
                "MIN" => {
                    dup(e.min.is_some(), self)?;
                    e.min = Some(self.int_attr("MIN")?);
                }
                "MAX" => {
                    dup(e.max.is_some(), self)?;
                    e.max = Some(self.int_attr("MAX")?);
                }
                "MINLENGTH" => {
                    dup(e.min_length.is_some(), self)?;
                    e.min_length = Some(self.size_attr("MINLENGTH")?);
                }
                "MAXLENGTH" => {
                    dup(e.max_length.is_some(), self)?;
                    e.max_length = Some(self.size_attr("MAXLENGTH")?);
                }
                "ARRAY_MINSIZE" => {
                    dup(e.array_min_size.is_some(), self)?;
                    e.array_min_size = Some(self.size_attr("ARRAY_MINSIZE")?);
                }
                "ARRAY_MAXSIZE" => {
                    dup(e.array_max_size.is_some(), self)?;
                    e.array_max_size = Some(self.size_attr("ARRAY_MAXSIZE")?);
                }
                "TUNABLE" => {
                    dup(e.tunable.is_some(), self)?;
                    self.expect(Tok::Eq, "`=` after TUNABLE")?;
                    let v = self.value("a tunability after `TUNABLE =`")?;
                    let Some((_, tun)) = TUNABLES
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(&v.text))
                    else {
                        return Err(self.err_at(
                            v.pos,
                            format!(
                                "expected one of NONE, FALSE, TRUE, ANYTIME, AT_CREATION, \
                                 WHEN_DISABLED for TUNABLE, found `{}`",
                                v.text
                            ),
                        ));
                    };
                    e.tunable = Some((*tun, v.pos));
                    self.semi("the value of TUNABLE")?;
                }
                "DESCRIPTION" => {
                    dup(e.description.is_some(), self)?;
                    self.expect(Tok::Eq, "`=` after DESCRIPTION")?;
                    let text = if self.peek().tok == Tok::Semi {
                        String::new()
                    } else {
                        self.value("a description string")?.text
                    };
                    e.description = Some((text, p));
                    self.semi("the value of DESCRIPTION")?;
                }
                _ => {
                    return Err(self.err_at(
                        p,
                        format!(
                            "unknown attribute `{}` in the entry for `{}`: expected one of \
                             {ATTRIBUTES}, or `}}`",
                            match &t.tok {
                                Tok::Word(w) => w.as_str(),
                                _ => "",
                            },
                            e.name
                        ),
                    ));
                }
            }
        }
    }

    /// Check an entry and turn it into the stored declaration (standard overrides merged).
    fn finish_entry(&self, e: RawEntry, methods: &BTreeMap<Method, Val>) -> Res<ParamDecl> {
        let mut d = if e.extension.is_some() {
            if let Some(std) = standard_resource_param(&e.name) {
                return Err(self.err_at(
                    e.name_pos,
                    format!(
                        "extension property `{}` has the name of the system-defined property \
                         `{}`: expected another name, or no EXTENSION to override the standard \
                         property",
                        e.name, std.name
                    ),
                ));
            }
            let Some((ty, _)) = e.ty else {
                return Err(self.err_at(
                    e.close,
                    format!(
                        "expected a type (STRING, INT, BOOLEAN, ENUM {{…}} or STRINGARRAY) for \
                         extension property `{}`, found `}}` before any",
                        e.name
                    ),
                ));
            };
            ParamDecl {
                enum_values: e.enum_values.iter().map(|v| v.text.clone()).collect(),
                per_node: e.per_node.is_some(),
                ..ParamDecl::new(&e.name, ty, true)
            }
        } else {
            let Some(std) = standard_resource_param(&e.name) else {
                return Err(self.err_at(
                    e.name_pos,
                    format!(
                        "unknown system-defined resource property `{}`: expected a standard \
                         resource property name (r_properties(5)), or add `EXTENSION;` and a \
                         type to declare an extension property",
                        e.name
                    ),
                ));
            };
            if is_query_only(&std.name) || std.name == "Type_version" {
                return Err(self.err_at(
                    e.name_pos,
                    format!(
                        "property `{}` is set by the RGM or the administrator and cannot be \
                         declared in an RTR file",
                        std.name
                    ),
                ));
            }
            if let Some(m) = is_method_timeout(&std.name)
                && !methods.contains_key(&m)
            {
                return Err(self.err_at(
                    e.name_pos,
                    format!(
                        "`{}` declared but the type has no {} method: expected timeouts only \
                         for declared methods",
                        std.name,
                        m.rtr_name().to_ascii_uppercase()
                    ),
                ));
            }
            if let Some((ty, p)) = e.ty
                && (ty != std.ty || ty == PropType::Enum)
            {
                return Err(self.err_at(
                    p,
                    format!(
                        "the type of system-defined property `{}` is fixed ({}): expected a type \
                         keyword only with EXTENSION, found {}",
                        std.name,
                        type_name(std.ty),
                        type_name(ty)
                    ),
                ));
            }
            if let Some(p) = e.per_node {
                return Err(self.err_at(
                    p,
                    format!(
                        "expected PER_NODE only on extension properties, found it on \
                         system-defined property `{}`",
                        std.name
                    ),
                ));
            }
            std.clone()
        };

        if let Some((t, _)) = e.tunable {
            d.tunable = t;
        }
        if let Some((text, _)) = &e.description {
            d.description = text.clone();
        }
        let ty = d.ty;
        let only = |p: Pos, attr: &str, allowed: &[PropType]| -> Res<()> {
            if allowed.contains(&ty) {
                Ok(())
            } else {
                Err(self.err_at(
                    p,
                    format!(
                        "expected {attr} only on {} properties, found it on {} property `{}`",
                        allowed
                            .iter()
                            .map(|t| type_name(*t))
                            .collect::<Vec<_>>()
                            .join(" or "),
                        type_name(ty),
                        d.name
                    ),
                ))
            }
        };
        let ints = [PropType::Int];
        let strs = [PropType::String, PropType::Stringarray];
        let arrays = [PropType::Stringarray];
        if let Some((n, p)) = e.min {
            only(p, "MIN", &ints)?;
            d.min = Some(n);
        }
        if let Some((n, p)) = e.max {
            only(p, "MAX", &ints)?;
            d.max = Some(n);
        }
        if let Some((n, p)) = e.min_length {
            only(p, "MINLENGTH", &strs)?;
            d.min_length = Some(n);
        }
        if let Some((n, p)) = e.max_length {
            only(p, "MAXLENGTH", &strs)?;
            d.max_length = Some(n);
        }
        if let Some((n, p)) = e.array_min_size {
            only(p, "ARRAY_MINSIZE", &arrays)?;
            d.array_min_size = Some(n);
        }
        if let Some((n, p)) = e.array_max_size {
            only(p, "ARRAY_MAXSIZE", &arrays)?;
            d.array_max_size = Some(n);
        }
        let bound_pair = |lo: Option<i64>,
                          hi: Option<i64>,
                          lo_name: &str,
                          hi_name: &str,
                          at: Option<Pos>|
         -> Res<()> {
            match (lo, hi) {
                (Some(l), Some(h)) if l > h => Err(self.err_at(
                    at.unwrap_or(e.name_pos),
                    format!(
                        "expected {lo_name} ≤ {hi_name} for `{}`, found {lo_name} {l} > \
                         {hi_name} {h}",
                        d.name
                    ),
                )),
                _ => Ok(()),
            }
        };
        let later =
            |a: Option<Pos>, b: Option<Pos>| a.into_iter().chain(b).max_by_key(|p| (p.line, p.col));
        bound_pair(
            d.min,
            d.max,
            "MIN",
            "MAX",
            later(e.max.map(|x| x.1), e.min.map(|x| x.1)),
        )?;
        bound_pair(
            d.min_length.map(i64::from),
            d.max_length.map(i64::from),
            "MINLENGTH",
            "MAXLENGTH",
            later(e.max_length.map(|x| x.1), e.min_length.map(|x| x.1)),
        )?;
        bound_pair(
            d.array_min_size.map(i64::from),
            d.array_max_size.map(i64::from),
            "ARRAY_MINSIZE",
            "ARRAY_MAXSIZE",
            later(e.array_max_size.map(|x| x.1), e.array_min_size.map(|x| x.1)),
        )?;

        if let Some((vals, at)) = &e.default {
            d.default = Some(self.default_value(&d, vals, *at)?);
        }
        if let Some(def) = &d.default {
            let at = e.default.as_ref().map(|x| x.1).unwrap_or(e.name_pos);
            self.check_default_bounds(&d, def, at)?;
        }
        if let Some(p) = e.per_node {
            if d.ty == PropType::Stringarray {
                return Err(self.err_at(
                    p,
                    format!(
                        "expected PER_NODE only on STRING, INT, BOOLEAN or ENUM properties, found \
                         it on STRINGARRAY property `{}`",
                        d.name
                    ),
                ));
            }
            if e.default.is_none() {
                return Err(self.err_at(
                    p,
                    format!(
                        "PER_NODE property `{}` requires a DEFAULT: expected `DEFAULT = …;`, \
                         found none",
                        d.name
                    ),
                ));
            }
        }
        Ok(d)
    }

    /// Interpret the DEFAULT tokens according to the property's type.
    fn default_value(&self, d: &ParamDecl, vals: &[Val], at: Pos) -> Res<PropValue> {
        let tyname = type_name(d.ty);
        if d.ty == PropType::Stringarray {
            let items = vals
                .iter()
                .flat_map(|v| v.text.split(',').map(|s| s.trim().to_string()))
                .filter(|s| !s.is_empty())
                .collect();
            return Ok(PropValue::List(items));
        }
        let v = match vals {
            [] => None,
            [v] => Some(v),
            [_, second, ..] => {
                return Err(self.err_at(
                    second.pos,
                    format!(
                        "expected a single DEFAULT value for {tyname} property `{}`, found a \
                         list",
                        d.name
                    ),
                ));
            }
        };
        if d.ty == PropType::String {
            return Ok(PropValue::Str(
                v.map(|v| v.text.clone()).unwrap_or_default(),
            ));
        }
        let Some(v) = v.filter(|v| !v.text.is_empty()) else {
            let what = match d.ty {
                PropType::Int => "an integer",
                PropType::Boolean => "TRUE or FALSE",
                _ => "one of the ENUM literals",
            };
            return Err(self.err_at(
                at,
                format!(
                    "expected {what} as DEFAULT for {tyname} property `{}`, found an empty \
                     value (empty defaults are allowed only for STRING and STRINGARRAY)",
                    d.name
                ),
            ));
        };
        match d.ty {
            PropType::Int => v.text.parse::<i64>().map(PropValue::Int).map_err(|_| {
                self.err_at(
                    v.pos,
                    format!(
                        "expected an integer as DEFAULT for INT property `{}`, found `{}`",
                        d.name, v.text
                    ),
                )
            }),
            PropType::Boolean => self
                .boolean(v, &format!("the DEFAULT of `{}`", d.name))
                .map(PropValue::Bool),
            _ => d
                .enum_values
                .iter()
                .find(|l| l.eq_ignore_ascii_case(&v.text))
                .map(|l| PropValue::Str(l.clone()))
                .ok_or_else(|| {
                    self.err_at(
                        v.pos,
                        format!(
                            "expected one of the ENUM literals {} as DEFAULT for `{}`, found `{}`",
                            d.enum_values.join(", "),
                            d.name,
                            v.text
                        ),
                    )
                }),
        }
    }

    fn check_default_bounds(&self, d: &ParamDecl, def: &PropValue, at: Pos) -> Res<()> {
        let fail = |msg: String| Err(self.err_at(at, msg));
        match def {
            PropValue::Int(n) => {
                if let Some(min) = d.min.filter(|m| n < m) {
                    return fail(format!(
                        "expected a DEFAULT of at least MIN {min} for `{}`, found {n}",
                        d.name
                    ));
                }
                if let Some(max) = d.max.filter(|m| n > m) {
                    return fail(format!(
                        "expected a DEFAULT of at most MAX {max} for `{}`, found {n}",
                        d.name
                    ));
                }
            }
            // An empty string default means "unset" and is exempt from MINLENGTH.
            PropValue::Str(s) if d.ty == PropType::String && !s.is_empty() => {
                self.check_len(d, s, at)?;
            }
            PropValue::List(items) => {
                let n = items.len() as u32;
                if let Some(min) = d.array_min_size.filter(|m| n < *m) {
                    return fail(format!(
                        "expected a DEFAULT of at least ARRAY_MINSIZE {min} elements for `{}`, \
                         found {n}",
                        d.name
                    ));
                }
                if let Some(max) = d.array_max_size.filter(|m| n > *m) {
                    return fail(format!(
                        "expected a DEFAULT of at most ARRAY_MAXSIZE {max} elements for `{}`, \
                         found {n}",
                        d.name
                    ));
                }
                for s in items {
                    self.check_len(d, s, at)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_len(&self, d: &ParamDecl, s: &str, at: Pos) -> Res<()> {
        let len = s.chars().count() as u32;
        if let Some(min) = d.min_length.filter(|m| len < *m) {
            return Err(self.err_at(
                at,
                format!(
                    "expected a DEFAULT of at least MINLENGTH {min} characters for `{}`, found \
                     \"{s}\" ({len})",
                    d.name
                ),
            ));
        }
        if let Some(max) = d.max_length.filter(|m| len > *m) {
            return Err(self.err_at(
                at,
                format!(
                    "expected a DEFAULT of at most MAXLENGTH {max} characters for `{}`, found \
                     \"{s}\" ({len})",
                    d.name
                ),
            ));
        }
        Ok(())
    }
}
