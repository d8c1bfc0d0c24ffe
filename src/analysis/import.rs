//! Importing one article: a file, raw bytes or pasted text becomes an [`Article`].
//!
//! Three steps, none of which changes a byte of the decoded text (except for Markdown files,
//! whose inline markup is first reduced to text by [`super::markdown::reduce_markdown`]; the
//! article text, and every span, is then that reduced text, as it is the extracted text for
//! HTML):
//!
//! 1. **Refuse what is not a readable text file**: missing paths, folders, pipes and devices,
//!    files over [`MAX_ARTICLE_BYTES`], and binary content (detected by its bytes, not by the
//!    file name, so a PDF renamed `.txt` is still refused).
//! 2. **Decode** the bytes ([`decode`]): UTF-8 with or without a byte-order mark, UTF-16 and
//!    UTF-32 with a byte-order mark, otherwise a legacy encoding guessed with `chardetng`.
//! 3. **Read the layout**: the headline, header lines (`Outlet:`, `Date:`, `URL:`, `Source:`,
//!    `By …` …) or Markdown front matter, where the body starts, boilerplate lines ("Read
//!    more:", photo credits, copyright lines …) and the outlet.
//!
//! Every span is a byte range into [`Article::text`]. Header and boilerplate spans cover one
//! whole line each, without its line ending; the headline span covers the trimmed headline
//! (for a Markdown `# Heading`, the text after the `#`s). Spans never overlap each other.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::html::{self, HtmlSource};
use super::model::{Article, ArticleMeta, Span};
use super::outlet::{canonical_outlet, known_outlet, outlet_key};

/// Largest article the importer reads, in bytes (20 MB); larger files are refused unread.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// The name used in messages (and for outlet guessing, which it disables) for text without a
/// file name.
pub const PASTED_TEXT: &str = "pasted text";

/// The outlet given to an article when neither its text nor its file name names one.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

/// How many leading bytes the binary check inspects for NUL and control bytes.
const SNIFF_BYTES: usize = 8 * 1024;

/// Why a file or a byte buffer could not become an article. Each message is one sentence
/// naming the file as the user gave it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The path does not exist.
    #[error("Can't open '{path}': no such file")]
    Missing {
        /// The path as given.
        path: String,
    },
    /// The path is a folder.
    #[error("Can't import '{path}': it is a folder, not a file")]
    IsDirectory {
        /// The path as given.
        path: String,
    },
    /// The path is a pipe, socket or device rather than a regular file.
    #[error("Can't import '{path}': it is not a regular file (it is a pipe, socket or device)")]
    NotAFile {
        /// The path as given.
        path: String,
    },
    /// The operating system refused to let us read the file.
    #[error("Can't open '{path}': permission denied")]
    PermissionDenied {
        /// The path as given.
        path: String,
    },
    /// The file holds no bytes at all.
    #[error("Can't import '{path}': the file is empty")]
    Empty {
        /// The path as given (or "pasted text").
        path: String,
    },
    /// The content is not text (found from magic bytes, NUL bytes or control bytes).
    #[error("Can't import '{path}': it looks like a binary file ({kind}), not text")]
    Binary {
        /// The path as given (or "pasted text").
        path: String,
        /// What the content looks like ("PDF", "PNG image", "unknown format" …).
        kind: &'static str,
    },
    /// The file is bigger than [`MAX_ARTICLE_BYTES`].
    #[error(
        "Can't import '{path}': it is {}, more than the {} an article may have",
        human_size(*size_bytes),
        human_size(*limit_bytes)
    )]
    TooLarge {
        /// The path as given (or "pasted text").
        path: String,
        /// The size found (at least this many bytes).
        size_bytes: u64,
        /// The limit, [`MAX_ARTICLE_BYTES`].
        limit_bytes: u64,
    },
    /// Reading failed for another reason.
    #[error("Can't read '{path}': {source}")]
    Io {
        /// The path as given.
        path: String,
        /// What the operating system reported.
        #[source]
        source: io::Error,
    },
    /// After decoding, nothing is left but blank lines, headers and boilerplate.
    #[error(
        "Can't import '{path}': it has no article text, only blank lines, headers or boilerplate"
    )]
    NoText {
        /// The path as given (or "pasted text").
        path: String,
    },
}

impl ImportError {
    /// The file (as the user gave it) or "pasted text" this error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::Missing { path }
            | Self::IsDirectory { path }
            | Self::NotAFile { path }
            | Self::PermissionDenied { path }
            | Self::Empty { path }
            | Self::NoText { path }
            | Self::Binary { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Io { path, .. } => path,
        }
    }
}

/// A byte count for people: "512 bytes", "12 KB", "20 MB", "25.5 MB".
fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    if bytes >= GB {
        format!("{:.1} GB", bytes as f64 / GB as f64)
    } else if bytes >= MB {
        if bytes.is_multiple_of(MB) {
            format!("{} MB", bytes / MB)
        } else {
            format!("{:.1} MB", bytes as f64 / MB as f64)
        }
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} bytes")
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/// Reads the file at `path` and imports it as an article.
///
/// The file's kind and size are checked from its metadata before it is opened (so a FIFO or a
/// device never blocks and a huge file is never read), and the read itself is capped at
/// [`MAX_ARTICLE_BYTES`]. Errors name the path as given.
pub fn import_file(path: &Path) -> Result<Article, ImportError> {
    let name = path.display().to_string();
    let metadata = fs::metadata(path).map_err(|e| open_error(&name, e))?;
    check_metadata(&name, &metadata)?;
    let file = fs::File::open(path).map_err(|e| open_error(&name, e))?;
    // The path may have been swapped between the two calls: check what we actually opened.
    let metadata = file.metadata().map_err(|e| open_error(&name, e))?;
    check_metadata(&name, &metadata)?;
    let bytes = read_capped(file, &name, metadata.len())?;
    import_named(&bytes, &name, Some(&name))
}

/// Imports an article from raw bytes (a dropped file's content, a download …).
///
/// `origin` is the file name, or "pasted text", or `None`: it names the source in messages,
/// becomes `meta.origin`, and a file name can tell the outlet ("nytimes.txt").
pub fn import_bytes(bytes: &[u8], origin: Option<&str>) -> Result<Article, ImportError> {
    import_named(bytes, origin.unwrap_or(PASTED_TEXT), origin)
}

/// Imports text that is already a string (pasted by the user). Never fails: text without an
/// article body gives an article whose body is empty, with a warning saying so.
pub fn import_text(text: &str, origin: Option<&str>) -> Article {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let name = origin.unwrap_or(PASTED_TEXT);
    let (mut article, has_body) = build_article(text.to_owned(), origin, name, Vec::new());
    if !has_body {
        article
            .warnings
            .push(format!("'{name}' has no article text to compare"));
    }
    article
}

/// Refuses folders, non-regular files and files over the size limit, from metadata alone.
fn check_metadata(name: &str, metadata: &fs::Metadata) -> Result<(), ImportError> {
    if metadata.is_dir() {
        return Err(ImportError::IsDirectory {
            path: name.to_owned(),
        });
    }
    if !metadata.is_file() {
        return Err(ImportError::NotAFile {
            path: name.to_owned(),
        });
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: name.to_owned(),
            size_bytes: metadata.len(),
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    Ok(())
}

/// Reads at most [`MAX_ARTICLE_BYTES`] + 1 bytes, so an endless or growing source can neither
/// hang the import nor exhaust memory; more than the limit is an error.
fn read_capped<R: Read>(reader: R, name: &str, size_hint: u64) -> Result<Vec<u8>, ImportError> {
    let capacity = usize::try_from(size_hint.min(MAX_ARTICLE_BYTES)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| open_error(name, e))?;
    let read = bytes.len() as u64;
    if read > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: name.to_owned(),
            size_bytes: read.max(size_hint),
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    Ok(bytes)
}

/// Maps an I/O error while opening or reading to the clearest [`ImportError`].
fn open_error(name: &str, error: io::Error) -> ImportError {
    let path = name.to_owned();
    match error.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => ImportError::Missing { path },
        io::ErrorKind::IsADirectory => ImportError::IsDirectory { path },
        io::ErrorKind::PermissionDenied => ImportError::PermissionDenied { path },
        _ => ImportError::Io {
            path,
            source: error,
        },
    }
}

/// Shared body of [`import_bytes`] and [`import_file`]: `name` for messages, `origin` for meta.
/// HTML (recognised by its content, or by an `.html`/`.htm`/`.xhtml` name with markup inside)
/// goes to [`html::import_html_with`]; everything else is read as text.
fn import_named(bytes: &[u8], name: &str, origin: Option<&str>) -> Result<Article, ImportError> {
    check_importable(bytes, name)?;
    if html::looks_like_html(bytes) || (html::has_html_extension(name) && html::has_markup(bytes)) {
        let source = HtmlSource {
            name,
            origin,
            ..HtmlSource::default()
        };
        return html::import_html_with(bytes, &source);
    }
    import_text_bytes(bytes, name, origin, None, is_markdown_name(name))
}

/// True for a file name with a Markdown extension (`.md`, `.markdown`, `.mdx`).
fn is_markdown_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".mdx"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Imports a downloaded document (see `crate::fetch`): `url` names it in messages and becomes
/// `meta.url` and `meta.origin`; `content_type` is the server's `Content-Type` header, which
/// says whether the bytes are HTML or text and may name their charset.
///
/// The same checks as for files apply (empty, too large, binary content). `text/plain` and
/// `text/markdown` are read as text unless the bytes plainly are HTML; anything else is read
/// as HTML when it has markup, else as text.
pub fn import_download(
    bytes: &[u8],
    url: &str,
    content_type: Option<&str>,
) -> Result<Article, ImportError> {
    check_importable(bytes, url)?;
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let charset = content_type.and_then(html::charset_param);
    let declared_text = matches!(
        mime.as_str(),
        "text/plain" | "text/markdown" | "text/x-markdown"
    );
    let as_html = html::looks_like_html(bytes) || (!declared_text && html::has_markup(bytes));
    let mut article = if as_html {
        let source = HtmlSource {
            name: url,
            origin: Some(url),
            url: Some(url),
            charset: charset.as_deref(),
        };
        html::import_html_with(bytes, &source)?
    } else {
        let markdown = mime.contains("markdown") || is_markdown_name(url);
        import_text_bytes(bytes, url, Some(url), charset.as_deref(), markdown)?
    };
    if article.meta.url.is_none() {
        article.meta.url = Some(url.to_owned());
    }
    Ok(article)
}

/// Refuses empty, oversized and binary content, naming it `name`.
fn check_importable(bytes: &[u8], name: &str) -> Result<(), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: name.to_owned(),
        });
    }
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: name.to_owned(),
            size_bytes: bytes.len() as u64,
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(ImportError::Binary {
            path: name.to_owned(),
            kind,
        });
    }
    Ok(())
}

/// Decodes checked bytes as a text article. `charset` is an encoding label declared outside
/// the bytes (an HTTP header); a byte-order mark still wins over it.
fn import_text_bytes(
    bytes: &[u8],
    name: &str,
    origin: Option<&str>,
    charset: Option<&str>,
    markdown: bool,
) -> Result<Article, ImportError> {
    let declared = charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|_| !has_unicode_bom(bytes));
    let decoded = match declared {
        Some(encoding) => decode_with(encoding, bytes, false),
        None => decode_detailed(bytes),
    };
    let mut warnings = Vec::new();
    if decoded.guessed {
        warnings.push(format!(
            "'{name}' is not UTF-8, so it was read as {}; if letters look wrong, save it as UTF-8 and import it again",
            decoded.encoding
        ));
    }
    if decoded.replaced {
        warnings.push(format!(
            "Some bytes in '{name}' are not valid {} and were replaced with \u{FFFD}",
            decoded.encoding
        ));
    }
    let text = if markdown {
        super::markdown::reduce_markdown(&decoded.text)
    } else {
        decoded.text
    };
    let (article, has_body) = build_article(text, origin, name, warnings);
    if !has_body {
        return Err(ImportError::NoText {
            path: name.to_owned(),
        });
    }
    Ok(article)
}

// ---------------------------------------------------------------------------------------------
// Binary detection
// ---------------------------------------------------------------------------------------------

/// What `bytes` look like when they are not text ("PDF", "PNG image" …), or `None` for text.
///
/// Checks, in order: a Unicode byte-order mark (always text, so UTF-16/UTF-32 files pass), known
/// magic numbers of documents, images, media, archives, executables and databases, BOM-less
/// UTF-16 of mostly Latin text (text), then NUL bytes or a high share (over 10 %) of control
/// bytes in the first 8 KB.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if has_unicode_bom(bytes) {
        return None;
    }
    if let Some(kind) = magic_kind(bytes) {
        return Some(kind);
    }
    if bomless_utf16(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return Some("unknown format");
    }
    let controls = sample.iter().filter(|&&b| is_control_byte(b)).count();
    if controls * 10 > sample.len() {
        return Some("unknown format");
    }
    None
}

/// True for C0 control bytes other than tab, line feed, carriage return and form feed, and DEL.
fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// True when `bytes` start with a UTF-8, UTF-16 or UTF-32 byte-order mark.
fn has_unicode_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.starts_with(b"\x00\x00\xFE\xFF")
}

