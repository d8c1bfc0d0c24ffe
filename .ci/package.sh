#!/usr/bin/env bash
# Package a release build of claimdiff for users: .ci/package.sh TARGET [BINARY] [OUT_DIR]
#
#   *-linux-*    OUT/claimdiff-VERSION-ARCH-linux.tar.gz    (claimdiff, README, .desktop, icon)
#   *-windows-*  OUT/claimdiff-VERSION-ARCH-windows.zip     (claimdiff.exe, README)
#   *-darwin     OUT/claimdiff-VERSION-ARCH-macos.zip       (claimdiff.app: Info.plist, icon)
#
# BINARY defaults to target/TARGET/release/claimdiff[.exe]; OUT_DIR to dist/. Name, identifier
# and version come from Cargo.toml ([package] and [package.metadata.bundle]). Runs on Linux,
# macOS and Windows (Git Bash) with python3 or python for the archives. Prints the archive path.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: .ci/package.sh TARGET [BINARY] [OUT_DIR]}
exe=""
case "$target" in *windows*) exe=.exe ;; esac
bin=${2:-${CARGO_TARGET_DIR:-target}/$target/release/claimdiff$exe}
out=${3:-dist}
py=$(command -v python3 || command -v python) || { echo "package.sh: python is needed" >&2; exit 2; }
[ -f "$bin" ] || { echo "package.sh: no binary at $bin (build it first)" >&2; exit 2; }

# version, identifier, display name
read -r version identifier name < <(cargo metadata --no-deps --format-version 1 --offline |
  "$py" -c 'import json, sys
p = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == "claimdiff")
b = p["metadata"]["bundle"]
print(p["version"], b["identifier"], b["name"])' | tr -d '\r')
arch=${target%%-*}

# Paths stay relative to the repository: Windows' python does not read Git Bash's /tmp paths.
mkdir -p "$out"
stage=$out/.stage.$$
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT

# zip DIR_IN_STAGE ARCHIVE: a zip holding DIR and its files, executable bits kept
zip_dir() {
  "$py" - "$stage" "$1" "$2" <<'EOF'
import os, sys, zipfile
stage, src, dest = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
os.chdir(stage)
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            z.write(os.path.join(root, f))
EOF
}

case "$target" in
  *-linux-*)
    dir=claimdiff-$version-$arch-linux
    mkdir -p "$stage/$dir"
    install -m 755 "$bin" "$stage/$dir/claimdiff"
    cp README.md "$stage/$dir/"
    cp assets/icon-256.png "$stage/$dir/claimdiff.png"
    cat >"$stage/$dir/claimdiff.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=$name
Comment=Compare how different outlets cover the same news story, claim by claim
Exec=claimdiff %F
Icon=claimdiff
Terminal=false
Categories=Office;Utility;
MimeType=text/plain;text/markdown;text/html;
StartupWMClass=claimdiff
EOF
    archive=$out/$dir.tar.gz
    tar -C "$stage" -czf "$archive" "$dir"
    ;;
  *-windows-*)
    dir=claimdiff-$version-$arch-windows
    mkdir -p "$stage/$dir"
    cp "$bin" "$stage/$dir/claimdiff.exe"
    cp README.md "$stage/$dir/"
    archive=$out/$dir.zip
    zip_dir "$dir" "$archive"
    ;;
  *-darwin)
    case "$arch" in aarch64) min_os=11.0 ;; *) min_os=10.12 ;; esac
    app=$stage/$name.app/Contents
    mkdir -p "$app/MacOS" "$app/Resources"
    install -m 755 "$bin" "$app/MacOS/claimdiff"
    cp assets/icon.icns "$app/Resources/claimdiff.icns"
    printf 'APPL????' >"$app/PkgInfo"
    cat >"$app/Info.plist" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleDevelopmentRegion</key>
	<string>en</string>
	<key>CFBundleDisplayName</key>
	<string>$name</string>
	<key>CFBundleExecutable</key>
	<string>claimdiff</string>
	<key>CFBundleIconFile</key>
	<string>claimdiff</string>
	<key>CFBundleIdentifier</key>
	<string>$identifier</string>
	<key>CFBundleInfoDictionaryVersion</key>
	<string>6.0</string>
	<key>CFBundleName</key>
	<string>$name</string>
	<key>CFBundlePackageType</key>
	<string>APPL</string>
	<key>CFBundleShortVersionString</key>
	<string>$version</string>
	<key>CFBundleVersion</key>
	<string>$version</string>
	<key>LSApplicationCategoryType</key>
	<string>public.app-category.productivity</string>
	<key>LSMinimumSystemVersion</key>
	<string>$min_os</string>
	<key>NSHighResolutionCapable</key>
	<true/>
</dict>
</plist>
EOF
    # Ad-hoc signature: Apple silicon runs no unsigned code. Not notarized: see the README.
    if command -v codesign >/dev/null; then
      codesign --force --deep --sign - "$stage/$name.app"
    fi
    archive=$out/claimdiff-$version-$arch-macos.zip
    if command -v ditto >/dev/null; then
      ditto -c -k --keepParent "$stage/$name.app" "$archive"
    else
      zip_dir "$name.app" "$archive"
    fi
    ;;
  *)
    echo "package.sh: no package layout for $target" >&2
    exit 2
    ;;
esac
echo "$archive"
