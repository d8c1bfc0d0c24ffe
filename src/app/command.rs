//! Everything a user can do, as one enum: menus, keyboard shortcuts, buttons and tests all send a
//! [`Command`] that `App::apply` carries out in one place.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::matching_preset::MatchingPreset;
use super::prefs::{DetailsTab, GroupSort, PanelKind};
use super::theme::ThemeChoice;
use crate::analysis::{ClaimId, ConflictKind};
use crate::ingest::ArticleMeta;
use crate::workspace::GroupFilter;

/// The choices of the "Save changes?" dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on and let the changes go.
    DontSave,
    /// Stay with the workspace as it is.
    Cancel,
}

/// The choices when the workspace file was changed by another program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedAnswer {
    /// Replace the file with this window's workspace.
    Overwrite,
    /// Save under another name instead.
    SaveAs,
    /// Do not save.
    Cancel,
}

/// One user action. Commands are collected while a frame is drawn and applied after it.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // The workspace file.
    /// Start an empty workspace (asks about unsaved changes first).
    NewWorkspace,
    /// Show the native dialog to open a workspace (asks about unsaved changes first).
    OpenWorkspace,
    /// Open this workspace file (recent list, command line, drag and drop).
    OpenWorkspacePath(PathBuf),
    /// Save the workspace to its file (Save As when it has none).
    Save,
    /// Show the native dialog to save the workspace under a new name.
    SaveAs,
    /// Save the workspace to this file and keep working on it there.
    SaveAsPath(PathBuf),
    /// Empty the list of recent workspaces.
    ClearRecent,
    /// Show the native dialog to export the report (Markdown, HTML, CSV, JSON or text).
    ExportReport,
    /// Export the report to this file; its extension picks the format.
    ExportReportTo(PathBuf),
    /// The answer to "Save changes?".
    AnswerUnsaved(UnsavedAnswer),
    /// The answer to "The file changed on disk".
    AnswerChangedOnDisk(ChangedAnswer),
    /// Restore the work a crashed window left (index into the offer).
    RestoreRecovery(usize),
    /// Delete the work a crashed window left (index into the offer).
    DiscardRecovery(usize),
    /// Close the restore offer; it is made again at the next start.
    PostponeRecovery,

    // Getting articles in.
    /// Show the native file dialog to pick article files.
    OpenArticles,
    /// Show the dialog to add an article from a web address.
    OpenLink,
    /// Fetch the page at this address and add it as an article.
    FetchLink(String),
    /// Import these files as new articles (drag and drop, the path field, the command line).
    OpenPaths(Vec<PathBuf>),
    /// Show the "add article from text" dialog, filled from the clipboard when it has text.
    PasteArticle,
    /// Add an article from text (the paste dialog's Add button).
    AddArticleText {
        /// The article text: headline on the first line, optional `Outlet:`/`Date:` lines.
        text: String,
        /// Outlet name to use when the text names none.
        outlet: String,
    },
    /// Move keyboard focus to the "open path" field.
    FocusPathField,
    /// Replace the open articles with the built-in demo story.
    OpenDemo,
    /// Close the window.
    Quit,

    // Arranging articles.
    /// Remove the article at this position.
    RemoveArticle(usize),
    /// Undo the last change to the articles or links.
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Move the article at `from` to position `to`.
    MoveArticle {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Replace an article's outlet, headline and date (edited in place).
    EditArticleMeta {
        /// The article's position.
        article: usize,
        /// The new metadata.
        meta: ArticleMeta,
    },
    /// Diff other outlets against this article (`None`: the first outlet that has the claim).
    SetReference(Option<usize>),

    // Selection and navigation.
    /// Select a claim (and so its group).
    SelectClaim(ClaimId),
    /// Select a group by its index in the current comparison.
    SelectGroup(usize),
    /// Clear the selection (and leave link mode).
    ClearSelection,
    /// Select the next group in the claim-group list.
    NextGroup,
    /// Select the previous group in the claim-group list.
    PreviousGroup,
    /// Select the next conflicting group.
    NextConflict,
    /// Select the previous conflicting group.
    PreviousConflict,
    /// Move keyboard focus to the search field.
    FocusSearch,
    /// Show only some groups.
    SetFilter(GroupFilter),
    /// Search claims of all articles.
    SetSearch(String),
    /// Order the claim-group list.
    SetSort(GroupSort),

    // Manual curation.
    /// Start link mode: the next claim clicked is linked with the selected claim.
    StartLinking,
    /// Leave link mode without linking.
    CancelLinking,
    /// Link two claims the matcher did not link (asks first when that would join two groups).
    LinkClaims(ClaimId, ClaimId),
    /// Link two claims, answering "this joins two groups": `join` merges both groups, otherwise
    /// only the pair is linked and both claims leave their old groups.
    LinkPair {
        /// One claim.
        a: ClaimId,
        /// The other claim.
        b: ClaimId,
        /// Join the two groups (true) or link only these two claims (false).
        join: bool,
    },
    /// Take a claim out of its group (unlink it from every other member).
    UnlinkClaim(ClaimId),
    /// Remove one link between two claims.
    RemoveLink(ClaimId, ClaimId),
    /// Forget every manual link and unlink.
    ResetDecisions,
    /// Mark one difference between two claims "not a conflict" (saved, undoable).
    DismissConflict {
        /// One claim.
        a: ClaimId,
        /// The other claim.
        b: ClaimId,
        /// The kind of fact that differs.
        kind: ConflictKind,
    },
    /// Take back a "not a conflict".
    RestoreConflict {
        /// One claim.
        a: ClaimId,
        /// The other claim.
        b: ClaimId,
        /// The kind of fact that differs.
        kind: ConflictKind,
    },
    /// Set the note on a claim (empty: no note).
    SetClaimNote {
        /// The claim.
        claim: ClaimId,
        /// The note.
        note: String,
    },
    /// Set the note on a claim's group; it stays with this claim when groups change.
    SetGroupNote {
        /// The claim the note is written on.
        claim: ClaimId,
        /// The note.
        note: String,
    },
    /// Link claims more or less readily (saved with the workspace; manual links and unlinks
    /// stay).
    SetMatching(MatchingPreset),

    // View.
    /// Use this light/dark theme.
    SetTheme(ThemeChoice),
    /// Make everything bigger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Reset the zoom to 100 %.
    ZoomReset,
    /// Show or hide a panel.
    TogglePanel(PanelKind),
    /// Show a tab of the details area.
    ShowDetailsTab(DetailsTab),
    /// Also show possible differences (saved with the workspace; never makes it unsaved).
    ToggleShowPossibleDifferences,
    /// Close a notice by its id.
    DismissNotice(u64),
    /// Close every notice.
    DismissAllNotices,
    /// Show or hide the list of keyboard shortcuts.
    ShowShortcuts,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Command {
    /// The commands that have keyboard shortcuts, most specific modifiers first (so that
    /// Shift+F7 is matched before F7).
    pub(crate) fn with_shortcuts() -> Vec<Command> {
        let mut commands = vec![
            Command::NewWorkspace,
            Command::OpenWorkspace,
            Command::Save,
            Command::SaveAs,
            Command::ExportReport,
            Command::OpenArticles,
            Command::OpenLink,
            Command::PasteArticle,
            Command::FocusPathField,
            Command::Quit,
            Command::NextGroup,
            Command::PreviousGroup,
            Command::NextConflict,
            Command::PreviousConflict,
            Command::FocusSearch,
            Command::StartLinking,
            Command::UnlinkClaim(ClaimId(String::new())),
            Command::ClearSelection,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::Undo,
            Command::Redo,
            Command::ShowShortcuts,
        ];
        commands.sort_by_key(|c| {
            std::cmp::Reverse(
                c.shortcuts()
                    .first()
                    .map_or(0, |s| modifier_count(s.modifiers)),
            )
        });
        commands
    }

    /// The main keyboard shortcut, shown in menus and tooltips.
    pub(crate) fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every shortcut that triggers this command (the first is shown in menus).
    pub(crate) fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        let none = Modifiers::NONE;
        let cmd = Modifiers::COMMAND;
        match self {
            Command::NewWorkspace => vec![shortcut(cmd, Key::N)],
            Command::OpenWorkspace => vec![shortcut(cmd, Key::O)],
            Command::Save => vec![shortcut(cmd, Key::S)],
            Command::SaveAs => vec![shortcut(cmd | Modifiers::SHIFT, Key::S)],
            Command::ExportReport => vec![shortcut(cmd | Modifiers::SHIFT, Key::E)],
            Command::OpenArticles => vec![shortcut(cmd | Modifiers::SHIFT, Key::O)],
            Command::OpenLink => vec![shortcut(cmd | Modifiers::SHIFT, Key::L)],
            Command::PasteArticle => vec![shortcut(cmd | Modifiers::SHIFT, Key::V)],
            Command::FocusPathField => vec![shortcut(cmd, Key::L)],
            Command::Quit => vec![shortcut(cmd, Key::Q)],
            Command::Undo => vec![shortcut(cmd, Key::Z)],
            Command::Redo => vec![
                shortcut(cmd | Modifiers::SHIFT, Key::Z),
                shortcut(cmd, Key::Y),
            ],
            Command::NextGroup => vec![
                shortcut(none, Key::J),
                shortcut(Modifiers::ALT, Key::ArrowDown),
            ],
            Command::PreviousGroup => vec![
                shortcut(none, Key::K),
                shortcut(Modifiers::ALT, Key::ArrowUp),
            ],
            Command::NextConflict => vec![shortcut(none, Key::F7)],
            Command::PreviousConflict => vec![shortcut(Modifiers::SHIFT, Key::F7)],
            Command::FocusSearch => vec![shortcut(cmd, Key::F)],
            Command::StartLinking => vec![shortcut(none, Key::L)],
            Command::UnlinkClaim(_) => vec![shortcut(none, Key::U)],
            Command::ClearSelection => vec![shortcut(none, Key::Escape)],
            Command::ZoomIn => vec![shortcut(cmd, Key::Plus), shortcut(cmd, Key::Equals)],
            Command::ZoomOut => vec![shortcut(cmd, Key::Minus)],
            Command::ZoomReset => vec![shortcut(cmd, Key::Num0)],
            Command::ShowShortcuts => vec![shortcut(none, Key::F1)],
            _ => Vec::new(),
        }
    }

    /// True when the shortcut is a plain key that would clash with typing, so it only works while
    /// no text field has keyboard focus.
    pub(crate) fn shortcut_needs_no_text_focus(shortcut: &KeyboardShortcut) -> bool {
        let function_key = matches!(
            shortcut.logical_key,
            Key::F1 | Key::F2 | Key::F3 | Key::F4 | Key::F5 | Key::F6 | Key::F7 | Key::F8
        );
        // Text fields have their own undo and redo.
        let text_undo =
            matches!(shortcut.logical_key, Key::Z | Key::Y) && shortcut.modifiers.command;
        (shortcut.conflicts_with_text_editing() && !function_key) || text_undo
    }

    /// Short text for menus and buttons.
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Command::NewWorkspace => "New workspace",
            Command::OpenWorkspace => "Open workspace…",
            Command::OpenWorkspacePath(_) => "Open workspace",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveAsPath(_) => "Save as",
            Command::ClearRecent => "Clear recent workspaces",
            Command::ExportReport => "Export report…",
            Command::ExportReportTo(_) => "Export report",
            Command::AnswerUnsaved(UnsavedAnswer::Save) => "Save",
            Command::AnswerUnsaved(UnsavedAnswer::DontSave) => "Don't save",
            Command::AnswerUnsaved(UnsavedAnswer::Cancel) => "Cancel",
            Command::AnswerChangedOnDisk(ChangedAnswer::Overwrite) => "Overwrite",
            Command::AnswerChangedOnDisk(ChangedAnswer::SaveAs) => "Save as…",
            Command::AnswerChangedOnDisk(ChangedAnswer::Cancel) => "Cancel",
            Command::RestoreRecovery(_) => "Restore",
            Command::DiscardRecovery(_) => "Discard",
            Command::PostponeRecovery => "Decide later",
            Command::OpenArticles => "Add articles…",
            Command::OpenLink => "Add article from link…",
            Command::FetchLink(_) => "Fetch",
            Command::OpenPaths(_) => "Open files",
            Command::PasteArticle => "Paste as new article…",
            Command::AddArticleText { .. } => "Add article",
            Command::FocusPathField => "Open path…",
            Command::OpenDemo => "Open the demo story",
            Command::Quit => "Quit",
            Command::RemoveArticle(_) => "Remove article",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::MoveArticle { from, to } if to < from => "Move left",
            Command::MoveArticle { .. } => "Move right",
            Command::EditArticleMeta { .. } => "Edit outlet, headline and date",
            Command::SetReference(_) => "Diff against this article",
            Command::SelectClaim(_) => "Select claim",
            Command::SelectGroup(_) => "Select group",
            Command::ClearSelection => "Clear selection",
            Command::NextGroup => "Next group",
            Command::PreviousGroup => "Previous group",
            Command::NextConflict => "Next conflict",
            Command::PreviousConflict => "Previous conflict",
            Command::FocusSearch => "Search all articles…",
            Command::SetFilter(filter) => filter_label(*filter),
            Command::SetSearch(_) => "Search",
            Command::SetSort(sort) => sort.label(),
            Command::StartLinking => "Link with…",
            Command::CancelLinking => "Cancel linking",
            Command::LinkClaims(..) => "Link claims",
            Command::LinkPair { join: true, .. } => "Join the two groups",
            Command::LinkPair { join: false, .. } => "Link only these two claims",
            Command::UnlinkClaim(_) => "Unlink from group",
            Command::RemoveLink(..) => "Remove link",
            Command::ResetDecisions => "Reset manual links",
            Command::DismissConflict { .. } => "Not a conflict",
            Command::RestoreConflict { .. } => "Restore",
            Command::SetClaimNote { .. } => "Note on claim",
            Command::SetGroupNote { .. } => "Note on group",
            Command::SetMatching(preset) => preset.label(),
            Command::SetTheme(theme) => theme.label(),
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Reset zoom",
            Command::TogglePanel(panel) => panel.label(),
            Command::ShowDetailsTab(tab) => tab.label(),
            Command::ToggleShowPossibleDifferences => "Show possible differences",
            Command::DismissNotice(_) => "Dismiss",
            Command::DismissAllNotices => "Dismiss all",
            Command::ShowShortcuts => "Keyboard shortcuts",
        }
    }

    /// A sentence explaining the command, for tooltips.
    pub(crate) fn tooltip(&self) -> &'static str {
        match self {
            Command::NewWorkspace => "Start an empty comparison",
            Command::OpenWorkspace => "Open a saved comparison (.claimdiff.ron)",
            Command::OpenWorkspacePath(_) => "Open this saved comparison",
            Command::Save => "Save the comparison: articles, links, notes and settings",
            Command::SaveAs => "Save the comparison to a new file",
            Command::SaveAsPath(_) => "Save the comparison to this file",
            Command::ClearRecent => "Forget the list of recently opened workspaces",
            Command::ExportReport => {
                "Write the comparison with your decisions and notes to a Markdown, HTML, CSV or JSON file"
            }
            Command::ExportReportTo(_) => "Write the report to this file",
            Command::AnswerUnsaved(UnsavedAnswer::Save) => "Save the changes, then go on",
            Command::AnswerUnsaved(UnsavedAnswer::DontSave) => {
                "Go on without saving; the changes are lost"
            }
            Command::AnswerUnsaved(UnsavedAnswer::Cancel) => "Keep working on this comparison",
            Command::AnswerChangedOnDisk(ChangedAnswer::Overwrite) => {
                "Replace the file with this window's comparison; the other program's changes are lost"
            }
            Command::AnswerChangedOnDisk(ChangedAnswer::SaveAs) => {
                "Save this window's comparison to a new file and leave the changed one alone"
            }
            Command::AnswerChangedOnDisk(ChangedAnswer::Cancel) => "Do not save now",
            Command::RestoreRecovery(_) => "Open this unsaved work again",
            Command::DiscardRecovery(_) => "Delete this unsaved work for good",
            Command::PostponeRecovery => {
                "Keep the unsaved work; it is offered again at the next start"
            }
            Command::OpenArticles => "Add article files (.txt, .md, .html) to the comparison",
            Command::OpenLink => "Fetch a news page from the web and add it as an article",
            Command::FetchLink(_) => "Fetch this page and add it as an article",
            Command::OpenPaths(_) => "Add these files as articles",
            Command::PasteArticle => "Add an article from the clipboard or from text you type",
            Command::AddArticleText { .. } => "Add this text as a new article",
            Command::FocusPathField => "Type the path of an article file to add it",
            Command::OpenDemo => {
                "Replace the open articles with four outlets' reports of one flood"
            }
            Command::Quit => "Close claimdiff",
            Command::RemoveArticle(_) => "Take this article out of the comparison",
            Command::Undo => "Undo the last change to the articles or links",
            Command::Redo => "Redo the change undone last",
            Command::MoveArticle { .. } => "Change the order of the columns",
            Command::EditArticleMeta { .. } => "Correct the outlet name, headline or date",
            Command::SetReference(_) => "Show how the other outlets differ from this one",
            Command::SelectClaim(_) => "Select this claim and show its counterparts",
            Command::SelectGroup(_) => "Select this group of matching claims",
            Command::ClearSelection => "Clear the selection and leave link mode",
            Command::NextGroup => "Select the next claim group",
            Command::PreviousGroup => "Select the previous claim group",
            Command::NextConflict => "Jump to the next claim the outlets disagree on",
            Command::PreviousConflict => "Jump to the previous claim the outlets disagree on",
            Command::FocusSearch => "Find claims containing a word, in every article",
            Command::SetFilter(_) => "Show only some claim groups",
            Command::SetSearch(_) => "Show only groups whose claims contain this text",
            Command::SetSort(_) => "Change the order of the claim groups",
            Command::StartLinking => {
                "Link the selected claim with a claim of another outlet that states the same thing"
            }
            Command::CancelLinking => "Stop linking without changing anything",
            Command::LinkClaims(..) => "Mark these claims as stating the same thing",
            Command::LinkPair { join: true, .. } => "Every claim of both groups becomes one group",
            Command::LinkPair { join: false, .. } => {
                "The two claims leave their groups and form a group of their own"
            }
            Command::UnlinkClaim(_) => {
                "Take the selected claim out of its group: it does not state the same thing"
            }
            Command::RemoveLink(..) => "Remove this one link between two claims",
            Command::ResetDecisions => "Forget every link and unlink you made",
            Command::DismissConflict { .. } => {
                "These two claims do not really differ on this: stop flagging it (saved, undoable)"
            }
            Command::RestoreConflict { .. } => "Flag this difference again",
            Command::SetClaimNote { .. } => {
                "Your note on the selected claim: saved, searchable, exported"
            }
            Command::SetGroupNote { .. } => {
                "Your note on this group: saved with the selected claim, searchable, exported"
            }
            Command::SetMatching(preset) => preset.tooltip(),
            Command::SetTheme(_) => "Choose light or dark colours",
            Command::ZoomIn => "Make text and controls bigger",
            Command::ZoomOut => "Make text and controls smaller",
            Command::ZoomReset => "Show text and controls at their normal size",
            Command::TogglePanel(_) => "Show or hide this panel",
            Command::ShowDetailsTab(_) => "Show this tab",
            Command::ToggleShowPossibleDifferences => {
                "Also show weak differences: times, sources and negations that may belong to different facts"
            }
            Command::DismissNotice(_) => "Close this message",
            Command::DismissAllNotices => "Close every message",
            Command::ShowShortcuts => "List every keyboard shortcut",
        }
    }

    /// The tooltip followed by the shortcut, e.g. "Jump to the next conflict (F7)".
    pub(crate) fn hover_text(&self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(s) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(&s)),
            None => self.tooltip().to_owned(),
        }
    }
}

/// Text of a group filter.
pub(crate) fn filter_label(filter: GroupFilter) -> &'static str {
    match filter {
        GroupFilter::All => "All",
        GroupFilter::ConflictsOnly => "≠ Conflicts",
        GroupFilter::SingleOutletOnly => "◦ Single-outlet",
        GroupFilter::SharedOnly => "= Shared",
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_f7_is_matched_before_f7() {
        let order = Command::with_shortcuts();
        let prev = order.iter().position(|c| *c == Command::PreviousConflict);
        let next = order.iter().position(|c| *c == Command::NextConflict);
        assert!(prev < next);
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all: Vec<KeyboardShortcut> = Command::with_shortcuts()
            .iter()
            .flat_map(Command::shortcuts)
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} used twice");
        }
    }

    #[test]
    fn plain_letters_wait_for_text_fields() {
        let j = KeyboardShortcut::new(Modifiers::NONE, Key::J);
        let ctrl_f = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let f7 = KeyboardShortcut::new(Modifiers::SHIFT, Key::F7);
        assert!(Command::shortcut_needs_no_text_focus(&j));
        assert!(!Command::shortcut_needs_no_text_focus(&ctrl_f));
        assert!(!Command::shortcut_needs_no_text_focus(&f7));
    }
}
