package scaffold

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/docprops"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
)

// words are the sample texts of one language: the example team, the file
// and sheet names and the one example row of each sheet.
type words struct {
	Project     string // name of a project given none
	Team        string
	Members     []string
	Files       [5]string // under teams/: WBS, issues, risks, actions, tests
	Sheets      [5]string
	Phase, Task string
	Deliverable string
	Example     string // tells the reader the row is an example
	Issue       string
	IssueKind   string
	Risk        string
	RiskKind    string
	Mitigation  string
	Action      string // the example action item and the meeting it came from
	Meeting     string
	Test        string // the example test case
}

func wordsFor(lang string) words {
	if lang == "en" {
		return words{
			Project: "New project", Team: "Business", Members: []string{"Sato", "Suzuki"},
			Files:  [5]string{"WBS.xlsx", "issues.xlsx", "risks.xlsx", "actions.xlsx", "tests.xlsx"},
			Sheets: [5]string{"WBS", "Issues", "Risks", "Actions", "Tests"},
			Phase:  "Requirements", Task: "Survey current operations", Deliverable: "Current process flow",
			Example: "Example row: rewrite it or delete the row",
			Issue:   "How requirements are signed off is not decided", IssueKind: "Requirements",
			Risk: "Key users cannot spare time for workshops", RiskKind: "Staffing",
			Mitigation: "Agree the workshop dates with the business lead in advance",
			Action:     "Send the workshop schedule to the key users", Meeting: "Weekly meeting",
			Test: "Log in with a valid user",
		}
	}
	return words{
		Project: "新規プロジェクト", Team: "業務", Members: []string{"佐藤", "鈴木"},
		Files:  [5]string{"WBS.xlsx", "課題管理表.xlsx", "リスク管理表.xlsx", "アクション一覧.xlsx", "テスト仕様書.xlsx"},
		Sheets: [5]string{"WBS", "課題管理表", "リスク管理表", "アクション", "テスト仕様書"},
		Phase:  "要件定義", Task: "現行業務の調査", Deliverable: "現行業務フロー",
		Example: "記入例です。書き換えるか、行ごと削除してください",
		Issue:   "要件の承認手順が決まっていない", IssueKind: "要件",
		Risk: "キーユーザーがヒアリングの時間を確保できない", RiskKind: "体制",
		Mitigation: "業務部門長とヒアリング日程を事前に合意する",
		Action:     "ヒアリング日程をキーユーザーへ連絡する", Meeting: "定例会議",
		Test: "正しい利用者IDでログインできる",
	}
}

// lastRow is the last row the drop-downs reach: far more rows than a
// team sheet holds, but not Excel's whole column. ExcelJS expands a
// validation into one entry per cell: three whole-column drop-downs took
// it 31 s to open a blank WBS sheet, 10,000 rows take it well under one.
const lastRow = 10000

// blank is one blank team sheet: the header row, the example rows and the
// drop-down lists.
type blank struct {
	name   string
	cols   []report.Column
	rows   []map[string]any // by field: string, float64 or date.Date
	lists  map[string][]string
	freeze string // the columns up to this field stay in view
}

