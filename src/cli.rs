//! The command line: `claimdiff [FILES…]` opens the window; subcommands run in the terminal.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::analysis::matching::context_weights::CONTEXT_MODEL;
use crate::analysis::matching::fit_context::{self, GoldStory};
use crate::analysis::matching::links::score_pairs;
use crate::analysis::{Decisions, MatchSettings, compare};
use crate::ingest::fetch::{fetch_article, is_web_address};
use crate::ingest::import_file;
use crate::ingest::{Article, Span, demo};
use crate::report::{Format, Notes, render_with_notes};
use crate::workspace::{ArticleEntry, Overwrite, Workspace};

/// Compare how different outlets cover the same news story, claim by claim.
#[derive(Debug, Parser)]
#[command(
    name = "claimdiff",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// Articles (or a workspace .ron) to open in the window.
    pub files: Vec<PathBuf>,
}

/// Terminal subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Compare articles and print claim groups, conflicts, diffs and per-outlet summaries.
    Compare {
        /// Article files (.txt, .md, .html), web addresses (https://…), or workspaces (.ron),
        /// whose articles, decisions and matching settings are used.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Compare the built-in demo story.
        #[arg(long)]
        demo: bool,
        /// Name unreadable files but compare the readable rest.
        #[arg(long)]
        keep_going: bool,
        /// Minimum matcher score (0–1) for linking two claims into one group.
        #[arg(long, value_name = "SCORE")]
        link_threshold: Option<f32>,
    },
    /// Score sentence pairs in the MRPC layout: prints `id1 TAB id2 TAB score TAB decision`.
    Pairs {
        /// A TSV file with a header row and columns label, id1, id2, sentence1, sentence2.
        file: PathBuf,
    },
    /// Say which articles tell one story and which reuse one report.
    Stories {
        /// Article files (.txt, .md, .html), web addresses, or workspaces (.ron).
        files: Vec<PathBuf>,
    },
    /// Score labelled pairs of whole articles for "same story" (SemEval-2022 task 8 layout).
    #[command(hide = true)]
    StoryPairs {
        /// One JSON object per line: pair_id, Overall, title1, text1, title2, text2.
        file: PathBuf,
    },
    /// Check story detection on mixes of labelled stories (a folder of STORY/OUTLET.txt).
    #[command(hide = true)]
    StoryMixes {
        /// Folder holding one folder of articles per story.
        folder: PathBuf,
        /// Stories per mix.
        #[arg(long, default_value_t = 7)]
        stories: usize,
        /// Number of mixes.
        #[arg(long, default_value_t = 100)]
        trials: usize,
    },
    /// Show what claimdiff extracts from an article: metadata, body and claims.
    Import {
        /// The article file (.txt, .md, .html) or web address (https://…).
        file: PathBuf,
    },
    /// Fit the matcher's weights on labelled pairs (MRPC layout) and print them as Rust.
    #[command(hide = true)]
    FitMatcher {
        /// Training pairs (MRPC train only: validation data must stay unseen).
        file: PathBuf,
    },
    /// Fit the context model on hand-labelled stories (gold-dev layout), report
    /// leave-one-story-out figures and print (or write) the generated `context_weights.rs`.
    #[command(hide = true)]
    FitContext {
        /// Folder holding one folder of `OUTLET.txt` articles per story.
        #[arg(long)]
        articles: PathBuf,
        /// Labelled stories (one JSON file each) to fit on.
        gold: Vec<PathBuf>,
        /// Write the generated Rust source here instead of only reporting.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Only score the shipped model on the stories (no fitting).
        #[arg(long)]
        evaluate: bool,
    },
    /// Correlate the matcher's score with STS Benchmark similarity ratings.
    #[command(hide = true)]
    Sts {
        /// An STS Benchmark file (tab-separated: genre, file, year, id, score, s1, s2).
        file: PathBuf,
    },
    /// Build workspace files from the command line.
    Workspace {
        /// What to do with workspaces.
        #[command(subcommand)]
        command: WorkspaceCommand,
    },
}

/// `claimdiff workspace …` subcommands.
#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Build a workspace file (OUT.claimdiff.ron) from article files or other workspaces.
    Create {
        /// The workspace file to write; its name must end in `.ron`.
        out: PathBuf,
        /// Article files (.txt, .md, …) or workspaces (.ron) to put in it, in this order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Replace OUT if it exists (the previous version is kept as OUT.bak).
        #[arg(long)]
        force: bool,
        /// Name unreadable files but build the workspace from the readable rest.
        #[arg(long)]
        keep_going: bool,
    },
}

