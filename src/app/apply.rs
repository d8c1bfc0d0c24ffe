//! Applying commands: the one place where menus, buttons, shortcuts and tests change the
//! window or its workspace.

use super::App;
use super::command::Command;
use super::document::Proceed;
use super::file_dialog::{self, DialogPurpose};
use super::prefs::{DetailsTab, PanelKind};
use super::state::Modal;
use super::state::{LinkDialog, NoticeKind, PasteDialog};
use crate::workspace::Overwrite;

impl App {
    /// Carry out one command. Menus, buttons, shortcuts and tests all end up here.
    pub fn apply(&mut self, command: Command) {
        if !matches!(
            command,
            Command::SetClaimNote { .. } | Command::SetGroupNote { .. }
        ) {
            self.ui.note_in_edit = None;
        }
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
                // A folder means "in this folder, under the proposed name".
                let path = if path.is_dir() {
                    path.join(file_dialog::proposed_file_name(&self.document_name()))
                } else {
                    file_dialog::with_workspace_extension(&path)
                };
                self.start_save(path, Overwrite::Always, then);
            }
            Command::ClearRecent => {
                self.prefs.recent.clear();
            }
            Command::ExportReport => self.export_dialog(),
            Command::DismissConflict { a, b, difference } => {
                let pairs = self.pairs_showing_difference(&a, &b, &difference, false);
                let decisions = &self.workspace.decisions;
                if pairs
                    .iter()
                    .any(|(x, y, d)| !decisions.is_not_conflict(x, y, d))
                {
                    self.record("Not a conflict");
                    for (x, y, d) in pairs {
                        self.workspace.decisions.dismiss_conflict(x, y, &d);
                    }
                    self.reanalyse();
                }
            }
            Command::RestoreConflict { a, b, difference } => {
                let pairs = self.pairs_showing_difference(&a, &b, &difference, true);
                let decisions = &self.workspace.decisions;
                if pairs
                    .iter()
                    .any(|(x, y, d)| decisions.is_not_conflict(x, y, d))
                {
                    self.record("Restore conflict");
                    for (x, y, d) in pairs {
                        self.workspace.decisions.restore_conflict(&x, &y, &d);
                    }
                    self.reanalyse();
                }
            }
            Command::SetClaimNote { claim, note } => self.set_note(false, claim, note),
            Command::SetGroupNote { claim, note } => self.set_note(true, claim, note),
            Command::ExportReportTo(path) => self.export_report(&path),
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
                self.ui.modal.get_or_insert(Modal::Link(LinkDialog {
                    url: String::new(),
                    focus_pending: true,
                }));
            }
            Command::FetchLink(url) => self.fetch_link(url),
            Command::OpenPaths(paths) => self.open_dropped(paths),
            Command::PasteArticle => {
                self.ui.modal.get_or_insert_with(|| {
                    Modal::Paste(PasteDialog {
                        focus_pending: true,
                        ..PasteDialog::default()
                    })
                });
                self.ui.awaiting_clipboard = true;
            }
            Command::AddArticleText { text, outlet } => self.add_text_article(&text, &outlet),
            Command::FocusPathField => self.ui.focus_path = true,
            Command::OpenDemo => self.guard(Proceed::OpenDemo),
            Command::Quit => self.guard(Proceed::Close),
            Command::RemoveArticle(index) => self.remove_article(index),
            Command::CompareSeparately(index) => self.compare_separately(index),
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
            Command::LinkClaims(a, b) => self.request_link(a, b),
            Command::LinkPair { a, b, join } => {
                if matches!(self.ui.modal, Some(Modal::LinkChoice(..))) {
                    self.ui.modal = None;
                }
                if join {
                    self.link(a, b);
                } else {
                    self.link_only_pair(a, b);
                }
            }
            Command::UnlinkClaim(id) => self.unlink_claim(&id),
            Command::RemoveLink(a, b) => self.remove_link(&a, &b),
            Command::ResetDecisions => {
                // Links and unlinks only: "not a conflict" decisions are about facts, not
                // grouping, and stay.
                let decisions = &self.workspace.decisions;
                if !decisions.links.is_empty() || !decisions.unlinks.is_empty() {
                    self.record("Reset manual links");
                    self.workspace.decisions.links = Default::default();
                    self.workspace.decisions.unlinks = Default::default();
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
            Command::ToggleShowPossibleDifferences => {
                let view = &mut self.workspace.view;
                view.show_possible_differences = !view.show_possible_differences;
            }
            Command::ShowDetailsTab(tab) => {
                self.prefs.details_tab = tab;
                self.prefs.show_details = true;
            }
            Command::DismissNotice(id) => self.ui.notices.retain(|n| n.id != id),
            Command::DismissAllNotices => self.ui.notices.clear(),
            Command::ShowShortcuts => self.ui.show_shortcuts = !self.ui.show_shortcuts,
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        self.prefs.zoom = ((zoom * 10.0).round() / 10.0).clamp(0.5, 3.0);
        self.ui.prefs_changed = true;
    }

    pub(super) fn notify_once(&mut self, kind: NoticeKind, text: &str) {
        if !self.ui.notices.iter().any(|n| n.text == text) {
            self.ui.notify(kind, text);
        }
    }
}
