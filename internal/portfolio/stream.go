package portfolio

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
)

// BuildFrom builds the board as Build does, from n projects that entry
// hands out one at a time in portfolio order. Each is asked for twice —
// the people's names first (a surname is matched against every full name
// of the portfolio), then everything else — and none is kept: the board
// holds what it shows, not every project's summary, so a batch can read
// the summaries back from its result files one project at a time. An
// error from entry stops the build.
func BuildFrom(in Input, n int, entry func(i int) (Entry, error)) (*Board, error) {
	bd := newBuilder(in)
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return nil, err
		}
		bd.scan(&e)
	}
	bd.start()
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return nil, err
		}
		bd.add(&e)
	}
	return bd.finish(), nil
}

// builder adds the board up one project at a time.
type builder struct {
	in          Input
	b           *Board
	now, before map[analyze.Level]int
	asOf        date.Date // the latest status date, for the milestone strip without --as-of
	strip       bool      // there is a status date: the milestone strip is filled
	escalations []Item
	quality     []QualityRow
	crowd       *crowd
	groups      *grouping
}

func newBuilder(in Input) *builder {
	bd := &builder{in: in, now: map[analyze.Level]int{}, before: map[analyze.Level]int{}, quality: []QualityRow{}}
	bd.b = &Board{AsOf: in.AsOf, Changes: []Change{}, Movers: []Change{}, Quadrant: []Point{}, Milestones: []DueMilestone{},
		Items: []Item{}, OverdueActions: []Action{}, Trend: []TrendRow{}, Missing: []string{}, GroupBy: in.GroupBy}
	bd.crowd = newCrowd(&bd.in)
	if in.GroupBy != "" {
		bd.groups = newGrouping(in.GroupBy)
	}
	return bd
}

// scan is the first pass: the people's names and the latest status date.
func (bd *builder) scan(e *Entry) {
	bd.crowd.names(e)
	if e.Summary != nil && len(e.Summary.Trend) > 0 {
		bd.asOf = max(bd.asOf, e.Summary.Trend[len(e.Summary.Trend)-1].AsOf)
	}
}

// start settles what the second pass needs from the first.
func (bd *builder) start() {
	bd.crowd.start()
	asOf := bd.in.AsOf
	if asOf.IsZero() {
		asOf = bd.asOf
	}
	if bd.strip = !asOf.IsZero(); bd.strip {
		bd.b.MilestoneUntil = asOf.AddDays(7*cmp.Or(bd.in.MilestoneWeeks, DefaultMilestoneWeeks) - 1)
	}
}

// add is the second pass: the project's share of every part of the board.
func (bd *builder) add(e *Entry) {
	b := bd.b
	built := e.Summary != nil && e.Status != "failed"
	if !built {
		b.Missing = append(b.Missing, cmp.Or(e.label(), "?"))
	}
	bd.status(e)
	if built {
		if bd.strip {
			for _, m := range e.Summary.Milestones {
				if m.Date <= b.MilestoneUntil {
					b.Milestones = append(b.Milestones, DueMilestone{Project: e.label(), Name: m.Name, Date: m.Date, Status: m.Status})
				}
			}
		}
		// Decisions of every project first, then escalations: the
		// committee decides, then unblocks.
		for _, it := range e.Summary.Items {
			it.Project = e.label()
			switch it.Kind {
			case KindDecision:
				b.Items = append(b.Items, it)
			case KindEscalation:
				bd.escalations = append(bd.escalations, it)
			}
		}
		for _, a := range e.Summary.OverdueActions {
			a.Project = e.label()
			b.OverdueActions = append(b.OverdueActions, a)
		}
		b.MoreActions += e.Summary.MoreActions
		b.HasActions = b.HasActions || e.Summary.HasActions
		b.Trend = append(b.Trend, TrendRow{Project: e.label(), Name: e.Name, Points: e.Summary.Trend})
	}
	bd.quality = qualityRows(bd.quality, e)
	bd.crowd.add(e)
	if bd.groups != nil {
		bd.groups.add(e)
	}
}

// status counts the project by RAG now and at its previous run, and
// finds its move.
func (bd *builder) status(e *Entry) {
	if !e.judged() {
		return
	}
	b := bd.b
	bd.now[e.RAG]++
	c := Change{Project: e.label(), Name: e.Name, RAG: e.RAG, SPI: e.SPI}
	if tr := e.Summary.Trend; len(tr) >= 2 {
		p := tr[len(tr)-2]
		c.Prev, c.PrevSPI, c.Since = p.RAG, p.SPI, p.AsOf
		if c.Prev != "" {
			bd.before[c.Prev]++
			// Rank is worst first: a higher rank now is better.
			c.Arrow = cmp.Compare(c.RAG.Rank(), c.Prev.Rank())
		}
	}
	b.Changes = append(b.Changes, c)
	if e.SPI != nil && e.CPI != nil {
		b.Quadrant = append(b.Quadrant, Point{Project: e.label(), SPI: *e.SPI, CPI: *e.CPI, BAC: e.Summary.BAC, RAG: e.RAG})
	}
}

// finish orders what the passes gathered.
func (bd *builder) finish() *Board {
	b := bd.b
	for _, lv := range analyze.Levels {
		b.Counts = append(b.Counts, LevelCount{Level: lv, Now: bd.now[lv], Before: bd.before[lv]})
	}
	// Movers: worse RAG first, then the larger SPI drop.
	for _, c := range b.Changes {
		if !c.HasPrevious() {
			continue
		}
		if d := c.SPIDelta(); c.Arrow < 0 || d != nil && *d <= -0.005 {
			b.Movers = append(b.Movers, c)
		}
	}
	drop := func(c Change) float64 {
		if d := c.SPIDelta(); d != nil {
			return *d
		}
		return 0
	}
	slices.SortStableFunc(b.Movers, func(x, y Change) int {
		return cmp.Or(cmp.Compare(x.Arrow, y.Arrow), cmp.Compare(x.RAG.Rank(), y.RAG.Rank()), cmp.Compare(drop(x), drop(y)))
	})
	slices.SortStableFunc(b.Milestones, func(x, y DueMilestone) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), strings.Compare(x.Project, y.Project))
	})
	b.Items = append(b.Items, bd.escalations...)
	slices.SortStableFunc(b.OverdueActions, func(x, y Action) int { return cmp.Compare(y.DaysOverdue, x.DaysOverdue) })
	b.Quality = rankQuality(bd.quality)
	b.People, b.Findings = bd.crowd.finish()
	if bd.groups != nil {
		b.Groups = bd.groups.finish()
	}
	return b
}
