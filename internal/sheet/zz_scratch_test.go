package sheet_test
import ("testing";"github.com/pmokit/pmo/internal/sheet";"github.com/pmokit/pmo/internal/project")
func TestScratch(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1",
		[]any{"チーム内メモ"}, []any{"更新", apr(1)}, []any{},
		[]any{"管理キー", "やること", "いつから", "いつまで", "誰"},
		[]any{"K-1", "設計", apr(1), apr(3), "山田"},
	)
	bk, _ := sheet.Parse("book.xlsx", b.bytes(), sheet.OpenOptions{})
	for _, cols := range [][]sheet.Override{
		{{Field: "wbs_id", Header: "管理キー"},{Field: "name", Header: "やること"},{Field: "planned_start", Header: "いつから"},{Field: "planned_finish", Col: 4},{Field: "assignee", Col: 5}},
	} {
		for _, hr := range [][]int{nil, {4}} {
		res, err := sheet.Read(bk, sheet.Options{Kind: project.KindWBS, Columns: cols, HeaderRows: hr})
		if err != nil { t.Log(hr, err); continue }
		t.Log(hr, mapping(res.Tables[0]), lines(res.Tables[0].Tasks, taskLine))
		}
	}
}
