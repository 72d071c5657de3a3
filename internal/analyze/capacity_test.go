package analyze_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/project"
)

// TestCapacityBySurname pins that a sheet's 山田 gets the capacity the YAML
// gives 山田 太郎, as the roster check already accepts the surname.
func TestCapacityBySurname(t *testing.T) {
	t.Parallel()
	cfg := newConfig()
	cfg.Teams = []config.Team{{Name: "基盤", Members: []config.Member{{Name: "山田 太郎", Capacity: 2}, {Name: "佐藤 花子"}}}}
	// 5 person-days over Mon 11/9..Fri 11/13: 5 in that week, above 2.
	task := project.Task{WBSID: "1", Level: 1, Name: "設計", Assignee: project.NamesOf([]string{"山田"}),
		PlannedStart: day(2026, 11, 9), PlannedFinish: day(2026, 11, 13), PlannedEffort: project.NumOf(5), Progress: project.NumOf(0)}
	r := run(cfg, day(2026, 11, 2), task)
	if len(r.Workload.Over) != 1 || r.Workload.Over[0].Capacity != 2 {
		t.Fatalf("over capacity: %+v, want one week at capacity 2", r.Workload.Over)
	}
}
