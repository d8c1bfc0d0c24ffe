//! Per-thread memo of outlet lookups: the extractor asks about the same names again and again.
//! (Stems are memoised once, in [`crate::analysis::text::words::cached_stem`].)

use crate::ingest::outlet_names::known_outlet;
use std::cell::RefCell;
use std::collections::HashMap;

/// Entries before the memo is cleared (names repeat across a story).
pub(super) const CACHE_LIMIT: usize = 4096;

thread_local! {
    static OUTLETS: RefCell<HashMap<String, Option<&'static str>>> = RefCell::new(HashMap::new());
}

/// `known_outlet`, memoised: it simplifies every table entry on each call.
pub(super) fn cached_known_outlet(name: &str) -> Option<&'static str> {
    let hit = OUTLETS
        .try_with(|cache| cache.try_borrow().ok().and_then(|c| c.get(name).copied()))
        .ok()
        .flatten();
    if let Some(hit) = hit {
        return hit;
    }
    let known = known_outlet(name);
    let _ = OUTLETS.try_with(|cache| {
        if let Ok(mut c) = cache.try_borrow_mut() {
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(name.to_string(), known);
        }
    });
    known
}
