package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inspect shows the records of action and test tables (per case and
// tallies), in text and JSON.
func TestInspectFollowUpKinds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tally := filepath.Join(dir, "テスト消化表.csv")
	if err := os.WriteFile(tally, []byte("日付,予定件数,消化件数,NG件数\n2026/11/16,5,3,1\n2026/11/17,5,4,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, kind, want string
		records          int
	}{
		{filepath.Join("..", "..", "examples", "kikan", "teams", "定例アクション.xlsx"), "actions", "第10回定例 2026/10/30", 8},
		{filepath.Join("..", "..", "examples", "kikan", "teams", "業務", "単体テスト仕様書.xlsx"), "tests", "pass(OK)", 30},
		{tally, "tests", "消化 4", 2},
	} {
		code, out, errOut := run(t, "inspect", c.file)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("inspect %s: exit %d, want %q in:\n%s%s", c.file, code, c.want, out, errOut)
		}
		code, out, _ = run(t, "inspect", "--json", c.file)
		var res struct {
			Tables []struct {
				Kind    string
				Records []json.RawMessage
			}
		}
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Tables) != 1 || res.Tables[0].Kind != c.kind || len(res.Tables[0].Records) != c.records {
			t.Errorf("inspect --json %s: exit %d, %s", c.file, code, out[:min(len(out), 300)])
		}
	}
}
