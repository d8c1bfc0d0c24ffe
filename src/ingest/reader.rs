//! Reading an article from a file, raw bytes or a download: size and kind checks, then text, Markdown or HTML.

use super::html::{self, HtmlSource};
use crate::ingest::article::Article;
use crate::ingest::decode::decode_detailed;
use crate::ingest::decode::decode_with;
use crate::ingest::error::ImportError;
use crate::ingest::error::MAX_ARTICLE_BYTES;
use crate::ingest::error::PASTED_TEXT;
use crate::ingest::layout::build_article;
use crate::ingest::sniff::has_unicode_bom;
use crate::ingest::sniff::sniff_binary;
use encoding_rs::Encoding;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

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

/// File name extensions of articles found in a folder.
pub const ARTICLE_FILE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// The article files directly inside `folder` (by extension, hidden files left out), sorted
/// by name; `None` when `folder` is not a folder. An unreadable folder is an error naming it.
pub fn article_files_in(folder: &Path) -> Option<Result<Vec<std::path::PathBuf>, ImportError>> {
    if !fs::metadata(folder).is_ok_and(|m| m.is_dir()) {
        return None;
    }
    let name = folder.display().to_string();
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => return Some(Err(open_error(&name, e))),
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let article = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ARTICLE_FILE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
            });
            !hidden && article && path.is_file()
        })
        .collect();
    files.sort();
    Some(Ok(files))
}

/// Imports an article from raw bytes (a dropped file's content, a download …).
///
/// `origin` is the file name, or "pasted text", or `None`: it names the source in messages,
/// becomes `meta.origin`, and a file name can tell the outlet ("nytimes.txt").
pub fn import_bytes(bytes: &[u8], origin: Option<&str>) -> Result<Article, ImportError> {
    import_named(bytes, origin.unwrap_or(PASTED_TEXT), origin)
}

/// Refuses folders, non-regular files and files over the size limit, from metadata alone.
pub(super) fn check_metadata(name: &str, metadata: &fs::Metadata) -> Result<(), ImportError> {
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
pub(super) fn read_capped<R: Read>(
    reader: R,
    name: &str,
    size_hint: u64,
) -> Result<Vec<u8>, ImportError> {
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
pub(super) fn open_error(name: &str, error: io::Error) -> ImportError {
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
pub(super) fn import_named(
    bytes: &[u8],
    name: &str,
    origin: Option<&str>,
) -> Result<Article, ImportError> {
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
pub(super) fn is_markdown_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".mdx"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Imports a downloaded document (see `crate::ingest::fetch`): `url` names it in messages and becomes
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
pub(super) fn check_importable(bytes: &[u8], name: &str) -> Result<(), ImportError> {
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
pub(super) fn import_text_bytes(
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
