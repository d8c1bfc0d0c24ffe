//! Whether another process is still running: decides which stray temporary files, recovery
//! snapshots and workspace locks belong to a live instance.

use std::path::Path;

/// Whether process `pid` is running: `Some` on Linux (from `/proc`), `None` where unknown.
pub(crate) fn process_alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if cfg!(target_os = "linux") && proc.join("self").exists() {
        Some(proc.join(pid.to_string()).exists())
    } else {
        None
    }
}
