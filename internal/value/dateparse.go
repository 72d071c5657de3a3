package value

import "strings"

// parser walks the tokens of one date text.
type parser struct {
	t []token
	i int
}

func (p *parser) at(k tokKind) bool { return p.i < len(p.t) && p.t[p.i].kind == k }

func (p *parser) atSep(ch byte) bool {
	return p.i < len(p.t) && p.t[p.i].kind == tSep && p.t[p.i].ch == ch
}

// skip consumes a separator ch if it is next.
func (p *parser) skip(ch byte) bool {
	if p.atSep(ch) {
		p.i++
		return true
	}
	return false
}

// num consumes a number of 1..maxDigits digits. 元 counts only where an era
// year is expected.
func (p *parser) num(maxDigits int, gan bool) (token, bool) {
	if !p.at(tNum) {
		return token{}, false
	}
	t := p.t[p.i]
	if t.nd > maxDigits || (t.gan && !gan) {
		return token{}, false
	}
	p.i++
	return t, true
}

// leadingWeekday consumes "Mon ", "Mon, " or "Mon. " before the date.
func (p *parser) leadingWeekday() int {
	if len(p.t) < 2 || p.t[0].kind != tWord {
		return -1
	}
	wd := weekdayWord(p.t[0].s)
	if wd < 0 {
		return -1
	}
	p.i = 1
	p.skip('.')
	p.skip(',')
	p.skip(' ')
	return wd
}

// core reads the date itself.
func (p *parser) core(afterWeekday bool) (reading, bool) {
	var r reading
	if p.i >= len(p.t) {
		return r, false
	}
	t := p.t[p.i]
	switch t.kind {
	case tEra:
		p.i++
		return p.eraRest(t.n)
	case tWord:
		if y := eraLetter(t.s); y != 0 && p.i+1 < len(p.t) && p.t[p.i+1].kind == tNum {
			p.i++
			return p.eraRest(y)
		}
		if m := monthWord(t.s); m != 0 {
			p.i++
			return p.monthFirst(m)
		}
	case tNum:
		return p.numFirst(afterWeekday)
	}
	return r, false
}

// kanjiMonthDay reads "4月1日" (with optional blanks between the parts).
func (p *parser) kanjiMonthDay() (m, d int, ok bool) {
	p.skip(' ')
	mt, ok1 := p.num(2, false)
	p.skip(' ')
	if !ok1 || !p.at(tMonth) {
		return 0, 0, false
	}
	p.i++
	p.skip(' ')
	dt, ok2 := p.num(2, false)
	p.skip(' ')
	if !ok2 || !p.at(tDay) {
		return 0, 0, false
	}
	p.i++
	return mt.n, dt.n, true
}

// eraRest reads the rest of an era date after the era name or letter.
func (p *parser) eraRest(first int) (reading, bool) {
	var r reading
	p.skip(' ')
	yt, ok := p.num(2, true)
	if !ok || yt.n < 1 {
		return r, false
	}
	y := first + yt.n - 1
	p.skip(' ')
	if p.at(tYear) {
		p.i++
		m, d, ok := p.kanjiMonthDay()
		if !ok {
			return r, false
		}
		r.add(y, m, d, false)
		return r, true
	}
	if p.i >= len(p.t) || p.t[p.i].kind != tSep {
		return r, false
	}
	sep := p.t[p.i].ch
	if sep != '.' && sep != '/' && sep != '-' {
		return r, false
	}
	p.i++
	mt, ok1 := p.num(2, false)
	if !ok1 || !p.skip(sep) {
		return r, false
	}
	dt, ok2 := p.num(2, false)
	if !ok2 {
		return r, false
	}
	r.add(y, mt.n, dt.n, false)
	return r, true
}

// monthFirst reads "Apr 1, 2026" or "Apr 1" after the month name.
func (p *parser) monthFirst(m int) (reading, bool) {
	var r reading
	p.skip('.')
	if !p.skip(' ') && !p.skip('-') {
		return r, false
	}
	dt, ok := p.num(2, false)
	if !ok {
		return r, false
	}
	save := p.i
	p.skip(',')
	p.skip(' ')
	if yt, ok := p.num(4, false); ok && yt.nd == 4 {
		r.add(yt.n, m, dt.n, false)
		return r, true
	}
	p.i = save
	r.add(0, m, dt.n, false)
	r.monthDay = true
	return r, true
}

