//! Which groups the claim-group list shows, in which order, and where next/previous lead.

use super::prefs::GroupSort;
use crate::analysis::{Comparison, Group, GroupStatus};
use crate::report::Notes;
use crate::workspace::GroupFilter;

/// True when the group passes the filter.
pub(crate) fn passes_filter(group: &Group, filter: GroupFilter) -> bool {
    match filter {
        GroupFilter::All => true,
        GroupFilter::ConflictsOnly => group.status == GroupStatus::Conflicting,
        GroupFilter::SingleOutletOnly => group.status == GroupStatus::SingleOutlet,
        GroupFilter::SharedOnly => group.status == GroupStatus::Shared,
    }
}

/// Claims whose text, or a note written on them (claim or group note), contains `query`
/// (case-insensitive), as a flag per claim; empty query: none.
pub(crate) fn search_hits(comparison: &Comparison, query: &str, notes: &Notes) -> Vec<bool> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return vec![false; comparison.claims.len()];
    }
    let has = |text: Option<&String>| text.is_some_and(|t| t.to_lowercase().contains(&query));
    comparison
        .claims
        .iter()
        .map(|c| {
            c.text.to_lowercase().contains(&query)
                || has(notes.claims.get(&c.id))
                || has(notes.groups.get(&c.id))
        })
        .collect()
}

fn status_rank(status: GroupStatus) -> u8 {
    match status {
        GroupStatus::Conflicting => 0,
        GroupStatus::Shared => 1,
        GroupStatus::SingleOutlet => 2,
    }
}

/// Groups that pass `filter` and (when `hits` has any) contain a search hit, in `sort` order.
/// Ties keep story order, so the list never shuffles between frames.
pub(crate) fn group_order(
    comparison: &Comparison,
    filter: GroupFilter,
    hits: &[bool],
    searching: bool,
    sort: GroupSort,
) -> Vec<usize> {
    let mut order: Vec<usize> = comparison
        .groups
        .iter()
        .filter(|g| passes_filter(g, filter))
        .filter(|g| {
            !searching
                || g.members
                    .iter()
                    .any(|&m| hits.get(m).copied().unwrap_or(false))
        })
        .map(|g| g.id)
        .collect();
    let groups = &comparison.groups;
    match sort {
        GroupSort::Story => {}
        GroupSort::Coverage => order.sort_by_key(|&g| {
            let group = &groups[g];
            (
                std::cmp::Reverse(group.present_in.len()),
                status_rank(group.status),
            )
        }),
        GroupSort::Status => order.sort_by_key(|&g| {
            let group = &groups[g];
            (
                status_rank(group.status),
                std::cmp::Reverse(group.present_in.len()),
            )
        }),
    }
    order
}

/// The next (or previous) entry of `candidates` after `current`, following `full` order and
/// wrapping around. `current` may be outside `candidates` (e.g. a shared group while jumping
/// between conflicts): then the nearest candidate in that direction is taken.
pub(crate) fn step(
    full: &[usize],
    candidates: &[usize],
    current: Option<usize>,
    forward: bool,
) -> Option<usize> {
    if candidates.is_empty() {
        return None;
    }
    let position_of = |g: usize| full.iter().position(|&x| x == g);
    let Some(start) = current.and_then(position_of) else {
        return if forward {
            candidates.first().copied()
        } else {
            candidates.last().copied()
        };
    };
    let n = full.len();
    (1..=n)
        .map(|k| {
            if forward {
                full[(start + k) % n]
            } else {
                full[(start + n - k % n) % n]
            }
        })
        .find(|g| candidates.contains(g))
}

/// The claim-group list for the current comparison, filter, search and sort.
#[derive(Debug, Default)]
pub(crate) struct OrderCache {
    /// What the lists were made for: analysis generation, filter, search, sort.
    pub(crate) key: Option<(u64, GroupFilter, String, GroupSort)>,
    /// Groups listed (filtered, searched, sorted).
    pub(crate) listed: Vec<usize>,
    /// Every group, sorted.
    pub(crate) full: Vec<usize>,
    /// Conflicting groups, sorted.
    pub(crate) conflicts: Vec<usize>,
    /// Search hit flag per claim.
    pub(crate) hits: Vec<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_wraps_and_skips_non_candidates() {
        let full = [0, 1, 2, 3, 4];
        let conflicts = [1, 3];
        assert_eq!(step(&full, &conflicts, None, true), Some(1));
        assert_eq!(step(&full, &conflicts, None, false), Some(3));
        assert_eq!(step(&full, &conflicts, Some(1), true), Some(3));
        assert_eq!(step(&full, &conflicts, Some(3), true), Some(1));
        assert_eq!(step(&full, &conflicts, Some(2), false), Some(1));
        assert_eq!(step(&full, &conflicts, Some(1), false), Some(3));
        assert_eq!(step(&full, &[], Some(1), true), None);
        assert_eq!(step(&full, &[2], Some(2), true), Some(2));
    }

    #[test]
    fn demo_order_filters_and_sorts() {
        let articles = crate::ingest::demo::demo_articles();
        let c = crate::analysis::compare(&articles, &Default::default(), &Default::default());
        let hits = search_hits(&c, "", &Notes::default());
        let all = group_order(&c, GroupFilter::All, &hits, false, GroupSort::Story);
        assert_eq!(all.len(), c.groups.len());
        let single = group_order(
            &c,
            GroupFilter::SingleOutletOnly,
            &hits,
            false,
            GroupSort::Story,
        );
        assert!(
            single
                .iter()
                .all(|&g| c.groups[g].status == GroupStatus::SingleOutlet)
        );
        let by_coverage = group_order(&c, GroupFilter::All, &hits, false, GroupSort::Coverage);
        let coverage: Vec<usize> = by_coverage
            .iter()
            .map(|&g| c.groups[g].present_in.len())
            .collect();
        assert!(coverage.windows(2).all(|w| w[0] >= w[1]));
        let hits = search_hits(&c, "MAYOR", &Notes::default());
        let found = group_order(&c, GroupFilter::All, &hits, true, GroupSort::Story);
        assert!(!found.is_empty() && found.len() < all.len());
    }
}
