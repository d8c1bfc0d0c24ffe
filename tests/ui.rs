//! The window driven as a user drives it: by the labels of its widgets and by keys (kittest over
//! AccessKit), checking both what the app holds and what it shows.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use claimdiff::analysis::{ClaimId, GroupStatus};
use claimdiff::app::App;
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const OUTLETS: [&str; 4] = [
    "The Kessling Courier",
    "Northline Wire",
    "Meridian Post",
    "Riverside Daily",
];

fn demo_harness() -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(|cc| App::new(cc, claimdiff::app::Startup::isolated(Vec::new())));
    harness.run();
    harness
}

/// Labels of every claim widget shown, e.g. "shared claim: Two people died …".
fn claim_labels(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" claim: "))
        .collect()
}

fn outlet_columns(harness: &Harness<'_, App>) -> usize {
    harness.query_all_by_role(Role::ColumnHeader).count()
}

/// Text of a claim widget label ("shared claim: X" → "X").
fn claim_text(label: &str) -> &str {
    label.split_once(" claim: ").map_or(label, |(_, text)| text)
}

#[test]
fn opens_on_the_demo_with_four_outlets() {
    let harness = demo_harness();
    for outlet in OUTLETS {
        assert!(
            harness.query_all_by_label(outlet).count() >= 1,
            "{outlet} shown"
        );
        harness.get_by_label(&format!("Outlet column: {outlet}"));
    }
    assert_eq!(outlet_columns(&harness), 4);
    assert_eq!(harness.state().workspace().articles.len(), 4);
    assert_eq!(harness.state().title(), "claimdiff — demo story");
    assert!(!claim_labels(&harness).is_empty());
}

#[test]
fn clicking_a_claim_highlights_its_group_in_every_column() {
    let mut harness = demo_harness();
    // The window opens with something selected, so the differences panel shows what it does.
    let initial = harness.state().selected_group();
    assert!(initial.is_some());
    let label = {
        let comparison = harness.state().comparison();
        claim_labels(&harness)
            .into_iter()
            .find(|l| {
                comparison
                    .claims
                    .iter()
                    .find(|c| c.text == claim_text(l))
                    .is_some_and(|c| {
                        Some(c.group) != initial && comparison.groups[c.group].present_in.len() > 1
                    })
            })
            .expect("a claim of another shared group is shown")
    };
    harness.get_by_label(&label).click();
    harness.run();

    let app = harness.state();
    let group = app.selected_group().expect("a group is selected");
    let comparison = app.comparison();
    let members: BTreeSet<ClaimId> = comparison.groups[group]
        .members
        .iter()
        .map(|&m| comparison.claims[m].id.clone())
        .collect();
    let highlighted: BTreeSet<ClaimId> = app.highlighted_claims().iter().cloned().collect();
    // Every column that carries the group draws it highlighted (columns draw the whole text).
    for &article in &comparison.groups[group].present_in {
        assert!(
            comparison.groups[group]
                .members
                .iter()
                .any(|&m| comparison.claims[m].article == article
                    && highlighted.contains(&comparison.claims[m].id)),
            "column {article} does not highlight the group"
        );
    }
    assert!(highlighted.is_subset(&members));

    // Visible: the differences panel shows the group, and its claims are marked selected.
    let heading = format!("group {} of {}", group + 1, comparison.groups.len());
    harness.get_by_label_contains(&heading);
    let selected_claims = harness
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(" claim: "))
        })
        .filter(|n| n.accesskit_node().toggled() == Some(Toggled::True))
        .count();
    assert_eq!(selected_claims, highlighted.len());
    assert!(selected_claims >= comparison.groups[group].present_in.len());
}

#[test]
fn hovering_a_claim_highlights_its_group() {
    let mut harness = demo_harness();
    let label = claim_labels(&harness)
        .into_iter()
        .find(|l| l.contains("Two people died"))
        .expect("a claim about the deaths is shown");
    let before = harness.state().selected_group();
    harness.get_by_label(&label).hover();
    harness.run();
    // Hover never selects.
    assert_eq!(harness.state().selected_group(), before);
}

#[test]
fn conflicts_filter_lists_only_conflicts() {
    let mut harness = demo_harness();
    let conflicting = harness
        .state()
        .comparison()
        .groups
        .iter()
        .filter(|g| g.status == GroupStatus::Conflicting)
        .count();
    assert!(conflicting > 0, "the demo story has conflicting claims");
    harness.get_by_label_contains("≠ Conflicts (").click();
    harness.run();

    let app = harness.state();
    let listed = app.listed_groups();
    assert_eq!(listed.len(), conflicting);
    assert!(
        listed
            .iter()
            .all(|&g| app.comparison().groups[g].status == GroupStatus::Conflicting)
    );
    let rows: Vec<String> = harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" group: "))
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.starts_with("conflicting group: ")),
        "{rows:?}"
    );
}

