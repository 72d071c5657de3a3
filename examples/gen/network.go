package main

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

func writeNetwork(dir string) error {
	if err := writeNetworkWBS(filepath.Join(dir, "teams", "WBS.xlsx")); err != nil {
		return err
	}
	return writeNetworkIssues(filepath.Join(dir, "teams", "課題.xlsx"))
}

// netTask is one WBS row; efforts and progress are typed as text, the way
// this team keeps them.
type netTask struct {
	lv             int
	name, who      string
	ps, pf, as, af ymd
	pe, ae, prog   string
	state          string
}

func netTasks() []netTask {
	sum := func(lv int, name string, ps, pf ymd) netTask { return netTask{lv: lv, name: name, ps: ps, pf: pf} }
	return []netTask{
		sum(1, "要件定義・設計", on(2026, 7, 1), on(2026, 9, 25)),
		{2, "現状調査（拠点NW構成・トラフィック）", "岡田", on(2026, 7, 1), on(2026, 7, 24), on(2026, 7, 1), on(2026, 7, 24), "15人日", "14人日", "済", "完了"},
		{2, "要件定義", "岡田", on(2026, 7, 27), on(2026, 8, 14), on(2026, 7, 27), on(2026, 8, 14), "10人日", "10人日", "済", "完了"},
		sum(2, "ネットワーク設計", on(2026, 8, 17), on(2026, 9, 25)),
		{3, "基本設計（論理構成・IPアドレス設計）", "前田", on(2026, 8, 17), on(2026, 9, 4), on(2026, 8, 17), on(2026, 9, 4), "12人日", "12人日", "済", "完了"},
		{3, "セキュリティ設計（FW・VPN）", "藤田", on(2026, 8, 24), on(2026, 9, 18), on(2026, 8, 24), on(2026, 9, 16), "10人日", "9人日", "済", "完了"},
		{3, "詳細設計（機器コンフィグ設計）", "前田", on(2026, 9, 7), on(2026, 9, 18), on(2026, 9, 7), on(2026, 9, 17), "8人日", "8人日", "済", "完了"},
		{3, "設計レビュー", "岡田", on(2026, 9, 24), on(2026, 9, 25), on(2026, 9, 24), on(2026, 9, 24), "6H", "5.5H", "済", "完了"},
		sum(1, "機器調達・回線手配", on(2026, 8, 17), on(2026, 10, 30)),
		{2, "回線手配（WAN・インターネット）", "後藤", on(2026, 8, 17), on(2026, 10, 16), on(2026, 8, 17), on(2026, 10, 14), "3人日", "3人日", "済", "完了"},
		{2, "機器選定・見積取得", "後藤", on(2026, 9, 7), on(2026, 9, 18), on(2026, 9, 7), on(2026, 9, 18), "5人日", "5人日", "済", "完了"},
		{2, "機器発注", "後藤", on(2026, 9, 25), on(2026, 9, 25), on(2026, 9, 25), on(2026, 9, 25), "2H", "0.5H", "済", "完了"},
		{2, "機器納品・検品", "後藤", on(2026, 10, 19), on(2026, 10, 30), on(2026, 10, 19), on(2026, 10, 29), "4人日", "4人日", "済", "完了"},
		sum(1, "構築・試験", on(2026, 10, 5), on(2026, 11, 20)),
		{2, "コンフィグ作成", "前田", on(2026, 10, 5), on(2026, 10, 23), on(2026, 10, 5), on(2026, 10, 22), "10人日", "9人日", "済", "完了"},
		{2, "キッティング（事前設定投入）", "長谷川", on(2026, 11, 2), on(2026, 11, 13), on(2026, 11, 2), on(2026, 11, 12), "8人日", "8人日", "済", "完了"},
		{2, "切替手順書作成", "村上", on(2026, 11, 2), on(2026, 11, 13), on(2026, 11, 2), on(2026, 11, 13), "5人日", "5人日", "済", "完了"},
		{2, "検証環境での接続試験", "藤田", on(2026, 11, 9), on(2026, 11, 20), on(2026, 11, 9), ymd{}, "8人日", "7人日", "90%", "作業中"},
		sum(1, "拠点切替", on(2026, 11, 16), on(2027, 1, 14)),
		sum(2, "本社", on(2026, 11, 16), on(2026, 12, 4)),
		{3, "本社 事前現地調査", "村上", on(2026, 11, 16), on(2026, 11, 20), on(2026, 11, 16), on(2026, 11, 19), "3人日", "3人日", "済", "完了"},
		{3, "本社切替作業（夜間）", "前田", on(2026, 11, 26), on(2026, 11, 27), ymd{}, ymd{}, "2人日", "", "0%", "未着手"},
		{3, "本社切替後監視", "村上", on(2026, 11, 30), on(2026, 12, 4), ymd{}, ymd{}, "3人日", "", "0%", "未着手"},
		sum(2, "大阪支店", on(2026, 12, 9), on(2026, 12, 10)),
		{3, "大阪支店切替", "長谷川", on(2026, 12, 9), on(2026, 12, 10), ymd{}, ymd{}, "2人日", "", "0%", "未着手"},
		sum(2, "名古屋営業所", on(2026, 12, 16), on(2026, 12, 17)),
		{3, "名古屋営業所切替", "長谷川", on(2026, 12, 16), on(2026, 12, 17), ymd{}, ymd{}, "2人日", "", "0%", "未着手"},
		sum(2, "福岡営業所", on(2027, 1, 13), on(2027, 1, 14)),
		{3, "福岡営業所切替", "藤田", on(2027, 1, 13), on(2027, 1, 14), ymd{}, ymd{}, "2人日", "", "0%", "未着手"},
		sum(1, "移行後対応", on(2026, 12, 21), on(2027, 1, 29)),
		{2, "運用引継ぎ・ドキュメント整備", "岡田", on(2026, 12, 21), on(2027, 1, 22), ymd{}, ymd{}, "8人日", "", "0%", "未着手"},
		{2, "旧機器撤去", "後藤", on(2027, 1, 18), on(2027, 1, 22), ymd{}, ymd{}, "3人日", "", "0%", "未着手"},
		{2, "完了報告", "岡田", on(2027, 1, 25), on(2027, 1, 29), ymd{}, ymd{}, "4H", "", "0%", "未着手"},
	}
}

