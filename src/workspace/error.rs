//! What can go wrong reading or saving a workspace, each as one sentence naming the file.

use std::fmt;
use std::io;
use std::path::Path;

/// A workspace could not be read, checked or saved.
///
/// Every message names the file and says what is wrong in one sentence, so the GUI and the
/// command line can show it as it is.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The text is not valid RON for a workspace (truncated, corrupted, wrong type, empty).
    #[error("'{file}', line {line}, column {column}: {message}")]
    Parse {
        /// File name shown to the user.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "'{file}', line {line}, column {column}: the file is not valid UTF-8 text (bad byte at offset {byte})"
    )]
    InvalidUtf8 {
        /// File name shown to the user.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// 0-based byte offset of the first bad byte in the file.
        byte: usize,
    },
    /// The file is UTF-16 text; workspaces are UTF-8.
    #[error(
        "'{file}' is UTF-16 text, but claimdiff workspaces are UTF-8; save it as UTF-8 and try again"
    )]
    Utf16 {
        /// File name shown to the user.
        file: String,
    },
    /// The file was written by a newer claimdiff whose format this build does not know.
    #[error(
        "'{file}' was written by a newer claimdiff (format {found}; this version reads up to {supported})"
    )]
    NewerVersion {
        /// File name shown to the user.
        file: String,
        /// The format version in the file.
        found: u64,
        /// The newest format version this build reads.
        supported: u32,
    },
    /// Valid RON, but not a claimdiff workspace (neither `version` nor `articles`).
    #[error("'{file}' is not a claimdiff workspace: {reason}")]
    NotAWorkspace {
        /// File name shown to the user.
        file: String,
        /// Why not.
        reason: String,
    },
    /// Parsed, but the content contradicts itself (e.g. a reference article that does not exist).
    #[error("'{file}' is inconsistent: {reason}")]
    Invalid {
        /// File name shown to the user.
        file: String,
        /// What is inconsistent.
        reason: String,
    },
    /// The file is larger than a workspace may be; nothing was read.
    #[error(
        "'{file}' is too large to be a workspace ({size_bytes} bytes; the limit is {limit_bytes} bytes)"
    )]
    TooLarge {
        /// File name shown to the user.
        file: String,
        /// The file's size (or the bytes read before giving up).
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The path is a folder, a pipe or a device, not a regular file.
    #[error("'{file}' is not a regular file (a folder, pipe or device can't be a workspace)")]
    NotAFile {
        /// File name shown to the user.
        file: String,
    },
    /// The file could not be opened or read.
    #[error("Can't read '{file}': {}", describe_io(.source))]
    Read {
        /// File name shown to the user.
        file: String,
        /// The underlying error.
        source: io::Error,
    },
    /// Saving failed at `step`; the file on disk was left as it was.
    #[error(
        "Can't save '{file}': {} (while {step}); the file on disk was not changed",
        describe_io(.source)
    )]
    Save {
        /// File name shown to the user.
        file: String,
        /// The step that failed.
        step: SaveStep,
        /// The underlying error.
        source: io::Error,
    },
    /// The file on disk is read-only; saving over it would silently drop that protection.
    #[error("Can't save '{file}': the file is read-only; use Save As to save a copy elsewhere")]
    ReadOnly {
        /// File name shown to the user.
        file: String,
    },
    /// The file changed on disk since it was opened or last saved; it was not overwritten.
    #[error(
        "'{file}' was changed on disk by another program since it was opened or saved, so it was not overwritten"
    )]
    ChangedOnDisk {
        /// File name shown to the user.
        file: String,
    },
    /// The recovery folder or a recovery file could not be used; autosave may be unavailable.
    #[error("Can't use '{dir}' for crash recovery: {}", describe_io(.source))]
    Recovery {
        /// The folder or file.
        dir: String,
        /// The underlying error.
        source: io::Error,
    },
    /// The workspace could not be turned into RON (should not happen for valid workspaces).
    #[error("Can't write '{file}' as RON: {message}")]
    Serialize {
        /// File name shown to the user.
        file: String,
        /// What went wrong.
        message: String,
    },
}

impl WorkspaceError {
    /// True for [`WorkspaceError::ChangedOnDisk`]: the GUI should ask before overwriting.
    pub fn is_changed_on_disk(&self) -> bool {
        matches!(self, Self::ChangedOnDisk { .. })
    }

    /// The 1-based line and column of the problem, when the error has a position.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Parse { line, column, .. } | Self::InvalidUtf8 { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// A step of an atomic save, named in error messages and used by fault-injection tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaveStep {
    /// Reading the current file to check it did not change and to keep it as a backup.
    ReadCurrent,
    /// Creating the temporary file next to the target.
    CreateTemp,
    /// Writing the new content into the temporary file.
    WriteTemp,
    /// Flushing the temporary file to the disk (`fsync`).
    SyncTemp,
    /// Writing the backup of the previous version.
    Backup,
    /// Renaming the temporary file over the target.
    Rename,
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ReadCurrent => "reading the current file",
            Self::CreateTemp => "creating a temporary file in the same folder",
            Self::WriteTemp => "writing the temporary file",
            Self::SyncTemp => "flushing the temporary file to disk",
            Self::Backup => "keeping a backup of the previous version",
            Self::Rename => "replacing the file with the new version",
        })
    }
}

/// An I/O error in words a user understands (the OS text follows in parentheses).
pub(crate) fn describe_io(e: &io::Error) -> String {
    let plain = match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::PermissionDenied => "permission denied",
        io::ErrorKind::ReadOnlyFilesystem => "the disk or folder is read-only",
        io::ErrorKind::NotFound => "the file or folder does not exist",
        io::ErrorKind::IsADirectory => "it is a folder",
        io::ErrorKind::ResourceBusy => "the file is in use by another program",
        io::ErrorKind::FileTooLarge => "the file is too large for this disk",
        io::ErrorKind::AlreadyExists => "a file with that name already exists",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}

/// The name to show for `path`: its file name, or the whole path when it has none.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_can_cross_threads() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<WorkspaceError>();
    }

    #[test]
    fn io_errors_read_plainly() {
        let e = io::Error::new(io::ErrorKind::StorageFull, "No space left on device");
        assert_eq!(
            describe_io(&e),
            "the disk is full (No space left on device)"
        );
        assert_eq!(describe_io(&io::Error::other("odd")), "odd");
        assert_eq!(display_name(Path::new("/a/b/c.ron")), "c.ron");
        assert_eq!(display_name(Path::new("/")), "/");
    }
}
