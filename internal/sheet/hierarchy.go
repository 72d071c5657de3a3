package sheet

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/pmokit/pmo/internal/project"
)

// levelSources says which hierarchy signals the table has columns for.
type levelSources struct {
	levelCol bool
}

func (rr *rowReader) levelSources() levelSources {
	return levelSources{levelCol: len(rr.fields["level"]) > 0}
}

// setLevels works out each task's level from the strongest signal the
// sheet offers — an Lv column, names split over columns, WBS codes, Excel
// row outline, cell indent or leading spaces, and last section rows with
// a name and nothing else — then marks tasks with children as summaries.
func setLevels(g *Grid, ts []project.Task, multiName bool, src levelSources) {
	if parentLevels(ts) {
		return
	}
	switch {
	case multiName:
		// namedByColumn already set levels.
	case src.levelCol && anyLevel(ts):
		prev := 1
		for i := range ts {
			if ts[i].Level == 0 {
				ts[i].Level = prev
			}
			prev = ts[i].Level
		}
	case spread(ts, func(t *project.Task) int { return codeLevel(t.WBSID) }):
		for i := range ts {
			ts[i].Level = max(1, codeLevel(ts[i].WBSID))
		}
	case spread(ts, func(t *project.Task) int { return outlineOf(g, t) }):
		for i := range ts {
			ts[i].Level = outlineOf(g, &ts[i]) + 1
		}
	case spread(ts, func(t *project.Task) int { return indentOf(g, t) }):
		levels := indentLevels(g, ts)
		for i := range ts {
			ts[i].Level = levels[i]
		}
	case mostlyCoded(ts):
		// Numbered rows of one level (a master schedule 1..10): the codes
		// say there is no hierarchy, so undated rows are not sections.
		for i := range ts {
			ts[i].Level = 1
		}
	default:
		sectionLevels(ts)
	}
	for i := range ts {
		if ts[i].Level < 1 {
			ts[i].Level = 1
		}
	}
	for i := range ts {
		if i+1 < len(ts) && ts[i+1].Level > ts[i].Level {
			ts[i].Summary = true
		}
	}
}

// mostlyCoded reports whether nearly every task carries an outline code:
// then the codes are the hierarchy even when they are all one level (a
// master schedule numbered 1..10), and rows without dates are not sections.
func mostlyCoded(ts []project.Task) bool {
	n := 0
	for i := range ts {
		if codeLevel(ts[i].WBSID) >= 1 {
			n++
		}
	}
	return len(ts) > 0 && n*10 >= len(ts)*9
}

func anyLevel(ts []project.Task) bool {
	for i := range ts {
		if ts[i].Level > 0 {
			return true
		}
	}
	return false
}

// spread reports whether f gives at least two different values over ts.
func spread(ts []project.Task, f func(*project.Task) int) bool {
	seen := -1
	for i := range ts {
		v := f(&ts[i])
		if v < 0 {
			continue
		}
		if seen >= 0 && v != seen {
			return true
		}
		seen = v
	}
	return false
}

// codeLevel counts the parts of a WBS code: 1 -> 1, 1.2 -> 2, 1-2-3 -> 3,
// 2.0 -> 1 (a trailing zero names the phase itself); -1 for codes that are
// not outline numbers (T001).
func codeLevel(id string) int {
	id = strings.TrimSpace(id)
	if id == "" {
		return -1
	}
	parts := strings.FieldsFunc(id, func(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '．' })
	if len(parts) == 0 || !isDigits(parts[0]) {
		return -1
	}
	for len(parts) > 1 && strings.Trim(parts[len(parts)-1], "0") == "" {
		parts = parts[:len(parts)-1]
	}
	return len(parts)
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

func outlineOf(g *Grid, t *project.Task) int {
	r := g.row(t.Source().Row)
	if r == nil {
		return 0
	}
	return int(r.Outline)
}

// indentOf measures a task name's indent: the cell's indent setting, or
// leading spaces (two half-width or one full-width space a step).
func indentOf(g *Grid, t *project.Task) int {
	row, col, ok := t.Cells.Find("name")
	if !ok {
		return 0
	}
	var c Cell
	if g.IsCSV() {
		c = csvCell(g, row, col)
	} else {
		c = g.Cell(row, col)
	}
	if st := g.style(c); st.Indent > 0 {
		return st.Indent
	}
	n := 0
	for _, r := range c.Str {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\u3000', '\t':
			n += 2
		default:
			return (n + 1) / 2
		}
	}
	return 0
}

