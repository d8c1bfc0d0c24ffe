//! Links → claim groups with a status, plus per-outlet summaries and citations.
//!
//! Groups grow from the strongest links down. Two groups merge only when most of the possible
//! links between them exist (average linkage over the link graph), so one broad sentence that
//! links to two unrelated claims cannot chain them into one group. User links always merge.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::comparison::{
    Citation, Claim, Comparison, Conflict, Group, GroupStatus, Link, LinkOrigin, OutletSummary,
};
use super::model::Article;
use super::outlet::outlet_key;
use super::pipeline::Decisions;
use super::text::shorten;

/// A link at or above this score merges groups even when other links between them are missing.
const STRONG_LINK_SCORE: f32 = 0.9;

/// Share of possible links between two groups that must exist for them to merge.
fn merge_link_share() -> f32 { std::env::var("CD_SHARE").ok().and_then(|s| s.parse().ok()).unwrap_or(0.5) }

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

/// Build groups from links and assemble the whole comparison.
pub fn build(
    articles: Vec<Article>,
    mut claims: Vec<Claim>,
    mut links: Vec<Link>,
    decisions: &Decisions,
) -> Comparison {
    let linked: HashSet<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
    let mut clusters = Clusters::new(claims.len());
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&x, &y| {
        let (lx, ly) = (&links[x], &links[y]);
        let user_first = (ly.origin == LinkOrigin::User).cmp(&(lx.origin == LinkOrigin::User));
        user_first
            .then(ly.score.total_cmp(&lx.score))
            .then((lx.a, lx.b).cmp(&(ly.a, ly.b)))
    });
    for index in order {
        let link = &links[index];
        let (ra, rb) = (clusters.root(link.a), clusters.root(link.b));
        if ra == rb {
            continue;
        }
        let accept = link.origin == LinkOrigin::User || {
            let (ma, mb) = (&clusters.members[ra], &clusters.members[rb]);
            let possible = ma.len() * mb.len();
            let existing = ma
                .iter()
                .flat_map(|&x| mb.iter().map(move |&y| (x.min(y), x.max(y))))
                .filter(|pair| linked.contains(pair))
                .count();
            (possible == 1)
                || (existing as f32 > merge_link_share() * possible as f32)
                || (link.score >= STRONG_LINK_SCORE && existing * 3 >= possible)
        };
        if accept {
            clusters.merge(link.a, link.b);
        }
    }

    // Groups in order of first appearance: the root is the smallest member index.
    let mut roots: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for claim in 0..claims.len() {
        let root = clusters.root(claim);
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
        });
    }
    for (index, link) in links.iter_mut().enumerate() {
        let group = claims[link.a].group;
        if group == claims[link.b].group {
            link.in_group = true;
            let g = &mut groups[group];
            g.links.push(index);
            g.user_curated |= link.origin == LinkOrigin::User;
            for conflict in &link.conflicts {
                if !g.conflicts.contains(conflict) {
                    g.conflicts.push(conflict.clone());
                }
            }
        }
    }
    for g in &mut groups {
        let present: BTreeSet<usize> = g.members.iter().map(|&m| claims[m].article).collect();
        g.present_in = present.iter().copied().collect();
        g.absent_from = (0..articles.len()).filter(|a| !present.contains(a)).collect();
        g.status = if present.len() < 2 {
            GroupStatus::SingleOutlet
        } else if g.conflicts.is_empty() {
            GroupStatus::Shared
        } else {
            GroupStatus::Conflicting
        };
    }
    let citations = citations(&articles, &claims);
    let summaries = summaries(&articles, &claims, &groups, &citations);
    Comparison {
        articles,
        claims,
        links,
        groups,
        citations,
        summaries,
    }
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

fn summaries(
    articles: &[Article],
    claims: &[Claim],
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
    for claim in claims {
        let Some(s) = out.get_mut(claim.article) else {
            continue;
        };
        s.claims += 1;
        match groups.get(claim.group).map(|g| g.status) {
            Some(GroupStatus::Shared) => s.shared += 1,
            Some(GroupStatus::Conflicting) => s.conflicting += 1,
            _ => s.single_outlet += 1,
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

/// Conflicts of a group described in words, one per line.
pub fn describe_conflicts(conflicts: &[Conflict]) -> Vec<String> {
    conflicts.iter().map(Conflict::describe).collect()
}
