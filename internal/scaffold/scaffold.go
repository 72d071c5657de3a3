// Package scaffold makes the files `pmo init` starts a project with: a
// commented project.yaml that loads without findings, and blank team
// sheets in the standard layout. The sheets' headers are the tracker's own
// column labels, so pmo reads them back with no column mapping at all.
//
// Everything is built in memory; the caller decides where and whether to
// write.
package scaffold

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
)

// ProjectFile is the name of the project definition.
const ProjectFile = "project.yaml"

// Options say what to scaffold.
type Options struct {
	ID    string    // project.id; must satisfy config.ValidID
	Name  string    // project.name
	Lang  string    // "ja" (the default) or "en": comments, headers, sample rows, file names
	Start date.Date // project start; the project runs for a year from it
	AsOf  date.Date // status_date and the workbooks' document date, within Start..End(Start); zero means Start
}

// File is one file to write, at a slash-separated path relative to the
// project folder.
type File struct {
	Path string
	Data []byte
}

// Files returns project.yaml and the WBS, issue and risk sheets under
// teams/, in that order. The same options always give the same bytes.
func Files(o Options) ([]File, error) {
	p, err := newPlan(o)
	if err != nil {
		return nil, err
	}
	y, err := p.yaml()
	if err != nil {
		return nil, err
	}
	files := []File{{Path: ProjectFile, Data: y}}
	for i, s := range p.sheets() {
		b, err := s.workbook(p)
		if err != nil {
			return nil, fmt.Errorf("building %s: %w", p.w.Files[i], err)
		}
		files = append(files, File{Path: "teams/" + p.w.Files[i], Data: b})
	}
	return files, nil
}

// FiscalYearStart returns April 1 of the Japanese fiscal year d falls in.
func FiscalYearStart(d date.Date) date.Date {
	y, m, _ := d.YMD()
	if m < time.April {
		y--
	}
	return date.Of(y, time.April, 1)
}

// End returns the last day of a project scaffolded to start on start: it
// runs for a year.
func End(start date.Date) date.Date { return addMonths(start, 12).AddDays(-1) }

// ID turns a folder name into a project id: lower case, every run of other
// characters one "-", no leading or trailing "-". It returns "" when
// nothing usable remains (a name written only in Japanese, say).
func ID(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		case c == '_' && b.Len() > 0:
			if dash {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// plan is every value the files share, worked out once.
type plan struct {
	Options
	w     words
	cal   *calendar.Calendar
	end   date.Date
	first date.Date    // first working day of the project
	ms    [3]date.Date // milestones
	off   [2]date.Date // the year-end holidays inside the project
}

func newPlan(o Options) (*plan, error) {
	if o.Lang == "" {
		o.Lang = "ja"
	}
	if o.Lang != "ja" && o.Lang != "en" {
		return nil, fmt.Errorf("language %q: use ja or en", o.Lang)
	}
	if !config.ValidID(o.ID) {
		return nil, fmt.Errorf("project id %q: use a-z, 0-9, _ and -, starting with a letter or digit", o.ID)
	}
	if y := o.Start.Year(); o.Start.IsZero() || y < 1900 || y > 9998 {
		return nil, fmt.Errorf("start date %s is outside 1900..9998", o.Start)
	}
	p := &plan{Options: o, w: wordsFor(o.Lang)}
	p.end = End(o.Start)
	if p.AsOf.IsZero() {
		p.AsOf = o.Start
	}
	if p.AsOf < o.Start || p.AsOf > p.end {
		return nil, fmt.Errorf("status date %s is outside the project's %s..%s", p.AsOf, o.Start, p.end)
	}
	p.Name = oneLine(p.Name)
	if p.Name == "" {
		p.Name = p.w.Project
	}
	// The year-end holidays of the start's year always touch the
	// project's year, whatever day it starts.
	y := o.Start.Year()
	p.off = [2]date.Date{date.Of(y, time.December, 29), date.Of(y+1, time.January, 3)}
	p.cal = calendar.New(true, days(p.off[0], p.off[1]), nil)
	p.first = p.cal.NextWorkday(o.Start)
	p.ms = [3]date.Date{
		p.before(addMonths(o.Start, 3).AddDays(-1)),
		p.before(addMonths(o.Start, 6).AddDays(-1)),
		p.before(p.end),
	}
	return p, nil
}

// before is the last working day on or before d, but not before the start.
func (p *plan) before(d date.Date) date.Date {
	return max(p.cal.PrevWorkday(d), p.Start)
}

// within keeps d inside the project.
func (p *plan) within(d date.Date) date.Date { return min(max(d, p.Start), p.end) }

func addMonths(d date.Date, n int) date.Date {
	return date.FromTime(d.Time().AddDate(0, n, 0))
}

func days(from, to date.Date) []date.Date {
	var out []date.Date
	for d := from; d <= to; d++ {
		out = append(out, d)
	}
	return out
}

//go:embed project.ja.yaml.tmpl
var yamlJA string

//go:embed project.en.yaml.tmpl
var yamlEN string

// yaml renders project.yaml from the language's template.
func (p *plan) yaml() ([]byte, error) {
	src := yamlJA
	if p.Lang == "en" {
		src = yamlEN
	}
	t, err := template.New(ProjectFile).Option("missingkey=error").Funcs(template.FuncMap{"join": strings.Join}).Parse(src)
	if err != nil {
		return nil, err
	}
	// A Saturday seven months in: a plausible 休日出勤 for the example.
	sat := addMonths(p.Start, 7)
	for sat.Weekday() != time.Saturday {
		sat++
	}
	data := map[string]any{
		"ID": scalar(p.ID), "Name": scalar(p.Name),
		"Start": p.Start, "End": p.end, "StatusDate": p.AsOf,
		"YearEnd":    p.off[0].String() + ".." + p.off[1].String(),
		"Workday":    p.within(sat),
		"Milestones": p.ms,
		"Done":       [3]bool{p.ms[0] < p.AsOf, p.ms[1] < p.AsOf, p.ms[2] < p.AsOf},
		"T":          config.DefaultThresholds(),
		"W":          p.w,
		"Files":      p.w.Files,
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// oneLine makes a name fit on one YAML line: valid UTF-8, each run of
// line breaks and other control characters one space. Other spaces stay as
// typed; a Japanese name may hold an ideographic space on purpose.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// scalar writes s as a YAML scalar on one line, quoted only when YAML
// would otherwise read it as something else (a number, a comment, a key).
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if v := strings.TrimSuffix(string(out), "\n"); err == nil && !strings.Contains(v, "\n") {
		return v
	}
	return strconv.Quote(s)
}
