package sheet

import (
	"cmp"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Header search limits: real sheets put at most a title, some meta rows
// and a legend above the table.
const (
	headerSearchRows = 30
	maxHeaderHeight  = 4
	minFieldScore    = 0.5
)

// Column is one column of a found table and the field it maps to.
type Column struct {
	Col    int     `json:"-"`
	Letter string  `json:"column"`
	Header string  `json:"header"`
	Field  string  `json:"field,omitempty"`
	Score  float64 `json:"-"`
	parts  []string
	key    string // normalised combined header
}

// header is a detected header band.
type header struct {
	kind     project.Kind
	rows     []int
	cols     []Column // every labelled column, mapped or not
	score    float64
	calendar Range // columns of a Gantt calendar area; zero when none
	notes    []evidenceNote
	// tool names the export preset the header matched ("" for none), and
	// effortDays how many of its effort units make a person-day.
	tool       string
	effortDays float64
	// area is where the header was looked for (the sheet, or one block of
	// it); lastRow the table's last row, 0 for the end of the sheet.
	area    Range
	lastRow int
	// noHeader marks a table mapped by its values alone; rows then holds
	// the row above the first record.
	noHeader bool
}

// dataRows returns the stored rows below the band and within the table.
func (h *header) dataRows(g *Grid) []Row {
	first := h.rows[len(h.rows)-1] + 1
	i := sort.Search(len(g.Rows), func(i int) bool { return g.Rows[i].Num >= first })
	j := len(g.Rows)
	if h.lastRow > 0 {
		j = sort.Search(len(g.Rows), func(i int) bool { return g.Rows[i].Num > h.lastRow })
	}
	return g.Rows[i:max(i, j)]
}

// labelsFor builds the label of every column over the band rows r..r+h-1,
// looking through merges so a group label (予定 over 開始日/終了日) reaches
// each column under it.
func labelsFor(g *Grid, r, h int, minCol, maxCol int) []Column {
	var cols []Column
	walks := make([]*rowWalk, h) // g.Value, column by column (rowwalk.go)
	for i := range walks {
		walks[i] = g.walk(r + i)
	}
	for c := minCol; c <= maxCol; c++ {
		var parts []string
		continuation := false
		for row := r; row < r+h; row++ {
			cell := walks[row-r].value(c)
			if cell.Kind == Empty && row < r+h-1 {
				cell = walks[row-r].centeredAcross(c)
			}
			if cell.Kind != String {
				continue
			}
			// In a horizontal merge only the first column names a field; the
			// others are the same field (Excel 方眼紙) unless a lower row
			// splits it into sub-labels.
			m, merged := g.MergeOf(row, c)
			continuation = merged && m.Col1 < c
			t := value.Text(headerLines(cell.Str))
			if t == "" || len([]rune(t)) > 40 {
				continue
			}
			if n := len(parts); n > 0 && parts[n-1] == t {
				continue
			}
			parts = append(parts, t)
		}
		if len(parts) == 0 || continuation {
			continue
		}
		keys := make([]string, len(parts))
		for i, p := range parts {
			keys[i] = value.Key(p)
		}
		cols = append(cols, Column{Col: c, Letter: columnLetter(c), Header: strings.Join(parts, "/"), parts: keys, key: strings.Join(keys, "")})
	}
	return cols
}

// headerLines drops the instruction lines of a multi-line header cell
// (タスク名 + "(50文字以内)", 開始日 + "yyyy/mm/dd で入力"): from the first
// line that opens with a bracket or a note mark, or that speaks of how to
// fill the column in. Lines of one label (予定 / 開始日) are kept.
func headerLines(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i > 0 && (strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（") || strings.HasPrefix(t, "【") ||
			strings.HasPrefix(t, "[") || strings.HasPrefix(t, "※") || strings.HasPrefix(t, "＊") || strings.HasPrefix(t, "*") ||
			containsAny(strings.ToLower(t), "記入", "入力", "選択", "プルダウン", "例", "yyyy", "形式", "以内", "e.g.")) {
			return strings.Join(lines[:i], "\n")
		}
	}
	return s
}

