package batch

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sync"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

// A batch's memory stays flat in the number of projects: what it keeps of
// each built project is its row of figures, with calendars shared between
// projects. A project's findings (a few hundred each) and its summary page
// (about 25 KiB) stay in its .pmo-result.json once that is written, and
// are read back one project at a time for the portfolio workbook, its PDF
// and summary.json.

// shared is what one run hands every project: one calendar per holiday
// set, one label catalogue per language, and the history's change markers.
type shared struct {
	calendars *analyze.Calendars
	history   *pipeline.SharedHistory // the output folder's, for every project
	marks     *historyMarks
	defaults  []byte // the portfolio file, for the input hash
	mu        sync.Mutex
	labels    map[string]report.Labels
}

// loadedConfig is a project definition as config.Load read it.
type loadedConfig struct {
	cfg *config.Project
	fs  diag.Findings
}

func newShared(out string) *shared {
	s := &shared{calendars: analyze.NewCalendars(), labels: map[string]report.Labels{}, marks: &historyMarks{}}
	if out != "" {
		s.history = pipeline.NewSharedHistory(out)
		s.marks.h = s.history
	}
	return s
}

// keepPage makes d (a project's page-one document) use the run's label
// catalogue of its language instead of its own copy.
func (s *shared) keepPage(d *report.Document) *report.Document {
	if d == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.labels[d.Lang]
	if !ok {
		l = d.L
		s.labels[d.Lang] = l
	}
	d.L = l
	return d
}

func (s *shared) close() {
	if s.history != nil {
		s.history.Close()
	}
}

// historyMarks reads the history database's change marker of a project
// (history.DB.Revision) through the run's shared database, once it
// exists.
type historyMarks struct {
	h *pipeline.SharedHistory // nil without an output folder
}

// unknownMark is kept when the marker could not be read: it matches no
// marker, so the next run rebuilds the project.
const unknownMark = "?"

// mark returns the marker of project id; "" when there is no history.
// An unreadable database gives unknownMark: the project is then built
// and its history step reports the error.
func (m *historyMarks) mark(id string) string {
	if m.h == nil {
		return ""
	}
	db, err := m.h.Existing()
	if errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if err != nil {
		return unknownMark
	}
	rev, err := db.Revision(id)
	if err != nil {
		return unknownMark
	}
	return rev
}

// spill forgets r's findings, page and portfolio summary once its result
// file holds them.
func (r *ProjectResult) spill(out string) {
	f := resultFile(out, r.ID)
	r.findingsIn, r.pageIn, r.summaryIn = f, f, f
	r.Findings, r.Document, r.Portfolio = nil, nil, nil
}

// Summary returns what the portfolio's own pages need of the project (nil
// when it has none): its own, or the one read back from its result file
// when the batch let it go.
func (r *ProjectResult) Summary() (*portfolio.Summary, error) {
	if r.summaryIn == "" {
		return r.Portfolio, nil
	}
	var s *portfolio.Summary
	if err := r.readKey(r.summaryIn, "portfolio", &s); err != nil {
		return nil, err
	}
	return s, nil
}

// readKey decodes the value of one key of the project's result file into
// v, reading no further than that value: the summary comes before the
// findings and the page, which are most of the file.
func (r *ProjectResult) readKey(path, key string, v any) error {
	f, size, err := limits.Open(path, diag.Pos{File: path}, limits.StateBytes)
	if err != nil {
		return fmt.Errorf("reading back the result of %s: %w", r.ID, err)
	}
	defer f.Close()
	dec := json.NewDecoder(io.LimitReader(f, size))
	fail := func(err error) error {
		return fmt.Errorf("reading back the result of %s: %s: %w", r.ID, path, err)
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fail(cmp.Or(err, errors.New("not an object")))
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		if t == key {
			if err := dec.Decode(v); err != nil {
				return fail(err)
			}
			return nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return fail(err)
		}
	}
	return fail(fmt.Errorf("no %q", key))
}

