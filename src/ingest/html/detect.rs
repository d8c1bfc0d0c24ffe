//! Recognising HTML: by name, by its first bytes, by markup anywhere in it.

use crate::ingest::html::source::MARKUP_SNIFF_BYTES;
use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE};

/// True when `name` ends in `.html`, `.htm`, `.xhtml` or `.shtml` (any case).
pub fn has_html_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The first bytes of `bytes` as text for sniffing: UTF-16 with a BOM is decoded, anything
/// else is read as (lossy) UTF-8, which keeps ASCII markup intact.
pub(super) fn sniff_prefix(bytes: &[u8], limit: usize) -> String {
    let head = &bytes[..bytes.len().min(limit)];
    let (encoding, skip) = if head.starts_with(b"\xFF\xFE") {
        (UTF_16LE, 2)
    } else if head.starts_with(b"\xFE\xFF") {
        (UTF_16BE, 2)
    } else if head.starts_with(b"\xEF\xBB\xBF") {
        (UTF_8, 3)
    } else {
        (UTF_8, 0)
    };
    encoding
        .decode_without_bom_handling(&head[skip..])
        .0
        .into_owned()
}

/// True when the content starts like an HTML document: after a BOM, whitespace, comments and
/// an XML declaration, a doctype or an `<html>`, `<head>`, `<body>`, `<meta>`, `<title>`,
/// `<link>`, `<style>` or `<script>` tag.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let prefix = sniff_prefix(bytes, MARKUP_SNIFF_BYTES);
    let mut rest = prefix.as_str();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head = rest.get(..16).unwrap_or(rest).to_ascii_lowercase();
    if head.starts_with("<!doctype") {
        return head.starts_with("<!doctype html");
    }
    [
        "<html", "<head", "<body", "<meta", "<title", "<link", "<style", "<script",
    ]
    .iter()
    .any(|tag| {
        head.strip_prefix(tag).is_some_and(|after| {
            after.is_empty()
                || after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        })
    })
}

/// True when the first 8 KB hold something tag-like (`<` then a letter, `/` or `!`): an
/// `.html` file without any markup is read as plain text instead.
pub fn has_markup(bytes: &[u8]) -> bool {
    let prefix = sniff_prefix(bytes, MARKUP_SNIFF_BYTES);
    prefix
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}
