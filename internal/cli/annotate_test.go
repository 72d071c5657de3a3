package cli

import (
	"archive/zip"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestAnnotateCommand: pmo annotate writes NAME_指摘.xlsx beside the input
// (the input unchanged), with the findings sheet first and a comment on a
// cell a finding names; it refuses a CSV, an -o of another kind and the
// input itself.
func TestAnnotateCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/kikan/teams/課題管理表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "課題管理表.xlsx")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(src)
	code, _, stderr := run(t, "annotate", in, "--as-of", "2026-11-20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after, _ := os.ReadFile(in)
	if sha256.Sum256(after) != before {
		t.Error("the input changed")
	}
	out := filepath.Join(dir, "課題管理表_指摘.xlsx")
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("%v (stderr %s)", err, stderr)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 2 || sheets[0] != "pmo指摘" {
		t.Fatalf("sheets %q", sheets)
	}
	comments, err := f.GetComments(sheets[1])
	if err != nil || len(comments) == 0 || !strings.HasPrefix(comments[0].Text, "pmo: ") {
		t.Errorf("comments on %s: %v %v", sheets[1], comments, err)
	}
	if !strings.Contains(stderr, "cells marked") {
		t.Errorf("stderr %q", stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"annotate", filepath.Join(dir, "x.csv")}, ".xlsx and .xlsm"},
		{[]string{"annotate", in, "-o", filepath.Join(dir, "x.xlsm")}, "keeps the input's kind"},
		{[]string{"annotate", in, "-o", in}, "上書きしません"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestBatchAnnotate: batch --annotate writes each team workbook of a
// project, findings marked, into OUT/<id>/返却/.
func TestBatchAnnotate(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, _, stderr := run(t, "batch", "../../examples/portfolio.yaml", "-o", out, "--quiet", "--annotate", "--format", "xlsx")
	if code > 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"kikan/返却/WBS.xlsx", "kikan/返却/課題管理表.xlsx", "network/返却/課題.xlsx"} {
		f, err := excelize.OpenFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if s := f.GetSheetList(); len(s) < 2 || s[0] != "pmo指摘" {
			t.Errorf("%s: sheets %q", name, s)
		}
		f.Close()
	}
	// The portfolio still links each project to its tracker, not to a
	// returned workbook.
	zr, err := zip.OpenReader(filepath.Join(out, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	links := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/_rels/") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.Contains(string(b), returnDir) {
			t.Errorf("%s links to a returned workbook: %s", f.Name, b)
		}
		links += strings.Count(string(b), "tracker.xlsx")
	}
	if links == 0 {
		t.Error("the portfolio links to no tracker")
	}
}
