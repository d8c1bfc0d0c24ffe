//! The article columns: one card per article, side by side, each a scrollable view of the text
//! with every claim marked by its status colour and symbol.
//!
//! Columns keep a readable minimum width; beyond what fits, the row scrolls horizontally and
//! columns out of view are not laid out at all. When the selection changes, each column scrolls
//! its member of the selected group into view once — never while the pointer merely moves.

use egui::{
    Align, Align2, CornerRadius, CursorIcon, Label, Layout, Margin, RichText, ScrollArea, Sense,
    Stroke, Ui, UiBuilder, vec2,
};

use super::blocks::{BlockKind, Gap};
use super::command::Command;
use super::state::{ArticleKey, MetaEdit, UiState};
use super::theme::{self, Emphasis};
use super::view::View;
use super::widgets::{command_button, tag};
use crate::analysis::diff::reveal_invisible;
use crate::analysis::{Claim, GroupStatus};
use crate::ingest::ArticleMeta;
use crate::workspace::ArticleEntry;

/// All article columns, or a welcome screen when there are none.
pub(crate) fn columns_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let n = view.workspace.articles.len();
    if n == 0 {
        welcome_ui(ui, out);
        return;
    }
    let slots = n.max(2);
    let gap = theme::COLUMN_GAP;
    let width = ((ui.available_width() - gap * (slots - 1) as f32) / slots as f32)
        .max(theme::COLUMN_MIN_WIDTH)
        .floor();
    ScrollArea::horizontal()
        .id_salt("article columns")
        .auto_shrink(false)
        .show(ui, |ui| {
            let height = ui.available_height();
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for index in 0..slots {
                    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
                    let key = view.keys.get(index).copied();
                    if key.is_some() && state.scroll_to_column == key {
                        ui.scroll_to_rect(rect, None);
                        state.scroll_to_column = None;
                    }
                    if !ui.is_rect_visible(rect) {
                        continue;
                    }
                    let mut child = ui.new_child(
                        UiBuilder::new()
                            .max_rect(rect)
                            .id_salt(("column", key.map_or(u64::MAX, |k| k.0)))
                            .layout(Layout::top_down(Align::Min)),
                    );
                    match key {
                        Some(key) => column_ui(&mut child, index, key, view, state, out),
                        None => add_more_ui(&mut child, view, out),
                    }
                }
            });
        });
}

fn card(view: &View<'_>) -> egui::Frame {
    egui::Frame::new()
        .fill(view.palette.card)
        .stroke(Stroke::new(1.0, view.palette.card_border))
        .corner_radius(CornerRadius::same(theme::CORNER_RADIUS))
        .inner_margin(Margin::same(8))
}

fn column_ui(
    ui: &mut Ui,
    index: usize,
    key: ArticleKey,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let Some(entry) = view.workspace.articles.get(index) else {
        return;
    };
    let analysed = view.analysed_index(index);
    card(view).show(ui, |ui| {
        ui.set_min_height(ui.available_height());
        ui.set_width(ui.available_width());
        if state.editing.as_ref().is_some_and(|e| e.key == key) {
            edit_header_ui(ui, index, state, out);
        } else {
            header_ui(ui, index, key, entry, analysed, view, state, out);
        }
        ui.separator();
        ScrollArea::vertical()
            .id_salt(("column body", key.0))
            .auto_shrink(false)
            .show(ui, |ui| match analysed {
                Some(article) => body_ui(ui, article, key, view, state, out),
                None => pending_body_ui(ui, entry, view),
            });
    });
    state.scroll_columns.remove(&key);
}

