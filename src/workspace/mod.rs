//! The document a user saves: articles plus the user's decisions, as versioned RON.

pub mod model;

pub use model::{ArticleEntry, ComparisonSettings, GroupFilter, WORKSPACE_VERSION, Workspace};
