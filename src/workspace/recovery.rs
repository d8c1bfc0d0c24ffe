//! Autosave and crash recovery: unsaved work is snapshotted to a per-user folder and offered
//! back on the next start if the app did not end cleanly.
//!
//! Each running app has one [`RecoverySession`], which holds an OS lock on
//! `ID.session.lock` for its lifetime and writes its snapshot to `ID.recovery.ron` with the
//! same atomic save as workspaces. A snapshot whose session lock is not held belongs to an
//! instance that crashed, was killed, or quit without clearing it (macOS Cmd+Q skips the
//! close dialog): [`RecoverySession::pending`] lists those.
//!
//! A snapshot file is RON: `(recovery: 1, original: Some("…"), written_unix_secs: …,
//! workspace: (…))`; the embedded workspace is read with the full workspace loader (version
//! check, migrations, positions in errors).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::error::{WorkspaceError, display_name};
use super::format::{MAX_NESTING, from_ron_str, read_capped};
use super::model::Workspace;
use super::process::process_alive;
use super::save::{Overwrite, RealFs, SaveOptions, cleanup_stray_temps, write_replacing};

/// Environment variable that overrides [`recovery_dir`] (tests, portable installs).
pub const RECOVERY_DIR_ENV: &str = "CLAIMDIFF_RECOVERY_DIR";

const SNAPSHOT_SUFFIX: &str = ".recovery.ron";
const SESSION_LOCK_SUFFIX: &str = ".session.lock";
const RECOVERY_FORMAT: u32 = 1;

/// The per-user folder for recovery snapshots (and workspace locks):
/// `$CLAIMDIFF_RECOVERY_DIR` if set; else `$XDG_DATA_HOME/claimdiff/recovery` or
/// `~/.local/share/claimdiff/recovery` on Linux and other Unixes,
/// `~/Library/Application Support/claimdiff/recovery` on macOS,
/// `%APPDATA%\claimdiff\recovery` on Windows. Falls back to the temp folder when no home is
/// known. The folder is not created here.
pub fn recovery_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(RECOVERY_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    data_dir().join("claimdiff").join("recovery")
}

/// The OS's per-user application data folder.
fn data_dir() -> PathBuf {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if cfg!(windows) {
        if let Some(dir) = env_dir("APPDATA") {
            return dir;
        }
        if let Some(home) = env_dir("USERPROFILE") {
            return home.join("AppData").join("Roaming");
        }
    } else if cfg!(target_os = "macos") {
        if let Some(home) = env_dir("HOME") {
            return home.join("Library").join("Application Support");
        }
    } else {
        if let Some(dir) = env_dir("XDG_DATA_HOME") {
            return dir;
        }
        if let Some(home) = env_dir("HOME") {
            return home.join(".local").join("share");
        }
    }
    std::env::temp_dir()
}

#[derive(Serialize)]
struct SnapshotOut<'a> {
    recovery: u32,
    original: Option<String>,
    written_unix_secs: u64,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
struct SnapshotIn {
    recovery: u32,
    #[serde(default)]
    original: Option<String>,
    #[serde(default)]
    written_unix_secs: u64,
    workspace: Box<ron::value::RawValue>,
}

/// This app's autosave slot; start one at launch and keep it for the app's lifetime.
///
/// It is `Send + Sync`, so snapshots can be written from a worker thread.
#[derive(Debug)]
pub struct RecoverySession {
    dir: PathBuf,
    id: String,
    /// Locked while the session lives: tells other instances this session is not dead.
    lock: Option<File>,
}

/// Work restored from a recovery snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The workspace exactly as it was snapshotted (mark it unsaved).
    pub workspace: Workspace,
    /// The file it was opened from or last saved to, if it had one.
    pub original: Option<PathBuf>,
}

