//! The matching presets offered in the window: named thresholds over [`MatchSettings`].

use crate::analysis::MatchSettings;

/// How readily claims of different outlets are linked: presets over [`MatchSettings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchingPreset {
    /// Link only close restatements: fewer, surer groups.
    Strict,
    /// The thresholds fitted on labelled news sentence pairs.
    Balanced,
    /// Link looser restatements too: more groups, more to check.
    Loose,
}

impl MatchingPreset {
    /// All presets, in menu order.
    pub(crate) const ALL: [MatchingPreset; 3] = [
        MatchingPreset::Strict,
        MatchingPreset::Balanced,
        MatchingPreset::Loose,
    ];

    /// The thresholds of this preset.
    pub(crate) fn settings(self) -> MatchSettings {
        let base = MatchSettings::default();
        let (link_shift, paraphrase_shift) = match self {
            MatchingPreset::Strict => (0.10, 0.12),
            MatchingPreset::Balanced => (0.0, 0.0),
            MatchingPreset::Loose => (-0.05, -0.12),
        };
        MatchSettings {
            link_threshold: (base.link_threshold + link_shift).clamp(0.01, 0.99),
            paraphrase_threshold: (base.paraphrase_threshold + paraphrase_shift).clamp(0.01, 0.99),
        }
    }

    /// The preset these thresholds are, if any (a workspace may hold other values).
    pub fn of(settings: &MatchSettings) -> Option<MatchingPreset> {
        Self::ALL.into_iter().find(|p| p.settings() == *settings)
    }

    /// Menu text.
    pub(crate) fn label(self) -> &'static str {
        match self {
            MatchingPreset::Strict => "Strict matching",
            MatchingPreset::Balanced => "Balanced matching",
            MatchingPreset::Loose => "Loose matching",
        }
    }

    /// Tooltip text.
    pub(crate) fn tooltip(self) -> &'static str {
        match self {
            MatchingPreset::Strict => {
                "Link only claims that say nearly the same: fewer, surer groups"
            }
            MatchingPreset::Balanced => "The default, fitted on labelled news sentence pairs",
            MatchingPreset::Loose => {
                "Also link looser restatements: more groups, some of them wrong — check them"
            }
        }
    }
}
