package sheet

import "testing"

// notPairWord must never reject a text pairWord would read as a pair word.
func TestNotPairWordKeepsPairWords(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"予定", "計画", "予", "計", "実績", "実施", "実", "Plan", "PLANNED", "ｐｌａｎ", "Baseline", "actual", "Actuals", " 予定 ", "（実績）", "予・定", "【計画】"} {
		if notPairWord(s) {
			t.Errorf("notPairWord(%q) = true, but it is a pair word", s)
		}
		if pairWord(Cell{Kind: String, Str: s}) == "" {
			t.Errorf("pairWord(%q) is empty", s)
		}
	}
	for _, s := range []string{"設計", "1.1", "山田", "完了", "planning", "レビュー", "予定日"} {
		if pairWord(Cell{Kind: String, Str: s}) != "" {
			t.Errorf("pairWord(%q) is a pair word", s)
		}
	}
}
