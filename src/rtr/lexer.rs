//! Tokenizer for rt_reg(4) files.
//!
//! Tokens: bare words (anything up to blank, `;`, `=`, `{`, `}`, `,`, `#` or a quote: names,
//! paths, numbers including negative ones), quoted strings (ASCII `"…"` or typographic `“…”`,
//! no escapes, never spanning a line), the punctuation `; = { } ,`, and the two directive
//! comments `#$upgrade` and `#$upgrade_from "version" TUNABILITY`. Any other `#` starts a comment
//! that runs to the end of the line (so `#$Revision$`-style lines are plain comments). Lines and
//! columns are 1-based; columns count characters, not bytes.

use super::RtrError;

/// Tunability keywords of `#$upgrade_from`.
pub(crate) const UPGRADE_TUNABILITIES: [&str; 6] = [
    "ANYTIME",
    "WHEN_DISABLED",
    "WHEN_OFFLINE",
    "WHEN_UNMANAGED",
    "WHEN_UNMONITORED",
    "AT_CREATION",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    Word(String),
    Str(String),
    Semi,
    Eq,
    LBrace,
    RBrace,
    Comma,
    /// `#$upgrade`
    Upgrade,
    /// `#$upgrade_from "version" TUNABILITY` (tunability in upper case).
    UpgradeFrom {
        version: String,
        tunability: String,
    },
    Eof,
}

impl Tok {
    /// How the token is named in error messages ("found …").
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Word(w) => format!("`{w}`"),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::Semi => "`;`".into(),
            Tok::Eq => "`=`".into(),
            Tok::LBrace => "`{`".into(),
            Tok::RBrace => "`}`".into(),
            Tok::Comma => "`,`".into(),
            Tok::Upgrade => "`#$upgrade`".into(),
            Tok::UpgradeFrom { .. } => "`#$upgrade_from`".into(),
            Tok::Eof => "end of file".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub line: usize,
    pub col: usize,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}')
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, ';' | '=' | '{' | '}' | ',' | '#') && !is_open_quote(c)
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    col: usize,
    source: &'a str,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn error(&self, line: usize, col: usize, message: String) -> RtrError {
        RtrError::new(self.source, line, col, message)
    }

    /// Quoted string starting at the current (quote) character.
    fn string(&mut self) -> Result<String, RtrError> {
        let (line, col) = (self.line, self.col);
        let open = self.bump().unwrap_or('"');
        let mut s = String::new();
        loop {
            match self.peek() {
                None | Some('\n') | Some('\r') => {
                    let found = if self.peek().is_none() {
                        "end of file"
                    } else {
                        "end of line"
                    };
                    return Err(self.error(
                        line,
                        col,
                        format!(
                            "unterminated string: expected a closing quote for the {open}…{} \
                             opened here, found {found}",
                            if open == '"' { '"' } else { '\u{201D}' }
                        ),
                    ));
                }
                Some(c) if is_open_quote(c) => {
                    self.bump();
                    return Ok(s);
                }
                Some(c) => {
                    s.push(c);
                    self.bump();
                }
            }
        }
    }

    fn word(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek().filter(|c| is_word_char(*c)) {
            s.push(c);
            self.bump();
        }
        s
    }

    fn skip_blanks_in_line(&mut self) {
        while self.peek().is_some_and(|c| c.is_whitespace() && c != '\n') {
            self.bump();
        }
    }

    fn skip_to_eol(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// At `#`: a directive token, or `None` after skipping a plain comment.
    fn comment(&mut self) -> Result<Option<Tok>, RtrError> {
        self.bump(); // '#'
        if self.peek() != Some('$') {
            self.skip_to_eol();
            return Ok(None);
        }
        let save = (self.pos, self.line, self.col);
        self.bump(); // '$'
        let mut ident = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        {
            ident.push(c);
            self.bump();
        }
        let upgrade = ident.eq_ignore_ascii_case("upgrade");
        let upgrade_from = ident.eq_ignore_ascii_case("upgrade_from");
        if !upgrade && !upgrade_from {
            (self.pos, self.line, self.col) = save;
            self.skip_to_eol();
            return Ok(None);
        }
        let rest =
            |lx: &mut Self, what: &str| -> Result<Option<(String, usize, usize)>, RtrError> {
                lx.skip_blanks_in_line();
                let (l, c) = (lx.line, lx.col);
                match lx.peek() {
                    None | Some('\n') | Some('#') => Ok(None),
                    Some(q) if is_open_quote(q) => Ok(Some((lx.string()?, l, c))),
                    Some(q) if is_word_char(q) => Ok(Some((lx.word(), l, c))),
                    Some(q) => Err(lx.error(l, c, format!("expected {what}, found `{q}`"))),
                }
            };
        if upgrade {
            if let Some((w, l, c)) = rest(self, "end of line after #$upgrade")? {
                return Err(self.error(
                    l,
                    c,
                    format!("expected end of line after #$upgrade, found `{w}`"),
                ));
            }
            return Ok(Some(Tok::Upgrade));
        }
        let Some((version, _, _)) = rest(self, "a quoted RT_version after #$upgrade_from")? else {
            return Err(self.error(
                self.line,
                self.col,
                "expected a quoted RT_version after #$upgrade_from, found end of line".into(),
            ));
        };
        let expected = format!(
            "a tunability ({}) after the version",
            UPGRADE_TUNABILITIES.join(", ")
        );
        let Some((tun, l, c)) = rest(self, &expected)? else {
            return Err(self.error(
                self.line,
                self.col,
                format!("expected {expected} in #$upgrade_from, found end of line"),
            ));
        };
        let Some(tunability) = UPGRADE_TUNABILITIES
            .iter()
            .find(|t| t.eq_ignore_ascii_case(&tun))
        else {
            return Err(self.error(l, c, format!("expected {expected}, found `{tun}`")));
        };
        if let Some((w, l, c)) = rest(self, "end of line")? {
            return Err(self.error(
                l,
                c,
                format!("expected end of line after #$upgrade_from \"{version}\" {tunability}, found `{w}`"),
            ));
        }
        Ok(Some(Tok::UpgradeFrom {
            version,
            tunability: tunability.to_string(),
        }))
    }
}

