//! Replays the importer's fuzz corpus (`fuzz/corpus/import_article`, seeds plus inputs the
//! fuzzer found) through `import_bytes` as `.txt` and as `.html`, with the fuzz target's checks,
//! on a 1 MiB stack, in every `cargo test`.

use std::path::PathBuf;

use claimdiff::analysis::claims::extract;
use claimdiff::ingest::{import_bytes, validate_article};

/// The fuzz target's property: no panic; every imported article has valid spans and claims
/// that slice its text exactly.
fn check(data: &[u8]) -> Result<(), String> {
    for origin in ["fuzz.txt", "fuzz.html"] {
        let Ok(article) = import_bytes(data, Some(origin)) else {
            continue;
        };
        validate_article(&article).map_err(|e| format!("{origin}: {e}"))?;
        for claim in extract(std::slice::from_ref(&article)) {
            if claim.span.slice(&article.text) != claim.text {
                return Err(format!(
                    "{origin}: claim {:?} does not slice the text",
                    claim.text
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn the_import_fuzz_corpus_replays_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_article");
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let data = std::fs::read(entry.path()).ok()?;
            Some((entry.file_name().to_string_lossy().into_owned(), data))
        })
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 20,
        "the corpus lost its seeds: {}",
        inputs.len()
    );
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            inputs
                .iter()
                .filter_map(|(name, data)| check(data).err().map(|e| format!("{name}: {e}")))
                .collect::<Vec<_>>()
        });
    match worker.map(|w| w.join()) {
        Ok(Ok(failures)) => assert!(failures.is_empty(), "{}", failures.join("\n")),
        _ => panic!("an input panicked or overflowed a 1 MiB stack"),
    }
}
