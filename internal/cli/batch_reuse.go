package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
)

// portfolioCache is OUT/.pmo-portfolio.json: the key of the inputs the
// portfolio outputs were last made from, and what that run printed of the
// board (its warnings, the group subtotals). When every project of a run
// was reused and the key is the same, the portfolio outputs in place are
// the ones this run would write, byte for byte, and are kept: an
// unchanged rerun then costs the hash checks and little more.
type portfolioCache struct {
	Key    string `json:"key"`
	Stderr string `json:"stderr"`
	Stdout string `json:"stdout"`
	// Findings are the board's, which count for --fail-on on a rerun
	// that keeps the outputs as they did on the run that made them.
	Findings diag.Findings `json:"findings,omitempty"`
}

const portfolioCacheName = ".pmo-portfolio.json"

// portfolioOutputs are the files the portfolio step writes.
var portfolioOutputs = []string{"portfolio.xlsx", "portfolio.pdf", "summary.json"}

// portfolioKey hashes what the portfolio outputs are made from. Each
// project's input hash already covers pmo's version, the status date,
// the language and the output choices; on top come the portfolio file
// (its people and groups) and the board's own options. The key of a run
// that built projects is stored with its outputs, and a later run that
// reuses every project finds it (a built project's history moved, so its
// outputs are made anew). ok is false when a project failed: then no key
// is kept. The key's own version ("portfolio 3") changes with what the
// portfolio outputs hold, so that a development build (whose pmo version
// stays "dev") does not keep outputs of the older layout: 3 is the 一覧
// sheet printed one page wide, its columns reordered.
func portfolioKey(plan *batch.Plan, res *batch.Result, opt *batchOptions, lang string) (key string, ok bool) {
	h := sha256.New()
	fmt.Fprintf(h, "portfolio 3\nlang %s\ngroup-by %s\nmilestone-weeks %d\nmeeting %t\n", lang, opt.groupBy, opt.msWeeks, opt.meeting)
	if pf := plan.Portfolio; pf != nil {
		data, err := limits.ReadFile(pf.Path, diag.Pos{File: pf.Path}, limits.YAMLBytes)
		if err != nil {
			return "", false
		}
		h.Write(data)
	}
	for _, p := range res.Projects {
		if p.Status == batch.StatusFailed || p.InputHash == "" {
			return "", false
		}
		fmt.Fprintf(h, "\nproject %s %s %s", p.Path, p.ID, p.InputHash)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// reusedPortfolio returns the stored run when every project was reused,
// the stored key is key and every portfolio output is still in place.
func reusedPortfolio(out, key string, res *batch.Result) (*portfolioCache, bool) {
	for _, p := range res.Projects {
		if p.Status != batch.StatusReused {
			return nil, false
		}
	}
	data, err := limits.ReadFile(filepath.Join(out, portfolioCacheName), diag.Pos{}, limits.StateBytes)
	if err != nil {
		return nil, false
	}
	var c portfolioCache
	if json.Unmarshal(data, &c) != nil || c.Key != key {
		return nil, false
	}
	for _, name := range portfolioOutputs {
		if st, err := os.Stat(filepath.Join(out, name)); err != nil || !st.Mode().IsRegular() {
			return nil, false
		}
	}
	return &c, true
}

// forgetPortfolio removes the stored key before the portfolio outputs
// are rewritten, so that a step stopped half-way is never taken as done.
func forgetPortfolio(out string) error {
	if err := os.Remove(filepath.Join(out, portfolioCacheName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// rememberPortfolio stores the key and the printed board once the
// portfolio outputs are written.
func rememberPortfolio(out, key string, stderr, stdout *bytes.Buffer, board diag.Findings) error {
	data, err := json.Marshal(portfolioCache{Key: key, Stderr: stderr.String(), Stdout: stdout.String(), Findings: board})
	if err != nil {
		return err
	}
	return outdir.WriteCache(out, portfolioCacheName, data)
}
