package sheet_test

import (
	"encoding/binary"
	"fmt"
	"testing"
)

// tablesFirst lays the compound file cfb makes out as many writers do:
// the directory and the allocation table first, the stream's sectors
// last. A copy cut at a sector boundary then keeps every sector the
// header points at and loses only the stream's end.
func tablesFirst(t *testing.T, in []byte) []byte {
	t.Helper()
	const sec, endChain, fatSect, free = 512, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	le := binary.LittleEndian
	fats := int(le.Uint32(in[44:]))
	n := int(le.Uint32(in[48:])) // cfb: the stream's sectors, then the directory
	if len(in) != sec*(1+n+1+fats) {
		t.Fatalf("not cfb's layout: %d bytes, %d stream sectors, %d FAT sectors", len(in), n, fats)
	}
	sector := func(i int) []byte { return in[sec*(1+i) : sec*(2+i)] }
	hdr := append([]byte{}, in[:sec]...)
	le.PutUint32(hdr[48:], 0) // the directory is sector 0
	for i := range fats {
		le.PutUint32(hdr[76+4*i:], uint32(1+i)) // the FAT, sectors 1..fats
	}
	dir := append([]byte{}, sector(n)...)
	le.PutUint32(dir[128+116:], uint32(1+fats)) // the stream starts after them
	fat := make([]byte, fats*sec)
	for i := range 128 * fats {
		v := uint32(free)
		switch {
		case i == 0:
			v = endChain
		case i <= fats:
			v = fatSect
		case i < fats+n:
			v = uint32(i + 1)
		case i == fats+n:
			v = endChain
		}
		le.PutUint32(fat[4*i:], v)
	}
	out := append(hdr, dir...)
	out = append(out, fat...)
	for i := range n {
		out = append(out, sector(i)...)
	}
	return out
}

// TestXLSCutAtSectorBoundary: an .xls cut exactly at a sector boundary,
// its tables whole but its stream's last sectors gone, is said to be cut
// short, as a cut in mid-sector is (it used to be "damaged").
func TestXLSCutAtSectorBoundary(t *testing.T) {
	t.Parallel()
	xls := tablesFirst(t, handXLS(t, false))
	whole, err := parseRead("wbs.xls", xls)
	if err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	for cut := 512 * 3; cut < len(xls); cut += 512 {
		res, err := parseRead("wbs.xls", xls[:cut])
		if err == nil && tableShape(res) == tableShape(whole) && taskNames(res) == taskNames(whole) {
			continue // only the stream's padding was lost
		}
		t.Run(fmt.Sprintf("cut to %d of %d bytes", cut, len(xls)), func(t *testing.T) {
			wantInputError(t, err, "wbs.xls: ", "the file is cut short")
		})
	}
}
