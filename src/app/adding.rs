//! Getting articles in: the file dialog, dropped and typed paths, pasted text.

use super::state::Modal;
use std::path::PathBuf;

use super::App;
use super::document::Proceed;
use super::file_dialog::{self, DialogOutcome, DialogPurpose, RunningDialog};
use super::intake;
use super::state::NoticeKind;
use crate::ingest::Article;
use crate::workspace::{ArticleEntry, Overwrite};

impl App {
    pub(super) fn start_file_dialog(&mut self, purpose: DialogPurpose) {
        if self.ui.file_dialog.is_none() {
            self.ui.file_dialog = Some(RunningDialog::spawn(purpose));
        }
    }

    pub(super) fn poll_file_dialog(&mut self) {
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
            (DialogPurpose::ExportReport { .. }, DialogOutcome::Picked(paths)) => {
                if let Some(path) = paths.into_iter().next() {
                    self.export_report(&path);
                }
            }
            (DialogPurpose::ExportReport { .. }, DialogOutcome::Unavailable) => self.notify_once(
                NoticeKind::Info,
                "No file dialog could be shown here. The command line writes the same report: \
                 claimdiff compare WORKSPACE.claimdiff.ron --format html (or markdown, csv, json).",
            ),
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
                self.ui.modal = Some(Modal::SavePath(
                    folder.join(file_name).display().to_string(),
                ));
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
    pub(super) fn open_dropped(&mut self, paths: Vec<PathBuf>) {
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
    pub(super) fn open_paths(&mut self, paths: &[PathBuf], undoable: bool) {
        let mut articles = Vec::new();
        // A folder stands for the article files directly inside it.
        let mut files: Vec<PathBuf> = Vec::new();
        for path in paths {
            match crate::ingest::article_files_in(path) {
                None => files.push(path.clone()),
                Some(Ok(found)) if found.is_empty() => {
                    self.ui.notify(
                        NoticeKind::Error,
                        format!(
                            "The folder '{}' holds no article files (.txt, .md, .html).",
                            intake::display_name(path)
                        ),
                    );
                }
                Some(Ok(found)) => files.extend(found),
                Some(Err(e)) => {
                    self.ui.notify(NoticeKind::Error, e.to_string());
                }
            }
        }
        for path in &files {
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

    pub(super) fn add_text_article(&mut self, text: &str, outlet: &str) {
        if text.trim().is_empty() {
            self.ui.notify(
                NoticeKind::Error,
                "The article text is empty; nothing was added.",
            );
            return;
        }
        let number = self.workspace.articles.len() + 1;
        let article = intake::article_from_text(text, outlet, number);
        if matches!(self.ui.modal, Some(Modal::Paste(_))) {
            self.ui.modal = None;
        }
        self.record("Add article");
        self.add_articles(vec![article]);
    }

    pub(super) fn add_articles(&mut self, articles: Vec<Article>) {
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
}
