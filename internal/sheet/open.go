package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/sheet/plan"
	"github.com/pmokit/pmo/internal/value"
	"github.com/xuri/excelize/v2"
)

// Book is an opened spreadsheet: the sheets of a workbook, or one CSV file
// as a single unnamed sheet.
type Book struct {
	File   string
	Sheets []*Grid
	// Encoding is the detected text encoding of a CSV file.
	Encoding string
	// plan holds the tasks of an MS Project XML or GanttProject file, which
	// are read by their schema rather than as a grid (Sheets is empty).
	plan *plan.Plan
}

// OpenOptions tunes how a file is opened.
type OpenOptions struct {
	// Name is how the file is named in positions; defaults to the base name.
	Name string
	// Encoding forces a CSV encoding: "utf-8" or "shift_jis".
	Encoding string
	// Password opens an encrypted workbook.
	Password string
}

// Open reads a spreadsheet file. The file is only read, never written;
// macros in .xlsm files are never run (pmo does not evaluate anything).
func Open(path string, opt OpenOptions) (*Book, error) {
	name := opt.Name
	if name == "" {
		name = filepath.Base(path)
	}
	pos := diag.Pos{File: name}
	max := int64(limits.SourceBytes)
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".xlsx" || ext == ".xlsm" {
		max = limits.WorkbookBytes // read in place, below
	}
	f, size, err := limits.Open(path, pos, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A workbook is read from the file where it lies rather than copied
	// into memory first: at Excel's last row the file alone is 84 MB.
	head, err := limits.Read(io.LimitReader(f, zipHead), pos, zipHead, zipHead)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(head, zipMagic) && ext != ".mpp" && ext != ".mpt" && !isODSHead(head) {
		if err := zipDirectory(f, size, pos); err != nil {
			return nil, err
		}
		zr, err := openZip(f, size, pos)
		if ie, ok := err.(*diag.InputError); ok {
			return nil, ie
		}
		if err == nil && !isODSZip(zr) {
			return parseXLSXZip(name, zr)
		}
		if err != nil && size > limits.SourceBytes {
			// Too large to be read whole below: said here as Parse says it.
			tail := make([]byte, min(size, 22+65535))
			if _, rerr := f.ReadAt(tail, size-int64(len(tail))); rerr != nil {
				return nil, diag.Errorf(pos, "cannot read the file: %s", rerr)
			}
			return nil, zipError(name, err, zipCutShort(append(slices.Clip(zipMagic), tail...)))
		}
	}
	// Anything else is read whole, as Parse takes it.
	if size > limits.SourceBytes {
		return nil, limits.Over(pos, diag.Phrase{EN: "the file", JA: "ファイルのサイズ"}, limits.SourceBytes, true)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, diag.Errorf(pos, "cannot read the file: %s", err)
	}
	data, err := limits.Read(f, pos, size, limits.SourceBytes)
	if err != nil {
		return nil, err
	}
	return Parse(name, data, opt)
}

// zipDirectory refuses a zip whose central directory, which
// zip.NewReader reads into memory whole, is declared over
// limits.ZipDirectoryBytes, before any of it is read (openZip bounds
// what is actually read). The directory's size is in the end record
// (the last 22 bytes and a comment of up to 64 KB), or for a zip64 in
// the record the locator before it points to. A zip without an end
// record is left to zip.NewReader to refuse.
func zipDirectory(r io.ReaderAt, size int64, pos diag.Pos) error {
	tail := make([]byte, min(size, 22+65535))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil {
		return nil
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < 22 {
		return nil
	}
	dir := uint64(binary.LittleEndian.Uint32(tail[i+12:]))
	if dir == 0xFFFFFFFF && i >= 20 && string(tail[i-20:i-16]) == "PK\x06\x07" {
		var rec [56]byte
		if _, err := r.ReadAt(rec[:], int64(binary.LittleEndian.Uint64(tail[i-12:]))); err == nil && string(rec[:4]) == "PK\x06\x06" {
			dir = binary.LittleEndian.Uint64(rec[40:])
		}
	}
	if dir > limits.ZipDirectoryBytes {
		return overZipDirectory(pos)
	}
	return nil
}

// zipHead is how much of a file Open looks at to tell a zip package.
const zipHead = 120

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// Parse reads a spreadsheet from memory; name decides positions and, for
// files without a recognisable signature, the format by extension.
func Parse(name string, data []byte, opt OpenOptions) (*Book, error) {
	pos := diag.Pos{File: name}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case isLockFile(name, data):
		return nil, diag.Errorf(pos, "an Excel lock file (Excel writes ~$name while someone has the workbook open), not a workbook; read the workbook without ~$ in its name")
	case ext == ".mpp" || ext == ".mpt" || bytes.HasPrefix(data, oleMagic) && isMPP(data):
		return nil, diag.Errorf(pos, "a binary MS Project file (.mpp), which pmo cannot read; in MS Project use File → Save As → XML (*.xml) and read that file")
	case len(data) == 0:
		return nil, diag.Errorf(pos, "file is empty")
	case bytes.HasPrefix(data, oleMagic):
		return parseOLE(name, data, opt)
	case bytes.HasPrefix(data, zipMagic) && (isODS(data) || ext == ".ods" && zipCutShort(data)):
		return parseODS(name, data)
	case bytes.HasPrefix(data, zipMagic):
		return parseXLSX(name, data)
	case plan.Format(data) != "":
		p, err := plan.Parse(name, data)
		if err != nil {
			return nil, err
		}
		return &Book{File: name, plan: p}, nil
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		return parseCSV(name, data, opt.Encoding)
	case ext == ".xls" && looksLikeMarkup(data):
		return nil, diag.Errorf(pos, "an HTML or XML table saved as .xls (as some systems export); open it in Excel or LibreOffice and save it as .xlsx")
	case rawBIFF(data):
		// Excel 2.x-4.0 wrote a bare BIFF stream, not a compound file.
		return nil, diag.Errorf(pos, "Excel 5.0/95 or older workbook (BIFF5 or earlier): pmo reads Excel 97-2003 and later; open it in Excel or LibreOffice and save it as .xlsx")
	case ext == ".xls":
		return nil, diag.Errorf(pos, "not an Excel workbook (.xls without the Excel 97-2003 signature)")
	case ext == ".xlsx" || ext == ".xlsm":
		if looksLikeText(data) {
			return nil, diag.Errorf(pos, "not an Excel workbook: the file holds plain text (a CSV saved as .xlsx?); rename it to .csv")
		}
		return nil, diag.Errorf(pos, "not an Excel workbook (not a zip file)")
	case (ext == ".xml" || ext == ".gan") && looksLikeMarkup(data):
		return nil, diag.Errorf(pos, "an XML file that is neither MS Project XML nor a GanttProject file")
	case ext == ".ods":
		return nil, diag.Errorf(pos, "not an OpenDocument spreadsheet (not a zip file)")
	default:
		return nil, diag.Errorf(pos, "unsupported file type %q: pmo reads .xlsx, .xlsm, .xls, .ods, .csv, MS Project .xml and GanttProject .gan", ext)
	}
}

// rawBIFF recognises the BOF record that starts an Excel 2.x, 3.0 or 4.0
// file: record 0x0009, 0x0209, 0x0409 or 0x0809 of 4 to 16 bytes.
func rawBIFF(data []byte) bool {
	if len(data) < 8 || data[0] != 0x09 || (data[1] != 0 && data[1] != 2 && data[1] != 4 && data[1] != 8) {
		return false
	}
	n := int(data[2]) | int(data[3])<<8
	return n >= 4 && n <= 20 && data[5] == 0 && data[4] <= 0x06
}

// isLockFile recognises the owner file Excel (and Word) write beside an
// open document: "~$" and the document's name, a few hundred bytes.
func isLockFile(name string, data []byte) bool {
	return strings.HasPrefix(filepath.Base(name), "~$") && len(data) < 4096 && !bytes.HasPrefix(data, zipMagic)
}

// isMPP recognises an MS Project compound file by its CompObj text.
func isMPP(data []byte) bool {
	return !bytes.Contains(data, utf16le("Workbook")) && (bytes.Contains(data, []byte("MSProject")) || bytes.Contains(data, []byte("Microsoft Project")) || bytes.Contains(data, []byte("Microsoft Office Project")))
}

func looksLikeMarkup(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 1024)], []byte("\xEF\xBB\xBF"))))
	return bytes.HasPrefix(head, []byte("<")) && (bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<?xml")) || bytes.Contains(head, []byte("<table")))
}

