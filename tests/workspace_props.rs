//! Property tests: any workspace round-trips equal, saves to the same bytes every time, and any
//! Unicode in article text (quotes, backslashes, CRLF, right-to-left marks, NUL, long strings)
//! comes back exactly.

mod workspace_common;

use std::collections::BTreeMap;

use claimdiff::analysis::{ClaimId, ConflictKind, Decisions, NotConflict};
use claimdiff::ingest::ArticleMeta;
use claimdiff::workspace::{
    ArticleEntry, ComparisonSettings, GroupFilter, Overwrite, Workspace, from_ron_bytes,
    from_ron_str, load, save, to_ron_string,
};
use proptest::prelude::*;

/// Text that stresses escaping: arbitrary Unicode mixed with the characters RON, editors and
/// line-end conversions care about.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 .,]{0,12}",
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\0".to_string()),
        Just("\u{202e}".to_string()), // right-to-left override
        Just("\u{200f}".to_string()), // right-to-left mark
        Just("\u{200b}".to_string()), // zero-width space
        Just("\u{feff}".to_string()), // BOM inside text
        Just("\u{2028}\u{85}".to_string()),
        Just("r#\"raw\"#".to_string()),
        Just("/* // */".to_string()),
        Just("مرحبا שלום".to_string()),
        Just("🦀👩‍👩‍👧".to_string()),
        Just("\u{10FFFF}\u{E000}".to_string()),
        Just("\t\u{7f}\u{1b}[0m".to_string()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn claim_id() -> impl Strategy<Value = ClaimId> {
    prop_oneof!["[a-z0-9-]{1,12}", nasty_text()].prop_map(ClaimId)
}

// The struct update keeps this compiling when the analysis adds metadata fields.
#[allow(clippy::needless_update)]
fn article() -> impl Strategy<Value = ArticleEntry> {
    (
        nasty_text(),
        nasty_text(),
        nasty_text(),
        prop::option::of(nasty_text()),
        prop::option::of(nasty_text()),
        prop::option::of(nasty_text()),
        prop::option::of(nasty_text()),
    )
        .prop_map(
            |(text, outlet, headline, date, url, author, origin)| ArticleEntry {
                text,
                meta: ArticleMeta {
                    outlet,
                    headline,
                    date,
                    url,
                    author,
                    origin,
                    ..ArticleMeta::default()
                },
            },
        )
}

fn notes() -> impl Strategy<Value = BTreeMap<ClaimId, String>> {
    prop::collection::btree_map(claim_id(), nasty_text(), 0..4)
}

fn finite_f32() -> impl Strategy<Value = f32> {
    prop_oneof![
        0.0f32..=1.0,
        any::<f32>().prop_filter("finite", |f| f.is_finite()),
        Just(f32::MIN_POSITIVE / 8.0), // subnormal
        Just(-0.0),
    ]
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (
        prop::collection::vec(article(), 0..4),
        prop::collection::vec((claim_id(), claim_id()), 0..4),
        prop::collection::vec((claim_id(), claim_id()), 0..4),
        (notes(), notes(), notes()),
        any::<prop::sample::Index>(),
        any::<bool>(),
        finite_f32(),
        prop_oneof![
            Just(GroupFilter::All),
            Just(GroupFilter::ConflictsOnly),
            Just(GroupFilter::SingleOutletOnly),
            Just(GroupFilter::SharedOnly),
        ],
        nasty_text(),
    )
        .prop_map(
            |(
                articles,
                links,
                unlinks,
                (claim_notes, group_notes, group_labels),
                reference,
                has_reference,
                threshold,
                filter,
                search,
            )| {
                let mut settings = ComparisonSettings {
                    filter,
                    search,
                    ..ComparisonSettings::default()
                };
                settings.matching.link_threshold = threshold;
                let kinds = [
                    ConflictKind::Number,
                    ConflictKind::Time,
                    ConflictKind::QuoteWording,
                ];
                let not_conflicts = unlinks
                    .iter()
                    .zip(kinds.iter().cycle())
                    .enumerate()
                    .map(|(n, ((a, b), &kind))| NotConflict {
                        a: a.clone(),
                        b: b.clone(),
                        kind,
                        // Decisions saved with and without the two versions.
                        values: (n % 2 == 0).then(|| (a.0.clone(), b.0.clone())),
                    })
                    .collect();
                Workspace {
                    reference_article: (has_reference && !articles.is_empty())
                        .then(|| reference.index(articles.len())),
                    articles,
                    decisions: Decisions {
                        links: links.into(),
                        unlinks: unlinks.into(),
                        not_conflicts,
                    },
                    claim_notes,
                    group_notes,
                    group_labels,
                    settings,
                    ..Workspace::default()
                }
            },
        )
}

/// Bit-exact float comparison (`-0.0` must stay `-0.0` for saves to be byte-identical).
fn same_bits(a: &Workspace, b: &Workspace) -> bool {
    a == b
        && a.settings.matching.link_threshold.to_bits()
            == b.settings.matching.link_threshold.to_bits()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_workspace_round_trips_equal(ws in workspace()) {
        let text = to_ron_string(&ws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = from_ron_str(&text, "p.claimdiff.ron");
        prop_assert!(back.as_ref().is_ok_and(|back| same_bits(back, &ws)), "{back:?}\n{text}");
    }

    #[test]
    fn saving_twice_gives_identical_bytes(ws in workspace()) {
        let first = to_ron_string(&ws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&to_ron_string(&ws.clone()).unwrap_or_default(), &first);
        let reloaded = from_ron_str(&first, "p.claimdiff.ron")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(to_ron_string(&reloaded).unwrap_or_default(), first);
    }

    #[test]
    fn arbitrary_unicode_article_text_round_trips_exactly(text in nasty_text(), raw in any::<Vec<char>>()) {
        let mut ws = Workspace::default();
        ws.articles.push(ArticleEntry { text: text.clone(), ..ArticleEntry::default() });
        let raw: String = raw.into_iter().collect();
        ws.articles.push(ArticleEntry { text: raw.clone(), ..ArticleEntry::default() });
        let file = to_ron_string(&ws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = from_ron_bytes(file.as_bytes(), "p.claimdiff.ron")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.articles[0].text, &text);
        prop_assert_eq!(&back.articles[1].text, &raw);
    }

    #[test]
    fn no_truncation_of_any_workspace_panics(ws in workspace(), cut in any::<prop::sample::Index>()) {
        let text = to_ron_string(&ws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let bytes = text.trim_end().as_bytes();
        let cut = cut.index(bytes.len());
        let result = from_ron_bytes(&bytes[..cut], "p.claimdiff.ron");
        prop_assert!(result.as_ref().is_err_and(|e| e.position().is_some()), "cut {cut}: {result:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Through the real file system: save, load, save again: same bytes on disk, same workspace.
    #[test]
    fn saved_files_round_trip_and_are_byte_identical(ws in workspace()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("p.claimdiff.ron");
        save(&path, &ws, Overwrite::Always).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let first = std::fs::read(&path).unwrap_or_default();
        let loaded = load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(same_bits(&loaded, &ws));
        save(&path, &loaded, Overwrite::Always).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(std::fs::read(&path).unwrap_or_default(), first);
    }
}

#[test]
fn megabyte_strings_round_trip_exactly() {
    // One 4 MB line without breaks, and a 2 MB text of short CRLF lines with every escape.
    let long_line: String = "«Ça va?» \"quoted\" \\ back\u{202e}slash\0 ".repeat(100_000);
    let many_lines: String = "line \u{200f}with\ttab\r\n".repeat(100_000);
    let mut ws = Workspace::default();
    for text in [&long_line, &many_lines] {
        ws.articles.push(ArticleEntry {
            text: text.clone(),
            ..ArticleEntry::default()
        });
    }
    let file = to_ron_string(&ws).unwrap_or_default();
    let back = from_ron_str(&file, "big.claimdiff.ron");
    assert!(
        back.as_ref().is_ok_and(|back| back == &ws),
        "{:?}",
        back.err()
    );
}

#[test]
fn the_shared_sample_round_trips() {
    let ws = workspace_common::sample();
    let text = to_ron_string(&ws).unwrap_or_default();
    assert_eq!(from_ron_str(&text, "s.claimdiff.ron").ok(), Some(ws));
}
