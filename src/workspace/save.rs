//! Atomic save: the file on disk is always the complete old or the complete new workspace.
//!
//! Steps: read the current file (to detect changes made by others and to keep it as a backup);
//! write the new content to a temporary file in the same folder, flush it to disk; keep the
//! previous version as `NAME.bak` (written the same atomic way); rename the temporary file over
//! the target (retried briefly on Windows, where antivirus and sync tools hold files); flush the
//! folder (Unix) so the rename itself survives a power cut.
//!
//! Every file-system call goes through [`SaveFs`], so tests can fail each step in turn. A killed
//! save leaves at most a temporary file `.NAME.PID-N.claimdiff-tmp`, which
//! [`cleanup_stray_temps`] (called by every save, and by the GUI after opening) removes.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::error::{SaveStep, WorkspaceError, describe_io, display_name};
use super::format::to_ron_string_named;
use super::model::Workspace;
use super::process::process_alive;
use super::stamp::FileStamp;

/// Environment variable naming a failpoint at which a save aborts the process (crash tests).
/// Only with the `failpoints` feature: release builds have no failpoints.
#[cfg(feature = "failpoints")]
#[doc(hidden)]
pub const FAILPOINT_ENV: &str = "CLAIMDIFF_FAILPOINT";

/// The failpoints of a save, in the order they are passed (crash tests iterate over these).
#[cfg(feature = "failpoints")]
#[doc(hidden)]
pub const FAILPOINTS: &[&str] = &[
    "after-temp-create",
    "mid-temp-write",
    "after-temp-write",
    "after-temp-sync",
    "after-backup",
    "after-rename",
    "after-dir-sync",
];

/// Aborts the process when [`FAILPOINT_ENV`] names this point (`NAME`, or `NAME@N` for its
/// N-th hit): simulates a kill at an exact step. Costs one environment lookup otherwise.
#[cfg(feature = "failpoints")]
fn failpoint(name: &str) {
    static HITS: AtomicU64 = AtomicU64::new(0);
    let Some(armed) = std::env::var_os(FAILPOINT_ENV) else {
        return;
    };
    let armed = armed.to_string_lossy();
    let (armed_name, nth) = match armed.split_once('@') {
        Some((armed_name, nth)) => (armed_name, nth.parse().unwrap_or(1)),
        None => (&*armed, 1),
    };
    if armed_name == name && HITS.fetch_add(1, Ordering::SeqCst) + 1 == nth {
        std::process::abort();
    }
}

/// Without the `failpoints` feature (every normal and release build): nothing at all.
#[cfg(not(feature = "failpoints"))]
#[inline(always)]
fn failpoint(_name: &str) {}

const TEMP_SUFFIX: &str = ".claimdiff-tmp";

