package pipeline

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/pmokit/pmo/internal/validate"
)

// FileOptions say how to read a single sheet without a project definition.
type FileOptions struct {
	Kind  project.Kind
	Sheet string
	// HeaderRows and Columns fix the mapping as sources.header_rows and
	// sources.columns do in the YAML.
	HeaderRows []int
	Columns    []sheet.Override
	Encoding   string
	Password   string
	Lang       string
}

var nonID = regexp.MustCompile(`[^a-z0-9_-]+`)

// FromFile reads one team sheet as a project of its own — what pmo convert
// does with no YAML: the project window is the span of the sheet's dates,
// the calendar Japanese, the thresholds the defaults.
func FromFile(path string, fo FileOptions, opt Options) (*Project, error) {
	book, err := sheet.Open(path, sheet.OpenOptions{Name: filepath.Base(path), Encoding: fo.Encoding, Password: fo.Password})
	if err != nil {
		return nil, err
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = opt.Today
	}
	res, err := sheet.Read(book, sheet.Options{Kind: fo.Kind, Sheet: fo.Sheet, HeaderRows: fo.HeaderRows, Columns: fo.Columns, Near: asOf})
	if err != nil {
		return nil, err
	}
	if lo, hi, inferred := typedSpan(res); inferred {
		// With no YAML there is no project window to give 4/1 its year;
		// the dates typed with a year make one, else the fiscal year
		// (April to March) of the status date; read again within it.
		from, to := lo.AddDays(-90), hi.AddDays(90)
		if lo.IsZero() {
			from, to = fiscalYear(asOf)
		}
		again, err := sheet.Read(book, sheet.Options{Kind: fo.Kind, Sheet: fo.Sheet, HeaderRows: fo.HeaderRows, Columns: fo.Columns, Near: asOf, From: from, To: to})
		if err == nil {
			res = again
		}
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if id == "" {
		id = "project"
	}
	cfg := &config.Project{
		Path: path, Dir: filepath.Dir(path), Version: 1,
		Project:    config.Info{ID: id, Name: base, Currency: "JPY", StatusDate: asOf},
		Calendar:   config.Calendar{Holidays: "jp"},
		Thresholds: config.DefaultThresholds(),
		Report:     config.Report{Lang: fo.Lang},
	}
	p := &Project{Config: cfg, AsOf: asOf, Findings: res.Findings}
	p.Sources = append(p.Sources, Source{Config: config.Source{File: path, Path: path}, Result: res})
	p.Tasks, p.Issues, p.Risks = res.Tasks(), res.Issues(), res.Risks()
	for _, t := range res.Tables {
		p.addFollowUp(p.Sources[0].Config, res.File, t)
	}
	dropRecords(res)
	cfg.Project.Start, cfg.Project.End = span(p.Tasks, asOf)
	p.Findings = append(p.Findings, validate.Check(validate.Input{Config: cfg, AsOf: asOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks})...)
	p.Analysis = analyze.Analyze(analyze.Input{Config: cfg, AsOf: asOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks, Sources: p.sourceInputs(),
		Actions: p.Actions, HasActions: p.hasKind(project.KindActions), Tests: p.Tests, TestDays: p.TestDays, HasTests: p.hasKind(project.KindTests),
		Defects: p.Defects, HasDefects: p.hasDefectList()})
	p.finish()
	return p, nil
}

// span is the earliest and latest planned date of the tasks.
func span(ts []project.Task, asOf date.Date) (date.Date, date.Date) {
	var lo, hi date.Date
	for i := range ts {
		for _, d := range []date.Date{ts[i].PlannedStart, ts[i].PlannedFinish, ts[i].ActualStart, ts[i].ActualFinish} {
			if d.IsZero() {
				continue
			}
			if lo.IsZero() || d < lo {
				lo = d
			}
			hi = max(hi, d)
		}
	}
	if lo.IsZero() {
		return asOf, asOf
	}
	return lo, hi
}

// typedSpan is the span of the task dates written with a year, and
// whether some other dates lacked one.
func typedSpan(res *sheet.Result) (lo, hi date.Date, inferred bool) {
	byPos := map[diag.Pos]bool{}
	for _, f := range res.Findings {
		if f.Rule == "date-year-inferred" {
			byPos[f.Pos] = true
		}
	}
	if len(byPos) == 0 {
		return 0, 0, false
	}
	for _, t := range res.Tasks() {
		for _, fd := range []struct {
			field string
			d     date.Date
		}{{"planned_start", t.PlannedStart}, {"planned_finish", t.PlannedFinish}, {"actual_start", t.ActualStart}, {"actual_finish", t.ActualFinish}} {
			if fd.d.IsZero() || byPos[t.Cell(fd.field)] {
				continue
			}
			if lo.IsZero() || fd.d < lo {
				lo = fd.d
			}
			hi = max(hi, fd.d)
		}
	}
	return lo, hi, true
}

// fiscalYear is the Japanese fiscal year (April 1 to March 31) holding d.
func fiscalYear(d date.Date) (date.Date, date.Date) {
	y, m, _ := d.YMD()
	if m < 4 {
		y--
	}
	return date.Of(y, 4, 1), date.Of(y+1, 3, 31)
}
