//! Workspaces in the window, driven as a user drives them (kittest over AccessKit): save,
//! reopen, the unsaved mark, "Save changes?" on close, failed saves, files changed on disk,
//! autosave and the restore offer after a crash, dropping a workspace, adding an article from
//! a link.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use claimdiff::app::{App, Command, Startup};
use claimdiff::workspace::load;
use egui::{ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_with(startup: Startup) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |cc| App::new(cc, startup.clone()));
    harness.run();
    harness
}

fn demo_harness() -> Harness<'static, App> {
    harness_with(Startup::isolated(Vec::new()))
}

/// Make an unsaved change the way a user would: paste a fifth article.
fn add_article(harness: &mut Harness<'_, App>, outlet: &str) {
    harness.state_mut().apply(Command::AddArticleText {
        text: format!(
            "Kessling counts the cost\nOutlet: {outlet}\n\nAbout 1,200 residents left their homes.\n"
        ),
        outlet: String::new(),
    });
    harness.run();
}

/// Ask the window to close, as the title bar's close button does.
fn request_close(harness: &mut Harness<'_, App>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run();
}

fn save_as(harness: &mut Harness<'_, App>, path: &Path) {
    harness
        .state_mut()
        .apply(Command::SaveAsPath(path.to_path_buf()));
    harness.state_mut().wait_for_jobs();
    harness.run();
}

#[test]
fn closing_with_unsaved_changes_asks_save_dont_save_or_cancel() {
    let mut harness = demo_harness();
    request_close(&mut harness);
    assert!(
        harness.state().will_close(),
        "a window without changes closes at once"
    );

    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    assert!(harness.state().is_dirty());
    assert!(harness.state().title().starts_with("claimdiff — *"));
    request_close(&mut harness);
    assert!(harness.state().is_asking_to_save());
    harness.get_by_label_contains("Save changes to");
    harness.get_by_label("Save");
    harness.get_by_label("Don't save");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_asking_to_save());
    assert!(!harness.state().will_close());
    assert_eq!(harness.state().workspace().articles.len(), 5);

    request_close(&mut harness);
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(harness.state().will_close());
}

#[test]
fn save_then_reopen_gives_the_same_workspace_and_clears_the_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    let path = dir.path().join("flood");
    save_as(&mut harness, &path);
    let saved_to = dir.path().join("flood.claimdiff.ron");
    assert_eq!(harness.state().document_path(), Some(saved_to.as_path()));
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().title(), "claimdiff — flood.claimdiff.ron");
    assert_eq!(harness.state().prefs().recent.first(), Some(&saved_to));
    let on_disk = load(&saved_to).expect("saved workspace loads");
    assert_eq!(&on_disk, harness.state().workspace());

    // Reopen in a fresh window, as from File ▸ Recent workspaces.
    let mut other = demo_harness();
    other
        .state_mut()
        .apply(Command::OpenWorkspacePath(saved_to.clone()));
    other.state_mut().wait_for_jobs();
    other.run();
    assert_eq!(other.state().workspace(), &on_disk);
    assert!(!other.state().is_dirty());
    other.get_by_label("Outlet column: Harbour Gazette");

    // A second save of an unchanged workspace writes the same bytes.
    let before = std::fs::read(&saved_to).expect("read");
    other.state_mut().apply(Command::Save);
    other.state_mut().wait_for_jobs();
    assert_eq!(std::fs::read(&saved_to).expect("read"), before);
}

#[test]
fn save_choice_in_the_close_dialog_saves_then_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    save_as(&mut harness, &dir.path().join("story.claimdiff.ron"));
    add_article(&mut harness, "Valley Herald");
    request_close(&mut harness);
    harness.get_by_label("Save").click();
    // A spinner shows while the save runs: step rather than wait for the window to settle.
    harness.step();
    harness.state_mut().wait_for_jobs();
    harness.run();
    assert!(harness.state().will_close());
    let saved = load(&dir.path().join("story.claimdiff.ron")).expect("load");
    assert_eq!(saved.articles.len(), 6);
}

