package diag

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// formatArg maps the name of each function that hands a format string to
// Findings.Add to the index of that argument: Findings.Add itself, the
// validator's Rule.add and the YAML decoder's errorf and warnf.
var formatArg = map[string]int{"Add": 3, "add": 2, "errorf": 2, "warnf": 2}

// errorArg does the same for the input error constructors. They are
// matched only when called as diag.Errorf and diag.Wrapf: fmt.Errorf and
// t.Errorf share the name and take no catalogue wording.
var errorArg = map[string]int{"Errorf": 1, "Wrapf": 2}

// caller is one format string passed to a findings or error call, with
// the call's name and where it is.
type caller struct {
	format string
	call   string
	at     string
}

// usedFormats parses every non-test Go file under root and returns the
// constant format strings passed to the calls in formatArg and errorArg.
// The match is by name and shape, not by type: a call named Add whose
// fourth argument is a string constant is taken to be Findings.Add. Calls
// whose format is not a constant (the wrappers themselves, date arithmetic
// named add) are skipped.
func usedFormats(t *testing.T, root string) []caller {
	t.Helper()
	fset := token.NewFileSet()
	var out []caller
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			i, ok := formatArg[sel.Sel.Name]
			if pkg, isIdent := sel.X.(*ast.Ident); isIdent && pkg.Name == "diag" {
				if j, isError := errorArg[sel.Sel.Name]; isError {
					i, ok = j, true
				}
			}
			if !ok || len(call.Args) <= i {
				return true
			}
			if s, ok := constString(call.Args[i]); ok {
				out = append(out, caller{s, sel.Sel.Name, fset.Position(call.Pos()).String()})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no formats found under %s", root)
	}
	return out
}

// constString evaluates a string literal or a + concatenation of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return constString(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// verbs lists the kinds of argument a format consumes, in order: "str"
// for %s, %q and %v (interchangeable on strings and Stringers), "int" for
// %d, "float" for %g, %f and %e with any width or precision, and the verb
// itself for anything else (%c, %U). An explicit argument index [n] is
// reported as an error: it would let the two wordings reorder arguments
// without this check noticing.
func verbs(format string) ([]string, error) {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return nil, fmt.Errorf("format ends inside a verb")
		}
		switch c := format[i]; c {
		case '%':
		case '[':
			return nil, fmt.Errorf("explicit argument index in %q", format)
		case 's', 'q', 'v':
			out = append(out, "str")
		case 'd':
			out = append(out, "int")
		case 'g', 'f', 'e', 'G', 'F', 'E':
			out = append(out, "float")
		default:
			out = append(out, string(c))
		}
	}
	return out, nil
}

func TestVerbs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		format string
		want   []string
	}{
		{"plain", nil},
		{"%q is %s at %v", []string{"str", "str", "str"}},
		{"%g %% and %.1f and %5d", []string{"float", "float", "int"}},
		{"%U %c", []string{"U", "c"}},
		{"100 %%", nil},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			t.Parallel()
			got, err := verbs(c.format)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("verbs(%q) = %v, %v; want %v", c.format, got, err, c.want)
			}
		})
	}
	for _, bad := range []string{"%[2]s", "trailing %"} {
		if _, err := verbs(bad); err == nil {
			t.Errorf("verbs(%q): no error", bad)
		}
	}
}

// TestEveryFormatTranslated fails when the English format of a finding or
// an input error has no Japanese wording, so a new message cannot ship
// untranslated.
func TestEveryFormatTranslated(t *testing.T) {
	t.Parallel()
	for _, c := range usedFormats(t, filepath.Join("..", "..", "internal")) {
		if _, ok := messagesJA[c.format]; !ok {
			t.Errorf("%s: no Japanese wording in messages_ja.go for %q", c.at, c.format)
		}
	}
}

// TestNoDeadTranslations fails when the catalogue holds a wording no code
// uses any more (the English format was reworded or removed).
func TestNoDeadTranslations(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	for _, c := range usedFormats(t, filepath.Join("..", "..", "internal")) {
		used[c.format] = true
	}
	for _, en := range slices.Sorted(maps.Keys(messagesJA)) {
		if !used[en] {
			t.Errorf("messages_ja.go: %q is not used by any finding or error", en)
		}
	}
}

