// Package limits names every bound pmo puts on what it reads, and opens
// input files within them. Each limit is checked before the work it
// bounds, with sizes computed so they cannot overflow, and a file past a
// limit is refused with a one-line error naming the limit (Exceeded).
//
// The numbers are set far above real team files — a 50,000-row WBS is
// under 5 MB and 1.5 million cells — and low enough that a hostile file at
// every limit at once still reads in well under the default memory limit.
package limits

import (
	"fmt"

	"github.com/pmokit/pmo/internal/diag"
)

// Input files, in bytes. Each is read whole into memory, so the size is
// checked on the open file before reading and the read itself is bounded
// (special files report no size).
const (
	// SourceBytes bounds a team sheet (.xlsx, .csv, …): real ones are a
	// few MB; a CSV of 100 M fields is refused here, not at parse time.
	SourceBytes = 64 << 20
	// YAMLBytes bounds a project or portfolio definition: a few KB in
	// practice.
	YAMLBytes = 8 << 20
	// FontBytes bounds a --font file: full CJK TrueType fonts are 5-20 MB.
	FontBytes = 64 << 20
	// StateBytes bounds what pmo reads back from its own output folder
	// (history snapshots, .pmo-result.json): a damaged or planted file
	// there must not cost more than a real one.
	StateBytes = 16 << 20
)

// Workbook containers (.xlsx zip parts).
const (
	// PartBytes bounds one inflated XML part; a 50,000-row sheet is about
	// 40 MB of XML.
	PartBytes = 256 << 20
	// InflatedBytes bounds all parts of one workbook together (zip bombs).
	InflatedBytes = 512 << 20
	// XMLTokenBytes bounds one tag or text node: Excel caps a cell at
	// 32,767 characters, under 200 KB even fully escaped. Without it one
	// 480 MB text node is buffered whole.
	XMLTokenBytes = 1 << 20
	// XMLDepth bounds element nesting; SpreadsheetML nests under 10 deep.
	XMLDepth = 256
)

// Sheet contents, per workbook or CSV file unless said otherwise.
const (
	// Rows and Cols are Excel's grid (row 1,048,576, column XFD): a
	// reference past them is damage, never data.
	Rows = 1 << 20
	Cols = 16384
	// Cells bounds the non-empty cells (and stored rows) of one book:
	// 1 M for a 50,000-row WBS of 18 columns. The reader stores a cell in
	// 16 bytes and a row in 80, and a record typed from a row costs about
	// 0.5 KB more (project.Task is 376 bytes): some 0.9 KB of live heap
	// per row of such a WBS. The 150,000-row WBS at this limit reads at a
	// peak RSS under 200 MB; a sheet filled to Excel's last row would need
	// well over a gigabyte, so it is refused here and by SourceBytes.
	Cells = 3_000_000
	// TextBytes bounds all cell and shared-string text of one book
	// together (90 M empty shared strings are refused here too: each
	// counts as one byte).
	TextBytes = 128 << 20
	// CellTextBytes bounds one cell's text: Excel's 32,767 characters at
	// up to 3 bytes each, with room for writers that exceed it a little.
	CellTextBytes = 256 << 10
	// SharedStrings bounds the shared-string table.
	SharedStrings = 2_000_000
	// Styles bounds the cell formats (Excel allows 64,000).
	Styles = 65_536
	// Merges bounds the merged ranges of one sheet.
	Merges = 100_000
	// MergedCells bounds the cells covered by the merges of one sheet
	// that pmo indexes (merges over MergeArea are left out as layout):
	// 2,000 merges of 19,000 cells would otherwise cost 2 GB.
	MergedCells = 2_000_000
	// MergeArea is the largest merge indexed cell by cell; larger ones
	// (whole columns, banners) carry no table structure.
	MergeArea = 20_000
	// PlanTasks bounds the tasks of one project plan (MS Project XML,
	// GanttProject): the largest real plans hold some 10,000; each costs
	// about a kilobyte while it is read, where a sheet row costs far less.
	PlanTasks = 100_000
	// CSVRecordBytes bounds one CSV record (a line, or several when a
	// quoted field spans lines); a 1 MB record holds 32 fields of 32,767
	// Japanese characters.
	CSVRecordBytes = 1 << 20
)

// MemoryMax is the default hard limit: a run holding more memory than this
// is stopped with one line and exit code 3 (PMO_MEMORY_MAX overrides it).
// Nothing within the limits above comes near it.
const MemoryMax = 4 << 30

// IDLength bounds a project id, which names its output folder: paths
// under OUT stay well inside Windows' 260-character limit.
const IDLength = 64

// MemoryLimit is the default soft memory limit (debug.SetMemoryLimit) when
// GOMEMLIMIT is not set: the garbage collector works harder near it
// instead of letting the heap grow. With the limits above a single book
// stays well under it; --jobs projects read in parallel share it.
const MemoryLimit = 1 << 30

// Over is the error for an input past a limit: what went over (in both
// languages) and the limit, in bytes when bytes is set, else as a count.
func Over(pos diag.Pos, what diag.Phrase, limit int64, bytes bool) *diag.InputError {
	n := diag.Grouped(limit)
	if bytes {
		n = size(limit)
	}
	return diag.Errorf(pos, "%s is over pmo's limit of %s (real files stay far below it); check that it is the right file and not damaged", what, n)
}

// size prints a byte count as a user reads it: 64 MB, 256 KB.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return diag.Grouped(n) + " bytes"
}
