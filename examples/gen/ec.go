package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
)

func writeEC(dir string) error {
	if err := writeECSchedule(filepath.Join(dir, "teams", "WBS.csv")); err != nil {
		return err
	}
	if err := writeECIssues(filepath.Join(dir, "teams", "issues.xlsx")); err != nil {
		return err
	}
	return writeECRisks(filepath.Join(dir, "teams", "risks.xlsx"))
}

// ecTask is one line of the EC schedule CSV; prog < 0 leaves 進捗 empty.
type ecTask struct {
	wbs, name, who      string
	ps, pf, as, af      ymd
	prog                int
	status, deliverable string
}

func ecTasks() []ecTask {
	sum := func(wbs, name string, ps, pf ymd) ecTask {
		return ecTask{wbs: wbs, name: name, ps: ps, pf: pf, prog: -1}
	}
	return []ecTask{
		sum("1", "要件定義", on(2026, 6, 1), on(2026, 7, 31)),
		{"1.1", "業務要件定義", "清水", on(2026, 6, 1), on(2026, 6, 30), on(2026, 6, 1), on(2026, 7, 3), 100, "完了", "業務要件定義書"},
		{"1.2", "システム要件定義", "山口", on(2026, 6, 15), on(2026, 7, 31), on(2026, 6, 15), on(2026, 8, 7), 100, "完了", "システム要件定義書"},
		{"1.3", "要件定義書レビュー・承認", "中島", on(2026, 7, 27), on(2026, 7, 31), on(2026, 8, 3), on(2026, 8, 7), 100, "完了", "議事録"},
		sum("2", "基本設計", on(2026, 8, 3), on(2026, 9, 18)),
		{"2.1", "画面設計", "中島", on(2026, 8, 3), on(2026, 9, 11), on(2026, 8, 10), on(2026, 9, 30), 100, "完了", "画面設計書①～③"},
		{"2.2", "API設計", "清水", on(2026, 8, 3), on(2026, 9, 11), on(2026, 8, 10), on(2026, 10, 2), 100, "完了", "API仕様書"},
		{"2.3", "DB設計", "山口", on(2026, 8, 17), on(2026, 9, 11), on(2026, 8, 24), on(2026, 9, 25), 100, "完了", "ER図・テーブル定義書"},
		{"2.4", "外部連携設計（決済・配送）", "池田", on(2026, 8, 17), on(2026, 9, 18), on(2026, 8, 24), on(2026, 10, 9), 100, "完了", "外部IF仕様書"},
		sum("3", "詳細設計", on(2026, 9, 14), on(2026, 10, 9)),
		{"3.1", "フロントエンド詳細設計", "森", on(2026, 9, 14), on(2026, 10, 9), on(2026, 10, 1), on(2026, 10, 30), 100, "完了", "詳細設計書（フロント）"},
		{"3.2", "バックエンド詳細設計", "橋本", on(2026, 9, 14), on(2026, 10, 9), on(2026, 10, 5), on(2026, 11, 13), 100, "完了", "詳細設計書（バックエンド）"},
		sum("4", "製造", on(2026, 10, 13), on(2026, 11, 27)),
		sum("4.1", "フロントエンド製造", on(2026, 10, 13), on(2026, 11, 27)),
		{"4.1.1", "商品一覧・検索画面", "石川", on(2026, 10, 13), on(2026, 10, 30), on(2026, 11, 2), ymd{}, 70, "作業中", "ソースコード"},
		{"4.1.2", "カート・注文画面", "原", on(2026, 10, 19), on(2026, 11, 13), on(2026, 11, 4), ymd{}, 50, "作業中", "ソースコード"},
		{"4.1.3", "会員登録・マイページ", "森", on(2026, 10, 26), on(2026, 11, 20), on(2026, 11, 9), ymd{}, 20, "作業中", "ソースコード"},
		{"4.1.4", "管理画面（受注・商品管理）", "中島", on(2026, 11, 9), on(2026, 11, 27), ymd{}, ymd{}, 0, "未着手", "ソースコード"},
		sum("4.2", "バックエンド製造", on(2026, 10, 13), on(2026, 11, 27)),
		// Planted: progress over 100.
		{"4.2.1", "商品API", "清水", on(2026, 10, 13), on(2026, 10, 30), on(2026, 10, 19), on(2026, 11, 13), 120, "完了", "ソースコード"},
		{"4.2.2", "注文API", "山口", on(2026, 10, 19), on(2026, 11, 13), on(2026, 11, 2), ymd{}, 60, "作業中", "ソースコード"},
		{"4.2.3", "決済代行サービス連携", "池田", on(2026, 10, 26), on(2026, 11, 20), on(2026, 11, 9), ymd{}, 40, "作業中", "ソースコード"},
		{"4.2.4", "在庫連携バッチ", "阿部", on(2026, 11, 2), on(2026, 11, 27), ymd{}, ymd{}, 0, "未着手", "ソースコード"},
		// Planted: duplicate WBS番号 (should be 4.2.5).
		{"4.2.4", "配送業者連携", "池田", on(2026, 11, 9), on(2026, 11, 27), ymd{}, ymd{}, 0, "保留", "ソースコード"},
		sum("5", "テスト", on(2026, 11, 16), on(2027, 2, 12)),
		{"5.1", "単体テスト", "清水", on(2026, 11, 16), on(2026, 12, 11), ymd{}, ymd{}, 0, "未着手", "単体テスト報告書"},
		{"5.2", "結合テスト", "山口", on(2026, 12, 14), on(2027, 1, 15), ymd{}, ymd{}, 0, "未着手", "結合テスト報告書"},
		{"5.3", "総合テスト", "中島", on(2027, 1, 18), on(2027, 2, 5), ymd{}, ymd{}, 0, "未着手", "総合テスト報告書"},
		{"5.4", "受入テスト支援", "橋本", on(2027, 2, 8), on(2027, 2, 12), ymd{}, ymd{}, 0, "未着手", "受入テスト記録"},
		sum("6", "リリース", on(2026, 12, 1), on(2027, 2, 26)),
		{"6.1", "本番環境構築", "阿部", on(2026, 12, 1), on(2027, 1, 15), ymd{}, ymd{}, 0, "未着手", "環境構築手順書"},
		{"6.2", "データ移行（商品・会員）", "橋本", on(2027, 1, 18), on(2027, 2, 5), ymd{}, ymd{}, 0, "未着手", "移行結果報告書"},
		{"6.3", "本番リリース", "清水", on(2027, 2, 15), on(2027, 2, 15), ymd{}, ymd{}, 0, "未着手", "リリース判定資料"},
		{"6.4", "リリース後保守（初期流動）", "阿部", on(2027, 2, 16), on(2027, 2, 26), ymd{}, ymd{}, 0, "未着手", "障害管理表"},
	}
}

