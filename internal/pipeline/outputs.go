package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/pmokit/pmo/internal/outdir"
)

// WriteOutputs writes a project's output files into outDir/<project-id>/
// (all together, see outdir.WriteSet) and, with snapshot, records this run
// in the history database. It refuses to write over any of the project's inputs. Outputs
// named in stale that this run did not produce (a status.pdf left by an
// earlier run when this one asked for the tracker only) are removed, so a
// folder never mixes two status dates. It returns the paths written,
// relative to outDir.
func (p *Project) WriteOutputs(outDir string, files map[string][]byte, snapshot bool, stale ...string) ([]string, error) {
	id := p.Config.Project.ID
	set := make(map[string][]byte, len(files))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(outDir, id, name)
		if p.isInput(path) {
			return nil, fmt.Errorf("refusing to overwrite the input %s", path)
		}
		set[id+"/"+name] = files[name]
	}
	// All of the project's files are replaced together: a failure while
	// writing leaves the previous set, never a new PDF beside an old tracker.
	if err := outdir.WriteSet(outDir, set); err != nil {
		return nil, err
	}
	written := slices.Sorted(maps.Keys(set))
	for _, name := range stale {
		path := filepath.Join(outDir, id, name)
		if _, made := files[name]; made || p.isInput(path) {
			continue
		}
		if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
			continue // not pmo's: a link or a folder is never removed
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return written, err
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
