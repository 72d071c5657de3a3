// Package historytest makes synthetic weekly runs for the history
// benchmarks and tools/benchhistory.
package historytest

import (
	"fmt"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
)

// WeeklyRun is week w of a 1,000-task project in which a tenth of the
// tasks change each week (the ones under way), with 300 issues of which a
// few change.
func WeeklyRun(proj string, w int) *analyze.Snapshot {
	s := &analyze.Snapshot{Version: analyze.SnapshotVersion, Project: proj, AsOf: date.Of(2026, 1, 9).AddDays(7 * w),
		Detailed: true, Issues: map[string]bool{}, Milestones: map[string]date.Date{"設計完了": date.Of(2026, 6, 30)}, RAG: analyze.Amber}
	spi := 0.9
	s.SPI = &spi
	s.Progress.Actual = float64(w) * 100 / 52
	for i := range 1000 {
		p := 0.0
		switch {
		case i/100 < w/5:
			p = 100
		case i/100 == w/5:
			p = float64(w%5) * 20
		}
		pe := 5.0
		s.Tasks = append(s.Tasks, analyze.TaskState{Key: fmt.Sprintf("teams/WBS.xlsx!WBS#%d.%d", i/100, i%100), Source: "teams/WBS.xlsx!WBS",
			WBSID: fmt.Sprintf("%d.%d", i/100, i%100), Name: fmt.Sprintf("機能 %d の設計と製造", i),
			PlannedStart: date.Of(2026, 1, 5).AddDays(i / 3), PlannedFinish: date.Of(2026, 1, 12).AddDays(i / 3), PlannedEffort: &pe, Progress: &p})
	}
	for i := range 300 {
		key := fmt.Sprintf("teams/課題.xlsx!課題#Q-%d", i)
		open := i > w*5
		s.Issues[key] = open
		s.Items = append(s.Items, analyze.ItemState{Kind: "issues", Key: key, Source: "teams/課題.xlsx", Open: open, RaisedOn: date.Of(2026, 1, 5)})
	}
	s.Sources = []analyze.SourceState{{File: "teams/WBS.xlsx", Records: 1000, Digest: fmt.Sprint(w)}, {File: "teams/課題.xlsx", Records: 300, Digest: fmt.Sprint(w)}}
	s.Point = analyze.RunPoint{AsOf: s.AsOf, SPI: &spi}
	return s
}
