//! The open workspace as a file: where it lives, whether it has unsaved changes, the jobs that
//! load, save and fetch off the UI thread, and autosave to a recovery snapshot.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::ingest::Article;
use crate::ingest::fetch::FetchError;
use crate::workspace::{
    FileStamp, PendingRecovery, RecoverySession, Saved, Workspace, WorkspaceError, WorkspaceLock,
};

/// How long after the last change the recovery snapshot is written.
pub(crate) const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);

/// How many recently used workspaces the File menu lists.
pub(crate) const MAX_RECENT: usize = 10;

/// What to do once the user has decided about unsaved changes (or when there are none).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Proceed {
    /// Close the window.
    Close,
    /// Start an empty workspace.
    New,
    /// Show the "open workspace" dialog.
    ShowOpenDialog,
    /// Open this workspace file, then add these article files to it.
    Open(PathBuf, Vec<PathBuf>),
    /// Open the built-in demo story.
    OpenDemo,
}

/// The workspace file behind the window.
#[derive(Debug)]
pub(crate) struct DocumentFile {
    /// Where the workspace was opened from or last saved to; `None` until first saved.
    pub(crate) path: Option<PathBuf>,
    /// The file's content at open or last save, to notice edits by other programs.
    pub(crate) stamp: Option<FileStamp>,
    /// Held while the file is open here, so a second window can warn.
    lock: WorkspaceLock,
    /// The workspace as it is on disk (or as the window started with it); `None` when it
    /// must count as unsaved whatever it holds (restored from a crash).
    saved: Option<Workspace>,
    /// The workspace differs from `saved`.
    dirty: bool,
}

impl Default for DocumentFile {
    fn default() -> Self {
        Self::untitled(Workspace::default())
    }
}

impl DocumentFile {
    /// A workspace not saved anywhere yet; `start` is what counts as "no changes".
    pub(crate) fn untitled(start: Workspace) -> Self {
        Self {
            path: None,
            stamp: None,
            lock: WorkspaceLock::none(),
            saved: Some(start),
            dirty: false,
        }
    }

    /// A workspace just opened from (or saved to) `path`.
    pub(crate) fn on_disk(
        path: PathBuf,
        stamp: FileStamp,
        content: Workspace,
        lock: WorkspaceLock,
    ) -> Self {
        Self {
            path: Some(path),
            stamp: Some(stamp),
            lock,
            saved: Some(content),
            dirty: false,
        }
    }

    /// Work restored from a recovery snapshot: unsaved until the user saves it.
    pub(crate) fn restored(
        path: Option<PathBuf>,
        stamp: Option<FileStamp>,
        lock: WorkspaceLock,
    ) -> Self {
        Self {
            path,
            stamp,
            lock,
            saved: None,
            dirty: true,
        }
    }

    /// True when the workspace has changes that are not in its file.
    pub(crate) fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Compare `current` with what is saved (after every change).
    pub(crate) fn refresh_dirty(&mut self, current: &Workspace) {
        self.dirty = !self
            .saved
            .as_ref()
            .is_some_and(|saved| saved.same_work(current));
    }

    /// A save of `content` to `path` succeeded.
    pub(crate) fn saved_as(
        &mut self,
        path: PathBuf,
        stamp: FileStamp,
        content: Workspace,
        current: &Workspace,
    ) {
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.saved = Some(content);
        self.refresh_dirty(current);
    }

    /// Hold `lock` for this file (dropping any older one).
    pub(crate) fn set_lock(&mut self, lock: WorkspaceLock) {
        self.lock = lock;
    }

    /// The file name, for the title and messages.
    pub(crate) fn file_name(&self) -> Option<String> {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
    }
}

/// A job finished on a background thread.
#[derive(Debug)]
pub(crate) enum JobDone {
    /// A workspace file was read.
    Loaded {
        /// The file.
        path: PathBuf,
        /// Article files to add once it is open.
        then_add: Vec<PathBuf>,
        /// The workspace and the file's stamp, or why it could not be read.
        result: Result<(Workspace, FileStamp), WorkspaceError>,
    },
    /// The workspace was saved.
    Saved {
        /// The file.
        path: PathBuf,
        /// What was written.
        content: Workspace,
        /// The new stamp, or why nothing was written.
        result: Result<Saved, WorkspaceError>,
        /// What to do after a successful save.
        then: Option<Proceed>,
    },
    /// A web page was fetched and imported.
    Fetched {
        /// The address as the user gave it.
        url: String,
        /// The article, or why there is none.
        result: Result<Article, FetchError>,
    },
    /// The recovery snapshot was written (or removed).
    Autosaved(Result<(), WorkspaceError>),
    /// A job panicked; `what` says which.
    Crashed {
        /// The job, in words ("saving 'x.claimdiff.ron'").
        what: String,
    },
}

