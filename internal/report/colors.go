package report

import "github.com/pmokit/pmo/internal/analyze"

// MediumRiskScore is the probability × impact score from which a risk is
// shown amber on the heat map; from analyze.HighRiskScore it is red.
const MediumRiskScore = 5

// Tone is a fill and a text colour as RRGGBB hex.
type Tone struct{ Fill, Text string }

// The heat map's tones: one definition, so the tracker's grid and the
// PDF's agree cell for cell.
var (
	ToneHigh   = Tone{Fill: "FFC7CE", Text: "9C0006"}
	ToneMedium = Tone{Fill: "FFEB9C", Text: "9C5700"}
	ToneLow    = Tone{Fill: "C6EFCE", Text: "006100"}
)

// HeatTone is the tone of a heat-map cell or a risk score.
func HeatTone(score float64) Tone {
	switch {
	case score >= analyze.HighRiskScore:
		return ToneHigh
	case score >= MediumRiskScore:
		return ToneMedium
	}
	return ToneLow
}
