package xlsx

import "testing"

func TestHeaderBreak(t *testing.T) {
	t.Parallel()
	for label, want := range map[string]string{
		"予定開始日":      "予定|開始日",
		"未完了課題":      "未完了|課題",
		"遅れ気味タスク":    "遅れ気味|タスク",
		"遅延タスク":      "遅延|タスク",
		"期限超過課題":     "期限|超過課題",
		"計画進捗率":      "計画|進捗率",
		"担当者":        "",
		"マイルストーン":    "",
		"マイルストーン名":   "",
		"ステータス":      "",
		"高リスク":       "",
		"WBS番号":      "WBS|番号",
		"Late tasks": "Late|tasks",
		"Overdue":    "",
		"発生確率（%）":    "発生|確率（%）",
	} {
		got := ""
		if a, b, ok := headerBreak(label); ok {
			got = a + "|" + b
		}
		if got != want {
			t.Errorf("headerBreak(%q) = %q, want %q", label, got, want)
		}
	}
}
