//! The workspace file format: deterministic output, versions and migrations, and bad input of
//! every kind (truncated, corrupted, wrong types, empty, BOM, invalid UTF-8, deep nesting, huge).

mod workspace_common;

use claimdiff::workspace::{
    MAX_WORKSPACE_BYTES, WORKSPACE_VERSION, Workspace, WorkspaceError, from_ron_bytes,
    from_ron_str, load, load_with_stamp, to_ron_string,
};
use workspace_common::{fixtures, sample, sample_text};

const NAME: &str = "x.claimdiff.ron";

fn parse(text: &str) -> Result<Workspace, WorkspaceError> {
    from_ron_str(text, NAME)
}

/// Every error names the file first and is one line.
fn assert_well_formed(e: &WorkspaceError) {
    let msg = e.to_string();
    assert!(msg.starts_with(&format!("'{NAME}'")), "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
}

#[test]
fn output_is_deterministic_version_first_and_sorted() {
    let text = sample_text();
    assert_eq!(text, to_ron_string(&sample()).unwrap_or_default());
    assert!(
        text.starts_with("(\n    version: 4,\n    articles: ["),
        "{text}"
    );
    assert!(text.ends_with(")\n"));
    assert!(
        !text.contains('\r'),
        "line ends are \\n on every OS; CR in text is escaped"
    );
    // Notes were inserted b1 then a1; the file lists them in key order.
    let (a1, b1) = (text.find("\"a1\": \"Council"), text.find("\"b1\": \"Eight"));
    assert!(a1.is_some() && b1.is_some() && a1 < b1, "{text}");
    // Article text is one line per source line, so edits diff line by line.
    assert!(
        text.contains("                \"Outlet: Herald\\n\",\n"),
        "{text}"
    );
}

#[test]
fn sample_round_trips_exactly() {
    let text = sample_text();
    assert_eq!(parse(&text).ok(), Some(sample()));
}

#[test]
fn truncation_at_every_char_boundary_errors_with_a_position() {
    let text = sample_text();
    let whole = text.trim_end();
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let head = &text[..cut];
        match parse(head) {
            Ok(ws) => assert_eq!(head.trim_end(), whole, "cut at {cut} loaded: {ws:?}"),
            Err(e) => {
                assert!(e.position().is_some(), "cut at {cut}: no position in '{e}'");
                assert_well_formed(&e);
            }
        }
    }
}

#[test]
fn truncation_at_every_byte_errors_with_a_position() {
    let text = sample_text().replace("Harbour", "Zürich – «Hafen»");
    assert!(
        !text.is_ascii(),
        "cuts must also fall inside multi-byte characters"
    );
    let bytes = text.as_bytes();
    for cut in 0..bytes.len() - 2 {
        match from_ron_bytes(&bytes[..cut], NAME) {
            Ok(_) => panic!("cut at byte {cut} loaded"),
            Err(e) => {
                assert!(e.position().is_some(), "cut at {cut}: no position in '{e}'");
                assert_well_formed(&e);
            }
        }
    }
}

#[test]
fn corruption_at_every_position_never_panics() {
    let text = sample_text();
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        for replacement in [b')', b']', b'"', b',', b'x', b'\\', b'{', b'(', b'9', 0xFF] {
            let mut corrupted = bytes.to_vec();
            corrupted[i] = replacement;
            if let Err(e) = from_ron_bytes(&corrupted, NAME) {
                assert_well_formed(&e);
            }
        }
    }
}

