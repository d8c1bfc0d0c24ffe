//! The differences of the selected group: each outlet's wording against the reference article's,
//! word by word, with changed numbers, names, quotes and times called out and the conflicts named
//! in words. Invisible characters are shown as ⟨U+200B⟩ markers in diffs and hidden in the
//! reference text, which is for reading.

use egui::text::{LayoutJob, TextFormat};
use egui::{Label, RichText, ScrollArea, Stroke, Ui};

use super::command::Command;
use super::state::UiState;
use super::theme::{self, Palette};
use super::view::View;
use super::widgets::{command_button, status_text, tag};
use crate::analysis::diff::{Mark, Side, WordDiff, diff_claims, hide_invisible, reveal_invisible};
use crate::analysis::{Claim, Conflict, Group, Link, LinkOrigin, SAME_CLAIM_COVERAGE};
use crate::ingest::Span;

/// The differences panel.
pub(crate) fn diff_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.label(RichText::new("Differences").strong());
    ui.separator();
    let Some((group_index, group)) = view
        .selected_group
        .and_then(|g| view.group(g).map(|group| (g, group)))
    else {
        ui.add_space(8.0);
        ui.label(
            RichText::new(
                "Select a claim in a column or a row in the claim groups to see how each outlet \
                 words it. Keys: J / K next and previous group, F7 / Shift+F7 next and previous \
                 conflict.",
            )
            .color(view.palette.dim),
        );
        return;
    };
    let mut area = ScrollArea::vertical()
        .id_salt("differences")
        .auto_shrink(false);
    if std::mem::take(&mut state.differences_to_top) {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| group_ui(ui, group_index, group, view, out));
}

fn group_ui(
    ui: &mut Ui,
    group_index: usize,
    group: &Group,
    view: &View<'_>,
    out: &mut Vec<Command>,
) {
    let comparison = view.comparison();
    let palette = &view.palette;
    ui.horizontal_wrapped(|ui| {
        ui.label(status_text(palette, group.status).strong());
        ui.label(
            RichText::new(format!(
                "{} · group {} of {}",
                view.coverage_text(group),
                group_index + 1,
                comparison.groups.len()
            ))
            .color(palette.dim),
        );
        if group.user_curated {
            tag(ui, "manual", palette.user);
        }
    });
    ui.add(Label::new(RichText::new(&group.label).strong().size(14.0)).wrap());
    for conflict in view.shown_conflicts(&group.conflicts) {
        conflict_summary_ui(ui, view, conflict, out);
    }
    for conflict in &group.dismissed {
        dismissed_ui(ui, view, conflict, out);
    }
    notes_ui(ui, view, group, out);
    ui.add_space(4.0);

    let claims = &comparison.claims;
    let reference_article = view
        .reference()
        .filter(|r| group.present_in.contains(r))
        .or_else(|| {
            group
                .members
                .first()
                .and_then(|&m| claims.get(m))
                .map(|c| c.article)
        });
    let Some(reference) = group
        .members
        .iter()
        .copied()
        .find(|&m| claims.get(m).map(|c| c.article) == reference_article)
    else {
        return;
    };
    reference_picker_ui(ui, view, reference_article, out);
    let Some(reference_claim) = claims.get(reference) else {
        return;
    };
    member_heading_ui(ui, view, reference_claim, "reference");
    ui.add(
        Label::new(RichText::new(hide_invisible(&reference_claim.text)).font(theme::body_font()))
            .wrap(),
    );

    for &member in &group.members {
        if member == reference {
            continue;
        }
        let Some(claim) = claims.get(member) else {
            continue;
        };
        ui.add_space(6.0);
        ui.separator();
        let link = comparison
            .links
            .iter()
            .find(|l| l.a == reference.min(member) && l.b == reference.max(member));
        member_heading_ui(ui, view, claim, &link_note(link, group, member, view));
        let diff = diff_claims(reference_claim, claim);
        if diff.is_equal() {
            ui.label(RichText::new("Same words as the reference.").color(palette.dim));
            ui.add(
                Label::new(RichText::new(hide_invisible(&claim.text)).font(theme::body_font()))
                    .wrap(),
            );
        } else {
            let job = diff_job(&diff, palette, ui.available_width());
            ui.add(Label::new(job).wrap());
            for callout in fact_callouts(&diff) {
                ui.label(RichText::new(callout).color(palette.fact).small());
            }
        }
        if let Some(link) = link {
            for conflict in view.shown_conflicts(&link.conflicts) {
                conflict_evidence_ui(ui, view, conflict, link);
            }
        }
        let outlet = view.outlet(claim.article).to_owned();
        ui.horizontal(|ui| {
            command_button(
                ui,
                "Unlink from group",
                Command::UnlinkClaim(claim.id.clone()),
                true,
                out,
            )
            .on_hover_text(format!("{outlet}'s claim does not state the same thing"));
            if link.is_some() {
                let remove = Command::RemoveLink(reference_claim.id.clone(), claim.id.clone());
                command_button(ui, "Remove link", remove, true, out);
            }
        });
    }

    if !group.absent_from.is_empty() {
        ui.add_space(6.0);
        ui.separator();
        let missing: Vec<&str> = group.absent_from.iter().map(|&a| view.outlet(a)).collect();
        ui.label(
            RichText::new(format!("Not reported by: {}", missing.join(", "))).color(palette.dim),
        );
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        command_button(
            ui,
            "Link selected claim with…",
            Command::StartLinking,
            view.selected_claim.is_some(),
            out,
        );
        ui.label(
            RichText::new("for a counterpart the matcher missed")
                .small()
                .color(palette.dim),
        );
    });
    legend_ui(ui, palette);
}

