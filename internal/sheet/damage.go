package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"path"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
)

// Damage a reader can see but must not read past: a shared string that
// is not in the table, bytes inside a sheet's data that are not XML, a
// part or a whole file that stops early. Each is refused with a line
// naming the place — a damaged workbook read as if whole would lose text
// or rows without a word. Excel itself refuses such a file until it has
// "repaired" it, which the user then sees; LibreOffice reads it silently,
// losing the text (a shared string past the table reads as an empty cell)
// or every row after the damage (bytes that are not XML end its parse).

// badSharedIndex is a t="s" cell whose value is not an index into the
// shared string table: the text it stood for is lost, and an empty cell
// would say it was never there.
func (sr *sheetReader) badSharedIndex() error {
	return diag.Errorf(sr.at(), "the cell refers to shared string %q, but the workbook's shared string table holds %d: the workbook is damaged; save it again from Excel",
		clip(sr.text), sr.wb.strings.len())
}

// sharedIndexOK reports whether a t="s" cell's value is an index into a
// table of n strings, as the stored cell will read it (smallIndex).
func sharedIndexOK(text []byte, n int) bool {
	i, ok := smallIndex(text)
	return ok && i < n
}

// clip is the first bytes of b for a message: an index is a few digits,
// damage can be anything and long.
func clip(b []byte) string {
	const most = 24
	if len(b) <= most {
		return string(b)
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return string(b[:cut]) + "…"
}

// isBlank reports whether text holds only XML white space: all the text
// SpreadsheetML allows between the elements of a sheet's data.
func isBlank(b []byte) bool {
	for _, c := range b {
		if !isXMLSpace(c) {
			return false
		}
	}
	return true
}

// isXMLName reports whether a tag's local name can be an XML name: it
// starts with a letter, '_' or a non-ASCII character and is valid UTF-8.
// Binary noise that happens to hold a '<' makes tags that are not.
func isXMLName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	c := b[0]
	return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80) && utf8.Valid(b)
}

// noise is bytes in a sheet's data that are not XML elements — text
// between cells or rows, a tag that cannot be one — which the lenient
// scanner would step over as if the sheet were whole.
func (sr *sheetReader) noise() error {
	if sr.row != nil {
		return diag.Errorf(diag.Pos{File: sr.wb.file, Sheet: sr.g.Name, Row: sr.row.Num},
			"row %d of the sheet holds bytes that are not XML: the workbook is damaged; save it again from Excel", sr.row.Num)
	}
	if last := sr.nextRow - 1; last > 0 {
		return diag.Errorf(diag.Pos{File: sr.wb.file, Sheet: sr.g.Name, Row: last},
			"the sheet holds bytes that are not XML after row %d: the workbook is damaged; save it again from Excel", last)
	}
	return diag.Errorf(diag.Pos{File: sr.wb.file, Sheet: sr.g.Name},
		"the sheet holds bytes that are not XML before its first row: the workbook is damaged; save it again from Excel")
}

// inData reports whether text at depth lies directly in <sheetData>, a
// <row> or a <c> (not in a cell's <v>, <f> or <is>), where only white
// space may stand.
func (sr *sheetReader) inData(depth int) bool {
	d := sr.dataDepth
	return d > 0 && (depth == d || depth == d+1 || depth == d+2 && sr.inCell)
}

// cutShort is a sheet part that ends before its XML is closed: the rows
// after the last one read are missing, not empty.
func (sr *sheetReader) cutShort() error {
	last := sr.nextRow - 1
	if last <= 0 {
		return diag.Errorf(diag.Pos{File: sr.wb.file, Sheet: sr.g.Name},
			"the sheet ends before its XML is closed, before its first row: the workbook is cut short or damaged; save it again from Excel")
	}
	return diag.Errorf(diag.Pos{File: sr.wb.file, Sheet: sr.g.Name, Row: last},
		"the sheet ends before its XML is closed, at row %d: the workbook is cut short or damaged; save it again from Excel", last)
}

// missingPart is a worksheet the workbook lists whose part is not in the
// zip: read as empty, the sheet would silently be missing. (A styles or
// shared-strings part named but missing is left alone: generators write
// such files, and a cell that needed a missing string is refused by
// badSharedIndex.)
func (wb *workbook) missingPart(name string) error {
	return diag.Errorf(diag.Pos{File: wb.file}, "the workbook refers to %s, which is missing from the file: the workbook is damaged; save it again from Excel", name)
}

// zipCutShort reports whether data starts as a zip but holds no end of
// central directory record: the file was cut short (a copy or a download
// that stopped), since that record is the last thing a zip writer writes.
// It is asked only once the zip has failed to open.
func zipCutShort(data []byte) bool {
	const eocdSize, eocdMax = 22, 22 + 65535 // the record, and with the longest comment
	if !bytes.HasPrefix(data, zipMagic) {
		return false
	}
	at := bytes.LastIndex(data[max(0, len(data)-eocdMax):], []byte("PK\x05\x06"))
	if at < 0 {
		return true
	}
	rec := data[max(0, len(data)-eocdMax)+at:]
	// The record, or the comment it declares, runs past the end.
	return len(rec) < eocdSize || len(rec) < eocdSize+int(binary.LittleEndian.Uint16(rec[20:]))
}

// errPartDamaged is a part whose compressed data stops early or does not
// inflate: it was cut short or damaged, which Go's archive/zip and
// compress/flate say in words no PMO user should have to read.
var errPartDamaged = errors.New("part damaged")

// inflateDamage maps what inflating a damaged part returns to
// errPartDamaged, and any other error to itself.
func inflateDamage(err error) error {
	var ce flate.CorruptInputError
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.As(err, &ce) {
		return errPartDamaged
	}
	return err
}

// odsNoise is noise in an OpenDocument table: text directly in a
// table-row, or a tag that cannot be an element.
func odsNoise(sh *odsSheet) error {
	return diag.Errorf(diag.Pos{File: sh.g.File, Sheet: sh.g.Name, Row: sh.row},
		"row %d of the sheet holds bytes that are not XML: the file is damaged; save it again from LibreOffice", sh.row)
}

// relID is the relationship id of a <sheet>: r:id, or the id of any other
// prefix bound to the relationships namespace (writers rarely rename it).
func relID(attrs []byte) []byte {
	if id, ok := attr(attrs, "r:id"); ok {
		return id
	}
	for rest := attrs; ; {
		key, val, more, ok := nextAttr(rest)
		if !ok {
			return nil
		}
		if bytes.HasSuffix(key, []byte(":id")) {
			return val
		}
		rest = more
	}
}

// missingRel is a sheet the workbook lists whose relationship is not in
// the workbook's relationships part: the sheet would silently be left
// out (and a workbook without that part read as one without sheets).
func (wb *workbook) missingRel(sheet, id, part string) error {
	rels := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	return diag.Errorf(diag.Pos{File: wb.file, Sheet: sheet}, "the workbook lists this sheet, but its relationship %q is not in %s: the workbook is damaged; save it again from Excel", id, rels)
}

// notWorksheet is a worksheet relationship that leads to a part of
// another kind (its root element says which): read as a sheet, it would
// be an empty one.
func (wb *workbook) notWorksheet(part string, root []byte) error {
	return diag.Errorf(diag.Pos{File: wb.file}, "the workbook's sheet part %s is not a worksheet (its XML is a <%s>): the workbook is damaged; save it again from Excel", part, clip(root))
}
