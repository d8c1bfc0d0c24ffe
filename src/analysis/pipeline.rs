//! The whole analysis in one call: articles + the user's decisions → a [`Comparison`].

use super::{claims, groups};
use crate::analysis::comparison::{Claim, Comparison, Link};
use crate::analysis::matching::links as matching;
use crate::analysis::matching::settings::{Decisions, MatchSettings};
use crate::analysis::stories::{Stories, find_stories};
use crate::ingest::Article;

/// Analyse `articles` and group their claims, honouring the user's `decisions`.
pub fn compare(
    articles: &[Article],
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Comparison {
    let claims = claims::extract(articles);
    let stories = find_stories(articles);
    let links = links_per_story(articles, &claims, &stories, decisions, settings);
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

/// The links of every story, each story matched on its own — its word weights counted over its
/// own claims — so that opening an unrelated article never changes how a story's claims match.
/// Claims of different stories are linked only by the user.
fn links_per_story(
    articles: &[Article],
    claims: &[Claim],
    stories: &Stories,
    decisions: &Decisions,
    settings: &MatchSettings,
) -> Vec<Link> {
    if stories.story_count() <= 1 {
        let prepared = matching::prepare(claims, articles);
        return matching::find_links(&prepared, claims, decisions, settings);
    }
    let story_of_claim = |c: usize| {
        claims
            .get(c)
            .and_then(|claim| stories.story_of.get(claim.article))
    };
    let mut members_of_story: Vec<Vec<usize>> = vec![Vec::new(); stories.story_count()];
    for c in 0..claims.len() {
        if let Some(members) = story_of_claim(c).and_then(|&s| members_of_story.get_mut(s)) {
            members.push(c);
        }
    }
    let mut links = Vec::new();
    for members in members_of_story.iter().filter(|m| m.len() > 1) {
        let story_claims: Vec<Claim> = members.iter().map(|&c| claims[c].clone()).collect();
        let prepared = matching::prepare(&story_claims, articles);
        for mut link in matching::find_links(&prepared, &story_claims, decisions, settings) {
            link.a = members[link.a];
            link.b = members[link.b];
            links.push(link);
        }
    }
    // A claim outside every story (never the case for `find_stories`) was matched with none,
    // so its user links are kept here.
    links.extend(matching::user_links_across(claims, decisions, |a, b| {
        story_of_claim(a).is_some() && story_of_claim(a) == story_of_claim(b)
    }));
    links.sort_by_key(|l| (l.a, l.b));
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::matching::settings::MatchSettings;
    use crate::ingest::demo::demo_articles;
    use crate::ingest::import_text;

    fn fixture(path: &str) -> Article {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let text = std::fs::read_to_string(&full).unwrap();
        import_text(&text, Some(path))
    }

    /// The groups of the first `count` articles' claims, as sets of claim texts.
    fn groups_of_first(comparison: &Comparison, count: usize) -> Vec<Vec<String>> {
        let mut by_group: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for claim in comparison.claims.iter().filter(|c| c.article < count) {
            by_group
                .entry(claim.group)
                .or_default()
                .push(claim.text.clone());
        }
        let mut groups: Vec<Vec<String>> = by_group.into_values().collect();
        groups.sort();
        groups
    }

    #[test]
    fn opening_other_stories_never_changes_how_a_story_matches() {
        let story = demo_articles();
        let alone = compare(&story, &Decisions::default(), &MatchSettings::default());
        let mut with_others = story.clone();
        for path in [
            "tests/fixtures/story/1-valley-herald.txt",
            "tests/fixtures/story/2-carrow-times.txt",
            "tests/fixtures/story/3-northern-wire.txt",
            "tests/fixtures/update/1-harbour-gazette.txt",
            "tests/fixtures/update/2-coastal-wire.txt",
        ] {
            with_others.push(fixture(path));
        }
        let mixed = compare(
            &with_others,
            &Decisions::default(),
            &MatchSettings::default(),
        );
        assert_eq!(
            mixed.stories.story_count(),
            3,
            "flood, mine rescue, ferry fire"
        );
        assert_eq!(
            groups_of_first(&mixed, story.len()),
            groups_of_first(&alone, story.len())
        );
        let scores = |c: &Comparison| -> Vec<(String, String, u32)> {
            let mut s: Vec<(String, String, u32)> = c
                .links
                .iter()
                .filter(|l| c.claims[l.a].article < story.len())
                .map(|l| {
                    (
                        c.claims[l.a].id.0.clone(),
                        c.claims[l.b].id.0.clone(),
                        (l.score * 1000.0).round() as u32,
                    )
                })
                .collect();
            s.sort();
            s
        };
        assert_eq!(
            scores(&mixed),
            scores(&alone),
            "the same links, scored the same"
        );
    }

    #[test]
    fn a_user_link_across_two_stories_is_kept() {
        let mut articles = demo_articles();
        articles.push(fixture("tests/fixtures/update/1-harbour-gazette.txt"));
        articles.push(fixture("tests/fixtures/update/2-coastal-wire.txt"));
        let first = compare(&articles, &Decisions::default(), &MatchSettings::default());
        let flood = &first.claims[1];
        let ferry = first
            .claims
            .iter()
            .find(|c| c.article == articles.len() - 1)
            .unwrap();
        assert_ne!(
            first.stories.story_of[flood.article], first.stories.story_of[ferry.article],
            "the link must join two stories"
        );
        let mut decisions = Decisions::default();
        decisions.links.insert(flood.id.clone(), ferry.id.clone());
        let linked = compare(&articles, &decisions, &MatchSettings::default());
        let a = linked.claims.iter().position(|c| c.id == flood.id).unwrap();
        let b = linked.claims.iter().position(|c| c.id == ferry.id).unwrap();
        assert_eq!(linked.claims[a].group, linked.claims[b].group);
        assert!(
            linked
                .links
                .iter()
                .any(|l| (l.a, l.b) == (a.min(b), a.max(b))
                    && l.origin == crate::analysis::comparison::LinkOrigin::User)
        );
    }
}
