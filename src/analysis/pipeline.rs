//! The whole analysis in one call: articles + the user's decisions → a [`Comparison`].

use super::{claims, groups};
use crate::analysis::comparison::Comparison;
use crate::analysis::matching::links as matching;
use crate::analysis::matching::settings::{Decisions, MatchSettings};
use crate::ingest::Article;

/// Analyse `articles` and group their claims, honouring the user's `decisions`.
pub fn compare(
    articles: &[Article],
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Comparison {
    let claims = claims::extract(articles);
    let prepared = matching::prepare(&claims, articles);
    let links = matching::find_links(&prepared, &claims, decisions, settings);
    groups::build(articles.to_vec(), claims, links, decisions)
}
