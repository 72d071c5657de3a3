package pipeline

import (
	"path/filepath"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/pmokit/pmo/internal/value"
)

// addFollowUp keeps a table's action items, tests and — for a defect
// list — its issues as defects.
func (p *Project) addFollowUp(src config.Source, file string, t *sheet.Table) {
	p.Actions = append(p.Actions, t.Actions...)
	p.Tests = append(p.Tests, t.Tests...)
	p.TestDays = append(p.TestDays, t.TestDays...)
	if len(t.Issues) > 0 && IsDefectList(src, file, t.Sheet) {
		p.Defects = append(p.Defects, t.Issues...)
	}
}

// IsDefectList reports whether an issue table is a defect list: its
// source says category: defect, or its sheet or file is named 不具合,
// 障害, バグ, bug or defect.
func IsDefectList(src config.Source, file, sheetName string) bool {
	if src.Category == "defect" {
		return true
	}
	name := value.Key(sheetName + " " + strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	for _, w := range []string{"不具合", "障害", "バグ", "bug", "defect"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// hasKind reports whether some source read a table of kind.
func (p *Project) hasKind(k project.Kind) bool {
	for _, s := range p.Sources {
		if s.Result == nil {
			continue
		}
		for _, t := range s.Result.Tables {
			if t.Kind == k {
				return true
			}
		}
	}
	return false
}

// hasDefectList reports whether some issue table is a defect list.
func (p *Project) hasDefectList() bool {
	for _, s := range p.Sources {
		if s.Result == nil {
			continue
		}
		for _, t := range s.Result.Tables {
			if t.Kind == project.KindIssues && IsDefectList(s.Config, s.Result.File, t.Sheet) {
				return true
			}
		}
	}
	return false
}
