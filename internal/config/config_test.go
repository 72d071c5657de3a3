package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// minimal is the smallest project definition in PRODUCT.md, which every
// version must load without findings.
const minimal = `version: 1
project:
  id: crm
  name: 顧客管理システム刷新
  pm: 山田 太郎
  start: 2026-04-01
  end: 2027-03-31
  status_date: 2026-11-20
calendar:
  holidays: jp              # Japanese national holidays
  days_off: [2026-12-29, 2026-12-30, 2026-12-31]
sources:
  - file: teams/基盤/WBS.xlsx
    kind: wbs
  - file: teams/課題管理表.xlsx
    kind: issues
`

func TestParseMinimal(t *testing.T) {
	t.Parallel()
	p, found, err := Parse("crm/project.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 0 {
		t.Fatalf("findings: %v", found)
	}
	if p.Path != "crm/project.yaml" || p.Dir != "crm" || p.Version != 1 {
		t.Errorf("Path, Dir, Version = %q, %q, %d", p.Path, p.Dir, p.Version)
	}
	info := p.Project
	if info.ID != "crm" || info.Name != "顧客管理システム刷新" || info.PM != "山田 太郎" || info.Currency != "JPY" {
		t.Errorf("project = %+v", info)
	}
	if info.Start != date.Of(2026, 4, 1) || info.End != date.Of(2027, 3, 31) || info.StatusDate != date.Of(2026, 11, 20) {
		t.Errorf("dates = %s %s %s", info.Start, info.End, info.StatusDate)
	}
	if want := (diag.Pos{File: "project.yaml", Row: 7, Col: 8}); info.EndPos != want {
		t.Errorf("EndPos = %v, want %v", info.EndPos, want)
	}
	if got := p.Calendar.DaysOff; len(got) != 3 || got[2].From != date.Of(2026, 12, 31) || got[2].To != got[2].From || got[2].Pos.Col != 38 {
		t.Errorf("days_off = %+v", got)
	}
	if p.Calendar.Holidays != "jp" || p.Report.Lang != "ja" || p.Thresholds.SPI != DefaultThresholds().SPI {
		t.Errorf("defaults not filled: %q %q %+v", p.Calendar.Holidays, p.Report.Lang, p.Thresholds.SPI)
	}
	want := []struct {
		file, path string
		kind       project.Kind
	}{
		{"teams/基盤/WBS.xlsx", filepath.Join("crm", "teams", "基盤", "WBS.xlsx"), project.KindWBS},
		{"teams/課題管理表.xlsx", filepath.Join("crm", "teams", "課題管理表.xlsx"), project.KindIssues},
	}
	if len(p.Sources) != len(want) {
		t.Fatalf("sources = %+v", p.Sources)
	}
	for i, w := range want {
		s := p.Sources[i]
		if s.File != w.file || s.Path != w.path || s.Kind != w.kind {
			t.Errorf("source %d = %q %q %q, want %+v", i, s.File, s.Path, s.Kind, w)
		}
	}
	if got := p.Sources[1].FilePos; got.Row != 15 || got.Col != 11 {
		t.Errorf("FilePos = %v", got)
	}
}