#[test]
fn wrong_types_are_reported_with_line_column_and_what_was_expected() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        (
            "(\n    version: 1,\n    articles: 5,\n)",
            (3, 15),
            "expected opening `[`",
        ),
        (
            "(\n    version: 1,\n    articles: [(text: 5)],\n)",
            (3, 23),
            "expected the article text as a list of lines or as one string",
        ),
        (
            "(version: 1, reference_article: Some(\"first\"))",
            (1, 38),
            "integer",
        ),
        ("(version: \"1\", articles: [])", (1, 11), "integer"),
        (
            "(version: 1,\n settings: (filter: Everything))",
            (2, 21),
            "Everything",
        ),
        (
            "(version: 1,\n articles: [\n (text: [\"a\" \"b\"])])",
            (3, 14),
            "comma",
        ),
    ];
    for (text, position, needle) in cases {
        let e = parse(text).err();
        let Some(e) = e else {
            panic!("{text:?} loaded");
        };
        assert_well_formed(&e);
        assert_eq!(e.position(), Some(*position), "{text:?}: {e}");
        assert!(e.to_string().contains(needle), "{text:?}: {e}");
        let (line, column) = position;
        assert!(
            e.to_string()
                .starts_with(&format!("'{NAME}', line {line}, column {column}: ")),
            "{e}"
        );
    }
}

#[test]
fn empty_and_blank_files_are_errors_at_a_position() {
    for text in ["", "   \n\t", "\u{feff}", "\u{feff}\n\n"] {
        let e = parse(text).err();
        assert!(
            matches!(&e, Some(WorkspaceError::Parse { message, .. }) if message.contains("empty")),
            "{text:?}: {e:?}"
        );
    }
    assert_eq!(
        parse("").err().map(|e| e.to_string()).as_deref(),
        Some("'x.claimdiff.ron', line 1, column 1: the file is empty, not a claimdiff workspace")
    );
}

#[test]
fn a_bom_at_the_start_is_skipped() {
    let text = format!("\u{feff}{}", sample_text());
    assert_eq!(parse(&text).ok(), Some(sample()));
    assert_eq!(from_ron_bytes(text.as_bytes(), NAME).ok(), Some(sample()));
}

#[test]
fn crlf_line_ends_in_the_file_change_nothing() {
    // Git's autocrlf or a Windows editor may turn the file's line ends into CRLF; text inside
    // strings is escaped, so the workspace is the same.
    let text = sample_text().replace('\n', "\r\n");
    assert_eq!(parse(&text).ok(), Some(sample()));
}

#[test]
fn invalid_utf8_is_reported_with_line_column_and_byte() {
    let text = sample_text();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let offset = line_starts[4] + 8; // line 5, column 9 (the sample is ASCII up to there)
    let mut bytes = text.into_bytes();
    bytes[offset] = 0xFF;
    let e = from_ron_bytes(&bytes, NAME).err();
    assert!(
        matches!(
            e,
            Some(WorkspaceError::InvalidUtf8 { line: 5, column: 9, byte, .. }) if byte == offset
        ),
        "{e:?}"
    );
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        msg,
        format!(
            "'{NAME}', line 5, column 9: the file is not valid UTF-8 text (bad byte at offset {offset})"
        )
    );
}

#[test]
fn utf16_files_are_named_as_such() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("(version: 1)".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let e = from_ron_bytes(&utf16, NAME).err();
    assert!(matches!(e, Some(WorkspaceError::Utf16 { .. })), "{e:?}");
}

/// Hostile nesting in every place a parser might recurse, behind each version-detection path.
fn deep_inputs() -> Vec<String> {
    const DEPTH: usize = 10_000;
    let nest = |open: &str, close: &str, inner: &str| {
        format!("{}{inner}{}", open.repeat(DEPTH), close.repeat(DEPTH))
    };
    vec![
        format!("(version: 1, extra: {})", nest("[", "]", "")),
        format!("(version: 1, extra: {})", nest("(", ")", "")),
        format!("(version: 1, extra: {})", nest("{\"k\": ", "}", "1")),
        format!("(version: 1, extra: {})", nest("Some(", ")", "1")),
        format!("(version: 1, extra: {})", nest("A(a: ", ")", "1")),
        format!("(version: 1, articles: {})", nest("[", "]", "")),
        format!("(articles: [], extra: {})", nest("[", "]", "")),
        format!("(extra: {}, version: 1)", nest("(", ")", "")),
        nest("[", "]", ""),
        nest("(", ")", ""),
        // Unclosed: the parser must stop at the limit, not recurse to the end.
        "[".repeat(DEPTH * 10),
        format!("(version: 1, extra: {}", "Some(".repeat(DEPTH)),
    ]
}

