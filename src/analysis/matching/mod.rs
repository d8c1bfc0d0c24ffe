//! Which claims of different outlets state the same thing: candidate pairs from an inverted
//! index, one sentence-pair scoring function (a paraphrase probability fitted on MRPC train and
//! IDF-weighted content overlaps), the story-context model that turns those scores and the
//! pair's place in its two articles into the link score (fitted on labelled coverage), and the
//! user's decisions and thresholds.

pub mod context;
// Generated numbers may happen to look like π/6; they are fitted weights, not constants.
#[allow(clippy::approx_constant)]
#[rustfmt::skip]
pub mod context_weights;
pub mod evidence;
pub mod features;
pub mod fit;
pub mod fit_context;
pub mod links;
pub mod settings;
// Generated numbers may happen to look like π/6; they are fitted weights, not constants.
#[allow(clippy::approx_constant)]
#[rustfmt::skip]
pub mod weights;
