//! Links → claim groups with a status, plus per-outlet summaries and citations.
//!
//! Groups grow from the strongest links down. Two groups merge only when most of the possible
//! links between them exist (average linkage over the link graph), so one broad sentence that
//! links to two unrelated claims cannot chain them into one group. User links always merge.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::analysis::comparison::{
    Citation, Claim, Comparison, Conflict, ConflictKind, Group, GroupStatus, Link, LinkOrigin,
    OutletSummary,
};
use crate::analysis::conflicts::time_key_year;
use crate::analysis::facts::types::TimeFact;
use crate::analysis::matching::context_weights::CONTEXT_MODEL;
use crate::analysis::matching::settings::Decisions;
use crate::analysis::stories::day_number;
use crate::analysis::text::words::shorten;
use crate::ingest::calendar::weekday_index;
use crate::ingest::outlet_names::outlet_key;
use crate::ingest::{Article, Span};

/// Most claims of one article a group holds. An article states one claim a few times —
/// headline, lede, a recap — not ten: past that a group is a topic, not a claim (real stories
/// made 20- and 25-claim groups of three articles). Leave-one-story-out on the ten tuning
/// stories with the shipped context model: 0.448 with this cap, 0.435 without one.
pub const MAX_CLAIMS_PER_ARTICLE: usize = 4;

/// Maximum length of a group label in characters.
const LABEL_CHARS: usize = 90;

/// Union-find over claim indices with member lists kept per root.
struct Clusters {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn merge(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
    }
}

/// The group of every claim (its root claim) from the links, merging from the strongest link
/// down by average linkage at `merge_mean_score`, never past `max_claims_per_article` claims of
/// one article in a group (an article states one claim a few times — headline, lede, a recap —
/// not ten: a group that large is a topic, not a claim). `claim_articles[i]` is claim `i`'s
/// article; there are `article_count` articles. User links always merge.
pub fn cluster(
    claim_articles: &[usize],
    article_count: usize,
    links: &[Link],
    merge_mean_score: f32,
    max_claims_per_article: usize,
) -> Vec<usize> {
    let claim_count = claim_articles.len();
    // Neighbours of each claim over the distinct linked pairs, for counting the links between
    // two groups from the smaller side instead of testing every member pair.
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); claim_count];
    let mut seen_pairs: HashSet<(usize, usize)> = HashSet::with_capacity(links.len());
    for l in links {
        if l.a != l.b
            && l.a < claim_count
            && l.b < claim_count
            && seen_pairs.insert((l.a.min(l.b), l.a.max(l.b)))
        {
            neighbours[l.a].push((l.b, l.score));
            neighbours[l.b].push((l.a, l.score));
        }
    }
    let mut clusters = Clusters::new(claim_count);
    let mut order: Vec<usize> = (0..links.len())
        .filter(|&i| links[i].a < claim_count && links[i].b < claim_count)
        .collect();
    order.sort_by(|&x, &y| {
        let (lx, ly) = (&links[x], &links[y]);
        let user_first = (ly.origin == LinkOrigin::User).cmp(&(lx.origin == LinkOrigin::User));
        user_first
            .then(ly.score.total_cmp(&lx.score))
            .then((lx.a, lx.b).cmp(&(ly.a, ly.b)))
    });
    let mut other_per_article: Vec<usize> = Vec::with_capacity(article_count);
    for index in order {
        let link = &links[index];
        let (ra, rb) = (clusters.root(link.a), clusters.root(link.b));
        if ra == rb {
            continue;
        }
        let accept = link.origin == LinkOrigin::User || {
            // Average linkage over the pairs a reader compares: every cross-outlet pair of the
            // two groups, an unlinked pair counting 0, so one broad sentence linked to both
            // groups cannot chain them. And every member of the smaller group must be linked
            // into the other: a group never takes in a claim that shares nothing with it.
            let (small, other) = if clusters.members[ra].len() <= clusters.members[rb].len() {
                (ra, rb)
            } else {
                (rb, ra)
            };
            let article = |c: usize| claim_articles[c];
            // Cross-outlet pairs from per-article counts of the larger group: linear, not
            // the product of the two sizes.
            other_per_article.clear();
            other_per_article.resize(article_count, 0);
            for &y in &clusters.members[other] {
                if let Some(count) = other_per_article.get_mut(article(y)) {
                    *count += 1;
                }
            }
            let other_len = clusters.members[other].len();
            let cross_pairs: usize = clusters.members[small]
                .iter()
                .map(|&x| other_len - other_per_article.get(article(x)).copied().unwrap_or(0))
                .sum();
            // The counts become the merged group's: no article past the cap.
            let mut within_cap = true;
            for &x in &clusters.members[small] {
                if let Some(count) = other_per_article.get_mut(article(x)) {
                    *count += 1;
                    within_cap &= *count <= max_claims_per_article;
                }
            }
            let mut linked_score = 0.0f32;
            let mut every_member_linked = true;
            for k in 0..clusters.members[small].len() {
                let x = clusters.members[small][k];
                let mut linked = false;
                for &(y, score) in &neighbours[x] {
                    if clusters.root(y) == other {
                        linked = true;
                        if article(x) != article(y) {
                            linked_score += score;
                        }
                    }
                }
                every_member_linked &= linked;
            }
            within_cap
                && every_member_linked
                && cross_pairs > 0
                && linked_score >= merge_mean_score * cross_pairs as f32
        };
        if accept {
            clusters.merge(link.a, link.b);
        }
    }
    (0..claim_count).map(|c| clusters.root(c)).collect()
}

