//! Articles → claims: the headline plus every body sentence outside headers and boilerplate,
//! each with its facts and a stable id.

use std::collections::HashMap;

use crate::analysis::comparison::{Claim, ClaimId};
use crate::analysis::facts::extract_facts;
use crate::analysis::parallel;
use crate::analysis::text::segment::split_sentences;
use crate::analysis::text::words::{count_words, fnv1a64, fold_whitespace};
use crate::ingest::{Article, Span};

/// Body sentences with fewer words than this (and no number) are not claims: they are
/// datelines, bylines or stray fragments.
const MIN_CLAIM_WORDS: usize = 3;

/// The body of `article` as regions between header and boilerplate spans.
fn body_regions(article: &Article) -> Vec<Span> {
    let mut excluded: Vec<Span> = article
        .header_spans
        .iter()
        .chain(&article.boilerplate_spans)
        .chain(article.headline_span.iter())
        .copied()
        .collect();
    excluded.sort();
    let mut regions = Vec::new();
    let mut cursor = article.body_start.min(article.text.len());
    for span in excluded {
        if span.end <= cursor {
            continue;
        }
        if span.start > cursor {
            regions.push(Span::new(cursor, span.start));
        }
        cursor = cursor.max(span.end);
    }
    if cursor < article.text.len() {
        regions.push(Span::new(cursor, article.text.len()));
    }
    regions
}

/// The claim spans of one article: headline first, then body sentences in text order.
pub fn claim_spans(article: &Article) -> Vec<(Span, bool)> {
    let mut spans = Vec::new();
    if let Some(headline) = article.headline_span
        && !headline.slice(&article.text).trim().is_empty()
    {
        spans.push((headline, true));
    }
    for region in body_regions(article) {
        for sentence in split_sentences(&article.text, region) {
            let text = sentence.slice(&article.text);
            let (words, has_number) = count_words(text);
            if words >= MIN_CLAIM_WORDS || (has_number && words >= 2) {
                spans.push((sentence, false));
            }
        }
    }
    spans
}

/// The stable id of a claim: a hash of the article's text, the claim's text (whitespace
/// folded) and how many identical claims precede it in the article.
pub fn claim_id(article_hash: u64, claim_text: &str, occurrence: usize) -> ClaimId {
    let mut key = article_hash.to_le_bytes().to_vec();
    key.extend_from_slice(fold_whitespace(claim_text).as_bytes());
    key.extend_from_slice(&(occurrence as u64).to_le_bytes());
    ClaimId(format!("c{:012x}", fnv1a64(&key) & 0xffff_ffff_ffff))
}

/// Every claim of every article, in article then text order (groups not yet assigned).
/// Articles are independent, so they are split and their facts extracted in parallel.
pub fn extract(articles: &[Article]) -> Vec<Claim> {
    let indexed: Vec<(usize, &Article)> = articles.iter().enumerate().collect();
    parallel::map(&indexed, 2, |&(index, article)| {
        article_claims(index, article)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The claims of one article (`index` = its position in the comparison).
fn article_claims(index: usize, article: &Article) -> Vec<Claim> {
    let mut claims = Vec::new();
    let article_hash = fnv1a64(article.text.as_bytes());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (span, is_headline) in claim_spans(article) {
        let text = span.slice(&article.text).to_string();
        let occurrence = seen.entry(fold_whitespace(&text)).or_insert(0);
        let id = claim_id(article_hash, &text, *occurrence);
        *occurrence += 1;
        claims.push(Claim {
            id,
            article: index,
            span,
            facts: extract_facts(&text),
            text,
            is_headline,
            group: 0,
        });
    }
    // The sources the article credits in its headline or dateline are credited by its first
    // claim: they count among the outlets it cites, never as its publisher.
    if let Some(first) = claims.first_mut() {
        for credit in &article.meta.credited {
            if !first.facts.cited_outlets.contains(credit) {
                first.facts.cited_outlets.push(credit.clone());
            }
        }
    }
    claims
}

/// A lone sentence as a claim (article 0), for scoring sentence pairs outside any article.
pub fn sentence_claim(sentence: &str) -> Claim {
    Claim {
        id: claim_id(0, sentence, 0),
        article: 0,
        span: Span::new(0, sentence.len()),
        text: sentence.to_string(),
        is_headline: false,
        facts: extract_facts(sentence),
        group: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import_text;

    const STORY: &str = "Harbour reopens after storm\nOutlet: Harbour Gazette\nDate: 2026-03-02\n\nThe port reopened on Monday after three days. Officials said 40 ships were waiting.\n\nRead more: storm coverage\n\nDock workers cleared debris overnight.\n";

    #[test]
    fn headline_and_body_sentences_become_claims() {
        let article = import_text(STORY, Some("gazette.txt"));
        let claims = extract(std::slice::from_ref(&article));
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Harbour reopens after storm",
                "The port reopened on Monday after three days.",
                "Officials said 40 ships were waiting.",
                "Dock workers cleared debris overnight."
            ]
        );
        assert!(claims[0].is_headline);
        for c in &claims {
            assert_eq!(c.span.slice(&article.text), c.text);
        }
    }

    #[test]
    fn ids_survive_reordering_but_not_article_changes() {
        let a = import_text(STORY, None);
        let first = extract(std::slice::from_ref(&a));
        let b = import_text("Other\n\nSomething else entirely happened here.", None);
        let second = extract(&[b, a.clone()]);
        let ids_a: Vec<_> = first.iter().map(|c| c.id.clone()).collect();
        let ids_again: Vec<_> = second
            .iter()
            .filter(|c| c.article == 1)
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(ids_a, ids_again);
        let mut edited = a;
        edited
            .text
            .push_str("\nA new closing sentence was added here.\n");
        let third = extract(&[edited]);
        assert_ne!(third[0].id, first[0].id);
    }

    #[test]
    fn repeated_sentences_get_distinct_ids() {
        let a = import_text(
            "Head line here\n\nThe same thing was said.\n\nThe same thing was said.\n",
            None,
        );
        let claims = extract(&[a]);
        assert_eq!(claims.len(), 3);
        assert_ne!(claims[1].id, claims[2].id);
    }
}
