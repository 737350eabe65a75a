#!/usr/bin/env bash
# Build aisnode and aisloader (AIStore v1.5.0 = AIS 5.0) from the Go module proxy into a cache
# directory, reusing binaries already built for this version. Never depends on the cache.
#   scripts/build-ais.sh                 build if needed, print timings
#   scripts/build-ais.sh --print-bin-dir print the binary directory and exit
set -euo pipefail

AIS_VERSION=v1.5.0
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin_dir="${AIS_BIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aistore-hl/ais-${AIS_VERSION}}"

if [[ "${1:-}" == "--print-bin-dir" ]]; then
  echo "$bin_dir"
  exit 0
fi

command -v go >/dev/null || { echo "build-ais: Go toolchain not found (need Go >= 1.26)" >&2; exit 1; }
mkdir -p "$bin_dir"

# A binary counts as built only if it runs and reports AIS 5.0 built from this module version.
have_aisnode() { [[ -x "$bin_dir/aisnode" ]] && "$bin_dir/aisnode" version 2>&1 | grep -q "5.0.${AIS_VERSION}"; }

export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-mod=readonly -trimpath -buildvcs=false"
cd "$here/aisnode"

if have_aisnode; then
  echo "build-ais: aisnode $AIS_VERSION cached in $bin_dir"
else
  start=$(date +%s)
  # -tags mono: monotonic nanotime, as the official `make node` build.
  go build -tags mono -ldflags "-s -w -X main.build=${AIS_VERSION}" -o "$bin_dir/aisnode.tmp" github.com/NVIDIA/aistore/cmd/aisnode
  mv "$bin_dir/aisnode.tmp" "$bin_dir/aisnode"
  echo "build-ais: built aisnode $AIS_VERSION in $(( $(date +%s) - start ))s -> $bin_dir/aisnode"
fi

if [[ "${AIS_SKIP_AISLOADER:-0}" != 1 && ! -x "$bin_dir/aisloader" ]]; then
  start=$(date +%s)
  # aisloader is only a benchmark peer: failing to build it must not fail the test setup.
  if go build -ldflags "-s -w" -o "$bin_dir/aisloader.tmp" github.com/NVIDIA/aistore/cmd/aisloader; then
    mv "$bin_dir/aisloader.tmp" "$bin_dir/aisloader"
    echo "build-ais: built aisloader in $(( $(date +%s) - start ))s"
  else
    echo "build-ais: WARNING: aisloader did not build (benchmarks will report it missing)" >&2
  fi
fi
