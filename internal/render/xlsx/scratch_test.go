package xlsx

import (
	"context"
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/pipeline"
)

func TestScratchDump(t *testing.T) {
	p, err := pipeline.Load(context.Background(), "../../../examples/kikan/project.yaml", pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := p.Document("ja")
	fmt.Println(d.Title, d.Project, d.AsOf, d.RAG)
	for _, k := range d.KPIs {
		fmt.Printf("%+v\n", k)
	}
	fmt.Println(len(d.Tasks), len(d.Issues), len(d.Risks), len(d.Findings))
	for i := range d.Tasks[:10] {
		tk := d.Tasks[i]
		fmt.Println(tk.WBSID, tk.Level, tk.Summary, tk.Name, tk.PlannedStart, tk.PlannedFinish, tk.Source)
	}
	fmt.Printf("curve %+v\n", d.A.Curve)
	fmt.Printf("teams %+v\n", d.A.Teams)
	fmt.Printf("ms %+v\n", d.A.Milestones)
	fmt.Printf("wl %v %v\n", d.A.Workload.People, len(d.A.Workload.Weeks))
	fmt.Printf("issues %+v\n", d.A.Issues.ByStatus)
	fmt.Printf("hm %+v\n", d.A.Risks.HeatMap)
	fmt.Printf("changes %+v\n", d.A.Changes)
	for _, f := range d.Findings[:min(5, len(d.Findings))] {
		fmt.Println(f)
	}
}
