package sheet_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// realDir holds public team workbooks (MIT) that no one in this project
// wrote; see its README.md.
const realDir = "../../../shared/realdata"

// openReal opens one real workbook. Without it the test skips, except in
// CI, where shared/ is always checked out beside the repository.
func openReal(t *testing.T, name string) *sheet.Result {
	t.Helper()
	path := filepath.Join(realDir, name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing; CI must run with shared/ beside the repository", path)
		}
		t.Skipf("%s not found (shared/realdata is not beside this checkout)", path)
	}
	bk, err := sheet.Open(path, sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sheet.Read(bk, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// tableOn returns the table read from sheet name.
func tableOn(t *testing.T, res *sheet.Result, name string) *sheet.Table {
	t.Helper()
	for _, tb := range res.Tables {
		if tb.Sheet == name {
			return tb
		}
	}
	var got []string
	for _, tb := range res.Tables {
		got = append(got, tb.Sheet)
	}
	t.Fatalf("no table on sheet %q; tables on %q", name, got)
	return nil
}

func TestRealData(t *testing.T) {
	t.Parallel()
	t.Run("neos21_WBS", func(t *testing.T) {
		t.Parallel()
		res := openReal(t, "neos21_WBS.xlsx")
		tb := oneTable(t, res)
		if tb.Sheet != "WBS" {
			t.Errorf("sheet: got %q, want WBS", tb.Sheet)
		}
		// A (No) is a row counter formula, not a WBS code: the task IDs are in D.
		checkTable(t, tb, project.KindWBS, []int{3, 4},
			"B=name C=name D=wbs_id E=name F=planned_start G=planned_effort H=planned_finish I=actual_start J=progress K=actual_finish L=predecessors M=assignee")
		wantTasks(t, tb,
			"L1 sum 要件定義",
			"L2 sum 現行仕様を調査する",
			"[T001] L3 〜〜業務フローを作成する plan=2000-01-01..2000-01-02 act=2000-01-01..2000-01-01 p=100 eff=1 who=○○",
			"[T002] L3 〜〜課題一覧を作成する plan=2000-01-02..2000-01-04 act=2019-10-02.. p=80 eff=2 who=○○ pred=T001",
			"L2 sum 要件を定義する",
			"[T003] L3 〜〜要件定義書を作成する plan=2000-01-04..2000-01-07 act=2019-10-04.. p=50 eff=3 who=○○ pred=T002",
		)
		wantNoFindings(t, res)
	})
	t.Run("fmrns_進捗管理表", func(t *testing.T) {
		t.Parallel()
		res := openReal(t, "fmrns_進捗管理表.xlsx")
		tb := tableOn(t, res, "ベースライン1")
		checkTable(t, tb, project.KindWBS, []int{5, 6, 7},
			"A=name B=progress C=planned_start D=planned_finish E=actual_start F=actual_finish G=assignee H=assignee I=assignee J=assignee K=assignee L=assignee M=assignee N=assignee")
		if tb.Calendar != "O:AG" {
			t.Errorf("calendar: got %q, want O:AG", tb.Calendar)
		}
		if tb.Count != 84 {
			t.Errorf("record count: got %d, want 84", tb.Count)
		}
		byRow := map[int]project.Task{}
		for _, task := range tb.Tasks {
			byRow[task.Source().Row] = task
		}
		for row, want := range map[int]string{
			8:  "L1 sum 企画 - 準備",
			9:  "L2 チーム名・暫定役割・議事録作成更新開始 plan=2026-01-13..2026-01-13 who=あいう,えおか,きくけ,こさし",
			16: "L2 企画書上司承認 plan=2026-01-14..2026-01-14 who=あいう",
			21: "L1 sum 設計 - 基本設計",
			22: "L2 以降夕会・朝会開催",
			23: "L2 コンテキストダイアグラム plan=2026-01-15..2026-01-15 who=あいう,えおか,きくけ,こさし",
			26: "L2 プロセス定義 plan=2026-01-15..2026-01-15 who=きくけ,こさし",
		} {
			task, ok := byRow[row]
			if !ok {
				t.Errorf("no task from row %d", row)
				continue
			}
			if got := taskLine(task); got != want {
				t.Errorf("row %d:\n got  %s\n want %s", row, got, want)
			}
		}
		last := tableOn(t, res, "最終日")
		checkTable(t, last, project.KindWBS, []int{1, 2, 3}, "A=name B=progress C=planned_start D=planned_finish")
	})
	t.Run("neos21_工程定義・マスタスケジュール", func(t *testing.T) {
		t.Parallel()
		res := openReal(t, "neos21_工程定義・マスタスケジュール.xlsx")
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{3}, "A=wbs_id B=name C=notes D=planned_start E=planned_finish F=notes")
		if tb.Count != 10 {
			t.Errorf("record count: got %d, want 10", tb.Count)
		}
		if len(tb.Tasks) == 10 {
			first, last := tb.Tasks[0], tb.Tasks[9]
			if got := taskLine(first); got != `[1] L1 要件定義 plan=2000-01-01..2000-02-01 notes=実現したい要件を決定する\n・2000-01-15：終了日を 2000-01-25 から 2000-02-01 に延長・後工程についても日付をスライドした` {
				t.Errorf("first task: %s", got)
			}
			if last.WBSID != "10" || last.Name != "リリース" || last.Level != 1 {
				t.Errorf("last task: %s", taskLine(last))
			}
			// Numbered phases 1..10 are one level, even those without dates.
			for _, tk := range tb.Tasks {
				if tk.Level != 1 || tk.Summary {
					t.Errorf("phase %s: level %d summary %v, want a level-1 phase", tk.WBSID, tk.Level, tk.Summary)
				}
			}
		}
	})
	t.Run("neos21_課題一覧", func(t *testing.T) {
		t.Parallel()
		res := openReal(t, "neos21_課題一覧.xlsx")
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{3}, "A=id B=title C=description D=raised_by E=raised_on F=resolution H=closed_on")
		wantIssues(t, tb, "[1] □□を実現したい raised=2000-01-01 by=○○ closed=2000-01-01 st=closed/ res=・2000-01-01 ○○：□□は△△で対応可能と判明した。")
	})
	t.Run("neos21_不具合一覧", func(t *testing.T) {
		t.Parallel()
		res := openReal(t, "neos21_不具合一覧.xlsx")
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{3, 4}, "A=id B=category C=title D=raised_by E=raised_on G=owner H=closed_on")
		if tb.Count != 1 {
			t.Fatalf("record count: got %d, want 1", tb.Count)
		}
		is := tb.Issues[0]
		if is.ID != "1" || is.RaisedOn.String() != "2000-01-01" || is.ClosedOn.String() != "2000-01-01" || is.Status != project.Closed {
			t.Errorf("issue: %s", issueLine(is))
		}
	})
}