#[allow(clippy::too_many_arguments)]
fn header_ui(
    ui: &mut Ui,
    index: usize,
    key: ArticleKey,
    entry: &ArticleEntry,
    analysed: Option<usize>,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let meta = &entry.meta;
    // The analysed name tells repeated outlets apart ("HuffPost (2026-03-11)").
    let outlet = match analysed {
        Some(a) if !view.outlet(a).is_empty() => view.outlet(a).to_owned(),
        _ if meta.outlet.trim().is_empty() => "Untitled outlet".to_owned(),
        _ => meta.outlet.trim().to_owned(),
    };
    let tooltip = analysed.map_or_else(|| outlet.clone(), |a| view.article_tooltip(a));
    let n = view.workspace.articles.len();
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            ui.add(Label::new(RichText::new(&outlet).size(16.0).strong()).truncate())
                .on_hover_text(tooltip);
        },
        |ui| {
            ui.spacing_mut().item_spacing.x = 2.0;
            ui.spacing_mut().button_padding = vec2(5.0, 1.0);
            let remove = command_button(ui, "×", Command::RemoveArticle(index), true, out);
            remove.accessible_name(format!("Remove {outlet}"));
            let edit = ui.button("Edit").on_hover_text(
                Command::EditArticleMeta {
                    article: index,
                    meta: ArticleMeta::default(),
                }
                .tooltip(),
            );
            let edit = edit.accessible_name(format!("Edit details of {outlet}"));
            if edit.clicked() {
                state.editing = Some(MetaEdit {
                    key,
                    outlet: meta.outlet.clone(),
                    headline: meta.headline.clone(),
                    date: meta.date.clone().unwrap_or_default(),
                    original: meta.clone(),
                    focus_pending: true,
                });
            }
            let right = Command::MoveArticle {
                from: index,
                to: index + 1,
            };
            command_button(ui, "→", right, index + 1 < n, out)
                .accessible_name(format!("Move {outlet} right"));
            let left = Command::MoveArticle {
                from: index,
                to: index.saturating_sub(1),
            };
            command_button(ui, "←", left, index > 0, out)
                .accessible_name(format!("Move {outlet} left"));
        },
    );
    // The headline is shown in the text below; the header repeats it only when the user
    // corrected it.
    let text_headline = analysed
        .and_then(|a| view.comparison().articles.get(a))
        .and_then(|a| a.headline_span.map(|s| s.slice(&a.text).trim().to_owned()));
    let headline = meta.headline.trim();
    if !headline.is_empty() && text_headline.as_deref() != Some(headline) {
        ui.add(Label::new(RichText::new(headline).size(13.5)).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let palette = &view.palette;
        if let Some(date) = meta.date.as_deref().filter(|d| !d.trim().is_empty()) {
            ui.label(RichText::new(date).small().color(palette.dim));
        }
        if let Some(summary) = analysed.and_then(|a| view.comparison().summaries.get(a)) {
            ui.label(
                RichText::new(format!("{} claims", summary.claims))
                    .small()
                    .color(palette.dim),
            );
            for (symbol, count, color) in [
                ("=", summary.shared, palette.shared),
                ("≠", summary.conflicting, palette.conflicting),
                ("◦", summary.single_outlet, palette.single),
            ] {
                ui.label(
                    RichText::new(format!("{symbol} {count}"))
                        .small()
                        .color(color),
                );
            }
        }
        let is_reference = view.workspace.reference_article == Some(index)
            || (view.workspace.reference_article.is_none() && index == 0);
        if is_reference {
            tag(ui, "reference", palette.focus);
        }
        if let Some(a) = analysed {
            story_marks_ui(ui, index, a, view, out);
        }
    });
}

