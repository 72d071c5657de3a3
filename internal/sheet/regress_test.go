package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// TestRowNumbersDoNotHideIndent pins that a No. column counting rows 1..N
// does not flatten a hierarchy shown by indenting the names.
func TestRowNumbersDoNotHideIndent(t *testing.T) {
	t.Parallel()
	csv := "No.,タスク名,開始日,終了日\n1,設計,,\n2,　画面設計,2026/4/1,2026/4/3\n3,　帳票設計,2026/4/6,2026/4/8\n4,開発,,\n5,　実装,2026/4/9,2026/4/15\n"
	book, err := sheet.Parse("wbs.csv", []byte(csv), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sheet.Read(book, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := res.Tasks()
	want := []int{1, 2, 2, 1, 2}
	if len(ts) != len(want) {
		t.Fatalf("%d tasks, want %d", len(ts), len(want))
	}
	for i, w := range want {
		if ts[i].Level != w {
			t.Errorf("%s: level %d, want %d", ts[i].Name, ts[i].Level, w)
		}
	}
	if !ts[0].Summary || !ts[3].Summary {
		t.Error("設計 and 開発 are not summaries")
	}
}
