//! Which outlet published an article: header lines, the address, the headline, datelines, taglines, the file name.

use crate::ingest::dates::is_unknown_marker;
use crate::ingest::error::PASTED_TEXT;
use crate::ingest::headers::Found;
use crate::ingest::line_text::find_ci;
use crate::ingest::line_text::fold_words;
use crate::ingest::line_text::has_alnum;
use crate::ingest::line_text::starts_word;
use crate::ingest::line_text::strip_markup;
use crate::ingest::line_text::strip_prefix_ci;
use crate::ingest::line_text::unquote;
use crate::ingest::outlet_names::known_outlet;

/// The publisher the text itself names, in order of trust: an `Outlet:` header, a signature
/// or tagline near the end, the URL's host, a page-title suffix ("… | Reuters"), a byline's
/// outlet. A headline prefix ("New York Times: …") or a wire dateline ("(AFP) -") credits the
/// source being re-reported (see [`credited_outlets`]), never the publisher.
pub(super) fn outlet_from_text<'a>(
    found: &Found,
    headline: &str,
    body: &[usize],
    at: &impl Fn(usize) -> &'a str,
) -> Option<String> {
    if let Some(outlet) = found.outlet.as_deref().and_then(outlet_from_value) {
        return Some(outlet);
    }
    if let Some(outlet) = body
        .iter()
        .rev()
        .take(8)
        .find_map(|&k| tagline_outlet(at(k)))
    {
        return Some(outlet);
    }
    if let Some(k) = signature_line(body, at) {
        return short_name(at(k));
    }
    if let Some(outlet) = found.url.as_deref().and_then(outlet_from_url) {
        return Some(outlet);
    }
    if let Some(outlet) = outlet_from_headline(headline) {
        return Some(outlet);
    }
    found.byline_outlet.clone()
}

/// Words that make a short capitalised line an outlet's name.
const OUTLET_NAME_WORDS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "gazette",
    "tribune",
    "press",
    "wire",
    "courier",
    "daily",
    "chronicle",
    "observer",
    "ledger",
    "standard",
    "telegraph",
    "monitor",
    "review",
    "dispatch",
    "mail",
    "express",
    "mirror",
    "star",
    "sun",
    "record",
    "register",
    "inquirer",
    "bulletin",
    "today",
    "media",
    "network",
    "radio",
    "tv",
    "insider",
    "weekly",
    "magazine",
    "agency",
    "broadcasting",
];

/// First words of short capitalised lines that are page furniture, not a signature.
const NOT_A_SIGNATURE: &[&str] = &[
    "related",
    "more",
    "read",
    "share",
    "follow",
    "subscribe",
    "advertisement",
    "comments",
    "tags",
    "topics",
    "newsletter",
    "sign",
    "contact",
    "about",
    "trending",
    "popular",
    "latest",
    "recommended",
    "editor",
    "editors",
    "photo",
    "photos",
    "video",
    "watch",
    "listen",
    "sponsored",
    "top",
    "most",
    "see",
    "also",
    "next",
    "previous",
    "back",
    "home",
];

/// The body line (an index into the text's lines) that signs the article: the outlet's name
/// alone on one of the last three lines — one to four capitalised words, no digits, no
/// sentence punctuation — either a known outlet, a name with an outlet word ("Northern
/// Ledger"), or followed by its slogan. Lines after it are the slogan and copyright.
pub(super) fn signature_line<'a>(body: &[usize], at: &impl Fn(usize) -> &'a str) -> Option<usize> {
    let n = body.len();
    if n < 3 {
        return None;
    }
    (n - 3..n).find_map(|pos| {
        let k = body[pos];
        let line = strip_markup(at(k)).trim();
        let words: Vec<&str> = line.split_whitespace().collect();
        let first = words.first()?.to_lowercase();
        let shaped = (1..=4).contains(&words.len())
            && !line
                .chars()
                .any(|c| c.is_ascii_digit() || "\"“”«»".contains(c))
            && !line.ends_with(['.', '!', '?', ':', ',', ';'])
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "the" | "of" | "and" | "&")
            })
            && !NOT_A_SIGNATURE.contains(&first.as_str());
        if !shaped {
            return None;
        }
        let after = &body[pos + 1..];
        // A slogan does not name the signer again: "Jane Doe" then "Jane Doe covers city
        // hall." is an author's note, not an outlet's signature.
        let slogan_follows = !after.is_empty()
            && after.len() <= 2
            && after.iter().all(|&j| at(j).len() <= 250)
            && at(after[0]).split_whitespace().count() >= 4
            && !after.iter().any(|&j| at(j).contains(words[0]));
        let named = known_outlet(line).is_some()
            || words
                .iter()
                .any(|w| OUTLET_NAME_WORDS.contains(&w.to_lowercase().as_str()));
        (slogan_follows || (named && after.len() <= 2)).then_some(k)
    })
}

