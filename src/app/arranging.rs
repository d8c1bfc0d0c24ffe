//! Arranging articles: removing and reordering the columns.

use super::App;
use super::command::Command;
use super::state::NoticeKind;

impl App {
    pub(super) fn remove_article(&mut self, index: usize) {
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

    pub(super) fn move_article(&mut self, from: usize, to: usize) {
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
}
