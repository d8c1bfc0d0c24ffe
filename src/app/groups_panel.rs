//! The claim groups as a coverage matrix: one row per group, one column per outlet (● present,
//! ≠ present with a conflicting fact, · absent), with status, label, filters, sort and search.

use egui::{Align2, CornerRadius, RichText, ScrollArea, Sense, Ui, vec2};

use super::command::{Command, filter_label};
use super::navigation::passes_filter;
use super::prefs::GroupSort;
use super::state::UiState;
use super::theme;
use super::view::View;
use crate::analysis::{Comparison, Group, GroupStatus, claim_status};
use crate::workspace::GroupFilter;

/// Filters, sort, search and the matrix.
pub(crate) fn groups_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    controls_ui(ui, view, state, out);
    ui.add_space(4.0);
    let layout = TableLayout::new(
        view.comparison().articles.len(),
        ui.available_width() - 18.0,
    );
    ScrollArea::horizontal()
        .id_salt("matrix columns")
        .auto_shrink(false)
        .show(ui, |ui| {
            header_row_ui(ui, view, &layout);
            if view.listed.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    RichText::new("No claim groups match the filter and search.")
                        .color(view.palette.dim),
                );
                return;
            }
            ui.spacing_mut().item_spacing.y = 0.0;
            let selected_row = view
                .selected_group
                .and_then(|g| view.listed.iter().position(|&x| x == g));
            let mut rows = ScrollArea::vertical()
                .id_salt("matrix rows")
                .auto_shrink(false);
            if std::mem::take(&mut state.scroll_matrix)
                && let Some(row) = selected_row
            {
                let shown = &state.matrix_rows_shown;
                let fully_shown = shown.start < row && row + 1 < shown.end;
                if !fully_shown {
                    let offset =
                        row as f32 * theme::MATRIX_ROW_HEIGHT - state.matrix_view_height / 3.0;
                    rows = rows.vertical_scroll_offset(offset.max(0.0));
                }
            }
            let shown = rows.show_rows(
                ui,
                theme::MATRIX_ROW_HEIGHT,
                view.listed.len(),
                |ui, range| {
                    for position in range.clone() {
                        row_ui(
                            ui,
                            view.listed[position],
                            position,
                            view,
                            state,
                            out,
                            &layout,
                        );
                    }
                    range
                },
            );
            state.matrix_rows_shown = shown.inner;
            state.matrix_view_height = shown.inner_rect.height();
        });
}

