package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// historyDir is where snapshots live below an output folder.
const historyDir = ".history"

// snapshotPath names the snapshot of a project for one status date.
func snapshotPath(outDir, id string, asOf date.Date) string {
	return filepath.Join(outDir, historyDir, id, asOf.String()+".json")
}

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
	return WriteFile(snapshotPath(outDir, s.Project, s.AsOf), append(data, '\n'))
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
// writes — OUT, OUT/<project-id> and OUT/.history/<project-id> — so only
// complete outputs remain. Nothing else is touched.
func RemoveStaleTemp(dir string) {
	for _, pattern := range []string{filepath.Join(dir, ".*"), filepath.Join(dir, "*", ".*"), filepath.Join(dir, historyDir, "*", ".*")} {
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
