package sheet

import (
	"encoding/binary"
	"strconv"

	"github.com/pmokit/pmo/internal/diag"
)

// A compound file (.xls, or an .xlsx Excel has encrypted) cut short —
// a copy or a download that stopped — loses its directory and allocation
// tables, which writers put last: it then looks like no Excel file at all,
// or like a damaged one. cfbCutShort tells that case apart, so the user
// hears that the file is incomplete rather than that it is something else.
// It is asked only once the file has failed to read as a workbook.
//
// Reference: [MS-CFB] 2.2 (the header) and 2.3 (the FAT).

const (
	cfbHeaderSize = 512
	cfbMaxRegSect = 0xFFFFFFFA // sector numbers are below it
	cfbHeaderFATs = 109        // FAT sector numbers held in the header itself
)

// cfbCutShort reports whether data ends before a sector its header points
// at (the directory, the allocation tables), or in the middle of a sector:
// writers write whole sectors. A file whose tables are there but damaged
// is not cut short, and gets the damaged-file line.
func cfbCutShort(data []byte) bool {
	if len(data) < cfbHeaderSize {
		return true
	}
	shift := binary.LittleEndian.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return false // not a compound file pmo can judge
	}
	ss := 1 << shift
	if len(data)%ss != 0 {
		return true
	}
	// missing reports whether sector n, a sector number and not one of
	// the special values (end of chain, free, ...), is not in the file.
	missing := func(n uint32) bool {
		return n < cfbMaxRegSect && (int64(n)+2)*int64(ss) > int64(len(data))
	}
	if missing(binary.LittleEndian.Uint32(data[0x30:])) || // the directory
		missing(binary.LittleEndian.Uint32(data[0x3C:])) || // the mini FAT
		missing(binary.LittleEndian.Uint32(data[0x44:])) { // the DIFAT
		return true
	}
	nFAT := min(binary.LittleEndian.Uint32(data[0x2C:]), cfbHeaderFATs)
	fats := make([]uint32, 0, nFAT)
	for k := range nFAT {
		fat := binary.LittleEndian.Uint32(data[0x4C+4*k:])
		if missing(fat) {
			return true
		}
		fats = append(fats, fat)
	}
	return chainsPastEnd(data, ss, fats, missing)
}

// chainsPastEnd reports whether the file's own tables lead past its end:
// a sector in the file whose next in the allocation table is not in the
// file, or a stream the directory lists whose first sector is not. A copy
// cut at a sector boundary keeps the tables when its writer put them
// first, and loses the streams' ends. A table that is merely damaged (all
// zeros, say) leads back into the file and is not taken for a cut. Only
// the FAT sectors the header itself lists are read, 109 of them: files up
// to some 7 MB with 512-byte sectors, every .xls in practice.
func chainsPastEnd(data []byte, ss int, fats []uint32, missing func(uint32) bool) bool {
	le := binary.LittleEndian
	per := uint32(ss / 4)
	next := func(i uint32) (uint32, bool) {
		k := i / per
		if int(k) >= len(fats) {
			return 0, false
		}
		return le.Uint32(data[(int64(fats[k])+1)*int64(ss)+4*int64(i%per):]), true
	}
	inFile := uint32(len(data)/ss - 1) // sectors 0 .. inFile-1
	for i := range inFile {
		if e, ok := next(i); ok && missing(e) {
			return true
		}
	}
	cutoff := le.Uint32(data[0x38:]) // smaller streams live in the mini stream
	d := le.Uint32(data[0x30:])
	for steps := uint32(0); d < cfbMaxRegSect && steps < inFile; steps++ {
		if missing(d) {
			return true
		}
		sector := data[(int64(d)+1)*int64(ss):][:ss]
		for o := 0; o+128 <= ss; o += 128 {
			typ, start, size := sector[o+66], le.Uint32(sector[o+116:]), le.Uint32(sector[o+120:])
			if (typ == 2 && size >= cutoff || typ == 5 && size > 0) && missing(start) {
				return true
			}
		}
		var ok bool
		if d, ok = next(d); !ok {
			break
		}
	}
	return false
}

// cfbCutShortError is the line for a compound file cut short.
func cfbCutShortError(pos diag.Pos) error {
	return diag.Errorf(pos, "the file is cut short: it ends before data that its compound-file header, directory or allocation table points at; copy it again, or save it again from Excel")
}

// xlsBadSharedIndex is a LABELSST cell whose index is past the shared
// string table (sheetReader.badSharedIndex for .xls).
func xlsBadSharedIndex(pos diag.Pos, data []byte, index, n int) error {
	pos.Row = int(binary.LittleEndian.Uint16(data)) + 1
	pos.Col = int(binary.LittleEndian.Uint16(data[2:])) + 1
	return diag.Errorf(pos, "the cell refers to shared string %q, but the workbook's shared string table holds %d: the workbook is damaged; save it again from Excel",
		strconv.Itoa(index), n)
}
