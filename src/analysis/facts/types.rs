//! The facts of one claim: numbers, times, quotes, attribution, names, negation, cited outlets.

use serde::{Deserialize, Serialize};

use crate::ingest::Span;

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
