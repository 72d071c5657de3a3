package sheet

import (
	"archive/zip"
	"errors"
	"io"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// openZip is zip.NewReader with the bytes it reads bounded by
// limits.ZipDirectoryBytes. zip.NewReader holds every directory entry as
// a *zip.File of some 200 bytes, and it reads entries until one is not
// one, whatever size the end record declares: a 254 MB file of 47-byte
// entries under an end record declaring 47 bytes held 1.1 GB before
// anything refused it (zipDirectory checks only what is declared). The
// directory end search, the zip64 record and the entries are all that
// zip.NewReader reads, so counting its reads bounds the directory it
// holds; afterwards the parts are read through the same reader, unbounded.
func openZip(r io.ReaderAt, size int64, pos diag.Pos) (*zip.Reader, error) {
	br := &boundedReaderAt{r: r, left: limits.ZipDirectoryBytes + zipEndBytes}
	zr, err := zip.NewReader(br, size)
	if errors.Is(err, errZipDirectory) {
		return nil, overZipDirectory(pos)
	}
	br.left = -1 // done with the directory: the parts are bounded by their own limits
	return zr, err
}

// zipEndBytes is what zip.NewReader reads besides the directory: the end
// record searched for in the last 1 KB and then 65 KB, the zip64 locator
// and record, one entry header to check an offset.
const zipEndBytes = 1<<10 + 65<<10 + 4<<10

var errZipDirectory = errors.New("zip directory over the limit")

// overZipDirectory is the error for a workbook whose zip directory is
// past limits.ZipDirectoryBytes.
func overZipDirectory(pos diag.Pos) error {
	return limits.Over(pos, diag.Phrase{EN: "the zip directory of the workbook", JA: "ブックの zip の中央ディレクトリ"}, limits.ZipDirectoryBytes, true)
}

// boundedReaderAt fails a read once left bytes have been read through
// it; left < 0 reads without bound.
type boundedReaderAt struct {
	r    io.ReaderAt
	left int64
}

func (b *boundedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if b.left >= 0 {
		if int64(len(p)) > b.left {
			return 0, errZipDirectory
		}
		b.left -= int64(len(p))
	}
	return b.r.ReadAt(p, off)
}
