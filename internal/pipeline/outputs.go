package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// WriteOutputs writes a project's output files into outDir/<project-id>/
// (each atomically, in name order) and, with snapshot, records this run in
// the history database. It refuses to write over any of the project's inputs. Outputs
// named in stale that this run did not produce (a status.pdf left by an
// earlier run when this one asked for the tracker only) are removed, so a
// folder never mixes two status dates. It returns the paths written,
// relative to outDir.
func (p *Project) WriteOutputs(outDir string, files map[string][]byte, snapshot bool, stale ...string) ([]string, error) {
	id := p.Config.Project.ID
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	written := make([]string, 0, len(names))
	for _, name := range names {
		path := filepath.Join(outDir, id, name)
		if p.isInput(path) {
			return written, fmt.Errorf("refusing to overwrite the input %s", path)
		}
		if err := WriteFile(path, files[name]); err != nil {
			return written, err
		}
		written = append(written, filepath.ToSlash(filepath.Join(id, name)))
	}
	for _, name := range stale {
		path := filepath.Join(outDir, id, name)
		if _, made := files[name]; !made && !p.isInput(path) {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return written, err
			}
		}
	}
	if snapshot {
		// After every output: a run that fails before this point leaves
		// the history as it was.
		if err := p.RecordHistory(outDir); err != nil {
			return written, err
		}
	}
	return written, nil
}

// isInput reports whether path is the project's YAML or one of its sources.
func (p *Project) isInput(path string) bool {
	if SameFile(path, p.Config.Path) {
		return true
	}
	for _, s := range p.Sources {
		if SameFile(path, s.Config.Path) {
			return true
		}
	}
	return false
}

// SameFile reports whether two paths name one existing file, so an output
// never overwrites an input.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
