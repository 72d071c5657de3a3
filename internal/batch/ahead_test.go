package batch

import (
	"errors"
	"sync/atomic"
	"testing"
)

// readAhead gives every call the value fetch gives for its index, in the
// expected order, out of it, and when a fetch fails; stop ends its
// goroutines however far the calls got.
func TestReadAhead(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var calls atomic.Int32
	fetch := func(i int) (int, error) {
		calls.Add(1)
		if i == 7 {
			return 0, boom
		}
		return i * i, nil
	}
	for _, workers := range []int{1, 2, 3} {
		get, stop := readAhead(10, 2, workers, 2, fetch)
		for pass := range 2 {
			for i := range 10 {
				v, err := get(i)
				if i == 7 {
					if !errors.Is(err, boom) {
						t.Errorf("workers %d pass %d: get(7) err = %v, want boom", workers, pass, err)
					}
					continue
				}
				if err != nil || v != i*i {
					t.Errorf("workers %d pass %d: get(%d) = %d, %v; want %d", workers, pass, i, v, err, i*i)
				}
			}
		}
		// Out of order: answered directly.
		if v, err := get(3); err != nil || v != 9 {
			t.Errorf("workers %d: get(3) after the passes = %d, %v", workers, v, err)
		}
		stop()
		stop()
	}
	// Stopped part-way (the build failed): the goroutines end.
	get, stop := readAhead(1000, 2, 2, 2, fetch)
	get(0)
	if v, err := get(5); err != nil || v != 25 {
		t.Errorf("out of order get(5) = %d, %v", v, err)
	}
	if v, err := get(1); err != nil || v != 1 {
		t.Errorf("after leaving the order, get(1) = %d, %v", v, err)
	}
	stop()
}
