package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// project decodes a whole project file; root is its top-level mapping and
// dir the folder sources are relative to.
func (d *decoder) project(root *yaml.Node, dir string) *Project {
	p := &Project{Pos: d.pos(root), Thresholds: DefaultThresholds(), given: d.given}
	p.Project.Currency, p.Calendar.Holidays, p.Report.Lang = "JPY", "jp", "ja"
	s := projectShape()
	f := d.mapping(root, "", s)
	if f == nil {
		return p
	}
	if v := d.required(f, "project", diag.Error); v != nil {
		d.info(v, s.sub["project"], &p.Project)
	}
	if v := f.get("teams"); v != nil {
		p.Teams = d.teams(v, s.sub["teams"])
	}
	if v := f.get("calendar"); v != nil {
		d.calendar(v, "calendar", &p.Calendar)
	}
	if v := f.get("milestones"); v != nil {
		p.Milestones = d.milestones(v, s.sub["milestones"])
	}
	if v := f.get("thresholds"); v != nil {
		d.thresholds(v, "thresholds", &p.Thresholds)
	}
	if v := f.get("report"); v != nil {
		d.report(v, "report", &p.Report)
	}
	if v := f.get("actions"); v != nil {
		p.Actions = d.actions(v)
	}
	if v := f.get("sources"); v != nil {
		p.Sources = d.sources(v, s.sub["sources"], dir, p.Teams)
	} else {
		d.warnf(RuleMissingKey, root, "no sources listed: the project has no WBS, issue or risk sheets to read")
	}
	return p
}

// textKey sets *dst from an optional text key and returns the value's
// position (zero when absent).
func (d *decoder) textKey(f *fields, key string, dst *string) diag.Pos {
	v := f.get(key)
	if v == nil {
		return diag.Pos{}
	}
	if s, ok := d.str(v, join(f.path, key)); ok {
		*dst = s
	}
	return d.pos(v)
}

func (d *decoder) dateKey(f *fields, key string, dst *date.Date) diag.Pos {
	v := f.get(key)
	if v == nil {
		return diag.Pos{}
	}
	if t, ok := d.dateOf(v, join(f.path, key)); ok {
		*dst = t
	}
	return d.pos(v)
}

// span is the allowed range of a number.
type span int

const (
	nonNegative span = iota // money
	positive                // SPI/CPI thresholds
	perWeek                 // person-days per week: more than 0, at most 7
	percent                 // progress points
)

func (s span) holds(x float64) bool {
	switch s {
	case positive:
		return x > 0
	case perWeek:
		return x > 0 && x <= 7
	case percent:
		return x >= 0 && x <= 100
	default:
		return x >= 0
	}
}

// Format prints the range in English with %s and in Japanese with %v,
// like a diag.Phrase.
func (s span) Format(f fmt.State, verb rune) {
	en, ja := "0 or more", "0 以上"
	switch s {
	case positive:
		en, ja = "more than 0", "0 より大きい値"
	case perWeek:
		en, ja = "more than 0 and at most 7", "0 より大きく 7 以下"
	case percent:
		en, ja = "between 0 and 100", "0 以上 100 以下"
	}
	if verb == 'v' {
		fmt.Fprint(f, ja)
		return
	}
	fmt.Fprint(f, en)
}

// numberKey sets *dst from an optional number key that must lie in s.
func (d *decoder) numberKey(f *fields, key string, dst *float64, s span) diag.Pos {
	v := f.get(key)
	if v == nil {
		return diag.Pos{}
	}
	path := join(f.path, key)
	if x, ok := d.number(v, path); ok {
		if s.holds(x) {
			*dst = x
		} else {
			d.errorf(RuleBadValue, v, "%s must be %s, got %g", path, s, x)
		}
	}
	return d.pos(v)
}

