package config

import (
	"path/filepath"
	"runtime"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// resolve joins a path written in a YAML file (file:, projects:, output:)
// with the file's folder. Both \ and / separate folders on every system,
// so a definition written on Windows (teams\基盤\WBS.xlsx) also works
// elsewhere; absolute paths, drive letters and \\server\share included on
// Windows, are taken as they are.
func resolve(dir, file string) string {
	f := filepath.FromSlash(strings.ReplaceAll(file, `\`, "/"))
	if filepath.IsAbs(f) {
		return filepath.Clean(f)
	}
	return filepath.Join(dir, f)
}

// windowsAbs tells whether path is an absolute Windows path: a drive
// letter (C:\ or C:/) or a share (\\server\share or //server/share).
func windowsAbs(path string) bool {
	p := strings.ReplaceAll(path, `\`, "/")
	if len(p) >= 3 && p[1] == ':' && p[2] == '/' {
		c := p[0] | 0x20
		return 'a' <= c && c <= 'z'
	}
	return len(p) > 2 && strings.HasPrefix(p, "//") && p[2] != '/'
}

// foreignPath tells whether path can only be opened on Windows while
// pmo runs elsewhere: C:\… and \\server\… mean nothing on macOS or Linux
// (a share is mounted under some folder there instead).
func foreignPath(path, goos string) bool { return goos != "windows" && windowsAbs(path) }

// checkPath reports a Windows-only path in key at pos, when pmo does not
// run on Windows; the path is still resolved, so the reader's own "not
// found" follows from the same place.
func checkPath(found *diag.Findings, key, path string, pos diag.Pos) {
	if foreignPath(path, runtime.GOOS) {
		found.Add(diag.Error, RuleBadValue, pos, "%s %q is a Windows path (a drive letter or a \\\\server share), which cannot be opened on this system; write it relative to the YAML file", key, clip(path, 80))
	}
}
