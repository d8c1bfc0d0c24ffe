//! Fuzz the article importer, text and HTML: no input may panic, overflow the stack or hang
//! it, and every article it returns has valid spans whose claims slice the text exactly.
//! `tests/fuzz_corpus_import.rs` replays the corpus with the same checks in every `cargo test`.
#![no_main]

use claimdiff::analysis::claims::extract;
use claimdiff::ingest::{import_bytes, validate_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for origin in ["fuzz.txt", "fuzz.html"] {
        let Ok(article) = import_bytes(data, Some(origin)) else {
            continue;
        };
        if let Err(e) = validate_article(&article) {
            panic!("{origin}: {e}\n{:?}", article.text);
        }
        for claim in extract(std::slice::from_ref(&article)) {
            assert_eq!(claim.span.slice(&article.text), claim.text, "{origin}");
        }
    }
});
