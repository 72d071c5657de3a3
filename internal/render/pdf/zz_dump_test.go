package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/pipeline"
)

func TestZZDump(t *testing.T) {
	for _, ex := range []string{"kikan", "ec", "network"} {
		p, err := pipeline.Load(context.Background(), "../../../examples/"+ex+"/project.yaml", pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := p.Document("")
		fmt.Println("==", ex, d.Lang, d.Project, d.AsOf, len(d.Tasks), len(d.Issues), len(d.Risks))
		fmt.Printf("RAG %+v\n", d.RAG)
		for _, k := range d.KPIs {
			fmt.Printf("KPI %+v\n", k)
		}
		fmt.Println("comment", d.Comment, d.Decisions, d.Escalations)
		maxL := 0
		for _, t := range d.Tasks {
			if t.Level <= 2 {
				fmt.Println(" task", t.Level, t.Summary, t.WBSID, t.Name, t.PlannedStart, t.PlannedFinish, t.Progress != nil)
			}
			maxL = max(maxL, t.Level)
		}
		fmt.Println("maxlevel", maxL)
		a := d.A
		b, _ := json.Marshal(struct{ M, L, B, I, R, W, C, Curve any }{a.Milestones, len(a.Tasks.LateTasks), len(a.Tasks.BehindTasks), len(a.Issues.Top), a.Risks, len(a.Workload.People), a.Changes, len(a.Curve)})
		fmt.Println(string(b))
		fmt.Println(a.Workload.People, len(a.Workload.Weeks))
	}
}