fn reference_picker_ui(
    ui: &mut Ui,
    view: &View<'_>,
    reference: Option<usize>,
    out: &mut Vec<Command>,
) {
    let comparison = view.comparison();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Compare against").color(view.palette.dim));
        let selected = reference.map_or("", |r| view.outlet(r)).to_owned();
        ui.name_inputs("Reference article", |ui| {
            egui::ComboBox::from_id_salt("reference article")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for article in 0..comparison.articles.len() {
                        let checked = reference == Some(article);
                        if ui.selectable_label(checked, view.outlet(article)).clicked() && !checked
                        {
                            out.push(Command::SetReference(view.workspace_index(article)));
                        }
                    }
                });
        });
    });
}

fn member_heading_ui(ui: &mut Ui, view: &View<'_>, claim: &Claim, note: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(view.outlet(claim.article)).strong());
        if !note.is_empty() {
            ui.label(RichText::new(note).small().color(view.palette.dim));
        }
    });
}

/// The two claims of a difference and their outlets, when the difference knows them.
fn pair_of<'v>(view: &'v View<'_>, conflict: &Conflict) -> Option<(&'v Claim, &'v Claim)> {
    let (a, b) = conflict.between?;
    Some((view.claim(a)?, view.claim(b)?))
}

/// A difference at the top of the group: what differs, between which outlets; clicking it
/// selects the second outlet's claim (the columns scroll to both); "Not a conflict" dismisses
/// it.
fn conflict_summary_ui(ui: &mut Ui, view: &View<'_>, conflict: &Conflict, out: &mut Vec<Command>) {
    let palette = &view.palette;
    let pair = pair_of(view, conflict);
    let outlets = pair.map(|(a, b)| {
        format!(
            " — {} vs {}",
            view.outlet(a.article),
            view.outlet(b.article)
        )
    });
    let text = format!("{}{}", conflict_line(conflict), outlets.unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let line = ui.add(
            egui::Button::new(RichText::new(&text).color(conflict_color(palette, conflict)))
                .frame(false)
                .wrap(),
        );
        if let Some((a, b)) = pair {
            let line = line.on_hover_text("Click to show this pair in the columns");
            if line.clicked() {
                out.push(Command::SelectClaim(a.id.clone()));
            }
            let dismiss = Command::DismissConflict {
                a: a.id.clone(),
                b: b.id.clone(),
                difference: conflict.clone(),
            };
            command_button(ui, "Not a conflict", dismiss, true, out);
        }
    });
}

