//! The native file dialogs (open articles, open a workspace, save a workspace), each on its own
//! thread so a slow or missing dialog never freezes the window.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::report::Format;

/// File name extensions offered in the "open articles" dialog.
pub(crate) const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// The extension a new workspace file gets.
pub(crate) const WORKSPACE_SUFFIX: &str = ".claimdiff.ron";

/// What a dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DialogPurpose {
    /// Pick article files to add.
    AddArticles,
    /// Pick a workspace to open.
    OpenWorkspace,
    /// Pick where to export the report (the extension picks the format).
    ExportReport {
        /// The file name proposed.
        file_name: String,
        /// The folder the dialog starts in.
        folder: Option<PathBuf>,
    },
    /// Pick where to save the workspace.
    SaveWorkspace {
        /// The file name proposed.
        file_name: String,
        /// The folder the dialog starts in.
        folder: Option<PathBuf>,
    },
}

/// A dialog's answer: the picked paths, or `None` when the user cancelled or no dialog could be
/// shown.
pub(crate) type Picked = Option<Vec<PathBuf>>;

/// A native dialog open on another thread.
#[derive(Debug)]
pub(crate) struct RunningDialog {
    /// What it is for.
    pub(crate) purpose: DialogPurpose,
    receiver: Receiver<Picked>,
    started: Instant,
}

/// What [`RunningDialog::poll`] found.
#[derive(Debug, PartialEq)]
pub(crate) enum DialogOutcome {
    /// Still open.
    Open,
    /// The user picked these paths (at least one).
    Picked(Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown here (no portal, no display server dialog, a failed thread).
    Unavailable,
}

impl RunningDialog {
    /// Show the dialog for `purpose`.
    pub(crate) fn spawn(purpose: DialogPurpose) -> Self {
        let (sender, receiver) = mpsc::channel();
        let task = purpose.clone();
        let run = move || {
            // A send error means the window stopped waiting; nothing to do.
            let _ = sender.send(show(&task));
        };
        if cfg!(target_os = "macos") {
            // AppKit dialogs must run on the main thread; rfd blocks there while it is open.
            run();
        } else {
            // If no thread can be started, the sender goes down with the closure and the
            // poll sees a disconnect, which is reported as "no dialog".
            let _ = std::thread::Builder::new()
                .name("claimdiff-file-dialog".into())
                .spawn(run);
        }
        Self {
            purpose,
            receiver,
            started: Instant::now(),
        }
    }

    /// Check for the answer without blocking.
    pub(crate) fn poll(&self) -> DialogOutcome {
        // An answer that came at once means rfd could show no dialog.
        let quick = self.started.elapsed() < Duration::from_millis(400);
        match self.receiver.try_recv() {
            Err(TryRecvError::Empty) => DialogOutcome::Open,
            Ok(Some(paths)) if !paths.is_empty() => DialogOutcome::Picked(paths),
            Ok(_) if !quick => DialogOutcome::Cancelled,
            Ok(_) | Err(TryRecvError::Disconnected) => DialogOutcome::Unavailable,
        }
    }
}

fn show(purpose: &DialogPurpose) -> Picked {
    match purpose {
        DialogPurpose::AddArticles => rfd::FileDialog::new()
            .set_title("Add articles")
            .add_filter("Articles", &ARTICLE_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_files(),
        DialogPurpose::OpenWorkspace => rfd::FileDialog::new()
            .set_title("Open workspace")
            .add_filter("claimdiff workspaces", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file()
            .map(|p| vec![p]),
        DialogPurpose::ExportReport { file_name, folder } => {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Export report")
                .set_file_name(file_name.as_str());
            for format in Format::ALL {
                dialog = dialog.add_filter(format.label(), &[format.extension()]);
            }
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file().map(|p| vec![p])
        }
        DialogPurpose::SaveWorkspace { file_name, folder } => {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save workspace")
                .add_filter("claimdiff workspaces", &["ron"])
                .set_file_name(file_name.as_str());
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file().map(|p| vec![p])
        }
    }
}

/// The path a "save" answer should be written to: a name without a `.ron` extension gets
/// `.claimdiff.ron`, so the file opens again from the Open dialog's filter.
pub(crate) fn with_workspace_extension(path: &Path) -> PathBuf {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        return path.to_path_buf();
    }
    let mut name = path.as_os_str().to_owned();
    name.push(WORKSPACE_SUFFIX);
    PathBuf::from(name)
}

/// True for a path that names a workspace (`.ron`), not an article.
pub(crate) fn is_workspace_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// The path an export is written to and its format: the extension picks the format; a name
/// without a known extension gets `.md` (Markdown).
pub(crate) fn export_target(path: &Path) -> (PathBuf, Format) {
    match Format::from_path(path) {
        Some(format) => (path.to_path_buf(), format),
        None => {
            let mut name = path.as_os_str().to_owned();
            name.push(".md");
            (PathBuf::from(name), Format::Markdown)
        }
    }
}

/// The file name proposed for a report on a comparison named `name` ("demo story" →
/// "demo story report.md").
pub(crate) fn proposed_report_name(name: &str) -> String {
    let workspace_name = proposed_file_name(name);
    let stem = workspace_name
        .strip_suffix(WORKSPACE_SUFFIX)
        .unwrap_or(&workspace_name);
    format!("{stem} report.md")
}

/// The file name proposed when saving a workspace named `name` ("demo story" →
/// "demo story.claimdiff.ron"); characters no file system accepts become "-".
pub(crate) fn proposed_file_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let stem = cleaned.trim_matches(['.', ' ']);
    let stem = if stem.is_empty() { "comparison" } else { stem };
    format!("{stem}{WORKSPACE_SUFFIX}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_answers_get_the_workspace_extension() {
        assert_eq!(
            with_workspace_extension(Path::new("/tmp/story")),
            PathBuf::from("/tmp/story.claimdiff.ron")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/tmp/story.RON")),
            PathBuf::from("/tmp/story.RON")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/tmp/story.txt")),
            PathBuf::from("/tmp/story.txt.claimdiff.ron")
        );
    }

    #[test]
    fn an_export_takes_its_format_from_the_extension() {
        assert_eq!(
            export_target(Path::new("/tmp/r.HTML")),
            (PathBuf::from("/tmp/r.HTML"), Format::Html)
        );
        assert_eq!(
            export_target(Path::new("/tmp/r.csv")),
            (PathBuf::from("/tmp/r.csv"), Format::Csv)
        );
        assert_eq!(
            export_target(Path::new("/tmp/report")),
            (PathBuf::from("/tmp/report.md"), Format::Markdown)
        );
        assert_eq!(proposed_report_name("demo story"), "demo story report.md");
    }

    #[test]
    fn proposed_names_are_safe_file_names() {
        assert_eq!(proposed_file_name("demo story"), "demo story.claimdiff.ron");
        assert_eq!(proposed_file_name("a/b: c?"), "a-b- c-.claimdiff.ron");
        assert_eq!(proposed_file_name("  .. "), "comparison.claimdiff.ron");
    }

    #[test]
    fn workspaces_are_told_from_articles_by_extension() {
        assert!(is_workspace_path(Path::new("x.claimdiff.ron")));
        assert!(is_workspace_path(Path::new("x.RON")));
        assert!(!is_workspace_path(Path::new("x.txt")));
        assert!(!is_workspace_path(Path::new("ron")));
    }
}
