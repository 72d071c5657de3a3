package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/sheet"
)

func files(t *testing.T, o Options) []File {
	t.Helper()
	fs, err := Files(o)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestProjectYAMLLoadsWithoutFindings(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		o           Options
		start, end  string
		status      string
		done        int // milestones marked done
		sheetSuffix []string
	}{
		{"ja fiscal year", Options{ID: "crm", Name: "顧客管理システム刷新", Start: date.Of(2026, 4, 1)}, "2026-04-01", "2027-03-31", "2026-04-01", 0, []string{"WBS.xlsx", "課題管理表.xlsx", "リスク管理表.xlsx", "アクション一覧.xlsx", "テスト仕様書.xlsx"}},
		{"en mid-year", Options{ID: "crm", Name: "CRM", Lang: "en", Start: date.Of(2026, 4, 1), AsOf: date.Of(2026, 11, 20)}, "2026-04-01", "2027-03-31", "2026-11-20", 2, []string{"WBS.xlsx", "issues.xlsx", "risks.xlsx", "actions.xlsx", "tests.xlsx"}},
		{"last day", Options{ID: "x", Name: "x", Start: date.Of(2026, 4, 1), AsOf: date.Of(2027, 3, 31)}, "2026-04-01", "2027-03-31", "2027-03-31", 2, nil},
		{"leap day", Options{ID: "leap", Name: "Leap", Start: date.Of(2028, 2, 29)}, "2028-02-29", "2029-02-28", "2028-02-29", 0, nil},
		{"year-end start", Options{ID: "ye", Name: "YE", Start: date.Of(2026, 12, 30)}, "2026-12-30", "2027-12-29", "2026-12-30", 0, nil},
		{"name needing quotes", Options{ID: "q", Name: "#1: 基盤\n刷新 ", Start: date.Of(2026, 4, 1)}, "2026-04-01", "2027-03-31", "2026-04-01", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			fs := files(t, c.o)
			if len(fs) != 6 || fs[0].Path != ProjectFile {
				t.Fatalf("files %v", paths(fs))
			}
			p, found, err := config.Parse(filepath.Join("proj", ProjectFile), fs[0].Data)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) > 0 {
				t.Errorf("findings: %v\n%s", found, fs[0].Data)
			}
			if p.Project.ID != c.o.ID || p.Project.Name != oneLine(c.o.Name) {
				t.Errorf("id %q name %q", p.Project.ID, p.Project.Name)
			}
			if p.Project.Start.String() != c.start || p.Project.End.String() != c.end || p.Project.StatusDate.String() != c.status {
				t.Errorf("start %s end %s status %s", p.Project.Start, p.Project.End, p.Project.StatusDate)
			}
			done := 0
			for _, m := range p.Milestones {
				if m.Date < p.Project.Start || m.Date > p.Project.End {
					t.Errorf("milestone %s on %s is outside the project", m.Name, m.Date)
				}
				if m.Done {
					done++
				}
			}
			if done != c.done {
				t.Errorf("%d milestones done, want %d", done, c.done)
			}
			if len(p.Sources) != 5 {
				t.Fatalf("sources %+v", p.Sources)
			}
			for i, s := range p.Sources {
				if s.File != fs[i+1].Path || s.Kind != project.Kinds[i] {
					t.Errorf("source %d: %s %s, want %s %s", i, s.File, s.Kind, fs[i+1].Path, project.Kinds[i])
				}
				if c.sheetSuffix != nil && s.File != "teams/"+c.sheetSuffix[i] {
					t.Errorf("source %d is %s, want teams/%s", i, s.File, c.sheetSuffix[i])
				}
			}
			wantLang := "ja"
			if c.o.Lang == "en" {
				wantLang = "en"
			}
			if p.Report.Lang != wantLang || p.Calendar.Holidays != "jp" || len(p.Calendar.DaysOff) != 1 || len(p.Teams) != 1 {
				t.Errorf("report.lang %s, holidays %s, days off %v, teams %v", p.Report.Lang, p.Calendar.Holidays, p.Calendar.DaysOff, p.Teams)
			}
		})
	}
}

