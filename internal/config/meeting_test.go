package config

import (
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// Decisions and escalations take plain texts and records side by side;
// page 1's lists keep the pending ones, the log keeps every one.
func TestDecisionRecords(t *testing.T) {
	t.Parallel()
	src := top(`report:
  decisions:
    - 本番日の決定
    - text: 追加予算の承認
      raised_on: 2026-10-01
      owner: 部長
      due: 2026-11-13
    - {text: 旧案の採否, status: withdrawn}
    - {text: 体制変更, decided_on: 2026-11-18}
  escalations: 要員不足
actions:
  - title: 環境手配
    owner: 山田・佐藤
    due: 2026-11-13
    meeting: 第3回定例 2026/11/06
    status: 対応中
  - {title: 議事録配布, closed_on: 2026-11-07, meeting: 2026-11-06}`)
	p, found, err := Parse("project.yaml", []byte(src))
	if err != nil || len(found) != 0 {
		t.Fatalf("err %v, findings %v", err, found)
	}
	r := p.Report
	if !slices.Equal(r.Decisions, []string{"本番日の決定", "追加予算の承認"}) || !slices.Equal(r.Escalations, []string{"要員不足"}) {
		t.Errorf("pending: %q / %q", r.Decisions, r.Escalations)
	}
	if len(r.DecisionLog) != 5 {
		t.Fatalf("log %+v", r.DecisionLog)
	}
	if d := r.DecisionLog[1]; d.RaisedOn != date.Of(2026, 10, 1) || d.Owner != "部長" || d.Due != date.Of(2026, 11, 13) || d.Status != DecisionPending {
		t.Errorf("record: %+v", d)
	}
	if r.DecisionLog[2].Status != DecisionWithdrawn || r.DecisionLog[3].Status != DecisionDecided || r.DecisionLog[4].Kind != "escalation" {
		t.Errorf("states: %+v", r.DecisionLog)
	}
	if len(p.Actions) != 2 {
		t.Fatalf("actions %+v", p.Actions)
	}
	a := p.Actions[0]
	if !slices.Equal(a.Owner, []string{"山田", "佐藤"}) || a.MeetingDate != date.Of(2026, 11, 6) || a.Status != project.ItemWorking || a.Source.Row == 0 {
		t.Errorf("action: %+v", a)
	}
	if b := p.Actions[1]; b.Status != project.Closed || b.MeetingDate != date.Of(2026, 11, 6) {
		t.Errorf("closed action: %+v", b)
	}
}
