//! Limiting nesting before parsing, so a hostile page can't overflow a stack or make extraction crawl.

use std::borrow::Cow;

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
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements whose content is text up to their end tag (outside SVG and MathML).
#[rustfmt::skip]
pub(super) const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext",
];

/// HTML's "special" elements: an end tag for another element never closes across them.
#[rustfmt::skip]
pub(super) const SPECIAL: &[&str] = &[
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
pub(super) const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
];

/// [`SCOPE`] and `button`: the bounds of a "has an element in button scope" search.
#[rustfmt::skip]
pub(super) const BUTTON_SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "button",
];

/// [`SPECIAL`] without `address`, `div`, `p` and the list items: where a new `<li>`, `<dd>`
/// or `<dt>` stops looking for an open one to close.
#[rustfmt::skip]
pub(super) const LIST_ITEM_STOP: &[&str] = &[
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
pub(super) const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
    "form", "plaintext", "table", "xmp", "hr", "li", "dd", "dt",
];

/// End tags that close everything opened inside their element (when it is in scope).
#[rustfmt::skip]
pub(super) const BLOCK_END: &[&str] = &[
    "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir",
    "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing",
    "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "p", "li", "dd", "dt",
    "form", "applet", "marquee", "object", "table", "tbody", "tfoot", "thead", "tr", "td", "th",
    "caption", "colgroup", "template", "select", "body", "html", "head", "h1", "h2", "h3", "h4",
    "h5", "h6",
];

/// How far down the open-element stack the scan looks when matching tags (keeps it linear).
pub(super) const SEARCH_LIMIT: usize = 64;

/// True for `h1`…`h6`.
pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that break out of SVG and MathML back into HTML.
#[rustfmt::skip]
pub(super) const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
    "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub",
    "sup", "table", "tt", "u", "ul", "var", "font",
];

/// Foreign elements whose content is parsed as HTML again (SVG and MathML integration points).
pub(super) const INTEGRATION_POINTS: &[&str] = &[
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
pub(super) struct Open {
    pub(super) name: String,
    /// True when its start tag was dropped (so its end tag is dropped too).
    pub(super) dropped: bool,
    /// True for SVG and MathML elements.
    pub(super) foreign: bool,
    /// True for a foreign element whose content is HTML again.
    pub(super) integration: bool,
}

/// The open-element stack of the scan, modelling the HTML tree builder closely enough to
/// follow ordinary pages and to err on the deep side for hostile ones.
pub(super) struct OpenStack {
    pub(super) open: Vec<Open>,
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
pub(super) fn find_bytes(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
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
pub(super) enum TagState {
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
pub(super) fn scan_tag(hay: &[u8], from: usize) -> (usize, bool) {
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
pub(super) fn tag_end(hay: &[u8], from: usize) -> usize {
    scan_tag(hay, from).0
}

/// Position just past the end of a comment whose body starts at `body` (`-->`, `--!>`, or the
/// abrupt `>` and `->`), or `None` when the comment runs to the end of the file.
pub(super) fn comment_end(b: &[u8], body: usize) -> Option<usize> {
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
pub(super) fn raw_text_end(hay: &[u8], from: usize, name: &str) -> usize {
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