// conceptFields are decided from the whole combined header (予定+開始日);
// other fields may also match on the lowest header part alone.
var conceptFields = map[string]bool{
	"planned_start": true, "planned_finish": true, "actual_start": true, "actual_finish": true,
	"planned_effort": true, "actual_effort": true,
}

// assign maps columns to fields for one kind: the best-scoring pairs
// first, each field once, except name/assignee/owner which may take a run
// of further columns (大項目/中項目/小項目, 担当者1…担当者8).
func assign(sc scorer, kind project.Kind, cols []Column, overrides map[int]string) (float64, []Column) {
	return assignVeto(sc, kind, cols, overrides, nil)
}

// assignVeto is assign with some fields ruled out for some columns (by
// their values, see applyEvidence).
func assignVeto(sc scorer, kind project.Kind, cols []Column, overrides map[int]string, veto map[int]map[string]bool) (float64, []Column) {
	out := slices.Clone(cols)
	for i := range out {
		out[i].Field, out[i].Score = "", 0
	}
	type cand struct {
		i     int
		field string
		s     float64
	}
	var cands []cand
	fields := fieldsOf(kind)
	taken := map[string]bool{}
	total := 0.0
	for i := range out {
		if f, ok := overrides[out[i].Col]; ok {
			out[i].Field, out[i].Score = f, 1
			taken[f] = true
			total++
		}
	}
	for i := range out {
		if out[i].Field != "" {
			continue
		}
		for fi, f := range fields {
			if veto[out[i].Col][f] {
				continue
			}
			if s := sc.columnAt(kind, fi, f, &out[i]); s >= minFieldScore {
				cands = append(cands, cand{i, f, s})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.s, a.s), cmp.Compare(out[a.i].Col, out[b.i].Col))
	})
	for _, c := range cands {
		if out[c.i].Field != "" {
			continue
		}
		if taken[c.field] && !multiFields[c.field] {
			continue
		}
		if taken[c.field] && !extraColumnOK(out, c.i, c.field) {
			continue
		}
		out[c.i].Field, out[c.i].Score = c.field, c.s
		taken[c.field] = true
		total += c.s
	}
	return total, out
}

// extraColumnOK allows another column for a multi-column field only when
// its header reads like a level or a numbered sibling of the column already
// mapped (大項目/中項目, 担当者1/担当者2, or parts under one group label).
func extraColumnOK(cols []Column, i int, field string) bool {
	if field == "notes" {
		return true // 備考 and 詳細 both kept, joined
	}
	for j := range cols {
		if cols[j].Field != field {
			continue
		}
		a, b := cols[j], cols[i]
		if len(a.parts) > 1 && len(b.parts) > 1 && a.parts[0] == b.parts[0] {
			return true // under one group header
		}
		if field == "name" && isLevelWord(a.key) && isLevelWord(b.key) {
			return true
		}
		if strings.TrimRight(a.key, "0123456789") == strings.TrimRight(b.key, "0123456789") {
			return true
		}
	}
	return false
}

func isLevelWord(k string) bool {
	return numberedLevel(k) || containsAny(k, "大項目", "中項目", "小項目", "大分類", "中分類", "小分類", "親タスク", "子タスク", "孫タスク", "phase", "フェーズ", "工程", "level1", "level2", "level3")
}

// detectHeader finds the header band and its mapping. With kind empty it
// tries every kind and keeps the best.
func detectHeader(g *Grid, kind project.Kind, fixedRows []int, overrides map[int]string) (*header, bool) {
	return detectIn(g, kind, fixedRows, overrides, Range{Row1: 1, Col1: 1, Row2: headerSearchRows, Col2: min(g.MaxCol(), maxCols)})
}

