package sheet

import "io"

// readAhead inflates a large sheet part on a goroutine of its own while
// the sheet reader scans what was inflated before: on two cores the read
// then takes about the time of the scan alone. The reader sees the same
// bytes in the same order, and the error the part ends with (a damaged
// stream, a part inflating past its declared size) after the same bytes,
// so a sheet reads exactly as it does without it. At most aheadBuffers
// buffers are inflated ahead.
type readAhead struct {
	src  io.ReadCloser
	full chan aheadChunk // inflated, in order
	free chan []byte     // read, to be filled again
	done chan struct{}   // closed by Close
	gone chan struct{}   // closed when the goroutine has stopped
	cur  aheadChunk
	off  int
}

type aheadChunk struct {
	b   []byte
	err error // what src said after b; nil while there is more
}

const (
	aheadBuffers = 3
	aheadSize    = 256 << 10
	// aheadFrom is the smallest part inflated ahead: below it the
	// goroutine costs more than it saves.
	aheadFrom = 4 << 20
)

func newReadAhead(src io.ReadCloser) *readAhead {
	ra := &readAhead{src: src, full: make(chan aheadChunk, aheadBuffers), free: make(chan []byte, aheadBuffers), done: make(chan struct{}), gone: make(chan struct{})}
	for range aheadBuffers {
		ra.free <- make([]byte, aheadSize)
	}
	go ra.inflate()
	return ra
}

// inflate fills free buffers from src and hands them over in order, until
// src ends or Close is called.
func (ra *readAhead) inflate() {
	defer close(ra.gone)
	for {
		var b []byte
		select {
		case b = <-ra.free:
		case <-ra.done:
			return
		}
		n := 0
		var err error
		for n < len(b) && err == nil {
			var k int
			k, err = ra.src.Read(b[n:])
			n += k
		}
		select {
		case ra.full <- aheadChunk{b: b[:n], err: err}:
		case <-ra.done:
			return
		}
		if err != nil {
			return
		}
	}
}

// Read copies out what was inflated; the error src ended with comes with
// the last bytes before it, as src would give it.
func (ra *readAhead) Read(p []byte) (int, error) {
	for ra.off == len(ra.cur.b) {
		if ra.cur.err != nil {
			return 0, ra.cur.err
		}
		if ra.cur.b != nil {
			ra.free <- ra.cur.b[:cap(ra.cur.b)]
		}
		ra.cur, ra.off = <-ra.full, 0
	}
	n := copy(p, ra.cur.b[ra.off:])
	ra.off += n
	if ra.off == len(ra.cur.b) && ra.cur.err != nil {
		return n, ra.cur.err
	}
	return n, nil
}

// Close stops the goroutine, then closes src.
func (ra *readAhead) Close() error {
	close(ra.done)
	<-ra.gone
	return ra.src.Close()
}
