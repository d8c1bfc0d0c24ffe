//! Fitting the context model on hand-labelled stories, and scoring it the way
//! `eval_alignment.py` scores groups: a grouped pair of sentences from different outlets is
//! right only when the labellers paired those two sentences; the figure is the macro F1 over
//! stories. `claimdiff fit-context` runs [`fit_report`]: leave-one-story-out figures, then the
//! model fitted on every story given, as the Rust source of `context_weights.rs`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::analysis::claims;
use crate::analysis::comparison::{Link, LinkOrigin};
use crate::analysis::groups::{MAX_CLAIMS_PER_ARTICLE, cluster};
use crate::analysis::matching::context::{CONTEXT_FEATURE_NAMES, CONTEXT_INPUTS, ContextModel};
use crate::analysis::matching::fit::fit_logistic;
use crate::analysis::matching::links::{ScoredCandidates, prepare, score_candidates};
use crate::analysis::matching::settings::DEFAULT_LINK_THRESHOLD;
use crate::ingest::Article;

/// A labelled sentence: `(article, sentence number)`.
pub type SentenceRef = (usize, usize);

/// One hand-labelled story.
#[derive(Debug, Clone, Default)]
pub struct GoldStory {
    /// The story's name (for reports).
    pub name: String,
    /// Its articles, in the order the labels number them.
    pub articles: Vec<Article>,
    /// Per article: every labelled sentence as `(sentence number, start byte, end byte)`.
    pub sentences: Vec<Vec<(usize, usize, usize)>>,
    /// The labelled cross-outlet pairs, each with the smaller reference first.
    pub pairs: HashSet<(SentenceRef, SentenceRef)>,
}

/// L2 penalty of the logistic fit (the bias is not penalised).
const L2_PENALTY: f64 = 1.0;

/// Link cuts tried, on the model's unshifted probability.
const LINK_CUTS: [f32; 12] = [
    0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.28, 0.32, 0.36,
];

/// Group merge bars tried (mean score over the cross-outlet pairs of two groups).
const MERGE_BARS: [f32; 14] = [
    0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.28, 0.32, 0.36,
];

/// A story ready for fitting: its candidates scored once, each labelled.
struct StoryData {
    name: String,
    article_count: usize,
    claim_articles: Vec<usize>,
    /// The labelled sentences each claim covers (the scorer's rule).
    claim_sentences: Vec<Vec<usize>>,
    candidates: ScoredCandidates,
    /// True when the candidate pair joins two sentences the labellers paired.
    labels: Vec<bool>,
    gold: HashSet<(SentenceRef, SentenceRef)>,
    /// Labelled pairs that some candidate joins (the most any grouping can find).
    reachable: usize,
}

/// The labelled sentences a byte range covers: they overlap, by at least half of the sentence
/// or half of the range (the rule of `eval_alignment.py`).
fn covered(sentences: &[(usize, usize, usize)], start: usize, end: usize) -> Vec<usize> {
    sentences
        .iter()
        .filter(|&&(_, a, b)| {
            let overlap = end.min(b).saturating_sub(start.max(a));
            overlap > 0 && (2 * overlap >= b.saturating_sub(a) || 2 * overlap >= end - start)
        })
        .map(|&(i, _, _)| i)
        .collect()
}

fn ordered_pair(x: SentenceRef, y: SentenceRef) -> (SentenceRef, SentenceRef) {
    if x <= y { (x, y) } else { (y, x) }
}

fn prepare_story(story: &GoldStory) -> StoryData {
    let claims = claims::extract(&story.articles);
    let prepared = prepare(&claims, &story.articles);
    let candidates = score_candidates(&prepared, &claims);
    let claim_sentences: Vec<Vec<usize>> = claims
        .iter()
        .map(|c| {
            story
                .sentences
                .get(c.article)
                .map(|s| covered(s, c.span.start, c.span.end))
                .unwrap_or_default()
        })
        .collect();
    let mut reached: HashSet<(SentenceRef, SentenceRef)> = HashSet::new();
    let labels = candidates
        .pairs
        .iter()
        .map(|&(a, b)| {
            let mut labelled = false;
            for &i in &claim_sentences[a] {
                for &j in &claim_sentences[b] {
                    let pair = ordered_pair((claims[a].article, i), (claims[b].article, j));
                    if story.pairs.contains(&pair) {
                        labelled = true;
                        reached.insert(pair);
                    }
                }
            }
            labelled
        })
        .collect();
    StoryData {
        name: story.name.clone(),
        article_count: story.articles.len(),
        claim_articles: claims.iter().map(|c| c.article).collect(),
        claim_sentences,
        candidates,
        labels,
        gold: story.pairs.clone(),
        reachable: reached.len(),
    }
}

