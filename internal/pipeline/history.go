package pipeline

import (
	"fmt"
	"path/filepath"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/outdir"
)

// Earlier is what the history of an output folder says about a project
// before a status date.
type Earlier struct {
	Previous     *analyze.Snapshot
	Trend        []analyze.RunPoint
	Baseline     *analyze.Snapshot
	BaselineName string
}

// LoadHistory reads the history of project id under outDir before asOf:
// the previous run, the trend and the baseline (pinned is the YAML's
// baseline: date, zero when none). JSON snapshots of earlier pmo versions
// under outDir/.history are imported first. No history at all is not an
// error.
func LoadHistory(outDir, id string, asOf, pinned date.Date) (*Earlier, error) {
	if outDir == "" {
		return &Earlier{}, nil
	}
	s := NewSharedHistory(outDir)
	defer s.Close()
	return s.load(id, asOf, pinned)
}

// load reads what LoadHistory reads through the shared database.
func (s *SharedHistory) load(id string, asOf, pinned date.Date) (*Earlier, error) {
	h, err := s.existing()
	if err != nil || h == nil {
		return &Earlier{}, err
	}
	e := &Earlier{}
	if e.Previous, err = h.Previous(id, asOf); err != nil {
		return nil, err
	}
	if e.Trend, err = h.Trend(id, asOf); err != nil {
		return nil, err
	}
	if e.Baseline, e.BaselineName, err = h.Baseline(id, pinned, asOf); err != nil {
		return nil, err
	}
	return e, nil
}

func importError(outDir string, err error) error {
	return fmt.Errorf("importing the JSON snapshots of %s: %w", outDir, err)
}

// RecordHistory stores this run in the history database of outDir, in one
// transaction: through the batch's shared database when the project was
// loaded with one for outDir.
func (p *Project) RecordHistory(outDir string) error {
	var shared *SharedHistory
	if s := p.history; s != nil && s.dir == outDir {
		shared = s
	}
	return record(outDir, shared, p.Snapshot())
}

// WriteFile writes data to path atomically (see outdir.WriteFile), for
// single files named by the user: a converted tracker, scaffolds.
func WriteFile(path string, data []byte) error {
	return outdir.WriteFile(filepath.Dir(path), filepath.Base(path), data)
}