fn check_deep_inputs() {
    for text in deep_inputs() {
        let e = parse(&text).err();
        let Some(e) = e else {
            panic!("{:.40} loaded", text);
        };
        assert!(e.position().is_some(), "{e}");
        assert_well_formed(&e);
    }
    // The plain ignored-value case says why.
    let e = parse(&deep_inputs()[0]).err().map(|e| e.to_string());
    assert!(
        e.as_deref()
            .is_some_and(|e| e.contains("nested more than 64 levels deep")),
        "{e:?}"
    );
}

#[test]
fn ten_thousand_deep_nesting_errors_on_the_test_thread() {
    check_deep_inputs();
}

#[test]
fn ten_thousand_deep_nesting_errors_on_a_1_mib_stack() {
    // Windows gives its main thread 1 MiB; the loader must survive there too.
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(check_deep_inputs);
    let joined = worker.map(|handle| handle.join().is_ok());
    assert_eq!(
        joined.ok(),
        Some(true),
        "the loader failed or overflowed on a 1 MiB stack"
    );
}

#[test]
fn a_newer_version_is_refused_before_the_rest_is_read() {
    let expected =
        "'x.claimdiff.ron' was written by a newer claimdiff (format 5; this version reads up to 4)";
    for text in [
        // The body is not even valid RON: it is never looked at.
        "(\n    version: 5,\n    articles: <<<a format we do not know>>>",
        "\u{feff}// comment\nWorkspace(version: 5, articles: [])",
        "#![enable(implicit_some)]\n(version: 5)",
        // Version not first (hand-edited): found by a full tolerant pass.
        "(articles: [(new_shape: true)], version: 5)",
    ] {
        let e = parse(text).err();
        assert!(
            matches!(
                e,
                Some(WorkspaceError::NewerVersion {
                    found: 5,
                    supported: 4,
                    ..
                })
            ),
            "{text:?}: {e:?}"
        );
        assert_eq!(e.map(|e| e.to_string()).as_deref(), Some(expected));
    }
}

#[test]
fn every_format_version_has_a_fixture_that_loads_and_round_trips() {
    for version in 0..=WORKSPACE_VERSION {
        let path = fixtures().join(format!("v{version}.claimdiff.ron"));
        let loaded = load(&path);
        let Ok(ws) = loaded else {
            panic!("fixture v{version}: {loaded:?}");
        };
        assert_eq!(ws.version, WORKSPACE_VERSION);
        assert_eq!(ws.articles.len(), 2, "v{version}");
        let saved = to_ron_string(&ws).unwrap_or_default();
        let reloaded = parse(&saved).ok();
        assert_eq!(reloaded.as_ref(), Some(&ws), "v{version} round trip");
        let saved_again = reloaded.and_then(|ws| to_ron_string(&ws).ok());
        assert_eq!(
            saved_again,
            Some(saved),
            "v{version} saves to the same bytes"
        );
    }
}

#[test]
fn format_1_is_migrated_with_the_default_view() {
    let loaded = load(&fixtures().join("v1.claimdiff.ron"));
    let Ok(ws) = loaded else {
        panic!("{loaded:?}");
    };
    assert_eq!(ws.version, WORKSPACE_VERSION);
    assert!(!ws.view.show_possible_differences);
    // Everything format 1 held is kept.
    assert_eq!(ws.decisions.links.len(), 1);
    assert_eq!(ws.settings.search, "bridge");
    let v2 = load(&fixtures().join("v2.claimdiff.ron"));
    let Ok(v2) = v2 else {
        panic!("{v2:?}");
    };
    assert!(v2.view.show_possible_differences);
    assert!(ws.same_work(&v2), "the view is not part of the work");
    assert_ne!(ws, v2);
}