/// A snapshot left by an instance that did not end cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRecovery {
    /// The snapshot file.
    pub path: PathBuf,
    /// The workspace file it belongs to; `None` for a workspace never saved.
    pub original: Option<PathBuf>,
    /// When the snapshot was written.
    pub written: Option<SystemTime>,
    /// Why the snapshot can't be read, if it can't (offer to discard it).
    pub problem: Option<String>,
}

impl RecoverySession {
    /// Start this app's session in [`recovery_dir`], creating the folder.
    ///
    /// An error means autosave is unavailable; the app can still run (show it once).
    pub fn start() -> Result<Self, WorkspaceError> {
        Self::start_in(recovery_dir())
    }

    /// [`RecoverySession::start`] in a given folder.
    pub fn start_in(dir: impl Into<PathBuf>) -> Result<Self, WorkspaceError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = dir.into();
        let folder_error = |source| WorkspaceError::Recovery {
            dir: dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(folder_error)?;
        let millis = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let id = format!("{millis}-{}-{n}", std::process::id());
        // Locked under a hidden name, then renamed into place (the lock goes with the file),
        // so no other instance ever sees this session's lock file unlocked and takes it for
        // a dead one.
        let lock_path = dir.join(format!("{id}{SESSION_LOCK_SUFFIX}"));
        let hidden = dir.join(format!(".{id}{SESSION_LOCK_SUFFIX}"));
        let lock = File::create(&hidden).map_err(folder_error)?;
        // Without lock support, other instances fall back to checking the pid in the id.
        let lock = lock.try_lock().is_ok().then_some(lock);
        std::fs::rename(&hidden, &lock_path).map_err(|source| {
            let _ = std::fs::remove_file(&hidden);
            folder_error(source)
        })?;
        Ok(Self { dir, id, lock })
    }

    /// The file this session's snapshot is written to.
    pub fn snapshot_path(&self) -> PathBuf {
        self.dir.join(format!("{}{SNAPSHOT_SUFFIX}", self.id))
    }

    /// Write (replace) this session's snapshot of `workspace`, which belongs to the file
    /// `original` (`None` when it was never saved). Atomic: a crash mid-write leaves the
    /// previous snapshot. Call it shortly after each change (debounced, off the UI thread).
    pub fn snapshot(
        &self,
        original: Option<&Path>,
        workspace: &Workspace,
    ) -> Result<(), WorkspaceError> {
        let path = self.snapshot_path();
        let snapshot = SnapshotOut {
            recovery: RECOVERY_FORMAT,
            original: original.map(|p| p.to_string_lossy().into_owned()),
            written_unix_secs: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs(),
            workspace,
        };
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .escape_strings(true);
        let text = ron::Options::default()
            .with_recursion_limit(MAX_NESTING)
            .to_string_pretty(&snapshot, config)
            .map_err(|e| WorkspaceError::Serialize {
                file: display_name(&path),
                message: e.to_string(),
            })?;
        let options = SaveOptions {
            backup: false,
            ..SaveOptions::default()
        };
        write_replacing(&RealFs, &path, text.as_bytes(), Overwrite::Always, options).map(|_| ())
    }

    /// Remove this session's snapshot: after a successful save, or when the user chose not to
    /// save. A missing snapshot is fine.
    pub fn clear(&self) -> Result<(), WorkspaceError> {
        remove_if_present(&self.snapshot_path())
    }

