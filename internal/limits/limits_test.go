package limits_test

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

func TestOver(t *testing.T) {
	for _, tc := range []struct {
		limit int64
		bytes bool
		want  string
	}{
		{64 << 20, true, "64 MB"}, {256 << 10, true, "256 KB"}, {1000, true, "1,000 bytes"}, {1 << 20, false, "1,048,576"}, {16384, false, "16,384"},
	} {
		err := limits.Over(diag.Pos{File: "f"}, diag.Phrase{EN: "x", JA: "エックス"}, tc.limit, tc.bytes)
		if !strings.Contains(err.Error(), "limit of "+tc.want+" (") || !strings.Contains(err.Text("ja"), "エックスが pmo の上限（"+tc.want+"）") {
			t.Errorf("%d: %q / %q", tc.limit, err.Error(), err.Text("ja"))
		}
	}
}
