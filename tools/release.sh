#!/usr/bin/env bash
# Builds the release archives of the checked-out commit into dist/ (or the
# folder given): pmo for windows/amd64, windows/arm64, darwin/arm64,
# darwin/amd64 and linux/amd64, each with README.md and the font licence
# (.zip for Windows, .tar.gz elsewhere), and SHA256SUMS.
#
#   tools/release.sh [OUT]            VERSION=v1.2.0 tools/release.sh
#
# The version is $VERSION, else `git describe --tags --always --dirty`; the
# archive entries are dated at the commit's time, so the same commit always
# gives the same bytes (tools/release/release_test.go checks it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
date=$(git log -1 --format=%ct 2>/dev/null || echo 1)
exec go run ./tools/release -o "$out" -version "$version" -commit "$commit" -date "$date" ${TARGETS:+-targets "$TARGETS"}
