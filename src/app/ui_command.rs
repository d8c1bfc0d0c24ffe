//! The window's field-free commands: everything that has a menu entry, a toolbar button or a
//! keyboard shortcut, with its label, tooltip, shortcuts on each OS and where the shortcut
//! works. Every `match` here is exhaustive, so a new command cannot be added without deciding
//! its text and its keys; `tests` walk every command on Windows, macOS and Linux and fail on a
//! clash. Commands that carry data (a path, a claim) are `Command`s; each of these turns into
//! one with `UiCommand::command` (in `command.rs`).

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::{EnumIter, IntoEnumIterator as _};

/// A command without data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum UiCommand {
    /// Start an empty workspace.
    NewWorkspace,
    /// Open a workspace with the native dialog.
    OpenWorkspace,
    /// Save the workspace.
    Save,
    /// Save the workspace under a new name.
    SaveAs,
    /// Export the report.
    ExportReport,
    /// Forget the recent workspaces.
    ClearRecent,
    /// Close the restore offer for now.
    PostponeRecovery,
    /// Add article files.
    OpenArticles,
    /// Add an article from a web address.
    OpenLink,
    /// Add an article from text.
    PasteArticle,
    /// Type a path or address.
    FocusPathField,
    /// Open the demo story.
    OpenDemo,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Clear the selection.
    ClearSelection,
    /// Select the next group.
    NextGroup,
    /// Select the previous group.
    PreviousGroup,
    /// Select the next conflict.
    NextConflict,
    /// Select the previous conflict.
    PreviousConflict,
    /// Search claims and notes.
    FocusSearch,
    /// Link the selected claim with the next claim clicked.
    StartLinking,
    /// Leave link mode.
    CancelLinking,
    /// Take the selected claim out of its group.
    UnlinkSelected,
    /// Forget every manual link and unlink.
    ResetDecisions,
    /// Make everything bigger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Also show possible differences.
    ToggleShowPossibleDifferences,
    /// Close every notice.
    DismissAllNotices,
    /// List the keyboard shortcuts.
    ShowShortcuts,
}

/// The operating systems whose shortcut conventions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter)]
pub enum Os {
    /// Windows.
    Windows,
    /// macOS.
    MacOs,
    /// Linux and the other Unixes.
    Linux,
}

impl Os {
    /// The OS this build runs on.
    pub fn current() -> Self {
        if cfg!(target_os = "macos") {
            Os::MacOs
        } else if cfg!(windows) {
            Os::Windows
        } else {
            Os::Linux
        }
    }
}

/// Where a shortcut works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, also while typing in a text field (Ctrl+S, F7).
    Everywhere,
    /// Only while no text field has the keyboard: plain letters, Escape, arrows, and undo
    /// (text fields have their own).
    OutsideTextFields,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

