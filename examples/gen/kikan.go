package main

import (
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// none marks an empty numeric cell.
const none = -1.0

func writeKikan(dir string) error {
	if err := writeKibanWBS(filepath.Join(dir, "teams", "基盤", "WBS.xlsx")); err != nil {
		return err
	}
	if err := writeGyomuProgress(filepath.Join(dir, "teams", "業務", "進捗管理表.xlsx")); err != nil {
		return err
	}
	if err := writeKikanActions(filepath.Join(dir, "teams", "定例アクション.xlsx")); err != nil {
		return err
	}
	if err := writeKikanTests(filepath.Join(dir, "teams", "業務", "単体テスト仕様書.xlsx")); err != nil {
		return err
	}
	if err := writeKikanDefects(filepath.Join(dir, "teams", "業務", "不具合管理表.xlsx")); err != nil {
		return err
	}
	return writeKikanIssues(filepath.Join(dir, "teams", "課題管理表.xlsx"))
}

// kibanTask is one row of the 基盤 team's WBS. level picks the column that
// holds the name: 1 大項目, 2 中項目, 3 小項目.
type kibanTask struct {
	level          int
	name, who      string
	ps, pf, as, af ymd
	pe, ae, prog   float64
	status, note   string
	refError       bool // 工数実績 is a formula whose reference was deleted
}

func kibanTasks() []kibanTask {
	phase := func(name string) kibanTask { return kibanTask{level: 1, name: name, pe: none, ae: none, prog: none} }
	group := func(name string) kibanTask { return kibanTask{level: 2, name: name, pe: none, ae: none, prog: none} }
	return []kibanTask{
		phase("要件定義"),
		{2, "非機能要件定義", "鈴木", on(2026, 4, 1), on(2026, 5, 29), on(2026, 4, 1), on(2026, 5, 29), 30, 32, 1, "完了", "", false},
		{2, "現行基盤調査", "田中", on(2026, 4, 1), on(2026, 4, 30), on(2026, 4, 1), on(2026, 5, 8), 15, 18, 1, "完了", "調査対象サーバ追加のため延伸", false},
		{2, "要件定義書レビュー・承認", "鈴木", on(2026, 6, 1), on(2026, 6, 30), on(2026, 6, 1), on(2026, 6, 30), 10, 10, 1, "完了", "", false},
		phase("基本設計"),
		{2, "方式設計", "鈴木", on(2026, 7, 1), on(2026, 7, 31), on(2026, 7, 1), on(2026, 7, 31), 20, 22, 1, "完了", "", false},
		{2, "サーバ構成設計", "田中", on(2026, 7, 1), on(2026, 8, 14), on(2026, 7, 1), on(2026, 8, 14), 25, 24, 1, "完了", "", false},
		{2, "ネットワーク設計", "伊藤", on(2026, 7, 13), on(2026, 8, 28), on(2026, 7, 13), on(2026, 8, 28), 20, 20, 1, "完了", "", false},
		{2, "セキュリティ設計", "伊藤", on(2026, 8, 17), on(2026, 9, 18), on(2026, 8, 17), on(2026, 9, 25), 15, 18, 1, "完了", "認証方式（SSO）の見直しあり", false},
		{2, "運用設計", "渡辺", on(2026, 8, 3), on(2026, 9, 30), on(2026, 8, 3), on(2026, 9, 30), 25, 25, 1, "完了", "", false},
		phase("詳細設計"),
		group("パラメータシート作成"),
		{3, "サーバパラメータシート", "田中", on(2026, 10, 1), on(2026, 10, 23), on(2026, 10, 1), on(2026, 10, 28), 12, 14, 1, "完了", "", false},
		{3, "DBパラメータシート", "渡辺", on(2026, 10, 1), on(2026, 10, 30), on(2026, 10, 5), on(2026, 11, 6), 10, 12, 1, "完了", "", false},
		// Planted: 完了 with 50 % progress.
		{3, "NWパラメータシート", "伊藤", on(2026, 10, 13), on(2026, 10, 30), on(2026, 10, 13), ymd{}, 8, 7, 0.5, "完了", "レビュー指摘の反映残あり", false},
		{2, "詳細設計レビュー", "鈴木", on(2026, 11, 2), on(2026, 11, 6), on(2026, 11, 4), on(2026, 11, 13), 3, 4, 1, "完了", "", false},
		phase("環境構築"),
		group("開発環境構築"),
		// Planted: #REF! in 工数実績.
		{3, "サーバ構築（開発）", "田中", on(2026, 10, 19), on(2026, 11, 6), on(2026, 10, 19), on(2026, 11, 11), 10, none, 1, "完了", "", true},
		{3, "ミドルウェア導入（開発）", "渡辺", on(2026, 11, 9), on(2026, 11, 20), on(2026, 11, 10), ymd{}, 8, 6, 0.6, "作業中", "", false},
		group("検証環境構築"),
		{3, "サーバ構築（検証）", "田中", on(2026, 11, 16), on(2026, 12, 4), on(2026, 11, 18), ymd{}, 10, 1, 0.1, "作業中", "機器搬入遅延（11/18搬入）", false},
		// Planted: 佐々木 is a vendor engineer, not in the 基盤 roster.
		{3, "ストレージ設定", "佐々木", on(2026, 11, 24), on(2026, 12, 11), ymd{}, ymd{}, 6, none, 0, "未着手", "ベンダー作業", false},
		// Planted: finish before start.
		{3, "バックアップ設定", "渡辺", on(2026, 12, 14), on(2026, 12, 4), ymd{}, ymd{}, 5, none, 0, "未着手", "", false},
		phase("基盤テスト"),
		{2, "基盤単体テスト", "伊藤", on(2026, 12, 7), on(2026, 12, 25), ymd{}, ymd{}, 8, none, 0, "未着手", "", false},
		{2, "性能テスト", "鈴木", on(2027, 1, 12), on(2027, 1, 29), ymd{}, ymd{}, 10, none, 0, "未着手", "", false},
		{2, "障害テスト", "田中", on(2027, 1, 18), on(2027, 2, 5), ymd{}, ymd{}, 8, none, 0, "未着手", "", false},
		phase("本番環境構築・移行"),
		{2, "本番サーバ構築", "田中", on(2027, 2, 8), on(2027, 2, 26), ymd{}, ymd{}, 12, none, 0, "未着手", "", false},
		{2, "本番移行支援", "鈴木", on(2027, 3, 8), on(2027, 3, 15), ymd{}, ymd{}, 4, none, 0, "未着手", "", false},
		// Planted: finishes after the project end (2027-03-31).
		{2, "稼働後フォロー", "鈴木", on(2027, 3, 16), on(2027, 4, 9), ymd{}, ymd{}, 10, none, 0, "未着手", "4月以降は保守契約へ移管予定", false},
	}
}

// writeKibanWBS writes a title, a meta row and a two-row header starting at
// column B; the hierarchy is shown by which of 大項目/中項目/小項目 holds the
// name.
func writeKibanWBS(file string) error {
	f, err := newBook("鈴木", on(2026, 11, 18))
	if err != nil {
		return err
	}
	const sh = "WBS"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	header := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true}, Fill: fill("DDEBF7"), Border: thinBorder(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	text := newStyle(f, &excelize.Style{Border: thinBorder(), Alignment: &excelize.Alignment{Vertical: "center"}})
	phase := newStyle(f, &excelize.Style{Border: thinBorder(), Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2")})
	dateAaa := newStyle(f, &excelize.Style{Border: thinBorder(), CustomNumFmt: ptr("yyyy/m/d(aaa)")})
	dateJa := newStyle(f, &excelize.Style{Border: thinBorder(), NumFmt: 56}) // built-in m"月"d"日", no code in styles.xml
	effort := newStyle(f, &excelize.Style{Border: thinBorder(), CustomNumFmt: ptr("0.0")})
	percent := newStyle(f, &excelize.Style{Border: thinBorder(), NumFmt: 9})

	w.set("A1", "基幹システム刷新 WBS（基盤チーム）")
	w.style("A1", "A1", newStyle(f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}))
	w.set("A2", "作成日: 2026/11/18 作成者: 鈴木")

	for _, c := range []struct{ col, label string }{
		{"B", "No"}, {"C", "大項目"}, {"D", "中項目"}, {"E", "小項目"}, {"F", "担当者"},
		{"M", "進捗率"}, {"N", "状況"}, {"O", "備考"},
	} {
		w.set(c.col+"4", c.label)
		w.merge(c.col+"4", c.col+"5")
	}
	for _, g := range []struct{ from, to, label, sub1, sub2 string }{
		{"G", "H", "予定", "開始日", "終了日"},
		{"I", "J", "実績", "開始日", "終了日"},
		{"K", "L", "工数（人日）", "予定", "実績"},
	} {
		w.set(g.from+"4", g.label)
		w.merge(g.from+"4", g.to+"4")
		w.set(g.from+"5", g.sub1)
		w.set(g.to+"5", g.sub2)
	}
	w.style("B4", "O5", header)

	tasks := kibanTasks()
	for i, t := range tasks {
		r := 6 + i
		w.setRC(2, r, i+1)
		w.setRC(2+t.level, r, t.name)
		if t.level == 1 {
			w.style(cellName(2, r), cellName(15, r), phase)
			continue
		}
		w.style(cellName(2, r), cellName(15, r), text)
		w.setRC(6, r, t.who)
		for j, d := range []ymd{t.ps, t.pf, t.as, t.af} {
			if !d.zero() {
				w.setRC(7+j, r, d.serial())
			}
		}
		w.style(cellName(7, r), cellName(9, r), dateAaa)
		w.style(cellName(10, r), cellName(10, r), dateJa)
		w.style(cellName(11, r), cellName(12, r), effort)
		if t.pe != none {
			w.setRC(11, r, t.pe)
		}
		switch {
		case t.refError:
			w.formula(cellName(12, r), "SUM(#REF!)", "#REF!", true)
		case t.ae != none:
			w.setRC(12, r, t.ae)
		}
		if t.prog != none {
			w.setRC(13, r, t.prog)
		}
		w.style(cellName(13, r), cellName(13, r), percent)
		w.setRC(14, r, t.status)
		w.setRC(15, r, t.note)
	}
	last := 5 + len(tasks)
	w.width("A", "A", 2)
	w.width("B", "B", 5)
	w.width("C", "C", 12)
	w.width("D", "D", 18)
	w.width("E", "E", 24)
	w.width("F", "F", 8)
	w.width("G", "I", 14)
	w.width("J", "J", 9)
	w.width("K", "L", 6)
	w.width("M", "N", 7)
	w.width("O", "O", 30)
	w.freeze(5, 5)
	if w.err == nil {
		w.err = f.AutoFilter(sh, "B5:"+cellName(15, last), nil)
	}
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}
