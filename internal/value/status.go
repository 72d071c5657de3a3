package value

import (
	"strings"

	"github.com/pmokit/pmo/internal/project"
)

// word normalises a status or priority word: Key (width, case, blanks,
// brackets) and no hyphens, underscores or apostrophes, so "In-Progress",
// "in_progress", "IN PROGRESS" and "【完了】" meet their list entry. Text
// longer than any such word is a sentence, not a status: word returns "" for
// it without normalising the whole of it.
func word(s string) string {
	if len(s) > 64 {
		if s = trim(s); len(s) > 64 {
			return ""
		}
	}
	k := Key(s)
	if strings.ContainsAny(k, "-_'’") {
		k = strings.Map(func(r rune) rune {
			switch r {
			case '-', '_', '\'', '’':
				return -1
			}
			return r
		}, k)
	}
	return k
}

// stripCode removes a numbering prefix such as "1:" or "01." that some
// sheets put before their status words (Key has already dropped the colon).
func stripCode(k string) string {
	i := 0
	for i < len(k) && (isDigit(k[i]) || k[i] == '.') {
		i++
	}
	if i == 0 || i == len(k) || !isDigit(k[0]) {
		return k
	}
	return k[i:]
}

// TaskStatus normalises a task's status word, Japanese or English, in any
// width or case:
//
//   - not_started: 未着手, 未対応, 未, 未実施, 着手前, 未開始, 新規, not started,
//     open, new, todo, to do, backlog
//   - in_progress: 着手, 着手中, 作業中, 対応中, 処理中, 進行中, 実施中, 仕掛(中),
//     レビュー中, 確認中, in progress, wip, doing, started, working, active, ongoing
//   - done: 完了, 済, 済み, 処理済み, 対応済(み), 完, 終了, クローズ, close(d),
//     done, complete(d), finished, resolved, fixed, ○, 〇, ◯, ✓, ✔, 100%
//   - on_hold: 保留, 中断, 待ち, 停止, on hold, hold, waiting, pending, blocked
//   - cancelled: 中止, 取消, 取り消し, キャンセル, 不要, 対象外, 見送り,
//     cancel(l)ed, n/a, won't do, wontfix
//
// A numbering prefix ("1:未着手") is ignored. Other words ending in 済/済み
// or 完了 count as done, in 中 as in progress, in 待ち as on hold, unless
// they start with 未 ("未完了" says only what is not the case). ok is false
// for unknown words and for "".
func TaskStatus(s string) (project.TaskStatus, bool) {
	k := word(s)
	if k == "" {
		return project.NoTaskStatus, false
	}
	if st, ok := taskStatusWord(k); ok {
		return st, true
	}
	if c := stripCode(k); c != k {
		if st, ok := taskStatusWord(c); ok {
			return st, true
		}
		k = c
	}
	switch statusSuffix(k) {
	case "済", "完了":
		return project.Done, true
	case "中":
		return project.InProgress, true
	case "待ち":
		return project.OnHold, true
	}
	return project.NoTaskStatus, false
}

func taskStatusWord(k string) (project.TaskStatus, bool) {
	switch k {
	case "未着手", "未対応", "未", "未実施", "着手前", "未開始", "開始前", "未処理", "新規",
		"notstarted", "open", "new", "todo", "backlog", "0%":
		return project.NotStarted, true
	case "着手", "着手中", "作業中", "対応中", "処理中", "進行中", "実施中", "実行中", "開発中",
		"仕掛", "仕掛中", "仕掛り", "仕掛り中", "仕掛かり", "仕掛かり中", "レビュー中", "確認中",
		"テスト中", "inprogress", "wip", "doing", "started", "working", "active", "ongoing":
		return project.InProgress, true
	case "完了", "済", "済み", "処理済み", "処理済", "対応済み", "対応済", "完", "終了",
		"クローズ", "close", "closed", "done", "complete", "completed", "finished",
		"resolved", "fixed", "○", "〇", "◯", "✓", "✔", "100%", "解決", "解決済", "解決済み":
		return project.Done, true
	case "保留", "保留中", "中断", "中断中", "待ち", "待機", "待機中", "停止", "停止中",
		"一時停止", "onhold", "hold", "waiting", "pending", "blocked", "suspended":
		return project.OnHold, true
	case "中止", "取消", "取消し", "取り消し", "キャンセル", "不要", "対象外", "見送り", "廃止",
		"cancelled", "canceled", "cancel", "n/a", "wontdo", "wontfix":
		return project.Cancelled, true
	}
	return project.NoTaskStatus, false
}