// countKey sets *dst from an optional whole number of at least zero.
func (d *decoder) countKey(f *fields, key string, dst *int) diag.Pos {
	v := f.get(key)
	if v == nil {
		return diag.Pos{}
	}
	path := join(f.path, key)
	if x, ok := d.integer(v, path); ok {
		if x >= 0 {
			*dst = x
		} else {
			d.errorf(RuleBadValue, v, "%s must be 0 or more, got %d", path, x)
		}
	}
	return d.pos(v)
}

func (d *decoder) info(n *yaml.Node, s *shape, info *Info) {
	f := d.mapping(n, "project", s)
	if f == nil {
		return
	}
	info.Pos = d.pos(n)
	if v := d.required(f, "id", diag.Error); v != nil {
		info.IDPos = d.textKey(f, "id", &info.ID)
		switch {
		case info.ID == "":
		case !validID(info.ID):
			d.errorf(RuleBadValue, v, "project.id %q must start with a-z or 0-9 and use only a-z, 0-9, _ and - (it names the output folder)", clip(info.ID, 40))
		case len(info.ID) > limits.IDLength:
			d.errorf(RuleBadValue, v, "project.id is %d characters long; at most %d are allowed (it names the output folder)", len(info.ID), limits.IDLength)
		case reservedID(info.ID):
			d.errorf(RuleBadValue, v, "project.id %q is a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another (it names the output folder)", info.ID)
		}
	}
	d.required(f, "name", diag.Error)
	info.NamePos = d.textKey(f, "name", &info.Name)
	d.required(f, "pm", diag.Warning)
	d.textKey(f, "pm", &info.PM)
	d.textKey(f, "sponsor", &info.Sponsor)
	d.required(f, "start", diag.Error)
	info.StartPos = d.dateKey(f, "start", &info.Start)
	d.required(f, "end", diag.Error)
	info.EndPos = d.dateKey(f, "end", &info.End)
	if !info.Start.IsZero() && !info.End.IsZero() && info.End < info.Start {
		d.found.Add(diag.Error, RuleDateOrder, info.EndPos, "project.end %s is before project.start %s", info.End, info.Start)
	}
	info.BudgetPos = d.numberKey(f, "budget", &info.Budget, nonNegative)
	info.CostPerDayPos = d.numberKey(f, "cost_per_day", &info.CostPerDay, nonNegative)
	if v := f.get("currency"); v != nil {
		if c, ok := d.str(v, "project.currency"); ok {
			if validCurrency(strings.ToUpper(c)) {
				info.Currency = strings.ToUpper(c)
			} else {
				d.errorf(RuleBadValue, v, "project.currency %q must be a three-letter code such as JPY or USD", clip(c, 40))
			}
		}
	}
	info.StatusDatePos = d.dateKey(f, "status_date", &info.StatusDate)
	d.dateKey(f, "baseline", &info.Baseline)
}

// ValidID reports whether s can name a project's output folder on every
// platform: a-z, 0-9, _ and -, at most limits.IDLength long, and not a
// device name Windows reserves.
func ValidID(s string) bool {
	return s != "" && validID(s) && len(s) <= limits.IDLength && !reservedID(s)
}

// reservedID reports whether id is a name Windows keeps for a device in
// every folder (in any case): a folder named con cannot be created there.
func reservedID(id string) bool {
	switch id {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(id) == 4 && (strings.HasPrefix(id, "com") || strings.HasPrefix(id, "lpt")) && id[3] >= '1' && id[3] <= '9'
}

func validID(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case i > 0 && (c == '_' || c == '-'):
		default:
			return false
		}
	}
	return s != ""
}

func validCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func (d *decoder) teams(n *yaml.Node, s *shape) []Team {
	var teams []Team
	seen := map[string]int{}
	for _, item := range d.list(n, "teams") {
		f := d.mapping(item, "teams", s)
		if f == nil {
			continue
		}
		t := Team{Pos: d.pos(item)}
		d.required(f, "name", diag.Error)
		t.NamePos = d.textKey(f, "name", &t.Name)
		d.textKey(f, "lead", &t.Lead)
		if v := f.get("members"); v != nil {
			t.Members = d.members(v, s.sub["members"])
		}
		if t.Name != "" {
			if line, dup := seen[t.Name]; dup {
				d.found.Add(diag.Error, RuleDuplicateTeam, t.NamePos, "team %q is listed twice (first at line %d)", clip(t.Name, 40), line)
			} else {
				seen[t.Name] = t.NamePos.Row
			}
		}
		teams = append(teams, t)
	}
	return teams
}

