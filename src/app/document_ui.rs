//! The workspace dialogs: "Save changes?", "changed on disk", the restore offer after a crash,
//! "add article from link", and the typed "save as" path when no native dialog exists.

use super::state::Modal;
use std::time::SystemTime;

use egui::{Id, RichText, Ui};

use super::command::{ChangedAnswer, Command, UnsavedAnswer};
use super::intake;
use super::state::UiState;
use super::view::View;
use super::widgets::command_button;

/// Draw whichever workspace dialog is open (at most one is shown at a time).
pub(crate) fn dialogs_ui(
    ui: &Ui,
    view: &View<'_>,
    state: &mut UiState,
    document_name: &str,
    out: &mut Vec<Command>,
) {
    if !state.restore_offer.is_empty() {
        restore_offer_ui(ui, view, state, out);
    } else {
        match &state.modal {
            Some(Modal::Unsaved(_)) => unsaved_prompt_ui(ui, view, document_name, out),
            Some(Modal::ChangedOnDisk(_)) => changed_prompt_ui(ui, view, document_name, out),
            Some(Modal::SavePath(_)) => save_path_ui(ui, view, state, out),
            Some(Modal::Link(_)) => link_dialog_ui(ui, view, state, out),
            Some(Modal::LinkChoice(..)) => link_choice_ui(ui, view, state, out),
            // The paste dialog draws itself (paste_dialog.rs).
            Some(Modal::Paste(_)) | None => {}
        }
    }
}

fn heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(17.0).strong());
}

fn unsaved_prompt_ui(ui: &Ui, view: &View<'_>, document_name: &str, out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("unsaved changes dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        heading(ui, &format!("Save changes to “{document_name}”?"));
        ui.label(
            RichText::new(
                "This comparison has changes that are not saved. If you don't save them, they \
                 are lost.",
            )
            .color(view.palette.dim),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let save = command_button(
                ui,
                "Save",
                Command::AnswerUnsaved(UnsavedAnswer::Save),
                true,
                out,
            );
            if !save.has_focus() && !ui.ctx().memory(|m| m.focused().is_some()) {
                save.request_focus();
            }
            command_button(
                ui,
                "Don't save",
                Command::AnswerUnsaved(UnsavedAnswer::DontSave),
                true,
                out,
            );
            command_button(
                ui,
                "Cancel",
                Command::AnswerUnsaved(UnsavedAnswer::Cancel),
                true,
                out,
            );
        });
    });
    if response.should_close() {
        out.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
    }
}

fn changed_prompt_ui(ui: &Ui, view: &View<'_>, document_name: &str, out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("changed on disk dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        heading(
            ui,
            &format!("“{document_name}” was changed by another program"),
        );
        ui.label(
            RichText::new(
                "The file on disk is no longer the one you opened here. Overwriting replaces \
                 the other program's changes with this window's comparison; Save as… keeps \
                 both.",
            )
            .color(view.palette.dim),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            command_button(
                ui,
                "Save as…",
                Command::AnswerChangedOnDisk(ChangedAnswer::SaveAs),
                true,
                out,
            );
            command_button(
                ui,
                "Overwrite",
                Command::AnswerChangedOnDisk(ChangedAnswer::Overwrite),
                true,
                out,
            );
            command_button(
                ui,
                "Cancel",
                Command::AnswerChangedOnDisk(ChangedAnswer::Cancel),
                true,
                out,
            );
        });
    });
    if response.should_close() {
        out.push(Command::AnswerChangedOnDisk(ChangedAnswer::Cancel));
    }
}

fn restore_offer_ui(ui: &Ui, view: &View<'_>, state: &UiState, out: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("restore offer dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        heading(ui, "Restore unsaved work?");
        ui.label(
            RichText::new(
                "claimdiff did not close properly last time. This work had not been saved; \
                 it was kept automatically:",
            )
            .color(view.palette.dim),
        );
        ui.add_space(6.0);
        for (index, pending) in state.restore_offer.iter().enumerate() {
            ui.horizontal(|ui| {
                let what = match &pending.original {
                    Some(path) => format!("Changes to “{}”", intake::display_name(path)),
                    None => "An unsaved comparison".to_owned(),
                };
                let when = pending.written.map(ago).unwrap_or_default();
                ui.label(RichText::new(what).strong());
                if !when.is_empty() {
                    ui.label(RichText::new(when).color(view.palette.dim));
                }
                if pending.problem.is_none() {
                    command_button(ui, "Restore", Command::RestoreRecovery(index), true, out);
                }
                command_button(ui, "Discard", Command::DiscardRecovery(index), true, out);
            });
            if let Some(problem) = &pending.problem {
                ui.label(
                    RichText::new(format!("It can't be read: {problem}"))
                        .color(view.palette.conflicting),
                );
            }
        }
        ui.add_space(10.0);
        command_button(ui, "Decide later", Command::PostponeRecovery, true, out);
    });
    if response.should_close() {
        out.push(Command::PostponeRecovery);
    }
}

/// "12 minutes ago", for a snapshot's time.
fn ago(when: SystemTime) -> String {
    let seconds = SystemTime::now()
        .duration_since(when)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    match seconds {
        0..60 => "moments ago".to_owned(),
        60..3600 => plural(seconds / 60, "minute"),
        3600..86_400 => plural(seconds / 3600, "hour"),
        _ => plural(seconds / 86_400, "day"),
    }
}

