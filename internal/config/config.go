// Package config reads pmo's YAML files — the project definition and the
// portfolio definition — strictly: every unknown key, wrong type or bad value
// becomes a finding at file:line:col, and every decoded value keeps the
// position it came from so later stages can point back at it.
//
// Documents are decoded into yaml.Node trees and walked by hand rather than
// unmarshalled into structs, because struct decoding loses positions and
// stops at the first problem; a PMO fixing a file wants every problem at once.
package config

import (
	"fmt"
	"slices"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Rules of the findings the loader reports.
const (
	RuleUnknownKey      = "config.unknown-key"
	RuleDuplicateKey    = "config.duplicate-key"
	RuleWrongType       = "config.wrong-type"
	RuleBadDate         = "config.bad-date"
	RuleMissingKey      = "config.missing-key"
	RuleBadValue        = "config.bad-value"
	RuleUnknownField    = "config.unknown-field"
	RuleDateOrder       = "config.date-order"
	RuleDuplicateSource = "config.duplicate-source"
	RuleDuplicateTeam   = "config.duplicate-team"
	RuleUnknownTeam     = "config.unknown-team"
	RuleNoProjects      = "config.no-projects"
	RuleEncoding        = "config.encoding"
)

// Project is a project definition (project.yaml).
type Project struct {
	Path       string // the YAML file as the caller named it
	Dir        string // its folder; sources are relative to it
	Version    int
	Project    Info
	Teams      []Team
	Calendar   Calendar
	Milestones []Milestone
	Thresholds Thresholds // built-in defaults filled for every key the file left out
	Report     Report
	Sources    []Source
	// Actions are the action items written in the YAML itself (actions:).
	Actions []project.Action
	Pos     diag.Pos // the document's top-level mapping

	// given records the dotted keys the file set itself, so ApplyDefaults
	// can tell "left empty" from "set to the built-in default".
	given map[string]bool
}

// Info is the project: block. Money is in Currency; 0 means not given.
type Info struct {
	ID         string // [a-z0-9][a-z0-9_-]*, used as a folder name for outputs
	Name       string
	PM         string
	Sponsor    string
	Start      date.Date
	End        date.Date
	Budget     float64
	CostPerDay float64 // money per person-day, to turn effort into cost
	Currency   string  // ISO 4217 code; "JPY" when not given
	StatusDate date.Date
	// Baseline names the run (by its status date) that later runs compare
	// with; zero means the newest `pmo baseline set`, else the first run.
	Baseline date.Date

	Pos, IDPos, NamePos, StartPos, EndPos, StatusDatePos, BudgetPos, CostPerDayPos diag.Pos
}

// Team is one entry of teams:.
type Team struct {
	Name    string
	Lead    string
	Members []Member
	Pos     diag.Pos
	NamePos diag.Pos
}

// Member is a team member. A member written as a plain name has no
// capacity of its own and no aliases.
type Member struct {
	Name     string
	Capacity float64  // person-days per week; 0 means Thresholds.Capacity
	Aliases  []string // other spellings used in sheets (surname only, romaji)
	Pos      diag.Pos
}

// Calendar says which days are working days, on top of Saturdays and
// Sundays being days off.
type Calendar struct {
	Holidays    string      // "jp" (Japanese national holidays, the default) or "none"
	DaysOff     []DateRange // company days off (年末年始, 創立記念日)
	Workdays    []DateRange // extra working days (休日出勤) that override the rest
	Pos         diag.Pos
	HolidaysPos diag.Pos
}

// DateRange is an inclusive span of days; a single day has From == To.
// Ranges stay ranges so that a long span costs nothing to store.
type DateRange struct {
	From, To date.Date
	Pos      diag.Pos
}

// Contains reports whether d falls inside r.
func (r DateRange) Contains(d date.Date) bool { return d >= r.From && d <= r.To }

// Milestone is one entry of milestones:.
type Milestone struct {
	Name    string
	Date    date.Date
	Done    bool
	WBSID   string // optional link to the WBS row that completes it
	Pos     diag.Pos
	NamePos diag.Pos
	DatePos diag.Pos
}

// Thresholds turn figures into red/amber/green. Every field holds the
// built-in default unless the file (or portfolio defaults) set it.
type Thresholds struct {
	SPI               RatioBand // default amber 0.95, red 0.85
	CPI               RatioBand // default amber 0.95, red 0.85
	BehindPoints      float64   // progress points behind plan that make a task or team "behind"; default 10
	OverdueHighIssues CountBand // overdue high-priority issues; default amber 1, red 3
	MilestoneSlipDays int       // days a milestone may slip before it counts as late; default 0
	Capacity          float64   // person-days per person per week; default 5
	// MinScheduled is the percentage of leaf tasks that must have a planned
	// start and finish before the schedule is judged at all; below it the
	// schedule is "unknown". Default 80.
	MinScheduled float64
	HighRisks    CountBand // open high risks; default amber 1, red 3

	Pos, BehindPointsPos, MilestoneSlipDaysPos, CapacityPos, MinScheduledPos diag.Pos
}

// RatioBand is a band for an index where lower is worse (SPI, CPI): below
// Amber is amber, below Red is red.
type RatioBand struct {
	Amber, Red            float64
	Pos, AmberPos, RedPos diag.Pos
}

// CountBand is a band for a count where higher is worse: at or above Amber
// is amber, at or above Red is red.
type CountBand struct {
	Amber, Red            int
	Pos, AmberPos, RedPos diag.Pos
}

// DefaultThresholds returns the built-in thresholds. They follow common
// EVM practice (SPI/CPI 0.95 and 0.85) and a PMO's usual patience.
func DefaultThresholds() Thresholds {
	return Thresholds{
		SPI:               RatioBand{Amber: 0.95, Red: 0.85},
		CPI:               RatioBand{Amber: 0.95, Red: 0.85},
		BehindPoints:      10,
		OverdueHighIssues: CountBand{Amber: 1, Red: 3},
		MilestoneSlipDays: 0,
		Capacity:          5,
		MinScheduled:      80,
		HighRisks:         CountBand{Amber: 1, Red: 3},
	}
}

// Report holds the report options and the PM's own words for page 1.
type Report struct {
	Lang        string // "ja" (the default) or "en"
	Title       string // overrides the generated report title
	Comment     string
	Decisions   []string // the pending decisions the steering committee must make
	Escalations []string // the pending escalations
	// DecisionLog holds every entry of decisions: and escalations: as a
	// record, pending or not, in file order (a plain text is a pending
	// record with nothing else known).
	DecisionLog []Decision
	// Meeting asks report for the 定例 agenda (meeting.pdf) as well.
	Meeting bool
	Pos     diag.Pos
	LangPos diag.Pos
}

// Source is one team spreadsheet to read.
type Source struct {
	File string // as written in the YAML
	Path string // File joined with the project's Dir (unless absolute)
	// Name is File relative to the project's folder, with slashes: how
	// positions, history keys and outputs name the source, the same from
	// any working directory.
	Name        string
	Kind        project.Kind // empty: the reader infers it
	Team        string
	Sheet       string
	HeaderRows  []int    // 1-based; empty: the reader detects the header
	Columns     []Column // in YAML order
	Encoding    string   // "", "utf-8" or "shift_jis" (aliases normalised)
	PasswordEnv string   // name of the environment variable, never the password
	// Category "defect" marks an issue source as a defect list (不具合一覧)
	// whatever its name, for the convergence figures.
	Category string
	Pos      diag.Pos
	FilePos  diag.Pos
	KindPos  diag.Pos
	TeamPos  diag.Pos
}

// Column maps a standard field to a header text or a column.
type Column struct {
	Field string
	// Header is the text as written; empty when the column was given as a
	// number. When it is written like a column letter ("F", "AB") Letter is
	// set too, and a reader should still prefer a header cell that reads
	// exactly Header, because "ID" is both a column and a common header.
	Header string
	Letter int // 1-based column, or 0
	Pos    diag.Pos
}

// Encodings accepted for CSV sources, after normalisation.
const (
	EncodingUTF8     = "utf-8"
	EncodingShiftJIS = "shift_jis"
)

// DefinitionError turns the first error finding of a definition into the
// error that stops a run: a typo in the PMO's own YAML (status_dat:) must
// not quietly change every figure. Rules named in keep stay findings.
// It returns nil when there is no such error.
func DefinitionError(fs diag.Findings, keep ...string) error {
	var first *diag.Finding
	n := 0
	for i := range fs {
		f := &fs[i]
		if f.Severity != diag.Error || slices.Contains(keep, f.Rule) {
			continue
		}
		if n == 0 || f.Pos.Compare(first.Pos) < 0 {
			first = f
		}
		n++
	}
	if first == nil {
		return nil
	}
	e := &diag.InputError{Pos: first.Pos, Msg: first.Message, MsgJA: first.MessageJA}
	if n > 1 {
		e.Msg += fmt.Sprintf(" (and %d more errors in the definition: pmo validate lists them)", n-1)
		if e.MsgJA != "" {
			e.MsgJA += fmt.Sprintf("（定義にほか %d 件のエラー。pmo validate で一覧できます）", n-1)
		}
	}
	return e
}
