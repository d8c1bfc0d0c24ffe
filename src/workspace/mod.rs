//! The document a user saves: articles plus the user's decisions, as versioned RON.
//!
//! # How the GUI uses this
//! - **Open**: [`load_with_stamp`] (off the UI thread) gives the workspace and a [`FileStamp`];
//!   keep the stamp. Then [`cleanup_stray_temps`] for that path (removes temp files a killed
//!   save left behind) and [`WorkspaceLock::acquire_in`] (warns when another instance has it
//!   open).
//! - **Save**: [`save()`] with `Overwrite::IfUnchanged(stamp)`; keep the returned stamp. On
//!   [`WorkspaceError::ChangedOnDisk`] ask the user, then save with `Overwrite::Always` (or
//!   offer Save As). Any other error: show it, keep the workspace marked unsaved.
//! - **Save As**: [`save()`] with `Overwrite::Always` (the file dialog already asked).
//! - **Autosave**: a [`RecoverySession`] started once at launch; after each change (debounced)
//!   [`RecoverySession::snapshot`]; after a save or "Don't save", [`RecoverySession::clear`].
//! - **Start-up**: [`RecoverySession::pending`] lists work left by crashed or killed instances;
//!   [`RecoverySession::adopt`] restores one, [`PendingRecovery::discard`] drops it.

mod error;
mod format;
mod lock;
mod model;
mod process;
mod recovery;
mod save;
mod stamp;
mod text_lines;

pub use error::{SaveStep, WorkspaceError};
pub use format::{
    MAX_WORKSPACE_BYTES, from_ron_bytes, from_ron_str, load, load_with_stamp, to_ron_string,
};
pub use lock::{AlreadyOpen, WorkspaceLock};
pub use model::{
    ArticleEntry, ComparisonSettings, GroupFilter, ViewSettings, WORKSPACE_VERSION, Workspace,
};
pub use recovery::{PendingRecovery, RECOVERY_DIR_ENV, Recovered, RecoverySession, recovery_dir};
pub use save::{
    DiskState, Overwrite, RealFs, SaveFs, SaveOptions, Saved, backup_path, cleanup_stray_temps,
    disk_state, save, save_with, write_export,
};
pub use stamp::FileStamp;

/// The save's failpoints, for the crash tests (tests/workspace_crash.rs) only.
#[cfg(feature = "failpoints")]
#[doc(hidden)]
pub use save::{FAILPOINT_ENV, FAILPOINTS};
