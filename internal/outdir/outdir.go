// Package outdir keeps pmo's writes to an output folder safe: one run at
// a time (Lock); files only ever created inside the folder, never through
// a symbolic link planted in it (WriteFile); a project's outputs replaced
// together (WriteSet); and paths read back from the folder checked before
// they are followed (Inside).
package outdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// Inside reports whether rel, a slash-separated path as pmo stores it, is
// a clean relative path that stays inside the folder it is relative to:
// no "..", no absolute or volume path, no backslash, no empty part.
func Inside(rel string) bool {
	if rel == "" || strings.ContainsAny(rel, `\:`) || strings.ContainsRune(rel, 0) || path.IsAbs(rel) || filepath.IsAbs(rel) {
		return false
	}
	if path.Clean(rel) != rel {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." || part == "." || part == "" {
			return false
		}
	}
	return true
}

// Dir returns root/rel, creating the folders on the way. root itself may
// be anything the user named (a link to another disk included); each
// folder below it must be a real folder, not a symbolic link, so nothing
// is written outside root.
func Dir(root, rel string) (string, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	cur := root
	if rel == "" || rel == "." {
		return cur, nil
	}
	if !Inside(filepath.ToSlash(rel)) {
		return "", fmt.Errorf("refusing to write to %s: not inside %s", filepath.Join(root, rel), root)
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(cur, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return "", err
			}
			st, err = os.Lstat(cur)
		}
		if err != nil {
			return "", err
		}
		if err := notLink(cur, st, true); err != nil {
			return "", err
		}
	}
	return cur, nil
}

// notLink refuses a symbolic link, and anything but a folder (dir) or a
// regular file (!dir).
func notLink(p string, st fs.FileInfo, dir bool) error {
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return diag.Errorf(diag.Pos{File: p}, "is a symbolic link; pmo writes only inside the output folder and never through a link (remove it)")
	case dir && !st.IsDir():
		return diag.Errorf(diag.Pos{File: p}, "is in the way: pmo needs a folder here (remove or rename it)")
	case !dir && !st.Mode().IsRegular():
		return diag.Errorf(diag.Pos{File: p}, "is in the way: pmo replaces only regular files (remove or rename it)")
	}
	return nil
}

// WriteFile writes data to root/rel through a temporary file created
// exclusively beside it and a rename, so a reader never sees half a file
// and a killed run leaves the previous version intact. It refuses to go
// through a symbolic link or to replace anything but a regular file.
func WriteFile(root, rel string, data []byte) error {
	return WriteSet(root, map[string][]byte{rel: data})
}

// WriteSet writes several files under root together: every file is first
// written in full to its temporary name, and only when all are written
// are they renamed into place, in name order. A failure while writing
// (a full disk) leaves the previous set untouched. rel paths use slashes.
//
// Each file's data reaches the disk before it is renamed into place, and
// once all are renamed their folders are synced (one sync per folder, not
// per file), so after a crash or a power cut the set is either the
// previous one or the new one, whole, and it is there before the caller
// goes on to record the run.
func WriteSet(root string, files map[string][]byte) error {
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	return writeSet(root, names, true, func(rel string, w io.Writer) error {
		_, err := w.Write(files[rel])
		return err
	})
}

// WriteStream writes root/rel as WriteFile does, its contents made by
// write: for a file too big to build in memory first.
func WriteStream(root, rel string, write func(w io.Writer) error) error {
	return writeSet(root, []string{rel}, true, func(_ string, w io.Writer) error { return write(w) })
}

// WriteCache writes root/rel as WriteFile does (a temporary name, then a
// rename: never half a file under its name while pmo runs) but does not
// wait for the disk: for pmo's own state whose every form after a crash
// is harmless — one it reads back and checks, and rebuilds from the
// inputs when it is missing, old or unreadable.
func WriteCache(root, rel string, data []byte) error {
	return writeSet(root, []string{rel}, false, func(_ string, w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeSet writes the files named (in that order) with write, each to a
// temporary name first, then renames them all into place; durable, it
// syncs each file before its rename and the folders after.
func writeSet(root string, names []string, durable bool, write func(rel string, w io.Writer) error) error {
	type pending struct{ tmp, dst string }
	var done []pending
	cleanup := func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	for _, rel := range names {
		dir, err := Dir(root, path.Dir(rel))
		if err != nil {
			cleanup()
			return err
		}
		dst := filepath.Join(dir, path.Base(rel))
		if st, err := os.Lstat(dst); err == nil {
			if err := notLink(dst, st, false); err != nil {
				cleanup()
				return err
			}
		}
		tmp, err := writeTemp(dir, path.Base(rel), durable, func(w io.Writer) error { return write(rel, w) })
		if err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %w", dst, err)
		}
		done = append(done, pending{tmp, dst})
	}
	// Renames within one folder do not fail for want of space; should one
	// fail all the same, the files renamed before it are whole new files.
	for i, p := range done {
		if err := os.Rename(p.tmp, p.dst); err != nil {
			for _, q := range done[i:] {
				os.Remove(q.tmp)
			}
			return fmt.Errorf("writing %s: %w", p.dst, err)
		}
	}
	if !durable {
		return nil
	}
	var synced []string
	for _, p := range done {
		if dir := filepath.Dir(p.dst); !slices.Contains(synced, dir) {
			synced = append(synced, dir)
			if err := syncDir(dir); err != nil {
				return fmt.Errorf("writing %s: %w", p.dst, err)
			}
		}
	}
	return nil
}

// writeTemp writes a new, exclusively created temporary file in dir with
// write (synced to the disk when durable) and returns its name.
func writeTemp(dir, base string, durable bool, write func(w io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return "", err
	}
	err = write(tmp)
	if err == nil {
		// CreateTemp makes the file private; outputs are ordinary files.
		err = tmp.Chmod(0o644)
	}
	if err == nil && durable {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// staleTemp matches the temporary names writeTemp gives: ".name.tmp123".
var staleTemp = regexp.MustCompile(`^\..+\.tmp[0-9]+$`)

// RemoveStaleTemp deletes the temporary files killed runs left in root,
// its folders and theirs (OUT, OUT/<project-id>, OUT/.history/<id>), so
// only complete outputs remain. Call it only while holding the Lock:
// then no live run owns a temporary file there. Links are not followed
// and nothing but such temporary files is touched.
func RemoveStaleTemp(root string) {
	for _, pattern := range []string{"*", filepath.Join("*", "*"), filepath.Join("*", "*", "*")} {
		matches, _ := filepath.Glob(filepath.Join(root, pattern))
		for _, m := range matches {
			if !staleTemp.MatchString(filepath.Base(m)) || linked(root, m) {
				continue
			}
			if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() {
				os.Remove(m)
			}
		}
	}
}

// linked reports whether a folder between root and p is a symbolic link.
func linked(root, p string) bool {
	for d := filepath.Dir(p); len(d) > len(root); d = filepath.Dir(d) {
		if st, err := os.Lstat(d); err != nil || st.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}
