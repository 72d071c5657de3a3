package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/history"
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
	w, err := p.Outputs(outDir, files, snapshot, stale...)
	if err != nil {
		return nil, err
	}
	return w.Write()
}

// Pending is a project's outputs made but not written yet: all that
// WriteOutputs needs of the project, so that a batch writes them (and
// waits for the disk and the history database) on another goroutine
// while the next project is built, and lets the project itself go.
type Pending struct {
	dir, id string
	set     map[string][]byte // id/name -> contents
	made    map[string]bool   // names produced by this run
	stale   []string
	inputs  []string          // the project's YAML and sources, never replaced
	snap    *analyze.Snapshot // nil: no history step
	history *SharedHistory    // the batch's, when it is outDir's
}

// Outputs prepares what WriteOutputs writes (the same arguments) without
// writing anything; Write then writes it. The refusal to overwrite an
// input is made here, and the history snapshot taken.
func (p *Project) Outputs(outDir string, files map[string][]byte, snapshot bool, stale ...string) (*Pending, error) {
	id := p.Config.Project.ID
	w := &Pending{dir: outDir, id: id, set: make(map[string][]byte, len(files)), made: make(map[string]bool, len(files)), stale: stale}
	w.inputs = append(w.inputs, p.Config.Path)
	for _, s := range p.Sources {
		w.inputs = append(w.inputs, s.Config.Path)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(outDir, id, name)
		if w.isInput(path) {
			return nil, fmt.Errorf("refusing to overwrite the input %s", path)
		}
		w.set[id+"/"+name] = files[name]
		w.made[name] = true
	}
	if snapshot {
		w.snap = p.Snapshot()
		if s := p.history; s != nil && s.dir == outDir {
			w.history = s
		}
	}
	return w, nil
}

// Write writes the outputs, removes the stale ones and records the run,
// as WriteOutputs describes.
func (w *Pending) Write() ([]string, error) {
	// All of the project's files are replaced together: a failure while
	// writing leaves the previous set, never a new PDF beside an old tracker.
	if err := outdir.WriteSet(w.dir, w.set); err != nil {
		return nil, err
	}
	written := slices.Sorted(maps.Keys(w.set))
	for _, name := range w.stale {
		path := filepath.Join(w.dir, w.id, name)
		if w.made[name] || w.isInput(path) {
			continue
		}
		if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
			continue // not pmo's: a link or a folder is never removed
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return written, err
		}
	}
	if w.snap != nil {
		// After every output: a run that fails before this point leaves
		// the history as it was.
		if err := record(w.dir, w.history, w.snap); err != nil {
			return written, err
		}
	}
	return written, nil
}

// isInput reports whether path is the project's YAML or one of its sources.
func (w *Pending) isInput(path string) bool {
	for _, in := range w.inputs {
		if SameFile(path, in) {
			return true
		}
	}
	return false
}

// record stores snap in the history database of outDir: through shared
// when it is set (the batch's handle on outDir's database).
func record(outDir string, shared *SharedHistory, snap *analyze.Snapshot) error {
	if shared != nil {
		h, err := shared.Open()
		if err != nil {
			return err
		}
		return h.Record(snap)
	}
	h, err := history.Open(outDir)
	if err != nil {
		return err
	}
	if err := h.Record(snap); err != nil {
		h.Close()
		return err
	}
	return h.Close()
}

// SameFile reports whether two paths name one existing file, so an output
// never overwrites an input.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
