//! Selection and navigation: the selected claim and group, the ordered claim-group list and
//! stepping through it.

use super::App;
use super::navigation::{self, OrderCache};
use super::state::{NoticeKind, Selection};
use crate::analysis::{ClaimId, Group, GroupStatus};
use crate::report::Notes;
use crate::workspace::GroupFilter;

impl App {
    /// Start with something to look at: the first conflict, else the first shared claim.
    pub(super) fn select_first_interesting(&mut self) {
        if self.analyser.is_busy() {
            return;
        }
        self.refresh_order();
        let groups = &self.analyser.current().comparison.groups;
        let pick = self.order.conflicts.first().copied().or_else(|| {
            self.order
                .full
                .iter()
                .copied()
                .find(|&g| groups[g].status == GroupStatus::Shared)
        });
        if let Some(group) = pick {
            self.select_group(group);
        }
    }

    /// Select a claim; every other column scrolls to its counterpart. The clicked column stays
    /// where it is, so nothing moves under the pointer.
    pub(super) fn select_claim(&mut self, id: ClaimId, scroll_own_column: bool) {
        let analysed = self.analyser.current();
        let Some(index) = analysed.comparison.claim_by_id(&id) else {
            return;
        };
        let own = analysed
            .comparison
            .claims
            .get(index)
            .and_then(|c| analysed.keys.get(c.article))
            .copied();
        self.ui.scroll_columns = self
            .keys
            .iter()
            .copied()
            .filter(|k| scroll_own_column || Some(*k) != own)
            .collect();
        if scroll_own_column {
            self.ui.scroll_to_column = own;
        } else {
            // The clicked column stays; the row of columns scrolls sideways (only as far as
            // needed) to the first other column holding a counterpart.
            let comparison = &analysed.comparison;
            let group = comparison.claims.get(index).map(|c| c.group);
            let counterpart_articles: Vec<usize> = group
                .and_then(|g| comparison.groups.get(g))
                .map(|g| {
                    g.members
                        .iter()
                        .filter_map(|&m| comparison.claims.get(m))
                        .map(|c| c.article)
                        .collect()
                })
                .unwrap_or_default();
            self.ui.scroll_to_column = self.keys.iter().copied().find(|k| {
                Some(*k) != own
                    && analysed
                        .article_of(*k)
                        .is_some_and(|a| counterpart_articles.contains(&a))
            });
        }
        self.ui.scroll_matrix = true;
        let group_of = |claim: &ClaimId| {
            let c = &analysed.comparison;
            c.claim_by_id(claim)
                .and_then(|i| c.claims.get(i))
                .map(|c| c.group)
        };
        let old_group = self.ui.selection.as_ref().and_then(|s| group_of(&s.claim));
        if old_group != group_of(&id) {
            // A new group's differences are read from the top.
            self.ui.differences_to_top = true;
        }
        self.ui.selection = Some(Selection { claim: id });
    }

    /// Select a group: its member in the reference article (else the first member) becomes the
    /// selected claim, and every column scrolls to the group.
    pub(super) fn select_group(&mut self, group: usize) {
        let Some(anchor) = self.group_anchor(group) else {
            return;
        };
        self.select_claim(anchor, true);
    }

    pub(super) fn group_anchor(&self, group: usize) -> Option<ClaimId> {
        let analysed = self.analyser.current();
        let group: &Group = analysed.comparison.groups.get(group)?;
        let reference = self
            .workspace
            .reference_article
            .and_then(|r| self.keys.get(r))
            .and_then(|k| analysed.article_of(*k));
        let claims = &analysed.comparison.claims;
        let anchor = group
            .members
            .iter()
            .find(|&&m| Some(claims[m].article) == reference)
            .or_else(|| group.members.first())?;
        Some(claims[*anchor].id.clone())
    }

