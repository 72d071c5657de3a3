package config

import "testing"

// TestFoldedJapanese checks that a folded block (>, >-) joins Japanese
// lines without the space YAML puts at each break, keeps it between Latin
// words and between a Japanese and a Latin side, and keeps paragraph
// breaks and more-indented lines as YAML does.
func TestFoldedJapanese(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, block, want string
	}{
		{"japanese lines", ">\n    製造工程が計画に対し\n    2〜3週間遅延している。\n", "製造工程が計画に対し 2〜3週間遅延している。"},
		{"kanji to kana", ">-\n    決済代行会社の\n    仕様変更が主因。\n", "決済代行会社の仕様変更が主因。"},
		{"latin words", ">\n    behind plan\n    by two weeks\n", "behind plan by two weeks"},
		{"japanese then latin", ">\n    遅延の主因は\n    API 仕様\n", "遅延の主因は API 仕様"},
		{"paragraphs", ">\n    一段落目の\n    続き。\n\n    二段落目。\n", "一段落目の続き。\n二段落目。"},
		{"more indented", ">\n    一覧：\n      ・項目A\n      ・項目B\n    以上。\n", "一覧：\n  ・項目A\n  ・項目B\n以上。"},
		{"literal kept", "|\n    一行目\n    二行目\n", "一行目\n二行目"},
		{"full-width punctuation", ">\n    （注）\n    確認中。\n", "（注）確認中。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := "version: 1\nproject:\n  id: crm\n  name: x\nreport:\n  comment: " + tt.block + "sources: []\n"
			p, _, err := Parse("p.yaml", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if p.Report.Comment != tt.want {
				t.Errorf("comment %q, want %q", p.Report.Comment, tt.want)
			}
		})
	}
}