// detectIn is detectHeader for a header starting within the rows
// area.Row1..Row2 and the columns area.Col1..Col2: one of several tables on
// a sheet.
func detectIn(g *Grid, kind project.Kind, fixedRows []int, overrides map[int]string, area Range) (*header, bool) {
	minCol, maxCol := area.Col1, area.Col2
	sc := scorer{}
	kinds := project.Kinds
	if kind != "" {
		kinds = []project.Kind{kind}
	}
	if len(fixedRows) == 0 && len(overrides) == 0 {
		if h := presetHeader(g, kind, sc, area); h != nil {
			return h, true
		}
	}
	var best *header
	try := func(r, h int) {
		if h < 1 || r < 1 {
			return
		}
		if len(fixedRows) == 0 && !bandRowsOK(g, r, h) {
			return
		}
		cols := withOverrides(labelsFor(g, r, h, minCol, maxCol), overrides)
		if len(cols) < 2 && len(overrides) == 0 {
			return
		}
		for _, k := range kinds {
			s, mapped := assign(sc, k, cols, overrides)
			if !hasKeyField(mapped) {
				continue
			}
			s -= headerPenalty(g, r, h)
			s += kindBonus(k, mapped, g)
			if best == nil || s > best.score+1e-9 {
				rows := make([]int, h)
				for i := range rows {
					rows[i] = r + i
				}
				best = &header{kind: k, rows: rows, cols: mapped, score: s, area: area}
			}
		}
	}
	if len(fixedRows) > 0 {
		try(fixedRows[0], fixedRows[len(fixedRows)-1]-fixedRows[0]+1)
	} else {
		for _, row := range g.Rows {
			if row.Num < area.Row1 {
				continue
			}
			if row.Num > area.Row2 {
				break
			}
			if stringCells(g, &row) < 2 && !coveredByMerge(g, row.Num) {
				continue
			}
			for h := 1; h <= maxHeaderHeight; h++ {
				try(row.Num, h)
			}
		}
	}
	if best == nil || best.score < 1.5 {
		return nil, false
	}
	extendUp(g, best)
	if extendBand(g, best) {
		// Sub-labels joined the band: map again with the taller header.
		cols := withOverrides(labelsFor(g, best.rows[0], len(best.rows), minCol, maxCol), overrides)
		_, best.cols = assign(sc, best.kind, cols, overrides)
	}
	best.calendar = findCalendar(g, best)
	if best.calendar.Col1 > 0 {
		kept := best.cols[:0]
		for _, c := range best.cols {
			if c.Col < best.calendar.Col1 || c.Col > best.calendar.Col2 {
				kept = append(kept, c)
			}
		}
		best.cols = kept
	}
	applyEvidence(g, best, sc, overrides)
	if overrides == nil {
		promoteNameColumns(g, best)
	}
	return best, true
}

// hasKeyField reports whether a mapping has the field a record cannot do
// without: a task name, an issue or risk title.
func hasKeyField(cols []Column) bool {
	for _, c := range cols {
		if c.Field == "name" || c.Field == "title" || c.Field == "day" && tallyCounts(cols) {
			return true
		}
	}
	return false
}

func stringCells(g *Grid, r *Row) int {
	n := 0
	for c := range g.stored(r) {
		if c.kind == String {
			n++
		}
	}
	return n
}

func coveredByMerge(g *Grid, row int) bool {
	for _, m := range g.Merges {
		if m.Row1 < row && m.Row2 >= row {
			return true
		}
	}
	return false
}

// headerPenalty discourages bands that swallow data: each extra row that
// holds numbers, dates or long text in its own cells costs score.
func headerPenalty(g *Grid, r, h int) float64 {
	p := 0.0
	for row := r; row < r+h; row++ {
		rw := g.row(row)
		if rw == nil {
			continue
		}
		for c := range g.cellsOf(rw) {
			switch {
			case c.Kind == Number && row > r && !g.style(c).Date:
				p += 0.5
			case c.Kind == String && len([]rune(c.Str)) > 40:
				p += 0.3
			case c.Kind == String && row > r && (isNumberText(value.Text(c.Str)) || isDateText(c.Str)):
				// A first data row of numbers or dates typed as text (every
				// CSV cell is text) is data, not a second header row.
				p += 0.5
			}
		}
	}
	// A taller band must earn its rows.
	return p + 0.05*float64(h-1)
}

