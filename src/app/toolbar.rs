//! The menu bar, the toolbar (getting articles in, navigation, the legend) and the notice bar.

use egui::{Panel, RichText, Ui};

use super::command::Command;
use super::intake;
use super::matching_preset::MatchingPreset;
use super::prefs::{DetailsTab, PanelKind};
use super::state::{NoticeKind, UiState};
use super::theme::{self, ThemeChoice};
use super::view::View;
use super::widgets::{command_button, menu_check, menu_item, menu_item_labelled};
use crate::analysis::text::words::shorten;
use crate::analysis::{ClaimId, GroupStatus};

/// The menu bar: File, Edit, View, Navigate.
pub(crate) fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Command>) {
    Panel::top("menu bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, view, out));
            ui.menu_button("Edit", |ui| edit_menu_ui(ui, view, out));
            ui.menu_button("View", |ui| view_menu_ui(ui, view, out));
            ui.menu_button("Navigate", |ui| {
                let has_groups = !view.comparison().groups.is_empty();
                menu_item(ui, Command::NextGroup, has_groups, out);
                menu_item(ui, Command::PreviousGroup, has_groups, out);
                ui.separator();
                menu_item(ui, Command::NextConflict, has_groups, out);
                menu_item(ui, Command::PreviousConflict, has_groups, out);
                ui.separator();
                menu_item(ui, Command::FocusSearch, true, out);
                menu_item(
                    ui,
                    Command::ClearSelection,
                    view.selected_claim.is_some(),
                    out,
                );
            });
        });
    });
}

fn file_menu_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Command>) {
    let free = !view.dialog_open;
    menu_item(ui, Command::NewWorkspace, true, out);
    menu_item(ui, Command::OpenWorkspace, free, out);
    ui.menu_button("Recent workspaces", |ui| {
        if view.prefs.recent.is_empty() {
            ui.add_enabled(false, egui::Button::new("No recent workspaces"));
        }
        for path in &view.prefs.recent {
            let name = intake::display_name(path);
            let response = ui.button(&name).on_hover_text(path.display().to_string());
            if response.clicked() {
                out.push(Command::OpenWorkspacePath(path.clone()));
                ui.close();
            }
        }
        ui.separator();
        menu_item(ui, Command::ClearRecent, !view.prefs.recent.is_empty(), out);
    });
    ui.separator();
    menu_item(ui, Command::Save, free, out);
    menu_item(ui, Command::SaveAs, free, out);
    menu_item(ui, Command::ExportReport, free, out);
    ui.separator();
    menu_item(ui, Command::OpenArticles, free, out);
    menu_item(ui, Command::OpenLink, true, out);
    menu_item(ui, Command::PasteArticle, true, out);
    menu_item(ui, Command::FocusPathField, true, out);
    ui.separator();
    menu_item(ui, Command::OpenDemo, true, out);
    ui.separator();
    menu_item(ui, Command::Quit, true, out);
}

fn edit_menu_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Command>) {
    let undo = view
        .undo_label
        .map_or("Undo".to_owned(), |l| format!("Undo: {l}"));
    let redo = view
        .redo_label
        .map_or("Redo".to_owned(), |l| format!("Redo: {l}"));
    menu_item_labelled(ui, &undo, Command::Undo, view.undo_label.is_some(), out);
    menu_item_labelled(ui, &redo, Command::Redo, view.redo_label.is_some(), out);
    ui.separator();
    let selected = view
        .selected_claim
        .and_then(|c| view.claim(c))
        .map(|c| c.id.clone());
    menu_item(ui, Command::StartLinking, selected.is_some(), out);
    match selected {
        Some(id) => menu_item(ui, Command::UnlinkClaim(id), true, out),
        None => menu_item(ui, Command::UnlinkClaim(ClaimId(String::new())), false, out),
    }
    let decisions = &view.workspace.decisions;
    let any = !decisions.links.is_empty() || !decisions.unlinks.is_empty();
    menu_item(ui, Command::ResetDecisions, any, out);
    ui.separator();
    let current = MatchingPreset::of(&view.workspace.settings.matching);
    for preset in MatchingPreset::ALL {
        menu_check(
            ui,
            current == Some(preset),
            Command::SetMatching(preset),
            out,
        );
    }
}

