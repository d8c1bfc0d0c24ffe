//! The comparison as CSV (RFC 4180, UTF-8 with a byte-order mark): one row per claim, in
//! article then text order, for spreadsheets and scripts.

use super::{Notes, dismissed_text, one_line, outlet};
use crate::analysis::claim_status;
use crate::analysis::comparison::Comparison;

/// The header row's columns.
pub(crate) const COLUMNS: [&str; 11] = [
    "article",
    "outlet",
    "claim_id",
    "text",
    "group",
    "status",
    "outlets_in_group",
    "conflicts",
    "not_conflicts",
    "claim_note",
    "group_note",
];

/// A field quoted when it holds a comma, quote or line break; quotes doubled. A field that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
pub(crate) fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The table.
pub(super) fn render(c: &Comparison, notes: &Notes) -> String {
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for (index, claim) in c.claims.iter().enumerate() {
        let group = c.groups.get(claim.group);
        // The sure differences and the dismissed ones on this claim's links within its group.
        let mut conflicts: Vec<String> = Vec::new();
        let mut dismissed: Vec<String> = Vec::new();
        // The group's own links (not every link of the comparison), so a row costs little.
        let group_links = group.map_or(&[][..], |g| g.links.as_slice());
        for link in group_links
            .iter()
            .filter_map(|&l| c.links.get(l))
            .filter(|l| l.a == index || l.b == index)
        {
            conflicts.extend(
                link.conflicts
                    .iter()
                    .filter(|k| !k.possible)
                    .map(|k| k.describe()),
            );
            dismissed.extend(link.dismissed.iter().map(dismissed_text));
        }
        let row = [
            (claim.article + 1).to_string(),
            outlet(c, claim.article).to_owned(),
            claim.id.0.clone(),
            claim.text.clone(),
            // Numbered as in the text, Markdown, HTML and JSON reports.
            claim.group.to_string(),
            // As the window marks the claim: shared when its links carry no sure difference.
            group
                .map_or("", |_| {
                    claim_status(&c.links, &c.groups, claim, index).label()
                })
                .to_owned(),
            group.map_or(0, |g| g.present_in.len()).to_string(),
            conflicts.join("; "),
            dismissed.join("; "),
            notes.on_claim(&claim.id).map(one_line).unwrap_or_default(),
            group
                .map(|g| {
                    let on_group: Vec<String> =
                        notes.on_group(c, g).into_iter().map(one_line).collect();
                    on_group.join(" / ")
                })
                .unwrap_or_default(),
        ];
        let fields: Vec<String> = row.iter().map(|v| field(v)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5 degrees"), "'-5 degrees");
    }

    #[test]
    fn a_row_is_conflicting_exactly_when_its_claim_has_a_sure_difference() {
        use crate::analysis::{Decisions, MatchSettings, compare};
        let articles = crate::ingest::demo::demo_articles();
        let comparison = compare(&articles, &Decisions::default(), &MatchSettings::default());
        let table = render(&comparison, &Notes::default());
        let mut conflicting = 0;
        for (index, claim) in comparison.claims.iter().enumerate() {
            let status = claim_status(&comparison.links, &comparison.groups, claim, index);
            let sure = comparison
                .links
                .iter()
                .filter(|l| l.in_group && (l.a == index || l.b == index))
                .any(|l| l.conflicts.iter().any(|k| !k.possible));
            assert_eq!(status.label() == "conflicting", sure, "{}", claim.text);
            conflicting += usize::from(sure);
        }
        assert!(conflicting > 0, "the demo has sure differences");
        let rows = table
            .lines()
            .skip(1)
            .filter(|r| r.contains(",conflicting,"))
            .count();
        assert_eq!(rows, conflicting);
    }
}
