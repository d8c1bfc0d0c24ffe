//! Fitting the matcher: word-evidence rates counted on training pairs, then logistic
//! regression by Newton's method (IRLS) over the quadratic pair features, plus the evaluation
//! helpers used to report quality. `claimdiff fit-matcher TRAIN.tsv` runs it and prints the
//! generated `src/analysis/matching/weights.rs`, so the shipped model can be reproduced from MRPC
//! train alone.

use crate::analysis::claims::sentence_claim;
use crate::analysis::conflicts::find_conflicts;
use crate::analysis::matching::evidence::{
    MIN_PAIRS, PairCounts, Rates, prior_from_totals, rates_from_counts,
};
use crate::analysis::matching::features::{
    FEATURE_NAMES, MODEL_INPUTS, Profile, StemUnion, Vocab, build_profiles, features_with_terms,
    model_inputs,
};
use crate::analysis::text::words::FxHashMap;

/// Weights and threshold found by [`fit_logistic`] and [`best_threshold`], and the
/// word-evidence table they go with.
#[derive(Debug, Clone, PartialEq)]
pub struct FitResult {
    /// Logistic weights over [`model_inputs`].
    pub weights: [f32; MODEL_INPUTS],
    /// Link threshold that maximises training accuracy of "linked and no conflict".
    pub threshold: f32,
    /// Training accuracy at that threshold.
    pub train_accuracy: f32,
    /// Word-evidence rates of the stems seen in at least [`MIN_PAIRS`] pairs, sorted by key.
    pub evidence: Vec<(u64, Rates)>,
    /// The rates of every other word.
    pub prior: Rates,
}

/// Solve `a x = b` by Gaussian elimination with partial pivoting; `None` when singular.
// Row operations read one row while writing another, which index loops say most plainly.
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            for k in col..n {
                a[row][k] -= factor * a[col][k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - sum) / a[row][row];
    }
    Some(x)
}

/// L2-regularised logistic regression by Newton's method (the bias is not penalised).
// The Hessian is filled by index, one triangle mirrored onto the other.
#[allow(clippy::needless_range_loop)]
pub fn fit_logistic<const N: usize>(xs: &[[f32; N]], labels: &[bool], l2: f64) -> [f32; N] {
    let mut w = [0.0f64; N];
    for _ in 0..50 {
        let mut grad = vec![0.0f64; N];
        let mut hess = vec![vec![0.0f64; N]; N];
        for (x, &y) in xs.iter().zip(labels) {
            let x: Vec<f64> = x.iter().map(|v| f64::from(*v)).collect();
            let z: f64 = x.iter().zip(&w).map(|(xi, wi)| xi * wi).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if y { 1.0 } else { 0.0 };
            let curvature = (p * (1.0 - p)).max(1e-9);
            for i in 0..N {
                if x[i] == 0.0 {
                    continue;
                }
                grad[i] += err * x[i];
                let scaled = curvature * x[i];
                let row = &mut hess[i];
                for j in i..N {
                    row[j] += scaled * x[j];
                }
            }
        }
        for i in 0..N {
            for j in 0..i {
                hess[i][j] = hess[j][i];
            }
        }
        for i in 1..N {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let mut largest = 0.0f64;
        for i in 0..N {
            w[i] -= step[i];
            largest = largest.max(step[i].abs());
        }
        if largest < 1e-7 {
            break;
        }
    }
    w.map(|x| x as f32)
}

/// The threshold in [0.2, 0.8] that maximises accuracy of `p >= t && !conflicted`.
pub fn best_threshold(probs: &[f32], labels: &[bool], conflicted: &[bool]) -> (f32, f32) {
    let mut best = (0.5f32, 0.0f32);
    for step in 20..=80 {
        let t = step as f32 / 100.0;
        let correct = probs
            .iter()
            .zip(labels)
            .zip(conflicted)
            .filter(|((p, y), c)| ((**p >= t) && !**c) == **y)
            .count();
        let accuracy = correct as f32 / probs.len().max(1) as f32;
        if accuracy > best.1 {
            best = (t, accuracy);
        }
    }
    best
}

/// Accuracy and F1 of the decision "paraphrase and no vetoing conflict" under k-fold
/// cross-validation: each fold is scored by a model (word evidence, weights, threshold) fitted
/// on the other folds only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrossValidation {
    /// Number of folds.
    pub folds: usize,
    /// Pooled accuracy over all held-out pairs (0–1).
    pub accuracy: f32,
    /// Pooled F1 of the positive ("same meaning") class (0–1).
    pub f1: f32,
}

/// Regularisation strength of the fit (L2 on every weight but the bias).
const L2: f64 = 1.0;