fn edit_header_ui(ui: &mut Ui, index: usize, state: &mut UiState, out: &mut Vec<Command>) {
    let Some(edit) = state.editing.as_mut() else {
        return;
    };
    let mut submit = false;
    let mut cancel = false;
    egui::Grid::new(("edit header", index))
        .num_columns(2)
        .spacing(vec2(6.0, 4.0))
        .show(ui, |ui| {
            let MetaEdit {
                outlet,
                headline,
                date,
                focus_pending,
                ..
            } = edit;
            for (name, value, rows) in [
                ("Outlet", outlet, 1),
                ("Headline", headline, 2),
                ("Date", date, 1),
            ] {
                let label = ui.label(name);
                let field = if rows == 1 {
                    egui::TextEdit::singleline(value)
                } else {
                    egui::TextEdit::multiline(value).desired_rows(rows)
                };
                let response = ui
                    .add(field.desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if name == "Outlet" && std::mem::take(focus_pending) {
                    response.request_focus();
                }
                if rows == 1
                    && response.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                {
                    submit = true;
                }
                if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    cancel = true;
                }
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        submit |= ui
            .button("Save")
            .on_hover_text("Keep these details (Enter)")
            .clicked();
        cancel |= ui
            .button("Cancel")
            .on_hover_text("Discard the changes (Esc)")
            .clicked();
    });
    if cancel {
        state.editing = None;
    } else if submit && let Some(edit) = state.editing.take() {
        let date = edit.date.trim();
        out.push(Command::EditArticleMeta {
            article: index,
            meta: ArticleMeta {
                outlet: edit.outlet.trim().to_owned(),
                headline: edit.headline.trim().to_owned(),
                date: (!date.is_empty()).then(|| date.to_owned()),
                ..edit.original
            },
        });
    }
}

fn body_ui(
    ui: &mut Ui,
    article: usize,
    key: ArticleKey,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let Some(blocks) = view.analysed.blocks.get(article) else {
        return;
    };
    let Some(text) = view
        .comparison()
        .articles
        .get(article)
        .map(|a| a.text.as_str())
    else {
        return;
    };
    ui.spacing_mut().item_spacing.y = 0.0;
    let mut scroll = state.scroll_columns.contains(&key);
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            ui.add_space(match block.gap {
                Gap::None => theme::CLAIM_GAP,
                Gap::Line => theme::CLAIM_GAP + 2.0,
                Gap::Paragraph => theme::PARAGRAPH_GAP,
            });
        }
        let slice = block.span.slice(text);
        match block.kind {
            BlockKind::Claim(claim) => {
                let Some(c) = view.claim(claim) else {
                    continue;
                };
                let response = claim_ui(ui, claim, c, view, state, out);
                if scroll && view.selected_group == Some(c.group) {
                    response.scroll_to_me(Some(Align::Center));
                    scroll = false;
                }
            }
            BlockKind::Meta => {
                // Header lines (long URLs, source notes) take one line; hover shows all.
                let rich = RichText::new(reveal_invisible(slice))
                    .font(theme::meta_font())
                    .color(view.palette.dim);
                indented(ui, |ui| {
                    ui.add(Label::new(rich).truncate());
                });
            }
            BlockKind::Boilerplate => {
                let rich = RichText::new(reveal_invisible(slice))
                    .font(theme::meta_font())
                    .color(view.palette.dim)
                    .italics();
                indented(ui, |ui| {
                    ui.add(Label::new(rich).wrap());
                });
            }
            BlockKind::Headline => {
                indented(ui, |ui| {
                    ui.add(Label::new(RichText::new(slice).size(16.0).strong()).wrap());
                });
            }
            BlockKind::Text => {
                indented(ui, |ui| {
                    ui.add(
                        Label::new(RichText::new(reveal_invisible(slice)).font(theme::body_font()))
                            .wrap(),
                    );
                });
            }
        }
    }
    ui.add_space(theme::PARAGRAPH_GAP);
}

fn indented(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        ui.add_space(theme::GUTTER_WIDTH + theme::CLAIM_PADDING);
        ui.vertical(add);
    });
}