// networkSpareRows is how many =ROW()-1 rows the team prepared below the data.
const networkSpareRows = 500

// writeNetworkWBS writes a one-sheet WBS with the header in row 1, a Lv
// column, names indented with full-width spaces, and 500 rows of ID formulas
// waiting below the data.
func writeNetworkWBS(file string) error {
	f, err := newBook("前田", on(2026, 11, 20))
	if err != nil {
		return err
	}
	const sh = "WBS"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	headers := []string{"タスクID", "Lv", "作業項目", "担当", "開始予定", "完了予定", "開始実績", "完了実績", "予定工数", "実績工数", "進捗", "状態"}
	for i, h := range headers {
		w.setRC(1+i, 1, h)
	}
	w.style("A1", "L1", newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("548235"), Border: thinBorder(),
		Alignment: &excelize.Alignment{Horizontal: "center"},
	}))
	text := newStyle(f, &excelize.Style{Border: thinBorder()})
	bold := newStyle(f, &excelize.Style{Border: thinBorder(), Font: &excelize.Font{Bold: true}})
	date := newStyle(f, &excelize.Style{Border: thinBorder(), CustomNumFmt: ptr("yyyy/mm/dd")})
	right := newStyle(f, &excelize.Style{Border: thinBorder(), Alignment: &excelize.Alignment{Horizontal: "right"}})

	tasks := netTasks()
	for i, t := range tasks {
		r := 2 + i
		w.formula(cellName(1, r), "ROW()-1", strconv.Itoa(r-1), false)
		w.setRC(2, r, t.lv)
		w.setRC(3, r, strings.Repeat("　", t.lv-1)+t.name)
		if t.who != "" {
			w.setRC(4, r, t.who)
		}
		for j, d := range []ymd{t.ps, t.pf, t.as, t.af} {
			if !d.zero() {
				w.setRC(5+j, r, d.serial())
			}
		}
		for j, s := range []string{t.pe, t.ae, t.prog, t.state} {
			if s != "" {
				w.setRC(9+j, r, s)
			}
		}
		nameStyle := text
		if t.who == "" {
			nameStyle = bold
		}
		w.style(cellName(1, r), cellName(4, r), nameStyle)
		w.style(cellName(5, r), cellName(8, r), date)
		w.style(cellName(9, r), cellName(11, r), right)
		w.style(cellName(12, r), cellName(12, r), text)
	}
	first := 2 + len(tasks)
	for r := first; r < first+networkSpareRows; r++ {
		w.formula(cellName(1, r), "ROW()-1", strconv.Itoa(r-1), false)
	}
	w.style(cellName(1, first), cellName(12, first+networkSpareRows-1), text)
	w.width("A", "B", 8)
	w.width("C", "C", 40)
	w.width("D", "D", 9)
	w.width("E", "H", 12)
	w.width("I", "L", 9)
	w.freeze(3, 1)
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}

