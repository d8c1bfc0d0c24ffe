//! The eframe desktop window: articles side by side, claim groups, differences, per-outlet
//! summaries.
//!
//! [`App`] owns three kinds of state: the [`Workspace`] (the user's document), the derived
//! [`Comparison`] (rebuilt after every change, never saved) and the window state ([`UiState`],
//! plus [`Prefs`] kept in eframe storage). Panels only read; what they want done comes back as a
//! [`Command`], applied after the frame by [`App::apply`] — the same path menus, shortcuts and
//! tests use.

#![warn(missing_docs)]

// Construction and the struct are here; each file below adds one part of `App`'s behaviour or
// holds the types and helpers those parts use.
mod access;
mod adding;
mod apply;
mod arranging;
mod curation;
mod exporting;
mod frame;
mod lifecycle;
mod notes;
mod reanalysis;
mod selection;

mod blocks;
mod command;
mod document;
mod file_dialog;
mod history;
mod intake;
mod labels;
mod matching_preset;
mod navigation;
mod prefs;
mod state;
pub mod theme;
mod ui_command;
mod worker;

mod columns;
mod details;
mod diff_panel;
mod document_ui;
mod groups_panel;
mod paste_dialog;
mod summary_panel;
mod toolbar;
mod view;
mod widgets;

use std::path::PathBuf;

pub use command::{ChangedAnswer, Command, UnsavedAnswer};
pub use matching_preset::MatchingPreset;
pub use prefs::{DetailsTab, GroupSort, PanelKind, Prefs};
use state::{ArticleKey, UiState};
pub use state::{Notice, NoticeKind};
pub use theme::ThemeChoice;
pub use ui_command::{Os, Scope, UiCommand};

use crate::ingest::Article;
use crate::ingest::demo::demo_articles;
use crate::workspace::{Workspace, recovery_dir};
use document::{Autosave, DocumentFile, Jobs, Proceed};
use history::History;
use navigation::OrderCache;
use prefs::PREFS_KEY;
use worker::Analyser;

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
    /// Where "compare separately" writes the new comparison's workspace.
    separate_dir: PathBuf,
    /// Whether "compare separately" opens a new window (the desktop app; not tests).
    opens_windows: bool,
    /// Workspaces written by "compare separately", newest last.
    separated: Vec<PathBuf>,
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
            app.separate_dir = dir.join("separate");
            app.opens_windows = true;
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

    /// A window on the built-in demo story (usable without eframe, e.g. from kittest).
    pub(crate) fn demo() -> Self {
        let mut app = Self::with_articles(demo_articles());
        app.ui.document_name = "demo story".to_owned();
        app
    }

    /// A window comparing these articles.
    pub fn with_articles(articles: Vec<Article>) -> Self {
        Self::with_workspace(Workspace::from_articles(&articles))
    }

    /// A window on this workspace.
    pub(crate) fn with_workspace(workspace: Workspace) -> Self {
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
            separate_dir: std::env::temp_dir().join("claimdiff-separate"),
            opens_windows: false,
            separated: Vec::new(),
            workspace,
        };
        app.sync_keys();
        app.reanalyse();
        app
    }
}