/// Outlets the article credits as the source it re-reports: a known outlet in a headline
/// prefix ("New York Times: …", "Reuters — …") or in a wire dateline in the first lines
/// ("KYIV (AP) — …"). The publisher's own name in those places ("Meridian Post: …" in Meridian
/// Post) is no credit.
pub(super) fn credited_outlets<'a>(
    headline: &str,
    body: &[usize],
    at: &impl Fn(usize) -> &'a str,
    publisher: &str,
) -> Vec<String> {
    let own = known_outlet(publisher).unwrap_or(publisher);
    let mut out: Vec<String> = Vec::new();
    let candidates = headline_credit(headline)
        .into_iter()
        .chain(body.iter().take(3).filter_map(|&k| dateline_outlet(at(k))));
    for credit in candidates {
        if !credit.eq_ignore_ascii_case(own) && !out.contains(&credit) {
            out.push(credit);
        }
    }
    out
}

/// A known outlet naming the source at the start of a headline: "New York Times: …",
/// "Reuters — …", "AP: …".
pub(super) fn headline_credit(headline: &str) -> Option<String> {
    let cut = [":", " — ", " – ", " - "]
        .iter()
        .filter_map(|m| headline.find(m))
        .min()?;
    if cut > 40 {
        return None;
    }
    let prefix = headline[..cut].trim();
    if prefix.eq_ignore_ascii_case("time") {
        return None;
    }
    if let Some(known) = known_outlet(prefix) {
        return Some(known.to_owned());
    }
    // An unknown outlet named like one: "Harbour Gazette: …", but not "Mayor Smith: …".
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let named = (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "of")
        && words
            .last()
            .is_some_and(|w| OUTLET_NAME_WORDS.contains(&w.to_lowercase().as_str()));
    named.then(|| prefix.to_owned())
}

/// An `Outlet:` value: a known outlet (also inside "HuffPost (Huffington Post)" or a URL), else
/// as written. `None` for "unknown" and the like.
pub(super) fn outlet_from_value(value: &str) -> Option<String> {
    let v = unquote(value.trim());
    if is_unknown_marker(v) {
        return None;
    }
    if let Some(known) = known_outlet(v) {
        return Some(known.to_owned());
    }
    if v.contains("://") {
        return outlet_from_url(v).or_else(|| host_of(v).map(str::to_owned));
    }
    if let Some(open) = v.find('(') {
        let before = v[..open].trim();
        let inner = v[open + 1..].split(')').next().unwrap_or("").trim();
        if let Some(known) = known_outlet(before).or_else(|| known_outlet(inner)) {
            return Some(known.to_owned());
        }
    }
    if !v.contains(char::is_whitespace)
        && v.contains('.')
        && let Some(known) = outlet_from_url(v)
    {
        return Some(known);
    }
    Some(v.to_owned())
}

/// The host of a URL (or a bare domain), without `www.`.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim();
    let host = host.strip_prefix("www.").unwrap_or(host);
    has_alnum(host).then_some(host)
}

/// A known outlet from a URL's host, also under subdomains ("thecaucus.blogs.nytimes.com").
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    if let Some(known) = known_outlet(url) {
        return Some(known.to_owned());
    }
    let host = host_of(url)?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    (1..labels.len().saturating_sub(1))
        .find_map(|k| known_outlet(&labels[k..].join(".")).map(str::to_owned))
}

