//! An imported article: its text, metadata and the byte spans that every later stage refers to.

use serde::{Deserialize, Serialize, Serializer};

/// A half-open byte range `[start, end)` into some text. Serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Deserialize)]
#[serde(from = "[usize; 2]")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// This span shifted right by `offset_bytes`.
    pub fn shifted(&self, offset_bytes: usize) -> Self {
        Self::new(self.start + offset_bytes, self.end + offset_bytes)
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The slice of `text` this span covers, or "" when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<[usize; 2]> for Span {
    fn from(pair: [usize; 2]) -> Self {
        Self::new(pair[0], pair[1])
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

/// Metadata of one article: where it came from and what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleMeta {
    /// Outlet name as shown to the user ("The New York Times").
    pub outlet: String,
    /// Headline (line 1 of a text file, or the page title).
    pub headline: String,
    /// Publication date as written (`YYYY-MM-DD` when known).
    pub date: Option<String>,
    /// The article's web address, if known.
    pub url: Option<String>,
    /// Byline author(s), if known.
    pub author: Option<String>,
    /// File the article was read from, if any.
    pub origin: Option<String>,
    /// Outlets the article credits as the source it re-reports (a headline prefix such as
    /// "New York Times: …", a wire dateline): provenance, never the publisher.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credited: Vec<String>,
}

/// One decoded article, ready for sentence splitting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The whole decoded text (BOM removed, line ends kept, header lines included).
    pub text: String,
    /// Metadata read from headers, the text, or the file name.
    pub meta: ArticleMeta,
    /// The headline line inside `text`, when the text has one.
    pub headline_span: Option<Span>,
    /// Where the claim-bearing body starts (after any header lines).
    pub body_start: usize,
    /// Header lines (`Outlet:`, `Date:` …) inside `text`: metadata, never claims.
    pub header_spans: Vec<Span>,
    /// Boilerplate lines ("Read more:", taglines …): kept visible but never claims.
    pub boilerplate_spans: Vec<Span>,
    /// Things the importer noticed and the user should know (replaced bytes, cut size …).
    pub warnings: Vec<String>,
}