/// The file-system calls a save makes, one method per step, so tests can inject failures
/// (disk full, permission denied, fsync errors) at any of them. [`RealFs`] is the real thing.
pub trait SaveFs {
    /// Read a whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// True when the file's permissions forbid writing it.
    fn is_read_only(&self, path: &Path) -> io::Result<bool>;
    /// Create a new file for writing; fails if it exists.
    fn create_new(&self, path: &Path) -> io::Result<File>;
    /// Write all of `bytes` to `file`.
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    /// Flush `file`'s data and metadata to the disk (`fsync`).
    fn sync_file(&self, file: &File) -> io::Result<()>;
    /// Give `to` the permissions of `from`.
    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Rename `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Flush a folder's entries to the disk (a no-op where folders can't be opened).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Delete a file.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// The names of a folder's entries.
    fn list_dir(&self, dir: &Path) -> io::Result<Vec<OsString>>;
    /// A file's modification time.
    fn modified(&self, path: &Path) -> io::Result<SystemTime>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

impl SaveFs for RealFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn is_read_only(&self, path: &Path) -> io::Result<bool> {
        Ok(std::fs::metadata(path)?.permissions().readonly())
    }

    fn create_new(&self, path: &Path) -> io::Result<File> {
        File::options().write(true).create_new(true).open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::set_permissions(to, std::fs::metadata(from)?.permissions())
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    #[cfg(unix)]
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    #[cfg(not(unix))]
    fn sync_dir(&self, _dir: &Path) -> io::Result<()> {
        // Windows has no folder fsync; the rename is made durable by the file system's journal.
        Ok(())
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    fn list_dir(&self, dir: &Path) -> io::Result<Vec<OsString>> {
        std::fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.file_name()))
            .collect()
    }

    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        std::fs::metadata(path)?.modified()
    }
}

/// Whether a save may replace what is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Only if the file still has this content (the stamp from open or the last save); else
    /// [`WorkspaceError::ChangedOnDisk`]. A file deleted meanwhile is simply written again.
    IfUnchanged(FileStamp),
    /// Replace whatever is there: a new file, Save As (the dialog asked), or the user chose
    /// to overwrite a changed file.
    Always,
}

/// Tuning of a save; [`SaveOptions::default`] is what the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOptions {
    /// Keep the previous version as `NAME.bak`.
    pub backup: bool,
    /// How often to try the final rename (more than once on Windows, where other programs
    /// briefly hold files open).
    pub rename_attempts: u32,
    /// Pause between rename attempts.
    pub rename_retry_delay: Duration,
}

impl Default for SaveOptions {
    fn default() -> Self {
        Self {
            backup: true,
            rename_attempts: if cfg!(windows) { 20 } else { 1 },
            rename_retry_delay: Duration::from_millis(50),
        }
    }
}

/// The outcome of a successful save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The stamp of the file now on disk: pass it as `Overwrite::IfUnchanged` next time.
    pub stamp: FileStamp,
    /// Where the previous version was kept, if there was one.
    pub backup: Option<PathBuf>,
    /// The new file is in place, but flushing the folder failed: a power cut in the next
    /// moments could still lose the rename. Worth a quiet notice, not an error.
    pub warning: Option<String>,
}

/// Whether the file on disk still matches a stamp (see [`disk_state`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskState {
    /// Same content as the stamp.
    Unchanged,
    /// Different content: another program wrote it.
    Changed,
    /// The file is gone.
    Missing,
}

/// Compare the file at `path` with `stamp`, e.g. when the window regains focus.
pub fn disk_state(path: &Path, stamp: &FileStamp) -> Result<DiskState, WorkspaceError> {
    match std::fs::read(path) {
        Ok(bytes) if stamp.same_content(&FileStamp::of_bytes(&bytes, None)) => {
            Ok(DiskState::Unchanged)
        }
        Ok(_) => Ok(DiskState::Changed),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DiskState::Missing),
        Err(source) => Err(WorkspaceError::Read {
            file: display_name(path),
            source,
        }),
    }
}

/// Save `workspace` to `path` atomically, keeping the previous version as `NAME.bak`.
///
/// On error the file on disk is byte-identical to before and no temporary file is left; the
/// message names the file and the failed step. With [`Overwrite::IfUnchanged`], a file changed
/// by another program gives [`WorkspaceError::ChangedOnDisk`] and is left alone. A symbolic
/// link is followed: the file it points to is replaced, the link stays.
///
/// Blocking I/O: the GUI should call this off the UI thread.
pub fn save(
    path: &Path,
    workspace: &Workspace,
    overwrite: Overwrite,
) -> Result<Saved, WorkspaceError> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    save_with(
        &RealFs,
        &target,
        workspace,
        overwrite,
        SaveOptions::default(),
    )
}

/// [`save`] through a given file system and options (tests inject failures here).
pub fn save_with(
    fs: &dyn SaveFs,
    path: &Path,
    workspace: &Workspace,
    overwrite: Overwrite,
    options: SaveOptions,
) -> Result<Saved, WorkspaceError> {
    let file = display_name(path);
    let text = to_ron_string_named(workspace, &file)?;
    write_replacing(fs, path, text.as_bytes(), overwrite, options)
}

/// Write `bytes` (an exported report) to `path` the safe way workspaces are written: through a
/// temporary file renamed into place, so a failed write leaves any earlier file as it was; no
/// backup is kept. The error names the file and the step that failed.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    let options = SaveOptions {
        backup: false,
        ..SaveOptions::default()
    };
    write_replacing(&RealFs, path, bytes, Overwrite::Always, options).map(|_| ())
}

/// The save procedure for any bytes (workspaces, recovery snapshots).
pub(crate) fn write_replacing(
    fs: &dyn SaveFs,
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
    options: SaveOptions,
) -> Result<Saved, WorkspaceError> {
    let file = display_name(path);
    let fail = |step, source| WorkspaceError::Save {
        file: file.clone(),
        step,
        source,
    };
    cleanup_with(fs, path);

    let current = match fs.read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(SaveStep::ReadCurrent, e)),
    };
    if let Some(current) = &current {
        if let Overwrite::IfUnchanged(stamp) = overwrite
            && !stamp.same_content(&FileStamp::of_bytes(current, None))
        {
            return Err(WorkspaceError::ChangedOnDisk { file });
        }
        if fs.is_read_only(path).unwrap_or(false) {
            return Err(WorkspaceError::ReadOnly { file });
        }
    }

    let temp = write_temp(fs, path, bytes, current.is_some(), true)?;
    let finish = || -> Result<Option<PathBuf>, WorkspaceError> {
        let backup = match (&current, options.backup) {
            (Some(old), true) => {
                let backup = backup_path(path);
                write_backup(fs, path, &backup, old, options)
                    .map_err(|e| fail(SaveStep::Backup, e))?;
                Some(backup)
            }
            _ => None,
        };
        failpoint("after-backup");
        rename_with_retry(fs, &temp, path, options).map_err(|e| fail(SaveStep::Rename, e))?;
        Ok(backup)
    };
    let backup = match finish() {
        Ok(backup) => backup,
        Err(e) => {
            let _ = fs.remove_file(&temp);
            return Err(e);
        }
    };
    failpoint("after-rename");

    let dir = parent_dir(path);
    let warning = fs.sync_dir(dir).err().map(|e| {
        format!(
            "'{file}' was saved, but flushing its folder to disk failed: {}",
            describe_io(&e)
        )
    });
    failpoint("after-dir-sync");
    Ok(Saved {
        stamp: FileStamp::of_bytes(bytes, fs.modified(path).ok()),
        backup,
        warning,
    })
}

/// Write `bytes` to a fresh temporary file next to `target`, flushed to disk. On error the
/// temporary file is removed again. `with_failpoints` is false for the backup's own write.
fn write_temp(
    fs: &dyn SaveFs,
    target: &Path,
    bytes: &[u8],
    target_exists: bool,
    with_failpoints: bool,
) -> Result<PathBuf, WorkspaceError> {
    let point = |name| {
        if with_failpoints {
            failpoint(name);
        }
    };
    let fail = |step, source| WorkspaceError::Save {
        file: display_name(target),
        step,
        source,
    };
    let temp = temp_path(target);
    let mut handle = fs
        .create_new(&temp)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;
    point("after-temp-create");
    let result = (|| {
        if target_exists {
            // Keep a private file private; failing to copy modes is not worth failing the save.
            let _ = fs.copy_permissions(target, &temp);
        }
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        fs.write_all(&mut handle, first)
            .map_err(|e| fail(SaveStep::WriteTemp, e))?;
        point("mid-temp-write");
        fs.write_all(&mut handle, rest)
            .map_err(|e| fail(SaveStep::WriteTemp, e))?;
        point("after-temp-write");
        fs.sync_file(&handle)
            .map_err(|e| fail(SaveStep::SyncTemp, e))?;
        point("after-temp-sync");
        Ok(())
    })();
    // Closed before any rename: Windows cannot rename an open file.
    drop(handle);
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs.remove_file(&temp);
            Err(e)
        }
    }
}

/// Write the previous version to `backup` atomically (temp file, flush, rename).
fn write_backup(
    fs: &dyn SaveFs,
    target: &Path,
    backup: &Path,
    old: &[u8],
    options: SaveOptions,
) -> io::Result<()> {
    let temp = write_temp(fs, backup, old, false, false).map_err(|e| match e {
        WorkspaceError::Save { source, .. } => source,
        other => io::Error::other(other.to_string()),
    })?;
    let _ = fs.copy_permissions(target, &temp);
    rename_with_retry(fs, &temp, backup, options).inspect_err(|_| {
        let _ = fs.remove_file(&temp);
    })
}

fn rename_with_retry(
    fs: &dyn SaveFs,
    from: &Path,
    to: &Path,
    options: SaveOptions,
) -> io::Result<()> {
    let mut attempt = 1;
    loop {
        match fs.rename(from, to) {
            Ok(()) => return Ok(()),
            Err(e) if attempt < options.rename_attempts && is_transient(&e) => {
                attempt += 1;
                std::thread::sleep(options.rename_retry_delay);
            }
            Err(e) => return Err(e),
        }
    }
}

/// Errors another program holding the file causes on Windows (antivirus, sync, indexers).
fn is_transient(e: &io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ResourceBusy
    ) || (cfg!(windows)
        && matches!(
            e.raw_os_error(),
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        ))
}

/// Where the previous version of `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `.NAME.PID-N.claimdiff-tmp` beside `target`: hidden, unique, and traceable to its process.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(format!(".{}-{n}{TEMP_SUFFIX}", std::process::id()));
    parent_dir(target).join(name)
}

