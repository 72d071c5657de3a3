package sheet_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// The values of INPUTS.md "Values": each case is a small sheet whose one
// record holds the value under test at a known cell.

// window is a project window for dates typed without a year.
var window = sheet.Options{From: serialDate(2026, 1, 1), To: serialDate(2026, 12, 31)}

// taskRow builds header row 1 and data rows from row 2 and reads them as
// one table.
func taskRows(t *testing.T, opt sheet.Options, header []any, rows ...[]any) (*sheet.Result, *sheet.Table) {
	t.Helper()
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1", append([][]any{header}, rows...)...)
	res := b.read(opt)
	return res, oneTable(t, res)
}

// oneTask reads a sheet with one data row and returns its task.
func oneTask(t *testing.T, opt sheet.Options, header []any, row []any) (*sheet.Result, project.Task) {
	t.Helper()
	res, tb := taskRows(t, opt, header, row)
	if len(tb.Tasks) != 1 {
		t.Fatalf("want 1 task, got %d: %q", len(tb.Tasks), lines(tb.Tasks, taskLine))
	}
	return res, tb.Tasks[0]
}

func TestValuesDateCells(t *testing.T) {
	t.Parallel()
	const want = "2026-04-01"
	s := serial(2026, 4, 1)
	cases := []struct {
		name string
		cell xc
	}{
		{"code-yyyy/m/d", xc{v: s, code: "yyyy/m/d"}},
		{"code-yyyy/mm/dd", xc{v: s, code: "yyyy/mm/dd"}},
		{"code-m/d", xc{v: s, code: "m/d"}},
		{"code-mm/dd/yy", xc{v: s, code: "mm/dd/yy"}},
		{"code-yyyy年m月d日", xc{v: s, code: `yyyy"年"m"月"d"日"`}},
		{"code-m月d日", xc{v: s, code: `m"月"d"日"`}},
		{"code-era", xc{v: s, code: `[$-411]ggge"年"m"月"d"日"`}},
		{"code-with-weekday", xc{v: s, code: "yyyy/m/d(aaa)"}},
		{"code-d-mmm-yy", xc{v: s, code: "d-mmm-yy"}},
		{"code-date-time", xc{v: s + 0.5625, code: "yyyy/m/d h:mm"}},
		{"builtin-14", xc{v: s, numFmt: 14}},
		{"general-number-20260401", xc{v: 20260401}},
		{"general-serial-without-format", xc{v: s}},
		{"builtin-22-date-time", xc{v: s + 0.5625, numFmt: 22}},
	}
	for id := 27; id <= 36; id++ {
		cases = append(cases, struct {
			name string
			cell xc
		}{fmt.Sprintf("builtin-ja-%d", id), xc{v: s, numFmt: id}})
	}
	for id := 50; id <= 58; id++ {
		cases = append(cases, struct {
			name string
			cell xc
		}{fmt.Sprintf("builtin-ja-%d", id), xc{v: s, numFmt: id}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, sheet.Options{}, []any{"タスク名", "開始日", "終了日"}, []any{"設計", c.cell, apr(30)})
			if got := task.PlannedStart.String(); got != want {
				t.Errorf("planned start: got %q, want %s", got, want)
			}
			wantNoFindings(t, res)
		})
	}
}

// TestValuesBuiltinFormatHasNoCode makes sure the built-in format cases
// above test what they claim: excelize writes the id with no format code,
// as Japanese Excel does.
func TestValuesBuiltinFormatHasNoCode(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Sheet1")
	b.set("Sheet1", "A1", xc{v: serial(2026, 4, 1), numFmt: 56})
	zr, err := zip.NewReader(bytes.NewReader(b.bytes()), int64(len(b.bytes())))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/styles.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.Contains(string(data), `numFmtId="56"`) {
			t.Errorf("styles.xml does not use format 56")
		}
		if strings.Contains(string(data), `<numFmt numFmtId="56"`) {
			t.Errorf("styles.xml defines a code for format 56; the fixture no longer tests the built-in")
		}
		return
	}
	t.Fatal("no xl/styles.xml")
}

