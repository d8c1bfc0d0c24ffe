//! The user's interface preferences, kept between runs in eframe storage (never in documents),
//! and the choices they are made of.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::theme::ThemeChoice;

/// The key under which [`Prefs`] are kept in eframe storage.
pub(crate) const PREFS_KEY: &str = "claimdiff.prefs";

/// How the claim-group list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GroupSort {
    /// In the order the claims first appear (first article first).
    #[default]
    Story,
    /// Groups carried by the most outlets first.
    Coverage,
    /// Conflicts first, then shared, then single-outlet claims.
    Status,
}

impl GroupSort {
    /// All orders, in menu order.
    pub(crate) const ALL: [GroupSort; 3] =
        [GroupSort::Story, GroupSort::Coverage, GroupSort::Status];

    /// Menu text.
    pub(crate) fn label(self) -> &'static str {
        match self {
            GroupSort::Story => "Story order",
            GroupSort::Coverage => "Coverage",
            GroupSort::Status => "Status",
        }
    }
}

/// Panels the user can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PanelKind {
    /// The details area at the bottom (claim groups, outlets, differences).
    Details,
    /// The differences panel inside the details area.
    Differences,
}

impl PanelKind {
    /// Menu text.
    pub(crate) fn label(self) -> &'static str {
        match self {
            PanelKind::Details => "Groups and details",
            PanelKind::Differences => "Differences",
        }
    }
}

/// The tabs of the left part of the details area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DetailsTab {
    /// The coverage matrix of claim groups.
    #[default]
    Groups,
    /// The per-outlet summary.
    Outlets,
}

impl DetailsTab {
    /// Tab text.
    pub(crate) fn label(self) -> &'static str {
        match self {
            DetailsTab::Groups => "Claim groups",
            DetailsTab::Outlets => "Outlets",
        }
    }
}

/// User interface preferences, kept between runs in eframe storage (not in documents).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light, dark or follow the system.
    pub theme: ThemeChoice,
    /// Zoom factor (1.0 = 100 %).
    pub zoom: f32,
    /// Show the details area (groups, outlets, differences).
    pub show_details: bool,
    /// Show the differences panel.
    pub show_differences: bool,
    /// The tab shown in the details area.
    pub details_tab: DetailsTab,
    /// The order of the claim-group list.
    pub sort: GroupSort,
    /// Workspaces opened or saved lately, most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            zoom: 1.0,
            show_details: true,
            show_differences: true,
            details_tab: DetailsTab::Groups,
            sort: GroupSort::Story,
            recent: Vec::new(),
        }
    }
}
