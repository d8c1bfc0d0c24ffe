//! Headline and header lines: 'Outlet:', 'Date:', 'URL:', bylines and Markdown front matter.
use super::calendar::{is_weekday_word, month_of};
use crate::ingest::article::Span;
use crate::ingest::boilerplate::UI_LABELS;
use crate::ingest::dates::date_value;
use crate::ingest::dates::parse_date;
use crate::ingest::line_text::fold_words;
use crate::ingest::line_text::has_alnum;
use crate::ingest::line_text::starts_word;
use crate::ingest::line_text::strip_markup;
use crate::ingest::line_text::strip_prefix_ci;
use crate::ingest::line_text::unquote;
use crate::ingest::outlet_names::known_outlet;

/// True when a first line reads like a headline rather than a paragraph of text.
pub(super) fn looks_like_headline(line: &str) -> bool {
    if line.chars().count() > 300 {
        return false;
    }
    let words = line.split_whitespace().count();
    !(words >= 16 && line.ends_with('.') && !line.ends_with(".."))
}

/// True for a Markdown setext underline (`=====` or `-----`).
pub(super) fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// The text of a Markdown ATX heading (`# Title`, `## Title ##`) without the `#` marks.
pub(super) fn markdown_heading(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &t[hashes..];
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let content_lead = after.len() - after.trim_start().len();
    let mut content = after.trim();
    let without_closing = content.trim_end_matches('#');
    if without_closing.len() < content.len() && without_closing.ends_with([' ', '\t']) {
        content = without_closing.trim_end();
    }
    if !has_alnum(content) {
        return None;
    }
    let start = line.start + lead + hashes + content_lead;
    Some(Span::new(start, start + content.len()))
}

/// Page chrome that may precede a headline in copied web pages.
pub(super) fn is_page_chrome(line: &str) -> bool {
    let core = strip_markup(line);
    let lc = core.to_ascii_lowercase();
    let words = lc.split_whitespace().count();
    UI_LABELS.contains(&fold_words(core).as_str())
        || (words <= 6
            && [
                "skip to",
                "sign in",
                "log in",
                "subscribe",
                "advertisement",
                "menu",
            ]
            .iter()
            .any(|p| starts_word(&lc, p)))
}

/// What a header line or front-matter key tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    Outlet,
    Title,
    Date,
    Published,
    Updated,
    Url,
    Author,
    /// A dataset note (`Source:` in plain text): a header, but no metadata.
    Source,
}

/// A `Key: value` line; `value` is the trimmed value's span in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Header {
    pub(super) key: Key,
    pub(super) value: Span,
}

/// The [`Key`] a normalised header name stands for. In front matter, `source` names the outlet.
pub(super) fn key_kind(key: &str, front_matter: bool) -> Option<Key> {
    Some(match key {
        "outlet" | "publication" | "publisher" | "site" | "site name" | "sitename"
        | "newspaper" | "news outlet" => Key::Outlet,
        "source" if front_matter => Key::Outlet,
        "source" => Key::Source,
        "title" | "headline" => Key::Title,
        "date" | "pubdate" | "pub date" | "publication date" | "date published" => Key::Date,
        "published" | "published on" | "published at" | "publish date" | "posted" | "posted on" => {
            Key::Published
        }
        "updated" | "last updated" | "updated on" | "updated at" | "modified" | "last modified"
        | "lastmod" | "date modified" => Key::Updated,
        "url" | "link" | "canonical" | "canonical url" | "permalink" | "web address" => Key::Url,
        "author" | "authors" | "by" | "byline" | "written by" | "writer" | "reporter"
        | "reporters" => Key::Author,
        _ => return None,
    })
}

/// Parses `Key<separator> value` on `line` when the key is one the importer knows.
pub(super) fn parse_header(
    text: &str,
    line: Span,
    separator: char,
    front_matter: bool,
) -> Option<Header> {
    let s = line.slice(text);
    let pos = s.find(separator)?;
    if pos > 40 {
        return None;
    }
    let raw_key = s[..pos]
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim();
    if raw_key.is_empty()
        || !raw_key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
    {
        return None;
    }
    let normal = raw_key.to_lowercase().replace(['_', '-'], " ");
    let normal = normal.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key_kind(&normal, front_matter)?;
    let after = pos + separator.len_utf8();
    let rest = &s[after..];
    let markup = |c: char| c.is_whitespace() || c == '*' || c == '_';
    let lead = rest.len() - rest.trim_start_matches(markup).len();
    let mut value = rest.trim_matches(markup);
    let mut start = line.start + after + lead;
    if front_matter {
        let unquoted = unquote(value);
        if unquoted.len() < value.len() {
            start += value.find(unquoted).unwrap_or(0);
            value = unquoted;
        }
    }
    Some(Header {
        key,
        value: Span::new(start, start + value.len()),
    })
}