/// True when `needle` occurs in `hay`.
fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The file type named by the magic number at the start of `b`, if any.
fn magic_kind(b: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "ELF executable"),
        (b"\xFE\xED\xFA\xCE", "Mach-O executable"),
        (b"\xFE\xED\xFA\xCF", "Mach-O executable"),
        (b"\xCE\xFA\xED\xFE", "Mach-O executable"),
        (b"\xCF\xFA\xED\xFE", "Mach-O executable"),
        (b"\xCA\xFE\xBA\xBE", "Mach-O executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"ID3", "MP3 audio"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "old Microsoft Office document",
        ),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"\x28\xB5\x2F\xFD", "Zstandard archive"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"\x00asm", "WebAssembly module"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"wOFF", "web font"),
        (b"wOF2", "web font"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(magic, _)| b.starts_with(magic)) {
        return Some(kind);
    }
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") || b.starts_with(b"PK\x07\x08")
    {
        return Some(zip_kind(b));
    }
    if b.len() >= 12 && b.starts_with(b"RIFF") {
        return Some(match &b[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media",
        });
    }
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return Some(match &b[8..12] {
            b"M4A " | b"M4B " => "MP4 audio",
            b"heic" | b"heix" | b"mif1" | b"avif" => "HEIC/AVIF image",
            b"qt  " => "QuickTime video",
            _ => "MP4 video",
        });
    }
    // MPEG audio frame sync (after the BOM check, so FF FE is never taken for audio).
    if b.len() >= 2 && b[0] == 0xFF && matches!(b[1], 0xFB | 0xFA | 0xF3 | 0xF2 | 0xE3 | 0xE2) {
        return Some("MP3 audio");
    }
    // "MZ" starts some words too: a Windows executable also has NUL bytes in its header.
    if b.starts_with(b"MZ") && b[2..b.len().min(64)].contains(&0) {
        return Some("Windows executable");
    }
    if b.starts_with(b"BZh") && b.len() >= 10 && b[3].is_ascii_digit() && &b[4..10] == b"1AY&SY" {
        return Some("bzip2 archive");
    }
    None
}

/// Names a ZIP container by the entries it lists (DOCX, XLSX, EPUB …).
fn zip_kind(b: &[u8]) -> &'static str {
    let head = &b[..b.len().min(8192)];
    let tail = &b[b.len().saturating_sub(8192)..];
    let has = |needle: &[u8]| contains_bytes(head, needle) || contains_bytes(tail, needle);
    if has(b"mimetypeapplication/epub+zip") {
        "EPUB e-book"
    } else if has(b"mimetypeapplication/vnd.oasis.opendocument") {
        "OpenDocument file"
    } else if has(b"word/") {
        "Word document (DOCX)"
    } else if has(b"xl/") {
        "Excel workbook (XLSX)"
    } else if has(b"ppt/") {
        "PowerPoint file (PPTX)"
    } else {
        "ZIP archive"
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// Decoded text and how it was obtained.
pub(crate) struct Decoded {
    /// The text, without a byte-order mark.
    pub(crate) text: String,
    /// Encoding name ("UTF-8", "UTF-16LE", "windows-1252" …).
    pub(crate) encoding: &'static str,
    /// True when undecodable bytes became U+FFFD.
    pub(crate) replaced: bool,
    /// True when the encoding was guessed rather than known (no BOM, not valid UTF-8).
    pub(crate) guessed: bool,
}

/// Decodes article bytes to text: returns the text, the encoding's name and whether any bytes
/// had to be replaced with U+FFFD.
///
/// A byte-order mark decides first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and is removed. Valid
/// UTF-8 is taken as is. BOM-less UTF-16 of mostly Latin text is recognised by its NUL pattern.
/// UTF-8 with a few broken bytes (a cut-off file, a stray byte) stays UTF-8 with replacements.
/// Anything else is decoded in the legacy encoding `chardetng` guesses (windows-1252 for
/// Latin-1 and Windows Western text, windows-1251 for Cyrillic …).
pub fn decode(bytes: &[u8]) -> (String, &'static str, bool) {
    let decoded = decode_detailed(bytes);
    (decoded.text, decoded.encoding, decoded.replaced)
}

/// [`decode`] with the extra "guessed" flag used for warnings.
pub(crate) fn decode_detailed(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_with(UTF_8, rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return decode_utf32(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return decode_utf32(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_with(UTF_16LE, rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_with(UTF_16BE, rest, false);
    }
    // Before the UTF-8 check: NUL bytes are valid UTF-8.
    if let Some(encoding) = bomless_utf16(bytes) {
        return decode_with(encoding, bytes, true);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            replaced: false,
            guessed: false,
        };
    }
    if mostly_utf8(bytes) {
        return decode_with(UTF_8, bytes, false);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    decode_with(encoding, bytes, true)
}

/// Decodes `bytes` (without a BOM) in `encoding`.
fn decode_with(encoding: &'static Encoding, bytes: &[u8], guessed: bool) -> Decoded {
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced,
        guessed,
    }
}

/// Decodes UTF-32 (which `encoding_rs` does not support) by hand.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> Decoded {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut replaced = false;
    for chunk in bytes.chunks(4) {
        let c = <[u8; 4]>::try_from(chunk).ok().and_then(|quad| {
            let value = if big_endian {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            char::from_u32(value)
        });
        match c {
            Some(c) => text.push(c),
            None => {
                text.push('\u{FFFD}');
                replaced = true;
            }
        }
    }
    let encoding = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
    Decoded {
        text,
        encoding,
        replaced,
        guessed: false,
    }
}

/// UTF-16 without a BOM, recognised when nearly every other byte is NUL (mostly Latin text).
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    if odd_nul * 10 >= pairs * 8 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 8 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when invalid UTF-8 is nonetheless mostly UTF-8: it has valid multi-byte characters and
/// at most one bad byte per four of them (a truncated file, a stray byte).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && invalid * 4 <= multibyte
}

// ---------------------------------------------------------------------------------------------
// Building the article
// ---------------------------------------------------------------------------------------------

/// Turns decoded text into an [`Article`]; the flag says whether it has any body text.
fn build_article(
    text: String,
    origin: Option<&str>,
    name: &str,
    mut warnings: Vec<String>,
) -> (Article, bool) {
    let layout = analyse(&text, origin);
    let found = layout.found;
    let outlet = canonical_outlet(&layout.outlet);
    if outlet == UNKNOWN_OUTLET {
        warnings.push(format!(
            "Couldn't tell which outlet published '{name}': add an 'Outlet:' line or set it by hand"
        ));
    }
    let headline = layout
        .headline_span
        .map(|s| s.slice(&text).trim().to_owned())
        .unwrap_or_default();
    let meta = ArticleMeta {
        outlet,
        headline,
        date: found.date.or(found.published).or(found.updated),
        url: found.url,
        author: (!found.authors.is_empty()).then(|| found.authors.join(", ")),
        origin: origin.map(str::to_owned),
    };
    let article = Article {
        text,
        meta,
        headline_span: layout.headline_span,
        body_start: layout.body_start,
        header_spans: layout.header_spans,
        boilerplate_spans: layout.boilerplate_spans,
        warnings,
    };
    (article, layout.has_body)
}

/// Where the parts of an article are, and what its header lines said.
struct Layout {
    headline_span: Option<Span>,
    body_start: usize,
    header_spans: Vec<Span>,
    boilerplate_spans: Vec<Span>,
    found: Found,
    /// The outlet as written (not yet canonical), or [`UNKNOWN_OUTLET`].
    outlet: String,
    has_body: bool,
}

/// Which kind of line the headline came from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeadlineFrom {
    /// An ordinary first line.
    Line,
    /// A Markdown `#` heading.
    Heading,
    /// A `title:` front-matter key or `Title:` header.
    Title,
}

/// Reads headline, headers, body start, boilerplate and outlet from `text`.
fn analyse(text: &str, origin: Option<&str>) -> Layout {
    let lines = split_lines(text);
    let n = lines.len();
    let at = |i: usize| lines[i].slice(text);
    let next_content = |from: usize| (from..n).find(|&i| !at(i).trim().is_empty()).unwrap_or(n);

    let mut found = Found::default();
    let mut headers: Vec<usize> = Vec::new();
    let mut boiler: Vec<usize> = Vec::new();
    let mut i = next_content(0);

    // Markdown (YAML `---`) or TOML (`+++`) front matter.
    if let Some((close, separator)) = front_matter_close(text, &lines, i) {
        headers.extend((i..=close).filter(|&k| !at(k).trim().is_empty()));
        read_front_matter(text, &lines, i + 1, close, separator, &mut found);
        i = next_content(close + 1);
    }

    // Header lines at the very top, before the headline.
    let mut top = Vec::new();
    let mut k = i;
    while k < n {
        match parse_header(text, lines[k], ':', false) {
            Some(header) => {
                top.push((k, header));
                k = next_content(k + 1);
            }
            None => break,
        }
    }
    if accept_top_block(text, &top) {
        for (line, header) in &top {
            found.record(text, header, *line);
            headers.push(*line);
        }
        i = k;
    }

    // Page chrome ("Skip to main content") and rules ("* * *") before the headline.
    while i < n && (is_page_chrome(at(i)) || !has_alnum(at(i))) {
        if has_alnum(at(i)) {
            boiler.push(i);
        }
        i = next_content(i + 1);
    }

    // The headline: a Markdown heading, else the first line if it reads like one.
    let mut headline: Option<(Span, usize, HeadlineFrom)> = None;
    if i < n {
        if let Some(span) = markdown_heading(text, lines[i]) {
            headline = Some((span, i, HeadlineFrom::Heading));
            i = next_content(i + 1);
        } else if found.title.is_none() && looks_like_headline(at(i).trim()) {
            headline = Some((trim_span(text, lines[i]), i, HeadlineFrom::Line));
            if i + 1 < n && is_setext_underline(at(i + 1)) {
                headers.push(i + 1);
                i = next_content(i + 2);
            } else {
                i = next_content(i + 1);
            }
        }
    }

    // Header lines after the headline: `Key: value`, bylines, bare dates.
    while i < n {
        let line = at(i);
        if let Some(header) = parse_header(text, lines[i], ':', false) {
            found.record(text, &header, i);
        } else if let Some(byline) = parse_byline(line) {
            found.add_byline(byline);
        } else if let Some((key, date)) = date_line(line) {
            found.record_date(key, Some(date));
        } else {
            break;
        }
        headers.push(i);
        i = next_content(i + 1);
    }

    // Without a heading or first-line headline, a `title` header or key is the headline.
    if headline.is_none()
        && let Some((span, line)) = found.title
    {
        headline = Some((span, line, HeadlineFrom::Title));
        headers.retain(|&k| k != line);
    }

    let mut body_line = i;
    let mut body_start = if i < n { lines[i].start } else { text.len() };
    let body: Vec<usize> = (body_line..n).filter(|&k| has_alnum(at(k))).collect();
    let headline_text = headline
        .map(|(span, ..)| span.slice(text).trim())
        .unwrap_or("");

    let outlet = outlet_from_text(&found, headline_text, &body, &at)
        .or_else(|| origin.and_then(outlet_from_origin))
        .unwrap_or_else(|| UNKNOWN_OUTLET.to_owned());

    let mut taglines = TaglineCheck::new(&outlet);
    let mut classify = |body: &[usize], headline_text: &str, boiler: &mut Vec<usize>| {
        let headline_fold = fold(headline_text);
        let last = body.last().copied();
        let mut has_body = false;
        for &k in body {
            let line = at(k);
            // Folding only drops punctuation and spacing, so a repeat has a similar length.
            let similar_length = line.len() <= 2 * headline_text.len() + 16;
            let repeat = !headline_fold.is_empty() && similar_length && fold(line) == headline_fold;
            if repeat || is_boilerplate_line(line) || taglines.is_tagline(line, Some(k) == last) {
                boiler.push(k);
            } else {
                has_body = true;
            }
        }
        has_body
    };
    let body_boiler_from = boiler.len();
    let mut has_body = classify(&body, headline_text, &mut boiler);

    // A lone line (pasted sentence, one paragraph) is the text itself, not a headline.
    if !has_body
        && headers.is_empty()
        && let Some((_, line, HeadlineFrom::Line)) = headline
    {
        headline = None;
        body_line = line;
        body_start = lines[line].start;
        boiler.truncate(body_boiler_from);
        let body: Vec<usize> = (body_line..n).filter(|&k| has_alnum(at(k))).collect();
        has_body = classify(&body, "", &mut boiler);
    }

    let to_spans = |mut idx: Vec<usize>| {
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().map(|k| lines[k]).collect::<Vec<_>>()
    };
    Layout {
        headline_span: headline.map(|(span, ..)| span),
        body_start,
        header_spans: to_spans(headers),
        boilerplate_spans: to_spans(boiler),
        found,
        outlet,
        has_body,
    }
}

/// The lines of `text` as spans without their line endings (`\n`, `\r\n` or a lone `\r`).
fn split_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Span::new(start, end));
            start = i + 1;
        } else if b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(Span::new(start, bytes.len()));
    }
    lines
}

/// `span` without leading and trailing whitespace.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + lead + s.trim().len())
}

/// True when `s` holds a letter or digit.
fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Lowercase words of letters and digits joined by single spaces: "Hello, World!" → "hello world".
fn fold(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `line` trimmed, without leading list, quote and emphasis markup or trailing emphasis.
fn strip_markup(line: &str) -> &str {
    line.trim()
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '_'
                        | '['
                        | '>'
                        | '#'
                        | '•'
                        | '·'
                        | '|'
                        | '»'
                        | '›'
                        | '-'
                        | '–'
                        | '—'
                        | '='
                        | '~'
                )
        })
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ']'))
}

