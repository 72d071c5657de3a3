package sheet

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// endsWith is a reader that gives data in pieces of the sizes in step,
// then err with the last piece, as a flate stream or a part inflating
// past its declared size ends.
type endsWith struct {
	data []byte
	step []int
	err  error
	i    int
}

func (r *endsWith) Read(p []byte) (int, error) {
	n := min(len(p), len(r.data), r.step[r.i%len(r.step)])
	r.i++
	copy(p, r.data[:n])
	r.data = r.data[n:]
	if len(r.data) == 0 {
		return n, r.err
	}
	return n, nil
}

func (r *endsWith) Close() error { return nil }

// TestReadAheadGivesTheSameStream reads streams through readAhead with
// reads of odd sizes: the bytes and the error at their end must be the
// source's, whatever the source's pieces and the reader's buffer.
func TestReadAheadGivesTheSameStream(t *testing.T) {
	t.Parallel()
	data := make([]byte, 3*aheadSize+12345)
	for i := range data {
		data[i] = byte(i*7 + i/251)
	}
	damaged := errors.New("flate: corrupt input")
	for _, tc := range []struct {
		name string
		err  error
		step []int
	}{
		{"eof", io.EOF, []int{4096}},
		{"damaged", damaged, []int{1, 70000, 333}},
		{"whole buffers", damaged, []int{aheadSize}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ra := newReadAhead(&endsWith{data: data, step: tc.step, err: tc.err})
			var got []byte
			var err error
			buf := make([]byte, 9999)
			for i := 0; err == nil; i++ {
				var n int
				n, err = ra.Read(buf[:1+i%len(buf)])
				got = append(got, buf[:n]...)
			}
			if !bytes.Equal(got, data) {
				t.Errorf("read %d bytes, want the source's %d", len(got), len(data))
			}
			if err != tc.err {
				t.Errorf("ended with %v, want %v", err, tc.err)
			}
			if n, again := ra.Read(buf); n != 0 || again != tc.err {
				t.Errorf("read after the end: %d, %v", n, again)
			}
			if err := ra.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestReadAheadCloseEarly closes a readAhead the reader has stopped
// reading (a sheet refused part way): Close must stop the goroutine
// rather than wait for the rest of the part.
func TestReadAheadCloseEarly(t *testing.T) {
	t.Parallel()
	src := &endsWith{data: make([]byte, 20*aheadSize), step: []int{1000}, err: io.EOF}
	ra := newReadAhead(src)
	if _, err := ra.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	if err := ra.Close(); err != nil {
		t.Fatal(err)
	}
	if left := len(src.data); left < 10*aheadSize {
		t.Errorf("the goroutine read on to %d bytes before the end after Close", left)
	}
}