// writeNetworkIssues writes an issue list at B5 under a merged instructions
// cell and a legend, with drop-downs for priority and state.
func writeNetworkIssues(file string) error {
	f, err := newBook("高橋 健", on(2026, 11, 19))
	if err != nil {
		return err
	}
	const sh = "課題一覧"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: sh}
	w.set("B2", "【記入方法】課題を発見したら最終行の下に追記してください。優先度は A／B／C、状態は 未対応／対応中／完了／保留 からプルダウンで選択。\n解決したら解決日と対応策を記入し、状態を「完了」にしてください。")
	w.merge("B2", "L3")
	w.style("B2", "L3", newStyle(f, &excelize.Style{
		Fill: fill("FFF2CC"), Border: thinBorder(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}))
	w.height(2, 30)
	w.height(3, 30)
	w.set("B4", "凡例　優先度　A：至急（3営業日以内）　B：今週中　C：来週以降")
	headers := []string{"課題No", "件名", "詳細", "優先度", "状態", "登録日", "担当者", "期日", "解決日", "対応策", "備考"}
	for i, h := range headers {
		w.setRC(2+i, 5, h)
	}
	w.style("B5", "L5", newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true}, Fill: fill("D9E1F2"), Border: thinBorder(),
		Alignment: &excelize.Alignment{Horizontal: "center"},
	}))
	issues := []struct {
		title, detail, prio, state string
		raised                     ymd
		owner                      string
		due, solved                ymd
		action, note               string
	}{
		{"本社L3スイッチの納期遅延懸念", "メーカー在庫の逼迫により納期が2週間遅れる可能性がある", "A", "完了", on(2026, 9, 28), "後藤", on(2026, 10, 9), on(2026, 10, 7), "同等スペックの代替機種で発注し納期を確保", ""},
		{"大阪支店の回線開通日が未確定", "キャリアからの開通日回答待ち", "B", "完了", on(2026, 9, 1), "後藤", on(2026, 10, 16), on(2026, 10, 14), "10/14 開通を確認", ""},
		{"既存VPN装置の設定情報が一部不明", "前任者の退職によりドキュメントが残っていない", "B", "完了", on(2026, 8, 24), "前田", on(2026, 9, 11), on(2026, 9, 10), "実機からコンフィグを取得し設計書に反映", ""},
		{"本社切替時の業務停止時間の合意", "切替作業中（22時～翌2時）の業務停止について各部門の合意が必要", "A", "対応中", on(2026, 11, 2), "村上", on(2026, 11, 25), ymd{}, "総務部経由で全社周知済み。製造部の回答待ち", ""},
		{"福岡営業所の入館手続き", "作業員の事前登録が必要（作業日の1週間前まで）", "C", "未対応", on(2026, 11, 16), "藤田", on(2027, 1, 6), ymd{}, "", ""},
		{"検証環境でのIP電話品質試験の遅れ", "音質試験用の測定機材の手配待ち", "B", "対応中", on(2026, 11, 11), "藤田", on(2026, 11, 24), ymd{}, "機材は11/19に到着。試験を実施中", ""},
		// Planted: open issue with no 期日.
		{"旧機器の廃棄方法（データ消去証明）", "廃棄業者の選定とデータ消去証明書の要否が未決定", "C", "未対応", on(2026, 11, 18), "後藤", ymd{}, ymd{}, "", "期日未設定"},
		{"無線LANアクセスポイントの追加要望", "会議室の増設に伴うAP追加の要望（今回スコープ外）", "C", "保留", on(2026, 11, 6), "岡田", on(2026, 12, 18), ymd{}, "", "次年度予算で検討"},
	}
	body := newStyle(f, &excelize.Style{Border: thinBorder(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	date := newStyle(f, &excelize.Style{Border: thinBorder(), CustomNumFmt: ptr("yyyy/m/d"), Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, is := range issues {
		r := 6 + i
		w.setRC(2, r, i+1)
		for j, v := range []string{is.title, is.detail, is.prio, is.state} {
			w.setRC(3+j, r, v)
		}
		w.setRC(8, r, is.owner)
		for _, d := range []struct {
			col int
			day ymd
		}{{7, is.raised}, {9, is.due}, {10, is.solved}} {
			if !d.day.zero() {
				w.setRC(d.col, r, d.day.serial())
			}
		}
		for j, v := range []string{is.action, is.note} {
			if v != "" {
				w.setRC(11+j, r, v)
			}
		}
	}
	last := 5 + len(issues)
	w.style("B6", cellName(12, last), body)
	w.style("G6", cellName(7, last), date)
	w.style("I6", cellName(10, last), date)
	w.width("A", "A", 2)
	w.width("B", "B", 7)
	w.width("C", "C", 30)
	w.width("D", "D", 40)
	w.width("E", "F", 8)
	w.width("G", "G", 11)
	w.width("H", "H", 9)
	w.width("I", "J", 11)
	w.width("K", "K", 36)
	w.width("L", "L", 16)
	for _, v := range []struct {
		ref  string
		list []string
	}{
		{"E6:E200", []string{"A", "B", "C"}},
		{"F6:F200", []string{"未対応", "対応中", "完了", "保留"}},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = v.ref
		if w.err == nil {
			w.err = dv.SetDropList(v.list)
		}
		if w.err == nil {
			w.err = f.AddDataValidation(sh, dv)
		}
	}
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}
