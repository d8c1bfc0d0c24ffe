//! Reviewing a comparison in the window, driven by the labels a user sees (kittest over
//! AccessKit): dismissing a difference as "not a conflict", notes on claims and groups, and
//! exporting the report with both.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use claimdiff::analysis::GroupStatus;
use claimdiff::app::{App, Command, Startup};
use claimdiff::workspace::load;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn demo_harness() -> Harness<'static, App> {
    harness_of_size(1280.0, 800.0)
}

fn harness_of_size(width: f32, height: f32) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(12)
        .build_eframe(|cc| App::new(cc, Startup::isolated(Vec::new())));
    harness.run();
    harness
}

/// The first conflicting group, selected the way a user selects it (F7).
fn select_first_conflict(harness: &mut Harness<'_, App>) -> usize {
    harness.state_mut().apply(Command::NextConflict);
    harness.run();
    let group = harness
        .state()
        .selected_group()
        .expect("a conflict is selected");
    assert_eq!(
        harness.state().comparison().groups[group].status,
        GroupStatus::Conflicting
    );
    group
}

#[test]
fn a_conflict_line_names_both_outlets_and_a_click_selects_the_pair() {
    let mut harness = demo_harness();
    let group = select_first_conflict(&mut harness);
    let line = harness
        .query_all_by_label_contains("≠ number differs:")
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains(" vs ") && l.contains(" — "))
        .expect("a conflict line naming two outlets");
    let outlets = line.rsplit_once(" — ").map(|(_, o)| o.to_owned()).unwrap();
    let (left, right) = outlets.split_once(" vs ").unwrap();
    let comparison = harness.state().comparison();
    let names: Vec<&str> = comparison
        .articles
        .iter()
        .map(|a| a.meta.outlet.as_str())
        .collect();
    assert!(names.contains(&left) && names.contains(&right), "{line}");
    let conflict = comparison.groups[group]
        .conflicts
        .iter()
        .find(|c| !c.possible)
        .unwrap();
    let (a, _) = conflict.between.unwrap();

    // Select something else, then click the line: the pair's first claim is selected.
    harness.state_mut().apply(Command::ClearSelection);
    harness.state_mut().apply(Command::SelectGroup(group));
    harness.run();
    harness
        .query_all_by_label_contains("≠ number differs:")
        .find(|n| n.accesskit_node().label().is_some_and(|l| l == line))
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().selected_claim(), Some(a));
}

#[test]
fn not_a_conflict_is_kept_in_the_workspace_shown_as_the_users_and_undoable() {
    let mut harness = demo_harness();
    let group = select_first_conflict(&mut harness);
    let sure_before = harness.state().comparison().groups[group]
        .conflicts
        .iter()
        .filter(|c| !c.possible)
        .count();
    assert!(!harness.state().is_dirty());

    harness
        .get_all_by_label("Not a conflict")
        .next()
        .unwrap()
        .click();
    harness.run();

    let decisions = &harness.state().workspace().decisions;
    assert_eq!(
        decisions.not_conflicts.len(),
        1,
        "kept by the two claims and the kind"
    );
    assert!(harness.state().is_dirty(), "a decision is the user's work");
    let g = &harness.state().comparison().groups[group];
    assert_eq!(g.dismissed.len(), 1);
    assert_eq!(
        g.conflicts.iter().filter(|c| !c.possible).count(),
        sure_before - 1
    );
    harness.get_by_label_contains("Not a conflict (your decision):");

    // Saved and reopened, the decision is still there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reviewed.claimdiff.ron");
    harness.state_mut().apply(Command::SaveAsPath(path.clone()));
    harness.state_mut().wait_for_jobs();
    harness.run();
    let saved = load(&path).unwrap();
    assert_eq!(saved.decisions.not_conflicts, decisions_of(&harness));

    // Undo brings the flag back; Restore does too.
    harness.state_mut().apply(Command::Undo);
    harness.run();
    assert!(
        harness
            .state()
            .workspace()
            .decisions
            .not_conflicts
            .is_empty()
    );
    assert!(harness.query_by_label_contains("(your decision)").is_none());
    harness.state_mut().apply(Command::Redo);
    harness.run();
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(
        harness
            .state()
            .workspace()
            .decisions
            .not_conflicts
            .is_empty()
    );
}

fn decisions_of(harness: &Harness<'_, App>) -> Vec<claimdiff::analysis::NotConflict> {
    harness.state().workspace().decisions.not_conflicts.clone()
}