/// Labelled sentence pairs prepared for fitting: profiles (pair `i` is `2i`, `2i + 1`) and
/// whether a vetoing conflict stands between the two sentences.
struct PairData {
    vocab: Vocab,
    profiles: Vec<Profile>,
    labels: Vec<bool>,
    conflicted: Vec<bool>,
}

impl PairData {
    fn new(pairs: &[(String, String)], labels: &[bool]) -> Self {
        let (vocab, profiles) =
            build_profiles(pairs.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]));
        let conflicted = pairs
            .iter()
            .map(|(a, b)| {
                find_conflicts(&sentence_claim(a), &sentence_claim(b))
                    .iter()
                    .any(|c| crate::analysis::matching::links::vetoes_paraphrase(c.kind))
            })
            .collect();
        PairData {
            vocab,
            profiles,
            labels: labels.to_vec(),
            conflicted,
        }
    }

    fn pair(&self, i: usize) -> (&Profile, &Profile) {
        (&self.profiles[2 * i], &self.profiles[2 * i + 1])
    }
}

/// Word-evidence counts over some training pairs, keyed like the shipped table.
struct EvidenceCounts {
    counts: FxHashMap<u64, PairCounts>,
    prior: Rates,
}

/// The slot of [`PairCounts`] a word of a pair falls in.
fn count_slot(paraphrase: bool, shared: bool) -> usize {
    match (paraphrase, shared) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (false, false) => 3,
    }
}

impl EvidenceCounts {
    fn count(data: &PairData, pairs: &[usize]) -> Self {
        let mut counts: FxHashMap<u64, PairCounts> = FxHashMap::default();
        let mut totals: PairCounts = [0.0; 4];
        for &i in pairs {
            let (a, b) = data.pair(i);
            let paraphrase = data.labels[i];
            for (id, shared) in StemUnion::new(a, b) {
                let slot = count_slot(paraphrase, shared);
                counts.entry(data.vocab.key(id)).or_insert([0.0; 4])[slot] += 1.0;
                totals[slot] += 1.0;
            }
        }
        EvidenceCounts {
            counts,
            prior: prior_from_totals(&totals),
        }
    }

    /// The rates of a word as the shipped table would give them; `own` = the label of a
    /// training pair and whether the word is on both of its sides, whose own count is left out.
    fn rates(&self, key: u64, own: Option<(bool, bool)>) -> Rates {
        let mut counts = self.counts.get(&key).copied().unwrap_or([0.0; 4]);
        if let Some((paraphrase, shared)) = own {
            let slot = count_slot(paraphrase, shared);
            counts[slot] = (counts[slot] - 1.0).max(0.0);
        }
        if counts.iter().sum::<f64>() < f64::from(MIN_PAIRS) {
            self.prior
        } else {
            rates_from_counts(&counts, self.prior)
        }
    }

    /// The table to ship: the rates of every word seen often enough, sorted by key.
    fn table(&self) -> Vec<(u64, Rates)> {
        let mut table: Vec<(u64, Rates)> = self
            .counts
            .iter()
            .filter(|(_, c)| c.iter().sum::<f64>() >= f64::from(MIN_PAIRS))
            .map(|(key, c)| (*key, rates_from_counts(c, self.prior)))
            .collect();
        table.sort_by_key(|e| e.0);
        table
    }

    /// Model inputs of pair `i`; `training` leaves the pair's own counts out, as if the pair
    /// were unseen (otherwise the fit would learn to trust the evidence too much).
    fn inputs(&self, data: &PairData, i: usize, training: bool) -> [f32; MODEL_INPUTS] {
        let (a, b) = data.pair(i);
        let own_label = training.then_some(data.labels[i]);
        let features = features_with_terms(&data.vocab, a, b, |id, shared| {
            self.rates(data.vocab.key(id), own_label.map(|y| (y, shared)))
                .terms()
        });
        model_inputs(&features)
    }
}