/// Accepts header lines found above the headline: two or more, or one that clearly is metadata.
pub(super) fn accept_top_block(text: &str, top: &[(usize, Header)]) -> bool {
    match top {
        [] => false,
        [(_, header)] => match header.key {
            Key::Outlet | Key::Url | Key::Title | Key::Author => true,
            Key::Date | Key::Published | Key::Updated => {
                parse_date(header.value.slice(text)).is_some()
            }
            Key::Source => false,
        },
        _ => true,
    }
}

/// A byline: "By Jane Doe and John Roe, Associated Press | June 10, 2014".
pub(super) struct Byline {
    pub(super) authors: Vec<String>,
    pub(super) outlet: Option<String>,
    pub(super) date: Option<String>,
}

/// Words that never start a name in a byline.
pub(super) fn is_calendar_word(w: &str) -> bool {
    month_of(&w.to_ascii_lowercase()).is_some() || is_weekday_word(w)
}

/// Parses a `By …` line, refusing sentences that merely start with "By" ("By Tuesday, …").
pub(super) fn parse_byline(line: &str) -> Option<Byline> {
    let core = strip_markup(line);
    let rest = strip_prefix_ci(core, "by ")?.trim();
    if rest.is_empty() || rest.chars().count() > 150 {
        return None;
    }
    let (names_part, tail) = match [" | ", "|", " • ", " · ", " — ", " – ", " - "]
        .iter()
        .filter_map(|sep| rest.find(sep).map(|pos| (pos, sep.len())))
        .min()
    {
        Some((pos, len)) => (rest[..pos].trim(), Some(rest[pos + len..].trim())),
        None => (rest, None),
    };
    let mut outlet = tail.and_then(known_outlet).map(str::to_owned);
    let date = tail.and_then(parse_date).or_else(|| parse_date(names_part));
    let mut authors = Vec::new();
    for (index, segment) in names_part
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        if let Some(known) = known_outlet(segment) {
            outlet.get_or_insert_with(|| known.to_owned());
            continue;
        }
        let lower = segment.to_lowercase();
        if [
            "staff",
            "writer",
            "correspondent",
            "reporter",
            "editor",
            "contributor",
            "bureau",
            "chief",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            continue;
        }
        let words: Vec<&str> = segment.split_whitespace().collect();
        let dateish = words.iter().all(|w| is_dateish(w));
        if index > 0 && dateish {
            continue;
        }
        let connectors = [
            "and", "&", "with", "de", "van", "von", "der", "da", "la", "le", "bin", "al", "el",
            "del",
        ];
        let names_ok = words.len() <= 12
            && words.iter().all(|w| {
                connectors.contains(&w.to_lowercase().as_str())
                    || (w.chars().next().is_some_and(char::is_uppercase)
                        && !is_calendar_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
            });
        if !names_ok || (index == 0 && words.len() < 2) {
            return None;
        }
        authors.push(segment.to_owned());
    }
    if authors.is_empty() && outlet.is_none() {
        return None;
    }
    Some(Byline {
        authors,
        outlet,
        date,
    })
}

