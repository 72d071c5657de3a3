package batch

// Reusing an unchanged project: the fingerprint of its inputs, and the
// result kept beside its outputs for the next run to compare with.

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/report"
)

// inputHash fingerprints everything a project's outputs depend on: its
// definition, every source file's content, the portfolio defaults and the
// run's options.
func inputHash(path string, cfg *config.Project, defaults []byte, opt Options) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "pmo %s\nas-of %s\ntoday %s\nlang %s\nvariant %s\n", opt.Version, opt.AsOf, opt.Today, opt.Lang, opt.Variant)
	h.Write(defaults)
	data, err := limits.ReadFile(path, diag.Pos{File: path}, limits.YAMLBytes)
	if err != nil {
		return "", err
	}
	h.Write(data)
	for _, s := range cfg.Sources {
		fmt.Fprintf(h, "\nsource %s\n", s.File)
		// The same open as the reader's: a FIFO or a device is refused
		// here, not read forever; the reader then reports it.
		f, size, err := limits.Open(s.Path, diag.Pos{File: s.File}, limits.SourceBytes)
		if err != nil {
			fmt.Fprintf(h, "unreadable %v\n", err)
			continue
		}
		_, err = io.Copy(h, io.LimitReader(f, size+1))
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// resultName is the file in OUT/<project-id>/ keeping the project's last
// result for reuse.
const resultName = ".pmo-result.json"

// resultFile is where a project's last result is kept.
func resultFile(out, id string) string { return filepath.Join(out, id, resultName) }

// storedFinding keeps a finding's position in parts, so a reused
// project's findings come back exactly.
type storedFinding struct {
	Severity diag.Severity `json:"severity"`
	Rule     string        `json:"rule"`
	File     string        `json:"file"`
	Sheet    string        `json:"sheet,omitempty"`
	Row      int           `json:"row,omitempty"`
	Col      int           `json:"col,omitempty"`
	CSV      bool          `json:"csv,omitempty"`
	Message  string        `json:"message"`
	// MessageJA is kept so a reused project's tracker and portfolio still
	// show Japanese messages.
	MessageJA string `json:"message_ja,omitempty"`
}

// storedResult is a project result as kept for reuse.
type storedResult struct {
	*ProjectResult
	Findings []storedFinding `json:"findings"`
	// Page is the project's summary-page document, so an unchanged project
	// is reused without reading or analysing its sources again.
	Page *report.Document `json:"page,omitempty"`
	// History is the history database's marker of the project after the
	// run (history.DB.Revision): a reuse needs the same.
	History string `json:"history"`
}

func saveResult(out string, r *ProjectResult, historyMark string) error {
	s := storedResult{ProjectResult: r, Findings: []storedFinding{}, Page: r.Document, History: historyMark}
	for _, f := range r.Findings {
		s.Findings = append(s.Findings, storedFinding{f.Severity, f.Rule, f.Pos.File, f.Pos.Sheet, f.Pos.Row, f.Pos.Col, f.Pos.CSV, f.Message, f.MessageJA})
	}
	// Compact: the file is read back three times a run and by no person.
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	// A cache (reusable checks it and rebuilds on any doubt): renamed into
	// place like the outputs, without waiting for the disk.
	return outdir.WriteCache(out, r.ID+"/"+resultName, append(data, '\n'))
}

// reusable returns the previous result of the project when its inputs and
// its history (historyMark) are unchanged and its outputs are all still
// there. Its findings stay in the file, read back when needed. The
// history's marker is asked for last, only when the inputs are the same:
// a project whose inputs changed (most of a weekly run) or that has no
// result yet (a first run) does not wait for the history database, which
// the batch's writer may be busy with.
func reusable(out, id, hash string, historyMark func() string) (*ProjectResult, bool) {
	data, err := limits.ReadFile(resultFile(out, id), diag.Pos{}, limits.StateBytes)
	if err != nil {
		return nil, false
	}
	// The findings and the page stay undecoded: they are read back one
	// project at a time when the portfolio is written.
	var s struct {
		*ProjectResult
		Findings json.RawMessage `json:"findings"`
		Page     *struct {
			Lang string
			A    json.RawMessage
		} `json:"page"`
		// Left undecoded too: the board reads it back (Summary).
		Portfolio json.RawMessage `json:"portfolio"`
		History   string          `json:"history"`
	}
	s.ProjectResult = &ProjectResult{}
	if json.Unmarshal(data, &s) != nil || s.InputHash != hash || s.Status == StatusFailed {
		return nil, false
	}
	if mark := historyMark(); s.History != mark || mark == unknownMark {
		return nil, false
	}
	prev := s.ProjectResult
	// The file is read back from the output folder, where anyone may have
	// edited it: its paths become portfolio links, so each must be one of
	// this project's files inside OUT, else the project is rebuilt.
	if prev.ID != id {
		return nil, false
	}
	for _, o := range prev.Outputs {
		if !outdir.Inside(o) || !strings.HasPrefix(o, id+"/") {
			return nil, false
		}
	}
	prev.spill(out)
	if len(s.Portfolio) == 0 || string(s.Portfolio) == "null" {
		prev.summaryIn = "" // kept by an older pmo: the board lists it as missing
	}
	if s.Page != nil && len(s.Page.A) > 0 && string(s.Page.A) != "null" {
		prev.pageLang = cmp.Or(s.Page.Lang, "ja")
	} else {
		prev.pageIn = ""
	}
	for _, o := range prev.Outputs {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(o))); err != nil {
			return nil, false
		}
	}
	return prev, true
}
