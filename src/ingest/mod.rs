//! Getting articles in: files, raw bytes, pasted text, saved web pages and links become
//! [`Article`]s. All the reading I/O of claimdiff (the file system and the network) is here;
//! every later stage works on the articles this module hands over.
//!
//! Three steps, none of which changes a byte of the decoded text (except for Markdown files,
//! whose inline markup is first reduced to text by [`markdown::reduce_markdown`]; the article
//! text, and every span, is then that reduced text, as it is the extracted text for HTML):
//!
//! 1. **Refuse what is not a readable text file** ([`reader`], [`sniff`]): missing paths,
//!    folders, pipes and devices, files over [`MAX_ARTICLE_BYTES`], and binary content
//!    (detected by its bytes, not by the file name, so a PDF renamed `.txt` is still refused).
//! 2. **Decode** the bytes ([`decode`]): UTF-8 with or without a byte-order mark, UTF-16 and
//!    UTF-32 with a byte-order mark, otherwise a legacy encoding guessed with `chardetng`.
//! 3. **Read the layout** ([`layout`], [`headers`], [`dates`], [`outlet`], [`boilerplate`]):
//!    the headline, header lines (`Outlet:`, `Date:`, `URL:`, `Source:`, `By …` …) or Markdown
//!    front matter, where the body starts, boilerplate lines ("Read more:", photo credits,
//!    copyright lines …) and the outlet.
//!
//! Every span is a byte range into [`Article::text`]. Header and boilerplate spans cover one
//! whole line each, without its line ending; the headline span covers the trimmed headline
//! (for a Markdown `# Heading`, the text after the `#`s). Spans never overlap each other.

pub(crate) mod article;
pub(crate) mod boilerplate;
pub(crate) mod calendar;
pub(crate) mod dates;
pub(crate) mod decode;
pub mod demo;
pub(crate) mod error;
pub mod fetch;
pub(crate) mod headers;
pub mod html;
pub(crate) mod layout;
pub(crate) mod line_text;
pub(crate) mod markdown;
pub(crate) mod outlet;
pub(crate) mod outlet_names;
pub(crate) mod reader;
pub(crate) mod sniff;
pub(crate) mod validate;

#[cfg(test)]
mod tests;

pub use article::{Article, ArticleMeta, Span};
pub use error::{ImportError, MAX_ARTICLE_BYTES, PASTED_TEXT, UNKNOWN_OUTLET};
pub use layout::import_text;
pub use reader::{
    ARTICLE_FILE_EXTENSIONS, article_files_in, import_bytes, import_download, import_file,
};
pub use validate::validate_article;