// TestErrorFormatsFound guards the parser above: if it stopped seeing the
// error constructors, the two tests before would pass with nothing checked.
func TestErrorFormatsFound(t *testing.T) {
	t.Parallel()
	found := map[string]bool{}
	for _, c := range usedFormats(t, filepath.Join("..", "..", "internal")) {
		if _, isError := errorArg[c.call]; isError {
			found[filepath.Base(filepath.Dir(c.at))+"."+c.call] = true
		}
	}
	for _, want := range []string{"sheet.Errorf", "config.Errorf", "config.Wrapf", "pipeline.Errorf", "batch.Errorf", "cli.Errorf"} {
		if !found[want] {
			t.Errorf("no %s format found; found %v", want, slices.Sorted(maps.Keys(found)))
		}
	}
}

// TestCatalogueVerbs checks that each Japanese wording takes the same
// arguments, in the same order, as its English format.
func TestCatalogueVerbs(t *testing.T) {
	t.Parallel()
	for en, ja := range messagesJA {
		want, err := verbs(en)
		if err != nil {
			t.Errorf("%q: %v", en, err)
			continue
		}
		got, err := verbs(ja)
		if err != nil {
			t.Errorf("%q: %v", ja, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("verbs differ:\n en %q %v\n ja %q %v", en, want, ja, got)
		}
		if ja == en || strings.TrimSpace(ja) == "" {
			t.Errorf("%q: Japanese wording is empty or the English itself", en)
		}
	}
}

func TestAddJapanese(t *testing.T) {
	t.Parallel()
	pos := Pos{File: "WBS.xlsx", Sheet: "WBS", Row: 20, Col: 13}
	cases := []struct {
		name         string
		format       string
		args         []any
		wantEN       string
		wantJA       string // MessageJA; "" when there is no wording
		wantFormatJA string
	}{
		{
			name:   "translated",
			format: "task %q is %s but progress is %s %%", args: []any{"NW設計", `"完了"`, "50"},
			wantEN:       `task "NW設計" is "完了" but progress is 50 %`,
			wantJA:       `タスク「NW設計」は "完了" ですが進捗率が 50 % です`,
			wantFormatJA: `error: WBS.xlsx!WBS!M20: タスク「NW設計」は "完了" ですが進捗率が 50 % です [r]`,
		},
		{
			name:   "line break in a cell stays on one line",
			format: "task %q has a planned start but no planned finish", args: []any{"設計\nレビュー\t2"},
			wantEN:       `task "設計\nレビュー\t2" has a planned start but no planned finish`,
			wantJA:       `タスク「設計\nレビュー\t2」に予定開始日はありますが予定終了日がありません`,
			wantFormatJA: `error: WBS.xlsx!WBS!M20: タスク「設計\nレビュー\t2」に予定開始日はありますが予定終了日がありません [r]`,
		},
		{
			name:   "invalid UTF-8",
			format: "progress %q is not a percentage", args: []any{"5\xff0"},
			wantEN:       `progress "5\xff0" is not a percentage`,
			wantJA:       "進捗率「5\uFFFD0」はパーセントとして読めません",
			wantFormatJA: "error: WBS.xlsx!WBS!M20: 進捗率「5\uFFFD0」はパーセントとして読めません [r]",
		},
		{
			name:   "no wording falls back to English",
			format: "something new %d", args: []any{3},
			wantEN:       "something new 3",
			wantFormatJA: "error: WBS.xlsx!WBS!M20: something new 3 [r]",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var fs Findings
			fs.Add(Error, "r", pos, c.format, c.args...)
			f := fs[0]
			if f.Message != c.wantEN || f.MessageJA != c.wantJA {
				t.Errorf("Add: Message %q MessageJA %q; want %q, %q", f.Message, f.MessageJA, c.wantEN, c.wantJA)
			}
			if got := f.Format("ja"); got != c.wantFormatJA {
				t.Errorf("Format(ja) = %q, want %q", got, c.wantFormatJA)
			}
			if got, want := f.Format("en"), "error: WBS.xlsx!WBS!M20: "+c.wantEN+" [r]"; got != want || f.String() != want {
				t.Errorf("Format(en) = %q, String = %q, want %q", got, f.String(), want)
			}
			if strings.ContainsAny(f.Format("ja"), "\n\r\t") {
				t.Errorf("Format(ja) spans lines: %q", f.Format("ja"))
			}
		})
	}
}