// writeECSchedule writes a CP932 CSV with CRLF line ends, as Japanese Excel
// saves "CSV (コンマ区切り)": a title line and a blank line above the header.
func writeECSchedule(file string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	records := [][]string{
		{"ECサイト構築 スケジュール"},
		{""},
		{"WBS番号", "タスク名", "担当者", "開始予定日", "終了予定日", "開始日(実績)", "終了日(実績)", "進捗(%)", "ステータス", "成果物"},
	}
	dateText := func(d ymd) string {
		if d.zero() {
			return ""
		}
		return d.slash()
	}
	for _, t := range ecTasks() {
		prog := ""
		if t.prog >= 0 {
			prog = fmt.Sprint(t.prog)
		}
		records = append(records, []string{
			t.wbs, t.name, t.who, dateText(t.ps), dateText(t.pf), dateText(t.as), dateText(t.af),
			prog, t.status, t.deliverable,
		})
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	// encoding/csv writes an empty record as a quoted empty field; Excel
	// writes nothing at all.
	text := bytes.Replace(buf.Bytes(), []byte("\r\n\"\"\r\n"), []byte("\r\n\r\n"), 1)
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(text)
	if err != nil {
		return fmt.Errorf("encoding %s as Shift_JIS: %w", file, err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, sjis, 0o644)
}

// ecIssue is one row of the English-style issue log.
type ecIssue struct {
	id, title, desc, category, prio, status string
	raised                                  ymd
	owner                                   string
	due, closed                             ymd
	actions                                 string
}

func ecIssues() []ecIssue {
	return []ecIssue{
		{"EC-001", "決済代行会社のAPI仕様変更", "3Dセキュア2.0必須化に伴い、決済APIの認証フローが変更される。", "外部連携", "High", "Open", on(2026, 9, 14), "池田", on(2026, 10, 30), ymd{}, "決済代行会社と仕様確認中。影響範囲の洗い出し未完了"},
		{"EC-002", "配送業者連携の仕様書が未提出", "配送業者から送り状発行APIの仕様書が提出されず、設計・製造に着手できない。", "外部連携", "High", "Waiting", on(2026, 9, 28), "池田", on(2026, 10, 23), ymd{}, "営業経由で督促中（11/6, 11/13）"},
		{"EC-003", "商品画像の提供遅延", "マーケティング部からの商品画像（約3,000点）の提供が遅れている。", "データ", "Medium", "In progress", on(2026, 10, 5), "中島", on(2026, 11, 13), ymd{}, "第1弾1,000点は受領済み"},
		{"EC-004", "性能要件（同時アクセス数）が未確定", "セール時の想定同時アクセス数が確定しておらず、インフラ構成を決められない。", "要件", "High", "Open", on(2026, 10, 8), "清水", on(2026, 11, 6), ymd{}, "過去のキャンペーン実績を事業部に依頼"},
		{"EC-005", "デザインカンプの差し戻し", "トップページのデザインがブランドガイドラインに未準拠。", "デザイン", "Medium", "Closed", on(2026, 8, 24), "中島", on(2026, 9, 4), on(2026, 9, 3), "デザイン会社にて修正、9/3承認"},
		{"EC-006", "テスト環境の構築遅延", "クラウドのアカウント発行手続きに時間がかかり、テスト環境が未構築。", "環境", "High", "In progress", on(2026, 10, 26), "阿部", on(2026, 11, 27), ymd{}, "情報システム部に申請済み。11/24発行予定"},
		// Planted: open issue with no owner.
		{"EC-007", "会員データ移行の対象範囲", "旧サイトの退会済み会員を移行対象に含めるか未決定。", "移行", "Medium", "Open", on(2026, 11, 2), "", on(2026, 12, 4), ymd{}, ""},
		{"EC-008", "バックエンド要員の不足", "バックエンド担当1名が11月末で離任予定。後任が未確定。", "体制", "High", "Open", on(2026, 11, 5), "山口", on(2026, 11, 16), ymd{}, "協力会社に増員を打診中"},
		{"EC-009", "ポイント機能の仕様追加要望", "事業部からポイント付与ルールの追加要望あり（スコープ外）。", "要件", "Low", "Waiting", on(2026, 11, 10), "橋本", on(2026, 12, 11), ymd{}, "変更管理委員会で審議予定"},
		{"EC-010", "ステージング環境のSSL証明書手配", "ステージング用ドメインのSSL証明書が未取得。", "環境", "Low", "Closed", on(2026, 10, 13), "阿部", on(2026, 10, 30), on(2026, 10, 28), "証明書取得・設定完了"},
		{"EC-011", "カート画面の仕様変更による手戻り", "送料無料ラインの表示仕様が変更され、製造済み部分の改修が必要。", "要件", "High", "In progress", on(2026, 11, 12), "原", on(2026, 11, 19), ymd{}, "改修範囲を見積中"},
		{"EC-012", "単体テスト基準が未整備", "単体テストのカバレッジ基準・エビデンス様式が決まっていない。", "品質", "Medium", "Open", on(2026, 11, 16), "清水", on(2026, 11, 30), ymd{}, ""},
	}
}

// writeECIssues writes an English-style issue log as an Excel table at A1.
func writeECIssues(file string) error {
	f, err := newBook("Sato Hanako", on(2026, 11, 19))
	if err != nil {
		return err
	}
	const sh = "Issues"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	headers := []string{"ID", "Title", "Description", "Category", "Priority", "Status", "Date raised", "Owner", "Due", "Completion Date", "Actions"}
	for i, h := range headers {
		w.setRC(1+i, 1, h)
	}
	date := newStyle(f, &excelize.Style{NumFmt: 14})
	wrap := newStyle(f, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	issues := ecIssues()
	for i, is := range issues {
		r := 2 + i
		for j, v := range []string{is.id, is.title, is.desc, is.category, is.prio, is.status} {
			w.setRC(1+j, r, v)
		}
		for _, d := range []struct {
			col int
			day ymd
		}{{7, is.raised}, {9, is.due}, {10, is.closed}} {
			if !d.day.zero() {
				w.setRC(d.col, r, d.day.serial())
			}
		}
		if is.owner != "" {
			w.setRC(8, r, is.owner)
		}
		if is.actions != "" {
			w.setRC(11, r, is.actions)
		}
	}
	last := 1 + len(issues)
	w.style("A2", cellName(11, last), wrap)
	w.style("G2", cellName(7, last), date)
	w.style("I2", cellName(10, last), date)
	w.width("A", "A", 8)
	w.width("B", "B", 30)
	w.width("C", "C", 44)
	w.width("D", "F", 11)
	w.width("G", "G", 12)
	w.width("H", "H", 8)
	w.width("I", "J", 12)
	w.width("K", "K", 36)
	if w.err == nil {
		w.err = f.AddTable(sh, &excelize.Table{
			Range: "A1:" + cellName(11, last), Name: "IssueLog", StyleName: "TableStyleMedium2",
			ShowRowStripes: ptr(true),
		})
	}
	w.freeze(0, 1)
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}

// writeECRisks writes a risk register with its header in row 2 under a
// merged title.
func writeECRisks(file string) error {
	f, err := newBook("佐藤 花子", on(2026, 11, 16))
	if err != nil {
		return err
	}
	const sh = "リスク管理表"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	w.set("A1", "ECサイト構築 リスク管理表（2026/11/16 更新）")
	w.merge("A1", "H1")
	w.style("A1", "A1", newStyle(f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}))
	for i, h := range []string{"No.", "リスク", "発生確率", "影響度", "対応策", "担当", "ステータス", "期限"} {
		w.setRC(1+i, 2, h)
	}
	w.style("A2", "H2", newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("305496"), Border: thinBorder(),
		Alignment: &excelize.Alignment{Horizontal: "center"},
	}))
	risks := []struct {
		risk, prob, impact, plan, owner, status string
		due                                     ymd
	}{
		{"決済代行会社の仕様変更対応が長期化し、製造が遅延する", "高", "高", "仕様確定までの暫定実装方針を決定。代行会社との週次定例を設定", "池田", "対応中", on(2026, 11, 30)},
		{"配送業者連携の仕様未確定により、リリース範囲から外れる", "高", "中", "手動の送り状発行で暫定運用する案を事業部と合意する", "池田", "対応中", on(2026, 12, 4)},
		{"バックエンド要員の離任によりテスト工程の要員が不足する", "中", "高", "協力会社への増員依頼。引継ぎ計画の作成", "山口", "対応中", on(2026, 11, 27)},
		{"年末商戦期のアクセス集中に性能が耐えられない", "中", "高", "負荷テストを結合テスト工程に前倒しで計画する", "清水", "未対応", on(2026, 12, 18)},
		{"商品データ移行時に文字化け・欠損が発生する", "中", "中", "移行リハーサルを2回実施し、件数・内容を照合する", "橋本", "未対応", on(2027, 1, 15)},
		{"クレジットカード情報の取扱いがPCI DSSに抵触する", "低", "高", "カード情報非保持（トークン決済）方式を採用済み", "池田", "完了", on(2026, 9, 30)},
		{"デザイン変更要望の多発により画面の手戻りが増える", "中", "中", "デザイン凍結日を11/30に設定し、以降は変更管理で判断", "中島", "対応中", on(2026, 11, 30)},
		{"外部決済サービスの障害でリリース後に受注が停止する", "低", "中", "代替決済手段（銀行振込）の運用手順を整備する", "阿部", "未対応", on(2027, 2, 5)},
	}
	body := newStyle(f, &excelize.Style{Border: thinBorder(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	date := newStyle(f, &excelize.Style{Border: thinBorder(), CustomNumFmt: ptr("yyyy/m/d"), Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, rk := range risks {
		r := 3 + i
		for j, v := range []any{i + 1, rk.risk, rk.prob, rk.impact, rk.plan, rk.owner, rk.status, rk.due.serial()} {
			w.setRC(1+j, r, v)
		}
	}
	last := 2 + len(risks)
	w.style("A3", cellName(7, last), body)
	w.style("H3", cellName(8, last), date)
	w.width("A", "A", 5)
	w.width("B", "B", 40)
	w.width("C", "D", 9)
	w.width("E", "E", 44)
	w.width("F", "G", 10)
	w.width("H", "H", 11)
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}
