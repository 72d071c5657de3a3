package sheet

import "testing"

func TestDateShaped(t *testing.T) {
	for s, want := range map[string]bool{
		"2026/2/30": true, "13/45": true, "2026年2月30日": true, "2026.02.30": true, "2026-02-30": true, "2月30日": true,
		"1.2.3": false, "1-2-3": false, "1.1": false, "12345": false, "設計": false, "1/2/3/4": false,
	} {
		if got := dateShaped(s); got != want {
			t.Errorf("dateShaped(%q) = %v, want %v", s, got, want)
		}
	}
}
