package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// convertedTask converts the kikan WBS with extra flags, reads the tracker
// back and returns the record of task 3 (現行基盤調査: planned finish
// 2026-04-30, actual finish 2026-05-08, a note).
func convertedTask(t *testing.T, flags ...string) map[string]any {
	t.Helper()
	out := filepath.Join(t.TempDir(), "t.xlsx")
	args := append([]string{"convert", filepath.Join("..", "..", "examples", "kikan", "teams", "基盤", "WBS.xlsx"), "-o", out, "--as-of", "2026-11-20"}, flags...)
	if code, _, errOut := run(t, args...); code != 0 {
		t.Fatalf("%v: exit %d (%s)", flags, code, errOut)
	}
	code, stdout, errOut := run(t, "inspect", out, "--json", "--sheet", "WBS")
	if code != 0 {
		t.Fatalf("inspect of the tracker: exit %d (%s)", code, errOut)
	}
	var res struct {
		Tables []struct {
			Records []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || len(res.Tables) == 0 {
		t.Fatalf("inspect JSON: %v", err)
	}
	for _, r := range res.Tables[0].Records {
		if r["wbs_id"] == "3" {
			return r
		}
	}
	t.Fatal("task 3 not in the tracker")
	return nil
}

// TestConvertOverrides covers each form of convert's mapping flags.
func TestConvertOverrides(t *testing.T) {
	t.Parallel()
	base := convertedTask(t)
	if base["planned_finish"] != "2026-04-30" || base["actual_finish"] != "2026-05-08" || base["notes"] == nil {
		t.Fatalf("baseline task 3: %v", base)
	}
	tests := []struct {
		name  string
		flags []string
		check func(r map[string]any) bool
	}{
		{"letter", []string{"--column", "planned_finish=J"}, func(r map[string]any) bool { return r["planned_finish"] == "2026-05-08" }},
		{"number", []string{"--column", "planned_finish=10"}, func(r map[string]any) bool { return r["planned_finish"] == "2026-05-08" }},
		{"header text", []string{"--column", "deliverable=備考"}, func(r map[string]any) bool { return r["deliverable"] == base["notes"] }},
		{"two swapped", []string{"--column", "planned_finish=J", "--column", "actual_finish=H"}, func(r map[string]any) bool {
			return r["planned_finish"] == "2026-05-08" && r["actual_finish"] == "2026-04-30"
		}},
		{"header rows, sheet and kind as detected", []string{"--header-rows", "4-5", "--sheet", "WBS", "--kind", "wbs"}, func(r map[string]any) bool {
			return r["planned_finish"] == base["planned_finish"] && r["actual_finish"] == base["actual_finish"]
		}},
		{"header rows as a list", []string{"--header-rows", "4,5"}, func(r map[string]any) bool { return r["planned_finish"] == base["planned_finish"] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if r := convertedTask(t, tt.flags...); !tt.check(r) {
				t.Errorf("%v: task 3 %v", tt.flags, r)
			}
		})
	}
}

// TestConvertOverrideErrors: a mistyped flag is a usage error naming it,
// and nothing is written.
func TestConvertOverrideErrors(t *testing.T) {
	t.Parallel()
	in := filepath.Join("..", "..", "examples", "kikan", "teams", "基盤", "WBS.xlsx")
	for _, c := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--column", "planned_finish"}, "FIELD=HEADER"},
		{[]string{"--column", "asignee=F"}, `did you mean "assignee"`},
		{[]string{"--column", "progress=0"}, "outside 1..16384"},
		{[]string{"--column", "progress=M", "--column", "progress=N"}, "twice"},
		{[]string{"--column", "notes=存在しない見出し"}, "存在しない見出し"},
		{[]string{"--header-rows", "5-4"}, "--header-rows"},
		{[]string{"--header-rows", "x"}, "--header-rows"},
	} {
		out := filepath.Join(t.TempDir(), "t.xlsx")
		code, _, errOut := run(t, append([]string{"convert", in, "-o", out}, c.flags...)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.flags, code, errOut, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote %s", c.flags, out)
		}
	}
}

// TestInspectPrintsReproducingFlags: the flags inspect prints read the
// sheet exactly as it did.
func TestInspectPrintsReproducingFlags(t *testing.T) {
	t.Parallel()
	in := filepath.Join("..", "..", "examples", "kikan", "teams", "基盤", "WBS.xlsx")
	_, text, _ := run(t, "inspect", in, "--samples", "0")
	const lead = "flags for this mapping (edit and pass to inspect or convert): "
	i := strings.Index(text, lead)
	if i < 0 {
		t.Fatalf("no flags line in:\n%s", text)
	}
	line := text[i+len(lead):]
	line = line[:strings.IndexByte(line, '\n')]
	for _, want := range []string{"--sheet WBS", "--kind wbs", "--header-rows 4-5", "--column name=C", "--column planned_finish=H"} {
		if !strings.Contains(line, want) {
			t.Errorf("flags %q lack %q", line, want)
		}
	}
	_, again, _ := run(t, append([]string{"inspect", in, "--samples", "0"}, strings.Fields(line)...)...)
	if again != text {
		t.Errorf("reading with the printed flags differs:\n%s\n---\n%s", text, again)
	}
}

// TestColumnFlagHeaderBeforeLetter: --column wbs_id=ID maps the column
// headed ID, not column ID (the 238th); a letter with no such header is a
// column.
func TestColumnFlagHeaderBeforeLetter(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "wbs.xlsx")
	f := excelize.NewFile()
	rows := [][]any{{"名称", "ID", "予定開始日", "予定終了日", "メモ"}, {"設計", "A-1", "2026/11/2", "2026/11/6", "x"}, {"製造", "A-2", "2026/11/9", "2026/11/20", "y"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ flag, want string }{{"wbs_id=ID", "B"}, {"wbs_id=B", "B"}, {"notes=E", "E"}} {
		code, stdout, errOut := run(t, "inspect", path, "--json", "--kind", "wbs", "--column", c.flag)
		if code != 0 {
			t.Fatalf("%s: exit %d (%s)", c.flag, code, errOut)
		}
		field, _, _ := strings.Cut(c.flag, "=")
		var res struct {
			Tables []struct {
				Columns []struct{ Column, Field string }
			}
		}
		if err := json.Unmarshal([]byte(stdout), &res); err != nil || len(res.Tables) == 0 {
			t.Fatalf("%s: %v", c.flag, err)
		}
		got := ""
		for _, col := range res.Tables[0].Columns {
			if col.Field == field {
				got = col.Column
			}
		}
		if got != c.want {
			t.Errorf("--column %s mapped column %q, want %s", c.flag, got, c.want)
		}
	}
}
