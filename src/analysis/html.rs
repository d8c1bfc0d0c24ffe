//! Importing a web page: HTML bytes become an [`Article`] in claimdiff's own text format.
//!
//! The steps, none of which touches the network:
//!
//! 1. **Decode** ([`decode_html`]): a byte-order mark, then a charset from the server (for
//!    fetched pages), then `<meta charset>` or `http-equiv` Content-Type in the first 1024
//!    bytes, then valid UTF-8, then a legacy encoding guessed with `chardetng`.
//! 2. **Limit nesting** ([`limit_depth`]): a cheap scan of the tags, before any parsing,
//!    drops the tags nested deeper than [`MAX_HTML_DEPTH`] (their text stays), so a hostile
//!    page can't overflow a stack or make the extractor crawl. The user is told.
//! 3. **Parse and read the metadata**: `og:site_name`, `og:title`, `article:published_time`,
//!    `<meta name=author>`, JSON-LD `NewsArticle` (headline, datePublished, author,
//!    publisher), `<link rel=canonical>`, `<title>` (its " - Outlet" / " | Outlet" suffix).
//! 4. **Clean**: scripts, styles, frames, forms, media, figures and captions, navigation,
//!    asides, footers, hidden elements, and blocks whose class, id or role say they are cookie
//!    banners, share bars, related links, newsletter prompts, ads or comments are removed.
//! 5. **Extract the main content** with `dom_smoothie` (a port of Mozilla's Readability) and
//!    render it as plain text: one paragraph per block, a blank line between paragraphs,
//!    whitespace collapsed as a browser would, every other character (zero-width and
//!    direction controls included) kept.
//! 6. **Write the article** as claimdiff text — the headline line, `Outlet:`, `Date:`, `URL:`
//!    and `By …` lines, a blank line, the body — and read it back with
//!    [`import_text`], so the spans are exactly the ones a saved workspace rebuilds from the
//!    same text.

use std::borrow::Cow;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde_json::Value;

use super::import::{
    ImportError, PASTED_TEXT, UNKNOWN_OUTLET, decode_detailed, host_of, import_text,
    outlet_from_url, parse_date,
};
use super::model::Article;
use super::outlet::{canonical_outlet, known_outlet};

/// Deepest tag nesting kept; deeper tags are dropped before parsing (their text is kept).
pub const MAX_HTML_DEPTH: usize = 512;

/// Pages with more elements than this skip main-content extraction (which is slower than
/// linear on huge pages): their whole cleaned text is used, with a warning.
pub const MAX_EXTRACT_ELEMENTS: usize = 150_000;

/// Deepest parsed tree handed to main-content extraction (whose code recurses): a page the
/// pre-parse scan under-estimated is rendered whole instead, with an iterative walker.
/// Extraction overflows a 1 MiB stack somewhere between 8,000 and 16,000 levels.
pub const MAX_EXTRACT_DEPTH: usize = 2048;

/// How many leading bytes are searched for `<meta charset>` (as browsers do).
const PRESCAN_BYTES: usize = 1024;

/// How many leading bytes [`has_markup`] searches for a tag.
const MARKUP_SNIFF_BYTES: usize = 8 * 1024;

/// Where an HTML page came from: names it in messages and fills the article's metadata.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlSource<'a> {
    /// The name used in messages ("page.html", "https://…"); empty means "pasted text".
    pub name: &'a str,
    /// Becomes `meta.origin`: the file path or the URL the page was read from.
    pub origin: Option<&'a str>,
    /// The page's address when known from outside (a fetched page); it wins over the address
    /// the page gives for itself.
    pub url: Option<&'a str>,
    /// The charset a server declared in its `Content-Type` header, if any.
    pub charset: Option<&'a str>,
}

// ---------------------------------------------------------------------------------------------
// Recognising HTML
// ---------------------------------------------------------------------------------------------

/// True when `name` ends in `.html`, `.htm`, `.xhtml` or `.shtml` (any case).
pub fn has_html_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The first bytes of `bytes` as text for sniffing: UTF-16 with a BOM is decoded, anything
/// else is read as (lossy) UTF-8, which keeps ASCII markup intact.
fn sniff_prefix(bytes: &[u8], limit: usize) -> String {
    let head = &bytes[..bytes.len().min(limit)];
    let (encoding, skip) = if head.starts_with(b"\xFF\xFE") {
        (UTF_16LE, 2)
    } else if head.starts_with(b"\xFE\xFF") {
        (UTF_16BE, 2)
    } else if head.starts_with(b"\xEF\xBB\xBF") {
        (UTF_8, 3)
    } else {
        (UTF_8, 0)
    };
    encoding
        .decode_without_bom_handling(&head[skip..])
        .0
        .into_owned()
}