/// Build groups from links and assemble the whole comparison.
pub fn build(
    articles: Vec<Article>,
    mut claims: Vec<Claim>,
    mut links: Vec<Link>,
    decisions: &Decisions,
) -> Comparison {
    let claim_articles: Vec<usize> = claims.iter().map(|c| c.article).collect();
    let root_of = cluster(
        &claim_articles,
        articles.len(),
        &links,
        CONTEXT_MODEL.merge_mean_score,
        MAX_CLAIMS_PER_ARTICLE,
    );
    // Groups in order of first appearance: the root is the smallest member index.
    let mut roots: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (claim, &root) in root_of.iter().enumerate() {
        roots.entry(root).or_default().push(claim);
    }
    let unlinked_claims: HashSet<&str> = decisions
        .unlinks
        .iter()
        .flat_map(|(x, y)| [x.0.as_str(), y.0.as_str()])
        .collect();
    let mut groups = Vec::with_capacity(roots.len());
    for (group_id, members) in roots.into_values().enumerate() {
        for &m in &members {
            claims[m].group = group_id;
        }
        groups.push(Group {
            id: group_id,
            label: claims
                .get(members[0])
                .map(|c| shorten(&c.text, LABEL_CHARS))
                .unwrap_or_default(),
            user_curated: members
                .iter()
                .any(|&m| unlinked_claims.contains(claims[m].id.0.as_str())),
            members,
            status: GroupStatus::SingleOutlet,
            conflicts: Vec::new(),
            links: Vec::new(),
            present_in: Vec::new(),
            absent_from: Vec::new(),
            dismissed: Vec::new(),
        });
    }
    weigh_dated_differences(&articles, &claims, &mut links);
    place_conflicts(&claims, &mut links, decisions);
    for (index, link) in links.iter_mut().enumerate() {
        let group = claims[link.a].group;
        if group == claims[link.b].group {
            link.in_group = true;
            let g = &mut groups[group];
            g.links.push(index);
            g.user_curated |= link.origin == LinkOrigin::User;
            // One entry per difference, at the surest link that shows it: a headline's lone
            // "two" vs "five" is possible, the lede's "two passengers killed" is sure.
            keep_surest(&mut g.conflicts, &link.conflicts);
            keep_surest(&mut g.dismissed, &link.dismissed);
        }
    }
    for g in &mut groups {
        let present: BTreeSet<usize> = g.members.iter().map(|&m| claims[m].article).collect();
        g.present_in = present.iter().copied().collect();
        g.absent_from = (0..articles.len())
            .filter(|a| !present.contains(a))
            .collect();
        g.status = if present.len() < 2 {
            GroupStatus::SingleOutlet
        } else if g.conflicts.iter().all(|c| c.possible) {
            // Possible differences are shown on request; they don't make a group conflicting.
            GroupStatus::Shared
        } else {
            GroupStatus::Conflicting
        };
    }
    let citations = citations(&articles, &claims);
    let summaries = summaries(&articles, &claims, &links, &groups, &citations);
    Comparison {
        articles,
        claims,
        links,
        groups,
        citations,
        summaries,
        stories: Default::default(),
    }
}

