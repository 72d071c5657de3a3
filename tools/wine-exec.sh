#!/bin/sh
# go test -exec wrapper: runs a Windows test binary under wine (see
# tools/wine-smoke.sh for the prefix it needs, and tools/winetest).
exec "${WINE:-/usr/lib/wine/wine64}" "$@"