/// True when the content starts like an HTML document: after a BOM, whitespace, comments and
/// an XML declaration, a doctype or an `<html>`, `<head>`, `<body>`, `<meta>`, `<title>`,
/// `<link>`, `<style>` or `<script>` tag.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let prefix = sniff_prefix(bytes, MARKUP_SNIFF_BYTES);
    let mut rest = prefix.as_str();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head = rest.get(..16).unwrap_or(rest).to_ascii_lowercase();
    if head.starts_with("<!doctype") {
        return head.starts_with("<!doctype html");
    }
    [
        "<html", "<head", "<body", "<meta", "<title", "<link", "<style", "<script",
    ]
    .iter()
    .any(|tag| {
        head.strip_prefix(tag).is_some_and(|after| {
            after.is_empty()
                || after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        })
    })
}

/// True when the first 8 KB hold something tag-like (`<` then a letter, `/` or `!`): an
/// `.html` file without any markup is read as plain text instead.
pub fn has_markup(bytes: &[u8]) -> bool {
    let prefix = sniff_prefix(bytes, MARKUP_SNIFF_BYTES);
    prefix
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// How the encoding of a page was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The server's `Content-Type` header.
    Transport,
    /// A `<meta charset>` or `http-equiv="Content-Type"` in the first 1024 bytes.
    Meta,
    /// Valid UTF-8 without any declaration.
    Utf8,
    /// Guessed (`chardetng`, or UTF-16 recognised by its NUL bytes).
    Guessed,
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct DecodedHtml {
    /// The page as text, without a byte-order mark.
    pub text: String,
    /// The encoding's name ("UTF-8", "windows-1252" …).
    pub encoding: &'static str,
    /// How the encoding was decided.
    pub source: CharsetSource,
    /// True when some bytes were not valid in that encoding and became U+FFFD.
    pub replaced: bool,
}

/// The `charset=` parameter of a `Content-Type` value (`text/html; charset="utf-8"`).
pub fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let pos = lower.find("charset")?;
    let rest = lower[pos + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value: String = if let Some(quoted) = rest.strip_prefix(['"', '\'']) {
        quoted
            .chars()
            .take_while(|&c| c != '"' && c != '\'')
            .collect()
    } else {
        rest.chars()
            .take_while(|&c| !c.is_whitespace() && c != ';' && c != ',')
            .collect()
    };
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// The encoding an HTML label stands for, with the HTML rules: a page that declares UTF-16 in
/// ASCII-compatible bytes is really UTF-8, and `x-user-defined` is windows-1252.
fn html_encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// The charset declared by a `<meta>` tag in the first 1024 bytes, as the HTML prescan finds
/// it: `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find_bytes(head, i + 4, b"-->").map_or(head.len(), |end| end + 3);
            continue;
        }
        if head[i] != b'<' {
            i += 1;
            continue;
        }
        let tag_end = tag_end(head, i + 1);
        let is_meta = head.len() >= i + 6
            && head[i + 1..i + 5].eq_ignore_ascii_case(b"meta")
            && (head[i + 5].is_ascii_whitespace() || head[i + 5] == b'/');
        if is_meta {
            let attrs = parse_attributes(&head[i + 5..tag_end.min(head.len())]);
            let get = |name: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
            };
            if let Some(label) = get("charset")
                && let Some(encoding) = html_encoding_for_label(label)
            {
                return Some(encoding);
            }
            if get("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"))
                && let Some(label) = get("content").and_then(charset_param)
                && let Some(encoding) = html_encoding_for_label(&label)
            {
                return Some(encoding);
            }
        }
        i = tag_end + 1;
    }
    None
}

/// The attributes of a tag's inside (after its name): names lowercase, values unquoted.
fn parse_attributes(inside: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(inside);
    let chars: Vec<char> = text.chars().collect();
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '/' | '>') {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if chars.get(i) == Some(&'=') {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if let Some(&q) = chars.get(i).filter(|c| matches!(c, '"' | '\'')) {
                i += 1;
                while i < chars.len() && chars[i] != q {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        attrs.push((name, value));
    }
    attrs
}

/// Decodes a page: BOM, then the server's charset, then a `<meta>` declaration, then valid
/// UTF-8 (or BOM-less UTF-16), then a legacy encoding guessed with `chardetng`.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> DecodedHtml {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if has_bom {
        let decoded = decode_detailed(bytes);
        return DecodedHtml {
            text: decoded.text,
            encoding: decoded.encoding,
            source: CharsetSource::Bom,
            replaced: decoded.replaced,
        };
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Transport))
        .or_else(|| prescan_meta_charset(bytes).map(|e| (e, CharsetSource::Meta)));
    if let Some((encoding, source)) = declared {
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        return DecodedHtml {
            text: text.into_owned(),
            encoding: encoding.name(),
            source,
            replaced,
        };
    }
    let decoded = decode_detailed(bytes);
    DecodedHtml {
        text: decoded.text,
        encoding: decoded.encoding,
        source: if decoded.guessed {
            CharsetSource::Guessed
        } else {
            CharsetSource::Utf8
        },
        replaced: decoded.replaced,
    }
}

