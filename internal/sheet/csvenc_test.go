package sheet_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// A CSV whose bytes its encoding cannot carry is refused naming the line
// (csvenc.go). Before: read with encoding shift_jis, the bad bytes became
// "��" in the task name; read as UTF-8 they were kept, and shown as U+FFFD
// by every output; detected as neither, the error named no line.
func TestCSVBadBytesNameTheLine(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("WBS,タスク名,開始予定,終了予定,進捗率\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&b, "%d,設計%d,2026-01-05,2026-02-27,50\n", i, i)
	}
	good, err := shiftJIS(b.String())
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(good + "201,\x82\xff\x85\x40,2026-03-02,2026-06-30,0\n")
	for _, c := range []struct {
		encoding, want string
	}{
		{"", "wbs.csv:202: cannot tell the text encoding: line 202 is neither UTF-8 nor Shift_JIS"},
		{"shift_jis", "wbs.csv:202: line 202 is not valid Shift_JIS (CP932)"},
		{"utf-8", "wbs.csv:1: line 1 is not valid UTF-8"}, // the header is Shift_JIS already
	} {
		_, err := sheet.Parse("wbs.csv", data, sheet.OpenOptions{Encoding: c.encoding})
		t.Run("encoding "+c.encoding, func(t *testing.T) { wantInputError(t, err, "wbs.csv:", c.want) })
	}
	// The same file without the bad line reads either way it is asked.
	for _, enc := range []string{"", "shift_jis"} {
		if _, err := sheet.Parse("wbs.csv", []byte(good), sheet.OpenOptions{Encoding: enc}); err != nil {
			t.Errorf("encoding %q, the whole file: %v", enc, err)
		}
	}
}
