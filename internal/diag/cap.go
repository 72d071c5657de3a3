package diag

// FindingsPerRule is how many findings of one rule one table lists one by
// one. A sheet whose every row breaks a rule (a column mapped wrong, dates
// a locale pmo does not read) would otherwise list a finding per row: a
// full-height sheet gave 4.2 million findings, 520 MB of output and 3.4 GB
// of memory, and no one acts on more than a few hundred of one kind — they
// fix the column. Past this many, one finding says how many more there are.
const FindingsPerRule = 500

// RuleCap keeps a table's findings to FindingsPerRule per rule as they are
// made, so that memory stays bounded while a sheet is read, not only
// after. The findings past the cap are counted into one summary finding per
// rule, at the position of the first one left out; its More is how many it
// stands for, and Count and Total count them, so totals never show fewer
// problems than the sheet has. Its zero value is ready to use.
type RuleCap struct {
	kept   map[capKey]int     // findings kept
	seen   map[Finding]bool   // the kept ones: a merged cell repeats its finding on every row it spans
	recent map[capKey]Finding // the last one counted past the cap, for the same repeats
	sum    map[capKey]int     // index in the list of the summary finding
}

// capKey is what a cap counts by: the rule and the severity, so that a
// summary never counts an error of a rule among its warnings (validate's
// exit status and every error total go by severity).
type capKey struct {
	rule string
	sev  Severity
}

// Keep adds f to fs unless the cap for its rule is reached; then it is
// counted into the rule's summary finding.
func (c *RuleCap) Keep(fs *Findings, f Finding) {
	if c.kept == nil {
		c.kept, c.seen, c.recent, c.sum = map[capKey]int{}, map[Finding]bool{}, map[capKey]Finding{}, map[capKey]int{}
	}
	k := capKey{f.Rule, f.Severity}
	if c.seen[f] {
		return // a repeat of a kept one, as the read's dedupe would drop it
	}
	if c.kept[k] < FindingsPerRule {
		c.kept[k]++
		c.seen[f] = true
		*fs = append(*fs, f)
		return
	}
	if c.recent[k] == f {
		return
	}
	c.recent[k] = f
	if i, ok := c.sum[k]; ok {
		(*fs)[i].More++
		return
	}
	c.sum[k] = len(*fs)
	*fs = append(*fs, Finding{Severity: f.Severity, Rule: f.Rule, Pos: f.Pos, More: 1})
}

// Finish words the summary findings of fs, once their counts are known.
func (c *RuleCap) Finish(fs Findings) {
	for k, i := range c.sum {
		var one Findings
		one.Add(k.sev, k.rule, fs[i].Pos, "%d more findings like this in this table are not listed one by one (the first %d are)", fs[i].More, FindingsPerRule)
		fs[i].Message, fs[i].MessageJA = one[0].Message, one[0].MessageJA
	}
	c.sum = map[capKey]int{}
}

// weight is how many findings f stands for: a summary, its More.
func (f Finding) weight() int { return max(f.More, 1) }

// Total is how many findings fs stands for, those past a cap included.
func (fs Findings) Total() int {
	n := 0
	for _, f := range fs {
		n += f.weight()
	}
	return n
}