/// Fit evidence, weights and threshold on the pairs `train` of `data` (the threshold on all of
/// them, the weights on those without a vetoing conflict).
fn fit_on(data: &PairData, train: &[usize]) -> (EvidenceCounts, [f32; MODEL_INPUTS], f32, f32) {
    let evidence = EvidenceCounts::count(data, train);
    let xs: Vec<[f32; MODEL_INPUTS]> = train
        .iter()
        .map(|&i| evidence.inputs(data, i, true))
        .collect();
    let pick = |v: &[bool]| train.iter().map(|&i| v[i]).collect::<Vec<bool>>();
    let labels = pick(&data.labels);
    // The weights learn from pairs without a vetoing conflict only: on the others the decision
    // is "different" whatever the score, and `compare` wants such pairs (the same statement with
    // another figure) scored as alike so that their conflict is shown, not learned as unlike.
    let free: Vec<usize> = (0..train.len())
        .filter(|&k| !data.conflicted[train[k]])
        .collect();
    let free_xs: Vec<[f32; MODEL_INPUTS]> = free.iter().map(|&k| xs[k]).collect();
    let free_labels: Vec<bool> = free.iter().map(|&k| labels[k]).collect();
    let weights = fit_logistic(&free_xs, &free_labels, L2);
    let probs: Vec<f32> = xs.iter().map(|x| logistic(x, &weights)).collect();
    let (threshold, accuracy) = best_threshold(&probs, &labels, &pick(&data.conflicted));
    (evidence, weights, threshold, accuracy)
}