/// True when `lc` starts with `prefix` and the prefix ends at a word boundary.
fn starts_word(lc: &str, prefix: &str) -> bool {
    lc.strip_prefix(prefix).is_some_and(|rest| {
        !prefix.ends_with(|c: char| c.is_alphanumeric())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

/// `s` without an ASCII-case-insensitive `prefix`.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Byte position of an ASCII `needle` in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `s` without one pair of matching surrounding quotes.
fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2
            && let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q))
        {
            return inner.trim();
        }
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Headline and header lines
// ---------------------------------------------------------------------------------------------

/// True when a first line reads like a headline rather than a paragraph of text.
fn looks_like_headline(line: &str) -> bool {
    if line.chars().count() > 300 {
        return false;
    }
    let words = line.split_whitespace().count();
    !(words >= 16 && line.ends_with('.') && !line.ends_with(".."))
}

/// True for a Markdown setext underline (`=====` or `-----`).
fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// The text of a Markdown ATX heading (`# Title`, `## Title ##`) without the `#` marks.
fn markdown_heading(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &t[hashes..];
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let content_lead = after.len() - after.trim_start().len();
    let mut content = after.trim();
    let without_closing = content.trim_end_matches('#');
    if without_closing.len() < content.len() && without_closing.ends_with([' ', '\t']) {
        content = without_closing.trim_end();
    }
    if !has_alnum(content) {
        return None;
    }
    let start = line.start + lead + hashes + content_lead;
    Some(Span::new(start, start + content.len()))
}

/// Page chrome that may precede a headline in copied web pages.
fn is_page_chrome(line: &str) -> bool {
    let core = strip_markup(line);
    let lc = core.to_ascii_lowercase();
    let words = lc.split_whitespace().count();
    UI_LABELS.contains(&fold(core).as_str())
        || (words <= 6
            && [
                "skip to",
                "sign in",
                "log in",
                "subscribe",
                "advertisement",
                "menu",
            ]
            .iter()
            .any(|p| starts_word(&lc, p)))
}

/// What a header line or front-matter key tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Outlet,
    Title,
    Date,
    Published,
    Updated,
    Url,
    Author,
    /// A dataset note (`Source:` in plain text): a header, but no metadata.
    Source,
}

/// A `Key: value` line; `value` is the trimmed value's span in the text.
#[derive(Clone, Copy, Debug)]
struct Header {
    key: Key,
    value: Span,
}

/// The [`Key`] a normalised header name stands for. In front matter, `source` names the outlet.
fn key_kind(key: &str, front_matter: bool) -> Option<Key> {
    Some(match key {
        "outlet" | "publication" | "publisher" | "site" | "site name" | "sitename"
        | "newspaper" | "news outlet" => Key::Outlet,
        "source" if front_matter => Key::Outlet,
        "source" => Key::Source,
        "title" | "headline" => Key::Title,
        "date" | "pubdate" | "pub date" | "publication date" | "date published" => Key::Date,
        "published" | "published on" | "published at" | "publish date" | "posted" | "posted on" => {
            Key::Published
        }
        "updated" | "last updated" | "updated on" | "updated at" | "modified" | "last modified"
        | "lastmod" | "date modified" => Key::Updated,
        "url" | "link" | "canonical" | "canonical url" | "permalink" | "web address" => Key::Url,
        "author" | "authors" | "by" | "byline" | "written by" | "writer" | "reporter"
        | "reporters" => Key::Author,
        _ => return None,
    })
}

/// Parses `Key<separator> value` on `line` when the key is one the importer knows.
fn parse_header(text: &str, line: Span, separator: char, front_matter: bool) -> Option<Header> {
    let s = line.slice(text);
    let pos = s.find(separator)?;
    if pos > 40 {
        return None;
    }
    let raw_key = s[..pos]
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim();
    if raw_key.is_empty()
        || !raw_key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
    {
        return None;
    }
    let normal = raw_key.to_lowercase().replace(['_', '-'], " ");
    let normal = normal.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key_kind(&normal, front_matter)?;
    let after = pos + separator.len_utf8();
    let rest = &s[after..];
    let markup = |c: char| c.is_whitespace() || c == '*' || c == '_';
    let lead = rest.len() - rest.trim_start_matches(markup).len();
    let mut value = rest.trim_matches(markup);
    let mut start = line.start + after + lead;
    if front_matter {
        let unquoted = unquote(value);
        if unquoted.len() < value.len() {
            start += value.find(unquoted).unwrap_or(0);
            value = unquoted;
        }
    }
    Some(Header {
        key,
        value: Span::new(start, start + value.len()),
    })
}

/// Accepts header lines found above the headline: two or more, or one that clearly is metadata.
fn accept_top_block(text: &str, top: &[(usize, Header)]) -> bool {
    match top {
        [] => false,
        [(_, header)] => match header.key {
            Key::Outlet | Key::Url | Key::Title | Key::Author => true,
            Key::Date | Key::Published | Key::Updated => {
                parse_date(header.value.slice(text)).is_some()
            }
            Key::Source => false,
        },
        _ => true,
    }
}

/// A byline: "By Jane Doe and John Roe, Associated Press | June 10, 2014".
struct Byline {
    authors: Vec<String>,
    outlet: Option<String>,
    date: Option<String>,
}

/// Words that never start a name in a byline.
fn is_calendar_word(w: &str) -> bool {
    month_number(w).is_some() || weekday(w)
}

/// Parses a `By …` line, refusing sentences that merely start with "By" ("By Tuesday, …").
fn parse_byline(line: &str) -> Option<Byline> {
    let core = strip_markup(line);
    let rest = strip_prefix_ci(core, "by ")?.trim();
    if rest.is_empty() || rest.chars().count() > 150 {
        return None;
    }
    let (names_part, tail) = match [" | ", "|", " • ", " · ", " — ", " – ", " - "]
        .iter()
        .filter_map(|sep| rest.find(sep).map(|pos| (pos, sep.len())))
        .min()
    {
        Some((pos, len)) => (rest[..pos].trim(), Some(rest[pos + len..].trim())),
        None => (rest, None),
    };
    let mut outlet = tail.and_then(known_outlet).map(str::to_owned);
    let date = tail.and_then(parse_date).or_else(|| parse_date(names_part));
    let mut authors = Vec::new();
    for (index, segment) in names_part
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        if let Some(known) = known_outlet(segment) {
            outlet.get_or_insert_with(|| known.to_owned());
            continue;
        }
        let lower = segment.to_lowercase();
        if [
            "staff",
            "writer",
            "correspondent",
            "reporter",
            "editor",
            "contributor",
            "bureau",
            "chief",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            continue;
        }
        let words: Vec<&str> = segment.split_whitespace().collect();
        let dateish = words.iter().all(|w| is_dateish(w));
        if index > 0 && dateish {
            continue;
        }
        let connectors = [
            "and", "&", "with", "de", "van", "von", "der", "da", "la", "le", "bin", "al", "el",
            "del",
        ];
        let names_ok = words.len() <= 12
            && words.iter().all(|w| {
                connectors.contains(&w.to_lowercase().as_str())
                    || (w.chars().next().is_some_and(char::is_uppercase)
                        && !is_calendar_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
            });
        if !names_ok || (index == 0 && words.len() < 2) {
            return None;
        }
        authors.push(segment.to_owned());
    }
    if authors.is_empty() && outlet.is_none() {
        return None;
    }
    Some(Byline {
        authors,
        outlet,
        date,
    })
}

/// A line that is only a date ("June 10, 2014", "Updated 10:05 a.m. ET, Tue June 10, 2014").
fn date_line(line: &str) -> Option<(Key, String)> {
    let core = strip_markup(line);
    if core.chars().count() > 80 {
        return None;
    }
    let (key, rest) = if let Some(rest) = strip_prefix_ci(core, "published ") {
        (Key::Published, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "posted ") {
        (Key::Published, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "updated ") {
        (Key::Updated, rest)
    } else if let Some(rest) = strip_prefix_ci(core, "last updated ") {
        (Key::Updated, rest)
    } else {
        (Key::Date, core)
    };
    let date = parse_date(rest)?;
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let dateish = words.iter().filter(|w| is_dateish(w)).count();
    (words.len() <= 9 && dateish + 1 >= words.len()).then_some((key, date))
}

/// True for words that belong in a date line: numbers, months, weekdays, times and zones.
fn is_dateish(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    w.is_empty()
        || w.chars().any(|c| c.is_ascii_digit())
        || is_calendar_word(&w)
        || matches!(
            w.as_str(),
            "am" | "pm"
                | "a.m"
                | "p.m"
                | "et"
                | "est"
                | "edt"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "cest"
                | "pt"
                | "pst"
                | "pdt"
                | "ct"
                | "cst"
                | "cdt"
                | "on"
                | "at"
                | "of"
        )
}

/// Everything the header lines and front matter said.
#[derive(Default)]
struct Found {
    outlet: Option<String>,
    title: Option<(Span, usize)>,
    date: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    byline_outlet: Option<String>,
}

impl Found {
    /// Takes in one header line (`line` is its index, for a title).
    fn record(&mut self, text: &str, header: &Header, line: usize) {
        let value = header.value.slice(text).trim();
        match header.key {
            Key::Outlet => {
                if self.outlet.is_none() && has_alnum(value) {
                    self.outlet = Some(value.to_owned());
                }
            }
            Key::Title => {
                if self.title.is_none() && has_alnum(value) {
                    self.title = Some((header.value, line));
                }
            }
            Key::Date | Key::Published | Key::Updated => {
                self.record_date(header.key, date_value(value))
            }
            Key::Url => {
                if self.url.is_none() && !value.is_empty() {
                    self.url = Some(value.to_owned());
                }
            }
            Key::Author => self.add_authors(value),
            Key::Source => {}
        }
    }

    /// Keeps the first date of each kind.
    fn record_date(&mut self, key: Key, date: Option<String>) {
        let slot = match key {
            Key::Published => &mut self.published,
            Key::Updated => &mut self.updated,
            _ => &mut self.date,
        };
        if slot.is_none() {
            *slot = date;
        }
    }

    /// Adds authors from a header value: "Jane Doe", "By Jane Doe", `[Jane Doe, "John Roe"]`.
    fn add_authors(&mut self, value: &str) {
        let value = value.trim();
        let value = strip_prefix_ci(value, "by ").unwrap_or(value).trim();
        if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            for item in list.split(',') {
                self.add_author(unquote(item));
            }
        } else {
            self.add_author(unquote(value));
        }
    }

    /// Adds one author unless empty or already known.
    fn add_author(&mut self, name: &str) {
        let name = name.trim();
        if has_alnum(name) && !self.authors.iter().any(|a| a == name) {
            self.authors.push(name.to_owned());
        }
    }

    /// Takes in a byline.
    fn add_byline(&mut self, byline: Byline) {
        for author in &byline.authors {
            self.add_author(author);
        }
        if self.byline_outlet.is_none() {
            self.byline_outlet = byline.outlet;
        }
        self.record_date(Key::Published, byline.date);
    }
}

/// Finds a front-matter block opening at line `open`: the closing line and the key separator.
fn front_matter_close(text: &str, lines: &[Span], open: usize) -> Option<(usize, char)> {
    let delimiter = lines.get(open)?.slice(text).trim();
    let separator = match delimiter {
        "---" => ':',
        "+++" => '=',
        _ => return None,
    };
    let (mut keys, mut other) = (0, 0);
    for (k, line) in lines
        .iter()
        .enumerate()
        .take((open + 200).min(lines.len()))
        .skip(open + 1)
    {
        let raw = line.slice(text);
        let l = raw.trim();
        if l == delimiter || (separator == ':' && l == "...") {
            return (keys > 0 && keys >= other).then_some((k, separator));
        }
        if l.is_empty() || l.starts_with('#') || l.starts_with('-') || raw.starts_with([' ', '\t'])
        {
            continue;
        }
        let is_key = l.find(separator).is_some_and(|pos| {
            let key = l[..pos].trim();
            !key.is_empty()
                && pos <= 40
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '"' | '\''))
        });
        if is_key {
            keys += 1;
        } else {
            other += 1;
        }
    }
    None
}

/// Reads the known keys of front matter lines `from..to`, including YAML author lists.
fn read_front_matter(
    text: &str,
    lines: &[Span],
    from: usize,
    to: usize,
    separator: char,
    found: &mut Found,
) {
    let mut k = from;
    while k < to {
        if let Some(header) = parse_header(text, lines[k], separator, true) {
            if header.key == Key::Author && header.value.is_empty() {
                let mut j = k + 1;
                while j < to {
                    let l = lines[j].slice(text).trim();
                    if let Some(item) = l.strip_prefix('-') {
                        found.add_author(unquote(item));
                    } else if !l.is_empty() {
                        break;
                    }
                    j += 1;
                }
                k = j;
                continue;
            }
            let value = header.value.slice(text).trim();
            if !matches!(value, ">" | "|" | ">-" | "|-") {
                found.record(text, &header, k);
            }
        }
        k += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// A header's date value: `YYYY-MM-DD` when one can be read, `None` for "not recorded" and
/// the like, else the trimmed text as written.
fn date_value(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some(date) = parse_date(value) {
        return Some(date);
    }
    (!is_unknown_marker(value)).then(|| value.to_owned())
}

/// True for values that say the thing is not known: "not recorded (…)", "unknown", "n/a", "—".
fn is_unknown_marker(value: &str) -> bool {
    let lc = value.trim().to_ascii_lowercase();
    !has_alnum(&lc)
        || [
            "not recorded",
            "unknown",
            "n/a",
            "none",
            "null",
            "undated",
            "no date",
            "tbd",
            "not known",
        ]
        .iter()
        .any(|m| starts_word(&lc, m))
}

/// The first date in `s` as `YYYY-MM-DD`: ISO-like (`2019-12-31`, `2019/12/31`,
/// `2019-12-31T10:00Z`) or with a month name (`June 10, 2014`, `10 Jun. 2014`).
pub(crate) fn parse_date(s: &str) -> Option<String> {
    iso_date(s).or_else(|| named_month_date(s))
}

/// Reads `count` (1..=max) ASCII digits at `pos` not followed by another digit.
fn digits_at(b: &[u8], pos: usize, max: usize) -> Option<(u32, usize)> {
    let len = b
        .get(pos..)?
        .iter()
        .take(max + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > max {
        return None;
    }
    let value = b[pos..pos + len]
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    Some((value, pos + len))
}

/// `YYYY-MM-DD` when the parts make a real calendar date.
fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1800..=2200).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// An ISO-like `YYYY-MM-DD` (or with `/` or `.`) anywhere in `s`.
fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len()).find_map(|i| {
        if i > 0 && b[i - 1].is_ascii_digit() {
            return None;
        }
        let (year, p) = digits_at(b, i, 4)?;
        if p - i != 4 {
            return None;
        }
        let separator = *b.get(p)?;
        if !matches!(separator, b'-' | b'/' | b'.') {
            return None;
        }
        let (month, p) = digits_at(b, p + 1, 2)?;
        if b.get(p) != Some(&separator) {
            return None;
        }
        let (day, _) = digits_at(b, p + 1, 2)?;
        format_date(year, month, day)
    })
}