/// The group (root claim) of every claim of a story under `model` at the default link
/// threshold, as `compare` would make them.
fn story_roots(story: &StoryData, model: &ContextModel) -> Vec<usize> {
    let links: Vec<Link> = story
        .candidates
        .pairs
        .iter()
        .zip(&story.candidates.inputs)
        .filter_map(|(&(a, b), x)| {
            let score = model.link_score(x);
            (score >= DEFAULT_LINK_THRESHOLD).then(|| Link {
                a,
                b,
                score,
                coverage: 0.0,
                conflicts: Vec::new(),
                origin: LinkOrigin::Matcher,
                in_group: false,
                dismissed: Vec::new(),
            })
        })
        .collect();
    cluster(
        &story.claim_articles,
        story.article_count,
        &links,
        model.merge_mean_score,
        MAX_CLAIMS_PER_ARTICLE,
    )
}

/// Precision, recall and F1 of one story's groups under `model` at the default link threshold.
fn story_scores(story: &StoryData, model: &ContextModel) -> (f64, f64, f64) {
    let roots = story_roots(story, model);
    let mut groups: BTreeMap<usize, BTreeSet<SentenceRef>> = BTreeMap::new();
    for (claim, &root) in roots.iter().enumerate() {
        for &s in &story.claim_sentences[claim] {
            groups
                .entry(root)
                .or_default()
                .insert((story.claim_articles[claim], s));
        }
    }
    let mut predicted: HashSet<(SentenceRef, SentenceRef)> = HashSet::new();
    for members in groups.values() {
        let members: Vec<SentenceRef> = members.iter().copied().collect();
        for (i, &x) in members.iter().enumerate() {
            for &y in &members[i + 1..] {
                if x.0 != y.0 {
                    predicted.insert(ordered_pair(x, y));
                }
            }
        }
    }
    let right = predicted.intersection(&story.gold).count() as f64;
    let precision = if predicted.is_empty() {
        0.0
    } else {
        right / predicted.len() as f64
    };
    let recall = if story.gold.is_empty() {
        0.0
    } else {
        right / story.gold.len() as f64
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// The size of the largest group `model` makes of a story's claims.
fn largest_group(story: &StoryData, model: &ContextModel) -> usize {
    let roots = story_roots(story, model);
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for root in roots {
        *sizes.entry(root).or_default() += 1;
    }
    sizes.into_values().max().unwrap_or(0)
}

/// A story whose groups must stay small: the link cut and merge bar are chosen only among
/// those that keep its largest group at most `max_group` claims.
#[derive(Debug, Clone)]
pub struct GroupGuard {
    /// The articles of the guarded comparison (the built-in demo).
    pub articles: Vec<Article>,
    /// The largest group allowed.
    pub max_group: usize,
}

fn logit(p: f32) -> f32 {
    (p / (1.0 - p)).ln()
}

/// Fit the weights on the stories, then choose the link cut and merge bar that give the best
/// macro F1 over the same stories. The bias is shifted so that the chosen cut falls at
/// [`DEFAULT_LINK_THRESHOLD`].
fn fit_on(stories: &[&StoryData], guard: Option<(&StoryData, usize)>) -> (ContextModel, f64) {
    let mut xs = Vec::new();
    let mut labels = Vec::new();
    for story in stories {
        xs.extend_from_slice(&story.candidates.inputs);
        labels.extend_from_slice(&story.labels);
    }
    let weights: [f32; CONTEXT_INPUTS] = fit_logistic(&xs, &labels, L2_PENALTY);
    let model_at = |cut: f32, bar: f32| {
        let mut shifted = weights;
        shifted[0] += logit(DEFAULT_LINK_THRESHOLD) - logit(cut);
        ContextModel {
            weights: shifted,
            merge_mean_score: bar,
        }
    };
    // The training macro F1 of every (cut, bar) the guard allows.
    let grid: Vec<Vec<Option<f64>>> = LINK_CUTS
        .iter()
        .map(|&cut| {
            MERGE_BARS
                .iter()
                .map(|&bar| {
                    let model = model_at(cut, bar);
                    if guard.is_some_and(|(story, max)| largest_group(story, &model) > max) {
                        return None;
                    }
                    let total: f64 = stories.iter().map(|s| story_scores(s, &model).2).sum();
                    Some(total / stories.len().max(1) as f64)
                })
                .collect()
        })
        .collect();
    // Choose by the mean over each cell and its allowed neighbours: a lone peak between
    // worse values is more likely luck on these stories than a better setting.
    let mut best: Option<(usize, usize, f64)> = None;
    for (i, row) in grid.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            if cell.is_none() {
                continue;
            }
            let mut sum = 0.0;
            let mut count = 0.0;
            let rows = &grid[i.saturating_sub(1)..(i + 2).min(grid.len())];
            for neighbours in rows {
                let cells = &neighbours[j.saturating_sub(1)..(j + 2).min(neighbours.len())];
                for v in cells.iter().flatten() {
                    sum += v;
                    count += 1.0;
                }
            }
            let smoothed = sum / count;
            if best.is_none_or(|(_, _, b)| smoothed > b + 1e-9) {
                best = Some((i, j, smoothed));
            }
        }
    }
    match best {
        Some((i, j, _)) => {
            let model = model_at(LINK_CUTS[i], MERGE_BARS[j]);
            (model, grid[i][j].unwrap_or(0.0))
        }
        None => (model_at(LINK_CUTS[0], MERGE_BARS[0]), 0.0),
    }
}