// statusSuffix returns the telling ending of a status word that is not in
// the lists: 済 (also for 済み), 完了, 中 or 待ち, or "".
func statusSuffix(k string) string {
	if strings.HasPrefix(k, "未") {
		return ""
	}
	for _, suf := range [...]string{"済み", "済", "完了", "待ち", "中"} {
		if len(k) > len(suf) && strings.HasSuffix(k, suf) {
			if suf == "済み" {
				return "済"
			}
			return suf
		}
	}
	return ""
}

// ItemStatus normalises the status of an issue or a risk:
//
//   - open: 未着手, 未対応, 新規, 起票, オープン, 未回答, 未解決, 未確認, open, new,
//     todo, reopened
//   - in_progress: 対応中, 作業中, 処理中, 進行中, 調査中, 確認中, 検討中, 修正中,
//     着手, in progress, wip, working, assigned, bugfix, fixing, investigating
//   - resolved: 解決, 解決済(み), 対応済(み), 処理済(み), 回答済(み), 修正済(み),
//     resolved, fixed, answered
//   - closed: 完了, 済, 完, 終了, クローズ, 確認済(み), close(d), done,
//     complete(d), ○, 〇, ✓; and the words of an item dropped without work
//     (中止, 取り下げ, 却下, 対象外, 不要, cancelled, rejected, duplicate,
//     won't fix), since issues and risks have no cancelled state
//   - on_hold: 保留, 待ち, 回答待ち, 中断, 延期, 休止, フィードバック (Redmine: waiting
//     for the reporter), waiting, on hold, pending, deferred, feedback, suspended
//
// Risk registers' own words: active, monitoring, 監視中, 顕在化, occurred are
// in progress (the risk needs attention); retired, expired, 消滅, 解消 are closed.
//
// A numbering prefix is ignored. Other words ending in 済/済み are resolved
// (closed after 完了, クローズ, 確認 or 終了), in 完了 closed, in 中 in
// progress, in 待ち on hold, unless they start with 未. ok is false for
// unknown words and for "".
func ItemStatus(s string) (project.ItemStatus, bool) {
	k := word(s)
	if k == "" {
		return project.NoItemStatus, false
	}
	if st, ok := itemStatusWord(k); ok {
		return st, true
	}
	if c := stripCode(k); c != k {
		if st, ok := itemStatusWord(c); ok {
			return st, true
		}
		k = c
	}
	switch statusSuffix(k) {
	case "済":
		stem := strings.TrimSuffix(strings.TrimSuffix(k, "み"), "済")
		switch stem {
		case "完了", "クローズ", "確認", "終了", "close":
			return project.Closed, true
		}
		return project.Resolved, true
	case "完了":
		return project.Closed, true
	case "中":
		return project.ItemWorking, true
	case "待ち":
		return project.ItemOnHold, true
	}
	return project.NoItemStatus, false
}

