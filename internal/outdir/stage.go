package outdir

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
)

// Staged is a file written in full, and synced, under a temporary name
// beside its place, not yet in place: for a file made at the same time as
// others that must not replace its previous version unless they are all
// made (the portfolio's summary.json beside its workbook and PDF).
type Staged struct{ tmp, dst string }

// Stage writes root/rel's new contents with write as WriteStream does, but
// leaves them under the temporary name until Commit (or Discard).
func Stage(root, rel string, write func(w io.Writer) error) (*Staged, error) {
	dir, err := Dir(root, path.Dir(rel))
	if err != nil {
		return nil, err
	}
	dst := filepath.Join(dir, path.Base(rel))
	if st, err := os.Lstat(dst); err == nil {
		if err := notLink(dst, st, false); err != nil {
			return nil, err
		}
	}
	tmp, err := writeTemp(dir, path.Base(rel), true, write)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", dst, err)
	}
	return &Staged{tmp: tmp, dst: dst}, nil
}

// Commit renames the file into place and syncs its folder.
func (s *Staged) Commit() error {
	if err := os.Rename(s.tmp, s.dst); err != nil {
		os.Remove(s.tmp)
		return fmt.Errorf("writing %s: %w", s.dst, err)
	}
	if err := syncDir(filepath.Dir(s.dst)); err != nil {
		return fmt.Errorf("writing %s: %w", s.dst, err)
	}
	return nil
}

// Discard removes the temporary file; the previous version stays.
func (s *Staged) Discard() { os.Remove(s.tmp) }