impl UiCommand {
    /// Every command.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        UiCommand::iter()
    }

    /// Short text for menus and buttons.
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::NewWorkspace => "New workspace",
            UiCommand::OpenWorkspace => "Open workspace…",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save as…",
            UiCommand::ExportReport => "Export report…",
            UiCommand::ClearRecent => "Clear recent workspaces",
            UiCommand::PostponeRecovery => "Decide later",
            UiCommand::OpenArticles => "Add articles…",
            UiCommand::OpenLink => "Add article from link…",
            UiCommand::PasteArticle => "Paste as new article…",
            UiCommand::FocusPathField => "Open path…",
            UiCommand::OpenDemo => "Open the demo story",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::ClearSelection => "Clear selection",
            UiCommand::NextGroup => "Next group",
            UiCommand::PreviousGroup => "Previous group",
            UiCommand::NextConflict => "Next conflict",
            UiCommand::PreviousConflict => "Previous conflict",
            UiCommand::FocusSearch => "Search all articles…",
            UiCommand::StartLinking => "Link with…",
            UiCommand::CancelLinking => "Cancel linking",
            UiCommand::UnlinkSelected => "Unlink from group",
            UiCommand::ResetDecisions => "Reset manual links",
            UiCommand::ZoomIn => "Zoom in",
            UiCommand::ZoomOut => "Zoom out",
            UiCommand::ZoomReset => "Reset zoom",
            UiCommand::ToggleShowPossibleDifferences => "Show possible differences",
            UiCommand::DismissAllNotices => "Dismiss all",
            UiCommand::ShowShortcuts => "Keyboard shortcuts",
        }
    }

    /// A sentence explaining the command, for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            UiCommand::NewWorkspace => "Start an empty comparison",
            UiCommand::OpenWorkspace => "Open a saved comparison (.claimdiff.ron)",
            UiCommand::Save => "Save the comparison: articles, links, notes and settings",
            UiCommand::SaveAs => "Save the comparison to a new file",
            UiCommand::ExportReport => {
                "Write the comparison with your decisions and notes to a Markdown, HTML, CSV or JSON file"
            }
            UiCommand::ClearRecent => "Forget the list of recently opened workspaces",
            UiCommand::PostponeRecovery => {
                "Keep the unsaved work; it is offered again at the next start"
            }
            UiCommand::OpenArticles => "Add article files (.txt, .md, .html) to the comparison",
            UiCommand::OpenLink => "Fetch a news page from the web and add it as an article",
            UiCommand::PasteArticle => "Add an article from the clipboard or from text you type",
            UiCommand::FocusPathField => "Type the path of an article file to add it",
            UiCommand::OpenDemo => {
                "Replace the open articles with four outlets' reports of one flood"
            }
            UiCommand::Quit => "Close claimdiff",
            UiCommand::Undo => "Undo the last change to the articles, links, decisions or notes",
            UiCommand::Redo => "Redo the change undone last",
            UiCommand::ClearSelection => "Clear the selection and leave link mode",
            UiCommand::NextGroup => "Select the next claim group",
            UiCommand::PreviousGroup => "Select the previous claim group",
            UiCommand::NextConflict => "Jump to the next claim the outlets disagree on",
            UiCommand::PreviousConflict => "Jump to the previous claim the outlets disagree on",
            UiCommand::FocusSearch => "Find claims or notes containing a word, in every article",
            UiCommand::StartLinking => {
                "Link the selected claim with a claim of another outlet that states the same thing"
            }
            UiCommand::CancelLinking => "Stop linking without changing anything",
            UiCommand::UnlinkSelected => {
                "Take the selected claim out of its group: it does not state the same thing"
            }
            UiCommand::ResetDecisions => "Forget every link and unlink you made",
            UiCommand::ZoomIn => "Make text and controls bigger",
            UiCommand::ZoomOut => "Make text and controls smaller",
            UiCommand::ZoomReset => "Show text and controls at their normal size",
            UiCommand::ToggleShowPossibleDifferences => {
                "Also show weak differences: times, sources and negations that may belong to different facts"
            }
            UiCommand::DismissAllNotices => "Close every message",
            UiCommand::ShowShortcuts => "List every keyboard shortcut",
        }
    }

    /// Every shortcut of the command on `os`, the one shown in menus first.
    pub fn shortcuts(self, os: Os) -> Vec<KeyboardShortcut> {
        match self {
            UiCommand::NewWorkspace => vec![key(CMD, Key::N)],
            UiCommand::OpenWorkspace => vec![key(CMD, Key::O)],
            UiCommand::Save => vec![key(CMD, Key::S)],
            UiCommand::SaveAs => vec![key(CMD_SHIFT, Key::S)],
            UiCommand::ExportReport => vec![key(CMD_SHIFT, Key::E)],
            UiCommand::OpenArticles => vec![key(CMD_SHIFT, Key::O)],
            UiCommand::OpenLink => vec![key(CMD_SHIFT, Key::L)],
            UiCommand::PasteArticle => vec![key(CMD_SHIFT, Key::V)],
            UiCommand::FocusPathField => vec![key(CMD, Key::L)],
            UiCommand::Quit => vec![key(CMD, Key::Q)],
            UiCommand::Undo => vec![key(CMD, Key::Z)],
            UiCommand::Redo => match os {
                Os::MacOs => vec![key(CMD_SHIFT, Key::Z)],
                Os::Windows | Os::Linux => vec![key(CMD, Key::Y), key(CMD_SHIFT, Key::Z)],
            },
            UiCommand::NextGroup => vec![key(NONE, Key::J), key(Modifiers::ALT, Key::ArrowDown)],
            UiCommand::PreviousGroup => {
                vec![key(NONE, Key::K), key(Modifiers::ALT, Key::ArrowUp)]
            }
            UiCommand::NextConflict => vec![key(NONE, Key::F7)],
            UiCommand::PreviousConflict => vec![key(Modifiers::SHIFT, Key::F7)],
            UiCommand::FocusSearch => vec![key(CMD, Key::F)],
            UiCommand::StartLinking => vec![key(NONE, Key::L)],
            UiCommand::UnlinkSelected => vec![key(NONE, Key::U)],
            UiCommand::ClearSelection => vec![key(NONE, Key::Escape)],
            UiCommand::ZoomIn => vec![key(CMD, Key::Plus), key(CMD, Key::Equals)],
            UiCommand::ZoomOut => vec![key(CMD, Key::Minus)],
            UiCommand::ZoomReset => vec![key(CMD, Key::Num0)],
            UiCommand::ShowShortcuts => vec![key(NONE, Key::F1)],
            UiCommand::ClearRecent
            | UiCommand::PostponeRecovery
            | UiCommand::OpenDemo
            | UiCommand::CancelLinking
            | UiCommand::ResetDecisions
            | UiCommand::ToggleShowPossibleDifferences
            | UiCommand::DismissAllNotices => Vec::new(),
        }
    }

    /// Where the command's shortcuts work.
    pub fn scope(self) -> Scope {
        match self {
            // Plain keys and arrows belong to a text field while one has the keyboard; so does
            // undo (the field's own).
            UiCommand::NextGroup
            | UiCommand::PreviousGroup
            | UiCommand::StartLinking
            | UiCommand::UnlinkSelected
            | UiCommand::ClearSelection
            | UiCommand::Undo
            | UiCommand::Redo => Scope::OutsideTextFields,
            UiCommand::NewWorkspace
            | UiCommand::OpenWorkspace
            | UiCommand::Save
            | UiCommand::SaveAs
            | UiCommand::ExportReport
            | UiCommand::ClearRecent
            | UiCommand::PostponeRecovery
            | UiCommand::OpenArticles
            | UiCommand::OpenLink
            | UiCommand::PasteArticle
            | UiCommand::FocusPathField
            | UiCommand::OpenDemo
            | UiCommand::Quit
            | UiCommand::NextConflict
            | UiCommand::PreviousConflict
            | UiCommand::FocusSearch
            | UiCommand::CancelLinking
            | UiCommand::ResetDecisions
            | UiCommand::ZoomIn
            | UiCommand::ZoomOut
            | UiCommand::ZoomReset
            | UiCommand::ToggleShowPossibleDifferences
            | UiCommand::DismissAllNotices
            | UiCommand::ShowShortcuts => Scope::Everywhere,
        }
    }

    /// Every (command, shortcut) pair on `os`, the shortcuts with most modifiers first: egui
    /// matches a shortcut when its modifiers are held even if more are (Ctrl+Z matches a
    /// Ctrl+Shift+Z press), so Ctrl+Shift+Z (redo) and Shift+F7 must be tried before Ctrl+Z
    /// (undo) and F7.
    pub fn shortcut_precedence(os: Os) -> Vec<(UiCommand, KeyboardShortcut)> {
        let mut pairs: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::all()
            .flat_map(|c| c.shortcuts(os).into_iter().map(move |s| (c, s)))
            .collect();
        pairs.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        pairs
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shortcut as the OS sees it: Ctrl on Windows and Linux and Cmd on macOS are one key.
    fn normalized(s: &KeyboardShortcut) -> (bool, bool, bool, Key) {
        let m = s.modifiers;
        (
            m.ctrl || m.command || m.mac_cmd,
            m.alt,
            m.shift,
            s.logical_key,
        )
    }

    #[test]
    fn no_two_commands_share_a_shortcut_on_any_os() {
        for os in Os::iter() {
            let all: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::all()
                .flat_map(|c| c.shortcuts(os).into_iter().map(move |s| (c, s)))
                .collect();
            for (i, (a, sa)) in all.iter().enumerate() {
                for (b, sb) in &all[i + 1..] {
                    // Both scopes are live while no text field has the keyboard, so any two
                    // equal shortcuts clash.
                    assert!(
                        normalized(sa) != normalized(sb),
                        "{os:?}: {a:?} and {b:?} share {sa:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_keys_never_steal_typing() {
        for os in Os::iter() {
            for command in UiCommand::all() {
                for s in command.shortcuts(os) {
                    let function_key = matches!(
                        s.logical_key,
                        Key::F1
                            | Key::F2
                            | Key::F3
                            | Key::F4
                            | Key::F5
                            | Key::F6
                            | Key::F7
                            | Key::F8
                    );
                    if s.conflicts_with_text_editing() && !function_key {
                        assert_eq!(
                            command.scope(),
                            Scope::OutsideTextFields,
                            "{os:?}: {command:?} {s:?} would fire while typing"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_shortcut_reaches_its_own_command() {
        // Pressing a command's shortcut runs the first pair in precedence order whose shortcut
        // egui matches: it must be that command's.
        for os in Os::iter() {
            let order = UiCommand::shortcut_precedence(os);
            for (command, pressed) in &order {
                let first = order.iter().find(|(_, s)| {
                    s.logical_key == pressed.logical_key
                        && pressed.modifiers.matches_logically(s.modifiers)
                });
                assert_eq!(
                    first.map(|(c, _)| c),
                    Some(command),
                    "{os:?}: {pressed:?} runs {first:?}"
                );
            }
        }
    }

    #[test]
    fn macos_redo_follows_the_mac_convention() {
        assert_eq!(
            UiCommand::Redo.shortcuts(Os::MacOs),
            vec![key(CMD_SHIFT, Key::Z)]
        );
        assert!(
            UiCommand::Redo
                .shortcuts(Os::Windows)
                .contains(&key(CMD, Key::Y))
        );
    }
}
