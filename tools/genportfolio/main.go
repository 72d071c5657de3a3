// Command genportfolio writes a synthetic portfolio for measuring pmo
// batch (see package synth). The output is deterministic: the same flags
// give the same files.
//
//	go run ./tools/genportfolio -dir /tmp/bench -projects 100 -tasks 1000 -issues 300
//	go run ./cmd/pmo batch /tmp/bench/portfolio.yaml -o /tmp/bench/out
package main

import (
	"flag"
	"log"

	"github.com/pmokit/pmo/internal/batch/synth"
)

func main() {
	dir := flag.String("dir", "bench-portfolio", "output folder")
	projects := flag.Int("projects", 100, "number of projects")
	tasks := flag.Int("tasks", 1000, "WBS rows per project")
	issues := flag.Int("issues", 300, "issues per project")
	flag.Parse()
	if err := synth.Portfolio(*dir, *projects, *tasks, *issues); err != nil {
		log.Fatal(err)
	}
}