func TestValuesDate1904(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Sheet1")
	on := true
	b.check(b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}))
	const offset = 1462 // days from 1900-01-00 to 1904-01-01 in Excel's count
	b.rows("Sheet1", "A1",
		[]any{"タスク名", "開始日", "終了日"},
		[]any{"設計", xc{v: serial(2026, 4, 1) - offset, code: "yyyy/m/d"}, xc{v: serial(2026, 4, 3) - offset, numFmt: 14}},
	)
	res := b.read(sheet.Options{})
	wantTasks(t, oneTable(t, res), "L1 設計 plan=2026-04-01..2026-04-03")
}

func TestValuesDateText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, want string
		inferred   bool // a date-year-inferred warning at B2
	}{
		{"2026/4/1", "2026-04-01", false},
		{"2026-04-01", "2026-04-01", false},
		{"2026.04.01", "2026-04-01", false},
		{"2026年4月1日", "2026-04-01", false},
		{"R8.4.1", "2026-04-01", false},
		{"令和8年4月1日", "2026-04-01", false},
		{"２０２６／４／１", "2026-04-01", false},
		{"2026/4/1(水)", "2026-04-01", false},
		{"Mon 26-03-02", "2026-03-02", false},
		{"2026/4/1 13:30", "2026-04-01", false},
		{"4/1/2026", "2026-04-01", false},
		{"3/2/26", "2026-03-02", false},
		{"2026/04/01 9:00:00", "2026-04-01", false},
		{"4月1日", "2026-04-01", true},
		{"4/1", "2026-04-01", true},
		{"-", "", false},
		{"未定", "", false},
		{"TBD", "", false},
		{"→", "", false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, window, []any{"タスク名", "開始日", "終了日"}, []any{"設計", c.text, apr(30)})
			if got := task.PlannedStart.String(); got != c.want {
				t.Errorf("planned start of %q: got %q, want %q", c.text, got, c.want)
			}
			if c.inferred {
				wantFinding(t, res, diag.Warning, "date-year-inferred", "book.xlsx!Sheet1!B2")
				if len(res.Findings) != 1 {
					t.Errorf("want only the year warning, got %q", findingLines(res.Findings))
				}
			} else {
				wantNoFindings(t, res)
			}
		})
	}
	t.Run("unparseable-来週", func(t *testing.T) {
		t.Parallel()
		res, task := oneTask(t, window, []any{"タスク名", "開始日", "終了日"}, []any{"設計", "来週", apr(30)})
		if !task.PlannedStart.IsZero() {
			t.Errorf("planned start: got %s, want none", task.PlannedStart)
		}
		wantFinding(t, res, diag.Error, "date-unparseable", "book.xlsx!Sheet1!B2")
	})
	t.Run("year-from-window-across-new-year", func(t *testing.T) {
		t.Parallel()
		opt := sheet.Options{From: serialDate(2025, 10, 1), To: serialDate(2026, 3, 31)}
		res, tb := taskRows(t, opt, []any{"タスク名", "開始日", "終了日"},
			[]any{"設計", "11/20", "12/5"},
			[]any{"実装", "1/8", "2/27"},
		)
		wantTasks(t, tb,
			"L1 設計 plan=2025-11-20..2025-12-05",
			"L1 実装 plan=2026-01-08..2026-02-27",
		)
		wantFinding(t, res, diag.Warning, "date-year-inferred", "book.xlsx!Sheet1!C3")
	})
}

func TestValuesProgress(t *testing.T) {
	t.Parallel()
	header := []any{"タスク名", "担当者", "進捗率"}
	cases := []struct {
		name string
		cell any
		want string
	}{
		{"text-50%", "50%", "50"},
		{"fraction-with-percent-format", xc{v: 0.5, numFmt: 9}, "50"},
		{"fraction-with-custom-percent", xc{v: 0.5, code: "0.0%"}, "50"},
		{"number-50", 50, "50"},
		{"full-width-５０％", "５０％", "50"},
		{"text-50", "50", "50"},
		{"済", "済", "100"},
		{"完了", "完了", "100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, sheet.Options{}, header, []any{"設計", "山田", c.cell})
			if !task.Progress.OK() || num(task.Progress) != c.want {
				t.Errorf("progress: got %s, want %s", taskLine(task), c.want)
			}
			wantNoFindings(t, res)
		})
	}
	t.Run("column-of-fractions-without-format", func(t *testing.T) {
		t.Parallel()
		_, tb := taskRows(t, sheet.Options{}, header,
			[]any{"a", "山田", 0}, []any{"b", "山田", 0.25}, []any{"c", "山田", 0.5}, []any{"d", "山田", 1})
		wantTasks(t, tb, "L1 a p=0 who=山田", "L1 b p=25 who=山田", "L1 c p=50 who=山田", "L1 d p=100 who=山田")
	})
	t.Run("column-of-percent-numbers", func(t *testing.T) {
		t.Parallel()
		_, tb := taskRows(t, sheet.Options{}, header,
			[]any{"a", "山田", 0}, []any{"b", "山田", 1}, []any{"c", "山田", 50}, []any{"d", "山田", 100})
		wantTasks(t, tb, "L1 a p=0 who=山田", "L1 b p=1 who=山田", "L1 c p=50 who=山田", "L1 d p=100 who=山田")
	})
}