// extendBand grows the band over rows that only continue it: rows whose
// mapped cells are covered by vertical merges from the band (A5:A7 beside a
// calendar's year/month/day rows), or that hold short sub-labels under a
// group label merged across the band (進捗率 over 前回/今回). It reports
// whether the band grew.
func extendBand(g *Grid, h *header) bool {
	grew := false
	for len(h.rows) < maxHeaderHeight+2 {
		next := h.rows[len(h.rows)-1] + 1
		continues := false
		for _, c := range h.cols {
			m, merged := g.MergeOf(next, c.Col)
			own := g.Cell(next, c.Col)
			switch {
			case merged && m.Row1 <= h.rows[0] && m.Row2 >= next:
				continues = true
			case own.Kind == Empty:
			case own.Kind == String && len([]rune(own.Str)) <= 20 && underGroup(g, h, c.Col) && !isDateText(own.Str):
				continues = true
			case c.Field != "":
				return grew
			}
		}
		if !continues {
			return grew
		}
		h.rows = append(h.rows, next)
		grew = true
	}
	return grew
}

// underGroup reports whether the band's last row holds a group label
// merged across col, so the row below may carry its sub-labels. When the
// band already has sub-labels there, the next row is data.
func underGroup(g *Grid, h *header, col int) bool {
	last := h.rows[len(h.rows)-1]
	m, ok := g.MergeOf(last, col)
	return ok && m.Col2 > m.Col1 && m.Row2 == last
}

func isDateText(s string) bool {
	dt, ok := value.ParseDate(s)
	return ok && !dt.Placeholder
}

// findCalendar finds a Gantt date area: a run of at least 7 columns whose
// header cells hold dates, day numbers or weekday names.
func findCalendar(g *Grid, h *header) Range {
	first := max(1, h.rows[0]-3)
	last := h.rows[len(h.rows)-1]
	maxCol := min(g.MaxCol(), h.area.Col2)
	isCal := func(c int) bool {
		for r := first; r <= last; r++ {
			cell := g.Value(r, c)
			switch cell.Kind {
			case Number:
				if g.style(cell).Date || (cell.Num >= 1 && cell.Num <= 53 && cell.Num == float64(int(cell.Num))) {
					return true
				}
			case String:
				if t := value.Text(cell.Str); isWeekday(t) || isWeekLabel(t) || dayNumber(cell) > 0 {
					return true
				}
				if dt, ok := value.ParseDate(cell.Str); ok && !dt.Placeholder {
					return true
				}
			}
		}
		return false
	}
	run, start := 0, 0
	var best Range
	for c := max(h.area.Col1, 1); c <= maxCol+1; c++ {
		if c <= maxCol && isCal(c) {
			if run == 0 {
				start = c
			}
			run++
			continue
		}
		if run >= 7 && run > best.Col2-best.Col1 {
			best = Range{Row1: first, Col1: start, Row2: last, Col2: c - 1}
		}
		run = 0
	}
	return best
}

// isWeekLabel recognises a week column's label: W14, 第1週, 1週, 14週目,
// 4/6週.
func isWeekLabel(s string) bool {
	k := strings.ToLower(s)
	k = strings.TrimSuffix(strings.TrimSuffix(k, "目"), "週")
	if k == s || k == "" {
		if !strings.HasPrefix(k, "w") && !strings.HasPrefix(k, "第") {
			return false
		}
	}
	k = strings.TrimPrefix(strings.TrimPrefix(k, "第"), "w")
	if _, err := strconv.Atoi(k); err == nil {
		return true
	}
	dt, ok := value.ParseDate(k)
	return ok && !dt.Placeholder
}

func isWeekday(s string) bool {
	switch strings.ToLower(strings.Trim(s, "()（） ")) {
	case "月", "火", "水", "木", "金", "土", "日", "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		return true
	}
	return false
}

func columnLetter(c int) string { return diag.ColumnName(c) }

