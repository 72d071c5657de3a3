package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "project.yaml")
	if err := os.WriteFile(path, []byte(minimal), 0o600); err != nil {
		t.Fatal(err)
	}
	p, found, err := Load(path)
	if err != nil || len(found) != 0 {
		t.Fatalf("err %v, findings %v", err, found)
	}
	if p.Dir != dir || p.Sources[0].Path != filepath.Join(dir, "teams", "基盤", "WBS.xlsx") {
		t.Errorf("Dir %q, source path %q", p.Dir, p.Sources[0].Path)
	}
	// Positions name the file relative to its own folder, whatever the
	// working directory: outputs are the same from anywhere.
	if p.Project.StartPos.File != "project.yaml" {
		t.Errorf("positions name %q, want project.yaml", p.Project.StartPos.File)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large to Stat, cheap to make.
	if err := errors.Join(f.Truncate(limits.YAMLBytes+1), f.Close()); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.yaml")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, msg string
		notExist        bool
	}{
		{"missing", filepath.Join(dir, "nope.yaml"), "file not found", true},
		{"directory", dir, "is a directory", false},
		{"too large", big, "over pmo's limit of 8 MB", false},
		{"device", os.DevNull, "is a device", false},
		{"empty", empty, "file is empty", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Load(tc.path)
			var ie *diag.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *diag.InputError", err)
			}
			at := tc.path
			if tc.name == "empty" { // read, then parsed: named as positions are
				at = filepath.Base(tc.path)
			}
			if ie.Pos.File != at || !strings.Contains(ie.Msg, tc.msg) {
				t.Errorf("got %q at %v, want %q at %s", ie.Msg, ie.Pos, tc.msg, at)
			}
			if errors.Is(err, fs.ErrNotExist) != tc.notExist {
				t.Errorf("errors.Is(err, fs.ErrNotExist) = %v", !tc.notExist)
			}
			// The message writes the file with / on every system.
			if strings.Count(err.Error(), filepath.ToSlash(at)) != 1 {
				t.Errorf("message names the path other than once: %q", err.Error())
			}
		})
	}
}

// aliasBomb returns a "billion laughs" document of at least size bytes:
// each level refers nine times to the one before, so expanding it would
// take 9^depth copies.
func aliasBomb(size int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\nl0: &l0 [lol]\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("many: [")
	for b.Len() < size {
		b.WriteString("*l39, ")
	}
	b.WriteString("*l39]\n")
	return []byte(b.String())
}

func TestLoadAliasBomb(t *testing.T) {
	t.Parallel()
	data := aliasBomb(1 << 20)
	path := filepath.Join(t.TempDir(), "bomb.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err := Load(path)
	elapsed := time.Since(start)
	var ie *diag.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Msg, "aliases are not supported (*l0)") || ie.Pos.Row != 3 || ie.Pos.Col != 10 {
		t.Fatalf("err = %v, want aliases refused at 3:10", err)
	}
	// Expansion would never finish; the bound only tells "refused" from
	// "expanded", so it is far above the measured time (see BenchmarkAliasBomb).
	if elapsed > 5*time.Second {
		t.Errorf("refusing a 1 MB alias bomb took %v", elapsed)
	}
}

func BenchmarkAliasBomb(b *testing.B) {
	data := aliasBomb(1 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Parse("bomb.yaml", data); err == nil {
			b.Fatal("bomb accepted")
		}
	}
}