/// Split an RTR text into tokens, ending with [`Tok::Eof`].
pub(crate) fn tokenize(text: &str, source: &str) -> Result<Vec<Token>, RtrError> {
    let mut lx = Lexer {
        chars: text.chars().collect(),
        pos: 0,
        line: 1,
        col: 1,
        source,
    };
    let mut out = Vec::new();
    while let Some(c) = lx.peek() {
        let (line, col) = (lx.line, lx.col);
        let tok = match c {
            c if c.is_whitespace() => {
                lx.bump();
                continue;
            }
            '#' => match lx.comment()? {
                Some(t) => t,
                None => continue,
            },
            ';' | '=' | '{' | '}' | ',' => {
                lx.bump();
                match c {
                    ';' => Tok::Semi,
                    '=' => Tok::Eq,
                    '{' => Tok::LBrace,
                    '}' => Tok::RBrace,
                    _ => Tok::Comma,
                }
            }
            c if is_open_quote(c) => Tok::Str(lx.string()?),
            _ => Tok::Word(lx.word()),
        };
        // Values from an RTR file obey the same rules as values given to scrgadm: no control
        // characters (a NUL, or an escape sequence that `scrgadm -pv` would print raw), at
        // most 4 MiB − 1 bytes.
        if let Tok::Str(s) | Tok::Word(s) = &tok
            && let Some(why) = crate::admin::names::value_chars_reason(s)
        {
            let shown: String = s.chars().take(40).collect();
            return Err(lx.error(
                line,
                col,
                format!(
                    "value \"{}\"{} is not legal: {why}",
                    shown.escape_debug(),
                    if shown.len() < s.len() { "…" } else { "" }
                ),
            ));
        }
        out.push(Token { tok, line, col });
    }
    out.push(Token {
        tok: Tok::Eof,
        line: lx.line,
        col: lx.col,
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Tok, usize, usize)> {
        tokenize(s, "t")
            .unwrap()
            .into_iter()
            .map(|t| (t.tok, t.line, t.col))
            .collect()
    }

    #[test]
    fn words_strings_punctuation() {
        let t = toks("RT_basedir=/opt/x/bin;\n  Default = -1 ; # c\n{\"a b\",“c”}");
        assert_eq!(
            t,
            vec![
                (Tok::Word("RT_basedir".into()), 1, 1),
                (Tok::Eq, 1, 11),
                (Tok::Word("/opt/x/bin".into()), 1, 12),
                (Tok::Semi, 1, 22),
                (Tok::Word("Default".into()), 2, 3),
                (Tok::Eq, 2, 11),
                (Tok::Word("-1".into()), 2, 13),
                (Tok::Semi, 2, 16),
                (Tok::LBrace, 3, 1),
                (Tok::Str("a b".into()), 3, 2),
                (Tok::Comma, 3, 7),
                (Tok::Str("c".into()), 3, 8),
                (Tok::RBrace, 3, 11),
                (Tok::Eof, 3, 12),
            ]
        );
    }

    #[test]
    fn directives() {
        let t = toks(
            "#$upgrade\n#$UPGRADE_FROM \"3.1\" anytime\n#$Revision: 1.2 $\n#$upgrade_from 2 when_disabled # note\n",
        );
        assert_eq!(t[0].0, Tok::Upgrade);
        assert_eq!(
            t[1].0,
            Tok::UpgradeFrom {
                version: "3.1".into(),
                tunability: "ANYTIME".into()
            }
        );
        assert_eq!(
            t[2].0,
            Tok::UpgradeFrom {
                version: "2".into(),
                tunability: "WHEN_DISABLED".into()
            }
        );
        assert_eq!(t[3].0, Tok::Eof);
    }

    #[test]
    fn directive_errors() {
        let e = tokenize("#$upgrade_from \"1\" sometimes\n", "f").unwrap_err();
        assert_eq!((e.line, e.column), (1, 20));
        assert!(e.message.contains("found `sometimes`"), "{e}");
        let e = tokenize("#$upgrade_from\n", "f").unwrap_err();
        assert_eq!((e.line, e.column), (1, 15));
        let e = tokenize("#$upgrade now\n", "f").unwrap_err();
        assert_eq!((e.line, e.column), (1, 11));
    }

    #[test]
    fn unterminated_string() {
        let e = tokenize("X = \"abc\nY", "f").unwrap_err();
        assert_eq!((e.line, e.column), (1, 5));
        assert!(e.message.contains("unterminated string"));
        assert!(e.message.contains("end of line"));
    }

    #[test]
    fn crlf_is_whitespace() {
        let t = toks("A = b;\r\nC");
        assert_eq!(t[4], (Tok::Word("C".into()), 2, 1));
    }
}