func TestParseFull(t *testing.T) {
	t.Parallel()
	const full = `version: 1
project:
  id: crm-2026_a
  name: 顧客管理システム刷新
  pm: 山田 太郎
  sponsor: 佐藤 部長
  start: "2026/4/1"
  end: "2027-03-31"
  budget: 12,000,000
  cost_per_day: 60000
  currency: usd
teams:
  - name: 基盤
    lead: 鈴木
    members: [鈴木 一郎, {name: 田中 花子, capacity: 4.5, aliases: [田中, tanaka]}]
calendar:
  holidays: none
  days_off: [2026-12-29..2027-01-03, "2027/02/01"]
  workdays: 2026-11-28
milestones:
  - name: 結合テスト完了
    date: 2026-12-25
    done: true
    wbs_id: 3.40
thresholds:
  spi: {amber: 0.9}
  overdue_high_issues: {red: 5}
  behind_points: 15
  capacity: 4
report:
  lang: en
  title: Steering 11月
  comment: |
    予定どおり。
  decisions: 本番日の決定
  escalations: [要員不足]
sources:
  - file: /data/課題.csv
    kind: issues
    team: 基盤
    sheet: 課題
    header_rows: 3
    columns:
      title: 件名
      owner: AB
      due: 7
    encoding: CP932
    password_env: CRM_PASS
  - file: wbs.xlsx
    header_rows: [3, 4]
`
	p, found, err := Parse("project.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 0 {
		t.Fatalf("findings: %v", found)
	}
	info := p.Project
	if info.ID != "crm-2026_a" || info.Start != date.Of(2026, 4, 1) || info.Budget != 12_000_000 || info.CostPerDay != 60000 || info.Currency != "USD" || info.Sponsor != "佐藤 部長" {
		t.Errorf("project = %+v", info)
	}
	team := p.Teams[0]
	if team.Name != "基盤" || team.Lead != "鈴木" || len(team.Members) != 2 {
		t.Fatalf("team = %+v", team)
	}
	if m := team.Members[1]; m.Name != "田中 花子" || m.Capacity != 4.5 || !slices.Equal(m.Aliases, []string{"田中", "tanaka"}) {
		t.Errorf("member = %+v", m)
	}
	c := p.Calendar
	if c.Holidays != "none" || len(c.DaysOff) != 2 || c.DaysOff[0].To != date.Of(2027, 1, 3) || c.DaysOff[1].From != date.Of(2027, 2, 1) {
		t.Errorf("calendar = %+v", c)
	}
	if len(c.Workdays) != 1 || c.Workdays[0].From != date.Of(2026, 11, 28) || !c.Workdays[0].Contains(date.Of(2026, 11, 28)) {
		t.Errorf("workdays = %+v", c.Workdays)
	}
	if m := p.Milestones[0]; !m.Done || m.WBSID != "3.40" || m.Date != date.Of(2026, 12, 25) || m.DatePos.Row != 22 {
		t.Errorf("milestone = %+v", m)
	}
	th := p.Thresholds
	if th.SPI.Amber != 0.9 || th.SPI.Red != 0.85 || th.OverdueHighIssues != (CountBand{Amber: 1, Red: 5, Pos: th.OverdueHighIssues.Pos, RedPos: th.OverdueHighIssues.RedPos}) ||
		th.BehindPoints != 15 || th.Capacity != 4 || th.CPI.Amber != 0.95 {
		t.Errorf("thresholds = %+v", th)
	}
	r := p.Report
	if r.Lang != "en" || r.Title != "Steering 11月" || r.Comment != "予定どおり。" || !slices.Equal(r.Decisions, []string{"本番日の決定"}) || len(r.Escalations) != 1 {
		t.Errorf("report = %+v", r)
	}
	s := p.Sources[0]
	if s.Path != "/data/課題.csv" || s.Team != "基盤" || s.Sheet != "課題" || !slices.Equal(s.HeaderRows, []int{3}) ||
		s.Encoding != EncodingShiftJIS || s.PasswordEnv != "CRM_PASS" {
		t.Errorf("source = %+v", s)
	}
	wantCols := []Column{
		{Field: "title", Header: "件名", Pos: diag.Pos{File: "project.yaml", Row: 44, Col: 14}},
		{Field: "owner", Header: "AB", Letter: 28, Pos: diag.Pos{File: "project.yaml", Row: 45, Col: 14}},
		{Field: "due", Letter: 7, Pos: diag.Pos{File: "project.yaml", Row: 46, Col: 12}},
	}
	if !slices.Equal(s.Columns, wantCols) {
		t.Errorf("columns = %+v\nwant %+v", s.Columns, wantCols)
	}
	if s := p.Sources[1]; s.Kind != "" || s.Path != "wbs.xlsx" || !slices.Equal(s.HeaderRows, []int{3, 4}) {
		t.Errorf("second source = %+v", s)
	}
}

// head is a valid project whose first free line is 8 (inside project:)
// when used by inProject, and 10 (top level) when used by top.
const head = "version: 1\nproject:\n  id: crm\n  name: x\n  pm: y\n  start: 2026-04-01\n  end: 2027-03-31\n"

