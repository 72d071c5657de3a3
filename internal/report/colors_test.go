package report

import "testing"

// The heat map's bands, which both renderers take from HeatTone: the PDF
// once turned amber at 6 and the tracker at 5.
func TestHeatTone(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		score float64
		want  Tone
	}{{1, ToneLow}, {4, ToneLow}, {5, ToneMedium}, {6, ToneMedium}, {11, ToneMedium}, {12, ToneHigh}, {25, ToneHigh}} {
		if got := HeatTone(c.score); got != c.want {
			t.Errorf("score %g: %+v, want %+v", c.score, got, c.want)
		}
	}
}
