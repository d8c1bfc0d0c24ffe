//! Platform glue: the Windows console for the command line, the app's identity (id, icon), and
//! where each OS keeps claimdiff's files.
//!
//! | what | Linux and other Unixes | macOS | Windows |
//! | --- | --- | --- | --- |
//! | preferences ([`preferences_file`]) | `$XDG_DATA_HOME/claimdiff/app.ron`, else `~/.local/share/claimdiff/app.ron` | `~/Library/Application Support/claimdiff/app.ron` | `%APPDATA%\claimdiff\data\app.ron` |
//! | recovery snapshots ([`recovery_dir`]) | `$XDG_DATA_HOME/claimdiff/recovery`, else `~/.local/share/claimdiff/recovery` | `~/Library/Application Support/claimdiff/recovery` | `%APPDATA%\claimdiff\recovery` |
//!
//! `CLAIMDIFF_RECOVERY_DIR` overrides the recovery folder on every OS.

use std::path::PathBuf;

pub use crate::workspace::recovery_dir;

/// The app id: the name of eframe's storage folder, the Wayland app id and the X11 `WM_CLASS`
/// (give it to `ViewportBuilder::with_app_id` so they all agree).
pub const APP_ID: &str = "claimdiff";

/// The reverse-DNS identifier of the macOS bundle (`CFBundleIdentifier`).
pub const BUNDLE_ID: &str = "org.claimdiff.claimdiff";

/// The app icon, 256×256 PNG (made by `assets/icon.py`, like the `.ico` and `.icns`).
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon-256.png");

/// The window icon (title bar, task bar, Alt+Tab) for `ViewportBuilder::with_icon`.
///
/// macOS takes the Dock icon from the `.app` bundle instead.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default()
}

/// The folder where eframe keeps claimdiff's preferences (window size, theme, panels), as
/// `app.ron`; `None` when the OS names no per-user data folder (no home directory).
pub fn preferences_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// The preferences file eframe reads at start and writes on exit and every 30 s.
pub fn preferences_file() -> Option<PathBuf> {
    preferences_dir().map(|dir| dir.join("app.ron"))
}

/// Let the command line print to the console it was started from.
///
/// The Windows release exe is a windowed ("GUI subsystem") program, so Windows gives it no
/// console: without this, `claimdiff.exe compare …` typed in cmd.exe or PowerShell prints
/// nothing. This attaches to the parent process's console when there is one, and points
/// standard output and error at it unless they were already redirected (`> file`, `| more`),
/// which keeps working as before.
///
/// Call it before anything is printed: when a subcommand runs, when clap prints help, the
/// version or a usage error, and before reporting that the window could not open. Not when the
/// window opens: a window started from a console then stays independent of it (an attached
/// process is closed with its console). Started from Explorer there is no console to attach
/// to and this does nothing; so it does on other systems, and when the exe is a console
/// program (debug builds).
///
/// cmd.exe does not wait for a windowed program, so its prompt may appear before the output;
/// `start /wait claimdiff.exe …` or piping the output waits for it.
pub fn attach_console() {
    #[cfg(windows)]
    windows::attach_console();
}

#[cfg(windows)]
mod windows {
    use std::os::windows::io::IntoRawHandle as _;

    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetConsoleWindow, GetStdHandle, STD_ERROR_HANDLE,
        STD_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
    };

    fn usable(handle: HANDLE) -> bool {
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }

    pub(super) fn attach_console() {
        // SAFETY: these calls take and return plain values; no pointer is dereferenced.
        unsafe {
            if !GetConsoleWindow().is_null() {
                return; // already a console program (debug build) or already attached
            }
            let std_ids = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];
            let before: [HANDLE; 3] = std_ids.map(|id| GetStdHandle(id));
            if usable(before[1]) && usable(before[2]) {
                return; // output and errors already go to files or pipes
            }
            if AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
                return; // started from Explorer or another windowed program: no console
            }
            for (id, handle) in std_ids.into_iter().zip(before) {
                if usable(handle) {
                    // Keep what the parent redirected: attaching may have replaced it.
                    SetStdHandle(id, handle);
                } else if !usable(GetStdHandle(id)) {
                    open_console_handle(id);
                }
            }
        }
    }

    /// Point one standard handle at the attached console's own input or output buffer.
    fn open_console_handle(id: STD_HANDLE) {
        let name = if id == STD_INPUT_HANDLE {
            "CONIN$"
        } else {
            "CONOUT$"
        };
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name);
        if let Ok(file) = opened {
            // SAFETY: the handle was just opened and is handed over for the process lifetime.
            unsafe {
                SetStdHandle(id, file.into_raw_handle() as HANDLE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_decodes_at_full_size() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Transparent corners, opaque centre: a real icon, not a filled square.
        assert_eq!(icon.rgba[3], 0);
        let centre = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }

    #[test]
    fn preferences_live_in_the_documented_folder() {
        let Some(file) = preferences_file() else {
            return; // no home directory on this machine
        };
        assert!(file.ends_with("app.ron"));
        let dir = file.parent().expect("a folder");
        if cfg!(windows) {
            assert!(dir.ends_with(r"claimdiff\data"), "{}", dir.display());
        } else {
            assert!(dir.ends_with("claimdiff"), "{}", dir.display());
        }
        if cfg!(target_os = "macos") {
            assert!(
                dir.to_string_lossy()
                    .contains("Library/Application Support")
            );
        }
    }

    #[test]
    fn ids_match_the_package_metadata() {
        let toml = include_str!("../Cargo.toml");
        assert!(toml.contains(&format!("identifier = \"{BUNDLE_ID}\"")));
        assert!(toml.contains(&format!("name = \"{APP_ID}\"")));
    }

    #[test]
    fn attach_console_is_harmless_in_a_console_or_elsewhere() {
        attach_console();
        attach_console();
    }
}
