//! Everything a user can do, as one enum: menus, keyboard shortcuts, buttons and tests all send a
//! [`Command`] that `App::apply` carries out in one place.

use std::path::PathBuf;

use egui::KeyboardShortcut;

use super::matching_preset::MatchingPreset;
use super::prefs::{DetailsTab, GroupSort, PanelKind};
use super::theme::ThemeChoice;
use super::ui_command::{Os, UiCommand};
use crate::analysis::{ClaimId, Conflict};
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
    /// Open the article at this position in a comparison of its own (a new window) and take it
    /// out of this one (undoable): it tells another story.
    CompareSeparately(usize),
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
    /// Mark one difference between two claims "not a conflict" (saved, undoable), for every
    /// pair of their group that shows it.
    DismissConflict {
        /// One claim.
        a: ClaimId,
        /// The other claim.
        b: ClaimId,
        /// The difference (its kind and two versions).
        difference: Conflict,
    },
    /// Take back a "not a conflict".
    RestoreConflict {
        /// One claim.
        a: ClaimId,
        /// The other claim.
        b: ClaimId,
        /// The difference (its kind and two versions).
        difference: Conflict,
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

/// The pattern of every field-free command (and a claim's unlink): their label and tooltip are
/// their [`UiCommand`]'s.
macro_rules! field_free_commands {
    () => {
        Command::NewWorkspace
            | Command::OpenWorkspace
            | Command::Save
            | Command::SaveAs
            | Command::ExportReport
            | Command::ClearRecent
            | Command::PostponeRecovery
            | Command::OpenArticles
            | Command::OpenLink
            | Command::PasteArticle
            | Command::FocusPathField
            | Command::OpenDemo
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::ClearSelection
            | Command::NextGroup
            | Command::PreviousGroup
            | Command::NextConflict
            | Command::PreviousConflict
            | Command::FocusSearch
            | Command::StartLinking
            | Command::CancelLinking
            | Command::ResetDecisions
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ToggleShowPossibleDifferences
            | Command::DismissAllNotices
            | Command::ShowShortcuts
            | Command::UnlinkClaim(_)
    };
}

impl Command {
    /// The field-free command this is, if it is one (a claim's unlink is "unlink the selected
    /// claim"): its label, tooltip and shortcuts come from there.
    pub fn ui_command(&self) -> Option<UiCommand> {
        match self {
            Command::NewWorkspace => Some(UiCommand::NewWorkspace),
            Command::OpenWorkspace => Some(UiCommand::OpenWorkspace),
            Command::Save => Some(UiCommand::Save),
            Command::SaveAs => Some(UiCommand::SaveAs),
            Command::ExportReport => Some(UiCommand::ExportReport),
            Command::ClearRecent => Some(UiCommand::ClearRecent),
            Command::PostponeRecovery => Some(UiCommand::PostponeRecovery),
            Command::OpenArticles => Some(UiCommand::OpenArticles),
            Command::OpenLink => Some(UiCommand::OpenLink),
            Command::PasteArticle => Some(UiCommand::PasteArticle),
            Command::FocusPathField => Some(UiCommand::FocusPathField),
            Command::OpenDemo => Some(UiCommand::OpenDemo),
            Command::Quit => Some(UiCommand::Quit),
            Command::Undo => Some(UiCommand::Undo),
            Command::Redo => Some(UiCommand::Redo),
            Command::ClearSelection => Some(UiCommand::ClearSelection),
            Command::NextGroup => Some(UiCommand::NextGroup),
            Command::PreviousGroup => Some(UiCommand::PreviousGroup),
            Command::NextConflict => Some(UiCommand::NextConflict),
            Command::PreviousConflict => Some(UiCommand::PreviousConflict),
            Command::FocusSearch => Some(UiCommand::FocusSearch),
            Command::StartLinking => Some(UiCommand::StartLinking),
            Command::CancelLinking => Some(UiCommand::CancelLinking),
            Command::UnlinkClaim(_) => Some(UiCommand::UnlinkSelected),
            Command::ResetDecisions => Some(UiCommand::ResetDecisions),
            Command::ZoomIn => Some(UiCommand::ZoomIn),
            Command::ZoomOut => Some(UiCommand::ZoomOut),
            Command::ZoomReset => Some(UiCommand::ZoomReset),
            Command::ToggleShowPossibleDifferences => {
                Some(UiCommand::ToggleShowPossibleDifferences)
            }
            Command::DismissAllNotices => Some(UiCommand::DismissAllNotices),
            Command::ShowShortcuts => Some(UiCommand::ShowShortcuts),
            Command::OpenWorkspacePath(_)
            | Command::SaveAsPath(_)
            | Command::ExportReportTo(_)
            | Command::AnswerUnsaved(_)
            | Command::AnswerChangedOnDisk(_)
            | Command::RestoreRecovery(_)
            | Command::DiscardRecovery(_)
            | Command::FetchLink(_)
            | Command::OpenPaths(_)
            | Command::AddArticleText { .. }
            | Command::RemoveArticle(_)
            | Command::CompareSeparately(_)
            | Command::MoveArticle { .. }
            | Command::EditArticleMeta { .. }
            | Command::SetReference(_)
            | Command::SelectClaim(_)
            | Command::SelectGroup(_)
            | Command::SetFilter(_)
            | Command::SetSearch(_)
            | Command::SetSort(_)
            | Command::LinkClaims(..)
            | Command::LinkPair { .. }
            | Command::RemoveLink(..)
            | Command::DismissConflict { .. }
            | Command::RestoreConflict { .. }
            | Command::SetClaimNote { .. }
            | Command::SetGroupNote { .. }
            | Command::SetMatching(_)
            | Command::SetTheme(_)
            | Command::TogglePanel(_)
            | Command::ShowDetailsTab(_)
            | Command::DismissNotice(_) => None,
        }
    }

    /// The main keyboard shortcut on this OS, shown in menus and tooltips.
    pub(crate) fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.ui_command()
            .and_then(|c| c.shortcuts(Os::current()).first().copied())
    }

    /// Short text for menus and buttons.
    pub(crate) fn label(&self) -> &'static str {
        if let Some(command) = self.ui_command() {
            return command.label();
        }
        match self {
            Command::OpenWorkspacePath(_) => "Open workspace",
            Command::SaveAsPath(_) => "Save as",
            Command::ExportReportTo(_) => "Export report",
            Command::AnswerUnsaved(UnsavedAnswer::Save) => "Save",
            Command::AnswerUnsaved(UnsavedAnswer::DontSave) => "Don't save",
            Command::AnswerUnsaved(UnsavedAnswer::Cancel) => "Cancel",
            Command::AnswerChangedOnDisk(ChangedAnswer::Overwrite) => "Overwrite",
            Command::AnswerChangedOnDisk(ChangedAnswer::SaveAs) => "Save as…",
            Command::AnswerChangedOnDisk(ChangedAnswer::Cancel) => "Cancel",
            Command::RestoreRecovery(_) => "Restore",
            Command::DiscardRecovery(_) => "Discard",
            Command::FetchLink(_) => "Fetch",
            Command::OpenPaths(_) => "Open files",
            Command::AddArticleText { .. } => "Add article",
            Command::RemoveArticle(_) => "Remove article",
            Command::CompareSeparately(_) => "Compare separately",
            Command::MoveArticle { from, to } if to < from => "Move left",
            Command::MoveArticle { .. } => "Move right",
            Command::EditArticleMeta { .. } => "Edit outlet, headline and date",
            Command::SetReference(_) => "Diff against this article",
            Command::SelectClaim(_) => "Select claim",
            Command::SelectGroup(_) => "Select group",
            Command::SetFilter(filter) => filter_label(*filter),
            Command::SetSearch(_) => "Search",
            Command::SetSort(sort) => sort.label(),
            Command::LinkClaims(..) => "Link claims",
            Command::LinkPair { join: true, .. } => "Join the two groups",
            Command::LinkPair { join: false, .. } => "Link only these two claims",
            Command::RemoveLink(..) => "Remove link",
            Command::DismissConflict { .. } => "Not a conflict",
            Command::RestoreConflict { .. } => "Restore",
            Command::SetClaimNote { .. } => "Note on claim",
            Command::SetGroupNote { .. } => "Note on group",
            Command::SetMatching(preset) => preset.label(),
            Command::SetTheme(theme) => theme.label(),
            Command::TogglePanel(panel) => panel.label(),
            Command::ShowDetailsTab(tab) => tab.label(),
            Command::DismissNotice(_) => "Dismiss",
            // Field-free commands: their text is their `UiCommand`'s, returned above.
            field_free_commands!() => "",
        }
    }

    /// A sentence explaining the command, for tooltips.
    pub(crate) fn tooltip(&self) -> &'static str {
        if let Some(command) = self.ui_command() {
            return command.tooltip();
        }
        match self {
            Command::OpenWorkspacePath(_) => "Open this saved comparison",
            Command::SaveAsPath(_) => "Save the comparison to this file",
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
            Command::FetchLink(_) => "Fetch this page and add it as an article",
            Command::OpenPaths(_) => "Add these files as articles",
            Command::AddArticleText { .. } => "Add this text as a new article",
            Command::RemoveArticle(_) => "Take this article out of the comparison",
            Command::CompareSeparately(_) => {
                "This article tells another story: open it in a comparison of its own (a new window) and take it out of this one (Undo brings it back)"
            }
            Command::MoveArticle { .. } => "Change the order of the columns",
            Command::EditArticleMeta { .. } => "Correct the outlet name, headline or date",
            Command::SetReference(_) => "Show how the other outlets differ from this one",
            Command::SelectClaim(_) => "Select this claim and show its counterparts",
            Command::SelectGroup(_) => "Select this group of matching claims",
            Command::SetFilter(_) => "Show only some claim groups",
            Command::SetSearch(_) => "Show only groups whose claims contain this text",
            Command::SetSort(_) => "Change the order of the claim groups",
            Command::LinkClaims(..) => "Mark these claims as stating the same thing",
            Command::LinkPair { join: true, .. } => "Every claim of both groups becomes one group",
            Command::LinkPair { join: false, .. } => {
                "The two claims leave their groups and form a group of their own"
            }
            Command::RemoveLink(..) => "Remove this one link between two claims",
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
            Command::TogglePanel(_) => "Show or hide this panel",
            Command::ShowDetailsTab(_) => "Show this tab",
            Command::DismissNotice(_) => "Close this message",
            // Field-free commands: their text is their `UiCommand`'s, returned above.
            field_free_commands!() => "",
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

impl UiCommand {
    /// The command to carry out; `None` when it needs a selected claim and none is selected.
    pub fn command(self, selected: Option<&ClaimId>) -> Option<Command> {
        Some(match self {
            UiCommand::NewWorkspace => Command::NewWorkspace,
            UiCommand::OpenWorkspace => Command::OpenWorkspace,
            UiCommand::Save => Command::Save,
            UiCommand::SaveAs => Command::SaveAs,
            UiCommand::ExportReport => Command::ExportReport,
            UiCommand::ClearRecent => Command::ClearRecent,
            UiCommand::PostponeRecovery => Command::PostponeRecovery,
            UiCommand::OpenArticles => Command::OpenArticles,
            UiCommand::OpenLink => Command::OpenLink,
            UiCommand::PasteArticle => Command::PasteArticle,
            UiCommand::FocusPathField => Command::FocusPathField,
            UiCommand::OpenDemo => Command::OpenDemo,
            UiCommand::Quit => Command::Quit,
            UiCommand::Undo => Command::Undo,
            UiCommand::Redo => Command::Redo,
            UiCommand::ClearSelection => Command::ClearSelection,
            UiCommand::NextGroup => Command::NextGroup,
            UiCommand::PreviousGroup => Command::PreviousGroup,
            UiCommand::NextConflict => Command::NextConflict,
            UiCommand::PreviousConflict => Command::PreviousConflict,
            UiCommand::FocusSearch => Command::FocusSearch,
            UiCommand::StartLinking => Command::StartLinking,
            UiCommand::CancelLinking => Command::CancelLinking,
            UiCommand::UnlinkSelected => Command::UnlinkClaim(selected?.clone()),
            UiCommand::ResetDecisions => Command::ResetDecisions,
            UiCommand::ZoomIn => Command::ZoomIn,
            UiCommand::ZoomOut => Command::ZoomOut,
            UiCommand::ZoomReset => Command::ZoomReset,
            UiCommand::ToggleShowPossibleDifferences => Command::ToggleShowPossibleDifferences,
            UiCommand::DismissAllNotices => Command::DismissAllNotices,
            UiCommand::ShowShortcuts => Command::ShowShortcuts,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_turns_into_the_command_it_names() {
        let claim = ClaimId("c1".into());
        for command in UiCommand::all() {
            let made = command.command(Some(&claim));
            assert!(made.is_some(), "{command:?}");
            assert_eq!(made.and_then(|c| c.ui_command()), Some(command));
        }
        assert_eq!(UiCommand::UnlinkSelected.command(None), None);
    }
}
