package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed compares appendFixed with strconv on the values a page
// has — coordinates, widths, colour levels, their negatives — and on
// ties, near-ties, tiny, huge and special values.
func TestAppendFixed(t *testing.T) {
	t.Parallel()
	vals := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, 2.5, 0.125, 0.375, 0.005, 0.015, 0.025, 1.005, 2.675,
		0.0049999999, -0.001, -0.004, 1e-300, 999999999.5, 1e9, 1e12, -1e12, 123456.789, 841.89, 595.28,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1 + 0.2}
	for i := range 5 {
		for _, v := range []float64{0.000005, 0.0005, 0.05} {
			vals = append(vals, float64(i)+v, -float64(i)-v, math.Nextafter(float64(i)+v, 0), math.Nextafter(float64(i)+v, 10))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		v := r.Float64() * 900
		switch r.IntN(4) {
		case 0:
			v = -v
		case 1:
			// Values on a grid of decimals, as layouts produce them.
			v = math.Round(v*1000) / 1000 * 2.834645669
		case 2:
			v = float64(r.IntN(256)) / 255
		}
		vals = append(vals, v)
	}
	for _, v := range vals {
		for prec := range 7 {
			want := strconv.AppendFloat(nil, v, 'f', prec, 64)
			if got := appendFixed(nil, v, prec); string(got) != string(want) {
				t.Fatalf("appendFixed(%v, %d) = %s, want %s", v, prec, got, want)
			}
		}
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	var buf []byte
	for i := 0; b.Loop(); i++ {
		buf = appendFixed(buf[:0], float64(i%84189)/100*1.37, 5)
	}
}

func BenchmarkAppendFloat(b *testing.B) {
	var buf []byte
	for i := 0; b.Loop(); i++ {
		buf = strconv.AppendFloat(buf[:0], float64(i%84189)/100*1.37, 'f', 5, 64)
	}
}
