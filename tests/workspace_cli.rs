//! `claimdiff workspace create` and workspaces as `compare` input.

mod workspace_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimdiff::cli::load_inputs;
use claimdiff::workspace::{Overwrite, backup_path, load, save};
use workspace_common::fixtures;

const HERALD: &str = "Harbour bridge to close for six weeks\nOutlet: The Coastal Herald\nDate: 2024-03-04\n\nThe harbour bridge will close for six weeks from 1 April, the city council said on Monday.\nAbout 40,000 vehicles cross the bridge each day, according to council figures.\n";
const METRO: &str = "Bridge closure will last two months, engineers warn\nOutlet: Metro Daily\n\nThe harbour bridge will shut for eight weeks starting in April, engineers told Metro Daily.\nRoughly 40,000 cars use the crossing daily, the council said.\n";

fn claimdiff(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running claimdiff: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct Articles {
    dir: tempfile::TempDir,
    herald: PathBuf,
    metro: PathBuf,
}

fn articles() -> Articles {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let herald = dir.path().join("herald.txt");
    let metro = dir.path().join("metro.txt");
    assert!(std::fs::write(&herald, HERALD).is_ok());
    assert!(std::fs::write(&metro, METRO).is_ok());
    Articles { dir, herald, metro }
}

#[test]
fn workspace_create_builds_a_workspace_from_article_files() {
    let a = articles();
    let out = a.dir.path().join("story.claimdiff.ron");
    let run = claimdiff(&[
        Path::new("workspace"),
        Path::new("create"),
        &out,
        &a.herald,
        &a.metro,
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        text(&run.stdout),
        format!("Wrote '{}' with 2 articles.\n", out.display())
    );
    let loaded = load(&out);
    let Ok(ws) = loaded else {
        panic!("{loaded:?}");
    };
    assert_eq!(ws.articles.len(), 2);
    assert_eq!(ws.articles[0].text, HERALD);
    assert_eq!(ws.articles[0].meta.outlet, "The Coastal Herald");
    assert_eq!(ws.articles[1].meta.outlet, "Metro Daily");
}

#[test]
fn workspace_create_never_overwrites_by_accident() {
    let a = articles();
    // Swapped arguments: the "output" is an article.
    let run = claimdiff(&[
        Path::new("workspace"),
        Path::new("create"),
        &a.herald,
        &a.metro,
    ]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("does not end in .ron"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&a.herald).ok().as_deref(),
        Some(HERALD)
    );

    let out = a.dir.path().join("story.claimdiff.ron");
    let create = |force: bool| {
        let mut args: Vec<&Path> = vec![Path::new("workspace"), Path::new("create")];
        if force {
            args.push(Path::new("--force"));
        }
        args.extend([out.as_path(), a.herald.as_path()]);
        claimdiff(&args)
    };
    assert!(create(false).status.success());
    let first = std::fs::read(&out).unwrap_or_default();
    let again = create(false);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already exists; use --force"),
        "{}",
        text(&again.stderr)
    );
    assert!(create(true).status.success());
    assert_eq!(std::fs::read(backup_path(&out)).ok(), Some(first));
}

#[test]
fn compare_accepts_a_workspace_wherever_it_accepts_articles() {
    let a = articles();
    let out = a.dir.path().join("story.claimdiff.ron");
    let made = claimdiff(&[
        Path::new("workspace"),
        Path::new("create"),
        &out,
        &a.herald,
        &a.metro,
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));

    let json = Path::new("--format=json");
    let from_files = claimdiff(&[Path::new("compare"), json, &a.herald, &a.metro]);
    let from_workspace = claimdiff(&[Path::new("compare"), json, &out]);
    assert!(
        from_workspace.status.success(),
        "{}",
        text(&from_workspace.stderr)
    );
    assert!(!from_workspace.stdout.is_empty());
    assert_eq!(text(&from_workspace.stdout), text(&from_files.stdout));

    // Mixed: a workspace plus another article file.
    let mixed = claimdiff(&[Path::new("compare"), &out, &a.herald]);
    assert!(mixed.status.success(), "{}", text(&mixed.stderr));
}

#[test]
fn compare_names_a_broken_workspace_with_line_and_column() {
    let a = articles();
    let broken = a.dir.path().join("broken.claimdiff.ron");
    assert!(std::fs::write(&broken, "(\n    version: 1,\n    articles: [(text: 5)],\n)").is_ok());
    let run = claimdiff(&[Path::new("compare"), &broken]);
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("'broken.claimdiff.ron', line 3, column 23: "),
        "{stderr}"
    );
    let kept = claimdiff(&[
        Path::new("compare"),
        Path::new("--keep-going"),
        &broken,
        &a.herald,
        &a.metro,
    ]);
    assert!(kept.status.success(), "{}", text(&kept.stderr));
    assert!(text(&kept.stderr).contains("skipped: 'broken.claimdiff.ron', line 3"));
}

#[test]
fn workspace_inputs_carry_their_decisions_and_settings() {
    let fixture = fixtures().join("v1.claimdiff.ron");
    let a = articles();
    let inputs = load_inputs(&[a.herald.clone(), fixture.clone()], false);
    let Ok(inputs) = inputs else {
        panic!("{inputs:?}");
    };
    assert_eq!(inputs.articles.len(), 3);
    assert_eq!(inputs.entries.len(), 3);
    assert_eq!(inputs.decisions.links.len(), 1);
    assert_eq!(inputs.decisions.unlinks.len(), 1);
    assert!((inputs.settings.link_threshold - 0.4).abs() < 1e-6);
    // A saved copy gives the same inputs.
    let copy = a.dir.path().join("copy.ron");
    let ws = load(&fixture).unwrap_or_default();
    assert!(save(&copy, &ws, Overwrite::Always).is_ok());
    let again = load_inputs(&[copy], false).map(|i| i.entries);
    assert_eq!(again.ok(), Some(ws.articles));
}
