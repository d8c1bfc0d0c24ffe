//! The window's own state: preferences (saved by eframe, never in documents) and transient UI
//! state (selection, hover, dialogs, notices — never saved).

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::document::Proceed;
use super::file_dialog::RunningDialog;
use super::theme::ThemeChoice;
use crate::analysis::{ClaimId, MatchSettings};
use crate::ingest::ArticleMeta;
use crate::workspace::PendingRecovery;

/// The key under which [`Prefs`] are kept in eframe storage.
pub const PREFS_KEY: &str = "claimdiff.prefs";

/// How the claim-group list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GroupSort {
    /// In the order the claims first appear (first article first).
    #[default]
    Story,
    /// Groups carried by the most outlets first.
    Coverage,
    /// Conflicts first, then shared, then single-outlet claims.
    Status,
}

impl GroupSort {
    /// All orders, in menu order.
    pub const ALL: [GroupSort; 3] = [GroupSort::Story, GroupSort::Coverage, GroupSort::Status];

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            GroupSort::Story => "Story order",
            GroupSort::Coverage => "Coverage",
            GroupSort::Status => "Status",
        }
    }
}

/// How readily claims of different outlets are linked: presets over [`MatchSettings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchingPreset {
    /// Link only close restatements: fewer, surer groups.
    Strict,
    /// The thresholds fitted on labelled news sentence pairs.
    Balanced,
    /// Link looser restatements too: more groups, more to check.
    Loose,
}

impl MatchingPreset {
    /// All presets, in menu order.
    pub const ALL: [MatchingPreset; 3] = [
        MatchingPreset::Strict,
        MatchingPreset::Balanced,
        MatchingPreset::Loose,
    ];

    /// The thresholds of this preset.
    pub fn settings(self) -> MatchSettings {
        let base = MatchSettings::default();
        let (link_shift, paraphrase_shift) = match self {
            MatchingPreset::Strict => (0.10, 0.12),
            MatchingPreset::Balanced => (0.0, 0.0),
            MatchingPreset::Loose => (-0.05, -0.12),
        };
        MatchSettings {
            link_threshold: (base.link_threshold + link_shift).clamp(0.01, 0.99),
            paraphrase_threshold: (base.paraphrase_threshold + paraphrase_shift).clamp(0.01, 0.99),
        }
    }

    /// The preset these thresholds are, if any (a workspace may hold other values).
    pub fn of(settings: &MatchSettings) -> Option<MatchingPreset> {
        Self::ALL.into_iter().find(|p| p.settings() == *settings)
    }

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            MatchingPreset::Strict => "Strict matching",
            MatchingPreset::Balanced => "Balanced matching",
            MatchingPreset::Loose => "Loose matching",
        }
    }

    /// Tooltip text.
    pub fn tooltip(self) -> &'static str {
        match self {
            MatchingPreset::Strict => {
                "Link only claims that say nearly the same: fewer, surer groups"
            }
            MatchingPreset::Balanced => "The default, fitted on labelled news sentence pairs",
            MatchingPreset::Loose => {
                "Also link looser restatements: more groups, some of them wrong — check them"
            }
        }
    }
}

/// Panels the user can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PanelKind {
    /// The details area at the bottom (claim groups, outlets, differences).
    Details,
    /// The differences panel inside the details area.
    Differences,
}

impl PanelKind {
    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            PanelKind::Details => "Groups and details",
            PanelKind::Differences => "Differences",
        }
    }
}

/// The tabs of the left part of the details area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DetailsTab {
    /// The coverage matrix of claim groups.
    #[default]
    Groups,
    /// The per-outlet summary.
    Outlets,
}

impl DetailsTab {
    /// Tab text.
    pub fn label(self) -> &'static str {
        match self {
            DetailsTab::Groups => "Claim groups",
            DetailsTab::Outlets => "Outlets",
        }
    }
}

/// User interface preferences, kept between runs in eframe storage (not in documents).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light, dark or follow the system.
    pub theme: ThemeChoice,
    /// Zoom factor (1.0 = 100 %).
    pub zoom: f32,
    /// Show the details area (groups, outlets, differences).
    pub show_details: bool,
    /// Show the differences panel.
    pub show_differences: bool,
    /// The tab shown in the details area.
    pub details_tab: DetailsTab,
    /// The order of the claim-group list.
    pub sort: GroupSort,
    /// Workspaces opened or saved lately, most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            zoom: 1.0,
            show_details: true,
            show_differences: true,
            details_tab: DetailsTab::Groups,
            sort: GroupSort::Story,
            recent: Vec::new(),
        }
    }
}

