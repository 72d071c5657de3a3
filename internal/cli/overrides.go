package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/spf13/pflag"
)

// overrideFlags are the mapping fixes a source takes in the YAML
// (sources.columns, header_rows), as flags, so a PMO can correct how one
// sheet is read without writing a project file.
type overrideFlags struct {
	columns    []string
	headerRows string
}

func (o *overrideFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&o.columns, "column", nil, "map a field to a column: FIELD=HEADER, FIELD=LETTER (H) or FIELD=NUMBER; repeatable")
	fs.StringVar(&o.headerRows, "header-rows", "", "header rows: 3, 5-6 or 2,3 (default: detected)")
}

// parse returns the overrides for a source of kind ("" = any).
func (o *overrideFlags) parse(kind project.Kind) ([]sheet.Override, []int, error) {
	var out []sheet.Override
	allowed := config.Fields(kind)
	for _, c := range o.columns {
		field, spec, ok := strings.Cut(c, "=")
		field, spec = strings.TrimSpace(field), strings.TrimSpace(spec)
		if !ok || field == "" || spec == "" {
			return nil, nil, usageError{fmt.Sprintf("--column %q: write FIELD=HEADER, FIELD=LETTER or FIELD=NUMBER (planned_finish=完了日, assignee=H) / 「項目=見出し」「項目=列記号」の形で指定してください", c)}
		}
		if !slices.Contains(allowed, field) {
			hint := ""
			if best := diag.Nearest(field, allowed); best != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", best)
			}
			return nil, nil, usageError{fmt.Sprintf("--column %q: %q is not a standard field%s; fields: %s / 標準の項目名ではありません", c, field, hint, strings.Join(allowed, ", "))}
		}
		ov := sheet.Override{Field: field}
		switch n, err := strconv.Atoi(spec); {
		case err == nil && (n < 1 || n > 16384):
			return nil, nil, usageError{fmt.Sprintf("--column %q: column %d is outside 1..16384 (A..XFD) / 列番号が範囲外です", c, n)}
		case err == nil:
			ov.Col = n
		case spec == strings.ToUpper(spec) && diag.ColumnNumber(spec) > 0:
			// Capitals A..XFD name a column, as in the YAML — unless a
			// header says exactly that (ID, WBS, PM), which wins.
			ov.Header, ov.Col = spec, diag.ColumnNumber(spec)
		default:
			ov.Header = spec
		}
		for _, prev := range out {
			// Only names come from several columns (大項目/中項目/小項目).
			if prev.Field == field && field != "name" {
				return nil, nil, usageError{fmt.Sprintf("--column %s is given twice / 同じ項目が 2 回指定されています", field)}
			}
		}
		out = append(out, ov)
	}
	rows, err := parseRows(o.headerRows)
	return out, rows, err
}

// parseRows reads "3", "5-6" or "2,3,4".
func parseRows(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	bad := usageError{fmt.Sprintf("--header-rows %q: write a row (3), a range (5-6) or a list (2,3) / 見出し行は 3、5-6、2,3 の形で指定してください", s)}
	var rows []int
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var err2 error
		if isRange {
			b, err2 = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err1 != nil || err2 != nil || a < 1 || b < a || b > 1048576 || b-a > 9 {
			return nil, bad
		}
		for r := a; r <= b; r++ {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	return slices.Compact(rows), nil
}

// reproduceFlags are the flags that read t exactly as pmo read it: its
// sheet, kind, header rows and every mapped column by letter. Edit one and
// pass them to inspect or convert to change the mapping.
func reproduceFlags(t *sheet.Table) string {
	parts := []string{"--sheet " + shellQuote(t.Sheet), "--kind " + string(t.Kind)}
	if len(t.HeaderRows) > 0 {
		parts = append(parts, "--header-rows "+rowSpec(t.HeaderRows))
	}
	for _, c := range t.Columns {
		if c.Field != "" && c.Letter != "" {
			parts = append(parts, "--column "+c.Field+"="+c.Letter)
		}
	}
	return strings.Join(parts, " ")
}

// rowSpec writes rows as parseRows reads them: 5-6 when consecutive, else 2,4.
func rowSpec(rows []int) string {
	consecutive := true
	for i := 1; i < len(rows); i++ {
		consecutive = consecutive && rows[i] == rows[i-1]+1
	}
	if consecutive {
		return rowList(rows)
	}
	var parts []string
	for _, r := range rows {
		parts = append(parts, strconv.Itoa(r))
	}
	return strings.Join(parts, ",")
}

// shellQuote makes s one argument for the shells PMO staff paste into:
// cmd.exe, PowerShell and POSIX shells. Plain names go bare. Otherwise
// double quotes, which all three take, as long as s holds nothing any of
// them expands inside them ($, `, ", !, %); sheet names cannot hold a
// backslash. Failing that, POSIX single quotes with each ' written as
// '"'"' (PowerShell joins the adjacent pieces the same way; cmd.exe has no
// quoting for such a name at all).
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r <= ' ' || strings.ContainsRune(`'"\$`+"`"+`!*?[]{}()<>|&;#~%^,=`, r)
	}) {
		return s
	}
	if !strings.ContainsAny(s, "$`\"\\!%") {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}
