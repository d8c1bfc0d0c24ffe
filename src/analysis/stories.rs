//! Which articles are about the same story, and which of them are one report reused.
//!
//! **Stories.** Two articles tell the same story when they share its vocabulary (content-word
//! stems beyond everyday news words) — the more so when they also share its names (people,
//! places, organisations: capitalised words inside sentences) — and were published within a
//! week of each other when both are dated. Articles are joined by average linkage: a story grows only when the new article is
//! close to its members on average, so one broad piece cannot chain two events together.
//!
//! **Independent reports.** Within a story, articles that reuse the same copy — long verbatim
//! runs of words, allowing a changed headline, added or cut paragraphs and light edits — are one
//! report. Two outlets quoting the same statement share one run, not most of their text, and
//! stay separate. The likely original of a report is the outlet the others credit, else the
//! earliest dated, else the fullest text.

use std::collections::{HashMap, HashSet};

use crate::analysis::text::words::{cached_stem, fnv1a64, is_common_stem, is_stop_word};
use crate::ingest::Article;

/// The stories and independent reports among a comparison's articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stories {
    /// Story id of each article (0, 1, … in order of first appearance).
    pub story_of: Vec<usize>,
    /// Independent-report id of each article (0, 1, … in order of first appearance).
    pub report_of: Vec<usize>,
    /// For each report id, the article most likely to be the original.
    pub original_of_report: Vec<usize>,
}

impl Stories {
    /// Number of stories.
    pub fn story_count(&self) -> usize {
        self.story_of.iter().max().map_or(0, |m| m + 1)
    }

    /// Number of independent reports.
    pub fn report_count(&self) -> usize {
        self.original_of_report.len()
    }

    /// The articles of a story, in order.
    pub fn articles_of_story(&self, story: usize) -> Vec<usize> {
        (0..self.story_of.len())
            .filter(|&a| self.story_of[a] == story)
            .collect()
    }

    /// Independent reports among `articles` (each report counted once).
    pub fn reports_among(&self, articles: &[usize]) -> usize {
        let mut reports: Vec<usize> = articles
            .iter()
            .filter_map(|&a| self.report_of.get(a).copied())
            .collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    }

    /// The article whose copy `article` reuses, when it is not itself the original.
    pub fn reuses(&self, article: usize) -> Option<usize> {
        let original = *self.original_of_report.get(*self.report_of.get(article)?)?;
        (original != article).then_some(original)
    }
}

/// Average similarity at which two articles (or stories) are one story. Chosen on mixes of the
/// shared stories (every same-story pair kept) and on the project's own fixtures; the SemEval
/// pairs only measure it.
pub const SAME_STORY_SCORE: f32 = 0.15;

/// Share of the shorter article's word 8-grams another article repeats for the two to be one
/// report.
pub const SAME_REPORT_SHARE: f32 = 0.3;

/// Vocabulary cosine from which two articles are checked for reused copy.
const REUSE_CANDIDATE_COSINE: f32 = 0.3;

/// Days apart beyond which two dated articles are not the same event.
const MAX_DAYS_APART: i64 = 7;

/// Words per shingle when looking for reused copy.
const SHINGLE_WORDS: usize = 8;

/// What an article is made of, for comparing it with others.
#[derive(Debug, Clone, Default)]
pub struct StoryFeatures {
    /// Content-word stems (as hashes, sorted) with their weights, 1 + ln(count); everyday news
    /// words left out.
    stems: Vec<(u64, f32)>,
    /// Euclidean norm of the stem weights.
    stems_norm: f32,
    /// Names (capitalised words inside sentences), lowercased.
    names: HashSet<String>,
    /// Hashes of the word 8-grams, sorted, without repeats.
    shingles: Vec<u64>,
    /// Days since 0000-03-01 when the article is dated `YYYY-MM-DD`.
    day: Option<i64>,
}

/// The text an article's features are read from: headline and body, boilerplate left out.
fn story_text(article: &Article) -> String {
    let mut text = article.meta.headline.clone();
    text.push('\n');
    let body = article.text.get(article.body_start..).unwrap_or("");
    let mut last = 0;
    let mut spans: Vec<_> = article
        .boilerplate_spans
        .iter()
        .filter(|s| s.start >= article.body_start)
        .collect();
    spans.sort_by_key(|s| s.start);
    for span in spans {
        let (start, end) = (
            span.start - article.body_start,
            span.end - article.body_start,
        );
        if let Some(kept) = body.get(last..start) {
            text.push_str(kept);
        }
        last = last.max(end);
    }
    if let Some(rest) = body.get(last..) {
        text.push_str(rest);
    }
    text
}

/// Day number of a `YYYY-MM-DD…` date (days from 0000-03-01, a Wednesday; only differences
/// and weekdays matter).
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from 0000-03-01 (the civil-calendar formula).
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe)
}

