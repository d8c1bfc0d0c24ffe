//! What the user decides about matching: links and unlinks by stable claim id, and the
//! thresholds of the Strict / Balanced / Loose presets.

use serde::{Deserialize, Serialize};

use super::features::PairScore;
use crate::analysis::comparison::{ClaimId, Conflict, ConflictKind};

/// Default minimum link score for linking two claims of different articles. The context
/// model's bias is shifted when it is fitted so that the cut chosen by leave-one-story-out
/// cross-validation on ten gold-dev stories falls here (`claimdiff fit-context`).
pub const DEFAULT_LINK_THRESHOLD: f32 = 0.2;

/// Default minimum paraphrase probability (fitted on MRPC train with `claimdiff fit-matcher`).
pub const DEFAULT_PARAPHRASE_THRESHOLD: f32 = super::weights::PARAPHRASE_THRESHOLD;

/// Unordered pairs of claims, by stable claim id, in the order the user decided them. Saved as
/// a plain list of `(a, b)` tuples; `(a, b)` and `(b, a)` are the same pair.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimPairs(Vec<(ClaimId, ClaimId)>);

impl ClaimPairs {
    /// True when the pair is held, in either order.
    pub fn contains(&self, a: &ClaimId, b: &ClaimId) -> bool {
        self.0
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }

    /// Adds the pair unless it is already held (in either order).
    pub fn insert(&mut self, a: ClaimId, b: ClaimId) {
        if !self.contains(&a, &b) {
            self.0.push((a, b));
        }
    }

    /// Removes the pair, in either order.
    pub fn remove(&mut self, a: &ClaimId, b: &ClaimId) {
        self.0
            .retain(|(x, y)| !((x == a && y == b) || (x == b && y == a)));
    }

    /// The pairs, in the order they were decided.
    pub fn iter(&self) -> std::slice::Iter<'_, (ClaimId, ClaimId)> {
        self.0.iter()
    }

    /// True when no pair is held.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of pairs held.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl From<Vec<(ClaimId, ClaimId)>> for ClaimPairs {
    fn from(pairs: Vec<(ClaimId, ClaimId)>) -> Self {
        Self(pairs)
    }
}

impl Extend<(ClaimId, ClaimId)> for ClaimPairs {
    fn extend<I: IntoIterator<Item = (ClaimId, ClaimId)>>(&mut self, pairs: I) {
        self.0.extend(pairs);
    }
}

impl IntoIterator for ClaimPairs {
    type Item = (ClaimId, ClaimId);
    type IntoIter = std::vec::IntoIter<(ClaimId, ClaimId)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ClaimPairs {
    type Item = &'a (ClaimId, ClaimId);
    type IntoIter = std::slice::Iter<'a, (ClaimId, ClaimId)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The user's matching decisions, by stable claim id, so they survive re-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Decisions {
    /// Pairs the user linked although the matcher did not.
    pub links: ClaimPairs,
    /// Pairs the user unlinked although the matcher linked them.
    pub unlinks: ClaimPairs,
    /// Differences the user marked "not a conflict", by the two claims and the kind of fact.
    pub not_conflicts: Vec<NotConflict>,
}

/// One difference the user dismissed: between claims `a` and `b` (either order), the `kind` of
/// fact stated as `values` is not a conflict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NotConflict {
    /// One claim.
    pub a: ClaimId,
    /// The other claim.
    pub b: ClaimId,
    /// The kind of fact that differs.
    pub kind: ConflictKind,
    /// The two versions ("six", "eight"), either order; `None` (a decision saved without them)
    /// covers every difference of `kind` between the two claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<(String, String)>,
}

impl NotConflict {
    /// The decision that `conflict` between `a` and `b` is not a conflict.
    pub fn of(a: ClaimId, b: ClaimId, conflict: &Conflict) -> Self {
        Self {
            a,
            b,
            kind: conflict.kind,
            values: Some((conflict.left.clone(), conflict.right.clone())),
        }
    }

