package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// largeWBS is a workbook whose one sheet inflates to well over the
// reader's read-ahead threshold (sheet/readahead.go, 4 MB) and holds more
// rows than its row-typing goroutine starts at (sheet/rowpipe.go).
func largeWBS(t *testing.T, rows int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	head := []any{"WBS番号", "タスク名", "担当者", "開始予定", "終了予定", "進捗率", "備考"}
	if err := sw.SetRow("A1", head); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		r := []any{fmt.Sprintf("1.%d.%d", i/100+1, i%100+1), fmt.Sprintf("作業%d の設計と実装", i), []string{"山田", "佐藤", "高橋"}[i%3],
			"2026/11/02", "2026/12/04", fmt.Sprintf("%d%%", i%101), fmt.Sprintf("備考 %d: 仕様確認のうえ着手", i)}
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// damagePart flips n bytes of the compressed data of the zip entry name
// at frac of its length (within the data).
func damagePart(t *testing.T, data []byte, name string, frac float64, n int64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 < 5<<20 {
			t.Fatalf("%s inflates to %d bytes: too small to be read ahead", name, f.UncompressedSize64)
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		out := bytes.Clone(data)
		size := int64(f.CompressedSize64)
		at := off + min(int64(float64(size)*frac), size-n)
		for i := range n {
			out[at+i] ^= 0x5a
		}
		return out
	}
	t.Fatalf("no part %s", name)
	return nil
}

// TestDamagedLargeSheet reads a large sheet whose compressed data is
// damaged past the first megabytes, where it is inflated ahead of the
// reader: inspect and validate exit 2 with one line naming the file, a
// batch fails that project alone (exit 1) and writes the rest, and no
// goroutine of the reader is left behind.
func TestDamagedLargeSheet(t *testing.T) {
	// Not parallel: the goroutines counted are this test's alone.
	if testing.Short() {
		t.Skip("builds a 60,000-row workbook")
	}
	dir := t.TempDir()
	good := largeWBS(t, 60000)
	// Garbage in the middle, and one byte of the last block: the stream
	// then inflates to its end and the zip checksum fails there.
	for _, d := range []struct {
		frac float64
		n    int64
	}{{0.6, 64}, {0.95, 64}, {1, 1}} {
		frac := d.frac
		path := filepath.Join(dir, fmt.Sprintf("damaged-%02.0f.xlsx", frac*100))
		if err := os.WriteFile(path, damagePart(t, good, "xl/worksheets/sheet1.xml", frac, d.n), 0o644); err != nil {
			t.Fatal(err)
		}
		yaml := filepath.Join(dir, fmt.Sprintf("project-%02.0f.yaml", frac*100))
		project := "version: 1\nproject: {id: big, name: 大規模, pm: 佐藤, start: 2026-11-02, end: 2027-01-29}\n" +
			"sources:\n  - {file: " + filepath.Base(path) + ", kind: wbs}\n"
		if err := os.WriteFile(yaml, []byte(project), 0o644); err != nil {
			t.Fatal(err)
		}
		before := runtime.NumGoroutine()
		for _, args := range [][]string{{"inspect", path}, {"validate", yaml}} {
			cmd := args[0]
			code, stdout, stderr := run(t, append(args, "--as-of", "2026-11-20")...)
			// inspect refuses the file in one line; validate reports it as
			// the source's error finding.
			said, lines := stderr, strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if cmd == "validate" {
				said, lines = stdout, []string{"one"}
				if !strings.Contains(stdout, "[source-unreadable]") || !strings.Contains(stdout, "0 tasks") {
					t.Errorf("validate %s: no source-unreadable finding, or tasks read:\n%s", filepath.Base(path), stdout)
				}
			}
			if code != 2 || len(lines) != 1 || !strings.Contains(said, filepath.Base(path)) || strings.Contains(stderr+stdout, "panic") {
				t.Errorf("%s %s: exit %d, stderr %q, stdout %q; want exit 2 and one line naming the file", cmd, filepath.Base(path), code, stderr, stdout)
			}
		}
		waitGoroutines(t, before)
	}
	// In a batch the damaged project fails on its own, named with its
	// file; the project beside it and the portfolio are written.
	pf := filepath.Join(dir, "pf")
	damaged, err := os.ReadFile(filepath.Join(dir, "damaged-60.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{
		"big/project.yaml":   "version: 1\nproject: {id: big, name: 大規模, pm: 佐藤, start: 2026-11-02, end: 2027-01-29}\nsources:\n  - {file: WBS.xlsx, kind: wbs}\n",
		"big/WBS.xlsx":       string(damaged),
		"small/project.yaml": "version: 1\nproject: {id: small, name: 小規模, pm: 佐藤, start: 2026-11-02, end: 2027-01-29}\nsources:\n  - {file: WBS.csv, kind: wbs}\n",
		"small/WBS.csv":      "WBS番号,タスク名,担当者,開始予定,終了予定,進捗率\n1,設計,山本,2026/11/02,2026/12/04,40\n",
	} {
		path := filepath.Join(pf, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := runtime.NumGoroutine()
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "batch", pf, "-o", out, "--as-of", "2026-11-20")
	var named []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, "WBS.xlsx") {
			named = append(named, l)
		}
	}
	if code != 1 || len(named) == 0 || !strings.Contains(strings.Join(named, "\n"), filepath.Join("big", "project.yaml")) {
		t.Errorf("batch: exit %d, lines naming WBS.xlsx %q; want exit 1 and the big project's error\n%s", code, named, stderr)
	}
	for _, f := range []string{"small/tracker.xlsx", "small/status.pdf", "portfolio.xlsx", "portfolio.pdf", "summary.json"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("batch: %s not written: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "big", "tracker.xlsx")); err == nil {
		t.Error("batch: a tracker was written for the project whose WBS could not be read")
	}
	waitGoroutines(t, before)
	// The undamaged workbook reads: the damage is what the error is about.
	path := filepath.Join(dir, "good.xlsx")
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "inspect", "--samples", "0", "--as-of", "2026-11-20", path); code != 0 {
		t.Errorf("the undamaged workbook: exit %d, %s", code, stderr)
	}
}

// waitGoroutines fails the test when, some seconds on, more goroutines
// run than the before counted.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, %d before:\n%s", g, before, buf[:runtime.Stack(buf, true)])
	}
}
