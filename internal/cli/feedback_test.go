package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/batch"
)

// TestProgressBar drives the terminal progress display by hand: a bar with
// the count, an ETA and the project being built, redrawn in place.
func TestProgressBar(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	fb := &feedback{w: &buf, tty: true, start: time.Now().Add(-2 * time.Second)}
	fb.event(batch.Event{Index: 0, Total: 4, Path: "projects/kikan/project.yaml"})
	fb.event(batch.Event{Index: 0, Total: 4, Path: "projects/kikan/project.yaml", Done: true, Result: &batch.ProjectResult{ID: "kikan", Status: batch.StatusOK}})
	fb.finish()
	out := buf.String()
	for _, want := range []string{"\r[", "] 0/4", "kikan", "ETA --:--", "] 1/4", "ETA 0:0"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output lacks %q:\n%q", want, out)
		}
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the bar should redraw one line and end with one newline: %q", out)
	}

	buf.Reset()
	plain := &feedback{w: &buf, start: time.Now()}
	plain.event(batch.Event{Index: 0, Total: 2, Path: "a/project.yaml", Done: true, Result: &batch.ProjectResult{ID: "a", Status: batch.StatusFailed}})
	if got := buf.String(); got != "[1/2] failed a\n" {
		t.Errorf("plain progress line %q", got)
	}
	buf.Reset()
	quiet := &feedback{w: &buf, quiet: true, tty: true}
	quiet.event(batch.Event{Total: 1, Path: "a/project.yaml"})
	quiet.finish()
	if buf.Len() != 0 {
		t.Errorf("--quiet printed %q", buf.String())
	}
}