// ---------------------------------------------------------------------------------------------
// Nesting limit
// ---------------------------------------------------------------------------------------------

/// A page with its too-deep tags removed.
#[derive(Debug, Clone)]
pub struct DepthLimited<'a> {
    /// The page, unchanged when nothing was too deep.
    pub html: Cow<'a, str>,
    /// How many start tags were dropped.
    pub dropped_tags: usize,
    /// The deepest nesting the scan saw (an estimate of what a parser would build).
    pub max_depth_seen: usize,
}

/// Elements that never have content.
#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements whose content is text up to their end tag (outside SVG and MathML).
#[rustfmt::skip]
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext",
];

/// HTML's "special" elements: an end tag for another element never closes across them.
#[rustfmt::skip]
const SPECIAL: &[&str] = &[
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
    "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div",
    "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
    "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
    "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
    "section", "select", "source", "style", "summary", "table", "tbody", "td", "template",
    "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
];

/// Elements that bound a "has an element in scope" search.
#[rustfmt::skip]
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
];

/// [`SCOPE`] and `button`: the bounds of a "has an element in button scope" search.
#[rustfmt::skip]
const BUTTON_SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "button",
];

/// [`SPECIAL`] without `address`, `div`, `p` and the list items: where a new `<li>`, `<dd>`
/// or `<dt>` stops looking for an open one to close.
#[rustfmt::skip]
const LIST_ITEM_STOP: &[&str] = &[
    "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body",
    "br", "button", "caption", "center", "col", "colgroup", "details", "dir", "dl", "embed",
    "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen",
    "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
    "object", "ol", "param", "plaintext", "pre", "script", "search", "section", "select", "source",
    "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
    "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
    "foreignobject", "desc",
];

/// Start tags that close an open `<p>`.
#[rustfmt::skip]
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
    "form", "plaintext", "table", "xmp", "hr", "li", "dd", "dt",
];

/// End tags that close everything opened inside their element (when it is in scope).
#[rustfmt::skip]
const BLOCK_END: &[&str] = &[
    "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir",
    "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing",
    "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "p", "li", "dd", "dt",
    "form", "applet", "marquee", "object", "table", "tbody", "tfoot", "thead", "tr", "td", "th",
    "caption", "colgroup", "template", "select", "body", "html", "head", "h1", "h2", "h3", "h4",
    "h5", "h6",
];

/// How far down the open-element stack the scan looks when matching tags (keeps it linear).
const SEARCH_LIMIT: usize = 64;

/// True for `h1`…`h6`.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that break out of SVG and MathML back into HTML.
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
    "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub",
    "sup", "table", "tt", "u", "ul", "var", "font",
];

