package analyze

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// SourceInput is what the reader made of one source: enough to say how
// much of it pmo could use. Records are matched to it by their position's
// file (Key).
type SourceInput struct {
	Name  string       // as the project definition names it
	Key   string       // the file name records and findings carry
	Kind  project.Kind // declared; "" when the reader infers it
	Err   string       // why the file could not be read; "" when read
	ErrJA string
	// Tables are the tables found, in sheet order.
	Tables []TableInput
}

// TableInput is one table of a source: its kind and mapping.
type TableInput struct {
	Sheet    string
	Kind     project.Kind
	Fields   []string // standard fields mapped to a column
	Unmapped []string // headers of columns left unmapped
	Records  int
}

// Coverage says how much of each source pmo could read and judge: the
// evidence behind every figure. Shares are percentages; nil when there is
// nothing to divide.
type Coverage struct {
	LeafTasks      int      `json:"leaf_tasks"`
	Scheduled      int      `json:"scheduled"`
	ScheduledShare *float64 `json:"scheduled_share"`
	WithProgress   int      `json:"with_progress"`
	ProgressShare  *float64 `json:"progress_share"`
	Issues         int      `json:"issues"`
	IssueStatus    int      `json:"issues_with_status"`
	IssueDue       int      `json:"issues_with_due"`
	Risks          int      `json:"risks"`
	RiskScored     int      `json:"risks_scored"`
	// Registers says whether a WBS, an issue list and a risk register were
	// read at all: an absent register is not an empty one.
	HasWBS    bool             `json:"has_wbs"`
	HasIssues bool             `json:"has_issues"`
	HasRisks  bool             `json:"has_risks"`
	Errors    int              `json:"errors"`
	Warnings  int              `json:"warnings"`
	Sources   []SourceCoverage `json:"sources"`
	// Worst names the source that most needs the team's attention: an
	// unreadable one first, then the lowest share of usable records, then
	// the most errors. Empty when every source is clean.
	Worst string `json:"worst,omitempty"`
}

// SourceCoverage is one source's share of usable records.
type SourceCoverage struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"` // declared, else the kinds found
	Read     bool     `json:"read"`
	Error    string   `json:"error,omitempty"`
	ErrorJA  string   `json:"error_ja,omitempty"`
	Tables   int      `json:"tables"`
	Records  int      `json:"records"`
	Missing  []string `json:"missing_fields"`   // required fields of its kind no column maps
	Unmapped []string `json:"unmapped_columns"` // headers pmo did not map
	// Usable counts the records a figure can use: leaf tasks with a
	// planned start and finish, issues with a status, scored risks.
	Usable      int      `json:"usable"`
	UsableShare *float64 `json:"usable_share"`
	LeafTasks   int      `json:"leaf_tasks"`
	Scheduled   int      `json:"scheduled"`
	Errors      int      `json:"errors"`
	Warnings    int      `json:"warnings"`
}

// requiredFields are the fields each kind needs for its figures; one of
// several alternatives is enough (a status stands in for progress, a
// score for probability and impact).
var requiredFields = map[project.Kind][][]string{
	project.KindWBS:    {{"name"}, {"planned_start"}, {"planned_finish"}, {"progress", "status"}},
	project.KindIssues: {{"title"}, {"status"}, {"due"}},
	project.KindRisks:  {{"title"}, {"probability", "score"}, {"impact", "score"}},
}

// share is n of of as a percentage; nil when of is 0.
func share(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := float64(n) / float64(of) * 100
	return &v
}

