//! `claimdiff stories` (which opened articles tell one story, which reuse one report) and the
//! hidden `claimdiff story-pairs` that scores labelled pairs of whole articles (SemEval-2022
//! task 8 layout).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::analysis::stories::{SAME_STORY_SCORE, Stories, StoryFeatures, story_similarity};
use crate::ingest::{Article, import_text};

/// One line per article: its story, its independent report and whose copy it reuses.
pub fn stories_text(articles: &[Article], stories: &Stories) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles, {} stories, {} independent reports",
        articles.len(),
        stories.story_count(),
        stories.report_count()
    );
    for (i, article) in articles.iter().enumerate() {
        let reuses = stories
            .reuses(i)
            .map(|o| {
                format!(
                    "; reuses [{}] {}",
                    o + 1,
                    articles.get(o).map_or("", |a| a.meta.outlet.as_str())
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "[{}]\tstory {}\treport {}\t{} — {}{}{}",
            i + 1,
            stories.story_of[i] + 1,
            stories.report_of[i] + 1,
            article.meta.outlet,
            article.meta.headline,
            article
                .meta
                .origin
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default(),
            reuses
        );
    }
    out
}

/// Scores every pair of a SemEval-2022 task 8 file (one JSON object per line with `pair_id`,
/// `Overall` 1–4, `title1`, `text1`, `title2`, `text2`): a line per pair, then the accuracy on
/// the pairs people called the same story (Overall ≤ 1.5) or not (≥ 3.0).
pub fn story_pairs(file: &Path) -> Result<String> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading '{}'", file.display()))?;
    let mut out = String::new();
    let (mut same_right, mut same_n, mut diff_right, mut diff_n) = (0, 0, 0, 0);
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let row: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("'{}' line {}: not JSON", file.display(), n + 1))?;
        let field = |k: &str| row.get(k).and_then(serde_json::Value::as_str).unwrap_or("");
        let article = |title: &str, body: &str| import_text(&format!("{title}\n\n{body}"), None);
        let a = StoryFeatures::of(&article(field("title1"), field("text1")));
        let b = StoryFeatures::of(&article(field("title2"), field("text2")));
        let score = story_similarity(&a, &b);
        let overall = row
            .get("Overall")
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(f64::NAN);
        let said_same = score >= SAME_STORY_SCORE;
        if overall <= 1.5 {
            same_n += 1;
            same_right += usize::from(said_same);
        } else if overall >= 3.0 {
            diff_n += 1;
            diff_right += usize::from(!said_same);
        }
        let _ = writeln!(
            out,
            "{}\t{overall:.2}\t{score:.3}\t{}",
            field("pair_id"),
            if said_same { "same" } else { "different" }
        );
    }
    let total = same_n + diff_n;
    let accuracy = |right: usize, n: usize| {
        if n == 0 { 0.0 } else { right as f64 / n as f64 }
    };
    let _ = writeln!(
        out,
        "accuracy {:.3} on {total} pairs (same story {same_right}/{same_n}, different {diff_right}/{diff_n}); middle scores left out",
        accuracy(same_right + diff_right, total)
    );
    Ok(out)
}

/// Checks story detection on mixes of labelled stories (a folder of `STORY/OUTLET.txt`): all
/// stories at once (pairs kept together and kept apart), then `trials` mixes of `per_mix`
/// stories drawn with a fixed seed, each counted right only when every split is right.
pub fn story_mixes(folder: &Path, per_mix: usize, trials: usize) -> Result<String> {
    let mut stories: Vec<(String, Vec<Article>)> = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(folder)
        .with_context(|| format!("reading '{}'", folder.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let mut articles = Vec::new();
        for file in files {
            articles.push(crate::ingest::import_file(&file)?);
        }
        if !articles.is_empty() {
            let name = dir
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            stories.push((name, articles));
        }
    }
    let exact = |pick: &[usize]| -> (bool, usize, usize, usize, usize) {
        let mut articles = Vec::new();
        let mut truth = Vec::new();
        for &s in pick {
            for a in &stories[s].1 {
                articles.push(a.clone());
                truth.push(s);
            }
        }
        let found = crate::analysis::stories::find_stories(&articles).story_of;
        let (mut kept, mut same, mut apart, mut different) = (0, 0, 0, 0);
        for i in 0..truth.len() {
            for j in i + 1..truth.len() {
                if truth[i] == truth[j] {
                    same += 1;
                    kept += usize::from(found[i] == found[j]);
                } else {
                    different += 1;
                    apart += usize::from(found[i] != found[j]);
                }
            }
        }
        (
            kept == same && apart == different,
            kept,
            same,
            apart,
            different,
        )
    };
    let all: Vec<usize> = (0..stories.len()).collect();
    let (_, kept, same, apart, different) = exact(&all);
    let mut out = format!(
        "all {} stories at once: same-story pairs kept together {kept}/{same}, different-story pairs kept apart {apart}/{different}\n",
        stories.len()
    );
    // A fixed linear congruential sequence, so the mixes are the same on every run.
    let mut state: u64 = 7;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut right = 0;
    for _ in 0..trials {
        let mut pool = all.clone();
        let mut pick = Vec::new();
        while pick.len() < per_mix.min(pool.len()) {
            let k = next() % pool.len();
            pick.push(pool.swap_remove(k));
        }
        right += usize::from(exact(&pick).0);
    }
    let _ = writeln!(
        out,
        "{right}/{trials} mixes of {per_mix} stories split exactly right"
    );
    Ok(out)
}