    /// Snapshots of other instances that are no longer running (oldest first). Stale lock and
    /// temporary files of dead sessions are tidied on the way. Call once at start-up.
    pub fn pending(&self) -> Vec<PendingRecovery> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| {
                name.strip_suffix(SNAPSHOT_SUFFIX)
                    .or_else(|| name.strip_suffix(SESSION_LOCK_SUFFIX))
                    .filter(|id| !id.starts_with('.'))
                    .map(str::to_string)
            })
            .filter(|id| *id != self.id)
            .collect();
        ids.sort();
        ids.dedup();
        let mut pending = Vec::new();
        for id in ids {
            if self.session_alive(&id) {
                continue;
            }
            let snapshot = self.dir.join(format!("{id}{SNAPSHOT_SUFFIX}"));
            cleanup_stray_temps(&snapshot);
            let _ = std::fs::remove_file(self.dir.join(format!("{id}{SESSION_LOCK_SUFFIX}")));
            if snapshot.is_file() {
                pending.push(describe(&snapshot));
            }
        }
        pending.sort_by_key(|p| p.written);
        pending
    }

    fn session_alive(&self, id: &str) -> bool {
        let lock_path = self.dir.join(format!("{id}{SESSION_LOCK_SUFFIX}"));
        let Ok(file) = File::options().read(true).write(true).open(&lock_path) else {
            return false;
        };
        match file.try_lock() {
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(std::fs::TryLockError::Error(_)) => {
                // No lock support: judge by the pid in the id (`MILLIS-PID-N`).
                let pid = id.split('-').nth(1).and_then(|p| p.parse::<u32>().ok());
                pid.is_some_and(|pid| process_alive(pid) != Some(false))
            }
        }
    }

    /// Restore `pending`: load it, make it this session's snapshot (so it stays safe until
    /// saved), and remove the old one. The GUI opens the result marked unsaved.
    pub fn adopt(&self, pending: &PendingRecovery) -> Result<Recovered, WorkspaceError> {
        let recovered = pending.load()?;
        self.snapshot(recovered.original.as_deref(), &recovered.workspace)?;
        pending.discard()?;
        Ok(recovered)
    }
}

impl Drop for RecoverySession {
    fn drop(&mut self) {
        // The snapshot stays: if the user did not save or clear, it is offered next time.
        if let Some(lock) = self.lock.take() {
            let _ =
                std::fs::remove_file(self.dir.join(format!("{}{SESSION_LOCK_SUFFIX}", self.id)));
            let _ = lock.unlock();
        }
    }
}

impl PendingRecovery {
    /// Read the snapshot's workspace and the file it belongs to.
    pub fn load(&self) -> Result<Recovered, WorkspaceError> {
        let (snapshot, file) = read_snapshot(&self.path)?;
        let workspace = from_ron_str(snapshot.workspace.get_ron(), &file)?;
        Ok(Recovered {
            workspace,
            original: snapshot.original.map(PathBuf::from),
        })
    }

    /// Delete the snapshot (the user declined it, or it was adopted). Missing is fine.
    pub fn discard(&self) -> Result<(), WorkspaceError> {
        remove_if_present(&self.path)
    }
}

fn read_snapshot(path: &Path) -> Result<(SnapshotIn, String), WorkspaceError> {
    let file = display_name(path);
    let (bytes, _) = read_capped(path, &file)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| WorkspaceError::NotAWorkspace {
        file: file.clone(),
        reason: format!(
            "the recovery file is not UTF-8 (bad byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    let snapshot: SnapshotIn = ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str(text)
        .map_err(|e| WorkspaceError::Parse {
            file: file.clone(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
    if snapshot.recovery > RECOVERY_FORMAT {
        return Err(WorkspaceError::NewerVersion {
            file,
            found: u64::from(snapshot.recovery),
            supported: RECOVERY_FORMAT,
        });
    }
    Ok((snapshot, file))
}

fn describe(path: &Path) -> PendingRecovery {
    match read_snapshot(path) {
        Ok((snapshot, _)) => PendingRecovery {
            path: path.to_path_buf(),
            original: snapshot.original.map(PathBuf::from),
            written: UNIX_EPOCH.checked_add(Duration::from_secs(snapshot.written_unix_secs)),
            problem: None,
        },
        Err(e) => PendingRecovery {
            path: path.to_path_buf(),
            original: None,
            written: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            problem: Some(e.to_string()),
        },
    }
}

fn remove_if_present(path: &Path) -> Result<(), WorkspaceError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(WorkspaceError::Recovery {
            dir: path.display().to_string(),
            source,
        }),
    }
}
