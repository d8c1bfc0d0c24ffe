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

impl App {
    /// Open the article at `index` in a comparison of its own and take it out of this one.
    /// Its workspace is written first (nothing is lost if the new window fails to start); the
    /// removal here is one undo step.
    pub(super) fn compare_separately(&mut self, index: usize) {
        let Some(entry) = self.workspace.articles.get(index).cloned() else {
            return;
        };
        let outlet = entry.meta.outlet.trim().to_owned();
        let name = super::file_dialog::proposed_file_name(&format!(
            "{} {}",
            if outlet.is_empty() {
                "article"
            } else {
                &outlet
            },
            entry.meta.date.as_deref().unwrap_or("")
        ));
        // A name no earlier "compare separately" has used ("Outlet 2026-09-14 (2).claimdiff.ron").
        let stem = name
            .strip_suffix(super::file_dialog::WORKSPACE_SUFFIX)
            .unwrap_or(&name)
            .to_owned();
        let path = (1..)
            .map(|n| {
                let file = if n == 1 {
                    name.clone()
                } else {
                    format!("{stem} ({n}){}", super::file_dialog::WORKSPACE_SUFFIX)
                };
                self.separate_dir.join(file)
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.separate_dir.join(&name));
        // The article takes its notes and the matching settings along.
        let own_claims: Vec<crate::analysis::ClaimId> = {
            let comparison = self.comparison();
            let analysed = self.analyser.current();
            let article = self.keys.get(index).and_then(|k| analysed.article_of(*k));
            comparison
                .claims
                .iter()
                .filter(|c| Some(c.article) == article)
                .map(|c| c.id.clone())
                .collect()
        };
        let notes_of = |notes: &std::collections::BTreeMap<crate::analysis::ClaimId, String>| {
            notes
                .iter()
                .filter(|(id, _)| own_claims.contains(id))
                .map(|(id, note)| (id.clone(), note.clone()))
                .collect()
        };
        let workspace = crate::workspace::Workspace {
            articles: vec![entry],
            claim_notes: notes_of(&self.workspace.claim_notes),
            group_notes: notes_of(&self.workspace.group_notes),
            settings: crate::workspace::ComparisonSettings {
                matching: self.workspace.settings.matching,
                ..Default::default()
            },
            ..crate::workspace::Workspace::default()
        };
        let written = std::fs::create_dir_all(&self.separate_dir)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                crate::workspace::save(&path, &workspace, crate::workspace::Overwrite::Always)
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            self.ui.notify(
                NoticeKind::Error,
                format!("Couldn't open “{outlet}” separately: {e}"),
            );
            return;
        }
        if self.opens_windows {
            let launched = std::env::current_exe()
                .and_then(|exe| std::process::Command::new(exe).arg(&path).spawn());
            if let Err(e) = launched {
                self.ui.notify(
                    NoticeKind::Error,
                    format!(
                        "Couldn't open a new window for “{outlet}” ({e}); its comparison is saved as '{}'.",
                        path.display()
                    ),
                );
                return;
            }
        }
        self.remove_article(index);
        self.ui.notify_with(
            NoticeKind::Info,
            format!(
                "“{outlet}” opened in a comparison of its own (saved as '{}').",
                path.display()
            ),
            Some(Command::Undo),
        );
        self.separated.push(path);
    }
}
