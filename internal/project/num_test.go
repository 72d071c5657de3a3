package project

import (
	"math"
	"testing"
)

// TestNum checks that a Num keeps every number it is given, bit for bit
// (-0, the smallest subnormal, infinities, other NaNs), and that its zero
// value and NumFrom(nil) are "not given".
func TestNum(t *testing.T) {
	var zero Num
	if zero.OK() || zero.Ptr() != nil || zero.String() != "none" || NumFrom(nil).OK() {
		t.Fatalf("zero Num or NumFrom(nil) is given: %v", zero)
	}
	if _, ok := zero.Get(); ok {
		t.Fatal("Get of the zero Num says given")
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 100, 5e-324, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN()} {
		n := NumOf(v)
		got, ok := n.Get()
		if !ok || math.Float64bits(got) != math.Float64bits(v) || math.Float64bits(n.Val()) != math.Float64bits(v) {
			t.Errorf("NumOf(%v) gives %v, %v", v, got, ok)
		}
		if p := n.Ptr(); p == nil || math.Float64bits(*p) != math.Float64bits(v) {
			t.Errorf("NumOf(%v).Ptr() = %v", v, p)
		}
		if NumFrom(&v) != n {
			t.Errorf("NumFrom(&%v) differs from NumOf", v)
		}
	}
	if NumOf(math.Float64frombits(absent)).OK() {
		t.Error("the one NaN that cannot be kept reads as given")
	}
	defer func() {
		if recover() == nil {
			t.Error("Val of a number not given did not panic")
		}
	}()
	_ = zero.Val()
}

// TestNames checks that Names keeps its list, that none is the zero
// value, and that With leaves the list it was called on as it was.
func TestNames(t *testing.T) {
	if NamesOf(nil) != (Names{}) || NamesOf([]string{}).List() != nil || (Names{}).Len() != 0 {
		t.Fatal("an empty list is not the zero Names")
	}
	a := NamesOf([]string{"山田"})
	b := a.With("佐藤")
	if a.Len() != 1 || a.List()[0] != "山田" || b.Len() != 2 || b.List()[1] != "佐藤" {
		t.Fatalf("With changed its list or lost a name: %q, %q", a.List(), b.List())
	}
}
