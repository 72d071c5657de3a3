package sheet_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// bigRows is the size of the largest WBS pmo is expected to read quickly.
const bigRows = 50000

var bigHeader = []any{
	"WBS", "タスク名", "担当者", "チーム", "予定開始日", "予定終了日", "実績開始日", "実績終了日",
	"予定工数", "実績工数", "進捗率", "ステータス", "先行タスク", "成果物", "備考", "マイルストーン", "レビュー者", "更新日",
}

// bigWorkbook is generated once per test binary: building it takes longer
// than reading it.
var bigWorkbook = sync.OnceValues(func() ([]byte, error) { return buildBig(bigRows) })

// buildBig writes an n-row, 18-column WBS with excelize's StreamWriter:
// three-level WBS codes, dates as serials with a date format, efforts,
// fractions with a percent format, statuses and notes.
func buildBig(n int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	code := "yyyy/m/d"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return nil, err
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", bigHeader); err != nil {
		return nil, err
	}
	statuses := []string{"未着手", "対応中", "完了", "保留"}
	people := []string{"山田", "佐藤・鈴木", "高橋", "田中、伊藤"}
	start := serial(2026, 4, 1)
	row := make([]any, len(bigHeader))
	// Phases (1), features (1.1) and 18 leaf tasks (1.1.1) per feature.
	for i, a, b, c := 0, 1, 0, 0; i < n; i++ {
		clear(row)
		switch {
		case b == 0:
			b, c = 1, -1
			row[0], row[1] = fmt.Sprint(a), fmt.Sprintf("フェーズ%d", a)
		case c == -1:
			c = 0
			row[0], row[1] = fmt.Sprintf("%d.%d", a, b), fmt.Sprintf("機能%d-%d", a, b)
		default:
			c++
			ps := start + float64(i%200)
			row[0] = fmt.Sprintf("%d.%d.%d", a, b, c)
			row[1] = fmt.Sprintf("機能%d-%d 作業%d", a, b, c)
			row[2] = people[i%len(people)]
			row[3] = fmt.Sprintf("チーム%c", 'A'+i%5)
			row[4] = excelize.Cell{StyleID: dateStyle, Value: ps}
			row[5] = excelize.Cell{StyleID: dateStyle, Value: ps + 4}
			row[6] = excelize.Cell{StyleID: dateStyle, Value: ps + 1}
			if i%3 == 0 {
				row[7] = excelize.Cell{StyleID: dateStyle, Value: ps + 5}
			}
			row[8] = float64(i%10) + 0.5
			row[9] = float64(i % 7)
			row[10] = excelize.Cell{StyleID: pctStyle, Value: float64(i%11) / 10}
			row[11] = statuses[i%len(statuses)]
			if c > 1 {
				row[12] = fmt.Sprintf("%d.%d.%d", a, b, c-1)
			}
			row[13] = fmt.Sprintf("設計書_%d.xlsx", i)
			row[14] = "レビュー指摘を反映すること。関係者に共有済み。"
			if c == 18 {
				row[15] = "◆"
				c, b = -1, b+1
				if b > 10 {
					a, b = a+1, 0
				}
			}
			row[16] = "鈴木"
			row[17] = excelize.Cell{StyleID: dateStyle, Value: start - 1}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func BenchmarkRead50k(b *testing.B) {
	data, err := bigWorkbook()
	if err != nil {
		b.Fatal(err)
	}
	path := benchFile(b, data)
	b.SetBytes(int64(len(data)))
	readBig(b, path)
}

// benchFile writes a benchmark's workbook to a file of its own, since pmo
// reads workbooks from files.
func benchFile(b *testing.B, data []byte) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "wbs50k.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// limitRows was the largest WBS of the benchmark's 18 columns that the
// reader's limits let in while it held 16 bytes a cell (3 M cells); since
// rows are kept encoded the limits admit a sheet filled to Excel's last
// row (BenchmarkReadFullHeight). Kept as a middle size between 50,000
// rows and that.
const limitRows = 150_000

// BenchmarkReadAtLimit reads a 150,000-row WBS, to show how time and
// memory grow with rows. Building it takes a while, so it runs
// only when PMO_BENCH_LIMIT is set: to the path of such a workbook
// (tools/genwbs -rows 150000 writes one), or to 1 to build it here.
func BenchmarkReadAtLimit(b *testing.B) {
	env := os.Getenv("PMO_BENCH_LIMIT")
	if env == "" {
		b.Skip("set PMO_BENCH_LIMIT=1 (or the path of a 150,000-row workbook) to read the largest WBS the limits allow")
	}
	path := env
	if env == "1" {
		data, err := buildBig(limitRows)
		if err != nil {
			b.Fatal(err)
		}
		path = filepath.Join(b.TempDir(), "wbs150k.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	readRows(b, path, limitRows)
}

// readBig opens and reads the big workbook at path b.N times, checking
// every read gives all its rows, and reports rows per second.
func readBig(b *testing.B, path string) { readRows(b, path, bigRows) }

// readRows is readBig for a workbook of rows data rows.
func readRows(b *testing.B, path string, rows int) {
	b.ReportAllocs()
	for b.Loop() {
		bk, err := sheet.Open(path, sheet.OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := res.Tables[0].Count; n != rows {
			b.Fatalf("read %d records, want %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestBigWorkbookShape checks on a small instance that the benchmark
// workbook reads as intended, so the benchmark measures a real read.
func TestBigWorkbookShape(t *testing.T) {
	t.Parallel()
	data, err := buildBig(400)
	if err != nil {
		t.Fatal(err)
	}
	res := readBytes(t, "big.xlsx", data, sheet.Options{})
	tb := oneTable(t, res)
	if got, want := mapping(tb), "A=wbs_id B=name C=assignee D=team E=planned_start F=planned_finish G=actual_start H=actual_finish I=planned_effort J=actual_effort K=progress L=status M=predecessors N=deliverable O=notes P=milestone"; got != want {
		t.Errorf("mapping:\n got  %s\n want %s", got, want)
	}
	if tb.Count != 400 {
		t.Fatalf("count %d, want 400", tb.Count)
	}
	wantLines(t, "first tasks", lines(tb.Tasks[:4], taskLine), []string{
		"[1] L1 sum フェーズ1",
		"[1.1] L2 sum 機能1-1",
		"[1.1.1] L3 機能1-1 作業1 plan=2026-04-03..2026-04-07 act=2026-04-04.. p=20 eff=2.5 aeff=2 who=高橋 st=done/完了 notes=レビュー指摘を反映すること。関係者に共有済み。",
		"[1.1.2] L3 機能1-1 作業2 plan=2026-04-04..2026-04-08 act=2026-04-05..2026-04-09 p=30 eff=3.5 aeff=3 who=田中,伊藤 st=on_hold/保留 pred=1.1.1 notes=レビュー指摘を反映すること。関係者に共有済み。",
	})
	if len(res.Findings) != 0 {
		t.Errorf("findings: %q", findingLines(res.Findings)[:min(5, len(res.Findings))])
	}
}

// BenchmarkRead50kFormats reads the 50,000-row WBS as .xlsx and as the
// .xls and .ods LibreOffice converts it to (the conversion is set-up, not
// measured). Peak memory is measured on the command, see the README.
func BenchmarkRead50kFormats(b *testing.B) {
	bin := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		b.Skip("soffice (LibreOffice) is not installed: it makes the .xls and .ods")
	}
	data, err := bigWorkbook()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "wbs50k.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"xls", "ods"} {
		out, err := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--convert-to", format, "--outdir", dir, src).CombinedOutput()
		if err != nil {
			b.Fatalf("soffice: %v\n%s", err, out)
		}
	}
	for _, format := range []string{"xlsx", "xls", "ods"} {
		b.Run(format, func(b *testing.B) { readBig(b, filepath.Join(dir, "wbs50k."+format)) })
	}
}
