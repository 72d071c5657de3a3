package sheet_test

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// BenchmarkRecordsMemory reads the 50,000-row WBS of BenchmarkFloor50k
// (PMO_BENCH_50K names a tools/genwbs workbook instead) and reports what
// the records cost to keep: "B/task" is the heap still live once the
// book is let go, divided by the tasks — the task itself and everything
// only it holds (numbers, names lists, cell references, texts), which is
// what a read of a million rows must hold when nothing else is.
// "Task-B" is the size of project.Task alone. B/op and allocs/op are
// those of a whole Open and Read.
func BenchmarkRecordsMemory(b *testing.B) {
	data, err := benchWorkbook()
	if err != nil {
		b.Fatal(err)
	}
	// Read from a file, as pmo does: a book parsed from bytes in memory
	// may keep texts that point into them, which would go uncounted.
	path := benchFile(b, data)
	data = nil
	read := func() *sheet.Result {
		bk, err := sheet.Open(path, sheet.OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	b.ReportAllocs()
	for b.Loop() {
		read()
	}
	b.StopTimer()
	live := func() uint64 {
		var ms runtime.MemStats
		// Pools keep what they hold through one collection: the third
		// starts from none, before and after the read alike.
		for range 3 {
			runtime.GC()
		}
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := live()
	res := read()
	after := live()
	tasks := 0
	for _, t := range res.Tables {
		tasks += len(t.Tasks)
	}
	if tasks == 0 {
		b.Fatal("no tasks read")
	}
	runtime.KeepAlive(res)
	b.ReportMetric(float64(after-before)/float64(tasks), "B/task")
	b.ReportMetric(float64(unsafe.Sizeof(project.Task{})), "Task-B")
}
