//! Atomic save: fault injection at every step keeps the original byte-identical and leaves no
//! temporary file; backups; conflict detection; permissions, symlinks, retries, cleanup.

mod workspace_common;

use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use claimdiff::workspace::{
    DiskState, Overwrite, RealFs, SaveFs, SaveOptions, Workspace, WorkspaceError, backup_path,
    cleanup_stray_temps, disk_state, load, load_with_stamp, save, save_with, to_ron_string,
};
use workspace_common::sample;

const NAME: &str = "story.claimdiff.ron";

/// A file system that fails one chosen call (by number, or the first call of a method).
struct FaultyFs {
    fail_call: Option<usize>,
    fail_method: Option<(&'static str, usize)>,
    error: fn() -> io::Error,
    calls: Cell<usize>,
    method_calls: RefCell<Vec<&'static str>>,
}

impl FaultyFs {
    fn new() -> Self {
        Self {
            fail_call: None,
            fail_method: None,
            error: || io::Error::other("injected failure"),
            calls: Cell::new(0),
            method_calls: RefCell::new(Vec::new()),
        }
    }

    fn failing_call(n: usize) -> Self {
        Self {
            fail_call: Some(n),
            ..Self::new()
        }
    }

    /// Fail the `nth` (0-based) call of `method` with `error`.
    fn failing(method: &'static str, nth: usize, error: fn() -> io::Error) -> Self {
        Self {
            fail_method: Some((method, nth)),
            error,
            ..Self::new()
        }
    }

    fn check(&self, method: &'static str) -> io::Result<()> {
        let n = self.calls.get();
        self.calls.set(n + 1);
        let same_method_before = self
            .method_calls
            .borrow()
            .iter()
            .filter(|m| **m == method)
            .count();
        self.method_calls.borrow_mut().push(method);
        let by_number = self.fail_call == Some(n);
        let by_method = self.fail_method == Some((method, same_method_before));
        if by_number || by_method {
            Err((self.error)())
        } else {
            Ok(())
        }
    }
}

impl SaveFs for FaultyFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check("read")?;
        RealFs.read(path)
    }
    fn is_read_only(&self, path: &Path) -> io::Result<bool> {
        self.check("is_read_only")?;
        RealFs.is_read_only(path)
    }
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.check("create_new")?;
        RealFs.create_new(path)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if let Err(e) = self.check("write_all") {
            // Like a real full disk: part of the data lands before the error.
            let _ = RealFs.write_all(file, &bytes[..bytes.len() / 2]);
            return Err(e);
        }
        RealFs.write_all(file, bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.check("sync_file")?;
        RealFs.sync_file(file)
    }
    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("copy_permissions")?;
        RealFs.copy_permissions(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("rename")?;
        RealFs.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check("sync_dir")?;
        RealFs.sync_dir(dir)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.check("remove_file")?;
        RealFs.remove_file(path)
    }
    fn list_dir(&self, dir: &Path) -> io::Result<Vec<OsString>> {
        self.check("list_dir")?;
        RealFs.list_dir(dir)
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        self.check("modified")?;
        RealFs.modified(path)
    }
}

fn disk_full() -> io::Error {
    io::Error::new(ErrorKind::StorageFull, "No space left on device")
}

fn permission_denied() -> io::Error {
    io::Error::new(ErrorKind::PermissionDenied, "Permission denied")
}

fn io_error() -> io::Error {
    io::Error::other("Input/output error")
}

/// A folder holding `story.claimdiff.ron` with the original workspace.
struct Fixture {
    dir: tempfile::TempDir,
    path: PathBuf,
    original: Vec<u8>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join(NAME);
    let original = to_ron_string(&Workspace::default())
        .unwrap_or_default()
        .into_bytes();
    std::fs::write(&path, &original).unwrap_or_else(|e| panic!("write: {e}"));
    Fixture {
        dir,
        path,
        original,
    }
}