// numFirst reads a date that starts with a number.
func (p *parser) numFirst(afterWeekday bool) (reading, bool) {
	var r reading
	a, ok := p.num(8, false)
	if !ok {
		return r, false
	}
	save := p.i
	p.skip(' ')
	switch {
	case p.at(tYear):
		if a.nd != 4 {
			return r, false
		}
		p.i++
		m, d, ok := p.kanjiMonthDay()
		if !ok {
			return r, false
		}
		r.add(a.n, m, d, false)
		return r, true
	case p.at(tMonth):
		if a.nd > 2 {
			return r, false
		}
		p.i = save - 1 // back to the month number
		m, d, ok := p.kanjiMonthDay()
		if !ok {
			return r, false
		}
		r.add(0, m, d, false)
		r.monthDay = true
		return r, true
	case p.at(tWord) && p.i > save && monthWord(p.t[p.i].s) != 0:
		// "1 April 2026"
		return p.dayMonthName(a, ' ')
	}
	p.i = save
	if a.nd == 8 {
		r.add(a.n/10000, a.n/100%100, a.n%100, false)
		return r, true
	}
	if p.i >= len(p.t) || p.t[p.i].kind != tSep {
		return r, false
	}
	sep := p.t[p.i].ch
	if sep != '/' && sep != '-' && sep != '.' {
		return r, false
	}
	p.i++
	if p.at(tWord) {
		return p.dayMonthName(a, sep)
	}
	b, ok := p.num(4, false)
	if !ok {
		return r, false
	}
	if !p.skip(sep) {
		// Only a slash makes two numbers a date: "1.1" is a number and
		// "1-1" a WBS code.
		if sep != '/' || a.nd > 2 || b.nd > 2 {
			return r, false
		}
		r.add(0, a.n, b.n, false)
		r.monthDay = true
		return r, true
	}
	c, ok := p.num(4, false)
	if !ok {
		return r, false
	}
	return triple(a, b, c, sep, afterWeekday)
}

// dayMonthName reads "1-Apr-2026", "1 April 2026", "02/Mar/26", "1-Apr" and
// "2026-Apr-01" from the month name on; a is the number before it.
func (p *parser) dayMonthName(a token, sep byte) (reading, bool) {
	var r reading
	m := monthWord(p.t[p.i].s)
	if m == 0 {
		return r, false
	}
	p.i++
	p.skip('.')
	save := p.i
	if a.nd == 4 {
		if !p.skip(sep) {
			return r, false
		}
		dt, ok := p.num(2, false)
		if !ok {
			return r, false
		}
		r.add(a.n, m, dt.n, false)
		return r, true
	}
	if a.nd > 2 {
		return r, false
	}
	more := p.skip(sep)
	if !more && sep == ' ' && p.skip(',') {
		p.skip(' ')
		more = true
	}
	if more {
		if yt, ok := p.num(4, false); ok && (yt.nd == 4 || yt.nd == 2) && !p.atSep(':') {
			y := yt.n
			if yt.nd == 2 {
				y += 2000
			}
			r.add(y, m, a.n, false)
			return r, true
		}
	}
	p.i = save
	r.add(0, m, a.n, false)
	r.monthDay = true
	return r, true
}

