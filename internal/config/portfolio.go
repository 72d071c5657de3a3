package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// Portfolio is a portfolio definition: the projects run together by
// pmo batch and the defaults they share.
type Portfolio struct {
	Path      string // the YAML file as the caller named it
	Dir       string // its folder; patterns and output are relative to it
	Version   int
	Name      string
	Patterns  []Pattern    // the projects: entries as written
	Projects  []ProjectRef // the files they match; filled by LoadPortfolio
	Output    string       // as written; "" when not given
	OutputDir string       // Output joined with Dir
	Defaults  Defaults
	People    []Person // people who work across projects (portfolio_people.go)
	Pos       diag.Pos
	NamePos   diag.Pos
	OutputPos diag.Pos
}

// Pattern is one entry of projects: a path or a glob.
type Pattern struct {
	Text   string
	Groups Groups // department, program and tags, for every project it matches
	Pos    diag.Pos
}

// ProjectRef is a project file found through a pattern. Pos is the
// pattern's position, where a project that fails to load is reported.
type ProjectRef struct {
	Path    string
	Pattern string
	Groups  Groups
	Pos     diag.Pos
}

// Defaults are the values a portfolio gives every project that leaves
// them out. Positions point into the portfolio file.
type Defaults struct {
	StatusDate    date.Date
	StatusDatePos diag.Pos
	Calendar      Calendar
	Thresholds    Thresholds
	Report        Report

	given map[string]bool // dotted keys set in the file, under "defaults."
}

// LoadPortfolio reads a portfolio definition and finds its project files:
// globs are expanded in sorted order, names a wildcard matched are skipped
// when hidden (".x") or Excel lock files ("~$x"), and a file matched twice
// is listed once. Errors and findings follow the rules of Load.
func LoadPortfolio(path string) (*Portfolio, diag.Findings, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	p, found, err := ParsePortfolio(path, data)
	if err != nil {
		return nil, nil, err
	}
	p.findProjects(&found)
	found.Sort()
	return p, found, nil
}

// ParsePortfolio is LoadPortfolio without the file system: Projects stays
// empty.
func ParsePortfolio(path string, data []byte) (*Portfolio, diag.Findings, error) {
	// Named by its base name in positions, as a project file is (Parse).
	name := filepath.Base(path)
	data, encoding := decodeText(data)
	root, err := document(name, data)
	if err != nil {
		return nil, nil, err
	}
	version, err := checkVersion(name, root)
	if err != nil {
		return nil, nil, err
	}
	d := newDecoder(name)
	d.encoding(encoding)
	p := &Portfolio{Path: path, Dir: filepath.Dir(path), Version: version, Pos: d.pos(root)}
	s := portfolioShape()
	f := d.mapping(root, "", s)
	if v := f.get("portfolio"); v != nil {
		if pf := d.mapping(v, "portfolio", s.sub["portfolio"]); pf != nil {
			p.NamePos = d.textKey(pf, "name", &p.Name)
		}
	}
	if v := d.required(f, "projects", diag.Error); v != nil {
		items := []*yaml.Node{v}
		if v.Kind != yaml.ScalarNode {
			items = d.list(v, "projects")
		}
		for _, item := range items {
			if pat, ok := d.projectEntry(item, s.sub["projects"]); ok {
				p.Patterns = append(p.Patterns, pat)
			}
		}
	}
	p.OutputPos = d.textKey(f, "output", &p.Output)
	if p.Output != "" {
		p.OutputDir = resolve(p.Dir, p.Output)
		checkPath(&d.found, "output", p.Output, p.OutputPos)
	}
	if v := f.get("defaults"); v != nil {
		p.Defaults = d.defaults(v, s.sub["defaults"])
	}
	if v := f.get("people"); v != nil {
		p.People = d.people(v, s.sub["people"])
	}
	d.found.Sort()
	return p, d.found, nil
}