/// Foreign elements whose content is parsed as HTML again (SVG and MathML integration points).
const INTEGRATION_POINTS: &[&str] = &[
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// One open element in the scan.
struct Open {
    name: String,
    /// True when its start tag was dropped (so its end tag is dropped too).
    dropped: bool,
    /// True for SVG and MathML elements.
    foreign: bool,
    /// True for a foreign element whose content is HTML again.
    integration: bool,
}

/// The open-element stack of the scan, modelling the HTML tree builder closely enough to
/// follow ordinary pages and to err on the deep side for hostile ones.
struct OpenStack {
    open: Vec<Open>,
}

impl OpenStack {
    /// Position (from the bottom) of the nearest `name` within `SEARCH_LIMIT` entries, if no
    /// element of `stop` lies above it.
    fn find(&self, matches: impl Fn(&str) -> bool, stop: &[&str]) -> Option<usize> {
        for (k, entry) in self.open.iter().enumerate().rev().take(SEARCH_LIMIT) {
            if matches(&entry.name) {
                return Some(k);
            }
            if stop.contains(&entry.name.as_str()) {
                return None;
            }
        }
        None
    }

    /// Pops entries `k..`; returns the entry at `k`.
    fn pop_through(&mut self, k: usize) -> Option<Open> {
        let mut popped = self.open.split_off(k);
        if popped.is_empty() {
            None
        } else {
            Some(popped.swap_remove(0))
        }
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.open
            .last()
            .is_some_and(|e| names.contains(&e.name.as_str()))
    }

    /// True when a start tag now would be read as SVG or MathML content.
    fn in_foreign(&self) -> bool {
        self.open
            .last()
            .is_some_and(|e| e.foreign && !e.integration)
    }

    /// Leaves foreign content: pops foreign elements down to HTML or an integration point.
    fn break_out(&mut self) {
        while self.in_foreign() {
            self.open.pop();
        }
    }

    /// The implied end tags a start tag `name` causes.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name)
            && let Some(k) = self.find(|n| n == "p", BUTTON_SCOPE)
        {
            self.pop_through(k);
        }
        match name {
            "li" | "dd" | "dt" => {
                let same = |n: &str| {
                    if name == "li" {
                        n == "li"
                    } else {
                        matches!(n, "dd" | "dt")
                    }
                };
                if let Some(k) = self.find(same, LIST_ITEM_STOP) {
                    self.pop_through(k);
                }
            }
            _ if is_heading(name) && self.open.last().is_some_and(|e| is_heading(&e.name)) => {
                self.open.pop();
            }
            "option" if self.top_is(&["option"]) => {
                self.open.pop();
            }
            "optgroup" => {
                if self.top_is(&["option"]) {
                    self.open.pop();
                }
                if self.top_is(&["optgroup"]) {
                    self.open.pop();
                }
            }
            "td" | "th" => {
                if let Some(k) = self.find(|n| matches!(n, "td" | "th"), &["table"]) {
                    self.pop_through(k);
                }
            }
            "tr" => {
                if let Some(k) = self.find(|n| n == "tr", &["table"]) {
                    self.pop_through(k);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                if let Some(k) = self.find(|n| matches!(n, "tbody" | "thead" | "tfoot"), &["table"])
                {
                    self.pop_through(k);
                }
            }
            "a" | "nobr" | "button" => {
                if let Some(k) = self.find(|n| n == name, &[]) {
                    self.pop_through(k);
                }
            }
            _ => {}
        }
    }

    /// Handles an end tag `name`: `Some(dropped)` when it closed an open element (whose start
    /// tag was `dropped` or not), `None` when it closes nothing.
    fn close(&mut self, name: &str) -> Option<bool> {
        let k = if BLOCK_END.contains(&name) {
            let target = |n: &str| n == name || (is_heading(name) && is_heading(n));
            let stop: &[&str] = match name {
                "p" | "li" => &[],
                "table" => &["html", "template"],
                "tbody" | "tfoot" | "thead" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                    &["html", "template", "table"]
                }
                _ => SCOPE,
            };
            self.find(target, stop)
        } else {
            self.find(|n| n == name, SPECIAL)
        }?;
        self.pop_through(k).map(|entry| entry.dropped)
    }
}

