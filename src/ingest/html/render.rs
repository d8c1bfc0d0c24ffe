//! Rendering extracted content as plain text paragraphs, whitespace collapsed as a browser would.

use dom_query::NodeRef;

/// The depth of the tree under `root` (`root` itself is level 0). Iterative, so depth is free.
pub fn tree_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(NodeRef, usize)> = vec![(*root, 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children()
                .into_iter()
                .filter(NodeRef::is_element)
                .map(|child| (child, depth + 1)),
        );
    }
    deepest
}

/// Elements that start and end a paragraph of their own.
#[rustfmt::skip]
pub(super) const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "figure", "figcaption", "hr", "address", "details", "summary", "nav",
    "center", "fieldset", "legend", "body", "html", "hgroup", "search", "listing", "dir", "menu",
    "form",
];

/// Elements skipped with their content when rendering.
#[rustfmt::skip]
pub(super) const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
    "video", "audio", "head", "title", "select", "textarea", "button", "figure", "figcaption",
    "img", "picture",
];

/// Renders the text under `root` as paragraphs: each block element is a paragraph, `<br>` a
/// line break, table cells are separated by spaces; runs of ASCII whitespace fold to one
/// space as in a browser, and every other character is kept. Iterative, so depth is free.
pub fn render_paragraphs(root: &NodeRef) -> Vec<String> {
    /// Appends text with HTML whitespace folding.
    fn push_text(current: &mut String, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                if !current.is_empty() && !current.ends_with([' ', '\n']) {
                    current.push(' ');
                }
            } else {
                current.push(c);
            }
        }
    }
    /// Ends the current paragraph.
    fn flush(paragraphs: &mut Vec<String>, current: &mut String) {
        let lines: Vec<&str> = current
            .split('\n')
            .map(|l| l.trim_matches(|c: char| c.is_ascii_whitespace()))
            .filter(|l| !l.is_empty())
            .collect();
        let text = lines.join("\n");
        if text.chars().any(char::is_alphanumeric) {
            paragraphs.push(text);
        }
        current.clear();
    }

    let mut paragraphs = Vec::new();
    let mut current = String::new();
    // (node, leaving): children are pushed in reverse so they pop in document order.
    let mut stack: Vec<(NodeRef, bool)> = root
        .children()
        .into_iter()
        .rev()
        .map(|n| (n, false))
        .collect();
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            push_text(&mut current, &node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let block = BLOCK_TAGS.contains(&name.as_str());
        if leaving {
            if block {
                flush(&mut paragraphs, &mut current);
            } else if matches!(name.as_str(), "td" | "th") {
                push_text(&mut current, " ");
            }
            continue;
        }
        if SKIPPED_TAGS.contains(&name.as_str()) || node.has_attr("hidden") {
            continue;
        }
        match name.as_str() {
            "br" => {
                let trimmed = current.trim_end_matches(' ').len();
                current.truncate(trimmed);
                current.push('\n');
                continue;
            }
            "hr" => {
                flush(&mut paragraphs, &mut current);
                continue;
            }
            _ => {}
        }
        if block {
            flush(&mut paragraphs, &mut current);
        }
        stack.push((node, true));
        stack.extend(node.children().into_iter().rev().map(|n| (n, false)));
    }
    flush(&mut paragraphs, &mut current);
    paragraphs
}
