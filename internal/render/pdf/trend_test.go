package pdf

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
)

// TestTrendsAndReplanning: with history, page 1 names the forecast finish,
// the re-planning and the sheet not updated; the trends page draws each
// run's date, the forecast figures and the moved task.
func TestTrendsAndReplanning(t *testing.T) {
	t.Parallel()
	d := load(t, "network", "ja")
	a := *d.A
	spi1, spi2 := 0.9, 0.8
	raised, closed := 3, 1
	a.Trend = []analyze.RunPoint{
		{AsOf: date.Of(2026, 11, 6), SPI: &spi1, OpenIssues: 2},
		{AsOf: date.Of(2026, 11, 13), SPI: &spi2, OpenIssues: 4, Raised: &raised, Closed: &closed},
		a.Trend[len(a.Trend)-1],
	}
	a.Replan = &analyze.Replan{Since: date.Of(2026, 11, 13), BACBefore: 10, BACNow: 10,
		Moved:       []analyze.TaskMove{{ID: "2.1", Name: "詳細設計", From: date.Of(2026, 11, 20), To: date.Of(2026, 12, 4), Days: 10}},
		StaleSource: []analyze.StaleFile{{File: "teams/WBS.xlsx", Runs: 3, Running: 4}}, MovedCount: 1}
	d.A = &a
	_, _, runs := renderRec(t, d)
	page1, rest := "", ""
	for _, r := range runs {
		if r.page == 1 {
			page1 += r.s + "\n"
		} else {
			rest += r.s + "\n"
		}
	}
	for _, s := range []string{"計画変更：1 件（最大 詳細設計 +10 営業日）", "未更新の可能性：teams/WBS.xlsx（3 回連続で変化なし）"} {
		if !strings.Contains(page1, s) {
			t.Errorf("page 1 lacks %q", s)
		}
	}
	if f := a.Forecast; f.Finish.IsZero() {
		t.Error("the network example has no forecast finish to look for")
	} else if !strings.Contains(page1, "予測完了日："+f.Finish.String()) {
		t.Errorf("page 1 lacks the forecast finish %s", f.Finish)
	}
	for _, s := range []string{"SPI・CPI・SPI(t) の推移", "11/6", "11/13", "課題推移", "記録された実行から", "予測（EVM・Earned Schedule）", "IEAC(t) = PD ÷ SPI(t)（営業日）",
		"詳細設計", "2026-12-04", "+10"} {
		if !strings.Contains(rest, s) {
			t.Errorf("trends page lacks %q", s)
		}
	}
}
