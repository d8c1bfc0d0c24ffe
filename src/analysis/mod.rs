//! Pure text analysis: articles → sentences/claims → facts → links and groups → conflicts →
//! diffs.
//!
//! Nothing here reads files, fetches pages or knows about the user interface; every stage is
//! synchronous and deterministic. Articles come in from [`crate::ingest`].

pub mod claims;
pub mod comparison;
pub mod conflicts;
pub mod diff;
pub mod facts;
pub mod groups;
pub mod matching;
pub mod parallel;
pub mod pipeline;
pub mod text;

pub use comparison::{
    Citation, Claim, ClaimId, Comparison, Conflict, ConflictKind, Group, GroupStatus, Link,
    LinkOrigin, OutletSummary,
};
pub use facts::types::Facts;
pub use matching::settings::{Decisions, MatchSettings};
pub use pipeline::compare;
