//! Names that tell the open articles apart: an outlet that appears more than once gets its
//! date, or a number when dates don't separate its articles ("HuffPost (2026-03-11)",
//! "HuffPost #2"); the group table's two- or three-letter headers are made unique the same way
//! ("NE" for news.yahoo.com and Newsweek becomes "NE1", "NE2").

use std::collections::HashMap;

use super::widgets::outlet_initials;
use crate::ingest::ArticleMeta;

/// Unique names and short column labels of the analysed articles, in comparison order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ArticleLabels {
    /// "Outlet", or "Outlet (date)" / "Outlet #n" when the outlet repeats.
    pub(crate) names: Vec<String>,
    /// Up to two letters plus a number when they repeat ("KC", "HU2").
    pub(crate) short: Vec<String>,
}

fn outlet_name(meta: &ArticleMeta) -> String {
    let outlet = meta.outlet.trim();
    if outlet.is_empty() {
        "Untitled outlet".to_owned()
    } else {
        outlet.to_owned()
    }
}

/// The labels of these articles.
pub(crate) fn article_labels<'m>(
    metas: impl IntoIterator<Item = &'m ArticleMeta>,
) -> ArticleLabels {
    let metas: Vec<&ArticleMeta> = metas.into_iter().collect();
    let outlets: Vec<String> = metas.iter().map(|m| outlet_name(m)).collect();
    let mut by_outlet: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, outlet) in outlets.iter().enumerate() {
        by_outlet.entry(outlet.to_lowercase()).or_default().push(i);
    }
    let mut names = outlets.clone();
    for members in by_outlet.values().filter(|m| m.len() > 1) {
        let dates: Vec<Option<&str>> = members
            .iter()
            .map(|&i| {
                metas[i]
                    .date
                    .as_deref()
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
            })
            .collect();
        let mut distinct: Vec<&str> = dates.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let by_date = distinct.len() == members.len();
        for (n, (&i, date)) in members.iter().zip(&dates).enumerate() {
            names[i] = match date {
                Some(date) if by_date => format!("{} ({date})", outlets[i]),
                _ => format!("{} #{}", outlets[i], n + 1),
            };
        }
    }
    let initials: Vec<String> = outlets.iter().map(|o| outlet_initials(o)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for i in &initials {
        *count.entry(i.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let short = initials
        .iter()
        .map(|i| {
            if count.get(i.as_str()).copied().unwrap_or(0) < 2 {
                return i.clone();
            }
            let n = seen.entry(i.as_str()).or_default();
            *n += 1;
            format!("{i}{n}")
        })
        .collect();
    ArticleLabels { names, short }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(outlet: &str, date: Option<&str>) -> ArticleMeta {
        ArticleMeta {
            outlet: outlet.to_owned(),
            date: date.map(str::to_owned),
            ..ArticleMeta::default()
        }
    }

    #[test]
    fn repeated_outlets_get_their_date_or_a_number() {
        let metas = [
            meta("HuffPost", Some("2026-03-11")),
            meta("The Kessling Courier", None),
            meta("HuffPost", Some("2026-03-12")),
            meta("Fox News", Some("2026-03-11")),
            meta("Fox News", Some("2026-03-11")),
            meta("", None),
        ];
        let labels = article_labels(&metas);
        assert_eq!(
            labels.names,
            [
                "HuffPost (2026-03-11)",
                "The Kessling Courier",
                "HuffPost (2026-03-12)",
                "Fox News #1",
                "Fox News #2",
                "Untitled outlet"
            ]
        );
        assert_eq!(labels.short, ["HU1", "KC", "HU2", "FN1", "FN2", "UO"]);
    }

    #[test]
    fn different_outlets_with_the_same_initials_are_told_apart() {
        let metas = [meta("news.yahoo.com", None), meta("Newsweek", None)];
        let labels = article_labels(&metas);
        assert_eq!(labels.names, ["news.yahoo.com", "Newsweek"]);
        assert_eq!(labels.short, ["NE1", "NE2"]);
    }
}