func TestValuesEffort(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		cell any
		want string
	}{
		{"3人日", "3人日", "3"},
		{"0.5H", "0.5H", "0.0625"},
		{"48 days", "48 days", "48"},
		{"8 hrs", "8 hrs", "1"},
		{"1 day", "1 day", "1"},
		{"2週間", "2週間", "10"},
		{"number-with-日-format", xc{v: 5, code: `0"日"`}, "5"},
		{"plain-number", 2.5, "2.5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, sheet.Options{}, []any{"タスク名", "工数", "開始日", "終了日"}, []any{"設計", c.cell, apr(1), apr(3)})
			if !task.PlannedEffort.OK() || num(task.PlannedEffort) != c.want {
				t.Errorf("planned effort: got %s, want eff=%s", taskLine(task), c.want)
			}
			wantNoFindings(t, res)
		})
	}
}

func TestValuesStatus(t *testing.T) {
	t.Parallel()
	cases := []struct {
		raw  string
		want project.TaskStatus
	}{
		{"未着手", project.NotStarted},
		{"対応中", project.InProgress},
		{"完了", project.Done},
		{"保留", project.OnHold},
		{"中止", project.Cancelled},
		{"Done", project.Done},
		{"DONE", project.Done},
		{"In progress", project.InProgress},
		{"着手", project.InProgress},
		{"作業中", project.InProgress},
		{"処理中", project.InProgress},
		{"進行中", project.InProgress},
		{"未対応", project.NotStarted},
		{"処理済み", project.Done},
		{"済", project.Done},
		{"クローズ", project.Done},
	}
	for _, c := range cases {
		t.Run(c.raw, func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, sheet.Options{}, []any{"タスク名", "開始日", "終了日", "ステータス"}, []any{"設計", apr(1), apr(3), c.raw})
			if task.Status != c.want || task.StatusRaw != c.raw {
				t.Errorf("status: got %s/%s, want %s/%s", task.Status, task.StatusRaw, c.want, c.raw)
			}
			wantNoFindings(t, res)
		})
	}
	t.Run("完了フラグ-○", func(t *testing.T) {
		t.Parallel()
		_, tb := taskRows(t, sheet.Options{}, []any{"タスク名", "開始日", "終了日", "完了フラグ"},
			[]any{"設計", apr(1), apr(3), "○"},
			[]any{"実装", apr(6), apr(10)},
		)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish D=status")
		wantTasks(t, tb,
			"L1 設計 plan=2026-04-01..2026-04-03 st=done/○",
			"L1 実装 plan=2026-04-06..2026-04-10",
		)
	})
}

