package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/portfolio"
)

// printGroups prints the --group-by subtotals under the batch table: per
// group its projects by RAG, BAC, SPI and the counts of trouble.
func printGroups(w io.Writer, b *portfolio.Board) {
	if b == nil || b.GroupBy == "" {
		return
	}
	rows := [][]string{{strings.ToUpper(b.GroupBy), "projects", "red/unknown/amber/green/failed", "BAC", "SPI", "late", "overdue issues", "high risks"}}
	for _, g := range b.Groups {
		var counts []string
		for _, lv := range analyze.Levels {
			counts = append(counts, fmt.Sprint(g.Counts[string(lv)]))
		}
		counts = append(counts, fmt.Sprint(g.Counts["failed"]))
		rows = append(rows, []string{cmpStr(g.Name, "(none)"), fmt.Sprint(len(g.Projects)), strings.Join(counts, "/"),
			fmt.Sprintf("%.1f", g.BAC), f2(g.SPI), fmt.Sprint(g.LateTasks), known(g.IssuesKnown(), g.OverdueIssues), known(g.RisksKnown(), g.HighRisks)})
	}
	fmt.Fprintln(w)
	table(w, "", rows)
}

// known is n, or "-" when no project of the group has the register.
func known(ok bool, n int) string {
	if !ok {
		return "-"
	}
	return fmt.Sprint(n)
}