    pub(super) fn refresh_order(&mut self) {
        let analysed = self.analyser.current();
        let settings = &self.workspace.settings;
        let key = (
            analysed.generation,
            settings.filter,
            settings.search.clone(),
            self.prefs.sort,
        );
        if self.order.key.as_ref() == Some(&key) {
            return;
        }
        let comparison = &analysed.comparison;
        let notes = Notes {
            claims: self.workspace.claim_notes.clone(),
            groups: self.workspace.group_notes.clone(),
        };
        let hits = navigation::search_hits(comparison, &settings.search, &notes);
        let searching = !settings.search.trim().is_empty();
        let sort = self.prefs.sort;
        self.order = OrderCache {
            listed: navigation::group_order(comparison, settings.filter, &hits, searching, sort),
            full: navigation::group_order(comparison, GroupFilter::All, &hits, false, sort),
            conflicts: navigation::group_order(
                comparison,
                GroupFilter::ConflictsOnly,
                &hits,
                false,
                sort,
            ),
            hits,
            key: Some(key),
        };
    }

    pub(super) fn step_group(&mut self, conflicts: bool, forward: bool) {
        self.refresh_order();
        let candidates = if conflicts {
            &self.order.conflicts
        } else {
            &self.order.listed
        };
        if candidates.is_empty() {
            let text = if conflicts {
                "No conflicts: the outlets agree on every claim they share."
            } else {
                "No claim groups match the current filter."
            };
            self.notify_once(NoticeKind::Info, text);
            return;
        }
        let current = self.selected_group();
        if let Some(next) = navigation::step(&self.order.full, candidates, current, forward) {
            self.select_group(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Conflict, ConflictKind};
    use crate::app::command::Command;

    /// The demo with two groups marked as conflicting, whatever the fact extractor finds.
    fn demo_with_conflicts() -> (App, Vec<usize>) {
        let mut app = App::demo();
        let analysed = app.analyser.current_mut();
        let shared: Vec<usize> = analysed
            .comparison
            .groups
            .iter()
            .filter(|g| g.present_in.len() > 1)
            .map(|g| g.id)
            .take(2)
            .collect();
        for &g in &shared {
            let group = &mut analysed.comparison.groups[g];
            group.status = GroupStatus::Conflicting;
            group.conflicts = vec![Conflict::new(
                ConflictKind::Number,
                "20 percent",
                "a quarter",
            )];
        }
        analysed.generation += 100;
        let conflicting = analysed
            .comparison
            .groups
            .iter()
            .filter(|g| g.status == GroupStatus::Conflicting)
            .map(|g| g.id)
            .collect();
        (app, conflicting)
    }

    #[test]
    fn next_and_previous_conflict_cycle_through_conflicts() {
        let (mut app, conflicts) = demo_with_conflicts();
        assert!(conflicts.len() >= 2, "the demo has conflicting groups");
        for &expected in &conflicts {
            app.apply(Command::NextConflict);
            assert_eq!(app.selected_group(), Some(expected));
        }
        app.apply(Command::NextConflict);
        assert_eq!(app.selected_group(), Some(conflicts[0]), "wraps around");
        app.apply(Command::PreviousConflict);
        assert_eq!(app.selected_group(), conflicts.last().copied());
    }

    #[test]
    fn conflicts_filter_lists_only_conflicts() {
        let (mut app, conflicts) = demo_with_conflicts();
        app.apply(Command::SetFilter(GroupFilter::ConflictsOnly));
        app.refresh_order();
        assert_eq!(app.listed_groups(), conflicts.as_slice());
    }

    #[test]
    fn without_conflicts_next_conflict_says_so() {
        let mut app = App::demo();
        if app
            .comparison()
            .groups
            .iter()
            .any(|g| g.status == GroupStatus::Conflicting)
        {
            return;
        }
        app.apply(Command::NextConflict);
        assert_eq!(app.selected_group(), None);
        assert!(
            app.notices()
                .iter()
                .any(|n| n.text.contains("No conflicts"))
        );
    }

    #[test]
    fn selection_survives_reanalysis_by_claim_id() {
        let mut app = App::demo();
        app.apply(Command::SelectGroup(1));
        let claim = app
            .selected_claim()
            .map(|c| app.comparison().claims[c].id.clone());
        app.apply(Command::MoveArticle { from: 0, to: 3 });
        let after = app
            .selected_claim()
            .map(|c| app.comparison().claims[c].id.clone());
        assert_eq!(claim, after);
    }
}
