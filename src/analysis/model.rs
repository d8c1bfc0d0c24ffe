//! The data every analysis stage hands to the next: articles, claims and their facts.
//!
//! These types carry no behaviour beyond small accessors; the stages that fill them live in
//! sibling modules (`import`, `segment`, `facts`, `matching`, `groups`).

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

/// A number stated in a claim, normalised so that different wordings compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberFact {
    /// Where the number phrase sits inside the claim text.
    pub span: Span,
    /// The phrase as written ("about 20 percent", "a fifth", "$1.2m").
    pub text: String,
    /// Normalised value (20.0 for "20 percent" and for "a fifth"; 1_200_000 for "$1.2m").
    pub value: f64,
    /// What kind of quantity this is.
    pub unit: NumberUnit,
    /// True for hedged or vague amounts ("about", "dozens", "at least").
    pub approximate: bool,
    /// The word the number counts or measures, stemmed ("soldier", "territori"), if found.
    pub counted: Option<String>,
}

/// The kind of a numeric quantity; numbers only conflict with numbers of the same unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NumberUnit {
    /// A share: "20 percent", "20%", "a fifth".
    Percent,
    /// An amount of money (value in whole currency units).
    Money,
    /// A plain count or measure.
    Count,
    /// An ordinal ("third", "2nd").
    Ordinal,
}

/// A time expression in a claim ("on Friday", "since September", "in the fall of 2022").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeFact {
    /// Where the phrase sits inside the claim text.
    pub span: Span,
    /// The phrase as written.
    pub text: String,
    /// A comparable key: "weekday:friday", "month:9", "year:2022", "relative:yesterday" …
    pub key: String,
}

/// A direct quote inside a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteFact {
    /// Where the quoted words (without the quote marks) sit inside the claim text.
    pub span: Span,
    /// The quoted words.
    pub text: String,
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker or source as written ("Peskov", "two former Russian officials", "Reuters").
    pub source: String,
    /// The attribution verb or phrase ("said", "according to", "told").
    pub verb: String,
    /// True for unnamed sources ("officials", "a person familiar with", "sources").
    pub anonymous: bool,
}

/// A named entity: a capitalised run of words that is not just a sentence start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameFact {
    /// Where the name sits inside the claim text.
    pub span: Span,
    /// The name as written.
    pub text: String,
}

/// Everything checkable that a claim states.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Facts {
    /// Numbers with units and normalised values.
    pub numbers: Vec<NumberFact>,
    /// Time expressions.
    pub times: Vec<TimeFact>,
    /// Direct quotes.
    pub quotes: Vec<QuoteFact>,
    /// Who said it, when the claim says.
    pub attribution: Option<Attribution>,
    /// People, places and organisations.
    pub names: Vec<NameFact>,
    /// True when the main statement is negated ("did not", "never", "denied").
    pub negated: bool,
    /// Outlets this claim credits for the reporting, normalised ("The New York Times").
    pub cited_outlets: Vec<String>,
}
