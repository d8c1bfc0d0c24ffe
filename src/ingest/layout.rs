//! Reading the layout of decoded text: headline, header lines, body start, boilerplate and outlet become an Article.

use crate::ingest::article::Article;
use crate::ingest::article::ArticleMeta;
use crate::ingest::article::Span;
use crate::ingest::boilerplate::TaglineCheck;
use crate::ingest::boilerplate::is_boilerplate_line;
use crate::ingest::error::PASTED_TEXT;
use crate::ingest::error::UNKNOWN_OUTLET;
use crate::ingest::headers::Found;
use crate::ingest::headers::accept_top_block;
use crate::ingest::headers::date_line;
use crate::ingest::headers::front_matter_close;
use crate::ingest::headers::is_page_chrome;
use crate::ingest::headers::is_setext_underline;
use crate::ingest::headers::looks_like_headline;
use crate::ingest::headers::markdown_heading;
use crate::ingest::headers::parse_byline;
use crate::ingest::headers::parse_header;
use crate::ingest::headers::read_front_matter;
use crate::ingest::line_text::fold_words;
use crate::ingest::line_text::has_alnum;
use crate::ingest::outlet::outlet_from_origin;
use crate::ingest::outlet::{credited_outlets, outlet_from_text, short_name, signature_line};
use crate::ingest::outlet_names::canonical_outlet;
use crate::ingest::outlet_names::outlet_key;

/// Imports text that is already a string (pasted by the user). Never fails: text without an
/// article body gives an article whose body is empty, with a warning saying so.
pub fn import_text(text: &str, origin: Option<&str>) -> Article {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let name = origin.unwrap_or(PASTED_TEXT);
    let (mut article, has_body) = build_article(text.to_owned(), origin, name, Vec::new());
    if !has_body {
        article
            .warnings
            .push(format!("'{name}' has no article text to compare"));
    }
    article
}

/// Turns decoded text into an [`Article`]; the flag says whether it has any body text.
pub(super) fn build_article(
    text: String,
    origin: Option<&str>,
    name: &str,
    mut warnings: Vec<String>,
) -> (Article, bool) {
    let layout = analyse(&text, origin);
    let found = layout.found;
    let outlet = canonical_outlet(&layout.outlet);
    if outlet == UNKNOWN_OUTLET {
        warnings.push(format!(
            "Couldn't tell which outlet published '{name}': add an 'Outlet:' line or set it by hand"
        ));
    }
    let headline = layout
        .headline_span
        .map(|s| s.slice(&text).trim().to_owned())
        .unwrap_or_default();
    let meta = ArticleMeta {
        outlet,
        headline,
        date: found.date.or(found.published).or(found.updated),
        url: found.url,
        author: (!found.authors.is_empty()).then(|| found.authors.join(", ")),
        origin: origin.map(str::to_owned),
        credited: layout.credited,
    };
    let article = Article {
        text,
        meta,
        headline_span: layout.headline_span,
        body_start: layout.body_start,
        header_spans: layout.header_spans,
        boilerplate_spans: layout.boilerplate_spans,
        warnings,
    };
    (article, layout.has_body)
}

/// Where the parts of an article are, and what its header lines said.
pub(super) struct Layout {
    pub(super) headline_span: Option<Span>,
    pub(super) body_start: usize,
    pub(super) header_spans: Vec<Span>,
    pub(super) boilerplate_spans: Vec<Span>,
    pub(super) found: Found,
    /// The outlet as written (not yet canonical), or [`UNKNOWN_OUTLET`].
    pub(super) outlet: String,
    /// Outlets credited as the source being re-reported (see [`credited_outlets`]).
    pub(super) credited: Vec<String>,
    pub(super) has_body: bool,
}

/// Which kind of line the headline came from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadlineFrom {
    /// An ordinary first line.
    Line,
    /// A Markdown `#` heading.
    Heading,
    /// A `title:` front-matter key or `Title:` header.
    Title,
}

