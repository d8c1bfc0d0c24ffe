//! Why an article could not be imported, in words a user can act on.

use std::io;

/// Largest article the importer reads, in bytes (20 MB); larger files are refused unread.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// The name used in messages (and for outlet guessing, which it disables) for text without a
/// file name.
pub const PASTED_TEXT: &str = "pasted text";

/// The outlet given to an article when neither its text nor its file name names one.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

/// How many leading bytes the binary check inspects for NUL and control bytes.
pub(super) const SNIFF_BYTES: usize = 8 * 1024;

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
pub(super) fn human_size(bytes: u64) -> String {
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