func paths(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

// sample matches a commented-out example line: "# key: …", "# - …" or
// an indented continuation of one. Notes never start that way.
var sample = regexp.MustCompile(`(?m)^(\s*)# ((?:\s*)(?:[a-z_]+:|- ).*)$`)

// TestCommentedExamplesAreValid removes the "# " of every example line:
// the result must still load cleanly, and the commented thresholds must be
// the built-in defaults.
func TestCommentedExamplesAreValid(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			y := files(t, Options{ID: "p", Name: "P", Lang: lang, Start: date.Of(2026, 4, 1)})[0].Data
			all := sample.ReplaceAll(y, []byte("$1$2"))
			if bytes.Equal(all, y) {
				t.Fatal("no example lines found")
			}
			p, found, err := config.Parse("project.yaml", all)
			if err != nil {
				t.Fatalf("%v\n%s", err, all)
			}
			if len(found) > 0 {
				t.Errorf("findings: %v\n%s", found, all)
			}
			got, want := p.Thresholds, config.DefaultThresholds()
			if got.SPI.Amber != want.SPI.Amber || got.SPI.Red != want.SPI.Red || got.CPI.Amber != want.CPI.Amber || got.CPI.Red != want.CPI.Red ||
				got.BehindPoints != want.BehindPoints || got.OverdueHighIssues.Amber != want.OverdueHighIssues.Amber ||
				got.OverdueHighIssues.Red != want.OverdueHighIssues.Red || got.MilestoneSlipDays != want.MilestoneSlipDays || got.Capacity != want.Capacity {
				t.Errorf("commented thresholds %+v are not the defaults", got)
			}
			if got.Pos.Row == 0 || p.Project.Sponsor == "" || len(p.Sources) != 6 || len(p.Teams) != 2 || len(p.Calendar.Workdays) != 1 {
				t.Errorf("an example did not come into effect: thresholds at %v, sponsor %q, %d sources, %d teams, workdays %v",
					got.Pos, p.Project.Sponsor, len(p.Sources), len(p.Teams), p.Calendar.Workdays)
			}
		})
	}
}

// TestSheetsReadBack reads each blank sheet with pmo's own reader: every
// header maps to its field, in order, with no findings.
func TestSheetsReadBack(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		for _, asOf := range []date.Date{0, date.Of(2026, 4, 8), date.Of(2026, 11, 20)} {
			t.Run(lang+" "+asOf.String(), func(t *testing.T) {
				t.Parallel()
				fs := files(t, Options{ID: "p", Name: "P", Lang: lang, Start: date.Of(2026, 4, 1), AsOf: asOf})
				d := &report.Document{L: report.LabelsFor(lang)}
				want := [][]report.Column{inputs(d.TaskColumns(), project.KindWBS), inputs(d.IssueColumns(), project.KindIssues), inputs(d.RiskColumns(), project.KindRisks),
					actionColumns(d), testColumns(d)}
				dir := t.TempDir()
				for i, f := range fs[1:] {
					path := filepath.Join(dir, filepath.Base(f.Path))
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					b, err := sheet.Open(path, sheet.OpenOptions{})
					if err != nil {
						t.Fatal(err)
					}
					res, err := sheet.Read(b, sheet.Options{Near: date.Of(2026, 11, 20)})
					if err != nil {
						t.Fatal(err)
					}
					if len(res.Findings) > 0 {
						t.Errorf("%s: findings %v", f.Path, res.Findings)
					}
					if len(res.Tables) != 1 {
						t.Fatalf("%s: %d tables", f.Path, len(res.Tables))
					}
					tb := res.Tables[0]
					if tb.Kind != project.Kinds[i] || len(tb.Unmapped) > 0 || len(tb.Columns) != len(want[i]) || tb.Count == 0 {
						t.Fatalf("%s: kind %s, %d columns, unmapped %v, %d records", f.Path, tb.Kind, len(tb.Columns), tb.Unmapped, tb.Count)
					}
					for j, c := range tb.Columns {
						if c.Field != want[i][j].Key || c.Header != want[i][j].Label {
							t.Errorf("%s column %s: %q → %s, want %q → %s", f.Path, c.Letter, c.Header, c.Field, want[i][j].Label, want[i][j].Key)
						}
					}
					checkWorkbook(t, f, want[i])
				}
			})
		}
	}
}