impl Fixture {
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    fn stray_temps(&self) -> Vec<String> {
        self.names()
            .into_iter()
            .filter(|n| n.ends_with(".claimdiff-tmp"))
            .collect()
    }

    fn content(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap_or_default()
    }
}

fn new_bytes() -> Vec<u8> {
    to_ron_string(&sample()).unwrap_or_default().into_bytes()
}

fn fast_options() -> SaveOptions {
    SaveOptions {
        rename_retry_delay: Duration::from_millis(1),
        ..SaveOptions::default()
    }
}

#[test]
fn a_fault_at_every_file_system_call_keeps_the_original_or_completes() {
    // How many calls a clean save makes.
    let clean = FaultyFs::new();
    let f = fixture();
    let saved = save_with(
        &clean,
        &f.path,
        &sample(),
        Overwrite::Always,
        fast_options(),
    );
    assert!(saved.is_ok(), "{saved:?}");
    let total = clean.calls.get();
    let methods = clean.method_calls.borrow().clone();
    assert!(total >= 10, "{methods:?}");

    for (k, &step) in methods.iter().enumerate() {
        for error in [disk_full, permission_denied, io_error] {
            let f = fixture();
            let fs = FaultyFs {
                error,
                ..FaultyFs::failing_call(k)
            };
            let result = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options());
            assert!(
                f.stray_temps().is_empty(),
                "fault in {step}: {:?}",
                f.names()
            );
            match result {
                Err(e) => {
                    assert_eq!(f.content(), f.original, "fault in {step} changed the file");
                    assert!(matches!(e, WorkspaceError::Save { .. }), "{step}: {e:?}");
                    let msg = e.to_string();
                    assert!(msg.starts_with(&format!("Can't save '{NAME}': ")), "{msg}");
                    assert!(msg.ends_with("; the file on disk was not changed"), "{msg}");
                    // A backup may have been written already; it holds the original.
                    if let Ok(backup) = std::fs::read(backup_path(&f.path)) {
                        assert_eq!(backup, f.original, "fault in {step}");
                    }
                }
                Ok(saved) => {
                    // Only calls whose failure is harmless may be survived.
                    assert!(
                        matches!(
                            step,
                            "list_dir"
                                | "remove_file"
                                | "copy_permissions"
                                | "is_read_only"
                                | "sync_dir"
                                | "modified"
                        ),
                        "a failed {step} was ignored"
                    );
                    assert_eq!(f.content(), new_bytes(), "fault in {step}");
                    assert_eq!(saved.warning.is_some(), step == "sync_dir");
                }
            }
        }
    }
}

#[test]
fn disk_full_while_writing_names_the_problem_and_keeps_the_original() {
    let f = fixture();
    let fs = FaultyFs::failing("write_all", 0, disk_full);
    let e = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options()).err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "Can't save 'story.claimdiff.ron': the disk is full (No space left on device) \
             (while writing the temporary file); the file on disk was not changed"
        )
    );
    assert_eq!(f.content(), f.original);
    assert!(f.stray_temps().is_empty());
}

#[test]
fn permission_denied_creating_the_temp_file_read_only_folder() {
    let f = fixture();
    let fs = FaultyFs::failing("create_new", 0, permission_denied);
    let e = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options()).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("permission denied"), "{msg}");
    assert!(
        msg.contains("while creating a temporary file in the same folder"),
        "{msg}"
    );
    assert_eq!(f.content(), f.original);
    assert_eq!(f.names(), [NAME]);
}

#[test]
fn permission_denied_on_rename_keeps_the_original() {
    let f = fixture();
    // Call 0 is the backup's rename; call 1 replaces the file.
    let fs = FaultyFs::failing("rename", 1, permission_denied);
    let e = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options()).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.contains("while replacing the file with the new version"),
        "{msg}"
    );
    assert_eq!(f.content(), f.original);
    assert!(f.stray_temps().is_empty());
}

#[test]
fn fsync_failure_is_an_error_not_a_silent_success() {
    let f = fixture();
    let fs = FaultyFs::failing("sync_file", 0, io_error);
    let e = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options()).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.contains("while flushing the temporary file to disk"),
        "{msg}"
    );
    assert_eq!(f.content(), f.original);
    assert!(f.stray_temps().is_empty());
}

