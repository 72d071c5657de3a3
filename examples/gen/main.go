// Command gen writes the team workbooks and CSV of the sample portfolio in
// examples/. Run it from the repository root:
//
//	go run ./examples/gen
//
// The output is deterministic (fixed document dates, no clock, no map
// order), so the generated files can be committed and regenerated without
// diffs. The project.yaml files and README.md next to them are hand-written.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", "examples", "directory that holds the example projects")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	for _, p := range []struct {
		id    string
		write func(string) error
	}{
		{"kikan", writeKikan},
		{"ec", writeEC},
		{"network", writeNetwork},
	} {
		if err := p.write(filepath.Join(dir, p.id)); err != nil {
			return fmt.Errorf("%s: %w", p.id, err)
		}
	}
	return nil
}