fn view_menu_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Command>) {
    ui.menu_button("Theme", |ui| {
        for choice in ThemeChoice::ALL {
            menu_check(
                ui,
                view.prefs.theme == choice,
                Command::SetTheme(choice),
                out,
            );
        }
    });
    menu_item(ui, Command::ZoomIn, true, out);
    menu_item(ui, Command::ZoomOut, true, out);
    menu_item(ui, Command::ZoomReset, true, out);
    ui.separator();
    menu_check(
        ui,
        view.prefs.show_details,
        Command::TogglePanel(PanelKind::Details),
        out,
    );
    menu_check(
        ui,
        view.prefs.show_differences,
        Command::TogglePanel(PanelKind::Differences),
        out,
    );
    ui.separator();
    menu_check(
        ui,
        view.workspace.view.show_possible_differences,
        Command::ToggleShowPossibleDifferences,
        out,
    );
    ui.separator();
    for tab in [DetailsTab::Groups, DetailsTab::Outlets] {
        menu_check(
            ui,
            view.prefs.show_details && view.prefs.details_tab == tab,
            Command::ShowDetailsTab(tab),
            out,
        );
    }
}

/// The toolbar: open, paste, the path field; conflict navigation; linking; the legend.
pub(crate) fn toolbar_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    Panel::top("toolbar")
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 6)))
        .show(ui, |ui| {
            // The path field stays in the row while it is asked for, typed in or focused.
            let path_wanted = state.focus_path
                || !state.path_input.is_empty()
                || ui
                    .ctx()
                    .memory(|m| m.has_focus(egui::Id::unique(PATH_FIELD_ID)));
            let shown = fitting_sections(ui, view, path_wanted);
            ui.horizontal(|ui| {
                for section in Section::ORDER {
                    if shown.contains(&section) {
                        section_ui(ui, section, view, state, out);
                    }
                }
                if shown.len() < Section::ORDER.len() {
                    ui.menu_button("More ▾", |ui| {
                        for section in Section::ORDER {
                            if !shown.contains(&section) {
                                ui.vertical(|ui| section_ui(ui, section, view, state, out));
                                ui.separator();
                            }
                        }
                    })
                    .response
                    .on_hover_text("The toolbar's other buttons, for a narrow window");
                }
                if view.busy {
                    ui.separator();
                    ui.add(egui::Spinner::new());
                    ui.label("Analysing…");
                }
                for status in &view.job_statuses {
                    ui.separator();
                    ui.add(egui::Spinner::new());
                    ui.label(status);
                }
            });
        });
}

/// A part of the toolbar that is shown whole or moved whole into the "More" menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Add articles…, Add link…, Paste article…
    Add,
    /// The typed path or address field.
    Path,
    /// Previous and next conflict.
    Conflicts,
    /// Link with… and Unlink.
    Linking,
    /// The shared / conflicting / single-outlet counts.
    Counts,
}

impl Section {
    /// Left to right.
    const ORDER: [Section; 5] = [
        Section::Add,
        Section::Path,
        Section::Conflicts,
        Section::Linking,
        Section::Counts,
    ];

    /// Most wanted first: what stays when the window is narrow.
    const PRIORITY: [Section; 5] = [
        Section::Counts,
        Section::Conflicts,
        Section::Add,
        Section::Linking,
        Section::Path,
    ];

    /// The texts of its buttons and labels, to measure its width.
    fn texts(self, view: &View<'_>) -> Vec<String> {
        match self {
            Section::Add => vec![
                "Add articles…".into(),
                "Add link…".into(),
                "Paste article…".into(),
            ],
            Section::Path => vec!["Add file".into()],
            Section::Conflicts => vec!["◀ Previous conflict".into(), "Next conflict ▶".into()],
            Section::Linking => vec!["Link with…".into(), "Unlink".into()],
            Section::Counts => {
                let (shared, conflicting, single) = view.status_counts();
                vec![
                    format!("= {shared} shared"),
                    format!("≠ {conflicting} conflicting"),
                    format!("◦ {single} single-outlet"),
                ]
            }
        }
    }
}

/// The path field's widget id (it keeps its focus wherever it is drawn).
const PATH_FIELD_ID: &str = "open path field";

/// Width of the path field itself (its "Add file" button is measured with the texts).
const PATH_FIELD_WIDTH: f32 = 210.0;

