//! Fit the matcher's logistic weights on MRPC train, so the shipped weights can be reproduced.
//!
//! ```sh
//! cargo run --release --example fit_matcher -- ../shared/data/mrpc/msr-para-train.tsv
//! ```
//! Prints `WEIGHTS` and the link threshold to paste into `src/analysis/features.rs` and
//! `src/analysis/matching.rs`. Only the training file is read: validation data stays unseen.

use std::process::ExitCode;

use claimdiff::analysis::claims::sentence_claim;
use claimdiff::analysis::conflicts::find_conflicts;
use claimdiff::analysis::features::{
    FEATURE_COUNT, FEATURE_NAMES, build_profiles, features, score_features,
};
use claimdiff::cli::parse_pairs_tsv;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: fit_matcher TRAIN.tsv");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("fit_matcher: can't read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let labels: Vec<f32> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter(|l| l.split('\t').count() >= 5)
        .map(|l| if l.starts_with('1') { 1.0 } else { 0.0 })
        .collect();
    let (rows, _) = parse_pairs_tsv(&text);
    let (vocab, profiles) =
        build_profiles(rows.iter().flat_map(|r| [r.sentence1.as_str(), r.sentence2.as_str()]));
    let xs: Vec<[f32; FEATURE_COUNT]> = (0..rows.len())
        .map(|i| features(&vocab, &profiles[2 * i], &profiles[2 * i + 1]))
        .collect();
    let conflicted: Vec<bool> = rows
        .iter()
        .map(|r| !find_conflicts(&sentence_claim(&r.sentence1), &sentence_claim(&r.sentence2)).is_empty())
        .collect();

    // Batch gradient descent with a small L2 penalty (not on the bias); features are in [0, 1].
    let mut w = [0.0f32; FEATURE_COUNT];
    let (rate, l2, epochs) = (0.5f32, 1e-3f32, 6000);
    let n = xs.len() as f32;
    for _ in 0..epochs {
        let mut grad = [0.0f32; FEATURE_COUNT];
        for (x, y) in xs.iter().zip(&labels) {
            let err = score_features(x, &w) - y;
            for k in 0..FEATURE_COUNT {
                grad[k] += err * x[k];
            }
        }
        for k in 0..FEATURE_COUNT {
            let penalty = if k == 0 { 0.0 } else { l2 * w[k] };
            w[k] -= rate * (grad[k] / n + penalty);
        }
    }

    // The threshold that maximises training accuracy of "linked and no conflicting fact".
    let probs: Vec<f32> = xs.iter().map(|x| score_features(x, &w)).collect();
    let mut best = (0.5f32, 0.0f32);
    for step in 20..80 {
        let t = step as f32 / 100.0;
        let correct = probs
            .iter()
            .zip(&labels)
            .zip(&conflicted)
            .filter(|((p, y), c)| ((**p >= t) && !**c) == (**y > 0.5))
            .count();
        let acc = correct as f32 / n;
        if acc > best.1 {
            best = (t, acc);
        }
    }
    println!("// fitted on {} MRPC train pairs; training accuracy {:.1}%", xs.len(), 100.0 * best.1);
    for (name, weight) in FEATURE_NAMES.iter().zip(&w) {
        println!("//   {name:<24} {weight:+.4}");
    }
    let list: Vec<String> = w.iter().map(|x| format!("{x:.4}")).collect();
    println!("pub const WEIGHTS: [f32; FEATURE_COUNT] = [{}];", list.join(", "));
    println!("pub const DEFAULT_LINK_THRESHOLD: f32 = {:.2};", best.0);
    ExitCode::SUCCESS
}
