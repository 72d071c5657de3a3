package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// gyomuTask is one plan/actual row pair of the 業務 team's 進捗管理表.
type gyomuTask struct {
	wbs, name, who string
	ps, pf, as, af ymd
	prog           float64
	summary        bool
}

func gyomuTasks() []gyomuTask {
	sum := func(wbs, name string, ps, pf ymd) gyomuTask {
		return gyomuTask{wbs: wbs, name: name, ps: ps, pf: pf, prog: none, summary: true}
	}
	return []gyomuTask{
		sum("1", "詳細設計", on(2026, 10, 1), on(2026, 11, 6)),
		{"1.1", "販売管理 詳細設計", "小林", on(2026, 10, 1), on(2026, 10, 30), on(2026, 10, 1), on(2026, 11, 6), 100, false},
		{"1.2", "購買管理 詳細設計", "加藤", on(2026, 10, 1), on(2026, 10, 30), on(2026, 10, 1), on(2026, 10, 30), 100, false},
		{"1.3", "会計連携IF設計", "吉田", on(2026, 10, 13), on(2026, 11, 6), on(2026, 10, 13), ymd{}, 90, false},
		sum("2", "製造・単体テスト", on(2026, 11, 2), on(2026, 12, 18)),
		sum("2.1", "販売管理", on(2026, 11, 2), on(2026, 12, 11)),
		{"2.1.1", "受注登録画面 製造", "小林", on(2026, 11, 2), on(2026, 11, 20), on(2026, 11, 9), ymd{}, 60, false},
		{"2.1.2", "出荷指示バッチ 製造", "山本", on(2026, 11, 9), on(2026, 11, 27), on(2026, 11, 11), ymd{}, 40, false},
		{"2.1.3", "販売管理 単体テスト", "松本", on(2026, 11, 30), on(2026, 12, 11), ymd{}, ymd{}, 0, false},
		sum("2.2", "購買管理", on(2026, 11, 2), on(2026, 12, 18)),
		{"2.2.1", "発注登録画面 製造", "加藤", on(2026, 11, 2), on(2026, 11, 20), on(2026, 11, 2), on(2026, 11, 19), 100, false},
		{"2.2.2", "検収処理 製造", "加藤", on(2026, 11, 16), on(2026, 12, 4), on(2026, 11, 16), ymd{}, 30, false},
		{"2.2.3", "購買管理 単体テスト", "松本", on(2026, 12, 7), on(2026, 12, 18), ymd{}, ymd{}, 0, false},
		sum("2.3", "会計連携", on(2026, 11, 16), on(2026, 12, 18)),
		{"2.3.1", "仕訳連携IF 製造", "吉田", on(2026, 11, 16), on(2026, 12, 4), ymd{}, ymd{}, 0, false},
		{"2.3.2", "会計連携 単体テスト", "吉田", on(2026, 12, 7), on(2026, 12, 18), ymd{}, ymd{}, 0, false},
		sum("3", "結合テスト", on(2026, 11, 16), on(2027, 1, 29)),
		{"3.1", "結合テスト仕様書作成", "山本", on(2026, 11, 16), on(2026, 12, 4), on(2026, 11, 17), ymd{}, 20, false},
		{"3.2", "結合テスト実施", "小林", on(2026, 12, 14), on(2027, 1, 29), ymd{}, ymd{}, 0, false},
		{"3.3", "不具合修正", "加藤", on(2027, 1, 6), on(2027, 1, 29), ymd{}, ymd{}, 0, false},
		sum("4", "総合テスト", on(2026, 12, 14), on(2027, 2, 26)),
		{"4.1", "総合テスト計画", "松本", on(2026, 12, 14), on(2026, 12, 25), ymd{}, ymd{}, 0, false},
		{"4.2", "総合テスト実施", "小林", on(2027, 2, 1), on(2027, 2, 26), ymd{}, ymd{}, 0, false},
	}
}