#[test]
fn notes_are_written_marked_searchable_saved_and_one_undo_step() {
    let mut harness = demo_harness();
    let group = select_first_conflict(&mut harness);
    let selected = harness.state().selected_claim().unwrap();
    let claim_id = harness.state().comparison().claims[selected].id.clone();

    harness.get_by_label("Group note").focus();
    harness.run();
    harness
        .get_by_label("Group note")
        .type_text("ask the mayor's office");
    harness.run();
    harness.get_by_label("Claim note").focus();
    harness.run();
    harness.get_by_label("Claim note").type_text("checked");
    harness.run();

    let ws = harness.state().workspace();
    assert_eq!(
        ws.group_notes.get(&claim_id).map(String::as_str),
        Some("ask the mayor's office"),
        "the group note is kept by the claim it was written on"
    );
    assert_eq!(
        ws.claim_notes.get(&claim_id).map(String::as_str),
        Some("checked")
    );
    assert!(harness.state().is_dirty());

    // Marked in the columns and in the group list.
    assert!(
        harness
            .query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.contains(" claim: ") && l.ends_with(" — has a note"))
    );
    assert!(
        harness
            .query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.contains(" group: ") && l.ends_with(" — note"))
    );

    // Searchable: the note's words find the group.
    harness
        .state_mut()
        .apply(Command::SetSearch("mayor's office".into()));
    harness.run();
    assert!(
        harness
            .query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.contains(" group: ") && l.ends_with(" — note")),
        "the group whose note matches is listed"
    );
    let _ = group;

    // Typing a note is one undo step per note, not one per key.
    harness.state_mut().apply(Command::Undo);
    harness.run();
    let ws = harness.state().workspace();
    assert!(ws.claim_notes.is_empty());
    assert!(ws.group_notes.contains_key(&claim_id));
    harness.state_mut().apply(Command::Undo);
    harness.run();
    assert!(harness.state().workspace().group_notes.is_empty());
}

#[test]
fn the_report_is_exported_from_the_file_menu_with_decisions_and_notes() {
    let mut harness = demo_harness();
    select_first_conflict(&mut harness);
    let selected = harness.state().selected_claim().unwrap();
    let claim_id = harness.state().comparison().claims[selected].id.clone();
    harness.state_mut().apply(Command::SetClaimNote {
        claim: claim_id.clone(),
        note: "phoned <the> police & fire".into(),
    });
    harness
        .get_all_by_label("Not a conflict")
        .next()
        .unwrap()
        .click();
    harness.run();

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export report…");

    let dir = tempfile::tempdir().unwrap();
    for (name, expected) in [
        ("report.html", "phoned &lt;the&gt; police &amp; fire"),
        ("report.md", "*Note:* phoned <the> police & fire"),
        ("report.csv", "phoned <the> police & fire"),
        ("report.json", "\"note\": \"phoned <the> police & fire\""),
    ] {
        let path = dir.path().join(name);
        harness
            .state_mut()
            .apply(Command::ExportReportTo(path.clone()));
        harness.run();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(expected), "{name}: {expected}");
        assert!(
            text.contains("not a conflict") || text.contains("dismissed_conflicts"),
            "{name} shows the user's decision"
        );
        assert!(
            harness
                .state()
                .notices()
                .iter()
                .any(|n| n.text.contains(name)),
            "the notice names the file"
        );
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<ins"));
    assert!(!html.contains("<script") && !html.contains("src=\"http"));
    let csv = std::fs::read_to_string(dir.path().join("report.csv")).unwrap();
    let claims = harness.state().comparison().claims.len();
    assert_eq!(
        csv.lines().count(),
        claims + 1,
        "one row per claim and a header"
    );

    // A name without an extension is written as Markdown; a folder that does not exist is
    // named in an error, and nothing the user had is lost.
    harness
        .state_mut()
        .apply(Command::ExportReportTo(dir.path().join("plain")));
    assert!(dir.path().join("plain.md").exists());
    let missing = dir.path().join("no such folder").join("r.html");
    harness.state_mut().apply(Command::ExportReportTo(missing));
    harness.run();
    let last = harness.state().notices().last().unwrap().text.clone();
    assert!(
        last.contains("Couldn't export") && last.contains("r.html"),
        "{last}"
    );
    assert_eq!(harness.state().workspace().claim_notes.len(), 1);
}

/// Two claims of different articles, each in a group of several claims, in different groups.
fn claims_in_two_groups(harness: &Harness<'_, App>) -> (usize, usize) {
    let c = harness.state().comparison();
    let multi = |i: usize| c.groups[c.claims[i].group].members.len() > 1;
    for a in 0..c.claims.len() {
        for b in 0..c.claims.len() {
            if multi(a)
                && multi(b)
                && c.claims[a].group != c.claims[b].group
                && c.claims[a].article != c.claims[b].article
            {
                return (a, b);
            }
        }
    }
    panic!("the demo has two groups of several claims");
}

