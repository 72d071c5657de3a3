package value

import "testing"

// The reader calls these on every cell; the inputs mix what a WBS column of
// a real sheet holds.
var (
	benchHeaders = []string{"WBS", "タスク名", "担当者", "予定開始日", " 予定\n開始日（実績） ", "% Complete", "Task Name", "ステータス"}
	benchCells   = []string{"基本設計", "1.2.3", "山田 太郎", "2026/4/1", "完了", "2026-04-01", "4/1", "50%", "API", "2026年4月1日(水)", "R8.4.1", "-", "12", "Mon 26-03-02"}
	benchNumbers = []string{"12", "1,234.5", "0.5", "５０", "△3", "基本設計", "2026/4/1", "-3"}
)

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Key(benchHeaders[i%len(benchHeaders)])
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseDate(benchCells[i%len(benchCells)])
	}
}

func BenchmarkParseDateWord(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseDate("基本設計書レビュー")
	}
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseNumber(benchNumbers[i%len(benchNumbers)])
	}
}
