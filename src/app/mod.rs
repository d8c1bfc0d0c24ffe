//! The eframe desktop window: articles side by side, claim groups, differences, per-outlet
//! summaries.
//!
//! [`App`] owns three kinds of state: the [`Workspace`] (the user's document), the derived
//! [`Comparison`] (rebuilt after every change, never saved) and the window state ([`UiState`],
//! plus [`Prefs`] kept in eframe storage). Panels only read; what they want done comes back as a
//! [`Command`], applied after the frame by [`App::apply`] — the same path menus, shortcuts and
//! tests use.

#![warn(missing_docs)]

pub mod blocks;
pub mod command;
pub mod document;
pub mod file_dialog;
pub mod history;
pub mod intake;
pub mod navigation;
pub mod state;
pub mod theme;
pub mod worker;

mod columns;
mod details;
mod diff_panel;
mod document_ui;
mod groups_panel;
mod lifecycle;
mod paste_dialog;
mod summary_panel;
mod toolbar;
mod view;
mod widgets;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use command::{ChangedAnswer, Command, UnsavedAnswer};
pub use state::{
    ArticleKey, DetailsTab, GroupSort, MatchingPreset, Notice, NoticeKind, PanelKind, Prefs,
    UiState,
};
pub use theme::ThemeChoice;

use crate::analysis::{ClaimId, Comparison, Group, GroupStatus, LinkOrigin};
use crate::ingest::Article;
use crate::ingest::demo::demo_articles;
use crate::workspace::{ArticleEntry, GroupFilter, Overwrite, Workspace, recovery_dir};
use document::{Autosave, DocumentFile, Jobs, Proceed};
use file_dialog::{DialogOutcome, DialogPurpose, RunningDialog};
use history::{History, Snapshot};
use state::{LinkDialog, PREFS_KEY, PasteDialog, Selection};
use worker::{Analyser, Poll, Request};

/// The claimdiff window.
#[derive(Debug)]
pub struct App {
    workspace: Workspace,
    /// One key per workspace article, in the same order.
    keys: Vec<ArticleKey>,
    next_key: u64,
    analyser: Analyser,
    ui: UiState,
    prefs: Prefs,
    order: OrderCache,
    history: History,
    /// Commands waiting for the end of the frame (from input handling).
    pending: Vec<Command>,
    /// Fonts and style were installed in the egui context.
    setup_done: bool,
    /// The workspace's file and whether it has unsaved changes.
    doc: DocumentFile,
    /// The workspace as it was after the last command, to notice changes.
    observed: Workspace,
    /// Loading, saving, fetching and autosaving on background threads.
    jobs: Jobs,
    /// Recovery snapshots of unsaved work.
    autosave: Autosave,
    /// Where workspace locks are kept (`None`: no locking, e.g. in tests).
    locks_dir: Option<PathBuf>,
}

/// How the window starts: what to open and where autosave keeps its snapshots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Startup {
    /// Files from the command line: article files, or a workspace (`.ron`) plus articles to add.
    pub files: Vec<PathBuf>,
    /// Folder for recovery snapshots and workspace locks; `None` turns autosave, the restore
    /// offer and locking off (tests).
    pub recovery_dir: Option<PathBuf>,
}

impl Startup {
    /// The desktop app: autosave in the per-user [`recovery_dir`].
    pub fn desktop(files: Vec<PathBuf>) -> Self {
        Self {
            files,
            recovery_dir: Some(recovery_dir()),
        }
    }

    /// No autosave, no restore offer, no locks: a window that leaves no trace (tests).
    pub fn isolated(files: Vec<PathBuf>) -> Self {
        Self {
            files,
            recovery_dir: None,
        }
    }
}

/// The claim-group list for the current comparison, filter, search and sort.
#[derive(Debug, Default)]
struct OrderCache {
    key: Option<(u64, GroupFilter, String, GroupSort)>,
    /// Groups listed (filtered, searched, sorted).
    listed: Vec<usize>,
    /// Every group, sorted.
    full: Vec<usize>,
    /// Conflicting groups, sorted.
    conflicts: Vec<usize>,
    /// Search hit flag per claim.
    hits: Vec<bool>,
}