// Page returns the project's summary page (nil for a failed project): its
// own, or the one read back from its result file when the batch let it go.
func (r *ProjectResult) Page() (*report.Document, error) {
	if r.pageIn == "" {
		return r.Document, nil
	}
	var s struct {
		Page *report.Document `json:"page"`
	}
	if err := r.readBack(r.pageIn, &s); err != nil {
		return nil, err
	}
	if s.Page == nil || s.Page.A == nil {
		return nil, fmt.Errorf("reading back the summary page of %s: %s has none", r.ID, r.pageIn)
	}
	s.Page.Restore()
	return s.Page, nil
}

// readBack decodes the project's result file into v.
func (r *ProjectResult) readBack(path string, v any) error {
	data, err := limits.ReadFile(path, diag.Pos{File: path}, limits.StateBytes)
	if err != nil {
		return fmt.Errorf("reading back the result of %s: %w", r.ID, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("reading back the result of %s: %s: %w", r.ID, path, err)
	}
	return nil
}

// AllFindings returns the project's findings: its own, or those read back
// from its result file when the batch let them go.
func (r *ProjectResult) AllFindings() (diag.Findings, error) {
	if r.findingsIn == "" {
		return r.Findings, nil
	}
	var s struct {
		Findings []storedFinding `json:"findings"`
	}
	if err := r.readBack(r.findingsIn, &s); err != nil {
		return nil, err
	}
	return restoreFindings(s.Findings), nil
}

// stored returns the project's findings and portfolio summary, reading
// the result file once for both when the batch let them go.
func (r *ProjectResult) stored() (diag.Findings, *portfolio.Summary, error) {
	if r.findingsIn == "" || r.summaryIn != r.findingsIn {
		fs, err := r.AllFindings()
		if err != nil {
			return nil, nil, err
		}
		s, err := r.Summary()
		return fs, s, err
	}
	var s struct {
		Findings  []storedFinding    `json:"findings"`
		Portfolio *portfolio.Summary `json:"portfolio"`
	}
	if err := r.readBack(r.findingsIn, &s); err != nil {
		return nil, nil, err
	}
	return restoreFindings(s.Findings), s.Portfolio, nil
}

func restoreFindings(in []storedFinding) diag.Findings {
	out := make(diag.Findings, 0, len(in))
	for _, f := range in {
		out = append(out, diag.Finding{Severity: f.Severity, Rule: f.Rule, Message: f.Message, MessageJA: f.MessageJA,
			Pos: diag.Pos{File: f.File, Sheet: f.Sheet, Row: f.Row, Col: f.Col, CSV: f.CSV}})
	}
	return out
}

// WriteSummary writes OUT/summary.json, one project at a time: the same
// bytes as indenting the whole result at once, without holding every
// project's findings. Paths are written with forward slashes, so the
// file is the same whichever system made it.
func WriteSummary(out string, r *Result) error {
	return outdir.WriteStream(out, "summary.json", func(w io.Writer) error { return writeSummary(w, r) })
}

// StageSummary writes OUT/summary.json as WriteSummary does, but leaves
// it staged (see outdir.Stage): made while the portfolio's workbook and
// PDF are, and put in place only once they are.
func StageSummary(out string, r *Result) (*outdir.Staged, error) {
	return outdir.Stage(out, "summary.json", func(w io.Writer) error { return writeSummary(w, r) })
}

func writeSummary(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	c := *r
	c.Portfolio = filepath.ToSlash(c.Portfolio)
	c.Projects = []*ProjectResult{}
	head, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return err
	}
	// The projects go where the empty list stands.
	const empty = `"projects": [],`
	at := bytes.Index(head, []byte(empty))
	if at < 0 {
		return errors.New("summary.json: no place for the projects")
	}
	bw.Write(head[:at+len(empty)-2])
	for i, p := range r.Projects {
		q := *p
		q.Path = filepath.ToSlash(q.Path)
		if q.Findings, q.Portfolio, err = p.stored(); err != nil {
			return err
		}
		q.findingsIn, q.pageIn, q.summaryIn = "", "", ""
		data, err := json.MarshalIndent(&q, "    ", "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(data)
	}
	if len(r.Projects) > 0 {
		bw.WriteString("\n  ")
	}
	bw.Write(head[at+len(empty)-2:])
	bw.WriteString("\n")
	return bw.Flush()
}
