package limits

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/pmokit/pmo/internal/diag"
)

// Open opens the regular file at path for reading, refusing folders,
// named pipes, devices and sockets (reading /dev/zero or a FIFO would
// never end) and files over max bytes. The file is checked before it is
// opened, so a FIFO is never waited on, and again on the open file, so a
// file swapped in between is caught too. pos names the file in errors.
func Open(path string, pos diag.Pos, max int64) (*os.File, int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, statError(pos, err)
	}
	if err := regular(pos, st, max); err != nil {
		return nil, 0, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, 0, statError(pos, err)
	}
	st, err = f.Stat()
	if err == nil {
		err = regular(pos, st, max)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// ReadFile reads the regular file at path whole, within max bytes (see Open).
func ReadFile(path string, pos diag.Pos, max int64) ([]byte, error) {
	f, size, err := Open(path, pos, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, pos, size, max)
}

// Read reads r whole, refusing more than max bytes even when the size the
// file reported (the capacity to start with) was smaller.
func Read(r io.Reader, pos diag.Pos, size, max int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, max)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, Over(pos, diag.Phrase{EN: "the file", JA: "ファイルのサイズ"}, max, true)
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, diag.Wrapf(pos, err, "cannot read the file: %s", reason(err))
		}
	}
}

func statError(pos diag.Pos, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return diag.Wrapf(pos, err, "file not found")
	}
	return diag.Wrapf(pos, err, "cannot read the file: %s", reason(err))
}

// regular refuses anything but a regular file of at most max bytes.
func regular(pos diag.Pos, st fs.FileInfo, max int64) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return diag.Errorf(pos, "is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return diag.Errorf(pos, "is a named pipe (FIFO), not a regular file; pmo reads only regular files")
	case m&fs.ModeSocket != 0:
		return diag.Errorf(pos, "is a socket, not a regular file; pmo reads only regular files")
	case m&fs.ModeDevice != 0:
		return diag.Errorf(pos, "is a device, not a regular file; pmo reads only regular files")
	case !m.IsRegular():
		return diag.Errorf(pos, "is not a regular file; pmo reads only regular files")
	case st.Size() > max:
		return Over(pos, diag.Phrase{EN: "the file", JA: "ファイルのサイズ"}, max, true)
	}
	return nil
}

// reason drops the path from an *fs.PathError: the position names the file.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
