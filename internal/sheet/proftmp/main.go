package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/pmokit/pmo/internal/sheet"
)

func main() {
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	b, err := sheet.Open(os.Args[1], sheet.OpenOptions{})
	if err != nil {
		panic(err)
	}
	t1 := time.Now()
	res, err := sheet.Read(b, sheet.Options{})
	if err != nil {
		panic(err)
	}
	t2 := time.Now()
	pprof.StopCPUProfile()
	runtime.GC()
	h, _ := os.Create("/tmp/heap.prof")
	pprof.WriteHeapProfile(h)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(res.Tables[0].Count, "open", t1.Sub(t0), "read", t2.Sub(t1), "heap MB", ms.HeapAlloc>>20, "total alloc MB", ms.TotalAlloc>>20)
	runtime.KeepAlive(b)
}
