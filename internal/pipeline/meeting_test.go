package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
)

func TestIsDefectList(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src         config.Source
		file, sheet string
		want        bool
	}{
		{config.Source{}, "teams/不具合管理表.xlsx", "Sheet1", true},
		{config.Source{}, "issues.xlsx", "障害一覧", true},
		{config.Source{}, "bugs.csv", "bugs", true},
		{config.Source{}, "Defects.xlsx", "List", true},
		{config.Source{Category: "defect"}, "QA.xlsx", "指摘", true},
		{config.Source{}, "課題管理表.xlsx", "課題", false},
		// A folder named bugs/ says nothing about the file in it.
		{config.Source{}, "bugs/課題.xlsx", "課題", false},
	}
	for _, c := range cases {
		if got := IsDefectList(c.src, c.file, c.sheet); got != c.want {
			t.Errorf("%s!%s (category %q): %v, want %v", c.file, c.sheet, c.src.Category, got, c.want)
		}
	}
}

// Three weekly runs recorded in a real history database: an action with no
// raised date is carried over one more meeting each run, counted from the
// run that first saw it; one added at the third run is new.
func TestActionsCarriedOverRuns(t *testing.T) {
	t.Parallel()
	dir, out := t.TempDir(), t.TempDir()
	yaml := filepath.Join(dir, "project.yaml")
	write := func(extra string) {
		src := "version: 1\nproject:\n  id: p\n  name: P\n  pm: 山田\n  start: 2026-10-01\n  end: 2027-03-31\n" +
			"actions:\n  - {id: X, title: 見積の督促, owner: 山田, due: 2026-12-25}\n" + extra
		if err := os.WriteFile(yaml, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("")
	var meetings []string
	for i, asOf := range []date.Date{date.Of(2026, 11, 6), date.Of(2026, 11, 13), date.Of(2026, 11, 20)} {
		if i == 2 {
			write("  - {id: Y, title: 体制表の更新, owner: 佐藤, due: 2026-12-25}\n")
		}
		p, err := Load(context.Background(), yaml, Options{AsOf: asOf, HistoryDir: out})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range p.Analysis.Actions.Items {
			n := "-"
			if a.Meetings != nil {
				n = strconv.Itoa(*a.Meetings)
			}
			got = append(got, a.ID+"="+n)
		}
		meetings = append(meetings, strings.Join(got, " "))
		if err := p.RecordHistory(out); err != nil {
			t.Fatal(err)
		}
		if i == 2 && p.Analysis.Actions.New != 1 {
			t.Errorf("new actions %d, want 1 (Y)", p.Analysis.Actions.New)
		}
	}
	want := []string{"X=-", "X=1", "X=2 Y=0"}
	if !slices.Equal(meetings, want) {
		t.Errorf("meetings by run %q, want %q", meetings, want)
	}
}
