package sheet_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/hostile"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Files that are not what their name says, or that cannot be read: each
// must give one clear line that names the file, never a panic.

func TestBadInputOpen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.xlsx")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "plans.xlsx")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, file string
		subs             []string
	}{
		{"missing-file", filepath.Join(dir, "nothere.xlsx"), "nothere.xlsx", []string{"not found"}},
		{"directory", sub, "plans.xlsx", []string{"directory"}},
		{"empty-file", empty, "empty.xlsx", []string{"empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := sheet.Open(c.path, sheet.OpenOptions{})
			wantInputError(t, err, c.file, c.subs...)
		})
	}
}

// oleFile is a compound-file header followed by stream names in UTF-16LE,
// which is all the reader needs to tell an .xls from a .doc.
func oleFile(names ...string) []byte {
	b := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	b = append(b, make([]byte, 504)...)
	for _, n := range names {
		for _, u := range utf16.Encode([]rune(n)) {
			b = append(b, byte(u), byte(u>>8))
		}
		b = append(b, make([]byte, 64)...)
	}
	return b
}

func TestBadInputParse(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rnd.UintN(256))
	}
	random[0] = 0x01 // never a zip or OLE signature by chance
	cases := []struct {
		name, file string
		data       []byte
		subs       []string
	}{
		{"empty-xlsx", "empty.xlsx", nil, []string{"empty"}},
		{"empty-csv", "empty.csv", nil, []string{"empty"}},
		{"blank-csv", "blank.csv", []byte("\r\n,,,\r\n\r\n"), nil},
		{"random-bytes-named-xlsx", "random.xlsx", random, nil},
		{"csv-text-named-xlsx", "plan.xlsx", []byte(utf8CSV), []string{"CSV"}},
		{"zip-that-is-not-a-workbook", "photos.xlsx", zipOf(t, "IMG_0001.txt", "hello"), nil},
		{"word-document-renamed", "report.xlsx", zipOf(t,
			"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
			"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
		), []string{"Word"}},
		{"truncated-zip", "cut.xlsx", newBook(t, "Sheet1").bytes()[:300], nil},
		{"legacy-xls", "old.xls", oleFile("Root Entry", "Workbook", "SummaryInformation"), []string{"damaged Excel 97-2003"}},
		{"legacy-xls-renamed-xlsx", "old.xlsx", oleFile("Root Entry", "Workbook"), []string{"damaged Excel 97-2003"}},
		{"legacy-doc", "old.xls", oleFile("Root Entry", "WordDocument"), []string{"Word"}},
		{"undetectable-csv-encoding", "mojibake.csv", bytes.Repeat([]byte("\xfd\xfe\x80,\xff\xa0\x80\n"), 20), []string{"encoding"}},
		{"binary-csv", "bin.csv", []byte("a,b\x00c\n"), nil},
		{"pdf-named-csv", "plan.pdf", []byte("%PDF-1.7\n"), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			bk, err := sheet.Parse(c.file, c.data, sheet.OpenOptions{})
			if err == nil {
				// Some inputs parse but hold no table; Read must then fail.
				_, err = sheet.Read(bk, sheet.Options{})
			}
			wantInputError(t, err, c.file, c.subs...)
		})
	}
}