// sheets returns the WBS, issue and risk sheets.
func (p *plan) sheets() []blank {
	d := &report.Document{Lang: p.Lang, L: report.LabelsFor(p.Lang)}
	w, yes := p.w, d.L.Get("yes")
	var taskStatus, itemStatus, prio []string
	for _, s := range []project.TaskStatus{project.NotStarted, project.InProgress, project.Done, project.OnHold, project.Cancelled} {
		taskStatus = append(taskStatus, d.TaskStatus(s))
	}
	for _, s := range []project.ItemStatus{project.Open, project.ItemWorking, project.ItemOnHold, project.Resolved, project.Closed} {
		itemStatus = append(itemStatus, d.ItemStatus(s))
	}
	for _, pr := range []project.Priority{project.High, project.Medium, project.Low} {
		prio = append(prio, d.Priority(pr))
	}
	// Sample dates follow the plan's own calendar, and the example task
	// is exactly as far along as planned on the status date, so a fresh
	// project reads green and raises no findings.
	taskEnd := min(p.cal.AddWorkdays(p.first, 9), p.ms[0])
	task := map[string]any{"wbs_id": "1.1", "level": 2.0, "name": w.Task, "team": w.Team, "assignee": w.Members[0],
		"planned_start": p.first, "planned_finish": taskEnd, "planned_effort": 10.0,
		"deliverable": w.Deliverable, "notes": w.Example}
	pct := 0.0
	if p.AsOf >= p.first {
		pct = math.Round(float64(p.cal.WorkdaysBetween(p.first, min(p.AsOf, taskEnd))) / float64(p.cal.WorkdaysBetween(p.first, taskEnd)) * 100)
	}
	task["progress"], task["status"] = pct/100, d.TaskStatus(project.NotStarted)
	if pct > 0 {
		task["actual_start"], task["status"] = p.first, d.TaskStatus(project.InProgress)
	}
	if pct == 100 {
		task["actual_finish"], task["status"] = taskEnd, d.TaskStatus(project.Done)
	}
	return []blank{{
		name: w.Sheets[0], cols: inputs(d.TaskColumns(), project.KindWBS), freeze: "name",
		lists: map[string][]string{"status": taskStatus, "milestone": {yes}},
		rows: []map[string]any{
			{"wbs_id": "1", "level": 1.0, "name": w.Phase, "team": w.Team, "planned_start": p.first, "planned_finish": p.ms[0]},
			task,
		},
	}, {
		name: w.Sheets[1], cols: inputs(d.IssueColumns(), project.KindIssues), freeze: "title",
		lists: map[string][]string{"status": itemStatus, "priority": prio},
		rows: []map[string]any{{
			"id": "1", "title": w.Issue, "description": w.Example, "category": w.IssueKind,
			"priority": d.Priority(project.Medium), "status": d.ItemStatus(project.Open),
			"raised_on": p.AsOf, "raised_by": w.Members[1], "owner": w.Members[0],
			"due": p.within(p.cal.AddWorkdays(p.AsOf, 10)), "related_task": "1.1",
		}},
	}, {
		name: w.Sheets[2], cols: inputs(d.RiskColumns(), project.KindRisks), freeze: "title",
		lists: map[string][]string{"status": itemStatus},
		rows: []map[string]any{{
			"id": "1", "title": w.Risk, "description": w.Example, "category": w.RiskKind,
			"probability": 3.0, "impact": 3.0, "owner": w.Members[0], "mitigation": w.Mitigation,
			"status": d.ItemStatus(project.Open), "due": p.within(p.cal.AddWorkdays(p.AsOf, 20)),
		}},
	}, p.actionSheet(d, itemStatus), p.testSheet(d)}
}

// inputs keeps the columns a team fills in: the standard fields of kind,
// in the tracker's order. Computed columns go, and so does a risk's score,
// which the tracker works out from probability × impact.
func inputs(cols []report.Column, kind project.Kind) []report.Column {
	fields := config.Fields(kind)
	var out []report.Column
	for _, c := range cols {
		if slices.Contains(fields, c.Key) && c.Key != "score" {
			out = append(out, c)
		}
	}
	return out
}

