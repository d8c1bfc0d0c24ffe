//! Analysis speed: one 3-outlet story, 100 and all 254 real articles, and pair scoring.
//! The analysis uses all cores (set `CLAIMDIFF_THREADS=1` to measure one thread).
//!
//! Targets on a 2-core machine: 100 articles < 100 ms, 254 articles < 300 ms, pair scoring
//! ≥ 200k pairs/s, peak heap for all 254 articles < 200 MB (printed by this bench).
//! The real articles are read from ../shared/data/articles at run time (never copied into the
//! repo); without that folder those benches are skipped with a message.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use claimdiff::analysis::matching::features::{build_profiles, score};
use claimdiff::analysis::{Decisions, MatchSettings, compare};
use claimdiff::ingest::import_file;
use claimdiff::ingest::{Article, demo};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Counts live and peak heap bytes so the bench can report peak memory.
struct CountingAlloc;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded to the system allocator with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK_BYTES.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

fn shared_articles() -> Option<Vec<Article>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(Result::ok)
        .flat_map(|story| std::fs::read_dir(story.path()).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let articles: Vec<Article> = files.iter().filter_map(|p| import_file(p).ok()).collect();
    (!articles.is_empty()).then_some(articles)
}

fn bench_analysis(c: &mut Criterion) {
    let decisions = Decisions::default();
    let settings = MatchSettings::default();
    let story: Vec<Article> = demo::demo_articles().into_iter().take(3).collect();
    c.bench_function("compare 3-outlet demo story", |b| {
        b.iter(|| compare(&story, &decisions, &settings))
    });

    let Some(all) = shared_articles() else {
        eprintln!("skipping the 100/254-article benches: ../shared/data/articles is absent");
        return;
    };
    let hundred: Vec<Article> = all.iter().take(100).cloned().collect();
    c.bench_function("compare 100 articles", |b| {
        b.iter(|| compare(&hundred, &decisions, &settings))
    });
    let name = format!("compare all {} articles", all.len());
    c.bench_function(&name, |b| b.iter(|| compare(&all, &decisions, &settings)));

    let before = LIVE_BYTES.load(Ordering::Relaxed);
    PEAK_BYTES.store(before, Ordering::Relaxed);
    let comparison = compare(&all, &decisions, &settings);
    let peak = PEAK_BYTES.load(Ordering::Relaxed).saturating_sub(before);
    eprintln!(
        "peak heap while comparing all {} articles: {:.1} MB ({} claims, {} groups); process peak RSS so far: {}",
        all.len(),
        peak as f64 / 1e6,
        comparison.claims.len(),
        comparison.groups.len(),
        peak_rss_mb().map_or("unknown".to_string(), |mb| format!("{mb:.1} MB"))
    );
}

/// Sentences for the pair-scoring bench: the claims of the real articles when present (the
/// pairs `compare` scores), else the demo story's claims.
fn scoring_sentences() -> Vec<String> {
    let articles = shared_articles().unwrap_or_else(demo::demo_articles);
    claimdiff::analysis::claims::extract(&articles)
        .into_iter()
        .map(|c| c.text)
        .collect()
}

fn bench_pairs(c: &mut Criterion) {
    let sentences = scoring_sentences();
    let (vocab, profiles) = build_profiles(sentences.iter().map(String::as_str));
    let n = profiles.len();
    if n == 0 {
        eprintln!("skipping pair scoring: no sentences");
        return;
    }
    // Neighbouring claims (mostly the same story) and far ones, like real candidates.
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| [(i, (i + 1) % n), (i, (i * 7 + 13) % n)])
        .take(20_000)
        .collect();
    let mut group = c.benchmark_group("pair scoring");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function(format!("score {} prepared pairs", pairs.len()), |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|&(i, j)| score(&vocab, &profiles[i], &profiles[j]))
                .sum::<f32>()
        })
    });
    group.finish();
}

/// Peak resident memory of this process so far (VmHWM), in MB, when the OS reports it.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_analysis, bench_pairs
}
criterion_main!(benches);
