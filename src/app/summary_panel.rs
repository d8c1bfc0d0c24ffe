//! Per-outlet summary: claims, shared, single-outlet, conflicting, named and anonymous sources,
//! and the outlets each one credits.

use egui::{RichText, ScrollArea, Ui};

use super::view::View;

/// The outlets table.
pub(crate) fn summary_panel_ui(ui: &mut Ui, view: &View<'_>) {
    let palette = &view.palette;
    let comparison = view.comparison();
    ScrollArea::both()
        .id_salt("outlet summary")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("outlet summary grid")
                .num_columns(8)
                .striped(true)
                .spacing(egui::vec2(18.0, 6.0))
                .show(ui, |ui| {
                    for (title, color) in [
                        ("Outlet", palette.dim),
                        ("Claims", palette.dim),
                        ("= Shared", palette.shared),
                        ("≠ Conflicting", palette.conflicting),
                        ("◦ Single-outlet", palette.single),
                        ("Named sources", palette.dim),
                        ("Anonymous sources", palette.dim),
                        ("Credits", palette.dim),
                    ] {
                        ui.label(RichText::new(title).strong().color(color));
                    }
                    ui.end_row();
                    for summary in &comparison.summaries {
                        ui.label(RichText::new(&summary.outlet).strong());
                        for count in [
                            summary.claims,
                            summary.shared,
                            summary.conflicting,
                            summary.single_outlet,
                            summary.named_sources,
                            summary.anonymous_sources,
                        ] {
                            ui.label(count.to_string());
                        }
                        if summary.cited_outlets.is_empty() {
                            ui.label(RichText::new("—").color(palette.dim));
                        } else {
                            ui.label(summary.cited_outlets.join(", "));
                        }
                        ui.end_row();
                    }
                });
            let stories = crate::report::stories_lines(comparison, "");
            if !stories.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new("Stories and independent reports").strong());
                for line in stories.lines() {
                    ui.label(line.trim_start()).on_hover_text(
                        "Articles of one story are compared with each other only; articles \
                         reusing one copy (a reprint, a light rewrite) are one report",
                    );
                }
            }
            ui.add_space(6.0);
            ui.label(
                RichText::new(
                    "Shared: claims other outlets also report, in agreement. Conflicting: claims \
                     other outlets report with a different fact. Sources: who the claims are \
                     attributed to. Credits: outlets this one cites for its reporting.",
                )
                .small()
                .color(palette.dim),
            );
        });
}
