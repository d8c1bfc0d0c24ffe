//! File ▸ Export report…: the comparison with the user's decisions and notes, written as
//! Markdown, HTML, CSV, JSON or text by the same renderer as `claimdiff compare --format`.

use std::path::{Path, PathBuf};

use super::App;
use super::file_dialog::{self, DialogPurpose};
use super::intake::display_name;
use super::state::NoticeKind;
use crate::report::{Notes, render_with_notes};
use crate::workspace::write_export;

impl App {
    /// Ask where to export (native dialog).
    pub(super) fn export_dialog(&mut self) {
        if self.ui.file_dialog.is_some() {
            return;
        }
        let file_name = file_dialog::proposed_report_name(&self.document_name());
        let folder = self.document_folder();
        self.start_file_dialog(DialogPurpose::ExportReport { file_name, folder });
    }

    /// The notes the report shows.
    pub(super) fn report_notes(&self) -> Notes {
        Notes {
            claims: self.workspace.claim_notes.clone(),
            groups: self.workspace.group_notes.clone(),
        }
    }

    /// Write the report to `path` (the extension picks the format; none gives Markdown).
    pub(super) fn export_report(&mut self, path: &Path) {
        let (target, format): (PathBuf, _) = file_dialog::export_target(path);
        // The report shows the latest decisions: an analysis under way is finished first.
        self.wait_for_analysis();
        let text = render_with_notes(self.comparison(), &self.report_notes(), format);
        match write_export(&target, text.as_bytes()) {
            Ok(()) => {
                self.ui.notify(
                    NoticeKind::Info,
                    format!(
                        "Exported the report as {} to '{}'.",
                        format.label(),
                        display_name(&target)
                    ),
                );
            }
            Err(e) => {
                self.ui.notify(
                    NoticeKind::Error,
                    format!("Couldn't export the report: {e}"),
                );
            }
        }
    }
}
