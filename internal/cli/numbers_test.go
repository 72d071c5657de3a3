package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestExtremeNumbersShownShort: a sheet whose numbers are extreme (an
// effort of 1e-300 makes SPI 1e301; a progress of 1e308 %) is shown by
// inspect, status and history with short numbers in both languages, not
// with hundreds of digits.
func TestExtremeNumbersShownShort(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv := "WBS,タスク名,担当,開始日,終了日,進捗率,予定工数,実績工数\n" +
		"1,設計,佐藤,2026-11-01,2026-11-10,0,1e-300,1\n" +
		"2,製造,鈴木,2026-12-01,2026-12-10,100,10,10\n" +
		"3,試験,鈴木,2026-12-01,2026-12-10,1e308,,\n"
	yaml := "version: 1\nproject:\n  id: spi\n  name: SPI\n  pm: 佐藤\n  start: 2026-10-01\n  end: 2027-03-31\n  status_date: 2026-11-20\nsources:\n  - file: w.csv\n    kind: wbs\n"
	for name, body := range map[string]string{"w.csv": csv, "project.yaml": yaml} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	long := regexp.MustCompile(`[0-9]{16}`)
	for _, lang := range []string{"ja", "en"} {
		for _, args := range [][]string{
			{"inspect", "--lang", lang, filepath.Join(dir, "w.csv")},
			{"status", "--lang", lang, filepath.Join(dir, "project.yaml")},
			{"report", "--lang", lang, "--format", "pdf", "-o", out, filepath.Join(dir, "project.yaml")},
			{"history", "--lang", lang, out},
		} {
			_, stdout, stderr := run(t, args...)
			for _, s := range []string{stdout, stderr} {
				if m := long.FindString(s); m != "" {
					t.Errorf("pmo %v shows %s…:\n%s", args, m, s)
				}
			}
		}
	}
	if _, stdout, _ := run(t, "status", "--lang", "en", filepath.Join(dir, "project.yaml")); !regexp.MustCompile(`SPI [0-9.]+E\+301`).MatchString(stdout) {
		t.Errorf("status does not show SPI as n.nE+301:\n%s", stdout)
	}
}