#[test]
fn a_failed_backup_stops_the_save() {
    let f = fixture();
    // The new content is written first; the backup's temporary file is the second create_new.
    let fs = FaultyFs::failing("create_new", 1, disk_full);
    let e = save_with(&fs, &f.path, &sample(), Overwrite::Always, fast_options()).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.contains("while keeping a backup of the previous version"),
        "{msg}"
    );
    assert_eq!(f.content(), f.original);
    assert_eq!(f.names(), [NAME]);
}

#[test]
fn rename_is_retried_when_another_program_briefly_holds_the_file() {
    let f = fixture();
    let fs = FaultyFs::failing("rename", 1, permission_denied);
    let options = SaveOptions {
        rename_attempts: 5,
        ..fast_options()
    };
    let saved = save_with(&fs, &f.path, &sample(), Overwrite::Always, options);
    assert!(saved.is_ok(), "{saved:?}");
    assert_eq!(f.content(), new_bytes());
}

#[test]
fn the_previous_version_is_kept_as_a_backup() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(NAME);
    let first = save(&path, &Workspace::default(), Overwrite::Always);
    assert_eq!(
        first.as_ref().ok().map(|s| s.backup.clone()),
        Some(None),
        "{first:?}"
    );
    let first_bytes = std::fs::read(&path).unwrap_or_default();
    let Ok(first) = first else { return };
    let second = save(&path, &sample(), Overwrite::IfUnchanged(first.stamp));
    assert_eq!(
        second.as_ref().ok().and_then(|s| s.backup.clone()),
        Some(backup_path(&path)),
        "{second:?}"
    );
    assert_eq!(std::fs::read(backup_path(&path)).ok(), Some(first_bytes));
    assert_eq!(load(&path).ok(), Some(sample()));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(NAME);
    let saved = save(&path, &Workspace::default(), Overwrite::Always);
    let Ok(saved) = saved else {
        panic!("{saved:?}");
    };
    let theirs = b"(version: 1, articles: [(text: \"edited elsewhere\")])\n";
    assert!(std::fs::write(&path, theirs).is_ok());
    assert_eq!(
        disk_state(&path, &saved.stamp).ok(),
        Some(DiskState::Changed)
    );

    let e = save(&path, &sample(), Overwrite::IfUnchanged(saved.stamp)).err();
    assert!(
        e.as_ref().is_some_and(WorkspaceError::is_changed_on_disk),
        "{e:?}"
    );
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "'story.claimdiff.ron' was changed on disk by another program since it was opened \
             or saved, so it was not overwritten"
        )
    );
    assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&theirs[..]));

    // The user chose to overwrite.
    let forced = save(&path, &sample(), Overwrite::Always);
    assert!(forced.is_ok(), "{forced:?}");
    assert_eq!(load(&path).ok(), Some(sample()));
}

#[test]
fn touching_a_file_without_changing_it_is_not_a_conflict() {
    let f = fixture();
    let Ok((_, stamp)) = load_with_stamp(&f.path) else {
        panic!("fixture did not load");
    };
    let later = SystemTime::now() + Duration::from_secs(3600);
    let touched = File::options()
        .write(true)
        .open(&f.path)
        .and_then(|file| file.set_modified(later));
    assert!(touched.is_ok());
    assert_eq!(disk_state(&f.path, &stamp).ok(), Some(DiskState::Unchanged));
    let saved = save(&f.path, &sample(), Overwrite::IfUnchanged(stamp));
    assert!(saved.is_ok(), "{saved:?}");
}

