//! The command line as users run it: `compare`, `pairs`, `import`, and their error messages.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .output()
        .expect("run claimdiff")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn demo_file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo")
        .join(name)
        .display()
        .to_string()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// `claimdiff compare --format json FILES`, which must succeed, as JSON.
fn compare_json(files: &[String]) -> serde_json::Value {
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = claimdiff(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    json(&out)
}

#[test]
fn demo_json_is_deterministic_and_spans_are_exact() {
    let first = claimdiff(&["compare", "--demo", "--format", "json"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let second = claimdiff(&["compare", "--demo", "--format", "json"]);
    assert_eq!(
        first.stdout, second.stdout,
        "same input must give identical JSON"
    );

    let report = json(&first);
    let texts: Vec<String> = claimdiff::ingest::demo::demo_articles()
        .into_iter()
        .map(|a| a.text)
        .collect();
    let claims = report["claims"].as_array().expect("claims");
    assert!(claims.len() > 20);
    for claim in claims {
        let article = claim["article"].as_u64().expect("article") as usize;
        let start = claim["span"][0].as_u64().expect("start") as usize;
        let end = claim["span"][1].as_u64().expect("end") as usize;
        assert_eq!(
            claim["text"].as_str(),
            texts[article].get(start..end),
            "{claim}"
        );
        assert!(claim["id"].as_str().is_some_and(|id| id.starts_with('c')));
        assert!(claim["group"].as_u64().is_some());
    }
    let groups = report["groups"].as_array().expect("groups");
    let statuses: Vec<&str> = groups.iter().filter_map(|g| g["status"].as_str()).collect();
    for status in ["shared", "conflicting", "single_outlet"] {
        assert!(statuses.contains(&status), "demo shows a {status} group");
    }
    // Every link says how the two claims relate and how much of each the other holds.
    let links = report["links"].as_array().expect("links");
    let mut relations = Vec::new();
    for link in links {
        let coverage = link["coverage"].as_f64().expect("coverage");
        assert!((0.0..=1.0).contains(&coverage), "{link}");
        let relation = link["relation"].as_str().expect("relation");
        let has_conflicts = link["conflicts"].as_array().is_some_and(|c| !c.is_empty());
        let expected = if has_conflicts {
            "conflict"
        } else if coverage >= 0.7 {
            "same"
        } else {
            "partial"
        };
        assert_eq!(relation, expected, "{link}");
        relations.push(relation);
    }
    assert!(relations.contains(&"partial") && relations.contains(&"conflict"));
}

#[test]
fn json_from_files_matches_the_demo() {
    let files = [
        "kessling-courier.txt",
        "northline-wire.txt",
        "meridian-post.txt",
        "riverside-daily.txt",
    ]
    .map(demo_file);
    let from_files = compare_json(&files);
    let demo = json(&claimdiff(&["compare", "--demo", "--format", "json"]));
    assert_eq!(from_files["groups"], demo["groups"]);
}

#[test]
fn text_and_markdown_name_conflicts_in_words() {
    let text = stdout(&claimdiff(&["compare", "--demo"]));
    assert!(text.contains("number differs"), "{text}");
    let md = stdout(&claimdiff(&["compare", "--demo", "--format", "markdown"]));
    assert!(md.starts_with("# claimdiff comparison"));
    assert!(md.contains("| Outlet | Claims |"));
}

#[test]
fn every_bad_file_is_named_with_its_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let pdf = dir.path().join("report.txt");
    std::fs::write(
        &pdf,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\0\0",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let good = demo_file("kessling-courier.txt");
    let out = claimdiff(&[
        "compare",
        &good,
        empty.to_str().expect("utf8"),
        pdf.to_str().expect("utf8"),
        missing.to_str().expect("utf8"),
        dir.path().to_str().expect("utf8"),
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("report.txt") && err.contains("PDF"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(
        err.to_lowercase().contains("folder") || err.to_lowercase().contains("directory"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn keep_going_compares_the_readable_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let a = demo_file("kessling-courier.txt");
    let b = demo_file("northline-wire.txt");
    let out = claimdiff(&[
        "compare",
        "--keep-going",
        "--format",
        "json",
        &a,
        empty.to_str().expect("utf8"),
        &b,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("empty.txt"));
    assert_eq!(json(&out)["articles"].as_array().map(Vec::len), Some(2));
}

#[test]
fn no_arguments_to_compare_is_a_clear_error() {
    let out = claimdiff(&["compare"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no articles"), "{}", stderr(&out));
}

#[test]
fn pairs_prints_one_line_per_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tsv = dir.path().join("pairs.tsv");
    std::fs::write(
        &tsv,
        "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n\
         1\t1\t2\tThe bridge reopened on Friday after repairs.\tThe bridge reopened on Friday after repairs were finished.\r\n\
         0\t3\t4\tThe bridge reopened on Friday after repairs.\tFans queued overnight for concert tickets.\r\n\
         0\t5\t6\tThe mine had been closed for 14 days.\tThe mine had been closed for 12 days.\r\n",
    )
    .expect("write");
    let out = claimdiff(&["pairs", tsv.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Vec<String>> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(&lines[0][..2], ["1", "2"]);
    assert_eq!(lines[0][3], "1", "near-identical sentences mean the same");
    assert_eq!(lines[1][3], "0", "unrelated sentences do not");
    assert_eq!(
        lines[2][3], "0",
        "a differing count is a conflict, not a paraphrase"
    );
    let high: f32 = lines[2][2].parse().expect("score");
    assert!(
        high > 0.5,
        "the 14/12 days pair still scores high (it is linked): {high}"
    );
}

#[test]
fn pairs_reports_missing_files() {
    let out = claimdiff(&["pairs", "no-such-file.tsv"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no-such-file.tsv"));
}

#[test]
fn import_shows_metadata_boilerplate_and_claims() {
    let out = claimdiff(&["import", &demo_file("northline-wire.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Outlet:  Northline Wire"), "{text}");
    let (furniture, body) = text
        .split_once("Furniture (kept, shown dimmed, never claims):")
        .expect("furniture under its own heading")
        .1
        .split_once("\nBody:\n")
        .expect("body after the furniture");
    assert!(
        furniture.contains("\n  Sign up for the Northline morning briefing.\n"),
        "{text}"
    );
    assert!(
        !body.contains("Sign up for the Northline"),
        "furniture is not printed as body: {text}"
    );
    assert!(text.contains("claims:"));
}

#[test]
fn fixture_story_compares() {
    let dir = fixture("story");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture story")
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .collect();
    files.sort();
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = claimdiff(&args);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_story_update_names_both_dates() {
    let files: Vec<String> = ["1-harbour-gazette.txt", "2-coastal-wire.txt"]
        .iter()
        .map(|f| fixture("update").join(f).display().to_string())
        .collect();
    let report = compare_json(&files);
    let sure: Vec<&serde_json::Value> = report["links"]
        .as_array()
        .expect("links")
        .iter()
        .flat_map(|l| l["conflicts"].as_array().into_iter().flatten())
        .filter(|c| c["possible"] == false)
        .collect();
    assert!(
        sure.iter().any(|c| c["left"] == "two"
            && c["right"] == "five"
            && c["reported"]["left"] == "2026-08-03"
            && c["reported"]["right"] == "2026-08-04"),
        "the death toll update is a sure difference with both dates: {sure:?}"
    );
    assert!(
        sure.iter()
            .all(|c| c["right"] != "About 140" && c["left"] != "About 140"),
        "passengers rescued are not the passengers killed: {sure:?}"
    );
    let mut text_args = vec!["compare"];
    text_args.extend(files.iter().map(String::as_str));
    let text = stdout(&claimdiff(&text_args));
    assert!(
        text.contains("! number differs: two (reported 2026-08-03) vs five (reported 2026-08-04)"),
        "{text}"
    );
}

#[test]
fn html_and_csv_reports_carry_the_workspaces_notes_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("flood.claimdiff.ron");
    let mut demo: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo"))
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".txt"))
            .collect();
    demo.sort();
    let mut args = vec!["workspace", "create", ws_path.to_str().unwrap()];
    args.extend(demo.iter().map(String::as_str));
    let created = claimdiff(&args);
    assert!(created.status.success(), "{}", stderr(&created));

    // A note on the first claim and a "not a conflict" on the first sure difference.
    let report = json(&claimdiff(&[
        "compare",
        "--format",
        "json",
        ws_path.to_str().unwrap(),
    ]));
    let first_id = report["claims"][0]["id"].as_str().unwrap().to_owned();
    let conflict_link = report["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            l["conflicts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| !c["possible"].as_bool().unwrap())
        })
        .unwrap();
    let id_of = |i: &serde_json::Value| {
        report["claims"][i.as_u64().unwrap() as usize]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (a, b) = (id_of(&conflict_link["a"]), id_of(&conflict_link["b"]));
    let sure = conflict_link["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| !c["possible"].as_bool().unwrap())
        .unwrap();
    let difference = claimdiff::analysis::Conflict::new(
        claimdiff::analysis::ConflictKind::Number,
        sure["left"].as_str().unwrap(),
        sure["right"].as_str().unwrap(),
    );
    let mut ws = claimdiff::workspace::load(&ws_path).unwrap();
    ws.claim_notes.insert(
        claimdiff::analysis::ClaimId(first_id),
        "called, \"no comment\"".into(),
    );
    ws.decisions.dismiss_conflict(
        claimdiff::analysis::ClaimId(a),
        claimdiff::analysis::ClaimId(b),
        &difference,
    );
    claimdiff::workspace::save(&ws_path, &ws, claimdiff::workspace::Overwrite::Always).unwrap();

    let csv = claimdiff(&["compare", "--format", "csv", ws_path.to_str().unwrap()]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let csv = stdout(&csv);
    assert!(csv.starts_with("\u{feff}article,outlet,claim_id,text,group,status"));
    assert!(csv.contains("\"called, \"\"no comment\"\"\""), "{csv}");
    assert!(csv.contains("not a conflict (your decision): number differs"));

    let html = claimdiff(&["compare", "--format", "html", ws_path.to_str().unwrap()]);
    let html = stdout(&html);
    assert!(html.contains("Note: called, &quot;no comment&quot;"));
    assert!(html.contains("class=\"dismissed\""));

    let relisted = json(&claimdiff(&[
        "compare",
        "--format",
        "json",
        ws_path.to_str().unwrap(),
    ]));
    assert_eq!(relisted["claims"][0]["note"], "called, \"no comment\"");
    let dismissed: usize = relisted["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["dismissed_conflicts"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(dismissed, 1);
}

#[test]
fn stories_and_independent_reports_are_told_apart() {
    let files: Vec<String> = [
        "1-valley-herald.txt",
        "2-northern-wire-reprint.txt",
        "3-carrow-times-own.txt",
        "4-carrow-times-budget.txt",
    ]
    .iter()
    .map(|f| fixture("reports").join(f).display().to_string())
    .collect();
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = claimdiff(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    let articles = report["articles"].as_array().unwrap();
    let field = |i: usize, k: &str| articles[i][k].as_u64().unwrap();
    // A reprint with a new header, a changed headline and its last paragraphs cut shares the
    // original's report, and names it.
    assert_eq!(
        field(0, "independent_report"),
        field(1, "independent_report")
    );
    assert_eq!(articles[1]["reuses"], 0);
    assert!(articles[0].get("reuses").is_none());
    // Another outlet's own report of the event, quoting the same witness, is its own report of
    // the same story.
    assert_eq!(field(0, "story"), field(2, "story"));
    assert_ne!(
        field(0, "independent_report"),
        field(2, "independent_report")
    );
    // Another event the same day in the same town, with the same mayor and councillor, is
    // another story.
    assert_ne!(field(0, "story"), field(3, "story"));
    // Claims of different stories are never grouped.
    let claims = report["claims"].as_array().unwrap();
    for group in report["groups"].as_array().unwrap() {
        let stories: std::collections::BTreeSet<u64> = group["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let article = claims[m.as_u64().unwrap() as usize]["article"]
                    .as_u64()
                    .unwrap();
                field(article as usize, "story")
            })
            .collect();
        assert_eq!(stories.len(), 1, "{group}");
    }
    // The same input gives the same ids.
    assert_eq!(stdout(&claimdiff(&args)), stdout(&out));

    let text = stdout(&claimdiff(&[
        "stories", &files[0], &files[1], &files[2], &files[3],
    ]));
    assert!(
        text.starts_with("4 articles, 2 stories, 3 independent reports"),
        "{text}"
    );
    assert!(text.contains("reuses [1] Valley Herald"), "{text}");
    let md = stdout(&claimdiff(&[
        "compare", "--format", "markdown", &files[0], &files[1], &files[2], &files[3],
    ]));
    assert!(md.contains("## Stories and reports"), "{md}");
    assert!(
        md.contains("Story 1: [1] [2] [3] — 3 articles, 2 independent reports"),
        "{md}"
    );
}
