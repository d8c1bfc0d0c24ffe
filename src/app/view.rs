//! A read-only view of everything a panel draws from, built once per frame.

use super::prefs::Prefs;
use super::state::ArticleKey;
use super::theme::Palette;
use super::worker::Analysed;
use crate::analysis::{Claim, Comparison, Conflict, Group, GroupStatus, claim_status};
use crate::workspace::Workspace;

/// What panels read while drawing. Panels never change it; they return commands.
pub(crate) struct View<'a> {
    /// The document.
    pub(crate) workspace: &'a Workspace,
    /// Article keys, aligned with `workspace.articles`.
    pub(crate) keys: &'a [ArticleKey],
    /// The latest analysis.
    pub(crate) analysed: &'a Analysed,
    /// True while an analysis runs.
    pub(crate) busy: bool,
    /// Preferences.
    pub(crate) prefs: &'a Prefs,
    /// Colours of the current theme.
    pub(crate) palette: Palette,
    /// The selected claim.
    pub(crate) selected_claim: Option<usize>,
    /// The selected group.
    pub(crate) selected_group: Option<usize>,
    /// Groups listed in the claim-group panel.
    pub(crate) listed: &'a [usize],
    /// Search hit flag per claim.
    pub(crate) hits: &'a [bool],
    /// True when a search text is set.
    pub(crate) searching: bool,
    /// What undo would revert.
    pub(crate) undo_label: Option<&'static str>,
    /// What redo would repeat.
    pub(crate) redo_label: Option<&'static str>,
    /// True while the native file dialog is open.
    pub(crate) dialog_open: bool,
    /// What the background jobs are doing ("Saving 'x'…").
    pub(crate) job_statuses: Vec<String>,
}

impl View<'_> {
    /// The conflicts to show: the sure ones, and the possible ones too when the user asked.
    pub(crate) fn shown_conflicts<'c>(
        &self,
        conflicts: &'c [Conflict],
    ) -> impl Iterator<Item = &'c Conflict> + use<'c> {
        let show_possible = self.workspace.view.show_possible_differences;
        conflicts
            .iter()
            .filter(move |c| show_possible || !c.possible)
    }

    /// The comparison.
    pub(crate) fn comparison(&self) -> &Comparison {
        &self.analysed.comparison
    }

    /// A group by index.
    pub(crate) fn group(&self, group: usize) -> Option<&Group> {
        self.comparison().groups.get(group)
    }

    /// A claim by index.
    pub(crate) fn claim(&self, claim: usize) -> Option<&Claim> {
        self.comparison().claims.get(claim)
    }

    /// The status a claim is marked with (see [`claim_status`]).
    pub(crate) fn claim_status(&self, index: usize, claim: &Claim) -> GroupStatus {
        let comparison = self.comparison();
        claim_status(&comparison.links, &comparison.groups, claim, index)
    }

    /// Outlet name of an analysed article (comparison index).
    pub(crate) fn outlet(&self, article: usize) -> &str {
        match self.analysed.labels.names.get(article) {
            Some(name) => name,
            None => self
                .comparison()
                .articles
                .get(article)
                .map_or("", |a| a.meta.outlet.as_str()),
        }
    }

    /// The article's short label for narrow table columns ("KC", "HU2").
    pub(crate) fn outlet_short(&self, article: usize) -> &str {
        self.analysed
            .labels
            .short
            .get(article)
            .map_or("?", String::as_str)
    }

    /// What a column header's tooltip says: the outlet, its headline and date.
    pub(crate) fn article_tooltip(&self, article: usize) -> String {
        let Some(a) = self.comparison().articles.get(article) else {
            return String::new();
        };
        let mut text = format!("{}\n{}", self.outlet(article), a.meta.headline);
        if let Some(date) = a.meta.date.as_deref() {
            text.push_str(&format!("\n{date}"));
        }
        text
    }

    /// The comparison index of the workspace article at `index`, if it has been analysed.
    pub(crate) fn analysed_index(&self, index: usize) -> Option<usize> {
        self.keys
            .get(index)
            .and_then(|k| self.analysed.article_of(*k))
    }

    /// The workspace position of an analysed article (comparison index).
    pub(crate) fn workspace_index(&self, article: usize) -> Option<usize> {
        let key = self.analysed.keys.get(article)?;
        self.keys.iter().position(|k| k == key)
    }

    /// The reference article as a comparison index, if it is set and analysed.
    pub(crate) fn reference(&self) -> Option<usize> {
        self.workspace
            .reference_article
            .and_then(|r| self.analysed_index(r))
    }

    /// True when the claim matches the search.
    pub(crate) fn is_hit(&self, claim: usize) -> bool {
        self.searching && self.hits.get(claim).copied().unwrap_or(false)
    }

    /// The notes written on a claim: its claim note and a group note kept with it.
    pub(crate) fn notes_on_claim(&self, claim: &Claim) -> Vec<&str> {
        [
            self.workspace.claim_notes.get(&claim.id),
            self.workspace.group_notes.get(&claim.id),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|n| !n.trim().is_empty())
        .collect()
    }

    /// Every note written on a group's members.
    pub(crate) fn notes_in_group(&self, group: &Group) -> Vec<&str> {
        group
            .members
            .iter()
            .filter_map(|&m| self.claim(m))
            .flat_map(|c| self.notes_on_claim(c))
            .collect()
    }

    /// The comparison's stories and independent reports.
    pub(crate) fn stories(&self) -> &crate::analysis::stories::Stories {
        &self.comparison().stories
    }

    /// "in 3 of 4 outlets" — counted within the group's story — with the independent reports
    /// when reprints make them fewer: "in 3 of 4 outlets · 2 independent reports".
    pub(crate) fn coverage_text(&self, group: &Group) -> String {
        // Articles of the stories the group's claims come from (one story, unless the user
        // linked across stories).
        let stories = self.stories();
        let own: Vec<Option<&usize>> = group
            .present_in
            .iter()
            .map(|&a| stories.story_of.get(a))
            .collect();
        let of = (0..self.comparison().articles.len())
            .filter(|&a| own.contains(&stories.story_of.get(a)))
            .count();
        let reports = self.stories().reports_among(&group.present_in);
        let mut text = format!("in {} of {of} outlets", group.present_in.len());
        if reports < group.present_in.len() {
            text.push_str(&format!(
                " · {reports} independent report{}",
                if reports == 1 { "" } else { "s" }
            ));
        }
        text
    }

    /// Number of groups of each status: (shared, conflicting, single-outlet).
    pub(crate) fn status_counts(&self) -> (usize, usize, usize) {
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
