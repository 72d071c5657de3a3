package history

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// legacyDir is where pmo before the history database kept one JSON
// snapshot per project and status date.
const legacyDir = ".history"

// ImportSnapshots records the JSON snapshots under outDir/.history/ that
// the database does not hold yet, as imported runs (aggregates and issue
// states only: the snapshots kept no tasks). Snapshots that cannot be read
// are passed over, as they always were. It returns how many it imported.
func (h *DB) ImportSnapshots(outDir string) (int, error) {
	dirs, err := os.ReadDir(filepath.Join(outDir, legacyDir))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, err := os.ReadDir(filepath.Join(outDir, legacyDir, d.Name()))
		if err != nil {
			continue
		}
		var dates []date.Date
		for _, f := range files {
			if name, ok := strings.CutSuffix(f.Name(), ".json"); ok {
				if day, err := date.Parse(name); err == nil {
					dates = append(dates, day)
				}
			}
		}
		slices.Sort(dates)
		for _, day := range dates {
			var have int
			if err := h.db.QueryRow("SELECT count(*) FROM run WHERE project = ? AND as_of = ?", d.Name(), day.String()).Scan(&have); err != nil {
				return n, err
			}
			if have > 0 {
				continue
			}
			file := filepath.Join(outDir, legacyDir, d.Name(), day.String()+".json")
			data, err := limits.ReadFile(file, diag.Pos{File: file}, limits.StateBytes)
			if err != nil {
				continue
			}
			var s analyze.Snapshot
			if json.Unmarshal(data, &s) != nil || s.Version != analyze.SnapshotVersion || s.Project != d.Name() || s.AsOf != day {
				continue
			}
			s.Detailed = false
			s.BAC = 0
			s.EVM = analyze.EVM{SPI: s.SPI, CPI: s.CPI}
			s.Point = analyze.RunPoint{AsOf: s.AsOf, Planned: s.Progress.Planned, Actual: s.Progress.Actual, SPI: s.SPI, CPI: s.CPI, RAG: s.RAG}
			for _, open := range s.Issues {
				if open {
					s.Point.OpenIssues++
				}
			}
			if err := h.Record(&s); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}
