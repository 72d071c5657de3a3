package sheet_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// BenchmarkFloor50k splits the read of the benchmark's 50,000-row WBS
// (BenchmarkRead50k) into its stages, to show how far each is from the
// floor: "inflate" only decompresses the sheet XML, "scan" also finds
// every tag in it (the least any XML reader does), "grid" is Parse (the
// sheet into cells, with its styles and strings) and "read" Parse and
// Read (header, layout and typed records), as sheet.Open and sheet.Read
// do it.
func BenchmarkFloor50k(b *testing.B) {
	data, err := benchWorkbook()
	if err != nil {
		b.Fatal(err)
	}
	part := func() io.ReadCloser {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet1.xml" {
				rc, err := f.Open()
				if err != nil {
					b.Fatal(err)
				}
				return rc
			}
		}
		b.Fatal("no sheet1.xml")
		return nil
	}
	buf := make([]byte, 256<<10)
	b.Run("inflate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rc := part()
			if _, err := io.CopyBuffer(io.Discard, rc, buf); err != nil {
				b.Fatal(err)
			}
			rc.Close()
		}
	})
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rc := part()
			tags := 0
			for {
				n, err := io.ReadFull(rc, buf)
				for p := buf[:n]; ; {
					i := bytes.IndexByte(p, '<')
					if i < 0 {
						break
					}
					tags++
					p = p[i+1:]
				}
				if err != nil {
					break
				}
			}
			rc.Close()
			if tags < 1_000_000 {
				b.Fatalf("%d tags", tags)
			}
		}
	})
	b.Run("grid", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := sheet.Parse("wbs50k.xlsx", data, sheet.OpenOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bk, err := sheet.Parse("wbs50k.xlsx", data, sheet.OpenOptions{})
			if err != nil {
				b.Fatal(err)
			}
			res, err := sheet.Read(bk, sheet.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if n := res.Tables[0].Count; n != 50_000 {
				b.Fatalf("%d records", n)
			}
		}
	})
}

// benchWorkbook is the workbook BenchmarkFloor50k reads: PMO_BENCH_50K
// names one (tools/genwbs writes it), else the one BenchmarkRead50k
// builds.
func benchWorkbook() ([]byte, error) {
	if p := os.Getenv("PMO_BENCH_50K"); p != "" {
		return os.ReadFile(p)
	}
	return bigWorkbook()
}