/// One entry per difference in `kept`, at the surest link that shows it: a headline's lone
/// "two" vs "five" is possible, the lede's "two passengers killed" is sure.
fn keep_surest(kept: &mut Vec<Conflict>, found: &[Conflict]) {
    for conflict in found {
        match kept.iter_mut().find(|c| c.same_difference(conflict)) {
            Some(old) if old.confidence_pct < conflict.confidence_pct => *old = conflict.clone(),
            Some(_) => {}
            None => kept.push(conflict.clone()),
        }
    }
}

/// Tell each difference which two claims it is between, and set the ones the user marked "not
/// a conflict" apart so they are shown as the user's decision and never counted.
fn place_conflicts(claims: &[Claim], links: &mut [Link], decisions: &Decisions) {
    for link in links {
        for conflict in &mut link.conflicts {
            conflict.between = Some((link.a, link.b));
        }
        if decisions.not_conflicts.is_empty() {
            continue;
        }
        let (Some(a), Some(b)) = (claims.get(link.a), claims.get(link.b)) else {
            continue;
        };
        let (dismissed, kept): (Vec<Conflict>, Vec<Conflict>) = std::mem::take(&mut link.conflicts)
            .into_iter()
            .partition(|c| decisions.is_not_conflict(&a.id, &b.id, c));
        link.conflicts = kept;
        link.dismissed = dismissed;
    }
}

/// Weigh the time and count differences by when things happened and were published: drop two
/// times that date two events — years apart ([`dates_events_years_apart`]), or, between
/// articles dated apart, a weekday after the earlier report
/// ([`names_days_after_the_earlier_report`]) — and name both publication dates on every other
/// difference in a count or a time between articles dated apart: a later report that states a
/// changed fact may be a story update, and the reader should see when each was published
/// rather than a bare contradiction.
fn weigh_dated_differences(articles: &[Article], claims: &[Claim], links: &mut [Link]) {
    let date_of = |claim: &Claim| {
        articles
            .get(claim.article)
            .and_then(|a| a.meta.date.as_deref())
    };
    for link in links {
        let (Some(a), Some(b)) = (claims.get(link.a), claims.get(link.b)) else {
            continue;
        };
        let dated_apart = match (date_of(a), date_of(b)) {
            (Some(left), Some(right)) if left != right => Some((left, right)),
            _ => None,
        };
        link.conflicts.retain(|c| {
            !dates_events_years_apart(c, a, b)
                && !dated_apart.is_some_and(|(left, right)| {
                    names_days_after_the_earlier_report(c, (a, left), (b, right))
                })
        });
        if let Some((left, right)) = dated_apart {
            // Counts and dates move as a story develops; a quote's words or its source do not.
            for conflict in link
                .conflicts
                .iter_mut()
                .filter(|c| matches!(c.kind, ConflictKind::Number | ConflictKind::Time))
            {
                conflict.reported = Some((left.to_string(), right.to_string()));
            }
        }
    }
}

