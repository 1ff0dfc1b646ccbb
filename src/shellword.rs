//! Quoting words for a POSIX shell, so printed command lines can be pasted back.

use std::borrow::Cow;

/// `word` as one shell word: unchanged when it holds only characters no shell treats
/// specially, else in single quotes (a single quote inside becomes `'\''`).
pub fn quote(word: &str) -> Cow<'_, str> {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '-' | '_' | '.' | ',' | '/' | ':' | '=' | '@' | '+' | '%')
        });
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', r"'\''")))
    }
}

/// Words joined into one command line, each quoted as needed.
pub fn join<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words.into_iter().map(quote).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("-y"), "-y");
        assert_eq!(quote("Retry_count=2"), "Retry_count=2");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(
            join(["scrgadm", "-c", "-y", "RG_description=mail server"]),
            "scrgadm -c -y 'RG_description=mail server'"
        );
    }
}
