//! The comparison as one self-contained HTML page: no scripts, no outside files, styles inline,
//! word diffs coloured the way the window colours them; light or dark with the reader's system.

use std::fmt::Write as _;

use super::{
    Notes, SUMMARY_COLUMNS, dismissed_text, one_line, ordered_groups, outlet, outlets,
    summary_cells,
};
use crate::analysis::comparison::{Comparison, Group, GroupStatus};
use crate::analysis::diff::{Mark, Side, diff_claims, reveal_invisible};

const STYLE: &str = "
:root { color-scheme: light dark; --dim: #666; --conflict: #b3261e; --shared: #1b6e3a;
  --single: #6b5b00; --removed-bg: #fbe3e1; --removed: #8c1d18; --added-bg: #dff3e4;
  --added: #135d2b; --fact: #7a4fd0; --card: #f6f6f4; --note: #fff7d6; }
@media (prefers-color-scheme: dark) { :root { --dim: #aaa; --conflict: #ff8a80;
  --shared: #8fd6a4; --single: #e8d36b; --removed-bg: #4a1f1c; --removed: #ffb4ab;
  --added-bg: #173d24; --added: #a6e3b4; --fact: #c3a6ff; --card: #222; --note: #3a3420; } }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 60rem;
  margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left;
  padding: .25rem .5rem; border-bottom: 1px solid #8884; vertical-align: top; }
.group { background: var(--card); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.group h3 { font-size: 1rem; margin: 0 0 .25rem; }
.meta { color: var(--dim); font-size: .9rem; }
.conflicting { color: var(--conflict); } .shared { color: var(--shared); }
.single_outlet { color: var(--single); }
.difference { color: var(--conflict); font-weight: 600; }
.possible, .dismissed { color: var(--dim); } .dismissed s { text-decoration-thickness: 1px; }
.note { background: var(--note); border-radius: 4px; padding: .1rem .4rem; }
.claim { margin: .35rem 0; } .outlet { font-weight: 600; }
.diff { margin: .2rem 0 .5rem 1rem; }
del { background: var(--removed-bg); color: var(--removed); }
ins { background: var(--added-bg); color: var(--added); text-decoration: none; }
.fact { text-decoration: underline 2px var(--fact); }
";

/// Text with `&`, `<`, `>` and quotes escaped, invisible characters shown as ⟨U+200B⟩ marks.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in reveal_invisible(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The page.
pub(super) fn render(c: &Comparison, notes: &Notes) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimdiff\">\n<title>",
    );
    let title = c
        .articles
        .first()
        .map_or("claimdiff comparison".to_owned(), |a| {
            format!("claimdiff: {}", a.meta.headline)
        });
    out.push_str(&escape(&title));
    let _ = write!(out, "</title>\n<style>{STYLE}</style>\n</head>\n<body>\n");
    let _ = writeln!(
        out,
        "<h1>claimdiff comparison</h1>\n<p class=\"meta\">{} articles, {} claims, {} claim groups</p>",
        c.articles.len(),
        c.claims.len(),
        c.groups.len()
    );
    out.push_str("<table>\n<tr><th>#</th><th>Outlet</th><th>Headline</th><th>Date</th></tr>\n");
    for (i, a) in c.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            escape(&a.meta.outlet),
            escape(&a.meta.headline),
            escape(a.meta.date.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</table>\n<h2>Claim groups</h2>\n");
    for g in ordered_groups(c) {
        group(&mut out, c, notes, g);
    }
    let _ = writeln!(
        out,
        "<h2>Per outlet</h2>\n<table>\n<tr><th>{}</th></tr>",
        SUMMARY_COLUMNS.join("</th><th>")
    );
    for s in &c.summaries {
        let _ = writeln!(
            out,
            "<tr><td>{}</td></tr>",
            summary_cells(s, escape).join("</td><td>")
        );
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

fn status_class(status: GroupStatus) -> &'static str {
    match status {
        GroupStatus::Shared => "shared",
        GroupStatus::Conflicting => "conflicting",
        GroupStatus::SingleOutlet => "single_outlet",
    }
}

fn group(out: &mut String, c: &Comparison, notes: &Notes, g: &Group) {
    let _ = writeln!(
        out,
        "<section class=\"group\" id=\"group-{}\">\n<h3 class=\"{}\">{} {}</h3>",
        g.id,
        status_class(g.status),
        g.status.symbol(),
        escape(g.status.label())
    );
    let _ = write!(
        out,
        "<p class=\"meta\">In {}",
        escape(&outlets(c, &g.present_in))
    );
    if !g.absent_from.is_empty() {
        let _ = write!(out, "; not in {}", escape(&outlets(c, &g.absent_from)));
    }
    out.push_str("</p>\n");
    for conflict in &g.conflicts {
        let class = if conflict.possible {
            "possible"
        } else {
            "difference"
        };
        let _ = writeln!(
            out,
            "<p class=\"{class}\">{}</p>",
            escape(&super::conflict_text(conflict))
        );
    }
    for conflict in &g.dismissed {
        let _ = writeln!(
            out,
            "<p class=\"dismissed\"><s>{}</s></p>",
            escape(&dismissed_text(conflict))
        );
    }
    for note in notes.on_group(c, g) {
        let _ = writeln!(
            out,
            "<p><span class=\"note\">Note: {}</span></p>",
            escape(&one_line(note))
        );
    }
    for &m in &g.members {
        let claim = &c.claims[m];
        let _ = write!(
            out,
            "<p class=\"claim\"><span class=\"outlet\">{}:</span> {}",
            escape(outlet(c, claim.article)),
            escape(&claim.text)
        );
        if let Some(note) = notes.on_claim(&claim.id) {
            let _ = write!(
                out,
                " <span class=\"note\">Note: {}</span>",
                escape(&one_line(note))
            );
        }
        out.push_str("</p>\n");
    }
    if g.status != GroupStatus::SingleOutlet
        && let Some(&reference) = g.members.first()
    {
        for &m in g.members.iter().skip(1) {
            let diff = diff_claims(&c.claims[reference], &c.claims[m]);
            let _ = write!(
                out,
                "<p class=\"diff\"><span class=\"meta\">{} against {}:</span> ",
                escape(outlet(c, c.claims[m].article)),
                escape(outlet(c, c.claims[reference].article))
            );
            for piece in &diff.pieces {
                let text = escape(&piece.text);
                let fact = if piece.mark == Mark::Plain {
                    ""
                } else {
                    " class=\"fact\""
                };
                match piece.side {
                    Side::Both => out.push_str(&text),
                    Side::Left => {
                        let _ = write!(out, "<del{fact}>{text}</del>");
                    }
                    Side::Right => {
                        let _ = write!(out, "<ins{fact}>{text}</ins>");
                    }
                }
            }
            out.push_str("</p>\n");
        }
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
