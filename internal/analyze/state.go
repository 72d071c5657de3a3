package analyze

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// TaskState is one task as a run saw it, by a stable identity, so the next
// run can tell what was re-planned, what went backwards and what vanished.
type TaskState struct {
	// Key is the task's identity across runs: its source file, then its
	// WBS id, else the path of names from the top of the outline.
	Key           string             `json:"key"`
	Source        string             `json:"source"`
	WBSID         string             `json:"wbs_id,omitempty"`
	Name          string             `json:"name"`
	Summary       bool               `json:"summary,omitempty"`
	PlannedStart  date.Date          `json:"planned_start,omitzero"`
	PlannedFinish date.Date          `json:"planned_finish,omitzero"`
	ActualStart   date.Date          `json:"actual_start,omitzero"`
	ActualFinish  date.Date          `json:"actual_finish,omitzero"`
	PlannedEffort *float64           `json:"planned_effort,omitempty"`
	ActualEffort  *float64           `json:"actual_effort,omitempty"`
	Progress      *float64           `json:"progress,omitempty"`
	Status        project.TaskStatus `json:"status,omitempty"`
}

// Equal reports whether two states hold the same values.
func (a TaskState) Equal(b TaskState) bool {
	return a.Key == b.Key && a.Source == b.Source && a.WBSID == b.WBSID && a.Name == b.Name && a.Summary == b.Summary &&
		a.PlannedStart == b.PlannedStart && a.PlannedFinish == b.PlannedFinish &&
		a.ActualStart == b.ActualStart && a.ActualFinish == b.ActualFinish &&
		eqNum(a.PlannedEffort, b.PlannedEffort) && eqNum(a.ActualEffort, b.ActualEffort) &&
		eqNum(a.Progress, b.Progress) && a.Status == b.Status
}

// ItemState is one issue or risk as a run saw it.
type ItemState struct {
	Kind     project.Kind       `json:"kind"` // issues, risks or actions
	Key      string             `json:"key"`  // IssueKey for issues, the same shape for risks
	Source   string             `json:"source"`
	Status   project.ItemStatus `json:"status,omitempty"`
	Open     bool               `json:"open"`
	RaisedOn date.Date          `json:"raised_on,omitzero"`
	ClosedOn date.Date          `json:"closed_on,omitzero"`
}

// SourceState is what one source file held at a run: a digest of its
// records as read (not of the file's bytes, so re-saving a workbook
// unchanged is still "unchanged"), how many, and for how many runs in a
// row the digest has stayed the same.
type SourceState struct {
	File      string `json:"file"`
	Records   int    `json:"records"`
	Digest    string `json:"digest"`
	Unchanged int    `json:"unchanged"` // runs in a row with this digest before this one
}

// sourceNames maps a source's path as read to its file as the YAML names
// it, so identities do not depend on where pmo was started from.
type sourceNames map[string]string

func newSourceNames(cfg *config.Project) sourceNames {
	n := sourceNames{}
	for _, s := range cfg.Sources {
		// Records carry s.Name (relative to the YAML's folder) when read
		// through the pipeline; callers naming them by path are mapped too.
		name := cmp.Or(s.Name, filepath.ToSlash(s.File))
		n[s.Path] = name
		n[name] = name
	}
	return n
}

func (n sourceNames) of(path string) string {
	if f, ok := n[path]; ok {
		return f
	}
	return filepath.ToSlash(path)
}

// path is how a finding names a file the others name as of does: the
// same name, so findings are the same from any working directory.
func (n sourceNames) path(file string) string { return file }

// issueKey is IssueKey with the file as the YAML names it.
func (n sourceNames) issueKey(is *project.Issue) string {
	return n.of(is.Source().File) + "!" + is.Source().Sheet + "#" + cmp.Or(is.ID, is.Title)
}