/// A known outlet in a page-title suffix ("… | Reuters", "… - The New York Times") or a
/// "Reuters | …" section prefix: the site naming itself.
pub(super) fn outlet_from_headline(headline: &str) -> Option<String> {
    for separator in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(pos) = headline.rfind(separator)
            && let Some(known) = known_outlet(&headline[pos + separator.len()..])
        {
            return Some(known.to_owned());
        }
    }
    if let Some(pos) = headline.find(" | ")
        && let Some(known) = known_outlet(&headline[..pos])
    {
        return Some(known.to_owned());
    }
    None
}

/// The wire service in a dateline: "WASHINGTON (Reuters) - …", "(AP) — …".
pub(super) fn dateline_outlet(line: &str) -> Option<String> {
    let s = line.trim_start();
    let open = s.find('(')?;
    if open > 80 {
        return None;
    }
    // The place: "WASHINGTON", "KYIV, Ukraine", "WASHINGTON, D.C." — starting with a word in
    // capitals, a few words at most; or nothing at all.
    let before = s[..open].trim();
    let first_word = before.split([' ', ',']).next().unwrap_or("");
    if !before.is_empty()
        && (first_word.chars().any(char::is_lowercase)
            || !has_alnum(first_word)
            || before.split_whitespace().count() > 6)
    {
        return None;
    }
    let close = open + s[open..].find(')')?;
    let inner = &s[open + 1..close];
    let after = s[close + 1..].trim_start();
    if !after.starts_with(['-', '—', '–', ':']) {
        return None;
    }
    known_outlet(inner).map(str::to_owned)
}

/// A name of at most six words: the known outlet it names, else as written.
pub(super) fn short_name(s: &str) -> Option<String> {
    let name = s.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if !has_alnum(name) || name.split_whitespace().count() > 6 {
        return None;
    }
    Some(known_outlet(name).map_or_else(|| name.to_owned(), str::to_owned))
}

/// The outlet a closing line names: "© 2022 Reuters", "Reporting by …; Editing by …" (Reuters
/// house style), "This article originally appeared on …", "Follow Reuters on X", or a line that
/// is just an outlet's name.
pub(super) fn tagline_outlet(line: &str) -> Option<String> {
    let core = strip_markup(line);
    if core.len() > 300 {
        return None;
    }
    let lc = core.to_ascii_lowercase();
    if core.starts_with('©') || starts_word(&lc, "copyright") || lc.starts_with("(c)") {
        if ["getty", "photo", "image", "picture"]
            .iter()
            .any(|w| lc.contains(w))
        {
            return None;
        }
        let mut rest = core;
        loop {
            let trimmed = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | ',' | '-' | '–')
            });
            let trimmed = strip_prefix_ci(trimmed, "copyright")
                .or_else(|| strip_prefix_ci(trimmed, "(c)"))
                .unwrap_or(trimmed);
            if trimmed.len() == rest.len() {
                break;
            }
            rest = trimmed;
        }
        let end = [" all rights reserved", ". ", "|", ";"]
            .iter()
            .filter_map(|m| find_ci(rest, m))
            .min()
            .unwrap_or(rest.len());
        return short_name(&rest[..end]);
    }
    for marker in [
        "originally appeared on ",
        "originally appeared in ",
        "originally appeared at ",
        "first appeared on ",
        "first appeared in ",
        "originally published on ",
        "originally published in ",
        "originally published by ",
        "republished from ",
        "reprinted from ",
    ] {
        if let Some(pos) = find_ci(core, marker) {
            let rest = &core[pos + marker.len()..];
            let end = [",", ". ", " on ", " and ", " (", " — ", " - ", ";"]
                .iter()
                .filter_map(|m| find_ci(rest, m))
                .min()
                .unwrap_or(rest.len());
            return short_name(&rest[..end]);
        }
    }
    let credit = lc.trim_start_matches('(');
    if [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
    ]
    .iter()
    .any(|p| starts_word(credit, p))
        && (lc.contains(';') || lc.contains("editing by"))
    {
        return Some("Reuters".to_owned());
    }
    if let Some(rest) = strip_prefix_ci(core, "follow ") {
        let end = [" on ", " for ", " at ", " via "]
            .iter()
            .filter_map(|m| find_ci(rest, m))
            .min()
            .unwrap_or(rest.len());
        return known_outlet(rest[..end].trim().trim_start_matches('@')).map(str::to_owned);
    }
    (core.len() <= 60)
        .then(|| known_outlet(core))
        .flatten()
        .map(str::to_owned)
}

