//go:build unix

package limits_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// TestReadFileSpecial checks that every kind of file that is not a
// regular one is refused at once, with one line naming the file: before
// the fix a FIFO or /dev/zero made the batch input hash read forever.
func TestReadFileSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "wbs.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a,b\n"), 300), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.csv")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path, want string }{
		{"fifo", fifo, "named pipe (FIFO)"},
		{"dev zero", "/dev/zero", "is a device"},
		{"symlink to a device", link, "is a device"},
		{"directory", dir, "is a directory"},
		{"missing", filepath.Join(dir, "nope.csv"), "file not found"},
		{"too large", big, "over pmo's limit of 1,000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := limits.ReadFile(tc.path, diag.Pos{File: "input"}, 1000)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ReadFile blocked") // a hang is the defect itself; no timing is measured
			}
			var ie *diag.InputError
			if !errors.As(err, &ie) || !strings.Contains(ie.Msg, tc.want) || !strings.HasPrefix(err.Error(), "input: ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %v, want one line naming input with %q", err, tc.want)
			}
			if ie.MsgJA == "" {
				t.Errorf("no Japanese wording for %q", ie.Msg)
			}
			if tc.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("missing file does not wrap fs.ErrNotExist")
			}
		})
	}
}

// TestReadFileBound reads a regular file at the limit and one byte over.
func TestReadFileBound(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 100), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := limits.ReadFile(path, diag.Pos{File: "p.yaml"}, 100)
	if err != nil || len(data) != 100 {
		t.Fatalf("at the limit: %d bytes, %v", len(data), err)
	}
	if _, err := limits.ReadFile(path, diag.Pos{File: "p.yaml"}, 99); err == nil {
		t.Fatal("one byte over the limit was read")
	}
	// Read bounds what a reader gives even when it reported less.
	if _, err := limits.Read(strings.NewReader(strings.Repeat("y", 50)), diag.Pos{File: "s"}, 10, 40); err == nil {
		t.Fatal("Read took more than max")
	}
}