func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 512)]
	return utf8.Valid(head) && bytes.IndexByte(head, 0) < 0
}

// parseOLE handles the old compound-file container: either an encrypted
// .xlsx (Excel wraps those in OLE) or a legacy .xls / .doc.
func parseOLE(name string, data []byte, opt OpenOptions) (*Book, error) {
	pos := diag.Pos{File: name}
	switch {
	case bytes.Contains(data, utf16le("EncryptionInfo")):
		if opt.Password == "" {
			return nil, diag.Errorf(pos, "workbook is password-protected; set password_env on this source to the name of an environment variable holding the password")
		}
		plain, err := excelize.Decrypt(data, &excelize.Options{Password: opt.Password})
		if err != nil || !bytes.HasPrefix(plain, zipMagic) {
			return nil, diag.Errorf(pos, "cannot open the protected workbook: wrong password")
		}
		return parseXLSX(name, plain)
	case bytes.Contains(data, utf16le("WordDocument")):
		return nil, diag.Errorf(pos, "this is a Word document, not an Excel workbook")
	case bytes.Contains(data, utf16le("Workbook")) || bytes.Contains(data, utf16le("WORKBOOK")) || bytes.Contains(data, utf16le("Book")):
		return parseXLS(name, data)
	case cfbCutShort(data):
		return nil, cfbCutShortError(pos) // its directory, with the stream names, is gone
	default:
		return nil, diag.Errorf(pos, "an OLE compound file that is not an Excel workbook")
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func parseXLSX(name string, data []byte) (*Book, error) {
	zr, err := openZip(bytes.NewReader(data), int64(len(data)), diag.Pos{File: name})
	if ie, ok := err.(*diag.InputError); ok {
		return nil, ie
	}
	if err != nil {
		return nil, zipError(name, err, zipCutShort(data))
	}
	return parseXLSXZip(name, zr)
}

func parseXLSXZip(name string, zr *zip.Reader) (*Book, error) {
	wb, err := openWorkbook(name, zr)
	if err != nil {
		return nil, err
	}
	b := &Book{File: name}
	for _, ref := range wb.sheets {
		g, err := wb.readSheet(ref)
		if err != nil {
			return nil, err
		}
		b.Sheets = append(b.Sheets, g)
	}
	if len(b.Sheets) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name}, "workbook has no worksheets")
	}
	return b, nil
}

// Sheet returns the sheet with the given name, compared loosely (width and
// case), or an error listing the sheets there are.
func (b *Book) Sheet(name string) (*Grid, error) {
	for _, g := range b.Sheets {
		if g.Name == name {
			return g, nil
		}
	}
	for _, g := range b.Sheets {
		if sameName(g.Name, name) {
			return g, nil
		}
	}
	names := make([]string, len(b.Sheets))
	for i, g := range b.Sheets {
		names[i] = g.Name
	}
	return nil, diag.Errorf(diag.Pos{File: b.File}, "no sheet named %q (sheets: %s)", name, strings.Join(names, ", "))
}

func sameName(a, b string) bool {
	return value.Key(a) == value.Key(b)
}