impl StoryFeatures {
    /// The features of one article.
    pub fn of(article: &Article) -> Self {
        let text = story_text(article);
        let mut features = StoryFeatures {
            day: article.meta.date.as_deref().and_then(day_number),
            ..StoryFeatures::default()
        };
        let mut sequence: Vec<String> = Vec::new();
        let mut stems: HashMap<u64, f32> = HashMap::new();
        for sentence in text.split(['.', '!', '?', '\n']) {
            let words: Vec<&str> = sentence
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .collect();
            for (i, word) in words.iter().enumerate() {
                let lower = word.to_lowercase();
                sequence.push(lower.clone());
                if is_stop_word(&lower) || !word.chars().any(char::is_alphabetic) {
                    continue;
                }
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                if capitalised && i > 0 && word.chars().count() > 1 {
                    features.names.insert(lower.clone());
                }
                if lower.chars().count() >= 3 {
                    let stem = cached_stem(&lower);
                    if !is_common_stem(&stem) {
                        *stems.entry(fnv1a64(stem.as_bytes())).or_default() += 1.0;
                    }
                }
            }
        }
        features.shingles = sequence
            .windows(SHINGLE_WORDS)
            .map(|window| fnv1a64(window.join(" ").as_bytes()))
            .collect();
        features.shingles.sort_unstable();
        features.shingles.dedup();
        features.stems = stems
            .into_iter()
            .map(|(stem, count)| (stem, 1.0 + count.ln()))
            .collect();
        features.stems.sort_unstable_by_key(|&(stem, _)| stem);
        features.stems_norm = features
            .stems
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt();
        features
    }
}

