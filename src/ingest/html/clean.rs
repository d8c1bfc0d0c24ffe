//! Removing what is not the article: scripts, navigation, share bars, cookie banners, comments.

use dom_query::{Document, NodeRef};

/// Elements whose content is never article text.
pub(super) const REMOVED_TAGS: &str = "script, style, noscript, template, iframe, frame, frameset, \
    object, embed, applet, svg, math, canvas, video, audio, picture, source, track, map, img, \
    figure, figcaption, form, button, input, select, textarea, label, nav, aside, footer, \
    dialog, menu, link, meta, base";

/// Words in a class or id that mark page furniture (matched against the parts of a name split
/// at `-` and `_`, and against whole names).
#[rustfmt::skip]
pub(super) const FURNITURE_WORDS: &[&str] = &[
    "cookie", "cookies", "consent", "gdpr", "newsletter", "newsletters", "subscribe",
    "subscription", "signup", "share", "sharing", "sharebar", "social", "related", "recommended",
    "recommendations", "outbrain", "taboola", "comment", "comments", "disqus", "promo", "promotion",
    "advert", "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored", "caption", "captions",
    "credit", "breadcrumb", "breadcrumbs", "paywall", "popup", "modal", "sidebar", "trending",
    "byline", "dateline", "timestamp", "toolbar", "banner", "menu", "nav", "navbar", "navigation",
];

/// Whole class or id names that mark page furniture or hidden text.
#[rustfmt::skip]
pub(super) const FURNITURE_NAMES: &[&str] = &[
    "read-more", "readmore", "more-stories", "more-from", "most-read", "most-popular", "mostread",
    "also-read", "see-also", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    "hidden", "skip-link", "article-tags", "tags", "author-bio",
];

/// ARIA roles of page furniture.
#[rustfmt::skip]
pub(super) const FURNITURE_ROLES: &[&str] = &[
    "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search",
    "menu", "menubar", "toolbar", "tooltip", "alert",
];

/// True when `node`'s class, id, role or inline style says it is page furniture or hidden.
pub(super) fn is_furniture(node: &NodeRef) -> bool {
    if node.has_attr("hidden") || node.attr("aria-modal").is_some() {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = node.attr("role")
        && FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    let names = [node.attr("class"), node.attr("id")];
    names.iter().flatten().any(|value| {
        value.split_whitespace().any(|name| {
            let lower = name.to_ascii_lowercase();
            FURNITURE_NAMES.contains(&lower.as_str())
                || lower
                    .split(['-', '_'])
                    .any(|part| FURNITURE_WORDS.contains(&part))
        })
    })
}

/// Words of long paragraphs from which a block named like furniture ("read-more") is kept:
/// link lists and teasers are short, an article continued behind a "Read more" button is not.
const MIN_KEPT_PROSE_WORDS: usize = 150;

/// Words a paragraph needs to count as prose rather than a teaser or link text.
pub(super) const PROSE_PARAGRAPH_WORDS: usize = 25;

/// The words of the block's long `<p>` paragraphs.
pub(super) fn prose_words(node: &NodeRef) -> usize {
    dom_query::Selection::from(*node)
        .select("p")
        .nodes()
        .iter()
        .map(|p| p.text().split_whitespace().count())
        .filter(|&words| words >= PROSE_PARAGRAPH_WORDS)
        .sum()
}

/// Removes everything that is never article text (see [`REMOVED_TAGS`] and [`is_furniture`]).
/// A block holding the article itself (`<article>`, `<main>`, `itemprop=articleBody`) or more
/// than half of the page's text is never removed for its class or id.
pub(super) fn remove_furniture(doc: &Document) {
    doc.select(REMOVED_TAGS).remove();
    let total = doc.body().map_or(0, |b| b.text().len());
    let candidates: Vec<NodeRef> = doc
        .select(
            "body [class], body [id], body [role], body [hidden], body [style], body [aria-modal]",
        )
        .nodes()
        .to_vec();
    for node in candidates {
        if matches!(
            node.node_name().as_deref(),
            Some("html" | "body" | "main" | "article")
        ) || !is_furniture(&node)
        {
            continue;
        }
        // Skip nodes already removed with an ancestor.
        if !node.ancestors_it(None).any(|a| a.has_name("body")) {
            continue;
        }
        let holds_article = node.has_attr("itemprop")
            && node
                .attr("itemprop")
                .is_some_and(|v| v.contains("articleBody"));
        let contains_article = !dom_query::Selection::from(node)
            .select(r#"article, main, [itemprop="articleBody"]"#)
            .is_empty();
        if holds_article
            || contains_article
            || node.text().len() * 2 > total
            || prose_words(&node) >= MIN_KEPT_PROSE_WORDS
        {
            continue;
        }
        node.remove_from_parent();
    }
}
