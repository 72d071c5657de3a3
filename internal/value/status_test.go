package value

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/project"
)

func TestTaskStatus(t *testing.T) {
	t.Parallel()
	groups := map[project.TaskStatus][]string{
		project.NotStarted: {"未着手", "未対応", "未", "未実施", "着手前", "not started", "Not Started",
			"NOT_STARTED", "open", "Open", "new", "todo", "To Do", "to-do", "新規", "1:未着手", "【未着手】"},
		project.InProgress: {"着手", "着手中", "作業中", "対応中", "処理中", "進行中", "実施中", "仕掛", "仕掛中",
			"In progress", "in_progress", "IN PROGRESS", "In-Progress", "WIP", "doing", "started", "working",
			"active", "ongoing", "レビュー中", "確認中", "設計中", "02.作業中"},
		project.Done: {"完了", "済", "済み", "処理済み", "対応済み", "対応済", "完", "終了", "クローズ",
			"close", "closed", "Closed", "done", "Done", "DONE", "complete", "Completed", "finished",
			"resolved", "fixed", "○", "〇", "◯", "✓", "100%", "１００％", "テスト済", "確認済み", "完了(済)",
			"作業完了", " 完了 "},
		project.OnHold: {"保留", "中断", "待ち", "停止", "on hold", "On Hold", "hold", "waiting", "pending",
			"blocked", "保留中", "レビュー待ち"},
		project.Cancelled: {"中止", "取消", "取り消し", "キャンセル", "不要", "対象外", "cancelled", "canceled",
			"Cancelled", "n/a", "N/A", "won't do", "Won’t Do", "wontfix"},
	}
	for want, words := range groups {
		for _, w := range words {
			t.Run(w, func(t *testing.T) {
				t.Parallel()
				if got, ok := TaskStatus(w); !ok || got != want {
					t.Errorf("TaskStatus(%q) = %q, %v; want %q", w, got, ok, want)
				}
			})
		}
	}
	for _, w := range []string{"", " ", "基本設計", "API", "未完了", "中", "済みません?", "50%", "1", "遅延",
		strings.Repeat("設計書を作成中", 5)} {
		t.Run("unknown "+w, func(t *testing.T) {
			t.Parallel()
			if got, ok := TaskStatus(w); ok {
				t.Errorf("TaskStatus(%q) = %q, true; want not ok", w, got)
			}
		})
	}
}

func TestItemStatus(t *testing.T) {
	t.Parallel()
	groups := map[project.ItemStatus][]string{
		project.Open: {"未着手", "未対応", "新規", "起票", "オープン", "open", "Open", "new", "todo", "未回答",
			"未解決", "NEW"},
		project.ItemWorking: {"active", "Monitoring", "監視中", "顕在化", "対応中", "作業中", "処理中", "進行中", "調査中", "確認中", "着手", "in progress",
			"In Progress", "wip", "working", "assigned", "BugFix", "bugfix", "fixing", "investigating", "修正中"},
		project.Resolved: {"解決", "解決済", "解決済み", "対応済み", "対応済", "処理済み", "回答済", "回答済み",
			"resolved", "Resolved", "fixed", "修正済み"},
		project.Closed: {"Retired", "expired", "解消", "完了", "済", "クローズ", "close", "closed", "Closed", "done", "完", "終了", "○",
			"確認済", "完了済み", "クローズ済", "対応完了", "中止", "却下", "対象外", "rejected", "Won't Fix"},
		project.ItemOnHold: {"フィードバック", "Feedback", "休止", "suspended", "保留", "待ち", "回答待ち", "waiting", "on hold", "pending", "deferred", "中断",
			"Pending", "仕様確認待ち"},
	}
	for want, words := range groups {
		for _, w := range words {
			t.Run(w, func(t *testing.T) {
				t.Parallel()
				if got, ok := ItemStatus(w); !ok || got != want {
					t.Errorf("ItemStatus(%q) = %q, %v; want %q", w, got, ok, want)
				}
			})
		}
	}
	for _, w := range []string{"", "課題", "high", "未完了", "2"} {
		t.Run("unknown "+w, func(t *testing.T) {
			t.Parallel()
			if got, ok := ItemStatus(w); ok {
				t.Errorf("ItemStatus(%q) = %q, true; want not ok", w, got)
			}
		})
	}
}

func TestPriority(t *testing.T) {
	t.Parallel()
	groups := map[project.Priority][]string{
		project.High: {"高", "大", "緊急", "最優先", "至急", "重要", "A", "a", "1", "１", "1.0", "High", "HIGH",
			"H", "critical", "Critical", "urgent", "major", "★★★", "★★★☆☆", "最高", "超高", "P1", "優先度：高",
			"高め", "急いで", "今すぐ", "Immediate", "Very High", "VERY HIGH"},
		project.Medium: {"中", "普通", "通常", "B", "2", "Medium", "M", "moderate", "normal", "★★", "★★☆", "Mid"},
		project.Low:    {"低", "小", "C", "3", "Low", "L", "minor", "trivial", "★", "Lowest", "低め", "最低", "Very Low"},
	}
	for want, words := range groups {
		for _, w := range words {
			t.Run(w, func(t *testing.T) {
				t.Parallel()
				if got, ok := Priority(w); !ok || got != want {
					t.Errorf("Priority(%q) = %q, %v; want %q", w, got, ok, want)
				}
			})
		}
	}
	for _, w := range []string{"", "D", "4", "0", "☆☆☆", "優先度", "基本設計", "1.5"} {
		t.Run("unknown "+w, func(t *testing.T) {
			t.Parallel()
			if got, ok := Priority(w); ok {
				t.Errorf("Priority(%q) = %q, true; want not ok", w, got)
			}
		})
	}
}