// triple interprets three numbers a<sep>b<sep>c.
func triple(a, b, c token, sep byte, afterWeekday bool) (reading, bool) {
	var r reading
	short := func(t token) bool { return t.nd <= 2 }
	switch {
	case a.nd == 4 && short(b) && short(c):
		r.add(a.n, b.n, c.n, false)
	case c.nd == 4 && short(a) && short(b):
		if sep == '.' {
			r.add(c.n, b.n, a.n, false)
			r.add(c.n, a.n, b.n, true)
		} else if a.n <= 12 {
			r.add(c.n, a.n, b.n, false)
			r.add(c.n, b.n, a.n, true)
		} else {
			r.add(c.n, b.n, a.n, false)
		}
	case short(a) && short(b) && short(c):
		padded := a.nd == 2 && b.nd == 2 && c.nd == 2
		switch sep {
		case '/':
			r.add(2000+c.n, a.n, b.n, false)
			r.add(2000+a.n, b.n, c.n, !padded)
			r.add(2000+c.n, b.n, a.n, true)
		case '-':
			// Without a weekday "1-2-3" is a WBS code.
			if !afterWeekday {
				return r, false
			}
			r.add(2000+a.n, b.n, c.n, false)
			r.add(2000+c.n, a.n, b.n, true)
			r.add(2000+c.n, b.n, a.n, true)
		default:
			return r, false
		}
	default:
		return r, false
	}
	return r, true
}

// suffixes consumes a time of day and a weekday after the date, in either
// order, and returns the weekday or -1.
func (p *parser) suffixes() int {
	wd := -1
	for range 2 {
		if p.i == len(p.t) {
			break
		}
		if p.timeOfDay() {
			continue
		}
		if w := p.weekday(); w >= 0 {
			wd = w
			continue
		}
		break
	}
	return wd
}

// timeOfDay consumes " 10:30", " 10:30:00.000 PM", "T09:00:00Z",
// "T09:00:00+09:00" or " 10時30分".
func (p *parser) timeOfDay() bool {
	save := p.i
	if !p.skip(' ') && p.at(tWord) && strings.EqualFold(p.t[p.i].s, "t") {
		p.i++
	}
	if _, ok := p.num(2, false); !ok {
		p.i = save
		return false
	}
	if p.at(tHour) {
		p.i++
		if _, ok := p.num(2, false); ok {
			if !p.at(tMin) {
				p.i = save
				return false
			}
			p.i++
			if _, ok := p.num(2, false); ok {
				if !p.at(tSec) {
					p.i = save
					return false
				}
				p.i++
			}
		}
		return true
	}
	if !p.skip(':') {
		p.i = save
		return false
	}
	if _, ok := p.num(2, false); !ok {
		p.i = save
		return false
	}
	if p.skip(':') {
		if _, ok := p.num(2, false); !ok {
			p.i = save
			return false
		}
		if p.skip('.') {
			if _, ok := p.num(9, false); !ok {
				p.i = save
				return false
			}
		}
	}
	afterClock := p.i
	p.skip(' ')
	if p.at(tWord) {
		w := p.t[p.i].s
		switch {
		case strings.EqualFold(w, "am") || strings.EqualFold(w, "pm"):
			p.i++
		case strings.EqualFold(w, "z"):
			p.i++
			return true
		default:
			p.i = afterClock
			return true
		}
	} else {
		p.i = afterClock
	}
	// A zone offset: +09:00, +0900, -05.
	zoneAt := p.i
	if p.skip('+') || p.skip('-') {
		if _, ok := p.num(4, false); !ok {
			p.i = zoneAt
			return true
		}
		if p.skip(':') {
			if _, ok := p.num(2, false); !ok {
				p.i = zoneAt
			}
		}
	}
	return true
}

// weekday consumes "(水)", "（水曜日）", " 水", " Wed" or "(Wed.)" and
// returns the weekday, or -1 leaving the position unchanged.
func (p *parser) weekday() int {
	save := p.i
	p.skip(' ')
	paren := p.skip('(')
	wd := -1
	if p.i < len(p.t) {
		switch t := p.t[p.i]; t.kind {
		case tWeek, tMonth, tDay:
			wd = int(t.ch)
			p.i++
			if p.at(tYo) {
				p.i++
				if p.at(tDay) {
					p.i++
				}
			}
		case tWord:
			if wd = weekdayWord(t.s); wd >= 0 {
				p.i++
				p.skip('.')
			}
		}
	}
	if wd < 0 || (paren && !p.skip(')')) {
		p.i = save
		return -1
	}
	return wd
}