func (d *decoder) defaults(n *yaml.Node, s *shape) Defaults {
	def := Defaults{Thresholds: DefaultThresholds(), given: d.given}
	f := d.mapping(n, "defaults", s)
	if f == nil {
		return def
	}
	def.StatusDatePos = d.dateKey(f, "status_date", &def.StatusDate)
	if v := f.get("calendar"); v != nil {
		d.calendar(v, "defaults.calendar", &def.Calendar)
	}
	if v := f.get("thresholds"); v != nil {
		d.thresholds(v, "defaults.thresholds", &def.Thresholds)
	}
	if v := f.get("report"); v != nil {
		d.report(v, "defaults.report", &def.Report)
	}
	return def
}

// findProjects expands the patterns into Projects.
func (p *Portfolio) findProjects(found *diag.Findings) {
	seen := map[string]bool{}
	for _, pat := range p.Patterns {
		if foreignPath(pat.Text, runtime.GOOS) {
			checkPath(found, "projects:", pat.Text, pat.Pos)
			continue
		}
		full := resolve(p.Dir, pat.Text)
		var files []string
		if strings.ContainsAny(pat.Text, `*?[`) {
			matches, err := filepath.Glob(full)
			if err != nil {
				found.Add(diag.Error, RuleBadValue, pat.Pos, "projects: %q is not a valid pattern", clip(pat.Text, 80))
				continue
			}
			// The slash form sorts the same on every system.
			slices.SortFunc(matches, func(a, b string) int { return strings.Compare(filepath.ToSlash(a), filepath.ToSlash(b)) })
			for _, m := range matches {
				if st, err := os.Stat(m); err == nil && !st.IsDir() && !skipped(full, m) {
					files = append(files, m)
				}
			}
			if len(files) == 0 {
				found.Add(diag.Warning, RuleNoProjects, pat.Pos, "projects: %q matches no project files", clip(pat.Text, 80))
			}
		} else {
			st, err := os.Stat(full)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				found.Add(diag.Error, RuleNoProjects, pat.Pos, "projects: %q not found", clip(pat.Text, 80))
			case err != nil:
				found.Add(diag.Error, RuleNoProjects, pat.Pos, "projects: %q cannot be read: %s", clip(pat.Text, 80), reason(err))
			case st.IsDir():
				found.Add(diag.Error, RuleNoProjects, pat.Pos, "projects: %q is a folder; name its project.yaml", clip(pat.Text, 80))
			default:
				files = []string{full}
			}
		}
		for _, file := range files {
			if !seen[file] {
				seen[file] = true
				p.Projects = append(p.Projects, ProjectRef{Path: file, Pattern: pat.Text, Groups: pat.Groups, Pos: pat.Pos})
			}
		}
	}
	if len(p.Patterns) > 0 && len(p.Projects) == 0 {
		found.Add(diag.Error, RuleNoProjects, p.Patterns[0].Pos, "projects: no project file found")
	}
}

// skipped reports whether a wildcard in pattern matched a hidden name or
// an Excel lock file on the way to match. Names written out in full are
// taken as meant.
func skipped(pattern, match string) bool {
	pp := strings.Split(pattern, string(filepath.Separator))
	mp := strings.Split(match, string(filepath.Separator))
	if len(pp) != len(mp) {
		pp, mp = pp[len(pp)-1:], mp[len(mp)-1:]
	}
	for i, m := range mp {
		if strings.ContainsAny(pp[i], `*?[`) && (strings.HasPrefix(m, ".") || strings.HasPrefix(m, "~$")) {
			return true
		}
	}
	return false
}

