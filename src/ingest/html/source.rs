//! Where a page came from and the limits its extraction works within.

/// Deepest tag nesting kept; deeper tags are dropped before parsing (their text is kept).
pub const MAX_HTML_DEPTH: usize = 512;

/// Pages with more elements than this skip main-content extraction (which is slower than
/// linear on huge pages): their whole cleaned text is used, with a warning.
pub const MAX_EXTRACT_ELEMENTS: usize = 150_000;

/// Deepest parsed tree handed to main-content extraction (whose code recurses): a page the
/// pre-parse scan under-estimated is rendered whole instead, with an iterative walker.
/// Extraction overflows a 1 MiB stack somewhere between 8,000 and 16,000 levels.
pub const MAX_EXTRACT_DEPTH: usize = 2048;

/// How many leading bytes are searched for `<meta charset>` (as browsers do).
pub(super) const PRESCAN_BYTES: usize = 1024;

/// How many leading bytes [`has_markup`] searches for a tag.
pub(super) const MARKUP_SNIFF_BYTES: usize = 8 * 1024;

/// Where an HTML page came from: names it in messages and fills the article's metadata.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlSource<'a> {
    /// The name used in messages ("page.html", "https://…"); empty means "pasted text".
    pub name: &'a str,
    /// Becomes `meta.origin`: the file path or the URL the page was read from.
    pub origin: Option<&'a str>,
    /// The page's address when known from outside (a fetched page); it wins over the address
    /// the page gives for itself.
    pub url: Option<&'a str>,
    /// The charset a server declared in its `Content-Type` header, if any.
    pub charset: Option<&'a str>,
}