/// Run a terminal subcommand, writing to stdout. Errors are returned for `main` to print.
pub fn run(command: CliCommand) -> Result<()> {
    match command {
        CliCommand::Compare {
            files,
            format,
            demo: use_demo,
            keep_going,
            link_threshold,
        } => {
            let inputs = if use_demo {
                Inputs::from_articles(demo::demo_articles())
            } else {
                load_inputs(&files, keep_going)?
            };
            let mut settings = inputs.settings;
            if let Some(t) = link_threshold {
                settings.link_threshold = t;
            }
            let comparison = compare(&inputs.articles, &inputs.decisions, &settings);
            write_stdout(&render_with_notes(&comparison, &inputs.notes, format))
        }
        CliCommand::Workspace {
            command:
                WorkspaceCommand::Create {
                    out,
                    files,
                    force,
                    keep_going,
                },
        } => create_workspace(&out, &files, force, keep_going),
        CliCommand::Pairs { file } => pairs(&file),
        CliCommand::Stories { files } => {
            let inputs = load_inputs(&files, false)?;
            let stories = crate::analysis::stories::find_stories(&inputs.articles);
            write_stdout(&crate::cli_parts::stories::stories_text(
                &inputs.articles,
                &stories,
            ))
        }
        CliCommand::StoryMixes {
            folder,
            stories,
            trials,
        } => write_stdout(&crate::cli_parts::stories::story_mixes(
            &folder, stories, trials,
        )?),
        CliCommand::StoryPairs { file } => {
            write_stdout(&crate::cli_parts::stories::story_pairs(&file)?)
        }
        CliCommand::FitMatcher { file } => {
            let text = read_utf8(&file)?;
            let labels: Vec<bool> = text
                .trim_start_matches('\u{feff}')
                .lines()
                .skip(1)
                .filter(|l| l.split('\t').count() >= 5)
                .map(|l| l.starts_with('1'))
                .collect();
            let (rows, _) = parse_pairs_tsv(&text);
            let pairs: Vec<(String, String)> = rows
                .into_iter()
                .map(|r| (r.sentence1, r.sentence2))
                .collect();
            let fit = crate::analysis::matching::fit::fit_pairs(&pairs, &labels);
            let cv = crate::analysis::matching::fit::cross_validate_pairs(&pairs, &labels, 5);
            write_stdout(&crate::analysis::matching::fit::fit_report(
                &fit,
                &cv,
                pairs.len(),
            ))
        }
        CliCommand::FitContext {
            articles,
            gold,
            out,
            evaluate,
        } => fit_context_command(&articles, &gold, out.as_deref(), evaluate),
        CliCommand::Sts { file } => {
            let text = read_utf8(&file)?;
            let mut pairs = Vec::new();
            let mut gold = Vec::new();
            for line in text.trim_start_matches('\u{feff}').lines() {
                let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
                if f.len() < 7 {
                    continue;
                }
                let Ok(score) = f[4].trim().parse::<f64>() else {
                    continue;
                };
                gold.push(score);
                pairs.push((f[5].to_string(), f[6].to_string()));
            }
            let verdicts = score_pairs(&pairs, &MatchSettings::default());
            let scores: Vec<f64> = verdicts
                .iter()
                .map(|v| f64::from(v.score.paraphrase))
                .collect();
            write_stdout(&format!(
                "{}: {} pairs, Pearson {:.3}, Spearman {:.3}\n",
                file.display(),
                pairs.len(),
                crate::analysis::matching::fit::pearson(&scores, &gold),
                crate::analysis::matching::fit::spearman(&scores, &gold)
            ))
        }
        CliCommand::Import { file } => {
            let article = import_article(&file)?;
            write_stdout(&describe_import(&article))
        }
    }
}

/// Load every article; name every bad file. With `keep_going`, bad files are reported on
/// stderr and the rest are returned.
pub fn load_articles(files: &[PathBuf], keep_going: bool) -> Result<Vec<Article>> {
    if files.is_empty() {
        bail!("no articles given (try `claimdiff compare a.txt b.txt` or `--demo`)");
    }
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match import_article(path) {
            Ok(article) => articles.push(article),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() {
        return Ok(articles);
    }
    if keep_going && !articles.is_empty() {
        for e in &errors {
            eprintln!("claimdiff: skipped: {e}");
        }
        return Ok(articles);
    }
    bail!(
        "{}{}",
        errors.join("\n"),
        if articles.is_empty() || keep_going {
            String::new()
        } else {
            "\n(use --keep-going to compare the readable files)".to_string()
        }
    )
}

/// What the command line's inputs amount to: articles (in argument order), the user's
/// decisions and matching settings (from workspaces, else defaults).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Articles ready for analysis.
    pub articles: Vec<Article>,
    /// The same articles as workspace entries (a workspace's entries are kept as saved).
    pub entries: Vec<ArticleEntry>,
    /// Decisions of all workspaces given, in order.
    pub decisions: Decisions,
    /// The first workspace's matching settings, or the defaults.
    pub settings: MatchSettings,
    /// The notes of all workspaces given.
    pub notes: Notes,
}

