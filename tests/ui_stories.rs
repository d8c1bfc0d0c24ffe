//! Stories and independent reports in the window (kittest over AccessKit): story marks on the
//! columns, reprints named, "Compare separately", coverage counted in independent reports.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use claimdiff::app::{App, Command, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn reports_harness() -> Harness<'static, App> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let files = [
        "1-valley-herald.txt",
        "2-northern-wire-reprint.txt",
        "3-carrow-times-own.txt",
        "4-carrow-times-budget.txt",
    ]
    .map(|f| dir.join(f))
    .to_vec();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(12)
        .build_eframe(move |cc| App::new(cc, Startup::isolated(files.clone())));
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    harness
}

#[test]
fn columns_are_marked_by_story_and_a_reprint_names_its_original() {
    let mut harness = reports_harness();
    assert_eq!(harness.query_all_by_label("story 1").count(), 3);
    assert_eq!(harness.query_all_by_label("story 2").count(), 1);
    harness.get_by_label("reprint of Valley Herald");
    // Only the article that shares its story with no other offers to be compared apart.
    assert_eq!(
        harness
            .query_all_by_label_contains("Compare separately")
            .count(),
        1
    );
    // The Outlets tab lists the stories and who reuses whom.
    harness.get_by_label("Outlets").click();
    harness.run();
    harness.get_by_label_contains("Story 1: [1] [2] [3] — 3 articles, 2 independent reports");
    harness.get_by_label_contains("[2] Northern Wire reuses the report of [1] Valley Herald");
}

#[test]
fn coverage_counts_independent_reports_beside_outlets() {
    let mut harness = reports_harness();
    let c = harness.state().comparison();
    // A claim the original and its reprint both carry.
    let group = c
        .groups
        .iter()
        .find(|g| g.present_in.contains(&0) && g.present_in.contains(&1))
        .expect("a claim of the original and the reprint")
        .id;
    harness.state_mut().apply(Command::SelectGroup(group));
    harness.run();
    // In the Differences panel's header and in the group list.
    assert!(
        harness
            .query_all_by_label_contains("of 3 outlets · 2 independent reports")
            .count()
            >= 2
    );
}

#[test]
fn compare_separately_opens_the_article_on_its_own_and_nothing_is_lost() {
    let mut harness = reports_harness();
    let budget_claim = {
        let c = harness.state().comparison();
        c.claims
            .iter()
            .find(|cl| cl.article == 3)
            .unwrap()
            .id
            .clone()
    };
    harness.state_mut().apply(Command::SetClaimNote {
        claim: budget_claim.clone(),
        note: "check the vote count".into(),
    });
    harness.get_by_label("Compare separately").click();
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    let ws = harness.state().workspace();
    assert_eq!(ws.articles.len(), 3);
    assert!(
        ws.articles
            .iter()
            .all(|a| !a.meta.headline.contains("budget"))
    );
    let written = harness
        .state()
        .separated_workspaces()
        .last()
        .cloned()
        .expect("its own comparison was written");
    let separate = claimdiff::workspace::load(&written).unwrap();
    assert_eq!(separate.articles.len(), 1);
    assert!(separate.articles[0].meta.headline.contains("budget"));
    assert_eq!(
        separate.claim_notes.get(&budget_claim).map(String::as_str),
        Some("check the vote count"),
        "the article's notes go with it"
    );
    // Undo brings it back here.
    harness.state_mut().apply(Command::Undo);
    harness.state_mut().wait_for_analysis();
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 4);
    // Separated again, it gets a file of its own: the first one is never overwritten.
    harness.get_by_label("Compare separately").click();
    harness.run();
    let again = harness
        .state()
        .separated_workspaces()
        .last()
        .cloned()
        .unwrap();
    assert_ne!(again, written);
    assert!(written.exists());
    let _ = std::fs::remove_file(&written);
    let _ = std::fs::remove_file(&again);
}
