//! The built-in demo story: four fictional outlets on one flood, written for claimdiff.
//!
//! It shows agreements, low-overlap paraphrases, near-identical sentences that state different
//! facts, number and time conflicts, an altered quote, named versus anonymous sourcing, an outlet
//! citing another, and claims only one outlet carries.

use super::article::Article;
use super::layout::import_text;

/// The demo articles as (file name, text), embedded in the binary.
pub const DEMO_FILES: [(&str, &str); 4] = [
    (
        "kessling-courier.txt",
        include_str!("../../assets/demo/kessling-courier.txt"),
    ),
    (
        "northline-wire.txt",
        include_str!("../../assets/demo/northline-wire.txt"),
    ),
    (
        "meridian-post.txt",
        include_str!("../../assets/demo/meridian-post.txt"),
    ),
    (
        "riverside-daily.txt",
        include_str!("../../assets/demo/riverside-daily.txt"),
    ),
];

/// The demo articles, imported as if opened from files.
pub fn demo_articles() -> Vec<Article> {
    DEMO_FILES
        .iter()
        .map(|(name, text)| import_text(text, Some(name)))
        .collect()
}
