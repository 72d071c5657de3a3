package sheet

import (
	"slices"

	"github.com/pmokit/pmo/internal/diag"
)

// Typing a row's cells (rowReader.values: each mapped cell parsed by its
// field's type) is most of the work of reading a large table, and it
// depends on nothing but the cells and the table's layout, which are
// fixed before the first record. For a table of pipeFrom rows or more,
// rowPipe therefore types the rows on a goroutine of its own, pipeChunk
// at a time, while records folds the rows before them into records: on
// two cores the two halves of the work overlap.
//
// What the typing says is kept with its row and given back when records
// comes to that row: the findings in the order they were made, and
// whether a date cell held a period (rowReader.sawRange). So findings and
// records come out exactly as when each row is typed in turn, the only
// difference being where the work is done.
type rowPipe struct {
	rr     *rowReader
	chunks chan *typedRows
	free   chan *typedRows
	cur    *typedRows
	i      int    // next row of cur
	hold   func() // called before cur goes back to be typed over
	// stop is closed when records is done with the pipe, however it
	// ended: a panic while it folds must not leave the typing blocked
	// for good, holding the grid, for the rest of a batch.
	stop chan struct{}
}

// typedRows is one chunk of typed rows.
type typedRows struct {
	nums   []int    // row numbers
	ps     []parsed // the rows' values, width each
	ranges []bool   // the row's typing saw a period
	fs     diag.Findings
	fsEnd  []int // end in fs of each row's findings
	panic  any   // what the typing panicked with, to panic with in records
}

const (
	pipeFrom  = 4096
	pipeChunk = 256
	pipeDepth = 2 // chunks typed ahead at most
)

// newRowPipe starts typing rows (those past rr.bandEnd) on a goroutine.
// rr's layout must be final: slotFields and pairColumn have run.
func newRowPipe(rr *rowReader, rows []Row) *rowPipe {
	rr.g.indexMerges() // typing looks through merges: built once, here
	p := &rowPipe{rr: rr, chunks: make(chan *typedRows, pipeDepth), free: make(chan *typedRows, pipeDepth+1), stop: make(chan struct{})}
	for range pipeDepth + 1 {
		p.free <- &typedRows{ps: make([]parsed, 0, pipeChunk*rr.width)}
	}
	w := *rr // the typing's own reader: findings and sawRange go to the chunk
	w.spare, w.findings, w.decoded, w.memo = nil, nil, nil, typeMemo{}
	go p.typeRows(&w, rows)
	return p
}

func (p *rowPipe) typeRows(w *rowReader, rows []Row) {
	defer close(p.chunks)
	var c *typedRows
	defer func() {
		if r := recover(); r != nil {
			if c == nil {
				c = &typedRows{}
			}
			c.panic = r
			select {
			case p.chunks <- c:
			case <-p.stop:
			}
		}
	}()
	for i := 0; i < len(rows); {
		select {
		case c = <-p.free:
		case <-p.stop:
			return
		}
		c.nums, c.ps, c.ranges, c.fs, c.fsEnd = c.nums[:0], c.ps[:0], c.ranges[:0], c.fs[:0], c.fsEnd[:0]
		w.findings = &c.fs
		for ; i < len(rows) && len(c.nums) < pipeChunk; i++ {
			n := rows[i].Num
			if n <= w.bandEnd {
				continue
			}
			k := len(c.ps)
			c.ps = slices.Grow(c.ps, w.width)[:k+w.width] // fill sets every value
			w.sawRange = false
			w.fill(c.ps[k:len(c.ps):len(c.ps)], n)
			c.nums = append(c.nums, n)
			c.ranges = append(c.ranges, w.sawRange)
			c.fsEnd = append(c.fsEnd, len(c.fs))
		}
		select {
		case p.chunks <- c:
		case <-p.stop:
			return
		}
		c = nil
	}
}

// next returns the next typed row, as rr.values(n) would have made it
// (its findings added to rr's), or false after the last. The values are
// the chunk's: recycle leaves them alone, and what records still holds
// when the chunk goes back is copied by hold (rowReader.keep).
func (p *rowPipe) next() (int, rowValues, bool) {
	for p.cur == nil || p.i == len(p.cur.nums) {
		if p.cur != nil {
			p.hold()
			if p.rr.opt.clearChunks {
				clear(p.cur.ps[:cap(p.cur.ps)])
			}
			p.free <- p.cur
		}
		c, ok := <-p.chunks
		if !ok {
			p.cur = nil
			return 0, rowValues{}, false
		}
		if c.panic != nil {
			panic(c.panic)
		}
		p.cur, p.i = c, 0
	}
	c, i, rr := p.cur, p.i, p.rr
	p.i++
	from := 0
	if i > 0 {
		from = c.fsEnd[i-1]
	}
	for _, f := range c.fs[from:c.fsEnd[i]] {
		rr.capped.Keep(rr.findings, f)
	}
	rr.sawRange = rr.sawRange || c.ranges[i]
	n := c.nums[i]
	return n, rowValues{rr: rr, ps: c.ps[i*rr.width : (i+1)*rr.width : (i+1)*rr.width], row: n, chunk: true}, true
}

// keep returns v in a buffer of rr's own when v is a chunk's, which is
// typed over once records has passed the chunk.
func (rr *rowReader) keep(v rowValues) rowValues {
	if !v.chunk {
		return v
	}
	ps := rr.buffer()
	copy(ps, v.ps)
	return rowValues{rr: rr, ps: ps, row: v.row}
}
