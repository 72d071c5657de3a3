// Command winetest reads `go test -json` output of the Windows test
// binaries run under wine and sorts the failures: a test whose only
// complaint is t.TempDir's cleanup failing with "Invalid function" hit a
// wine 8 gap (no FileDispositionInformationEx, which Go 1.26's
// os.RemoveAll uses), not a pmo bug; anything else is listed as a real
// failure. It prints a summary and exits 1 when a real failure remains.
//
//	GOOS=windows go test -exec tools/wine-exec.sh -json ./... | go run ./tools/winetest
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	output := map[string][]string{} // package/test -> its own output lines
	failed := map[string]bool{}
	passed := 0
	var buildFailed []string
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			continue // a build error line
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "output" && e.Test != "":
			output[key] = append(output[key], e.Output)
		case e.Action == "fail" && e.Test == "":
			if len(output[key]) == 0 && !slices.ContainsFunc(keys(failed), func(k string) bool { return strings.HasPrefix(k, e.Package+" ") }) {
				buildFailed = append(buildFailed, e.Package)
			}
		case e.Action == "fail":
			failed[key] = true
		case e.Action == "pass" && e.Test != "":
			passed++
		case e.Action == "output" && e.Test == "":
			output[key] = append(output[key], e.Output)
		}
	}
	var wine, real []string
	for _, k := range keys(failed) {
		own := false
		cleanup := false
		for _, l := range output[k] {
			t := strings.TrimSpace(l)
			switch {
			case t == "", strings.HasPrefix(t, "=== "), strings.HasPrefix(t, "--- "):
			case strings.Contains(t, "TempDir RemoveAll cleanup") && strings.Contains(t, "Invalid function"):
				cleanup = true
			default:
				own = true
			}
		}
		switch {
		case own:
			real = append(real, k)
		case cleanup:
			wine = append(wine, k)
		}
	}
	fmt.Printf("winetest: %d tests passed, %d failed only at t.TempDir cleanup (wine), %d failed otherwise, %d packages did not build\n",
		passed, len(wine), len(real), len(buildFailed))
	for _, k := range real {
		fmt.Printf("FAIL %s\n", k)
		for _, l := range output[k] {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "=== ") {
				fmt.Printf("    %s\n", t)
			}
		}
	}
	for _, p := range buildFailed {
		fmt.Printf("BUILD FAILED %s\n", p)
	}
	if len(real) > 0 || len(buildFailed) > 0 {
		os.Exit(1)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
