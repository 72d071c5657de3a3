// Package validate checks a project's records against the rules a PMO
// applies by eye today: required fields, impossible dates, status and
// progress that contradict each other, duplicates, people missing from
// the roster, work outside the project window, issues nobody owns.
package validate

import (
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Input is what the rules look at.
type Input struct {
	Config *config.Project
	AsOf   date.Date
	Tasks  []project.Task
	Issues []project.Issue
	Risks  []project.Risk
}

// Rule is one check with a stable ID.
type Rule struct {
	ID          string
	Severity    diag.Severity
	Description string
	check       func(in *Input, r *Rule, fs *diag.Findings)
}

// Rules returns every rule in a stable order. The reader and the YAML
// loader report their own rules too; they are listed here for --rules.
func Rules() []*Rule {
	return []*Rule{
		{ID: "task-name-missing", Severity: diag.Error, Description: "a WBS row has dates or effort but no task name", check: taskNameMissing},
		{ID: "task-unscheduled", Severity: diag.Warning, Description: "a task has no planned start or finish, so it is left out of EVM", check: taskUnscheduled},
		{ID: "finish-before-start", Severity: diag.Error, Description: "a planned or actual finish date is before its start date", check: finishBeforeStart},
		{ID: "progress-range", Severity: diag.Error, Description: "progress is below 0 % or above 100 %", check: progressRange},
		{ID: "done-not-100", Severity: diag.Error, Description: "a task is done (完了) but its progress is below 100 %", check: doneNot100},
		{ID: "100-not-done", Severity: diag.Warning, Description: "a task is at 100 % but its status is not done", check: fullNotDone},
		{ID: "actual-in-future", Severity: diag.Warning, Description: "an actual start or finish date is after the status date", check: actualInFuture},
		{ID: "duplicate-id", Severity: diag.Error, Description: "a WBS, issue or risk ID appears more than once", check: duplicateIDs},
		{ID: "assignee-not-in-roster", Severity: diag.Warning, Description: "an assignee or owner is not a member of any team in the YAML", check: notInRoster},
		{ID: "task-outside-project", Severity: diag.Warning, Description: "a task's planned dates fall outside the project's start and end", check: outsideWindow},
		{ID: "issue-title-missing", Severity: diag.Error, Description: "an issue or risk row has no title", check: titleMissing},
		{ID: "issue-no-owner", Severity: diag.Warning, Description: "an open issue has no owner (担当者)", check: issueNoOwner},
		{ID: "issue-no-due", Severity: diag.Warning, Description: "an open issue has no due date (期限)", check: issueNoDue},
		{ID: "issue-overdue", Severity: diag.Warning, Description: "an open issue is past its due date", check: issueOverdue},
		{ID: "issue-closed-no-date", Severity: diag.Info, Description: "a closed issue has no closing date", check: closedNoDate},
		{ID: "milestone-outside-project", Severity: diag.Error, Description: "a milestone date falls outside the project's start and end", check: milestoneOutside},
		{ID: "milestone-missed", Severity: diag.Warning, Description: "a milestone date has passed and it is not marked done", check: milestoneMissed},
		{ID: "calendar-out-of-range", Severity: diag.Warning, Description: "a project date is outside 1980–2099, where pmo knows no Japanese holidays", check: calendarOutOfRange},
		{ID: "milestone-task-missing", Severity: diag.Error, Description: "a milestone names a WBS ID that no task has", check: milestoneTask},
	}
}

// SourceRules lists the rules the spreadsheet reader reports, for --rules.
func SourceRules() [][3]string {
	return [][3]string{
		{"source-unreadable", "error", "a source file could not be opened or no table was found in it"},
		{"date-unparseable", "error", "a date cell holds text that is not a date"},
		{"date-year-inferred", "warning", "a date was typed without a year (4/1); the year was inferred"},
		{"progress-unparseable", "error", "a progress cell is not a percentage"},
		{"effort-unparseable", "error", "an effort cell is not a number of person-days or hours"},
		{"number-unparseable", "warning", "a numeric cell (level, score, probability) holds text"},
		{"cell-error", "warning", "a cell holds an Excel error value (#REF!, #N/A …)"},
		{"status-unknown", "warning", "a status word is not one pmo knows; it is kept as written"},
		{"priority-unknown", "warning", "a priority is not high/medium/low in any spelling pmo knows"},
		{"person-is-date", "warning", "a person column holds a date or number"},
		{"progress-scale-odd", "warning", "a progress number is on the other scale than its column's (0.5 among 0–100 values)"},
		{"no-issue-source", "info", "the project reads no issue list: issue counts are not provided and the issues rating is unknown"},
		{"no-risk-source", "info", "the project reads no risk register: risk counts are not provided and the risks rating is unknown"},
		{"column-by-values", "warning", "a column's values contradict its header word; it was mapped by its values"},
		{"encoding-guessed", "warning", "a CSV was neither UTF-8 nor Shift_JIS and was read as Windows-1252"},
		{"table-not-read", "info", "a further table on a sheet (a work log, or another kind than asked for) was left out"},
		{"no-header", "warning", "a table had no header row and was mapped by its values alone"},
		{"rows-not-records", "info", "rows naming themselves totals (合計), examples (記入例) or legends were left out and counted"},
		{"calendar-disagrees", "info", "a task's date column and its Gantt calendar marks disagree; the column is used"},
		{"column-paired", "info", "a bare 完了日 was read as the planned finish of a plan with no other finish"},
	}
}

// Check runs every rule and returns the findings, unsorted.
func Check(in Input) diag.Findings {
	var fs diag.Findings
	for _, r := range Rules() {
		r.check(&in, r, &fs)
	}
	return fs
}

func (r *Rule) add(fs *diag.Findings, pos diag.Pos, format string, args ...any) {
	fs.Add(r.Severity, r.ID, pos, format, args...)
}
