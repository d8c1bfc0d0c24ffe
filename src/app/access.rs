//! Read access to the window's state, for tests, benchmarks and the binary.

use super::state::Modal;
use std::path::PathBuf;
use std::time::Instant;

use super::App;
use super::prefs::Prefs;
use super::state::Notice;
use crate::analysis::{ClaimId, Comparison};
use crate::workspace::Workspace;

impl App {
    /// The document: articles, metadata edits and the user's decisions.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The latest finished comparison (older than the workspace while [`Self::is_analysing`]).
    pub fn comparison(&self) -> &Comparison {
        &self.analyser.current().comparison
    }

    /// True while an analysis runs on the worker thread.
    pub fn is_analysing(&self) -> bool {
        self.analyser.is_busy()
    }

    /// Block until the running analysis is done (tests and benchmarks).
    pub fn wait_for_analysis(&mut self) {
        let poll = self.analyser.wait();
        self.after_poll(poll);
    }

    /// Analyse inputs up to this many bytes inline and larger ones on a worker (0: always on a
    /// worker).
    pub fn set_inline_analysis_limit(&mut self, bytes: usize) {
        self.analyser.set_inline_max_bytes(bytes);
    }

    /// The selected claim (index into [`Self::comparison`]'s claims).
    pub fn selected_claim(&self) -> Option<usize> {
        let selection = self.ui.selection.as_ref()?;
        self.comparison().claim_by_id(&selection.claim)
    }

    /// The selected group (index into [`Self::comparison`]'s groups).
    pub fn selected_group(&self) -> Option<usize> {
        self.selected_claim()
            .and_then(|c| self.comparison().claims.get(c))
            .map(|c| c.group)
    }

    /// Claims the columns drew with the selected-group highlight in the last frame.
    pub fn highlighted_claims(&self) -> &[ClaimId] {
        &self.ui.highlighted
    }

    /// The groups listed in the claim-group panel (filtered, searched, sorted).
    pub fn listed_groups(&self) -> &[usize] {
        &self.order.listed
    }

    /// Messages in the notice bar.
    pub fn notices(&self) -> &[Notice] {
        &self.ui.notices
    }

    /// True while link mode waits for the claim to link with.
    pub fn is_linking(&self) -> bool {
        self.ui.linking
    }

    /// The user's interface preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The window title, "claimdiff — <name>", with "*" before the name while there are unsaved
    /// changes.
    pub fn title(&self) -> String {
        let mark = if self.doc.is_dirty() { "*" } else { "" };
        format!("claimdiff — {mark}{}", self.document_name())
    }

    /// The workspace's name: its file name, or what it is when it has no file yet.
    pub(crate) fn document_name(&self) -> String {
        if let Some(name) = self.doc.file_name() {
            name
        } else if !self.ui.document_name.is_empty() {
            self.ui.document_name.clone()
        } else if self.workspace.articles.is_empty() {
            "no articles".to_owned()
        } else {
            format!("untitled comparison of {}", self.workspace.articles.len())
        }
    }

    /// True when the workspace has changes that are not saved in its file.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The file the workspace was opened from or last saved to.
    pub fn document_path(&self) -> Option<&std::path::Path> {
        self.doc.path.as_deref()
    }

    /// True while "Save changes?" is asked.
    pub fn is_asking_to_save(&self) -> bool {
        matches!(self.ui.modal, Some(Modal::Unsaved(_)))
    }

    /// True while the window is allowed to close (the user settled any unsaved changes).
    pub fn will_close(&self) -> bool {
        self.ui.close_requested && self.ui.allow_close
    }

    /// Work from crashed windows currently offered for restoring.
    pub fn restore_offer(&self) -> &[crate::workspace::PendingRecovery] {
        &self.ui.restore_offer
    }

    /// The recovery snapshot this window writes its unsaved work to, when autosave is on.
    pub fn recovery_snapshot_path(&self) -> Option<PathBuf> {
        self.autosave.session.as_ref().map(|s| s.snapshot_path())
    }

    /// Block until every background job (open, save, fetch, autosave) has finished and apply
    /// its result (tests).
    pub fn wait_for_jobs(&mut self) {
        for done in self.jobs.wait_all() {
            self.job_done(done);
        }
        self.observe_changes();
    }

    /// The workspaces "compare separately" wrote, newest last.
    pub fn separated_workspaces(&self) -> &[PathBuf] {
        &self.separated
    }

    /// Ask for the Save As path in the window, as happens when no native file dialog can be
    /// shown (tests; `folder` is where the proposed name is put).
    pub fn ask_save_path_in_window(&mut self, folder: &std::path::Path) {
        let name = super::file_dialog::proposed_file_name(&self.document_name());
        self.ui.modal = Some(Modal::SavePath(folder.join(name).display().to_string()));
    }

    /// Write the recovery snapshot now if one is due (tests; the window does this by itself
    /// shortly after each change).
    pub fn autosave_now(&mut self) {
        if self.autosave.due.is_some() {
            self.autosave.due = Some(Instant::now());
            self.autosave_tick(Instant::now());
        }
    }
}