func TestValuesPriority(t *testing.T) {
	t.Parallel()
	cases := []struct {
		raw  string
		want project.Priority
	}{
		{"高", project.High}, {"中", project.Medium}, {"低", project.Low},
		{"A", project.High}, {"B", project.Medium}, {"C", project.Low},
		{"High", project.High}, {"Low", project.Low}, {"Medium", project.Medium},
		{"大", project.High}, {"小", project.Low},
		{"1", project.High}, {"2", project.Medium}, {"3", project.Low},
		{"moderate", project.Medium}, {"high", project.High},
	}
	b := newBook(t, "課題一覧")
	b.rows("課題一覧", "A1", []any{"No", "課題", "優先度", "担当者", "期限"})
	for i, c := range cases {
		b.rows("課題一覧", cellName(1, i+2), []any{fmt.Sprint(i + 1), "課題" + c.raw, c.raw, "山田", apr(10)})
	}
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=priority D=owner E=due")
	for i, c := range cases {
		t.Run(c.raw, func(t *testing.T) {
			if i >= len(tb.Issues) {
				t.Fatalf("only %d issues", len(tb.Issues))
			}
			is := tb.Issues[i]
			if is.Priority != c.want || is.PriorityRaw != c.raw {
				t.Errorf("priority: got %s/%s, want %s/%s", is.Priority, is.PriorityRaw, c.want, c.raw)
			}
		})
	}
	wantNoFindings(t, res)
}

func TestValuesPeople(t *testing.T) {
	t.Parallel()
	cases := []struct {
		cell string
		want string
	}{
		{"山田・佐藤", "山田,佐藤"},
		{"山田、佐藤", "山田,佐藤"},
		{"山田/佐藤", "山田,佐藤"},
		{"山田\n佐藤", "山田,佐藤"},
		{"朝日さん", "朝日"},
		{"山田 太郎", "山田 太郎"},
	}
	for _, c := range cases {
		t.Run(oneLine(c.cell), func(t *testing.T) {
			t.Parallel()
			res, task := oneTask(t, sheet.Options{}, []any{"タスク名", "担当者", "開始日", "終了日"}, []any{"設計", c.cell, apr(1), apr(3)})
			if got := strings.Join(task.Assignee.List(), ","); got != c.want {
				t.Errorf("assignee of %q: got %q, want %q", c.cell, got, c.want)
			}
			wantNoFindings(t, res)
		})
	}
	t.Run("date-serial-in-person-column", func(t *testing.T) {
		t.Parallel()
		res, task := oneTask(t, sheet.Options{}, []any{"タスク名", "担当者", "開始日", "終了日"}, []any{"設計", apr(1), apr(1), apr(3)})
		if len(task.Assignee.List()) != 0 {
			t.Errorf("assignee: got %q, want none", task.Assignee.List())
		}
		wantFinding(t, res, diag.Warning, "person-is-date", "book.xlsx!Sheet1!B2")
	})
}

func TestValuesIDs(t *testing.T) {
	t.Parallel()
	_, tb := taskRows(t, sheet.Options{}, []any{"No", "タスク名", "開始日", "終了日"},
		[]any{1, "企画", apr(1), apr(2)},
		[]any{1.1000000000000001, "調査", apr(1), apr(2)},
		[]any{1.2, "計画", apr(3), apr(3)},
	)
	wantTasks(t, tb,
		"[1] L1 sum 企画 plan=2026-04-01..2026-04-02",
		"[1.1] L2 調査 plan=2026-04-01..2026-04-02",
		"[1.2] L2 計画 plan=2026-04-03..2026-04-03",
	)
}

func TestValuesText(t *testing.T) {
	t.Parallel()
	t.Run("NBSP-and-trailing-spaces-in-headers", func(t *testing.T) {
		t.Parallel()
		_, tb := taskRows(t, sheet.Options{}, []any{"\u00a0No.", "タスク名\u3000", "Owner ", " 開始日", "終了日\u00a0"},
			[]any{"1", "設計", "山田", apr(1), apr(3)})
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
		wantTasks(t, tb, "[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田")
	})
	t.Run("CRLF-inside-cells", func(t *testing.T) {
		t.Parallel()
		_, task := oneTask(t, sheet.Options{}, []any{"タスク名", "開始日", "終了日", "備考"},
			[]any{"画面設計\r\n(一覧)", apr(1), apr(3), "1行目\r\n2行目\r\n"})
		if task.Name != "画面設計\n(一覧)" {
			t.Errorf("name: got %q, want %q", task.Name, "画面設計\n(一覧)")
		}
		if task.Notes != "1行目\n2行目" {
			t.Errorf("notes: got %q, want %q", task.Notes, "1行目\n2行目")
		}
	})
	t.Run("full-width-spaces-around-values", func(t *testing.T) {
		t.Parallel()
		_, task := oneTask(t, sheet.Options{}, []any{"タスク名", "担当者", "開始日", "終了日"},
			[]any{"設計\u3000", "\u3000山田\u00a0", apr(1), apr(3)})
		if task.Name != "設計" || strings.Join(task.Assignee.List(), ",") != "山田" {
			t.Errorf("got %s, want name 設計 and assignee 山田", taskLine(task))
		}
	})
}

