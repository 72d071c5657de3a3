package portfolio

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
)

// BenchmarkBuild is the board of a 1,000-project portfolio: 12 people of
// a shared pool of 300 per project, each loaded in every week of the
// horizon, two runs of trend, four sources, two milestones and decisions.
func BenchmarkBuild(b *testing.B) {
	w0 := date.Of(2026, 11, 16)
	spi := 0.95
	entries := make([]Entry, 1000)
	for i := range entries {
		s := &Summary{BAC: 500, Start: w0, Workdays: make([]int, Horizon)}
		for k := range Horizon {
			s.Workdays[k] = 5
		}
		for p := range 12 {
			for k := range Horizon {
				s.Load = append(s.Load, LoadCell{Person: fmt.Sprintf("要員%03d", (i*7+p)%300), Week: w0.AddDays(7 * k), Days: 1.5})
			}
		}
		s.Trend = []TrendPoint{{AsOf: w0.AddDays(-3), RAG: analyze.Green, SPI: &spi}, {AsOf: w0.AddDays(4), RAG: analyze.Amber, SPI: &spi}}
		s.Milestones = []Milestone{{Name: "設計完了", Date: w0.AddDays(20)}, {Name: "リリース", Date: w0.AddDays(200)}}
		s.Items = []Item{{Kind: KindDecision, Text: "判断"}, {Kind: KindEscalation, Text: "エスカレーション"}}
		for t := range 4 {
			s.Sources = append(s.Sources, SourceReport{Name: fmt.Sprint(t), Team: fmt.Sprint("team", t%2), Read: true, Records: 250, Warnings: t})
		}
		entries[i] = Entry{ID: fmt.Sprintf("p%04d", i), Status: "ok", RAG: analyze.Amber, SPI: &spi, CPI: &spi, Planned: 50, Actual: 45,
			Groups: config.Groups{Department: fmt.Sprint("部門", i%10)}, Summary: s}
	}
	in := Input{File: "portfolio.yaml", AsOf: w0.AddDays(4), DefaultCapacity: 5, GroupBy: "department"}
	b.ReportAllocs()
	for b.Loop() {
		Build(in, entries)
	}
}