// csvCell finds a CSV cell by its line number.
func csvCell(g *Grid, line, col int) Cell {
	if i := sort.SearchInts(g.lines, line); i < len(g.lines) && g.lines[i] == line {
		return g.Cell(i+1, col)
	}
	return Cell{}
}

// indentLevels ranks the distinct indents: the smallest is level 1. The
// ranks come from one sort and a binary search per task, O(n log n): a
// sheet may hold tens of thousands of distinct indents.
func indentLevels(g *Grid, ts []project.Task) []int {
	ind := make([]int, len(ts))
	for i := range ts {
		ind[i] = indentOf(g, &ts[i])
	}
	distinct := slices.Compact(slices.Sorted(slices.Values(ind)))
	out := make([]int, len(ts))
	for i, v := range ind {
		rank, _ := slices.BinarySearch(distinct, v)
		out[i] = rank + 1
	}
	return out
}

// sectionLevels treats rows with a name and nothing else (企画 - 準備) as
// phases when dated tasks follow them.
func sectionLevels(ts []project.Task) {
	isSection := func(t *project.Task) bool {
		return t.PlannedStart.IsZero() && t.PlannedFinish.IsZero() && t.ActualStart.IsZero() && t.ActualFinish.IsZero() &&
			len(t.Assignee.List()) == 0 && !t.Progress.OK() && !t.PlannedEffort.OK() && t.Status == project.NoTaskStatus && t.Name != ""
	}
	sections, inSection := 0, false
	for i := range ts {
		if isSection(&ts[i]) {
			sections++
		}
	}
	if sections == 0 || sections == len(ts) {
		for i := range ts {
			ts[i].Level = 1
		}
		return
	}
	prevSection := false
	for i := range ts {
		switch {
		case isSection(&ts[i]) && !prevSection:
			// A section opens; a name-only row right after it is its first
			// item (an undated note such as 以降夕会・朝会開催), not a second,
			// empty section.
			ts[i].Level, inSection, prevSection = 1, true, true
			continue
		case inSection:
			ts[i].Level = 2
		default:
			ts[i].Level = 1
		}
		prevSection = false
	}
}

// parentLevels sets levels from a parent column (Redmine's 親チケット,
// Backlog's 親課題キー): a task is one level below the task whose ID its
// parent names, and a task some other task names is a summary. Tool
// exports list tickets in any order, so the rows' order says nothing. It
// reports false, changing nothing, when no parent names a task of the
// table.
func parentLevels(ts []project.Task) bool {
	if !slices.ContainsFunc(ts, func(t project.Task) bool { return t.Parent != "" }) {
		return false // no parent named: no IDs to index (1M of them cost 54 MB)
	}
	byID := make(map[string]int, len(ts))
	for i := range ts {
		if ts[i].WBSID != "" {
			byID[strings.TrimPrefix(ts[i].WBSID, "#")] = i
		}
	}
	linked := false
	for i := range ts {
		if _, ok := byID[ts[i].Parent]; ok && ts[i].Parent != "" {
			linked = true
			break
		}
	}
	if !linked {
		return false
	}
	for i := range ts {
		// Walk up at most 20 parents: deeper is a loop in the data.
		level, at := 1, i
		for step := 0; step < 20; step++ {
			p, ok := byID[ts[at].Parent]
			if !ok || ts[at].Parent == "" || p == i {
				break
			}
			level++
			at = p
		}
		ts[i].Level = level
		if p, ok := byID[ts[i].Parent]; ok && ts[i].Parent != "" && p != i {
			ts[p].Summary = true
		}
	}
	return true
}