/// The file name of `origin` (after the last `/` or `\`) without a document extension, so
/// `C:\news\nytimes.txt` gives "nytimes" and "news.yahoo.com" stays whole.
pub(super) fn file_stem(origin: &str) -> &str {
    const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "markdown", "mdx", "html", "htm", "rtf", "doc", "docx", "pdf", "csv",
    ];
    let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    match name.rsplit_once('.') {
        Some((stem, ext)) if EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)) => stem,
        _ => name,
    }
}

/// File name stems that say nothing about the outlet.
pub(super) const GENERIC_STEMS: &[&str] = &[
    "article",
    "articles",
    "story",
    "stories",
    "text",
    "untitled",
    "document",
    "doc",
    "new",
    "new document",
    "new text document",
    "copy",
    "input",
    "sample",
    "test",
    "file",
    "paste",
    "pasted",
    "pasted text",
    "clipboard",
    "news",
    "draft",
    "notes",
    "note",
    "left",
    "right",
    "source",
    "original",
    "output",
    "tmp",
    "temp",
    "page",
    "content",
    "body",
    "report",
    "item",
    "a",
    "b",
    "c",
    "x",
];

/// The outlet a file name tells: a known outlet ("nytimes.txt", "foxnews.com.txt",
/// "cantor-nyt.txt"), else the stem title-cased ("harbour-gazette.txt" → "Harbour Gazette");
/// `None` for "pasted text" and generic names ("article1.txt").
pub(super) fn outlet_from_origin(origin: &str) -> Option<String> {
    if origin.trim().eq_ignore_ascii_case(PASTED_TEXT) {
        return None;
    }
    let stem = file_stem(origin).trim();
    let stem = [" copy", "-copy", "_copy"]
        .iter()
        .find_map(|s| stem.strip_suffix(s))
        .unwrap_or(stem);
    let stem = match stem.rfind(" (") {
        Some(pos)
            if stem.ends_with(')')
                && stem[pos + 2..stem.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            &stem[..pos]
        }
        _ => stem,
    };
    if let Some(known) = known_outlet(stem) {
        return Some(known.to_owned());
    }
    let spaced = stem.replace(['-', '_'], " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let spaced = words.join(" ");
    if let Some(known) = known_outlet(&spaced) {
        return Some(known.to_owned());
    }
    let letters = fold_words(
        &spaced
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>(),
    );
    let letter_count = letters.chars().filter(|c| c.is_alphanumeric()).count();
    if letter_count < 3 || GENERIC_STEMS.contains(&letters.as_str()) {
        return None;
    }
    // A saved web page is named after its title: only a "… - The New York Times" affix counts.
    if words.len() > 4 {
        return outlet_from_headline(stem);
    }
    if words.len() == 1 && spaced.contains('.') {
        return Some(outlet_from_url(&spaced).unwrap_or(spaced));
    }
    // A known outlet among the words: "2014-cantor-nytimes", "new-york-times-story".
    let risky = ["time", "hill", "the", "ria", "fox"];
    for size in (1..=words.len().min(4)).rev() {
        let hits: Vec<&str> = words
            .windows(size)
            .filter(|w| {
                size > 1
                    || (w[0].len() >= 3 && !risky.contains(&w[0].to_ascii_lowercase().as_str()))
            })
            .filter_map(|w| known_outlet(&w.join(" ")))
            .collect();
        if let Some(first) = hits.first()
            && hits.iter().all(|h| h == first)
        {
            return Some((*first).to_owned());
        }
    }
    let title_cased: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect();
    Some(title_cased.join(" "))
}