/// What kind of job runs, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JobKind {
    /// Reading a workspace file.
    Load(String),
    /// Writing a workspace file.
    Save(String),
    /// Fetching a web page.
    Fetch(String),
    /// Writing the recovery snapshot (not shown).
    Autosave,
}

impl JobKind {
    /// Status text ("Saving 'x'…"), `None` for jobs not worth showing.
    pub(crate) fn status(&self) -> Option<String> {
        match self {
            JobKind::Load(name) => Some(format!("Opening '{name}'…")),
            JobKind::Save(name) => Some(format!("Saving '{name}'…")),
            JobKind::Fetch(url) => Some(format!("Fetching {url}…")),
            JobKind::Autosave => None,
        }
    }
}

/// Background jobs: each runs on its own thread and reports through one channel.
#[derive(Debug)]
pub(crate) struct Jobs {
    sender: Sender<(u64, JobDone)>,
    receiver: Receiver<(u64, JobDone)>,
    running: Vec<(u64, JobKind)>,
    next_id: u64,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            sender,
            receiver,
            running: Vec::new(),
            next_id: 0,
        }
    }
}

impl Jobs {
    /// Run `job` on a new thread. A panic inside it is reported as [`JobDone::Crashed`].
    pub(crate) fn spawn(&mut self, kind: JobKind, job: impl FnOnce() -> JobDone + Send + 'static) {
        let id = self.next_id;
        self.next_id += 1;
        let what = match &kind {
            JobKind::Load(name) => format!("opening '{name}'"),
            JobKind::Save(name) => format!("saving '{name}'"),
            JobKind::Fetch(url) => format!("fetching {url}"),
            JobKind::Autosave => "writing the recovery file".to_owned(),
        };
        let sender = self.sender.clone();
        let run = move || {
            let done = catch_unwind(AssertUnwindSafe(job)).unwrap_or(JobDone::Crashed { what });
            let _ = sender.send((id, done));
        };
        let spawned = std::thread::Builder::new()
            .name("claimdiff-job".into())
            .spawn(run);
        match spawned {
            Ok(_) => self.running.push((id, kind)),
            Err(_) => {
                let _ = self.sender.send((
                    id,
                    JobDone::Crashed {
                        what: "starting a background thread".to_owned(),
                    },
                ));
            }
        }
    }

    /// Finished jobs, without blocking.
    pub(crate) fn poll(&mut self) -> Vec<JobDone> {
        let mut done = Vec::new();
        while let Ok((id, result)) = self.receiver.try_recv() {
            self.running.retain(|(r, _)| *r != id);
            done.push(result);
        }
        done
    }

    /// Block until every running job has finished (tests).
    pub(crate) fn wait_all(&mut self) -> Vec<JobDone> {
        self.wait_while(|_| true)
    }

    /// Block until no job of the kinds `matches` picks is running (at close: a save or a
    /// snapshot under way finishes; a slow fetch is simply abandoned).
    pub(crate) fn wait_while(&mut self, matches: impl Fn(&JobKind) -> bool) -> Vec<JobDone> {
        let mut done = Vec::new();
        while self.running.iter().any(|(_, k)| matches(k)) {
            match self.receiver.recv_timeout(Duration::from_secs(60)) {
                Ok((id, result)) => {
                    self.running.retain(|(r, _)| *r != id);
                    done.push(result);
                }
                Err(_) => break,
            }
        }
        done
    }

    /// True while a job of this kind runs.
    pub(crate) fn is_running(&self, matches: impl Fn(&JobKind) -> bool) -> bool {
        self.running.iter().any(|(_, k)| matches(k))
    }

    /// True while any job runs.
    pub(crate) fn any_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Status lines of the running jobs worth showing.
    pub(crate) fn statuses(&self) -> Vec<String> {
        self.running
            .iter()
            .filter_map(|(_, k)| k.status())
            .collect()
    }
}

