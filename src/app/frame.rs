//! The frame: polling background work, reading input, drawing the panels and applying what
//! the user did.

use super::state::Modal;
use super::ui_command::{Os, Scope, UiCommand};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::App;
use super::command::Command;
use super::prefs::PREFS_KEY;
use super::state::PasteDialog;
use super::worker::Poll;
use super::{columns, details, document_ui, paste_dialog, theme, toolbar, view, widgets};

impl App {
    /// Draw the whole window into `ui` and apply what the user did. `eframe::App::ui` calls this;
    /// tests may call it from a plain kittest harness.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.setup_done {
            // Fonts take effect from the next pass; draw nothing until then.
            theme::setup(&ctx);
            self.setup_done = true;
            ctx.request_repaint();
            return;
        }
        if std::mem::take(&mut self.ui.prefs_changed) {
            ctx.set_theme(self.prefs.theme.preference());
            ctx.set_zoom_factor(self.prefs.zoom);
        }
        let poll = self.analyser.poll();
        if poll != Poll::Idle {
            ctx.request_repaint();
        }
        self.after_poll(poll);
        self.poll_file_dialog();
        let finished = self.jobs.poll();
        if !finished.is_empty() {
            for done in finished {
                self.job_done(done);
            }
            self.observe_changes();
            ctx.request_repaint();
        }
        let close_asked = ctx.input(|i| i.viewport().close_requested());
        if close_asked && !self.ui.allow_close {
            // Nothing is closed over unsaved work: ask first (or close at once when there is
            // none).
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Command::Quit);
        }
        self.read_input(&ctx);
        self.refresh_order();

        self.ui.hovered_group_now = None;
        self.ui.highlighted.clear();
        let mut commands = std::mem::take(&mut self.pending);
        self.draw(ui, &mut commands);
        self.ui.text_focus_last_frame = ctx.text_edit_focused();
        if self.ui.hovered_group_now != self.ui.hovered_group {
            self.ui.hovered_group = self.ui.hovered_group_now;
            ctx.request_repaint();
        }

        let changed = !commands.is_empty();
        for command in commands {
            self.apply(command);
        }
        if changed {
            self.refresh_order();
            ctx.request_repaint();
        }
        let title = self.title();
        if title != self.ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui.title = title;
        }
        if self.ui.close_requested && self.ui.allow_close && !self.ui.close_sent {
            self.ui.close_sent = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let now = Instant::now();
        self.autosave_tick(now);
        if let Some(left) = self.autosave.time_left(now) {
            ctx.request_repaint_after(left);
        }
        if self.analyser.is_busy() || self.ui.file_dialog.is_some() || self.jobs.any_running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// Keyboard shortcuts, dropped files and pasted text become commands.
    fn read_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            if self.ui.modal.is_some() {
                // A dialog is waiting for an answer; what it leads to stays as asked.
                self.ui.notify(
                    super::state::NoticeKind::Info,
                    "Close the open dialog first, then drop the files again.",
                );
            } else {
                self.pending.push(Command::OpenPaths(dropped));
            }
        }
        if self.ui.modal.is_some() || self.ui.editing.is_some() || !self.ui.restore_offer.is_empty()
        {
            // A dialog or an in-place edit has the keyboard.
            return;
        }
        // A text field or an open menu has the plain keys (letters, arrows, Escape). egui drops
        // a field's focus on Escape before the frame starts, so a field focused in the last
        // frame still counts: its Escape is the field's, not "clear the selection".
        let text_focus = ctx.text_edit_focused()
            || self.ui.text_focus_last_frame
            || egui::Popup::is_any_open(ctx);
        if !text_focus {
            // Ctrl+V on the window (not in a text field) opens the paste dialog with the text.
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                self.ui.modal = Some(Modal::Paste(PasteDialog {
                    text,
                    outlet: String::new(),
                    focus_pending: true,
                }));
                return;
            }
        }
        for (command, shortcut) in UiCommand::shortcut_precedence(Os::current()) {
            if text_focus && command.scope() == Scope::OutsideTextFields {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                let selected = self.ui.selection.as_ref().map(|s| &s.claim);
                if let Some(command) = command.command(selected) {
                    self.pending.push(command);
                }
            }
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let selected_claim = self.selected_claim();
        let selected_group = self.selected_group();
        let document_name = self.document_name();
        let App {
            workspace,
            keys,
            analyser,
            ui: state,
            prefs,
            order,
            history,
            ..
        } = self;
        let view = view::View {
            workspace,
            keys,
            analysed: analyser.current(),
            busy: analyser.is_busy(),
            prefs,
            palette: theme::Palette::of(ui.visuals()),
            selected_claim,
            selected_group,
            listed: &order.listed,
            hits: &order.hits,
            searching: !workspace.settings.search.trim().is_empty(),
            undo_label: history.undo_label(),
            redo_label: history.redo_label(),
            dialog_open: state.file_dialog.is_some(),
            job_statuses: self.jobs.statuses(),
        };
        toolbar::menu_bar_ui(ui, &view, out);
        toolbar::toolbar_ui(ui, &view, state, out);
        toolbar::notices_ui(ui, &view, state, out);
        if view.prefs.show_details && !view.workspace.articles.is_empty() {
            details::details_ui(ui, &view, state, out);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(8)))
            .show(ui, |ui| columns::columns_ui(ui, &view, state, out));
        paste_dialog::paste_dialog_ui(ui, &view, state, out);
        document_ui::dialogs_ui(ui, &view, state, &document_name, out);
        toolbar::shortcuts_window_ui(ui, state, out);
        widgets::drop_overlay_ui(ui);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
