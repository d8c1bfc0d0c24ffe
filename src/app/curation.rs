//! Manual curation: the user's links and unlinks between claims.

use super::App;
use super::state::Modal;
use super::state::NoticeKind;
use crate::analysis::{ClaimId, LinkOrigin};

impl App {
    pub(super) fn link(&mut self, a: ClaimId, b: ClaimId) {
        self.ui.linking = false;
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(&a), comparison.claim_by_id(&b)) else {
            return;
        };
        if ia == ib {
            return;
        }
        if comparison.claims[ia].article == comparison.claims[ib].article {
            self.notify_once(
                NoticeKind::Info,
                "Link a claim with a claim of another article; both are in the same article.",
            );
            return;
        }
        let decisions = &self.workspace.decisions;
        if decisions.is_linked(&a, &b) && !decisions.is_unlinked(&a, &b) {
            return;
        }
        let b_key = {
            let analysed = self.analyser.current();
            analysed
                .comparison
                .claims
                .get(ib)
                .and_then(|c| analysed.keys.get(c.article))
                .copied()
        };
        self.record("Link claims");
        self.workspace.decisions.link(a.clone(), b);
        self.reanalyse();
        // Neither the column clicked to link nor the anchor's column moves.
        self.select_claim(a, false);
        if let Some(key) = b_key {
            self.ui.scroll_columns.remove(&key);
        }
    }

    /// Link two claims; when each already belongs to a group of several claims, ask first
    /// whether to join the groups or to link only the pair.
    pub(super) fn request_link(&mut self, a: ClaimId, b: ClaimId) {
        if !self.linkable(&a, &b) {
            return;
        }
        let comparison = self.comparison();
        let group_size = |id: &ClaimId| {
            comparison
                .claim_by_id(id)
                .and_then(|i| comparison.claims.get(i))
                .and_then(|c| {
                    comparison
                        .groups
                        .get(c.group)
                        .map(|g| (c.group, g.members.len()))
                })
        };
        if let (Some((ga, na)), Some((gb, nb))) = (group_size(&a), group_size(&b))
            && ga != gb
            && na > 1
            && nb > 1
        {
            self.ui.linking = false;
            self.ui.modal = Some(Modal::LinkChoice(a, b));
            return;
        }
        self.link(a, b);
    }

    /// Whether two claims may be linked: both exist, differ and belong to different articles
    /// (said in a notice when not).
    fn linkable(&mut self, a: &ClaimId, b: &ClaimId) -> bool {
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(a), comparison.claim_by_id(b)) else {
            return false;
        };
        if ia == ib {
            return false;
        }
        if comparison.claims[ia].article == comparison.claims[ib].article {
            self.ui.linking = false;
            self.notify_once(
                NoticeKind::Info,
                "Link a claim with a claim of another article; both are in the same article.",
            );
            return false;
        }
        true
    }

    /// Link only these two claims: both leave their groups (their other links are removed)
    /// and form a group of their own. One undo step.
    pub(super) fn link_only_pair(&mut self, a: ClaimId, b: ClaimId) {
        if !self.linkable(&a, &b) {
            return;
        }
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(&a), comparison.claim_by_id(&b)) else {
            return;
        };
        let partners: Vec<(ClaimId, ClaimId, LinkOrigin)> = comparison
            .links
            .iter()
            .filter(|l| {
                let touches = l.a == ia || l.b == ia || l.a == ib || l.b == ib;
                let the_pair = (l.a == ia.min(ib)) && (l.b == ia.max(ib));
                touches && !the_pair
            })
            .map(|l| {
                (
                    comparison.claims[l.a].id.clone(),
                    comparison.claims[l.b].id.clone(),
                    l.origin,
                )
            })
            .collect();
        self.record("Link only these claims");
        for (x, y, origin) in partners {
            self.drop_link(&x, &y, origin);
        }
        self.workspace.decisions.link(a.clone(), b);
        self.reanalyse();
        self.select_claim(a, false);
    }

    /// Take a claim out of its group: every link it has is removed.
    pub(super) fn unlink_claim(&mut self, id: &ClaimId) {
        let comparison = self.comparison();
        let Some(index) = comparison.claim_by_id(id) else {
            return;
        };
        let partners: Vec<(ClaimId, LinkOrigin)> = comparison
            .links
            .iter()
            .filter(|l| l.a == index || l.b == index)
            .map(|l| {
                let other = if l.a == index { l.b } else { l.a };
                (comparison.claims[other].id.clone(), l.origin)
            })
            .collect();
        if partners.is_empty() {
            self.notify_once(
                NoticeKind::Info,
                "This claim is not linked to any other claim.",
            );
            return;
        }
        self.record("Unlink claim");
        for (other, origin) in partners {
            self.drop_link(id, &other, origin);
        }
        self.reanalyse();
    }

    /// Remove one link.
    pub(super) fn remove_link(&mut self, a: &ClaimId, b: &ClaimId) {
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(a), comparison.claim_by_id(b)) else {
            return;
        };
        let (lo, hi) = (ia.min(ib), ia.max(ib));
        let Some(origin) = comparison
            .links
            .iter()
            .find(|l| l.a == lo && l.b == hi)
            .map(|l| l.origin)
        else {
            return;
        };
        self.record("Remove link");
        self.drop_link(a, b, origin);
        self.reanalyse();
    }

    pub(super) fn drop_link(&mut self, a: &ClaimId, b: &ClaimId, origin: LinkOrigin) {
        self.workspace
            .decisions
            .unlink(a, b, origin == LinkOrigin::Matcher);
    }

    /// The claim pairs of `a`'s group whose links show `difference` (the same kind and the same
    /// two versions, either order; among their differences, or with `dismissed`, among the ones
    /// already marked "not a conflict"), each with its own copy of the difference: a difference
    /// the group lists once is decided for every pair that shows it. `(a, b)` comes first.
    pub(super) fn pairs_showing_difference(
        &self,
        a: &ClaimId,
        b: &ClaimId,
        difference: &crate::analysis::Conflict,
        dismissed: bool,
    ) -> Vec<(ClaimId, ClaimId, crate::analysis::Conflict)> {
        let mut pairs = vec![(a.clone(), b.clone(), difference.clone())];
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(a), comparison.claim_by_id(b)) else {
            return pairs;
        };
        let same = |c: &crate::analysis::Conflict| {
            c.kind == difference.kind
                && ((c.left == difference.left && c.right == difference.right)
                    || (c.left == difference.right && c.right == difference.left))
        };
        let (lo, hi) = (ia.min(ib), ia.max(ib));
        let Some(group) = comparison
            .claims
            .get(ia)
            .and_then(|c| comparison.groups.get(c.group))
        else {
            return pairs;
        };
        for link in group.links.iter().filter_map(|&l| comparison.links.get(l)) {
            if (link.a, link.b) == (lo, hi) {
                continue;
            }
            let list = if dismissed {
                &link.dismissed
            } else {
                &link.conflicts
            };
            if let Some(found) = list.iter().find(|c| same(c)) {
                pairs.push((
                    comparison.claims[link.a].id.clone(),
                    comparison.claims[link.b].id.clone(),
                    found.clone(),
                ));
            }
        }
        pairs
    }
}