func (d *decoder) members(n *yaml.Node, s *shape) []Member {
	var members []Member
	for _, item := range d.list(n, "teams.members") {
		m := Member{Pos: d.pos(item)}
		switch item.Kind {
		case yaml.ScalarNode:
			if name, ok := d.str(item, "teams.members"); ok {
				m.Name = name
			}
		case yaml.MappingNode:
			f := d.mapping(item, "teams.members", s)
			d.required(f, "name", diag.Error)
			d.textKey(f, "name", &m.Name)
			d.numberKey(f, "capacity", &m.Capacity, perWeek)
			if v := f.get("aliases"); v != nil {
				m.Aliases = d.texts(v, "teams.members.aliases")
			}
		default:
			d.errorf(RuleWrongType, item, "teams.members entries must be a name or a mapping with name, capacity and aliases, got %s", describe(item))
		}
		if m.Name != "" {
			members = append(members, m)
		}
	}
	return members
}

func (d *decoder) calendar(n *yaml.Node, path string, c *Calendar) {
	f := d.mapping(n, path, calendarShape())
	if f == nil {
		return
	}
	c.Pos = d.pos(n)
	if v := f.get("holidays"); v != nil {
		if h, ok := d.oneOf(v, join(path, "holidays"), "jp", "none"); ok {
			c.Holidays, c.HolidaysPos = h, d.pos(v)
		}
	}
	if v := f.get("days_off"); v != nil {
		c.DaysOff = d.dateRanges(v, join(path, "days_off"))
	}
	if v := f.get("workdays"); v != nil {
		c.Workdays = d.dateRanges(v, join(path, "workdays"))
	}
}

// dateRanges reads a list of dates and "from..to" ranges; a single date
// or range counts as a list of one.
func (d *decoder) dateRanges(n *yaml.Node, path string) []DateRange {
	items := []*yaml.Node{n}
	if n.Kind != yaml.ScalarNode {
		items = d.list(n, path)
	}
	var out []DateRange
	for _, item := range items {
		if item.Kind == yaml.ScalarNode && !isNull(item) {
			if from, to, ok := strings.Cut(strings.TrimSpace(item.Value), ".."); ok {
				a, okA := parseDate(strings.TrimSpace(from))
				b, okB := parseDate(strings.TrimSpace(to))
				switch {
				case !okA || !okB:
					d.errorf(RuleBadDate, item, "%s: %s is not a date range (write YYYY-MM-DD..YYYY-MM-DD)", path, describe(item))
				case b < a:
					d.errorf(RuleDateOrder, item, "%s: range %s..%s ends before it starts", path, a, b)
				default:
					out = append(out, DateRange{From: a, To: b, Pos: d.pos(item)})
				}
				continue
			}
		}
		if t, ok := d.dateOf(item, path); ok {
			out = append(out, DateRange{From: t, To: t, Pos: d.pos(item)})
		}
	}
	return out
}

func (d *decoder) milestones(n *yaml.Node, s *shape) []Milestone {
	var out []Milestone
	for _, item := range d.list(n, "milestones") {
		f := d.mapping(item, "milestones", s)
		if f == nil {
			continue
		}
		m := Milestone{Pos: d.pos(item)}
		d.required(f, "name", diag.Error)
		m.NamePos = d.textKey(f, "name", &m.Name)
		d.required(f, "date", diag.Error)
		m.DatePos = d.dateKey(f, "date", &m.Date)
		if v := f.get("done"); v != nil {
			m.Done, _ = d.boolean(v, "milestones.done")
		}
		d.textKey(f, "wbs_id", &m.WBSID)
		out = append(out, m)
	}
	return out
}