/// Remove temporary files that an interrupted save of `path` (or of its backup) left in the
/// folder, except those of a process that is still running. Returns how many were removed.
/// Best effort: errors are ignored. Every save calls this; the GUI should too after opening.
pub fn cleanup_stray_temps(path: &Path) -> usize {
    cleanup_with(&RealFs, path)
}

fn cleanup_with(fs: &dyn SaveFs, path: &Path) -> usize {
    let Some(target_name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let prefix = format!(".{target_name}.");
    let dir = parent_dir(path);
    let Ok(names) = fs.list_dir(dir) else {
        return 0;
    };
    let own_pid = std::process::id();
    let mut removed = 0;
    for name in names {
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        // `PID-N`, or `bak.PID-N` for the backup's temporary file.
        let id = middle.rsplit('.').next().unwrap_or(middle);
        let Some(pid) = id.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        // Our own saves run one at a time, so our own leftovers are stray too; another live
        // process may be saving right now. Where liveness can't be told, assume it is gone.
        if pid != own_pid && process_alive(pid) == Some(true) {
            continue;
        }
        if fs.remove_file(&dir.join(name)).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_beside_the_target() {
        let target = Path::new("/w/story.claimdiff.ron");
        assert_eq!(backup_path(target), Path::new("/w/story.claimdiff.ron.bak"));
        let temp = temp_path(target);
        let name = temp.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(name.starts_with(".story.claimdiff.ron."), "{name}");
        assert!(name.ends_with(TEMP_SUFFIX), "{name}");
        assert_eq!(temp.parent(), Some(Path::new("/w")));
        assert_eq!(parent_dir(Path::new("x.ron")), Path::new("."));
    }

    #[test]
    fn transient_errors_are_the_windows_sharing_ones() {
        // 32 is a sharing violation on Windows but a broken pipe on Unix.
        assert_eq!(
            is_transient(&io::Error::from_raw_os_error(32)),
            cfg!(windows)
        );
        assert!(is_transient(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        assert!(!is_transient(&io::Error::from(io::ErrorKind::StorageFull)));
    }
}