/// The month (1–12) a word names: "June", "jun", "Sept".
fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            *m == w
                || (w.len() == 3 && m.starts_with(w.as_str()))
                || (w == "sept" && *m == "september")
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// True for weekday names and their three-letter forms.
fn weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| {
        *d == w || (w.len() == 3 && d.starts_with(w.as_str())) || (w == "tues" || w == "thurs")
    })
}

/// A day number token: "10", "10th", "1st".
fn day_number(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
    {
        return None;
    }
    digits.parse().ok()
}

/// A date written with a month name: "June 10, 2014", "Tue 10 June 2014".
fn named_month_date(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let year = |t: &str| (t.len() == 4).then(|| t.parse::<u32>().ok()).flatten();
    tokens.iter().enumerate().find_map(|(i, token)| {
        let month = month_number(token)?;
        let after_day = tokens.get(i + 1).and_then(|t| day_number(t));
        if let (Some(day), Some(y)) = (after_day, tokens.get(i + 2).and_then(|t| year(t))) {
            return format_date(y, month, day);
        }
        let before_day = i
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .and_then(|t| day_number(t));
        if let (Some(day), Some(y)) = (before_day, tokens.get(i + 1).and_then(|t| year(t))) {
            return format_date(y, month, day);
        }
        None
    })
}

// ---------------------------------------------------------------------------------------------
// Outlet
// ---------------------------------------------------------------------------------------------

/// The outlet the text itself names: `Outlet:` header, headline prefix or suffix, byline,
/// wire dateline, tagline near the end, then the URL's host.
fn outlet_from_text<'a>(
    found: &Found,
    headline: &str,
    body: &[usize],
    at: &impl Fn(usize) -> &'a str,
) -> Option<String> {
    if let Some(outlet) = found.outlet.as_deref().and_then(outlet_from_value) {
        return Some(outlet);
    }
    if let Some(outlet) = outlet_from_headline(headline) {
        return Some(outlet);
    }
    if let Some(outlet) = &found.byline_outlet {
        return Some(outlet.clone());
    }
    if let Some(outlet) = body.iter().take(3).find_map(|&k| dateline_outlet(at(k))) {
        return Some(outlet);
    }
    if let Some(outlet) = body
        .iter()
        .rev()
        .take(8)
        .find_map(|&k| tagline_outlet(at(k)))
    {
        return Some(outlet);
    }
    found.url.as_deref().and_then(outlet_from_url)
}

/// An `Outlet:` value: a known outlet (also inside "HuffPost (Huffington Post)" or a URL), else
/// as written. `None` for "unknown" and the like.
fn outlet_from_value(value: &str) -> Option<String> {
    let v = unquote(value.trim());
    if is_unknown_marker(v) {
        return None;
    }
    if let Some(known) = known_outlet(v) {
        return Some(known.to_owned());
    }
    if v.contains("://") {
        return outlet_from_url(v).or_else(|| host_of(v).map(str::to_owned));
    }
    if let Some(open) = v.find('(') {
        let before = v[..open].trim();
        let inner = v[open + 1..].split(')').next().unwrap_or("").trim();
        if let Some(known) = known_outlet(before).or_else(|| known_outlet(inner)) {
            return Some(known.to_owned());
        }
    }
    if !v.contains(char::is_whitespace)
        && v.contains('.')
        && let Some(known) = outlet_from_url(v)
    {
        return Some(known);
    }
    Some(v.to_owned())
}

/// The host of a URL (or a bare domain), without `www.`.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim();
    let host = host.strip_prefix("www.").unwrap_or(host);
    has_alnum(host).then_some(host)
}

/// A known outlet from a URL's host, also under subdomains ("thecaucus.blogs.nytimes.com").
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    if let Some(known) = known_outlet(url) {
        return Some(known.to_owned());
    }
    let host = host_of(url)?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    (1..labels.len().saturating_sub(1))
        .find_map(|k| known_outlet(&labels[k..].join(".")).map(str::to_owned))
}

/// A known outlet in a headline prefix ("New York Times: …") or suffix ("… | Reuters").
fn outlet_from_headline(headline: &str) -> Option<String> {
    if let Some(pos) = headline.find(':')
        && pos <= 40
    {
        let prefix = headline[..pos].trim();
        if !prefix.eq_ignore_ascii_case("time")
            && let Some(known) = known_outlet(prefix)
        {
            return Some(known.to_owned());
        }
    }
    for separator in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(pos) = headline.rfind(separator)
            && let Some(known) = known_outlet(&headline[pos + separator.len()..])
        {
            return Some(known.to_owned());
        }
    }
    if let Some(pos) = headline.find(" | ")
        && let Some(known) = known_outlet(&headline[..pos])
    {
        return Some(known.to_owned());
    }
    None
}

/// The wire service in a dateline: "WASHINGTON (Reuters) - …", "(AP) — …".
fn dateline_outlet(line: &str) -> Option<String> {
    let s = line.trim_start();
    let open = s.find('(')?;
    if open > 80 {
        return None;
    }
    // The place: "WASHINGTON", "KYIV, Ukraine", "WASHINGTON, D.C." — starting with a word in
    // capitals, a few words at most; or nothing at all.
    let before = s[..open].trim();
    let first_word = before.split([' ', ',']).next().unwrap_or("");
    if !before.is_empty()
        && (first_word.chars().any(char::is_lowercase)
            || !has_alnum(first_word)
            || before.split_whitespace().count() > 6)
    {
        return None;
    }
    let close = open + s[open..].find(')')?;
    let inner = &s[open + 1..close];
    let after = s[close + 1..].trim_start();
    if !after.starts_with(['-', '—', '–', ':']) {
        return None;
    }
    known_outlet(inner).map(str::to_owned)
}

/// A name of at most six words: the known outlet it names, else as written.
fn short_name(s: &str) -> Option<String> {
    let name = s.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if !has_alnum(name) || name.split_whitespace().count() > 6 {
        return None;
    }
    Some(known_outlet(name).map_or_else(|| name.to_owned(), str::to_owned))
}

/// The outlet a closing line names: "© 2022 Reuters", "Reporting by …; Editing by …" (Reuters
/// house style), "This article originally appeared on …", "Follow Reuters on X", or a line that
/// is just an outlet's name.
fn tagline_outlet(line: &str) -> Option<String> {
    let core = strip_markup(line);
    if core.len() > 300 {
        return None;
    }
    let lc = core.to_ascii_lowercase();
    if core.starts_with('©') || starts_word(&lc, "copyright") || lc.starts_with("(c)") {
        if ["getty", "photo", "image", "picture"]
            .iter()
            .any(|w| lc.contains(w))
        {
            return None;
        }
        let mut rest = core;
        loop {
            let trimmed = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | ',' | '-' | '–')
            });
            let trimmed = strip_prefix_ci(trimmed, "copyright")
                .or_else(|| strip_prefix_ci(trimmed, "(c)"))
                .unwrap_or(trimmed);
            if trimmed.len() == rest.len() {
                break;
            }
            rest = trimmed;
        }
        let end = [" all rights reserved", ". ", "|", ";"]
            .iter()
            .filter_map(|m| find_ci(rest, m))
            .min()
            .unwrap_or(rest.len());
        return short_name(&rest[..end]);
    }
    for marker in [
        "originally appeared on ",
        "originally appeared in ",
        "originally appeared at ",
        "first appeared on ",
        "first appeared in ",
        "originally published on ",
        "originally published in ",
        "originally published by ",
        "republished from ",
        "reprinted from ",
    ] {
        if let Some(pos) = find_ci(core, marker) {
            let rest = &core[pos + marker.len()..];
            let end = [",", ". ", " on ", " and ", " (", " — ", " - ", ";"]
                .iter()
                .filter_map(|m| find_ci(rest, m))
                .min()
                .unwrap_or(rest.len());
            return short_name(&rest[..end]);
        }
    }
    let credit = lc.trim_start_matches('(');
    if [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
    ]
    .iter()
    .any(|p| starts_word(credit, p))
        && (lc.contains(';') || lc.contains("editing by"))
    {
        return Some("Reuters".to_owned());
    }
    if let Some(rest) = strip_prefix_ci(core, "follow ") {
        let end = [" on ", " for ", " at ", " via "]
            .iter()
            .filter_map(|m| find_ci(rest, m))
            .min()
            .unwrap_or(rest.len());
        return known_outlet(rest[..end].trim().trim_start_matches('@')).map(str::to_owned);
    }
    (core.len() <= 60)
        .then(|| known_outlet(core))
        .flatten()
        .map(str::to_owned)
}

/// The file name of `origin` (after the last `/` or `\`) without a document extension, so
/// `C:\news\nytimes.txt` gives "nytimes" and "news.yahoo.com" stays whole.
fn file_stem(origin: &str) -> &str {
    const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "markdown", "mdx", "html", "htm", "rtf", "doc", "docx", "pdf", "csv",
    ];
    let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    match name.rsplit_once('.') {
        Some((stem, ext)) if EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)) => stem,
        _ => name,
    }
}

/// File name stems that say nothing about the outlet.
const GENERIC_STEMS: &[&str] = &[
    "article",
    "articles",
    "story",
    "stories",
    "text",
    "untitled",
    "document",
    "doc",
    "new",
    "new document",
    "new text document",
    "copy",
    "input",
    "sample",
    "test",
    "file",
    "paste",
    "pasted",
    "pasted text",
    "clipboard",
    "news",
    "draft",
    "notes",
    "note",
    "left",
    "right",
    "source",
    "original",
    "output",
    "tmp",
    "temp",
    "page",
    "content",
    "body",
    "report",
    "item",
    "a",
    "b",
    "c",
    "x",
];

/// The outlet a file name tells: a known outlet ("nytimes.txt", "foxnews.com.txt",
/// "cantor-nyt.txt"), else the stem title-cased ("harbour-gazette.txt" → "Harbour Gazette");
/// `None` for "pasted text" and generic names ("article1.txt").
fn outlet_from_origin(origin: &str) -> Option<String> {
    if origin.trim().eq_ignore_ascii_case(PASTED_TEXT) {
        return None;
    }
    let stem = file_stem(origin).trim();
    let stem = [" copy", "-copy", "_copy"]
        .iter()
        .find_map(|s| stem.strip_suffix(s))
        .unwrap_or(stem);
    let stem = match stem.rfind(" (") {
        Some(pos)
            if stem.ends_with(')')
                && stem[pos + 2..stem.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            &stem[..pos]
        }
        _ => stem,
    };
    if let Some(known) = known_outlet(stem) {
        return Some(known.to_owned());
    }
    let spaced = stem.replace(['-', '_'], " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let spaced = words.join(" ");
    if let Some(known) = known_outlet(&spaced) {
        return Some(known.to_owned());
    }
    let letters = fold(
        &spaced
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>(),
    );
    let letter_count = letters.chars().filter(|c| c.is_alphanumeric()).count();
    if letter_count < 3 || GENERIC_STEMS.contains(&letters.as_str()) {
        return None;
    }
    // A saved web page is named after its title: only a "… - The New York Times" affix counts.
    if words.len() > 4 {
        return outlet_from_headline(stem);
    }
    if words.len() == 1 && spaced.contains('.') {
        return Some(outlet_from_url(&spaced).unwrap_or(spaced));
    }
    // A known outlet among the words: "2014-cantor-nytimes", "new-york-times-story".
    let risky = ["time", "hill", "the", "ria", "fox"];
    for size in (1..=words.len().min(4)).rev() {
        let hits: Vec<&str> = words
            .windows(size)
            .filter(|w| {
                size > 1
                    || (w[0].len() >= 3 && !risky.contains(&w[0].to_ascii_lowercase().as_str()))
            })
            .filter_map(|w| known_outlet(&w.join(" ")))
            .collect();
        if let Some(first) = hits.first()
            && hits.iter().all(|h| h == first)
        {
            return Some((*first).to_owned());
        }
    }
    let title_cased: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect();
    Some(title_cased.join(" "))
}

// ---------------------------------------------------------------------------------------------
// Boilerplate
// ---------------------------------------------------------------------------------------------

/// Whole lines (folded) that are page furniture, never reporting.
const UI_LABELS: &[&str] = &[
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "video",
    "image",
    "photo",
    "photos",
    "gallery",
    "play",
    "play video",
    "close",
    "menu",
    "share",
    "share this",
    "print",
    "email",
    "comments",
    "comment",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "loading",
    "skip ad",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
    "advertisement scroll to continue",
    "listen",
    "listen to article",
    "read more",
    "more",
    "related",
    "watch",
    "subscribe",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "back to top",
    "next",
    "previous",
    "open image in gallery",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "show caption",
    "expand",
    "copy link",
    "link copied",
    "bookmark",
    "save article",
    "continue reading",
];

/// Line starts (lowercase, word-bounded) that always mark boilerplate.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "click here",
    "click to",
    "tap here",
    "sign up",
    "continue reading",
    "listen to this article",
    "listen to this story",
    "text size",
    "photo:",
    "photos:",
    "photograph:",
    "photo by",
    "(photo by",
    "photo credit",
    "(photo credit",
    "photo courtesy",
    "image:",
    "images:",
    "image credit",
    "image by",
    "image courtesy",
    "image caption",
    "image source",
    "media caption",
    "picture:",
    "caption:",
    "credit:",
    "(credit:",
    "(ap photo",
    "ap photo/",
    "(reuters/",
    "(getty images",
    "this article originally",
    "this story originally",
    "this article was originally",
    "this story was originally",
    "this article first appeared",
    "this story first appeared",
    "a version of this article",
    "a version of this story",
    "get the app",
    "tags:",
    "topics:",
    "filed under:",
    "see also:",
    "also read:",
    "read also:",
    "recommended:",
    "trending:",
    "related:",
    "more:",
    "advertisement:",
    "sponsored:",
    "watch:",
    "video:",
    "listen:",
    "loading…",
    "loading...",
    "all rights reserved",
];