#[test]
fn format_2_is_migrated_without_not_a_conflict_decisions() {
    let v2 = load(&fixtures().join("v2.claimdiff.ron"));
    let Ok(v2) = v2 else {
        panic!("{v2:?}");
    };
    assert_eq!(v2.version, WORKSPACE_VERSION);
    assert!(v2.decisions.not_conflicts.is_empty());
    let v3 = load(&fixtures().join("v3.claimdiff.ron"));
    let Ok(v3) = v3 else {
        panic!("{v3:?}");
    };
    let kept = &v3.decisions.not_conflicts;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].kind, claimdiff::analysis::ConflictKind::Number);
    assert_eq!(kept[0].a.0, "c1-traffic");
    // Everything else format 2 held is the same.
    assert_eq!(v2.articles, v3.articles);
    assert_eq!(v2.decisions.links, v3.decisions.links);
    assert_eq!(v2.claim_notes, v3.claim_notes);
    assert_eq!(kept[0].values, None, "format 3 kept no versions");
    let v4 = load(&fixtures().join("v4.claimdiff.ron"));
    let Ok(v4) = v4 else {
        panic!("{v4:?}");
    };
    assert_eq!(
        v4.decisions.not_conflicts[0].values,
        Some(("40,000".to_owned(), "Roughly 40,000".to_owned()))
    );
}

#[test]
fn format_0_is_migrated() {
    let loaded = load(&fixtures().join("v0.claimdiff.ron"));
    let Ok(ws) = loaded else {
        panic!("{loaded:?}");
    };
    assert!(
        ws.articles[0]
            .text
            .starts_with("Harbour bridge to close for six weeks")
    );
    assert!(
        ws.articles[1]
            .text
            .ends_with("Roughly 40,000 cars use the crossing daily.\n")
    );
    // Metadata is recovered from the text, since format 0 kept none.
    assert_eq!(ws.articles[0].meta.outlet, "The Coastal Herald");
    assert_eq!(ws.articles[0].meta.date.as_deref(), Some("2024-03-04"));
    assert_eq!(
        ws.articles[1].meta.headline,
        "Bridge closure will last two months, engineers warn"
    );
    let pair = |a: &str, b: &str| {
        (
            claimdiff::analysis::ClaimId(a.into()),
            claimdiff::analysis::ClaimId(b.into()),
        )
    };
    assert_eq!(
        ws.decisions.links,
        vec![pair("c1-closure", "c2-closure")].into()
    );
    assert_eq!(
        ws.decisions.unlinks,
        vec![pair("c1-traffic", "c2-engineers")].into()
    );
    assert_eq!(ws.claim_notes.len(), 1);
    assert!((ws.settings.matching.link_threshold - 0.4).abs() < 1e-6);
    // An explicit `version: 0` is the same format.
    let explicit = "(version: 0, articles: [\"A\\nOutlet: B\\n\\nC.\"])";
    let ws = parse(explicit).ok();
    assert_eq!(
        ws.map(|ws| ws.articles[0].meta.outlet.clone()).as_deref(),
        Some("B")
    );
}

#[test]
fn format_1_fixture_is_read_exactly() {
    let loaded = load(&fixtures().join("v1.claimdiff.ron"));
    let Ok(ws) = loaded else {
        panic!("{loaded:?}");
    };
    assert!(ws.articles[1].text.starts_with(
        "Bridge closure will last two months, engineers warn\r\nOutlet: Metro Daily\r\n"
    ));
    assert!(ws.articles[1].text.ends_with(
        "\"It is not safe,\" one engineer said. Roughly 40,000 cars use the crossing daily."
    ));
    assert_eq!(ws.articles[0].meta.author.as_deref(), Some("Ana Lopes"));
    assert_eq!(ws.reference_article, Some(0));
    assert_eq!(
        ws.settings.filter,
        claimdiff::workspace::GroupFilter::ConflictsOnly
    );
    assert_eq!(
        ws.group_labels.values().next().map(String::as_str),
        Some("Length of closure")
    );
}

