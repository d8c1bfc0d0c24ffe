//! Undo and redo of changes to the document (articles, their order and metadata, links).

use super::state::ArticleKey;
use crate::workspace::Workspace;

/// How many changes can be undone.
const MAX_UNDO: usize = 100;

/// The document as it was before a change.
#[derive(Debug, Clone)]
pub(crate) struct Snapshot {
    /// The workspace.
    pub(crate) workspace: Workspace,
    /// The article keys, aligned with `workspace.articles`.
    pub(crate) keys: Vec<ArticleKey>,
    /// What the change was ("Remove article").
    pub(crate) label: &'static str,
}

/// Undo and redo stacks.
#[derive(Debug, Default)]
pub(crate) struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl History {
    /// Remember the state before a change; a new change clears the redo stack.
    pub(crate) fn record(&mut self, snapshot: Snapshot) {
        self.undo.push(snapshot);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Take the state to go back to, giving the current one for redo.
    pub(crate) fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        self.redo.push(Snapshot {
            label: previous.label,
            ..current
        });
        Some(previous)
    }

    /// Take the state to go forward to, giving the current one for undo.
    pub(crate) fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(Snapshot {
            label: next.label,
            ..current
        });
        Some(next)
    }

    /// What undo would revert.
    pub(crate) fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.label)
    }

    /// What redo would repeat.
    pub(crate) fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(n: u32, label: &'static str) -> Snapshot {
        Snapshot {
            workspace: Workspace {
                version: n,
                ..Workspace::default()
            },
            keys: Vec::new(),
            label,
        }
    }

    #[test]
    fn undo_then_redo_returns_to_the_same_state() {
        let mut h = History::default();
        h.record(snap(1, "Remove article"));
        assert_eq!(h.undo_label(), Some("Remove article"));
        let back = h.undo(snap(2, "")).map(|s| s.workspace.version);
        assert_eq!(back, Some(1));
        assert_eq!(h.redo_label(), Some("Remove article"));
        let forward = h.redo(snap(1, "")).map(|s| s.workspace.version);
        assert_eq!(forward, Some(2));
        assert!(h.redo(snap(2, "")).is_none());
    }
}
