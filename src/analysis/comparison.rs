//! The result of comparing several articles: claims, the links between them, and claim groups.
//!
//! A [`Comparison`] is derived data: it is rebuilt from the articles and the user's decisions
//! whenever either changes, and is never saved.

use serde::{Deserialize, Serialize};

use crate::analysis::facts::types::Facts;
use crate::ingest::{Article, Span};

/// A stable claim identifier derived from the article's text and the claim's text, so that a
/// user's decisions about a claim survive re-analysis (ids never depend on position).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub String);

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One claim: a sentence of an article with the facts it states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id (see [`ClaimId`]).
    pub id: ClaimId,
    /// Index of the article (input order).
    pub article: usize,
    /// Byte range in the article's whole decoded text; `text == article.text[span]`.
    pub span: Span,
    /// The claim's text, an exact slice of the article.
    pub text: String,
    /// True for the headline.
    pub is_headline: bool,
    /// Numbers, dates, quotes, attribution, names, negation.
    pub facts: Facts,
    /// Index of the group this claim belongs to.
    pub group: usize,
}

/// The kind of fact on which two matched claims disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// A count, measure or share of the same thing differs.
    Number,
    /// The time of the same event differs.
    Time,
    /// The statement is credited to a different source (or named vs anonymous).
    Attribution,
    /// The same quote is rendered with different words.
    QuoteWording,
    /// One side negates what the other affirms.
    Negation,
}

impl ConflictKind {
    /// A short human phrase for the kind ("number differs").
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Number => "number differs",
            ConflictKind::Time => "time differs",
            ConflictKind::Attribution => "source differs",
            ConflictKind::QuoteWording => "quote wording differs",
            ConflictKind::Negation => "negation differs",
        }
    }
}

/// Confidence (percent) from which a difference is shown by default and makes its group
/// conflicting; weaker ones are possible differences, shown on request.
pub const STRONG_CONFIDENCE_PCT: u8 = 60;

/// One disagreement between two matched claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// What kind of fact differs.
    pub kind: ConflictKind,
    /// The first claim's version ("20 percent").
    pub left: String,
    /// The second claim's version ("a quarter").
    pub right: String,
    /// Where `left` stands in the first claim's text (byte range), when it can be pointed at.
    pub left_span: Option<Span>,
    /// Where `right` stands in the second claim's text (byte range), when it can be pointed at.
    pub right_span: Option<Span>,
    /// How sure the analysis is that this is the same fact stated differently, in percent.
    pub confidence_pct: u8,
    /// A weak difference: shown only when the user asks for possible differences, and never
    /// what makes a group "conflicting".
    pub possible: bool,
    /// The publication dates of the two articles, `(first, second)`, when they are dated
    /// apart: the later report may update the story rather than contradict the earlier one.
    pub reported: Option<(String, String)>,
    /// The two claims (indices into [`Comparison::claims`]) whose versions these are, `left`'s
    /// first; set when the comparison is assembled.
    pub between: Option<(usize, usize)>,
}

impl Conflict {
    /// A difference of `kind` with its two versions, not yet located in the claims' text.
    pub fn new(kind: ConflictKind, left: impl Into<String>, right: impl Into<String>) -> Self {
        Self {
            kind,
            left: left.into(),
            right: right.into(),
            left_span: None,
            right_span: None,
            confidence_pct: 100,
            possible: false,
            reported: None,
            between: None,
        }
    }

    /// The same difference with where its words stand in each claim.
    pub fn at(mut self, left_span: Option<Span>, right_span: Option<Span>) -> Self {
        self.left_span = left_span;
        self.right_span = right_span;
        self
    }

    /// The same difference with a confidence in percent; below [`STRONG_CONFIDENCE_PCT`] it
    /// is a possible difference.
    pub fn with_confidence(mut self, confidence_pct: u8) -> Self {
        self.confidence_pct = confidence_pct.min(100);
        self.possible = self.confidence_pct < STRONG_CONFIDENCE_PCT;
        self
    }

