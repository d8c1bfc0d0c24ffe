//! The workspace file: versioned, deterministic RON, read defensively.
//!
//! Writing: [`to_ron_string`] gives pretty RON with `version` first and every map in key order,
//! so the same workspace always gives the same bytes and files diff well in git. Article text is
//! written as a list of lines (each keeping its line end, escaped), so an edit shows as a line
//! change rather than one huge changed line.
//!
//! Reading: [`load`] refuses non-files and files over [`MAX_WORKSPACE_BYTES`] before reading;
//! [`from_ron_bytes`] reports invalid UTF-8 with its position; [`from_ron_str`] strips a BOM,
//! reads the version first (a newer format is refused before the rest is looked at), migrates
//! older formats, and turns every RON error into "'file', line L, column C: what is wrong".
//! Nesting is capped at [`MAX_NESTING`] levels so hostile input errors instead of overflowing
//! the stack, even on a 1 MiB thread stack.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use super::error::{WorkspaceError, display_name};
use super::model::{ArticleEntry, ComparisonSettings, WORKSPACE_VERSION, Workspace};
use super::stamp::FileStamp;
use crate::analysis::{ClaimId, Decisions, MatchSettings};
use crate::ingest::import_text;

/// Files larger than this are refused before reading (a workspace holds text, not media).
pub const MAX_WORKSPACE_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting of RON values accepted. A real workspace nests about five levels; the cap
/// turns a hostile `[[[[…` into an error long before it could exhaust a thread's stack.
pub(crate) const MAX_NESTING: usize = 64;

const BOM: char = '\u{feff}';

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// The workspace as deterministic pretty RON (`version` first, maps in key order, `\n` line
/// ends on every OS). The same workspace always gives the same bytes.
pub fn to_ron_string(workspace: &Workspace) -> Result<String, WorkspaceError> {
    to_ron_string_named(workspace, "workspace")
}

/// [`to_ron_string`], naming `file` in the error.
pub(crate) fn to_ron_string_named(
    workspace: &Workspace,
    file: &str,
) -> Result<String, WorkspaceError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true);
    let mut text = ron_options()
        .to_string_pretty(workspace, config)
        .map_err(|e| WorkspaceError::Serialize {
            file: file.to_string(),
            message: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

/// Read a workspace from a file: refuses folders, pipes and devices and files over
/// [`MAX_WORKSPACE_BYTES`] (checked from metadata before reading), then [`from_ron_bytes`].
///
/// Blocking I/O: the GUI should call this off the UI thread.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    load_with_stamp(path).map(|(workspace, _)| workspace)
}

/// [`load`], also returning the file's [`FileStamp`] so a later save can tell whether the file
/// changed on disk in between (pass it to [`crate::workspace::save()`]).
pub fn load_with_stamp(path: &Path) -> Result<(Workspace, FileStamp), WorkspaceError> {
    let file = display_name(path);
    let (bytes, modified) = read_capped(path, &file)?;
    let stamp = FileStamp::of_bytes(&bytes, modified);
    let workspace = from_ron_bytes(&bytes, &file)?;
    Ok((workspace, stamp))
}

/// Read a whole regular file of at most [`MAX_WORKSPACE_BYTES`], with its modification time.
pub(crate) fn read_capped(
    path: &Path,
    file: &str,
) -> Result<(Vec<u8>, Option<std::time::SystemTime>), WorkspaceError> {
    let read_error = |source| WorkspaceError::Read {
        file: file.to_string(),
        source,
    };
    // Checked before opening: opening a named pipe blocks until someone writes to it.
    if !std::fs::metadata(path).map_err(read_error)?.is_file() {
        return Err(WorkspaceError::NotAFile {
            file: file.to_string(),
        });
    }
    let handle = std::fs::File::open(path).map_err(read_error)?;
    // Checked again on the open handle, so the checks apply to what is actually read.
    let meta = handle.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(WorkspaceError::NotAFile {
            file: file.to_string(),
        });
    }
    let too_large = |size_bytes| WorkspaceError::TooLarge {
        file: file.to_string(),
        size_bytes,
        limit_bytes: MAX_WORKSPACE_BYTES,
    };
    if meta.len() > MAX_WORKSPACE_BYTES {
        return Err(too_large(meta.len()));
    }
    let capacity = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    // The file may grow while being read: never read past the cap.
    handle
        .take(MAX_WORKSPACE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_WORKSPACE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((bytes, meta.modified().ok()))
}

/// Parse workspace bytes: UTF-16 and invalid UTF-8 are reported (the latter with line, column
/// and byte offset), then [`from_ron_str`].
pub fn from_ron_bytes(bytes: &[u8], file_name: &str) -> Result<Workspace, WorkspaceError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(WorkspaceError::Utf16 {
            file: file_name.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        // `valid_up_to` is a char boundary of valid UTF-8 by definition.
        let valid = std::str::from_utf8(&bytes[..byte]).unwrap_or_default();
        let (line, column) = line_column_at_end(valid);
        WorkspaceError::InvalidUtf8 {
            file: file_name.to_string(),
            line,
            column,
            byte,
        }
    })?;
    from_ron_str(text, file_name)
}

