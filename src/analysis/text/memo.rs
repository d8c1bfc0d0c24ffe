//! Per-thread memos for lookups the analysis repeats word after word (stems, outlet names).

use std::cell::RefCell;
use std::thread::LocalKey;

use super::fxhash::FxHashMap;

/// A per-thread memo from a word to what was computed for it.
pub(crate) type Memo<V> = RefCell<FxHashMap<String, V>>;

/// `compute(key)`, memoised in `memo`, which is cleared once it holds `limit` entries. A memo
/// that can't be reached (thread teardown, a re-entrant call) just computes.
pub(crate) fn memoised<V: Clone + 'static>(
    memo: &'static LocalKey<Memo<V>>,
    key: &str,
    limit: usize,
    compute: impl FnOnce(&str) -> V,
) -> V {
    let hit = memo
        .try_with(|m| m.try_borrow().ok().and_then(|m| m.get(key).cloned()))
        .ok()
        .flatten();
    if let Some(hit) = hit {
        return hit;
    }
    let value = compute(key);
    let _ = memo.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= limit {
                m.clear();
            }
            m.insert(key.to_string(), value.clone());
        }
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: Memo<usize> = RefCell::new(FxHashMap::default());
    }

    #[test]
    fn computes_once_per_key_and_clears_at_the_limit() {
        let calls = std::cell::Cell::new(0);
        let length = |k: &str| {
            memoised(&LENGTHS, k, 2, |w| {
                calls.set(calls.get() + 1);
                w.len()
            })
        };
        assert_eq!(length("abc"), 3);
        assert_eq!(length("abc"), 3);
        assert_eq!(length("de"), 2);
        // Full: the next new key clears the memo, so "abc" is computed again after it.
        assert_eq!(length("f"), 1);
        assert_eq!(length("abc"), 3);
        assert_eq!(calls.get(), 4);
    }
}
