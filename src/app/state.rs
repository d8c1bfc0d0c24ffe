//! The window's transient state: selection, hover, dialogs, notices — never saved. (The saved
//! preferences are in [`super::prefs`].)

use std::collections::BTreeSet;

use super::command::Command;
use super::document::Proceed;
use super::file_dialog::RunningDialog;
use crate::analysis::ClaimId;
use crate::ingest::ArticleMeta;
use crate::workspace::PendingRecovery;

/// A runtime identity of an article, stable while the window is open: it follows the article
/// when columns are reordered and tells which analysed article a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ArticleKey(pub(crate) u64);

/// How bad a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something failed (an import, the file dialog, an analysis).
    Error,
    /// Something worth knowing (an article was removed, an import warning).
    Info,
}

/// A message in the notice bar, until the user dismisses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Id for [`Command::DismissNotice`].
    pub id: u64,
    /// Error or information.
    pub kind: NoticeKind,
    /// One clear sentence, naming the file when there is one.
    pub text: String,
    /// An action offered next to the message (e.g. undo).
    pub action: Option<Command>,
}

/// The "add article from text" dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PasteDialog {
    /// The article text being typed or pasted.
    pub(crate) text: String,
    /// The outlet name to use when the text names none.
    pub(crate) outlet: String,
    /// True until the text box has been given keyboard focus once.
    pub(crate) focus_pending: bool,
}

/// The "add article from link" dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LinkDialog {
    /// The address being typed.
    pub(crate) url: String,
    /// True until the field has been given keyboard focus once.
    pub(crate) focus_pending: bool,
}

/// An article header being edited in place.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MetaEdit {
    /// Which article.
    pub(crate) key: ArticleKey,
    /// Outlet name.
    pub(crate) outlet: String,
    /// Headline.
    pub(crate) headline: String,
    /// Date as written.
    pub(crate) date: String,
    /// The metadata before editing (keeps the fields the editor does not show).
    pub(crate) original: ArticleMeta,
    /// True until the first field has been given keyboard focus.
    pub(crate) focus_pending: bool,
}

/// A dialog over the window. Only one is open at a time; while it is, the window's shortcuts
/// wait.
#[derive(Debug)]
pub(crate) enum Modal {
    /// "Save changes?"; the answer leads to this.
    Unsaved(Proceed),
    /// "The file changed on disk"; saving was to lead to this.
    ChangedOnDisk(Option<Proceed>),
    /// The typed Save As path, when no native dialog could be shown.
    SavePath(String),
    /// Add an article from a web address.
    Link(LinkDialog),
    /// Add an article from text.
    Paste(PasteDialog),
    /// "This link joins two groups", for these two claims.
    LinkChoice(ClaimId, ClaimId),
}

/// The selected claim (its group is the selected group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Selection {
    /// The anchor claim, by stable id, so the selection survives re-analysis.
    pub(crate) claim: ClaimId,
}

/// Everything about the window that is neither a document nor a preference.
#[derive(Debug, Default)]
pub(crate) struct UiState {
    /// The selected claim.
    pub(crate) selection: Option<Selection>,
    /// The group hovered in the previous frame (index into the current comparison).
    pub(crate) hovered_group: Option<usize>,
    /// The group hovered in the frame being drawn.
    pub(crate) hovered_group_now: Option<usize>,
    /// Columns that still have to scroll their copy of the selected group into view.
    pub(crate) scroll_columns: BTreeSet<ArticleKey>,
    /// The matrix should scroll the selected row into view.
    pub(crate) scroll_matrix: bool,
    /// The column the article row should scroll horizontally into view.
    pub(crate) scroll_to_column: Option<ArticleKey>,
    /// True while the next claim clicked is linked with the selected one.
    pub(crate) linking: bool,
    /// Messages shown in the notice bar.
    pub(crate) notices: Vec<Notice>,
    /// Id of the next notice.
    pub(crate) next_notice_id: u64,
    /// A clipboard paste was requested for the paste dialog.
    pub(crate) awaiting_clipboard: bool,
    /// Text of the "open path" field.
    pub(crate) path_input: String,
    /// Focus the path field in the next frame.
    pub(crate) focus_path: bool,
    /// Focus the search field in the next frame.
    pub(crate) focus_search: bool,
    /// The one dialog open over the window, if any (dialogs exclude each other).
    pub(crate) modal: Option<Modal>,
    /// The article header being edited.
    pub(crate) editing: Option<MetaEdit>,
    /// A native file dialog running on another thread.
    pub(crate) file_dialog: Option<RunningDialog>,
    /// What to do once the save under way (or the Save As dialog) succeeds.
    pub(crate) after_save: Option<Proceed>,
    /// Work left by windows that did not close cleanly, offered for restoring.
    pub(crate) restore_offer: Vec<PendingRecovery>,
    /// The window should close.
    pub(crate) close_requested: bool,
    /// The close command went to the window.
    pub(crate) close_sent: bool,
    /// The user agreed to close (no unsaved changes, or they chose to save or let them go).
    pub(crate) allow_close: bool,
    /// Theme or zoom changed and must be handed to egui.
    pub(crate) prefs_changed: bool,
    /// The window title last sent.
    pub(crate) title: String,
    /// Name of the open comparison, for the title.
    pub(crate) document_name: String,
    /// Claims drawn with the selected-group highlight in the last frame, per column.
    pub(crate) highlighted: Vec<ClaimId>,
    /// The keyboard-shortcut window is open.
    pub(crate) show_shortcuts: bool,
    /// Rows of the claim-group list visible in the last frame.
    pub(crate) matrix_rows_shown: std::ops::Range<usize>,
    /// Height of the claim-group list viewport in the last frame.
    pub(crate) matrix_view_height: f32,
    /// The note being typed (`true` for a group note, and the claim it is written on): further
    /// keystrokes on it make no new undo step.
    pub(crate) note_in_edit: Option<(bool, ClaimId)>,
    /// The Differences panel should start at the top (a new selection).
    pub(crate) differences_to_top: bool,
    /// A text field had the keyboard at the end of the last frame.
    pub(crate) text_focus_last_frame: bool,
}

impl UiState {
    /// Add a notice; at most a few are kept, the oldest go first.
    pub(crate) fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) -> u64 {
        self.notify_with(kind, text, None)
    }

    /// Add a notice with an action button.
    pub(crate) fn notify_with(
        &mut self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<Command>,
    ) -> u64 {
        const MAX_NOTICES: usize = 6;
        if action.is_some() {
            // Only the newest change can be undone from the bar; older offers go.
            self.notices.retain(|n| n.action.is_none());
        }
        let id = self.next_notice_id;
        self.next_notice_id += 1;
        self.notices.push(Notice {
            id,
            kind,
            text: text.into(),
            action,
        });
        if self.notices.len() > MAX_NOTICES {
            self.notices.remove(0);
        }
        id
    }
}
