//! The whole analysis in one call: articles + the user's decisions → a [`Comparison`].

use super::{claims, groups};
use crate::analysis::comparison::{Comparison, LinkOrigin};
use crate::analysis::matching::links as matching;
use crate::analysis::matching::settings::{Decisions, MatchSettings};
use crate::analysis::stories::find_stories;
use crate::ingest::Article;

/// Analyse `articles` and group their claims, honouring the user's `decisions`.
pub fn compare(
    articles: &[Article],
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Comparison {
    let claims = claims::extract(articles);
    let stories = find_stories(articles);
    let prepared = matching::prepare(&claims, articles);
    let mut links = matching::find_links(&prepared, &claims, decisions, settings);
    // Claims of different stories are never grouped by the matcher (the user may still link
    // them by hand).
    let story_of_claim = |c: usize| {
        claims
            .get(c)
            .and_then(|claim| stories.story_of.get(claim.article))
    };
    links.retain(|l| l.origin == LinkOrigin::User || story_of_claim(l.a) == story_of_claim(l.b));
    let mut comparison = groups::build(articles.to_vec(), claims, links, decisions);
    // A claim is missing only from the articles of its own story.
    for group in &mut comparison.groups {
        let story_of = |a: usize| stories.story_of.get(a).copied();
        let own: Vec<Option<usize>> = group.present_in.iter().map(|&a| story_of(a)).collect();
        group.absent_from.retain(|&a| own.contains(&story_of(a)));
    }
    comparison.stories = stories;
    comparison
}
