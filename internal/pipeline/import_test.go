package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
)

// TestImportJSONSnapshots: the JSON snapshots earlier pmo versions wrote
// under OUT/.history/<id>/ become runs of the database on first use — once
// — with their figures and issue states but no tasks, so the next run
// compares its progress with them but raises no re-planning finding.
func TestImportJSONSnapshots(t *testing.T) {
	out := t.TempDir()
	spi := 0.8
	for _, s := range []analyze.Snapshot{
		{Version: 1, Project: "p", AsOf: date.Of(2026, 11, 6), Progress: analyze.Progress{Planned: 40, Actual: 30}, SPI: &spi,
			Issues: map[string]bool{"issues.xlsx!課題#Q-1": true}, RAG: analyze.Amber},
		{Version: 1, Project: "p", AsOf: date.Of(2026, 11, 13), Progress: analyze.Progress{Planned: 50, Actual: 35}, SPI: &spi,
			Issues: map[string]bool{"issues.xlsx!課題#Q-1": false, "issues.xlsx!課題#Q-2": true}, RAG: analyze.Red},
		{Version: 7, Project: "p", AsOf: date.Of(2026, 11, 20)}, // another version: passed over
	} {
		data, _ := json.Marshal(s)
		path := filepath.Join(out, ".history", "p", s.AsOf.String()+".json")
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 { // the second load finds them imported already
		e, err := LoadHistory(out, "p", date.Of(2026, 11, 27), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Trend) != 2 || e.Trend[0].Actual != 30 || e.Trend[1].Actual != 35 || e.Trend[1].OpenIssues != 1 {
			t.Fatalf("trend after import: %+v", e.Trend)
		}
		if p := e.Previous; p == nil || p.AsOf != date.Of(2026, 11, 13) || p.Detailed || len(p.Tasks) != 0 ||
			p.Issues["issues.xlsx!課題#Q-1"] || !p.Issues["issues.xlsx!課題#Q-2"] {
			t.Fatalf("previous after import: %+v", e.Previous)
		}
		if e.Baseline != nil {
			t.Errorf("an imported run (no tasks) became the baseline")
		}
	}
	h, err := history.OpenExisting(out)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var n, imported int
	h.SQL().QueryRow("SELECT count(*), sum(imported) FROM run").Scan(&n, &imported)
	if n != 2 || imported != 2 {
		t.Errorf("%d runs, %d imported; want 2, 2", n, imported)
	}
}
