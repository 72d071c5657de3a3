package validate

import (
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

func titleMissing(in *Input, r *Rule, fs *diag.Findings) {
	for i := range in.Issues {
		if is := &in.Issues[i]; is.Title == "" {
			r.add(fs, is.Source(), "issue %s has no title", orRow(is.ID))
		}
	}
	for i := range in.Risks {
		if rk := &in.Risks[i]; rk.Title == "" {
			r.add(fs, rk.Source(), "risk %s has no title", orRow(rk.ID))
		}
	}
}

func openIssues(in *Input, fn func(is *project.Issue)) {
	for i := range in.Issues {
		if in.Issues[i].Status.IsOpen() {
			fn(&in.Issues[i])
		}
	}
}

func issueNoOwner(in *Input, r *Rule, fs *diag.Findings) {
	openIssues(in, func(is *project.Issue) {
		if len(is.Owner) == 0 {
			r.add(fs, is.Cell("owner"), "open issue %s has no owner", label(is.ID, is.Title))
		}
	})
}

func issueNoDue(in *Input, r *Rule, fs *diag.Findings) {
	openIssues(in, func(is *project.Issue) {
		if is.Due.IsZero() {
			r.add(fs, is.Cell("due"), "open issue %s has no due date", label(is.ID, is.Title))
		}
	})
}

func issueOverdue(in *Input, r *Rule, fs *diag.Findings) {
	if in.AsOf.IsZero() {
		return
	}
	openIssues(in, func(is *project.Issue) {
		if !is.Due.IsZero() && is.Due < in.AsOf {
			r.add(fs, is.Cell("due"), "issue %s was due %s and is still open (%d days overdue)", label(is.ID, is.Title), is.Due, int(in.AsOf-is.Due))
		}
	})
}

func closedNoDate(in *Input, r *Rule, fs *diag.Findings) {
	for i := range in.Issues {
		is := &in.Issues[i]
		if !is.Status.IsOpen() && is.ClosedOn.IsZero() {
			if is.Cells.Has("closed_on") { // the sheet has a column for it
				r.add(fs, is.Cell("status"), "issue %s is %s but has no closing date", label(is.ID, is.Title), quoteRaw(is.StatusRaw, is.Status.String()))
			}
		}
	}
}
