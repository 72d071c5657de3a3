package analyze

import "slices"

// pageOneIssues is how many open issues a summary page can list; the
// count of the rest is kept.
const pageOneIssues = 10

// PageOne returns a copy of r holding only what a one-page summary shows:
// the figures, RAG, coverage, milestones, teams, changes, forecast and the
// first open issues — not the task list, the curve, the workload grid, the
// findings or the states kept for the next run. A portfolio keeps one per
// project, so its memory stays flat however long each project's WBS is.
func (r *Result) PageOne() *Result {
	c := *r
	c.Rolled, c.Curve, c.Findings = nil, nil, nil
	c.taskStates, c.itemStates, c.sourceStates, c.cal = nil, nil, nil, nil
	c.Workload = Workload{}
	c.Tasks.LateIDs, c.Tasks.LateTasks, c.Tasks.BehindTasks = nil, nil, nil
	c.Risks.Top = nil
	c.Replan, c.Baseline = r.Replan.summary(), r.Baseline.summary()
	c.Issues.Top = slices.Clone(r.Issues.Top[:min(len(r.Issues.Top), pageOneIssues)])
	c.Issues.MoreOpen = len(r.Issues.Top) - len(c.Issues.Top) + r.Issues.MoreOpen
	// Every overdue action stays (the portfolio lists them across
	// projects); of the rest, as many as a page lists.
	c.Actions.Items, c.Actions.Done = nil, nil
	for i, a := range r.Actions.Items {
		if a.Overdue || i < pageOneIssues {
			c.Actions.Items = append(c.Actions.Items, a)
		}
	}
	if r.Tests != nil {
		t := *r.Tests
		t.Curve = nil
		c.Tests = &t
	}
	if r.Defects != nil {
		d := *r.Defects
		d.Weeks = nil
		c.Defects = &d
	}
	return &c
}
