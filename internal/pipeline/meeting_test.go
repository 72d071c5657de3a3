package pipeline

import (
	"testing"

	"github.com/pmokit/pmo/internal/config"
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
