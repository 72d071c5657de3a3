package project

import "testing"

func TestPeopleFind(t *testing.T) {
	t.Parallel()
	p := People[int]{}
	p.Add("山田 太郎", 1)
	p.Add("鈴木　一郎", 2)
	p.Add("鈴木 花子", 3)
	p.Add("Sato", 4)
	cases := []struct {
		name string
		want int
		ok   bool
	}{
		{"山田太郎", 1, true},  // spaces do not matter
		{"山田", 1, true},    // the only 山田
		{"鈴木", 0, false},   // two people could be meant
		{"鈴木 一郎", 2, true}, // full-width space in the roster
		{"ＳＡＴＯ", 4, true},  // width and case
		{"S", 0, false},    // too short to name anyone
		{"田中", 0, false},   // not listed
	}
	for _, c := range cases {
		got, ok := p.Find(c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("Find(%q) = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