/// A difference the user marked "not a conflict": shown struck through as their decision, with
/// a way back.
fn dismissed_ui(ui: &mut Ui, view: &View<'_>, conflict: &Conflict, out: &mut Vec<Command>) {
    let pair = pair_of(view, conflict);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "Not a conflict (your decision): {}",
                conflict.describe()
            ))
            .color(view.palette.user)
            .strikethrough(),
        );
        if let Some((a, b)) = pair {
            let restore = Command::RestoreConflict {
                a: a.id.clone(),
                b: b.id.clone(),
                difference: conflict.clone(),
            };
            command_button(ui, "Restore", restore, true, out);
        }
    });
}

/// The user's notes: on the group (written on the selected claim, so it follows that claim)
/// and on the selected claim.
fn notes_ui(ui: &mut Ui, view: &View<'_>, group: &Group, out: &mut Vec<Command>) {
    let Some(selected) = view.selected_claim.and_then(|c| view.claim(c)) else {
        return;
    };
    let comparison = view.comparison();
    // A group note may sit on another member (groups merged): it is edited where it is.
    let noted_member = group
        .members
        .iter()
        .filter_map(|&m| comparison.claims.get(m))
        .find(|c| view.workspace.group_notes.contains_key(&c.id));
    let group_claim = noted_member.unwrap_or(selected);
    let others: Vec<&str> = group
        .members
        .iter()
        .filter_map(|&m| comparison.claims.get(m))
        .filter(|c| c.id != group_claim.id)
        .filter_map(|c| view.workspace.group_notes.get(&c.id))
        .map(String::as_str)
        .collect();
    for other in others {
        ui.label(RichText::new(format!("Note: {other}")).color(view.palette.user));
    }
    let mut group_note = view
        .workspace
        .group_notes
        .get(&group_claim.id)
        .cloned()
        .unwrap_or_default();
    let mut claim_note = view
        .workspace
        .claim_notes
        .get(&selected.id)
        .cloned()
        .unwrap_or_default();
    egui::Grid::new("notes").num_columns(2).show(ui, |ui| {
        let label = ui.label(RichText::new("Group note").color(view.palette.dim));
        let edit = egui::TextEdit::multiline(&mut group_note)
            .id_salt(("group note", &group_claim.id))
            .desired_rows(1)
            .desired_width(f32::INFINITY)
            .hint_text("What you found about this group");
        let response = ui
            .add(edit)
            .on_hover_text(
                Command::SetGroupNote {
                    claim: group_claim.id.clone(),
                    note: String::new(),
                }
                .tooltip(),
            )
            .labelled_by(label.id);
        if response.changed() {
            out.push(Command::SetGroupNote {
                claim: group_claim.id.clone(),
                note: group_note.clone(),
            });
        }
        ui.end_row();
        let label = ui.label(RichText::new("Claim note").color(view.palette.dim));
        let hint = format!("Your note on {}'s claim", view.outlet(selected.article));
        let edit = egui::TextEdit::multiline(&mut claim_note)
            .id_salt(("claim note", &selected.id))
            .desired_rows(1)
            .desired_width(f32::INFINITY)
            .hint_text(hint);
        let response = ui.add(edit).labelled_by(label.id);
        if response.changed() {
            out.push(Command::SetClaimNote {
                claim: selected.id.clone(),
                note: claim_note.clone(),
            });
        }
        ui.end_row();
    });
}

