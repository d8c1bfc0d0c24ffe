//! Page metadata: og: tags, JSON-LD NewsArticle, canonical link, title and its outlet suffix.

use crate::ingest::outlet_names::canonical_outlet;
use crate::ingest::outlet_names::known_outlet;
use dom_query::Document;
use serde_json::Value;

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline, without an outlet suffix.
    pub headline: Option<String>,
    /// The outlet's name as the page gives it.
    pub outlet: Option<String>,
    /// The publication date as written (ISO when the page follows the standards).
    pub date: Option<String>,
    /// The author(s), joined with ", ".
    pub author: Option<String>,
    /// The page's own address (canonical link, `og:url` or JSON-LD `url`).
    pub url: Option<String>,
}

/// The article fields of a JSON-LD block.
#[derive(Debug, Default)]
pub(super) struct LdArticle {
    pub(super) headline: Option<String>,
    pub(super) date_published: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) publisher: Option<String>,
    /// The publisher's own `url`, when it gives one (a publication on a platform has a path).
    pub(super) publisher_url: Option<String>,
    pub(super) url: Option<String>,
}

/// Schema.org types that are articles.
pub(super) const LD_ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// `s` with runs of whitespace folded to one space and trimmed; `None` when nothing is left.
pub(super) fn clean_value(s: &str) -> Option<String> {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty() && folded.chars().any(char::is_alphanumeric)).then_some(folded)
}

/// The types of a JSON-LD node (`"@type": "X"` or `["X", "Y"]`).
pub(super) fn ld_types(node: &Value) -> Vec<&str> {
    match node.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A JSON-LD value as one string: a string, or an object's `name`, or the first of a list.
pub(super) fn ld_name<'v>(
    value: &'v Value,
    by_id: &dyn Fn(&str) -> Option<&'v Value>,
) -> Option<String> {
    match value {
        Value::String(s) => clean_value(s),
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .and_then(clean_value)
            .or_else(|| {
                let id = map.get("@id")?.as_str()?;
                let target = by_id(id)?;
                target.get("name")?.as_str().and_then(clean_value)
            }),
        Value::Array(items) => items.iter().find_map(|v| ld_name(v, by_id)),
        _ => None,
    }
}

/// A script's text without the `<![CDATA[ … ]]>` or `<!-- … -->` wrapper some pages (Wikipedia's
/// among them) put around their JSON-LD.
pub(super) fn unwrap_script_text(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            text = inner.trim();
        }
    }
    text
}

/// The article described by the page's JSON-LD blocks, preferring a `NewsArticle`.
pub(super) fn json_ld_article(doc: &Document) -> Option<LdArticle> {
    let mut nodes: Vec<Value> = Vec::new();
    for script in doc
        .select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .take(32)
    {
        let text = script.text();
        if text.len() > 1024 * 1024 {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(unwrap_script_text(&text)) else {
            continue;
        };
        let mut items = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for item in &mut items {
            if let Some(Value::Array(graph)) = item.get_mut("@graph").map(Value::take) {
                nodes.extend(graph);
            }
        }
        nodes.extend(items);
    }
    let by_id = |id: &str| {
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
    };
    let rank = |node: &Value| {
        let types = ld_types(node);
        LD_ARTICLE_TYPES.iter().position(|t| types.contains(t))
    };
    let article = nodes
        .iter()
        .filter_map(|n| rank(n).map(|r| (r, n)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, n)| n)?;
    let text_field = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .and_then(clean_value)
    };
    let mut authors = Vec::new();
    let author_values: Vec<&Value> = match article.get("author") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    for value in author_values {
        if let Some(name) = ld_name(value, &by_id)
            && !authors.contains(&name)
        {
            authors.push(name);
        }
    }
    Some(LdArticle {
        headline: text_field("headline").or_else(|| text_field("name")),
        date_published: text_field("datePublished").or_else(|| text_field("dateCreated")),
        authors,
        publisher: article.get("publisher").and_then(|p| ld_name(p, &by_id)),
        publisher_url: article
            .get("publisher")
            .and_then(|p| {
                p.get("url").or_else(|| {
                    let id = p.get("@id")?.as_str()?;
                    by_id(id)?.get("url")
                })
            })
            .and_then(Value::as_str)
            .and_then(clean_value),
        url: text_field("url").or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| m.as_str().or_else(|| m.get("@id").and_then(Value::as_str)))
                .and_then(clean_value)
        }),
    })
}

