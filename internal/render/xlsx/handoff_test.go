package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
)

// TestHandoffSameBytes: rows written through the handoff are the same
// bytes, in the same order, as rows written directly.
func TestHandoffSameBytes(t *testing.T) {
	t.Parallel()
	b := &book{}
	write := func(async bool) []byte {
		var out bytes.Buffer
		x := &sheetXML{w: &out, cols: b.col}
		if async {
			x.h = newHandoff(&out, flushAt)
		}
		x.buf = append(x.buf, "<sheetData>"...)
		for r := 1; r <= 20000; r++ {
			x.row(r, []xcell{{kind: cellText, text: "task " + strconv.Itoa(r)}, {kind: cellFloat, num: float64(r) / 7}, {kind: cellInt, i: int64(46000 + r)}}, rowOpts{outline: r % 3})
		}
		x.buf = append(x.buf, "</sheetData>"...)
		if err := x.close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	direct, handed := write(false), write(true)
	if len(direct) < 4*flushAt {
		t.Fatalf("only %d bytes: the handoff was not exercised", len(direct))
	}
	if !bytes.Equal(direct, handed) {
		t.Error("the handoff changed the bytes")
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n++; f.n > 2 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestHandoffError: a write that fails on the other goroutine is the
// sheet's error, and the writer does not hang.
func TestHandoffError(t *testing.T) {
	t.Parallel()
	b := &book{}
	x := &sheetXML{w: &failWriter{}, cols: b.col}
	x.h = newHandoff(x.w, flushAt)
	for r := 1; r <= 20000; r++ {
		x.row(r, []xcell{{kind: cellText, text: "a fairly long text to fill the buffers quickly " + strconv.Itoa(r)}}, rowOpts{})
	}
	if err := x.close(); err == nil || err.Error() != "disk full" {
		t.Errorf("error %v, want disk full", err)
	}
}

// TestChunks: what is written comes back whole and in order, in pieces
// that grow with it.
func TestChunks(t *testing.T) {
	t.Parallel()
	var c chunks
	var want bytes.Buffer
	for i := range 5000 {
		p := bytes.Repeat([]byte{byte(i)}, i%700)
		c.Write(p)
		want.Write(p)
	}
	var got bytes.Buffer
	if _, err := c.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	if c.Len() != want.Len() || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("got %d bytes back, want %d", got.Len(), want.Len())
	}
	if cap(c.parts[0]) != minChunk || cap(c.parts[len(c.parts)-1]) != maxChunk {
		t.Errorf("pieces of %d … %d bytes", cap(c.parts[0]), cap(c.parts[len(c.parts)-1]))
	}
}