#[test]
fn a_failed_save_keeps_the_window_open_with_the_work_unsaved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    // A folder that does not exist: the save fails whoever runs the test (root included).
    let target = dir
        .path()
        .join("no such folder")
        .join("story.claimdiff.ron");
    save_as(&mut harness, &target);
    assert!(harness.state().is_dirty());
    assert!(!target.exists());
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains("story.claimdiff.ron") && n.text.contains("unsaved")),
        "{:?}",
        harness.state().notices()
    );
    assert!(!harness.state().will_close());
    assert_eq!(harness.state().workspace().articles.len(), 5);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.claimdiff.ron");
    let mut harness = demo_harness();
    save_as(&mut harness, &path);
    // Another program rewrites the file.
    let mut other = load(&path).expect("load");
    other.articles.truncate(1);
    claimdiff::workspace::save(&path, &other, claimdiff::workspace::Overwrite::Always)
        .expect("other program saves");
    let theirs = std::fs::read(&path).expect("read");

    add_article(&mut harness, "Harbour Gazette");
    harness.state_mut().apply(Command::Save);
    harness.state_mut().wait_for_jobs();
    harness.run();
    assert_eq!(std::fs::read(&path).expect("read"), theirs, "left alone");
    harness.get_by_label_contains("was changed by another program");
    harness.get_by_label("Overwrite").click();
    harness.step();
    harness.state_mut().wait_for_jobs();
    harness.run();
    assert_eq!(load(&path).expect("load").articles.len(), 5);
    assert!(!harness.state().is_dirty());
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_work_back() {
    let recovery = tempfile::tempdir().expect("temp dir");
    let startup = Startup {
        files: Vec::new(),
        recovery_dir: Some(recovery.path().to_path_buf()),
    };
    let expected = {
        let mut harness = harness_with(startup.clone());
        assert!(harness.state().restore_offer().is_empty());
        add_article(&mut harness, "Harbour Gazette");
        harness.state_mut().autosave_now();
        harness.state_mut().wait_for_jobs();
        let snapshot = harness
            .state()
            .recovery_snapshot_path()
            .expect("autosave is on");
        assert!(
            snapshot.is_file(),
            "snapshot written shortly after the change"
        );
        harness.state().workspace().clone()
        // The harness is dropped here without closing: as if the process were killed.
    };

    let mut harness = harness_with(startup.clone());
    assert_eq!(harness.state().restore_offer().len(), 1);
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().workspace(), &expected);
    assert!(harness.state().is_dirty(), "restored work is unsaved");
    harness.get_by_label("Outlet column: Harbour Gazette");

    // Letting it go on purpose means it is not offered again.
    request_close(&mut harness);
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(harness.state().will_close());
    drop(harness);
    let harness = harness_with(startup);
    assert!(harness.state().restore_offer().is_empty());
}

#[test]
fn a_clean_window_leaves_no_snapshot_behind() {
    let recovery = tempfile::tempdir().expect("temp dir");
    let startup = Startup {
        files: Vec::new(),
        recovery_dir: Some(recovery.path().to_path_buf()),
    };
    {
        let mut harness = harness_with(startup.clone());
        add_article(&mut harness, "Harbour Gazette");
        harness.state_mut().apply(Command::Undo);
        harness.run();
        assert!(!harness.state().is_dirty(), "undone back to the start");
        harness.state_mut().autosave_now();
        harness.state_mut().wait_for_jobs();
    }
    let harness = harness_with(startup);
    assert!(harness.state().restore_offer().is_empty());
}

#[test]
fn a_workspace_dropped_on_the_window_opens_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.claimdiff.ron");
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    save_as(&mut harness, &path);

    let mut other = demo_harness();
    other
        .state_mut()
        .apply(Command::OpenPaths(vec![path.clone()]));
    other.state_mut().wait_for_jobs();
    other.run();
    assert_eq!(other.state().workspace().articles.len(), 5);
    assert_eq!(other.state().document_path(), Some(path.as_path()));

    let broken = dir.path().join("broken.claimdiff.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&broken, &text[..text.len() / 2]).expect("write");
    other
        .state_mut()
        .apply(Command::OpenPaths(vec![broken.clone()]));
    other.state_mut().wait_for_jobs();
    other.run();
    assert_eq!(
        other.state().document_path(),
        Some(path.as_path()),
        "still open"
    );
    assert_eq!(other.state().workspace().articles.len(), 5);
    let notice = other
        .state()
        .notices()
        .iter()
        .find(|n| n.text.contains("broken.claimdiff.ron"))
        .expect("the broken file is named");
    assert!(notice.text.contains("line "), "{}", notice.text);
}

#[test]
fn new_workspace_asks_about_unsaved_changes_first() {
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    harness.state_mut().apply(Command::NewWorkspace);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(harness.state().workspace().articles.is_empty());
    assert!(!harness.state().is_dirty());
}

