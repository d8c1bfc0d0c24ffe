//! A [`Comparison`] rendered as plain text, Markdown, JSON, HTML or CSV, with the user's notes
//! and "not a conflict" decisions. The window's File ▸ Export report… and `claimdiff compare
//! --format` use the same renderers.
//!
//! All output is deterministic: the same inputs give byte-identical output on every run and OS
//! (vectors in index order, no hash maps, scores rounded to four decimals).

mod csv;
mod html;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::analysis::ClaimId;

use crate::analysis::comparison::{Comparison, Conflict, Group, GroupStatus};
use crate::analysis::diff::{diff_claims, reveal_invisible};
use crate::analysis::facts::types::Facts;
use crate::ingest::Span;

/// Output formats of `claimdiff compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable plain text.
    Text,
    /// Markdown with tables.
    Markdown,
    /// Machine-readable JSON.
    Json,
    /// One self-contained HTML page any browser opens, word diffs coloured.
    Html,
    /// One row per claim, for spreadsheets.
    Csv,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Text,
    ];

    /// The file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }

    /// The format's name for people ("Markdown").
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Plain text",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Html => "HTML page",
            Format::Csv => "CSV table",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| {
            f.extension() == ext
                || (*f == Format::Markdown && ext == "markdown")
                || (*f == Format::Html && ext == "htm")
        })
    }
}

/// The user's notes, shown in every report: on claims, and on groups (kept by the claim the
/// note was written on, so a note follows that claim into whatever group it lands in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// Notes on claims, by claim id.
    pub claims: BTreeMap<ClaimId, String>,
    /// Notes on groups, by the id of the claim they were written on.
    pub groups: BTreeMap<ClaimId, String>,
}

impl Notes {
    /// The note on a claim, when it has a non-empty one.
    pub fn on_claim(&self, id: &ClaimId) -> Option<&str> {
        self.claims
            .get(id)
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
    }

    /// The notes on a group: those written on any of its members, in member order.
    pub fn on_group<'n>(&'n self, c: &Comparison, g: &Group) -> Vec<&'n str> {
        g.members
            .iter()
            .filter_map(|&m| c.claims.get(m))
            .filter_map(|claim| self.groups.get(&claim.id))
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
            .collect()
    }
}

/// Render a comparison in the chosen format, without notes.
pub fn render(comparison: &Comparison, format: Format) -> String {
    render_with_notes(comparison, &Notes::default(), format)
}

/// Render a comparison in the chosen format with the user's notes.
pub fn render_with_notes(comparison: &Comparison, notes: &Notes, format: Format) -> String {
    match format {
        Format::Text => text(comparison, notes),
        Format::Markdown => markdown(comparison, notes),
        Format::Json => json(comparison, notes),
        Format::Html => html::render(comparison, notes),
        Format::Csv => csv::render(comparison, notes),
    }
}