fn controls_ui(ui: &mut Ui, view: &View<'_>, state: &mut UiState, out: &mut Vec<Command>) {
    let comparison = view.comparison();
    let current = view.workspace.settings.filter;
    ui.horizontal_wrapped(|ui| {
        for filter in [
            GroupFilter::All,
            GroupFilter::ConflictsOnly,
            GroupFilter::SingleOutletOnly,
            GroupFilter::SharedOnly,
        ] {
            let count = comparison
                .groups
                .iter()
                .filter(|g| passes_filter(g, filter))
                .count();
            let text = format!("{} ({count})", filter_label(filter));
            let response = ui
                .selectable_label(current == filter, text)
                .on_hover_text(Command::SetFilter(filter).tooltip());
            if response.clicked() && current != filter {
                out.push(Command::SetFilter(filter));
            }
        }
        ui.separator();
        ui.label(RichText::new("Sort").color(view.palette.dim));
        for sort in GroupSort::ALL {
            let selected = view.prefs.sort == sort;
            let response = ui
                .selectable_label(selected, sort.label())
                .on_hover_text(match sort {
                    GroupSort::Story => "In the order the claims first appear",
                    GroupSort::Coverage => "Claims carried by the most outlets first",
                    GroupSort::Status => "Conflicts first, then shared, then single-outlet claims",
                });
            if response.clicked() && !selected {
                out.push(Command::SetSort(sort));
            }
        }
    });
    // Wraps rather than widening the panel past the Differences panel on a narrow window.
    ui.horizontal_wrapped(|ui| {
        let mut search = view.workspace.settings.search.clone();
        let shortcut = Command::FocusSearch
            .shortcut()
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut search)
                    .hint_text(format!("Search all articles ({shortcut})"))
                    .desired_width(260.0),
            )
            .accessible_name("Search claims");
        if std::mem::take(&mut state.focus_search) {
            response.request_focus();
        }
        if response.changed() {
            out.push(Command::SetSearch(search));
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            out.push(Command::NextGroup);
        }
        // Escape in the search box clears the search (and leaves the selection alone).
        if (response.has_focus() || response.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Escape))
            && !view.workspace.settings.search.is_empty()
        {
            out.push(Command::SetSearch(String::new()));
        }
        ui.label(
            RichText::new(format!(
                "{} of {} groups",
                view.listed.len(),
                comparison.groups.len()
            ))
            .color(view.palette.dim),
        );
        ui.separator();
        // What the table's cells mean.
        let palette = &view.palette;
        for (symbol, color, meaning, more) in [
            (
                "●",
                palette.shared,
                "reports it",
                "The outlet reports this claim; the dot has the group's colour",
            ),
            (
                "≠",
                palette.conflicting,
                "reports it differently",
                "The outlet states a fact of this claim differently from another outlet",
            ),
            (
                "·",
                palette.dim,
                "doesn't report it",
                "The outlet's article tells this story without this claim; a blank cell is an \
                 article of another story",
            ),
        ] {
            ui.label(RichText::new(symbol).color(color))
                .on_hover_text(more);
            ui.label(RichText::new(meaning).small().color(palette.dim))
                .on_hover_text(more);
        }
    });
}

fn header_row_ui(ui: &mut Ui, view: &View<'_>, layout: &TableLayout) {
    let (rect, _) = ui.allocate_exact_size(
        vec2(layout.total_width, theme::MATRIX_ROW_HEIGHT),
        Sense::hover(),
    );
    let painter = ui.painter();
    let dim = view.palette.dim;
    let font = egui::FontId::proportional(12.0);
    painter.text(
        rect.left_center() + vec2(6.0, 0.0),
        Align2::LEFT_CENTER,
        "Status",
        font.clone(),
        dim,
    );
    for article in 0..view.comparison().articles.len() {
        let cell = layout.cell_rect(rect, article);
        let outlet = view.outlet(article);
        let response = ui
            .interact(
                cell,
                ui.scope_id().with(("outlet header", article)),
                Sense::hover(),
            )
            .on_hover_text(view.article_tooltip(article));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::ColumnHeader,
                true,
                format!("Outlet column: {outlet}"),
            )
        });
        ui.painter().text(
            cell.center(),
            Align2::CENTER_CENTER,
            view.outlet_short(article),
            layout.header_font(),
            dim,
        );
    }
    let label_x = rect.left() + layout.label_left;
    ui.painter().text(
        egui::pos2(label_x, rect.center().y),
        Align2::LEFT_CENTER,
        "Claim",
        font,
        dim,
    );
    ui.painter().hline(
        rect.x_range(),
        rect.bottom(),
        egui::Stroke::new(1.0, view.palette.card_border),
    );
}

/// Where the table's parts go: the status, one narrow cell per outlet, the claim text. With
/// many outlets the cells narrow (down to [`MIN_CELL_WIDTH`]); when even then they would push the
/// claim text out of view, the text comes right after the status and the cells follow it,
/// reached by scrolling sideways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TableLayout {
    /// Width of one outlet cell.
    pub(crate) cell_width: f32,
    /// Where the first cell starts, from the row's left.
    pub(crate) cells_left: f32,
    /// Where the claim text starts, from the row's left.
    pub(crate) label_left: f32,
    /// Width of the claim text.
    pub(crate) label_width: f32,
    /// Width of a whole row.
    pub(crate) total_width: f32,
}

/// Narrowest outlet cell.
const MIN_CELL_WIDTH: f32 = 24.0;
/// Narrowest claim text.
const MIN_LABEL_WIDTH: f32 = 240.0;