/// `<meta>` values by lowercase `property` or `name`; the first of each wins.
pub(super) fn meta_values(doc: &Document) -> Vec<(String, String)> {
    let mut values: Vec<(String, String)> = Vec::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = node.attr("content").and_then(|c| clean_value(&c)) else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(key_attr) {
                let key = key.trim().to_ascii_lowercase();
                if !values.iter().any(|(k, _)| *k == key) {
                    values.push((key, content.clone()));
                }
            }
        }
    }
    values
}

/// An absolute http(s) address, or `None`.
pub(super) fn web_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    ((lower.starts_with("http://") || lower.starts_with("https://"))
        && !s.contains(char::is_whitespace))
    .then(|| s.to_owned())
}

/// Whether a JSON-LD publisher whose `url` is `publisher_url` is a publication hosted on the
/// platform named by the page's site name: its address is a path under a host ("medium.com/
/// voodoo-engineering") and that host names the site ("Medium"). Such a publisher, not the
/// platform, is the outlet.
pub(super) fn is_publication_on(publisher_url: Option<&str>, site_name: Option<&str>) -> bool {
    let (Some(url), Some(site)) = (publisher_url, site_name) else {
        return false;
    };
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let has_path = path
        .trim_matches('/')
        .split('/')
        .any(|part| !part.is_empty());
    let host = host.trim_start_matches("www.");
    let host_name = host.split('.').next().unwrap_or(host);
    let site_key: String = site
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    has_path && !site_key.is_empty() && host_name.eq_ignore_ascii_case(&site_key)
}

/// Whether `title` is `heading` followed by nothing or by a suffix that starts with a space or
/// punctuation ("Mozilla - Wikipedia", "Weekly Edition [LWN.net]", "头条_科技_腾讯网").
pub(super) fn title_begins_with(title: &str, heading: &str) -> bool {
    let (title, heading) = (title.to_lowercase(), heading.to_lowercase());
    match title.strip_prefix(&heading) {
        Some(rest) => rest
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == '_'),
        None => false,
    }
}

/// Whether `a` and `b` share a word of letters or digits (case aside).
pub(super) fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let b_words = words(b);
    words(a).iter().any(|w| b_words.contains(w))
}

/// Company-form words that a site name may carry but the outlet's name does not.
const COMPANY_SUFFIXES: &[&str] = &[
    "inc", "inc.", "llc", "ltd", "ltd.", "limited", "gmbh", "corp", "corp.", "plc", "s.a.", "ag",
];

/// A site name as the outlet's name: without a slogan after a dash or bar ("Aktuálně.cz -
/// Víte, co se právě děje") and without a company form ("Spiceworks Inc").
pub(super) fn clean_site_name(name: &str) -> String {
    let mut name = name.trim();
    for separator in [" - ", " – ", " — ", " | "] {
        if let Some(pos) = name.find(separator) {
            let (head, tail) = (name[..pos].trim(), name[pos + separator.len()..].trim());
            if head.split_whitespace().count() <= 4 && tail.split_whitespace().count() >= 3 {
                name = head;
            }
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2
        && let Some(last) = words.last()
        && COMPANY_SUFFIXES.contains(&last.to_lowercase().trim_start_matches(','))
    {
        let kept = words[..words.len() - 1].join(" ");
        return kept.trim_end_matches(',').to_owned();
    }
    name.to_owned()
}

/// Separators between a headline and the outlet's name in titles.
pub(super) const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · ", " • "];

/// Splits "Headline - Outlet" into the headline and the outlet when the part after the last
/// separator is short enough to be a name (and matches `outlet` when one is known).
pub(super) fn split_title_suffix(title: &str, outlet: Option<&str>) -> (String, Option<String>) {
    let found = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|pos| (pos, sep.len())))
        .max_by_key(|(pos, _)| *pos);
    if let Some((pos, len)) = found {
        let head = title[..pos].trim();
        let tail = title[pos + len..].trim();
        let same_as_outlet = outlet.is_some_and(|o| {
            canonical_outlet(o).eq_ignore_ascii_case(&canonical_outlet(tail))
                || o.eq_ignore_ascii_case(tail)
        });
        let name_like = tail.split_whitespace().count() <= 5
            && head.split_whitespace().count() >= 2
            && (outlet.is_none() || same_as_outlet || known_outlet(tail).is_some());
        if (same_as_outlet || name_like) && head.chars().any(char::is_alphanumeric) {
            return (head.to_owned(), Some(tail.to_owned()));
        }
    }
    (title.to_owned(), None)
}