/// Reads headline, headers, body start, boilerplate and outlet from `text`.
pub(super) fn analyse(text: &str, origin: Option<&str>) -> Layout {
    let lines = split_lines(text);
    let n = lines.len();
    let at = |i: usize| lines[i].slice(text);
    let next_content = |from: usize| (from..n).find(|&i| !at(i).trim().is_empty()).unwrap_or(n);

    let mut found = Found::default();
    let mut headers: Vec<usize> = Vec::new();
    let mut boiler: Vec<usize> = Vec::new();
    let mut i = next_content(0);

    // Markdown (YAML `---`) or TOML (`+++`) front matter.
    if let Some((close, separator)) = front_matter_close(text, &lines, i) {
        headers.extend((i..=close).filter(|&k| !at(k).trim().is_empty()));
        read_front_matter(text, &lines, i + 1, close, separator, &mut found);
        i = next_content(close + 1);
    }

    // Header lines at the very top, before the headline.
    let mut top = Vec::new();
    let mut k = i;
    while k < n {
        match parse_header(text, lines[k], ':', false) {
            Some(header) => {
                top.push((k, header));
                k = next_content(k + 1);
            }
            None => break,
        }
    }
    if accept_top_block(text, &top) {
        for (line, header) in &top {
            found.record(text, header, *line);
            headers.push(*line);
        }
        i = k;
    }

    // Page chrome ("Skip to main content") and rules ("* * *") before the headline.
    while i < n && (is_page_chrome(at(i)) || !has_alnum(at(i))) {
        if has_alnum(at(i)) {
            boiler.push(i);
        }
        i = next_content(i + 1);
    }

    // The headline: a Markdown heading, else the first line if it reads like one.
    let mut headline: Option<(Span, usize, HeadlineFrom)> = None;
    if i < n {
        if let Some(span) = markdown_heading(text, lines[i]) {
            headline = Some((span, i, HeadlineFrom::Heading));
            i = next_content(i + 1);
        } else if found.title.is_none() && looks_like_headline(at(i).trim()) {
            headline = Some((trim_span(text, lines[i]), i, HeadlineFrom::Line));
            if i + 1 < n && is_setext_underline(at(i + 1)) {
                headers.push(i + 1);
                i = next_content(i + 2);
            } else {
                i = next_content(i + 1);
            }
        }
    }

    // Header lines after the headline: `Key: value`, bylines, bare dates.
    while i < n {
        let line = at(i);
        if let Some(header) = parse_header(text, lines[i], ':', false) {
            found.record(text, &header, i);
        } else if let Some(byline) = parse_byline(line) {
            found.add_byline(byline);
        } else if let Some((key, date)) = date_line(line) {
            found.record_date(key, Some(date));
        } else {
            break;
        }
        headers.push(i);
        i = next_content(i + 1);
    }

    // Without a heading or first-line headline, a `title` header or key is the headline.
    if headline.is_none()
        && let Some((span, line)) = found.title
    {
        headline = Some((span, line, HeadlineFrom::Title));
        headers.retain(|&k| k != line);
    }

    let mut body_line = i;
    let mut body_start = if i < n { lines[i].start } else { text.len() };
    let body: Vec<usize> = (body_line..n).filter(|&k| has_alnum(at(k))).collect();
    let headline_text = headline
        .map(|(span, ..)| span.slice(text).trim())
        .unwrap_or("");

    let outlet = outlet_from_text(&found, headline_text, &body, &at)
        .or_else(|| origin.and_then(outlet_from_origin))
        .unwrap_or_else(|| UNKNOWN_OUTLET.to_owned());

    let credited = credited_outlets(headline_text, &body, &at, &outlet);
    // The signature naming the publisher and the slogan after it are furniture.
    let signature_from = signature_line(&body, &at).filter(|&k| {
        short_name(at(k)).is_some_and(|name| outlet_key(&name) == outlet_key(&outlet))
    });
    let mut taglines = TaglineCheck::new(&outlet);
    let mut classify = |body: &[usize], headline_text: &str, boiler: &mut Vec<usize>| {
        let headline_fold = fold_words(headline_text);
        let last = body.last().copied();
        let mut has_body = false;
        for &k in body {
            let line = at(k);
            // Folding only drops punctuation and spacing, so a repeat has a similar length.
            let similar_length = line.len() <= 2 * headline_text.len() + 16;
            let repeat =
                !headline_fold.is_empty() && similar_length && fold_words(line) == headline_fold;
            let signed = signature_from.is_some_and(|from| k >= from);
            if repeat
                || signed
                || is_boilerplate_line(line)
                || taglines.is_tagline(line, Some(k) == last)
            {
                boiler.push(k);
            } else {
                has_body = true;
            }
        }
        has_body
    };
    let body_boiler_from = boiler.len();
    let mut has_body = classify(&body, headline_text, &mut boiler);

    // A lone line (pasted sentence, one paragraph) is the text itself, not a headline.
    if !has_body
        && headers.is_empty()
        && let Some((_, line, HeadlineFrom::Line)) = headline
    {
        headline = None;
        body_line = line;
        body_start = lines[line].start;
        boiler.truncate(body_boiler_from);
        let body: Vec<usize> = (body_line..n).filter(|&k| has_alnum(at(k))).collect();
        has_body = classify(&body, "", &mut boiler);
    }

    let to_spans = |mut idx: Vec<usize>| {
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().map(|k| lines[k]).collect::<Vec<_>>()
    };
    Layout {
        headline_span: headline.map(|(span, ..)| span),
        body_start,
        header_spans: to_spans(headers),
        boilerplate_spans: to_spans(boiler),
        found,
        outlet,
        credited,
        has_body,
    }
}

/// The lines of `text` as spans without their line endings (`\n`, `\r\n` or a lone `\r`).
pub(super) fn split_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Span::new(start, end));
            start = i + 1;
        } else if b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(Span::new(start, bytes.len()));
    }
    lines
}

/// `span` without leading and trailing whitespace.
pub(super) fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + lead + s.trim().len())
}
