package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var testDate = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// TestPackIsDeterministic packs the same files twice and checks the bytes,
// the entries, their dates and the Windows line ends.
func TestPackIsDeterministic(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	files, err := extra(root)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Root: root, Version: "v1.0.0", Date: testDate}
	bin := []byte("MZ not really a program\n")
	for _, target := range []Target{{"windows", "amd64"}, {"linux", "amd64"}} {
		name1, a, err := pack(o, target, bin, files)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond) // a clock read anywhere would now differ
		name2, b, err := pack(o, target, bin, files)
		if err != nil {
			t.Fatal(err)
		}
		if name1 != name2 || !bytes.Equal(a, b) {
			t.Errorf("%s: two packs differ (%s, %d and %d bytes)", target, name1, len(a), len(b))
		}
		got := entries(t, name1, a)
		exe := "pmo"
		if target.OS == "windows" {
			exe = "pmo.exe"
		}
		for _, want := range []string{exe, "README.md", "IPA_Font_License_Agreement_v1.0.txt"} {
			e, ok := got[want]
			if !ok {
				t.Errorf("%s: %s missing (has %v)", name1, want, keys(got))
				continue
			}
			if !e.mod.Equal(testDate) {
				t.Errorf("%s: %s dated %v, want %v", name1, want, e.mod, testDate)
			}
			if want == "README.md" {
				crlf := bytes.Contains(e.data, []byte("\r\n"))
				if crlf != (target.OS == "windows") {
					t.Errorf("%s: README.md has CRLF = %v", name1, crlf)
				}
			}
		}
		if !bytes.Equal(got[exe].data, bin) {
			t.Errorf("%s: the program differs", name1)
		}
	}
}

type packed struct {
	data []byte
	mod  time.Time
}

func keys(m map[string]packed) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// entries reads a .zip or .tar.gz back with the standard readers.
func entries(t *testing.T, name string, data []byte) map[string]packed {
	t.Helper()
	out := map[string]packed{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			out[f.Name] = packed{b, f.Modified.UTC()}
		}
		return out
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name] = packed{b, h.ModTime.UTC()}
	}
	return out
}

// TestReproducibleBuild builds the Windows release twice, the second time
// from a copy of the source at another path, and compares the archives
// byte for byte. It compiles pmo, so it runs under CI (or with
// PMO_RELEASE_TEST=1) only.
func TestReproducibleBuild(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("PMO_RELEASE_TEST") == "" {
		t.Skip("compiles pmo twice; runs under CI or with PMO_RELEASE_TEST=1")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	copyRoot := filepath.Join(t.TempDir(), "elsewhere", "pmo")
	copyTree(t, root, copyRoot)
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	var sums []string
	for i, r := range []string{root, copyRoot} {
		o := Options{Root: r, Out: filepath.Join(t.TempDir(), "dist"), Version: "v0.0.0-test", Commit: "0123456789abcdef",
			Date: testDate, Targets: []Target{{"windows", "amd64"}}, Go: goCmd}
		names, err := Build(o)
		if err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if len(names) != 1 || names[0] != "pmo_v0.0.0-test_windows_amd64.zip" {
			t.Fatalf("build %d made %v", i+1, names)
		}
		s, err := os.ReadFile(filepath.Join(o.Out, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, string(s))
		data, err := os.ReadFile(filepath.Join(o.Out, names[0]))
		if err != nil {
			t.Fatal(err)
		}
		exe := entries(t, names[0], data)["pmo.exe"].data
		for _, want := range []string{"v0.0.0-test", "0123456789abcdef"} {
			if !bytes.Contains(exe, []byte(want)) {
				t.Errorf("build %d: %q is not stamped into pmo.exe", i+1, want)
			}
		}
		if bytes.Contains(exe, []byte(root)) {
			t.Errorf("build %d: pmo.exe contains the source path %s (-trimpath)", i+1, root)
		}
	}
	if sums[0] != sums[1] {
		t.Errorf("the two builds differ:\n%s\n%s", sums[0], sums[1])
	}
}

// copyTree copies the files git knows of (committed or not ignored) from
// src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = src
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(src, rel))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