/// Line starts that mark boilerplate when the line has at most this many words.
const SHORT_BOILERPLATE_PREFIXES: &[(&str, usize)] = &[
    ("read more", 40),
    ("subscribe", 30),
    ("newsletter", 30),
    ("more from", 12),
    ("most read", 8),
    ("most popular", 8),
    ("sign in", 8),
    ("log in", 8),
    ("skip to", 8),
    ("advertisement", 8),
    ("also read", 20),
    ("read the full", 20),
    ("download the", 15),
    ("getty images", 6),
];

/// True for a line that is web or wire boilerplate, never reporting: link prompts, sharing and
/// newsletter prompts, ads, photo credits, copyright lines, wire credits, "originally appeared".
pub fn is_boilerplate_line(line: &str) -> bool {
    let core = strip_markup(line);
    if !has_alnum(core) || core.len() > 1000 {
        return false;
    }
    let lc = core.to_ascii_lowercase();
    let words = lc.split_whitespace().count();
    if words <= 8 && UI_LABELS.contains(&fold(core).as_str()) {
        return true;
    }
    if BOILERPLATE_PREFIXES.iter().any(|p| starts_word(&lc, p)) {
        return true;
    }
    if SHORT_BOILERPLATE_PREFIXES
        .iter()
        .any(|(p, max)| words <= *max && starts_word(&lc, p))
    {
        return !starts_word(&lc, "download the") || lc.contains(" app");
    }
    if core.starts_with('©') || (words <= 15 && lc.contains('©')) {
        return true;
    }
    if words <= 30 && lc.contains("all rights reserved") {
        return true;
    }
    copyright_line(&lc)
        || prompt_line(&lc, words)
        || newsletter_line(&lc, words)
        || credit_line(core, &lc, words)
        || photo_credit(&lc, words)
}

/// "Copyright 2022 Reuters", "Copyright © …", "(c) 2022 …" — but not "Copyright lawsuits …".
fn copyright_line(lc: &str) -> bool {
    if let Some(rest) = lc.strip_prefix("(c)") {
        return rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    if !starts_word(lc, "copyright") {
        return false;
    }
    let rest = lc["copyright".len()..]
        .trim_start()
        .trim_start_matches(':')
        .trim_start();
    rest.starts_with(['©', '('])
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || known_outlet(rest.trim_end_matches('.')).is_some()
}

/// Prompts that start with a verb: "Related coverage", "Watch video", "Share on Facebook",
/// "Follow us on X".
fn prompt_line(lc: &str, words: usize) -> bool {
    let after = |prefix: &str| lc.get(prefix.len()..).unwrap_or("").trim_start();
    let next_is = |rest: &str, options: &[&str]| {
        rest.is_empty() || rest.starts_with(':') || options.iter().any(|o| starts_word(rest, o))
    };
    if starts_word(lc, "related") {
        let options = [
            "coverage", "articles", "stories", "content", "video", "videos", "links", "news",
            "reading", "topics", "posts",
        ];
        return words <= 12 && next_is(after("related"), &options);
    }
    if starts_word(lc, "watch") {
        let options = [
            "video",
            "the video",
            "live",
            "now",
            "more",
            "below",
            "here",
            "the full",
            "our",
        ];
        return words <= 20 && next_is(after("watch"), &options);
    }
    if starts_word(lc, "share") {
        let options = ["this", "on", "via", "article", "story", "to"];
        return words <= 12 && next_is(after("share"), &options);
    }
    if starts_word(lc, "follow") && !lc.contains(" said") && !lc.contains(" says") {
        let rest = after("follow");
        if starts_word(rest, "us") || starts_word(rest, "me") || rest.starts_with('@') {
            return true;
        }
        let end = lc.trim_end_matches(|c: char| !c.is_alphanumeric());
        let platforms = [
            "twitter",
            "facebook",
            "instagram",
            "x",
            "tiktok",
            "threads",
            "bluesky",
            "linkedin",
            "youtube",
            "telegram",
            "mastodon",
        ];
        return words <= 12
            && (platforms.iter().any(|p| end.ends_with(&format!(" {p}")))
                || ["for more", "for updates", "for the latest"]
                    .iter()
                    .any(|p| lc.contains(p)));
    }
    false
}

/// Newsletter sign-up prompts, but not reporting about someone's newsletter.
fn newsletter_line(lc: &str, words: usize) -> bool {
    if words > 40 || !lc.contains("newsletter") || lc.contains(" said") || lc.contains(" says") {
        return false;
    }
    [
        "sign up",
        "subscribe to",
        "get our",
        "get the",
        "delivered to your inbox",
        "in your inbox",
        "join our",
        "our newsletter",
        "free newsletter",
        "daily newsletter",
        "weekly newsletter",
    ]
    .iter()
    .any(|m| lc.contains(m))
}

/// Wire credits: "Reporting by …; Editing by …", "(Writing by …)", "The Associated Press
/// contributed to this report."
fn credit_line(core: &str, lc: &str, words: usize) -> bool {
    let credit = lc.trim_start_matches('(');
    let skipped = lc.len() - credit.len();
    for prefix in [
        "additional reporting by",
        "reporting by",
        "writing by",
        "editing by",
    ] {
        if starts_word(credit, prefix) {
            if skipped > 0
                || lc.contains(';')
                || lc.contains("editing by")
                || lc.contains("writing by")
            {
                return true;
            }
            // A plain "Reporting by Jane Doe in Kyiv" credit: names and places only.
            let rest = core.get(skipped + prefix.len()..).unwrap_or("");
            return words <= 10
                && rest.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase)
                        || matches!(w, "in" | "and" | "from" | "at" | "with" | "of")
                });
        }
    }
    words <= 30
        && [
            "contributed to this report",
            "contributed reporting",
            "contributed to this story",
            "contributed to this article",
        ]
        .iter()
        .any(|m| lc.contains(m))
}

/// Photo credits and captions that end in one: "(Photo by Jane Doe/Getty Images)",
/// "… (AP Photo/John Roe)".
fn photo_credit(lc: &str, words: usize) -> bool {
    if words > 80 {
        return false;
    }
    let end = lc.trim_end_matches(['.', ' ']);
    if end.ends_with("getty images") || end.ends_with("getty images)") {
        return true;
    }
    // A caption ends with its credit in parentheses: "… (AP Photo/Jane Doe)".
    let Some(open) = end.strip_suffix(')').and_then(|e| e.rfind('(')) else {
        return false;
    };
    let credit = &end[open + 1..];
    [
        "ap photo", "photo", "image", "getty", "reuters/", "afp", "credit",
    ]
    .iter()
    .any(|p| credit.starts_with(p))
        || ["/getty", "/reuters", "/afp", "/ap"]
            .iter()
            .any(|m| credit.contains(m))
}

/// Slogans that close or open an outlet's pages.
const SLOGANS: &[&str] = &[
    "all the news that s fit to print",
    "democracy dies in darkness",
    "fair and balanced",
    "fair balanced",
    "we report you decide",
    "the most trusted name in news",
    "the definitive source",
    "news you can trust",
];

/// Recognises lines that are only the outlet's name ("USA TODAY", "— Reuters"), a slogan, or —
/// as the last line — any known outlet's name. Outlet look-ups are costly, so each distinct
/// short line is looked up once.
struct TaglineCheck {
    /// The article's outlet key, unless the outlet is unknown.
    outlet_key: Option<String>,
    /// Line (markup stripped) → its outlet key and whether it names a known outlet.
    seen: HashMap<String, (String, bool)>,
}

impl TaglineCheck {
    /// A check for an article whose outlet is `outlet` (as written or [`UNKNOWN_OUTLET`]).
    fn new(outlet: &str) -> Self {
        let outlet_key = (outlet != UNKNOWN_OUTLET).then(|| outlet_key(outlet));
        Self {
            outlet_key,
            seen: HashMap::new(),
        }
    }

    /// True when `line` is a tagline; `is_last` for the article's last non-blank line.
    fn is_tagline(&mut self, line: &str, is_last: bool) -> bool {
        let core = strip_markup(line);
        if core.len() > 80 || !has_alnum(core) {
            return false;
        }
        if SLOGANS.contains(&fold(core).as_str()) {
            return true;
        }
        if is_last && self.is_name_and_slogan(core) {
            return true;
        }
        if core.split_whitespace().count() > 6 {
            return false;
        }
        let (key, known) = self
            .seen
            .entry(core.to_owned())
            .or_insert_with(|| (outlet_key(core), known_outlet(core).is_some()));
        self.outlet_key.as_deref() == Some(key.as_str()) || (is_last && *known)
    }

    /// "The Kessling Courier — your city, every day.": the outlet's name (or a known outlet's),
    /// a dash, bar or colon, and a short slogan.
    fn is_name_and_slogan(&self, core: &str) -> bool {
        let Some((pos, len)) = [" — ", " – ", " - ", " | ", ": "]
            .iter()
            .filter_map(|sep| core.find(sep).map(|pos| (pos, sep.len())))
            .min()
        else {
            return false;
        };
        let (name, slogan) = (core[..pos].trim(), core[pos + len..].trim());
        let slogan_words = slogan.split_whitespace().count();
        (1..=8).contains(&slogan_words)
            && name.split_whitespace().count() <= 6
            && (self.outlet_key.as_deref() == Some(outlet_key(name).as_str())
                || known_outlet(name).is_some())
    }
}

