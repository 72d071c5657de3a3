package cli

import (
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/spf13/pflag"
)

// readFlags are the flags of the commands that read one team sheet
// without a project file (inspect, convert, annotate): what the sheet
// holds, which sheet, how to open the file and the mapping fixes. One
// function registers them for all three, so their --help lists the same
// flags with the same words in the same order.
type readFlags struct {
	kind     string
	sheet    string
	encoding string
	password string
	overrideFlags
}

// register adds the flags to fs; text is false for annotate, which reads
// workbooks only and so has no CSV encoding to choose.
func (r *readFlags) register(fs *pflag.FlagSet, text bool) {
	fs.StringVar(&r.kind, "kind", "", "what the sheet holds: wbs, issues, risks, actions or tests (default: inferred)")
	fs.StringVar(&r.sheet, "sheet", "", "read only this sheet")
	if text {
		fs.StringVar(&r.encoding, "encoding", "", "CSV encoding: utf-8 or shift_jis (default: detected)")
	}
	fs.StringVar(&r.password, "password-env", "", "environment variable holding the workbook password")
	r.overrideFlags.register(fs)
}

// reading is what the flags ask for, checked: the sheet's kind and the
// mapping fixes, and the password read from its environment variable.
type reading struct {
	kind       project.Kind
	sheet      string
	encoding   string
	password   string
	columns    []sheet.Override
	headerRows []int
}

// resolve checks the flags and reads the password's variable from env.
func (r *readFlags) resolve(env *Env) (reading, error) {
	kind, err := parseKind(r.kind)
	if err != nil {
		return reading{}, err
	}
	columns, headerRows, err := r.parse(kind)
	if err != nil {
		return reading{}, err
	}
	rd := reading{kind: kind, sheet: r.sheet, encoding: r.encoding, columns: columns, headerRows: headerRows}
	if r.password != "" {
		rd.password = env.Getenv(r.password)
	}
	return rd, nil
}

// open is how sheet.Open opens the file for inspect, named name.
func (rd reading) open(name string) sheet.OpenOptions {
	return sheet.OpenOptions{Name: name, Encoding: rd.encoding, Password: rd.password}
}

// options is how sheet.Read reads it for inspect, dates typed without a
// year falling near near.
func (rd reading) options(near date.Date) sheet.Options {
	return sheet.Options{Kind: rd.kind, Sheet: rd.sheet, HeaderRows: rd.headerRows, Columns: rd.columns, Near: near}
}

// file is how pipeline.FromFile reads it for convert and annotate.
func (rd reading) file(lang string) pipeline.FileOptions {
	return pipeline.FileOptions{Kind: rd.kind, Sheet: rd.sheet, HeaderRows: rd.headerRows, Columns: rd.columns, Encoding: rd.encoding, Password: rd.password, Lang: lang}
}
