//! Markdown reduced to the text a reader sees: emphasis, links, images, inline code, block
//! quotes, reference definitions and rules are taken out; headings, front matter, paragraphs
//! and list items stay, so the importer reads the layout as in any text file.
//!
//! Only inline markup with a clear opening and closing on one line is removed; anything
//! ambiguous ("5 * 3", snake_case_names, a lone "[") is left as written.

/// Lines longer than this (in characters) keep their inline markup: real paragraphs are far
/// shorter, and the delimiter search is quadratic in the worst case.
const MAX_INLINE_LINE_CHARS: usize = 10_000;

/// How deeply nested emphasis and link text is reduced; deeper markup stays as written.
const MAX_INLINE_DEPTH: usize = 8;

/// Reduce Markdown `text` to plain text (line structure kept, one output line per input line).
pub fn reduce_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence: Option<&str> = None;
    let mut in_front_matter = false;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let (body, ending) = split_ending(line);
        let trimmed = body.trim();
        if index == 0 && (trimmed == "---" || trimmed == "+++") {
            in_front_matter = true;
            out.push_str(line);
            continue;
        }
        if in_front_matter {
            if trimmed == "---" || trimmed == "+++" || trimmed == "..." {
                in_front_matter = false;
            }
            out.push_str(line);
            continue;
        }
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
                out.push_str(ending);
            } else {
                out.push_str(line);
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(&trimmed[..3]);
            out.push_str(ending);
            continue;
        }
        if is_rule(trimmed) || is_reference_definition(trimmed) {
            out.push_str(ending);
            continue;
        }
        let indent_len = body.len() - body.trim_start().len();
        let (indent, content) = body.split_at(indent_len);
        let content = strip_quote_marks(content);
        out.push_str(indent);
        if content.len() > MAX_INLINE_LINE_CHARS {
            out.push_str(content);
        } else {
            out.push_str(&reduce_inline(content, 0));
        }
        out.push_str(ending);
    }
    out
}

fn split_ending(line: &str) -> (&str, &str) {
    let body = line.trim_end_matches(['\n', '\r']);
    (body, &line[body.len()..])
}

/// `---`, `***`, `___` (three or more, spaces allowed) on a line of their own.
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

/// `[label]: https://…` — a link target, not text.
fn is_reference_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    let Some((label, target)) = rest.split_once("]:") else {
        return false;
    };
    !label.is_empty() && !label.contains(']') && !target.trim().is_empty()
}

/// `> quoted` → `quoted` (nested `> >` too).
fn strip_quote_marks(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.strip_prefix(' ').unwrap_or(rest);
    }
    line
}