/// A line that is only a date ("June 10, 2014", "Updated 10:05 a.m. ET, Tue June 10, 2014").
pub(super) fn date_line(line: &str) -> Option<(Key, String)> {
    let core = strip_markup(line);
    if core.chars().count() > 80 {
        return None;
    }
    let (key, rest) = if let Some(rest) = strip_prefix_ci(core, "published ") {
        (Key::Published, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "posted ") {
        (Key::Published, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "updated ") {
        (Key::Updated, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "last updated ") {
        (Key::Updated, rest)
    } else {
        (Key::Date, core)
    };
    let date = parse_date(rest)?;
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let dateish = words.iter().filter(|w| is_dateish(w)).count();
    (words.len() <= 9 && dateish + 1 >= words.len()).then_some((key, date))
}

/// True for words that belong in a date line: numbers, months, weekdays, times and zones.
pub(super) fn is_dateish(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    w.is_empty()
        || w.chars().any(|c| c.is_ascii_digit())
        || is_calendar_word(&w)
        || matches!(
            w.as_str(),
            "am" | "pm"
                | "a.m"
                | "p.m"
                | "et"
                | "est"
                | "edt"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "cest"
                | "pt"
                | "pst"
                | "pdt"
                | "ct"
                | "cst"
                | "cdt"
                | "on"
                | "at"
                | "of"
        )
}

/// Everything the header lines and front matter said.
#[derive(Default)]
pub(super) struct Found {
    pub(super) outlet: Option<String>,
    pub(super) title: Option<(Span, usize)>,
    pub(super) date: Option<String>,
    pub(super) published: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) url: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) byline_outlet: Option<String>,
}

impl Found {
    /// Takes in one header line (`line` is its index, for a title).
    pub(super) fn record(&mut self, text: &str, header: &Header, line: usize) {
        let value = header.value.slice(text).trim();
        match header.key {
            Key::Outlet => {
                if self.outlet.is_none() && has_alnum(value) {
                    self.outlet = Some(value.to_owned());
                }
            }
            Key::Title => {
                if self.title.is_none() && has_alnum(value) {
                    self.title = Some((header.value, line));
                }
            }
            Key::Date | Key::Published | Key::Updated => {
                self.record_date(header.key, date_value(value))
            }
            Key::Url => {
                if self.url.is_none() && !value.is_empty() {
                    self.url = Some(value.to_owned());
                }
            }
            Key::Author => self.add_authors(value),
            Key::Source => {}
        }
    }

    /// Keeps the first date of each kind.
    pub(super) fn record_date(&mut self, key: Key, date: Option<String>) {
        let slot = match key {
            Key::Published => &mut self.published,
            Key::Updated => &mut self.updated,
            _ => &mut self.date,
        };
        if slot.is_none() {
            *slot = date;
        }
    }

    /// Adds authors from a header value: "Jane Doe", "By Jane Doe", `[Jane Doe, "John Roe"]`.
    fn add_authors(&mut self, value: &str) {
        let value = value.trim();
        let value = strip_prefix_ci(value, "by ").unwrap_or(value).trim();
        if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            for item in list.split(',') {
                self.add_author(unquote(item));
            }
        } else {
            self.add_author(unquote(value));
        }
    }

    /// Adds one author unless empty or already known.
    fn add_author(&mut self, name: &str) {
        let name = name.trim();
        if has_alnum(name) && !self.authors.iter().any(|a| a == name) {
            self.authors.push(name.to_owned());
        }
    }

    /// Takes in a byline.
    pub(super) fn add_byline(&mut self, byline: Byline) {
        for author in &byline.authors {
            self.add_author(author);
        }
        if self.byline_outlet.is_none() {
            self.byline_outlet = byline.outlet;
        }
        self.record_date(Key::Published, byline.date);
    }
}

/// Finds a front-matter block opening at line `open`: the closing line and the key separator.
pub(super) fn front_matter_close(text: &str, lines: &[Span], open: usize) -> Option<(usize, char)> {
    let delimiter = lines.get(open)?.slice(text).trim();
    let separator = match delimiter {
        "---" => ':',
        "+++" => '=',
        _ => return None,
    };
    let (mut keys, mut other) = (0, 0);
    for (k, line) in lines
        .iter()
        .enumerate()
        .take((open + 200).min(lines.len()))
        .skip(open + 1)
    {
        let raw = line.slice(text);
        let l = raw.trim();
        if l == delimiter || (separator == ':' && l == "...") {
            return (keys > 0 && keys >= other).then_some((k, separator));
        }
        if l.is_empty() || l.starts_with('#') || l.starts_with('-') || raw.starts_with([' ', '\t'])
        {
            continue;
        }
        let is_key = l.find(separator).is_some_and(|pos| {
            let key = l[..pos].trim();
            !key.is_empty()
                && pos <= 40
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '"' | '\''))
        });
        if is_key {
            keys += 1;
        } else {
            other += 1;
        }
    }
    None
}

/// Reads the known keys of front matter lines `from..to`, including YAML author lists.
pub(super) fn read_front_matter(
    text: &str,
    lines: &[Span],
    from: usize,
    to: usize,
    separator: char,
    found: &mut Found,
) {
    let mut k = from;
    while k < to {
        if let Some(header) = parse_header(text, lines[k], separator, true) {
            if header.key == Key::Author && header.value.is_empty() {
                let mut j = k + 1;
                while j < to {
                    let l = lines[j].slice(text).trim();
                    if let Some(item) = l.strip_prefix('-') {
                        found.add_author(unquote(item));
                    } else if !l.is_empty() {
                        break;
                    }
                    j += 1;
                }
                k = j;
                continue;
            }
            let value = header.value.slice(text).trim();
            if !matches!(value, ">" | "|" | ">-" | "|-") {
                found.record(text, &header, k);
            }
        }
        k += 1;
    }
}