/// One claim: status symbol in the gutter, the text, a tint when its group is hovered or
/// selected. Hover highlights the group everywhere; a click selects it (or links it, in link
/// mode).
fn claim_ui(
    ui: &mut Ui,
    index: usize,
    claim: &Claim,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) -> egui::Response {
    let palette = &view.palette;
    let status = view.claim_status(index, claim);
    let emphasis = if view.selected_group == Some(claim.group) {
        Emphasis::Selected
    } else if state.hovered_group == Some(claim.group) {
        Emphasis::Hovered
    } else {
        Emphasis::Normal
    };
    let width = ui.available_width();
    let pad = theme::CLAIM_PADDING;
    let text_width = (width - theme::GUTTER_WIDTH - 2.0 * pad).max(40.0);
    let font = if claim.is_headline {
        egui::FontId::proportional(16.0)
    } else {
        theme::body_font()
    };
    let galley = ui.painter().layout(
        reveal_invisible(&claim.text),
        font,
        palette.text,
        text_width,
    );
    let size = vec2(width, galley.size().y + 2.0 * pad);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let selected_claim = view.selected_claim == Some(index);
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let background = palette.claim_background(status, emphasis);
        if background.a() > 0 {
            painter.rect_filled(rect, CornerRadius::same(4), background);
        }
        if emphasis >= Emphasis::Hovered {
            let bar = egui::Rect::from_min_size(rect.min, vec2(3.0, rect.height()));
            painter.rect_filled(bar, CornerRadius::same(2), palette.status(status));
        }
        painter.text(
            rect.min + vec2(theme::GUTTER_WIDTH / 2.0 + 1.0, pad),
            Align2::CENTER_TOP,
            status.symbol(),
            theme::symbol_font(),
            palette.status(status),
        );
        if !view.notes_on_claim(claim).is_empty() {
            // A small page with two lines in the gutter: the user wrote a note on this claim
            // (its text is in the tooltip).
            let center = rect.min + vec2(theme::GUTTER_WIDTH / 2.0 + 1.0, pad + 36.0);
            let page = egui::Rect::from_center_size(center, vec2(8.0, 10.0));
            let stroke = Stroke::new(1.2, palette.user);
            painter.rect_stroke(
                page,
                CornerRadius::same(1),
                stroke,
                egui::StrokeKind::Inside,
            );
            for dy in [-1.5, 1.5] {
                painter.line_segment(
                    [
                        egui::pos2(page.left() + 2.0, center.y + dy),
                        egui::pos2(page.right() - 2.0, center.y + dy),
                    ],
                    stroke,
                );
            }
        }
        if view.group(claim.group).is_some_and(|g| g.user_curated) {
            // A dot under the symbol: this grouping was shaped by the user's links.
            painter.circle_filled(
                rect.min + vec2(theme::GUTTER_WIDTH / 2.0 + 1.0, pad + 22.0),
                2.5,
                palette.user,
            );
        }
        painter.galley(
            rect.min + vec2(theme::GUTTER_WIDTH + pad, pad),
            galley,
            palette.text,
        );
        if view.is_hit(index) {
            let mark = egui::Rect::from_min_size(
                egui::pos2(rect.right() - 3.0, rect.top()),
                vec2(3.0, rect.height()),
            );
            painter.rect_filled(mark, CornerRadius::same(2), palette.search);
        }
        if selected_claim {
            painter.rect_stroke(
                rect,
                CornerRadius::same(4),
                palette.focus_stroke(),
                egui::StrokeKind::Inside,
            );
        } else if state.linking && response.hovered() {
            painter.rect_stroke(
                rect,
                CornerRadius::same(4),
                Stroke::new(1.5, palette.user),
                egui::StrokeKind::Inside,
            );
        }
        if response.has_focus() && !selected_claim {
            painter.rect_stroke(
                rect,
                CornerRadius::same(4),
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
    }
    if emphasis == Emphasis::Selected {
        state.highlighted.push(claim.id.clone());
    }
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            emphasis == Emphasis::Selected,
            format!(
                "{} claim: {}{}",
                status.label(),
                claim.text,
                if view.notes_on_claim(claim).is_empty() {
                    ""
                } else {
                    " — has a note"
                }
            ),
        )
    });
    if response.hovered() {
        state.hovered_group_now = Some(claim.group);
    }
    let response = if state.linking {
        response.on_hover_cursor(CursorIcon::Alias)
    } else {
        response.on_hover_cursor(CursorIcon::PointingHand)
    };
    let response = response.on_hover_ui(|ui| claim_tooltip_ui(ui, index, claim, view));
    if response.clicked() {
        let selected = view.selected_claim.and_then(|c| view.claim(c));
        match selected {
            Some(from) if state.linking => {
                out.push(Command::LinkClaims(from.id.clone(), claim.id.clone()));
            }
            _ => out.push(Command::SelectClaim(claim.id.clone())),
        }
    }
    response.context_menu(|ui| {
        if ui.button("Select").clicked() {
            out.push(Command::SelectClaim(claim.id.clone()));
            ui.close();
        }
        let selected = view.selected_claim.and_then(|c| view.claim(c));
        if let Some(from) = selected.filter(|s| s.article != claim.article) {
            let link = ui
                .button("Link with the selected claim")
                .on_hover_text(Command::LinkClaims(from.id.clone(), claim.id.clone()).tooltip());
            if link.clicked() {
                out.push(Command::LinkClaims(from.id.clone(), claim.id.clone()));
                ui.close();
            }
        }
        if ui.button("Link with…").clicked() {
            out.push(Command::SelectClaim(claim.id.clone()));
            out.push(Command::StartLinking);
            ui.close();
        }
        if ui.button("Unlink from group").clicked() {
            out.push(Command::UnlinkClaim(claim.id.clone()));
            ui.close();
        }
        if ui.button("Copy text").clicked() {
            ui.ctx().copy_text(claim.text.clone());
            ui.close();
        }
    });
    response
}

