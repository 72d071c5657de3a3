package sheet

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/xuri/excelize/v2"
)

// TestRowPipeReadsAsInTurn reads tables large enough for a rowPipe with
// and without it: records, counts and findings (in their order) must be
// the same. The rows carry everything whose typing says something or
// that records folds across rows: error values, dates that are not dates,
// dates without a year, periods in one cell, odd progress scales, names
// typed as numbers, totals and example rows, continuation rows, 予定/実績
// pairs and merged cells.
func TestRowPipeReadsAsInTurn(t *testing.T) {
	t.Parallel()
	n := pipeFrom + 3*pipeChunk + 17
	wbs := wbsRows(n)
	pairs := pairRows(n)
	issues := issueRows(n)
	book := func(name string, rows [][]any, merges []string) []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell("Sheet1", a, b); err != nil {
				t.Fatal(err)
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	var merges []string
	for r := 40; r < n; r += 97 {
		merges = append(merges, fmt.Sprintf("C%d:C%d", r, r+2), fmt.Sprintf("L%d:L%d", r, r+1))
	}
	csvOf := func(rows [][]any) []byte {
		var b strings.Builder
		for _, r := range rows {
			for i, v := range r {
				if i > 0 {
					b.WriteByte(',')
				}
				s := fmt.Sprint(v)
				if v == nil {
					s = ""
				}
				if strings.ContainsAny(s, ",\"\n") {
					s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
				}
				b.WriteString(s)
			}
			b.WriteByte('\n')
		}
		return []byte(b.String())
	}
	opt := Options{From: date.Of(2026, 1, 5), To: date.Of(2026, 12, 25), Near: date.Of(2026, 6, 1)}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"wbs.xlsx", book("wbs.xlsx", wbs, merges)},
		{"pairs.xlsx", book("pairs.xlsx", pairs, nil)},
		{"issues.xlsx", book("issues.xlsx", issues, nil)},
		{"wbs.csv", csvOf(wbs)},
		{"issues.csv", csvOf(issues)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := func(sequential bool) *Result {
				b, err := Parse(tc.name, tc.data, OpenOptions{})
				if err != nil {
					t.Fatal(err)
				}
				o := opt
				o.sequential, o.clearChunks = sequential, !sequential
				res, err := Read(b, o)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			piped, inTurn := read(false), read(true)
			// Over pipeFrom rows; a pair of rows is one record.
			if len(inTurn.Tables) == 0 || inTurn.Tables[0].Count < pipeFrom/2 {
				t.Fatalf("%d tables; the first should hold over %d records", len(inTurn.Tables), pipeFrom/2)
			}
			if len(inTurn.Findings) < 100 {
				t.Errorf("only %d findings: the rows should say more", len(inTurn.Findings))
			}
			sameRead(t, piped, inTurn, "piped", "in turn")
		})
	}
}

// wbsRows is a WBS of n rows whose cells say something now and then.
func wbsRows(n int) [][]any {
	rows := [][]any{{"WBS", "タスク名", "担当者", "予定開始日", "予定終了日", "実績開始日", "実績終了日", "予定工数", "実績工数", "進捗率", "ステータス", "備考"}}
	for i := 1; i < n; i++ {
		r := []any{fmt.Sprintf("1.%d.%d", i/50+1, i%50+1), fmt.Sprintf("作業%d", i), []string{"山田", "佐藤・鈴木", "高橋"}[i%3],
			"2026/4/1", "2026/4/10", nil, nil, 3.5, 1, 0.5, []string{"未着手", "作業中", "完了"}[i%3], nil}
		switch i % 23 {
		case 1:
			r[3] = "4/2" // no year
		case 2:
			r[4] = "来週" // not a date
		case 3:
			r[3], r[4] = "4/1〜4/10", nil // a period in one cell
		case 4:
			r[9] = 50 // a percent among fractions
		case 5:
			r[2] = 46000 // a date where a name belongs
		case 6:
			r[7] = "#N/A"
		case 7:
			r = []any{nil, "合計", nil, nil, nil, nil, nil, 100}
		case 8:
			r = []any{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "前の行の続き"}
		case 9:
			r[10] = "様子見" // not a status
		case 10:
			r[5], r[6] = "2026/4/2", "4/12"
		case 11:
			r[7] = "三日"
		}
		rows = append(rows, r)
	}
	return rows
}

// pairRows is a schedule of 予定/実績 row pairs.
func pairRows(n int) [][]any {
	rows := [][]any{{"No", "タスク名", "区分", "開始日", "終了日", "工数", "進捗率"}}
	for i := 1; len(rows) < n; i++ {
		rows = append(rows, []any{i, fmt.Sprintf("作業%d", i), "予定", "2026/5/1", "2026/5/9", 2, nil})
		act := []any{nil, nil, "実績", "2026/5/2", nil, 3, "40%"}
		if i%13 == 0 {
			act[3] = "5/3"
		}
		if i%17 == 0 {
			act[4] = "未定"
		}
		rows = append(rows, act)
	}
	return rows
}

// issueRows is an issue list of n rows.
func issueRows(n int) [][]any {
	rows := [][]any{{"No", "件名", "内容", "起票日", "担当者", "期限", "完了日", "ステータス", "優先度"}}
	for i := 1; i < n; i++ {
		r := []any{i, fmt.Sprintf("課題%d", i), "詳細", "2026/3/1", "田中", "2026/3/20", nil, "対応中", "高"}
		switch i % 19 {
		case 1:
			r[5] = "3/25"
		case 2:
			r[8] = "急ぎ"
		case 3:
			r[7] = "？"
		case 4:
			r[3] = "#REF!"
		case 5:
			r = []any{nil, "記入例", "ここに書く"}
		case 6:
			r = []any{nil, nil, "続きの説明"}
		}
		rows = append(rows, r)
	}
	return rows
}

// sameRead fails t unless two reads of one table, a and b (named an and
// bn), are equal, naming the first finding they differ in.
func sameRead(t *testing.T, a, b *Result, an, bn string) {
	t.Helper()
	if reflect.DeepEqual(a, b) {
		return
	}
	for i := range min(len(a.Findings), len(b.Findings)) {
		if a.Findings[i] != b.Findings[i] {
			t.Fatalf("finding %d:\n %s: %v\n %s: %v", i, an, a.Findings[i], bn, b.Findings[i])
		}
	}
	t.Fatalf("the reads %s and %s differ (%d and %d findings)", an, bn, len(a.Findings), len(b.Findings))
}
