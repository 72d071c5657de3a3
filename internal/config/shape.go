package config

import (
	"slices"

	"github.com/pmokit/pmo/internal/project"
)

// shape lists the keys a mapping accepts, in documentation order, and the
// shapes of the values that are mappings themselves (or lists of them).
// The decoder checks keys against it and the schema test walks it, so the
// loader and the JSON Schema cannot drift apart unnoticed.
type shape struct {
	keys []string
	sub  map[string]*shape
}

func (s *shape) allows(key string) bool { return slices.Contains(s.keys, key) }

func projectShape() *shape {
	return &shape{
		keys: []string{"version", "project", "teams", "calendar", "milestones", "thresholds", "report", "sources", "actions"},
		sub: map[string]*shape{
			"project": {keys: []string{"id", "name", "pm", "sponsor", "start", "end", "budget", "cost_per_day", "currency", "status_date", "baseline"}},
			"teams": {
				keys: []string{"name", "lead", "members"},
				sub:  map[string]*shape{"members": {keys: []string{"name", "capacity", "aliases"}}},
			},
			"calendar":   calendarShape(),
			"milestones": {keys: []string{"name", "date", "done", "wbs_id"}},
			"thresholds": thresholdsShape(),
			"report":     reportShape(),
			"actions":    actionShape(),
			"sources": {
				keys: []string{"file", "kind", "team", "sheet", "header_rows", "columns", "encoding", "password_env", "category"},
				sub:  map[string]*shape{"columns": {keys: Fields("")}},
			},
		},
	}
}

func portfolioShape() *shape {
	return &shape{
		keys: []string{"version", "portfolio", "projects", "output", "defaults", "people"},
		sub: map[string]*shape{
			"portfolio": {keys: []string{"name"}},
			"projects":  {keys: []string{"path", "department", "program", "tags"}},
			"people":    {keys: []string{"name", "capacity", "aliases", "company"}},
			"defaults": {
				keys: []string{"status_date", "calendar", "thresholds", "report"},
				sub: map[string]*shape{
					"calendar":   calendarShape(),
					"thresholds": thresholdsShape(),
					"report":     reportShape(),
				},
			},
		},
	}
}

func calendarShape() *shape {
	return &shape{keys: []string{"holidays", "days_off", "workdays"}}
}

func thresholdsShape() *shape {
	band := func() *shape { return &shape{keys: []string{"amber", "red"}} }
	return &shape{
		keys: []string{"spi", "cpi", "behind_points", "overdue_high_issues", "milestone_slip_days", "capacity", "min_scheduled", "high_risks"},
		sub:  map[string]*shape{"spi": band(), "cpi": band(), "overdue_high_issues": band(), "high_risks": band()},
	}
}

func reportShape() *shape {
	return &shape{keys: []string{"lang", "comment", "decisions", "escalations", "title", "meeting"},
		sub: map[string]*shape{"decisions": decisionShape(), "escalations": decisionShape()}}
}

// Fields returns the standard field names a source of the given kind may
// map in columns, in the order of the standard tracker. For the empty kind
// (a source whose kind the reader infers) it returns every field of every
// kind, each once.
func Fields(kind project.Kind) []string {
	task := []string{"wbs_id", "level", "name", "team", "assignee", "planned_start", "planned_finish",
		"actual_start", "actual_finish", "planned_effort", "actual_effort", "progress", "status",
		"milestone", "predecessors", "deliverable", "notes"}
	issue := []string{"id", "title", "description", "category", "priority", "status", "raised_on",
		"raised_by", "owner", "due", "closed_on", "resolution", "related_task"}
	risk := []string{"id", "title", "description", "category", "probability", "impact", "score",
		"owner", "mitigation", "status", "due"}
	action := []string{"id", "title", "owner", "due", "status", "raised_on", "meeting", "closed_on", "notes"}
	test := []string{"id", "title", "planned_on", "executed_on", "result", "tester", "defect",
		"day", "planned_count", "executed_count", "passed_count", "failed_count"}
	switch kind {
	case project.KindWBS:
		return task
	case project.KindIssues:
		return issue
	case project.KindRisks:
		return risk
	case project.KindActions:
		return action
	case project.KindTests:
		return test
	}
	all := task
	for _, f := range slices.Concat(issue, risk, action, test) {
		if !slices.Contains(all, f) {
			all = append(all, f)
		}
	}
	return all
}