fn claim_tooltip_ui(ui: &mut Ui, index: usize, claim: &Claim, view: &View<'_>) {
    let status = view.claim_status(index, claim);
    ui.label(super::widgets::status_text(&view.palette, status));
    if let Some(group) = view.group(claim.group) {
        let outlets: Vec<&str> = group.present_in.iter().map(|&a| view.outlet(a)).collect();
        let coverage = view.coverage_text(group);
        let mut coverage_chars = coverage.chars();
        let capitalised: String = coverage_chars
            .next()
            .map(|c| c.to_uppercase().chain(coverage_chars).collect())
            .unwrap_or_default();
        ui.label(format!("{capitalised}: {}", outlets.join(", ")));
        if status != group.status && group.status == GroupStatus::Conflicting {
            ui.label(
                RichText::new("Its group differs between other claims:").color(view.palette.dim),
            );
        }
        for conflict in view.shown_conflicts(&group.conflicts) {
            ui.label(RichText::new(conflict.describe()).color(view.palette.conflicting));
        }
        if group.user_curated {
            ui.label(RichText::new("Shaped by your links").color(view.palette.user));
        }
    }
    for note in view.notes_on_claim(claim) {
        ui.label(RichText::new(format!("Note: {note}")).color(view.palette.user));
    }
    ui.label(
        RichText::new("Click to compare · right-click for linking")
            .small()
            .color(view.palette.dim),
    );
}

fn pending_body_ui(ui: &mut Ui, entry: &ArticleEntry, view: &View<'_>) {
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.label("Analysing…");
    });
    ui.add(Label::new(RichText::new(reveal_invisible(&entry.text)).color(view.palette.dim)).wrap());
}

/// The second slot when only one article is open.
fn add_more_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Command>) {
    card(view).show(ui, |ui| {
        ui.set_min_size(ui.available_size());
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("Add another article").size(16.0).strong());
            ui.label("claimdiff compares two or more reports of the same story.");
            ui.add_space(8.0);
            command_button(
                ui,
                "Open articles…",
                Command::OpenArticles,
                !view.dialog_open,
                out,
            );
            command_button(ui, "Paste article…", Command::PasteArticle, true, out);
            ui.label(
                RichText::new("or drop files here, or type a path above")
                    .small()
                    .color(view.palette.dim),
            );
        });
    });
}

/// What the window shows with no articles open.
fn welcome_ui(ui: &mut Ui, out: &mut Vec<Command>) {
    ui.add_space((ui.available_height() * 0.2).min(120.0));
    ui.vertical_centered(|ui| {
        ui.set_max_width(560.0);
        ui.label(
            RichText::new("Compare how outlets cover one story")
                .size(22.0)
                .strong(),
        );
        ui.add_space(6.0);
        ui.label(
            "Open two or more articles on the same story. claimdiff splits them into claims, \
             lines up matching claims across outlets, and shows what they agree on (=), where \
             they differ (≠) and what only one outlet reports (◦).",
        );
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            command_button(ui, "Open articles…", Command::OpenArticles, true, out);
            command_button(ui, "Paste article…", Command::PasteArticle, true, out);
            command_button(ui, "Open the demo story", Command::OpenDemo, true, out);
        });
        ui.add_space(8.0);
        ui.label("You can also drop files on this window or type a path in the toolbar.");
    });
}

/// The article's story (when the comparison holds several), whose report it reprints, and —
/// for an article that shares its story with no other — "Compare separately".
fn story_marks_ui(
    ui: &mut Ui,
    index: usize,
    article: usize,
    view: &View<'_>,
    out: &mut Vec<Command>,
) {
    let stories = view.stories();
    let palette = &view.palette;
    let Some(&story) = stories.story_of.get(article) else {
        return;
    };
    if stories.story_count() > 1 {
        let members = stories.articles_of_story(story);
        let text = format!("story {}", story + 1);
        let hover = format!(
            "{} article{} of this comparison tell{} this story, {} independent report{}",
            members.len(),
            if members.len() == 1 { "" } else { "s" },
            if members.len() == 1 { "s" } else { "" },
            stories.reports_among(&members),
            if stories.reports_among(&members) == 1 {
                ""
            } else {
                "s"
            }
        );
        ui.add(egui::Label::new(
            RichText::new(text).small().color(palette.focus),
        ))
        .on_hover_text(hover);
        if members.len() == 1 && view.comparison().articles.len() > 1 {
            super::widgets::command_button(
                ui,
                RichText::new("Compare separately").small(),
                Command::CompareSeparately(index),
                true,
                out,
            )
            .on_hover_text(Command::CompareSeparately(index).tooltip());
        }
    }
    if let Some(original) = stories.reuses(article) {
        let text = format!("reprint of {}", view.outlet(original));
        tag(ui, &text, palette.user);
    }
}
