package plan_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet/plan"
)

func read(t *testing.T, name string) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// view is a task in one line, every field the readers set.
func view(tk project.Task) string {
	b, _ := json.Marshal(tk)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	delete(m, "source")
	out, _ := json.Marshal(m)
	return tk.Source().String() + " " + string(out)
}

func wantTasks(t *testing.T, p *plan.Plan, want ...string) {
	t.Helper()
	if len(p.Tasks) != len(want) {
		for _, tk := range p.Tasks {
			t.Log(view(tk))
		}
		t.Fatalf("got %d tasks, want %d", len(p.Tasks), len(want))
	}
	for i, tk := range p.Tasks {
		if got := view(tk); got != want[i] {
			t.Errorf("task %d:\n got %s\nwant %s", i+1, got, want[i])
		}
	}
}

func wantFindings(t *testing.T, fs diag.Findings, want ...string) {
	t.Helper()
	var got []string
	for _, f := range fs {
		got = append(got, f.Pos.String()+" "+f.Rule)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
}

func TestMSPDI(t *testing.T) {
	t.Parallel()
	p := read(t, "plan.xml")
	if p.Format != "MSPDI" || p.Element != "Tasks/Task" {
		t.Errorf("format %q element %q", p.Format, p.Element)
	}
	// MinutesPerDay is 450: 90 hours of work are 12 person-days, 45 are 6,
	// and a 9,000 tenths-of-a-minute lag is 2 days. The UID 0 project row
	// and the null task 14 are not tasks; the unassigned resource -65535
	// is no one; baseline 1 is a snapshot, baseline 0 the baseline; an
	// inactive task is cancelled.
	wantTasks(t, p,
		`plan.xml#Task[UID=1] {"actual_effort":6,"actual_start":"2026-04-01","level":1,"name":"要件定義","planned_effort":12,"planned_finish":"2026-04-10","planned_start":"2026-04-01","progress":60,"summary":true,"wbs_id":"1"}`,
		`plan.xml#Task[UID=12] {"actual_effort":6,"actual_finish":"2026-04-03","actual_start":"2026-04-01","assignee":["佐藤"],"baseline":{"effort":4,"finish":"2026-04-02","start":"2026-04-01"},"level":2,"name":"現行業務の調査","notes":"議事録は共有フォルダ","planned_effort":6,"planned_finish":"2026-04-03","planned_start":"2026-04-01","progress":100,"wbs_id":"1.1"}`,
		`plan.xml#Task[UID=13] {"actual_effort":0,"assignee":["佐藤","鈴木"],"level":2,"name":"要件定義書の作成","planned_effort":6,"planned_finish":"2026-04-10","planned_start":"2026-04-06","predecessors":"1.1","progress":0,"wbs_id":"1.2"}`,
		`plan.xml#Task[UID=15] {"level":2,"milestone":true,"name":"要件定義 完了","planned_finish":"2026-04-13","planned_start":"2026-04-13","predecessors":"1.2SS+2d,1.1FF","progress":0,"wbs_id":"1.3"}`,
		`plan.xml#Task[UID=16] {"level":1,"name":"設計","planned_start":"2026-04-14","wbs_id":"2"}`,
		`plan.xml#Task[UID=17] {"level":1,"name":"旧方式の検証","planned_finish":"2026-04-21","planned_start":"2026-04-20","status":"cancelled","status_raw":"Active=0","wbs_id":"3"}`,
	)
	wantFindings(t, p.Findings,
		"plan.xml#Task[UID=16]/Finish date-unparseable",
		"plan.xml#Task[UID=16]/PercentComplete progress-unparseable",
		"plan.xml#Task[UID=16]/Work effort-unparseable",
	)
	// Each field points at its element.
	tk := p.Tasks[1]
	for field, want := range map[string]string{
		"planned_finish": "plan.xml#Task[UID=12]/Finish", "actual_effort": "plan.xml#Task[UID=12]/ActualWork",
		"assignee": "plan.xml#Task[UID=12]/Assignment", "wbs_id": "plan.xml#Task[UID=12]/WBS", "progress": "plan.xml#Task[UID=12]/PercentComplete",
	} {
		if got := tk.Cell(field).String(); got != want {
			t.Errorf("%s: got %s, want %s", field, got, want)
		}
	}
	if got := p.Tasks[2].Cell("predecessors").String(); got != "plan.xml#Task[UID=13]/PredecessorLink" {
		t.Errorf("predecessors at %s", got)
	}
}

func TestGanttProject(t *testing.T) {
	t.Parallel()
	p := read(t, "plan.gan")
	if p.Format != "GanttProject" {
		t.Errorf("format %q", p.Format)
	}
	// Durations count working days of the file's calendar: weekends, the
	// dated holiday 4/29, the yearly 5/3 and the working Saturday 4/18.
	// A <depend> is written on the predecessor. The first saved baseline
	// is the baseline.
	wantTasks(t, p,
		`plan.gan#task[id=0] {"level":1,"name":"要件定義","planned_finish":"2026-04-14","planned_start":"2026-04-01","progress":60,"summary":true,"wbs_id":"1"}`,
		`plan.gan#task[id=1] {"assignee":["佐藤"],"baseline":{"finish":"2026-04-02","start":"2026-04-01"},"level":2,"name":"現行業務の調査","notes":"議事録は共有フォルダ","planned_finish":"2026-04-03","planned_start":"2026-04-01","progress":100,"wbs_id":"1.1"}`,
		`plan.gan#task[id=2] {"assignee":["佐藤","鈴木"],"level":2,"name":"要件定義書の作成","planned_finish":"2026-04-10","planned_start":"2026-04-06","predecessors":"1.1","progress":0,"wbs_id":"1.2"}`,
		`plan.gan#task[id=3] {"level":2,"milestone":true,"name":"要件定義 完了","planned_finish":"2026-04-13","planned_start":"2026-04-13","predecessors":"1.1FF+2d,1.2SS","progress":0,"wbs_id":"1.3"}`,
		`plan.gan#task[id=4] {"level":1,"name":"設計","planned_finish":"2026-04-21","planned_start":"2026-04-16","wbs_id":"2"}`,
		`plan.gan#task[id=5] {"level":1,"name":"連休明け","planned_finish":"2026-05-05","planned_start":"2026-05-02","progress":0,"wbs_id":"3"}`,
	)
	wantFindings(t, p.Findings, "plan.gan#task[id=4]/complete progress-unparseable")
	if got := p.Tasks[4].Cell("planned_finish").String(); got != "plan.gan#task[id=4]/duration" {
		t.Errorf("planned_finish at %s", got)
	}
}

func TestGanttProjectHolidayOverWorkingDays(t *testing.T) {
	t.Parallel()
	// 4/29 (Wed) is a holiday of the file: 3 working days from 4/28 end on 5/1.
	gan := `<?xml version="1.0"?><project name="x" version="3.2"><calendars><day-types><default-week sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/></day-types>
<date year="2026" month="4" date="29" type="HOLIDAY"/></calendars><tasks><task id="7" name="a" start="2026-04-28" duration="3" complete="0"/></tasks></project>`
	p, err := plan.Parse("h.gan", []byte(gan))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Tasks[0].PlannedFinish.String(); got != "2026-05-01" {
		t.Errorf("finish %s, want 2026-05-01", got)
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	mspdi := `<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>作業</Name><OutlineLevel>1</OutlineLevel></Task></Tasks></Project>`
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"mspdi", []byte(mspdi), "MSPDI"},
		{"mspdi with BOM, declaration and comments", []byte("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- saved by ProjectLibre -->\n<!-- second -->" + mspdi), "MSPDI"},
		{"mspdi in UTF-16", utf16le(`<?xml version="1.0" encoding="UTF-16"?>` + mspdi), "MSPDI"},
		{"gan", []byte(`<?xml version="1.0" encoding="UTF-8"?><project name="a" version="3.2"><tasks/></project>`), "GanttProject"},
		{"other xml", []byte(`<?xml version="1.0"?><Project><Tasks/></Project>`), ""},
		{"html", []byte(`<html><table></table></html>`), ""},
		{"csv", []byte("a,b\n1,2\n"), ""},
	}
	for _, c := range cases {
		if got := plan.Format(c.data); got != c.want {
			t.Errorf("%s: Format = %q, want %q", c.name, got, c.want)
		}
		if c.want == "MSPDI" {
			p, err := plan.Parse("p.xml", c.data)
			if err != nil || len(p.Tasks) != 1 || p.Tasks[0].Name != "作業" {
				t.Errorf("%s: Parse = %+v, %v", c.name, p, err)
			}
		}
	}
}

func TestBadPlans(t *testing.T) {
	t.Parallel()
	deep := `<project name="a"><tasks>` + strings.Repeat(`<task id="1" name="x">`, 400) + strings.Repeat(`</task>`, 400) + `</tasks></project>`
	long := `<project name="a"><tasks>` + strings.Repeat(`<task id="1" name="x" start="2026-04-01" duration="100000"/>`, 51) + `</tasks></project>`
	cases := []struct{ name, data, want string }{
		{"durations of thousands of years", long, "durations add up"},
		{"truncated", `<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>a`, "p.xml"},
		{"no tasks", `<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>0</UID><OutlineLevel>0</OutlineLevel></Task></Tasks></Project>`, "no tasks"},
		{"nested too deep", deep, "nested more than"},
		{"shift_jis declared", `<?xml version="1.0" encoding="Shift_JIS"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks/></Project>`, "UTF-8"},
		{"not a plan", `<?xml version="1.0"?><feed/>`, "neither MS Project XML nor a GanttProject"},
	}
	for _, c := range cases {
		_, err := plan.Parse("p.xml", []byte(c.data))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "p.xml") {
			t.Errorf("%s: error %q, want one line naming p.xml with %q", c.name, msg, c.want)
		}
	}
}
