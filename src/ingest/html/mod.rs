//! Importing a web page: HTML bytes become an [`Article`] in claimdiff's own text format.
//!
//! The steps, none of which touches the network:
//!
//! 1. **Decode** ([`decode_html`]): a byte-order mark, then a charset from the server (for
//!    fetched pages), then `<meta charset>` or `http-equiv` Content-Type in the first 1024
//!    bytes, then valid UTF-8, then a legacy encoding guessed with `chardetng`.
//! 2. **Limit nesting** ([`limit_depth`]): a cheap scan of the tags, before any parsing,
//!    drops the tags nested deeper than [`MAX_HTML_DEPTH`] (their text stays), so a hostile
//!    page can't overflow a stack or make the extractor crawl. The user is told.
//! 3. **Parse and read the metadata**: `og:site_name`, `og:title`, `article:published_time`,
//!    `<meta name=author>`, JSON-LD `NewsArticle` (headline, datePublished, author,
//!    publisher), `<link rel=canonical>`, `<title>` (its " - Outlet" / " | Outlet" suffix).
//! 4. **Clean**: scripts, styles, frames, forms, media, figures and captions, navigation,
//!    asides, footers, hidden elements, and blocks whose class, id or role say they are cookie
//!    banners, share bars, related links, newsletter prompts, ads or comments are removed.
//! 5. **Extract the main content** with `dom_smoothie` (a port of Mozilla's Readability) and
//!    render it as plain text: one paragraph per block, a blank line between paragraphs,
//!    whitespace collapsed as a browser would, every other character (zero-width and
//!    direction controls included) kept.
//! 6. **Write the article** as claimdiff text — the headline line, `Outlet:`, `Date:`, `URL:`
//!    and `By …` lines, a blank line, the body — and read it back with
//!    [`import_text`], so the spans are exactly the ones a saved workspace rebuilds from the
//!    same text.

mod article;
mod charset;
mod clean;
mod depth;
mod detect;
mod meta;
mod render;
mod source;

#[cfg(test)]
mod tests;

pub use article::{import_html, import_html_with};
pub use charset::{CharsetSource, DecodedHtml, charset_param, decode_html, prescan_meta_charset};
pub use depth::{DepthLimited, limit_depth};
pub use detect::{has_html_extension, has_markup, looks_like_html};
pub use meta::{PageMeta, page_meta};
pub use render::{render_paragraphs, tree_depth};
pub use source::{HtmlSource, MAX_EXTRACT_DEPTH, MAX_EXTRACT_ELEMENTS, MAX_HTML_DEPTH};
