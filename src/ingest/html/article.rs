//! Writing the extracted page as claimdiff text and reading it back as an Article.

use crate::ingest::article::Article;
use crate::ingest::boilerplate::is_boilerplate_line;
use crate::ingest::dates::parse_date;
use crate::ingest::error::ImportError;
use crate::ingest::error::PASTED_TEXT;
use crate::ingest::error::UNKNOWN_OUTLET;
use crate::ingest::html::charset::CharsetSource;
use crate::ingest::html::charset::decode_html;
use crate::ingest::html::clean::remove_furniture;
use crate::ingest::html::clean::{PROSE_PARAGRAPH_WORDS, prose_words};
use crate::ingest::html::depth::limit_depth;
use crate::ingest::html::meta::page_meta;
use crate::ingest::html::render::render_paragraphs;
use crate::ingest::html::render::tree_depth;
use crate::ingest::html::source::HtmlSource;
use crate::ingest::html::source::MAX_EXTRACT_DEPTH;
use crate::ingest::html::source::MAX_EXTRACT_ELEMENTS;
use crate::ingest::html::source::MAX_HTML_DEPTH;
use crate::ingest::layout::import_text;
use crate::ingest::outlet::host_of;
use crate::ingest::outlet::outlet_from_url;
use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// Imports an HTML page from bytes (a saved page, a download). `origin` is the file name or
/// address; it names the page in messages and becomes `meta.origin`.
pub fn import_html(bytes: &[u8], origin: Option<&str>) -> Result<Article, ImportError> {
    import_html_with(
        bytes,
        &HtmlSource {
            name: origin.unwrap_or(PASTED_TEXT),
            origin,
            ..HtmlSource::default()
        },
    )
}

/// Imports an HTML page described by `source` (see the module documentation for the steps).
///
/// The bytes are not checked for emptiness, size or binary content here: the entry points in
/// [`crate::ingest::reader`] do that first. Fails with [`ImportError::NoText`] when the page has no
/// article text.
pub fn import_html_with(bytes: &[u8], source: &HtmlSource) -> Result<Article, ImportError> {
    let name = if source.name.is_empty() {
        PASTED_TEXT
    } else {
        source.name
    };
    let mut warnings = Vec::new();
    let decoded = decode_html(bytes, source.charset);
    if decoded.source == CharsetSource::Guessed {
        warnings.push(format!(
            "'{name}' does not say how its text is encoded, so it was read as {}; if letters look wrong, save it as UTF-8 and import it again",
            decoded.encoding
        ));
    }
    if let CharsetSource::Overruled { declared } = decoded.source {
        warnings.push(format!(
            "'{name}' says its text is {declared}, but its bytes are UTF-8: it was read as UTF-8"
        ));
    }
    if decoded.replaced {
        warnings.push(format!(
            "Some bytes in '{name}' are not valid {} and were replaced with \u{FFFD}",
            decoded.encoding
        ));
    }
    let limited = limit_depth(&decoded.text, MAX_HTML_DEPTH);
    if limited.dropped_tags > 0 {
        warnings.push(format!(
            "'{name}' nests its HTML more than {MAX_HTML_DEPTH} levels deep: {} deeper tags were ignored (their text was kept)",
            limited.dropped_tags
        ));
    }
    let doc = Document::from(limited.html.as_ref());
    drop(limited);
    let page = page_meta(&doc);
    remove_furniture(&doc);

    let elements = doc
        .root()
        .descendants_it()
        .filter(NodeRef::is_element)
        .count();
    let depth = tree_depth(&doc.root());
    let paragraphs = if depth > MAX_EXTRACT_DEPTH {
        warnings.push(format!(
            "'{name}' nests its HTML {depth} levels deep, too deep to find the article safely: the text of the whole page was used"
        ));
        doc.body()
            .map(|b| render_paragraphs(&b))
            .unwrap_or_default()
    } else if elements > MAX_EXTRACT_ELEMENTS {
        warnings.push(format!(
            "'{name}' has {elements} HTML elements, too many to find the article among them quickly: the text of the whole page was used"
        ));
        doc.body()
            .map(|b| render_paragraphs(&b))
            .unwrap_or_default()
    } else {
        main_content(doc, &mut warnings, name)
    };

    let url = source.url.map(str::to_owned).or(page.url.clone());
    let outlet = page
        .outlet
        .clone()
        .or_else(|| url.as_deref().and_then(outlet_from_address));
    let headline = page.headline.clone();
    let body = drop_leading_repeats(paragraphs, headline.as_deref(), page.author.as_deref());
    if body.is_empty() {
        return Err(ImportError::NoText {
            path: name.to_owned(),
        });
    }
    let date = page
        .date
        .as_deref()
        .map(|d| parse_date(d).unwrap_or_else(|| d.to_owned()));
    let fields = HeaderFields {
        headline: headline.as_deref(),
        outlet: outlet.as_deref(),
        date: date.as_deref(),
        url: url.as_deref(),
        author: page.author.as_deref(),
    };
    let mut article = write_article(&fields, &body, source.origin);
    if let Some(h) = &headline
        && !article.meta.headline.is_empty()
        && article.meta.headline != *h
    {
        // The text's own reading is what a saved workspace rebuilds; keep the page's headline
        // in the metadata all the same (the workspace stores it).
        article.meta.headline = h.clone();
    }
    if let Some(d) = date {
        article.meta.date = Some(d);
    }
    if let Some(a) = &page.author {
        article.meta.author = Some(a.clone());
    }
    if url.is_some() {
        article.meta.url = url;
    }
    article.meta.origin = source.origin.map(str::to_owned);
    let text_warnings = std::mem::take(&mut article.warnings);
    warnings.extend(
        text_warnings
            .into_iter()
            .filter(|w| !w.contains("has no article text"))
            .map(|w| w.replace(&format!("'{PASTED_TEXT}'"), &format!("'{name}'"))),
    );
    article.warnings = warnings;
    Ok(article)
}

