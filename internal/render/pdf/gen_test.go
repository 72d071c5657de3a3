package pdf

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
)

// largeProject writes a project of 310 tasks (10 phases × 3 subsystems ×
// 9 activities, with realistic and varied Japanese names), 100 issues and
// 30 risks into dir and returns its document as of 2026-11-20.
func largeProject(tb testing.TB, dir string) *report.Document {
	tb.Helper()
	phases := []string{"要件定義", "基本設計", "詳細設計", "製造", "単体テスト", "結合テスト", "総合テスト", "データ移行", "運用準備", "利用者教育"}
	systems := []string{"販売管理", "購買管理", "在庫管理", "会計連携", "人事給与", "顧客管理", "帳票出力", "夜間バッチ", "外部インタフェース", "権限管理"}
	acts := []string{"画面設計", "帳票レイアウト確定", "データベース定義", "IF仕様書作成", "レビュー対応", "実装", "試験項目書作成", "試験実施", "不具合修正"}
	people := []string{"鈴木", "田中", "伊藤", "渡辺", "小林", "加藤", "吉田", "山本", "松本", "井上", "木村", "林", "清水", "山口", "池田", "橋本", "阿部", "石川", "前田", "藤田"}
	problems := []string{"仕様確定の遅れ", "性能要件未達の懸念", "データ不整合の多発", "要員不足", "検証環境の障害", "レビュー指摘への対応遅延", "ベンダー回答待ち", "テストデータ未準備", "承認手続きの停滞", "現行仕様の調査漏れ"}
	start := date.Of(2026, 4, 1)
	asOf := date.Of(2026, 11, 20)
	ymd := func(d date.Date) string { y, m, dd := d.YMD(); return fmt.Sprintf("%d/%d/%d", y, int(m), dd) }

	wbs := [][]string{{"WBS番号", "タスク名", "担当者", "予定開始日", "予定終了日", "予定工数", "進捗率"}}
	for p, ph := range phases {
		ps := start.AddDays(p * 35)
		wbs = append(wbs, []string{fmt.Sprint(p + 1), ph, "", ymd(ps), ymd(ps.AddDays(48)), "", ""})
		for s := range 3 {
			sys := systems[(p+s)%len(systems)]
			id := fmt.Sprintf("%d.%d", p+1, s+1)
			wbs = append(wbs, []string{id, sys + " " + ph, "", ymd(ps), ymd(ps.AddDays(48)), "", ""})
			for a, act := range acts {
				ts := ps.AddDays(s*4 + a*4)
				tf := ts.AddDays(10)
				prog := 0
				switch {
				case tf < asOf:
					prog = 100 - (p*7+a*3+s)%4*10
				case ts < asOf:
					prog = int(asOf-ts) * 100 / int(tf-ts+1) * 3 / 4
				}
				wbs = append(wbs, []string{fmt.Sprintf("%s.%d", id, a+1), sys + "の" + act, people[(p*3+s*5+a)%len(people)],
					ymd(ts), ymd(tf), fmt.Sprint(3 + a%4), fmt.Sprint(prog)})
			}
		}
	}
	issues := [][]string{{"管理番号", "件名", "優先度", "ステータス", "起票日", "担当者", "期限"}}
	prio := []string{"高", "中", "低", "中"}
	status := []string{"未対応", "対応中", "完了", "対応中", "保留"}
	for i := range 100 {
		raised := start.AddDays(i * 2)
		issues = append(issues, []string{fmt.Sprintf("B-%03d", i+1),
			systems[i%len(systems)] + "：" + problems[i*7%len(problems)] + "（" + phases[i%len(phases)] + "工程）",
			prio[i%len(prio)], status[i%len(status)], ymd(raised), people[i%len(people)], ymd(raised.AddDays(30))})
	}
	risks := [][]string{{"管理番号", "件名", "発生確率", "影響度", "担当者", "対応策", "ステータス"}}
	for i := range 30 {
		risks = append(risks, []string{fmt.Sprintf("R-%02d", i+1),
			systems[i%len(systems)] + "で" + problems[(i*3)%len(problems)] + "が起きる",
			fmt.Sprint(1 + i%5), fmt.Sprint(1 + i*3%5), people[i%len(people)], "週次で状況を確認し、" + phases[i%len(phases)] + "の計画を見直す", "対応中"})
	}
	for name, rows := range map[string][][]string{"wbs.csv": wbs, "issues.csv": issues, "risks.csv": risks} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		if err := csv.NewWriter(f).WriteAll(rows); err != nil {
			tb.Fatal(err)
		}
		f.Close()
	}
	yaml := `version: 1
project:
  id: large
  name: 大規模基幹システム刷新
  pm: 山田 太郎
  start: 2026-04-01
  end: 2027-03-31
  status_date: 2026-11-20
calendar:
  holidays: jp
report:
  comment: 生成した大規模案件。
sources:
  - file: wbs.csv
    kind: wbs
  - file: issues.csv
    kind: issues
  - file: risks.csv
    kind: risks
`
	path := filepath.Join(dir, "project.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		tb.Fatal(err)
	}
	p, err := pipeline.Load(context.Background(), path, pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(p.Tasks) != 310 || len(p.Issues) != 100 {
		tb.Fatalf("generated project read as %d tasks, %d issues; want 310, 100", len(p.Tasks), len(p.Issues))
	}
	return p.Document("")
}