// thresholds overwrites the fields of t the file sets; t comes in holding
// the built-in defaults.
func (d *decoder) thresholds(n *yaml.Node, path string, t *Thresholds) {
	s := thresholdsShape()
	f := d.mapping(n, path, s)
	if f == nil {
		return
	}
	t.Pos = d.pos(n)
	for _, r := range []struct {
		key  string
		band *RatioBand
	}{{"spi", &t.SPI}, {"cpi", &t.CPI}} {
		v := f.get(r.key)
		if v == nil {
			continue
		}
		p := join(path, r.key)
		bf := d.mapping(v, p, s.sub[r.key])
		if bf == nil {
			continue
		}
		r.band.Pos = d.pos(v)
		r.band.AmberPos = d.numberKey(bf, "amber", &r.band.Amber, positive)
		r.band.RedPos = d.numberKey(bf, "red", &r.band.Red, positive)
		if r.band.Red > r.band.Amber {
			at := firstKnown(r.band.RedPos, r.band.AmberPos, r.band.Pos)
			d.found.Add(diag.Error, RuleBadValue, at, "%s.red %g must not be above %s.amber %g", p, r.band.Red, p, r.band.Amber)
		}
	}
	t.BehindPointsPos = d.numberKey(f, "behind_points", &t.BehindPoints, percent)
	for _, c := range []struct {
		key  string
		band *CountBand
	}{{"overdue_high_issues", &t.OverdueHighIssues}, {"high_risks", &t.HighRisks}} {
		v := f.get(c.key)
		if v == nil {
			continue
		}
		p := join(path, c.key)
		if bf := d.mapping(v, p, s.sub[c.key]); bf != nil {
			b := c.band
			b.Pos = d.pos(v)
			b.AmberPos = d.countKey(bf, "amber", &b.Amber)
			b.RedPos = d.countKey(bf, "red", &b.Red)
			if b.Red < b.Amber {
				at := firstKnown(b.RedPos, b.AmberPos, b.Pos)
				d.found.Add(diag.Error, RuleBadValue, at, "%s.red %d must not be below %s.amber %d", p, b.Red, p, b.Amber)
			}
		}
	}
	t.MilestoneSlipDaysPos = d.countKey(f, "milestone_slip_days", &t.MilestoneSlipDays)
	t.CapacityPos = d.numberKey(f, "capacity", &t.Capacity, perWeek)
	t.MinScheduledPos = d.numberKey(f, "min_scheduled", &t.MinScheduled, percent)
}

// firstKnown returns the first position that is set: the red value when
// the file set it, else the amber one, else the band.
func firstKnown(ps ...diag.Pos) diag.Pos {
	for _, p := range ps {
		if p.Row > 0 {
			return p
		}
	}
	return diag.Pos{}
}

func (d *decoder) report(n *yaml.Node, path string, r *Report) {
	f := d.mapping(n, path, reportShape())
	if f == nil {
		return
	}
	r.Pos = d.pos(n)
	if v := f.get("lang"); v != nil {
		if l, ok := d.oneOf(v, join(path, "lang"), "ja", "en"); ok {
			r.Lang, r.LangPos = l, d.pos(v)
		}
	}
	d.textKey(f, "title", &r.Title)
	d.textKey(f, "comment", &r.Comment)
	if v := f.get("decisions"); v != nil {
		var log []Decision
		log, r.Decisions = d.decisions(v, join(path, "decisions"), "decision")
		r.DecisionLog = append(r.DecisionLog, log...)
	}
	if v := f.get("meeting"); v != nil {
		r.Meeting, _ = d.boolean(v, join(path, "meeting"))
	}
	if v := f.get("escalations"); v != nil {
		var log []Decision
		log, r.Escalations = d.decisions(v, join(path, "escalations"), "escalation")
		r.DecisionLog = append(r.DecisionLog, log...)
	}
}
