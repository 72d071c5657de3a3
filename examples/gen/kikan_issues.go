package main

import (
	"github.com/xuri/excelize/v2"
)

// kikanIssue is one row of the project-wide 課題管理表. Dates are text, typed
// the way each person happens to type them.
type kikanIssue struct {
	no                                  int
	raised, by, category, title, prio   string
	owner, due, status, closed, actions string
}

func kikanIssues() []kikanIssue {
	return []kikanIssue{
		{1, "2026/6/8", "小林", "仕様", "受注締め処理のタイミングが未確定\r\n日次締めか月次締めかを業務部門と調整要", "高", "小林", "2026/6/30", "完了", "2026/6/26", "業務部門と協議し日次締めで合意（6/26 定例にて承認）"},
		{2, "2026/7/14", "田中", "基盤", "現行DBサーバのOSサポート終了時期の確認", "中", "田中", "2026/7/31", "完了", "2026/7/29", "ベンダー回答により2027年12月EOSを確認。移行計画への影響なし"},
		{3, "2026/8/20", "井上", "移行", "現行システムの取引先マスタに重複データあり\r\n（約1,200件）", "高", "井上・木村", "2026/10/30", "対応中", "", "名寄せルール案を作成中。業務部門レビュー待ち"},
		{4, "2026/9/2", "加藤", "仕様", "購買承認フローの例外パターン（緊急発注）が要件定義書に未記載", "中", "加藤", "2026/9/30", "完了", "2026/10/2", "基本設計書に例外フローを追記"},
		{5, "R8.9.16", "伊藤", "基盤", "検証環境のラック空き容量不足", "中", "鈴木・伊藤", "R8.10.30", "完了", "R8.10.28", "データセンター事業者と調整し1ラック追加契約"},
		{6, "2026/10/5", "吉田", "外部IF", "会計パッケージ側の仕訳IFファイル仕様の提示遅延\r\n（ベンダー回答待ち）", "高", "吉田", "2026/10/23", "対応中", "", "ベンダーへ督促済み。11/13回答予定が未回答"},
		{7, "R8.10.12", "渡辺", "基盤", "バックアップ取得時間帯が夜間バッチと重複する", "中", "渡辺", "2026/11/27", "未対応", "", ""},
		// Planted: 起票日 without a year.
		{8, "10/20", "松本", "品質", "単体テスト仕様書のレビュー観点がチーム間で統一されていない", "低", "松本", "2026/11/13", "完了", "2026/11/12", "レビューチェックリストを作成し全チームへ展開"},
		{9, "2026/10/26", "小林", "進捗", "受注登録画面の製造遅延（画面仕様変更の影響）\r\n予定比 約1週間遅れ", "高", "小林", "2026/11/20", "対応中", "", "加藤さん支援で挽回計画を作成中"},
		{10, "令和8年11月2日", "木村", "移行", "移行リハーサル用の本番相当データ取得の承認が未了", "高", "井上", "令和8年11月13日", "未対応", "", ""},
		{11, "2026/11/4", "田中", "基盤", "ミドルウェアのライセンス数が見積と相違", "中", "鈴木", "2026/11/18", "対応中", "", "ベンダーに再見積を依頼中"},
		// Planted: 対応期限 that is not a date.
		{12, "2026/11/9", "山本", "仕様", "出荷指示バッチの実行タイミング（倉庫システム側）の再確認", "低", "山本", "来週", "未対応", "", ""},
		{13, "2026/11/11", "林", "移行", "旧システム停止日の社内周知方法が未決定", "低", "林", "2026/12/11", "保留", "", "本番移行日の確定後に再検討"},
		{14, "2026/11/16", "伊藤", "基盤", "検証環境サーバ構築の着手遅れ（機器搬入遅延）", "中", "田中", "2026/11/27", "対応中", "", "11/18 搬入完了。構築作業を開始"},
		{15, "2026/11/18", "吉田", "進捗", "仕訳連携IFの製造が未着手\r\n（IF仕様未確定のため）", "高", "吉田・小林", "2026/11/30", "未対応", "", ""},
	}
}

// kikanIssueFields are the 方眼紙 fields and how many narrow columns each
// one's merge spans.
func kikanIssueFields() []struct {
	label string
	span  int
} {
	return []struct {
		label string
		span  int
	}{
		{"管理番号", 3}, {"起票日", 4}, {"起票者", 4}, {"分類", 4}, {"課題内容", 6}, {"重要度", 3},
		{"担当者", 4}, {"対応期限", 4}, {"対応状況", 4}, {"完了日", 4}, {"対応内容", 6},
	}
}

// writeKikanIssues writes an Excel 方眼紙: every column 2.5 wide and every
// field a horizontal merge of several of them.
func writeKikanIssues(file string) error {
	f, err := newBook("山田 太郎", on(2026, 11, 19))
	if err != nil {
		return err
	}
	const sh = "課題管理表"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	header := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true}, Fill: fill("FCE4D6"), Border: thinBorder(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	body := newStyle(f, &excelize.Style{
		Border:    thinBorder(),
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	fields := kikanIssueFields()
	lastCol := 1
	for _, fd := range fields {
		lastCol += fd.span
	}
	w.width("A", colName(lastCol+1), 2.5)
	w.set("B1", "課題管理表")
	w.merge("B1", cellName(lastCol, 1))
	w.style("B1", "B1", newStyle(f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}}))
	w.set("B2", "プロジェクト名：基幹システム刷新　　最終更新：2026/11/19")
	w.merge("B2", cellName(lastCol, 2))

	row := func(r int, values []string, style int) {
		col := 2
		for i, fd := range fields {
			from, to := cellName(col, r), cellName(col+fd.span-1, r)
			if values[i] != "" {
				w.set(from, values[i])
			}
			w.merge(from, to)
			w.style(from, to, style)
			col += fd.span
		}
	}
	labels := make([]string, len(fields))
	for i, fd := range fields {
		labels[i] = fd.label
	}
	row(3, labels, header)
	w.height(3, 30)
	for i, is := range kikanIssues() {
		r := 4 + i
		row(r, []string{
			"", is.raised, is.by, is.category, is.title, is.prio,
			is.owner, is.due, is.status, is.closed, is.actions,
		}, body)
		w.setRC(2, r, is.no)
		w.height(r, 54)
	}
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}
