package sheet_test

import (
	"testing"
	"unicode/utf16"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"golang.org/x/text/encoding/charmap"
)

// A Western-European Excel's CSV (Windows-1252) is read, with a warning
// that the encoding was guessed.
func TestCSVWindows1252(t *testing.T) {
	t.Parallel()
	text := "Task Name,Owner,Start,Finish\nAnalyse des besoins,Zoë Müller,2026-04-01,2026-04-10\nRévision,José Núñez,2026-04-13,2026-04-17\n"
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res := readBytes(t, "plan.csv", data, sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start D=planned_finish")
	wantTasks(t, tb,
		"L1 Analyse des besoins plan=2026-04-01..2026-04-10 who=Zoë Müller",
		"L1 Révision plan=2026-04-13..2026-04-17 who=José Núñez",
	)
	wantFinding(t, res, diag.Warning, "encoding-guessed", "plan.csv")
}

// UTF-16 without a byte order mark, in either byte order.
func TestCSVUTF16WithoutBOM(t *testing.T) {
	t.Parallel()
	text := "タスク名,担当者,開始日,終了日\r\n設計,山田,2026/04/01,2026/04/10\r\n"
	for _, big := range []bool{false, true} {
		var data []byte
		for _, u := range utf16.Encode([]rune(text)) {
			if big {
				data = append(data, byte(u>>8), byte(u))
			} else {
				data = append(data, byte(u), byte(u>>8))
			}
		}
		res := readBytes(t, "wbs.csv", data, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start D=planned_finish")
		wantTasks(t, tb, "L1 設計 plan=2026-04-01..2026-04-10 who=山田")
	}
}

// GanttProject and MS Project exports: Duration is elapsed time, not
// effort, and stays unmapped; Work is the effort.
func TestPresetGanttProjectAndMSProject(t *testing.T) {
	t.Parallel()
	gp := "ID,Name,Begin date,End date,Duration,Completion,Cost,Coordinator,Predecessors,Outline number,Resources,Assignments,Web Link,Notes\n" +
		"1,Design,2026-04-01,2026-04-10,8,50,0,Ann,,1,Ann,,,\n2,Build,2026-04-13,2026-04-24,10,0,0,Bob,1,2,Bob,,,\n"
	res := csvRead(t, "gantt.csv", gp, sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "GanttProject" {
		t.Errorf("tool %q, want GanttProject", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1}, "B=name C=planned_start D=planned_finish F=progress H=assignee I=predecessors J=wbs_id K=assignee N=notes")
	wantTasks(t, tb,
		"[1] L1 Design plan=2026-04-01..2026-04-10 p=50 who=Ann",
		"[2] L1 Build plan=2026-04-13..2026-04-24 p=0 who=Bob pred=1",
	)
	mp := "ID,Name,Duration,Start,Finish,Predecessors,Resource Names,% Complete,Outline Level,Work\n" +
		"1,Kickoff,1 day,Wed 4/1/26,Wed 4/1/26,,Ann,100%,1,8 hrs\n2,Design,5 days,Thu 4/2/26,Wed 4/8/26,1,Bob,40%,2,40 hrs\n"
	res = csvRead(t, "project.csv", mp, sheet.Options{})
	tb = oneTable(t, res)
	if tb.Tool != "MS Project" {
		t.Errorf("tool %q, want MS Project", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name D=planned_start E=planned_finish F=predecessors G=assignee H=progress I=level J=planned_effort")
	wantTasks(t, tb,
		"[1] L1 sum Kickoff plan=2026-04-01..2026-04-01 p=100 eff=1 who=Ann",
		"[2] L2 Design plan=2026-04-02..2026-04-08 p=40 eff=5 who=Bob pred=1",
	)
}