/// The outlet an address names: a known outlet, else its host without `www.`.
pub(super) fn outlet_from_address(url: &str) -> Option<String> {
    outlet_from_url(url).or_else(|| host_of(url).map(str::to_owned))
}

/// How many times more words the page's largest block of paragraphs must hold than the
/// extracted text for the extraction to count as too little.
const TOO_LITTLE_RATIO: usize = 2;

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The element whose `<p>` children hold the most words, with that count: the page's largest
/// block of paragraph text.
fn largest_paragraph_block(doc: &Document) -> Option<(NodeRef<'_>, usize)> {
    let body = doc.body()?;
    body.descendants_it()
        .filter(NodeRef::is_element)
        .map(|node| {
            let words: usize = node
                .children()
                .into_iter()
                .filter(|c| c.node_name().as_deref() == Some("p"))
                .map(|c| word_count(&c.text()))
                .sum();
            (node, words)
        })
        .max_by_key(|(_, words)| *words)
}

/// Share of the page's prose (long `<p>` paragraphs) the article container must hold.
const CONTAINER_PROSE_SHARE: f64 = 0.8;

/// The extracted paragraphs completed with the long prose paragraphs right around them: the
/// deepest block holding most of the page's prose is the article's container, and long
/// paragraphs next to the extracted run that the extraction left out (the lede before a "read
/// more" box) are put back in their place.
fn with_prose_siblings(paragraphs: Vec<String>, doc: &Document) -> Vec<String> {
    let Some(body) = doc.body() else {
        return paragraphs;
    };
    let total = prose_words(&body);
    if total == 0 {
        return paragraphs;
    }
    // The deepest element whose prose is most of the page's.
    let mut container = body;
    loop {
        let next = container
            .children()
            .into_iter()
            .filter(NodeRef::is_element)
            .find(|c| prose_words(c) as f64 >= CONTAINER_PROSE_SHARE * total as f64);
        match next {
            Some(child) => container = child,
            None => break,
        }
    }
    let in_container = render_paragraphs(&container);
    // The extraction must be one run of the container's paragraphs; it grows by the long
    // paragraphs right next to it, up to the first short one (a caption, a "Comments" line).
    let positions: Vec<usize> = paragraphs
        .iter()
        .filter_map(|p| in_container.iter().position(|q| q == p))
        .collect();
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return paragraphs;
    };
    if positions.len() != paragraphs.len() || last + 1 - first != positions.len() {
        return paragraphs;
    }
    let is_prose = |k: usize| word_count(&in_container[k]) >= PROSE_PARAGRAPH_WORDS;
    // Furniture between the parts ("Read more") is stepped over, never kept.
    let is_furniture = |k: usize| is_boilerplate_line(&in_container[k]);
    let mut kept: Vec<usize> = (first..=last).collect();
    let mut k = first;
    while k > 0 && (is_prose(k - 1) || is_furniture(k - 1)) {
        k -= 1;
        if is_prose(k) && !is_furniture(k) {
            kept.insert(0, k);
        }
    }
    let mut k = last + 1;
    while k < in_container.len() && (is_prose(k) || is_furniture(k)) {
        if is_prose(k) && !is_furniture(k) {
            kept.push(k);
        }
        k += 1;
    }
    if kept.len() == positions.len() {
        return paragraphs;
    }
    kept.into_iter().map(|k| in_container[k].clone()).collect()
}

/// The extracted paragraphs, or — when the page's largest block of paragraphs holds several
/// times more words (an article split by a "read more" box, say) — those paragraphs followed
/// by the block's paragraphs that are not already among them, with a warning saying so.
fn with_largest_block(
    paragraphs: Vec<String>,
    doc: &Document,
    warnings: &mut Vec<String>,
    name: &str,
) -> Vec<String> {
    let extracted: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let Some((block, block_words)) = largest_paragraph_block(doc) else {
        return paragraphs;
    };
    if block_words <= TOO_LITTLE_RATIO * extracted {
        return paragraphs;
    }
    let mut out = paragraphs;
    let before = out.len();
    for paragraph in render_paragraphs(&block) {
        if !out.iter().any(|p| p == &paragraph) {
            out.push(paragraph);
        }
    }
    if out.len() > before {
        warnings.push(format!(
            "The article found in '{name}' had only {extracted} words, while one block of the page holds {block_words}: that block's paragraphs were added"
        ));
    }
    out
}