// sstSheet writes a sheet whose cells are given as raw <c> XML per row.
func sstSheet(rows ...string) string {
	var b strings.Builder
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, i+1, r)
	}
	return b.String()
}

func TestValuesRawCells(t *testing.T) {
	t.Parallel()
	sst := []string{
		`<si><t>タスク名</t></si>`,
		`<si><t>担当者</t></si>`,
		`<si><t>開始日</t></si>`,
		`<si><t>設計</t><rPh sb="0" eb="2"><t>セッケイ</t></rPh><phoneticPr fontId="1"/></si>`,
		`<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>`,
		`<si><t>No</t></si>`,
		`<si><r><t>画面</t></r><r><rPr><b/></rPr><t>設計</t></r><rPh sb="0" eb="2"><t>ガメン</t></rPh></si>`,
	}
	t.Run("furigana-runs-left-out", func(t *testing.T) {
		t.Parallel()
		data := rawXLSX(t, sst, "", rawSheet{name: "Sheet1", xml: sstSheet(
			`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>`,
			`<c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>46113</v></c>`,
			`<c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><v>46114</v></c>`,
		)})
		res := readBytes(t, "ruby.xlsx", data, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start")
		wantTasks(t, tb,
			"L1 設計 plan=2026-04-01.. who=山田",
			"L1 画面設計 plan=2026-04-02.. who=山田",
		)
	})
	t.Run("error-values", func(t *testing.T) {
		t.Parallel()
		data := rawXLSX(t, sst, "", rawSheet{name: "Sheet1", xml: sstSheet(
			`<c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c>`,
			`<c r="A2" t="e"><f>#REF!+1</f><v>#REF!</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="e"><f>VLOOKUP(A2,M!A:B,2,0)</f><v>#N/A</v></c><c r="D2"><v>46113</v></c>`,
			`<c r="A3" t="e"><f>#REF!+2</f><v>#REF!</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>4</v></c><c r="D3"><v>46114</v></c>`,
		)})
		res := readBytes(t, "err.xlsx", data, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start")
		wantTasks(t, tb,
			"L1 設計 plan=2026-04-01..",
			"L1 画面設計 plan=2026-04-02.. who=山田",
		)
		wantFinding(t, res, diag.Warning, "cell-error", "err.xlsx!Sheet1!A2")
		wantFinding(t, res, diag.Warning, "cell-error", "err.xlsx!Sheet1!C2")
		wantFinding(t, res, diag.Warning, "cell-error", "err.xlsx!Sheet1!A3")
	})
}

// TestValuesProgressOddScale: a value on the other scale than its column's
// is read by the column and reported at its cell.
func TestValuesProgressOddScale(t *testing.T) {
	t.Parallel()
	header := []any{"タスク名", "担当者", "進捗率"}
	check := func(t *testing.T, res *sheet.Result, cell string) {
		t.Helper()
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "progress-scale-odd" {
				got = append(got, f.Pos.String())
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], "!"+cell) {
			t.Errorf("progress-scale-odd at %v, want one at %s", got, cell)
		}
	}
	t.Run("fraction among percents", func(t *testing.T) {
		t.Parallel()
		res, tb := taskRows(t, sheet.Options{}, header,
			[]any{"a", "山田", 100}, []any{"b", "山田", 50}, []any{"c", "山田", 0.5}, []any{"d", "山田", 80})
		wantTasks(t, tb, "L1 a p=100 who=山田", "L1 b p=50 who=山田", "L1 c p=0.5 who=山田", "L1 d p=80 who=山田")
		check(t, res, "C4")
	})
	t.Run("percent among fractions", func(t *testing.T) {
		t.Parallel()
		res, _ := taskRows(t, sheet.Options{}, header,
			[]any{"a", "山田", 0.25}, []any{"b", "山田", 0.5}, []any{"c", "山田", 0.75}, []any{"d", "山田", 40})
		check(t, res, "C5")
	})
}
