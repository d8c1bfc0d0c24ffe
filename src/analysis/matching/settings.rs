//! What the user decides about matching: links and unlinks by stable claim id, and the
//! thresholds of the Strict / Balanced / Loose presets.

use serde::{Deserialize, Serialize};

use super::features::PairScore;
use crate::analysis::comparison::ClaimId;

/// Default minimum content overlap for linking two claims of different articles.
pub const DEFAULT_LINK_THRESHOLD: f32 = 0.15;

/// Default minimum paraphrase probability (fitted on MRPC train with `claimdiff fit-matcher`).
pub const DEFAULT_PARAPHRASE_THRESHOLD: f32 = super::weights::PARAPHRASE_THRESHOLD;

/// The user's matching decisions, by stable claim id, so they survive re-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Decisions {
    /// Pairs the user linked although the matcher did not.
    pub links: Vec<(ClaimId, ClaimId)>,
    /// Pairs the user unlinked although the matcher linked them.
    pub unlinks: Vec<(ClaimId, ClaimId)>,
}

impl Decisions {
    /// True when the user unlinked this pair (in either order).
    pub fn is_unlinked(&self, a: &ClaimId, b: &ClaimId) -> bool {
        self.unlinks
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }

    /// True when the user linked this pair (in either order).
    pub fn is_linked(&self, a: &ClaimId, b: &ClaimId) -> bool {
        self.links
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}

/// Content words two claims must share before content overlap alone can link them.
pub const MIN_SHARED_WORDS: u32 = 2;

/// Matching thresholds a user can change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchSettings {
    /// Minimum content overlap (IDF cosine, 0–1) for two claims of different outlets to be
    /// linked as stating the same claim, even partly.
    pub link_threshold: f32,
    /// Minimum paraphrase probability (0–1) for two sentences to be linked as paraphrases;
    /// paraphrases are always linked, and `pairs` calls a pair "same meaning" from here.
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
    /// True when a pair with these scores is linked. An overlap link needs at least two shared
    /// content words, so two fragments sharing one rare name do not count as one claim.
    pub fn links(&self, score: &PairScore) -> bool {
        (score.overlap >= self.link_threshold && score.shared_words >= MIN_SHARED_WORDS)
            || score.paraphrase >= self.paraphrase_threshold
    }
}
