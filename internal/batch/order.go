package batch

import "sync"

// Projects finish in whatever order the workers get through them, but what
// a batch leaves behind must not show that order: the history database
// gives each run and each new task its row id in the order runs are
// recorded (and .pmo-result.json keeps those ids in its history marker),
// and the progress lines name projects in the order they are reported.
// So finished projects are handed to the writer in the plan's order, as a
// run with --jobs 1 would: a project that finishes before an earlier one
// waits for it. Same inputs, same --as-of and the same history before the
// run then give the same history rows, result files and lines.

// inOrder passes finished projects to the writer in the plan's order. It
// holds at most limit built projects (with outputs to write) that finished
// ahead of an earlier one: a worker with one more waits, so one slow
// project does not pile up every later project's files in memory. The
// next project in order is always taken, so the wait always ends.
type inOrder struct {
	mu     sync.Mutex
	ready  sync.Cond // the writer waits here for the next project
	room   sync.Cond // workers wait here for room among the held
	next   int       // plan index the writer takes next
	held   map[int]*pendingWrite
	heavy  int // held projects with outputs
	limit  int
	closed bool
}

func newInOrder(limit int) *inOrder {
	q := &inOrder{held: map[int]*pendingWrite{}, limit: max(limit, 1)}
	q.ready.L, q.room.L = &q.mu, &q.mu
	return q
}

// put hands over a finished project (w.out nil: reused or failed, nothing
// to write), waiting while the held projects with outputs fill the limit.
func (q *inOrder) put(w *pendingWrite) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if w.out != nil {
		for q.heavy >= q.limit && w.index != q.next {
			q.room.Wait()
		}
		q.heavy++
	}
	q.held[w.index] = w
	q.ready.Signal()
}

// close says no more projects come (every worker has stopped).
func (q *inOrder) close() {
	q.mu.Lock()
	q.closed = true
	q.ready.Signal()
	q.mu.Unlock()
}

// take returns the next project in plan order, waiting for it; false once
// closed and every project handed over was taken. Projects are handed to
// the workers in plan order and each one taken is handed back, so after
// close no index is missing; should one be, the held ones still come out
// in order.
func (q *inOrder) take() (*pendingWrite, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if w, ok := q.held[q.next]; ok {
			delete(q.held, q.next)
			q.next++
			if w.out != nil {
				q.heavy--
			}
			q.room.Broadcast()
			return w, true
		}
		if q.closed {
			if len(q.held) == 0 {
				return nil, false
			}
			q.next = minKey(q.held)
			continue
		}
		q.ready.Wait()
	}
}

func minKey(m map[int]*pendingWrite) int {
	first := true
	k := 0
	for i := range m {
		if first || i < k {
			k, first = i, false
		}
	}
	return k
}