// kindBonus adds what tells one kind of sheet from another beyond single
// columns: a start and finish pair means a schedule, an owner or due date
// means an issue list, probability and impact mean a risk register; and
// the sheet's and file's names (WBS, 課題, リスク) say it outright.
func kindBonus(k project.Kind, cols []Column, g *Grid) float64 {
	has := map[string]bool{}
	for _, c := range cols {
		has[c.Field] = true
	}
	b := 0.0
	switch k {
	case project.KindWBS:
		if (has["planned_start"] || has["actual_start"]) && (has["planned_finish"] || has["actual_finish"]) {
			b += 1
		}
		if has["progress"] {
			b += 0.3
		}
	case project.KindIssues:
		for _, f := range []string{"owner", "due", "priority", "status", "raised_on"} {
			if has[f] {
				b += 0.2
			}
		}
	case project.KindRisks:
		if has["probability"] && has["impact"] {
			b += 1.5
		}
	default:
		b += meetingKindBonus(k, has)
	}
	name := value.Key(g.Name + " " + strings.TrimSuffix(g.File, filepath.Ext(g.File)))
	// Only the file's own name: a folder called test/ says nothing.
	if named, ok := meetingKindByName(value.Key(g.Name + " " + strings.TrimSuffix(filepath.Base(g.File), filepath.Ext(g.File)))); ok {
		// An アクション or テスト sheet. An action list named so is not an
		// issue list even though its columns would read as one; a テスト
		// sheet may still be a test phase's schedule, so its columns decide.
		if named == k {
			b += 1.5
		}
		if named == project.KindActions {
			return b
		}
	}
	switch {
	case containsAny(name, "リスク", "risk"):
		if k == project.KindRisks {
			b += 1
		}
	case containsAny(name, "課題", "issue", "不具合", "障害", "バグ", "bug", "qa", "問合せ", "問い合わせ", "質問", "指摘", "ticket", "チケット"):
		if k == project.KindIssues {
			b += 1
		}
	case containsAny(name, "wbs", "スケジュール", "schedule", "工程", "進捗", "計画", "plan", "gantt", "ガント", "タスク", "task"):
		if k == project.KindWBS {
			b += 1
		}
	}
	return b
}

// extendUp takes in the rows above the band that its header cells are
// merged down from (No in A3:A4 beside 不具合発見者記載 over B3:F3).
func extendUp(g *Grid, h *header) {
	for h.rows[0] > 1 && len(h.rows) < maxHeaderHeight {
		top := h.rows[0]
		up := false
		for _, c := range h.cols {
			if m, ok := g.MergeOf(top, c.Col); ok && m.Row1 == top-1 {
				up = true
				break
			}
		}
		if !up {
			return
		}
		h.rows = append([]int{top - 1}, h.rows...)
	}
}

// bandRowsOK rejects bands with a blank row inside or a lone title above:
// every row must hold at least two labels, or continue a merge from the row
// above (a vertically merged header cell or a group label).
func bandRowsOK(g *Grid, r, h int) bool {
	for row := r; row < r+h; row++ {
		rw := g.row(row)
		if row > r && coveredByMerge(g, row) {
			continue
		}
		if rw == nil || stringCells(g, rw) < 2 {
			return false
		}
	}
	return true
}

// withOverrides adds the override columns that have no header text of
// their own (a YAML mapping may name column E even when E4 is blank).
func withOverrides(cols []Column, overrides map[int]string) []Column {
	for col := range overrides {
		if !slices.ContainsFunc(cols, func(c Column) bool { return c.Col == col }) {
			cols = append(cols, Column{Col: col, Letter: columnLetter(col)})
		}
	}
	slices.SortFunc(cols, func(a, b Column) int { return a.Col - b.Col })
	return cols
}

// promoteNameColumns maps a name-like column right next to the name
// column as a second name level when the data shows a hierarchy: the left
// column is filled on fewer rows (a parent written once, or merged down
// over its children) — 工程 | タスク名.
func promoteNameColumns(g *Grid, h *header) {
	if h.kind != project.KindWBS {
		return
	}
	sc := scorer{}
	for i := 0; i+1 < len(h.cols); i++ {
		left, right := &h.cols[i], &h.cols[i+1]
		if left.Field != "name" || right.Field != "" || right.Col != left.Col+1 || sc.column(h.kind, "name", right) < minFieldScore {
			continue
		}
		l, r := filled(g, h, left.Col), filled(g, h, right.Col)
		if l > 0 && r > l {
			right.Field, right.Score = "name", sc.column(h.kind, "name", right)
		}
	}
}

// filled counts the data cells with a value of their own in a column,
// over the first 500 rows below the header.
func filled(g *Grid, h *header, col int) int {
	first := h.rows[len(h.rows)-1] + 1
	n := 0
	rows := h.dataRows(g)
	for i := range rows {
		r := &rows[i]
		if r.Num > first+500 {
			break
		}
		if _, ok := g.find(r, col); ok {
			n++
		}
	}
	return n
}