// workbook writes the sheet as an .xlsx file.
func (s blank) workbook(p *plan) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, name: s.name}
	b.do(f.SetSheetName("Sheet1", s.name))
	font, sep := "游ゴシック", "："
	if p.Lang == "en" {
		font, sep = "Calibri", ": "
	}
	b.do(f.SetDefaultFont(font))
	stamp := p.AsOf.String() + "T00:00:00Z"
	docprops.Set(f, docprops.Props{
		Title: s.name + sep + p.Name, Subject: p.Name, Identifier: p.ID, Language: p.Lang,
		Creator: "pmo", LastModifiedBy: "pmo", Created: stamp, Modified: stamp,
	})
	b.do(f.SetAppProps(&excelize.AppProperties{Application: "pmo"}))

	at := map[string]string{} // field -> column letter
	for i, c := range s.cols {
		col, err := excelize.ColumnNumberToName(i + 1)
		b.do(err)
		at[c.Key] = col
		for r, row := range s.rows {
			b.value(col+fmt.Sprint(r+2), row[c.Key])
		}
		if code := numFmt(c); code != "" {
			b.do(f.SetColStyle(s.name, col, b.style(&excelize.Style{CustomNumFmt: &code})))
		}
		b.do(f.SetColWidth(s.name, col, col, colWidth(c)))
	}
	last := at[s.cols[len(s.cols)-1].Key]
	header := b.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF", Family: font},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border: []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
			{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}},
	})
	for _, c := range s.cols {
		b.do(f.SetCellStr(s.name, at[c.Key]+"1", c.Label))
	}
	b.do(f.SetCellStyle(s.name, "A1", last+"1", header))
	b.do(f.AutoFilter(s.name, fmt.Sprintf("A1:%s%d", last, len(s.rows)+1), nil))

	frozen := slices.IndexFunc(s.cols, func(c report.Column) bool { return c.Key == s.freeze }) + 1
	next, _ := excelize.CoordinatesToCellName(frozen+1, 2)
	b.do(f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, XSplit: frozen, YSplit: 1, TopLeftCell: next, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: next, ActiveCell: next, Pane: "bottomRight"}},
	}))

	for _, c := range s.cols {
		col := at[c.Key]
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, lastRow)
		switch {
		case s.lists[c.Key] != nil:
			b.do(dv.SetDropList(s.lists[c.Key]))
		case c.Key == "progress":
			b.do(dv.SetRange(0, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		case c.Key == "probability" || c.Key == "impact":
			b.do(dv.SetRange(1, 5, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		default:
			continue
		}
		// A warning, not a refusal: pmo's reader understands more words
		// than the list offers, and a team may have its own.
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.Label, "")
		b.do(f.AddDataValidation(s.name, dv))
	}

	landscape, fit := "landscape", 1
	b.do(f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: new(int)}))
	fitPage := true
	b.do(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fitPage}))
	b.do(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + s.name + "'!$1:$1", Scope: s.name}))
	if b.err != nil {
		return nil, b.err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func numFmt(c report.Column) string {
	switch {
	case c.Kind == report.Date:
		return "yyyy/mm/dd"
	case c.Kind == report.Percent:
		return "0%"
	case c.Kind == report.Number:
		return "#,##0.0"
	case c.Kind == report.Integer:
		return "0"
	case c.Key == "wbs_id", c.Key == "id", c.Key == "predecessors", c.Key == "related_task":
		// These look like numbers but are not: Excel would turn a typed
		// 1.10 into 1.1.
		return "@"
	}
	return ""
}

// colWidth fits the header (East Asian characters count two) and the
// values the column is meant for.
func colWidth(c report.Column) float64 {
	w := 10.0
	switch c.Kind {
	case report.Date:
		w = 12
	case report.Percent, report.Integer:
		w = 8
	case report.Text:
		// Columns that hold a sentence rather than a word.
		switch c.Key {
		case "name", "title":
			w = 36
		case "description", "mitigation", "resolution":
			w = 40
		case "notes":
			w = 30
		case "deliverable":
			w = 24
		}
	}
	hw := 0
	for _, r := range c.Label {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			hw += 2
		default:
			hw++
		}
	}
	// Room for the filter button beside the header text.
	return max(w, float64(hw)+4)
}

// builder keeps the first error of a sequence of workbook steps, so the
// steps read as a plain list.
type builder struct {
	f    *excelize.File
	name string
	err  error
}

func (b *builder) do(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *builder) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

// value writes one example cell. Text stays text: SetCellStr never makes
// a formula or a number of it.
func (b *builder) value(cell string, v any) {
	switch v := v.(type) {
	case string:
		b.do(b.f.SetCellStr(b.name, cell, v))
	case float64:
		b.do(b.f.SetCellFloat(b.name, cell, v, -1, 64))
	case date.Date:
		b.do(b.f.SetCellInt(b.name, cell, int64(v)))
	}
}