    /// True when this decision is about `conflict` between `x` and `y`, in either order.
    pub fn covers(&self, x: &ClaimId, y: &ClaimId, conflict: &Conflict) -> bool {
        let pair = (self.a == *x && self.b == *y) || (self.a == *y && self.b == *x);
        let values = self.values.as_ref().is_none_or(|(l, r)| {
            (*l == conflict.left && *r == conflict.right)
                || (*l == conflict.right && *r == conflict.left)
        });
        self.kind == conflict.kind && pair && values
    }
}

impl Decisions {
    /// True when the user unlinked this pair (in either order).
    pub fn is_unlinked(&self, a: &ClaimId, b: &ClaimId) -> bool {
        self.unlinks.contains(a, b)
    }

    /// True when the user linked this pair (in either order).
    pub fn is_linked(&self, a: &ClaimId, b: &ClaimId) -> bool {
        self.links.contains(a, b)
    }

    /// True when the user marked `conflict` between `a` and `b` "not a conflict".
    pub fn is_not_conflict(&self, a: &ClaimId, b: &ClaimId, conflict: &Conflict) -> bool {
        self.not_conflicts.iter().any(|n| n.covers(a, b, conflict))
    }

    /// The user says `conflict` between `a` and `b` is not a conflict.
    pub fn dismiss_conflict(&mut self, a: ClaimId, b: ClaimId, conflict: &Conflict) {
        if !self.is_not_conflict(&a, &b, conflict) {
            self.not_conflicts.push(NotConflict::of(a, b, conflict));
        }
    }

    /// The user takes back a "not a conflict".
    pub fn restore_conflict(&mut self, a: &ClaimId, b: &ClaimId, conflict: &Conflict) {
        self.not_conflicts.retain(|n| !n.covers(a, b, conflict));
    }

    /// The user links the pair: an earlier unlink of it is forgotten.
    pub fn link(&mut self, a: ClaimId, b: ClaimId) {
        self.unlinks.remove(&a, &b);
        self.links.insert(a, b);
    }

    /// The user unlinks the pair: a link they made is forgotten, and a link the matcher made
    /// (`matcher_made`) is remembered as unlinked so re-analysis does not bring it back.
    pub fn unlink(&mut self, a: &ClaimId, b: &ClaimId, matcher_made: bool) {
        self.links.remove(a, b);
        if matcher_made {
            self.unlinks.insert(a.clone(), b.clone());
        }
    }
}

/// Content words two claims must share before content overlap alone can link them.
pub const MIN_SHARED_WORDS: u32 = 2;

/// Matching thresholds a user can change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchSettings {
    /// Minimum link score (0–1) for two claims of different outlets to be linked as stating
    /// the same claim, even partly: in a comparison, the context model's score (see
    /// `matching::context`); for lone sentence pairs (`claimdiff pairs`), the IDF overlap.
    pub link_threshold: f32,
    /// Minimum paraphrase probability (0–1) for two sentences to read as paraphrases: `pairs`
    /// calls a pair "same meaning" from here.
    pub paraphrase_threshold: f32,
}

impl Default for MatchSettings {
    fn default() -> Self {
        Self {
            link_threshold: DEFAULT_LINK_THRESHOLD,
            paraphrase_threshold: DEFAULT_PARAPHRASE_THRESHOLD,
        }
    }
}

impl MatchSettings {
    /// True when a lone sentence pair with these scores is linked (`claimdiff pairs`; in a
    /// comparison, the default settings' verdict is one input of the context model). An
    /// overlap link needs at least two shared content words, so two fragments sharing one rare
    /// name do not count as one claim.
    pub fn links(&self, score: &PairScore) -> bool {
        (score.overlap >= self.link_threshold && score.shared_words >= MIN_SHARED_WORDS)
            || score.paraphrase >= self.paraphrase_threshold
    }
}
