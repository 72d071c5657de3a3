package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Probabilities and impacts in the words registers use: three-level
// words (高/中/低, 大/中/小, High/Med/Low, A/B/C), likelihood words,
// tenths (5割) and approximate percentages (約30%, 50%程度).
func TestProbabilityWords(t *testing.T) {
	t.Parallel()
	b := newBook(t, "リスク")
	b.rows("リスク", "A1",
		[]any{"No", "リスク", "発生確率", "影響度", "対策"},
		[]any{"1", "要員不足", "高", "大", "増員"},
		[]any{"2", "仕様変更", "Med", "Low", "凍結"},
		[]any{"3", "性能未達", "約30%", "A", "検証"},
		[]any{"4", "納期遅延", "50%程度", "B", "調整"},
		[]any{"5", "障害", "5割", "C", "監視"},
		[]any{"6", "退職", "Unlikely", "Almost certain", "引継"},
		[]any{"7", "災害", "まれ", "小", "BCP"},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindRisks, []int{1}, "A=id B=title C=probability D=impact E=mitigation")
	wantRisks(t, tb,
		"[1] 要員不足 prob=4 imp=4 mit=増員",
		"[2] 仕様変更 prob=3 imp=2 mit=凍結",
		"[3] 性能未達 prob=2 imp=4 mit=検証",
		"[4] 納期遅延 prob=3 imp=3 mit=調整",
		"[5] 障害 prob=3 imp=2 mit=監視",
		"[6] 退職 prob=2 imp=5 mit=引継",
		"[7] 災害 prob=1 imp=2 mit=BCP",
	)
	for _, r := range tb.Risks {
		if r.ProbabilityRaw == "" {
			t.Errorf("risk %s: the probability as written is not kept", r.ID)
		}
	}
}

// Bare percentages under 発生確率(%) are read as percentages, a word
// among them as a word; a 1–5 column stays on its scale.
func TestProbabilityBarePercentages(t *testing.T) {
	t.Parallel()
	b := newBook(t, "リスク")
	b.rows("リスク", "A1",
		[]any{"No", "リスク", "発生確率(%)", "影響度", "対策"},
		[]any{"1", "要員不足", 10, 3, "増員"},
		[]any{"2", "仕様変更", "70", 5, "凍結"},
		[]any{"3", "性能未達", 50, 1, "検証"},
		[]any{"4", "納期遅延", "高", 2, "調整"},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindRisks, []int{1}, "A=id B=title C=probability D=impact E=mitigation")
	wantRisks(t, tb,
		"[1] 要員不足 prob=1 imp=3 mit=増員",
		"[2] 仕様変更 prob=4 imp=5 mit=凍結",
		"[3] 性能未達 prob=3 imp=1 mit=検証",
		"[4] 納期遅延 prob=4 imp=2 mit=調整",
	)
	wantFinding(t, res, diag.Info, "probability-percent", "book.xlsx!リスク!C1")
	for _, f := range res.Findings {
		if f.Rule == "probability-percent" && f.Pos.Col != 3 {
			t.Errorf("unexpected %s", f)
		}
	}
}
