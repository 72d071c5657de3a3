package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
)

// historyDir is where snapshots live below an output folder.
const historyDir = ".history"

// LatestSnapshot returns the newest readable snapshot of project id under
// outDir taken before asOf, or nil when there is none.
func LatestSnapshot(outDir, id string, asOf date.Date) (*analyze.Snapshot, error) {
	if outDir == "" {
		return nil, nil
	}
	dir := filepath.Join(outDir, historyDir, id)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading history %s: %w", dir, err)
	}
	var dates []date.Date
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue
		}
		if d, err := date.Parse(name); err == nil && d < asOf {
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	// A damaged snapshot, or one from another pmo version, is passed over:
	// history only adds a comparison and must never stop a report.
	for i := len(dates) - 1; i >= 0; i-- {
		file := filepath.Join(dir, dates[i].String()+".json")
		data, err := limits.ReadFile(file, diag.Pos{File: file}, limits.StateBytes)
		if err != nil {
			continue
		}
		var s analyze.Snapshot
		if json.Unmarshal(data, &s) != nil || s.Version != analyze.SnapshotVersion {
			continue
		}
		return &s, nil
	}
	return nil, nil
}

// WriteSnapshot stores this run's snapshot under outDir, atomically.
func WriteSnapshot(outDir string, s *analyze.Snapshot) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return outdir.WriteFile(outDir, path.Join(historyDir, s.Project, s.AsOf.String()+".json"), append(data, '\n'))
}

// WriteFile writes data to path atomically (see outdir.WriteFile), for
// single files named by the user: a converted tracker, scaffolds.
func WriteFile(path string, data []byte) error {
	return outdir.WriteFile(filepath.Dir(path), filepath.Base(path), data)
}