/// The day a weekday named in an article published on `published_day` refers to, counting
/// back: a report names days gone by ("resigned Thursday" in Sunday's paper is three days
/// back; "Sunday" in Sunday's paper is that day).
fn weekday_before(published_day: i64, weekday: &str) -> Option<i64> {
    let target = weekday_index(weekday)? as i64;
    // Day 0 of `day_number` is a Wednesday.
    let published_weekday = (published_day + 2).rem_euclid(7);
    Some(published_day - (published_weekday - target).rem_euclid(7))
}

/// True when `conflict` is two weekdays of which the later report's falls after the earlier
/// report was published: the earlier one cannot have told that day's news, so the two claims
/// date two events ("resigned Thursday" on the 20th, "announced Sunday" on the 23rd; the flood
/// on Tuesday night, the clean-up on Thursday). A weekday ahead ("next Tuesday") is left alone.
fn names_days_after_the_earlier_report(
    conflict: &Conflict,
    (a, a_date): (&Claim, &str),
    (b, b_date): (&Claim, &str),
) -> bool {
    if conflict.kind != ConflictKind::Time {
        return false;
    }
    let day_named = |claim: &Claim, span: Option<Span>, published: i64| {
        let time = time_at(claim, span)?;
        let lower = time.text.to_lowercase();
        if lower.contains("next") || lower.contains("coming") {
            return None;
        }
        weekday_before(published, time.key.strip_prefix("weekday:")?)
    };
    let (Some(a_published), Some(b_published)) = (day_number(a_date), day_number(b_date)) else {
        return false;
    };
    let (Some(a_day), Some(b_day)) = (
        day_named(a, conflict.left_span, a_published),
        day_named(b, conflict.right_span, b_published),
    ) else {
        return false;
    };
    if a_published < b_published {
        b_day > a_published
    } else {
        a_day > b_published
    }
}

/// The time of `claim` at `span` (one side of a time difference).
fn time_at(claim: &Claim, span: Option<Span>) -> Option<&TimeFact> {
    claim.facts.times.iter().find(|t| Some(t.span) == span)
}

/// Years at least this far apart date two events, not one event dated two ways.
const EVENT_YEARS_APART: i32 = 2;

/// True when `conflict` is two times whose years lie [`EVENT_YEARS_APART`] or more apart: the
/// claims date two events ("the 2001 invasion" of one country, "the 2003 invasion" of another;
/// a confirmation "on Jan. 20, 2017" and a departure on "January 1, 2019"), which is no
/// difference. A year apart still differs ("by mid-2022" vs "late 2021"). The matcher keeps
/// reading such times as differing: two claims about two events are not one claim.
fn dates_events_years_apart(conflict: &Conflict, a: &Claim, b: &Claim) -> bool {
    if conflict.kind != ConflictKind::Time {
        return false;
    }
    let Some(left_year) = time_at(a, conflict.left_span).and_then(|t| time_key_year(&t.key)) else {
        return false;
    };
    // The right side names every time of `b` that differs, joined by ", " (a date may hold a
    // comma itself: "on Jan. 20, 2017"), so each is found whole inside it.
    let right_years: Vec<Option<i32>> = b
        .facts
        .times
        .iter()
        .filter(|t| !t.text.is_empty() && conflict.right.contains(t.text.as_str()))
        .map(|t| time_key_year(&t.key))
        .collect();
    !right_years.is_empty()
        && right_years
            .iter()
            .all(|year| year.is_some_and(|y| (y - left_year).abs() >= EVENT_YEARS_APART))
}

