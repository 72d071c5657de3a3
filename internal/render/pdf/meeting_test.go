package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/report"
)

// The kikan example keeps an action list, a test specification and a
// defect list: pdftotext finds every action's title in the report, the
// test and defect pages, and the meeting pack's sections with the overdue
// and new actions and the pending decisions.
func TestFollowUpInPDF(t *testing.T) {
	t.Parallel()
	d := load(t, "kikan", "ja")
	b, _, err := Render(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "status.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	text := squash(run(t, "pdftotext", path, "-"))
	st := d.A.Actions
	if len(st.Items)+len(st.Done) != 8 || st.Overdue != 2 || st.CarriedOver != 1 || st.NoOwner != 1 || st.NoDue != 1 {
		t.Errorf("actions %+v", st)
	}
	for _, a := range append(st.Items, st.Done...) {
		if !strings.Contains(text, squash(a.Title)) {
			t.Errorf("action %q not in the report", a.Title)
		}
	}
	for _, s := range []string{"前回からの宿題", "テスト消化曲線", "不具合収束曲線", "まだ収束していません", "18日経過"} {
		if !strings.Contains(text, squash(s)) {
			t.Errorf("%q not in the report", s)
		}
	}

	m, _, err := RenderMeeting("", []*report.Document{d}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mpath := filepath.Join(dir, "meeting.pdf")
	if err := os.WriteFile(mpath, m, 0o644); err != nil {
		t.Fatal(err)
	}
	mt := squash(run(t, "pdftotext", mpath, "-"))
	for _, s := range []string{"定例会議資料", "案件別の状況", "期限超過のアクション", "新規アクション", "未決の意思決定・エスカレーション", "前回からの変化",
		"会計パッケージベンダーへIF仕様の提示を督促する", "単体テストの消化遅れの要因を分析する", "移行リハーサル用本番相当データの取得承認"} {
		if !strings.Contains(mt, squash(s)) {
			t.Errorf("%q not in the meeting pack", s)
		}
	}
	// A decided decision is in the log, not among the pending ones.
	if strings.Contains(mt, squash("検証環境ラック1本の追加契約")) {
		t.Error("a decided decision is listed as pending")
	}
}
