//! The workspace: what a user owns and saves — articles, metadata edits and decisions.
//!
//! Everything derived (claims, groups, diffs) is rebuilt from this and never saved.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{ClaimId, Decisions, MatchSettings};
use crate::ingest::import_text;
use crate::ingest::{Article, ArticleMeta};

/// One article as the user has it: its full text and its (possibly edited) metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleEntry {
    /// The article's full decoded text, exactly as imported. Saved as a list of lines (see
    /// `text_lines.rs`) so workspace files diff line by line.
    #[serde(with = "super::text_lines")]
    pub text: String,
    /// Outlet, headline, date, URL, author and origin file; the user may edit these.
    pub meta: ArticleMeta,
}

impl ArticleEntry {
    /// An entry for an imported article.
    pub fn from_article(article: &Article) -> Self {
        Self {
            text: article.text.clone(),
            meta: article.meta.clone(),
        }
    }

    /// The article for analysis: the text is re-read for headers and boilerplate, and the
    /// entry's metadata (with the user's edits) wins over what the text says.
    pub fn to_article(&self) -> Article {
        let mut article = import_text(&self.text, self.meta.origin.as_deref());
        let detected = std::mem::take(&mut article.meta);
        article.meta = self.meta.clone();
        if article.meta.outlet.trim().is_empty() {
            article.meta.outlet = detected.outlet;
        }
        if article.meta.headline.trim().is_empty() {
            article.meta.headline = detected.headline;
        }
        article
    }
}

/// Which groups the user wants to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GroupFilter {
    /// Every group.
    #[default]
    All,
    /// Only conflicting groups.
    ConflictsOnly,
    /// Only single-outlet groups.
    SingleOutletOnly,
    /// Only groups several outlets carry and agree on.
    SharedOnly,
}

/// Comparison settings saved with the workspace.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ComparisonSettings {
    /// Matching thresholds.
    pub matching: MatchSettings,
    /// The group filter in use.
    pub filter: GroupFilter,
    /// The text search in use.
    pub search: String,
}

/// How the user looks at the comparison: saved with the workspace, but changing it never
/// makes the workspace unsaved (it is not part of the user's work).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Also show possible (weak) differences, not only the ones the analysis is sure of.
    pub show_possible_differences: bool,
}

/// The current workspace format version (2 added [`ViewSettings`], 3 the differences the user
/// marked "not a conflict", `decisions.not_conflicts`, 4 the two versions of each such
/// difference, `values`).
pub const WORKSPACE_VERSION: u32 = 4;

/// A saved comparison: articles, the user's decisions and settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Format version (see [`WORKSPACE_VERSION`]).
    pub version: u32,
    /// Articles in the order the user arranged them.
    pub articles: Vec<ArticleEntry>,
    /// Manual links and unlinks.
    pub decisions: Decisions,
    /// Notes on claims, by claim id.
    pub claim_notes: BTreeMap<ClaimId, String>,
    /// Notes on groups, keyed by the id of the group's first claim.
    pub group_notes: BTreeMap<ClaimId, String>,
    /// Labels the user gave groups, keyed by the id of the group's first claim.
    pub group_labels: BTreeMap<ClaimId, String>,
    /// The article other members are diffed against (index into `articles`).
    pub reference_article: Option<usize>,
    /// Thresholds and filters.
    pub settings: ComparisonSettings,
    /// How the comparison is shown (never makes the workspace unsaved).
    pub view: ViewSettings,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            version: WORKSPACE_VERSION,
            articles: Vec::new(),
            decisions: Decisions::default(),
            claim_notes: BTreeMap::new(),
            group_notes: BTreeMap::new(),
            group_labels: BTreeMap::new(),
            reference_article: None,
            settings: ComparisonSettings::default(),
            view: ViewSettings::default(),
        }
    }
}

impl Workspace {
    /// True when both hold the same work: everything but the view settings, the group filter
    /// and the search.
    pub fn same_work(&self, other: &Self) -> bool {
        // Destructured so that a field added later must be placed on one side or the other.
        let Workspace {
            version,
            articles,
            decisions,
            claim_notes,
            group_notes,
            group_labels,
            reference_article,
            settings,
            view: _,
        } = self;
        *version == other.version
            && *articles == other.articles
            && *decisions == other.decisions
            && *claim_notes == other.claim_notes
            && *group_notes == other.group_notes
            && *group_labels == other.group_labels
            && *reference_article == other.reference_article
            // Which groups are shown (filter, search) is how the user looks, not their work.
            && settings.matching == other.settings.matching
    }

    /// A workspace holding these articles and no decisions.
    pub(crate) fn from_articles(articles: &[Article]) -> Self {
        Self {
            articles: articles.iter().map(ArticleEntry::from_article).collect(),
            ..Self::default()
        }
    }

    /// The articles ready for analysis, in order.
    pub(crate) fn analysis_articles(&self) -> Vec<Article> {
        self.articles.iter().map(ArticleEntry::to_article).collect()
    }
}
