package xlsxcheck

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// SheetCount is one sheet as a node reader sees it: its name and the
// number of cells holding a value.
type SheetCount struct {
	Name  string `json:"name"`
	Cells int    `json:"cells"`
}

// NodeResult is what SheetJS and ExcelJS made of one workbook (see
// tools/xlsx-readers/read.js).
type NodeResult struct {
	File         string       `json:"file"`
	SheetJS      []SheetCount `json:"sheetjs"`
	ExcelJS      []SheetCount `json:"exceljs"`
	SheetJSError string       `json:"sheetjs_error"`
	ExcelJSError string       `json:"exceljs_error"`
	Disagree     string       `json:"disagree"`
}

// Failure says why the readers did not both open the file alike, "" when
// they did.
func (r NodeResult) Failure() string {
	var s []string
	if r.SheetJSError != "" {
		s = append(s, "SheetJS: "+r.SheetJSError)
	}
	if r.ExcelJSError != "" {
		s = append(s, "ExcelJS: "+r.ExcelJSError)
	}
	if r.Disagree != "" {
		s = append(s, r.Disagree)
	}
	return strings.Join(s, "; ")
}

// ReadersDir is tools/xlsx-readers of the module holding the working
// folder (go test runs in the package's folder): the first parent with a
// go.mod.
func ReadersDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "tools", "xlsx-readers"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working folder")
		}
		dir = parent
	}
}

// NodeReaders opens files with SheetJS and ExcelJS through the script in
// dir, whose node_modules `npm ci` installed. The error is for a script
// that could not run at all; a file the readers fail on is a result.
func NodeReaders(ctx context.Context, dir string, files ...string) ([]NodeResult, error) {
	if len(files) == 0 {
		return nil, nil
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, err
	}
	abs := make([]string, len(files))
	for i, f := range files {
		if abs[i], err = filepath.Abs(f); err != nil {
			return nil, err
		}
	}
	cmd := exec.CommandContext(ctx, node, append([]string{"read.js"}, abs...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var out []NodeResult
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r NodeResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("read.js printed %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	if len(out) != len(files) {
		return nil, fmt.Errorf("read.js: %v, %d results for %d files\n%s", runErr, len(out), len(files), stderr.String())
	}
	return out, nil
}

// CheckWithNode opens files with SheetJS and ExcelJS and fails t for
// every file either reader cannot open. Without node or the readers'
// node_modules it logs why and checks nothing (so the caller's other
// checks still run), except under CI, where .ci/run installs them and
// their absence is a failure.
func CheckWithNode(t testing.TB, files ...string) []NodeResult {
	t.Helper()
	dir, err := ReadersDir()
	if err != nil {
		t.Fatal(err)
	}
	missing := ""
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not installed"
	} else if _, err := os.Stat(filepath.Join(dir, "node_modules", "exceljs")); err != nil {
		missing = "the readers are not installed (npm ci --prefix tools/xlsx-readers)"
	}
	if missing != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s", missing)
		}
		t.Logf("not opened with SheetJS and ExcelJS: %s; set CI to require them", missing)
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	rs, err := NodeReaders(ctx, dir, files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if f := r.Failure(); f != "" {
			t.Errorf("%s: %s", filepath.Base(r.File), f)
		}
	}
	return rs
}
