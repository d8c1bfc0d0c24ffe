#!/usr/bin/env bash
# C compiler for `cargo clippy --target *-apple-darwin` on Linux, where no macOS SDK exists.
#
# A check never links, but build scripts still compile their C (criterion -> alloca): this runs
# the host's cc without the Apple-only flags so those build scripts finish. The objects it makes
# are host objects, good only for type-checking the Rust above them; nothing built with this
# wrapper may be linked or shipped.
args=()
skip=0
for a in "$@"; do
  if [ $skip = 1 ]; then skip=0; continue; fi
  case "$a" in
    -arch) skip=1 ;;
    -mmacosx-version-min=* | -mmacos-version-min=* | --target=* | -mcpu=apple* | -isysroot) ;;
    *) args+=("$a") ;;
  esac
done
exec cc "${args[@]}"