    /// True when both state the same difference (kind and both versions), wherever it stands.
    pub fn same_difference(&self, other: &Conflict) -> bool {
        self.kind == other.kind && self.left == other.left && self.right == other.right
    }

    /// "number differs: 20 percent vs a quarter".
    pub fn describe(&self) -> String {
        match &self.reported {
            Some((left_date, right_date)) => format!(
                "{}: {} (reported {left_date}) vs {} (reported {right_date}); the later report may update the story",
                self.kind.label(),
                self.left,
                self.right
            ),
            None => format!("{}: {} vs {}", self.kind.label(), self.left, self.right),
        }
    }
}

/// Where a link came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkOrigin {
    /// Found by the matcher.
    Matcher,
    /// Added by the user.
    User,
}

/// Two claims (indices into [`Comparison::claims`]) judged to state the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// First claim (the lower index).
    pub a: usize,
    /// Second claim.
    pub b: usize,
    /// Matcher score in [0, 1] (1.0 for user links).
    pub score: f32,
    /// Share of the content words of the claim that has more of them unshared which the other
    /// claim also holds (the smaller of the two shares), in [0, 1]: see [`content_coverage`].
    pub coverage: f32,
    /// Facts in the same slot that differ.
    pub conflicts: Vec<Conflict>,
    /// Matcher or user.
    pub origin: LinkOrigin,
    /// True when the link joined two claims of the same group (false: it stays listed only).
    pub in_group: bool,
    /// Differences the user marked "not a conflict": kept to be shown as the user's decision,
    /// never counted.
    pub dismissed: Vec<Conflict>,
}

/// Content coverage from which two linked claims state the same claim rather than one holding
/// part of the other's: at least this share of each claim's content words is in the other.
/// Chosen leave-one-story-out on the labelled links of the ten fitting stories (README).
pub const SAME_CLAIM_COVERAGE: f32 = 0.7;

/// The smaller of the two shares of content words (stems, function words aside) that each
/// claim has in common with the other: 1 when both say the same words in any order, low when
/// one sentence holds much that the other does not.
pub fn content_coverage(a: &str, b: &str) -> f32 {
    let stems = |text: &str| {
        let mut v: Vec<String> = crate::analysis::text::words::tokenize(text)
            .into_iter()
            .filter(|t| !t.is_stop)
            .map(|t| t.stem)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (stems(a), stems(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|s| b.binary_search(s).is_ok()).count() as f32;
    (shared / a.len() as f32).min(shared / b.len() as f32)
}

/// How two linked claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRelation {
    /// They state the same claim.
    Same,
    /// One holds part of the other's claims.
    Partial,
    /// They state a fact differently (the link carries conflicts, possible ones included).
    Conflict,
}

impl Link {
    /// How the two claims relate: `Conflict` exactly when the link carries conflicts, else
    /// `Same` when each holds nearly all of the other's content words
    /// ([`SAME_CLAIM_COVERAGE`]), else `Partial`. The link score says how sure the match is,
    /// not how much of the claims is shared, so it does not decide.
    pub fn relation(&self) -> LinkRelation {
        if !self.conflicts.is_empty() {
            LinkRelation::Conflict
        } else if self.coverage >= SAME_CLAIM_COVERAGE {
            LinkRelation::Same
        } else {
            LinkRelation::Partial
        }
    }
}

/// A group's agreement status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    /// Members of several outlets state the same thing and agree.
    Shared,
    /// Members state the same thing but a fact in the same slot differs.
    Conflicting,
    /// Only one outlet carries this claim.
    SingleOutlet,
}

impl GroupStatus {
    /// Label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            GroupStatus::Shared => "shared",
            GroupStatus::Conflicting => "conflicting",
            GroupStatus::SingleOutlet => "single-outlet",
        }
    }

    /// A symbol that marks the status without relying on colour.
    pub fn symbol(self) -> &'static str {
        match self {
            GroupStatus::Shared => "=",
            GroupStatus::Conflicting => "≠",
            GroupStatus::SingleOutlet => "◦",
        }
    }
}