/// Parse a workspace from RON text, naming `file_name` in errors.
///
/// A leading BOM is skipped. The format version is read first with a tolerant pass: a newer
/// version is refused before anything else is parsed; older versions are migrated to the
/// current [`Workspace`]. Errors carry the line and column of the problem.
pub fn from_ron_str(text: &str, file_name: &str) -> Result<Workspace, WorkspaceError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        let (line, column) = line_column_at_end(text);
        return Err(WorkspaceError::Parse {
            file: file_name.to_string(),
            line,
            column,
            message: "the file is empty, not a claimdiff workspace".to_string(),
        });
    }
    let version = match header_version(text) {
        Some(version) => Some(version),
        None => probe(text, file_name)?,
    };
    let workspace = match version {
        Some(v) if v > u64::from(WORKSPACE_VERSION) => {
            return Err(WorkspaceError::NewerVersion {
                file: file_name.to_string(),
                found: v,
                supported: WORKSPACE_VERSION,
            });
        }
        // Format 2 added `view`, format 3 `decisions.not_conflicts`, format 4 their `values`;
        // older files simply lack them (they default: a format-3 decision without values
        // covers every difference of its kind between its two claims).
        Some(1..=4) => parse::<Workspace>(text, file_name)?,
        // Format 0 had no version field (an explicit `version: 0` is accepted too).
        Some(_) | None => parse::<WorkspaceV0>(text, file_name)?.migrate(),
    };
    validate(workspace, file_name)
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, file: &str) -> Result<T, WorkspaceError> {
    ron_options()
        .from_str(text)
        .map_err(|e| spanned_error(&e, text, file))
}

fn spanned_error(e: &ron::error::SpannedError, text: &str, file: &str) -> WorkspaceError {
    // At the end of input, the end is where something is missing; otherwise RON's start is
    // just before the offending token, possibly on whitespace: point at the token itself.
    let (line, column) = if matches!(e.code, ron::Error::Eof) {
        (e.span.end.line, e.span.end.col)
    } else {
        skip_whitespace_from(text, e.span.start.line, e.span.start.col)
    };
    WorkspaceError::Parse {
        file: file.to_string(),
        line,
        column,
        message: describe_ron_error(&e.code),
    }
}

/// The position of the first non-whitespace character at or after (`line`, `column`) in
/// `text`; the position itself when only whitespace follows or it lies outside `text`.
fn skip_whitespace_from(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(line_start) = (if line <= 1 {
        Some(0)
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
    }) else {
        return (line, column);
    };
    let Some(offset) = text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| line_start + i)
    else {
        return (line, column);
    };
    let rest = &text[offset..];
    let skipped = rest.len() - rest.trim_start().len();
    if skipped == 0 || skipped == rest.len() {
        return (line, column);
    }
    line_column_at_end(&text[..offset + skipped])
}

/// RON's error in plain words, ending without a full stop (the caller builds the sentence).
fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early (it may be cut off)".to_string(),
        E::ExceededRecursionLimit => {
            format!("values are nested more than {MAX_NESTING} levels deep")
        }
        E::ExpectedComma => "expected a comma here".to_string(),
        E::TrailingCharacters => "unexpected text after the end of the workspace".to_string(),
        E::ExpectedStringEnd => "a text value is not closed with `\"`".to_string(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "the file is not valid RON".to_string(),
            }
        }
    }
}

/// 1-based line and column just after the end of `text` (columns count characters).
fn line_column_at_end(text: &str) -> (usize, usize) {
    let line = 1 + text.bytes().filter(|&b| b == b'\n').count();
    let last_line = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    (line, 1 + last_line.chars().count())
}

/// The version when the file starts the usual way: `(version: N` or `Workspace(version: N`,
/// after whitespace, comments and `#![enable(…)]` attributes. A tolerant scan that looks at
/// nothing after the number, so a newer file is recognised even if its body would not parse.
/// `None` when the file does not start like that.
fn header_version(text: &str) -> Option<u64> {
    let mut rest = skip_trivia(text)?;
    while let Some(attr) = rest.strip_prefix("#![") {
        let end = attr.find(")]")?;
        rest = skip_trivia(&attr[end + 2..])?;
    }
    if let Some(after_name) = rest.strip_prefix("Workspace") {
        rest = skip_trivia(after_name)?;
    }
    rest = skip_trivia(rest.strip_prefix('(')?)?;
    rest = rest.strip_prefix("version")?;
    rest = skip_trivia(rest)?;
    rest = skip_trivia(rest.strip_prefix(':')?)?;
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, after) = rest.split_at(digits_end);
    // `version: 1.5` or `version: 1u32` is not the usual shape: let the full parse judge it.
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == '_') {
        return None;
    }
    digits.parse().ok()
}

/// `text` after leading whitespace and comments; `None` for an unclosed block comment or a
/// nested one (left to the full parser).
fn skip_trivia(mut text: &str) -> Option<&str> {
    loop {
        text = text.trim_start();
        if let Some(comment) = text.strip_prefix("//") {
            text = comment.find('\n').map_or("", |i| &comment[i + 1..]);
        } else if let Some(comment) = text.strip_prefix("/*") {
            let end = comment.find("*/")?;
            if comment[..end].contains("/*") {
                return None;
            }
            text = &comment[end + 2..];
        } else {
            return Some(text);
        }
    }
}

