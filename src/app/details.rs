//! The details area at the bottom: claim groups or outlet summaries on the left, the
//! differences of the selected group on the right.

use egui::{Panel, Ui};

use super::command::Command;
use super::prefs::DetailsTab;
use super::state::UiState;
use super::theme;
use super::view::View;
use super::{diff_panel, groups_panel, summary_panel};

/// The bottom details area.
pub(crate) fn details_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    // Sizes follow the window: the columns above always keep room for a few claims, the group
    // table beside the differences keeps room for its outlet cells and some claim text.
    let (height, width) = (ui.available_height(), ui.available_width());
    let details_max = (height - theme::COLUMNS_MIN_HEIGHT).max(theme::DETAILS_MIN_HEIGHT);
    let details_default =
        (height * theme::DETAILS_SHARE).clamp(theme::DETAILS_MIN_HEIGHT, details_max);
    let diff_max = (width - theme::GROUPS_MIN_WIDTH).max(theme::DIFF_MIN_WIDTH);
    let diff_default = (width * theme::DIFF_SHARE).clamp(theme::DIFF_MIN_WIDTH, diff_max);
    Panel::bottom("details")
        .resizable(true)
        .default_size(details_default)
        .min_size(theme::DETAILS_MIN_HEIGHT)
        .max_size(details_max)
        .show(ui, |ui| {
            if view.prefs.show_differences {
                Panel::right("differences")
                    .resizable(true)
                    .default_size(diff_default)
                    .min_size(theme::DIFF_MIN_WIDTH)
                    .max_size(diff_max)
                    .show(ui, |ui| diff_panel::diff_panel_ui(ui, view, state, out));
            }
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    for tab in [DetailsTab::Groups, DetailsTab::Outlets] {
                        let selected = view.prefs.details_tab == tab;
                        let response = ui
                            .selectable_label(selected, egui::RichText::new(tab.label()).strong())
                            .on_hover_text(match tab {
                                DetailsTab::Groups => {
                                    "Every claim group and which outlets carry it"
                                }
                                DetailsTab::Outlets => "Counts for each outlet",
                            });
                        if response.clicked() && !selected {
                            out.push(Command::ShowDetailsTab(tab));
                        }
                    }
                });
                ui.separator();
                match view.prefs.details_tab {
                    DetailsTab::Groups => groups_panel::groups_panel_ui(ui, view, state, out),
                    DetailsTab::Outlets => summary_panel::summary_panel_ui(ui, view),
                }
            });
        });
}
