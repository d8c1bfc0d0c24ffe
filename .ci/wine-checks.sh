#!/usr/bin/env bash
# The Windows release exe, run under Wine: .ci/wine-checks.sh EXE OUT_DIR
#
# 1. the exe is a windowed program carrying its icon and version information;
# 2. `claimdiff.exe --version` and `compare --demo --format json` run (the JSON is saved as
#    OUT_DIR/windows-demo.json for tests/platform.rs to compare with the Linux build);
# 3. started from a console the way cmd.exe starts it, the command line prints in that console;
# 4. the window opens under Xvfb and stays up: OUT_DIR/wine-window.png is a screenshot of it.
#
# Needs ../shared/tools beside the clone (the bcryptprimitives shim Wine 8 needs for Rust, and
# screenshot.sh). Without it this prints SKIPPED and exits 0; .ci/run then runs the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:?usage: .ci/wine-checks.sh EXE OUT_DIR}
out=${2:?usage: .ci/wine-checks.sh EXE OUT_DIR}
tools=$PWD/../shared/tools
if [ ! -f "$tools/wine-shim/bcryptprimitives.c" ] || [ ! -f "$tools/screenshot.sh" ]; then
  echo "SKIPPED: no ../shared/tools/wine-shim beside the clone, so the Windows exe is not run under Wine"
  exit 0
fi
mkdir -p "$out"
rm -f "$out"/windows-demo.json "$out"/console*.txt "$out"/wine-window.png*
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

echo "-- the exe: windowed, with icon and version information"
python3 - "$exe" "$version" <<'EOF'
import struct, sys
path, version = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
pe = struct.unpack_from("<I", data, 0x3C)[0]
assert data[pe:pe + 4] == b"PE\0\0", "not a PE file"
subsystem = struct.unpack_from("<H", data, pe + 24 + 68)[0]
if subsystem != 2:
    sys.exit(f"{path}: subsystem {subsystem}, not 2 (windowed): main.rs needs "
             '#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]')
for text in ["ProductName", "claimdiff.exe", version]:
    if text.encode("utf-16-le") not in data:
        sys.exit(f"{path}: no version information ({text!r} missing): see build.rs")
print(f"windowed (subsystem 2), version information {version}, {len(data) // 1024} KiB")
EOF

export WINEPREFIX=${WINEPREFIX:-$(dirname "$out")/wineprefix} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

# A private X display from the start: Wine's consoles are drawn there (without a display when
# wineserver starts, a console cannot be read back).
d=70
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1600x1000x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
export DISPLAY=:$d WAYLAND_DISPLAY=
wineserver -k 2>/dev/null || true # a Wine session left running would keep its old display
wineserver -w 2>/dev/null || true
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "-- creating the Wine prefix"
  wine wineboot --init >/dev/null 2>&1 || true
fi
shim=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
x86_64-w64-mingw32-gcc -O2 -shared -o "$shim" \
  "$tools/wine-shim/bcryptprimitives.c" "$tools/wine-shim/bcryptprimitives.def" -ladvapi32
x86_64-w64-mingw32-gcc -O2 -o "$out/console-probe.exe" .ci/console-probe.c

echo "-- claimdiff.exe --version"
got=$(wine "$exe" --version </dev/null | tr -d '\r')
[ "$got" = "claimdiff $version" ] || { echo "expected 'claimdiff $version', got '$got'" >&2; exit 1; }
echo "$got"

echo "-- claimdiff.exe compare --demo --format json"
wine "$exe" compare --demo --format json </dev/null >"$out/windows-demo.json"
python3 - "$out/windows-demo.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
groups, claims = report["groups"], report["claims"]
assert groups and claims, "no groups or claims"
print(f"{len(claims)} claims in {len(groups)} groups (compared with the Linux build by tests/platform.rs)")
EOF
wine "$exe" compare --demo </dev/null | tr -d '\r' >"$out/windows-demo.txt"

echo "-- started from a console, the command line prints there"
wine "$out/console-probe.exe" "$out/console-version.txt" -- "$exe" --version </dev/null
grep -qx "claimdiff $version" "$out/console-version.txt" ||
  { echo "the console shows:" >&2; cat "$out/console-version.txt" >&2; exit 1; }
wine "$out/console-probe.exe" "$out/console-compare.txt" -- "$exe" compare --demo </dev/null
last=$(grep -v '^$' "$out/windows-demo.txt" | tail -n 1)
grep -qxF "$last" "$out/console-compare.txt" ||
  { echo "the console lacks '$last'; it shows:" >&2; tail "$out/console-compare.txt" >&2; exit 1; }
echo "ok: the console shows 'claimdiff $version' and the comparison"
# The window gets screenshot.sh's own display: stop this Wine session and display first.
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true
kill $xvfb 2>/dev/null || true

echo "-- the window under Xvfb (Vulkan via lavapipe)"
WGPU_BACKEND=vulkan bash "$tools/screenshot.sh" "$out/wine-window.png" --wait 10 -- wine "$exe"
colours=$(identify -format '%k' "$out/wine-window.png")
size=$(identify -format '%wx%h' "$out/wine-window.png")
echo "the window stayed up 10 s: $size, $colours colours"
[ "$colours" -gt 50 ] || { echo "the screenshot is nearly blank" >&2; exit 1; }