/// Position of `needle` in `hay` at or after `from`.
fn find_bytes(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() || needle.is_empty() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Where the tokenizer is inside a tag.
#[derive(Clone, Copy)]
enum TagState {
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Unquoted,
    Quoted(u8),
    SelfClosing,
}

/// Follows a tag from just after its name the way HTML's tokenizer does (attribute names,
/// quoted and unquoted values): the position of the `>` that ends it (`hay.len()` when the
/// file ends first) and whether it ends in a self-closing `/>`.
fn scan_tag(hay: &[u8], from: usize) -> (usize, bool) {
    let mut state = TagState::BeforeName;
    let mut j = from;
    while j < hay.len() {
        let c = hay[j];
        let space = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
        state = match state {
            TagState::BeforeName | TagState::AfterName if c == b'>' => return (j, false),
            TagState::BeforeName if space => TagState::BeforeName,
            TagState::BeforeName | TagState::Name | TagState::AfterName if c == b'/' => {
                TagState::SelfClosing
            }
            TagState::BeforeName => TagState::Name,
            TagState::Name if c == b'>' => return (j, false),
            TagState::Name if c == b'=' => TagState::BeforeValue,
            TagState::Name if space => TagState::AfterName,
            TagState::Name => TagState::Name,
            TagState::AfterName if c == b'=' => TagState::BeforeValue,
            TagState::AfterName if space => TagState::AfterName,
            TagState::AfterName => TagState::Name,
            TagState::BeforeValue if space => TagState::BeforeValue,
            TagState::BeforeValue if c == b'"' || c == b'\'' => TagState::Quoted(c),
            TagState::BeforeValue if c == b'>' => return (j, false),
            TagState::BeforeValue => TagState::Unquoted,
            TagState::Unquoted if c == b'>' => return (j, false),
            TagState::Unquoted if space => TagState::BeforeName,
            TagState::Unquoted => TagState::Unquoted,
            TagState::Quoted(q) if c == q => TagState::BeforeName,
            TagState::Quoted(q) => match find_bytes(hay, j, &[q]) {
                Some(close) => {
                    j = close;
                    continue;
                }
                None => return (hay.len(), false),
            },
            TagState::SelfClosing if c == b'>' => return (j, true),
            // A stray `/`: read again as the start of an attribute.
            TagState::SelfClosing => {
                state = TagState::BeforeName;
                continue;
            }
        };
        j += 1;
    }
    (hay.len(), false)
}

/// Position of the `>` ending a tag whose inside starts at `from` (see [`scan_tag`]).
fn tag_end(hay: &[u8], from: usize) -> usize {
    scan_tag(hay, from).0
}

/// Position just past the end of a comment whose body starts at `body` (`-->`, `--!>`, or the
/// abrupt `>` and `->`), or `None` when the comment runs to the end of the file.
fn comment_end(b: &[u8], body: usize) -> Option<usize> {
    if b[body..].starts_with(b">") {
        return Some(body + 1);
    }
    if b[body..].starts_with(b"->") {
        return Some(body + 2);
    }
    let plain = find_bytes(b, body, b"-->").map(|p| p + 3);
    let bang = find_bytes(b, body, b"--!>").map(|p| p + 4);
    match (plain, bang) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Position of the end tag `</name` (any case, followed by whitespace, `/` or `>`) at or after
/// `from`, or `hay.len()`.
fn raw_text_end(hay: &[u8], from: usize, name: &str) -> usize {
    let mut j = from;
    while let Some(pos) = find_bytes(hay, j, b"</") {
        let after = pos + 2;
        let end = after + name.len();
        if end <= hay.len()
            && hay[after..end].eq_ignore_ascii_case(name.as_bytes())
            && hay
                .get(end)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            return pos;
        }
        j = after;
    }
    hay.len()
}

/// Drops the start and end tags nested deeper than `max_depth` — a byte scan before any
/// parsing, so hostile nesting can't overflow a stack or make the parser crawl. The text
/// between the dropped tags is kept. Tags are read the way HTML's tokenizer reads them, and
/// elements are closed the way its tree builder closes them (implied end tags for `p`, `li`,
/// table cells …, SVG and MathML self-closing tags), closely enough for ordinary pages and
/// erring on the deep side otherwise.
pub fn limit_depth(html: &str, max_depth: usize) -> DepthLimited<'_> {
    let b = html.as_bytes();
    let mut stack = OpenStack { open: Vec::new() };
    let mut seen_root = [false; 3]; // html, head, body
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut dropped_tags = 0;
    let mut max_depth_seen = 0;
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) {
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            match comment_end(b, lt + 4) {
                Some(end) => i = end,
                None => break,
            }
            continue;
        }
        if stack.in_foreign() && b[lt..].starts_with(b"<![CDATA[") {
            match find_bytes(b, lt + 9, b"]]>") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        let is_end = next == b'/';
        let name_start = if is_end { lt + 2 } else { lt + 1 };
        let starts_name = b.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        // `<!…>`, `<?…>` and `</` + not a letter are bogus comments up to the next `>`.
        if next == b'!' || next == b'?' || (is_end && !starts_name) {
            if is_end && b.get(name_start) == Some(&b'>') {
                i = name_start + 1;
                continue;
            }
            match find_bytes(b, lt + 2, b">") {
                Some(end) => i = end + 1,
                None => break,
            }
            continue;
        }
        if !starts_name {
            i = lt + 1;
            continue;
        }
        let name_end = b[name_start..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
            .map_or(b.len(), |p| p + name_start);
        let name = String::from_utf8_lossy(&b[name_start..name_end]).to_ascii_lowercase();
        let (end, self_closing) = scan_tag(b, name_end);
        if end >= b.len() {
            break; // a tag cut off by the end of the file: the parser drops it
        }
        let after_tag = end + 1;
        i = after_tag;
        if is_end {
            if stack.close(&name) == Some(true) {
                cuts.push((lt, after_tag));
            }
            continue;
        }
        let mut foreign = false;
        if stack.in_foreign() {
            if BREAKOUT.contains(&name.as_str()) {
                stack.break_out();
            } else {
                foreign = true;
            }
        }
        if !foreign {
            if let Some(r) = ["html", "head", "body"].iter().position(|r| *r == name) {
                if seen_root[r] {
                    continue;
                }
                seen_root[r] = true;
            }
            if VOID.contains(&name.as_str()) {
                continue;
            }
            if RAW_TEXT.contains(&name.as_str()) {
                if name == "plaintext" {
                    break;
                }
                let close = raw_text_end(b, after_tag, &name);
                i = if close >= b.len() {
                    b.len()
                } else {
                    tag_end(b, close + 2).saturating_add(1).min(b.len())
                };
                continue;
            }
            foreign = matches!(name.as_str(), "svg" | "math");
            if !foreign {
                stack.close_implied(&name);
            }
        }
        if foreign && self_closing {
            continue;
        }
        let dropped = stack.open.len() >= max_depth;
        if dropped {
            cuts.push((lt, after_tag));
            dropped_tags += 1;
        }
        let integration = foreign && INTEGRATION_POINTS.contains(&name.as_str());
        stack.open.push(Open {
            name,
            dropped,
            foreign,
            integration,
        });
        max_depth_seen = max_depth_seen.max(stack.open.len());
    }
    let html = if cuts.is_empty() {
        Cow::Borrowed(html)
    } else {
        let mut out = String::with_capacity(html.len());
        let mut from = 0;
        for (start, end) in cuts {
            out.push_str(&html[from..start]);
            from = end;
        }
        out.push_str(&html[from..]);
        Cow::Owned(out)
    };
    DepthLimited {
        html,
        dropped_tags,
        max_depth_seen,
    }
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

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
struct LdArticle {
    headline: Option<String>,
    date_published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Schema.org types that are articles.
const LD_ARTICLE_TYPES: &[&str] = &[
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
fn clean_value(s: &str) -> Option<String> {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty() && folded.chars().any(char::is_alphanumeric)).then_some(folded)
}

/// The types of a JSON-LD node (`"@type": "X"` or `["X", "Y"]`).
fn ld_types(node: &Value) -> Vec<&str> {
    match node.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A JSON-LD value as one string: a string, or an object's `name`, or the first of a list.
fn ld_name<'v>(value: &'v Value, by_id: &dyn Fn(&str) -> Option<&'v Value>) -> Option<String> {
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

/// The article described by the page's JSON-LD blocks, preferring a `NewsArticle`.
fn json_ld_article(doc: &Document) -> Option<LdArticle> {
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
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
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
        url: text_field("url").or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| m.as_str().or_else(|| m.get("@id").and_then(Value::as_str)))
                .and_then(clean_value)
        }),
    })
}

