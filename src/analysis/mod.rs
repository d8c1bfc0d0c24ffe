//! Pure text analysis: import → sentences/claims → facts → cross-outlet groups → diffs.
//!
//! Nothing here knows about the user interface; every stage is synchronous and deterministic.

pub mod claims;
pub mod comparison;
pub mod conflicts;
pub mod demo;
pub mod diff;
pub mod evidence;
pub mod facts;
pub mod features;
pub mod fit;
pub mod groups;
pub mod html;
pub mod import;
pub mod markdown;
// Generated numbers may happen to look like π/6; they are fitted weights, not constants.
#[allow(clippy::approx_constant)]
#[rustfmt::skip]
pub mod matcher_model;
pub mod matching;
pub mod model;
pub mod outlet;
pub mod parallel;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod text;

pub use comparison::{
    Citation, Claim, ClaimId, Comparison, Conflict, ConflictKind, Group, GroupStatus, Link,
    LinkOrigin, OutletSummary,
};
pub use model::{Article, ArticleMeta, Facts, Span};
pub use pipeline::{Decisions, MatchSettings, compare};