#[test]
fn next_conflict_key_moves_the_selection() {
    let mut harness = demo_harness();
    harness.key_press(egui::Key::F7);
    harness.run();
    let first = harness
        .state()
        .selected_group()
        .expect("F7 selects a conflict");
    let comparison = harness.state().comparison();
    assert_eq!(comparison.groups[first].status, GroupStatus::Conflicting);
    let conflicts = comparison
        .groups
        .iter()
        .filter(|g| g.status == GroupStatus::Conflicting)
        .count();

    harness.key_press(egui::Key::F7);
    harness.run();
    let second = harness.state().selected_group().expect("still selected");
    assert_eq!(
        harness.state().comparison().groups[second].status,
        GroupStatus::Conflicting
    );
    if conflicts > 1 {
        assert_ne!(first, second, "F7 moves to the next conflict");
    }
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F7);
    harness.run();
    assert_eq!(harness.state().selected_group(), Some(first));
}

#[test]
fn next_group_keys_walk_the_group_list() {
    let mut harness = demo_harness();
    let listed = harness.state().listed_groups().to_vec();
    let start = harness
        .state()
        .selected_group()
        .expect("opens with a selection");
    let at = listed.iter().position(|&g| g == start).expect("listed");
    harness.key_press(egui::Key::J);
    harness.run();
    assert_eq!(
        harness.state().selected_group(),
        Some(listed[(at + 1) % listed.len()])
    );
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().selected_group(),
        Some(listed[(at + 2) % listed.len()])
    );
    harness.key_press(egui::Key::K);
    harness.run();
    assert_eq!(
        harness.state().selected_group(),
        Some(listed[(at + 1) % listed.len()])
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected_group(), None);
}

#[test]
fn keyboard_shortcuts_are_listed() {
    let mut harness = demo_harness();
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Next conflict");
    harness.get_by_label("F7");
}

#[test]
fn pasted_text_becomes_a_new_outlet_column() {
    let mut harness = demo_harness();
    assert_eq!(outlet_columns(&harness), 4);
    harness.get_by_label("Paste article…").click();
    harness.run();
    harness.get_by_label("Article text").focus();
    harness.run();
    harness.get_by_label("Article text").type_text(
        "Kessling flood: 1,500 evacuated, officials say\nOutlet: Harbour Gazette\nDate: 2026-03-12\n\n\
         About 1,500 people were evacuated from Kessling after the Aldra river burst its banks on \
         Tuesday night, officials said.\n\nTwo people died when their car was swept off the Mill \
         Street bridge, police said.\n",
    );
    harness.run();
    harness.get_by_label("Add").click();
    harness.run();

    assert_eq!(harness.state().workspace().articles.len(), 5);
    assert_eq!(outlet_columns(&harness), 5);
    assert!(harness.query_all_by_label("Harbour Gazette").count() >= 1);
    harness.get_by_label("Outlet column: Harbour Gazette");
    assert!(
        harness.query_by_label("Article text").is_none(),
        "the dialog closed"
    );
}