/// Checks what every imported article promises (the fuzz target and its corpus replay use it):
/// `body_start` and every span lie on char boundaries inside the text, header and boilerplate
/// spans are sorted and non-empty, and no two spans of any kind overlap.
pub fn validate_article(article: &Article) -> Result<(), String> {
    let text = &article.text;
    let fits = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    if article.body_start > text.len() || !text.is_char_boundary(article.body_start) {
        return Err(format!(
            "body_start {} is not a char boundary",
            article.body_start
        ));
    }
    for (kind, spans) in [
        ("header", &article.header_spans),
        ("boilerplate", &article.boilerplate_spans),
    ] {
        if let Some(bad) = spans.iter().find(|s| !fits(s) || s.is_empty()) {
            return Err(format!("{kind} span {bad:?} does not fit the text"));
        }
        if spans.windows(2).any(|w| w[0].end > w[1].start) {
            return Err(format!("{kind} spans are not sorted: {spans:?}"));
        }
    }
    let mut all: Vec<Span> = article
        .header_spans
        .iter()
        .chain(&article.boilerplate_spans)
        .copied()
        .collect();
    if let Some(headline) = article.headline_span {
        if !fits(&headline) {
            return Err(format!("headline span {headline:?} does not fit the text"));
        }
        all.push(headline);
    }
    all.sort();
    if let Some(w) = all.windows(2).find(|w| w[0].overlaps(&w[1])) {
        return Err(format!("spans overlap: {:?} and {:?}", w[0], w[1]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// Path of a fixture under `tests/fixtures/import/`.
    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
    }

    /// Imports `text` as UTF-8 bytes named `origin`, asserting success and valid spans.
    fn import_ok(text: &str, origin: &str) -> Article {
        let article = import_bytes(text.as_bytes(), Some(origin)).unwrap();
        assert_valid_spans(&article);
        article
    }

    /// Every span lies on char boundaries inside the text; the spans of all kinds are sorted
    /// and do not overlap; `body_start` is a char boundary.
    fn assert_valid_spans(article: &Article) {
        let text = &article.text;
        let ok = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        assert!(article.body_start <= text.len() && text.is_char_boundary(article.body_start));
        for spans in [&article.header_spans, &article.boilerplate_spans] {
            assert!(spans.iter().all(ok), "{spans:?} in {text:?}");
            assert!(
                spans.windows(2).all(|w| w[0].end <= w[1].start),
                "{spans:?}"
            );
            assert!(spans.iter().all(|s| !s.is_empty()));
        }
        let mut all: Vec<Span> = article
            .header_spans
            .iter()
            .chain(&article.boilerplate_spans)
            .copied()
            .collect();
        if let Some(h) = article.headline_span {
            assert!(ok(&h), "{h:?}");
            all.push(h);
        }
        all.sort();
        assert!(
            all.windows(2).all(|w| !w[0].overlaps(&w[1])),
            "overlap: {all:?}"
        );
    }

    /// The slices of `spans`.
    fn slices<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| s.slice(text)).collect()
    }

    /// The body as the segmenter will see it: non-blank lines from `body_start` that are not
    /// boilerplate.
    fn claim_lines(article: &Article) -> Vec<&str> {
        let text = &article.text;
        split_lines(text)
            .into_iter()
            .filter(|l| l.start >= article.body_start && !article.boilerplate_spans.contains(l))
            .map(|l| l.slice(text))
            .filter(|l| !l.trim().is_empty())
            .collect()
    }

    // ---- HTML ------------------------------------------------------------------------------

    #[test]
    fn html_goes_to_the_html_importer_by_content_or_name() {
        let page = "<!DOCTYPE html><html><head><title>Dam inspection - Riverside Echo</title>\
            </head><body><p>Inspectors found no cracks in the dam wall on Thursday, the water board said.</p></body></html>";
        for origin in ["page.html", "page.txt", "page"] {
            let article = import_ok(page, origin);
            assert_eq!(article.meta.headline, "Dam inspection", "{origin}");
            assert_eq!(article.meta.outlet, "Riverside Echo", "{origin}");
            assert!(!article.text.contains('<'), "{origin}: {}", article.text);
        }
        // A `.html` name with no markup inside is plain text.
        let plain = import_ok("Dam inspection\n\nInspectors found no cracks.\n", "dam.htm");
        assert_eq!(
            plain.text,
            "Dam inspection\n\nInspectors found no cracks.\n"
        );
        // Binary content is refused whatever the name says.
        let err = import_bytes(b"%PDF-1.7\n%\xE2\xE3", Some("story.html")).unwrap_err();
        assert!(
            matches!(err, ImportError::Binary { kind: "PDF", .. }),
            "{err:?}"
        );
    }

    #[test]
    fn downloads_name_their_address() {
        let url = "https://news.example/dam";
        let article = import_download(
            b"Dam inspection\n\nInspectors found no cracks in the dam wall on Thursday.\n",
            url,
            Some("text/plain"),
        )
        .unwrap();
        assert_eq!(article.meta.url.as_deref(), Some(url));
        assert_eq!(article.meta.origin.as_deref(), Some(url));
        let err = import_download(b"", url, Some("text/html")).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("Can't import '{url}': the file is empty")
        );
        assert!(validate_article(&article).is_ok());
    }

    // ---- headers ---------------------------------------------------------------------------

    #[test]
    fn data_format_headers_fill_meta_and_spans() {
        let article = import_file(&fixture("ferry_strike.txt")).unwrap();
        assert_valid_spans(&article);
        let text = &article.text;
        assert_eq!(
            article.meta.headline,
            "Harbour ferry crews walk out over rota changes"
        );
        assert_eq!(
            article.headline_span.unwrap().slice(text),
            article.meta.headline
        );
        assert_eq!(article.meta.outlet, "The Harbour Gazette");
        assert_eq!(article.meta.date.as_deref(), Some("2031-03-14"));
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://harbourgazette.example/2031/03/14/ferry-crews-walk-out")
        );
        assert_eq!(
            slices(text, &article.header_spans),
            [
                "Outlet: The Harbour Gazette",
                "Date: 2031-03-14 (approximate)",
                "URL: https://harbourgazette.example/2031/03/14/ferry-crews-walk-out",
                "Source: claimdiff test fixture, invented text",
            ]
        );
        // Body starts at the first line after the header block, blank lines skipped.
        assert!(text[article.body_start..].starts_with("Harbour ferry crews walk out"));
        assert!(
            article
                .meta
                .origin
                .as_deref()
                .unwrap()
                .ends_with("ferry_strike.txt")
        );
        assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    }

    #[test]
    fn date_with_trailing_note_keeps_only_the_date() {
        for (line, want) in [
            ("Date: 2019-12-31 (approximate)", Some("2019-12-31")),
            ("Date: 2020-01-01 (from URL)", Some("2020-01-01")),
            ("Date: 2020/01/02", Some("2020-01-02")),
            ("Date: 2020-01-03T10:00:00Z", Some("2020-01-03")),
            ("Date: June 10, 2014", Some("2014-06-10")),
            ("Date: Tue 10 Jun. 2014, 8:05 p.m.", Some("2014-06-10")),
            ("Date: not recorded (sample window: about Jan 2020)", None),
            ("Date: Unknown", None),
            ("Date: spring 2019", Some("spring 2019")),
            ("Date: 2019-02-30 (typo)", Some("2019-02-30 (typo)")),
        ] {
            let article = import_ok(&format!("A headline\n{line}\n\nBody text here.\n"), "x.txt");
            assert_eq!(article.meta.date.as_deref(), want, "{line}");
            assert_eq!(slices(&article.text, &article.header_spans), [line]);
        }
    }

    #[test]
    fn published_updated_and_case_insensitive_keys() {
        let article = import_ok(
            "A headline\nUPDATED: 2021-05-02\npublished: 2021-05-01\nurl: https://example.org/a\n\nBody.\n",
            "x.txt",
        );
        assert_eq!(
            article.meta.date.as_deref(),
            Some("2021-05-01"),
            "published wins over updated"
        );
        assert_eq!(article.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(article.header_spans.len(), 3);
        let only_updated = import_ok(
            "A headline\nUpdated 10:05 a.m. ET, Tue June 10, 2014\n\nBody.\n",
            "x.txt",
        );
        assert_eq!(only_updated.meta.date.as_deref(), Some("2014-06-10"));
        assert_eq!(only_updated.header_spans.len(), 1);
        let date_first = import_ok(
            "A headline\nUpdated: 2021-05-02\nDate: 2021-04-30\n\nBody.\n",
            "x.txt",
        );
        assert_eq!(
            date_first.meta.date.as_deref(),
            Some("2021-04-30"),
            "Date: wins"
        );
    }

    #[test]
    fn bylines_and_author_headers() {
        let article = import_file(&fixture("harbour-gazette.txt")).unwrap();
        assert_eq!(article.meta.author.as_deref(), Some("Tomas Berg"));
        assert_eq!(
            slices(&article.text, &article.header_spans),
            ["By Tomas Berg"]
        );
        let header = import_ok(
            "Headline\nAuthor: Jane Doe\nBy John Roe, Associated Press\n\nBody.\n",
            "x.txt",
        );
        assert_eq!(header.meta.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(
            header.meta.outlet, "Associated Press",
            "byline names the outlet"
        );
        let two = import_ok(
            "Headline\n\n*By Ana Lind and Piet Vos | March 3, 2031*\n\nBody text.\n",
            "x.txt",
        );
        assert_eq!(two.meta.author.as_deref(), Some("Ana Lind and Piet Vos"));
        assert_eq!(two.meta.date.as_deref(), Some("2031-03-03"));
        // Sentences that merely start with "By" are body text.
        for sentence in [
            "By Tuesday, the committee had voted twice.",
            "By contrast, the port stayed open.",
            "By March 2020 the plan was dead.",
        ] {
            let article = import_ok(&format!("Headline\n{sentence}\n\nMore body.\n"), "x.txt");
            assert!(article.header_spans.is_empty(), "{sentence}");
            assert_eq!(article.meta.author, None);
            assert_eq!(
                &article.text[article.body_start..article.body_start + sentence.len()],
                sentence
            );
        }
    }

    #[test]
    fn headers_before_the_headline() {
        let text =
            "Outlet: Reuters\nDate: 2022-02-24\n\nTroops cross the border\n\nBody sentence one.\n";
        let article = import_ok(text, "x.txt");
        assert_eq!(article.meta.outlet, "Reuters");
        assert_eq!(article.meta.headline, "Troops cross the border");
        assert_eq!(
            slices(text, &article.header_spans),
            ["Outlet: Reuters", "Date: 2022-02-24"]
        );
        assert_eq!(&text[article.body_start..], "Body sentence one.\n");
        // A headline that looks like a single header stays the headline.
        let source = import_ok(
            "Source: White House drafting new order\n\nBody sentence.\n",
            "x.txt",
        );
        assert_eq!(
            source.meta.headline,
            "Source: White House drafting new order"
        );
        assert!(source.header_spans.is_empty());
        // A Title: header is the headline.
        let titled = import_ok(
            "Title: Port reopens\nOutlet: Harbour Gazette\n\nThe port reopened.\n",
            "x.txt",
        );
        assert_eq!(titled.meta.headline, "Port reopens");
        assert_eq!(
            titled.headline_span.unwrap().slice(&titled.text),
            "Port reopens"
        );
        assert_eq!(
            slices(&titled.text, &titled.header_spans),
            ["Outlet: Harbour Gazette"]
        );
    }

    // ---- text and line ends ----------------------------------------------------------------

    #[test]
    fn crlf_is_kept_and_spans_are_exact() {
        let text = "Head line\r\nOutlet: CNN\r\nDate: 2020-01-01\r\n\r\nFirst para.\r\n\r\nAdvertisement\r\nLast para.\r\n";
        let article = import_ok(text, "x.txt");
        assert_eq!(article.text, text, "text kept byte for byte");
        assert_eq!(article.headline_span, Some(Span::new(0, 9)));
        assert_eq!(
            slices(text, &article.header_spans),
            ["Outlet: CNN", "Date: 2020-01-01"]
        );
        assert_eq!(
            &text[article.body_start..],
            "First para.\r\n\r\nAdvertisement\r\nLast para.\r\n"
        );
        assert_eq!(slices(text, &article.boilerplate_spans), ["Advertisement"]);
        // Lone CR (classic Mac) ends lines too.
        let mac = import_ok("Head\rOutlet: CNN\r\rBody.\r", "x.txt");
        assert_eq!(slices(&mac.text, &mac.header_spans), ["Outlet: CNN"]);
        assert_eq!(&mac.text[mac.body_start..], "Body.\r");
    }

    #[test]
    fn utf8_bom_is_removed() {
        let article = import_bytes(
            b"\xEF\xBB\xBFHeadline\nOutlet: BBC\n\nBody.\n",
            Some("x.txt"),
        )
        .unwrap();
        assert!(article.text.starts_with("Headline"));
        assert_eq!(article.headline_span, Some(Span::new(0, 8)));
        assert_eq!(article.meta.outlet, "BBC");
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc"),
            ("abc".to_owned(), "UTF-8", false)
        );
        let pasted = import_text("\u{FEFF}Headline\n\nBody.", None);
        assert_eq!(pasted.text, "Headline\n\nBody.");
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        for (name, encoding) in [
            ("utf16le_bom.txt", "UTF-16LE"),
            ("utf16be_bom.txt", "UTF-16BE"),
        ] {
            let bytes = fs::read(fixture(name)).unwrap();
            assert_eq!(sniff_binary(&bytes), None, "{name} is text");
            let (_, found, replaced) = decode(&bytes);
            assert_eq!((found, replaced), (encoding, false));
            let article = import_file(&fixture(name)).unwrap();
            assert_valid_spans(&article);
            assert_eq!(
                article.meta.headline,
                "Zürich tram line extended to the lake"
            );
            assert!(!article.text.starts_with('\u{FEFF}'));
            assert!(article.text.contains("\r\n"), "CRLF kept");
            assert_eq!(article.meta.date.as_deref(), Some("2031-07-07"));
            assert!(article.warnings.is_empty(), "{:?}", article.warnings);
        }
        // UTF-32 with a BOM, and BOM-less UTF-16 of Latin text, decode too.
        let utf32: Vec<u8> = b"\xFF\xFE\x00\x00"
            .iter()
            .copied()
            .chain("Hé".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf32), ("Hé".to_owned(), "UTF-32LE", false));
        let bomless: Vec<u8> = "Plain headline\nBody text.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff_binary(&bomless), None);
        assert_eq!(decode(&bomless).0, "Plain headline\nBody text.\n");
    }

    #[test]
    fn windows_1252_cafe_and_curly_quotes() {
        let (text, encoding, replaced) = decode(b"The caf\xe9 said \x93no\x94 \x96 twice.");
        assert_eq!(text, "The café said \u{201C}no\u{201D} \u{2013} twice.");
        assert_eq!((encoding, replaced), ("windows-1252", false));
        let article = import_file(&fixture("crlf_cp1252.txt")).unwrap();
        assert_valid_spans(&article);
        assert_eq!(
            article.meta.headline,
            "Café owners protest \u{201C}pop-up\u{201D} market"
        );
        assert!(article.text.contains("José Marrón"));
        assert!(article.text.contains("\r\n"));
        assert_eq!(
            article.warnings.len(),
            1,
            "one warning: the guessed encoding"
        );
        assert!(
            article.warnings[0].contains("windows-1252"),
            "{:?}",
            article.warnings
        );
    }

    #[test]
    fn latin1_decodes() {
        let article = import_file(&fixture("latin1.txt")).unwrap();
        assert_eq!(article.meta.headline, "Münster choir wins regional prize");
        assert!(article.text.contains("Renée Groß"));
        assert!(article.text.contains("Français"));
        assert!(!article.text.contains('\u{FFFD}'));
    }

    #[test]
    fn turkish_and_cyrillic_survive() {
        let article = import_file(&fixture("multilingual.txt")).unwrap();
        assert_valid_spans(&article);
        assert_eq!(
            article.meta.headline,
            "İstanbul ferry pier reopens; Київ sends a delegation"
        );
        for word in [
            "Şehir Hatları",
            "Kadıköy",
            "Ağır",
            "ışıklı",
            "Делегація з Києва",
        ] {
            assert!(article.text.contains(word), "{word}");
        }
        assert!(article.warnings.is_empty());
        // Legacy Cyrillic (windows-1251) is detected too.
        let cp1251 = encoding_rs::WINDOWS_1251
            .encode("Делегація з Києва відвідала причал у вівторок, сказали в посольстві.")
            .0;
        let (text, encoding, _) = decode(&cp1251);
        assert_eq!(encoding, "windows-1251");
        assert!(text.starts_with("Делегація з Києва"));
    }

    #[test]
    fn broken_utf8_is_replaced_with_a_warning() {
        let mut bytes = "Héadline über\n\nBody with ü and é and ö.\n"
            .as_bytes()
            .to_vec();
        bytes.push(0xC3); // cut in the middle of a character
        let article = import_bytes(&bytes, Some("cut.txt")).unwrap();
        assert!(article.text.ends_with('\u{FFFD}'));
        assert!(article.text.contains("über"));
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.contains("replaced") && w.contains("cut.txt")),
            "{:?}",
            article.warnings
        );
        assert_eq!(decode(&bytes).1, "UTF-8");
    }

    // ---- refusals ---------------------------------------------------------------------------

    #[test]
    fn binary_content_is_refused_by_magic_bytes() {
        let mut riff_webp = b"RIFF\x10\x00\x00\x00WEBPVP8 ".to_vec();
        riff_webp.extend_from_slice(b"payload");
        let mut docx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        docx.extend_from_slice(b"[Content_Types].xml ... word/document.xml");
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"%PDF-1.4\nhello".to_vec(), "PDF"),
            (b"\x89PNG\r\n\x1a\n\x00\x00".to_vec(), "PNG image"),
            (b"\xFF\xD8\xFF\xE0\x00\x10JFIF".to_vec(), "JPEG image"),
            (b"GIF89a\x01\x00".to_vec(), "GIF image"),
            (b"PK\x03\x04\x14\x00".to_vec(), "ZIP archive"),
            (docx, "Word document (DOCX)"),
            (b"\x1F\x8B\x08\x00".to_vec(), "gzip archive"),
            (b"\x7FELF\x02\x01\x01".to_vec(), "ELF executable"),
            (b"MZ\x90\x00\x03\x00\x00\x00".to_vec(), "Windows executable"),
            (b"\xCF\xFA\xED\xFE\x07\x00".to_vec(), "Mach-O executable"),
            (b"SQLite format 3\x00\x10\x00".to_vec(), "SQLite database"),
            (riff_webp, "WebP image"),
            (b"ID3\x04\x00\x00".to_vec(), "MP3 audio"),
            (b"\xFF\xFB\x90\x64".to_vec(), "MP3 audio"),
            (b"\x00\x00\x00\x18ftypmp42\x00\x00".to_vec(), "MP4 video"),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(),
                "old Microsoft Office document",
            ),
        ];
        for (bytes, kind) in cases {
            assert_eq!(sniff_binary(&bytes), Some(kind));
            let err = import_bytes(&bytes, Some("file.txt")).unwrap_err();
            assert!(
                matches!(&err, ImportError::Binary { kind: k, .. } if *k == kind),
                "{err}"
            );
        }
        // Words that happen to start like a magic number are still text.
        assert_eq!(sniff_binary(b"MZ Wallace opens a store\n"), None);
        assert_eq!(
            sniff_binary(b"ID3 tags explained\n"),
            Some("MP3 audio"),
            "documented limit"
        );
    }

    #[test]
    fn pdf_renamed_txt_is_refused() {
        let err = import_file(&fixture("scanned_report.txt")).unwrap_err();
        assert!(matches!(err, ImportError::Binary { kind: "PDF", .. }));
        let message = err.to_string();
        assert!(message.contains("scanned_report.txt"));
        assert!(
            message.ends_with("looks like a binary file (PDF), not text"),
            "{message}"
        );
    }

    #[test]
    fn nul_and_control_bytes_are_binary_but_utf16_is_not() {
        assert_eq!(sniff_binary(b"abc\x00def ghi jkl"), Some("unknown format"));
        assert_eq!(
            sniff_binary(b"\x01\x02\x03\x04 some text"),
            Some("unknown format")
        );
        assert_eq!(
            sniff_binary(b"text with a tab\tand a form feed\x0c and\r\nlines"),
            None
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Ab\u{0}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(sniff_binary(&utf16), None);
        assert!(import_bytes(b"x\x00y", None).is_err());
    }

    #[test]
    fn empty_and_whitespace_only_files() {
        let empty = import_file(&fixture("empty.txt")).unwrap_err();
        assert!(matches!(empty, ImportError::Empty { .. }));
        assert!(empty.to_string().contains("empty.txt") && empty.to_string().contains("is empty"));
        let blank = import_file(&fixture("whitespace_only.txt")).unwrap_err();
        assert!(matches!(blank, ImportError::NoText { .. }), "{blank}");
        assert!(
            matches!(import_bytes(b"", None), Err(ImportError::Empty { path }) if path == "pasted text")
        );
        // Boilerplate only, or headers only, is no text either.
        assert!(matches!(
            import_bytes(b"Advertisement\n\nSign up for our newsletter\n", None),
            Err(ImportError::NoText { .. })
        ));
        assert!(matches!(
            import_bytes(b"Headline\nOutlet: CNN\nDate: 2020-01-01\n", None),
            Err(ImportError::NoText { .. })
        ));
        // import_text never fails.
        let pasted = import_text("  \n\t ", None);
        assert_eq!(pasted.body_start, pasted.text.len());
        assert!(
            pasted
                .warnings
                .iter()
                .any(|w| w.contains("no article text"))
        );
    }

    #[test]
    fn directory_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = import_file(dir.path()).unwrap_err();
        assert!(matches!(err, ImportError::IsDirectory { .. }), "{err}");
        let missing = import_file(Path::new("no/such/x.txt")).unwrap_err();
        assert!(matches!(missing, ImportError::Missing { .. }));
        assert_eq!(
            missing.to_string(),
            "Can't open 'no/such/x.txt': no such file"
        );
        assert_eq!(missing.path(), "no/such/x.txt");
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        let file = fs::File::create(&path).unwrap();
        file.set_len(MAX_ARTICLE_BYTES + 1).unwrap(); // sparse: nothing is written or read
        let err = import_file(&path).unwrap_err();
        match &err {
            ImportError::TooLarge {
                size_bytes,
                limit_bytes,
                ..
            } => {
                assert_eq!(
                    (*size_bytes, *limit_bytes),
                    (MAX_ARTICLE_BYTES + 1, MAX_ARTICLE_BYTES)
                );
            }
            other => panic!("{other}"),
        }
        assert!(err.to_string().contains("more than the 20 MB"), "{err}");
        // An endless reader is cut off by the read cap.
        let endless = read_capped(io::repeat(b'a'), "stream", 0).unwrap_err();
        assert!(
            matches!(endless, ImportError::TooLarge { size_bytes, .. } if size_bytes == MAX_ARTICLE_BYTES + 1)
        );
        assert_eq!(human_size(25 * 1024 * 1024 + 512 * 1024), "25.5 MB");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_not_files() {
        let err = import_file(Path::new("/dev/zero")).unwrap_err();
        assert!(matches!(err, ImportError::NotAFile { .. }), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            // Would block forever if it were opened.
            assert!(matches!(
                import_file(&fifo),
                Err(ImportError::NotAFile { .. })
            ));
        }
    }

    // ---- outlet ----------------------------------------------------------------------------

    #[test]
    fn outlet_from_header_is_canonical() {
        for (value, want) in [
            ("nytimes.com", "The New York Times"),
            ("HuffPost (Huffington Post)", "HuffPost"),
            ("https://www.foxnews.com/politics/x", "Fox News"),
            ("thecaucus.blogs.nytimes.com", "The New York Times"),
            ("  Harbour   Gazette ", "Harbour Gazette"),
            ("news.yahoo.com", "news.yahoo.com"),
        ] {
            let article = import_ok(
                &format!("Headline\nOutlet: {value}\n\nBody.\n"),
                "reuters.txt",
            );
            assert_eq!(article.meta.outlet, want, "{value}");
        }
    }

    #[test]
    fn outlet_from_headline_prefix_or_suffix() {
        for headline in [
            "New York Times: Senate passes the bill",
            "Senate passes the bill - The New York Times",
            "Senate passes the bill | NYT",
        ] {
            let article = import_ok(&format!("{headline}\n\nBody.\n"), "pasted text");
            assert_eq!(article.meta.outlet, "The New York Times", "{headline}");
            assert_eq!(article.meta.headline, headline, "headline kept as written");
        }
        let not_outlet = import_ok(
            "Harry Smith: why the port matters\n\nBody.\n",
            "pasted text",
        );
        assert_eq!(not_outlet.meta.outlet, UNKNOWN_OUTLET);
    }

    #[test]
    fn outlet_from_taglines_and_datelines() {
        let wire = import_file(&fixture("wire_story.txt")).unwrap();
        assert_eq!(wire.meta.outlet, "Reuters");
        assert_eq!(wire.meta.date.as_deref(), Some("2031-06-10"));
        assert_eq!(
            slices(&wire.text, &wire.boilerplate_spans),
            ["(Reporting by Ines Duarte; Editing by Paul Marsh)"]
        );
        for (last, want) in [
            ("© 2022 Reuters", "Reuters"),
            (
                "Copyright 2022 The Associated Press. All rights reserved.",
                "Associated Press",
            ),
            ("© 2031 Harbour Gazette", "Harbour Gazette"),
            (
                "This article originally appeared on The Conversation.",
                "The Conversation",
            ),
            (
                "This story originally appeared in Politico, and is republished here.",
                "Politico",
            ),
            ("Follow Bloomberg on X for more", "Bloomberg"),
            (
                "Reporting by Jane Doe in Kyiv; Editing by John Roe",
                "Reuters",
            ),
            ("— AFP", "Agence France-Presse"),
        ] {
            let article = import_ok(
                &format!("Headline\n\nBody sentence.\n\n{last}\n"),
                "pasted text",
            );
            assert_eq!(article.meta.outlet, want, "{last}");
            assert_eq!(
                slices(&article.text, &article.boilerplate_spans),
                [last],
                "{last}"
            );
        }
        let dateline = import_ok(
            "Headline\n\nKYIV, Ukraine (AP) — Sirens sounded on Monday.\n",
            "pasted text",
        );
        assert_eq!(dateline.meta.outlet, "Associated Press");
        assert!(dateline.boilerplate_spans.is_empty());
        // A contributor credit is not the outlet.
        let contributed = import_ok(
            "Headline\n\nBody.\n\nThe Associated Press contributed to this report.\n",
            "pasted text",
        );
        assert_eq!(contributed.meta.outlet, UNKNOWN_OUTLET);
        assert_eq!(contributed.boilerplate_spans.len(), 1);
    }

    #[test]
    fn outlet_from_file_name() {
        for (origin, want) in [
            ("nytimes.txt", "The New York Times"),
            ("foxnews.txt", "Fox News"),
            ("/data/story/foxnews.com.txt", "Fox News"),
            (
                "C:\\Users\\me\\Downloads\\nytimes.txt",
                "The New York Times",
            ),
            ("news.yahoo.com", "news.yahoo.com"),
            ("theguardian.com.md", "The Guardian"),
            ("harbour-gazette.txt", "Harbour Gazette"),
            ("harbour_gazette (2).md", "Harbour Gazette"),
            ("2014-cantor-nyt.txt", "The New York Times"),
            ("article1.txt", UNKNOWN_OUTLET),
            ("Untitled.txt", UNKNOWN_OUTLET),
            ("h.txt", UNKNOWN_OUTLET),
            (
                "Senate passes the port bill - The New York Times.html",
                "The New York Times",
            ),
            (
                "Senate passes the port bill after long debate.txt",
                UNKNOWN_OUTLET,
            ),
            ("pasted text", UNKNOWN_OUTLET),
        ] {
            let article = import_ok("Headline\n\nBody.\n", origin);
            assert_eq!(article.meta.outlet, want, "{origin}");
            assert_eq!(article.meta.origin.as_deref(), Some(origin));
        }
        let from_file = import_file(&fixture("harbour-gazette.txt")).unwrap();
        assert_eq!(from_file.meta.outlet, "Harbour Gazette");
        // The header beats the file name.
        assert_eq!(
            import_ok("Headline\nOutlet: BBC\n\nBody.\n", "nytimes.txt")
                .meta
                .outlet,
            "BBC"
        );
    }

    #[test]
    fn unknown_outlet_warns() {
        let article = import_text("Headline\n\nBody sentence.", None);
        assert_eq!(article.meta.outlet, UNKNOWN_OUTLET);
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.contains("Outlet:") && w.contains("pasted text")),
            "{:?}",
            article.warnings
        );
        assert_eq!(article.meta.origin, None);
    }

    // ---- boilerplate -----------------------------------------------------------------------

    #[test]
    fn every_boilerplate_kind_is_found() {
        for line in [
            "Read more: Council approves pier budget",
            "READ MORE",
            "Related: Port strike enters day three",
            "RELATED COVERAGE",
            "Watch video",
            "Watch: the ferry leaves port",
            "Click here to get the app",
            "CLICK HERE TO GET THE FOX NEWS APP",
            "Sign up for our morning briefing",
            "Subscribe now for full access",
            "Get our free newsletter every morning",
            "Newsletter: the week in shipping",
            "Follow us on Instagram",
            "Follow @harbourgazette for updates",
            "Share this article",
            "Share on Facebook",
            "Share on Twitter",
            "Advertisement",
            "ADVERTISEMENT - SCROLL TO CONTINUE",
            "Getty Images",
            "Photo: Ana Lind",
            "Image: harbour authority",
            "(Photo by Ana Lind/Getty Images)",
            "The ferry leaves Port Ellis on Friday. (AP Photo/Ana Lind)",
            "Copyright 2031 Harbour Gazette",
            "© Harbour Gazette",
            "All rights reserved.",
            "This article originally appeared on The Conversation.",
            "Reporting by Ana Lind; Editing by Piet Vos",
            "(Writing by Ana Lind)",
            "Continue reading",
            "Continue reading the main story",
            "Listen to this article",
            "Skip to main content",
            "Loading…",
            "Loading...",
            "Text Size: A- A+",
            "* **Read more:** [Council approves pier budget](https://example.org)",
        ] {
            assert!(is_boilerplate_line(line), "should be boilerplate: {line}");
            let article = import_ok(
                &format!(
                    "Headline\n\nReal reporting sentence.\n\n{line}\n\nAnother real sentence.\n"
                ),
                "x.txt",
            );
            assert_eq!(
                slices(&article.text, &article.boilerplate_spans),
                [line],
                "{line}"
            );
        }
    }

    #[test]
    fn real_reporting_is_not_boilerplate() {
        for line in [
            "The union's secretary said on Twitter that crews would return on Monday.",
            "Trump, as is often his way, fired back on Twitter.",
            "Share prices of the operator fell 4 percent.",
            "Shares in Gullwing Lines rose after the announcement.",
            "Subscribers to the service complained about the outage.",
            "Follow-up talks are planned for next week.",
            "Following the vote, the mayor said she was relieved.",
            "Copyright lawsuits against the app rose sharply in 2021.",
            "Related to the strike, two other unions called meetings.",
            "Watchdog groups said the fine was too small.",
            "Reporting by the Gazette found no evidence of the payments.",
            "The group said it would stop publishing its weekly newsletter.",
            "Photographers were kept behind a barrier at the pier.",
            "Getty Images, the photo agency, said it would appeal.",
            "Advertisers pulled out of the festival after the row.",
            "UPDATE: The ferry operator said talks would resume on Monday.",
            "Click-through rates fell, the company said.",
            "Signing up new members has been hard, she said.",
        ] {
            assert!(!is_boilerplate_line(line), "should be reporting: {line}");
            let article = import_ok(&format!("Headline\n\n{line}\n"), "x.txt");
            assert!(article.boilerplate_spans.is_empty(), "{line}");
        }
    }

    #[test]
    fn repeated_headline_and_outlet_tagline_are_boilerplate() {
        let article = import_file(&fixture("ferry_strike.txt")).unwrap();
        let text = &article.text;
        assert_eq!(
            slices(text, &article.boilerplate_spans),
            [
                "Harbour ferry crews walk out over rota changes",
                "Advertisement",
                "Read more: Council approves new pier budget",
                "Sign up for our morning newsletter",
                "(Photo by Ana Lind/Getty Images)",
                "© 2031 The Harbour Gazette. All rights reserved.",
            ]
        );
        let claims = claim_lines(&article);
        assert_eq!(claims.len(), 4, "{claims:?}");
        assert!(claims[1].contains("said on Twitter"));
        assert!(claims[2].starts_with("Share prices"));
        // Case and punctuation do not matter for the repeat; a line that is just the outlet's
        // name (first or last) is a tagline; a slogan too.
        let tagged = import_ok(
            "Port strike ends!\nOutlet: USA Today\n\nUSA TODAY\n\nport strike ends\n\nThe strike ended on Sunday.\n\nDemocracy Dies in Darkness\n\nUSA Today\n",
            "x.txt",
        );
        assert_eq!(
            slices(&tagged.text, &tagged.boilerplate_spans),
            [
                "USA TODAY",
                "port strike ends",
                "Democracy Dies in Darkness",
                "USA Today"
            ]
        );
        let last_known = import_ok("Headline\n\nBody text.\n\nReuters\n", "x.txt");
        assert_eq!(last_known.boilerplate_spans.len(), 1);
        // The last line "Outlet — slogan" is a tagline; the same shape mid-article is not.
        let slogan = "Harbour Gazette — your harbour, every day.";
        let text =
            format!("Headline\nOutlet: Harbour Gazette\n\n{slogan}\n\nBody text.\n\n{slogan}\n");
        let article = import_ok(&text, "x.txt");
        assert_eq!(slices(&article.text, &article.boilerplate_spans), [slogan]);
        assert_eq!(
            article.boilerplate_spans[0].start,
            text.rfind(slogan).unwrap()
        );
        let reporting = import_ok(
            "Headline\nOutlet: Harbour Gazette\n\nBody.\n\nHarbour Gazette: the paper was sold on Monday to a trust.\n",
            "x.txt",
        );
        assert!(reporting.boilerplate_spans.is_empty(), "slogans are short");
    }

    #[test]
    fn page_chrome_before_the_headline_is_skipped() {
        let text = "Skip to main content\nMenu\n\nPort reopens after dredging\n\nThe port reopened on Thursday.\n";
        let article = import_ok(text, "x.txt");
        assert_eq!(article.meta.headline, "Port reopens after dredging");
        assert_eq!(
            slices(text, &article.boilerplate_spans),
            ["Skip to main content", "Menu"]
        );
    }

    // ---- Markdown --------------------------------------------------------------------------

    #[test]
    fn markdown_front_matter_and_heading() {
        let article = import_file(&fixture("front_matter.md")).unwrap();
        assert_valid_spans(&article);
        let text = &article.text;
        assert_eq!(
            article.meta.headline,
            "Tidal barrier test postponed after storm warning"
        );
        let span = article.headline_span.unwrap();
        assert_eq!(
            span.slice(text),
            "Tidal barrier test postponed after storm warning"
        );
        assert_eq!(
            &text[span.start - 2..span.start],
            "# ",
            "span skips the '# '"
        );
        assert_eq!(article.meta.outlet, "The Harbour Gazette");
        assert_eq!(article.meta.date.as_deref(), Some("2031-02-02"));
        assert_eq!(
            article.meta.author.as_deref(),
            Some("Lena Okafor, Piet Vos")
        );
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://harbourgazette.example/tidal-barrier")
        );
        let headers = slices(text, &article.header_spans);
        assert_eq!(headers.first(), Some(&"---"));
        assert_eq!(headers.len(), 10, "{headers:?}");
        assert!(text[article.body_start..].starts_with("Engineers postponed"));
        assert_eq!(
            slices(text, &article.boilerplate_spans),
            ["Read more: How the barrier works"]
        );
        assert!(
            text.contains("test of the tidal barrier on Tuesday"),
            "emphasis is reduced to text"
        );
        assert!(
            !text.contains("](https://"),
            "links are reduced to their text"
        );
    }

    #[test]
    fn markdown_title_without_heading_and_closing_hashes() {
        let text = "---\ntitle: 'Pier reopens'\nsource: bbc.co.uk\nauthors: [\"Ana Lind\", Piet Vos]\n---\nThe pier reopened.\n";
        let article = import_ok(text, "notes.md");
        assert_eq!(article.meta.headline, "Pier reopens");
        assert_eq!(article.headline_span.unwrap().slice(text), "Pier reopens");
        assert_eq!(article.meta.outlet, "BBC");
        assert_eq!(article.meta.author.as_deref(), Some("Ana Lind, Piet Vos"));
        assert_eq!(
            slices(text, &article.header_spans),
            [
                "---",
                "source: bbc.co.uk",
                "authors: [\"Ana Lind\", Piet Vos]",
                "---"
            ]
        );
        let heading = import_ok("## Pier reopens ##\n\nBody.\n", "x.md");
        assert_eq!(
            heading.headline_span.unwrap().slice(&heading.text),
            "Pier reopens"
        );
        let hashtag = import_ok("#MeToo rally fills the square\n\nBody.\n", "x.txt");
        assert_eq!(
            hashtag.meta.headline, "#MeToo rally fills the square",
            "not a heading"
        );
        let setext = import_ok("Pier reopens\n============\n\nBody.\n", "x.md");
        assert_eq!(setext.meta.headline, "Pier reopens");
        assert_eq!(slices(&setext.text, &setext.header_spans), ["============"]);
        // Rules around prose are not front matter.
        let rule = import_ok(
            "---\nJust a rule then text.\n\n---\nMore text here.\n",
            "x.md",
        );
        assert!(rule.header_spans.is_empty());
        assert_eq!(rule.meta.headline, "Just a rule then text.");
    }

    // ---- pasted text and robustness --------------------------------------------------------

    #[test]
    fn a_lone_paragraph_is_text_not_a_headline() {
        let article = import_text(
            "The port reopened on Thursday after three weeks of dredging.",
            Some(PASTED_TEXT),
        );
        assert_eq!(article.headline_span, None);
        assert_eq!(article.body_start, 0);
        assert_eq!(article.meta.headline, "");
        let long = "The port reopened on Thursday after three weeks of dredging, the harbour master said in a short statement to reporters.";
        let article = import_text(&format!("{long}\n\nSecond paragraph.\n"), None);
        assert_eq!(
            article.headline_span, None,
            "a long sentence is not a headline"
        );
        assert_eq!(article.body_start, 0);
    }

    #[test]
    fn error_messages_are_single_clear_sentences() {
        let name = "story.txt".to_owned();
        let messages = [
            ImportError::IsDirectory { path: name.clone() }.to_string(),
            ImportError::NotAFile { path: name.clone() }.to_string(),
            ImportError::Empty { path: name.clone() }.to_string(),
            ImportError::Binary {
                path: name.clone(),
                kind: "PNG image",
            }
            .to_string(),
            ImportError::TooLarge {
                path: name.clone(),
                size_bytes: 30 * 1024 * 1024,
                limit_bytes: MAX_ARTICLE_BYTES,
            }
            .to_string(),
            ImportError::NoText { path: name.clone() }.to_string(),
            ImportError::PermissionDenied { path: name.clone() }.to_string(),
        ];
        for m in &messages {
            assert!(m.contains("'story.txt'") && !m.contains('\n'), "{m}");
        }
        assert_eq!(
            messages[4],
            "Can't import 'story.txt': it is 30 MB, more than the 20 MB an article may have"
        );
    }

    #[test]
    fn tricky_fixture_imports_with_exact_spans() {
        let bytes = fs::read(fixture("tricky.txt")).unwrap();
        let article = import_bytes(&bytes, Some("tricky.txt")).unwrap();
        assert_valid_spans(&article);
        let text = &article.text;
        assert!(text.starts_with("Outlet:"), "BOM removed");
        assert_eq!(article.meta.outlet, "Kyiv Independent");
        assert_eq!(article.meta.date.as_deref(), Some("2031-05-06"));
        assert_eq!(
            article.meta.author.as_deref(),
            Some("Ayşe Yılmaz and Ольга Шевченко")
        );
        assert_eq!(
            article.meta.headline,
            "Straße, İstanbul'da ışık and Київ: \u{201C}tricky\u{201D} headline \u{1F6A2}"
        );
        assert_eq!(
            slices(text, &article.boilerplate_spans),
            [
                "Advertisement",
                "Read more: Ğ ğ Ş ş İ ı",
                "© 2031 Kyiv Independent"
            ]
        );
        let claims = claim_lines(&article);
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(claims[0].contains("said on Twitter"));
    }

    #[test]
    fn every_prefix_of_the_tricky_fixture_imports_without_panic() {
        let bytes = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/tricky.txt"
        ));
        let mut imported = 0;
        for end in 0..=bytes.len() {
            let prefix = &bytes[..end];
            if let Ok(article) = import_bytes(prefix, Some("tricky.txt")) {
                assert_valid_spans(&article);
                imported += 1;
            }
            assert_valid_spans(&import_text(&String::from_utf8_lossy(prefix), None));
            // Suffixes too: cut at arbitrary places, including inside characters.
            if let Ok(article) = import_bytes(&bytes[end..], None) {
                assert_valid_spans(&article);
            }
        }
        assert!(
            imported > bytes.len() / 2,
            "most prefixes are importable text"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            if let Ok(article) = import_bytes(&bytes, Some("fuzz.md")) {
                assert_valid_spans(&article);
            }
        }

        #[test]
        fn arbitrary_line_soup_never_panics(lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "", " ", "---", "+++", "# Head", "Outlet: Reuters", "Date: 2020-01-01 (x)", "By Ana Lind", "title: \"T\"",
                "Advertisement", "Read more: x", "© 2020 BBC", "Body sentence.", "İı Київ 🚢", "author:", "  - Ana",
                "WASHINGTON (Reuters) - x", "Reporting by A; Editing by B", "\u{FEFF}", "Headline: x",
            ]), 0..14),
            ends in proptest::collection::vec(proptest::sample::select(vec!["\n", "\r\n", "\r"]), 14)) {
            let text: String = lines.iter().zip(&ends).map(|(l, e)| format!("{l}{e}")).collect();
            let article = import_text(&text, Some("soup.md"));
            assert_valid_spans(&article);
            assert_eq!(article.text, text.strip_prefix('\u{FEFF}').unwrap_or(&text));
        }
    }
}