#[test]
fn hand_written_files_may_give_text_as_one_string_and_omit_fields() {
    let ws = parse("(version: 1, articles: [(text: \"One\\nTwo\")])").ok();
    assert_eq!(
        ws.map(|ws| ws.articles[0].text.clone()).as_deref(),
        Some("One\nTwo")
    );
    // Fields added by later builds of the same format are ignored, not fatal.
    let ws = parse("(version: 1, articles: [], added_later: (a: [1, 2]))").ok();
    assert_eq!(ws, Some(Workspace::default()));
}

#[test]
fn ron_that_is_not_a_workspace_is_named_as_such() {
    let e = parse("(window_size: (800, 600), theme: Dark)").err();
    assert!(
        matches!(e, Some(WorkspaceError::NotAWorkspace { .. })),
        "{e:?}"
    );
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "'x.claimdiff.ron' is not a claimdiff workspace: it has neither a `version` nor an `articles` field"
        )
    );
    let e = parse("Settings(version: 1)").err();
    assert!(e.is_some_and(|e| e.to_string().contains("Settings")));
}

#[test]
fn inconsistent_content_is_refused() {
    let e = parse("(version: 1, articles: [(text: \"a\")], reference_article: Some(3))").err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "'x.claimdiff.ron' is inconsistent: the reference article is number 4 but the workspace has 1 article"
        )
    );
    let e = parse("(version: 1, settings: (matching: (link_threshold: NaN)))").err();
    assert!(matches!(e, Some(WorkspaceError::Invalid { .. })), "{e:?}");
}

#[test]
fn huge_files_are_refused_from_their_size_before_reading() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let path = dir.path().join("huge.claimdiff.ron");
    // Sparse: takes no disk space, and reading it would take seconds and 300 MiB of memory.
    let file = std::fs::File::create(&path).and_then(|f| f.set_len(MAX_WORKSPACE_BYTES + 1));
    assert!(file.is_ok());
    let started = std::time::Instant::now();
    let e = load(&path).err();
    assert!(started.elapsed().as_secs() < 2, "the file was read");
    assert_eq!(
        e.map(|e| e.to_string()),
        Some(format!(
            "'huge.claimdiff.ron' is too large to be a workspace ({} bytes; the limit is {} bytes)",
            MAX_WORKSPACE_BYTES + 1,
            MAX_WORKSPACE_BYTES
        ))
    );
}

#[test]
fn folders_devices_and_pipes_are_not_read() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let e = load(dir.path()).err();
    assert!(matches!(e, Some(WorkspaceError::NotAFile { .. })), "{e:?}");
    if cfg!(unix) {
        let e = load(std::path::Path::new("/dev/zero")).err();
        assert!(matches!(e, Some(WorkspaceError::NotAFile { .. })), "{e:?}");
        // A named pipe without a writer would block forever if opened.
        let fifo = dir.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = load(&fifo).err();
            assert!(matches!(e, Some(WorkspaceError::NotAFile { .. })), "{e:?}");
        }
    }
}

#[test]
fn a_missing_file_is_named() {
    let e = load(std::path::Path::new(
        "/nonexistent/folder/gone.claimdiff.ron",
    ))
    .err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("Can't read 'gone.claimdiff.ron': the file or folder does not exist"),
        "{msg}"
    );
}

#[test]
fn load_with_stamp_describes_the_bytes_read() {
    let path = fixtures().join("v1.claimdiff.ron");
    let loaded = load_with_stamp(&path);
    let bytes = std::fs::read(&path).unwrap_or_default();
    let Ok((_, stamp)) = loaded else {
        panic!("{loaded:?}");
    };
    assert_eq!(stamp.len_bytes, bytes.len() as u64);
    assert!(stamp.same_content(&claimdiff::workspace::FileStamp::of_bytes(&bytes, None)));
    assert!(stamp.modified.is_some());
}
