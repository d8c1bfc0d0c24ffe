//! A read-only view of everything a panel draws from, built once per frame.

use super::prefs::Prefs;
use super::state::ArticleKey;
use super::theme::Palette;
use super::worker::Analysed;
use crate::analysis::{Claim, Comparison, Group, GroupStatus};
use crate::workspace::Workspace;

/// What panels read while drawing. Panels never change it; they return commands.
pub struct View<'a> {
    /// The document.
    pub workspace: &'a Workspace,
    /// Article keys, aligned with `workspace.articles`.
    pub keys: &'a [ArticleKey],
    /// The latest analysis.
    pub analysed: &'a Analysed,
    /// True while an analysis runs.
    pub busy: bool,
    /// Preferences.
    pub prefs: &'a Prefs,
    /// Colours of the current theme.
    pub palette: Palette,
    /// The selected claim.
    pub selected_claim: Option<usize>,
    /// The selected group.
    pub selected_group: Option<usize>,
    /// Groups listed in the claim-group panel.
    pub listed: &'a [usize],
    /// Search hit flag per claim.
    pub hits: &'a [bool],
    /// True when a search text is set.
    pub searching: bool,
    /// What undo would revert.
    pub undo_label: Option<&'static str>,
    /// What redo would repeat.
    pub redo_label: Option<&'static str>,
    /// True while the native file dialog is open.
    pub dialog_open: bool,
    /// What the background jobs are doing ("Saving 'x'…").
    pub job_statuses: Vec<String>,
}

impl View<'_> {
    /// The comparison.
    pub fn comparison(&self) -> &Comparison {
        &self.analysed.comparison
    }

    /// A group by index.
    pub fn group(&self, group: usize) -> Option<&Group> {
        self.comparison().groups.get(group)
    }

    /// A claim by index.
    pub fn claim(&self, claim: usize) -> Option<&Claim> {
        self.comparison().claims.get(claim)
    }

    /// The status of a claim's group.
    pub fn claim_status(&self, claim: &Claim) -> GroupStatus {
        self.group(claim.group)
            .map_or(GroupStatus::SingleOutlet, |g| g.status)
    }

    /// Outlet name of an analysed article (comparison index).
    pub fn outlet(&self, article: usize) -> &str {
        self.comparison()
            .articles
            .get(article)
            .map_or("", |a| a.meta.outlet.as_str())
    }

    /// The comparison index of the workspace article at `index`, if it has been analysed.
    pub fn analysed_index(&self, index: usize) -> Option<usize> {
        self.keys
            .get(index)
            .and_then(|k| self.analysed.article_of(*k))
    }

    /// The workspace position of an analysed article (comparison index).
    pub fn workspace_index(&self, article: usize) -> Option<usize> {
        let key = self.analysed.keys.get(article)?;
        self.keys.iter().position(|k| k == key)
    }

    /// The reference article as a comparison index, if it is set and analysed.
    pub fn reference(&self) -> Option<usize> {
        self.workspace
            .reference_article
            .and_then(|r| self.analysed_index(r))
    }

    /// True when the claim matches the search.
    pub fn is_hit(&self, claim: usize) -> bool {
        self.searching && self.hits.get(claim).copied().unwrap_or(false)
    }

    /// Number of groups of each status: (shared, conflicting, single-outlet).
    pub fn status_counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for g in &self.comparison().groups {
            match g.status {
                GroupStatus::Shared => counts.0 += 1,
                GroupStatus::Conflicting => counts.1 += 1,
                GroupStatus::SingleOutlet => counts.2 += 1,
            }
        }
        counts
    }
}
