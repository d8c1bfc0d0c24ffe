//! "Already open elsewhere": a lock per open workspace, so a second instance is warned.
//!
//! The lock is a file in a locks folder (the app's is `locks/` in the recovery folder), named by
//! a hash of the workspace's absolute path, so the user's folder stays clean and read-only
//! folders work, and held with an OS file lock for as long as the workspace is open. The OS
//! releases the lock when the process dies, however it dies, so a lock left by a crashed or
//! killed instance is stale by construction and simply taken over. Beside it, an `.owner` file
//! names the holder's process id for the warning. Where the file system cannot lock, the
//! owner's pid is checked instead (dead pids ignored).

use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::error::display_name;
use super::process::process_alive;
use super::stamp::fnv1a64;

/// Another running claimdiff has this workspace open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{file}' is already open in another claimdiff window{}", .pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
pub struct AlreadyOpen {
    /// File name shown to the user.
    pub file: String,
    /// The process holding it, when known (may be this very process, if it opened the file
    /// twice).
    pub pid: Option<u32>,
}

/// Holds a workspace's lock until dropped. Keep it next to the open workspace; drop it when the
/// workspace is closed.
#[derive(Debug)]
pub struct WorkspaceLock {
    held: Option<Held>,
}

#[derive(Debug)]
struct Held {
    /// Locked for the lock's lifetime (the OS lock goes with the handle).
    file: File,
    lock_path: PathBuf,
    owner_path: PathBuf,
}

impl WorkspaceLock {
    /// Lock `workspace`, with locks kept in `dir` (the app uses `locks/` in the recovery
    /// folder). `Err` when another live instance holds it: show the message and let the user
    /// open it anyway ([`WorkspaceLock::none`]) or cancel.
    ///
    /// Never fails for lack of a lock folder or lock support: then the workspace simply opens
    /// unlocked (a lock is a courtesy warning, not a reason to refuse a user their file).
    pub fn acquire_in(dir: &Path, workspace: &Path) -> Result<Self, AlreadyOpen> {
        if std::fs::create_dir_all(dir).is_err() {
            return Ok(Self::none());
        }
        let absolute = std::fs::canonicalize(workspace)
            .or_else(|_| std::path::absolute(workspace))
            .unwrap_or_else(|_| workspace.to_path_buf());
        let key = format!("{:016x}", fnv1a64(absolute.as_os_str().as_encoded_bytes()));
        let lock_path = dir.join(format!("{key}.lock"));
        let owner_path = dir.join(format!("{key}.owner"));
        let already_open = |pid| AlreadyOpen {
            file: display_name(workspace),
            pid,
        };
        // A holder may delete the lock file between our open and our lock; then we would hold
        // a lock on a deleted file. Re-check and retry a few times.
        for _ in 0..3 {
            let Ok(file) = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
            else {
                return Ok(Self::none());
            };
            match file.try_lock() {
                Ok(()) => {
                    if !still_at(&file, &lock_path) {
                        continue;
                    }
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(already_open(read_owner_pid(&owner_path)));
                }
                Err(std::fs::TryLockError::Error(_)) => {
                    // No lock support here (some network file systems): trust a live pid.
                    let owner = read_owner_pid(&owner_path);
                    if let Some(pid) = owner
                        && pid != std::process::id()
                        && process_alive(pid) == Some(true)
                    {
                        return Err(already_open(Some(pid)));
                    }
                }
            }
            let owner = format!("pid {}\n{}\n", std::process::id(), absolute.display());
            let _ = std::fs::write(&owner_path, owner);
            return Ok(Self {
                held: Some(Held {
                    file,
                    lock_path,
                    owner_path,
                }),
            });
        }
        Ok(Self::none())
    }

    /// No lock: for a workspace not yet saved, or one the user chose to open anyway.
    pub fn none() -> Self {
        Self { held: None }
    }

    /// True when this instance holds the lock.
    pub fn is_held(&self) -> bool {
        self.held.is_some()
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        if let Some(held) = self.held.take() {
            // Delete while still locked, so nobody takes over a file about to vanish unseen.
            let _ = std::fs::remove_file(&held.owner_path);
            let _ = std::fs::remove_file(&held.lock_path);
            let _ = held.file.unlock();
        }
    }
}

fn read_owner_pid(owner_path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(owner_path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    text.lines()
        .next()?
        .strip_prefix("pid ")?
        .trim()
        .parse()
        .ok()
}

/// True when `path` still names the file `file` is open on.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}
