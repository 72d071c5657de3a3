package sheet

import (
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// actions builds the action items (アクションアイテム / 宿題) of a table.
func (rr *rowReader) actions() []project.Action {
	out := make([]project.Action, 0, rr.estimate())
	rr.records(func(rec record) {
		v := rec.vals
		a := project.Action{
			ID:       v.text("id"),
			Title:    v.text("title"),
			Owner:    v.people("owner"),
			Due:      rr.date(v, "due"),
			RaisedOn: rr.date(v, "raised_on"),
			Meeting:  v.text("meeting"),
			ClosedOn: rr.date(v, "closed_on"),
			Notes:    v.text("notes"),
			Team:     rr.opt.Team,
			Source:   rr.g.RowPos(rec.row),
			Cells:    v.cells(),
		}
		if p, ok := v.first("meeting"); ok {
			// 第12回定例 (2026/04/08) or a bare date: the date it came from.
			if !p.date.IsZero() {
				a.MeetingDate = p.date
			} else if d, ok := value.MeetingDate(p.text); ok {
				a.MeetingDate = d
			}
		}
		if a.Status, a.StatusRaw = rr.itemStatus(v, diag.Phrase{EN: "action", JA: "アクション"}); a.StatusRaw == "" && !a.ClosedOn.IsZero() {
			a.Status = project.Closed
		}
		out = append(out, a)
	})
	return out
}

// tests builds a test table: per-case rows (テスト仕様書) when it maps a
// title, else a daily tally (テスト消化表).
func (rr *rowReader) tests() ([]project.TestCase, []project.TestDay) {
	if _, ok := rr.fields["title"]; !ok {
		if _, ok := rr.fields["day"]; ok {
			return nil, rr.testDays()
		}
	}
	out := make([]project.TestCase, 0, rr.estimate())
	rr.records(func(rec record) {
		v := rec.vals
		tc := project.TestCase{
			ID:         v.text("id"),
			Title:      v.text("title"),
			PlannedOn:  rr.date(v, "planned_on"),
			ExecutedOn: rr.date(v, "executed_on"),
			Tester:     v.people("tester"),
			Defect:     v.text("defect"),
			Team:       rr.opt.Team,
			Source:     rr.g.RowPos(rec.row),
			Cells:      v.cells(),
		}
		if p, ok := v.first("result"); ok {
			tc.ResultRaw = p.text
			if r, ok := value.TestResult(p.text); ok {
				tc.Result = r
			} else {
				rr.findings.Add(diag.Warning, "test-result-unknown", rr.pos(p), "test result %q is not OK/NG/保留/未実施 (pass/fail/blocked/not run); kept as written", p.text)
			}
		}
		if tc.Title == "" && tc.ID == "" {
			return
		}
		out = append(out, tc)
	})
	return out, nil
}

// testDays reads a daily tally. A column whose header says 累計 or
// cumulative holds running totals; the analysis then takes differences.
func (rr *rowReader) testDays() []project.TestDay {
	cumulative := false
	for _, c := range rr.h.cols {
		if strings.HasSuffix(c.Field, "_count") && containsAny(value.Key(c.Header), "累計", "cumulative", "total", "累積") {
			cumulative = true
		}
	}
	var out []project.TestDay
	rr.records(func(rec record) {
		v := rec.vals
		d := project.TestDay{
			Day:      rr.date(v, "day"),
			Planned:  v.num("planned_count").Ptr(),
			Executed: v.num("executed_count").Ptr(),
			Passed:   v.num("passed_count").Ptr(),
			Failed:   v.num("failed_count").Ptr(),
			Source:   rr.g.RowPos(rec.row), Cumulative: cumulative,
		}
		if d.Day.IsZero() {
			return // a total row or a note under the tally
		}
		out = append(out, d)
	})
	return out
}

// meetingKindBonus is kindBonus for action items and tests: a meeting
// column says action items; a result with a date, or a day with counts,
// says tests. Without such evidence an action list reads as an issue list,
// which is what it was before pmo knew the kind.
func meetingKindBonus(k project.Kind, has map[string]bool) float64 {
	switch k {
	case project.KindActions:
		if has["meeting"] {
			return 0.8
		}
		return -0.5
	case project.KindTests:
		b := -0.5
		if has["result"] && (has["executed_on"] || has["planned_on"] || has["tester"]) {
			b += 1.5
		}
		if has["day"] && (has["planned_count"] || has["executed_count"]) {
			b += 2
		}
		return b
	}
	return 0
}

// meetingKindByName recognises an action-item or test sheet by its sheet
// or file name (already a value.Key): アクション, 宿題, ToDo, 議事録;
// テスト, 試験, test.
func meetingKindByName(name string) (project.Kind, bool) {
	switch {
	case containsAny(name, "アクション", "action", "宿題", "todo", "to-do", "議事録", "やること", "フォロー"):
		return project.KindActions, true
	case containsAny(name, "テスト", "試験", "test", "消化"):
		if containsAny(name, "不具合", "障害", "バグ", "bug", "defect") {
			return "", false // a テスト不具合一覧 is a defect (issue) list
		}
		return project.KindTests, true
	}
	return "", false
}

// tallyCounts reports whether a mapping has a tally's counts.
func tallyCounts(cols []Column) bool {
	for _, c := range cols {
		if strings.HasSuffix(c.Field, "_count") {
			return true
		}
	}
	return false
}