/// How a member is tied to the reference and how much the two share: "same claim · matched
/// 0.82", "shares part · linked by you", or via another claim.
fn link_note(link: Option<&Link>, group: &Group, member: usize, view: &View<'_>) -> String {
    let shared = |l: &Link| {
        if l.coverage >= SAME_CLAIM_COVERAGE {
            "same claim"
        } else {
            "shares part"
        }
    };
    match link {
        Some(l) if l.origin == LinkOrigin::User => format!("{} · linked by you", shared(l)),
        Some(l) => format!("{} · matched {:.2}", shared(l), l.score),
        None => {
            let comparison = view.comparison();
            let via = group
                .links
                .iter()
                .filter_map(|&l| comparison.links.get(l))
                .find(|l| l.a == member || l.b == member)
                .map(|l| if l.a == member { l.b } else { l.a })
                .and_then(|other| comparison.claims.get(other))
                .map(|c| view.outlet(c.article).to_owned());
            via.map_or_else(String::new, |o| format!("linked via {o}"))
        }
    }
}

/// The word diff as coloured text: removed words struck through, added words highlighted,
/// changed facts underlined.
/// "≠ number differs: 1,200 vs Nearly 2,000 · 90% sure", or "possible: …" for a weak one.
fn conflict_line(conflict: &Conflict) -> String {
    let lead = if conflict.possible {
        "possible:"
    } else {
        "≠"
    };
    format!(
        "{lead} {} · {}% sure",
        conflict.describe(),
        conflict.confidence_pct
    )
}

fn conflict_color(palette: &Palette, conflict: &Conflict) -> egui::Color32 {
    if conflict.possible {
        palette.dim
    } else {
        palette.conflicting
    }
}

/// One conflict of a link: its line, then each claim with the words that carry it marked, so
/// the reader sees exactly what differs and where.
fn conflict_evidence_ui(ui: &mut Ui, view: &View<'_>, conflict: &Conflict, link: &Link) {
    let palette = &view.palette;
    ui.label(RichText::new(conflict_line(conflict)).color(conflict_color(palette, conflict)));
    let claims = &view.comparison().claims;
    for (index, span) in [(link.a, conflict.left_span), (link.b, conflict.right_span)] {
        let (Some(claim), Some(span)) = (claims.get(index), span) else {
            continue;
        };
        let job = highlight_job(
            view.outlet(claim.article),
            &claim.text,
            span,
            palette,
            conflict.possible,
            ui.available_width(),
        );
        ui.add(Label::new(job).wrap());
    }
}

/// "Outlet: the claim's text" with `span` marked (the words that carry a conflict).
fn highlight_job(
    outlet: &str,
    text: &str,
    span: Span,
    palette: &Palette,
    possible: bool,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let small = egui::FontId::proportional(12.0);
    let plain = TextFormat {
        font_id: small.clone(),
        color: palette.dim,
        ..TextFormat::default()
    };
    job.append(&format!("{outlet}: "), 0.0, plain.clone());
    let (Some(before), Some(marked), Some(after)) = (
        text.get(..span.start),
        text.get(span.start..span.end),
        text.get(span.end..),
    ) else {
        job.append(&reveal_invisible(text), 0.0, plain);
        return job;
    };
    let mark = TextFormat {
        font_id: small,
        color: if possible {
            palette.text
        } else {
            palette.conflicting
        },
        underline: Stroke::new(2.0, palette.conflicting),
        ..TextFormat::default()
    };
    job.append(&reveal_invisible(before), 0.0, plain.clone());
    job.append(&reveal_invisible(marked), 0.0, mark);
    job.append(&reveal_invisible(after), 0.0, plain);
    job
}

fn diff_job(diff: &WordDiff, palette: &Palette, wrap_width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let plain = TextFormat {
        font_id: theme::body_font(),
        color: palette.text,
        ..TextFormat::default()
    };
    for piece in &diff.pieces {
        let text = reveal_invisible(&piece.text);
        let word = text.trim_end();
        let space = &text[word.len()..];
        let mut format = plain.clone();
        match piece.side {
            Side::Both => {}
            Side::Left => {
                format.background = palette.removed_bg;
                format.color = palette.removed_text;
                format.strikethrough = Stroke::new(1.0, palette.removed_text);
            }
            Side::Right => {
                format.background = palette.added_bg;
                format.color = palette.added_text;
            }
        }
        if piece.side != Side::Both
            && let Some(color) = palette.mark(piece.mark)
        {
            format.underline = Stroke::new(2.0, color);
        }
        job.append(word, 0.0, format);
        if !space.is_empty() {
            job.append(space, 0.0, plain.clone());
        }
    }
    job
}

