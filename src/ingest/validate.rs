//! What every imported article promises about its spans (checked by the fuzz target and tests).

use crate::ingest::article::Article;
use crate::ingest::article::Span;

/// Checks what every imported article promises (the fuzz target and its corpus replay use it):
/// `body_start` and every span lie on char boundaries inside the text, header and boilerplate
/// spans are sorted and non-empty, and no two spans of any kind overlap.
pub fn validate_article(article: &Article) -> Result<(), String> {
    let text = &article.text;
    let fits = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    if article.body_start > text.len() || !text.is_char_boundary(article.body_start) {
        return Err(format!(
            "body_start {} is not a char boundary",
            article.body_start
        ));
    }
    for (kind, spans) in [
        ("header", &article.header_spans),
        ("boilerplate", &article.boilerplate_spans),
    ] {
        if let Some(bad) = spans.iter().find(|s| !fits(s) || s.is_empty()) {
            return Err(format!("{kind} span {bad:?} does not fit the text"));
        }
        if spans.windows(2).any(|w| w[0].end > w[1].start) {
            return Err(format!("{kind} spans are not sorted: {spans:?}"));
        }
    }
    let mut all: Vec<Span> = article
        .header_spans
        .iter()
        .chain(&article.boilerplate_spans)
        .copied()
        .collect();
    if let Some(headline) = article.headline_span {
        if !fits(&headline) {
            return Err(format!("headline span {headline:?} does not fit the text"));
        }
        all.push(headline);
    }
    all.sort();
    if let Some(w) = all.windows(2).find(|w| w[0].overlaps(&w[1])) {
        return Err(format!("spans overlap: {:?} and {:?}", w[0], w[1]));
    }
    Ok(())
}
