package textenc

import (
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/japanese"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDetect(t *testing.T) {
	t.Parallel()
	text := "name: 基幹システム刷新 ①～③\r\npm: 山田 太郎\r\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		enc    string
		binary bool
	}{
		{"utf-8", []byte(text), UTF8, false},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), text...), UTF8, false},
		{"utf-16le", utf16Bytes(text, false), UTF16LE, false},
		{"utf-16be", utf16Bytes(text, true), UTF16BE, false},
		{"shift_jis", sjis, SJIS, false},
		{"binary", []byte("PK\x03\x04\x00\x00"), "", true},
		{"neither", []byte("\x81\x20\xff\xfe\xfd"), "", false},
	}
	for _, tc := range tests {
		got, enc, binary, ok := Detect(tc.data)
		if enc != tc.enc || binary != tc.binary || ok != (tc.enc != "") {
			t.Errorf("%s: enc %q binary %v ok %v; want %q %v", tc.name, enc, binary, ok, tc.enc, tc.binary)
			continue
		}
		if ok && got != text {
			t.Errorf("%s: text %q", tc.name, got)
		}
	}
}
