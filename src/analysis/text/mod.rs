//! Text below the claim: sentences with byte spans, word tokens, stems and IDF weights.

pub mod segment;
pub mod words;
