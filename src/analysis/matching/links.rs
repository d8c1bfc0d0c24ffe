//! Claims of N articles → candidate pairs (inverted index) → scored links with conflicts.
//!
//! Candidates come from an inverted index over content stems with IDF weights: a claim is only
//! scored against the few claims of other articles that share its rarest words, so the cost
//! grows about linearly with the number of articles instead of quadratically.

use std::collections::{HashMap, HashSet};

use crate::analysis::comparison::{Claim, Conflict, Link, LinkOrigin, content_coverage};
use crate::analysis::conflicts::{
    ConflictKeys, find_conflicts, find_conflicts_keyed, weigh_by_link,
};
use crate::analysis::matching::context::{CONTEXT_INPUTS, ContextModel, all_context_inputs};
use crate::analysis::matching::context_weights::CONTEXT_MODEL;
use crate::analysis::matching::features::{PairScore, Profile, Vocab, build_profiles, score_pair};
use crate::analysis::matching::settings::{ClaimPairs, Decisions, MatchSettings};
use crate::analysis::parallel;
use crate::ingest::Article;

/// Candidates kept per claim (the best-scoring by the index's cheap cosine).
const CANDIDATES_PER_CLAIM: usize = 20;

/// Minimum cheap cosine for a pair to become a candidate.
const MIN_CANDIDATE_COSINE: f32 = 0.04;

/// Claims from which candidate generation is split over threads (below, threads cost more
/// than they save).
const PARALLEL_CANDIDATE_CLAIMS: usize = 2_000;

/// Words in more than this share of claims (and more than a few) are too common to index.
const MAX_INDEXED_DOC_SHARE: f32 = 0.5;

/// Profiles of every claim given (one story's, in `compare`), ready for matching.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Word ids and document frequencies over the claims given.
    pub vocab: Vocab,
    /// One profile per claim, same order as the claims.
    pub profiles: Vec<Profile>,
}

/// Build the profiles of the claims given (IDF counted over them: `compare` passes one story's
/// claims at a time).
pub fn prepare(claims: &[Claim], _articles: &[Article]) -> Prepared {
    let (vocab, profiles) = build_profiles(claims.iter().map(|c| c.text.as_str()));
    Prepared { vocab, profiles }
}

/// The best candidates of one claim so far: `(cosine, other claim)`, best first, at most
/// [`CANDIDATES_PER_CLAIM`]. Better means a higher cosine, then a lower index — a total order,
/// so the kept set does not depend on the order candidates are offered in.
fn offer(best: &mut Vec<(f32, u32)>, cosine: f32, other: u32) {
    let beats = |(c, j): (f32, u32)| cosine.total_cmp(&c).then(j.cmp(&other)).is_gt();
    if best.len() >= CANDIDATES_PER_CLAIM && !best.last().is_some_and(|&kept| beats(kept)) {
        return;
    }
    let at = best.partition_point(|&kept| !beats(kept));
    best.insert(at, (cosine, other));
    best.truncate(CANDIDATES_PER_CLAIM);
}

/// Candidate pairs `(a, b)` with `a < b`, from claims of different articles, sorted.
///
/// Each claim keeps its [`CANDIDATES_PER_CLAIM`] best partners by the IDF cosine over indexed
/// content words. The cosine is symmetric and computed once per pair (from the lower index):
/// both sides add the IDF of the same shared words in the same ascending id order, so the
/// value is bit-for-bit the one either side would compute.
pub fn candidate_pairs(prepared: &Prepared, claims: &[Claim]) -> Vec<(usize, usize)> {
    let workers = if prepared.profiles.len() >= PARALLEL_CANDIDATE_CLAIMS {
        parallel::threads()
    } else {
        1
    };
    candidate_pairs_split(prepared, claims, workers)
}