/// Claims of one or more outlets that state the same fact, event or statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Index in [`Comparison::groups`] (in order of first appearance).
    pub id: usize,
    /// Member claims (indices into [`Comparison::claims`]), in article then text order.
    pub members: Vec<usize>,
    /// Agreement status.
    pub status: GroupStatus,
    /// All conflicts found among members (deduplicated).
    pub conflicts: Vec<Conflict>,
    /// Indices of the links between members.
    pub links: Vec<usize>,
    /// Articles that carry this group.
    pub present_in: Vec<usize>,
    /// Articles that do not.
    pub absent_from: Vec<usize>,
    /// A short label (the first member's text, shortened).
    pub label: String,
    /// True when a user decision (link or unlink) shaped this group.
    pub user_curated: bool,
    /// Differences among members the user marked "not a conflict" (deduplicated).
    pub dismissed: Vec<Conflict>,
}

/// An article crediting another outlet for its reporting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The citing article.
    pub article: usize,
    /// The outlet it credits.
    pub cited_outlet: String,
    /// Number of claims that credit it.
    pub claims: usize,
}

/// Counts for one article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct OutletSummary {
    /// The article.
    pub article: usize,
    /// Outlet name.
    pub outlet: String,
    /// Number of claims.
    pub claims: usize,
    /// Claims in shared groups, and claims of conflicting groups that are party to no sure
    /// difference.
    pub shared: usize,
    /// Claims that only this outlet carries.
    pub single_outlet: usize,
    /// Claims party to a sure difference.
    pub conflicting: usize,
    /// Claims attributed to a named source.
    pub named_sources: usize,
    /// Claims attributed to an anonymous source.
    pub anonymous_sources: usize,
    /// Outlets it credits.
    pub cited_outlets: Vec<String>,
}

/// The whole derived comparison of several articles.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Comparison {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Every claim of every article, in article then text order.
    pub claims: Vec<Claim>,
    /// Links between claims of different articles (or user links), sorted by (a, b).
    pub links: Vec<Link>,
    /// Claim groups, in order of first appearance.
    pub groups: Vec<Group>,
    /// Which article credits which outlet.
    pub citations: Vec<Citation>,
    /// Per-article counts.
    pub summaries: Vec<OutletSummary>,
    /// Which articles tell one story and which reuse one report.
    pub stories: crate::analysis::stories::Stories,
}

impl Comparison {
    /// The claim with this id, if any.
    pub fn claim_by_id(&self, id: &ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| &c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: &str, b: &str, conflicts: Vec<Conflict>) -> Link {
        Link {
            a: 0,
            b: 1,
            score: 0.95,
            coverage: content_coverage(a, b),
            conflicts,
            origin: LinkOrigin::Matcher,
            in_group: false,
            dismissed: Vec::new(),
        }
    }

    #[test]
    fn coverage_is_the_smaller_share_of_content_words_in_common() {
        let same = content_coverage(
            "Two people died when their car was swept off the bridge.",
            "Two people died when the car was swept off a bridge.",
        );
        assert!((same - 1.0).abs() < 1e-6, "{same}");
        let part = content_coverage(
            "Two people died.",
            "Two people died when their car was swept off the bridge, police said.",
        );
        assert!(part < 0.5, "{part}");
        assert_eq!(content_coverage("", "Two people died."), 0.0);
    }

    #[test]
    fn relation_comes_from_what_the_claims_share_not_from_how_sure_the_match_is() {
        // A sure match of a short claim inside a long one is partial, however high its score.
        let partial = link(
            "The river burst its banks.",
            "The river burst its banks on Tuesday night, forcing 1,200 people from their homes.",
            Vec::new(),
        );
        assert_eq!(partial.relation(), LinkRelation::Partial);
        let same = link(
            "The river burst its banks on Tuesday night.",
            "On Tuesday night the river burst its banks.",
            Vec::new(),
        );
        assert_eq!(same.relation(), LinkRelation::Same);
        let conflict = link(
            "Two people died.",
            "Three people died.",
            vec![Conflict::new(ConflictKind::Number, "Two", "Three")],
        );
        assert_eq!(conflict.relation(), LinkRelation::Conflict);
    }
}