fn link_dialog_ui(ui: &Ui, view: &View<'_>, state: &mut UiState, out: &mut Vec<Command>) {
    let Some(Modal::Link(dialog)) = state.modal.as_mut() else {
        return;
    };
    let mut cancel = false;
    let response = egui::Modal::new(Id::unique("open link dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        heading(ui, "Add an article from a web page");
        ui.label(
            RichText::new(
                "claimdiff fetches the page once, keeps its article text in the comparison \
                 and loads nothing else from it (no scripts, no images).",
            )
            .color(view.palette.dim),
        );
        ui.add_space(6.0);
        let label = ui.label("Web address");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.url)
                    .hint_text("https://…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut dialog.focus_pending) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let has_text = !dialog.url.trim().is_empty();
            let fetch = ui
                .add_enabled(has_text, egui::Button::new("Fetch and add"))
                .on_hover_text("Fetch this page and add it as an article")
                .on_disabled_hover_text("Type or paste a web address first");
            if (fetch.clicked() || entered) && has_text {
                out.push(Command::FetchLink(dialog.url.clone()));
            }
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel || response.should_close() {
        state.modal = None;
    }
}

fn save_path_ui(ui: &Ui, view: &View<'_>, state: &mut UiState, out: &mut Vec<Command>) {
    let Some(Modal::SavePath(path)) = state.modal.as_mut() else {
        return;
    };
    let mut cancel = false;
    let response = egui::Modal::new(Id::unique("save path dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        heading(ui, "Save workspace as");
        ui.label(
            RichText::new(
                "No file dialog could be shown here. Type where to save the workspace \
                 (a name without “.ron” gets “.claimdiff.ron”).",
            )
            .color(view.palette.dim),
        );
        ui.add_space(6.0);
        let label = ui.label("File path");
        let field = ui
            .add(egui::TextEdit::singleline(path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter && !ui.ctx().memory(|m| m.focused().is_some()) {
            field.request_focus();
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let typed = intake::parse_typed_paths(path);
            let save = ui.add_enabled(typed.len() == 1, egui::Button::new("Save"));
            if (save.clicked() || enter)
                && let Some(target) = typed.into_iter().next()
            {
                out.push(Command::SaveAsPath(target));
            }
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel || response.should_close() {
        state.modal = None;
        state.after_save = None;
    }
}

/// "This link joins two groups": what would join, and the choice between joining them and
/// linking only the pair.
fn link_choice_ui(ui: &Ui, view: &View<'_>, state: &mut UiState, out: &mut Vec<Command>) {
    let Some(Modal::LinkChoice(a, b)) = state.modal.as_ref() else {
        return;
    };
    let (a, b) = (a.clone(), b.clone());
    let comparison = view.comparison();
    let group_of = |id: &crate::analysis::ClaimId| {
        comparison
            .claim_by_id(id)
            .and_then(|i| comparison.claims.get(i))
            .and_then(|c| comparison.groups.get(c.group))
    };
    let (Some(group_a), Some(group_b)) = (group_of(&a), group_of(&b)) else {
        state.modal = None;
        return;
    };
    let mut cancel = false;
    let response = egui::Modal::new(Id::unique("link joins groups dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(620.0);
        heading(ui, "This link joins two groups");
        ui.label(
            RichText::new(
                "Both claims already belong to groups of matching claims. Join the groups, or \
                 link only these two claims (they leave their groups).",
            )
            .color(view.palette.dim),
        );
        for (title, group) in [("First group", group_a), ("Second group", group_b)] {
            ui.add_space(6.0);
            ui.label(RichText::new(format!("{title} ({} claims)", group.members.len())).strong());
            const SHOWN: usize = 8;
            let chosen_first = group
                .members
                .iter()
                .copied()
                .filter_map(|m| comparison.claims.get(m))
                .filter(|c| c.id == a || c.id == b);
            let others = group
                .members
                .iter()
                .copied()
                .filter_map(|m| comparison.claims.get(m))
                .filter(|c| c.id != a && c.id != b);
            let listed: Vec<_> = chosen_first.chain(others).collect();
            let more = listed.len().saturating_sub(SHOWN);
            for claim in listed.into_iter().take(SHOWN) {
                let chosen = claim.id == a || claim.id == b;
                let text = format!(
                    "{}{}: {}",
                    if chosen { "▶ " } else { "" },
                    view.outlet(claim.article),
                    crate::analysis::text::words::shorten(&claim.text, 110)
                );
                let text = RichText::new(text);
                ui.label(if chosen {
                    text.strong()
                } else {
                    text.color(view.palette.dim)
                });
            }
            if more > 0 {
                ui.label(RichText::new(format!("… and {more} more")).color(view.palette.dim));
            }
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let join = Command::LinkPair {
                a: a.clone(),
                b: b.clone(),
                join: true,
            };
            command_button(ui, join.label(), join.clone(), true, out);
            let pair = Command::LinkPair {
                a: a.clone(),
                b: b.clone(),
                join: false,
            };
            command_button(ui, pair.label(), pair.clone(), true, out);
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel || response.should_close() {
        state.modal = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn snapshot_ages_read_naturally() {
        let now = SystemTime::now();
        assert_eq!(ago(now), "moments ago");
        assert_eq!(ago(now - Duration::from_secs(61)), "1 minute ago");
        assert_eq!(ago(now - Duration::from_secs(7200)), "2 hours ago");
        assert_eq!(ago(now - Duration::from_secs(3 * 86_400)), "3 days ago");
    }
}