impl TableLayout {
    /// The layout for `outlets` cells in `available` points of width.
    pub(crate) fn new(outlets: usize, available: f32) -> Self {
        let status = theme::MATRIX_STATUS_WIDTH;
        let n = outlets.max(1) as f32;
        let cell_width = ((available - status - MIN_LABEL_WIDTH - 8.0) / n)
            .clamp(MIN_CELL_WIDTH, theme::MATRIX_CELL_WIDTH);
        let cells = outlets as f32 * cell_width;
        if status + cells + 8.0 + MIN_LABEL_WIDTH <= available {
            let label_width = available - status - cells - 8.0;
            Self {
                cell_width,
                cells_left: status,
                label_left: status + cells + 8.0,
                label_width,
                total_width: available,
            }
        } else {
            let label_width = (available - status - 8.0 - 4.0 * cell_width).max(MIN_LABEL_WIDTH);
            Self {
                cell_width,
                cells_left: status + label_width + 8.0,
                label_left: status,
                label_width,
                total_width: status + label_width + 8.0 + cells,
            }
        }
    }

    /// The cell of `article` in a row.
    pub(crate) fn cell_rect(&self, row: egui::Rect, article: usize) -> egui::Rect {
        let left = row.left() + self.cells_left + article as f32 * self.cell_width;
        egui::Rect::from_min_size(
            egui::pos2(left, row.top()),
            vec2(self.cell_width, row.height()),
        )
    }

    /// The header's font: smaller in narrow cells.
    fn header_font(&self) -> egui::FontId {
        egui::FontId::proportional(if self.cell_width < 28.0 { 10.0 } else { 12.0 })
    }
}

/// Articles with a member marked conflicting by [`claim_status`]: party to a sure difference.
fn conflicted_articles(comparison: &Comparison, group: &Group) -> Vec<usize> {
    group
        .members
        .iter()
        .filter_map(|&m| comparison.claims.get(m).map(|c| (m, c)))
        .filter(|&(m, c)| {
            claim_status(&comparison.links, &comparison.groups, c, m) == GroupStatus::Conflicting
        })
        .map(|(_, c)| c.article)
        .collect()
}

