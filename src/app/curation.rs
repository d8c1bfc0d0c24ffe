//! Manual curation: the user's links and unlinks between claims.

use super::App;
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
}