#[test]
fn link_and_unlink_change_the_groups() {
    let mut harness = demo_harness();
    // Two claims of different articles in different groups, both on screen.
    let (a, b) = {
        let comparison = harness.state().comparison();
        let shown: Vec<String> = claim_labels(&harness);
        let find = |label: &String| {
            comparison
                .claims
                .iter()
                .position(|c| c.text == claim_text(label))
        };
        let indices: Vec<usize> = shown.iter().filter_map(find).collect();
        let mut pair = None;
        'outer: for &x in &indices {
            for &y in &indices {
                let (cx, cy) = (&comparison.claims[x], &comparison.claims[y]);
                if cx.article != cy.article && cx.group != cy.group {
                    pair = Some((x, y));
                    break 'outer;
                }
            }
        }
        pair.expect("two unlinked claims of different outlets are on screen")
    };
    let label_of = |harness: &Harness<'_, App>, claim: usize| {
        let text = harness.state().comparison().claims[claim].text.clone();
        claim_labels(harness)
            .into_iter()
            .find(|l| claim_text(l) == text)
            .expect("claim shown")
    };
    let (id_a, id_b) = {
        let c = harness.state().comparison();
        (c.claims[a].id.clone(), c.claims[b].id.clone())
    };

    // Select A, choose "Link with…", click B.
    let label_a = label_of(&harness, a);
    harness.get_by_label(&label_a).click();
    harness.run();
    harness.get_by_label("Link with…").click();
    harness.run();
    assert!(harness.state().is_linking());
    let label_b = label_of(&harness, b);
    harness.get_by_label(&label_b).click();
    harness.run();
    // When both claims already have groups, the window asks; this user joins them.
    if harness
        .query_by_label_contains("This link joins two groups")
        .is_some()
    {
        harness.get_by_label("Join the two groups").click();
        harness.run();
    }

    let app = harness.state();
    let comparison = app.comparison();
    let (ga, gb) = (
        comparison.claims[comparison.claim_by_id(&id_a).expect("a")].group,
        comparison.claims[comparison.claim_by_id(&id_b).expect("b")].group,
    );
    assert_eq!(ga, gb, "linked claims share a group");
    assert!(
        comparison.groups[ga].user_curated,
        "the group is marked as user-made"
    );
    assert_eq!(app.workspace().decisions.links.len(), 1);

    // Unlink A (it is still selected) with the U key: it leaves the group again.
    harness.key_press(egui::Key::U);
    harness.run();
    let app = harness.state();
    let comparison = app.comparison();
    let (ga, gb) = (
        comparison.claims[comparison.claim_by_id(&id_a).expect("a")].group,
        comparison.claims[comparison.claim_by_id(&id_b).expect("b")].group,
    );
    assert_ne!(ga, gb, "unlinked claims are apart");
    assert!(app.workspace().decisions.links.is_empty());
}

#[test]
fn unlinking_a_matched_claim_records_an_unlink() {
    let mut harness = demo_harness();
    let shared = claim_labels(&harness)
        .into_iter()
        .find(|l| l.starts_with("shared claim: ") || l.starts_with("conflicting claim: "))
        .expect("a claim several outlets share is shown");
    harness.get_by_label(&shared).click();
    harness.run();
    let id = {
        let app = harness.state();
        app.comparison().claims[app.selected_claim().expect("selected")]
            .id
            .clone()
    };
    harness.get_by_label("Unlink").click();
    harness.run();
    let app = harness.state();
    let comparison = app.comparison();
    let claim = &comparison.claims[comparison.claim_by_id(&id).expect("still there")];
    assert_eq!(comparison.groups[claim.group].members.len(), 1);
    assert_eq!(
        comparison.groups[claim.group].status,
        GroupStatus::SingleOutlet
    );
    assert!(!app.workspace().decisions.unlinks.is_empty());

    // Undo puts the claim back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let app = harness.state();
    assert!(app.workspace().decisions.unlinks.is_empty());
}

#[test]
fn an_import_error_names_the_file_and_keeps_the_comparison() {
    let mut harness = demo_harness();
    let before = harness.state().comparison().claims.len();
    // Ctrl+L brings the path field into the toolbar (it may sit in "More" when space is short).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    harness.get_by_label("Open path").focus();
    harness.run();
    harness
        .get_by_label("Open path")
        .type_text("/nonexistent/folder/missing-story.txt");
    harness.run();
    harness.get_by_label("Add file").click();
    harness.run();

    harness.get_by_label_contains("missing-story.txt");
    let app = harness.state();
    assert!(
        app.notices()
            .iter()
            .any(|n| n.text.contains("missing-story.txt"))
    );
    assert_eq!(app.workspace().articles.len(), 4);
    assert_eq!(app.comparison().claims.len(), before);

    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notices().is_empty());
}

#[test]
fn removing_and_reordering_articles() {
    let mut harness = demo_harness();
    harness.get_by_label("Move Northline Wire left").click();
    harness.run();
    let outlets: Vec<String> = harness
        .state()
        .workspace()
        .articles
        .iter()
        .map(|a| a.meta.outlet.clone())
        .collect();
    assert_eq!(outlets[0], "Northline Wire");
    assert_eq!(
        harness.state().comparison().articles[0].meta.outlet,
        "Northline Wire"
    );

    harness.get_by_label("Remove Meridian Post").click();
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 3);
    assert_eq!(outlet_columns(&harness), 3);
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 4);
}

