package value

import "testing"

func BenchmarkKeyEach(b *testing.B) {
	for _, h := range benchHeaders {
		b.Run(h, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Key(h)
			}
		})
	}
}
func BenchmarkParseDateEach(b *testing.B) {
	for _, h := range benchCells {
		b.Run(h, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseDate(h)
			}
		})
	}
}
func BenchmarkParseNumberEach(b *testing.B) {
	for _, h := range benchNumbers {
		b.Run(h, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseNumber(h)
			}
		})
	}
}
