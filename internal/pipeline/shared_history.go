package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/pmokit/pmo/internal/history"
)

// SharedHistory is one open history database of an output folder for
// every project of a batch: opening the database (the schema check
// included) once per run instead of twice per project, and one
// connection that the projects take turns on, instead of several that
// wait for each other's file lock by sleeping. Its zero value is not
// usable; make one with NewSharedHistory and Close it after the run.
type SharedHistory struct {
	dir string
	mu  sync.Mutex
	db  *history.DB
	// imported is set once the JSON snapshots of an earlier pmo under
	// dir/.history have been imported: once a run is enough.
	imported bool
}

// NewSharedHistory returns the shared history of outDir, opened on first
// use.
func NewSharedHistory(outDir string) *SharedHistory { return &SharedHistory{dir: outDir} }

// existing returns the database when there is a history to read (the
// database, or JSON snapshots to import into it); nil, nil when there is
// none.
func (s *SharedHistory) existing() (*history.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		_, errDB := os.Stat(history.Path(s.dir))
		_, errLegacy := os.Stat(filepath.Join(s.dir, ".history"))
		if errDB != nil && errLegacy != nil {
			return nil, nil
		}
	}
	return s.openLocked()
}

// Existing returns the database when the output folder has one, for
// reading; it reports fs.ErrNotExist when there is none (and opens
// nothing).
func (s *SharedHistory) Existing() (*history.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		if _, err := os.Stat(history.Path(s.dir)); err != nil {
			return nil, err
		}
	}
	return s.openLocked()
}

// Open returns the database, creating it if need be.
func (s *SharedHistory) Open() (*history.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openLocked()
}

func (s *SharedHistory) openLocked() (*history.DB, error) {
	if s.db == nil {
		db, err := history.Open(s.dir)
		if err != nil {
			return nil, err
		}
		s.db = db
	}
	if !s.imported {
		if _, err := os.Stat(filepath.Join(s.dir, ".history")); err == nil {
			if _, err := s.db.ImportSnapshots(s.dir); err != nil {
				return nil, importError(s.dir, err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		s.imported = true
	}
	return s.db, nil
}

// Close closes the database if it was opened.
func (s *SharedHistory) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}