/// " (2 independent reports)" when reprints make the outlets fewer reports than outlets.
pub(crate) fn reports_note(c: &Comparison, g: &Group) -> String {
    let reports = c.stories.reports_among(&g.present_in);
    if reports < g.present_in.len() {
        format!(
            " ({reports} independent report{})",
            if reports == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    }
}

/// The stories and who reuses whom, one line each with `lead` before it; nothing when every
/// article is its own report of one story.
pub(crate) fn stories_lines(c: &Comparison, lead: &str) -> String {
    let s = &c.stories;
    if s.story_count() <= 1 && s.report_count() == c.articles.len() {
        return String::new();
    }
    let mut out = String::new();
    for story in 0..s.story_count() {
        let members = s.articles_of_story(story);
        let numbers: Vec<String> = members.iter().map(|a| format!("[{}]", a + 1)).collect();
        let _ = writeln!(
            out,
            "{lead}Story {}: {} — {} article{}, {} independent report{}",
            story + 1,
            numbers.join(" "),
            members.len(),
            if members.len() == 1 { "" } else { "s" },
            s.reports_among(&members),
            if s.reports_among(&members) == 1 {
                ""
            } else {
                "s"
            }
        );
        for &a in &members {
            if let Some(original) = s.reuses(a) {
                let _ = writeln!(
                    out,
                    "{lead}  [{}] {} reuses the report of [{}] {}",
                    a + 1,
                    outlet(c, a),
                    original + 1,
                    outlet(c, original)
                );
            }
        }
    }
    out
}

/// Each line Markdown-escaped.
fn md_escape_lines(text: &str) -> String {
    text.lines()
        .map(|l| format!("{}\n", md_escape(l)))
        .collect()
}

/// Column names of the per-outlet table.
pub(crate) const SUMMARY_COLUMNS: [&str; 8] = [
    "Outlet",
    "Claims",
    "Shared",
    "Conflicting",
    "Single-outlet",
    "Named sources",
    "Anonymous sources",
    "Cites",
];

/// One outlet's row of the per-outlet table, its texts passed through `escape`.
pub(crate) fn summary_cells(
    s: &crate::analysis::comparison::OutletSummary,
    escape: fn(&str) -> String,
) -> [String; 8] {
    [
        escape(&s.outlet),
        s.claims.to_string(),
        s.shared.to_string(),
        s.conflicting.to_string(),
        s.single_outlet.to_string(),
        s.named_sources.to_string(),
        s.anonymous_sources.to_string(),
        escape(&s.cited_outlets.join(", ")),
    ]
}

/// "≠ number differs: …" for a sure difference, "possible: …" for a weak one.
pub(crate) fn conflict_text(conflict: &Conflict) -> String {
    if conflict.possible {
        format!("possible: {}", conflict.describe())
    } else {
        conflict.describe()
    }
}

/// "not a conflict (your decision): number differs: …".
pub(crate) fn dismissed_text(conflict: &Conflict) -> String {
    format!("not a conflict (your decision): {}", conflict.describe())
}

fn round4(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

fn outlet(c: &Comparison, article: usize) -> &str {
    c.articles
        .get(article)
        .map(|a| a.meta.outlet.as_str())
        .unwrap_or("?")
}

fn outlets(c: &Comparison, articles: &[usize]) -> String {
    articles
        .iter()
        .map(|&a| outlet(c, a))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Groups worth showing first: conflicting, then shared by most outlets, then single-outlet.
fn ordered_groups(c: &Comparison) -> Vec<&Group> {
    let mut groups: Vec<&Group> = c.groups.iter().collect();
    groups.sort_by_key(|g| {
        let rank = match g.status {
            GroupStatus::Conflicting => 0,
            GroupStatus::Shared => 1,
            GroupStatus::SingleOutlet => 2,
        };
        (rank, std::cmp::Reverse(g.present_in.len()), g.id)
    });
    groups
}

/// Member diffs of every group (see [`member_diffs`]), computed in parallel over groups.
struct AllDiffs(Vec<Vec<(usize, String)>>);

impl AllDiffs {
    fn of(c: &Comparison) -> Self {
        Self(crate::analysis::parallel::map(&c.groups, 16, |g| {
            member_diffs(c, g)
        }))
    }

    /// Hand over the diffs of `g` (each group is rendered once; computed afresh if asked
    /// again or if `g` is not where its id says).
    fn take(&mut self, c: &Comparison, g: &Group) -> Vec<(usize, String)> {
        match (self.0.get_mut(g.id), c.groups.get(g.id)) {
            (Some(diffs), Some(at)) if std::ptr::eq(at, g) && !diffs.is_empty() => {
                std::mem::take(diffs)
            }
            _ => member_diffs(c, g),
        }
    }
}

/// Member diffs of a group against its first member: (member claim, inline diff).
fn member_diffs(c: &Comparison, g: &Group) -> Vec<(usize, String)> {
    let Some(&reference) = g.members.first() else {
        return Vec::new();
    };
    g.members
        .iter()
        .skip(1)
        .map(|&m| {
            (
                m,
                diff_claims(&c.claims[reference], &c.claims[m]).to_inline(),
            )
        })
        .collect()
}

fn text(c: &Comparison, notes: &Notes) -> String {
    let mut diffs = AllDiffs::of(c);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "claimdiff: {} articles, {} claims, {} groups",
        c.articles.len(),
        c.claims.len(),
        c.groups.len()
    );
    for (i, a) in c.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "  [{}] {} — {}{}",
            i + 1,
            a.meta.outlet,
            a.meta.headline,
            a.meta
                .date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        );
    }
    out.push_str(&stories_lines(c, "  "));
    for g in ordered_groups(c) {
        let _ = writeln!(
            out,
            "\n{} group {} — {} — in {}{}; not in {}",
            g.status.symbol(),
            g.id,
            g.status.label(),
            outlets(c, &g.present_in),
            reports_note(c, g),
            if g.absent_from.is_empty() {
                "—".to_string()
            } else {
                outlets(c, &g.absent_from)
            }
        );
        for conflict in &g.conflicts {
            if conflict.possible {
                let _ = writeln!(out, "  ? possible: {}", conflict.describe());
            } else {
                let _ = writeln!(out, "  ! {}", conflict.describe());
            }
        }
        for conflict in &g.dismissed {
            let _ = writeln!(out, "  ✓ {}", dismissed_text(conflict));
        }
        for note in notes.on_group(c, g) {
            let _ = writeln!(out, "  note: {}", one_line(note));
        }
        for &m in &g.members {
            let claim = &c.claims[m];
            let _ = writeln!(
                out,
                "  [{}] {}: {}",
                claim.article + 1,
                outlet(c, claim.article),
                reveal_invisible(&claim.text)
            );
            if let Some(note) = notes.on_claim(&claim.id) {
                let _ = writeln!(out, "      note: {}", one_line(note));
            }
        }
        if g.status != GroupStatus::SingleOutlet {
            for (m, diff) in diffs.take(c, g) {
                let _ = writeln!(
                    out,
                    "  diff [{}]: {}",
                    c.claims[m].article + 1,
                    reveal_invisible(&diff)
                );
            }
        }
    }
    out.push_str("\nPer outlet:\n");
    for s in &c.summaries {
        let _ = writeln!(
            out,
            "  [{}] {}: {} claims, {} shared, {} conflicting, {} single-outlet; sources {} named / {} anonymous{}",
            s.article + 1,
            s.outlet,
            s.claims,
            s.shared,
            s.conflicting,
            s.single_outlet,
            s.named_sources,
            s.anonymous_sources,
            if s.cited_outlets.is_empty() {
                String::new()
            } else {
                format!("; cites {}", s.cited_outlets.join(", "))
            }
        );
    }
    out
}