/// Serve one HTML page on 127.0.0.1 and return its address.
fn serve_page_once(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0_u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/news/harbour-bridge")
}

#[test]
fn an_article_is_added_from_a_link() {
    let page = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/courier_bridge.html"),
    )
    .expect("fixture");
    let url = serve_page_once(page);
    let mut harness = demo_harness();
    harness.get_by_label("Add link…").click();
    harness.run();
    harness.get_by_label("Web address").focus();
    harness.get_by_label("Web address").type_text(&url);
    harness.run();
    harness.get_by_label("Fetch and add").click();
    harness.step();
    harness.state_mut().wait_for_jobs();
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace().articles.len(), 5);
    assert_eq!(
        app.workspace().articles[4].meta.headline,
        "Harbour bridge reopens after six weeks of repairs"
    );
    assert!(app.is_dirty());
}

#[test]
fn a_failing_link_is_named_and_nothing_is_lost() {
    // A port nothing listens on: bind, note the port, close.
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let url = format!("http://127.0.0.1:{port}/gone");
    let mut harness = demo_harness();
    harness.state_mut().apply(Command::FetchLink(url.clone()));
    harness.state_mut().wait_for_jobs();
    harness.run();
    assert_eq!(harness.state().workspace().articles.len(), 4);
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains(&url)),
        "{:?}",
        harness.state().notices()
    );
}

#[test]
fn manual_links_survive_a_change_of_matching_and_a_reload() {
    use claimdiff::analysis::LinkOrigin;
    use claimdiff::app::MatchingPreset;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_harness();
    let link_count = |app: &App| {
        app.comparison()
            .links
            .iter()
            .filter(|l| l.origin == LinkOrigin::Matcher)
            .count()
    };
    let balanced = link_count(harness.state());
    // Two claims of different articles in different groups: the first and last claims of
    // the first and second article, whichever are not grouped together already.
    let comparison = harness.state().comparison();
    let (a, b) = comparison
        .claims
        .iter()
        .filter(|c| c.article == 0)
        .flat_map(|x| {
            comparison
                .claims
                .iter()
                .filter(|c| c.article == 1)
                .map(move |y| (x, y))
        })
        .find(|(x, y)| x.group != y.group)
        .map(|(x, y)| (x.id.clone(), y.id.clone()))
        .expect("two claims in different groups");
    harness.state_mut().apply(Command::LinkPair {
        a: a.clone(),
        b: b.clone(),
        join: true,
    });
    harness
        .state_mut()
        .apply(Command::SetMatching(MatchingPreset::Strict));
    harness.run();
    let strict = link_count(harness.state());
    assert!(strict <= balanced, "strict {strict} > balanced {balanced}");
    let linked = |app: &App| {
        let c = app.comparison();
        let (ia, ib) = (
            c.claim_by_id(&a).expect("claim a"),
            c.claim_by_id(&b).expect("claim b"),
        );
        c.claims[ia].group == c.claims[ib].group
    };
    assert!(
        linked(harness.state()),
        "the manual link holds under strict matching"
    );

    let path = dir.path().join("curated.claimdiff.ron");
    save_as(&mut harness, &path);
    let mut other = demo_harness();
    other
        .state_mut()
        .apply(Command::OpenWorkspacePath(path.clone()));
    other.state_mut().wait_for_jobs();
    other.run();
    assert_eq!(
        MatchingPreset::of(&other.state().workspace().settings.matching),
        Some(MatchingPreset::Strict)
    );
    assert!(linked(other.state()), "and after reopening");
    other
        .state_mut()
        .apply(Command::SetMatching(MatchingPreset::Loose));
    other.run();
    assert!(link_count(other.state()) >= balanced);
    assert!(linked(other.state()), "and under loose matching");
}

#[test]
fn a_workspace_named_on_the_command_line_opens_with_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.claimdiff.ron");
    let mut harness = demo_harness();
    add_article(&mut harness, "Harbour Gazette");
    save_as(&mut harness, &path);

    let mut started = harness_with(Startup::isolated(vec![path.clone()]));
    started.state_mut().wait_for_jobs();
    started.run();
    assert_eq!(started.state().document_path(), Some(path.as_path()));
    assert_eq!(started.state().workspace().articles.len(), 5);
    assert_eq!(started.state().title(), "claimdiff — story.claimdiff.ron");
}
