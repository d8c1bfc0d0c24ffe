//! The story-context model: how likely two claims of different articles share a claim, judged
//! from the pair itself *and* its place in the two articles.
//!
//! The sentence-pair scores ([`PairScore`]) only see two sentences. In real coverage the same
//! words recur all through a story, so the pair alone cannot tell the sentence that reports a
//! fact from the ten that mention its actors. The context adds what a reader uses: is this the
//! closest sentence of the other article (rank), are both near the top (the lede restates the
//! headline), are both headlines, do they share names. A logistic model over these inputs is
//! fitted on hand-labelled cross-outlet alignments with `claimdiff fit-context` (leave one story
//! out; README), and its probability is the link score from which links and groups are made.

use crate::analysis::comparison::Claim;
use crate::analysis::conflicts::{number_agreement, time_agreement};
use crate::analysis::matching::features::{
    PairScore, Profile, Vocab, for_each_shared, intersection_len,
};
use crate::analysis::matching::settings::MatchSettings;

/// Model inputs: the bias, then the features described in [`CONTEXT_FEATURE_NAMES`].
pub const CONTEXT_INPUTS: usize = 17;

/// What each input of the context model holds, in order (for reports).
pub const CONTEXT_FEATURE_NAMES: [&str; CONTEXT_INPUTS] = [
    "bias",
    "overlap (IDF cosine)",
    "ln(1 + shared IDF weight)",
    "paraphrase probability",
    "shared capitalised names (at most 3)",
    "both headlines",
    "one headline",
    "1 / rank of B among A's candidates in B's article",
    "1 / rank of A among B's candidates in A's article",
    "exp(-later position / 5): both near the top",
    "two or more shared content words",
    "TF-IDF cosine (squared IDF weights)",
    "linked by the sentence-pair rule alone",
    "some time of each agrees",
    "a time of one differs from the other's",
    "some number of each is near one of the other's",
    "a number of one differs from the other's in the same slot",
];

/// Position scale of the "both near the top" input, in claims.
const EARLY_POSITION_SCALE: f32 = 5.0;

/// Most shared names counted.
const MAX_SHARED_NAMES: usize = 3;

/// A fitted context model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContextModel {
    /// Logistic weights over the inputs of [`context_inputs`]. The bias is shifted so that the
    /// link cut chosen when fitting falls at the default link threshold.
    pub weights: [f32; CONTEXT_INPUTS],
    /// Mean link score over the cross-outlet pairs of two groups from which they merge.
    pub merge_mean_score: f32,
}

/// Input holding "two or more shared content words".
const SHARED_WORDS_INPUT: usize = 10;
/// Input holding "linked by the sentence-pair rule alone".
const SENTENCE_RULE_INPUT: usize = 12;

impl ContextModel {
    /// The link score of one pair's inputs, 0 when the pair may not be linked at all: two
    /// claims that share fewer than two content words (one rare name, one weekday) are linked
    /// only when they read as paraphrases.
    pub fn link_score(&self, inputs: &[f32; CONTEXT_INPUTS]) -> f32 {
        if inputs[SHARED_WORDS_INPUT] > 0.5 || inputs[SENTENCE_RULE_INPUT] > 0.5 {
            self.score(inputs)
        } else {
            0.0
        }
    }