/// A note on one line (its line breaks shown as " / ").
pub(crate) fn one_line(note: &str) -> String {
    note.trim()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn md_escape(s: &str) -> String {
    reveal_invisible(s).replace('|', "\\|").replace('\n', " ")
}

fn markdown(c: &Comparison, notes: &Notes) -> String {
    let mut diffs = AllDiffs::of(c);
    let mut out = String::from(
        "# claimdiff comparison\n\n| # | Outlet | Headline | Date |\n|---|---|---|---|\n",
    );
    for (i, a) in c.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            i + 1,
            md_escape(&a.meta.outlet),
            md_escape(&a.meta.headline),
            a.meta.date.as_deref().unwrap_or("")
        );
    }
    let stories = stories_lines(c, "- ");
    if !stories.is_empty() {
        out.push_str("\n## Stories and reports\n\n");
        out.push_str(&md_escape_lines(&stories));
    }
    out.push_str("\n## Claim groups\n");
    for g in ordered_groups(c) {
        let _ = writeln!(
            out,
            "\n### {} Group {} — {}\n",
            g.status.symbol(),
            g.id,
            g.status.label()
        );
        let _ = writeln!(
            out,
            "In: {}{}  ",
            outlets(c, &g.present_in),
            reports_note(c, g)
        );
        if !g.absent_from.is_empty() {
            let _ = writeln!(out, "Not in: {}  ", outlets(c, &g.absent_from));
        }
        for conflict in &g.conflicts {
            if conflict.possible {
                let _ = writeln!(out, "- possible: {}", md_escape(&conflict.describe()));
            } else {
                let _ = writeln!(out, "- **{}**", md_escape(&conflict.describe()));
            }
        }
        for conflict in &g.dismissed {
            let _ = writeln!(
                out,
                "- ~~{}~~ (your decision: not a conflict)",
                md_escape(&conflict.describe())
            );
        }
        for note in notes.on_group(c, g) {
            let _ = writeln!(out, "- Note: {}", md_escape(&one_line(note)));
        }
        out.push('\n');
        for &m in &g.members {
            let claim = &c.claims[m];
            let _ = writeln!(
                out,
                "> **{}:** {}\n>",
                md_escape(outlet(c, claim.article)),
                md_escape(&claim.text)
            );
            if let Some(note) = notes.on_claim(&claim.id) {
                let _ = writeln!(out, "> *Note:* {}\n>", md_escape(&one_line(note)));
            }
        }
        if g.status != GroupStatus::SingleOutlet {
            for (m, diff) in diffs.take(c, g) {
                let _ = writeln!(
                    out,
                    "\nDiff ({}): `{}`",
                    md_escape(outlet(c, c.claims[m].article)),
                    md_escape(&diff).replace('`', "'")
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "\n## Per outlet\n\n| {} |\n|{}",
        SUMMARY_COLUMNS.join(" | "),
        "---|".repeat(SUMMARY_COLUMNS.len())
    );
    for s in &c.summaries {
        let _ = writeln!(out, "| {} |", summary_cells(s, md_escape).join(" | "));
    }
    out
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    index: usize,
    outlet: &'a str,
    headline: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
    origin: Option<&'a str>,
    warnings: &'a [String],
    /// Same id = same story.
    story: usize,
    /// Same id = the same original report (reprints and light rewrites of one copy).
    independent_report: usize,
    /// The article whose copy this one reuses, when it is not the original itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    reuses: Option<usize>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    index: usize,
    article: usize,
    id: &'a str,
    text: &'a str,
    span: Span,
    group: usize,
    is_headline: bool,
    facts: &'a Facts,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    kind: crate::analysis::comparison::ConflictKind,
    left: &'a str,
    right: &'a str,
    description: String,
    /// Byte ranges of the differing words in the first and second claim's text.
    left_span: Option<Span>,
    right_span: Option<Span>,
    /// 0–1: how sure the analysis is that this is one fact stated differently.
    confidence: f64,
    /// Weak differences are shown only on request.
    possible: bool,
    /// The two articles' publication dates when they are dated apart (a possible update).
    #[serde(skip_serializing_if = "Option::is_none")]
    reported: Option<JsonReported<'a>>,
}

/// The publication dates of the articles behind a difference.
#[derive(Serialize)]
struct JsonReported<'a> {
    left: &'a str,
    right: &'a str,
}

fn json_conflicts(conflicts: &[Conflict]) -> Vec<JsonConflict<'_>> {
    conflicts
        .iter()
        .map(|c| JsonConflict {
            kind: c.kind,
            left: &c.left,
            right: &c.right,
            description: c.describe(),
            left_span: c.left_span,
            right_span: c.right_span,
            confidence: f64::from(c.confidence_pct) / 100.0,
            possible: c.possible,
            reported: c.reported.as_ref().map(|(left, right)| JsonReported {
                left: left.as_str(),
                right: right.as_str(),
            }),
        })
        .collect()
}