// checkWorkbook checks what a team sees: a frozen header with a filter,
// formats on date and progress columns, and the drop-downs.
func checkWorkbook(t *testing.T, f File, cols []report.Column) {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	name := x.GetSheetName(0)
	if panes, err := x.GetPanes(name); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("%s: header not frozen: %+v %v", f.Path, panes, err)
	}
	var dropDowns []string
	dvs, _ := x.GetDataValidations(name)
	for _, dv := range dvs {
		if dv.Type == "list" {
			dropDowns = append(dropDowns, dv.Formula1)
		}
	}
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		id, err := x.GetCellStyle(name, col+"2")
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		fmtCode := ""
		if st.CustomNumFmt != nil {
			fmtCode = *st.CustomNumFmt
		}
		switch c.Kind {
		case report.Date:
			if fmtCode != "yyyy/mm/dd" {
				t.Errorf("%s %s: date format %q", f.Path, c.Key, fmtCode)
			}
		case report.Percent:
			if fmtCode != "0%" {
				t.Errorf("%s %s: percent format %q", f.Path, c.Key, fmtCode)
			}
		}
		if c.Key == "status" || c.Key == "priority" {
			col := strings.Join(dropDowns, " ")
			for _, w := range wordsOf(c.Key, f.Path, report.LabelsFor(langOf(cols))) {
				if !strings.Contains(col, w) {
					t.Errorf("%s: drop-down lacks %q (%v)", f.Path, w, dropDowns)
				}
			}
		}
	}
	if props, err := x.GetDocProps(); err != nil || props.Created == "" || props.Created != props.Modified {
		t.Errorf("%s: document dates %+v %v", f.Path, props, err)
	}
}

func langOf(cols []report.Column) string {
	if cols[0].Label == report.LabelsFor("en").Get("col."+cols[0].Key) {
		return "en"
	}
	return "ja"
}

// wordsOf lists the words a drop-down must offer.
func wordsOf(key, path string, l report.Labels) []string {
	var prefix string
	var keys []string
	switch {
	case key == "priority":
		prefix, keys = "priority.", []string{"high", "medium", "low"}
	case strings.Contains(path, "WBS"):
		prefix, keys = "status.", []string{"not_started", "in_progress", "done", "on_hold", "cancelled"}
	default:
		prefix, keys = "istatus.", []string{"open", "in_progress", "resolved", "closed", "on_hold"}
	}
	var out []string
	for _, k := range keys {
		out = append(out, l.Get(prefix+k))
	}
	return out
}

func TestFilesAreDeterministic(t *testing.T) {
	t.Parallel()
	o := Options{ID: "p", Name: "P", Start: date.Of(2026, 4, 1), AsOf: date.Of(2026, 6, 1)}
	a, b := files(t, o), files(t, o)
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs", a[i].Path)
		}
	}
	o.AsOf = date.Of(2026, 6, 2)
	if c := files(t, o); bytes.Equal(a[1].Data, c[1].Data) {
		t.Error("another status date gave the same workbook")
	}
}

