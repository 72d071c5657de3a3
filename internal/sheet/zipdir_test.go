package sheet_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// lyingDirectory is a zip whose end record says its directory is 47
// bytes while n bytes of minimal directory entries stand before it:
// archive/zip reads entries until one is not, whatever the end record
// says, and holds each as a *zip.File of some 200 bytes.
func lyingDirectory(n int) []byte {
	var b bytes.Buffer
	b.WriteString("PK\x03\x04")
	b.Write(make([]byte, 100))
	off := b.Len()
	var e [47]byte
	binary.LittleEndian.PutUint32(e[0:], 0x02014b50)
	binary.LittleEndian.PutUint16(e[28:], 1) // a one-byte name
	e[46] = 'a'
	count := 0
	for ; b.Len()-off < n; count++ {
		b.Write(e[:])
	}
	var end [22]byte
	binary.LittleEndian.PutUint32(end[0:], 0x06054b50)
	binary.LittleEndian.PutUint16(end[8:], uint16(count))
	binary.LittleEndian.PutUint16(end[10:], uint16(count))
	binary.LittleEndian.PutUint32(end[12:], 47) // the lie
	binary.LittleEndian.PutUint32(end[16:], uint32(off))
	b.Write(end[:])
	return b.Bytes()
}

// TestZipDirectoryMeasuredNotDeclared: limits.ZipDirectoryBytes bounds
// the directory archive/zip actually reads, not the size the end record
// declares. A 254 MB .xlsx whose end record declared 47 bytes over 5.4 M
// entries passed the check and took 1.1 GB and 25 s before it was
// refused as "not an Excel workbook".
func TestZipDirectoryMeasuredNotDeclared(t *testing.T) {
	t.Parallel()
	data := lyingDirectory(9 << 20) // 200,000 entries
	path := filepath.Join(t.TempDir(), "dir.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		how  string
		read func() error
	}{
		{"in place", func() error { _, err := sheet.Open(path, sheet.OpenOptions{}); return err }},
		{"from memory", func() error { _, err := sheet.Parse("dir.xlsx", data, sheet.OpenOptions{}); return err }},
		{"as .ods", func() error { _, err := sheet.Parse("dir.ods", data, sheet.OpenOptions{}); return err }},
	} {
		err := tc.read()
		if err == nil || !strings.Contains(err.Error(), "zip directory") || !strings.Contains(err.Error(), "8 MB") {
			t.Errorf("%s: %v; want the zip directory limit of 8 MB", tc.how, err)
		}
	}
}
