package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/render/pdf"
	"github.com/pmokit/pmo/internal/render/xlsx"
	"github.com/pmokit/pmo/internal/report"
)

// Output file names inside OUT/<project-id>/.
const (
	trackerFile = "tracker.xlsx"
	reportFile  = "status.pdf"
	meetingFile = "meeting.pdf" // the 定例 agenda, with --meeting or report.meeting
)

// formats is the --format choice.
type formats struct{ xlsx, pdf bool }

func parseFormats(s string) (formats, error) {
	var f formats
	for _, part := range strings.Split(s, ",") {
		switch strings.TrimSpace(strings.ToLower(part)) {
		case "xlsx", "excel", "tracker":
			f.xlsx = true
		case "pdf", "report":
			f.pdf = true
		case "":
		default:
			return f, usageError{fmt.Sprintf("--format %q: use xlsx, pdf or xlsx,pdf", s)}
		}
	}
	if !f.xlsx && !f.pdf {
		return f, usageError{"--format names no output"}
	}
	return f, nil
}

// renderer renders one project's outputs in memory; files are written by
// the caller, atomically.
type renderer struct {
	formats formats
	font    []byte              // nil = the embedded IPAexGothic
	watch   *pipeline.Stopwatch // nil = not measured
	meeting bool                // also the 定例 agenda (meeting.pdf), whatever report.meeting says
	// annotate adds the teams' workbooks with their findings marked
	// (batch --annotate, see annotate_batch.go).
	annotate bool
}

func (r renderer) render(p *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error) {
	out := map[string][]byte{}
	var fs diag.Findings
	if r.annotate && p != nil {
		back, err := returned(p)
		if err != nil {
			return nil, nil, err
		}
		for name, b := range back {
			out[name] = b
		}
	}
	if r.formats.xlsx {
		var b []byte
		var err error
		r.watch.Time("xlsx", func() { b, err = xlsx.Render(d) })
		if err != nil {
			return nil, nil, fmt.Errorf("writing the tracker: %w", err)
		}
		out[trackerFile] = b
	}
	if r.formats.pdf {
		var b []byte
		var more diag.Findings
		var err error
		r.watch.Time("pdf", func() { b, more, err = pdf.Render(d, pdf.Options{Font: r.font}) })
		if err != nil {
			return nil, nil, fmt.Errorf("writing the report: %w", err)
		}
		out[reportFile] = b
		fs = append(fs, more...)
	}
	if r.meeting || p != nil && p.Config.Report.Meeting {
		b, _, err := pdf.RenderMeeting("", []*report.Document{d}, pdf.Options{Font: r.font})
		if err != nil {
			return nil, nil, fmt.Errorf("writing the meeting pack: %w", err)
		}
		out[meetingFile] = b
	}
	return out, fs, nil
}

// loadFont reads --font, a TrueType file.
func loadFont(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := limits.ReadFile(path, diag.Pos{File: path}, limits.FontBytes)
	if err != nil {
		return nil, err
	}
	if len(b) < 12 || !(string(b[:4]) == "\x00\x01\x00\x00" || string(b[:4]) == "true") {
		return nil, diag.Errorf(diag.Pos{File: path}, "not a TrueType font (.ttf); OpenType/CFF (.otf) and collections (.ttc) are not supported")
	}
	return b, nil
}

// checkOutDir refuses an -o that names an existing file.
func checkOutDir(dir string) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usageError{fmt.Sprintf("-o %s is a file; give a folder for the outputs", dir)}
	}
	return nil
}

// lockOut takes the output folder's lock for the run, saying so on stderr
// when another run holds it and this one waits.
func lockOut(ctx context.Context, env *Env, out string, noWait bool) (*outdir.Lock, error) {
	return outdir.Acquire(ctx, out, !noWait, func(holder string) {
		fmt.Fprintf(env.Stderr, "pmo: waiting for another pmo run (process %s) writing to %s… / 別の pmo（プロセス %s）が %s に書き込み中のため待っています…\n", holder, out, holder, out)
	})
}
