//! Markdown reduced to the text a reader sees, through `pulldown-cmark` (the CommonMark parser
//! rustdoc and mdBook use): emphasis, links, images, inline code, block quotes, reference
//! definitions, rules and HTML tags are taken out; front matter is kept as written, headings
//! keep their `#` marks and list items their bullets, tables become one line per row, so the
//! importer reads the layout as in any text file. Blocks are separated by a blank line; the
//! article's text *is* this reduced text, so claim spans point into what the window shows.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Nesting levels of lists shown by indentation.
const MAX_LIST_INDENT: usize = 3;

/// The front matter at the start of `text` ("---" … "---", or "+++" … "+++"), if any, with
/// its closing line and line ending.
fn front_matter(text: &str) -> Option<&str> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?.trim();
    if first != "---" && first != "+++" {
        return None;
    }
    let mut end = text.find('\n')? + 1;
    for line in lines {
        end += line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "+++" || trimmed == "..." {
            return Some(&text[..end]);
        }
    }
    None
}

/// Text with HTML tags taken out ("<b>bold</b>" → "bold"; comments too).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The `#` marks of a heading level.
fn heading_marks(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "# ",
        HeadingLevel::H2 => "## ",
        HeadingLevel::H3 => "### ",
        HeadingLevel::H4 => "#### ",
        HeadingLevel::H5 => "##### ",
        HeadingLevel::H6 => "###### ",
    }
}

/// Builds the reduced text block by block.
#[derive(Default)]
struct Reducer {
    out: String,
    /// Open lists: the next item number of each ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Inside an image: its alt text is not article text.
    image_depth: usize,
    /// Cells of the table row being read.
    cells: Vec<String>,
    in_cell: bool,
}

impl Reducer {
    /// Ends the current line, if it has text.
    fn end_line(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// Ends the current block with a blank line.
    fn end_block(&mut self) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn text(&mut self, text: &str) {
        if self.image_depth > 0 {
            return;
        }
        if self.in_cell {
            if let Some(cell) = self.cells.last_mut() {
                cell.push_str(text);
            }
        } else {
            self.out.push_str(text);
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.end_block();
                self.out.push_str(heading_marks(level));
            }
            // A paragraph inside a list item goes on the item's line.
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock
                if !(self.lists.last().is_some() && self.out.ends_with(' ')) =>
            {
                self.end_line();
            }
            Tag::List(first) => {
                self.end_line();
                self.lists.push(first);
            }
            Tag::Item => {
                self.end_line();
                // Deeper lists are indented no further: hostile nesting must not make the
                // text grow with the square of its depth.
                let depth = self.lists.len().saturating_sub(1).min(MAX_LIST_INDENT);
                self.out.push_str(&"  ".repeat(depth));
                match self.lists.last_mut() {
                    Some(Some(number)) => {
                        self.out.push_str(&format!("{number}. "));
                        *number += 1;
                    }
                    _ => self.out.push_str("- "),
                }
            }
            Tag::Table(_) => self.end_block(),
            Tag::TableRow | Tag::TableHead => self.cells.clear(),
            Tag::TableCell => {
                self.cells.push(String::new());
                self.in_cell = true;
            }
            Tag::Image { .. } => self.image_depth += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Table => {
                if self.lists.is_empty() {
                    self.end_block();
                } else {
                    self.end_line();
                }
            }
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.end_block();
                }
            }
            TagEnd::Item => self.end_line(),
            TagEnd::TableRow | TagEnd::TableHead => {
                let row: Vec<String> = self
                    .cells
                    .drain(..)
                    .map(|c| c.trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .collect();
                if !row.is_empty() {
                    self.end_line();
                    self.out.push_str(&row.join(" | "));
                    self.out.push('\n');
                }
            }
            TagEnd::TableCell => self.in_cell = false,
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => {}
        }
    }
}