#[derive(Serialize)]
struct JsonLink<'a> {
    a: usize,
    b: usize,
    score: f64,
    origin: crate::analysis::comparison::LinkOrigin,
    in_group: bool,
    relation: crate::analysis::comparison::LinkRelation,
    /// The smaller share of content words each claim has in common with the other; `same`
    /// from 0.7.
    coverage: f64,
    conflicts: Vec<JsonConflict<'a>>,
    /// Differences the user marked "not a conflict".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dismissed_conflicts: Vec<JsonConflict<'a>>,
}

#[derive(Serialize)]
struct JsonDiff {
    reference: usize,
    claim: usize,
    inline: String,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    id: usize,
    status: GroupStatus,
    label: &'a str,
    members: &'a [usize],
    present_in: &'a [usize],
    absent_from: &'a [usize],
    conflicts: Vec<JsonConflict<'a>>,
    links: Vec<JsonLink<'a>>,
    diffs: Vec<JsonDiff>,
    user_curated: bool,
    /// Independent reports among the articles that carry the group (reprints count once).
    independent_reports: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dismissed_conflicts: Vec<JsonConflict<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format_version: u32,
    articles: Vec<JsonArticle<'a>>,
    claims: Vec<JsonClaim<'a>>,
    groups: Vec<JsonGroup<'a>>,
    links: Vec<JsonLink<'a>>,
    citations: &'a [crate::analysis::comparison::Citation],
    summaries: &'a [crate::analysis::comparison::OutletSummary],
}