/// The paragraphs of the page's main content (`dom_smoothie`), or of the whole cleaned page
/// when no main content is found.
pub(super) fn main_content(doc: Document, warnings: &mut Vec<String>, name: &str) -> Vec<String> {
    let whole_page = |doc: &Document| {
        doc.body()
            .map(|b| render_paragraphs(&b))
            .unwrap_or_default()
    };
    let fallback = doc.clone();
    let config = Config {
        max_elements_to_parse: MAX_EXTRACT_ELEMENTS,
        ..Config::default()
    };
    let extracted = Readability::with_document(doc, None, Some(config))
        .and_then(|mut readability| readability.parse());
    match extracted {
        Ok(article) => {
            let content = Document::from(article.content.as_ref());
            let paragraphs = content
                .body()
                .map(|b| render_paragraphs(&b))
                .unwrap_or_default();
            if paragraphs.is_empty() {
                whole_page(&fallback)
            } else {
                let completed = with_prose_siblings(paragraphs, &fallback);
                with_largest_block(completed, &fallback, warnings, name)
            }
        }
        Err(_) => {
            let paragraphs = whole_page(&fallback);
            if !paragraphs.is_empty() {
                warnings.push(format!(
                    "Couldn't find the article inside '{name}': the text of the whole page was used"
                ));
            }
            paragraphs
        }
    }
}

/// Lowercase letters and digits only, for comparing a paragraph with the headline.
pub(super) fn fold_alnum(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops paragraphs among the first three that repeat the headline or are only the byline.
pub(super) fn drop_leading_repeats(
    paragraphs: Vec<String>,
    headline: Option<&str>,
    author: Option<&str>,
) -> Vec<String> {
    let headline = headline.map(fold_alnum).unwrap_or_default();
    let author = author.map(fold_alnum).unwrap_or_default();
    paragraphs
        .into_iter()
        .enumerate()
        .filter(|(k, p)| {
            if *k >= 3 {
                return true;
            }
            let f = fold_alnum(p);
            let byline = !author.is_empty()
                && (f == author || f.strip_prefix("by").is_some_and(|rest| rest == author));
            (f != headline || f.is_empty()) && !byline
        })
        .map(|(_, p)| p)
        .collect()
}

/// The header values written above the body.
pub(super) struct HeaderFields<'a> {
    pub(super) headline: Option<&'a str>,
    pub(super) outlet: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    pub(super) url: Option<&'a str>,
    pub(super) author: Option<&'a str>,
}

/// The article text in one of two header layouts: a headline line (`title_line` false) or a
/// `Title:` header; `by_line` picks `By …` or `Author: …`.
pub(super) fn compose(
    fields: &HeaderFields,
    body: &[String],
    title_line: bool,
    by_line: bool,
) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = String::new();
    if let Some(h) = fields.headline {
        if title_line {
            text.push_str(&format!("Title: {}\n", one_line(h)));
        } else {
            text.push_str(&one_line(h));
            text.push('\n');
        }
    }
    if let Some(o) = fields.outlet {
        text.push_str(&format!("Outlet: {}\n", one_line(o)));
    }
    if let Some(d) = fields.date {
        text.push_str(&format!("Date: {}\n", one_line(d)));
    }
    if let Some(u) = fields.url {
        text.push_str(&format!("URL: {}\n", one_line(u)));
    }
    if let Some(a) = fields.author {
        if by_line {
            text.push_str(&format!("By {}\n", one_line(a)));
        } else {
            text.push_str(&format!("Author: {}\n", one_line(a)));
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&body.join("\n\n"));
    text.push('\n');
    text
}

/// Writes the article text and reads it back with [`import_text`], picking the header layout
/// that reads back as written (headline line and `By …` when they do, `Title:` and `Author:`
/// when the headline or byline would be misread).
pub(super) fn write_article(
    fields: &HeaderFields,
    body: &[String],
    origin: Option<&str>,
) -> Article {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let want_headline = fields.headline.map(one_line);
    let want_author = fields.author.map(one_line);
    let mut last = None;
    for (title_line, by_line) in [(false, true), (false, false), (true, true), (true, false)] {
        if by_line && fields.author.is_none() {
            continue;
        }
        let text = compose(fields, body, title_line, by_line);
        let article = import_text(&text, origin);
        let headline_ok = want_headline
            .as_deref()
            .is_none_or(|h| article.meta.headline == h);
        let author_ok = want_author
            .as_deref()
            .is_none_or(|a| article.meta.author.as_deref() == Some(a));
        let outlet_ok = fields.outlet.is_none() || article.meta.outlet != UNKNOWN_OUTLET;
        if headline_ok && author_ok && outlet_ok {
            return article;
        }
        last = Some(article);
    }
    last.unwrap_or_else(|| import_text(&compose(fields, body, false, false), origin))
}