/// Inline markup of one line reduced to its text.
fn reduce_inline(line: &str, depth: usize) -> String {
    if depth > MAX_INLINE_DEPTH {
        return line.to_owned();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_at(&chars, i + 1) {
                // An image: its alt text is a caption, never part of the story's text.
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_at(&chars, i) {
                Some((text, end)) => {
                    out.push_str(&reduce_inline(&text, depth + 1));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => match autolink_at(&chars, i) {
                Some((url, end)) => {
                    out.push_str(&url);
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => match closing(&chars, i + 1, "`") {
                Some(close) if close > i + 1 => {
                    out.extend(&chars[i + 1..close]);
                    i = close + 1;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            },
            '*' | '_' | '~' => match emphasis_at(&chars, i) {
                Some((inner_start, inner_end, end)) => {
                    let inner: String = chars[inner_start..inner_end].iter().collect();
                    out.push_str(&reduce_inline(&inner, depth + 1));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// `[text](target)` or `[text][ref]` starting at `open`: the text and the index after it.
fn link_at(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (j, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let text: String = chars[open + 1..close].iter().collect();
    match chars.get(close + 1) {
        Some('(') => {
            let end = chars[close + 2..].iter().position(|&c| c == ')')? + close + 2;
            Some((text, end + 1))
        }
        Some('[') => {
            let end = chars[close + 2..].iter().position(|&c| c == ']')? + close + 2;
            Some((text, end + 1))
        }
        _ => None,
    }
}

/// `<https://…>` or `<name@example.com>` starting at `open`.
fn autolink_at(chars: &[char], open: usize) -> Option<(String, usize)> {
    let close = chars[open + 1..].iter().position(|&c| c == '>')? + open + 1;
    let inner: String = chars[open + 1..close].iter().collect();
    let lower = inner.to_ascii_lowercase();
    let is_link = (lower.starts_with("http://") || lower.starts_with("https://"))
        || (inner.contains('@') && !inner.contains(' '));
    (is_link && !inner.contains(char::is_whitespace)).then_some((inner, close + 1))
}

/// The index of `delimiter` at or after `from`.
fn closing(chars: &[char], from: usize, delimiter: &str) -> Option<usize> {
    let d: Vec<char> = delimiter.chars().collect();
    (from..chars.len().saturating_sub(d.len() - 1)).find(|&j| chars[j..j + d.len()] == d[..])
}

/// Emphasis (`*x*`, `**x**`, `_x_`, `__x__`, `~~x~~`) at `i`: where the inner text starts and
/// ends and the index after the closing delimiter. Opening delimiters must be followed, and
/// closing ones preceded, by a non-space; `_` must not sit inside a word.
fn emphasis_at(chars: &[char], i: usize) -> Option<(usize, usize, usize)> {
    let mark = chars[i];
    let run = chars[i..].iter().take_while(|&&c| c == mark).count();
    let width = match mark {
        '~' if run >= 2 => 2,
        '~' => return None,
        _ => run.min(2),
    };
    let inner_start = i + width;
    if chars.get(inner_start).is_none_or(|c| c.is_whitespace()) {
        return None;
    }
    if mark == '_' && i > 0 && chars[i - 1].is_alphanumeric() {
        return None;
    }
    let delimiter: String = std::iter::repeat_n(mark, width).collect();
    let mut from = inner_start + 1;
    while let Some(close) = closing(chars, from, &delimiter) {
        let after = close + width;
        let preceded_by_space = chars[close - 1].is_whitespace();
        let longer_run = chars.get(after) == Some(&mark);
        let intraword = mark == '_' && chars.get(after).is_some_and(|c| c.is_alphanumeric());
        if !preceded_by_space && !longer_run && !intraword {
            return Some((inner_start, close, after));
        }
        from = close + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_links_and_code_become_text() {
        let md = "The **Harbour Bridge** reopened on [Monday](https://x.example/a) after _six_ weeks, \
                  `officials` said ~~today~~.\n";
        assert_eq!(
            reduce_markdown(md),
            "The Harbour Bridge reopened on Monday after six weeks, officials said today.\n"
        );
    }

    #[test]
    fn images_reference_definitions_rules_and_fences_go() {
        let md = "Para one ![Cables on the bridge](img.jpg) ends.\n\n---\n\n[1]: https://x.example\n\
                  ```\ncode line\n```\nSee [the report][1].\n";
        assert_eq!(
            reduce_markdown(md),
            "Para one  ends.\n\n\n\n\n\ncode line\n\nSee the report.\n"
        );
    }

    #[test]
    fn ambiguous_characters_are_left_alone() {
        for line in [
            "Costs rose 5 * 3 times; snake_case_name stays.",
            "A lone [ bracket and a lone * star.",
            "An email-like <not a link> stays.",
            "Prices fell 2*3 and 4 _ 5.",
        ] {
            assert_eq!(reduce_markdown(line), line, "{line}");
        }
    }

    #[test]
    fn front_matter_headings_quotes_and_line_endings_are_kept() {
        let md = "---\ntitle: \"A *b* c\"\n---\r\n# Bridge **reopens**\r\n> \"We are *glad*,\" she said.\r\n\\*not emphasis\\*\r\n";
        assert_eq!(
            reduce_markdown(md),
            "---\ntitle: \"A *b* c\"\n---\r\n# Bridge reopens\r\n\"We are glad,\" she said.\r\n*not emphasis*\r\n"
        );
    }

    #[test]
    fn hostile_lines_end_quickly_without_panicking() {
        for line in [
            "*".repeat(9_000),
            "**a".repeat(3_000),
            "[".repeat(5_000) + &"](x)".repeat(100),
            "_a ".repeat(4_000),
            "![".repeat(3_000),
            "x".repeat(50_000) + "**y**",
        ] {
            let out = reduce_markdown(&line);
            assert!(out.len() <= line.len());
        }
    }

    #[test]
    fn autolinks_and_nested_emphasis() {
        assert_eq!(
            reduce_markdown("Read <https://x.example/r> and ***both*** or **bold _and_ it**."),
            "Read https://x.example/r and both or bold and it."
        );
    }
}
