// Command genwbs writes one large WBS workbook (default 50,000 rows × 18
// columns) for measuring how fast pmo reads:
//
//	go run ./tools/genwbs -o /tmp/wbs50k.xlsx
//	/usr/bin/time -v go run ./cmd/pmo inspect --samples 0 /tmp/wbs50k.xlsx
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"
)

func main() {
	out := flag.String("o", "wbs50k.xlsx", "output file")
	rows := flag.Int("rows", 50000, "task rows")
	flag.Parse()
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	ds, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	hdr := []any{"WBS", "Lv", "タスク名", "チーム", "担当者", "予定開始", "予定終了", "実績開始", "実績終了", "予定工数", "実績工数", "進捗率", "ステータス", "先行タスク", "成果物", "備考", "マイルストーン", "カテゴリ"}
	sw.SetRow("A1", hdr)
	st := []string{"未着手", "作業中", "完了"}
	for i := 0; i < *rows; i++ {
		base := 46113 + i%300
		row := []any{
			fmt.Sprintf("%d.%d.%d", i/1000+1, (i/50)%20+1, i%50+1), 3, fmt.Sprintf("タスク%d 設計書作成", i), "基盤", fmt.Sprintf("担当%d", i%40),
			excelize.Cell{Value: base, StyleID: ds}, excelize.Cell{Value: base + 10, StyleID: ds}, excelize.Cell{Value: base + 1, StyleID: ds}, excelize.Cell{Value: base + 12, StyleID: ds},
			5.5, 6, float64(i%101) / 100, st[i%3], fmt.Sprintf("%d.%d.%d", i/1000+1, (i/50)%20+1, i%50), "設計書", "備考テキスト", "", "開発",
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, row)
	}
	if err := sw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.SaveAs(*out); err != nil {
		log.Fatal(err)
	}
}
