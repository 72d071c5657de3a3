package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
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

// WriteFile writes data to path through a temporary file in the same
// folder and a rename, so a reader never sees half a file and a killed run
// leaves the previous version intact.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		// CreateTemp makes the file private; outputs are ordinary files.
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// staleTemp matches the temporary names WriteFile gives: ".name.tmp123".
var staleTemp = regexp.MustCompile(`^\..+\.tmp[0-9]+$`)

// RemoveStaleTemp deletes the temporary files a killed run left where pmo
// writes — OUT and OUT/<project-id> — so only complete outputs remain.
// Nothing else is touched. (A killed database write needs no cleaning:
// SQLite rolls the unfinished transaction back from its journal on the
// next open.)
func RemoveStaleTemp(dir string) {
	for _, pattern := range []string{filepath.Join(dir, ".*"), filepath.Join(dir, "*", ".*")} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			if staleTemp.MatchString(filepath.Base(m)) {
				if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() {
					os.Remove(m)
				}
			}
		}
	}
}
