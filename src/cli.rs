//! The command line: `claimdiff [FILES…]` opens the window; subcommands run in the terminal.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::analysis::import::import_file;
use crate::analysis::matching::score_pairs;
use crate::analysis::report::{Format, render};
use crate::analysis::{Article, Decisions, MatchSettings, compare, demo};

/// Compare how different outlets cover the same news story, claim by claim.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles (or a workspace .ron) to open in the window.
    pub files: Vec<PathBuf>,
}

/// Terminal subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare articles and print claim groups, conflicts, diffs and per-outlet summaries.
    Compare {
        /// Article files (.txt, .md).
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
    /// Show what claimdiff extracts from an article: metadata, body and claims.
    Import {
        /// The article file.
        file: PathBuf,
    },
    /// Fit the matcher's weights on labelled pairs (MRPC layout) and print them as Rust.
    #[command(hide = true)]
    FitMatcher {
        /// Training pairs (MRPC train only: validation data must stay unseen).
        file: PathBuf,
    },
    /// Correlate the matcher's score with STS Benchmark similarity ratings.
    #[command(hide = true)]
    Sts {
        /// An STS Benchmark file (tab-separated: genre, file, year, id, score, s1, s2).
        file: PathBuf,
    },
}

/// Run a terminal subcommand, writing to stdout. Errors are returned for `main` to print.
pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Compare {
            files,
            format,
            demo: use_demo,
            keep_going,
            link_threshold,
        } => {
            let mut settings = MatchSettings::default();
            if let Some(t) = link_threshold {
                settings.link_threshold = t;
            }
            let articles = if use_demo {
                demo::demo_articles()
            } else {
                load_articles(&files, keep_going)?
            };
            let comparison = compare(&articles, &Decisions::default(), &settings);
            write_stdout(&render(&comparison, format))
        }
        Command::Pairs { file } => pairs(&file),
        Command::FitMatcher { file } => {
            let text = read_utf8(&file)?;
            let labels: Vec<bool> = text
                .trim_start_matches('\u{feff}')
                .lines()
                .skip(1)
                .filter(|l| l.split('\t').count() >= 5)
                .map(|l| l.starts_with('1'))
                .collect();
            let (rows, _) = parse_pairs_tsv(&text);
            let pairs: Vec<(String, String)> = rows.into_iter().map(|r| (r.sentence1, r.sentence2)).collect();
            let fit = crate::analysis::fit::fit_pairs(&pairs, &labels);
            write_stdout(&crate::analysis::fit::fit_report(&fit, pairs.len()))
        }
        Command::Sts { file } => {
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
            let scores: Vec<f64> = verdicts.iter().map(|v| f64::from(v.score.paraphrase)).collect();
            write_stdout(&format!(
                "{}: {} pairs, Pearson {:.3}, Spearman {:.3}\n",
                file.display(),
                pairs.len(),
                crate::analysis::fit::pearson(&scores, &gold),
                crate::analysis::fit::spearman(&scores, &gold)
            ))
        }
        Command::Import { file } => {
            let article = import_file(&file)?;
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
        match import_file(path) {
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

fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
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
    for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 5 {
            problems.push(format!("line {}: expected 5 tab-separated columns, found {}", n + 1, fields.len()));
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
        anyhow::anyhow!("'{}' is not UTF-8 text (invalid byte at offset {})", file.display(), e.utf8_error().valid_up_to())
    })
}

fn pairs(file: &Path) -> Result<()> {
    let text = read_utf8(file)?;
    let (rows, problems) = parse_pairs_tsv(&text);
    for p in &problems {
        eprintln!("claimdiff: {}: {p}", file.display());
    }
    if rows.is_empty() {
        bail!("'{}' holds no sentence pairs (expected a header row, then label, id1, id2, sentence1, sentence2)", file.display());
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

/// What `claimdiff import` prints: metadata, warnings, boilerplate, then the claims.
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
    for w in &article.warnings {
        out.push_str(&format!("Warning: {w}\n"));
    }
    for span in &article.boilerplate_spans {
        out.push_str(&format!("Boilerplate (not a claim): {}\n", span.slice(&article.text).trim()));
    }
    let comparison = compare(std::slice::from_ref(article), &Decisions::default(), &MatchSettings::default());
    out.push_str(&format!("\n{} claims:\n", comparison.claims.len()));
    for (i, c) in comparison.claims.iter().enumerate() {
        out.push_str(&format!("{:>3}. {}\n", i + 1, c.text.split_whitespace().collect::<Vec<_>>().join(" ")));
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
        assert_eq!(problems, ["line 3: expected 5 tab-separated columns, found 1"]);
    }

    #[test]
    fn cli_parses_subcommands_and_window_files() {
        let cli = Cli::try_parse_from(["claimdiff", "a.txt", "b.txt"]).map_err(|e| e.to_string());
        assert_eq!(cli.map(|c| c.files.len()), Ok(2));
        let cli = Cli::try_parse_from(["claimdiff", "compare", "--demo", "--format", "json"]);
        assert!(matches!(cli.map(|c| c.command), Ok(Some(Command::Compare { demo: true, format: Format::Json, .. }))));
    }
}
