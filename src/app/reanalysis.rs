//! Keeping the analysis in step with the workspace: article keys, undo snapshots and
//! re-analysis after every change.

use super::App;
use super::command::Command;
use super::history::Snapshot;
use super::state::{ArticleKey, NoticeKind};
use super::worker::{Poll, Request};

impl App {
    /// Give every workspace article a key (after the workspace was replaced wholesale).
    pub(super) fn sync_keys(&mut self) {
        if self.keys.len() != self.workspace.articles.len() {
            self.keys = (0..self.workspace.articles.len())
                .map(|_| self.fresh_key())
                .collect();
        }
    }

    pub(super) fn fresh_key(&mut self) -> ArticleKey {
        self.next_key += 1;
        ArticleKey(self.next_key)
    }

    pub(super) fn snapshot(&self, label: &'static str) -> Snapshot {
        Snapshot {
            workspace: self.workspace.clone(),
            keys: self.keys.clone(),
            label,
        }
    }

    /// Remember the document before a change, for undo.
    pub(super) fn record(&mut self, label: &'static str) {
        let snapshot = self.snapshot(label);
        self.history.record(snapshot);
    }

    pub(super) fn undo(&mut self, backwards: bool) {
        let current = self.snapshot("");
        let target = if backwards {
            self.history.undo(current)
        } else {
            self.history.redo(current)
        };
        let Some(target) = target else {
            return;
        };
        // An "… Undo" offer in the notice bar is answered once anything is undone or redone.
        self.ui
            .notices
            .retain(|n| !matches!(n.action, Some(Command::Undo)));
        self.workspace = target.workspace;
        self.keys = target.keys;
        self.sync_keys();
        self.ui.editing = None;
        self.ui.linking = false;
        self.reanalyse();
    }

    /// After the workspace was replaced: fresh keys, no selection, new analysis.
    pub(super) fn after_replace(&mut self) {
        self.keys.clear();
        self.sync_keys();
        self.ui.selection = None;
        self.ui.linking = false;
        self.ui.editing = None;
        self.reanalyse();
    }

    /// Analyse the workspace again (inline when small, else on the worker).
    pub(super) fn reanalyse(&mut self) {
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

    pub(super) fn after_poll(&mut self, poll: Poll) {
        if poll == Poll::Failed {
            self.ui.notify(
                NoticeKind::Error,
                "The analysis failed on this input; the comparison shown is from before the last change.",
            );
        }
    }
}
