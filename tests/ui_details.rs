//! The small things that each cost a user minutes, checked the way a user meets them (kittest
//! over AccessKit): filters, notices, the search box, the typed Save As path, folders.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use claimdiff::app::{App, Command, Startup};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn demo_harness() -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(|cc| App::new(cc, Startup::isolated(Vec::new())));
    harness.run();
    harness
}

#[test]
fn filters_count_what_the_toolbar_counts_and_never_make_the_work_unsaved() {
    let mut harness = demo_harness();
    let toolbar = harness
        .query_all_by_label_contains(" shared")
        .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
        .find(|l| l.starts_with("= ") && l.ends_with(" shared"))
        .expect("the toolbar's shared count");
    let shared: usize = toolbar
        .trim_start_matches("= ")
        .trim_end_matches(" shared")
        .parse()
        .unwrap();
    harness
        .get_by_label(&format!("= Shared ({shared})"))
        .click();
    harness.run();
    assert!(!harness.state().is_dirty(), "a filter is not unsaved work");
    assert_eq!(harness.state().listed_groups().len(), shared);
    harness
        .state_mut()
        .apply(Command::SetSearch("mayor".into()));
    harness.run();
    assert!(!harness.state().is_dirty(), "nor is a search");
    // The table's symbols are explained beside it.
    harness.get_by_label_contains("reports it differently");
    harness.get_by_label_contains("doesn't report it");
}

#[test]
fn the_undo_offer_goes_once_the_removal_is_undone() {
    let mut harness = demo_harness();
    harness.state_mut().apply(Command::RemoveArticle(3));
    harness.run();
    let offers = |h: &Harness<'_, App>| {
        h.state()
            .notices()
            .iter()
            .filter(|n| n.action == Some(Command::Undo))
            .count()
    };
    assert_eq!(offers(&harness), 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 4);
    assert_eq!(
        offers(&harness),
        0,
        "no Undo button for what is already undone"
    );
}

#[test]
fn escape_in_the_search_box_clears_the_search_not_the_selection() {
    let mut harness = demo_harness();
    let selected = harness.state().selected_claim();
    assert!(selected.is_some());
    harness.get_by_label("Search claims").focus();
    harness.run();
    harness.get_by_label("Search claims").type_text("mayor");
    harness.run();
    assert_eq!(harness.state().workspace().settings.search, "mayor");
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    assert_eq!(harness.state().workspace().settings.search, "");
    assert_eq!(harness.state().selected_claim(), selected);
}

#[test]
fn several_messages_are_dismissed_at_once() {
    let mut harness = demo_harness();
    harness.state_mut().apply(Command::OpenPaths(vec![
        "/nonexistent/one.txt".into(),
        "/nonexistent/two.txt".into(),
    ]));
    harness.run();
    assert!(harness.state().notices().len() >= 2);
    harness.get_by_label("Dismiss all").click();
    harness.run();
    assert!(harness.state().notices().is_empty());
    assert_eq!(
        harness.state().workspace().articles.len(),
        4,
        "nothing was lost"
    );
}

#[test]
fn the_typed_save_path_has_the_keyboard_and_enter_saves_into_a_folder() {
    let mut harness = demo_harness();
    let dir = tempfile::tempdir().unwrap();
    harness.state_mut().ask_save_path_in_window(dir.path());
    harness.run();
    harness.run();
    let field = harness.get_by_label("File path");
    assert!(
        field.accesskit_node().is_focused(),
        "the field has the keyboard"
    );
    // Replace the proposed path with the folder alone: the proposed name goes in it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("File path")
        .type_text(&dir.path().display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    // One frame: the save starts on a background thread (its spinner keeps repainting).
    harness.step();
    harness.state_mut().wait_for_jobs();
    harness.run();
    let saved = dir.path().join("demo story.claimdiff.ron");
    assert!(saved.exists(), "saved as {}", saved.display());
    assert_eq!(harness.state().document_path(), Some(saved.as_path()));
}

#[test]
fn a_folder_opens_as_the_article_files_inside_it() {
    let mut harness = demo_harness();
    let dir = tempfile::tempdir().unwrap();
    for (name, outlet) in [("a.txt", "Valley Herald"), ("b.md", "Carrow Times")] {
        std::fs::write(
            dir.path().join(name),
            format!("Tram line opens\nOutlet: {outlet}\n\nThe tram line opened on Monday.\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("notes.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
    harness
        .state_mut()
        .apply(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    harness.state_mut().wait_for_analysis();
    harness.run();
    let outlets: Vec<String> = harness
        .state()
        .workspace()
        .articles
        .iter()
        .map(|a| a.meta.outlet.clone())
        .collect();
    assert_eq!(outlets.len(), 6, "{outlets:?}");
    assert!(outlets.contains(&"Valley Herald".to_owned()));
    let empty = tempfile::tempdir().unwrap();
    harness
        .state_mut()
        .apply(Command::OpenPaths(vec![empty.path().to_path_buf()]));
    harness.run();
    let last = harness.state().notices().last().unwrap().text.clone();
    assert!(last.contains("holds no article files"), "{last}");
}

#[test]
fn closing_never_sweeps_away_an_article_being_typed() {
    let mut harness = demo_harness();
    harness.state_mut().apply(Command::PasteArticle);
    harness.run();
    harness.get_by_label("Article text").focus();
    harness.run();
    harness
        .get_by_label("Article text")
        .type_text("Harbour bridge reopens\n\nThe bridge reopened on Friday.");
    harness.run();
    harness.state_mut().apply(Command::Quit);
    harness.run();
    assert!(!harness.state().will_close());
    assert!(!harness.state().is_asking_to_save());
    harness.get_by_label("Article text");
    assert!(harness.state().notices().iter().any(|n| {
        n.text
            .contains("Add or cancel the article being typed first")
    }));
}

#[test]
fn each_member_says_whether_it_states_the_same_claim_or_shares_part_of_it() {
    let harness = demo_harness();
    let headings: Vec<String> = harness
        .query_all_by_label_contains(" · matched ")
        .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
        .collect();
    assert!(
        !headings.is_empty(),
        "members of the selected group name their match"
    );
    assert!(
        headings
            .iter()
            .all(|h| h.contains("same claim · matched ") || h.contains("shares part · matched ")),
        "{headings:?}"
    );
}