/// The sections that fit in one row, by priority; a requested path field always shows.
fn fitting_sections(ui: &Ui, view: &View<'_>, path_wanted: bool) -> Vec<Section> {
    let spacing = ui.spacing();
    let (pad, gap) = (spacing.button_padding.x, spacing.item_spacing.x);
    let font = egui::TextStyle::Button.resolve(ui.style());
    let text_width = |text: &str| {
        ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let width_of = |section: Section| {
        let texts = section.texts(view);
        // The counts are plain labels; everything else is a button with padding.
        let padding = if section == Section::Counts {
            0.0
        } else {
            2.0 * pad
        };
        let mut width: f32 = texts.iter().map(|t| text_width(t) + padding + gap).sum();
        if section == Section::Path {
            width += PATH_FIELD_WIDTH + gap;
        }
        // The separator before it.
        width + 2.0 * gap + 1.0
    };
    let more = text_width("More ▾") + 2.0 * pad + 3.0 * gap;
    let busy = if view.busy || !view.job_statuses.is_empty() {
        140.0
    } else {
        0.0
    };
    let available = ui.available_width() - busy;
    let mut used = 0.0;
    let mut shown = Vec::new();
    let mut priority: Vec<Section> = Section::PRIORITY.to_vec();
    if path_wanted {
        priority.retain(|s| *s != Section::Path);
        priority.insert(0, Section::Path);
    }
    let count = priority.len();
    for (n, section) in priority.into_iter().enumerate() {
        let width = width_of(section);
        let last = n + 1 == count;
        // Room for "More" is kept unless this is the last section.
        let needed = if last { width } else { width + more };
        if used + needed <= available {
            used += width;
            shown.push(section);
        }
    }
    shown
}

fn section_ui(
    ui: &mut Ui,
    section: Section,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    if section != Section::Add {
        ui.separator();
    }
    match section {
        Section::Add => {
            command_button(
                ui,
                "Add articles…",
                Command::OpenArticles,
                !view.dialog_open,
                out,
            );
            command_button(ui, "Add link…", Command::OpenLink, true, out);
            command_button(ui, "Paste article…", Command::PasteArticle, true, out);
        }
        Section::Path => path_field_ui(ui, state, out),
        Section::Conflicts => {
            let has_groups = !view.comparison().groups.is_empty();
            command_button(
                ui,
                "◀ Previous conflict",
                Command::PreviousConflict,
                has_groups,
                out,
            );
            command_button(
                ui,
                "Next conflict ▶",
                Command::NextConflict,
                has_groups,
                out,
            );
        }
        Section::Linking => {
            let selected = view
                .selected_claim
                .and_then(|c| view.claim(c))
                .map(|c| c.id.clone());
            command_button(
                ui,
                "Link with…",
                Command::StartLinking,
                selected.is_some(),
                out,
            );
            command_button(
                ui,
                "Unlink",
                Command::UnlinkClaim(selected.clone().unwrap_or(ClaimId(String::new()))),
                selected.is_some(),
                out,
            );
        }
        Section::Counts => {
            if !view.comparison().groups.is_empty() {
                legend_ui(ui, view);
            }
        }
    }
}

/// "Open path": a field where a file path can be typed, for when no dialog can be shown.
fn path_field_ui(ui: &mut Ui, state: &mut UiState, out: &mut Vec<Command>) {
    let response = ui.add(
        egui::TextEdit::singleline(&mut state.path_input)
            .id(egui::Id::unique(PATH_FIELD_ID))
            .hint_text("File path or web address…")
            .desired_width(210.0),
    );
    let response = response
        .accessible_name("Open path")
        .on_hover_text(Command::FocusPathField.hover_text(ui.ctx()));
    if std::mem::take(&mut state.focus_path) {
        response.request_focus();
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let has_text = !state.path_input.trim().is_empty();
    let add = ui
        .add_enabled(has_text, egui::Button::new("Add file"))
        .on_hover_text(
            "Add the article at this path or web address (a workspace .ron opens instead)",
        )
        .on_disabled_hover_text("Type a file path or a web address first");
    if (entered || add.clicked()) && has_text {
        if crate::ingest::fetch::is_web_address(&state.path_input) {
            out.push(Command::FetchLink(state.path_input.trim().to_owned()));
        } else {
            let paths = intake::parse_typed_paths(&state.path_input);
            if !paths.is_empty() {
                out.push(Command::OpenPaths(paths));
            }
        }
        state.path_input.clear();
    }
}

/// The status colours and symbols with how many groups have each.
fn legend_ui(ui: &mut Ui, view: &View<'_>) {
    let (shared, conflicting, single) = view.status_counts();
    let palette = &view.palette;
    for (status, count) in [
        (GroupStatus::Shared, shared),
        (GroupStatus::Conflicting, conflicting),
        (GroupStatus::SingleOutlet, single),
    ] {
        ui.label(
            RichText::new(format!("{} {count} {}", status.symbol(), status.label()))
                .color(palette.status(status)),
        )
        .on_hover_text(match status {
            GroupStatus::Shared => "Claims several outlets report and agree on",
            GroupStatus::Conflicting => {
                "Claims several outlets report with a different number, date, source or quote"
            }
            GroupStatus::SingleOutlet => "Claims only one outlet reports",
        });
    }
}

/// Notices (errors, information with an optional action) and the link-mode banner.
pub(crate) fn notices_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    if state.notices.is_empty() && !state.linking {
        return;
    }
    let palette = view.palette;
    Panel::top("notices")
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 4)))
        .show_separator_line(false)
        .show(ui, |ui| {
            if state.linking {
                let claim = view
                    .selected_claim
                    .and_then(|c| view.claim(c))
                    .map(|c| shorten(&c.text, 80))
                    .unwrap_or_default();
                notice_frame(ui, palette.info_bg, |ui| {
                    ui.label(RichText::new("Linking").strong().color(palette.user));
                    ui.label(format!(
                        "Click the claim in another column that states the same as “{claim}”."
                    ));
                    command_button(ui, "Cancel", Command::CancelLinking, true, out);
                });
            }
            if state.notices.len() > 1 {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} messages", state.notices.len()))
                            .small()
                            .color(palette.dim),
                    );
                    command_button(ui, "Dismiss all", Command::DismissAllNotices, true, out);
                });
            }
            for notice in &state.notices {
                let (fill, title) = match notice.kind {
                    NoticeKind::Error => (palette.error_bg, "Error"),
                    NoticeKind::Info => (palette.info_bg, "Note"),
                };
                notice_frame(ui, fill, |ui| {
                    let color = match notice.kind {
                        NoticeKind::Error => palette.conflicting,
                        NoticeKind::Info => palette.focus,
                    };
                    ui.label(RichText::new(title).strong().color(color));
                    ui.label(&notice.text);
                    if let Some(action) = &notice.action {
                        command_button(ui, action.label(), action.clone(), true, out);
                    }
                    let dismiss = ui
                        .button("Dismiss")
                        .on_hover_text(Command::DismissNotice(notice.id).tooltip());
                    if dismiss.clicked() {
                        out.push(Command::DismissNotice(notice.id));
                    }
                });
            }
        });
}

