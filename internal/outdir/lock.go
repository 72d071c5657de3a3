package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/diag"
)

// StateDir is pmo's own folder inside an output folder: the lock, and
// whatever else a run keeps for the next.
const StateDir = ".pmo"

// lockName is the lock file inside StateDir.
const lockName = "lock"

// errBusy is what tryLock returns when another process holds the lock.
var errBusy = errors.New("locked by another process")

// Lock is the advisory lock on an output folder: while a run holds it no
// other pmo run writes there, and the temporary files it finds are left
// by runs that died. The operating system drops it when the process
// ends, however it ends.
type Lock struct {
	f *os.File
}

// Acquire takes the lock on dir (creating dir and dir/.pmo as needed).
// When another run holds it, Acquire returns an error naming that run if
// wait is false; otherwise it calls waiting once with the other run's
// process id and tries again every 100 ms until it gets the lock or ctx
// is done.
func Acquire(ctx context.Context, dir string, wait bool, waiting func(holder string)) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	state, err := Dir(dir, StateDir)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(state, lockName)
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		return nil, diag.Errorf(diag.Pos{File: path}, "is not a regular file; pmo keeps its lock there and writes only regular files")
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening the lock %s: %w", path, err)
	}
	told := false
	for {
		err := tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errBusy) {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", path, err)
		}
		holder := readHolder(f)
		if !wait {
			f.Close()
			return nil, diag.Errorf(diag.Pos{File: dir}, "another pmo run (process %s) is writing to this folder; try again when it has finished, or leave out --no-wait to wait for it", holder)
		}
		if !told && waiting != nil {
			waiting(holder)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	// Who holds the lock, for the message of a run that has to wait.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// Release drops the lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	// Emptied first, so a finished run leaves the same folder whoever ran it.
	l.f.Truncate(0)
	unlock(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}

func readHolder(f *os.File) string {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	if s := strings.TrimSpace(string(b[:n])); s != "" {
		return s
	}
	return "?"
}
