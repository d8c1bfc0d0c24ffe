//! Fuzz the workspace loader: no input may panic, overflow the stack or hang it, and anything
//! it accepts must save and load back equal. `tests/workspace_fuzz_corpus.rs` replays the
//! corpus with the same checks in every `cargo test`.
#![no_main]

use claimdiff::workspace::{from_ron_bytes, from_ron_str, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(workspace) = from_ron_bytes(data, "fuzz.claimdiff.ron") else {
        return;
    };
    let text = match to_ron_string(&workspace) {
        Ok(text) => text,
        Err(e) => panic!("a loaded workspace must save: {e}"),
    };
    match from_ron_str(&text, "fuzz.claimdiff.ron") {
        Ok(again) => assert_eq!(again, workspace, "saved:\n{text}"),
        Err(e) => panic!("a saved workspace must load: {e}\n{text}"),
    }
});