/// A runtime identity of an article, stable while the window is open: it follows the article
/// when columns are reordered and tells which analysed article a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey(pub u64);

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
    /// Id for [`super::Command::DismissNotice`].
    pub id: u64,
    /// Error or information.
    pub kind: NoticeKind,
    /// One clear sentence, naming the file when there is one.
    pub text: String,
    /// An action offered next to the message (e.g. undo).
    pub action: Option<super::Command>,
}

/// The "add article from text" dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasteDialog {
    /// The article text being typed or pasted.
    pub text: String,
    /// The outlet name to use when the text names none.
    pub outlet: String,
    /// True until the text box has been given keyboard focus once.
    pub focus_pending: bool,
}

/// The "add article from link" dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkDialog {
    /// The address being typed.
    pub url: String,
    /// True until the field has been given keyboard focus once.
    pub focus_pending: bool,
}

/// An article header being edited in place.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaEdit {
    /// Which article.
    pub key: ArticleKey,
    /// Outlet name.
    pub outlet: String,
    /// Headline.
    pub headline: String,
    /// Date as written.
    pub date: String,
    /// The metadata before editing (keeps the fields the editor does not show).
    pub original: ArticleMeta,
    /// True until the first field has been given keyboard focus.
    pub focus_pending: bool,
}

/// The selected claim (its group is the selected group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The anchor claim, by stable id, so the selection survives re-analysis.
    pub claim: ClaimId,
}

/// Everything about the window that is neither a document nor a preference.
#[derive(Debug, Default)]
pub struct UiState {
    /// The selected claim.
    pub selection: Option<Selection>,
    /// The group hovered in the previous frame (index into the current comparison).
    pub hovered_group: Option<usize>,
    /// The group hovered in the frame being drawn.
    pub hovered_group_now: Option<usize>,
    /// Columns that still have to scroll their copy of the selected group into view.
    pub scroll_columns: BTreeSet<ArticleKey>,
    /// The matrix should scroll the selected row into view.
    pub scroll_matrix: bool,
    /// The column the article row should scroll horizontally into view.
    pub scroll_to_column: Option<ArticleKey>,
    /// True while the next claim clicked is linked with the selected one.
    pub linking: bool,
    /// Messages shown in the notice bar.
    pub notices: Vec<Notice>,
    /// Id of the next notice.
    pub next_notice_id: u64,
    /// The paste dialog, when open.
    pub paste: Option<PasteDialog>,
    /// A clipboard paste was requested for the paste dialog.
    pub awaiting_clipboard: bool,
    /// Text of the "open path" field.
    pub path_input: String,
    /// Focus the path field in the next frame.
    pub focus_path: bool,
    /// Focus the search field in the next frame.
    pub focus_search: bool,
    /// The article header being edited.
    pub editing: Option<MetaEdit>,
    /// A native file dialog running on another thread.
    pub file_dialog: Option<RunningDialog>,
    /// "Save changes?" is asked; the answer leads to this.
    pub unsaved_prompt: Option<Proceed>,
    /// "The file changed on disk" is asked; saving was to lead to this.
    pub changed_prompt: Option<Option<Proceed>>,
    /// What to do once the save under way (or the Save As dialog) succeeds.
    pub after_save: Option<Proceed>,
    /// The "save as" path field shown when no native save dialog could be shown.
    pub save_path_prompt: Option<String>,
    /// Work left by windows that did not close cleanly, offered for restoring.
    pub restore_offer: Vec<PendingRecovery>,
    /// The "add article from link" dialog, when open.
    pub link_dialog: Option<LinkDialog>,
    /// The window should close.
    pub close_requested: bool,
    /// The close command went to the window.
    pub close_sent: bool,
    /// The user agreed to close (no unsaved changes, or they chose to save or let them go).
    pub allow_close: bool,
    /// Theme or zoom changed and must be handed to egui.
    pub prefs_changed: bool,
    /// The window title last sent.
    pub title: String,
    /// Name of the open comparison, for the title.
    pub document_name: String,
    /// Claims drawn with the selected-group highlight in the last frame, per column.
    pub highlighted: Vec<ClaimId>,
    /// The keyboard-shortcut window is open.
    pub show_shortcuts: bool,
    /// Rows of the claim-group list visible in the last frame.
    pub matrix_rows_shown: std::ops::Range<usize>,
    /// Height of the claim-group list viewport in the last frame.
    pub matrix_view_height: f32,
}

impl UiState {
    /// Add a notice; at most a few are kept, the oldest go first.
    pub fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) -> u64 {
        self.notify_with(kind, text, None)
    }

    /// Add a notice with an action button.
    pub fn notify_with(
        &mut self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<super::Command>,
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