/// One story's figures under leave-one-story-out.
#[derive(Debug, Clone, PartialEq)]
pub struct FoldResult {
    /// The held-out story.
    pub story: String,
    /// Precision, recall and F1 of its groups under the model fitted on the others.
    pub precision: f64,
    /// See `precision`.
    pub recall: f64,
    /// See `precision`.
    pub f1: f64,
}

/// Leave-one-story-out figures and the model fitted on every story.
#[derive(Debug, Clone)]
pub struct ContextFit {
    /// One entry per story, fitted without it.
    pub folds: Vec<FoldResult>,
    /// The model fitted on all stories.
    pub model: ContextModel,
    /// Its macro F1 on those same stories (in-sample).
    pub train_f1: f64,
    /// Labelled pairs some candidate pair joins, over all stories.
    pub reachable_pairs: usize,
    /// Labelled pairs over all stories.
    pub labelled_pairs: usize,
}

/// Fit the context model on `stories` and cross-validate it one story out; with a `guard`,
/// only cuts and bars that keep its groups small are chosen.
pub fn fit_context(stories: &[GoldStory], guard: Option<&GroupGuard>) -> ContextFit {
    let data: Vec<StoryData> = stories.iter().map(prepare_story).collect();
    let guarded = guard.map(|g| {
        let story = GoldStory {
            name: "guard".to_string(),
            articles: g.articles.clone(),
            ..GoldStory::default()
        };
        (prepare_story(&story), g.max_group)
    });
    let guard = guarded.as_ref().map(|(s, max)| (s, *max));
    let folds = (0..data.len())
        .map(|held| {
            let train: Vec<&StoryData> = data
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != held)
                .map(|(_, s)| s)
                .collect();
            let (model, _) = fit_on(&train, guard);
            let (precision, recall, f1) = story_scores(&data[held], &model);
            FoldResult {
                story: data[held].name.clone(),
                precision,
                recall,
                f1,
            }
        })
        .collect();
    let all: Vec<&StoryData> = data.iter().collect();
    let (model, train_f1) = fit_on(&all, guard);
    ContextFit {
        folds,
        model,
        train_f1,
        reachable_pairs: data.iter().map(|s| s.reachable).sum(),
        labelled_pairs: data.iter().map(|s| s.gold.len()).sum(),
    }
}

/// Score the given model on labelled stories (macro F1 and per-story figures).
pub fn evaluate(stories: &[GoldStory], model: &ContextModel) -> Vec<FoldResult> {
    stories
        .iter()
        .map(|s| {
            let data = prepare_story(s);
            let (precision, recall, f1) = story_scores(&data, model);
            FoldResult {
                story: data.name,
                precision,
                recall,
                f1,
            }
        })
        .collect()
}

/// The mean F1 of fold results.
pub fn macro_f1(folds: &[FoldResult]) -> f64 {
    folds.iter().map(|f| f.f1).sum::<f64>() / folds.len().max(1) as f64
}

/// A readable report: per-story figures (leave one story out), their mean, the fitted weights.
pub fn fit_report(fit: &ContextFit) -> String {
    let mut out = String::from("leave-one-story-out (groups, strict pairs):\n");
    for f in &fit.folds {
        out.push_str(&format!(
            "  P {:.3}  R {:.3}  F1 {:.3}  {}\n",
            f.precision, f.recall, f.f1, f.story
        ));
    }
    out.push_str(&format!(
        "macro F1 {:.3} (leave one story out); {:.3} in-sample with the model below\n",
        macro_f1(&fit.folds),
        fit.train_f1
    ));
    out.push_str(&format!(
        "candidate pairs reach {} of {} labelled pairs\n",
        fit.reachable_pairs, fit.labelled_pairs
    ));
    out.push_str(&format!(
        "merge bar {:.3}; weights:\n",
        fit.model.merge_mean_score
    ));
    for (name, w) in CONTEXT_FEATURE_NAMES.iter().zip(fit.model.weights) {
        out.push_str(&format!("  {w:>8.4}  {name}\n"));
    }
    out
}