func eqNum(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// taskStates gives every task of the outline (summaries too) its stable
// identity. Tasks without a WBS id are named by their path of names; two
// rows with the same identity in one sheet get #2, #3 in outline order.
func taskStates(tasks []project.Task, names sourceNames) []TaskState {
	out := make([]TaskState, 0, len(tasks))
	seen := make(map[string]int, len(tasks))
	var path []string // names by level
	// Tasks come sheet by sheet: name the source once per run of them.
	var lastFile, lastSheet, src string
	for i := range tasks {
		t := &tasks[i]
		lvl := max(t.Level, 1)
		if len(path) >= lvl {
			path = path[:lvl-1]
		}
		for len(path) < lvl-1 {
			path = append(path, "")
		}
		path = append(path, t.Name)
		if i == 0 || t.Source().File != lastFile || t.Source().Sheet != lastSheet {
			lastFile, lastSheet = t.Source().File, t.Source().Sheet
			src = names.of(t.Source().File)
			if t.Source().Sheet != "" {
				src += "!" + t.Source().Sheet
			}
		}
		id := t.WBSID
		if id == "" {
			id = strings.Join(path, " / ")
		}
		key := src + "#" + id
		if n := seen[key]; n > 0 {
			seen[key] = n + 1
			key = key + "#" + strconv.Itoa(n+1)
		} else {
			seen[key] = 1
		}
		out = append(out, TaskState{Key: key, Source: src, WBSID: t.WBSID, Name: t.Name, Summary: t.Summary,
			PlannedStart: t.PlannedStart, PlannedFinish: t.PlannedFinish, ActualStart: t.ActualStart, ActualFinish: t.ActualFinish,
			PlannedEffort: t.PlannedEffort.Ptr(), ActualEffort: t.ActualEffort.Ptr(), Progress: t.Progress.Ptr(), Status: t.Status})
	}
	return out
}

// itemStates lists issues and risks by identity, in input order.
func itemStates(issues []project.Issue, risks []project.Risk, names sourceNames) []ItemState {
	out := make([]ItemState, 0, len(issues)+len(risks))
	seen := map[string]bool{}
	add := func(s ItemState) {
		// A duplicated id keeps its first row, as IssueKey always has.
		if !seen[string(s.Kind)+s.Key] {
			seen[string(s.Kind)+s.Key] = true
			out = append(out, s)
		}
	}
	for i := range issues {
		is := &issues[i]
		add(ItemState{Kind: project.KindIssues, Key: names.issueKey(is), Source: names.of(is.Source().File), Status: is.Status,
			Open: is.Status.IsOpen(), RaisedOn: is.RaisedOn, ClosedOn: is.ClosedOn})
	}
	for i := range risks {
		r := &risks[i]
		key := names.of(r.Source().File) + "!" + r.Source().Sheet + "#" + cmp.Or(r.ID, r.Title)
		add(ItemState{Kind: project.KindRisks, Key: key, Source: names.of(r.Source().File), Status: r.Status, Open: r.Status.IsOpen()})
	}
	return out
}

// sourceStates digests each source file's records. prev carries the
// unchanged counts forward.
//
// A file's digest is the SHA-256 (first 16 bytes, in hex) of its records'
// lines joined by "\n", a task's line being
//
//	"key"|name|planned start|planned finish|actual start|actual finish|planned effort|actual effort|progress|status
//
// (the key quoted as Go quotes strings, dates as YYYY-MM-DD, numbers in
// the shortest form, an absent value empty) and an issue's or risk's
// "key"|status|raised|closed. The lines are hashed as they are made, not
// joined first, so the digest costs no memory per record.
func sourceStates(tasks []TaskState, items []ItemState, prev *Snapshot) []SourceState {
	type acc struct {
		n int
		h hash.Hash
	}
	by := map[string]*acc{}
	var last *acc
	var lastFile string
	get := func(file string) *acc {
		// Records come file by file: remember the last one.
		if last != nil && file == lastFile {
			return last
		}
		a := by[file]
		if a == nil {
			a = &acc{h: sha256.New()}
			by[file] = a
		}
		last, lastFile = a, file
		return a
	}
	var line []byte
	var q quotedPrefix
	// begin starts a's next line, after the "\n" that ends the one before.
	begin := func(a *acc) []byte {
		b := line[:0]
		if a.n > 0 {
			b = append(b, '\n')
		}
		a.n++
		return b
	}
	for i := range tasks {
		t := &tasks[i]
		file, _, _ := strings.Cut(t.Source, "!")
		a := get(file)
		line = q.append(begin(a), t.Key)
		line = append(line, '|')
		line = append(line, t.Name...)
		for _, d := range [...]date.Date{t.PlannedStart, t.PlannedFinish, t.ActualStart, t.ActualFinish} {
			line = append(line, '|')
			line = d.Append(line)
		}
		for _, p := range [...]*float64{t.PlannedEffort, t.ActualEffort, t.Progress} {
			line = append(line, '|')
			line = appendNum(line, p)
		}
		line = append(line, '|')
		line = append(line, t.Status.String()...)
		a.h.Write(line)
	}
	for i := range items {
		it := &items[i]
		a := get(it.Source)
		line = q.append(begin(a), it.Key)
		line = append(line, '|')
		line = append(line, it.Status.String()...)
		line = append(line, '|')
		line = it.RaisedOn.Append(line)
		line = append(line, '|')
		line = it.ClosedOn.Append(line)
		a.h.Write(line)
	}
	was := map[string]SourceState{}
	if prev != nil {
		for _, s := range prev.Sources {
			was[s.File] = s
		}
	}
	out := make([]SourceState, 0, len(by))
	for file, a := range by {
		var sum [sha256.Size]byte
		a.h.Sum(sum[:0])
		s := SourceState{File: file, Records: a.n, Digest: hex.EncodeToString(sum[:16])}
		if p, ok := was[file]; ok && p.Digest == s.Digest {
			s.Unchanged = p.Unchanged + 1
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b SourceState) int { return cmp.Compare(a.File, b.File) })
	return out
}

// appendNum appends *p in the shortest form that reads back the same
// (what fmt's %v prints), nothing for nil.
func appendNum(b []byte, p *float64) []byte {
	if p == nil {
		return b
	}
	// Whole numbers below a million ('g' writes 1e+06 from there on), the
	// usual progress and effort, without the shortest-digits search.
	if v := *p; v == math.Trunc(v) && math.Abs(v) < 1e6 && (v != 0 || !math.Signbit(v)) {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, *p, 'g', -1, 64)
}

// quotedPrefix appends keys quoted as strconv.AppendQuote quotes them,
// quoting the part up to the first '#' (the file and sheet, the same for
// a sheet's every record) once. Quoting escapes each rune on its own, and
// '#' is a whole rune, so the two halves quote to the whole.
type quotedPrefix struct {
	raw    string
	quoted []byte // the opening quote and raw, escaped
}

func (q *quotedPrefix) append(b []byte, key string) []byte {
	i := strings.IndexByte(key, '#')
	if i < 0 {
		return strconv.AppendQuote(b, key)
	}
	if pre := key[:i+1]; pre != q.raw || q.quoted == nil {
		q.raw = pre
		q.quoted = strconv.AppendQuote(q.quoted[:0], pre)
		q.quoted = q.quoted[:len(q.quoted)-1] // without the closing quote
	}
	b = append(b, q.quoted...)
	n := len(b)
	b = strconv.AppendQuote(b, key[i+1:])
	return append(b[:n], b[n+1:]...) // without the second opening quote
}
