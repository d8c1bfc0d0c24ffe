//! Small helpers for reading one line of an article: case-insensitive prefixes and searches,
//! markup and quotes stripped, words folded for comparison.

/// Lowercase words of letters and digits joined by single spaces: "Hello, World!" → "hello world".
pub(super) fn fold_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `s` holds a letter or digit.
pub(super) fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// True when `lc` starts with `prefix` and the prefix ends at a word boundary.
pub(super) fn starts_word(lc: &str, prefix: &str) -> bool {
    lc.strip_prefix(prefix).is_some_and(|rest| {
        !prefix.ends_with(|c: char| c.is_alphanumeric())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

/// `line` trimmed, without leading list, quote and emphasis markup or trailing emphasis.
pub(super) fn strip_markup(line: &str) -> &str {
    line.trim()
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '_'
                        | '['
                        | '>'
                        | '#'
                        | '•'
                        | '·'
                        | '|'
                        | '»'
                        | '›'
                        | '-'
                        | '–'
                        | '—'
                        | '='
                        | '~'
                )
        })
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ']'))
}

/// `s` without an ASCII-case-insensitive `prefix`.
pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `s` without one pair of matching surrounding quotes.
pub(super) fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2
            && let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q))
        {
            return inner.trim();
        }
    }
    s
}

/// Byte position of an ASCII `needle` in `hay`, ignoring ASCII case.
pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}