func TestBadInputEncrypted(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"No", "タスク名", "担当者", "開始日", "終了日"},
		[]any{"1", "設計", "山田", apr(1), apr(3)},
	)
	var buf bytes.Buffer
	if err := b.f.Write(&buf, excelize.Options{Password: "x"}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if bytes.HasPrefix(data, []byte("PK")) {
		t.Fatal("excelize did not encrypt the fixture")
	}
	t.Run("without-password", func(t *testing.T) {
		t.Parallel()
		_, err := sheet.Parse("secret.xlsx", data, sheet.OpenOptions{})
		wantInputError(t, err, "secret.xlsx", "password")
	})
	t.Run("wrong-password", func(t *testing.T) {
		t.Parallel()
		_, err := sheet.Parse("secret.xlsx", data, sheet.OpenOptions{Password: "y"})
		wantInputError(t, err, "secret.xlsx", "password")
	})
	t.Run("with-password", func(t *testing.T) {
		t.Parallel()
		bk, err := sheet.Parse("secret.xlsx", data, sheet.OpenOptions{Password: "x"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
		wantTasks(t, tb, "[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田")
	})
}

// bombSize is what the bomb's sheet inflates to: 600 MB of empty rows,
// under 1 MB compressed.
const bombSize = 600 << 20

// bombPart compresses the bomb, returning the deflated bytes and their CRC.
func bombPart(tb testing.TB) ([]byte, uint32) {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	crc := crc32.NewIEEE()
	writeBomb(tb, io.MultiWriter(fw, crc))
	if err := fw.Close(); err != nil {
		tb.Fatal(err)
	}
	return comp.Bytes(), crc.Sum32()
}

// writeBomb streams bombSize bytes of repeated XML into w.
func writeBomb(tb testing.TB, w io.Writer) {
	tb.Helper()
	head := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	if _, err := io.WriteString(w, head); err != nil {
		tb.Fatal(err)
	}
	chunk := []byte(strings.Repeat("<row/>", 1<<16))
	for n := len(head); n < bombSize; n += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestBadInputZipBomb(t *testing.T) {
	t.Parallel()
	// A part declared past limits.PartBytes is refused before it is
	// inflated (what the bomb really holds is read only in the next case).
	t.Run("declared-size-over-limit", func(t *testing.T) {
		t.Parallel()
		comp, crc := bombPart(t)
		data := rawXLSX(t, nil, "", rawSheet{name: "Sheet1", write: func(zw *zip.Writer, part string) {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: part, Method: zip.Deflate, CRC32: crc,
				CompressedSize64: uint64(len(comp)), UncompressedSize64: limits.PartBytes + 1,
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(comp); err != nil {
				t.Fatal(err)
			}
		}})
		start := time.Now()
		_, err := sheet.Parse("bomb.xlsx", data, sheet.OpenOptions{})
		wantInputError(t, err, "bomb.xlsx")
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("refusing the bomb took %s", d)
		}
	})
	t.Run("declared-size-a-lie", func(t *testing.T) {
		t.Parallel()
		comp, crc := bombPart(t)
		data := rawXLSX(t, nil, "", rawSheet{name: "Sheet1", write: func(zw *zip.Writer, part string) {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: part, Method: zip.Deflate, CRC32: crc,
				CompressedSize64: uint64(len(comp)), UncompressedSize64: 4096, // the lie
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(comp); err != nil {
				t.Fatal(err)
			}
		}})
		start := time.Now()
		_, err := sheet.Parse("liar.xlsx", data, sheet.OpenOptions{})
		wantInputError(t, err, "liar.xlsx")
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("refusing the bomb took %s", d)
		}
	})
}

func TestBadInputMissingSheet(t *testing.T) {
	t.Parallel()
	b := newBook(t, "表紙")
	b.sheet("WBS")
	b.rows("WBS", "A1", []any{"タスク名", "開始日", "終了日"}, []any{"設計", apr(1), apr(3)})
	bk, err := sheet.Parse("plan.xlsx", b.bytes(), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sheet.Read(bk, sheet.Options{Sheet: "スケジュール"})
	wantInputError(t, err, "plan.xlsx", "スケジュール", "表紙", "WBS")
	// Loose matching of a name that is there: width and case.
	res, err := sheet.Read(bk, sheet.Options{Sheet: "ｗｂｓ"})
	if err != nil {
		t.Fatalf("sheet ｗｂｓ should find WBS: %v", err)
	}
	if tb := oneTable(t, res); tb.Sheet != "WBS" {
		t.Errorf("read sheet %q, want WBS", tb.Sheet)
	}
}

func TestBadInputNoTable(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1", []any{"メモ"}, []any{"来週までに決める"})
	bk, err := sheet.Parse("memo.xlsx", b.bytes(), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sheet.Read(bk, sheet.Options{Kind: project.KindRisks})
	wantInputError(t, err, "memo.xlsx", "risks")
}

// checkRead asserts what must hold for any input: a one-line error naming
// the file, or tables whose records are sane.
func checkRead(t *testing.T, name string, data []byte, opt sheet.Options) {
	bk, err := sheet.Parse(name, data, sheet.OpenOptions{})
	if err != nil {
		wantInputError(t, err, name)
		return
	}
	res, err := sheet.Read(bk, opt)
	if err != nil {
		wantInputError(t, err, name)
		return
	}
	for _, tb := range res.Tables {
		if tb.Count != len(tb.Tasks)+len(tb.Issues)+len(tb.Risks) {
			t.Fatalf("count %d does not match the records", tb.Count)
		}
		for _, c := range tb.Columns {
			// A plan file's columns are its elements, not column letters.
			if c.Col < 1 || (c.Letter != diag.ColumnName(c.Col) && len(tb.HeaderRows) > 0) || c.Field == "" {
				t.Fatalf("bad column %+v", c)
			}
		}
		for _, task := range tb.Tasks {
			if task.Level < 1 || task.Level > 100 {
				t.Fatalf("level %d out of range: %s", task.Level, taskLine(task))
			}
			for _, d := range []date.Date{task.PlannedStart, task.PlannedFinish, task.ActualStart, task.ActualFinish} {
				if d.IsZero() {
					continue
				}
				if back, err := date.Parse(d.String()); err != nil || back != d {
					t.Fatalf("date %d does not round-trip: %q", d, d.String())
				}
			}
			for _, n := range []project.Num{task.Progress, task.PlannedEffort, task.ActualEffort} {
				if p, ok := n.Get(); ok && (math.IsNaN(p) || math.IsInf(p, 0)) {
					t.Fatalf("non-finite number in %s", taskLine(task))
				}
			}
		}
	}
	for _, f := range res.Findings {
		if f.Pos.File != name || strings.ContainsAny(f.Message, "\r\n") {
			t.Fatalf("bad finding %s", f)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	for _, s := range []string{utf8CSV, tsv, "\ufeff" + utf8CSV, "", "\"", "a,\"b\nc", "\xff\xfe\x00a", "\xfe\xff\x00a\x00,", "x\r\r\n\"\"\"", "No;タスク名;開始日\n1;a;2026/4/1\n"} {
		f.Add([]byte(s))
	}
	if sj, err := shiftJIS(utf8CSV); err == nil {
		f.Add([]byte(sj))
	}
	for _, s := range hostile.Seeds(hostile.KindCSV) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		bk, err := sheet.Parse("f.csv", data, sheet.OpenOptions{})
		if err != nil {
			wantInputError(t, err, "f.csv")
			return
		}
		if len(bk.Sheets) != 1 {
			t.Fatalf("a CSV file gave %d sheets", len(bk.Sheets))
		}
		g := bk.Sheets[0]
		prev := 0
		for i, r := range g.Rows {
			if r.Num <= prev {
				t.Fatalf("rows out of order: %d after %d", r.Num, prev)
			}
			prev = r.Num
			for _, c := range g.RowCells(i) {
				if c.Col < 1 || c.Kind == sheet.Empty {
					t.Fatalf("bad cell %+v in row %d", c, r.Num)
				}
			}
		}
	})
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		utf8CSV, tsv,
		"WBS\n\nNo,タスク名,開始日,終了日,備考\n1,設計,4/1,来週,\"a\nb\"\n",
		"No,課題,優先度,担当者,期限,ステータス\n1,x,高,山田,2026/4/1,完了\n",
		"No,リスク,発生確率,影響度,対策\n1,x,50%,高,y\n",
		"Lv,タスク名,開始日,終了日,進捗率\n1,a,2026/4/1,2026/4/2,0.5\n3,b,R8.4.1,-,済\n0,c,,,\n",
		"WBS,タスク名,工数,開始日\n1.1.1,a,3人日,2026/2/30\n2-1,b,0.5H,99999999\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.csv", data, sheet.Options{})
		checkRead(t, "f.csv", data, sheet.Options{From: date.Of(2026, 1, 1), To: date.Of(2026, 12, 31)})
	})
}