/// Which article credits which other outlet, counted over its claims.
fn citations(articles: &[Article], claims: &[Claim]) -> Vec<Citation> {
    let mut counts: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for claim in claims {
        let own = articles
            .get(claim.article)
            .map(|a| outlet_key(&a.meta.outlet))
            .unwrap_or_default();
        for cited in &claim.facts.cited_outlets {
            if outlet_key(cited) != own {
                *counts.entry((claim.article, cited.clone())).or_insert(0) += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|((article, cited_outlet), claims)| Citation {
            article,
            cited_outlet,
            claims,
        })
        .collect()
}

/// The status a claim is marked with: its group's, except that in a conflicting group a claim
/// whose links carry no sure difference is shared — the cleanup headline grouped with "1,200
/// vs nearly 2,000" states neither figure.
pub fn claim_status(links: &[Link], groups: &[Group], claim: &Claim, index: usize) -> GroupStatus {
    let Some(group) = groups.get(claim.group) else {
        return GroupStatus::SingleOutlet;
    };
    if group.status != GroupStatus::Conflicting {
        return group.status;
    }
    let in_a_difference = group
        .links
        .iter()
        .filter_map(|&l| links.get(l))
        .any(|l| (l.a == index || l.b == index) && l.conflicts.iter().any(|c| !c.possible));
    if in_a_difference {
        GroupStatus::Conflicting
    } else {
        GroupStatus::Shared
    }
}

fn summaries(
    articles: &[Article],
    claims: &[Claim],
    links: &[Link],
    groups: &[Group],
    citations: &[Citation],
) -> Vec<OutletSummary> {
    let mut out: Vec<OutletSummary> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| OutletSummary {
            article: i,
            outlet: a.meta.outlet.clone(),
            cited_outlets: citations
                .iter()
                .filter(|c| c.article == i)
                .map(|c| c.cited_outlet.clone())
                .collect(),
            ..OutletSummary::default()
        })
        .collect();
    for (index, claim) in claims.iter().enumerate() {
        let Some(s) = out.get_mut(claim.article) else {
            continue;
        };
        s.claims += 1;
        match claim_status(links, groups, claim, index) {
            GroupStatus::Shared => s.shared += 1,
            GroupStatus::Conflicting => s.conflicting += 1,
            GroupStatus::SingleOutlet => s.single_outlet += 1,
        }
        if let Some(attribution) = &claim.facts.attribution {
            if attribution.anonymous {
                s.anonymous_sources += 1;
            } else {
                s.named_sources += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::sentence_claim;
    use crate::analysis::comparison::{Conflict, ConflictKind};

    fn claims(articles: &[usize]) -> Vec<Claim> {
        articles
            .iter()
            .enumerate()
            .map(|(i, &article)| {
                let mut c = sentence_claim(&format!("claim number {i}"));
                c.article = article;
                c
            })
            .collect()
    }

    fn link(a: usize, b: usize, score: f32) -> Link {
        Link {
            a,
            b,
            score,
            coverage: 0.0,
            conflicts: Vec::new(),
            origin: LinkOrigin::Matcher,
            in_group: false,
            dismissed: Vec::new(),
        }
    }

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| {
                let mut a = Article::default();
                a.meta.outlet = format!("Outlet {i}");
                a
            })
            .collect()
    }

    #[test]
    fn linked_claims_of_two_outlets_form_a_shared_group() {
        let c = build(
            articles(2),
            claims(&[0, 1]),
            vec![link(0, 1, 0.6)],
            &Decisions::default(),
        );
        assert_eq!(c.groups.len(), 1);
        assert_eq!(c.groups[0].status, GroupStatus::Shared);
        assert_eq!(c.groups[0].present_in, [0, 1]);
        assert!(c.links[0].in_group);
    }

    #[test]
    fn a_broad_sentence_does_not_chain_two_groups() {
        // Claims 0+1 and 2+3 are two strongly linked pairs; claim 4 (a third outlet) links
        // weakly to one member of each. It may join one group, but must not merge both.
        let links = vec![
            link(0, 1, 0.8),
            link(2, 3, 0.8),
            link(1, 4, 0.4),
            link(3, 4, 0.35),
        ];
        let c = build(
            articles(3),
            claims(&[0, 1, 0, 1, 2]),
            links,
            &Decisions::default(),
        );
        assert_ne!(
            c.claims[0].group, c.claims[2].group,
            "unrelated pairs stay apart"
        );
        let chained = c.links.iter().filter(|l| !l.in_group).count();
        assert!(
            chained >= 1,
            "the link that would chain stays listed, outside the group"
        );
    }

    #[test]
    fn a_group_holds_at_most_the_cap_of_one_article() {
        // One claim of article 0 links strongly to six claims of article 1: without a cap all
        // seven would make one topic-sized group.
        let articles_of = [0, 1, 1, 1, 1, 1, 1];
        let links: Vec<Link> = (1..7).map(|b| link(0, b, 0.9)).collect();
        let roots = cluster(&articles_of, 2, &links, 0.25, 4);
        let in_first = (1..7).filter(|&b| roots[b] == roots[0]).count();
        assert_eq!(in_first, 4, "four of article 1 join, the strongest first");
        assert!(
            (1..5).all(|b| roots[b] == roots[0]),
            "ties go by index: {roots:?}"
        );
        let uncapped = cluster(&articles_of, 2, &links, 0.25, usize::MAX);
        assert!(uncapped.iter().all(|&r| r == uncapped[0]));
        // User links always merge.
        let mut user: Vec<Link> = links.clone();
        for l in &mut user {
            l.origin = LinkOrigin::User;
        }
        let forced = cluster(&articles_of, 2, &user, 0.25, 4);
        assert!(forced.iter().all(|&r| r == forced[0]));
    }

    #[test]
    fn times_years_apart_date_two_events_and_a_year_apart_still_differs() {
        let pair = |left: &str, right: &str| {
            let mut a = sentence_claim(left);
            let mut b = sentence_claim(right);
            b.article = 1;
            a.article = 0;
            let found = crate::analysis::conflicts::find_conflicts(&a, &b);
            assert!(
                found.iter().any(|c| c.kind == ConflictKind::Time),
                "the matcher reads the times as differing: {found:?}"
            );
            let mut l = link(0, 1, 0.9);
            l.conflicts = found;
            let c = build(articles(2), vec![a, b], vec![l], &Decisions::default());
            c.links[0]
                .conflicts
                .iter()
                .any(|c| c.kind == ConflictKind::Time)
        };
        assert!(
            !pair(
                "Troops crossed the border in the 2001 invasion, officials said.",
                "Troops crossed the border in the 2003 invasion, officials said."
            ),
            "two invasions two years apart are two events"
        );
        assert!(
            !pair(
                "He won confirmation as secretary on Jan. 20, 2017, officials said.",
                "He will leave the post on January 1, 2019, officials said."
            ),
            "a date written with a comma is read whole"
        );
        assert!(
            pair(
                "The crewed flight is planned by mid-2022, the agency said.",
                "The crewed flight is planned for late 2021, the agency said."
            ),
            "a year apart is one date stated two ways"
        );
    }

    #[test]
    fn a_conflicting_link_makes_the_group_conflicting() {
        let mut l = link(0, 1, 0.7);
        l.conflicts
            .push(Conflict::new(ConflictKind::Number, "40", "45"));
        let c = build(articles(2), claims(&[0, 1]), vec![l], &Decisions::default());
        assert_eq!(c.groups[0].status, GroupStatus::Conflicting);
        assert_eq!(c.summaries[0].conflicting, 1);
    }

    #[test]
    fn in_a_conflicting_group_only_the_claims_that_differ_are_marked_conflicting() {
        // Claims 0 (article 0) and 1 (article 1) differ; claim 2 (article 2) is grouped with
        // both but states neither version.
        let mut differing = link(0, 1, 0.9);
        differing
            .conflicts
            .push(Conflict::new(ConflictKind::Number, "1,200", "2,000"));
        let links = vec![differing, link(0, 2, 0.9), link(1, 2, 0.9)];
        let c = build(
            articles(3),
            claims(&[0, 1, 2]),
            links,
            &Decisions::default(),
        );
        assert_eq!(c.groups.len(), 1);
        assert_eq!(c.groups[0].status, GroupStatus::Conflicting);
        let status = |i: usize| claim_status(&c.links, &c.groups, &c.claims[i], i);
        assert_eq!(status(0), GroupStatus::Conflicting);
        assert_eq!(status(1), GroupStatus::Conflicting);
        assert_eq!(status(2), GroupStatus::Shared);
        assert_eq!(c.summaries[2].conflicting, 0);
        assert_eq!(c.summaries[2].shared, 1);
    }

    #[test]
    fn a_difference_the_user_marked_not_a_conflict_is_set_apart_and_not_counted() {
        let with_number = || {
            let mut l = link(0, 1, 0.7);
            l.conflicts
                .push(Conflict::new(ConflictKind::Number, "40", "45"));
            l
        };
        let cs = claims(&[0, 1]);
        let mut decisions = Decisions::default();
        // A decision about another kind of fact changes nothing.
        let time = Conflict::new(ConflictKind::Time, "Monday", "Tuesday");
        decisions.dismiss_conflict(cs[1].id.clone(), cs[0].id.clone(), &time);
        let c = build(articles(2), cs.clone(), vec![with_number()], &decisions);
        assert_eq!(c.groups[0].status, GroupStatus::Conflicting);
        assert_eq!(c.links[0].conflicts[0].between, Some((0, 1)));
        // Either order of the two claims names the same difference.
        // Another number difference between the same claims is not covered.
        let other = Conflict::new(ConflictKind::Number, "40", "50");
        decisions.dismiss_conflict(cs[1].id.clone(), cs[0].id.clone(), &other);
        let c = build(articles(2), cs.clone(), vec![with_number()], &decisions);
        assert_eq!(c.groups[0].status, GroupStatus::Conflicting);
        // Either order of the two claims, and of the two values, names the same difference.
        let number = Conflict::new(ConflictKind::Number, "45", "40");
        decisions.dismiss_conflict(cs[1].id.clone(), cs[0].id.clone(), &number);
        let c = build(articles(2), cs.clone(), vec![with_number()], &decisions);
        assert_eq!(c.groups[0].status, GroupStatus::Shared);
        assert!(c.links[0].conflicts.is_empty());
        assert_eq!(c.links[0].dismissed.len(), 1);
        assert_eq!(c.groups[0].dismissed[0].left, "40");
        assert_eq!(c.summaries[0].conflicting, 0);
        decisions.restore_conflict(&cs[0].id, &cs[1].id, &number);
        let c = build(articles(2), cs, vec![with_number()], &decisions);
        assert_eq!(c.groups[0].status, GroupStatus::Conflicting);
    }

    #[test]
    fn differences_between_articles_dated_apart_name_both_dates() {
        let mut dated = articles(3);
        dated[0].meta.date = Some("2026-08-03".to_string());
        dated[1].meta.date = Some("2026-08-04".to_string());
        dated[2].meta.date = Some("2026-08-03".to_string());
        let with_conflicts = |a: usize, b: usize| {
            let mut l = link(a, b, 0.8);
            l.conflicts
                .push(Conflict::new(ConflictKind::Number, "two", "five").with_confidence(90));
            l.conflicts.push(
                Conflict::new(
                    ConflictKind::QuoteWording,
                    "we did all",
                    "we did what we could",
                )
                .with_confidence(80),
            );
            l
        };
        let c = build(
            dated,
            claims(&[0, 1, 2]),
            vec![with_conflicts(0, 1), with_conflicts(0, 2)],
            &Decisions::default(),
        );
        let apart = &c.links[0].conflicts;
        assert_eq!(
            apart[0].reported,
            Some(("2026-08-03".to_string(), "2026-08-04".to_string()))
        );
        assert!(
            apart[0]
                .describe()
                .contains("two (reported 2026-08-03) vs five (reported 2026-08-04)")
        );
        assert!(!apart[0].possible, "an update is shown, not hidden");
        assert_eq!(apart[1].reported, None, "a quote's words are not updated");
        let same_day = &c.links[1].conflicts;
        assert_eq!(same_day[0].reported, None);
    }

    #[test]
    fn weekdays_count_back_from_the_day_of_publication() {
        // 2026-08-08 is a Saturday.
        let saturday = day_number("2026-08-08").unwrap();
        assert_eq!(weekday_before(saturday, "saturday"), Some(saturday));
        assert_eq!(weekday_before(saturday, "friday"), Some(saturday - 1));
        assert_eq!(weekday_before(saturday, "sunday"), Some(saturday - 6));
        assert_eq!(weekday_before(saturday, "someday"), None);
    }

    #[test]
    fn a_weekday_after_the_earlier_report_dates_another_event() {
        // Wednesday's report and Saturday's.
        let mut dated = articles(2);
        dated[0].meta.date = Some("2026-08-05".to_string());
        dated[1].meta.date = Some("2026-08-08".to_string());
        let time_differences = |left: &str, right: &str| {
            let mut a = sentence_claim(left);
            a.article = 0;
            let mut b = sentence_claim(right);
            b.article = 1;
            let mut l = link(0, 1, 0.8);
            l.conflicts = crate::analysis::conflicts::find_conflicts(&a, &b);
            assert!(!l.conflicts.is_empty(), "{left} / {right}");
            let c = build(dated.clone(), vec![a, b], vec![l], &Decisions::default());
            of_kind_time(&c.links[0].conflicts)
        };
        // Friday in Saturday's paper is after Wednesday's report: another event.
        assert_eq!(
            time_differences(
                "The river flooded the town on Tuesday.",
                "Residents cleared mud from the town on Friday."
            ),
            0
        );
        // Monday in Saturday's paper is before it: maybe the same night, told differently.
        assert_eq!(
            time_differences(
                "The river flooded the town on Tuesday.",
                "The river flooded the town on Monday."
            ),
            1
        );
        // A day ahead is not counted back.
        assert_eq!(
            time_differences(
                "The council meets on Tuesday.",
                "The council meets next Friday."
            ),
            1
        );
    }

    fn of_kind_time(conflicts: &[Conflict]) -> usize {
        conflicts
            .iter()
            .filter(|c| c.kind == ConflictKind::Time)
            .count()
    }

    #[test]
    fn a_group_keeps_the_surest_link_of_a_difference() {
        let mut weak = link(0, 1, 0.9);
        weak.conflicts
            .push(Conflict::new(ConflictKind::Number, "two", "five").with_confidence(45));
        let mut sure = link(0, 2, 0.8);
        sure.conflicts
            .push(Conflict::new(ConflictKind::Number, "two", "five").with_confidence(90));
        let mut third = link(1, 2, 0.8);
        third.conflicts.clear();
        let c = build(
            articles(3),
            claims(&[0, 1, 2]),
            vec![weak, sure, third],
            &Decisions::default(),
        );
        let group = &c.groups[c.claims[0].group];
        assert_eq!(group.members.len(), 3);
        assert_eq!(group.conflicts.len(), 1);
        assert!(!group.conflicts[0].possible);
        assert_eq!(group.status, GroupStatus::Conflicting);
    }

    #[test]
    fn unlinked_claims_are_single_outlet_and_groups_follow_first_appearance() {
        let c = build(
            articles(2),
            claims(&[0, 0, 1]),
            vec![link(1, 2, 0.9)],
            &Decisions::default(),
        );
        assert_eq!(c.groups.len(), 2);
        assert_eq!(c.groups[0].members, [0]);
        assert_eq!(c.groups[0].status, GroupStatus::SingleOutlet);
        assert_eq!(c.groups[0].absent_from, [1]);
        assert_eq!(c.groups[1].members, [1, 2]);
    }

    #[test]
    fn user_links_always_merge_and_mark_the_group() {
        let mut user = link(0, 2, 1.0);
        user.origin = LinkOrigin::User;
        let links = vec![link(1, 2, 0.3), user];
        let c = build(
            articles(3),
            claims(&[0, 1, 2]),
            links,
            &Decisions::default(),
        );
        assert_eq!(c.claims[0].group, c.claims[2].group);
        assert!(c.groups[c.claims[0].group].user_curated);
    }
}
