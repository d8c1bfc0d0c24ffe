//! "Add article from text": a dialog with a text box, filled from the clipboard when there is
//! text on it, so an article can be added with or without a clipboard.

use super::state::Modal;
use egui::{Id, RichText, Ui};

use super::command::Command;
use super::state::UiState;
use super::view::View;

/// The paste dialog, when open.
pub(crate) fn paste_dialog_ui(
    ui: &Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let Some(Modal::Paste(dialog)) = state.modal.as_mut() else {
        return;
    };
    let mut close = false;
    let mut add = false;
    let response = egui::Modal::new(Id::unique("paste article dialog")).show(ui.ctx(), |ui| {
        ui.set_width(560.0_f32.min(ui.ctx().content_rect().width() - 80.0));
        ui.label(
            RichText::new("Add an article from text")
                .size(17.0)
                .strong(),
        );
        ui.label(
            RichText::new(
                "Paste or type the article: the headline on the first line, optionally \
                 “Outlet:” and “Date:” lines, then the text.",
            )
            .color(view.palette.dim),
        );
        ui.add_space(6.0);
        let text_label = ui.label("Article text");
        let text = egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut dialog.text)
                        .desired_rows(12)
                        .desired_width(f32::INFINITY)
                        .hint_text("Headline\nOutlet: …\nDate: …\n\nFirst paragraph…"),
                )
                .labelled_by(text_label.id)
            })
            .inner;
        if std::mem::take(&mut dialog.focus_pending) {
            text.request_focus();
            if state.awaiting_clipboard && dialog.text.is_empty() {
                // The clipboard's text arrives as a paste into the focused text box.
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            state.awaiting_clipboard = false;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Outlet name");
            ui.add(
                egui::TextEdit::singleline(&mut dialog.outlet)
                    .hint_text("used when the text names none")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let has_text = !dialog.text.trim().is_empty();
            add = ui
                .add_enabled(has_text, egui::Button::new("Add"))
                .on_hover_text("Add this text as a new article")
                .on_disabled_hover_text("Paste or type the article text first")
                .clicked();
            close = ui.button("Cancel").clicked();
        });
    });
    if add {
        out.push(Command::AddArticleText {
            text: dialog.text.clone(),
            outlet: dialog.outlet.clone(),
        });
    } else if close || response.should_close() {
        state.modal = None;
    }
}