/// Reduce Markdown `text` to plain text: front matter as written, then one block per
/// paragraph, heading, list item or table row.
pub fn reduce_markdown(text: &str) -> String {
    let matter = front_matter(text).unwrap_or("");
    let rest = &text[matter.len()..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut reducer = Reducer::default();
    for event in Parser::new_ext(rest, options) {
        match event {
            Event::Start(tag) => reducer.start(tag),
            Event::End(tag) => reducer.end(tag),
            Event::Text(t) | Event::Code(t) => reducer.text(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => reducer.text(&t),
            Event::Html(html) | Event::InlineHtml(html) => reducer.text(&strip_tags(&html)),
            Event::SoftBreak => reducer.text("\n"),
            Event::HardBreak => reducer.text("\n"),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
        }
    }
    let body = reducer.out.trim_end();
    let mut out = String::with_capacity(matter.len() + body.len() + 1);
    out.push_str(matter);
    out.push_str(body);
    if !body.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_links_and_code_become_text() {
        let md = "The **Harbour Bridge** reopened on [Monday](https://x.example/a) after _six_ weeks, \
                  `officials` said ~~today~~.\n";
        assert_eq!(
            reduce_markdown(md),
            "The Harbour Bridge reopened on Monday after six weeks, officials said today.\n"
        );
    }

    #[test]
    fn images_reference_links_rules_and_fences() {
        let md = "Para one ![Cables on the bridge](img.jpg) ends.\n\n---\n\n[1]: https://x.example\n\n\
                  ```\ncode line\n```\n\nSee [the report][1].\n";
        assert_eq!(
            reduce_markdown(md),
            "Para one  ends.\n\ncode line\n\nSee the report.\n"
        );
    }

    #[test]
    fn ambiguous_characters_are_left_alone() {
        for line in [
            "Costs rose 5 * 3 times; snake_case_name stays.",
            "A lone [ bracket and a lone * star.",
            "Prices fell 2*3 and 4 _ 5.",
        ] {
            assert_eq!(reduce_markdown(line), format!("{line}\n"), "{line}");
        }
    }

    #[test]
    fn front_matter_headings_quotes_and_escapes() {
        let md = "---\ntitle: \"A *b* c\"\n---\r\n# Bridge **reopens**\r\n> \"We are *glad*,\" she said.\r\n\r\n\\*not emphasis\\*\r\n";
        assert_eq!(
            reduce_markdown(md),
            "---\ntitle: \"A *b* c\"\n---\r\n# Bridge reopens\n\n\"We are glad,\" she said.\n\n*not emphasis*\n"
        );
    }

    #[test]
    fn setext_headings_nested_lists_tables_and_html_blocks_read_right() {
        let md = "Bridge reopens\n==============\n\n\
                  * Engineers checked the cables\n  * all 48 of them\n* Traffic resumed\n\n\
                  1. First step\n2. Second step\n\n\
                  | Span | Length |\n| --- | --- |\n| Main | 1,200 m |\n\n\
                  <div class=\"note\">Tolls <b>stay</b> at two euros.</div>\n";
        assert_eq!(
            reduce_markdown(md),
            "# Bridge reopens\n\n\
             - Engineers checked the cables\n  - all 48 of them\n- Traffic resumed\n\n\
             1. First step\n2. Second step\n\n\
             Span | Length\nMain | 1,200 m\n\n\
             Tolls stay at two euros.\n"
        );
    }

    #[test]
    fn hostile_input_ends_quickly_without_panicking() {
        // The output stays linear in the input (deep lists add a bounded indent per line).
        for text in [
            "*".repeat(9_000),
            "**a".repeat(3_000),
            "[".repeat(5_000) + &"](x)".repeat(100),
            "_a ".repeat(4_000),
            "![".repeat(3_000),
            "x".repeat(50_000) + "**y**",
            ">".repeat(5_000) + " deep",
            "- ".repeat(3_000) + "item",
        ] {
            let out = reduce_markdown(&text);
            assert!(
                out.len() <= 5 * text.len() + 16,
                "{} bytes from {}",
                out.len(),
                text.len()
            );
        }
    }

    #[test]
    fn autolinks_and_nested_emphasis() {
        assert_eq!(
            reduce_markdown("Read <https://x.example/r> and ***both*** or **bold _and_ it**."),
            "Read https://x.example/r and both or bold and it.\n"
        );
    }
}
