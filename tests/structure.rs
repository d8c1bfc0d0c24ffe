//! The shape of the source tree, checked: the file-level import graph has no cycle, and no
//! hand-written file grows past the size a reader can hold.
//!
//! The graph has an edge from file A to file B when code in A (before its `#[cfg(test)]`
//! module) names a path through `crate::`, `super::` or `self::` that resolves to an item of B.
//! `mod x;` declarations are not edges: declaring a child is not depending on it. List the
//! graph with `cargo test --test structure -- --nocapture print_module_graph`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Hand-written files longer than this (lines of code before the test module) are too big.
const MAX_CODE_LINES: usize = 900;

/// Generated files, exempt from the size limit.
const GENERATED: &[&str] = &["src/analysis/matching/weights.rs"];

/// One source file: its module path (`crate::analysis::facts`) and its code before the tests.
struct SourceFile {
    rel_path: String,
    module: Vec<String>,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/` (`src/a/b.rs` and `src/a/b/mod.rs` are `crate::a::b`).
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .skip(1)
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    let mut module = vec!["crate".to_string()];
    module.extend(parts);
    module
}

/// Code without comments, before the first `#[cfg(test)]` line.
fn code_before_tests(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn load_sources() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(root).ok()?.to_path_buf();
            // A file named tests.rs is a test module declared under #[cfg(test)].
            if rel.file_name().is_some_and(|n| n == "tests.rs") {
                return None;
            }
            let text = std::fs::read_to_string(&path).ok()?;
            Some(SourceFile {
                rel_path: rel.to_string_lossy().replace('\\', "/"),
                module: module_of(&rel),
                code: code_before_tests(&text),
            })
        })
        .collect()
}

/// Expands the tree of one `use` declaration (`a::{b, c::{d, e}}`) into flat paths.
fn expand_use_tree(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_string()];
    };
    let prefix = tree[..open].trim_end_matches("::").trim();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand_use_tree)
        .map(|p| {
            if p == "self" {
                prefix.to_string()
            } else if prefix.is_empty() {
                p
            } else {
                format!("{prefix}::{p}")
            }
        })
        .collect()
}

/// Every `crate::`/`super::`/`self::` path the code names, in `use` trees or in expressions.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    // `use` declarations, which may span lines and hold brace trees.
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before_ok = at == 0
            || rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric() && c != '_');
        let after = &rest[at + 4..];
        let Some(end) = after.find(';') else {
            break;
        };
        let tree: String = after[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let local = ["crate::", "super::", "self::"]
            .iter()
            .any(|p| tree.starts_with(p));
        if before_ok && local {
            paths.extend(expand_use_tree(&tree));
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    // Paths in expressions and types: `super::x::f(…)`, `crate::a::B`.
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(found) = code[from..].find(start) {
            let at = from + found;
            from = at + start.len();
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            paths.push(code[at..end].trim_end_matches(':').to_string());
        }
    }
    paths
}

/// The absolute module path a path names from inside `module` (`file_is_mod` for mod.rs/lib.rs).
fn absolute(path: &str, module: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, seg) in path.split("::").enumerate() {
        match (i, seg) {
            (0, "crate") => out.push("crate".to_string()),
            (0, "self") => out.extend(module.iter().cloned()),
            (0, "super") => {
                out.extend(module.iter().cloned());
                out.pop();
            }
            (_, "super") => {
                out.pop();
            }
            (_, s) => out.push(s.to_string()),
        }
    }
    out
}

/// The file-level graph: for each file, the files its code names.
fn module_graph(sources: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let by_module: BTreeMap<&[String], &str> = sources
        .iter()
        .map(|s| (s.module.as_slice(), s.rel_path.as_str()))
        .collect();
    let mut graph = BTreeMap::new();
    for source in sources {
        // A non-mod file's own `self::` is itself; `super::` is its parent module.
        let mut deps = BTreeSet::new();
        for path in named_paths(&source.code) {
            let abs = absolute(&path, &source.module);
            // The longest prefix that is a file's module is the file that holds the item.
            let target = (1..=abs.len())
                .rev()
                .find_map(|n| by_module.get(&abs[..n]).copied());
            if let Some(target) = target
                && target != source.rel_path
            {
                deps.insert(target.to_string());
            }
        }
        graph.insert(source.rel_path.clone(), deps);
    }
    graph
}

/// One cycle of the graph, if it has any (as the list of files around it).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Fresh,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Open);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::Fresh) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::Fresh => {
                    if let Some(cycle) = visit(next, graph, marks, stack) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::Fresh) == Mark::Fresh
            && let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = module_graph(&load_sources());
    assert!(graph.len() > 20, "the source tree was not found");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between files: {}", cycle.join(" → "));
    }
}

#[test]
fn the_stages_run_one_way() {
    // ingest → analysis → report → workspace → app / cli: no stage names a later one.
    let order = [
        "src/ingest/",
        "src/analysis/",
        "src/report/",
        "src/workspace/",
        "src/app/",
    ];
    let rank = |file: &str| order.iter().position(|prefix| file.starts_with(prefix));
    let graph = module_graph(&load_sources());
    let mut upward = Vec::new();
    for (file, deps) in &graph {
        let Some(from) = rank(file) else { continue };
        for dep in deps {
            if rank(dep).is_some_and(|to| to > from) {
                upward.push(format!("{file} → {dep}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "a stage imports a later one:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let sources = [
        ("src/a.rs", "use super::b::X;"),
        ("src/b.rs", "pub fn f() { super::a::g() }"),
    ]
    .map(|(path, code)| SourceFile {
        rel_path: path.to_string(),
        module: module_of(Path::new(path)),
        code: code.to_string(),
    });
    let graph = module_graph(&sources);
    assert_eq!(
        find_cycle(&graph),
        Some(vec![
            "src/a.rs".to_string(),
            "src/b.rs".to_string(),
            "src/a.rs".to_string()
        ])
    );
}

#[test]
fn use_trees_expand_to_every_path() {
    assert_eq!(
        expand_use_tree("super::{a::{B, c::D}, e, self}"),
        ["super::a::B", "super::a::c::D", "super::e", "super"]
    );
}

#[test]
fn no_hand_written_file_is_too_big() {
    let too_big: Vec<String> = load_sources()
        .iter()
        .filter(|s| !GENERATED.contains(&s.rel_path.as_str()))
        .filter_map(|s| {
            let lines = s.code.lines().filter(|l| !l.trim().is_empty()).count();
            (lines > MAX_CODE_LINES).then(|| format!("{} ({lines} lines)", s.rel_path))
        })
        .collect();
    assert!(
        too_big.is_empty(),
        "split these along their sections: {}",
        too_big.join(", ")
    );
}

#[test]
fn print_module_graph() {
    for (file, deps) in module_graph(&load_sources()) {
        let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
        println!("{file} → {}", deps.join(", "));
    }
}
