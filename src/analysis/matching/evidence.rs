//! Word evidence: how telling it is when a word appears in only one of two sentences.
//!
//! Some words are left out of a paraphrase freely ("also", "on Tuesday", "the company");
//! others are almost never left out when two sentences mean the same (a second figure, "not",
//! a name). For every word stem seen in at least [`MIN_PAIRS`] training pairs, the matcher
//! knows two rates fitted on MRPC train by `claimdiff fit-matcher`: how often the word appears
//! on *both* sides when it appears at all, among paraphrases (`p`) and among non-paraphrases
//! (`q`) — the discriminative weighting of Ji & Eisenstein (2013, "TF-KLD"). A pair's words
//! then give naive-Bayes log-odds and KL-weighted overlap features.
//!
//! Stems are stored only as 64-bit hashes ([`stem_key`]), so the shipped table holds no text.

use crate::analysis::matching::weights::{EVIDENCE_PRIOR, WORD_EVIDENCE};
use crate::analysis::text::words::fnv1a64;

/// Pairs a stem must have appeared in during fitting to get rates of its own; rarer stems use
/// the prior rates.
pub const MIN_PAIRS: u32 = 2;

/// Strength of the prior (in pseudo-pairs) that the rates of rare words are pulled towards.
pub const PRIOR_PAIRS: f64 = 10.0;

/// The rates of one word: `p` = share of paraphrase pairs with the word on both sides (when it
/// occurs at all), `q` = the same among non-paraphrases.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    /// Rate of "on both sides" among paraphrases.
    pub p: f32,
    /// Rate of "on both sides" among non-paraphrases.
    pub q: f32,
}

impl Rates {
    /// What the pair features need of these rates, computed once per word.
    pub fn terms(self) -> WordTerms {
        let p = self.p.clamp(1e-4, 1.0 - 1e-4);
        let q = self.q.clamp(1e-4, 1.0 - 1e-4);
        WordTerms {
            shared_odds: (p / q).ln(),
            unshared_odds: ((1.0 - p) / (1.0 - q)).ln(),
            divergence: p * (p / q).ln() + (1.0 - p) * ((1.0 - p) / (1.0 - q)).ln(),
        }
    }
}

/// The log-odds a word adds when it is on both sides or on one side only, and how telling it
/// is at all (the KL divergence between its two rates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordTerms {
    /// ln(p / q): evidence for "same meaning" when the word is on both sides.
    pub shared_odds: f32,
    /// ln((1 − p) / (1 − q)): evidence when it is on one side only (usually negative).
    pub unshared_odds: f32,
    /// KL divergence of the two rates: the word's weight.
    pub divergence: f32,
}

/// How many times a word was seen in training pairs: `[paraphrase & both sides, paraphrase &
/// one side, other & both sides, other & one side]`.
pub type PairCounts = [f64; 4];

/// FNV-1a hash of a stem: the key of the shipped table.
pub fn stem_key(stem: &str) -> u64 {
    fnv1a64(stem.as_bytes())
}

/// The shipped rates of a stem (the prior when the stem was rare or unseen in training).
pub fn rates_of(stem: &str) -> Rates {
    let key = stem_key(stem);
    match WORD_EVIDENCE.binary_search_by_key(&key, |entry| entry.0) {
        Ok(index) => Rates {
            p: WORD_EVIDENCE[index].1,
            q: WORD_EVIDENCE[index].2,
        },
        Err(_) => Rates {
            p: EVIDENCE_PRIOR.0,
            q: EVIDENCE_PRIOR.1,
        },
    }
}

/// Smoothed rates from counts, pulled towards `prior` by [`PRIOR_PAIRS`] pseudo-pairs.
pub fn rates_from_counts(counts: &PairCounts, prior: Rates) -> Rates {
    let pull = PRIOR_PAIRS;
    let p = (counts[0] + pull * f64::from(prior.p)) / (counts[0] + counts[1] + pull);
    let q = (counts[2] + pull * f64::from(prior.q)) / (counts[2] + counts[3] + pull);
    Rates {
        p: p as f32,
        q: q as f32,
    }
}

/// The prior rates: the "both sides" rate over all word occurrences of each class.
pub fn prior_from_totals(totals: &PairCounts) -> Rates {
    let rate = |both: f64, one: f64| {
        if both + one > 0.0 {
            (both / (both + one)) as f32
        } else {
            0.5
        }
    };
    Rates {
        p: rate(totals[0], totals[1]),
        q: rate(totals[2], totals[3]),
    }
}

/// Number of word-evidence features.
pub const EVIDENCE_FEATURES: usize = 4;

/// Features from the words of a pair, each given as (on both sides?, its terms):
/// the log-odds of the shared words, the log-odds of the unshared ones, the KL-weighted share
/// of words on both sides, and the most telling unshared word.
pub fn evidence_features(
    words: impl Iterator<Item = (bool, WordTerms)>,
) -> [f32; EVIDENCE_FEATURES] {
    let (mut shared_odds, mut unshared_odds, mut worst_unshared) = (0.0f32, 0.0f32, 0.0f32);
    let (mut kl_shared, mut kl_all) = (0.0f32, 0.0f32);
    for (shared, terms) in words {
        kl_all += terms.divergence;
        if shared {
            shared_odds += terms.shared_odds;
            kl_shared += terms.divergence;
        } else {
            unshared_odds += terms.unshared_odds;
            worst_unshared = worst_unshared.min(terms.unshared_odds);
        }
    }
    [
        shared_odds / 10.0,
        unshared_odds / 10.0,
        if kl_all > 0.0 {
            kl_shared / kl_all
        } else {
            0.0
        },
        worst_unshared,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_by_key_for_binary_search() {
        assert!(WORD_EVIDENCE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            WORD_EVIDENCE
                .iter()
                .all(|e| (0.0..=1.0).contains(&e.1) && (0.0..=1.0).contains(&e.2))
        );
    }

    #[test]
    fn unseen_words_get_the_prior() {
        let rates = rates_of("zzqxjvunseenstem");
        assert_eq!((rates.p, rates.q), EVIDENCE_PRIOR);
    }

    #[test]
    fn smoothing_pulls_rare_words_to_the_prior() {
        let prior = Rates { p: 0.6, q: 0.3 };
        let none = rates_from_counts(&[0.0; 4], prior);
        assert!((none.p - 0.6).abs() < 1e-6 && (none.q - 0.3).abs() < 1e-6);
        let many = rates_from_counts(&[990.0, 10.0, 10.0, 990.0], prior);
        assert!(many.p > 0.98 && many.q < 0.02);
    }

    #[test]
    fn an_unshared_telling_word_lowers_the_odds() {
        let telling = Rates { p: 0.9, q: 0.2 };
        let loose = Rates { p: 0.5, q: 0.45 };
        let missing_telling = evidence_features([(false, telling.terms())].into_iter());
        let missing_loose = evidence_features([(false, loose.terms())].into_iter());
        assert!(missing_telling[1] < missing_loose[1]);
        assert!(missing_telling[3] < missing_loose[3]);
        let both = evidence_features([(true, telling.terms()), (false, loose.terms())].into_iter());
        assert!(both[0] > 0.0 && both[2] > 0.5);
    }

    #[test]
    fn stem_keys_are_stable() {
        // FNV-1a test vectors: the table's keys must never change between builds or OSes.
        assert_eq!(stem_key(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stem_key("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
