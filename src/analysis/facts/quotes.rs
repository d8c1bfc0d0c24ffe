//! Direct quotes, including quotes that are elided or run across sentences.

use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::tokens::char_at;
use crate::analysis::facts::tokens::char_before;
use crate::analysis::facts::types::QuoteFact;
use crate::ingest::article::Span;

/// True when a single mark opening at `pos` is an apostrophe: "’90s", "'n'", "'em".
pub(super) fn elided(s: &str, pos: usize) -> bool {
    let rest = s.get(pos..).unwrap_or("");
    let b = rest.as_bytes();
    if b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2)
            .is_none_or(|&x| x == b's' || !x.is_ascii_alphanumeric())
    {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["n", "em", "til", "tis", "twas", "cause", "bout"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

impl Cx<'_> {
    pub(super) fn quotes(&mut self) -> Vec<QuoteFact> {
        let s = self.s;
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut dbl: Option<(usize, char)> = None;
        let mut sgl: Option<(usize, char)> = None;
        let mut seen = false;
        for t in &self.t {
            if t.kind != Kind::Punct {
                continue;
            }
            let Some(c) = char_at(s, t.start) else {
                continue;
            };
            let prev = char_before(s, t.start);
            let next = char_at(s, t.end);
            let opens = next.is_some_and(|n| !n.is_whitespace())
                && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«„\"'".contains(p));
            let closes = prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric());
            match c {
                '“' | '„' | '«' => {
                    match dbl {
                        None => dbl = Some((t.end, c)),
                        Some((from, '„')) if c == '“' => {
                            found.push((from, t.start));
                            dbl = None;
                        }
                        _ => {}
                    }
                    seen = true;
                }
                '”' | '"' | '»' => {
                    if let Some((from, _)) = dbl {
                        found.push((from, t.start));
                        dbl = None;
                        if sgl.is_some_and(|(f, _)| f > from) {
                            sgl = None;
                        }
                    } else if opens && !closes {
                        dbl = Some((t.end, c));
                    } else if !seen && closes {
                        // Closes a quote opened in an earlier sentence.
                        found.push((0, t.start));
                    }
                    seen = true;
                }
                '‘' if opens && sgl.is_none() && !elided(s, t.end) => {
                    sgl = Some((t.end, c));
                }
                '’' | '\'' => {
                    if let Some((from, _)) = sgl
                        && closes
                    {
                        found.push((from, t.start));
                        sgl = None;
                    } else if c == '\'' && opens && sgl.is_none() && !elided(s, t.end) {
                        sgl = Some((t.end, c));
                    }
                }
                _ => {}
            }
        }
        if let Some((from, _)) = dbl {
            found.push((from, s.len()));
        }
        if let Some((from, '‘')) = sgl {
            found.push((from, s.len()));
        }
        // Trim whitespace, drop empty quotes and quotes nested inside another.
        let mut spans: Vec<(usize, usize)> = found
            .into_iter()
            .filter_map(|(a, b)| {
                let inner = s.get(a..b)?;
                let start = a + (inner.len() - inner.trim_start().len());
                let end = b - (inner.len() - inner.trim_end().len());
                (start < end).then_some((start, end))
            })
            .collect();
        spans.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (a, b) in spans {
            if !kept.iter().any(|&(c, d)| c <= a && b <= d) {
                kept.push((a, b));
            }
        }
        for &(a, b) in &kept {
            let mut first_word = true;
            for t in self.t.iter_mut().filter(|t| t.start >= a && t.end <= b) {
                t.quoted = true;
                if first_word && t.kind != Kind::Punct {
                    t.quote_start = true;
                    first_word = false;
                }
            }
        }
        kept.into_iter()
            .map(|(a, b)| QuoteFact {
                span: Span::new(a, b),
                text: s.get(a..b).unwrap_or("").to_string(),
            })
            .collect()
    }
}
