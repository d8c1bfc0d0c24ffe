//! An article cut into the blocks a column draws: claims, dimmed header and boilerplate lines, and
//! any other text, each with the kind of break that precedes it.
//!
//! Computed once per analysis (not per frame), so drawing a column is a walk over a short list.

use crate::ingest::{Article, Span};

/// What a block of an article column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A claim (index into `Comparison::claims`).
    Claim(usize),
    /// The headline line, when it is not a claim.
    Headline,
    /// A header line (`Outlet:`, `Date:` …): metadata, shown dimmed.
    Meta,
    /// Boilerplate ("Read more:", taglines …): shown dimmed, never a claim.
    Boilerplate,
    /// Other text that carries no claim.
    Text,
}

/// The space before a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Same paragraph as the block before.
    None,
    /// A new line.
    Line,
    /// A new paragraph.
    Paragraph,
}

/// One block of an article column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it shows.
    pub(crate) kind: BlockKind,
    /// Byte range in the article text.
    pub(crate) span: Span,
    /// The break before it.
    pub(crate) gap: Gap,
}

/// Cut `article` into blocks; `claims` are `(claim index, span)` of its claims in text order.
pub(crate) fn article_blocks(article: &Article, claims: &[(usize, Span)]) -> Vec<Block> {
    let text = article.text.as_str();
    let overlaps_claim = |span: &Span| claims.iter().any(|(_, c)| c.overlaps(span));
    let mut marked: Vec<(Span, BlockKind)> = claims
        .iter()
        .filter(|(_, span)| !span.is_empty())
        .map(|&(index, span)| (span, BlockKind::Claim(index)))
        .collect();
    let extra = article
        .header_spans
        .iter()
        .map(|s| (*s, BlockKind::Meta))
        .chain(
            article
                .boilerplate_spans
                .iter()
                .map(|s| (*s, BlockKind::Boilerplate)),
        )
        .chain(
            article
                .headline_span
                .iter()
                .map(|s| (*s, BlockKind::Headline)),
        );
    for (span, kind) in extra {
        if !span.is_empty()
            && !overlaps_claim(&span)
            && !marked.iter().any(|(m, _)| m.overlaps(&span))
        {
            marked.push((span, kind));
        }
    }
    marked.sort_by_key(|(span, _)| (span.start, span.end));

    let mut blocks = Vec::with_capacity(marked.len() + 4);
    let mut pos = 0;
    let mut pending_gap = Gap::None;
    for (span, kind) in marked {
        if span.start < pos {
            continue;
        }
        pending_gap = push_text_between(text, Span::new(pos, span.start), pending_gap, &mut blocks);
        blocks.push(Block {
            kind,
            span,
            gap: if blocks.is_empty() {
                Gap::None
            } else {
                pending_gap
            },
        });
        pending_gap = Gap::None;
        pos = span.end;
    }
    push_text_between(text, Span::new(pos, text.len()), pending_gap, &mut blocks);
    blocks
}

/// Push unmarked text of `gap_span` as text blocks (one per paragraph) and return the break
/// that precedes whatever comes next.
fn push_text_between(text: &str, gap_span: Span, mut gap: Gap, blocks: &mut Vec<Block>) -> Gap {
    let between = gap_span.slice(text);
    let mut offset = 0;
    for piece in between.split_inclusive('\n') {
        let start = gap_span.start + offset;
        offset += piece.len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            gap = gap.max(if piece.contains('\n') && gap >= Gap::Line {
                Gap::Paragraph
            } else if piece.contains('\n') {
                Gap::Line
            } else {
                gap
            });
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        blocks.push(Block {
            kind: BlockKind::Text,
            span,
            gap: if blocks.is_empty() { Gap::None } else { gap },
        });
        gap = if piece.ends_with('\n') {
            Gap::Line
        } else {
            Gap::None
        };
    }
    gap
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            text: text.to_owned(),
            ..Article::default()
        }
    }

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap_or(0);
        Span::new(start, start + part.len())
    }

    #[test]
    fn claims_headers_and_paragraph_breaks() {
        let text = "Head\nOutlet: X\n\nOne. Two.\n\nThree.";
        let mut a = article(text);
        a.header_spans = vec![span_of(text, "Outlet: X")];
        let claims = [
            (0, span_of(text, "Head")),
            (1, span_of(text, "One.")),
            (2, span_of(text, "Two.")),
            (3, span_of(text, "Three.")),
        ];
        let blocks = article_blocks(&a, &claims);
        let kinds: Vec<_> = blocks.iter().map(|b| (b.kind, b.gap)).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Claim(0), Gap::None),
                (BlockKind::Meta, Gap::Line),
                (BlockKind::Claim(1), Gap::Paragraph),
                (BlockKind::Claim(2), Gap::None),
                (BlockKind::Claim(3), Gap::Paragraph),
            ]
        );
    }

    #[test]
    fn unclaimed_text_and_boilerplate_are_kept() {
        let text = "Intro words\n\nRead more: elsewhere\n";
        let mut a = article(text);
        a.boilerplate_spans = vec![span_of(text, "Read more: elsewhere")];
        let blocks = article_blocks(&a, &[]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, BlockKind::Text);
        assert_eq!(blocks[0].span.slice(text), "Intro words");
        assert_eq!(blocks[1].kind, BlockKind::Boilerplate);
        assert_eq!(blocks[1].gap, Gap::Paragraph);
    }

    #[test]
    fn bad_spans_never_panic() {
        let a = article("short");
        let blocks = article_blocks(&a, &[(0, Span::new(3, 99)), (1, Span::new(50, 60))]);
        assert!(!blocks.is_empty());
    }
}
