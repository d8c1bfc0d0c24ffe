//! Windows builds: embed the app icon (assets/icon.ico) and version information in
//! claimdiff.exe, so Explorer, the task bar and the file's Properties show them. Other targets
//! build nothing here.
//!
//! The resource compiler is `x86_64-w64-mingw32-windres` (mingw-w64, also for cross checks from
//! Linux) or the Windows SDK's rc.exe (MSVC). Without one the exe is still built, with a
//! warning, and without its icon.

// A build script that cannot read what cargo gives it has nothing sensible to do but stop.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse().unwrap_or(0))
        .collect();
    let [major, minor, patch] = [0, 1, 2].map(|i| numbers.get(i).copied().unwrap_or(0));
    let icon = manifest_dir.join("assets").join("icon.ico");
    let icon = icon.display().to_string().replace('\\', "\\\\");
    let description = env::var("CARGO_PKG_DESCRIPTION")
        .unwrap_or_default()
        .replace('"', "'");

    let rc = format!(
        r#"1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "claimdiff"
      VALUE "FileDescription", "claimdiff"
      VALUE "Comments", "{description}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "claimdiff"
      VALUE "OriginalFilename", "claimdiff.exe"
      VALUE "ProductName", "claimdiff"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#
    );
    let rc_path = out_dir.join("claimdiff.rc");
    fs::write(&rc_path, rc).expect("write claimdiff.rc");
    if let Err(e) = embed_resource::compile_for(&rc_path, ["claimdiff"], embed_resource::NONE)
        .manifest_optional()
    {
        println!(
            "cargo:warning=claimdiff.exe is built without its icon and version information: {e}"
        );
    }
}