func itemStatusWord(k string) (project.ItemStatus, bool) {
	switch k {
	case "未着手", "未対応", "未", "新規", "起票", "オープン", "未回答", "未解決", "未確認",
		"未処理", "受付", "open", "new", "todo", "reopened", "reopen", "再オープン":
		return project.Open, true
	case "対応中", "作業中", "処理中", "進行中", "調査中", "確認中", "検討中", "修正中", "回答中",
		"実施中", "着手", "着手中", "inprogress", "wip", "working", "assigned", "bugfix",
		"fixing", "investigating", "doing", "started", "inreview", "active", "monitoring",
		"監視", "監視中", "顕在化", "発生", "occurred", "triggered":
		return project.ItemWorking, true
	case "解決", "解決済", "解決済み", "対応済", "対応済み", "処理済", "処理済み", "回答済",
		"回答済み", "修正済", "修正済み", "resolved", "fixed", "answered":
		return project.Resolved, true
	case "完了", "済", "済み", "完", "終了", "クローズ", "確認済", "確認済み", "close", "closed",
		"done", "complete", "completed", "finished", "○", "〇", "◯", "✓", "✔", "100%",
		"中止", "取り下げ", "取下げ", "取消", "取り消し", "却下", "対象外", "不要", "キャンセル",
		"cancelled", "canceled", "rejected", "duplicate", "wontfix", "wontdo", "n/a",
		"retired", "expired", "消滅", "解消", "解消済", "解消済み":
		return project.Closed, true
	case "保留", "保留中", "待ち", "回答待ち", "中断", "延期", "見送り", "waiting", "onhold",
		"hold", "pending", "deferred", "postponed", "blocked", "フィードバック", "feedback",
		"休止", "休止中", "dormant", "suspended":
		return project.ItemOnHold, true
	}
	return project.NoItemStatus, false
}

// Priority normalises a priority or rank:
//
//   - high: 高, 大, 最高, 超高, 緊急, 最優先, 至急, 重要, A, 1, P1, High, H,
//     highest, critical, urgent, blocker, major, ★★★; Redmine's 高め, 急いで,
//     今すぐ, Immediate; Very High
//   - medium: 中, 普通, 通常, 標準, B, 2, P2, Medium, M, moderate, normal, ★★
//   - low: 低, 小, C, 3, P3, Low, L, lowest, minor, trivial, ★; Redmine's
//     低め; 最低, Very Low
//
// Five-level scales fold onto three: the two top levels are high, the two
// bottom ones low, so a "very high" item is never shown as less than high.
//
// "優先度：高" reads as 高. Stars count the filled ones, so ★★☆ is medium.
// ok is false for anything else.
func Priority(s string) (project.Priority, bool) {
	k := word(s)
	if k == "" {
		return project.NoPriority, false
	}
	if p, ok := priorityWord(k); ok {
		return p, true
	}
	for _, prefix := range [...]string{"優先度", "優先順位", "重要度", "priority"} {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if p, ok := priorityWord(rest); ok {
				return p, true
			}
		}
	}
	if v, ok := ParseNumber(k); ok {
		switch v {
		case 1:
			return project.High, true
		case 2:
			return project.Medium, true
		case 3:
			return project.Low, true
		}
	}
	return stars(k)
}

func priorityWord(k string) (project.Priority, bool) {
	switch k {
	case "高", "大", "最高", "超高", "高い", "緊急", "最優先", "至急", "大至急", "特急", "重要",
		"a", "1", "p0", "p1", "high", "h", "highest", "critical", "urgent", "blocker", "major",
		"高め", "急いで", "今すぐ", "immediate", "veryhigh", "極高", "特大":
		return project.High, true
	case "中", "普通", "通常", "標準", "中程度", "b", "2", "p2", "medium", "m", "mid", "middle",
		"moderate", "normal":
		return project.Medium, true
	case "低", "小", "低い", "c", "3", "p3", "p4", "low", "l", "lowest", "minor", "trivial",
		"低め", "最低", "verylow", "極低", "p5":
		return project.Low, true
	}
	return project.NoPriority, false
}

// stars reads a rating drawn with ★ (and ☆ for the empty ones).
func stars(k string) (project.Priority, bool) {
	n := 0
	for _, r := range k {
		switch r {
		case '★':
			n++
		case '☆':
		default:
			return project.NoPriority, false
		}
	}
	switch {
	case n >= 3:
		return project.High, true
	case n == 2:
		return project.Medium, true
	case n == 1:
		return project.Low, true
	}
	return project.NoPriority, false
}
