package config

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/golden"
)

var update = flag.Bool("update", false, "rewrite docs/yaml.md")

// TestYAMLDoc keeps docs/yaml.md what the schema says, and checks the page
// names every key the loader knows.
func TestYAMLDoc(t *testing.T) {
	doc, err := SchemaDoc()
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, *update, filepath.Join("..", "..", "docs", "yaml.md"), doc)
	for _, key := range []string{"`project.id`", "`sources[].password_env`", "`sources[].columns`", "`thresholds.spi.amber`",
		"`teams[].members[]`", "`milestones[].wbs_id`", "`defaults.status_date`", "`projects`", "`output`", "`calendar.days_off`"} {
		if !strings.Contains(string(doc), "| "+key+" |") {
			t.Errorf("docs/yaml.md has no row for %s", key)
		}
	}
}
