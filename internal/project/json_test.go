package project

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// TestJSONMirrorsEveryField checks that each record's JSON mirror has
// every field of the record but its Cells, with the same type (a
// *float64 for a Num, a []string for Names), and no other but the Source its Cells hold: a
// field added to a record and not to its mirror would vanish from pmo
// inspect --json.
func TestJSONMirrorsEveryField(t *testing.T) {
	for _, c := range []struct{ rec, mirror any }{{Task{}, taskJSON{}}, {Issue{}, issueJSON{}}, {Risk{}, riskJSON{}}} {
		rt, mt := reflect.TypeOf(c.rec), reflect.TypeOf(c.mirror)
		want := map[string]reflect.Type{"Source": reflect.TypeOf(diag.Pos{})}
		mirrored := map[[2]reflect.Type]bool{
			{reflect.TypeOf(Num{}), reflect.TypeOf((*float64)(nil))}: true,
			{reflect.TypeOf(Names{}), reflect.TypeOf([]string(nil))}: true,
		}
		for i := range rt.NumField() {
			if f := rt.Field(i); f.Name != "Cells" {
				want[f.Name] = f.Type
			}
		}
		for i := range mt.NumField() {
			f := mt.Field(i)
			// A Num is written as a *float64 is (a number, or left out),
			// Names as its []string.
			if want[f.Name] != f.Type && !mirrored[[2]reflect.Type{want[f.Name], f.Type}] {
				t.Errorf("%s: mirror field %s %s has no field of that type in the record", rt.Name(), f.Name, f.Type)
			}
			if f.Tag.Get("json") == "" {
				t.Errorf("%s: mirror field %s has no json tag", rt.Name(), f.Name)
			}
			delete(want, f.Name)
		}
		for name := range want {
			t.Errorf("%s: field %s is not in the JSON mirror", rt.Name(), name)
		}
	}
}

// TestRecordJSON pins the JSON of records: the field order, the names,
// what is left out when empty, and that <, > and & are written as they
// are, as pmo's JSON output writes every other text.
func TestRecordJSON(t *testing.T) {
	one, half := 1.0, 0.5
	pos := diag.Pos{File: "teams/WBS.xlsx", Sheet: "WBS", Row: 12}
	task := Task{WBSID: "1.2", Level: 2, Name: "設計 <A&B>", Team: "基盤", Assignee: NamesOf([]string{"山田", "佐藤"}),
		PlannedStart: date.Of(2026, 4, 1), PlannedFinish: date.Of(2026, 4, 10), ActualStart: date.Of(2026, 4, 2),
		PlannedEffort: NumOf(one), Progress: NumOf(half), Status: InProgress, StatusRaw: "作業中", Milestone: true,
		Predecessors: "1.1", Parent: "1", Deliverable: "設計書", Notes: "a\nb", Summary: true,
		Baseline: &Baseline{Start: date.Of(2026, 3, 30), Effort: &one}, Cells: SourceAt(pos), PlannedFinishFrom: FromCalendar}
	issue := Issue{ID: "I-1", Title: "課題", Priority: High, PriorityRaw: "高", Status: Open, StatusRaw: "未対応",
		RaisedOn: date.Of(2026, 4, 1), Owner: []string{"田中"}, Due: date.Of(2026, 4, 30), Team: "基盤", Cells: SourceAt(pos)}
	risk := Risk{ID: "R-1", Title: "リスク", Probability: NumOf(one), ProbabilityRaw: "1", Score: NumOf(half), Status: Open,
		Due: date.Of(2026, 5, 1), Cells: SourceAt(pos)}
	for _, c := range []struct {
		v    any
		want string
	}{
		{[]Task{task, {}}, `[{"wbs_id":"1.2","level":2,"name":"設計 <A&B>","team":"基盤","assignee":["山田","佐藤"],` +
			`"planned_start":"2026-04-01","planned_finish":"2026-04-10","actual_start":"2026-04-02","planned_effort":1,"progress":0.5,` +
			`"status":"in_progress","status_raw":"作業中","milestone":true,"predecessors":"1.1","parent":"1","deliverable":"設計書",` +
			`"notes":"a\nb","summary":true,"baseline":{"start":"2026-03-30","effort":1},"source":"teams/WBS.xlsx!WBS!12",` +
			`"planned_finish_from":"calendar"},{"level":0,"name":"","source":""}]`},
		{[]Issue{issue}, `[{"id":"I-1","title":"課題","priority":"high","priority_raw":"高","status":"open","status_raw":"未対応",` +
			`"raised_on":"2026-04-01","owner":["田中"],"due":"2026-04-30","team":"基盤","source":"teams/WBS.xlsx!WBS!12"}]`},
		{[]Risk{risk}, `[{"id":"R-1","title":"リスク","probability":1,"probability_raw":"1","score":0.5,"status":"open",` +
			`"due":"2026-05-01","source":"teams/WBS.xlsx!WBS!12"}]`},
	} {
		var b []byte
		var err error
		if b, err = marshalMirror(c.v); err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("got  %s\nwant %s", b, c.want)
		}
		// encoding/json's own escaping still applies where a caller asks for it.
		if b, err = json.Marshal(c.v); err != nil {
			t.Fatal(err)
		}
		if want := string(escapeHTML([]byte(c.want))); string(b) != want {
			t.Errorf("json.Marshal: got  %s\nwant %s", b, want)
		}
		// What is written reads back the same (a batch stores the issues
		// of a summary page and reads them back).
		back := reflect.New(reflect.TypeOf(c.v))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatal(err)
		}
		if again, _ := marshalMirror(back.Elem().Interface()); string(again) != c.want {
			t.Errorf("read back: got  %s\nwant %s", again, c.want)
		}
	}
}

func escapeHTML(b []byte) []byte {
	var out []byte
	for _, c := range b {
		switch c {
		case '<':
			out = append(out, `\u003c`...)
		case '>':
			out = append(out, `\u003e`...)
		case '&':
			out = append(out, `\u0026`...)
		default:
			out = append(out, c)
		}
	}
	return out
}