#[test]
fn claims_of_one_article_are_never_linked_even_through_the_join_question() {
    let mut harness = demo_harness();
    let c = harness.state().comparison();
    let multi = |i: usize| c.groups[c.claims[i].group].members.len() > 1;
    let (a, b) = (0..c.claims.len())
        .flat_map(|a| (0..c.claims.len()).map(move |b| (a, b)))
        .find(|&(a, b)| {
            multi(a)
                && multi(b)
                && c.claims[a].article == c.claims[b].article
                && c.claims[a].group != c.claims[b].group
        })
        .expect("two claims of one article in two groups");
    let (id_a, id_b) = (c.claims[a].id.clone(), c.claims[b].id.clone());
    harness
        .state_mut()
        .apply(Command::LinkClaims(id_a.clone(), id_b.clone()));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("This link joins two groups")
            .is_none()
    );
    harness.state_mut().apply(Command::LinkPair {
        a: id_a,
        b: id_b,
        join: false,
    });
    harness.run();
    assert!(harness.state().workspace().decisions.links.is_empty());
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_link_that_would_join_two_groups_asks_and_can_link_only_the_pair() {
    let mut harness = demo_harness();
    let (a, b) = claims_in_two_groups(&harness);
    let c = harness.state().comparison();
    let (id_a, id_b) = (c.claims[a].id.clone(), c.claims[b].id.clone());
    let sizes = (
        c.groups[c.claims[a].group].members.len(),
        c.groups[c.claims[b].group].members.len(),
    );
    harness
        .state_mut()
        .apply(Command::LinkClaims(id_a.clone(), id_b.clone()));
    harness.run();
    harness.get_by_label_contains("This link joins two groups");
    assert!(
        !harness.state().is_dirty(),
        "nothing changes before the choice"
    );

    harness.get_by_label("Link only these two claims").click();
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    let c = harness.state().comparison();
    let ia = c.claim_by_id(&id_a).unwrap();
    let ib = c.claim_by_id(&id_b).unwrap();
    assert_eq!(c.claims[ia].group, c.claims[ib].group);
    assert_eq!(
        c.groups[c.claims[ia].group].members.len(),
        2,
        "only the pair"
    );

    // One undo step back, then join the groups instead.
    harness.state_mut().apply(Command::Undo);
    harness.state_mut().wait_for_analysis();
    harness.run();
    harness
        .state_mut()
        .apply(Command::LinkClaims(id_a.clone(), id_b.clone()));
    harness.run();
    harness.get_by_label("Join the two groups").click();
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    let c = harness.state().comparison();
    let ia = c.claim_by_id(&id_a).unwrap();
    assert!(c.groups[c.claims[ia].group].members.len() > sizes.0.max(sizes.1));
    assert_eq!(
        c.claims[ia].group,
        c.claims[c.claim_by_id(&id_b).unwrap()].group
    );
}

#[test]
fn not_a_conflict_on_a_group_line_covers_every_pair_showing_that_difference() {
    let text = |headline: &str, outlet: &str, weeks: &str| {
        claimdiff::ingest::import_text(
            &format!(
                "{headline}\nOutlet: {outlet}\nDate: 2026-03-02\n\nThe harbour bridge will close \
                 for {weeks} weeks of repairs from April, the city council said on Monday.\n"
            ),
            None,
        )
    };
    let articles = vec![
        text(
            "Harbour bridge to close for repairs",
            "Coastal Herald",
            "six",
        ),
        text("Harbour bridge closure announced", "Metro Daily", "eight"),
        text(
            "Bridge repairs to shut harbour crossing",
            "Bay Wire",
            "eight",
        ),
    ];
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_| App::with_articles(articles.clone()));
    harness.run();
    harness.state_mut().wait_for_analysis();
    let group = select_first_conflict(&mut harness);
    let sure = |h: &Harness<'_, App>| {
        h.state().comparison().groups[group]
            .conflicts
            .iter()
            .filter(|c| !c.possible)
            .count()
    };
    assert_eq!(sure(&harness), 1, "six vs eight, listed once for two pairs");
    harness
        .get_all_by_label("Not a conflict")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.run();
    assert_eq!(
        harness.state().workspace().decisions.not_conflicts.len(),
        2,
        "Herald–Metro and Herald–Wire"
    );
    assert_eq!(
        sure(&harness),
        0,
        "the line does not come back for the other pair"
    );
    assert_eq!(
        harness.state().comparison().groups[group].status,
        GroupStatus::Shared
    );
    // Restore brings both back, in one step.
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(
        harness
            .state()
            .workspace()
            .decisions
            .not_conflicts
            .is_empty()
    );
}