// writeGyomuProgress writes a cover sheet, a plan/actual row-pair table with a
// day-by-day Gantt area to its right, and a hidden holiday sheet.
func writeGyomuProgress(file string) error {
	f, err := newBook("小林", on(2026, 11, 19))
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "表紙"); err != nil {
		return err
	}
	for _, name := range []string{"進捗管理表", "祝日"} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := writeGyomuCover(f); err != nil {
		return err
	}
	w := &sheetWriter{f: f, sheet: "進捗管理表"}
	writeGyomuTable(w)
	if err := writeHolidaySheet(&sheetWriter{f: f, sheet: "祝日"}); err != nil {
		return err
	}
	if w.err == nil {
		w.err = f.SetSheetVisible("祝日", false)
	}
	if w.err != nil {
		return w.err
	}
	return save(f, file, w.cache)
}

func writeGyomuCover(f *excelize.File) error {
	w := &sheetWriter{f: f, sheet: "表紙"}
	w.set("B3", "基幹システム刷新プロジェクト")
	w.style("B3", "B3", newStyle(f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 20}}))
	w.set("B5", "業務アプリケーションチーム 進捗管理表")
	w.style("B5", "B5", newStyle(f, &excelize.Style{Font: &excelize.Font{Size: 14}}))
	date := newStyle(f, &excelize.Style{CustomNumFmt: ptr("yyyy/m/d"), Alignment: &excelize.Alignment{Horizontal: "left"}})
	w.set("B8", "版数")
	w.set("C8", "1.8")
	w.set("B9", "作成日")
	w.set("C9", on(2026, 10, 1).serial())
	w.set("B10", "更新日")
	w.set("C10", on(2026, 11, 19).serial())
	w.style("C9", "C10", date)
	w.set("B11", "作成者")
	w.set("C11", "業務チーム 小林")
	w.set("B13", "改訂履歴")
	history := [][]any{
		{"版", "日付", "内容", "担当"},
		{"1.0", on(2026, 10, 1).serial(), "初版作成", "小林"},
		{"1.5", on(2026, 11, 2).serial(), "製造フェーズのタスクを追加", "小林"},
		{"1.8", on(2026, 11, 19).serial(), "11/19時点の実績を反映", "加藤"},
	}
	for i, row := range history {
		for j, v := range row {
			w.setRC(2+j, 14+i, v)
		}
	}
	w.style("C15", "C17", date)
	w.width("A", "A", 3)
	w.width("B", "B", 10)
	w.width("C", "C", 14)
	w.width("D", "D", 32)
	return w.err
}

// The calendar area covers the eight weeks around the status date.
const gyomuCalendarCols = 56

func gyomuCalendarStart() ymd { return on(2026, 10, 26) }

