// Command release cross-compiles pmo for the release targets and packs
// each build with the README and the licence files: a .zip for Windows, a
// .tar.gz elsewhere, and SHA256SUMS over them all.
//
// The builds are reproducible: -trimpath, no VCS stamp but the commit
// given, no build id, cgo off, and every archive entry dated at -date (the
// commit's time), so two runs over the same commit give the same bytes.
// tools/release.sh passes the version, commit and date from git.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Target is one GOOS/GOARCH pair.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// Targets are the systems pmo is released for: the PMO's Windows laptop
// first.
func Targets() []Target {
	return []Target{
		{"windows", "amd64"}, {"windows", "arm64"},
		{"darwin", "arm64"}, {"darwin", "amd64"},
		{"linux", "amd64"},
	}
}

// Options say what to build.
type Options struct {
	Root    string    // the module's root folder
	Out     string    // where the archives go
	Version string    // stamped into main.version and the archive names
	Commit  string    // stamped into main.commit
	Date    time.Time // the modification time of every archive entry
	Targets []Target
	Go      string // the go command
}

// extra are the files packed beside the binary: the README and the
// licence of the embedded font, which its licence requires to travel with
// it; and the project's own licence when the repository has one.
func extra(root string) ([]string, error) {
	files := []string{"README.md", "templates/fonts/IPA_Font_License_Agreement_v1.0.txt"}
	more, err := filepath.Glob(filepath.Join(root, "LICENSE*"))
	if err != nil {
		return nil, err
	}
	for _, m := range more {
		files = append(files, filepath.Base(m))
	}
	return files, nil
}

// Build builds and packs every target and writes SHA256SUMS. It returns
// the archive names in target order.
func Build(o Options) ([]string, error) {
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, err
	}
	files, err := extra(o.Root)
	if err != nil {
		return nil, err
	}
	var names []string
	var sums strings.Builder
	for _, t := range o.Targets {
		bin, err := build(o, t)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		name, data, err := pack(o, t, bin, files)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		if err := os.WriteFile(filepath.Join(o.Out, name), data, 0o644); err != nil {
			return nil, err
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(data), name)
		names = append(names, name)
	}
	return names, os.WriteFile(filepath.Join(o.Out, "SHA256SUMS"), []byte(sums.String()), 0o644)
}

// build compiles pmo for t and returns the executable's bytes.
func build(o Options, t Target) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "pmo-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	exe := filepath.Join(tmp, "pmo")
	ldflags := fmt.Sprintf("-s -w -buildid= -X main.version=%s -X main.commit=%s", o.Version, o.Commit)
	cmd := exec.Command(o.Go, "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", exe, "./cmd/pmo")
	cmd.Dir = o.Root
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	return os.ReadFile(exe)
}

// entry is one file in an archive.
type entry struct {
	name string
	mode os.FileMode
	data []byte
}

// pack makes the archive of one target.
func pack(o Options, t Target, bin []byte, files []string) (string, []byte, error) {
	exe := "pmo"
	if t.OS == "windows" {
		exe = "pmo.exe"
	}
	entries := []entry{{exe, 0o755, bin}}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(o.Root, filepath.FromSlash(f)))
		if err != nil {
			return "", nil, err
		}
		if t.OS == "windows" {
			// Notepad before Windows 10 1809 shows LF-only text as one line.
			data = crlf(data)
		}
		entries = append(entries, entry{filepath.Base(f), 0o644, data})
	}
	base := fmt.Sprintf("pmo_%s_%s_%s", o.Version, t.OS, t.Arch)
	if t.OS == "windows" {
		data, err := zipArchive(entries, o.Date)
		return base + ".zip", data, err
	}
	data, err := tarGz(entries, o.Date)
	return base + ".tar.gz", data, err
}

func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// zipArchive writes entries in order, each dated date, compressed.
func zipArchive(entries []entry, date time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: date.UTC()}
		h.SetMode(e.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tarGz writes entries in order, each dated date and owned by root, in a
// gzip stream without a name or time of its own.
func tarGz(entries []entry, date time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: int64(e.mode), Size: int64(len(e.data)), ModTime: date.UTC(), Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// parseTargets reads "windows/amd64,linux/amd64"; "" means all.
func parseTargets(s string) ([]Target, error) {
	if s == "" {
		return Targets(), nil
	}
	var out []Target
	for _, part := range strings.Split(s, ",") {
		goos, arch, ok := strings.Cut(strings.TrimSpace(part), "/")
		t := Target{goos, arch}
		if !ok || !slices.Contains(Targets(), t) {
			return nil, fmt.Errorf("target %q is not one of the release targets", part)
		}
		out = append(out, t)
	}
	return out, nil
}

func main() {
	o := Options{Go: filepath.Join(runtime.GOROOT(), "bin", "go")}
	var targets string
	var epoch int64
	flag.StringVar(&o.Out, "o", "dist", "output folder")
	flag.StringVar(&o.Version, "version", "", "version to stamp (required)")
	flag.StringVar(&o.Commit, "commit", "", "commit to stamp (required)")
	flag.Int64Var(&epoch, "date", 0, "Unix time of the archive entries: the commit's time (required)")
	flag.StringVar(&targets, "targets", "", "comma-separated GOOS/GOARCH subset (default: all)")
	flag.Parse()
	err := func() error {
		if o.Version == "" || o.Commit == "" || epoch == 0 {
			return errors.New("-version, -commit and -date are required (tools/release.sh passes them)")
		}
		if strings.ContainsAny(o.Version+o.Commit, " \t'\"") {
			return errors.New("-version and -commit must not contain spaces or quotes")
		}
		var err error
		if o.Targets, err = parseTargets(targets); err != nil {
			return err
		}
		o.Date = time.Unix(epoch, 0)
		if o.Root, err = os.Getwd(); err != nil {
			return err
		}
		names, err := Build(o)
		for _, n := range names {
			st, _ := os.Stat(filepath.Join(o.Out, n))
			fmt.Printf("%s  %.1f MB\n", filepath.Join(o.Out, n), float64(st.Size())/1e6)
		}
		return err
	}()
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}
