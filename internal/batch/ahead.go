package batch

import "sync"

// readAhead answers calls to fetch made in a known order — indexes 0 to
// n-1, passes times over (as portfolio.BuildFrom asks for the projects'
// summaries) — from workers goroutines that fetch ahead of the caller, at
// most depth each: reading a summary back from its result file is most of
// the board's work, and this puts it on every core instead of one. A call
// out of that order is answered by fetch itself, as are all after it.
// stop ends the goroutines; call it once the calls are over.
func readAhead[T any](n, passes, workers, depth int, fetch func(i int) (T, error)) (get func(i int) (T, error), stop func()) {
	type result struct {
		v   T
		err error
	}
	total := n * passes
	workers = max(min(workers, total), 1)
	done := make(chan struct{})
	var wg sync.WaitGroup
	lanes := make([]chan result, workers)
	for w := range lanes {
		lanes[w] = make(chan result, depth)
		wg.Go(func() {
			// Worker w fetches the calls w, w+workers, w+2·workers, …
			for k := w; k < total; k += workers {
				v, err := fetch(k % n)
				select {
				case lanes[w] <- result{v, err}:
				case <-done:
					return
				}
			}
		})
	}
	next, ahead := 0, true // the call expected next; false once one came out of order
	get = func(i int) (T, error) {
		if !ahead || next >= total || i != next%n {
			ahead = false
			return fetch(i)
		}
		r := <-lanes[next%workers]
		next++
		return r.v, r.err
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
	return get, stop
}
