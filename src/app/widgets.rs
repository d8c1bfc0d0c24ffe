//! Small widgets shared by the panels: command buttons and menu items, status chips, the
//! drag-and-drop overlay.

use egui::{Align2, Color32, CornerRadius, RichText, Ui};

use super::command::Command;
use super::theme::{self, Palette};
use crate::analysis::GroupStatus;

/// A button that sends `command`, with its tooltip and shortcut on hover.
pub(crate) fn command_button(
    ui: &mut Ui,
    text: impl Into<egui::WidgetText>,
    command: Command,
    enabled: bool,
    out: &mut Vec<Command>,
) -> egui::Response {
    let hover = command.hover_text(ui.ctx());
    let response = ui
        .add_enabled(enabled, egui::Button::new(text))
        .on_hover_text(&hover)
        .on_disabled_hover_text(hover);
    if response.clicked() {
        out.push(command);
    }
    response
}

/// A menu item that sends `command`, showing its shortcut.
pub(crate) fn menu_item(ui: &mut Ui, command: Command, enabled: bool, out: &mut Vec<Command>) {
    menu_item_labelled(ui, command.label(), command, enabled, out);
}

/// A menu item with its own text that sends `command`, showing its shortcut.
pub(crate) fn menu_item_labelled(
    ui: &mut Ui,
    text: &str,
    command: Command,
    enabled: bool,
    out: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        out.push(command);
        ui.close();
    }
}

/// A checkable menu item that sends `command`.
pub(crate) fn menu_check(ui: &mut Ui, checked: bool, command: Command, out: &mut Vec<Command>) {
    let mut button = egui::Button::selectable(checked, command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        out.push(command);
        ui.close();
    }
}

/// The status symbol and word in the status colour, e.g. "≠ conflicting".
pub(crate) fn status_text(palette: &Palette, status: GroupStatus) -> RichText {
    RichText::new(format!("{} {}", status.symbol(), status.label())).color(palette.status(status))
}

/// A small rounded tag ("reference", "manual").
pub(crate) fn tag(ui: &mut Ui, text: &str, color: Color32) {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.14))
        .corner_radius(CornerRadius::same(theme::CORNER_RADIUS))
        .inner_margin(egui::Margin::symmetric(5, 0))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(color));
        });
}

/// Up to two capital letters for an outlet ("The Kessling Courier" → "KC").
pub(crate) fn outlet_initials(outlet: &str) -> String {
    let words: Vec<&str> = outlet
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "of"))
        .collect();
    let initials: String = match words.as_slice() {
        [] => "?".to_owned(),
        [one] => one.chars().take(2).collect(),
        many => many
            .iter()
            .take(2)
            .filter_map(|w| w.chars().next())
            .collect(),
    };
    initials.to_uppercase()
}

/// While files are dragged over the window, say what dropping them does.
pub(crate) fn drop_overlay_ui(ui: &Ui) {
    let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ui.ctx().content_rect();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop overlay"),
    ));
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(170));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        "Drop article files to add them to the comparison",
        egui::FontId::proportional(22.0),
        Color32::WHITE,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_articles() {
        assert_eq!(outlet_initials("The Kessling Courier"), "KC");
        assert_eq!(outlet_initials("Meridian Post"), "MP");
        assert_eq!(outlet_initials("Reuters"), "RE");
        assert_eq!(outlet_initials(""), "?");
        assert_eq!(outlet_initials("İstanbul Haber"), "İH");
    }
}