// coverage counts what the leaves, issues and risks hold, in total and per
// source. Without source information (a caller that passes records only),
// a register counts as given when it holds records.
func coverage(sources []SourceInput, leaves []leaf, issues []project.Issue, risks []project.Risk) Coverage {
	c := Coverage{Sources: []SourceCoverage{}}
	type counts struct{ leaf, sched, usable, records int }
	by := map[string]*counts{}
	get := func(file string) *counts {
		if by[file] == nil {
			by[file] = &counts{}
		}
		return by[file]
	}
	for _, l := range leaves {
		c.LeafTasks++
		n := get(l.t.Source().File)
		n.leaf++
		n.records++
		if l.scheduled {
			c.Scheduled++
			n.sched++
			n.usable++
		}
		if l.t.Progress.OK() || l.t.Status != project.NoTaskStatus {
			c.WithProgress++
		}
	}
	for i := range issues {
		is := &issues[i]
		c.Issues++
		n := get(is.Source().File)
		n.records++
		if is.Status != project.NoItemStatus {
			c.IssueStatus++
			n.usable++
		}
		if !is.Due.IsZero() {
			c.IssueDue++
		}
	}
	for i := range risks {
		rk := &risks[i]
		c.Risks++
		n := get(rk.Source().File)
		n.records++
		if rk.Score.OK() || rk.Probability.OK() && rk.Impact.OK() {
			c.RiskScored++
			n.usable++
		}
	}
	c.ScheduledShare, c.ProgressShare = share(c.Scheduled, c.LeafTasks), share(c.WithProgress, c.LeafTasks)
	if sources == nil {
		c.HasWBS, c.HasIssues, c.HasRisks = c.LeafTasks > 0, c.Issues > 0, c.Risks > 0
		return c
	}
	for _, s := range sources {
		sc := SourceCoverage{Name: s.Name, Kind: string(s.Kind), Read: s.Err == "", Error: s.Err, ErrorJA: s.ErrJA,
			Tables: len(s.Tables), Missing: []string{}, Unmapped: []string{}}
		kinds := map[project.Kind]bool{}
		var found []string
		for _, t := range s.Tables {
			kinds[t.Kind] = true
			if !slices.Contains(found, string(t.Kind)) {
				found = append(found, string(t.Kind))
			}
			sc.Unmapped = append(sc.Unmapped, t.Unmapped...)
			for _, alts := range requiredFields[t.Kind] {
				if !slices.ContainsFunc(alts, func(f string) bool { return slices.Contains(t.Fields, f) }) && !slices.Contains(sc.Missing, alts[0]) {
					sc.Missing = append(sc.Missing, alts[0])
				}
			}
		}
		if sc.Kind == "" {
			sc.Kind = strings.Join(found, ",")
		}
		if s.Err == "" {
			c.HasWBS = c.HasWBS || kinds[project.KindWBS]
			c.HasIssues = c.HasIssues || kinds[project.KindIssues]
			c.HasRisks = c.HasRisks || kinds[project.KindRisks]
		}
		if n := by[s.Key]; n != nil {
			sc.Records, sc.Usable, sc.LeafTasks, sc.Scheduled = n.records, n.usable, n.leaf, n.sched
		}
		sc.UsableShare = share(sc.Usable, sc.Records)
		if s.Err == "" && len(s.Tables) == 0 {
			// Read, but no table found in it: nothing of it is usable, and
			// it is the first place to look.
			none := 0.0
			sc.UsableShare = &none
			for _, alts := range requiredFields[s.Kind] {
				sc.Missing = append(sc.Missing, alts[0])
			}
		}
		c.Sources = append(c.Sources, sc)
	}
	return c
}

// CountFindings adds the error and warning counts of fs, in total and per
// source (by the file a finding points at). keys maps a source's Key to
// its index in c.Sources.
func (c *Coverage) CountFindings(fs diag.Findings, keys map[string]int) {
	c.Errors, c.Warnings = fs.Count(diag.Error), fs.Count(diag.Warning)
	for _, f := range fs {
		i, ok := keys[f.Pos.File]
		if !ok {
			continue
		}
		switch f.Severity {
		case diag.Error:
			c.Sources[i].Errors += max(f.More, 1)
		case diag.Warning:
			c.Sources[i].Warnings += max(f.More, 1)
		}
	}
	c.Worst = c.worst()
}

// worst picks the source that needs the team most, or "" when none does.
func (c *Coverage) worst() string {
	best := -1
	score := func(s *SourceCoverage) (int, float64, int) {
		unread := 0
		if !s.Read {
			unread = 1
		}
		usable := 100.0
		if s.UsableShare != nil {
			usable = *s.UsableShare
		}
		return unread, usable, s.Errors
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		u, sh, e := score(s)
		if u == 0 && sh >= 100 && e == 0 && len(s.Missing) == 0 {
			continue // nothing to fix
		}
		if best < 0 {
			best = i
			continue
		}
		bu, bsh, be := score(&c.Sources[best])
		if cmp.Or(cmp.Compare(bu, u), cmp.Compare(sh, bsh), cmp.Compare(be, e)) < 0 {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return c.Sources[best].Name
}

// scheduleText is "21/154" for reasons.
func (c *Coverage) scheduleText() string { return fmt.Sprintf("%d/%d", c.Scheduled, c.LeafTasks) }
