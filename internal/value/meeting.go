package value

import (
	"regexp"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// TestResult normalises a test case's result, Japanese or English, in any
// width or case:
//
//   - pass: OK, 〇/○/◯, 合格, 良, 成功, 完了, 済, pass(ed), success
//   - fail: NG, ×/✕, 不合格, 不可, 失敗, エラー, fail(ed), error, bug
//   - blocked: 保留, 中断, 実施不可, 対象外待ち, △, ブロック, blocked, pending, hold, skip(ped)
//   - not_run: 未実施, 未, 未消化, 未着手, not run, norun, not executed, untested, todo
//
// ok is false for any other word and for "".
func TestResult(s string) (project.TestResult, bool) {
	switch word(s) {
	case "ok", "〇", "○", "◯", "合格", "良", "成功", "完了", "済", "済み", "pass", "passed", "success", "succeeded", "green", "o":
		return project.TestPass, true
	case "ng", "×", "✕", "✖", "x", "不合格", "不可", "失敗", "エラー", "fail", "failed", "failure", "error", "bug", "red":
		return project.TestFail, true
	case "保留", "中断", "実施不可", "△", "ブロック", "blocked", "block", "pending", "hold", "onhold", "skip", "skipped", "待ち", "前提待ち":
		return project.TestBlocked, true
	case "未実施", "未", "未消化", "未着手", "未実行", "notrun", "norun", "notexecuted", "unexecuted", "untested", "todo", "notstarted", "":
		if s == "" {
			return "", false
		}
		return project.TestNotRun, true
	}
	return "", false
}

// meetingDateText finds a date inside a meeting's name: 第12回定例
// (2026/04/08), 2026-04-08 定例, 4/8定例.
var meetingDateText = regexp.MustCompile(`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[/月]\d{1,2}日?`)

// MeetingDate reads the date a meeting's name carries; ok is false when it
// names none or the date has no year (the caller then knows only the
// meeting, not when it was).
func MeetingDate(s string) (date.Date, bool) {
	if d, ok := ParseDate(s); ok && !d.Date.IsZero() {
		return d.Date, true
	}
	m := meetingDateText.FindString(Text(s))
	if m == "" {
		return 0, false
	}
	d, ok := ParseDate(m)
	if !ok || d.Date.IsZero() {
		return 0, false
	}
	return d.Date, true
}
