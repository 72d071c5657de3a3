package diag

import "testing"

func TestEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"name", "name", 0}, {"nmae", "name", 1},
		{"sorces", "sources", 1}, {"kitten", "sitting", 3}, {"予定開始", "予定終了", 2},
	}
	for _, tc := range tests {
		if got := EditDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := EditDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestNearest(t *testing.T) {
	t.Parallel()
	choices := []string{"init", "inspect", "validate", "status", "report", "batch", "format", "lang"}
	tests := []struct{ in, want string }{
		{"statu", "status"}, {"STATUS", "status"}, {"formt", "format"}, {"valdiate", "validate"},
		{"repor", "report"}, {"x", ""}, {"zzzzzz", ""}, {"", ""}, {"langs", "lang"},
	}
	for _, tc := range tests {
		if got := Nearest(tc.in, choices); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
