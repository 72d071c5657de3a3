#!/usr/bin/env bash
# Windows smoke test under wine (Debian's wine64): compiles every package's
# tests for windows/amd64, then runs the examples batch with the Windows
# pmo.exe — given a portfolio path written with backslashes — and checks
# its outputs are byte for byte those of the native build, and that it
# reads a project definition saved by Notepad in Shift_JIS with CRLF.
#
# Why not the whole `go test ./...` under wine: wine 8 lacks the
# FileDispositionInformationEx call Go 1.26's os.RemoveAll uses, so every
# test using t.TempDir fails at cleanup ("unlinkat …: Invalid function")
# whatever it tested; see the README's Windows section.
set -euo pipefail
cd "$(dirname "$0")/.."
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
tmp=$(mktemp -d)
trap '"$(dirname "$wine")/wineserver" -k 2>/dev/null; rm -rf "$tmp" 2>/dev/null || true' EXIT
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all

# One wineserver for the whole script, started before anything else: by
# default it exits a few seconds after its last client, and a wine started
# just then fails with "recvmsg: Connection reset by peer" (seen on a
# loaded CI machine). The trap stops it.
mkdir -p "$WINEPREFIX"
"$(dirname "$wine")/wineserver" -p
"$wine" wineboot -i >/dev/null 2>&1
# Go ≥ 1.24 needs bcryptprimitives.dll (ProcessPrng), which wine 8 lacks: a
# DLL forwarding it to advapi32's SystemFunction036 (RtlGenRandom, the
# same system generator) stands in.
printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n  ProcessPrng = advapi32.SystemFunction036\n' >"$tmp/bp.def"
: >"$tmp/empty.s"
x86_64-w64-mingw32-as "$tmp/empty.s" -o "$tmp/empty.o"
x86_64-w64-mingw32-ld --shared --entry=0 --no-insert-timestamp -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$tmp/bp.def" "$tmp/empty.o"

echo "wine-smoke: compiling every test binary for windows/amd64"
mkdir -p "$tmp/tests"
# One package at a time, each binary named by its import path: "go test -c
# -o DIR/ ./..." names them by the package's last element, and two
# packages of one name (internal/synth, internal/batch/synth) collide.
for pkg in $(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...); do
	GOOS=windows GOARCH=amd64 go test -c -o "$tmp/tests/$(echo "${pkg#github.com/pmokit/pmo/}" | tr / _).test.exe" "$pkg"
done
ls "$tmp/tests" | sed 's/^/  /'

GOOS=windows GOARCH=amd64 go build -o "$tmp/pmo.exe" ./cmd/pmo
go build -o "$tmp/pmo" ./cmd/pmo
"$wine" "$tmp/pmo.exe" version

echo "wine-smoke: examples batch, native and Windows"
"$tmp/pmo" batch examples/portfolio.yaml -o "$tmp/native" --fail-on none --quiet
"$wine" "$tmp/pmo.exe" batch 'examples\portfolio.yaml' -o "$tmp/windows" --fail-on none --quiet
# .pmo-result.json is the reuse cache, kept in the form of the system that
# made it; the history database numbers its rows in the order parallel
# projects finish, so it is compared by content.
diff -r -x .pmo-result.json -x history.db "$tmp/native" "$tmp/windows"
/usr/bin/python3 - "$tmp/native/.pmo/history.db" "$tmp/windows/.pmo/history.db" <<'PY'
import sqlite3, sys
def content(path):
    c = sqlite3.connect(path)
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}, \
        sorted(r[0] for r in c.execute("SELECT key FROM entity"))
a, b = content(sys.argv[1]), content(sys.argv[2])
if a != b:
    sys.exit(f"history.db differs: native {a[0]}, windows {b[0]}")
print("  history.db: same tables, row counts and task keys", a[0])
PY
find "$tmp/windows" -type f | sort | sed "s|$tmp/windows/|  |"

echo "wine-smoke: a Shift_JIS, CRLF project definition with backslash paths"
mkdir -p "$tmp/sjis"
cp -r examples/kikan/teams "$tmp/sjis/"
sed -e 's|teams/基盤/|teams\\基盤\\|; s/$/\r/' examples/kikan/project.yaml | iconv -f UTF-8 -t CP932 >"$tmp/sjis/project.yaml"
"$wine" "$tmp/pmo.exe" validate --lang en "$tmp/sjis/project.yaml" >"$tmp/sjis.out" || true
grep -q 'Shift_JIS (CP932)' "$tmp/sjis.out" || { cat "$tmp/sjis.out"; echo "wine-smoke: no encoding note" >&2; exit 1; }
if grep -q 'source-unreadable' "$tmp/sjis.out"; then cat "$tmp/sjis.out"; echo "wine-smoke: a source was not read" >&2; exit 1; fi
echo "wine-smoke: ok"
