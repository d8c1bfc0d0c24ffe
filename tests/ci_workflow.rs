//! The release machinery that cannot run here stays valid: every GitHub Actions workflow
//! parses as YAML and has the shape Actions needs, the release workflow covers the three
//! systems and their packages, `.ci/run` ends on the README's test command, and the icons the
//! packages use are well-formed.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workflow_files() -> Vec<PathBuf> {
    let dir = repo().join(".github/workflows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Yaml {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs =
        YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(docs.len(), 1, "{}: one YAML document", path.display());
    docs.remove(0)
}

fn strings(list: &Yaml) -> Vec<&str> {
    list.as_vec()
        .map(|v| v.iter().filter_map(Yaml::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn every_workflow_parses_and_has_the_shape_actions_needs() {
    let files = workflow_files();
    assert!(!files.is_empty(), "no workflow in .github/workflows");
    for path in files {
        let name = path.display();
        let doc = load(&path);
        assert!(doc["name"].as_str().is_some(), "{name}: a name");
        // `on` is a string key in YAML 1.2 (YAML 1.1 would read it as `true`).
        assert!(!doc["on"].is_badvalue(), "{name}: `on:` triggers");
        let jobs = doc["jobs"]
            .as_hash()
            .unwrap_or_else(|| panic!("{name}: jobs"));
        assert!(!jobs.is_empty(), "{name}: at least one job");
        for (id, job) in jobs {
            let id = id.as_str().expect("job id");
            if job["uses"].as_str().is_some() {
                continue; // a reusable workflow call
            }
            assert!(
                !job["runs-on"].is_badvalue(),
                "{name}: job {id} has runs-on"
            );
            let steps = job["steps"]
                .as_vec()
                .unwrap_or_else(|| panic!("{name}: job {id} has steps"));
            for (i, step) in steps.iter().enumerate() {
                let uses = step["uses"].as_str();
                let run = step["run"].as_str();
                assert!(
                    uses.is_some() != run.is_some(),
                    "{name}: job {id} step {i} has one of uses/run"
                );
                if let Some(uses) = uses {
                    assert!(
                        uses.contains('@'),
                        "{name}: job {id} step {i}: pin a version: {uses}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_release_workflow_tests_three_systems_and_packages_each() {
    let doc = load(&repo().join(".github/workflows/release.yml"));
    let tags = strings(&doc["on"]["push"]["tags"]);
    assert!(
        tags.iter().any(|t| t.starts_with('v')),
        "runs on version tags: {tags:?}"
    );

    let test = &doc["jobs"]["test"];
    let systems = strings(&test["strategy"]["matrix"]["os"]);
    for os in ["ubuntu-latest", "windows-latest", "macos-latest"] {
        assert!(systems.contains(&os), "tests on {os}: {systems:?}");
    }
    let runs: Vec<&str> = test["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(
        runs.iter().any(|r| r.contains("cargo test --all-targets")),
        "{runs:?}"
    );

    let package = &doc["jobs"]["package"];
    let targets: Vec<&str> = package["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("package matrix")
        .iter()
        .filter_map(|row| row["target"].as_str())
        .collect();
    for target in [
        "x86_64-unknown-linux-gnu",
        "x86_64-pc-windows-msvc",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
    ] {
        assert!(targets.contains(&target), "packages {target}: {targets:?}");
    }
    let text = std::fs::read_to_string(repo().join(".github/workflows/release.yml")).expect("read");
    assert!(
        text.contains(".ci/package.sh"),
        "packages with .ci/package.sh"
    );
    let release = &doc["jobs"]["release"];
    assert_eq!(release["permissions"]["contents"].as_str(), Some("write"));
    assert!(
        release["if"]
            .as_str()
            .is_some_and(|c| c.contains("refs/tags/")),
        "releases only on tags"
    );
}

#[test]
fn ci_run_ends_on_the_readme_test_command() {
    let run = std::fs::read_to_string(repo().join(".ci/run")).expect("read .ci/run");
    let commands: Vec<&str> = run
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('#')
                && !l.starts_with("log ")
                && *l != "fi"
                && *l != "}"
        })
        .collect();
    let last = commands.last().expect("a command");
    assert_eq!(
        *last, "cargo test --all-targets --all-features",
        "the run ends on the test command"
    );
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("read README.md");
    // The README's set-up block gives the test command as the first word of a line.
    let readme_command = readme
        .lines()
        .find(|l| l.starts_with("cargo test "))
        .and_then(|l| l.split('#').next())
        .map(str::trim)
        .expect("README gives a test command");
    assert_eq!(readme_command, *last, "the README names the same command");
    for target in [
        "x86_64-pc-windows-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
    ] {
        assert!(run.contains(target), ".ci/run checks {target}");
    }
    for step in [
        "cargo fmt --all --check",
        "-- -D warnings",
        "cargo test --doc",
    ] {
        assert!(run.contains(step), ".ci/run keeps `{step}`");
    }
}

#[test]
fn package_metadata_names_the_app() {
    let toml = std::fs::read_to_string(repo().join("Cargo.toml")).expect("read Cargo.toml");
    let bundle = toml
        .split("[package.metadata.bundle]")
        .nth(1)
        .expect("[package.metadata.bundle]");
    let bundle = bundle.split("\n[").next().unwrap_or(bundle);
    assert!(
        bundle.contains(r#"identifier = "org.claimdiff.claimdiff""#),
        "{bundle}"
    );
    assert!(bundle.contains(r#"name = "claimdiff""#), "{bundle}");
    for icon in ["assets/icon-256.png", "assets/icon.icns", "assets/icon.ico"] {
        assert!(bundle.contains(icon), "{icon} listed");
        assert!(repo().join(icon).is_file(), "{icon} exists");
    }
}

#[test]
fn the_icons_are_well_formed() {
    let read = |name: &str| std::fs::read(repo().join("assets").join(name)).expect(name);
    for (name, size) in [("icon-256.png", 256u32), ("icon-512.png", 512)] {
        let png = read(name);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        assert_eq!(&png[12..16], b"IHDR", "{name}");
        let width = u32::from_be_bytes(png[16..20].try_into().expect("4 bytes"));
        let height = u32::from_be_bytes(png[20..24].try_into().expect("4 bytes"));
        assert_eq!((width, height), (size, size), "{name}");
        assert_eq!(png[25], 6, "{name}: RGBA");
    }

    // .ico: header, then one 16-byte entry per image; every image lies inside the file.
    let ico = read("icon.ico");
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    assert!(count >= 3, "several sizes in icon.ico");
    let mut sizes = Vec::new();
    for i in 0..count {
        let entry = &ico[6 + 16 * i..6 + 16 * (i + 1)];
        let len = u32::from_le_bytes(entry[8..12].try_into().expect("4 bytes")) as usize;
        let offset = u32::from_le_bytes(entry[12..16].try_into().expect("4 bytes")) as usize;
        assert!(
            offset + len <= ico.len(),
            "icon.ico entry {i} inside the file"
        );
        assert_eq!(
            &ico[offset..offset + 8],
            b"\x89PNG\r\n\x1a\n",
            "icon.ico entry {i} is a PNG"
        );
        sizes.push(if entry[0] == 0 {
            256
        } else {
            u32::from(entry[0])
        });
    }
    assert!(
        sizes.contains(&16) && sizes.contains(&32) && sizes.contains(&256),
        "{sizes:?}"
    );

    // .icns: magic, total length, then (type, length) chunks exactly filling the file.
    let icns = read("icon.icns");
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().expect("4 bytes")) as usize,
        icns.len()
    );
    let mut at = 8;
    let mut kinds = Vec::new();
    while at < icns.len() {
        kinds.push(String::from_utf8_lossy(&icns[at..at + 4]).into_owned());
        let len = u32::from_be_bytes(icns[at + 4..at + 8].try_into().expect("4 bytes")) as usize;
        assert!(len > 8 && at + len <= icns.len(), "icns chunk {kinds:?}");
        assert_eq!(&icns[at + 8..at + 16], b"\x89PNG\r\n\x1a\n");
        at += len;
    }
    assert_eq!(at, icns.len());
    for kind in ["ic07", "ic08", "ic09"] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "{kind} (128, 256, 512 px) in icon.icns: {kinds:?}"
        );
    }
}
