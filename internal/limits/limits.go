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
	// SourceBytes bounds a team sheet that is read into memory whole
	// (.csv, .xls, .ods, plans, an encrypted .xlsx): real ones are a few
	// MB; a CSV of 100 M fields is refused here, not at parse time.
	SourceBytes = 64 << 20
	// WorkbookBytes bounds an .xlsx/.xlsm, which is read where it lies,
	// part by part, never held whole: what it may cost in memory is bound
	// by the limits on what is kept (GridCells, BookRows, TextBytes) and
	// by ZipDirectoryBytes; in time by InflatedBytes. A sheet filled to
	// Excel's last row with 18 columns is an 84 MB file.
	WorkbookBytes = 256 << 20
	// ZipDirectoryBytes bounds the zip directory of a workbook read in
	// place, which is read into memory first (some 250 bytes an entry):
	// a workbook has tens to hundreds of parts, a few KB of directory;
	// 256 MB of empty entries would otherwise cost over a gigabyte.
	ZipDirectoryBytes = 8 << 20
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
	// PartBytes bounds one inflated XML part and InflatedBytes all parts
	// of one workbook together (zip bombs). They bound the time a read
	// takes, not its memory: parts are read as a stream, and what is kept
	// of them is bound by GridCells, BookRows and TextBytes. A 50,000-row
	// sheet of 18 columns is 43 MB of XML, one filled to Excel's last row
	// 900 MB; inflating and scanning XML takes about 2.7 s a gigabyte on
	// one core here, so the worst case, 2 GB of XML holding nothing that
	// is kept (a zip bomb of empty rows or of 16,384 empty cells a row),
	// is refused or read in 6–9 s of CPU (2 GB of styled empty cells
	// measured 8.4 s).
	PartBytes     = 2 << 30
	InflatedBytes = 2 << 30
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
	// Cells bounds the non-empty cells (and stored rows) of one book read
	// by a reader that builds its grid in place (.xls, .ods, CSV): 1 M for
	// a 50,000-row WBS of 18 columns. Those readers hold a cell in 16
	// bytes (and its text) until the grid is encoded, so 3 M cost some
	// 50 MB more than the cells kept.
	Cells = 3_000_000
	// GridCells bounds the non-empty cells and stored rows of one .xlsx
	// book, which the reader keeps encoded (sheet/rowenc.go): some 3.5
	// bytes a cell of a WBS, at most 16 bytes a cell, and 16 bytes a row;
	// a text costs its bytes and one or two more besides (sheet/texts.go;
	// the text itself is TextBytes). A sheet filled to Excel's last row
	// with 18 columns is 19.9 M (kept in some 130 MB with its texts); 24 M
	// admits one of 21 columns (cells and rows are both charged: 22
	// columns are 24.1 M). The worst grid, 1,048,575 rows × 21 columns of
	// distinct 1–4 byte texts, peaks at 272 MB in 4.5 s of CPU (639 MB
	// when each text was a string of its own). The records typed from the
	// rows come on top of the grid: the full-height WBS peaks at about
	// 450 MB in all. Time is bound by InflatedBytes: each cell takes at
	// least 15 bytes of XML.
	GridCells = 24_000_000
	// BookRows bounds the rows an .xlsx book keeps, and so the records
	// read from them (a record is one or more rows; project.Task and its
	// values cost some 400 bytes): one sheet filled to Excel's last row
	// and 150,000 rows of others.
	BookRows = 1_200_000
	// TextBytes bounds all cell and shared-string text of one book
	// together (90 M empty shared strings are refused here too: each
	// counts as one byte). Texts repeated in a column are charged each
	// time though kept once.
	TextBytes = 128 << 20
	// CellTextBytes bounds one cell's text: Excel's 32,767 characters at
	// up to 3 bytes each, with room for writers that exceed it a little.
	CellTextBytes = 256 << 10
	// SharedStrings bounds the shared-string table. A sheet saved by Excel
	// to its last row with a distinct ID and name on each row holds 2.1 M
	// (the 1,048,575-row genwbs WBS so saved: read in 9.9 s of CPU at a
	// 446 MB peak, as its inline-string copy). An .xlsx entry costs 4
	// bytes of index and 1–2 of length besides its text, which TextBytes
	// bounds (sheet/texts.go): 4 M empty entries are 20 MB. An .xls holds
	// its table as strings, 16 bytes and the text each: 64 MB at most.
	SharedStrings = 4_000_000
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