fn json_link(l: &crate::analysis::comparison::Link) -> JsonLink<'_> {
    JsonLink {
        a: l.a,
        b: l.b,
        score: round4(l.score),
        origin: l.origin,
        in_group: l.in_group,
        relation: l.relation(),
        coverage: round4(l.coverage),
        conflicts: json_conflicts(&l.conflicts),
        dismissed_conflicts: json_conflicts(&l.dismissed),
    }
}

fn json(c: &Comparison, notes: &Notes) -> String {
    let mut diffs = AllDiffs::of(c);
    let report = JsonReport {
        format_version: 1,
        articles: c
            .articles
            .iter()
            .enumerate()
            .map(|(index, a)| JsonArticle {
                index,
                outlet: &a.meta.outlet,
                headline: &a.meta.headline,
                date: a.meta.date.as_deref(),
                url: a.meta.url.as_deref(),
                author: a.meta.author.as_deref(),
                origin: a.meta.origin.as_deref(),
                warnings: &a.warnings,
                story: c.stories.story_of.get(index).copied().unwrap_or(0),
                independent_report: c.stories.report_of.get(index).copied().unwrap_or(index),
                reuses: c.stories.reuses(index),
            })
            .collect(),
        claims: c
            .claims
            .iter()
            .enumerate()
            .map(|(index, claim)| JsonClaim {
                index,
                article: claim.article,
                id: &claim.id.0,
                text: &claim.text,
                span: claim.span,
                group: claim.group,
                is_headline: claim.is_headline,
                facts: &claim.facts,
                note: notes.on_claim(&claim.id),
            })
            .collect(),
        groups: c
            .groups
            .iter()
            .map(|g| JsonGroup {
                id: g.id,
                status: g.status,
                label: &g.label,
                members: &g.members,
                present_in: &g.present_in,
                absent_from: &g.absent_from,
                conflicts: json_conflicts(&g.conflicts),
                links: g.links.iter().map(|&l| json_link(&c.links[l])).collect(),
                diffs: if g.members.len() > 1 {
                    diffs
                        .take(c, g)
                        .into_iter()
                        .map(|(claim, inline)| JsonDiff {
                            reference: g.members[0],
                            claim,
                            inline,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                user_curated: g.user_curated,
                independent_reports: c.stories.reports_among(&g.present_in),
                dismissed_conflicts: json_conflicts(&g.dismissed),
                notes: notes.on_group(c, g),
            })
            .collect(),
        links: c.links.iter().map(json_link).collect(),
        citations: &c.citations,
        summaries: &c.summaries,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}