func TestText(t *testing.T) {
	t.Parallel()
	f := Finding{Message: "en", MessageJA: "日本語"}
	bare := Finding{Message: "en"}
	cases := []struct {
		name string
		f    Finding
		lang string
		want string
	}{
		{"ja", f, "ja", "日本語"},
		{"en", f, "en", "en"},
		{"unknown language", f, "fr", "en"},
		{"empty language", f, "", "en"},
		{"ja without wording", bare, "ja", "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := c.f.Text(c.lang); got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.lang, got, c.want)
			}
		})
	}
	if got := (Finding{Severity: Warning, Rule: "x", Message: "m", MessageJA: "ム"}).Format("ja"); got != "warning: ム [x]" {
		t.Errorf("Format without position = %q", got)
	}
}

// TestCatalogueFormats formats every wording with arguments of the kinds
// its English verbs take, so a wording that fmt would mangle
// (%!s(int=3), %!(EXTRA ...)) fails here rather than in front of a user.
func TestCatalogueFormats(t *testing.T) {
	t.Parallel()
	for en, ja := range messagesJA {
		kinds, err := verbs(en)
		if err != nil {
			continue // TestCatalogueVerbs reports it
		}
		var args []any
		for _, k := range kinds {
			switch k {
			case "int":
				args = append(args, 7)
			case "float":
				args = append(args, 2.5)
			case "c", "U":
				args = append(args, 'ア')
			default:
				args = append(args, "x")
			}
		}
		for _, s := range []string{fmt.Sprintf(en, args...), fmt.Sprintf(ja, args...)} {
			if strings.Contains(s, "%!") {
				t.Errorf("%q formats badly: %s", en, s)
			}
		}
	}
}

func TestInputErrorJapanese(t *testing.T) {
	t.Parallel()
	cause := errors.New("permission denied")
	cases := []struct {
		name   string
		err    *InputError
		wantEN string // Error() and Text("en")
		wantJA string // Text("ja")
	}{
		{
			name:   "translated",
			err:    Errorf(Pos{File: "WBS.xlsx"}, "file not found"),
			wantEN: "WBS.xlsx: file not found",
			wantJA: "WBS.xlsx: ファイルが見つかりません",
		},
		{
			name:   "arguments",
			err:    Errorf(Pos{File: "plan.xlsx"}, "no sheet named %q (sheets: %s)", "スケジュール", "表紙, WBS"),
			wantEN: `plan.xlsx: no sheet named "スケジュール" (sheets: 表紙, WBS)`,
			wantJA: "plan.xlsx: シート「スケジュール」がありません（あるシート: 表紙, WBS）",
		},
		{
			name:   "line break in a sheet name stays on one line",
			err:    Errorf(Pos{File: "plan.xlsx"}, "no sheet named %q (sheets: %s)", "WBS\n2", "WBS\n2"),
			wantEN: `plan.xlsx: no sheet named "WBS\n2" (sheets: WBS` + "\n" + `2)`,
			wantJA: `plan.xlsx: シート「WBS\n2」がありません（あるシート: WBS\n2）`,
		},
		{
			name:   "no position",
			err:    Errorf(Pos{}, "file is empty"),
			wantEN: "file is empty",
			wantJA: "ファイルが空です",
		},
		{
			name:   "no wording falls back to English",
			err:    Errorf(Pos{File: "a.yaml", Row: 3, Col: 1}, "something new %d", 3),
			wantEN: "a.yaml:3:1: something new 3",
			wantJA: "a.yaml:3:1: something new 3",
		},
		{
			name:   "wrapped cause",
			err:    Wrapf(Pos{File: "p.yaml"}, cause, "cannot read the file: %s", cause),
			wantEN: "p.yaml: cannot read the file: permission denied",
			wantJA: "p.yaml: ファイルを読み込めません: permission denied",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := c.err.Error(); got != c.wantEN {
				t.Errorf("Error() = %q, want %q", got, c.wantEN)
			}
			for lang, want := range map[string]string{"en": c.wantEN, "ja": c.wantJA, "fr": c.wantEN, "": c.wantEN} {
				if got := c.err.Text(lang); got != want {
					t.Errorf("Text(%q) = %q, want %q", lang, got, want)
				}
			}
		})
	}
	if w := Wrapf(Pos{File: "p.yaml"}, cause, "file not found"); !errors.Is(w, cause) || w.MsgJA == "" {
		t.Errorf("Wrapf lost its cause or its wording: %#v", w)
	}
	if e := Errorf(Pos{}, "file is empty"); e.Err != nil {
		t.Errorf("Errorf has a cause: %v", e.Err)
	}
}
