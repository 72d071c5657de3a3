package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExamplesReadmeRatings checks the ratings examples/README.md states
// for the sample projects against what pmo status gives them.
func TestExamplesReadmeRatings(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	ratings := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if col < 0 {
			col = slices.IndexFunc(cells, func(c string) bool { return strings.HasPrefix(c, "pmo の評価") })
			continue
		}
		if len(cells) <= col || !strings.HasPrefix(cells[0], "`") {
			if len(ratings) > 0 {
				break
			}
			continue
		}
		ratings[strings.Trim(cells[0], "`")] = cells[col]
	}
	if len(ratings) != 3 {
		t.Fatalf("found ratings %v in the examples README; want the three projects", ratings)
	}
	words := map[string]string{"red": "赤 (red)", "amber": "黄 (amber)", "green": "緑 (green)"}
	for id, stated := range ratings {
		code, out, errOut := run(t, "status", "--json", "--as-of", "2026-11-20", filepath.Join("..", "..", "examples", id, "project.yaml"))
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", id, code, errOut)
		}
		var st struct {
			RAG struct {
				Overall string `json:"overall"`
			} `json:"rag"`
		}
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		if want := words[st.RAG.Overall]; stated != want {
			t.Errorf("examples/README.md says %s is %q; pmo rates it %q", id, stated, want)
		}
	}
}