#[test]
fn a_file_deleted_since_opening_is_simply_written_again() {
    let f = fixture();
    let Ok((_, stamp)) = load_with_stamp(&f.path) else {
        panic!("fixture did not load");
    };
    assert!(std::fs::remove_file(&f.path).is_ok());
    assert_eq!(disk_state(&f.path, &stamp).ok(), Some(DiskState::Missing));
    let saved = save(&f.path, &sample(), Overwrite::IfUnchanged(stamp));
    assert!(saved.is_ok(), "{saved:?}");
    assert_eq!(load(&f.path).ok(), Some(sample()));
}

#[test]
fn the_returned_stamp_allows_the_next_save() {
    let f = fixture();
    let mut stamp = match load_with_stamp(&f.path) {
        Ok((_, stamp)) => stamp,
        Err(e) => panic!("{e}"),
    };
    for round in 0..3 {
        let mut ws = sample();
        ws.settings.search = format!("round {round}");
        match save(&f.path, &ws, Overwrite::IfUnchanged(stamp)) {
            Ok(saved) => stamp = saved.stamp,
            Err(e) => panic!("round {round}: {e}"),
        }
        let reloaded = load_with_stamp(&f.path).ok().map(|(_, s)| s);
        assert!(reloaded.is_some_and(|s| s.same_content(&stamp)));
    }
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let f = fixture();
    let mut perms = match std::fs::metadata(&f.path) {
        Ok(meta) => meta.permissions(),
        Err(e) => panic!("{e}"),
    };
    perms.set_readonly(true);
    assert!(std::fs::set_permissions(&f.path, perms).is_ok());
    let e = save(&f.path, &sample(), Overwrite::Always).err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "Can't save 'story.claimdiff.ron': the file is read-only; use Save As to save a copy elsewhere"
        )
    );
    assert_eq!(f.content(), f.original);
    assert_eq!(f.names(), [NAME]);
}

#[test]
fn a_missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("gone").join(NAME);
    let e = save(&path, &sample(), Overwrite::Always).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("Can't save 'story.claimdiff.ron': the file or folder does not exist"),
        "{msg}"
    );
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_symlinks_followed() {
    use std::os::unix::fs::PermissionsExt as _;
    let f = fixture();
    assert!(std::fs::set_permissions(&f.path, std::fs::Permissions::from_mode(0o600)).is_ok());
    let link = f.dir.path().join("link.claimdiff.ron");
    assert!(std::os::unix::fs::symlink(&f.path, &link).is_ok());

    let saved = save(&link, &sample(), Overwrite::Always);
    assert!(saved.is_ok(), "{saved:?}");
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(f.content(), new_bytes());
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.permissions().mode() & 0o777)
            .ok()
    };
    assert_eq!(mode(&f.path), Some(0o600), "a private file stays private");
    assert_eq!(
        mode(&backup_path(&f.path)),
        Some(0o600),
        "and so does its backup"
    );
}

#[test]
fn stray_temp_files_of_dead_processes_are_cleaned_up() {
    let f = fixture();
    let dir = f.dir.path();
    // A pid above Linux's maximum is never alive; pid 1 always is.
    let dead = dir.join(format!(".{NAME}.4294967294-0.claimdiff-tmp"));
    let dead_backup = dir.join(format!(".{NAME}.bak.4294967294-3.claimdiff-tmp"));
    let live = dir.join(format!(".{NAME}.1-0.claimdiff-tmp"));
    let other = dir.join(".other.claimdiff.ron.4294967294-0.claimdiff-tmp");
    for p in [&dead, &dead_backup, &live, &other] {
        assert!(std::fs::write(p, b"partial").is_ok());
    }
    let removed = cleanup_stray_temps(&f.path);
    assert!(!dead.exists() && !dead_backup.exists());
    assert!(
        other.exists(),
        "temp files of other workspaces are theirs to clean"
    );
    if cfg!(target_os = "linux") {
        assert_eq!(removed, 2);
        assert!(live.exists(), "a running process may be saving right now");
    }
    assert_eq!(f.content(), f.original);
    // A save cleans up too.
    assert!(std::fs::write(&dead, b"partial").is_ok());
    assert!(save(&f.path, &sample(), Overwrite::Always).is_ok());
    assert!(!dead.exists());
}
