package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pmokit/pmo/templates"
)

func protoPDF(n int) []byte {
	f := fpdf.New("L", "mm", "A4", "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreationDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f.SetModificationDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f.AliasNbPages("{nb}")
	f.AddUTF8FontFromBytes("g", "", templates.Font())
	f.SetFont("g", "", 10)
	f.AddPage()
	y := 10.0
	var s []rune
	for i := 0; i < n; i++ {
		s = append(s, rune(0x4e00+i*7))
		if len(s) == 40 {
			f.Text(10, y, string(s))
			y += 5
			s = s[:0]
			if y > 200 {
				f.AddPage()
				y = 10
			}
		}
	}
	f.Text(10, y, "page 1 / {nb} ABCabc 0123456789 〓")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestZZProto(t *testing.T) {
	for _, n := range []int{0, 200, 800, 1500} {
		t0 := time.Now()
		b := protoPDF(n)
		fmt.Println(n, len(b), time.Since(t0))
	}
}
