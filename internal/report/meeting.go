package report

import (
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
)

// pendingLines are page 1's lines for the pending decisions (or
// escalations) of the analysis: the text, then its age, owner and due
// date when known — "本番日の決定（12日経過・山田・期限 2026-05-01）".
func pendingLines(ds []analyze.DecisionState, kind, lang string, l Labels) []string {
	var out []string
	for _, d := range ds {
		if d.Kind != kind || d.Status != "pending" {
			continue
		}
		out = append(out, d.Text+DecisionNote(d, lang, l))
	}
	return out
}

// DecisionNote is the bracketed age, owner and due date of a pending
// decision, or "" when none is known.
func DecisionNote(d analyze.DecisionState, lang string, l Labels) string {
	var parts []string
	if d.AgeDays != nil {
		parts = append(parts, strings.ReplaceAll(l.Get("age.days"), "{n}", strconv.Itoa(*d.AgeDays)))
	}
	if d.Owner != "" {
		parts = append(parts, d.Owner)
	}
	if !d.Due.IsZero() {
		due := l.Get("col.due") + " " + d.Due.String()
		if d.Overdue {
			due += " " + l.Get("age.overdue")
		}
		parts = append(parts, due)
	}
	if len(parts) == 0 {
		return ""
	}
	if lang == "en" {
		return " (" + strings.Join(parts, ", ") + ")"
	}
	return "（" + strings.Join(parts, "・") + "）"
}

// DecisionStatus is a decision state in the document's language.
func (d *Document) DecisionStatus(s string) string { return d.L.Get("dstatus." + s) }

// Fill replaces {key} placeholders of a label.
func Fill(s string, kv ...string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}
