package project

import (
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// The kinds of source the 定例 follow-up reads: action items (アクション
// アイテム / 宿題) and test progress (テスト仕様書 / テスト消化表).
const (
	KindActions Kind = "actions"
	KindTests   Kind = "tests"
)

// Action is one action item (アクションアイテム / 宿題 / ToDo) from a sheet
// or from actions: in the YAML.
type Action struct {
	ID        string     `json:"id,omitempty"`
	Title     string     `json:"title"`
	Owner     []string   `json:"owner,omitempty"`
	Due       date.Date  `json:"due,omitzero"`
	Status    ItemStatus `json:"status,omitempty"`
	StatusRaw string     `json:"status_raw,omitempty"`
	RaisedOn  date.Date  `json:"raised_on,omitzero"`
	// Meeting is the meeting the action came from, as written (第12回定例,
	// 2026-04-08 定例); MeetingDate is its date when it reads as one.
	Meeting     string    `json:"meeting,omitempty"`
	MeetingDate date.Date `json:"meeting_date,omitzero"`
	ClosedOn    date.Date `json:"closed_on,omitzero"`
	Notes       string    `json:"notes,omitempty"`
	Team        string    `json:"team,omitempty"`
	Source      diag.Pos  `json:"source"`

	Cells Cells `json:"-"`
}

// Cell returns where field was read from.
func (a *Action) Cell(field string) diag.Pos { return cell(a.Cells, a.Source, field) }

// IsOpen reports whether the action still needs doing: not done by its
// status, and no closing date.
func (a *Action) IsOpen() bool { return a.Status.IsOpen() && a.ClosedOn.IsZero() }

// Raised is the day the action was raised: raised_on, else the meeting's
// date; zero when neither is known.
func (a *Action) Raised() date.Date {
	if !a.RaisedOn.IsZero() {
		return a.RaisedOn
	}
	return a.MeetingDate
}

// TestResult is a test case's normalised result.
type TestResult string

// Test results. The empty result means the case has not been run.
const (
	TestPass    TestResult = "pass"
	TestFail    TestResult = "fail"
	TestBlocked TestResult = "blocked"
	TestNotRun  TestResult = "not_run"
)

// TestCase is one row of a テスト仕様書 / テスト項目一覧.
type TestCase struct {
	ID         string     `json:"id,omitempty"`
	Title      string     `json:"title"`
	PlannedOn  date.Date  `json:"planned_on,omitzero"`
	ExecutedOn date.Date  `json:"executed_on,omitzero"`
	Result     TestResult `json:"result,omitempty"`
	ResultRaw  string     `json:"result_raw,omitempty"`
	Tester     []string   `json:"tester,omitempty"`
	Defect     string     `json:"defect,omitempty"`
	Team       string     `json:"team,omitempty"`
	Source     diag.Pos   `json:"source"`

	Cells Cells `json:"-"`
}

// Cell returns where field was read from.
func (t *TestCase) Cell(field string) diag.Pos { return cell(t.Cells, t.Source, field) }

// Executed reports whether the case was run: a result other than not run,
// or an executed date.
func (t *TestCase) Executed() bool {
	switch t.Result {
	case TestPass, TestFail:
		return true
	case TestBlocked, TestNotRun:
		return false
	}
	return !t.ExecutedOn.IsZero()
}

// TestDay is one row of a daily tally sheet (テスト消化表): the cases
// planned, executed, passed and failed that day. Nil counts were left
// empty. Cumulative marks a sheet whose columns are running totals (累計).
type TestDay struct {
	Day        date.Date `json:"day"`
	Planned    *float64  `json:"planned,omitempty"`
	Executed   *float64  `json:"executed,omitempty"`
	Passed     *float64  `json:"passed,omitempty"`
	Failed     *float64  `json:"failed,omitempty"`
	Cumulative bool      `json:"cumulative,omitempty"`
	Source     diag.Pos  `json:"source"`
}
