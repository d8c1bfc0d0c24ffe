//! Colours, spacing and fonts of the window, in one place.
//!
//! Panels ask this module for a [`Palette`] (derived from the current light or dark visuals) and
//! use the spacing constants below; no panel picks a colour of its own.

use egui::{Color32, Context, FontFamily, FontId, Stroke, Visuals};
use serde::{Deserialize, Serialize};

use crate::analysis::GroupStatus;
use crate::analysis::diff::Mark;

/// Readable minimum width of an article column, in points.
pub(crate) const COLUMN_MIN_WIDTH: f32 = 280.0;
/// Gap between article columns.
pub(crate) const COLUMN_GAP: f32 = 8.0;
/// Width of the status-symbol gutter left of each claim.
pub(crate) const GUTTER_WIDTH: f32 = 18.0;
/// Vertical gap between two claims of one paragraph.
pub(crate) const CLAIM_GAP: f32 = 2.0;
/// Vertical gap between paragraphs.
pub(crate) const PARAGRAPH_GAP: f32 = 9.0;
/// Inner padding of a claim block.
pub(crate) const CLAIM_PADDING: f32 = 3.0;
/// Size of article body text.
pub(crate) const BODY_TEXT_SIZE: f32 = 14.0;
/// Size of the small, dimmed header and boilerplate lines.
pub(crate) const META_TEXT_SIZE: f32 = 11.5;
/// Height of one row of the coverage matrix.
pub(crate) const MATRIX_ROW_HEIGHT: f32 = 22.0;
/// Width of one outlet cell of the coverage matrix.
pub(crate) const MATRIX_CELL_WIDTH: f32 = 30.0;
/// Width of the status cell of the coverage matrix.
pub(crate) const MATRIX_STATUS_WIDTH: f32 = 104.0;
/// Share of the window's height the details area takes at first.
pub(crate) const DETAILS_SHARE: f32 = 0.4;
/// The details area's smallest height.
pub(crate) const DETAILS_MIN_HEIGHT: f32 = 150.0;
/// Height the article columns always keep above the details area.
pub(crate) const COLUMNS_MIN_HEIGHT: f32 = 220.0;
/// Share of the window's width the Differences panel takes at first.
pub(crate) const DIFF_SHARE: f32 = 0.42;
/// The Differences panel's smallest width.
pub(crate) const DIFF_MIN_WIDTH: f32 = 280.0;
/// Width the claim-group table keeps beside the Differences panel.
pub(crate) const GROUPS_MIN_WIDTH: f32 = 380.0;
/// Rounding of cards and chips.
pub(crate) const CORNER_RADIUS: u8 = 6;

/// Which light/dark theme the user wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// All choices, in menu order.
    pub(crate) const ALL: [ThemeChoice; 3] =
        [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// Menu text.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The egui preference for this choice.
    pub(crate) fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// How strongly a claim is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Emphasis {
    /// Not hovered, not selected.
    Normal,
    /// Its group is hovered somewhere.
    Hovered,
    /// Its group is selected.
    Selected,
}

/// The colours of the current theme.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    /// True in the dark theme.
    pub(crate) dark: bool,
    /// Shared claims (all outlets that carry it agree).
    pub(crate) shared: Color32,
    /// Conflicting claims.
    pub(crate) conflicting: Color32,
    /// Claims only one outlet carries.
    pub(crate) single: Color32,
    /// Ordinary text.
    pub(crate) text: Color32,
    /// Header lines, boilerplate and secondary text.
    pub(crate) dim: Color32,
    /// Background of an article card.
    pub(crate) card: Color32,
    /// Border of an article card.
    pub(crate) card_border: Color32,
    /// Background of removed diff words.
    pub(crate) removed_bg: Color32,
    /// Text of removed diff words.
    pub(crate) removed_text: Color32,
    /// Background of added diff words.
    pub(crate) added_bg: Color32,
    /// Text of added diff words.
    pub(crate) added_text: Color32,
    /// Underline of changed facts (numbers, names, quotes, times).
    pub(crate) fact: Color32,
    /// Marker of claims that match the search.
    pub(crate) search: Color32,
    /// Outline of the selected claim.
    pub(crate) focus: Color32,
    /// Background of error notices.
    pub(crate) error_bg: Color32,
    /// Background of informational notices.
    pub(crate) info_bg: Color32,
    /// Marker of user decisions.
    pub(crate) user: Color32,
}