/// [`candidate_pairs`] over `workers` threads.
fn candidate_pairs_split(
    prepared: &Prepared,
    claims: &[Claim],
    workers: usize,
) -> Vec<(usize, usize)> {
    let vocab = &prepared.vocab;
    let profiles = &prepared.profiles;
    let n = profiles.len().min(claims.len());
    let max_df = ((vocab.docs() as f32 * MAX_INDEXED_DOC_SHARE) as u32).max(8);
    // Postings indexed by word id, in ascending claim order; dense arrays instead of hash maps
    // keep the inner loop to plain loads.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for (i, profile) in profiles.iter().enumerate().take(n) {
        for &id in &profile.content {
            if vocab.doc_freq(id) <= max_df
                && let Some(list) = postings.get_mut(id as usize)
            {
                list.push(i as u32);
            }
        }
    }
    // Claims come in article order, so the later claims of claim i's article are the run
    // i+1..article_end[i].
    let mut article_end = vec![n; n];
    for i in (0..n.saturating_sub(1)).rev() {
        article_end[i] = if claims[i + 1].article == claims[i].article {
            article_end[i + 1]
        } else {
            i + 1
        };
    }
    // Each worker takes the claims i with i % workers == its number (the early claims have the
    // most later partners, so interleaving balances the work) and keeps its own best lists;
    // every pair is offered by exactly one worker, and merging the lists by offering again
    // gives the same kept set as one pass, since the order is total.
    let mut parts = parallel::split(workers, |worker, workers| {
        let mut best: Vec<Vec<(f32, u32)>> = vec![Vec::new(); n];
        let mut accumulated = vec![0.0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        for (i, profile) in profiles
            .iter()
            .enumerate()
            .take(n)
            .skip(worker)
            .step_by(workers)
        {
            let later_start = article_end[i] as u32;
            for &id in &profile.content {
                let Some(list) = postings.get(id as usize) else {
                    continue;
                };
                let weight = vocab.idf(id);
                // Only later claims of other articles: each pair once, from its lower index.
                let first = list.partition_point(|&j| j < later_start);
                for &j in &list[first..] {
                    let j = j as usize;
                    // Every IDF is positive, so 0.0 means "not reached yet".
                    if accumulated[j] == 0.0 {
                        touched.push(j);
                    }
                    accumulated[j] += weight;
                }
            }
            for &j in &touched {
                let shared = std::mem::take(&mut accumulated[j]);
                let norm = (profile.content_weight * profiles[j].content_weight).sqrt();
                let cosine = if norm > 0.0 { shared / norm } else { 0.0 };
                if cosine >= MIN_CANDIDATE_COSINE {
                    offer(&mut best[i], cosine, j as u32);
                    offer(&mut best[j], cosine, i as u32);
                }
            }
            touched.clear();
        }
        best
    });
    let mut best = if parts.is_empty() {
        vec![Vec::new(); n]
    } else {
        parts.swap_remove(0)
    };
    for part in parts {
        for (kept, more) in best.iter_mut().zip(part) {
            for (cosine, j) in more {
                offer(kept, cosine, j);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = best
        .iter()
        .enumerate()
        .flat_map(|(i, kept)| {
            kept.iter().map(move |&(_, j)| {
                let j = j as usize;
                (i.min(j), i.max(j))
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Every candidate pair with its sentence-pair scores and its context-model inputs.
#[derive(Debug, Default)]
pub struct ScoredCandidates {
    /// Candidate pairs `(a, b)`, `a < b`, sorted (see [`candidate_pairs`]).
    pub pairs: Vec<(usize, usize)>,
    /// The sentence-pair scores, one per pair.
    pub scores: Vec<PairScore>,
    /// The context model's inputs, one per pair.
    pub inputs: Vec<[f32; CONTEXT_INPUTS]>,
}

/// Find the candidates and score each pair, alone and in the context of its two articles.
pub fn score_candidates(prepared: &Prepared, claims: &[Claim]) -> ScoredCandidates {
    let pairs = candidate_pairs(prepared, claims);
    let scores: Vec<PairScore> = parallel::map(&pairs, 256, |&(a, b)| {
        score_pair(
            &prepared.vocab,
            &prepared.profiles[a],
            &prepared.profiles[b],
        )
    });
    let inputs = all_context_inputs(&prepared.vocab, claims, &prepared.profiles, &pairs, &scores);
    ScoredCandidates {
        pairs,
        scores,
        inputs,
    }
}

/// Score the candidates, keep those above the threshold, apply the user's decisions.
pub fn find_links(
    prepared: &Prepared,
    claims: &[Claim],
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Vec<Link> {
    find_links_with(
        &score_candidates(prepared, claims),
        &CONTEXT_MODEL,
        claims,
        decisions,
        settings,
    )
}

/// [`find_links`] over candidates already scored, with the given context model.
pub fn find_links_with(
    candidates: &ScoredCandidates,
    model: &ContextModel,
    claims: &[Claim],
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Vec<Link> {
    // The user's decisions as sets, so that each candidate pair is one lookup however much
    // the user has curated.
    let unlinked = pair_set(&decisions.unlinks);
    let user_linked = pair_set(&decisions.links);
    let decided = |set: &HashSet<(&str, &str)>, a: usize, b: usize| {
        !set.is_empty() && set.contains(&ordered(claims[a].id.0.as_str(), claims[b].id.0.as_str()))
    };
    let scored = candidates
        .pairs
        .iter()
        .zip(&candidates.inputs)
        .zip(&candidates.scores)
        .filter_map(|((&(a, b), inputs), pair)| {
            if decided(&unlinked, a, b) {
                return None;
            }
            let score = model.link_score(inputs);
            let matched = score >= settings.link_threshold;
            if matched || decided(&user_linked, a, b) {
                let user = !matched;
                Some((a, b, if user { 1.0 } else { score }, user, pair.coverage))
            } else {
                None
            }
        });
    let scored: Vec<(usize, usize, f32, bool, f32)> = scored.collect();
    let mut needs_keys = vec![false; claims.len()];
    for &(a, b, _, _, _) in &scored {
        needs_keys[a] = true;
        needs_keys[b] = true;
    }
    let keyed: Vec<usize> = (0..claims.len()).filter(|&i| needs_keys[i]).collect();
    let mut keys: Vec<Option<ConflictKeys>> = vec![None; claims.len()];
    for (i, k) in keyed
        .iter()
        .zip(parallel::map(&keyed, 64, |&i| ConflictKeys::of(&claims[i])))
    {
        keys[*i] = Some(k);
    }
    let conflicts = |a: usize, b: usize| match (&keys[a], &keys[b]) {
        (Some(ka), Some(kb)) => find_conflicts_keyed(&claims[a], ka, &claims[b], kb),
        _ => find_conflicts(&claims[a], &claims[b]),
    };
    let mut links: Vec<Link> = parallel::map(&scored, 128, |&(a, b, score, user, coverage)| Link {
        a,
        b,
        score,
        coverage,
        conflicts: if user {
            conflicts(a, b)
        } else {
            weigh_by_link(conflicts(a, b), score)
        },
        origin: if user {
            LinkOrigin::User
        } else {
            LinkOrigin::Matcher
        },
        in_group: false,
        dismissed: Vec::new(),
    });
    let index: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.0.as_str(), i))
        .collect();
    for (x, y) in &decisions.links {
        let (Some(&i), Some(&j)) = (index.get(x.0.as_str()), index.get(y.0.as_str())) else {
            continue;
        };
        if i == j {
            continue;
        }
        let (a, b) = (i.min(j), i.max(j));
        if links.iter().any(|l| l.a == a && l.b == b) {
            continue;
        }
        links.push(user_link(claims, a, b, conflicts(a, b)));
    }
    links.sort_by_key(|l| (l.a, l.b));
    links
}

/// The link the user drew between claims `a` and `b` (indices into `claims`, `a < b`), with
/// the differences found between them.
fn user_link(claims: &[Claim], a: usize, b: usize, conflicts: Vec<Conflict>) -> Link {
    Link {
        a,
        b,
        score: 1.0,
        coverage: content_coverage(&claims[a].text, &claims[b].text),
        // The user says these state the same thing: their differences count in full.
        conflicts,
        origin: LinkOrigin::User,
        in_group: false,
        dismissed: Vec::new(),
    }
}

/// The user's links between two claims that were not matched together — `same_part(a, b)` is
/// false: claims of two different stories, each story matched on its own — sorted.
pub fn user_links_across(
    claims: &[Claim],
    decisions: &Decisions,
    same_part: impl Fn(usize, usize) -> bool,
) -> Vec<Link> {
    if decisions.links.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.0.as_str(), i))
        .collect();
    let mut pairs: Vec<(usize, usize)> = decisions
        .links
        .iter()
        .filter_map(|(x, y)| Some((*index.get(x.0.as_str())?, *index.get(y.0.as_str())?)))
        .filter(|&(i, j)| i != j && !same_part(i, j))
        .map(|(i, j)| (i.min(j), i.max(j)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(a, b)| user_link(claims, a, b, find_conflicts(&claims[a], &claims[b])))
        .collect()
}

/// The two ids of a pair in a fixed order.
fn ordered<'a>(x: &'a str, y: &'a str) -> (&'a str, &'a str) {
    if x <= y { (x, y) } else { (y, x) }
}

/// Pairs of claim ids as an order-independent set.
fn pair_set(pairs: &ClaimPairs) -> HashSet<(&str, &str)> {
    pairs
        .iter()
        .map(|(x, y)| ordered(x.0.as_str(), y.0.as_str()))
        .collect()
}

/// Conflict kinds that stop two sentences from meaning the same. Source, quote-wording and
/// negation differences are shown to users but, judged on MRPC train, are too often a
/// rewording of one statement to veto a paraphrase on their own.
pub fn vetoes_paraphrase(kind: crate::analysis::comparison::ConflictKind) -> bool {
    use crate::analysis::comparison::ConflictKind;
    matches!(kind, ConflictKind::Number | ConflictKind::Time)
}

/// The result of scoring one sentence pair the way `compare` would.
#[derive(Debug, Clone, PartialEq)]
pub struct PairVerdict {
    /// Both readings of the pair.
    pub score: PairScore,
    /// True when `compare` would link the pair.
    pub linked: bool,
    /// True when the pair reaches the paraphrase threshold.
    pub paraphrase: bool,
    /// Facts in the same slot that differ.
    pub conflicts: Vec<crate::analysis::comparison::Conflict>,
}

impl PairVerdict {
    /// The MRPC notion of a paraphrase: linked as paraphrases and with no conflicting fact.
    pub fn same_meaning(&self) -> bool {
        self.paraphrase && !self.conflicts.iter().any(|c| vetoes_paraphrase(c.kind))
    }
}

/// Score sentence pairs with the same function `compare` uses. IDF is counted over all the
/// sentences given, as `compare` counts it over each story's claims.
pub fn score_pairs(pairs: &[(String, String)], settings: &MatchSettings) -> Vec<PairVerdict> {
    let texts = pairs.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]);
    let (vocab, profiles) = build_profiles(texts);
    pairs
        .iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let s = score_pair(&vocab, &profiles[2 * i], &profiles[2 * i + 1]);
            let claim_a = crate::analysis::claims::sentence_claim(a);
            let claim_b = crate::analysis::claims::sentence_claim(b);
            PairVerdict {
                score: s,
                linked: settings.links(&s),
                paraphrase: s.paraphrase >= settings.paraphrase_threshold,
                conflicts: find_conflicts(&claim_a, &claim_b),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pipeline::compare;
    use crate::ingest::import_text;

    const LEFT: &str = "Rescuers pulled all nine trapped miners out alive late on Saturday night";
    const RIGHT: &str =
        "All nine trapped miners were pulled out alive by rescuers on Saturday night";

    #[test]
    fn compare_and_pairs_use_the_same_scoring_function() {
        // Two articles that are nothing but a headline each: `compare` sees exactly the two
        // sentences `pairs` sees, so both must give the same sentence scores and conflicts;
        // compare's link score is the context model's reading of those scores.
        let articles = [import_text(LEFT, None), import_text(RIGHT, None)];
        let comparison = compare(&articles, &Decisions::default(), &MatchSettings::default());
        assert_eq!(comparison.claims.len(), 2);
        let verdicts = score_pairs(
            &[(LEFT.to_string(), RIGHT.to_string())],
            &MatchSettings::default(),
        );
        let prepared = prepare(&comparison.claims, &articles);
        let candidates = score_candidates(&prepared, &comparison.claims);
        assert_eq!(candidates.pairs, vec![(0, 1)]);
        assert_eq!(candidates.scores[0], verdicts[0].score);
        assert_eq!(comparison.links.len(), 1);
        let link = &comparison.links[0];
        assert_eq!(link.score, CONTEXT_MODEL.link_score(&candidates.inputs[0]));
        assert_eq!(link.conflicts, verdicts[0].conflicts);
        // The matcher's share of shared content words is the one user links get from text.
        let from_text = content_coverage(LEFT, RIGHT);
        assert!(from_text > 0.5, "{from_text}");
        assert!(
            (link.coverage - from_text).abs() < 1e-6,
            "{} vs {from_text}",
            link.coverage
        );
    }

    #[test]
    fn candidates_only_pair_claims_of_different_articles() {
        let articles = [
            import_text(
                "Storm closes port\n\nThe storm closed the port on Monday. The storm closed the port again.",
                None,
            ),
            import_text(
                "Port shut by storm\n\nA storm shut the port on Monday.",
                None,
            ),
        ];
        let claims = crate::analysis::claims::extract(&articles);
        let prepared = prepare(&claims, &articles);
        let pairs = candidate_pairs(&prepared, &claims);
        assert!(!pairs.is_empty());
        for (a, b) in pairs {
            assert_ne!(claims[a].article, claims[b].article);
        }
    }

    /// The candidate rule written out directly: every claim against every claim of another
    /// article, its best few by cosine over indexed words.
    fn brute_force_candidates(prepared: &Prepared, claims: &[Claim]) -> Vec<(usize, usize)> {
        let vocab = &prepared.vocab;
        let max_df = ((vocab.docs() as f32 * MAX_INDEXED_DOC_SHARE) as u32).max(8);
        let mut pairs = Vec::new();
        for (i, p) in prepared.profiles.iter().enumerate() {
            let mut ranked: Vec<(usize, f32)> = Vec::new();
            for (j, q) in prepared.profiles.iter().enumerate() {
                if claims[i].article == claims[j].article {
                    continue;
                }
                let mut shared = 0.0f32;
                for id in &p.content {
                    if vocab.doc_freq(*id) <= max_df && q.content.contains(id) {
                        shared += vocab.idf(*id);
                    }
                }
                let norm = (p.content_weight * q.content_weight).sqrt();
                let cosine = if norm > 0.0 { shared / norm } else { 0.0 };
                if shared > 0.0 && cosine >= MIN_CANDIDATE_COSINE {
                    ranked.push((j, cosine));
                }
            }
            ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            for (j, _) in ranked.into_iter().take(CANDIDATES_PER_CLAIM) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    #[test]
    fn candidates_equal_the_brute_force_rule() {
        // Five small invented articles about two events, with repeated words so that some
        // claims have more than CANDIDATES_PER_CLAIM partners.
        let texts = [
            "Storm closes port\n\nThe storm closed the port on Monday. Ships waited outside the port. The harbour master said ships would wait. Cranes stood still at the port.",
            "Port shut by storm\n\nA storm shut the port on Monday. Dozens of ships waited at sea. Port cranes stopped. The harbour master expects ships to return.",
            "Harbour closed\n\nThe harbour closed as a storm hit. Ships anchored outside the harbour. The port reopened later. Cranes restarted at the port.",
            "Election count\n\nVotes were counted overnight in the city. The mayor won a second term. Turnout rose in the city.",
            "Mayor re-elected\n\nThe mayor won re-election after an overnight count. City turnout was higher. The storm did not stop voters.",
        ];
        let articles: Vec<_> = texts.iter().map(|t| import_text(t, None)).collect();
        let claims = crate::analysis::claims::extract(&articles);
        let prepared = prepare(&claims, &articles);
        let expected = brute_force_candidates(&prepared, &claims);
        assert!(expected.len() > 10);
        assert_eq!(candidate_pairs(&prepared, &claims), expected);
        for workers in [2, 3] {
            assert_eq!(candidate_pairs_split(&prepared, &claims, workers), expected);
        }
    }

    #[test]
    fn offer_keeps_the_best_in_a_total_order() {
        let mut best = Vec::new();
        for (k, cosine) in [0.5f32, 0.9, 0.5, 0.1, 0.7, 0.5].into_iter().enumerate() {
            offer(&mut best, cosine, 20 - k as u32);
        }
        assert_eq!(best[0], (0.9, 19));
        assert_eq!(&best[2..5], &[(0.5, 15), (0.5, 18), (0.5, 20)]);
        for k in 0..40 {
            offer(&mut best, 0.6, k);
        }
        assert_eq!(best.len(), CANDIDATES_PER_CLAIM);
        assert!(best.iter().all(|&(c, _)| c >= 0.6));
    }

    #[test]
    fn unlinks_remove_and_user_links_add() {
        let articles = [import_text(LEFT, None), import_text(RIGHT, None)];
        let base = compare(&articles, &Decisions::default(), &MatchSettings::default());
        let (a, b) = (base.claims[0].id.clone(), base.claims[1].id.clone());
        let unlinked = Decisions {
            unlinks: vec![(a.clone(), b.clone())].into(),
            ..Decisions::default()
        };
        let c = compare(&articles, &unlinked, &MatchSettings::default());
        assert!(c.links.is_empty());
        assert_ne!(c.claims[0].group, c.claims[1].group);
        assert!(c.groups.iter().any(|g| g.user_curated));
        // The order the user picked the two claims in does not matter.
        let reversed = Decisions {
            unlinks: vec![(b.clone(), a.clone())].into(),
            ..Decisions::default()
        };
        assert!(
            compare(&articles, &reversed, &MatchSettings::default())
                .links
                .is_empty()
        );

        let far = [
            import_text(LEFT, None),
            import_text("Fans queued overnight for concert tickets", None),
        ];
        let ids = compare(&far, &Decisions::default(), &MatchSettings::default());
        assert!(ids.links.is_empty());
        let linked = Decisions {
            links: vec![(ids.claims[1].id.clone(), ids.claims[0].id.clone())].into(),
            ..Decisions::default()
        };
        let c = compare(&far, &linked, &MatchSettings::default());
        assert_eq!(c.links.len(), 1);
        assert_eq!(c.links[0].origin, LinkOrigin::User);
        assert_eq!(c.claims[0].group, c.claims[1].group);
    }
}