/// `<meta>` values by lowercase `property` or `name`; the first of each wins.
fn meta_values(doc: &Document) -> Vec<(String, String)> {
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
fn web_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    ((lower.starts_with("http://") || lower.starts_with("https://"))
        && !s.contains(char::is_whitespace))
    .then(|| s.to_owned())
}

/// Separators between a headline and the outlet's name in titles.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · ", " • "];

/// Splits "Headline - Outlet" into the headline and the outlet when the part after the last
/// separator is short enough to be a name (and matches `outlet` when one is known).
fn split_title_suffix(title: &str, outlet: Option<&str>) -> (String, Option<String>) {
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
fn byline_text(doc: &Document) -> Option<String> {
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

    let mut outlet = meta(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
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
        .or_else(|| ld.headline.clone())
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

// ---------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------

/// Elements whose content is never article text.
const REMOVED_TAGS: &str = "script, style, noscript, template, iframe, frame, frameset, \
    object, embed, applet, svg, math, canvas, video, audio, picture, source, track, map, img, \
    figure, figcaption, form, button, input, select, textarea, label, nav, aside, footer, \
    dialog, menu, link, meta, base";

/// Words in a class or id that mark page furniture (matched against the parts of a name split
/// at `-` and `_`, and against whole names).
#[rustfmt::skip]
const FURNITURE_WORDS: &[&str] = &[
    "cookie", "cookies", "consent", "gdpr", "newsletter", "newsletters", "subscribe",
    "subscription", "signup", "share", "sharing", "sharebar", "social", "related", "recommended",
    "recommendations", "outbrain", "taboola", "comment", "comments", "disqus", "promo", "promotion",
    "advert", "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored", "caption", "captions",
    "credit", "breadcrumb", "breadcrumbs", "paywall", "popup", "modal", "sidebar", "trending",
    "byline", "dateline", "timestamp", "toolbar", "banner", "menu", "nav", "navbar", "navigation",
];

/// Whole class or id names that mark page furniture or hidden text.
#[rustfmt::skip]
const FURNITURE_NAMES: &[&str] = &[
    "read-more", "readmore", "more-stories", "more-from", "most-read", "most-popular", "mostread",
    "also-read", "see-also", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    "hidden", "skip-link", "article-tags", "tags", "author-bio",
];

/// ARIA roles of page furniture.
#[rustfmt::skip]
const FURNITURE_ROLES: &[&str] = &[
    "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search",
    "menu", "menubar", "toolbar", "tooltip", "alert",
];

/// True when `node`'s class, id, role or inline style says it is page furniture or hidden.
fn is_furniture(node: &NodeRef) -> bool {
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

/// Removes everything that is never article text (see [`REMOVED_TAGS`] and [`is_furniture`]).
/// A block holding the article itself (`<article>`, `<main>`, `itemprop=articleBody`) or more
/// than half of the page's text is never removed for its class or id.
fn remove_furniture(doc: &Document) {
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
        if holds_article || contains_article || node.text().len() * 2 > total {
            continue;
        }
        node.remove_from_parent();
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/// The depth of the tree under `root` (`root` itself is level 0). Iterative, so depth is free.
pub fn tree_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(NodeRef, usize)> = vec![(*root, 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children()
                .into_iter()
                .filter(NodeRef::is_element)
                .map(|child| (child, depth + 1)),
        );
    }
    deepest
}

/// Elements that start and end a paragraph of their own.
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "figure", "figcaption", "hr", "address", "details", "summary", "nav",
    "center", "fieldset", "legend", "body", "html", "hgroup", "search", "listing", "dir", "menu",
    "form",
];

/// Elements skipped with their content when rendering.
#[rustfmt::skip]
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
    "video", "audio", "head", "title", "select", "textarea", "button", "figure", "figcaption",
    "img", "picture",
];

/// Renders the text under `root` as paragraphs: each block element is a paragraph, `<br>` a
/// line break, table cells are separated by spaces; runs of ASCII whitespace fold to one
/// space as in a browser, and every other character is kept. Iterative, so depth is free.
pub fn render_paragraphs(root: &NodeRef) -> Vec<String> {
    /// Appends text with HTML whitespace folding.
    fn push_text(current: &mut String, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                if !current.is_empty() && !current.ends_with([' ', '\n']) {
                    current.push(' ');
                }
            } else {
                current.push(c);
            }
        }
    }
    /// Ends the current paragraph.
    fn flush(paragraphs: &mut Vec<String>, current: &mut String) {
        let lines: Vec<&str> = current
            .split('\n')
            .map(|l| l.trim_matches(|c: char| c.is_ascii_whitespace()))
            .filter(|l| !l.is_empty())
            .collect();
        let text = lines.join("\n");
        if text.chars().any(char::is_alphanumeric) {
            paragraphs.push(text);
        }
        current.clear();
    }

    let mut paragraphs = Vec::new();
    let mut current = String::new();
    // (node, leaving): children are pushed in reverse so they pop in document order.
    let mut stack: Vec<(NodeRef, bool)> = root
        .children()
        .into_iter()
        .rev()
        .map(|n| (n, false))
        .collect();
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            push_text(&mut current, &node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let block = BLOCK_TAGS.contains(&name.as_str());
        if leaving {
            if block {
                flush(&mut paragraphs, &mut current);
            } else if matches!(name.as_str(), "td" | "th") {
                push_text(&mut current, " ");
            }
            continue;
        }
        if SKIPPED_TAGS.contains(&name.as_str()) || node.has_attr("hidden") {
            continue;
        }
        match name.as_str() {
            "br" => {
                let trimmed = current.trim_end_matches(' ').len();
                current.truncate(trimmed);
                current.push('\n');
                continue;
            }
            "hr" => {
                flush(&mut paragraphs, &mut current);
                continue;
            }
            _ => {}
        }
        if block {
            flush(&mut paragraphs, &mut current);
        }
        stack.push((node, true));
        stack.extend(node.children().into_iter().rev().map(|n| (n, false)));
    }
    flush(&mut paragraphs, &mut current);
    paragraphs
}