fn notice_frame(ui: &mut Ui, fill: egui::Color32, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(egui::CornerRadius::same(theme::CORNER_RADIUS))
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(add);
        });
}

/// The list of keyboard shortcuts (Help ▸ Keyboard shortcuts, F1).
pub(crate) fn shortcuts_window_ui(ui: &Ui, state: &mut UiState, out: &mut Vec<Command>) {
    if !state.show_shortcuts {
        return;
    }
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .spacing(egui::vec2(24.0, 4.0))
                .show(ui, |ui| {
                    let os = super::ui_command::Os::current();
                    for command in super::ui_command::UiCommand::all() {
                        let shortcuts = command.shortcuts(os);
                        if shortcuts.is_empty() {
                            continue;
                        }
                        let keys: Vec<String> = shortcuts
                            .iter()
                            .map(|s| ui.ctx().format_shortcut(s))
                            .collect();
                        ui.label(command.label());
                        ui.label(RichText::new(keys.join("  or  ")).monospace());
                        ui.end_row();
                    }
                    for (what, how) in [
                        (
                            "Select a claim and its counterparts",
                            "Click, or Tab then Enter",
                        ),
                        ("Link or unlink a claim", "Right-click it"),
                        ("Add articles", "Drop files on the window"),
                    ] {
                        ui.label(what);
                        ui.label(RichText::new(how).monospace());
                        ui.end_row();
                    }
                });
        });
    if !open {
        out.push(Command::ShowShortcuts);
    }
}