/// The Rust source of `context_weights.rs` for a fitted model.
pub fn weights_source(fit: &ContextFit, stories: &[String]) -> String {
    let weights: Vec<String> = fit.model.weights.iter().map(|w| format!("{w:?}")).collect();
    format!(
        "//! The shipped context model. Generated by `claimdiff fit-context`; do not edit by hand.\n\
         //! Fitted on: {}.\n\
         //! Leave-one-story-out macro F1 {:.3}; in-sample {:.3}.\n\
         \n\
         use super::context::ContextModel;\n\
         \n\
         /// The context model fitted on the training stories.\n\
         pub const CONTEXT_MODEL: ContextModel = ContextModel {{\n    \
         weights: [{}],\n    \
         merge_mean_score: {:?},\n\
         }};\n",
        stories.join(", "),
        macro_f1(&fit.folds),
        fit.train_f1,
        weights.join(", "),
        fit.model.merge_mean_score
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import_text;

    #[test]
    fn covered_follows_the_half_overlap_rule() {
        let sentences = [(0, 0, 10), (1, 10, 20), (2, 20, 40)];
        assert_eq!(covered(&sentences, 0, 10), vec![0]);
        assert_eq!(
            covered(&sentences, 8, 20),
            vec![1],
            "2 of 10 bytes of sentence 0"
        );
        assert_eq!(covered(&sentences, 0, 40), vec![0, 1, 2]);
        assert!(covered(&sentences, 40, 50).is_empty());
    }

    /// Two articles of three sentences, labelled so that sentence k of one pairs with
    /// sentence k of the other.
    fn story(name: &str) -> GoldStory {
        let texts = [
            "Dam bursts above the valley town. Four hundred homes were flooded by noon. The mayor asked for army help.",
            "Valley dam gives way, flooding town. By noon the water had reached four hundred homes. Army help was requested by the mayor.",
        ];
        let articles: Vec<Article> = texts.iter().map(|t| import_text(t, None)).collect();
        let sentences = articles
            .iter()
            .map(|a| {
                let text = a.text.as_str();
                let mut out = Vec::new();
                let mut start = 0;
                for (k, part) in text.split_inclusive(". ").enumerate() {
                    out.push((k, start, start + part.trim_end().len()));
                    start += part.len();
                }
                out
            })
            .collect();
        let pairs = (0..3).map(|k| ((0, k), (1, k))).collect();
        GoldStory {
            name: name.to_string(),
            articles,
            sentences,
            pairs,
        }
    }

    #[test]
    fn scores_groups_against_labelled_pairs() {
        let data = prepare_story(&story("dam"));
        assert_eq!(data.claim_articles.len(), 6);
        assert!(data.labels.iter().any(|&l| l), "some candidate is labelled");
        // A model that links everything at the top and never merges loosely: each pair of
        // candidates above the cut joins.
        let mut weights = [0.0; CONTEXT_INPUTS];
        weights[0] = -6.0;
        weights[1] = 12.0;
        let model = ContextModel {
            weights,
            merge_mean_score: 0.1,
        };
        let (precision, recall, f1) = story_scores(&data, &model);
        assert!(precision > 0.0 && recall > 0.0 && f1 > 0.0);
        assert!(precision <= 1.0 && recall <= 1.0);
        // A model that links nothing finds nothing.
        weights[1] = 0.0;
        let none = ContextModel {
            weights,
            merge_mean_score: 0.1,
        };
        assert_eq!(story_scores(&data, &none), (0.0, 0.0, 0.0));
    }

    #[test]
    fn fitting_reports_one_fold_per_story_and_writes_source() {
        let stories = vec![story("one"), story("two"), story("three")];
        let fit = fit_context(&stories, None);
        assert_eq!(fit.folds.len(), 3);
        assert!(fit.train_f1 > 0.5, "the stories are easy: {}", fit.train_f1);
        let names: Vec<String> = stories.iter().map(|s| s.name.clone()).collect();
        let source = weights_source(&fit, &names);
        assert!(source.contains("pub const CONTEXT_MODEL"));
        assert!(source.contains("one, two, three"));
        assert!(fit_report(&fit).contains("macro F1"));
    }
}
