//! Shared helpers for the workspace tests.
#![allow(dead_code)] // Each test binary uses a different subset.

use std::path::PathBuf;

use claimdiff::analysis::ClaimId;
use claimdiff::ingest::ArticleMeta;
use claimdiff::workspace::{ArticleEntry, GroupFilter, Workspace};

/// The folder of workspace fixtures.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace")
}

/// A workspace using every field, with awkward text (quotes, backslashes, CRLF, RTL, NUL).
pub fn sample() -> Workspace {
    let id = |s: &str| ClaimId(s.to_string());
    let mut ws = Workspace::default();
    ws.articles.push(ArticleEntry {
        text: "Harbour bridge to close\nOutlet: Herald\n\nThe bridge will close for \"six\" weeks.\r\nC:\\path \u{202e}RTL\u{202c} and NUL\0 here.\n"
            .to_string(),
        meta: ArticleMeta {
            outlet: "Herald".into(),
            headline: "Harbour bridge to close".into(),
            date: Some("2024-03-04".into()),
            url: Some("https://herald.example/a?b=1&c=\"2\"".into()),
            author: Some("Ana Lopes".into()),
            origin: Some("/tmp/herald.txt".into()),
            credited: Vec::new(),
        },
    });
    ws.articles.push(ArticleEntry {
        text: "Bridge shut for two months\nOutlet: Metro\n\nEngineers said eight weeks.".into(),
        meta: ArticleMeta {
            outlet: "Metro".into(),
            headline: "Bridge shut for two months".into(),
            ..ArticleMeta::default()
        },
    });
    ws.decisions.links.insert(id("a1"), id("b1"));
    ws.decisions.unlinks.insert(id("a2"), id("b2"));
    ws.claim_notes
        .insert(id("b1"), "Eight, not six.\nCheck.".into());
    ws.claim_notes.insert(id("a1"), "Council figure.".into());
    ws.group_notes.insert(id("a1"), "Length of closure".into());
    ws.group_labels.insert(id("a1"), "Closure".into());
    ws.reference_article = Some(1);
    ws.settings.matching.link_threshold = 0.45;
    ws.settings.filter = GroupFilter::ConflictsOnly;
    ws.settings.search = "bridge".into();
    ws
}

/// The sample as file text.
pub fn sample_text() -> String {
    claimdiff::workspace::to_ron_string(&sample()).unwrap_or_default()
}
