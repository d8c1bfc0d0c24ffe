//! Pure text analysis: articles → sentences/claims → facts → links and groups → conflicts →
//! diffs.
//!
//! Nothing here reads files, fetches pages or knows about the user interface; every stage is
//! synchronous and deterministic. Articles come in from [`crate::ingest`].

pub mod claims;
pub(crate) mod comparison;
pub(crate) mod conflicts;
pub(crate) mod diff;
pub(crate) mod facts;
pub(crate) mod groups;
pub mod matching;
pub(crate) mod parallel;
pub(crate) mod pipeline;
pub mod stories;
pub(crate) mod text;

pub use comparison::{
    Citation, Claim, ClaimId, Comparison, Conflict, ConflictKind, Group, GroupStatus, Link,
    LinkOrigin, OutletSummary, SAME_CLAIM_COVERAGE,
};
pub use facts::types::Facts;
pub use groups::claim_status;
pub use matching::settings::{Decisions, MatchSettings, NotConflict};
pub use pipeline::compare;
