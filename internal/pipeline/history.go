package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
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
	_, errDB := os.Stat(history.Path(outDir))
	_, errLegacy := os.Stat(filepath.Join(outDir, ".history"))
	if errDB != nil && errLegacy != nil {
		return &Earlier{}, nil
	}
	h, err := history.Open(outDir)
	if err != nil {
		return nil, err
	}
	defer h.Close()
	if errLegacy == nil {
		if _, err := h.ImportSnapshots(outDir); err != nil {
			return nil, fmt.Errorf("importing the JSON snapshots of %s: %w", outDir, err)
		}
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

// RecordHistory stores this run in the history database of outDir, in one
// transaction.
func (p *Project) RecordHistory(outDir string) error {
	h, err := history.Open(outDir)
	if err != nil {
		return err
	}
	if err := h.Record(p.Snapshot()); err != nil {
		h.Close()
		return err
	}
	return h.Close()
}

// WriteFile writes data to path atomically (see outdir.WriteFile), for
// single files named by the user: a converted tracker, scaffolds.
func WriteFile(path string, data []byte) error {
	return outdir.WriteFile(filepath.Dir(path), filepath.Base(path), data)
}