func writeGyomuTable(w *sheetWriter) {
	f := w.f
	border := thinBorder()
	header := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Bold: true}, Fill: fill("E2EFDA"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	calHeader := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Size: 9}, Fill: fill("E2EFDA"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center"},
	})
	calOff := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Size: 9}, Fill: fill("D9D9D9"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center"},
	})
	calToday := newStyle(f, &excelize.Style{
		Font: &excelize.Font{Size: 9, Bold: true, Color: "C00000"}, Fill: fill("FFF2CC"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center"},
	})
	text := newStyle(f, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center"}})
	bold := newStyle(f, &excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center"}})
	kind := newStyle(f, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center"}})
	date := newStyle(f, &excelize.Style{Border: border, CustomNumFmt: ptr("m/d")})
	prog := newStyle(f, &excelize.Style{Border: border, CustomNumFmt: ptr(`0"%"`)})
	plan := newStyle(f, &excelize.Style{Border: border, Font: &excelize.Font{Color: "2F5597"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	actual := newStyle(f, &excelize.Style{Border: border, Font: &excelize.Font{Color: "C55A11"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	offCell := newStyle(f, &excelize.Style{Border: border, Fill: fill("F2F2F2")})

	w.set("A1", "基幹システム刷新 業務チーム 進捗管理表")
	w.style("A1", "A1", newStyle(f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}))
	w.set("A2", "更新日: 2026/11/19（木）　基準日: 2026/11/20")
	for i, label := range []string{"WBS", "タスク名", "担当", "区分", "開始", "終了", "進捗"} {
		col := colName(1 + i)
		w.set(col+"3", label)
		w.merge(col+"3", col+"5")
	}
	w.style("A3", "G5", header)

	status := on(2026, 11, 20)
	const firstCal = 8
	start := gyomuCalendarStart().time()
	days := make([]ymd, gyomuCalendarCols)
	monthFrom := firstCal
	for i := range days {
		days[i] = fromTime(start.AddDate(0, 0, i))
		col := firstCal + i
		d := days[i]
		w.setRC(col, 4, d.d)
		w.setRC(col, 5, string([]rune("日月火水木金土")[d.time().Weekday()]))
		style := calHeader
		switch {
		case d == status:
			style = calToday
		case !workday(d, nil):
			style = calOff
		}
		w.style(cellName(col, 4), cellName(col, 5), style)
		lastOfMonth := i == len(days)-1 || d.time().AddDate(0, 0, 1).Day() == 1
		if lastOfMonth {
			w.setRC(monthFrom, 3, fmt.Sprintf("%d年%d月", d.y, d.m))
			w.merge(cellName(monthFrom, 3), cellName(col, 3))
			w.style(cellName(monthFrom, 3), cellName(col, 3), calHeader)
			monthFrom = col + 1
		}
	}
	lastCal := firstCal + len(days) - 1

	for i, t := range gyomuTasks() {
		r := 6 + 2*i
		w.set(cellName(1, r), t.wbs)
		w.set(cellName(2, r), t.name)
		w.set(cellName(3, r), t.who)
		for c := 1; c <= 3; c++ {
			w.merge(cellName(c, r), cellName(c, r+1))
		}
		w.set(cellName(4, r), "予定")
		w.set(cellName(4, r+1), "実績")
		nameStyle := text
		if t.summary {
			nameStyle = bold
		}
		w.style(cellName(1, r), cellName(3, r+1), nameStyle)
		w.style(cellName(4, r), cellName(4, r+1), kind)
		w.style(cellName(5, r), cellName(6, r+1), date)
		w.style(cellName(7, r), cellName(7, r+1), prog)
		setDate := func(col, row int, d ymd) {
			if !d.zero() {
				w.setRC(col, row, d.serial())
			}
		}
		setDate(5, r, t.ps)
		setDate(6, r, t.pf)
		setDate(5, r+1, t.as)
		setDate(6, r+1, t.af)
		if t.prog != none {
			w.setRC(7, r+1, t.prog)
		}
		for j, d := range days {
			col := firstCal + j
			for k, row := range []int{r, r + 1} {
				style := plan
				if k == 1 {
					style = actual
				}
				if !workday(d, nil) {
					style = offCell
				}
				w.style(cellName(col, row), cellName(col, row), style)
			}
			if t.summary || !workday(d, nil) {
				continue
			}
			if within(d, t.ps, t.pf) {
				w.setRC(col, r, "■")
			}
			if !t.as.zero() {
				end := t.af
				if end.zero() || status.before(end) {
					end = status
				}
				if within(d, t.as, end) {
					w.setRC(col, r+1, "■")
				}
			}
		}
	}
	w.width("A", "A", 7)
	w.width("B", "B", 24)
	w.width("C", "C", 8)
	w.width("D", "D", 5)
	w.width("E", "F", 7)
	w.width("G", "G", 6)
	w.width(colName(firstCal), colName(lastCal), 3)
	w.freeze(7, 5)
}

func within(d, from, to ymd) bool {
	if from.zero() || to.zero() {
		return false
	}
	t := d.time()
	return !t.Before(from.time()) && !t.After(to.time())
}

// writeHolidaySheet writes the lookup sheet that the original workbook's
// conditional formats would refer to.
func writeHolidaySheet(w *sheetWriter) error {
	date := newStyle(w.f, &excelize.Style{CustomNumFmt: ptr("yyyy/m/d")})
	w.set("A1", "日付")
	w.set("B1", "祝日名")
	for i, h := range holidays() {
		w.setRC(1, 2+i, h.day.serial())
		w.setRC(2, 2+i, h.name)
	}
	w.style("A2", cellName(1, 1+len(holidays())), date)
	w.width("A", "A", 12)
	w.width("B", "B", 14)
	return w.err
}
