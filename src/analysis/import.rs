//! Article import (interim version; replaced by the full importer).
use super::model::{Article, ArticleMeta, Span};

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("Can't open '{path}': {source}")]
    Io {
        /// File name.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
}

/// Read an article file.
pub fn import_file(path: &std::path::Path) -> Result<Article, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io { path: path.display().to_string(), source })?;
    import_bytes(&bytes, Some(&path.display().to_string()))
}

/// Import raw bytes.
pub fn import_bytes(bytes: &[u8], origin: Option<&str>) -> Result<Article, ImportError> {
    Ok(import_text(&String::from_utf8_lossy(bytes), origin))
}

/// Import text.
pub fn import_text(text: &str, origin: Option<&str>) -> Article {
    let text = text.trim_start_matches('\u{feff}').to_string();
    let first_end = text.find('\n').unwrap_or(text.len());
    let mut meta = ArticleMeta { origin: origin.map(str::to_string), ..Default::default() };
    meta.headline = text[..first_end].trim().to_string();
    let mut header_spans = Vec::new();
    let mut pos = (first_end + 1).min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |e| pos + e);
        let line = text[pos..end].trim();
        if let Some(v) = line.strip_prefix("Outlet:") { meta.outlet = v.trim().to_string(); }
        else if let Some(v) = line.strip_prefix("Date:") { meta.date = Some(v.trim().to_string()); }
        else if let Some(v) = line.strip_prefix("URL:") { meta.url = Some(v.trim().to_string()); }
        else if line.starts_with("Source:") {}
        else { break; }
        header_spans.push(Span::new(pos, end));
        pos = (end + 1).min(text.len());
    }
    Article { headline_span: Some(Span::new(0, text[..first_end].trim_end().len())), body_start: pos, header_spans, text, meta, ..Default::default() }
}