impl App {
    /// The window as eframe creates it: preferences from storage, fonts and style installed,
    /// the start-up files opened (a workspace, articles, or the built-in demo story when there
    /// are none), autosave started and work left by a crashed window offered back.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        theme::setup(&cc.egui_ctx);
        let prefs: Prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(prefs.theme.preference());
        cc.egui_ctx.set_zoom_factor(prefs.zoom);
        let (workspaces, articles): (Vec<PathBuf>, Vec<PathBuf>) = startup
            .files
            .into_iter()
            .partition(|p| file_dialog::is_workspace_path(p));
        let mut app = if workspaces.is_empty() && articles.is_empty() {
            Self::demo()
        } else {
            Self::with_workspace(Workspace::default())
        };
        app.prefs = prefs;
        app.setup_done = true;
        if let Some(dir) = &startup.recovery_dir {
            let (autosave, problem) = Autosave::start_in(dir);
            if let Some(problem) = problem {
                app.ui.notify(NoticeKind::Info, problem);
            }
            app.ui.restore_offer = autosave.pending();
            app.autosave = autosave;
            app.locks_dir = Some(dir.join("locks"));
        }
        if let Some(workspace) = workspaces.first() {
            if workspaces.len() > 1 {
                app.ui.notify(
                    NoticeKind::Info,
                    format!(
                        "Only one workspace opens at a time; opening '{}'.",
                        intake::display_name(workspace)
                    ),
                );
            }
            app.proceed(Proceed::Open(workspace.clone(), articles));
        } else if !articles.is_empty() {
            app.open_paths(&articles, false);
            // The files as given are the starting point: only what the user does next counts
            // as a change.
            app.doc = DocumentFile::untitled(app.workspace.clone());
            app.observed = app.workspace.clone();
            app.history = History::default();
        }
        app.select_first_interesting();
        app
    }

    /// Start with something to look at: the first conflict, else the first shared claim.
    fn select_first_interesting(&mut self) {
        if self.analyser.is_busy() {
            return;
        }
        self.refresh_order();
        let groups = &self.analyser.current().comparison.groups;
        let pick = self.order.conflicts.first().copied().or_else(|| {
            self.order
                .full
                .iter()
                .copied()
                .find(|&g| groups[g].status == GroupStatus::Shared)
        });
        if let Some(group) = pick {
            self.select_group(group);
        }
    }

    /// A window on the built-in demo story (usable without eframe, e.g. from kittest).
    pub fn demo() -> Self {
        let mut app = Self::with_articles(demo_articles());
        app.ui.document_name = "demo story".to_owned();
        app
    }

    /// A window comparing these articles.
    pub fn with_articles(articles: Vec<Article>) -> Self {
        Self::with_workspace(Workspace::from_articles(&articles))
    }

    /// A window on this workspace.
    pub fn with_workspace(workspace: Workspace) -> Self {
        let mut app = Self {
            keys: Vec::new(),
            next_key: 0,
            analyser: Analyser::default(),
            ui: UiState::default(),
            prefs: Prefs::default(),
            order: OrderCache::default(),
            history: History::default(),
            pending: Vec::new(),
            setup_done: false,
            doc: DocumentFile::untitled(workspace.clone()),
            observed: workspace.clone(),
            jobs: Jobs::default(),
            autosave: Autosave::default(),
            locks_dir: None,
            workspace,
        };
        app.sync_keys();
        app.reanalyse();
        app
    }

    // ----------------------------------------------------------------------------------------
    // Read access, for tests, benchmarks and the binary.

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
    pub fn document_name(&self) -> String {
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
        self.ui.unsaved_prompt.is_some()
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

    /// Write the recovery snapshot now if one is due (tests; the window does this by itself
    /// shortly after each change).
    pub fn autosave_now(&mut self) {
        if self.autosave.due.is_some() {
            self.autosave.due = Some(Instant::now());
            self.autosave_tick(Instant::now());
        }
    }

    // ----------------------------------------------------------------------------------------
    // Applying commands.

    /// Carry out one command. Menus, buttons, shortcuts and tests all end up here.
    pub fn apply(&mut self, command: Command) {
        self.apply_one(command);
        self.observe_changes();
    }

    fn apply_one(&mut self, command: Command) {
        match command {
            Command::NewWorkspace => self.guard(Proceed::New),
            Command::OpenWorkspace => self.guard(Proceed::ShowOpenDialog),
            Command::OpenWorkspacePath(path) => self.guard(Proceed::Open(path, Vec::new())),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
            Command::SaveAsPath(path) => {
                let then = self.ui.after_save.take();
                self.start_save(
                    file_dialog::with_workspace_extension(&path),
                    Overwrite::Always,
                    then,
                );
            }
            Command::ClearRecent => {
                self.prefs.recent.clear();
            }
            Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Command::AnswerChangedOnDisk(answer) => self.answer_changed_on_disk(answer),
            Command::RestoreRecovery(index) => self.restore(index),
            Command::DiscardRecovery(index) => {
                if index < self.ui.restore_offer.len() {
                    let pending = self.ui.restore_offer.remove(index);
                    if let Err(e) = pending.discard() {
                        self.ui.notify(NoticeKind::Error, e.to_string());
                    }
                }
            }
            Command::PostponeRecovery => self.ui.restore_offer.clear(),
            Command::OpenArticles => self.start_file_dialog(DialogPurpose::AddArticles),
            Command::OpenLink => {
                self.ui.link_dialog.get_or_insert(LinkDialog {
                    url: String::new(),
                    focus_pending: true,
                });
            }
            Command::FetchLink(url) => self.fetch_link(url),
            Command::OpenPaths(paths) => self.open_dropped(paths),
            Command::PasteArticle => {
                self.ui.paste.get_or_insert_with(|| PasteDialog {
                    focus_pending: true,
                    ..PasteDialog::default()
                });
                self.ui.awaiting_clipboard = true;
            }
            Command::AddArticleText { text, outlet } => self.add_text_article(&text, &outlet),
            Command::FocusPathField => self.ui.focus_path = true,
            Command::OpenDemo => self.guard(Proceed::OpenDemo),
            Command::Quit => self.guard(Proceed::Close),
            Command::RemoveArticle(index) => self.remove_article(index),
            Command::Undo => self.undo(true),
            Command::Redo => self.undo(false),
            Command::MoveArticle { from, to } => self.move_article(from, to),
            Command::EditArticleMeta { article, meta } => {
                self.ui.editing = None;
                let Some(entry) = self.workspace.articles.get(article) else {
                    return;
                };
                if entry.meta != meta {
                    self.record("Edit article details");
                    self.workspace.articles[article].meta = meta;
                    self.reanalyse();
                }
            }
            Command::SetReference(reference) => {
                let reference = reference.filter(|&r| r < self.workspace.articles.len());
                if reference != self.workspace.reference_article {
                    self.record("Change reference article");
                    self.workspace.reference_article = reference;
                }
            }
            Command::SelectClaim(id) => self.select_claim(id, false),
            Command::SelectGroup(group) => self.select_group(group),
            Command::ClearSelection => {
                if self.ui.linking {
                    self.ui.linking = false;
                } else {
                    self.ui.selection = None;
                }
            }
            Command::NextGroup => self.step_group(false, true),
            Command::PreviousGroup => self.step_group(false, false),
            Command::NextConflict => self.step_group(true, true),
            Command::PreviousConflict => self.step_group(true, false),
            Command::FocusSearch => {
                self.prefs.show_details = true;
                self.prefs.details_tab = DetailsTab::Groups;
                self.ui.focus_search = true;
            }
            Command::SetFilter(filter) => self.workspace.settings.filter = filter,
            Command::SetSearch(text) => self.workspace.settings.search = text,
            Command::SetSort(sort) => self.prefs.sort = sort,
            Command::StartLinking => {
                if self.selected_claim().is_some() {
                    self.ui.linking = true;
                } else {
                    self.notify_once(
                        NoticeKind::Info,
                        "Select a claim first, then choose “Link with…” and click its counterpart.",
                    );
                }
            }
            Command::CancelLinking => self.ui.linking = false,
            Command::LinkClaims(a, b) => self.link(a, b),
            Command::UnlinkClaim(id) => self.unlink_claim(&id),
            Command::RemoveLink(a, b) => self.remove_link(&a, &b),
            Command::ResetDecisions => {
                if self.workspace.decisions != Default::default() {
                    self.record("Reset manual links");
                    self.workspace.decisions = Default::default();
                    self.reanalyse();
                }
            }
            Command::SetMatching(preset) => {
                let settings = preset.settings();
                if settings != self.workspace.settings.matching {
                    self.record("Change matching");
                    self.workspace.settings.matching = settings;
                    self.reanalyse();
                }
            }
            Command::SetTheme(theme) => {
                self.prefs.theme = theme;
                self.ui.prefs_changed = true;
            }
            Command::ZoomIn => self.set_zoom(self.prefs.zoom + 0.1),
            Command::ZoomOut => self.set_zoom(self.prefs.zoom - 0.1),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::TogglePanel(PanelKind::Details) => {
                self.prefs.show_details = !self.prefs.show_details;
            }
            Command::TogglePanel(PanelKind::Differences) => {
                self.prefs.show_differences = !self.prefs.show_differences;
                self.prefs.show_details |= self.prefs.show_differences;
            }
            Command::ShowDetailsTab(tab) => {
                self.prefs.details_tab = tab;
                self.prefs.show_details = true;
            }
            Command::DismissNotice(id) => self.ui.notices.retain(|n| n.id != id),
            Command::ShowShortcuts => self.ui.show_shortcuts = !self.ui.show_shortcuts,
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        self.prefs.zoom = ((zoom * 10.0).round() / 10.0).clamp(0.5, 3.0);
        self.ui.prefs_changed = true;
    }

    fn notify_once(&mut self, kind: NoticeKind, text: &str) {
        if !self.ui.notices.iter().any(|n| n.text == text) {
            self.ui.notify(kind, text);
        }
    }

    /// Give every workspace article a key (after the workspace was replaced wholesale).
    fn sync_keys(&mut self) {
        if self.keys.len() != self.workspace.articles.len() {
            self.keys = (0..self.workspace.articles.len())
                .map(|_| self.fresh_key())
                .collect();
        }
    }

    fn fresh_key(&mut self) -> ArticleKey {
        self.next_key += 1;
        ArticleKey(self.next_key)
    }

    fn snapshot(&self, label: &'static str) -> Snapshot {
        Snapshot {
            workspace: self.workspace.clone(),
            keys: self.keys.clone(),
            label,
        }
    }

    /// Remember the document before a change, for undo.
    fn record(&mut self, label: &'static str) {
        let snapshot = self.snapshot(label);
        self.history.record(snapshot);
    }

    fn undo(&mut self, backwards: bool) {
        let current = self.snapshot("");
        let target = if backwards {
            self.history.undo(current)
        } else {
            self.history.redo(current)
        };
        let Some(target) = target else {
            return;
        };
        self.workspace = target.workspace;
        self.keys = target.keys;
        self.sync_keys();
        self.ui.editing = None;
        self.ui.linking = false;
        self.reanalyse();
    }

    /// After the workspace was replaced: fresh keys, no selection, new analysis.
    fn after_replace(&mut self) {
        self.keys.clear();
        self.sync_keys();
        self.ui.selection = None;
        self.ui.linking = false;
        self.ui.editing = None;
        self.reanalyse();
    }

    /// Analyse the workspace again (inline when small, else on the worker).
    fn reanalyse(&mut self) {
        self.sync_keys();
        let request = Request {
            entries: self.workspace.articles.clone(),
            keys: self.keys.clone(),
            decisions: self.workspace.decisions.clone(),
            settings: self.workspace.settings.matching,
        };
        if !self.analyser.request(request) {
            self.ui.notify(
                NoticeKind::Error,
                "The analysis failed on this input; the comparison shown is from before the last change.",
            );
        }
    }

    fn after_poll(&mut self, poll: Poll) {
        if poll == Poll::Failed {
            self.ui.notify(
                NoticeKind::Error,
                "The analysis failed on this input; the comparison shown is from before the last change.",
            );
        }
    }

    // Getting articles in.

    fn start_file_dialog(&mut self, purpose: DialogPurpose) {
        if self.ui.file_dialog.is_none() {
            self.ui.file_dialog = Some(RunningDialog::spawn(purpose));
        }
    }

    fn poll_file_dialog(&mut self) {
        let Some(dialog) = &self.ui.file_dialog else {
            return;
        };
        let outcome = dialog.poll();
        if outcome == DialogOutcome::Open {
            return;
        }
        let Some(dialog) = self.ui.file_dialog.take() else {
            return;
        };
        match (dialog.purpose, outcome) {
            (DialogPurpose::AddArticles, DialogOutcome::Picked(paths)) => {
                self.open_paths(&paths, true);
            }
            (DialogPurpose::OpenWorkspace, DialogOutcome::Picked(paths)) => {
                // The user already settled unsaved changes before the dialog opened.
                if let Some(path) = paths.into_iter().next() {
                    self.proceed(Proceed::Open(path, Vec::new()));
                }
            }
            (DialogPurpose::SaveWorkspace { .. }, DialogOutcome::Picked(paths)) => {
                let then = self.ui.after_save.take();
                if let Some(path) = paths.into_iter().next() {
                    self.start_save(
                        file_dialog::with_workspace_extension(&path),
                        Overwrite::Always,
                        then,
                    );
                }
            }
            (DialogPurpose::SaveWorkspace { file_name, folder }, DialogOutcome::Unavailable) => {
                // Without a native dialog, ask for the path in the window instead.
                let folder = folder.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
                self.ui.save_path_prompt = Some(folder.join(file_name).display().to_string());
            }
            (DialogPurpose::SaveWorkspace { .. }, _) => self.ui.after_save = None,
            (_, DialogOutcome::Unavailable) => self.notify_once(
                NoticeKind::Info,
                "No file dialog could be shown here. Drag files onto the window, paste text \
                 (Ctrl+Shift+V) or type the path of an article or workspace in the path field \
                 (Ctrl+L).",
            ),
            _ => {}
        }
    }

    /// Dropped or typed paths: a workspace (`.ron`) opens as the document (asking about
    /// unsaved changes first) and the articles among them are added to it; otherwise the
    /// articles are added to the open comparison.
    fn open_dropped(&mut self, paths: Vec<PathBuf>) {
        let (workspaces, articles): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| file_dialog::is_workspace_path(p));
        match workspaces.first() {
            Some(workspace) => {
                if workspaces.len() > 1 {
                    self.ui.notify(
                        NoticeKind::Info,
                        format!(
                            "Only one workspace opens at a time; opening '{}'.",
                            intake::display_name(workspace)
                        ),
                    );
                }
                self.guard(Proceed::Open(workspace.clone(), articles));
            }
            None => self.open_paths(&articles, true),
        }
    }

    /// Import files; every failure becomes a notice naming the file and nothing open is lost.
    fn open_paths(&mut self, paths: &[PathBuf], undoable: bool) {
        let mut articles = Vec::new();
        for path in paths {
            match intake::import_path(path) {
                Ok(article) => {
                    for warning in &article.warnings {
                        self.ui.notify(
                            NoticeKind::Info,
                            format!("{}: {warning}", intake::display_name(path)),
                        );
                    }
                    articles.push(article);
                }
                Err(message) => {
                    self.ui.notify(NoticeKind::Error, message);
                }
            }
        }
        if !articles.is_empty() {
            if undoable {
                self.record("Add articles");
            }
            self.add_articles(articles);
        }
    }

    fn add_text_article(&mut self, text: &str, outlet: &str) {
        if text.trim().is_empty() {
            self.ui.notify(
                NoticeKind::Error,
                "The article text is empty; nothing was added.",
            );
            return;
        }
        let number = self.workspace.articles.len() + 1;
        let article = intake::article_from_text(text, outlet, number);
        self.ui.paste = None;
        self.record("Add article");
        self.add_articles(vec![article]);
    }

    fn add_articles(&mut self, articles: Vec<Article>) {
        let mut first = None;
        for article in &articles {
            self.workspace
                .articles
                .push(ArticleEntry::from_article(article));
            let key = self.fresh_key();
            self.keys.push(key);
            first.get_or_insert(key);
        }
        if self.ui.document_name == "demo story" {
            self.ui.document_name.clear();
        }
        self.ui.scroll_to_column = first;
        self.reanalyse();
    }

    // Arranging articles.

    fn remove_article(&mut self, index: usize) {
        if index >= self.workspace.articles.len() {
            return;
        }
        self.record("Remove article");
        let entry = self.workspace.articles.remove(index);
        self.keys.remove(index);
        self.workspace.reference_article = match self.workspace.reference_article {
            Some(r) if r == index => None,
            Some(r) if r > index => Some(r - 1),
            other => other,
        };
        if self
            .ui
            .editing
            .as_ref()
            .is_some_and(|e| !self.keys.contains(&e.key))
        {
            self.ui.editing = None;
        }
        let outlet = if entry.meta.outlet.trim().is_empty() {
            "the article".to_owned()
        } else {
            format!("“{}”", entry.meta.outlet.trim())
        };
        self.ui.notify_with(
            NoticeKind::Info,
            format!("Removed {outlet}."),
            Some(Command::Undo),
        );
        self.reanalyse();
    }

    fn move_article(&mut self, from: usize, to: usize) {
        let n = self.workspace.articles.len();
        if from >= n || to >= n || from == to {
            return;
        }
        self.record("Move article");
        let reference_key = self
            .workspace
            .reference_article
            .and_then(|r| self.keys.get(r).copied());
        let entry = self.workspace.articles.remove(from);
        self.workspace.articles.insert(to, entry);
        let key = self.keys.remove(from);
        self.keys.insert(to, key);
        self.workspace.reference_article =
            reference_key.and_then(|k| self.keys.iter().position(|x| *x == k));
        self.ui.scroll_to_column = Some(key);
        self.reanalyse();
    }

    // Selection and navigation.

    /// Select a claim; every other column scrolls to its counterpart. The clicked column stays
    /// where it is, so nothing moves under the pointer.
    fn select_claim(&mut self, id: ClaimId, scroll_own_column: bool) {
        let analysed = self.analyser.current();
        let Some(index) = analysed.comparison.claim_by_id(&id) else {
            return;
        };
        let own = analysed
            .comparison
            .claims
            .get(index)
            .and_then(|c| analysed.keys.get(c.article))
            .copied();
        self.ui.scroll_columns = self
            .keys
            .iter()
            .copied()
            .filter(|k| scroll_own_column || Some(*k) != own)
            .collect();
        if scroll_own_column {
            self.ui.scroll_to_column = own;
        }
        self.ui.scroll_matrix = true;
        self.ui.selection = Some(Selection { claim: id });
    }

    /// Select a group: its member in the reference article (else the first member) becomes the
    /// selected claim, and every column scrolls to the group.
    fn select_group(&mut self, group: usize) {
        let Some(anchor) = self.group_anchor(group) else {
            return;
        };
        self.select_claim(anchor, true);
    }

    fn group_anchor(&self, group: usize) -> Option<ClaimId> {
        let analysed = self.analyser.current();
        let group: &Group = analysed.comparison.groups.get(group)?;
        let reference = self
            .workspace
            .reference_article
            .and_then(|r| self.keys.get(r))
            .and_then(|k| analysed.article_of(*k));
        let claims = &analysed.comparison.claims;
        let anchor = group
            .members
            .iter()
            .find(|&&m| Some(claims[m].article) == reference)
            .or_else(|| group.members.first())?;
        Some(claims[*anchor].id.clone())
    }

    fn refresh_order(&mut self) {
        let analysed = self.analyser.current();
        let settings = &self.workspace.settings;
        let key = (
            analysed.generation,
            settings.filter,
            settings.search.clone(),
            self.prefs.sort,
        );
        if self.order.key.as_ref() == Some(&key) {
            return;
        }
        let comparison = &analysed.comparison;
        let hits = navigation::search_hits(comparison, &settings.search);
        let searching = !settings.search.trim().is_empty();
        let sort = self.prefs.sort;
        self.order = OrderCache {
            listed: navigation::group_order(comparison, settings.filter, &hits, searching, sort),
            full: navigation::group_order(comparison, GroupFilter::All, &hits, false, sort),
            conflicts: navigation::group_order(
                comparison,
                GroupFilter::ConflictsOnly,
                &hits,
                false,
                sort,
            ),
            hits,
            key: Some(key),
        };
    }

    fn step_group(&mut self, conflicts: bool, forward: bool) {
        self.refresh_order();
        let candidates = if conflicts {
            &self.order.conflicts
        } else {
            &self.order.listed
        };
        if candidates.is_empty() {
            let text = if conflicts {
                "No conflicts: the outlets agree on every claim they share."
            } else {
                "No claim groups match the current filter."
            };
            self.notify_once(NoticeKind::Info, text);
            return;
        }
        let current = self.selected_group();
        if let Some(next) = navigation::step(&self.order.full, candidates, current, forward) {
            self.select_group(next);
        }
    }

    // Manual curation.

    fn link(&mut self, a: ClaimId, b: ClaimId) {
        self.ui.linking = false;
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(&a), comparison.claim_by_id(&b)) else {
            return;
        };
        if ia == ib {
            return;
        }
        if comparison.claims[ia].article == comparison.claims[ib].article {
            self.notify_once(
                NoticeKind::Info,
                "Link a claim with a claim of another article; both are in the same article.",
            );
            return;
        }
        let decisions = &self.workspace.decisions;
        if decisions.is_linked(&a, &b) && !decisions.is_unlinked(&a, &b) {
            return;
        }
        let b_key = {
            let analysed = self.analyser.current();
            analysed
                .comparison
                .claims
                .get(ib)
                .and_then(|c| analysed.keys.get(c.article))
                .copied()
        };
        self.record("Link claims");
        let decisions = &mut self.workspace.decisions;
        decisions
            .unlinks
            .retain(|(x, y)| !((x == &a && y == &b) || (x == &b && y == &a)));
        if !decisions.is_linked(&a, &b) {
            decisions.links.push((a.clone(), b));
        }
        self.reanalyse();
        // Neither the column clicked to link nor the anchor's column moves.
        self.select_claim(a, false);
        if let Some(key) = b_key {
            self.ui.scroll_columns.remove(&key);
        }
    }

    /// Take a claim out of its group: every link it has is removed.
    fn unlink_claim(&mut self, id: &ClaimId) {
        let comparison = self.comparison();
        let Some(index) = comparison.claim_by_id(id) else {
            return;
        };
        let partners: Vec<(ClaimId, LinkOrigin)> = comparison
            .links
            .iter()
            .filter(|l| l.a == index || l.b == index)
            .map(|l| {
                let other = if l.a == index { l.b } else { l.a };
                (comparison.claims[other].id.clone(), l.origin)
            })
            .collect();
        if partners.is_empty() {
            self.notify_once(
                NoticeKind::Info,
                "This claim is not linked to any other claim.",
            );
            return;
        }
        self.record("Unlink claim");
        for (other, origin) in partners {
            self.drop_link(id, &other, origin);
        }
        self.reanalyse();
    }

    /// Remove one link.
    fn remove_link(&mut self, a: &ClaimId, b: &ClaimId) {
        let comparison = self.comparison();
        let (Some(ia), Some(ib)) = (comparison.claim_by_id(a), comparison.claim_by_id(b)) else {
            return;
        };
        let (lo, hi) = (ia.min(ib), ia.max(ib));
        let Some(origin) = comparison
            .links
            .iter()
            .find(|l| l.a == lo && l.b == hi)
            .map(|l| l.origin)
        else {
            return;
        };
        self.record("Remove link");
        self.drop_link(a, b, origin);
        self.reanalyse();
    }

    fn drop_link(&mut self, a: &ClaimId, b: &ClaimId, origin: LinkOrigin) {
        let decisions = &mut self.workspace.decisions;
        decisions
            .links
            .retain(|(x, y)| !((x == a && y == b) || (x == b && y == a)));
        if origin == LinkOrigin::Matcher && !decisions.is_unlinked(a, b) {
            decisions.unlinks.push((a.clone(), b.clone()));
        }
    }

    // ----------------------------------------------------------------------------------------
    // The frame.

    /// Draw the whole window into `ui` and apply what the user did. `eframe::App::ui` calls this;
    /// tests may call it from a plain kittest harness.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.setup_done {
            // Fonts take effect from the next pass; draw nothing until then.
            theme::setup(&ctx);
            self.setup_done = true;
            ctx.request_repaint();
            return;
        }
        if std::mem::take(&mut self.ui.prefs_changed) {
            ctx.set_theme(self.prefs.theme.preference());
            ctx.set_zoom_factor(self.prefs.zoom);
        }
        let poll = self.analyser.poll();
        if poll != Poll::Idle {
            ctx.request_repaint();
        }
        self.after_poll(poll);
        self.poll_file_dialog();
        let finished = self.jobs.poll();
        if !finished.is_empty() {
            for done in finished {
                self.job_done(done);
            }
            self.observe_changes();
            ctx.request_repaint();
        }
        let close_asked = ctx.input(|i| i.viewport().close_requested());
        if close_asked && !self.ui.allow_close {
            // Nothing is closed over unsaved work: ask first (or close at once when there is
            // none).
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Command::Quit);
        }
        self.read_input(&ctx);
        self.refresh_order();

        self.ui.hovered_group_now = None;
        self.ui.highlighted.clear();
        let mut commands = std::mem::take(&mut self.pending);
        self.draw(ui, &mut commands);
        if self.ui.hovered_group_now != self.ui.hovered_group {
            self.ui.hovered_group = self.ui.hovered_group_now;
            ctx.request_repaint();
        }

        let changed = !commands.is_empty();
        for command in commands {
            self.apply(command);
        }
        if changed {
            self.refresh_order();
            ctx.request_repaint();
        }
        let title = self.title();
        if title != self.ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui.title = title;
        }
        if self.ui.close_requested && self.ui.allow_close && !self.ui.close_sent {
            self.ui.close_sent = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let now = Instant::now();
        self.autosave_tick(now);
        if let Some(left) = self.autosave.time_left(now) {
            ctx.request_repaint_after(left);
        }
        if self.analyser.is_busy() || self.ui.file_dialog.is_some() || self.jobs.any_running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// Keyboard shortcuts, dropped files and pasted text become commands.
    fn read_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.pending.push(Command::OpenPaths(dropped));
        }
        if self.ui.paste.is_some()
            || self.ui.editing.is_some()
            || self.ui.link_dialog.is_some()
            || self.ui.save_path_prompt.is_some()
            || self.ui.unsaved_prompt.is_some()
            || self.ui.changed_prompt.is_some()
            || !self.ui.restore_offer.is_empty()
        {
            // A dialog or an in-place edit has the keyboard.
            return;
        }
        // A text field or an open menu has the plain keys (letters, arrows, Escape).
        let text_focus = ctx.text_edit_focused() || egui::Popup::is_any_open(ctx);
        if !text_focus {
            // Ctrl+V on the window (not in a text field) opens the paste dialog with the text.
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                self.ui.paste = Some(PasteDialog {
                    text,
                    outlet: String::new(),
                    focus_pending: true,
                });
                return;
            }
        }
        for command in Command::with_shortcuts() {
            for shortcut in command.shortcuts() {
                if text_focus && Command::shortcut_needs_no_text_focus(&shortcut) {
                    continue;
                }
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    if let Some(command) = self.resolve_shortcut(command.clone()) {
                        self.pending.push(command);
                    }
                    break;
                }
            }
        }
    }

    /// Fill in what a shortcut's command needs from the current state.
    fn resolve_shortcut(&self, command: Command) -> Option<Command> {
        match command {
            Command::UnlinkClaim(_) => self
                .ui
                .selection
                .as_ref()
                .map(|s| Command::UnlinkClaim(s.claim.clone())),
            other => Some(other),
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let selected_claim = self.selected_claim();
        let selected_group = self.selected_group();
        let document_name = self.document_name();
        let App {
            workspace,
            keys,
            analyser,
            ui: state,
            prefs,
            order,
            history,
            ..
        } = self;
        let view = view::View {
            workspace,
            keys,
            analysed: analyser.current(),
            busy: analyser.is_busy(),
            prefs,
            palette: theme::Palette::of(ui.visuals()),
            selected_claim,
            selected_group,
            listed: &order.listed,
            hits: &order.hits,
            searching: !workspace.settings.search.trim().is_empty(),
            undo_label: history.undo_label(),
            redo_label: history.redo_label(),
            dialog_open: state.file_dialog.is_some(),
            job_statuses: self.jobs.statuses(),
        };
        toolbar::menu_bar_ui(ui, &view, out);
        toolbar::toolbar_ui(ui, &view, state, out);
        toolbar::notices_ui(ui, &view, state, out);
        if view.prefs.show_details && !view.workspace.articles.is_empty() {
            details::details_ui(ui, &view, state, out);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(8)))
            .show(ui, |ui| columns::columns_ui(ui, &view, state, out));
        paste_dialog::paste_dialog_ui(ui, &view, state, out);
        document_ui::dialogs_ui(ui, &view, state, &document_name, out);
        toolbar::shortcuts_window_ui(ui, state, out);
        widgets::drop_overlay_ui(ui);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Conflict, ConflictKind};

    /// The demo with two groups marked as conflicting, whatever the fact extractor finds.
    fn demo_with_conflicts() -> (App, Vec<usize>) {
        let mut app = App::demo();
        let analysed = app.analyser.current_mut();
        let shared: Vec<usize> = analysed
            .comparison
            .groups
            .iter()
            .filter(|g| g.present_in.len() > 1)
            .map(|g| g.id)
            .take(2)
            .collect();
        for &g in &shared {
            let group = &mut analysed.comparison.groups[g];
            group.status = GroupStatus::Conflicting;
            group.conflicts = vec![Conflict {
                kind: ConflictKind::Number,
                left: "20 percent".into(),
                right: "a quarter".into(),
            }];
        }
        analysed.generation += 100;
        let conflicting = analysed
            .comparison
            .groups
            .iter()
            .filter(|g| g.status == GroupStatus::Conflicting)
            .map(|g| g.id)
            .collect();
        (app, conflicting)
    }

    #[test]
    fn next_and_previous_conflict_cycle_through_conflicts() {
        let (mut app, conflicts) = demo_with_conflicts();
        assert!(conflicts.len() >= 2, "the demo has conflicting groups");
        for &expected in &conflicts {
            app.apply(Command::NextConflict);
            assert_eq!(app.selected_group(), Some(expected));
        }
        app.apply(Command::NextConflict);
        assert_eq!(app.selected_group(), Some(conflicts[0]), "wraps around");
        app.apply(Command::PreviousConflict);
        assert_eq!(app.selected_group(), conflicts.last().copied());
    }

    #[test]
    fn conflicts_filter_lists_only_conflicts() {
        let (mut app, conflicts) = demo_with_conflicts();
        app.apply(Command::SetFilter(GroupFilter::ConflictsOnly));
        app.refresh_order();
        assert_eq!(app.listed_groups(), conflicts.as_slice());
    }

    #[test]
    fn without_conflicts_next_conflict_says_so() {
        let mut app = App::demo();
        if app
            .comparison()
            .groups
            .iter()
            .any(|g| g.status == GroupStatus::Conflicting)
        {
            return;
        }
        app.apply(Command::NextConflict);
        assert_eq!(app.selected_group(), None);
        assert!(
            app.notices()
                .iter()
                .any(|n| n.text.contains("No conflicts"))
        );
    }

    #[test]
    fn selection_survives_reanalysis_by_claim_id() {
        let mut app = App::demo();
        app.apply(Command::SelectGroup(1));
        let claim = app
            .selected_claim()
            .map(|c| app.comparison().claims[c].id.clone());
        app.apply(Command::MoveArticle { from: 0, to: 3 });
        let after = app
            .selected_claim()
            .map(|c| app.comparison().claims[c].id.clone());
        assert_eq!(claim, after);
    }
}