/// Changed facts in words: "number: “Roughly 20 percent” → “A quarter”".
pub(crate) fn fact_callouts(diff: &WordDiff) -> Vec<String> {
    let mut out = Vec::new();
    let mut hunk: Vec<(Side, Mark, &str)> = Vec::new();
    let flush = |hunk: &mut Vec<(Side, Mark, &str)>, out: &mut Vec<String>| {
        for mark in [Mark::Number, Mark::Time, Mark::Name, Mark::Quote] {
            let side_text = |side: Side| {
                hunk.iter()
                    .filter(|(s, m, _)| *s == side && *m == mark)
                    .map(|(_, _, t)| *t)
                    .collect::<String>()
                    .trim()
                    .to_owned()
            };
            let (old, new) = (side_text(Side::Left), side_text(Side::Right));
            let word = theme::mark_word(mark);
            let line = match (old.is_empty(), new.is_empty()) {
                (true, true) => continue,
                (false, false) => format!(
                    "{word}: “{}” → “{}”",
                    reveal_invisible(&old),
                    reveal_invisible(&new)
                ),
                (false, true) => format!("{word} dropped: “{}”", reveal_invisible(&old)),
                (true, false) => format!("{word} added: “{}”", reveal_invisible(&new)),
            };
            out.push(line);
        }
        hunk.clear();
    };
    for piece in &diff.pieces {
        if piece.side == Side::Both {
            flush(&mut hunk, &mut out);
        } else {
            hunk.push((piece.side, piece.mark, piece.text.as_str()));
        }
    }
    flush(&mut hunk, &mut out);
    out
}

fn legend_ui(ui: &mut Ui, palette: &Palette) {
    ui.add_space(8.0);
    let mut job = LayoutJob::default();
    let small = egui::FontId::proportional(11.5);
    let plain = TextFormat {
        font_id: small.clone(),
        color: palette.dim,
        ..TextFormat::default()
    };
    job.append("Key: ", 0.0, plain.clone());
    job.append(
        "only in the reference",
        0.0,
        TextFormat {
            background: palette.removed_bg,
            color: palette.removed_text,
            strikethrough: Stroke::new(1.0, palette.removed_text),
            ..plain.clone()
        },
    );
    job.append("  ", 0.0, plain.clone());
    job.append(
        "only in this outlet",
        0.0,
        TextFormat {
            background: palette.added_bg,
            color: palette.added_text,
            ..plain.clone()
        },
    );
    job.append("  ", 0.0, plain.clone());
    job.append(
        "changed number, name, quote or time",
        0.0,
        TextFormat {
            underline: Stroke::new(2.0, palette.fact),
            ..plain
        },
    );
    ui.add(Label::new(job).wrap());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::DiffPiece;

    fn piece(side: Side, mark: Mark, text: &str) -> DiffPiece {
        DiffPiece {
            side,
            text: text.to_owned(),
            mark,
        }
    }

    #[test]
    fn changed_number_is_called_out() {
        let diff = WordDiff {
            pieces: vec![
                piece(Side::Left, Mark::Number, "Roughly 20 percent "),
                piece(Side::Right, Mark::Number, "A quarter "),
                piece(Side::Both, Mark::Plain, "of the old town."),
            ],
        };
        assert_eq!(
            fact_callouts(&diff),
            vec!["number: “Roughly 20 percent” → “A quarter”"]
        );
    }

    #[test]
    fn dropped_name_is_called_out() {
        let diff = WordDiff {
            pieces: vec![
                piece(Side::Both, Mark::Plain, "off "),
                piece(Side::Left, Mark::Name, "the Mill Street "),
                piece(Side::Right, Mark::Plain, "a "),
                piece(Side::Both, Mark::Plain, "bridge"),
            ],
        };
        assert_eq!(
            fact_callouts(&diff),
            vec!["name dropped: “the Mill Street”"]
        );
    }
}
