// Package synth writes synthetic portfolios for measuring pmo batch: N
// projects, each with a WBS workbook of T tasks and an issue workbook of I
// issues, in the layouts teams use (two header rows with 予定/実績 groups;
// a 課題管理表 with a title row). The output is deterministic: the same
// sizes give the same files. tools/genportfolio and the batch benchmarks
// use it.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

// Portfolio writes dir/portfolio.yaml and dir/p000 … with projects
// projects of tasks WBS rows and issues issues each.
func Portfolio(dir string, projects, tasks, issues int) error {
	for i := range projects {
		if err := writeProject(dir, i, tasks, issues); err != nil {
			return err
		}
	}
	portfolio := "version: 1\nportfolio:\n  name: 性能測定用ポートフォリオ\nprojects: [\"p*/project.yaml\"]\noutput: out\ndefaults:\n  status_date: 2026-11-20\n"
	return os.WriteFile(filepath.Join(dir, "portfolio.yaml"), []byte(portfolio), 0o644)
}

var (
	phases  = []string{"要件定義", "基本設計", "詳細設計", "製造", "単体テスト", "結合テスト", "総合テスト", "移行"}
	people  = []string{"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本"}
	states  = []string{"未着手", "作業中", "完了", "保留"}
	istates = []string{"未対応", "対応中", "完了", "保留"}
	prios   = []string{"高", "中", "低"}
)

var fixed = time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)

func writeProject(dir string, n, tasks, issues int) error {
	id := fmt.Sprintf("p%03d", n)
	pdir := filepath.Join(dir, id)
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	yaml := fmt.Sprintf(`version: 1
project:
  id: %s
  name: 案件%03d システム更改
  pm: %s
  start: 2026-04-01
  end: 2027-09-30
calendar:
  holidays: jp
  days_off: [2026-12-29, 2026-12-30, 2026-12-31]
milestones:
  - name: 基本設計完了
    date: 2026-09-30
  - name: 結合テスト完了
    date: 2027-03-31
sources:
  - file: WBS.xlsx
    kind: wbs
  - file: 課題管理表.xlsx
    kind: issues
`, id, n, people[n%len(people)])
	if err := os.WriteFile(filepath.Join(pdir, "project.yaml"), []byte(yaml), 0o644); err != nil {
		return err
	}
	if err := writeWBS(filepath.Join(pdir, "WBS.xlsx"), rng, tasks); err != nil {
		return err
	}
	return writeIssues(filepath.Join(pdir, "課題管理表.xlsx"), rng, issues)
}

func props(f *excelize.File) error {
	return f.SetDocProps(&excelize.DocProperties{Created: fixed.Format(time.RFC3339), Modified: fixed.Format(time.RFC3339), Creator: "genportfolio"})
}

func writeWBS(path string, rng *rand.Rand, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	ds, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	ps, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	sw.SetRow("A1", []any{"プロジェクト WBS"})
	sw.SetRow("A3", []any{"WBS", "タスク名", "担当者", "予定", nil, "実績", nil, "工数", nil, "進捗率", "状況", "備考"})
	sw.SetRow("A4", []any{nil, nil, nil, "開始日", "終了日", "開始日", "終了日", "予定", "実績"})
	for _, m := range []string{"A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:I3", "J3:J4", "K3:K4", "L3:L4"} {
		a, b, _ := cut(m)
		sw.MergeCell(a, b)
	}
	start := 46113 // 2026-04-01
	row := 5
	perPhase := max(n/len(phases), 2)
	for i := 0; i < n; i++ {
		ph := i / perPhase
		if i%perPhase == 0 {
			sw.SetRow(fmt.Sprintf("A%d", row), []any{fmt.Sprint(ph + 1), phases[ph%len(phases)]})
			row++
			continue
		}
		s := start + ph*60 + rng.IntN(50)
		d := 3 + rng.IntN(15)
		prog := 0.0
		st := states[0]
		switch {
		case s+d < 46346:
			prog, st = 1, states[2]
			if rng.IntN(10) == 0 {
				prog, st = 0.8, states[1]
			}
		case s < 46346:
			prog, st = float64(rng.IntN(10))/10, states[1]
		}
		cells := []any{
			fmt.Sprintf("%d.%d", ph+1, i%perPhase), fmt.Sprintf("%s 作業%d", phases[ph%len(phases)], i),
			people[rng.IntN(len(people))],
			excelize.Cell{Value: s, StyleID: ds}, excelize.Cell{Value: s + d, StyleID: ds},
			nil, nil, float64(d) * 0.8, nil, excelize.Cell{Value: prog, StyleID: ps}, st, "",
		}
		if prog > 0 {
			cells[5] = excelize.Cell{Value: s, StyleID: ds}
			cells[8] = float64(d) * prog
		}
		if prog == 1 {
			cells[6] = excelize.Cell{Value: s + d, StyleID: ds}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
			return err
		}
		row++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := props(f); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func cut(m string) (string, string, bool) {
	for i := range m {
		if m[i] == ':' {
			return m[:i], m[i+1:], true
		}
	}
	return m, m, false
}

func writeIssues(path string, rng *rand.Rand, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	ds, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sw.SetRow("A1", []any{"課題管理表"})
	sw.SetRow("A2", []any{"管理番号", "起票日", "起票者", "分類", "課題内容", "重要度", "担当者", "対応期限", "対応状況", "完了日", "対応内容"})
	for i := 0; i < n; i++ {
		raised := 46113 + rng.IntN(230)
		due := raised + 7 + rng.IntN(30)
		st := istates[rng.IntN(len(istates))]
		var closed any
		if st == "完了" {
			closed = excelize.Cell{Value: due - rng.IntN(5), StyleID: ds}
		}
		row := []any{i + 1, excelize.Cell{Value: raised, StyleID: ds}, people[rng.IntN(len(people))], "仕様",
			fmt.Sprintf("課題%d: 外部IFの仕様確認が必要", i+1), prios[rng.IntN(3)], people[rng.IntN(len(people))],
			excelize.Cell{Value: due, StyleID: ds}, st, closed, "確認中"}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+3), row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := props(f); err != nil {
		return err
	}
	return f.SaveAs(path)
}