impl Inputs {
    /// Inputs made of these articles only.
    pub fn from_articles(articles: Vec<Article>) -> Self {
        Self {
            entries: articles.iter().map(ArticleEntry::from_article).collect(),
            articles,
            ..Self::default()
        }
    }
}

/// True for a path that names a workspace file (any local `.ron`).
pub fn is_workspace_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        && !is_web_address(&path.to_string_lossy())
}

/// Load article files and workspaces (any `.ron`) in argument order, merging the workspaces'
/// decisions. Without workspaces this is exactly [`load_articles`]. Bad files are named; with
/// `keep_going` they are reported on stderr and the rest are used.
pub fn load_inputs(files: &[PathBuf], keep_going: bool) -> Result<Inputs> {
    if !files.iter().any(|f| is_workspace_path(f)) {
        return load_articles(files, keep_going).map(Inputs::from_articles);
    }
    let mut inputs = Inputs::default();
    let mut settings = None;
    let mut errors = Vec::new();
    for path in files {
        if is_workspace_path(path) {
            match crate::workspace::load(path) {
                Ok(workspace) => {
                    inputs.articles.extend(workspace.analysis_articles());
                    inputs.entries.extend(workspace.articles);
                    inputs.decisions.links.extend(workspace.decisions.links);
                    inputs.decisions.unlinks.extend(workspace.decisions.unlinks);
                    inputs
                        .decisions
                        .not_conflicts
                        .extend(workspace.decisions.not_conflicts);
                    settings.get_or_insert(workspace.settings.matching);
                    inputs.notes.claims.extend(workspace.claim_notes);
                    inputs.notes.groups.extend(workspace.group_notes);
                }
                Err(e) => errors.push(e.to_string()),
            }
        } else {
            match import_article(path) {
                Ok(article) => {
                    inputs.entries.push(ArticleEntry::from_article(&article));
                    inputs.articles.push(article);
                }
                Err(e) => errors.push(format!("{e:#}")),
            }
        }
    }
    inputs.settings = settings.unwrap_or_default();
    if errors.is_empty() {
        return Ok(inputs);
    }
    if keep_going && !inputs.articles.is_empty() {
        for e in &errors {
            eprintln!("claimdiff: skipped: {e}");
        }
        return Ok(inputs);
    }
    bail!(
        "{}{}",
        errors.join("\n"),
        if inputs.articles.is_empty() || keep_going {
            String::new()
        } else {
            "\n(use --keep-going to use the readable files)".to_string()
        }
    )
}

/// `claimdiff workspace create OUT FILE…`: build a workspace from the inputs and save it
/// atomically. An existing OUT is only replaced with `force`, so swapped arguments can't
/// overwrite an article.
fn create_workspace(out: &Path, files: &[PathBuf], force: bool, keep_going: bool) -> Result<()> {
    if !is_workspace_path(out) {
        bail!(
            "'{}' does not end in .ron; name the workspace like 'story.claimdiff.ron'",
            out.display()
        );
    }
    if out.exists() && !force {
        bail!(
            "'{}' already exists; use --force to replace it (the old version is kept as .bak)",
            out.display()
        );
    }
    let inputs = load_inputs(files, keep_going)?;
    let mut workspace = Workspace::from_articles(&[]);
    workspace.articles = inputs.entries;
    workspace.decisions = inputs.decisions;
    workspace.settings.matching = inputs.settings;
    crate::workspace::save(out, &workspace, Overwrite::Always)?;
    let count = workspace.articles.len();
    let plural = if count == 1 { "" } else { "s" };
    write_stdout(&format!(
        "Wrote '{}' with {count} article{plural}.\n",
        out.display()
    ))
}

/// Imports one command-line argument: fetched when it is an `http://` or `https://` address,
/// read from disk otherwise. Errors name the file or address.
pub fn import_article(arg: &Path) -> Result<Article> {
    let text = arg.to_string_lossy();
    if is_web_address(&text) {
        return Ok(fetch_article(&text)?);
    }
    Ok(import_file(arg)?)
}

fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// Read one labelled story: `{story, outlets, sentences: {outlet: [{i, start, end}]},
/// matches: [{a: [outlet, i], b: [outlet, i]}]}`, its articles from `ARTICLES/STORY/OUTLET.txt`.
fn read_gold_story(articles_dir: &Path, file: &Path) -> Result<GoldStory> {
    let text = read_utf8(file)?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("'{}' is not a labelled story (JSON)", file.display()))?;
    let bad = || anyhow::anyhow!("'{}' is not in the gold-dev layout", file.display());
    let story = json["story"].as_str().ok_or_else(bad)?;
    let outlets: Vec<&str> = json["outlets"]
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .filter_map(|o| o.as_str())
        .collect();
    let index_of = |o: &serde_json::Value| outlets.iter().position(|x| Some(*x) == o.as_str());
    let mut articles = Vec::with_capacity(outlets.len());
    let mut sentences = Vec::with_capacity(outlets.len());
    for outlet in &outlets {
        let path = articles_dir.join(story).join(format!("{outlet}.txt"));
        articles.push(import_file(&path).with_context(|| format!("reading '{}'", path.display()))?);
        let list = json["sentences"][*outlet].as_array().ok_or_else(bad)?;
        sentences.push(
            list.iter()
                .filter_map(|s| {
                    Some((
                        usize::try_from(s["i"].as_u64()?).ok()?,
                        usize::try_from(s["start"].as_u64()?).ok()?,
                        usize::try_from(s["end"].as_u64()?).ok()?,
                    ))
                })
                .collect(),
        );
    }
    let mut pairs = std::collections::HashSet::new();
    for m in json["matches"].as_array().ok_or_else(bad)? {
        let side = |key: &str| -> Option<(usize, usize)> {
            let v = m[key].as_array()?;
            Some((
                index_of(v.first()?)?,
                usize::try_from(v.get(1)?.as_u64()?).ok()?,
            ))
        };
        if let (Some(x), Some(y)) = (side("a"), side("b")) {
            pairs.insert(if x <= y { (x, y) } else { (y, x) });
        }
    }
    Ok(GoldStory {
        name: story.to_string(),
        articles,
        sentences,
        pairs,
    })
}

/// The largest group the fitted model may make of the demo's claims.
const DEMO_MAX_GROUP: usize = 9;

/// `claimdiff fit-context`: fit (or only evaluate) the context model on labelled stories.
fn fit_context_command(
    articles_dir: &Path,
    gold: &[PathBuf],
    out: Option<&Path>,
    evaluate_only: bool,
) -> Result<()> {
    if gold.is_empty() {
        bail!("Name at least one labelled story (a gold-dev JSON file)");
    }
    let stories = gold
        .iter()
        .map(|f| read_gold_story(articles_dir, f))
        .collect::<Result<Vec<_>>>()?;
    if evaluate_only {
        let results = fit_context::evaluate(&stories, &CONTEXT_MODEL);
        let mut text = String::from("shipped model (groups, strict pairs):\n");
        for f in &results {
            text.push_str(&format!(
                "  P {:.3}  R {:.3}  F1 {:.3}  {}\n",
                f.precision, f.recall, f.f1, f.story
            ));
        }
        text.push_str(&format!(
            "macro F1 {:.3}\n",
            fit_context::macro_f1(&results)
        ));
        return write_stdout(&text);
    }
    // The demo is what a first-time user reads: its groups may not grow past the claims that
    // state its evacuation figure (headlines and ledes of its four articles).
    let guard = fit_context::GroupGuard {
        articles: demo::demo_articles(),
        max_group: DEMO_MAX_GROUP,
    };
    let fit = fit_context::fit_context(&stories, Some(&guard));
    let names: Vec<String> = stories.iter().map(|s| s.name.clone()).collect();
    let source = fit_context::weights_source(&fit, &names);
    if let Some(path) = out {
        std::fs::write(path, &source)
            .with_context(|| format!("Can't write '{}'", path.display()))?;
    }
    write_stdout(&fit_context::fit_report(&fit))
}

/// One parsed line of an MRPC-layout TSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    /// First sentence id.
    pub id1: String,
    /// Second sentence id.
    pub id2: String,
    /// First sentence.
    pub sentence1: String,
    /// Second sentence.
    pub sentence2: String,
}

/// Parse an MRPC-layout TSV (BOM and CRLF tolerated, header skipped, TAB-separated only).
/// Lines with fewer than five columns are reported by line number.
pub fn parse_pairs_tsv(text: &str) -> (Vec<PairRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .skip(1)
    {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 5 {
            problems.push(format!(
                "line {}: expected 5 tab-separated columns, found {}",
                n + 1,
                fields.len()
            ));
            continue;
        }
        rows.push(PairRow {
            id1: fields[1].to_string(),
            id2: fields[2].to_string(),
            sentence1: fields[3].to_string(),
            sentence2: fields[4].to_string(),
        });
    }
    (rows, problems)
}

