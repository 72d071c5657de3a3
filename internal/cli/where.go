package cli

import (
	"errors"
	"path/filepath"

	"github.com/pmokit/pmo/internal/diag"
)

// here names positions for the terminal. Outputs name a project's files
// relative to the folder of its YAML, so they are the same from any
// working directory; on the terminal they are joined back to that folder
// as the user typed it, so they open from where pmo was run.
type here struct {
	yaml string // the project YAML as given on the command line
}

func (h here) pos(p diag.Pos) diag.Pos {
	dir := filepath.Dir(h.yaml)
	// The YAML's own open errors already name it as typed.
	if p.File == "" || p.File == h.yaml || filepath.IsAbs(filepath.FromSlash(p.File)) || dir == "." {
		return p
	}
	p.File = filepath.Join(dir, filepath.FromSlash(p.File))
	return p
}

func (h here) finding(f diag.Finding) diag.Finding {
	f.Pos = h.pos(f.Pos)
	return f
}

// err rebases the position of an input error in err (in place).
func (h here) err(err error) error {
	var ie *diag.InputError
	if errors.As(err, &ie) {
		ie.Pos = h.pos(ie.Pos)
	}
	return err
}