func inProject(lines string) string { return head + lines + "\nsources:\n  - file: a.xlsx\n" }
func top(lines string) string       { return head + "sources:\n  - file: a.xlsx\n" + lines + "\n" }
func withSources(lines string) string {
	return head + "sources:\n" + lines + "\n"
}

type want struct {
	sev  diag.Severity
	rule string
	at   string // line:col
	msg  string
}

func TestParseFindings(t *testing.T) {
	t.Parallel()
	E, W := diag.Error, diag.Warning
	tests := []struct {
		name string
		yaml string
		want []want
	}{
		{"unknown top-level key", top("sorces: []"), []want{{E, RuleUnknownKey, "10:1", `unknown key "sorces" in the top level (did you mean "sources"?)`}}},
		{"unknown key far from any", top("colour: red"), []want{{E, RuleUnknownKey, "10:1", `unknown key "colour" in the top level`}}},
		{"unknown key in project", inProject("  nmae: x"), []want{{E, RuleUnknownKey, "8:3", `unknown key "nmae" in project (did you mean "name"?)`}}},
		{"duplicate key", top("sources: []"), []want{{E, RuleDuplicateKey, "10:1", `duplicate key "sources" in the top level (first at line 8)`}}},
		{"key that is a list", top("? [a]\n: 1"), []want{{E, RuleWrongType, "10:3", `a key in the top level must be a plain name, got a list`}}},
		{"project not a mapping", "version: 1\nproject: crm\nsources: [{file: a}]\n", []want{{E, RuleWrongType, "2:10", `project must be a mapping of keys, got "crm"`}}},
		{"project missing", "version: 1\nsources: [{file: a}]\n", []want{{E, RuleMissingKey, "1:1", `missing required key "project" in the top level`}}},
		{"sources missing", head, []want{{W, RuleMissingKey, "1:1", `no sources listed: the project has no WBS, issue or risk sheets to read`}}},
		{"id not a folder name", strings.Replace(inProject(""), "id: crm", "id: CRM 2026", 1), []want{{E, RuleBadValue, "3:7", `project.id "CRM 2026" must start with a-z or 0-9 and use only a-z, 0-9, _ and - (it names the output folder)`}}},
		{"id reserved on Windows", strings.Replace(inProject(""), "id: crm", "id: con", 1), []want{{E, RuleBadValue, "3:7", `project.id "con" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another (it names the output folder)`}}},
		{"id lpt9", strings.Replace(inProject(""), "id: crm", "id: lpt9", 1), []want{{E, RuleBadValue, "3:7", `project.id "lpt9" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another (it names the output folder)`}}},
		{"id too long", strings.Replace(inProject(""), "id: crm", "id: "+strings.Repeat("a", 65), 1), []want{{E, RuleBadValue, "3:7", `project.id is 65 characters long; at most 64 are allowed (it names the output folder)`}}},
		{"id missing", strings.Replace(inProject(""), "  id: crm\n", "", 1), []want{{E, RuleMissingKey, "3:3", `missing required key "id" in project`}}},
		{"start missing", strings.Replace(inProject(""), "  start: 2026-04-01\n", "", 1), []want{{E, RuleMissingKey, "3:3", `missing required key "start" in project`}}},
		{"name empty", strings.Replace(inProject(""), "name: x", "name:", 1), []want{{E, RuleMissingKey, "4:8", `project.name is empty`}}},
		{"pm missing is a warning", strings.Replace(inProject(""), "  pm: y\n", "", 1), []want{{W, RuleMissingKey, "3:3", `missing required key "pm" in project`}}},
		{"end before start", strings.Replace(inProject(""), "end: 2027-03-31", "end: 2026-03-01", 1), []want{{E, RuleDateOrder, "7:8", `project.end 2026-03-01 is before project.start 2026-04-01`}}},
		{"start not a real day", strings.Replace(inProject(""), "start: 2026-04-01", "start: 2026-02-30", 1), []want{{E, RuleBadDate, "6:10", `project.start: "2026-02-30" is not a date (write YYYY-MM-DD)`}}},
		{"status date as a number", inProject("  status_date: 20261120"), []want{{E, RuleBadDate, "8:16", `project.status_date: "20261120" is not a date (write YYYY-MM-DD)`}}},
		{"status date with a time", inProject("  status_date: 2026-11-20T09:00:00"), []want{{E, RuleBadDate, "8:16", `project.status_date: "2026-11-20T09:00:00" is not a date (write YYYY-MM-DD)`}}},
		{"status date as a list", inProject("  status_date: [2026-11-20]"), []want{{E, RuleBadDate, "8:16", `project.status_date: a list is not a date (write YYYY-MM-DD)`}}},
		{"budget not a number", inProject("  budget: lots"), []want{{E, RuleWrongType, "8:11", `project.budget must be a number, got "lots"`}}},
		{"budget infinite", inProject("  budget: .inf"), []want{{E, RuleWrongType, "8:11", `project.budget must be a number, got ".inf"`}}},
		{"budget negative", inProject("  budget: -5"), []want{{E, RuleBadValue, "8:11", `project.budget must be 0 or more, got -5`}}},
		{"currency", inProject("  currency: yen!"), []want{{E, RuleBadValue, "8:13", `project.currency "yen!" must be a three-letter code such as JPY or USD`}}},
		{"teams not a list", top("teams: 基盤"), []want{{E, RuleWrongType, "10:8", `teams must be a list, got "基盤"`}}},
		{"team without name", top("teams:\n  - lead: 鈴木"), []want{{E, RuleMissingKey, "11:5", `missing required key "name" in teams`}}},
		{"team twice", top("teams:\n  - name: 基盤\n  - name: 基盤"), []want{{E, RuleDuplicateTeam, "12:11", `team "基盤" is listed twice (first at line 11)`}}},
		{"member as a list", top("teams:\n  - name: 基盤\n    members: [[a]]"), []want{{E, RuleWrongType, "12:15", `teams.members entries must be a name or a mapping with name, capacity and aliases, got a list`}}},
		{"member capacity zero", top("teams:\n  - name: 基盤\n    members:\n      - {name: 鈴木, capacity: 0}"), []want{{E, RuleBadValue, "13:30", `teams.members.capacity must be more than 0 and at most 7, got 0`}}},
		{"calendar not a mapping", top("calendar: [jp]"), []want{{E, RuleWrongType, "10:11", `calendar must be a mapping of keys, got a list`}}},
		{"holidays enum", top("calendar:\n  holidays: us"), []want{{E, RuleBadValue, "11:13", `calendar.holidays "us" is not one of jp, none`}}},
		{"holidays case", top("calendar:\n  holidays: JP"), []want{{E, RuleBadValue, "11:13", `calendar.holidays "JP" is not one of jp, none (did you mean "jp"?)`}}},
		{"day off not a day", top("calendar:\n  days_off: [2026-12-29, 2026-02-30]"), []want{{E, RuleBadDate, "11:26", `calendar.days_off: "2026-02-30" is not a date (write YYYY-MM-DD)`}}},
		{"range backwards", top(`calendar:` + "\n" + `  days_off: ["2027-01-03..2026-12-29"]`), []want{{E, RuleDateOrder, "11:14", `calendar.days_off: range 2027-01-03..2026-12-29 ends before it starts`}}},
		{"range with a bad end", top("calendar:\n  days_off: 2026-12-29..soon"), []want{{E, RuleBadDate, "11:13", `calendar.days_off: "2026-12-29..soon" is not a date range (write YYYY-MM-DD..YYYY-MM-DD)`}}},
		{"workdays a mapping", top("calendar:\n  workdays: {a: 1}"), []want{{E, RuleWrongType, "11:13", `calendar.workdays must be a list, got a mapping`}}},
		{"milestone without date", top("milestones:\n  - name: 結合テスト完了"), []want{{E, RuleMissingKey, "11:5", `missing required key "date" in milestones`}}},
		{"milestone empty date", top("milestones:\n  - name: x\n    date:"), []want{{E, RuleMissingKey, "12:10", `milestones.date is empty`}}},
		{"milestone done yes", top("milestones:\n  - name: x\n    date: 2026-12-25\n    done: yes"), []want{{E, RuleWrongType, "13:11", `milestones.done must be true or false, got "yes"`}}},
		{"spi red above amber", top("thresholds:\n  spi: {amber: 0.8, red: 0.9}"), []want{{E, RuleBadValue, "11:26", `thresholds.spi.red 0.9 must not be above thresholds.spi.amber 0.8`}}},
		{"cpi red above default amber", top("thresholds:\n  cpi: {red: 0.97}"), []want{{E, RuleBadValue, "11:14", `thresholds.cpi.red 0.97 must not be above thresholds.cpi.amber 0.95`}}},
		{"band key", top("thresholds:\n  spi: {amber: 0.9, yellow: 0.8}"), []want{{E, RuleUnknownKey, "11:21", `unknown key "yellow" in thresholds.spi`}}},
		{"behind points range", top("thresholds:\n  behind_points: 150"), []want{{E, RuleBadValue, "11:18", `thresholds.behind_points must be between 0 and 100, got 150`}}},
		{"overdue red below amber", top("thresholds:\n  overdue_high_issues: {amber: 3, red: 1}"), []want{{E, RuleBadValue, "11:40", `thresholds.overdue_high_issues.red 1 must not be below thresholds.overdue_high_issues.amber 3`}}},
		{"slip days fraction", top("thresholds:\n  milestone_slip_days: 1.5"), []want{{E, RuleWrongType, "11:24", `thresholds.milestone_slip_days must be a whole number, got "1.5"`}}},
		{"slip days negative", top("thresholds:\n  milestone_slip_days: -1"), []want{{E, RuleBadValue, "11:24", `thresholds.milestone_slip_days must be 0 or more, got -1`}}},
		{"report lang", top("report:\n  lang: fr"), []want{{E, RuleBadValue, "11:9", `report.lang "fr" is not one of ja, en`}}},
		{"report decisions mapping", top("report:\n  decisions: {a: b}"), []want{{E, RuleMissingKey, "11:14", `missing required key "text" in report.decisions`}, {E, RuleUnknownKey, "11:15", `unknown key "a" in report.decisions`}}},
		{"report decision status", top("report:\n  decisions:\n    - {text: x, status: done}"), []want{{E, RuleBadValue, "12:25", `report.decisions.status "done" is not one of pending, decided, withdrawn`}}},
		{"report decision order", top("report:\n  decisions:\n    - {text: x, raised_on: 2026-05-01, decided_on: 2026-04-01}"), []want{{E, RuleDateOrder, "12:52", `report.decisions.decided_on 2026-04-01 is before raised_on 2026-05-01`}}},
		{"action without title", top("actions:\n  - {owner: 山田}"), []want{{E, RuleMissingKey, "11:5", `missing required key "title" in actions`}}},
		{"action bad due", top("actions:\n  - {title: x, due: soon}"), []want{{E, RuleBadDate, "11:21", `actions.due: "soon" is not a date (write YYYY-MM-DD)`}}},
		{"source category", withSources("  - file: a.xlsx\n    category: bug"), []want{{E, RuleBadValue, "10:15", `sources.category "bug" is not one of defect`}}},
		{"report comment list", top("report:\n  comment: [a]"), []want{{E, RuleWrongType, "11:12", `report.comment must be text, got a list`}}},
		{"source kind", withSources("  - file: a.xlsx\n    kind: issue"), []want{{E, RuleBadValue, "10:11", `sources.kind "issue" is not one of wbs, issues, risks, actions, tests (did you mean "issues"?)`}}},
		{"source without file", withSources("  - kind: wbs"), []want{{E, RuleMissingKey, "9:5", `missing required key "file" in sources`}}},
		{"source empty file", withSources(`  - file: ""`), []want{{E, RuleMissingKey, "9:11", `sources.file is empty`}}},
		{"source unknown key", withSources("  - file: a.xlsx\n    sheeet: WBS"), []want{{E, RuleUnknownKey, "10:5", `unknown key "sheeet" in sources (did you mean "sheet"?)`}}},
		{"source password key", withSources("  - file: a.xlsx\n    password: x"), []want{{E, RuleUnknownKey, "10:5", `unknown key "password" in sources (did you mean "password_env"?)`}}},
		{"column field typo", withSources("  - file: a.xlsx\n    kind: wbs\n    columns:\n      plan_start: 予定開始"), []want{{E, RuleUnknownField, "12:7", `unknown field "plan_start" in sources.columns for kind wbs (did you mean "planned_start"?)`}}},
		{"column field of another kind", withSources("  - file: a.xlsx\n    kind: issues\n    columns: {progress: F}"), []want{{E, RuleUnknownField, "11:15", `unknown field "progress" in sources.columns for kind issues`}}},
		{"column field without kind", withSources("  - file: a.xlsx\n    columns: {owner: F, start: G}"), []want{{E, RuleUnknownField, "10:25", `unknown field "start" in sources.columns`}}},
		{"column number zero", withSources("  - file: a.xlsx\n    columns: {owner: 0}"), []want{{E, RuleBadValue, "10:22", `sources.columns.owner: column "0" is outside 1..16384 (A..XFD)`}}},
		{"column header list", withSources("  - file: a.xlsx\n    columns: {owner: [F]}"), []want{{E, RuleWrongType, "10:22", `sources.columns.owner must be text, got a list`}}},
		{"columns a list", withSources("  - file: a.xlsx\n    columns: [F]"), []want{{E, RuleWrongType, "10:14", `sources.columns must be a mapping of field: header, got a list`}}},
		{"column twice", withSources("  - file: a.xlsx\n    columns: {owner: F, owner: G}"), []want{{E, RuleDuplicateKey, "10:25", `duplicate key "owner" in sources.columns (first at line 10)`}}},
		{"header row zero", withSources("  - file: a.xlsx\n    header_rows: [3, 0]"), []want{{E, RuleBadValue, "10:22", `sources.header_rows: row 0 is outside 1..1048576`}}},
		{"header row text", withSources("  - file: a.xlsx\n    header_rows: three"), []want{{E, RuleWrongType, "10:18", `sources.header_rows must be a whole number, got "three"`}}},
		{"encoding", withSources("  - file: a.csv\n    encoding: latin1"), []want{{E, RuleBadValue, "10:15", `sources.encoding "latin1" is not one of utf-8, shift_jis (cp932, sjis and windows-31j mean shift_jis)`}}},
		{"password in password_env", withSources("  - file: a.xlsx\n    password_env: \"s3cret pass\""), []want{{E, RuleBadValue, "10:19", `sources.password_env must be the name of an environment variable (letters, digits and _), not the password`}}},
		{"duplicate source", withSources("  - file: a.xlsx\n  - file: ./a.xlsx"), []want{{E, RuleDuplicateSource, "10:11", `source "./a.xlsx" is listed twice (first at line 9); its rows would be counted twice`}}},
		{"same file, other sheets", withSources("  - file: a.xlsx\n    sheet: WBS\n  - file: a.xlsx\n    sheet: 課題"), nil},
		{"same file, other kinds", withSources("  - file: a.xlsx\n    kind: wbs\n  - file: a.xlsx\n    kind: risks"), nil},
		{"two teams", top("teams:\n  - name: 基盤\n    members: [a, b]\n  - name: 開発"), nil},
		{"source team not a team", "version: 1\nproject: {id: a, name: b, pm: c, start: 2026-04-01, end: 2026-05-01}\nteams: [{name: 基盤}, {name: 開発}]\nsources: [{file: a, team: 営業}]\n",
			[]want{{W, RuleUnknownTeam, "4:27", `sources.team "営業" is not one of the teams (基盤, 開発)`}}},
		{"null values mean absent", inProject("  budget:\n  status_date: ~"), nil},
		{"several findings sorted", top("report:\n  lang: fr\ncolour: x"), []want{
			{E, RuleBadValue, "11:9", `report.lang "fr" is not one of ja, en`},
			{E, RuleUnknownKey, "12:1", `unknown key "colour" in the top level`},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, found, err := Parse("p.yaml", []byte(tc.yaml))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			got := make([]want, len(found))
			for i, f := range found {
				if f.Pos.File != "p.yaml" {
					t.Errorf("finding %q has file %q", f.Message, f.Pos.File)
				}
				got[i] = want{f.Severity, f.Rule, fmt.Sprintf("%d:%d", f.Pos.Row, f.Pos.Col), f.Message}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		yaml     string
		row, col int
		msg      string // part of the message
	}{
		{"empty", "", 0, 0, "file is empty"},
		{"blank lines", "\n  \n\n", 0, 0, "file is empty"},
		{"only comments", "# TODO\n", 0, 0, "file is empty (only comments)"},
		{"only a document marker", "---\n", 0, 0, "file is empty"},
		{"neither UTF-8 nor Shift_JIS", "version: 1\nproject: \x81\x20\xff\n", 2, 10, "neither UTF-8 nor Shift_JIS"},
		{"tab indentation", "version: 1\nproject:\n\tid: crm\n", 3, 1, "a tab is used for indentation"},
		{"tab after spaces", "version: 1\nproject:\n  id: crm\n  \tname: x\n", 4, 3, "a tab is used for indentation"},
		{"unclosed list", "version: 1\nproject: [a, b\n", 2, 0, "invalid YAML: did not find expected ',' or ']'"},
		{"bad indentation", "version: 1\nproject:\n  id: crm\n name: x\n", 4, 0, "invalid YAML"},
		{"alias", "version: 1\nx: &a 1\ny: *a\n", 3, 4, "aliases are not supported (*a)"},
		{"merge key", "version: 1\nbase: &b {id: a}\nproject:\n  <<: *b\n", 4, 7, "aliases are not supported (*b)"},
		{"list at the top", "- version: 1\n", 1, 1, `must be a mapping of keys starting with "version: 1", got a list`},
		{"text at the top", "hello\n", 1, 1, `got "hello"`},
		{"version missing", "project: {id: a}\n", 1, 1, `missing "version: 1" at the top level`},
		{"version 2", "project: {}\nversion: 2\n", 2, 10, `version must be 1, got "2"`},
		{"version 1.0", "version: 1.0\n", 1, 10, `version must be 1, got "1.0"`},
		{"version list", "version: [1]\n", 1, 10, `version must be 1, got a list`},
		{"unknown anchor", "version: 1\nproject:\n  id: *x\n", 3, 0, "aliases are not supported (*x)"},
		{"stray list item", "version: 1\nproject: {}\n- a\n", 3, 0, "invalid YAML: did not find expected key"},
		{"unclosed quote", "version: 1\nproject: \"crm\n", 2, 0, "invalid YAML: found unexpected end of stream"},
		{"two documents", "version: 1\n---\nversion: 1\n", 2, 0, "a second YAML document starts here"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, found, err := Parse("p.yaml", []byte(tc.yaml))
			var ie *diag.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, %v, %v; want an *diag.InputError", p, found, err)
			}
			if p != nil || found != nil {
				t.Errorf("got a project or findings with the error")
			}
			if ie.Pos.File != "p.yaml" || ie.Pos.Row != tc.row || ie.Pos.Col != tc.col {
				t.Errorf("position = %+v, want %d:%d", ie.Pos, tc.row, tc.col)
			}
			if !strings.Contains(ie.Msg, tc.msg) || strings.Contains(ie.Msg, "\n") {
				t.Errorf("message = %q, want one line containing %q", ie.Msg, tc.msg)
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		yaml string
	}{
		{"quoted version", strings.Replace(minimal, "version: 1", `version: "1"`, 1)},
		{"trailing document marker", minimal + "---\n"},
		{"document end marker", minimal + "...\n"},
		{"byte order mark", "\ufeff" + minimal},
		{"CRLF line ends", strings.ReplaceAll(minimal, "\n", "\r\n")},
		{"anchor without alias", strings.Replace(minimal, "id: crm", "id: &id crm", 1)},
		{"tab inside a value", strings.Replace(minimal, "name: 顧客管理システム刷新", "name: \"顧客\t管理\"", 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, found, err := Parse("p.yaml", []byte(tc.yaml))
			if err != nil || len(found) != 0 {
				t.Fatalf("err %v, findings %v", err, found)
			}
			if p.Project.ID != "crm" || len(p.Sources) != 2 {
				t.Errorf("project = %+v", p.Project)
			}
		})
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want date.Date // 0: a bad-date finding
	}{
		{"2026-04-01", date.Of(2026, 4, 1)},
		{`"2026-04-01"`, date.Of(2026, 4, 1)},
		{`"2026/04/01"`, date.Of(2026, 4, 1)},
		{"2026/4/1", date.Of(2026, 4, 1)},
		{"'2028-02-29'", date.Of(2028, 2, 29)},
		{"2027-02-29", 0},
		{"2026-13-01", 0},
		{"2026-04-01 10:00", 0},
		{"2026/04-01", 0},
		{"26/04/01", 0},
		{"2026-004-01", 0},
		{"2026--01", 0},
		{"April 1", 0},
		{"20260401", 0},
		{"令和8年4月1日", 0},
		{"true", 0},
		{"{}", 0},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			p, found, err := Parse("p.yaml", []byte(inProject("  status_date: "+tc.in)))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == 0 {
				if len(found) != 1 || found[0].Rule != RuleBadDate || found[0].Pos.Row != 8 || found[0].Pos.Col != 16 {
					t.Errorf("findings = %v, want one bad date at 8:16", found)
				}
				return
			}
			if len(found) != 0 || p.Project.StatusDate != tc.want {
				t.Errorf("got %s, %v; want %s", p.Project.StatusDate, found, tc.want)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	t.Parallel()
	keys := []string{"file", "kind", "team", "sheet", "header_rows", "columns", "encoding", "password_env"}
	tests := []struct{ in, want string }{
		{"fiel", ` (did you mean "file"?)`},
		{"Sheet", ` (did you mean "sheet"?)`},
		{"header_row", ` (did you mean "header_rows"?)`},
		{"headerrows", ` (did you mean "header_rows"?)`},
		{"colums", ` (did you mean "columns"?)`},
		{"pass", ""},
		{"x", ""},
		{"シート", ""},
		{strings.Repeat("a", 200), ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			if got := didYouMean(tc.in, keys).EN; got != tc.want {
				t.Errorf("didYouMean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind  project.Kind
		n     int
		first string
		last  string
	}{
		{project.KindWBS, 17, "wbs_id", "notes"},
		{project.KindIssues, 13, "id", "related_task"},
		{project.KindRisks, 11, "id", "due"},
		{project.KindActions, 9, "id", "notes"},
		{project.KindTests, 12, "id", "failed_count"},
		{"", 44, "wbs_id", "failed_count"},
	}
	for _, tc := range tests {
		t.Run(string(tc.kind), func(t *testing.T) {
			t.Parallel()
			got := Fields(tc.kind)
			if len(got) != tc.n || got[0] != tc.first || got[len(got)-1] != tc.last {
				t.Errorf("Fields(%q) = %v", tc.kind, got)
			}
			sorted := slices.Sorted(slices.Values(got))
			if len(slices.Compact(sorted)) != len(got) {
				t.Errorf("Fields(%q) repeats a field: %v", tc.kind, got)
			}
		})
	}
	// Callers may append to the result; the next caller must not see it.
	a := Fields(project.KindWBS)
	a[0] = "changed"
	if Fields(project.KindWBS)[0] != "wbs_id" {
		t.Error("Fields shares its slice between calls")
	}
}

func TestColumnLetter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{{"F", 6}, {"AB", 28}, {"XFD", 16384}, {"XFE", 0}, {"ID", 238}, {"f", 0}, {"No", 0}, {"予定開始", 0}, {"A1", 0}, {"", 0}}
	for _, tc := range tests {
		if got := columnLetter(tc.in); got != tc.want {
			t.Errorf("columnLetter(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestEncodings(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"utf-8": EncodingUTF8, "UTF8": EncodingUTF8, "shift_jis": EncodingShiftJIS, "Shift-JIS": EncodingShiftJIS,
		"cp932": EncodingShiftJIS, "sjis": EncodingShiftJIS, "Windows-31J": EncodingShiftJIS, "euc-jp": "", "": "",
	} {
		if got := normalEncoding(in); got != want {
			t.Errorf("normalEncoding(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(head + "sources:\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "  - file: teams/t%d.xlsx\n    kind: wbs\n    columns: {assignee: 担当者, progress: F}\n", i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, found, err := Parse("p.yaml", data); err != nil || len(found) != 0 {
			b.Fatal(err, found)
		}
	}
}