/// Cosine of two articles' stem weights (sorted by stem, merged in one pass).
fn cosine(a: &StoryFeatures, b: &StoryFeatures) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.stems.len() && j < b.stems.len() {
        match a.stems[i].0.cmp(&b.stems[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a.stems[i].1 * b.stems[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let denominator = a.stems_norm * b.stems_norm;
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// How many values two sorted lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

fn set_cosine(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f32;
    shared / ((a.len() * b.len()) as f32).sqrt()
}

/// How alike two articles' stories are, 0–1: their vocabulary, raised by up to half again by
/// shared names (names alone — the same town and mayor in two different events — are not one
/// story); 0 for dated articles more than a week apart.
pub fn story_similarity(a: &StoryFeatures, b: &StoryFeatures) -> f32 {
    similarity_from(cosine(a, b), a, b)
}

/// [`story_similarity`] from the vocabulary cosine already computed.
fn similarity_from(words: f32, a: &StoryFeatures, b: &StoryFeatures) -> f32 {
    if let (Some(x), Some(y)) = (a.day, b.day)
        && (x - y).abs() > MAX_DAYS_APART
    {
        return 0.0;
    }
    words * (0.5 + 0.5 * set_cosine(&a.names, &b.names))
}

/// Share of the shorter article's word 8-grams that the other repeats.
pub fn reused_share(a: &StoryFeatures, b: &StoryFeatures) -> f32 {
    let smaller = a.shingles.len().min(b.shingles.len());
    if smaller == 0 {
        return 0.0;
    }
    shared_count(&a.shingles, &b.shingles) as f32 / smaller as f32
}

/// Ids 0, 1, … in order of first appearance for a labelling by arbitrary roots.
fn renumber(roots: &[usize]) -> Vec<usize> {
    let mut ids: HashMap<usize, usize> = HashMap::new();
    roots
        .iter()
        .map(|r| {
            let next = ids.len();
            *ids.entry(*r).or_insert(next)
        })
        .collect()
}

/// Average-linkage clusters of `n` items whose pairwise similarity is `sim(i, j)`: clusters
/// merge while their mean similarity is at least `bar`. Returns a root per item.
fn average_linkage(n: usize, sim: &[Vec<f32>], bar: f32) -> Vec<usize> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut root: Vec<usize> = (0..n).collect();
    let mut pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| sim[i][j] >= bar)
        .collect();
    pairs.sort_by(|&(a, b), &(c, d)| sim[c][d].total_cmp(&sim[a][b]).then((a, b).cmp(&(c, d))));
    for (i, j) in pairs {
        let (ri, rj) = (root[i], root[j]);
        if ri == rj {
            continue;
        }
        let (x, y) = (&members[ri], &members[rj]);
        let total: f32 = x
            .iter()
            .flat_map(|&p| y.iter().map(move |&q| sim[p][q]))
            .sum();
        if total / (x.len() * y.len()) as f32 >= bar {
            let (keep, gone) = (ri.min(rj), ri.max(rj));
            let moved = std::mem::take(&mut members[gone]);
            for &m in &moved {
                root[m] = keep;
            }
            members[keep].extend(moved);
        }
    }
    root
}

/// Stories and independent reports of `articles`.
pub fn find_stories(articles: &[Article]) -> Stories {
    let features: Vec<StoryFeatures> =
        crate::analysis::parallel::map(articles, 8, StoryFeatures::of);
    let n = features.len();
    // Reused copy is the same story whatever else differs (a reprint dated later); it is looked
    // for only where the vocabulary is close, which reused copy always is.
    let rows: Vec<usize> = (0..n).collect();
    let pairs: Vec<Vec<(f32, bool)>> = crate::analysis::parallel::map(&rows, 4, |&i| {
        (i + 1..n)
            .map(|j| {
                let (a, b) = (&features[i], &features[j]);
                let words = cosine(a, b);
                let same_copy =
                    words >= REUSE_CANDIDATE_COSINE && reused_share(a, b) >= SAME_REPORT_SHARE;
                let s = similarity_from(words, a, b);
                (if same_copy { 1.0 } else { s }, same_copy)
            })
            .collect()
    });
    let mut sim = vec![vec![0.0_f32; n]; n];
    let mut same_copy = vec![vec![false; n]; n];
    for i in 0..n {
        sim[i][i] = 1.0;
        for (k, &(s, copy)) in pairs[i].iter().enumerate() {
            let j = i + 1 + k;
            sim[i][j] = s;
            sim[j][i] = s;
            same_copy[i][j] = copy;
        }
    }
    let story_of = renumber(&average_linkage(n, &sim, SAME_STORY_SCORE));

    // Reports: union of same-story articles that share most of their copy.
    let mut report_root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while root[r] != r {
            r = root[r];
        }
        root[i] = r;
        r
    }
    for i in 0..n {
        for j in i + 1..n {
            if story_of[i] == story_of[j] && same_copy[i][j] {
                let (a, b) = (find(&mut report_root, i), find(&mut report_root, j));
                report_root[a.max(b)] = a.min(b);
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut report_root, i)).collect();
    let report_of = renumber(&roots);
    let reports = report_of.iter().max().map_or(0, |m| m + 1);
    let original_of_report = (0..reports)
        .map(|r| likely_original(articles, &features, &report_of, r))
        .collect();
    Stories {
        story_of,
        report_of,
        original_of_report,
    }
}

/// The member of report `report` most likely to be the original: the outlet the other
/// members credit, else the earliest dated, else the one with the most text.
fn likely_original(
    articles: &[Article],
    features: &[StoryFeatures],
    report_of: &[usize],
    report: usize,
) -> usize {
    let members: Vec<usize> = (0..articles.len())
        .filter(|&a| report_of[a] == report)
        .collect();
    let credited = |a: usize| {
        let outlet = articles[a].meta.outlet.to_lowercase();
        members
            .iter()
            .filter(|&&o| o != a)
            .filter(|&&o| {
                articles[o]
                    .meta
                    .credited
                    .iter()
                    .any(|c| !outlet.is_empty() && c.to_lowercase() == outlet)
            })
            .count()
    };
    members
        .iter()
        .copied()
        .min_by_key(|&a| {
            (
                std::cmp::Reverse(credited(a)),
                features[a].day.unwrap_or(i64::MAX),
                std::cmp::Reverse(features[a].shingles.len()),
                a,
            )
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import_text;

    fn article(outlet: &str, date: &str, text: &str) -> Article {
        let mut a = import_text(text, None);
        a.meta.outlet = outlet.to_owned();
        a.meta.date = Some(date.to_owned());
        a
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |s| day_number(s).unwrap_or_default();
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2, "leap year");
        assert_eq!(d("2025-01-01") - d("2024-12-31"), 1);
        assert_eq!(day_number("20x4-01-01"), None);
    }

    #[test]
    fn renumbering_follows_first_appearance() {
        assert_eq!(renumber(&[4, 4, 1, 9, 1]), [0, 0, 1, 2, 1]);
    }

    #[test]
    fn average_linkage_does_not_chain_through_a_broad_item() {
        // 0–1 and 2–3 are close; 4 is close to 1 and to 2 only.
        let mut sim = vec![vec![0.0; 5]; 5];
        let mut set = |i: usize, j: usize, s: f32| {
            sim[i][j] = s;
            sim[j][i] = s;
        };
        set(0, 1, 0.9);
        set(2, 3, 0.9);
        set(1, 4, 0.5);
        set(2, 4, 0.5);
        let roots = average_linkage(5, &sim, 0.3);
        assert_eq!(roots[0], roots[1]);
        assert_eq!(roots[2], roots[3]);
        assert_ne!(roots[0], roots[2]);
    }

    #[test]
    fn dated_articles_weeks_apart_are_different_stories() {
        let text = "Ferry fire in Tarvik harbour\n\nA fire broke out on the Tarvik ferry on Monday, the harbour master Lena Ostrova said.";
        let a = StoryFeatures::of(&article("A", "2026-05-01", text));
        let b = StoryFeatures::of(&article("B", "2026-06-20", text));
        assert_eq!(story_similarity(&a, &b), 0.0);
    }
}