// ---------------------------------------------------------------------------------------------
// The article
// ---------------------------------------------------------------------------------------------

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
/// [`super::import`] do that first. Fails with [`ImportError::NoText`] when the page has no
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
fn outlet_from_address(url: &str) -> Option<String> {
    outlet_from_url(url).or_else(|| host_of(url).map(str::to_owned))
}

/// The paragraphs of the page's main content (`dom_smoothie`), or of the whole cleaned page
/// when no main content is found.
fn main_content(doc: Document, warnings: &mut Vec<String>, name: &str) -> Vec<String> {
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
                paragraphs
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
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops paragraphs among the first three that repeat the headline or are only the byline.
fn drop_leading_repeats(
    paragraphs: Vec<String>,
    headline: Option<&str>,
    author: Option<&str>,
) -> Vec<String> {
    let headline = headline.map(fold).unwrap_or_default();
    let author = author.map(fold).unwrap_or_default();
    paragraphs
        .into_iter()
        .enumerate()
        .filter(|(k, p)| {
            if *k >= 3 {
                return true;
            }
            let f = fold(p);
            let byline = !author.is_empty()
                && (f == author || f.strip_prefix("by").is_some_and(|rest| rest == author));
            (f != headline || f.is_empty()) && !byline
        })
        .map(|(_, p)| p)
        .collect()
}

/// The header values written above the body.
struct HeaderFields<'a> {
    headline: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
}

