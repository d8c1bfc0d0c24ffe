//! Fitting the matcher: logistic regression by Newton's method (IRLS) over pair features, plus
//! the evaluation helpers used to report quality. `claimdiff fit-matcher TRAIN.tsv` runs it, so
//! the weights shipped in `features.rs` can be reproduced from MRPC train alone.

use super::claims::sentence_claim;
use super::conflicts::find_conflicts;
use super::features::{FEATURE_COUNT, FEATURE_NAMES, build_profiles, features, score_features};

/// Weights and threshold found by [`fit_logistic`] and [`best_threshold`].
#[derive(Debug, Clone, PartialEq)]
pub struct FitResult {
    /// Logistic weights over the features.
    pub weights: [f32; FEATURE_COUNT],
    /// Link threshold that maximises training accuracy of "linked and no conflict".
    pub threshold: f32,
    /// Training accuracy at that threshold.
    pub train_accuracy: f32,
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
pub fn fit_logistic(xs: &[[f32; FEATURE_COUNT]], labels: &[bool], l2: f64) -> [f32; FEATURE_COUNT] {
    let mut w = [0.0f64; FEATURE_COUNT];
    for _ in 0..50 {
        let mut grad = vec![0.0f64; FEATURE_COUNT];
        let mut hess = vec![vec![0.0f64; FEATURE_COUNT]; FEATURE_COUNT];
        for (x, &y) in xs.iter().zip(labels) {
            let z: f64 = x.iter().zip(&w).map(|(xi, wi)| f64::from(*xi) * wi).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if y { 1.0 } else { 0.0 };
            let curvature = (p * (1.0 - p)).max(1e-9);
            for i in 0..FEATURE_COUNT {
                let xi = f64::from(x[i]);
                grad[i] += err * xi;
                for j in 0..FEATURE_COUNT {
                    hess[i][j] += curvature * xi * f64::from(x[j]);
                }
            }
        }
        for i in 1..FEATURE_COUNT {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let mut largest = 0.0f64;
        for i in 0..FEATURE_COUNT {
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
/// cross-validation: each fold is scored by weights and a threshold fitted on the other folds.
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

/// k-fold cross-validation of [`fit_logistic`] + [`best_threshold`]; fold `k` holds the pairs
/// whose index is `k` modulo `folds`.
pub fn cross_validate(
    xs: &[[f32; FEATURE_COUNT]],
    labels: &[bool],
    conflicted: &[bool],
    folds: usize,
) -> CrossValidation {
    let folds = folds.max(2);
    let (mut tp, mut fp, mut fn_, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for k in 0..folds {
        let train: Vec<usize> = (0..xs.len()).filter(|i| i % folds != k).collect();
        let pick = |v: &[bool]| train.iter().map(|&i| v[i]).collect::<Vec<bool>>();
        let train_xs: Vec<[f32; FEATURE_COUNT]> = train.iter().map(|&i| xs[i]).collect();
        let weights = fit_logistic(&train_xs, &pick(labels), L2);
        let probs: Vec<f32> = train_xs
            .iter()
            .map(|x| score_features(x, &weights))
            .collect();
        let (threshold, _) = best_threshold(&probs, &pick(labels), &pick(conflicted));
        for i in (0..xs.len()).filter(|i| i % folds == k) {
            let said = score_features(&xs[i], &weights) >= threshold && !conflicted[i];
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
        accuracy: correct as f32 / xs.len().max(1) as f32,
        f1,
    }
}

/// Feature vectors and "a vetoing conflict" flags of labelled sentence pairs.
fn pair_inputs(pairs: &[(String, String)]) -> (Vec<[f32; FEATURE_COUNT]>, Vec<bool>) {
    let (vocab, profiles) =
        build_profiles(pairs.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]));
    let xs: Vec<[f32; FEATURE_COUNT]> = (0..pairs.len())
        .map(|i| features(&vocab, &profiles[2 * i], &profiles[2 * i + 1]))
        .collect();
    let conflicted: Vec<bool> = pairs
        .iter()
        .map(|(a, b)| {
            find_conflicts(&sentence_claim(a), &sentence_claim(b))
                .iter()
                .any(|c| super::matching::vetoes_paraphrase(c.kind))
        })
        .collect();
    (xs, conflicted)
}

/// Cross-validate the matcher on labelled sentence pairs (see [`cross_validate`]).
pub fn cross_validate_pairs(
    pairs: &[(String, String)],
    labels: &[bool],
    folds: usize,
) -> CrossValidation {
    let (xs, conflicted) = pair_inputs(pairs);
    cross_validate(&xs, labels, &conflicted, folds)
}

/// Fit weights and threshold on labelled sentence pairs.
pub fn fit_pairs(pairs: &[(String, String)], labels: &[bool]) -> FitResult {
    let (xs, conflicted) = pair_inputs(pairs);
    let weights = fit_logistic(&xs, labels, L2);
    let probs: Vec<f32> = xs.iter().map(|x| score_features(x, &weights)).collect();
    let (threshold, train_accuracy) = best_threshold(&probs, labels, &conflicted);
    FitResult {
        weights,
        threshold,
        train_accuracy,
    }
}

/// The fit as Rust source to paste into `features.rs` / `matching.rs`, with the
/// cross-validated quality of the same procedure on the same pairs.
pub fn fit_report(fit: &FitResult, cv: &CrossValidation, pairs: usize) -> String {
    let mut out = format!(
        "// fitted on {pairs} pairs; training accuracy {:.1}%; {}-fold cross-validation: accuracy {:.1}%, F1 {:.1}%\n",
        100.0 * fit.train_accuracy,
        cv.folds,
        100.0 * cv.accuracy,
        100.0 * cv.f1
    );
    for (name, weight) in FEATURE_NAMES.iter().zip(&fit.weights) {
        out.push_str(&format!("//   {name:<26} {weight:+.4}\n"));
    }
    let list: Vec<String> = fit.weights.iter().map(|x| format!("{x:.4}")).collect();
    out.push_str(&format!(
        "pub const WEIGHTS: [f32; FEATURE_COUNT] = [{}];\n",
        list.join(", ")
    ));
    out.push_str(&format!(
        "pub const DEFAULT_PARAPHRASE_THRESHOLD: f32 = {:.2};\n",
        fit.threshold
    ));
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
        let hi = score_features(&xs[90], &w);
        let lo = score_features(&xs[10], &w);
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
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..300 {
            let mut x = [0.0f32; FEATURE_COUNT];
            x[0] = 1.0;
            x[1] = ((i * 37) % 100) as f32 / 100.0;
            xs.push(x);
            ys.push(x[1] > 0.5);
        }
        let cv = cross_validate(&xs, &ys, &vec![false; xs.len()], 5);
        assert_eq!(cv.folds, 5);
        assert!(cv.accuracy > 0.95 && cv.f1 > 0.95, "{cv:?}");
    }

    #[test]
    fn correlations() {
        let a = [1.0, 2.0, 3.0, 4.0];
        assert!((pearson(&a, &[2.0, 4.0, 6.0, 8.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&a, &[1.0, 10.0, 100.0, 1000.0]) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&a, &[1.0; 4]), 0.0);
    }
}