/// The byline shown on the page ("By Jane Doe"), without "By ", when one is marked up.
pub(super) fn byline_text(doc: &Document) -> Option<String> {
    let node = doc
        .select(r#"[rel="author"], [itemprop="author"], .byline, .author, #byline"#)
        .nodes()
        .first()
        .copied()?;
    let text = clean_value(&node.text())?;
    let text = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .or_else(|| text.strip_prefix("BY "))
        .unwrap_or(&text)
        .trim();
    (text.chars().count() <= 120).then(|| text.to_owned())
}

/// Reads the page's metadata: Open Graph and article tags, `<meta name=author>`, JSON-LD,
/// the canonical link, `<title>` and the first `<h1>`.
pub fn page_meta(doc: &Document) -> PageMeta {
    let values = meta_values(doc);
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            values
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld_article(doc).unwrap_or_default();
    let title = doc
        .select("head title, title")
        .nodes()
        .first()
        .and_then(|t| clean_value(&t.text()));

    let site_name = meta(&["og:site_name"]);
    let publication = ld
        .publisher
        .clone()
        .filter(|_| is_publication_on(ld.publisher_url.as_deref(), site_name.as_deref()));
    let mut outlet = publication
        .or(site_name)
        .or_else(|| ld.publisher.clone())
        .map(|name| clean_site_name(&name))
        .or_else(|| meta(&["application-name", "twitter:site"]).filter(|s| !s.starts_with('@')));
    let title_suffix = title
        .as_deref()
        .and_then(|t| split_title_suffix(t, outlet.as_deref()).1);
    if outlet.is_none() {
        outlet = title_suffix;
    }

    let strip = |t: String| split_title_suffix(&t, outlet.as_deref()).0;
    let h1 = |selector: &str| {
        doc.select(selector)
            .nodes()
            .first()
            .and_then(|h| clean_value(&h.text()))
    };
    let headline = meta(&["og:title", "twitter:title"])
        .map(strip)
        .or_else(|| {
            // A first heading that the title begins with, followed by a site or section suffix,
            // is the headline the page shows — unless it is the outlet's own name (a logo).
            h1("h1").filter(|h| {
                title.as_deref().is_some_and(|t| title_begins_with(t, h))
                    && outlet.as_deref().is_none_or(|o| {
                        !canonical_outlet(o).eq_ignore_ascii_case(&canonical_outlet(h))
                    })
            })
        })
        .or_else(|| {
            // Some sites put a description in JSON-LD's headline (Wikipedia: "constitutional
            // monarchy in Oceania" for "New Zealand"); one that shares no word with the page's
            // title is not the headline.
            ld.headline
                .clone()
                .filter(|h| title.as_deref().is_none_or(|t| shares_a_word(h, t)))
        })
        .or_else(|| h1("article h1, main h1"))
        .or_else(|| title.clone().map(strip))
        .or_else(|| h1("h1"));

    let date = meta(&["article:published_time", "og:article:published_time"])
        .or_else(|| ld.date_published.clone())
        .or_else(|| {
            meta(&[
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "dcterms.date",
                "parsely-pub-date",
                "sailthru.date",
                "citation_publication_date",
            ])
        })
        .or_else(|| {
            doc.select("article time[datetime], main time[datetime], time[datetime]")
                .nodes()
                .first()
                .and_then(|t| t.attr("datetime"))
                .and_then(|d| clean_value(&d))
        });

    let outlet_key = outlet.as_deref().map(canonical_outlet);
    let not_outlet = |name: &String| {
        outlet_key
            .as_deref()
            .is_none_or(|o| !canonical_outlet(name).eq_ignore_ascii_case(o))
    };
    let ld_authors: Vec<String> = ld
        .authors
        .iter()
        .filter(|a| not_outlet(a))
        .cloned()
        .collect();
    let author = (!ld_authors.is_empty())
        .then(|| ld_authors.join(", "))
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
            ])
            .filter(|a| web_url(a).is_none() && not_outlet(a))
        })
        .or_else(|| byline_text(doc).filter(|a| not_outlet(a)));

    let url = doc
        .select(r#"link[rel="canonical"][href]"#)
        .nodes()
        .first()
        .and_then(|l| l.attr("href"))
        .and_then(|h| web_url(&h))
        .or_else(|| meta(&["og:url"]).and_then(|u| web_url(&u)))
        .or_else(|| ld.url.as_deref().and_then(web_url));

    PageMeta {
        headline,
        outlet,
        date,
        author,
        url,
    }
}
