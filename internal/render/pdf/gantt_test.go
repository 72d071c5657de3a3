package pdf

import (
	"strings"
	"testing"
)

// TestGanttTeamOnOneLine: the phase Gantt's team column is as wide as its
// widest team name, so a name like バックエンド is drawn whole on one line
// (it broke as バックエン / ド in a fixed 18 mm column); a team name longer
// than the column's limit still wraps instead of squeezing the task names.
func TestGanttTeamOnOneLine(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		d := load(t, "ec", lang)
		_, _, runs := renderRec(t, d)
		teams := map[string]bool{}
		for _, task := range d.Tasks {
			if task.Level <= 2 && task.Team != "" {
				teams[task.Team] = true
			}
		}
		if !teams["バックエンド"] {
			t.Fatalf("%s: the ec example has no team バックエンド: %v", lang, teams)
		}
		for team := range teams {
			whole := 0
			for _, r := range runs {
				if r.s != team && strings.HasPrefix(team, r.s) && len(r.s) > 0 {
					t.Errorf("%s: team %q drawn broken, a line %q (page %d)", lang, team, r.s, r.page)
				}
				if r.s == team {
					whole++
				}
			}
			if whole == 0 {
				t.Errorf("%s: team %q never drawn whole", lang, team)
			}
		}
	}

	d := load(t, "ec", "ja")
	long := strings.Repeat("第二システム開発部", 4)
	for i := range d.Tasks {
		if d.Tasks[i].Level == 2 {
			d.Tasks[i].Team = long
			break
		}
	}
	_, _, runs := renderRec(t, d)
	lines := 0
	for _, r := range runs {
		if r.s != long && strings.HasPrefix(long, r.s) {
			lines++
			if r.w > ganttTeamMax {
				t.Errorf("a line of the long team is %.1f mm wide, past the column's %.0f mm", r.w, ganttTeamMax)
			}
		}
	}
	if lines == 0 {
		t.Error("a team name longer than the column does not wrap")
	}
}
