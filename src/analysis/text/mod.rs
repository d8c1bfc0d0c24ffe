//! Text below the claim: sentences with byte spans, word tokens, stems and IDF weights.

pub(crate) mod fxhash;
pub(crate) mod memo;
pub mod segment;
pub mod words;
