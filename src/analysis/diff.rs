//! Word-level diff of two claims (`similar`), with changed numbers, names and quote words marked.
//!
//! Invisible characters (zero-width spaces, direction controls) are part of the words they sit
//! in, so two quotes that look identical but hide such a character show up as different.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::analysis::comparison::Claim;
use crate::ingest::Span;

/// Whether a piece of the diff is in both claims, only the left, or only the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// In both claims.
    Both,
    /// Only in the left claim (removed).
    Left,
    /// Only in the right claim (added).
    Right,
}

/// What a changed word is, so the display can call it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Ordinary word.
    Plain,
    /// Part of a number phrase.
    Number,
    /// Part of a name.
    Name,
    /// Inside a direct quote.
    Quote,
    /// Part of a time expression.
    Time,
}

/// One run of the diff: text with whitespace, from one side or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    /// Where the text comes from.
    pub side: Side,
    /// The text (a word plus trailing whitespace or punctuation).
    pub text: String,
    /// The strongest fact kind the words belong to.
    pub mark: Mark,
}

/// A word diff of two claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct WordDiff {
    /// Pieces in reading order; equal runs are [`Side::Both`].
    pub pieces: Vec<DiffPiece>,
}

impl WordDiff {
    /// True when both claims have the same words.
    pub fn is_equal(&self) -> bool {
        self.pieces.iter().all(|p| p.side == Side::Both)
    }

    /// Marked changes as "−old +new" text for terminals: `[-removed-]{+added+}`.
    pub fn to_inline(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece.side {
                Side::Both => out.push_str(&piece.text),
                Side::Left => {
                    out.push_str("[-");
                    out.push_str(piece.text.trim_end());
                    out.push_str("-]");
                    push_trailing_space(&mut out, &piece.text);
                }
                Side::Right => {
                    out.push_str("{+");
                    out.push_str(piece.text.trim_end());
                    out.push_str("+}");
                    push_trailing_space(&mut out, &piece.text);
                }
            }
        }
        out
    }
}

fn push_trailing_space(out: &mut String, text: &str) {
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

/// A word with its trailing whitespace, and its byte span in the claim.
fn words_with_spans(text: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        // Zero-width and direction-control characters are not whitespace: they stay inside
        // words so they count as differences.
        let space = c.is_whitespace();
        match start {
            None => {
                start = Some(i);
                in_space = space;
            }
            Some(s) => {
                if in_space && !space {
                    out.push((Span::new(s, i), &text[s..i]));
                    start = Some(i);
                }
                in_space = space;
            }
        }
    }
    if let Some(s) = start {
        out.push((Span::new(s, text.len()), &text[s..]));
    }
    out
}

/// The fact kind covering a span of a claim.
fn mark_of(claim: &Claim, span: Span) -> Mark {
    let f = &claim.facts;
    if f.numbers.iter().any(|n| n.span.overlaps(&span)) {
        Mark::Number
    } else if f.times.iter().any(|t| t.span.overlaps(&span)) {
        Mark::Time
    } else if f.names.iter().any(|n| n.span.overlaps(&span)) {
        Mark::Name
    } else if f.quotes.iter().any(|q| q.span.overlaps(&span)) {
        Mark::Quote
    } else {
        Mark::Plain
    }
}

/// Normalised word for comparison: trailing whitespace ignored, case kept.
fn comparable(word: &str) -> &str {
    word.trim_end()
}

/// Word diff of `left` against `right`.
pub fn diff_claims(left: &Claim, right: &Claim) -> WordDiff {
    let lw = words_with_spans(&left.text);
    let rw = words_with_spans(&right.text);
    let lkeys: Vec<&str> = lw.iter().map(|(_, w)| comparable(w)).collect();
    let rkeys: Vec<&str> = rw.iter().map(|(_, w)| comparable(w)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &lkeys, &rkeys);
    let mut pieces: Vec<DiffPiece> = Vec::new();
    let mut push = |side: Side, text: &str, mark: Mark| {
        if let Some(last) = pieces.last_mut()
            && last.side == side
            && last.mark == mark
        {
            last.text.push_str(text);
            return;
        }
        pieces.push(DiffPiece {
            side,
            text: text.to_string(),
            mark,
        });
    };
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (span, word) in &rw[new] {
                    push(Side::Both, word, mark_of(right, *span));
                }
            }
            DiffTag::Delete => {
                for (span, word) in &lw[old] {
                    push(Side::Left, word, mark_of(left, *span));
                }
            }
            DiffTag::Insert => {
                for (span, word) in &rw[new] {
                    push(Side::Right, word, mark_of(right, *span));
                }
            }
            DiffTag::Replace => {
                for (span, word) in &lw[old] {
                    push(Side::Left, word, mark_of(left, *span));
                }
                for (span, word) in &rw[new] {
                    push(Side::Right, word, mark_of(right, *span));
                }
            }
        }
    }
    WordDiff { pieces }
}

/// Invisible characters that can make two texts look identical when they are not.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// `text` without its invisible characters, for reading (diffs show them, see
/// [`reveal_invisible`]).
pub fn hide_invisible(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

/// `text` with invisible characters replaced by a visible `⟨U+200B⟩` marker.
pub fn reveal_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::sentence_claim;

    #[test]
    fn equal_claims_have_no_changes() {
        let a = sentence_claim("The port reopened on Monday.");
        assert!(diff_claims(&a, &a).is_equal());
    }

    #[test]
    fn changed_word_is_shown_on_both_sides() {
        let a = sentence_claim("The port reopened on Monday after a storm.");
        let b = sentence_claim("The port reopened on Tuesday after a storm.");
        let d = diff_claims(&a, &b);
        assert_eq!(
            d.to_inline(),
            "The port reopened on [-Monday-] {+Tuesday+} after a storm."
        );
    }

    #[test]
    fn diff_rebuilds_both_texts() {
        let a = sentence_claim("Officials said 40 ships were  waiting outside.");
        let b = sentence_claim("About forty ships waited outside, officials said.");
        let d = diff_claims(&a, &b);
        let left: String = d
            .pieces
            .iter()
            .filter(|p| p.side != Side::Right)
            .map(|p| p.text.as_str())
            .collect();
        let right: String = d
            .pieces
            .iter()
            .filter(|p| p.side != Side::Left)
            .map(|p| p.text.as_str())
            .collect();
        // Equal words are shown once, with the right side's spacing.
        let fold = crate::analysis::text::words::fold_whitespace;
        assert_eq!(fold(&left), fold(&a.text));
        assert_eq!(right, b.text);
    }

    #[test]
    fn hidden_zero_width_space_is_a_difference() {
        let a = sentence_claim("\u{201c}We will rebuild,\u{201d} she said.");
        let b = sentence_claim("\u{201c}We will re\u{200b}build,\u{201d} she said.");
        assert!(!diff_claims(&a, &b).is_equal());
        assert_eq!(reveal_invisible("re\u{200b}build"), "re⟨U+200B⟩build");
        assert_eq!(hide_invisible("re\u{200b}build\u{feff}"), "rebuild");
    }
}