// FuzzHeader fuzzes the words of a header row over a fixed data grid, so
// header detection and scoring see arbitrary labels.
func FuzzHeader(f *testing.F) {
	f.Add("No", "タスク名", "開始日", "終了日", "1", "設計")
	f.Add("課題No", "件名", "優先度", "期限", "1", "x")
	f.Add("", "", "予定\n開始", "％ Complete", "", "")
	f.Add("担当者1", "担当者2", "大項目", "小項目", "山田", "設計")
	f.Add("#", "Name", "Start", "Finish", "1.1000000000000001", "=ROW()")
	f.Fuzz(func(t *testing.T, h1, h2, h3, h4, v1, v2 string) {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		_ = w.WriteAll([][]string{
			{"title " + h1},
			{h1, h2, h3, h4},
			{v1, v2, "2026/4/1", "2026/4/3"},
			{v2, v1, "4/1", "-"},
		})
		checkRead(t, "h.csv", buf.Bytes(), sheet.Options{})
		bk, err := sheet.Parse("h.csv", buf.Bytes(), sheet.OpenOptions{})
		if err != nil {
			return
		}
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			return
		}
		for _, tb := range res.Tables {
			seen := map[string]bool{}
			for _, c := range tb.Columns {
				if c.Col > 4 {
					t.Fatalf("column %s mapped beyond the header", c.Letter)
				}
				multi := c.Field == "name" || c.Field == "assignee" || c.Field == "owner" || c.Field == "notes"
				if seen[c.Field] && !multi {
					t.Fatalf("field %s mapped twice: %s", c.Field, mapping(tb))
				}
				seen[c.Field] = true
			}
			for _, r := range tb.HeaderRows {
				if r < 1 || r > 4 {
					t.Fatalf("header row %d outside the file", r)
				}
			}
		}
	})
}

