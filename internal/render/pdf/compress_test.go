package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// plainPDF is a small uncompressed fpdf document of two pages.
func plainPDF(t *testing.T) []byte {
	t.Helper()
	f := fpdf.New("L", "mm", "A4", "")
	f.SetCompression(false)
	f.SetCatalogSort(true)
	f.SetFont("Helvetica", "", 10)
	for i := range 2 {
		f.AddPage()
		f.Text(20, 20, "page "+strconv.Itoa(i+1)+" (with parentheses)")
		f.Line(10, 30, 200, 30)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// inflated returns every object's stream data, decompressed when the
// object says FlateDecode, by object number.
func inflated(t *testing.T, b []byte) map[int][]byte {
	t.Helper()
	f, err := parsePDF(b)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]byte{}
	for _, o := range f.objects {
		if _, data, ok := plainStream(o.body); ok {
			out[o.num] = data
			continue
		}
		const key = "<</Filter /FlateDecode /Length "
		i := bytes.Index(o.body, []byte(key))
		if i < 0 {
			continue
		}
		rest := o.body[i+len(key):]
		end := bytes.Index(rest, []byte(">>\nstream\n"))
		num, _, _ := bytes.Cut(rest[:end], []byte(" "))
		n, err := strconv.Atoi(string(num))
		if err != nil {
			t.Fatalf("object %d: length %q", o.num, rest[:end])
		}
		data := rest[end+len(">>\nstream\n"):]
		if string(data[n:]) != "\nendstream\nendobj\n" {
			t.Fatalf("object %d: /Length %d does not end at endstream", o.num, n)
		}
		r, err := zlib.NewReader(bytes.NewReader(data[:n]))
		if err != nil {
			t.Fatal(err)
		}
		if out[o.num], err = io.ReadAll(r); err != nil {
			t.Fatalf("object %d: %v", o.num, err)
		}
	}
	return out
}

func TestCompressStreams(t *testing.T) {
	t.Parallel()
	plain := plainPDF(t)
	got, err := finishPDF(plain, finish{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) >= len(plain) {
		t.Errorf("compressed %d bytes, plain %d", len(got), len(plain))
	}
	// Every offset of the new xref table points at its object.
	f, err := parsePDF(got)
	if err != nil {
		t.Fatal(err)
	}
	want, have := inflated(t, plain), inflated(t, got)
	if len(want) != 2 || len(have) != len(want) {
		t.Fatalf("%d streams before, %d after; want the 2 pages", len(want), len(have))
	}
	for n, data := range want {
		if !bytes.Equal(have[n], data) {
			t.Errorf("object %d: stream changed by compression", n)
		}
	}
	for _, o := range f.objects {
		if _, _, ok := plainStream(o.body); ok {
			t.Errorf("object %d is still uncompressed", o.num)
		}
	}
	if again, _ := finishPDF(plain, finish{}); !bytes.Equal(again, got) {
		t.Error("compressing twice gives different bytes")
	}
}

func TestCompressStreamsRefusesOtherLayouts(t *testing.T) {
	t.Parallel()
	plain := plainPDF(t)
	for name, b := range map[string][]byte{
		"empty":        nil,
		"no xref":      bytes.Replace(plain, []byte("\nxref\n"), []byte("\nxrif\n"), 1),
		"moved object": bytes.Replace(plain, []byte("\n3 0 obj\n"), []byte("\n 3 0 obj\n"), 1),
		"truncated":    plain[:len(plain)/2],
	} {
		if _, err := finishPDF(b, finish{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
