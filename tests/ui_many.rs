//! Many articles in one window, as a researcher has them: repeated outlets told apart, and a
//! selection that brings an off-screen counterpart into view (kittest over AccessKit).

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use claimdiff::app::{App, Command};
use claimdiff::ingest::Article;
use common::ten_articles as many_articles;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(articles: Vec<Article>, width: f32, height: f32) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(12)
        .build_eframe(move |_| App::with_articles(articles.clone()));
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    harness
}

fn column_headers(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .query_all_by_role(Role::ColumnHeader)
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn repeated_outlets_get_unique_labels_in_columns_table_and_tooltips() {
    let harness = harness(many_articles(), 1600.0, 1000.0);
    let headers = column_headers(&harness);
    assert_eq!(headers.len(), 10);
    let mut unique = headers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10, "{headers:?}");
    assert!(headers.contains(&"Outlet column: The Kessling Courier (2026-04-01)".to_owned()));
    assert!(headers.contains(&"Outlet column: news.example.com".to_owned()));
    // The first column's header names the outlet with its date, too.
    harness.get_by_label("Move The Kessling Courier (2026-03-11) right");
}

#[test]
fn selecting_a_claim_scrolls_the_columns_sideways_to_a_counterpart() {
    let mut harness = harness(many_articles(), 1024.0, 700.0);
    // Columns 5 to 10 hold the other story; at this width they start off-screen.
    let other_story_shown = |h: &Harness<'_, App>| {
        h.query_all_by_label_contains("Move ")
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| {
                l.contains("(2026-04-0")
                    || l.contains("news.example.com")
                    || l.contains("Newsweekly")
            })
    };
    assert!(
        !other_story_shown(&harness),
        "the other story starts off-screen"
    );
    // A claim only the first article has, linked by the user with the last article's headline:
    // its counterparts are all off-screen.
    let comparison = harness.state().comparison().clone();
    let first = comparison
        .claims
        .iter()
        .find(|c| c.article == 0 && comparison.groups[c.group].members.len() == 1)
        .expect("a claim only the first article has")
        .clone();
    let far = comparison
        .claims
        .iter()
        .find(|c| c.article == comparison.articles.len() - 1)
        .expect("the last article's headline")
        .clone();
    harness
        .state_mut()
        .apply(Command::LinkClaims(first.id.clone(), far.id.clone()));
    harness.state_mut().wait_for_analysis();
    harness.run();
    // Back to the first column: select a group of the flood story from the group list.
    let comparison = harness.state().comparison().clone();
    let flood_group = comparison
        .claims
        .iter()
        .find(|c| c.article == 0)
        .unwrap()
        .group;
    harness.state_mut().apply(Command::SelectGroup(flood_group));
    for _ in 0..4 {
        harness.run();
    }
    assert!(
        !other_story_shown(&harness),
        "scrolled back to the first column"
    );
    harness
        .state_mut()
        .apply(Command::SelectClaim(first.id.clone()));
    for _ in 0..4 {
        harness.run();
    }
    assert!(
        other_story_shown(&harness),
        "a column holding a counterpart came into view"
    );
}

#[test]
fn a_small_window_at_120_percent_keeps_one_toolbar_row_claims_and_claim_text() {
    let mut articles = claimdiff::ingest::demo::demo_articles();
    articles.push(common::other_story("Valley Herald", Some("2026-03-12"), 1));
    articles.push(common::other_story("Carrow Times", Some("2026-03-12"), 2));
    let mut harness = harness(articles, 1024.0, 700.0);
    harness.state_mut().apply(Command::ZoomIn);
    harness.state_mut().apply(Command::ZoomIn);
    for _ in 0..4 {
        harness.run();
    }
    // What does not fit in the toolbar's one row is in its "More" menu.
    harness.get_by_label("More ▾");
    // The columns keep room for several claims.
    let claims = harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" claim: "))
        .count();
    assert!(claims >= 6, "{claims} claims shown");
    // The group table still shows claim text.
    assert!(
        harness
            .query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.contains(" group: ") && l.contains("Kessling"))
    );
}

#[test]
fn thirty_articles_are_told_apart_and_listed() {
    let harness = harness(common::many_articles(30), 1600.0, 1000.0);
    assert_eq!(column_headers(&harness).len(), 30);
    let headers = column_headers(&harness);
    let mut unique = headers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 30, "every column told apart");
    assert!(
        harness
            .query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| l.contains(" group: "))
            .count()
            >= 5
    );
}
