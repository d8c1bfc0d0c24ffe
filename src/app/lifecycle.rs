//! The workspace's life as a file: new, open, save, save as, the "Save changes?" guard before
//! anything that would drop unsaved work, autosave, restoring after a crash, and fetching links.

use super::state::Modal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::App;
use super::command::{ChangedAnswer, UnsavedAnswer};
use super::document::{AUTOSAVE_DELAY, DocumentFile, JobDone, JobKind, Proceed, remember_recent};
use super::file_dialog::{self, DialogPurpose};
use super::history::History;
use super::intake;
use super::state::NoticeKind;
use crate::ingest::demo::demo_articles;
use crate::workspace::{
    FileStamp, Overwrite, Workspace, WorkspaceLock, cleanup_stray_temps, load_with_stamp, save,
};

impl App {
    /// Go on with `then` once unsaved changes are settled: at once when there are none, else
    /// after the user answered "Save changes?".
    pub(super) fn guard(&mut self, then: Proceed) {
        if self.holds_typed_text() {
            // A dialog with the user's typing in it is never swept away.
            self.notify_once(
                NoticeKind::Info,
                "Add or cancel the article being typed first.",
            );
            return;
        }
        if self.doc.is_dirty() {
            self.ui.modal = Some(Modal::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    /// True while the paste or link dialog holds text the user typed.
    pub(super) fn holds_typed_text(&self) -> bool {
        match &self.ui.modal {
            Some(Modal::Paste(dialog)) => !dialog.text.trim().is_empty(),
            Some(Modal::Link(dialog)) => !dialog.url.trim().is_empty(),
            _ => false,
        }
    }

    /// Do what the user asked for, unsaved changes having been settled.
    pub(super) fn proceed(&mut self, then: Proceed) {
        match then {
            Proceed::Close => {
                // A snapshot still being written must not land after it is cleared.
                let writing = |k: &JobKind| matches!(k, JobKind::Save(_) | JobKind::Autosave);
                for done in self.jobs.wait_while(writing) {
                    if !matches!(done, JobDone::Autosaved(_)) {
                        self.job_done(done);
                    }
                }
                // Work the user saved or chose to let go is not offered back next time.
                self.autosave.clear();
                self.ui.allow_close = true;
                self.ui.close_requested = true;
            }
            Proceed::New => {
                let workspace = Workspace::default();
                let doc = DocumentFile::untitled(workspace.clone());
                self.replace_document(workspace, doc, String::new());
            }
            Proceed::ShowOpenDialog => self.start_file_dialog(DialogPurpose::OpenWorkspace),
            Proceed::Open(path, then_add) => {
                let name = intake::display_name(&path);
                self.jobs.spawn(JobKind::Load(name), move || {
                    let result = load_with_stamp(&path);
                    JobDone::Loaded {
                        path,
                        then_add,
                        result,
                    }
                });
            }
            Proceed::OpenDemo => {
                let workspace = Workspace::from_articles(&demo_articles());
                let doc = DocumentFile::untitled(workspace.clone());
                self.replace_document(workspace, doc, "demo story".to_owned());
            }
        }
    }

    pub(super) fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let then = match self.ui.modal.take() {
            Some(Modal::Unsaved(then)) => then,
            other => {
                self.ui.modal = other;
                return;
            }
        };
        match answer {
            UnsavedAnswer::Save => self.save(Some(then)),
            UnsavedAnswer::DontSave => self.proceed(then),
            UnsavedAnswer::Cancel => {}
        }
    }

    pub(super) fn answer_changed_on_disk(&mut self, answer: ChangedAnswer) {
        let then = match self.ui.modal.take() {
            Some(Modal::ChangedOnDisk(then)) => then,
            other => {
                self.ui.modal = other;
                return;
            }
        };
        match answer {
            ChangedAnswer::Overwrite => {
                if let Some(path) = self.doc.path.clone() {
                    self.start_save(path, Overwrite::Always, then);
                }
            }
            ChangedAnswer::SaveAs => self.save_as(then),
            ChangedAnswer::Cancel => {}
        }
    }

    /// Save to the workspace's file, or ask for one.
    pub(super) fn save(&mut self, then: Option<Proceed>) {
        match self.doc.path.clone() {
            Some(path) => {
                let overwrite = self
                    .doc
                    .stamp
                    .map_or(Overwrite::Always, Overwrite::IfUnchanged);
                self.start_save(path, overwrite, then);
            }
            None => self.save_as(then),
        }
    }

    /// Ask where to save (native dialog), then save there.
    pub(super) fn save_as(&mut self, then: Option<Proceed>) {
        if self.ui.file_dialog.is_some() {
            return;
        }
        self.ui.after_save = then;
        let name = self.document_name();
        let file_name = match self.doc.file_name() {
            Some(file) => file,
            None => file_dialog::proposed_file_name(&name),
        };
        let folder = self.document_folder();
        self.start_file_dialog(DialogPurpose::SaveWorkspace { file_name, folder });
    }

    /// The folder of the workspace's file, where dialogs start.
    pub(super) fn document_folder(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Write the workspace to `path` on a background thread.
    pub(super) fn start_save(
        &mut self,
        path: PathBuf,
        overwrite: Overwrite,
        then: Option<Proceed>,
    ) {
        if matches!(self.ui.modal, Some(Modal::SavePath(_))) {
            self.ui.modal = None;
        }
        if self.jobs.is_running(|k| matches!(k, JobKind::Save(_))) {
            self.notify_once(
                NoticeKind::Info,
                "A save is already under way; try again in a moment.",
            );
            return;
        }
        let content = self.workspace.clone();
        self.jobs
            .spawn(JobKind::Save(intake::display_name(&path)), move || {
                let result = save(&path, &content, overwrite);
                JobDone::Saved {
                    path,
                    content,
                    result,
                    then,
                }
            });
    }

    pub(super) fn fetch_link(&mut self, url: String) {
        if matches!(self.ui.modal, Some(Modal::Link(_))) {
            self.ui.modal = None;
        }
        let url = url.trim().to_owned();
        if url.is_empty() {
            return;
        }
        let shown = url.clone();
        self.jobs.spawn(JobKind::Fetch(shown), move || {
            let result = crate::ingest::fetch::fetch_article(&url);
            JobDone::Fetched { url, result }
        });
    }

    /// Restore the work a crashed window left.
    pub(super) fn restore(&mut self, index: usize) {
        let Some(pending) = self.ui.restore_offer.get(index).cloned() else {
            return;
        };
        let Some(session) = self.autosave.session.clone() else {
            return;
        };
        match session.adopt(&pending) {
            Ok(recovered) => {
                self.ui.restore_offer.clear();
                let stamp = recovered.original.as_deref().and_then(stamp_on_disk);
                let lock = match &recovered.original {
                    Some(path) => self.lock(path),
                    None => WorkspaceLock::none(),
                };
                let doc = DocumentFile::restored(recovered.original.clone(), stamp, lock);
                self.replace_document(recovered.workspace, doc, String::new());
                // `adopt` made the snapshot this window's own: it stays until saved.
                self.autosave.written = true;
                let what = match &recovered.original {
                    Some(path) => {
                        format!("your unsaved changes to '{}'", intake::display_name(path))
                    }
                    None => "your unsaved comparison".to_owned(),
                };
                self.ui.notify(
                    NoticeKind::Info,
                    format!("Restored {what}. Save it to keep it."),
                );
            }
            Err(e) => {
                self.ui.notify(
                    NoticeKind::Error,
                    format!("The unsaved work could not be restored: {e}"),
                );
            }
        }
    }

    /// Replace the whole document (new, open, demo, restore): no undo across it.
    pub(super) fn replace_document(
        &mut self,
        workspace: Workspace,
        doc: DocumentFile,
        name: String,
    ) {
        self.autosave.clear();
        self.history = History::default();
        self.workspace = workspace;
        self.observed = self.workspace.clone();
        self.doc = doc;
        self.doc.refresh_dirty(&self.workspace);
        self.ui.document_name = name;
        self.ui.notices.retain(|n| n.action.is_none());
        self.after_replace();
        self.select_first_interesting();
    }

    /// Take the lock of a workspace file, warning when another window has it open.
    fn lock(&mut self, path: &Path) -> WorkspaceLock {
        let Some(dir) = &self.locks_dir else {
            return WorkspaceLock::none();
        };
        match WorkspaceLock::acquire_in(dir, path) {
            Ok(lock) => lock,
            Err(already) => {
                self.ui.notify(
                    NoticeKind::Info,
                    format!(
                        "{already}. Saving here may overwrite changes saved there; claimdiff \
                         will ask before it does."
                    ),
                );
                WorkspaceLock::none()
            }
        }
    }

    /// Carry out what a background job reports.
    pub(super) fn job_done(&mut self, done: JobDone) {
        match done {
            JobDone::Loaded {
                path,
                then_add,
                result,
            } => match result {
                Ok((workspace, stamp)) => {
                    cleanup_stray_temps(&path);
                    let lock = self.lock(&path);
                    let doc = DocumentFile::on_disk(path.clone(), stamp, workspace.clone(), lock);
                    self.replace_document(workspace, doc, String::new());
                    remember_recent(&mut self.prefs.recent, &path);
                    if !then_add.is_empty() {
                        self.open_paths(&then_add, true);
                    }
                }
                Err(e) => {
                    self.ui.notify(
                        NoticeKind::Error,
                        format!("{e}. Nothing was opened; the comparison shown is unchanged."),
                    );
                }
            },
            JobDone::Saved {
                path,
                content,
                result,
                then,
            } => match result {
                Ok(saved) => {
                    let moved = self.doc.path.as_deref() != Some(path.as_path());
                    if moved {
                        let lock = self.lock(&path);
                        self.doc.set_lock(lock);
                    }
                    self.doc
                        .saved_as(path.clone(), saved.stamp, content, &self.workspace);
                    remember_recent(&mut self.prefs.recent, &path);
                    if let Some(warning) = saved.warning {
                        self.ui.notify(NoticeKind::Info, warning);
                    }
                    if !self.doc.is_dirty() {
                        self.autosave.clear();
                    }
                    if let Some(then) = then {
                        self.proceed(then);
                    }
                }
                Err(e) if e.is_changed_on_disk() && self.holds_typed_text() => {
                    // Asking now would sweep away what the user is typing: say it instead.
                    self.ui.notify(
                        NoticeKind::Error,
                        format!("{e} Nothing was saved; save again (Ctrl+S) to choose what to do."),
                    );
                }
                Err(e) if e.is_changed_on_disk() => {
                    self.ui.modal = Some(Modal::ChangedOnDisk(then));
                }
                Err(e) => {
                    // The window stays open with the work in it, still marked unsaved.
                    self.ui.notify(
                        NoticeKind::Error,
                        format!(
                            "{e}. Your changes are still here, unsaved; try Save as… to \
                             another folder."
                        ),
                    );
                }
            },
            JobDone::Fetched { url, result } => match result {
                Ok(article) => {
                    for warning in &article.warnings {
                        self.ui
                            .notify(NoticeKind::Info, format!("{url}: {warning}"));
                    }
                    self.record("Add article from link");
                    self.add_articles(vec![article]);
                }
                Err(e) => {
                    self.ui.notify(NoticeKind::Error, e.to_string());
                }
            },
            JobDone::Autosaved(result) => match result {
                Ok(()) => {
                    if !self.doc.is_dirty() {
                        // Saved while the snapshot was being written.
                        self.autosave.clear();
                    }
                }
                Err(e) => {
                    if !self.autosave.failure_shown {
                        self.autosave.failure_shown = true;
                        self.ui.notify(
                            NoticeKind::Error,
                            format!("Autosave failed: {e}. Save your work to keep it safe."),
                        );
                    }
                }
            },
            JobDone::Crashed { what } => {
                self.ui.notify(
                    NoticeKind::Error,
                    format!("Something went wrong while {what}; nothing was changed."),
                );
            }
        }
    }

    /// After any command or job: note whether the workspace changed, for the unsaved mark
    /// and autosave.
    pub(super) fn observe_changes(&mut self) {
        if self.workspace != self.observed {
            self.observed = self.workspace.clone();
            self.doc.refresh_dirty(&self.workspace);
            self.autosave.changed(Instant::now());
        }
    }

    /// Write the recovery snapshot when it is due (on a background thread).
    pub(super) fn autosave_tick(&mut self, now: Instant) {
        let Some(due) = self.autosave.due else {
            return;
        };
        if now < due {
            return;
        }
        self.autosave.due = None;
        let Some(session) = self.autosave.session.clone() else {
            return;
        };
        if !self.doc.is_dirty() {
            self.autosave.clear();
            return;
        }
        if self.jobs.is_running(|k| *k == JobKind::Autosave) {
            self.autosave.due = Some(now + AUTOSAVE_DELAY);
            return;
        }
        let workspace = self.workspace.clone();
        let original = self.doc.path.clone();
        self.autosave.written = true;
        self.jobs.spawn(JobKind::Autosave, move || {
            JobDone::Autosaved(session.snapshot(original.as_deref(), &workspace))
        });
    }
}

/// The stamp of the file at `path` as it is now, if it can be read.
fn stamp_on_disk(path: &Path) -> Option<FileStamp> {
    let bytes = std::fs::read(path).ok()?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Some(FileStamp::of_bytes(&bytes, modified))
}
