package config

import (
	"slices"
	"testing"
)

func TestPortfolioPeopleAndGroups(t *testing.T) {
	t.Parallel()
	src := `version: 1
projects:
  - {path: a/project.yaml, department: 営業本部, program: DX, tags: [基幹, 2026]}
  - b/*.yaml
people:
  - 山本
  - {name: 田中 花子, capacity: 2.5, aliases: [tanaka], company: 協力会社A}
  - {name: 田中花子}
  - {name: 佐藤, capacity: 9}
`
	p, fs, err := ParsePortfolio("portfolio.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Patterns) != 2 || p.Patterns[0].Text != "a/project.yaml" || p.Patterns[1].Text != "b/*.yaml" {
		t.Fatalf("patterns = %+v", p.Patterns)
	}
	g := p.Patterns[0].Groups
	if g.Department != "営業本部" || g.Program != "DX" || !slices.Equal(g.Tags, []string{"基幹", "2026"}) {
		t.Errorf("groups = %+v", g)
	}
	if !slices.Equal(g.Group("tags"), []string{"基幹", "2026"}) || g.Group("department")[0] != "営業本部" || p.Patterns[1].Groups.Group("program") != nil {
		t.Error("Group returns the wrong values")
	}
	if len(p.People) != 3 {
		t.Fatalf("people = %+v", p.People)
	}
	if m := p.People[1]; m.Name != "田中 花子" || m.Capacity != 2.5 || m.Company != "協力会社A" || !slices.Equal(m.Aliases, []string{"tanaka"}) {
		t.Errorf("person = %+v", m)
	}
	// 田中花子 is 田中 花子 again; capacity 9 is more than a week holds.
	rules := map[string]int{}
	for _, f := range fs {
		rules[f.Rule]++
	}
	if rules[RuleDuplicateKey] != 1 || len(fs) != 2 {
		t.Errorf("findings = %v", fs)
	}
}
