package project

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestStatusNames checks that each status and priority reads back from
// its name, in text and JSON, and that the values order as their names
// do (code that sorted or compared them as strings sorts the same).
func TestStatusNames(t *testing.T) {
	check := func(what string, names []string, parse func(string) (uint8, bool), name func(uint8) string) {
		if !slices.IsSorted(names) {
			t.Errorf("%s: names %q are not in alphabetical order", what, names)
		}
		for i, n := range names {
			v, ok := parse(n)
			if !ok || int(v) != i || name(v) != n {
				t.Errorf("%s: %q parses to %d, %v, named %q", what, n, v, ok, name(v))
			}
		}
		if _, ok := parse("Done"); ok {
			t.Errorf("%s: parses a name that is none", what)
		}
	}
	check("task status", taskStatusNames[:], func(s string) (uint8, bool) { v, ok := ParseTaskStatus(s); return uint8(v), ok },
		func(v uint8) string { return TaskStatus(v).String() })
	check("item status", itemStatusNames[:], func(s string) (uint8, bool) { v, ok := ParseItemStatus(s); return uint8(v), ok },
		func(v uint8) string { return ItemStatus(v).String() })
	check("priority", priorityNames[:], func(s string) (uint8, bool) { v, ok := ParsePriority(s); return uint8(v), ok },
		func(v uint8) string { return Priority(v).String() })

	type rec struct {
		S TaskStatus         `json:"s"`
		I ItemStatus         `json:"i,omitempty"`
		P Priority           `json:"p"`
		M map[ItemStatus]int `json:"m"`
	}
	in := rec{S: InProgress, P: NoPriority, M: map[ItemStatus]int{Open: 2, Closed: 1, NoItemStatus: 3}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"s":"in_progress","p":"","m":{"":3,"closed":1,"open":2}}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil || out.S != in.S || out.P != in.P || len(out.M) != 3 || out.M[Closed] != 1 {
		t.Errorf("read back %+v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"s":"finished"}`), &out); err == nil {
		t.Error("an unknown status read without error")
	}
	if v, _ := Open.Value(); v != "open" {
		t.Errorf("Open.Value() = %v, want the name", v)
	}
}
