package project

import (
	"math"
	"strconv"
)

// Num is a number a sheet may leave empty: an effort, a progress, a risk's
// probability. Its zero value is "not given", so "0 %" and "not filled in"
// stay different, as a nil *float64 kept them.
//
// It is a value rather than a pointer: a million-row WBS has three of
// them per task, and a pointer each means 8 bytes for the pointer, 8 for
// the number it points to, and three more pointers for the collector to
// follow per task. A Num is 8 bytes and no pointer.
//
// The number is kept with its bits flipped by absent, so that the zero
// value means none: the one number that cannot be kept is the NaN whose
// bits are absent's, which NumOf reads as not given. pmo never keeps a
// NaN (its readers read one as 0) and JSON cannot carry one.
type Num struct{ bits uint64 }

// absent is a quiet NaN with a payload no arithmetic makes.
const absent = 0x7ff8_5f0e_c6a1_3b27

// NumOf returns v as a given number.
func NumOf(v float64) Num { return Num{math.Float64bits(v) ^ absent} }

// NumFrom returns *p as a given number, or none when p is nil.
func NumFrom(p *float64) Num {
	if p == nil {
		return Num{}
	}
	return NumOf(*p)
}

// OK reports whether the number was given.
func (n Num) OK() bool { return n.bits != 0 }

// Get returns the number and whether it was given; 0 and false when not.
func (n Num) Get() (float64, bool) {
	if n.bits == 0 {
		return 0, false
	}
	return math.Float64frombits(n.bits ^ absent), true
}

// Val returns the number, which must have been given: asking for one that
// was not is a mistake in pmo, and panics as reading a nil *float64 did.
func (n Num) Val() float64 {
	if n.bits == 0 {
		panic("project: Val of a number that was not given")
	}
	return math.Float64frombits(n.bits ^ absent)
}

// Ptr returns the number as a new *float64, nil when not given: for JSON,
// where "omitempty" leaves out what was not given.
func (n Num) Ptr() *float64 {
	v, ok := n.Get()
	if !ok {
		return nil
	}
	return &v
}

// String returns the number as strconv's shortest form, or "none".
func (n Num) String() string {
	v, ok := n.Get()
	if !ok {
		return "none"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