// FuzzWorkbookXML feeds arbitrary bytes to the hand-written XML scanner as
// a worksheet part and as the shared string table of a real workbook.
func FuzzWorkbookXML(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>開始日</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="0"><v>46113</v></c></row></sheetData><mergeCells><mergeCell ref="A2:A3"/></mergeCells></worksheet>`),
		[]byte(`<sst><si><t>タスク名</t></si><si><t>設計</t><rPh sb="0" eb="2"><t>セッケイ</t></rPh></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row><c><v>1</v></c><c t="e"><v>#REF!</v></c><c r="XFE1" t="b"><v>1</v></c></row><row r="0"/><row r="1048577"><c r="A1048577" t="s"><v>99</v></c></row></sheetData></worksheet>`),
		[]byte(`<sst><si/><si><r><t xml:space="preserve"> a </t></r></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="B2" t="str"><f>A1</f><v>&lt;&amp;&#x41;&#65;&bogus;</v></c></row><row r="1"><c r="A1"><v>x</v></c></row></sheetData><!-- c --><![CDATA[<row>]]></worksheet>`),
		[]byte(`<sst><si><t>&#xFFFF;&#0;</t></si>`))
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range [][2]string{
			{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
			{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
			{"xl/worksheets/sheet1.xml", string(sheetXML)},
			{"xl/sharedStrings.xml", string(sstXML)},
		} {
			w, err := zw.Create(p[0])
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.WriteString(w, p[1])
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		checkRead(t, "fz.xlsx", buf.Bytes(), sheet.Options{})
	})
}