/// Autosave: a snapshot of unsaved work shortly after each change, offered back after a crash.
#[derive(Debug, Default)]
pub(crate) struct Autosave {
    /// This window's recovery slot; `None` when autosave is off or unavailable.
    pub(crate) session: Option<Arc<RecoverySession>>,
    /// When the next snapshot is due.
    pub(crate) due: Option<Instant>,
    /// A snapshot of this session may be on disk.
    pub(crate) written: bool,
    /// The user was told once that autosave failed.
    pub(crate) failure_shown: bool,
}

impl Autosave {
    /// Autosave into `dir` (the folder is created). On failure autosave is off and the reason
    /// is returned for a notice.
    pub(crate) fn start_in(dir: &Path) -> (Self, Option<String>) {
        match RecoverySession::start_in(dir) {
            Ok(session) => (
                Self {
                    session: Some(Arc::new(session)),
                    ..Self::default()
                },
                None,
            ),
            Err(e) => (Self::default(), Some(format!("Autosave is off: {e}"))),
        }
    }

    /// Snapshots left by windows that did not close cleanly.
    pub(crate) fn pending(&self) -> Vec<PendingRecovery> {
        self.session.as_ref().map_or_else(Vec::new, |s| s.pending())
    }

    /// Schedule a snapshot after a change.
    pub(crate) fn changed(&mut self, now: Instant) {
        if self.session.is_some() {
            self.due = Some(now + AUTOSAVE_DELAY);
        }
    }

    /// Remove this session's snapshot (after a save, or when the work was let go on purpose).
    pub(crate) fn clear(&mut self) {
        self.due = None;
        if let Some(session) = &self.session
            && self.written
        {
            // A snapshot that can't be removed is offered once more at the next start;
            // nothing is lost either way.
            let _ = session.clear();
            self.written = false;
        }
    }

    /// Time left until the snapshot is due, for scheduling a repaint.
    pub(crate) fn time_left(&self, now: Instant) -> Option<Duration> {
        self.due.map(|due| due.saturating_duration_since(now))
    }
}

/// Put `path` first in the recent list, without duplicates, at most [`MAX_RECENT`] long.
pub(crate) fn remember_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| *p != path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut recent = Vec::new();
        for name in ["/a.ron", "/b.ron", "/a.ron"] {
            remember_recent(&mut recent, Path::new(name));
        }
        assert_eq!(
            recent,
            vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]
        );
        for i in 0..20 {
            remember_recent(&mut recent, Path::new(&format!("/{i}.ron")));
        }
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0], PathBuf::from("/19.ron"));
    }

    #[test]
    fn changes_make_the_document_dirty_and_undoing_them_clean() {
        let start = Workspace::default();
        let mut doc = DocumentFile::untitled(start.clone());
        let mut changed = start.clone();
        changed.settings.search = "flood".into();
        doc.refresh_dirty(&changed);
        assert!(
            !doc.is_dirty(),
            "a search is how the user looks, not their work"
        );
        changed
            .claim_notes
            .insert(crate::analysis::ClaimId("c1".into()), "checked".into());
        doc.refresh_dirty(&changed);
        assert!(doc.is_dirty());
        doc.refresh_dirty(&start);
        assert!(!doc.is_dirty());
    }

    #[test]
    fn restored_work_stays_unsaved_until_saved() {
        let mut doc = DocumentFile::restored(None, None, WorkspaceLock::none());
        doc.refresh_dirty(&Workspace::default());
        assert!(doc.is_dirty());
        let stamp = FileStamp::of_bytes(b"x", None);
        doc.saved_as(
            PathBuf::from("/x.ron"),
            stamp,
            Workspace::default(),
            &Workspace::default(),
        );
        assert!(!doc.is_dirty());
        assert_eq!(doc.file_name().as_deref(), Some("x.ron"));
    }

    #[test]
    fn a_panicking_job_is_reported_not_lost() {
        let mut jobs = Jobs::default();
        jobs.spawn(JobKind::Save("x".into()), || panic!("boom"));
        let done = jobs.wait_all();
        assert!(
            matches!(done.as_slice(), [JobDone::Crashed { what }] if what.contains("saving 'x'"))
        );
        assert!(!jobs.any_running());
    }
}