/// The logistic of already expanded model inputs.
fn logistic(inputs: &[f32; MODEL_INPUTS], weights: &[f32; MODEL_INPUTS]) -> f32 {
    let z: f32 = inputs.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Cross-validate the matcher on labelled sentence pairs: fold `k` holds the pairs whose index
/// is `k` modulo `folds`, and is scored by a model fitted on the other folds.
pub fn cross_validate_pairs(
    pairs: &[(String, String)],
    labels: &[bool],
    folds: usize,
) -> CrossValidation {
    let data = PairData::new(pairs, labels);
    let folds = folds.max(2);
    let (mut tp, mut fp, mut fn_, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for k in 0..folds {
        let train: Vec<usize> = (0..pairs.len()).filter(|i| i % folds != k).collect();
        let (evidence, weights, threshold, _) = fit_on(&data, &train);
        for i in (0..pairs.len()).filter(|i| i % folds == k) {
            let p = logistic(&evidence.inputs(&data, i, false), &weights);
            let said = p >= threshold && !data.conflicted[i];
            match (said, labels[i]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
            correct += usize::from(said == labels[i]);
        }
    }
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * tp as f32 / (2 * tp + fp + fn_) as f32
    };
    CrossValidation {
        folds,
        accuracy: correct as f32 / pairs.len().max(1) as f32,
        f1,
    }
}

/// Fit word evidence, weights and threshold on labelled sentence pairs.
pub fn fit_pairs(pairs: &[(String, String)], labels: &[bool]) -> FitResult {
    let data = PairData::new(pairs, labels);
    let all: Vec<usize> = (0..pairs.len()).collect();
    let (evidence, weights, threshold, train_accuracy) = fit_on(&data, &all);
    FitResult {
        weights,
        threshold,
        train_accuracy,
        evidence: evidence.table(),
        prior: evidence.prior,
    }
}

/// The fit as the Rust source of `src/analysis/matching/weights.rs`, with the cross-validated
/// quality of the same procedure on the same pairs in its header.
pub fn fit_report(fit: &FitResult, cv: &CrossValidation, pairs: usize) -> String {
    let mut out = String::from(
        "//! The matcher's fitted model, GENERATED by `claimdiff fit-matcher` (see `fit.rs`):\n\
         //! `cargo build --release && target/release/claimdiff fit-matcher \\\n\
         //!    ../shared/data/mrpc/msr-para-train.tsv > model.rs && mv model.rs src/analysis/matching/weights.rs`\n\
         //! Do not edit by hand. Word stems appear only as 64-bit FNV-1a hashes.\n//!\n",
    );
    out.push_str(&format!(
        "//! Fitted on {pairs} pairs; training accuracy {:.1}%; {}-fold cross-validation of the\n\
         //! whole procedure: accuracy {:.1}%, F1 {:.1}%.\n\n",
        100.0 * fit.train_accuracy,
        cv.folds,
        100.0 * cv.accuracy,
        100.0 * cv.f1
    ));
    out.push_str(&format!(
        "/// Threshold on the paraphrase probability that maximised training accuracy.\n\
         pub const PARAPHRASE_THRESHOLD: f32 = {:.2};\n\n",
        fit.threshold
    ));
    out.push_str(
        "/// Logistic weights over `features::model_inputs`: the bias, the features, then their\n\
         /// products. Linear weights:\n",
    );
    for (name, weight) in FEATURE_NAMES.iter().zip(&fit.weights) {
        out.push_str(&format!("///   {name:<28} {weight:+.4}\n"));
    }
    // The length is written out, so the weights depend on nothing (features checks it).
    out.push_str(&format!("pub const WEIGHTS: [f32; {MODEL_INPUTS}] = [\n"));
    for chunk in fit.weights.chunks(8) {
        let row: Vec<String> = chunk.iter().map(|x| format!("{x:.5}")).collect();
        out.push_str(&format!("    {},\n", row.join(", ")));
    }
    out.push_str("];\n\n");
    out.push_str(&format!(
        "/// Word-evidence rates (p, q) of stems seen in fewer than {MIN_PAIRS} training pairs.\n\
         pub const EVIDENCE_PRIOR: (f32, f32) = ({:.5}, {:.5});\n\n",
        fit.prior.p, fit.prior.q
    ));
    out.push_str(&format!(
        "/// Word-evidence rates (stem hash, p, q), sorted by hash: {} stems.\n\
         pub static WORD_EVIDENCE: [(u64, f32, f32); {}] = [\n",
        fit.evidence.len(),
        fit.evidence.len()
    ));
    for (key, rates) in &fit.evidence {
        out.push_str(&format!(
            "    (0x{key:016x}, {:.4}, {:.4}),\n",
            rates.p, rates.q
        ));
    }
    out.push_str("];\n");
    out
}

/// Pearson correlation of two equally long series (0 when undefined).
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len().min(ys.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Ranks with ties averaged (for Spearman correlation).
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut out = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0;
        for k in i..=j {
            out[order[k]] = rank;
        }
        i = j + 1;
    }
    out
}

/// Spearman rank correlation.
pub fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    pearson(&ranks(xs), &ranks(ys))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::matching::features::{FEATURE_COUNT, score_features};

    #[test]
    fn solve_finds_the_solution() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]);
        let x = x.unwrap_or_default();
        assert!(
            (x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9,
            "{x:?}"
        );
        assert!(solve(vec![vec![0.0, 0.0], vec![0.0, 0.0]], vec![1.0, 1.0]).is_none());
    }

    #[test]
    fn logistic_fit_separates_a_clear_signal() {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..200 {
            let mut x = [0.0f32; FEATURE_COUNT];
            x[0] = 1.0;
            x[1] = (i % 100) as f32 / 100.0;
            xs.push(x);
            ys.push(x[1] > 0.5);
        }
        let w = fit_logistic(&xs, &ys, 0.01);
        assert!(w[1] > 5.0, "{w:?}");
        let mut weights = [0.0f32; MODEL_INPUTS];
        weights[..FEATURE_COUNT].copy_from_slice(&w);
        let hi = score_features(&xs[90], &weights);
        let lo = score_features(&xs[10], &weights);
        assert!(hi > 0.9 && lo < 0.1);
    }

    #[test]
    fn threshold_search_picks_the_separating_value() {
        let probs = [0.1, 0.3, 0.6, 0.9];
        let labels = [false, false, true, true];
        let (t, acc) = best_threshold(&probs, &labels, &[false; 4]);
        assert!((0.3..=0.6).contains(&t) && acc == 1.0);
        let (_, acc) = best_threshold(&probs, &labels, &[false, false, true, false]);
        assert!(acc < 1.0);
    }

    #[test]
    fn cross_validation_scores_held_out_folds() {
        // Pairs that are the same sentence (paraphrases) or two unrelated ones (not).
        let topics = [
            "The council approved the new budget for the harbour on Monday.",
            "Flood waters rose above the river banks in three northern towns.",
            "The striker scored twice as the club won its first title in a decade.",
            "Researchers found the vaccine cut hospital stays by almost half.",
            "Shares of the carmaker fell sharply after it cut its sales forecast.",
        ];
        let mut pairs = Vec::new();
        let mut labels = Vec::new();
        for i in 0..60 {
            let a = topics[i % topics.len()];
            let same = i % 3 != 0;
            let b = if same {
                a
            } else {
                topics[(i + 2) % topics.len()]
            };
            pairs.push((a.to_string(), b.to_string()));
            labels.push(same);
        }
        let cv = cross_validate_pairs(&pairs, &labels, 5);
        assert_eq!(cv.folds, 5);
        assert!(cv.accuracy > 0.95 && cv.f1 > 0.95, "{cv:?}");
        let fit = fit_pairs(&pairs, &labels);
        assert!(fit.train_accuracy > 0.95);
        assert!(fit.evidence.windows(2).all(|w| w[0].0 < w[1].0));
        let source = fit_report(&fit, &cv, pairs.len());
        assert!(source.contains("pub static WORD_EVIDENCE: [(u64, f32, f32); "));
        assert!(source.contains("pub const PARAPHRASE_THRESHOLD: f32 = "));
    }

    #[test]
    fn correlations() {
        let a = [1.0, 2.0, 3.0, 4.0];
        assert!((pearson(&a, &[2.0, 4.0, 6.0, 8.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&a, &[1.0, 10.0, 100.0, 1000.0]) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&a, &[1.0; 4]), 0.0);
    }
}
