package validate

import (
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// holidayYears are the years pmo's Japanese holiday calendar covers
// (calendar.New precomputes them).
const firstHolidayYear, lastHolidayYear = 1980, 2099

// calendarOutOfRange reports project dates outside the years the Japanese
// holiday calendar covers: there, every weekday counts as a working day,
// which is a year without holidays rather than the truth.
func calendarOutOfRange(in *Input, r *Rule, fs *diag.Findings) {
	c := in.Config
	if c.Calendar.Holidays == "none" {
		return
	}
	lo, hi := date.Of(firstHolidayYear, 1, 1), date.Of(lastHolidayYear, 12, 31)
	for _, d := range []struct {
		key string
		at  date.Date
		pos diag.Pos
	}{{"project.start", c.Project.Start, c.Project.StartPos}, {"project.end", c.Project.End, c.Project.EndPos}, {"the status date", in.AsOf, c.Project.StatusDatePos}} {
		if !d.at.IsZero() && (d.at < lo || d.at > hi) {
			r.add(fs, d.pos, "%s %s is outside %d–%d, the years of the Japanese holiday calendar; national holidays there count as working days", d.key, d.at, firstHolidayYear, lastHolidayYear)
		}
	}
}