fn row_ui(
    ui: &mut Ui,
    group_index: usize,
    position: usize,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
    layout: &TableLayout,
) {
    let comparison = view.comparison();
    let Some(group) = comparison.groups.get(group_index) else {
        return;
    };
    let palette = &view.palette;
    let (rect, response) = ui.allocate_exact_size(
        vec2(layout.total_width, theme::MATRIX_ROW_HEIGHT),
        Sense::click(),
    );
    let has_note = !view.notes_in_group(group).is_empty();
    let selected = view.selected_group == Some(group_index);
    let label = group
        .members
        .first()
        .and_then(|&m| comparison.claims.get(m))
        .and_then(|c| view.workspace.group_labels.get(&c.id))
        .map_or(group.label.as_str(), String::as_str);
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let fill = if selected {
            visuals.selection.bg_fill.gamma_multiply(0.55)
        } else if response.hovered() || state.hovered_group == Some(group_index) {
            visuals.widgets.hovered.weak_bg_fill
        } else if position % 2 == 1 {
            visuals.faint_bg_color
        } else {
            egui::Color32::TRANSPARENT
        };
        painter.rect_filled(rect, CornerRadius::same(3), fill);
        let status = group.status;
        let color = palette.status(status);
        painter.text(
            rect.left_center() + vec2(6.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{} {}", status.symbol(), status.label()),
            egui::FontId::proportional(12.5),
            color,
        );
        let conflicted = if status == GroupStatus::Conflicting {
            conflicted_articles(comparison, group)
        } else {
            Vec::new()
        };
        for article in 0..comparison.articles.len() {
            let cell = layout.cell_rect(rect, article);
            // An article of another story neither reports nor leaves out this claim: its cell
            // stays empty.
            if !group.present_in.contains(&article) && !group.absent_from.contains(&article) {
                continue;
            }
            let (symbol, color) = if !group.present_in.contains(&article) {
                ("·", palette.dim)
            } else if conflicted.contains(&article) {
                ("≠", palette.conflicting)
            } else if status == GroupStatus::Conflicting {
                // Reports the group's claim but is party to none of its sure differences.
                ("●", palette.status(GroupStatus::Shared))
            } else {
                ("●", color)
            };
            painter.text(
                cell.center(),
                Align2::CENTER_CENTER,
                symbol,
                theme::symbol_font(),
                color,
            );
        }
        let mut x = rect.left() + layout.label_left;
        let label_right = x + layout.label_width;
        for (shown, chip) in [(group.user_curated, "manual"), (has_note, "note")] {
            if shown {
                let chip = painter.text(
                    egui::pos2(x, rect.center().y),
                    Align2::LEFT_CENTER,
                    chip,
                    egui::FontId::proportional(11.0),
                    palette.user,
                );
                x = chip.right() + 8.0;
            }
        }
        let width = (label_right - x - 14.0).max(20.0);
        let mut job = egui::text::LayoutJob::simple_singleline(
            label.to_owned(),
            egui::FontId::proportional(13.0),
            palette.text,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(width);
        let galley = painter.layout_job(job);
        painter.galley(
            egui::pos2(x, rect.center().y - galley.size().y / 2.0),
            galley,
            palette.text,
        );
        if response.has_focus() {
            painter.rect_stroke(
                rect,
                CornerRadius::same(3),
                visuals.selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
    }
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            format!(
                "{} group: {label} — {}{}{}",
                group.status.label(),
                view.coverage_text(group),
                if group.user_curated {
                    " — manual"
                } else {
                    ""
                },
                if has_note { " — note" } else { "" }
            ),
        )
    });
    if response.hovered() {
        state.hovered_group_now = Some(group_index);
    }
    let response = response.on_hover_ui(|ui| {
        // The whole claim, which the row may have cut short.
        ui.label(RichText::new(label).strong());
        let outlets: Vec<&str> = group.present_in.iter().map(|&a| view.outlet(a)).collect();
        ui.label(format!("In: {}", outlets.join(", ")));
        let missing: Vec<&str> = group.absent_from.iter().map(|&a| view.outlet(a)).collect();
        if !missing.is_empty() {
            ui.label(format!("Not in: {}", missing.join(", ")));
        }
        for conflict in view.shown_conflicts(&group.conflicts) {
            ui.label(RichText::new(conflict.describe()).color(palette.conflicting));
        }
        for note in view.notes_in_group(group) {
            ui.label(RichText::new(format!("Note: {note}")).color(palette.user));
        }
    });
    if response.clicked() {
        out.push(Command::SelectGroup(group_index));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_outlets_keep_wide_cells_and_the_text_fills_the_rest() {
        let layout = TableLayout::new(4, 700.0);
        assert_eq!(layout.cell_width, theme::MATRIX_CELL_WIDTH);
        assert_eq!(layout.cells_left, theme::MATRIX_STATUS_WIDTH);
        assert_eq!(layout.total_width, 700.0);
        assert!(layout.label_left > layout.cells_left);
    }

    #[test]
    fn many_outlets_narrow_the_cells_and_never_push_the_text_out_of_view() {
        for outlets in [6, 12, 21, 30, 60] {
            for available in [380.0, 600.0, 900.0, 1400.0] {
                let layout = TableLayout::new(outlets, available);
                assert!(layout.cell_width >= MIN_CELL_WIDTH);
                assert!(layout.label_width >= MIN_LABEL_WIDTH);
                // The claim text starts within the visible width.
                assert!(
                    layout.label_left + 40.0 <= available,
                    "{outlets} outlets in {available}: {layout:?}"
                );
            }
        }
        let thirty = TableLayout::new(30, 600.0);
        assert_eq!(thirty.label_left, theme::MATRIX_STATUS_WIDTH, "text first");
        assert!(
            thirty.total_width > 600.0,
            "the cells are reached by scrolling"
        );
    }
}