/// Just enough of any workspace version to tell which it is; everything else is skipped.
#[derive(Deserialize)]
#[serde(rename = "Workspace")]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    version: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    articles: Option<IgnoredAny>,
}

/// A field that is `Some` when present (RON would otherwise want `Some(…)` written out).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The version from a full tolerant parse, when the header scan did not find it.
fn probe(text: &str, file: &str) -> Result<Option<u64>, WorkspaceError> {
    let probe: Probe = parse(text, file)?;
    if probe.version.is_none() && probe.articles.is_none() {
        return Err(WorkspaceError::NotAWorkspace {
            file: file.to_string(),
            reason: "it has neither a `version` nor an `articles` field".to_string(),
        });
    }
    Ok(probe.version)
}

/// Format 0, written before workspaces carried a version: articles as bare text (metadata was
/// read from the text each time), decisions and the threshold at the top level, claim notes
/// under `notes`.
#[derive(Deserialize)]
#[serde(rename = "Workspace")]
struct WorkspaceV0 {
    #[serde(default)]
    #[allow(dead_code)] // Only ever 0 here; read so that `version: 0` is accepted.
    version: u32,
    articles: Vec<String>,
    #[serde(default)]
    links: Vec<(ClaimId, ClaimId)>,
    #[serde(default)]
    unlinks: Vec<(ClaimId, ClaimId)>,
    #[serde(default)]
    notes: BTreeMap<ClaimId, String>,
    #[serde(default, deserialize_with = "present")]
    link_threshold: Option<f32>,
}

impl WorkspaceV0 {
    fn migrate(self) -> Workspace {
        let articles = self
            .articles
            .into_iter()
            .map(|text| {
                // Format 0 kept no metadata: recover what the text itself says (headline,
                // `Outlet:`/`Date:`/`URL:` headers), so the user sees it and can edit it.
                let meta = import_text(&text, None).meta;
                ArticleEntry { text, meta }
            })
            .collect();
        let mut matching = MatchSettings::default();
        if let Some(threshold) = self.link_threshold {
            matching.link_threshold = threshold;
        }
        Workspace {
            version: WORKSPACE_VERSION,
            articles,
            decisions: Decisions {
                links: self.links.into(),
                unlinks: self.unlinks.into(),
                not_conflicts: Vec::new(),
            },
            claim_notes: self.notes,
            settings: ComparisonSettings {
                matching,
                ..ComparisonSettings::default()
            },
            ..Workspace::default()
        }
    }
}

/// Checks the parser cannot make: cross-references and numbers that must be finite.
fn validate(mut workspace: Workspace, file: &str) -> Result<Workspace, WorkspaceError> {
    let invalid = |reason: String| WorkspaceError::Invalid {
        file: file.to_string(),
        reason,
    };
    if let Some(index) = workspace.reference_article
        && index >= workspace.articles.len()
    {
        return Err(invalid(format!(
            "the reference article is number {} but the workspace has {} article{}",
            index + 1,
            workspace.articles.len(),
            if workspace.articles.len() == 1 {
                ""
            } else {
                "s"
            }
        )));
    }
    let threshold = workspace.settings.matching.link_threshold;
    if !threshold.is_finite() {
        return Err(invalid(format!(
            "the link threshold is {threshold}, not a number between 0 and 1"
        )));
    }
    workspace.version = WORKSPACE_VERSION;
    Ok(workspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_version_reads_the_usual_starts() {
        assert_eq!(header_version("(version: 1, articles: [])"), Some(1));
        assert_eq!(
            header_version("\n// c\n/* x */ Workspace (\n  version : 42,"),
            Some(42)
        );
        assert_eq!(
            header_version("#![enable(implicit_some)]\n(version: 3 garbage"),
            Some(3)
        );
        assert_eq!(header_version("(articles: [], version: 1)"), None);
        assert_eq!(header_version("(version: 1.5)"), None);
        assert_eq!(header_version("(version: \"1\")"), None);
        assert_eq!(header_version("/* /* nested */ */ (version: 1)"), None);
        assert_eq!(header_version("(version: 99999999999999999999999)"), None);
    }

    #[test]
    fn error_positions_skip_to_the_token() {
        let text = "(\n    a:  5,\n)";
        assert_eq!(skip_whitespace_from(text, 2, 7), (2, 9));
        assert_eq!(skip_whitespace_from(text, 2, 9), (2, 9));
        assert_eq!(skip_whitespace_from(text, 2, 11), (3, 1));
        assert_eq!(skip_whitespace_from(text, 9, 1), (9, 1));
        assert_eq!(skip_whitespace_from("x  ", 1, 2), (1, 2));
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column_at_end(""), (1, 1));
        assert_eq!(line_column_at_end("ab\ncé"), (2, 3));
        assert_eq!(line_column_at_end("x\n"), (2, 1));
    }
}