func TestBadOptions(t *testing.T) {
	t.Parallel()
	start := date.Of(2026, 4, 1)
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"bad id", Options{ID: "Bad ID", Start: start}},
		{"no id", Options{Start: start}},
		{"no start", Options{ID: "p"}},
		{"lang", Options{ID: "p", Lang: "fr", Start: start}},
		{"as-of before start", Options{ID: "p", Start: start, AsOf: start - 1}},
		{"as-of after end", Options{ID: "p", Start: start, AsOf: date.Of(2027, 4, 1)}},
		{"year 9999", Options{ID: "p", Start: date.Of(9999, 1, 1)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Files(c.o); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestFiscalYearStart(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want date.Date }{
		{date.Of(2026, 4, 1), date.Of(2026, 4, 1)},
		{date.Of(2026, 3, 31), date.Of(2025, 4, 1)},
		{date.Of(2026, 12, 31), date.Of(2026, 4, 1)},
		{date.Of(2027, 1, 1), date.Of(2026, 4, 1)},
	} {
		if got := FiscalYearStart(c.in); got != c.want {
			t.Errorf("FiscalYearStart(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"crm": "crm", "My Project": "my-project", "基幹システム": "", "2026_基幹-CRM": "2026_-crm",
		"--x--": "x", "_a_b_": "a_b_", "ERP (2026)": "erp-2026", "": "",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzID(f *testing.F) {
	for _, s := range []string{"crm", "My Project", "基幹", "_x", "a--b", "Ａ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := ID(s)
		if id != "" && !config.ValidID(id) {
			t.Errorf("ID(%q) = %q is not a valid id", s, id)
		}
		if ID(id) != id {
			t.Errorf("ID is not idempotent: %q -> %q -> %q", s, id, ID(id))
		}
	})
}

// FuzzName checks that any project name, however odd, gives a
// project.yaml that loads with that name and no findings.
func FuzzName(f *testing.F) {
	for _, s := range []string{"基幹システム刷新", "#1: x", "'q", `"dq"`, "- a", "true", "0x10", "a\nb", "~", "　全角", "{a: b}", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		p, err := newPlan(Options{ID: "p", Name: name, Start: date.Of(2026, 4, 1)})
		if err != nil {
			t.Fatal(err)
		}
		y, err := p.yaml()
		if err != nil {
			t.Fatal(err)
		}
		c, found, err := config.Parse("project.yaml", y)
		if err != nil {
			t.Fatalf("%v\n%s", err, y)
		}
		if len(found) > 0 {
			t.Errorf("name %q: findings %v", name, found)
		}
		if want := strings.TrimSpace(oneLine(name)); c.Project.Name != want && !(want == "" && c.Project.Name == p.w.Project) {
			t.Errorf("name %q read back as %q, want %q", name, c.Project.Name, want)
		}
	})
}

// TestExampleTaskOnPlan checks the example task is as far along as planned,
// whatever the status date: a fresh project is on schedule.
func TestExampleTaskOnPlan(t *testing.T) {
	t.Parallel()
	for _, asOf := range []date.Date{date.Of(2026, 4, 1), date.Of(2026, 4, 4), date.Of(2026, 4, 7), date.Of(2026, 4, 14), date.Of(2027, 3, 1)} {
		p, err := newPlan(Options{ID: "p", Start: date.Of(2026, 4, 1), AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		task := p.sheets()[0].rows[1]
		pct := task["progress"].(float64) * 100
		status := task["status"].(string)
		l := report.LabelsFor("ja")
		switch {
		case asOf >= date.Of(2026, 4, 14):
			if pct != 100 || status != l.Get("status.done") || task["actual_finish"] == nil {
				t.Errorf("%s: %v%% %s, finish %v", asOf, pct, status, task["actual_finish"])
			}
		case pct <= 0 || pct >= 100 || status != l.Get("status.in_progress") || task["actual_start"] == nil:
			t.Errorf("%s: %v%% %s", asOf, pct, status)
		}
		if fin, ok := task["actual_finish"].(date.Date); ok && fin > asOf {
			t.Errorf("%s: actual finish %s after the status date", asOf, fin)
		}
	}
}