#[test]
fn article_details_are_edited_in_place() {
    let mut harness = demo_harness();
    harness
        .get_by_label("Edit details of Riverside Daily")
        .click();
    harness.run();
    let outlet = harness.get_by_label("Outlet");
    outlet.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Outlet")
        .type_text("Riverside Daily Online");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.workspace().articles[3].meta.outlet,
        "Riverside Daily Online"
    );
    assert_eq!(
        app.comparison().articles[3].meta.outlet,
        "Riverside Daily Online"
    );
    assert_eq!(
        app.workspace().articles[3].meta.date.as_deref(),
        Some("2026-03-13"),
        "fields not shown in the editor are kept"
    );
}

#[test]
fn search_filters_groups_across_articles() {
    let mut harness = demo_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    assert!(harness.get_by_label("Search claims").is_focused());
    harness.get_by_label("Search claims").type_text("mayor");
    harness.run();
    let app = harness.state();
    let listed = app.listed_groups();
    assert!(!listed.is_empty() && listed.len() < app.comparison().groups.len());
    for &g in listed {
        let group = &app.comparison().groups[g];
        assert!(group.members.iter().any(|&m| {
            app.comparison().claims[m]
                .text
                .to_lowercase()
                .contains("mayor")
        }));
    }
}

#[test]
fn text_in_many_scripts_never_panics_on_missing_glyphs() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .allow_missing_glyphs()
        .build_eframe(|cc| App::new(cc, claimdiff::app::Startup::isolated(Vec::new())));
    harness.run();
    harness.state_mut().apply(claimdiff::app::Command::AddArticleText {
        text: "İstanbul'da sel: 300 kişi tahliye edildi\n\nЖители Кесслинга эвакуированы. Οι κάτοικοι \
               εκκενώθηκαν. 洪水 🌊 \u{200b}hidden."
            .to_owned(),
        outlet: "Çok Dilli Haber".to_owned(),
    });
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 5);
    harness.get_by_label("Çok Dilli Haber");
}

#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_become_articles_and_bad_ones_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("harbour-gazette.txt");
    std::fs::write(
        &good,
        "Kessling counts the cost\nOutlet: Harbour Gazette\n\nAbout 1,200 residents left their homes.\n",
    )
    .expect("write article");
    let missing = dir.path().join("gone.txt");
    let mut harness = demo_harness();
    for path in [good, missing] {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(path)));
    }
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace().articles.len(), 5);
    assert_eq!(app.workspace().articles[4].meta.outlet, "Harbour Gazette");
    assert!(app.notices().iter().any(|n| n.text.contains("gone.txt")));
    assert_eq!(outlet_columns(&harness), 5);
}

#[test]
fn the_idle_window_does_not_repaint() {
    let mut harness = demo_harness();
    harness.step();
    let delay = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay);
    assert_eq!(delay, Some(std::time::Duration::MAX));
}

#[test]
fn large_inputs_are_analysed_off_the_ui_thread_with_a_progress_label() {
    let mut harness = demo_harness();
    harness.state_mut().set_inline_analysis_limit(0);
    let demo = claimdiff::ingest::demo::DEMO_FILES;
    for i in 0..30 {
        let text = demo[i % demo.len()]
            .1
            .replace("Outlet: ", &format!("Outlet: Copy {i} of "));
        harness
            .state_mut()
            .apply(claimdiff::app::Command::AddArticleText {
                text,
                outlet: String::new(),
            });
    }
    harness.step();
    assert!(harness.state().is_analysing());
    assert!(harness.query_all_by_label("Analysing…").count() >= 1);
    harness.state_mut().wait_for_analysis();
    harness.run();
    assert!(!harness.state().is_analysing());
    assert!(harness.query_by_label("Analysing…").is_none());
    assert_eq!(harness.state().comparison().articles.len(), 34);
}

#[test]
fn possible_differences_show_on_request_without_making_the_work_unsaved() {
    let mut harness = demo_harness();
    // The demo's first group joins the flood and the clean-up: its differing days are possible
    // differences only, while its differing head counts are sure.
    harness
        .state_mut()
        .apply(claimdiff::app::Command::SelectGroup(0));
    harness.run();
    let title = harness.state().title();
    assert!(harness.query_by_label_contains("possible:").is_none());
    harness.get_by_label_contains("≠ number differs:");

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show possible differences").click();
    harness.run();

    assert!(harness.state().workspace().view.show_possible_differences);
    assert!(
        harness
            .query_all_by_label_contains("possible: time differs:")
            .count()
            >= 1
    );
    assert_eq!(
        harness.state().title(),
        title,
        "a view setting is not unsaved work"
    );
    let comparison = harness.state().comparison();
    assert_eq!(
        comparison.groups[0].status,
        GroupStatus::Conflicting,
        "the sure difference still makes the group conflicting"
    );
}