// ApplyDefaults fills the settings p's file left out from portfolio
// defaults d, leaf by leaf: a project that sets only thresholds.spi.red
// still takes thresholds.spi.amber from the portfolio. Lists are taken
// whole, never merged.
func (p *Project) ApplyDefaults(d Defaults) {
	take := func(key string) bool { return d.given["defaults."+key] && !p.given[key] }
	if d.given["defaults.status_date"] && !p.given["project.status_date"] && !d.StatusDate.IsZero() {
		p.Project.StatusDate, p.Project.StatusDatePos = d.StatusDate, d.StatusDatePos
	}
	c, dc := &p.Calendar, &d.Calendar
	if take("calendar.holidays") && dc.Holidays != "" {
		c.Holidays, c.HolidaysPos = dc.Holidays, dc.HolidaysPos
	}
	if take("calendar.days_off") {
		c.DaysOff = slices.Clone(dc.DaysOff)
	}
	if take("calendar.workdays") {
		c.Workdays = slices.Clone(dc.Workdays)
	}
	t, dt := &p.Thresholds, &d.Thresholds
	for _, b := range []struct {
		key      string
		dst, src *RatioBand
	}{{"spi", &t.SPI, &dt.SPI}, {"cpi", &t.CPI, &dt.CPI}} {
		if take("thresholds." + b.key + ".amber") {
			b.dst.Amber, b.dst.AmberPos = b.src.Amber, b.src.AmberPos
		}
		if take("thresholds." + b.key + ".red") {
			b.dst.Red, b.dst.RedPos = b.src.Red, b.src.RedPos
		}
	}
	if take("thresholds.behind_points") {
		t.BehindPoints, t.BehindPointsPos = dt.BehindPoints, dt.BehindPointsPos
	}
	for _, b := range []struct {
		key      string
		dst, src *CountBand
	}{{"overdue_high_issues", &t.OverdueHighIssues, &dt.OverdueHighIssues}, {"high_risks", &t.HighRisks, &dt.HighRisks}} {
		if take("thresholds." + b.key + ".amber") {
			b.dst.Amber, b.dst.AmberPos = b.src.Amber, b.src.AmberPos
		}
		if take("thresholds." + b.key + ".red") {
			b.dst.Red, b.dst.RedPos = b.src.Red, b.src.RedPos
		}
	}
	if take("thresholds.min_scheduled") {
		t.MinScheduled, t.MinScheduledPos = dt.MinScheduled, dt.MinScheduledPos
	}
	if take("thresholds.milestone_slip_days") {
		t.MilestoneSlipDays, t.MilestoneSlipDaysPos = dt.MilestoneSlipDays, dt.MilestoneSlipDaysPos
	}
	if take("thresholds.capacity") {
		t.Capacity, t.CapacityPos = dt.Capacity, dt.CapacityPos
	}
	r, dr := &p.Report, &d.Report
	if take("report.lang") && dr.Lang != "" {
		r.Lang, r.LangPos = dr.Lang, dr.LangPos
	}
	if take("report.title") {
		r.Title = dr.Title
	}
	if take("report.comment") {
		r.Comment = dr.Comment
	}
	if take("report.meeting") {
		r.Meeting = dr.Meeting
	}
	if take("report.decisions") {
		r.Decisions = slices.Clone(dr.Decisions)
		r.DecisionLog = append(withoutKind(r.DecisionLog, "decision"), ofKind(dr.DecisionLog, "decision")...)
	}
	if take("report.escalations") {
		r.Escalations = slices.Clone(dr.Escalations)
		r.DecisionLog = append(withoutKind(r.DecisionLog, "escalation"), ofKind(dr.DecisionLog, "escalation")...)
	}
}

// IsPortfolio reports whether the YAML file at path is a portfolio
// definition (a top-level projects: and no project:), so that a command
// given one where it expects a project can take it as such. A file that
// cannot be read or parsed is not one: the project reader reports it.
func IsPortfolio(path string) bool {
	data, err := readFile(path)
	if err != nil {
		return false
	}
	data, _ = decodeText(data)
	root, err := document(filepath.Base(path), data)
	if err != nil || root.Kind != yaml.MappingNode {
		return false
	}
	var projects, project bool
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "projects":
			projects = true
		case "project":
			project = true
		}
	}
	return projects && !project
}