fn read_utf8(file: &Path) -> Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("Can't open '{}'", file.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "'{}' is not UTF-8 text (invalid byte at offset {})",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn pairs(file: &Path) -> Result<()> {
    let text = read_utf8(file)?;
    let (rows, problems) = parse_pairs_tsv(&text);
    for p in &problems {
        eprintln!("claimdiff: {}: {p}", file.display());
    }
    if rows.is_empty() {
        bail!(
            "'{}' holds no sentence pairs (expected a header row, then label, id1, id2, sentence1, sentence2)",
            file.display()
        );
    }
    let texts: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.sentence1.clone(), r.sentence2.clone()))
        .collect();
    let verdicts = score_pairs(&texts, &MatchSettings::default());
    let mut out = String::with_capacity(rows.len() * 32);
    for (row, verdict) in rows.iter().zip(&verdicts) {
        out.push_str(&format!(
            "{}\t{}\t{:.4}\t{}\n",
            row.id1,
            row.id2,
            verdict.score.paraphrase,
            u8::from(verdict.same_meaning())
        ));
    }
    write_stdout(&out)
}

/// What `claimdiff import` prints: metadata, warnings, the furniture (boilerplate lines), the
/// body text without them, then the claims.
pub fn describe_import(article: &Article) -> String {
    let m = &article.meta;
    let mut out = String::new();
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push_str(&format!("{name:<9}{v}\n"));
        }
    };
    field(&mut out, "Outlet:", Some(&m.outlet));
    field(&mut out, "Headline:", Some(&m.headline));
    field(&mut out, "Date:", m.date.as_deref());
    field(&mut out, "Author:", m.author.as_deref());
    field(&mut out, "URL:", m.url.as_deref());
    field(&mut out, "File:", m.origin.as_deref());
    if !m.credited.is_empty() {
        field(&mut out, "Credits:", Some(&m.credited.join(", ")));
    }
    for w in &article.warnings {
        out.push_str(&format!("Warning: {w}\n"));
    }
    let body_start = article.body_start.min(article.text.len());
    let furniture: Vec<Span> = article
        .boilerplate_spans
        .iter()
        .copied()
        .filter(|s| s.end > body_start)
        .collect();
    if !furniture.is_empty() {
        out.push_str("\nFurniture (kept, shown dimmed, never claims):\n");
        for span in &furniture {
            out.push_str(&format!("  {}\n", span.slice(&article.text).trim()));
        }
    }
    out.push_str("\nBody:\n");
    let mut offset = body_start;
    let body = article.text.get(body_start..).unwrap_or("").trim_end();
    let mut blank_pending = false;
    for raw in body.split_inclusive('\n') {
        let line = Span::new(offset, offset + raw.trim_end().len());
        offset += raw.len();
        let text = line.slice(&article.text).trim();
        if text.is_empty() {
            blank_pending = true;
            continue;
        }
        if furniture
            .iter()
            .any(|f| f.start < line.end && line.start < f.end)
        {
            continue;
        }
        if blank_pending {
            out.push('\n');
            blank_pending = false;
        }
        out.push_str(&format!("  {text}\n"));
    }
    let comparison = compare(
        std::slice::from_ref(article),
        &Decisions::default(),
        &MatchSettings::default(),
    );
    out.push_str(&format!("\n{} claims:\n", comparison.claims.len()));
    for (i, c) in comparison.claims.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}. {}\n",
            i + 1,
            c.text.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_parsing_handles_bom_crlf_and_short_lines() {
        let text = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t10\t20\tA \"quoted\" one.\tAnother one.\r\nbroken line\r\n";
        let (rows, problems) = parse_pairs_tsv(text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sentence1, "A \"quoted\" one.");
        assert_eq!(rows[0].sentence2, "Another one.");
        assert_eq!(
            problems,
            ["line 3: expected 5 tab-separated columns, found 1"]
        );
    }

    #[test]
    fn cli_parses_subcommands_and_window_files() {
        let cli = Cli::try_parse_from(["claimdiff", "a.txt", "b.txt"]).map_err(|e| e.to_string());
        assert_eq!(cli.map(|c| c.files.len()), Ok(2));
        let cli = Cli::try_parse_from(["claimdiff", "compare", "--demo", "--format", "json"]);
        assert!(matches!(
            cli.map(|c| c.command),
            Ok(Some(CliCommand::Compare {
                demo: true,
                format: Format::Json,
                ..
            }))
        ));
    }
}
