//! Replays the fuzz corpus (`fuzz/corpus/workspace_load`, seeds plus inputs the fuzzer found)
//! through the loader with the fuzz target's checks, on a 1 MiB stack, in every `cargo test`.

use std::path::PathBuf;

use claimdiff::workspace::{from_ron_bytes, from_ron_str, to_ron_string};

/// The fuzz target's property: no panic; whatever loads saves and loads back equal.
fn check(data: &[u8]) -> Result<(), String> {
    let Ok(workspace) = from_ron_bytes(data, "fuzz.claimdiff.ron") else {
        return Ok(());
    };
    let text = to_ron_string(&workspace).map_err(|e| format!("does not save: {e}"))?;
    let again = from_ron_str(&text, "fuzz.claimdiff.ron")
        .map_err(|e| format!("saved text does not load: {e}\n{text}"))?;
    if again == workspace {
        Ok(())
    } else {
        Err(format!("changed in a round trip:\n{text}"))
    }
}

#[test]
fn the_fuzz_corpus_replays_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/workspace_load");
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
        inputs.len() >= 10,
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
    let failures = worker.map(|w| w.join());
    match failures {
        Ok(Ok(failures)) => assert!(failures.is_empty(), "{}", failures.join("\n")),
        _ => panic!("an input panicked or overflowed a 1 MiB stack"),
    }
}
