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
    Panel::bottom("details")
        .resizable(true)
        .default_size(theme::DETAILS_DEFAULT_HEIGHT)
        .min_size(140.0)
        .show(ui, |ui| {
            if view.prefs.show_differences {
                Panel::right("differences")
                    .resizable(true)
                    .default_size(theme::DIFF_DEFAULT_WIDTH)
                    .min_size(260.0)
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