impl Palette {
    /// The palette for these visuals.
    pub(crate) fn of(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                dark: true,
                shared: Color32::from_rgb(0x5c, 0xc8, 0x8a),
                conflicting: Color32::from_rgb(0xff, 0x7a, 0x59),
                single: Color32::from_rgb(0x9c, 0xa8, 0xff),
                text: Color32::from_gray(225),
                dim: Color32::from_gray(140),
                card: Color32::from_gray(30),
                card_border: Color32::from_gray(55),
                removed_bg: Color32::from_rgb(0x5a, 0x24, 0x24),
                removed_text: Color32::from_rgb(0xff, 0xb4, 0xa8),
                added_bg: Color32::from_rgb(0x1f, 0x4a, 0x30),
                added_text: Color32::from_rgb(0xb0, 0xf0, 0xc4),
                fact: Color32::from_rgb(0xff, 0xd5, 0x4f),
                search: Color32::from_rgb(0xff, 0xd5, 0x4f),
                focus: Color32::from_rgb(0x8a, 0xb4, 0xff),
                error_bg: Color32::from_rgb(0x4a, 0x1e, 0x1e),
                info_bg: Color32::from_rgb(0x1e, 0x33, 0x4a),
                user: Color32::from_rgb(0xe0, 0x9c, 0xff),
            }
        } else {
            Self {
                dark: false,
                shared: Color32::from_rgb(0x1b, 0x7f, 0x4b),
                conflicting: Color32::from_rgb(0xc2, 0x3b, 0x14),
                single: Color32::from_rgb(0x47, 0x52, 0xc4),
                text: Color32::from_gray(28),
                dim: Color32::from_gray(118),
                card: Color32::from_gray(253),
                card_border: Color32::from_gray(215),
                removed_bg: Color32::from_rgb(0xfd, 0xd8, 0xd2),
                removed_text: Color32::from_rgb(0x8a, 0x1c, 0x0c),
                added_bg: Color32::from_rgb(0xcf, 0xf2, 0xd9),
                added_text: Color32::from_rgb(0x0d, 0x5a, 0x2c),
                fact: Color32::from_rgb(0xb8, 0x6e, 0x00),
                search: Color32::from_rgb(0xe0, 0xa8, 0x00),
                focus: Color32::from_rgb(0x1f, 0x5f, 0xd1),
                error_bg: Color32::from_rgb(0xfd, 0xe3, 0xde),
                info_bg: Color32::from_rgb(0xe2, 0xec, 0xfb),
                user: Color32::from_rgb(0x8e, 0x3c, 0xb8),
            }
        }
    }

    /// The colour of a status.
    pub(crate) fn status(&self, status: GroupStatus) -> Color32 {
        match status {
            GroupStatus::Shared => self.shared,
            GroupStatus::Conflicting => self.conflicting,
            GroupStatus::SingleOutlet => self.single,
        }
    }

    /// Background of a claim of this status at this emphasis (transparent when not emphasised,
    /// except conflicts, which always carry a faint tint so they catch the eye).
    pub(crate) fn claim_background(&self, status: GroupStatus, emphasis: Emphasis) -> Color32 {
        let base = self.status(status);
        let alpha = match (emphasis, status) {
            (Emphasis::Selected, _) => 0.26,
            (Emphasis::Hovered, _) => 0.15,
            (Emphasis::Normal, GroupStatus::Conflicting) => 0.07,
            (Emphasis::Normal, _) => 0.0,
        };
        let alpha = if self.dark { alpha * 1.3 } else { alpha };
        base.gamma_multiply(alpha)
    }

    /// Underline colour of a changed word that belongs to a fact of this kind.
    pub(crate) fn mark(&self, mark: Mark) -> Option<Color32> {
        match mark {
            Mark::Plain => None,
            Mark::Number | Mark::Name | Mark::Quote | Mark::Time => Some(self.fact),
        }
    }

    /// Outline of the selected claim.
    pub(crate) fn focus_stroke(&self) -> Stroke {
        Stroke::new(1.5, self.focus)
    }
}

/// A short word for a fact mark, used when changed facts are called out.
pub(crate) fn mark_word(mark: Mark) -> &'static str {
    match mark {
        Mark::Plain => "word",
        Mark::Number => "number",
        Mark::Name => "name",
        Mark::Quote => "quote",
        Mark::Time => "time",
    }
}

/// Font of article body text.
pub(crate) fn body_font() -> FontId {
    FontId::new(BODY_TEXT_SIZE, FontFamily::Proportional)
}

/// Font of dimmed header and boilerplate lines.
pub(crate) fn meta_font() -> FontId {
    FontId::new(META_TEXT_SIZE, FontFamily::Proportional)
}

/// Font of the status symbols in the claim gutter.
pub(crate) fn symbol_font() -> FontId {
    FontId::new(BODY_TEXT_SIZE, FontFamily::Monospace)
}

/// Install fonts and style once, before the first frame.
///
/// The proportional font falls back to the monospace font (Hack), which carries the status and
/// matrix symbols (◦ ●) and arrows that Ubuntu-Light lacks; anything neither has is drawn as a box
/// ("tofu"), never a crash.
pub fn setup(ctx: &Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional)
        && !family.iter().any(|f| f == "Hack")
    {
        let at = family
            .iter()
            .position(|f| f == "Ubuntu-Light")
            .map_or(0, |i| i + 1);
        family.insert(at, "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(7.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
}