/// The article text in one of two header layouts: a headline line (`title_line` false) or a
/// `Title:` header; `by_line` picks `By …` or `Author: …`.
fn compose(fields: &HeaderFields, body: &[String], title_line: bool, by_line: bool) -> String {
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
fn write_article(fields: &HeaderFields, body: &[String], origin: Option<&str>) -> Article {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of(html: &str) -> usize {
        limit_depth(html, usize::MAX).max_depth_seen
    }

    #[test]
    fn depth_scan_follows_implied_end_tags() {
        let page = "<!DOCTYPE html><html><head><title>x</title></head><body>\
            <p>one<p>two<p>three<ul><li>a<li>b<li>c</ul><table><tr><td>1<td>2<tr><td>3</table>\
            <div><span>x</span><br><img src=a></div></body></html>";
        // html > body > ul > li, or html > body > table > tr > td.
        assert!(depth_of(page) <= 5, "{}", depth_of(page));
        let hundred_p = "<p>x".repeat(1000);
        assert!(depth_of(&hundred_p) <= 2);
    }

    #[test]
    fn depth_scan_skips_raw_text_comments_and_quoted_brackets() {
        let page = r#"<div title="a > b <div>"><script>if (a < b) { document.write("<div><div><div>") }</script><!-- <div><div> --><style>div > p {}</style>text</div>"#;
        assert_eq!(depth_of(page), 1);
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let depth = 2000;
        let page = format!(
            "{}deep words{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let limited = limit_depth(&page, 100);
        assert_eq!(limited.dropped_tags, depth - 100);
        assert_eq!(limited.html.matches("<div>").count(), 100);
        assert_eq!(limited.html.matches("</div>").count(), 100);
        assert!(limited.html.contains("deep words"));
    }

    #[test]
    fn tags_are_tokenized_like_a_browser() {
        // A quote inside an unquoted value is part of the value, not the start of a quote.
        let page = format!("<meta http-equiv=a=\"b>{}<p>x\">", "<div>".repeat(50));
        assert_eq!(depth_of(&page), 51);
        assert_eq!(scan_tag(b" a='>' b=\"c\"/>", 0), (13, true));
        assert_eq!(scan_tag(b" href=x/>", 0), (8, false));
        let unclosed = b" a=\"never closed>";
        assert_eq!(scan_tag(unclosed, 0), (unclosed.len(), false));
        // `--!>` ends a comment; `</ x>` is a bogus comment.
        assert_eq!(depth_of("<!-- a --!><div><div>"), 2);
        assert_eq!(depth_of("</ x><div>"), 1);
    }

    #[test]
    fn svg_self_closing_and_breakout() {
        assert_eq!(
            depth_of(&format!("<svg>{}</svg>", "<path/>".repeat(100))),
            1
        );
        // `<p>` leaves SVG: after it, `<foo/>` opens an element again.
        assert_eq!(
            depth_of(&format!("<svg><g><p>{}", "<foo/>".repeat(100))),
            101
        );
        // Inside an integration point, HTML rules apply.
        assert_eq!(
            depth_of(&format!("<svg><foreignObject>{}", "<div/>".repeat(10))),
            12
        );
    }

    #[test]
    fn tree_depth_is_measured_iteratively() {
        let doc = Document::from(format!("<body>{}", "<div>".repeat(3000)));
        assert!(tree_depth(&doc.root()) >= 3000);
    }

    #[test]
    fn unclosed_inline_tags_count_as_nesting() {
        let page = "<b>x".repeat(1000);
        let limited = limit_depth(&page, 64);
        assert!(limited.dropped_tags >= 900);
    }

    #[test]
    fn meta_charset_prescan() {
        assert_eq!(
            prescan_meta_charset(b"<html><head><meta charset=\"windows-1252\">"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            prescan_meta_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            prescan_meta_charset(b"<!-- <meta charset=koi8-r> --><meta charset=utf-16>"),
            Some(UTF_8)
        );
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(1100));
        assert_eq!(prescan_meta_charset(late.as_bytes()), None);
    }

    #[test]
    fn charset_param_reads_quoted_and_bare_values() {
        assert_eq!(
            charset_param("text/html; charset=UTF-8").as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            charset_param("text/html;charset=\"windows-1251\"").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"));
        assert!(looks_like_html(
            b"<!-- saved from url=(0014)about:internet -->\n<html>"
        ));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_like_html(b"<meta charset=utf-8><title>x</title>"));
        assert!(!looks_like_html(b"Headline\n\n<b>bold</b> text"));
        assert!(!looks_like_html(b"<htmlish> is not a tag we know"));
        assert!(has_markup(b"Plain words and <b>bold</b>"));
        assert!(!has_markup(b"a < b and c > d"));
    }

    #[test]
    fn title_suffix_becomes_the_outlet() {
        assert_eq!(
            split_title_suffix("Bridge reopens after repairs - Kessling Courier", None),
            (
                "Bridge reopens after repairs".to_owned(),
                Some("Kessling Courier".to_owned())
            )
        );
        assert_eq!(
            split_title_suffix("Bridge reopens | The Courier", Some("The Courier")).0,
            "Bridge reopens"
        );
        assert_eq!(
            split_title_suffix("Ukraine - what we know", Some("Daily Planet")).1,
            None
        );
    }

    #[test]
    fn rendering_keeps_paragraphs_and_invisible_characters() {
        let doc = Document::from(
            "<body><p>First  line\n of text.</p><p>Zero\u{200B}width and \u{202E}bidi.</p>\
             <p>Line<br>break</p><script>hidden()</script><ul><li>One</li><li>Two</li></ul></body>",
        );
        let paragraphs = doc
            .body()
            .map(|b| render_paragraphs(&b))
            .unwrap_or_default();
        assert_eq!(
            paragraphs,
            [
                "First line of text.",
                "Zero\u{200B}width and \u{202E}bidi.",
                "Line\nbreak",
                "One",
                "Two"
            ]
        );
    }
}