    /// The probability-like score of one pair's inputs.
    pub fn score(&self, inputs: &[f32; CONTEXT_INPUTS]) -> f32 {
        let z: f32 = inputs.iter().zip(&self.weights).map(|(x, w)| x * w).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The cosine of two claims' content words weighted by IDF (TF-IDF vectors with every word
/// counted once).
fn tfidf_cosine(vocab: &Vocab, a: &[u32], b: &[u32]) -> f32 {
    let norm = |ids: &[u32]| ids.iter().map(|&id| vocab.idf(id).powi(2)).sum::<f32>();
    let mut shared = 0.0f32;
    for_each_shared(a, b, |&id| shared += vocab.idf(id).powi(2));
    let denominator = (norm(a) * norm(b)).sqrt();
    if denominator > 0.0 {
        (shared / denominator).min(1.0)
    } else {
        0.0
    }
}

/// Position of every claim within its article (0 for the first claim, usually the headline).
/// Claims come in article order.
pub fn positions_in_article(claims: &[Claim]) -> Vec<usize> {
    let mut out = Vec::with_capacity(claims.len());
    for (i, claim) in claims.iter().enumerate() {
        let position = match (i.checked_sub(1), out.last()) {
            (Some(prev), Some(&p)) if claims[prev].article == claim.article => p + 1,
            _ => 0,
        };
        out.push(position);
    }
    out
}

/// For every pair `(a, b)`: the rank of `b` among `a`'s pairs with claims of `b`'s article, and
/// of `a` among `b`'s pairs with claims of `a`'s article (1 = the highest overlap; ties share
/// the better rank).
pub fn overlap_ranks(
    claims: &[Claim],
    pairs: &[(usize, usize)],
    scores: &[PairScore],
) -> Vec<(u32, u32)> {
    // Per claim: (other article, overlap, pair index, this claim is the pair's `a`).
    let mut per_claim: Vec<Vec<(usize, f32, usize, bool)>> = vec![Vec::new(); claims.len()];
    for (k, (&(a, b), s)) in pairs.iter().zip(scores).enumerate() {
        if a < claims.len() && b < claims.len() {
            per_claim[a].push((claims[b].article, s.overlap, k, true));
            per_claim[b].push((claims[a].article, s.overlap, k, false));
        }
    }
    let mut ranks = vec![(1u32, 1u32); pairs.len()];
    for list in &mut per_claim {
        list.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
        let mut start = 0;
        while start < list.len() {
            let article = list[start].0;
            let end = start + list[start..].partition_point(|e| e.0 == article);
            let mut rank = 1u32;
            for i in start..end {
                if i > start && list[i].1 < list[i - 1].1 {
                    rank = (i - start) as u32 + 1;
                }
                let (_, _, k, is_a) = list[i];
                if is_a {
                    ranks[k].0 = rank;
                } else {
                    ranks[k].1 = rank;
                }
            }
            start = end;
        }
    }
    ranks
}

/// The inputs of the context model for one pair.
#[allow(clippy::too_many_arguments)]
pub fn context_inputs(
    vocab: &Vocab,
    claim_a: &Claim,
    claim_b: &Claim,
    profile_a: &Profile,
    profile_b: &Profile,
    score: &PairScore,
    ranks: (u32, u32),
    positions: (usize, usize),
) -> [f32; CONTEXT_INPUTS] {
    let headlines = u8::from(claim_a.is_headline) + u8::from(claim_b.is_headline);
    let names = intersection_len(&profile_a.names, &profile_b.names).min(MAX_SHARED_NAMES);
    let later = positions.0.max(positions.1) as f32;
    let (times_agree, times_differ) = time_agreement(claim_a, claim_b);
    let (numbers_agree, numbers_differ) = number_agreement(claim_a, claim_b);
    [
        1.0,
        score.overlap,
        score.shared_weight.ln_1p(),
        score.paraphrase,
        names as f32,
        f32::from(headlines == 2),
        f32::from(headlines == 1),
        1.0 / ranks.0.max(1) as f32,
        1.0 / ranks.1.max(1) as f32,
        (-later / EARLY_POSITION_SCALE).exp(),
        f32::from(score.shared_words >= 2),
        tfidf_cosine(vocab, &profile_a.content, &profile_b.content),
        f32::from(MatchSettings::default().links(score)),
        f32::from(times_agree),
        f32::from(times_differ),
        f32::from(numbers_agree),
        f32::from(numbers_differ),
    ]
}

/// The inputs of every pair, in the order of `pairs`.
pub fn all_context_inputs(
    vocab: &Vocab,
    claims: &[Claim],
    profiles: &[Profile],
    pairs: &[(usize, usize)],
    scores: &[PairScore],
) -> Vec<[f32; CONTEXT_INPUTS]> {
    let positions = positions_in_article(claims);
    let ranks = overlap_ranks(claims, pairs, scores);

    pairs
        .iter()
        .zip(scores)
        .zip(ranks)
        .map(|((&(a, b), s), r)| {
            context_inputs(
                vocab,
                &claims[a],
                &claims[b],
                &profiles[a],
                &profiles[b],
                s,
                r,
                (positions[a], positions[b]),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims;
    use crate::ingest::import_text;

    fn score(overlap: f32) -> PairScore {
        PairScore {
            paraphrase: 0.0,
            overlap,
            shared_words: 2,
            shared_weight: 1.0,
            coverage: 0.5,
        }
    }

    fn three_articles() -> Vec<Claim> {
        let articles = vec![
            import_text(
                "Storm floods the valley\n\nThe river rose two metres on Tuesday. Schools in the valley closed early on Tuesday.",
                Some("a.txt"),
            ),
            import_text(
                "Valley flooded\n\nThe river rose by two metres. Shops in the town centre shut their doors.",
                Some("b.txt"),
            ),
            import_text(
                "Flood\n\nHeavy rain fell over the hills all night. The river rose quickly.",
                Some("c.txt"),
            ),
        ];
        claims::extract(&articles)
    }

    #[test]
    fn positions_restart_in_every_article() {
        let claims = three_articles();
        let positions = positions_in_article(&claims);
        for (i, c) in claims.iter().enumerate() {
            let first = claims.iter().position(|x| x.article == c.article).unwrap();
            assert_eq!(positions[i], i - first);
        }
    }

    #[test]
    fn ranks_count_per_other_article_and_share_ties() {
        let claims = three_articles();
        assert_eq!(claims.iter().filter(|c| c.article == 1).count(), 3);
        let a0 = 0;
        let in_b: Vec<usize> = (0..claims.len())
            .filter(|&i| claims[i].article == 1)
            .collect();
        let in_c: Vec<usize> = (0..claims.len())
            .filter(|&i| claims[i].article == 2)
            .collect();
        let pairs = vec![(a0, in_b[0]), (a0, in_b[1]), (a0, in_b[2]), (a0, in_c[0])];
        let scores = vec![score(0.2), score(0.5), score(0.5), score(0.1)];
        let ranks = overlap_ranks(&claims, &pairs, &scores);
        assert_eq!(ranks[1].0, 1, "highest overlap in article b");
        assert_eq!(ranks[2].0, 1, "a tie shares the better rank");
        assert_eq!(ranks[0].0, 3, "two pairs above it");
        assert_eq!(ranks[3].0, 1, "ranked only among article c's claims");
        // Each claim of b has one pair with a0's article: rank 1 from its side.
        assert!(ranks.iter().all(|r| r.1 == 1));
    }

    #[test]
    fn inputs_hold_headline_and_position_flags() {
        let claims = three_articles();
        let prepared = crate::analysis::matching::links::prepare(&claims, &[]);
        let profiles = &prepared.profiles;
        let b0 = claims.iter().position(|c| c.article == 1).unwrap();
        let inputs_at = |positions: (usize, usize)| {
            context_inputs(
                &prepared.vocab,
                &claims[0],
                &claims[b0],
                &profiles[0],
                &profiles[b0],
                &score(0.3),
                (1, 2),
                positions,
            )
        };
        let x = inputs_at((0, 0));
        assert!(claims[0].is_headline && claims[b0].is_headline);
        assert_eq!(x[0], 1.0);
        assert_eq!(x[5], 1.0, "both headlines");
        assert_eq!(x[6], 0.0);
        assert_eq!(x[7], 1.0);
        assert_eq!(x[8], 0.5);
        assert_eq!(x[9], 1.0, "both at the top");
        // A headline against a sentence deep in the other article is not "both near the top".
        let deep = inputs_at((0, 10));
        assert!((deep[9] - (-2.0f32).exp()).abs() < 1e-6, "{}", deep[9]);
    }

    #[test]
    fn score_is_the_logistic_of_the_weighted_sum() {
        let mut weights = [0.0; CONTEXT_INPUTS];
        weights[0] = -1.0;
        weights[1] = 2.0;
        let model = ContextModel {
            weights,
            merge_mean_score: 0.1,
        };
        let mut x = [0.0; CONTEXT_INPUTS];
        x[0] = 1.0;
        x[1] = 0.5;
        assert!((model.score(&x) - 0.5).abs() < 1e-6);
        x[1] = 1.0;
        assert!(model.score(&x) > 0.7);
    }
}
