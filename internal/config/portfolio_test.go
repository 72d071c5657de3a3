package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

const portfolioYAML = `version: 1
portfolio:
  name: 2026年度 IT投資案件
projects:
  - crm/project.yaml
  - "projects/*/project.yaml"
  - extra/*.yaml
  - crm/project.yaml
  - none/*.yaml
  - missing.yaml
  - crm
output: out
defaults:
  status_date: 2026-11-20
  calendar: {holidays: none, days_off: [2026-12-29..2027-01-03]}
  thresholds: {spi: {amber: 0.9}, capacity: 4}
  report: {lang: en, decisions: [判断A]}
`

func writeFiles(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(minimal), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadPortfolio(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir,
		"crm/project.yaml",
		"projects/b/project.yaml",
		"projects/a/project.yaml",
		"projects/.old/project.yaml",
		"projects/~$tmp/project.yaml",
		"extra/z.yaml",
		"extra/.y.yaml",
		"extra/~$z.yaml",
		"extra/dir.yaml/x",
	)
	path := filepath.Join(dir, "portfolio.yaml")
	if err := os.WriteFile(path, []byte(portfolioYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	p, found, err := LoadPortfolio(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ref := range p.Projects {
		rel, _ := filepath.Rel(dir, ref.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"crm/project.yaml", "projects/a/project.yaml", "projects/b/project.yaml", "extra/z.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("projects = %q, want %q", got, want)
	}
	if ref := p.Projects[1]; ref.Pattern != "projects/*/project.yaml" || ref.Pos.Row != 6 || ref.Pos.Col != 5 {
		t.Errorf("ref = %+v", ref)
	}
	if p.Name != "2026年度 IT投資案件" || p.Output != "out" || p.OutputDir != filepath.Join(dir, "out") || p.Dir != dir {
		t.Errorf("portfolio = %+v", p)
	}
	wantFound := []string{
		`warning 9:5 config.no-projects projects: "none/*.yaml" matches no project files`,
		`error 10:5 config.no-projects projects: "missing.yaml" not found`,
		`error 11:5 config.no-projects projects: "crm" is a folder; name its project.yaml`,
	}
	var gotFound []string
	for _, f := range found {
		gotFound = append(gotFound, fmt.Sprintf("%s %d:%d %s %s", f.Severity, f.Pos.Row, f.Pos.Col, f.Rule, f.Message))
	}
	if !slices.Equal(gotFound, wantFound) {
		t.Errorf("findings:\n got %q\nwant %q", gotFound, wantFound)
	}
}

func TestLoadPortfolioNothingFound(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "portfolio.yaml")
	if err := os.WriteFile(path, []byte("version: 1\nprojects: \"*/project.yaml\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, found, err := LoadPortfolio(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Projects) != 0 || found.Count(diag.Error) != 1 || found.Count(diag.Warning) != 1 {
		t.Errorf("projects %v, findings %v", p.Projects, found)
	}
	if _, _, err := LoadPortfolio(filepath.Join(dir, "nope.yaml")); err == nil {
		t.Error("missing portfolio file: no error")
	}
}

func TestParsePortfolioFindings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		yaml string
		want []want
	}{
		{"projects missing", "version: 1\nportfolio: {name: x}\n", []want{{diag.Error, RuleMissingKey, "1:1", `missing required key "projects" in the top level`}}},
		{"projects a mapping", "version: 1\nprojects: {a: b}\n", []want{{diag.Error, RuleWrongType, "2:11", `projects must be a list, got a mapping`}}},
		{"defaults typo", "version: 1\nprojects: [a]\ndefaults:\n  calender: {}\n", []want{{diag.Error, RuleUnknownKey, "4:3", `unknown key "calender" in defaults (did you mean "calendar"?)`}}},
		{"defaults band", "version: 1\nprojects: [a]\ndefaults:\n  thresholds: {spi: {red: 0.99}}\n", []want{{diag.Error, RuleBadValue, "4:27", `defaults.thresholds.spi.red 0.99 must not be above defaults.thresholds.spi.amber 0.95`}}},
		{"defaults date", "version: 1\nprojects: [a]\ndefaults:\n  status_date: 2026-11-31\n", []want{{diag.Error, RuleBadDate, "4:16", `defaults.status_date: "2026-11-31" is not a date (write YYYY-MM-DD)`}}},
		{"project keys are not portfolio keys", "version: 1\nprojects: [a]\nsources: []\n", []want{{diag.Error, RuleUnknownKey, "3:1", `unknown key "sources" in the top level`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, found, err := ParsePortfolio("pf.yaml", []byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			got := make([]want, len(found))
			for i, f := range found {
				got[i] = want{f.Severity, f.Rule, fmt.Sprintf("%d:%d", f.Pos.Row, f.Pos.Col), f.Message}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	var ie *diag.InputError
	if _, _, err := ParsePortfolio("pf.yaml", []byte("version: 2\nprojects: [a]\n")); !errors.As(err, &ie) || ie.Pos.Row != 1 {
		t.Errorf("version 2: err = %v", err)
	}
}

func TestApplyDefaults(t *testing.T) {
	t.Parallel()
	pf, found, err := ParsePortfolio("pf.yaml", []byte(portfolioYAML))
	if err != nil || len(found) != 0 {
		t.Fatalf("err %v, findings %v", err, found)
	}
	const own = `version: 1
project: {id: a, name: b, pm: c, start: 2026-04-01, end: 2027-03-31}
calendar: {holidays: jp}
thresholds:
  spi: {red: 0.8}
sources: [{file: a.xlsx}]
`
	p, found, err := Parse("a/project.yaml", []byte(own))
	if err != nil || len(found) != 0 {
		t.Fatalf("err %v, findings %v", err, found)
	}
	p.ApplyDefaults(pf.Defaults)

	if p.Project.StatusDate != date.Of(2026, 11, 20) || p.Project.StatusDatePos != (diag.Pos{File: "pf.yaml", Row: 14, Col: 16}) {
		t.Errorf("status date %s at %v", p.Project.StatusDate, p.Project.StatusDatePos)
	}
	if p.Calendar.Holidays != "jp" {
		t.Errorf("holidays = %q: the project's own value was overwritten", p.Calendar.Holidays)
	}
	if len(p.Calendar.DaysOff) != 1 || p.Calendar.DaysOff[0].To != date.Of(2027, 1, 3) {
		t.Errorf("days off = %+v", p.Calendar.DaysOff)
	}
	spi := p.Thresholds.SPI
	if spi.Amber != 0.9 || spi.AmberPos.File != "pf.yaml" || spi.Red != 0.8 || spi.RedPos.File != "project.yaml" {
		t.Errorf("spi = %+v", spi)
	}
	if p.Thresholds.Capacity != 4 || p.Thresholds.CPI != DefaultThresholds().CPI || p.Thresholds.BehindPoints != 10 {
		t.Errorf("thresholds = %+v", p.Thresholds)
	}
	if p.Report.Lang != "en" || !slices.Equal(p.Report.Decisions, []string{"判断A"}) {
		t.Errorf("report = %+v", p.Report)
	}
	p.Report.Decisions[0] = "changed"
	if pf.Defaults.Report.Decisions[0] != "判断A" {
		t.Error("ApplyDefaults shares a list with the defaults")
	}

	// A project that sets everything keeps everything.
	q, _, err := Parse("b/project.yaml", []byte(minimal+"report: {lang: ja}\nthresholds: {spi: {amber: 0.97, red: 0.9}, capacity: 5}\n"))
	if err != nil {
		t.Fatal(err)
	}
	q.ApplyDefaults(pf.Defaults)
	if q.Project.StatusDate != date.Of(2026, 11, 20) || q.Project.StatusDatePos.File != "project.yaml" ||
		q.Calendar.Holidays != "jp" || len(q.Calendar.DaysOff) != 3 || q.Report.Lang != "ja" ||
		q.Thresholds.SPI.Amber != 0.97 || q.Thresholds.Capacity != 5 {
		t.Errorf("own values overwritten: %+v %+v %+v", q.Project, q.Calendar, q.Thresholds)
	}

	// Zero defaults change nothing.
	r, _, _ := Parse("c/project.yaml", []byte(minimal))
	before := fmt.Sprintf("%+v", *r)
	r.ApplyDefaults(Defaults{})
	if after := fmt.Sprintf("%+v", *r); after != before {
		t.Errorf("zero defaults changed the project:\n%s\n%s", before, after)
	}
}

func TestSkipped(t *testing.T) {
	t.Parallel()
	sep := string(filepath.Separator)
	j := func(parts ...string) string { return filepath.Join(parts...) }
	tests := []struct {
		pattern, match string
		want           bool
	}{
		{j("p", "*", "project.yaml"), j("p", "a", "project.yaml"), false},
		{j("p", "*", "project.yaml"), j("p", ".git", "project.yaml"), true},
		{j("p", "*.yaml"), j("p", "~$a.yaml"), true},
		{j(".hidden", "*.yaml"), j(".hidden", "a.yaml"), false},
		{j("..", "p", "*.yaml"), j("..", "p", "a.yaml"), false},
		{sep + j("abs", "*", "x.yaml"), sep + j("abs", ".a", "x.yaml"), true},
	}
	for _, tc := range tests {
		if got := skipped(tc.pattern, tc.match); got != tc.want {
			t.Errorf("skipped(%q, %q) = %v, want %v", tc.pattern, tc.match, got, tc.want)
		}
	}
}
