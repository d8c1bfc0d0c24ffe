//! Order-preserving parallel map over slices, on scoped standard-library threads.
//!
//! Every stage that uses it maps independent items (articles, candidate pairs, groups) and
//! gets its results back in input order, so the analysis stays deterministic: the output never
//! depends on the number of threads or on scheduling.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Environment variable that caps the number of analysis threads (`1` = sequential).
pub const THREADS_VAR: &str = "CLAIMDIFF_THREADS";

/// Most threads the analysis uses, however many cores there are.
const MAX_THREADS: usize = 8;

/// Number of threads to use: the available parallelism, capped at [`MAX_THREADS`] and by the
/// `CLAIMDIFF_THREADS` environment variable when it holds a positive number.
pub fn threads() -> usize {
    let available = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .min(MAX_THREADS);
    match std::env::var(THREADS_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        Some(n) if n > 0 => n.min(MAX_THREADS),
        _ => available,
    }
}

/// `items.iter().map(f).collect()`, spread over [`threads`] threads. Threads take chunks of
/// at least `min_chunk` consecutive items from a shared counter (so uneven items balance
/// out); the results are put back in input order. Runs on the calling thread when there are
/// fewer than two chunks' worth of items or only one thread is available.
pub fn map<T, R, F>(items: &[T], min_chunk: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let min_chunk = min_chunk.max(1);
    let threads = threads().min(items.len() / min_chunk).max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    // About eight chunks per thread: small enough to balance, large enough to be cheap.
    let chunk = items.len().div_ceil(threads * 8).max(min_chunk);
    let chunks = items.len().div_ceil(chunk);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Vec<R>)>> = Mutex::new(Vec::with_capacity(chunks));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let start = k * chunk;
                    if start >= items.len() {
                        break;
                    }
                    let end = (start + chunk).min(items.len());
                    mine.push((k, items[start..end].iter().map(&f).collect::<Vec<R>>()));
                }
                // A poisoned lock only means another worker panicked; the scope re-raises that.
                if let Ok(mut all) = done.lock() {
                    all.extend(mine);
                }
            });
        }
    });
    let mut all = done
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    all.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::with_capacity(items.len());
    for (_, part) in all {
        out.extend(part);
    }
    out
}

/// Run `work(worker, workers)` once on each of `workers` threads (the calling thread counts as
/// one) and return the results in worker order. For stages that split their own input, e.g.
/// by `index % workers`.
pub fn split<R, F>(workers: usize, work: F) -> Vec<R>
where
    R: Send,
    F: Fn(usize, usize) -> R + Sync,
{
    let workers = workers.max(1);
    if workers == 1 {
        return vec![work(0, 1)];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..workers)
            .map(|w| {
                let work = &work;
                scope.spawn(move || work(w, workers))
            })
            .collect();
        let mut out = vec![work(0, workers)];
        for handle in handles {
            match handle.join() {
                Ok(r) => out.push(r),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..10_000).collect();
        let squares = map(&items, 7, |x| x * x);
        assert_eq!(squares.len(), items.len());
        assert!(
            squares
                .iter()
                .enumerate()
                .all(|(i, s)| *s == (i as u64) * (i as u64))
        );
    }

    #[test]
    fn split_returns_one_result_per_worker_in_order() {
        assert_eq!(split(3, |w, n| (w, n)), [(0, 3), (1, 3), (2, 3)]);
        assert_eq!(split(0, |w, n| (w, n)), [(0, 1)]);
    }

    #[test]
    fn small_and_empty_inputs_work() {
        assert!(map(&[] as &[u8], 1, |x| *x).is_empty());
        assert_eq!(map(&[1, 2, 3], 1, |x| x + 1), [2, 3, 4]);
    }
}
