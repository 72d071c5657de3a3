package value

import (
	"slices"
	"testing"
)

func TestPeople(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want []string
	}{
		{"山田 太郎", []string{"山田 太郎"}},
		{" 山田　太郎 ", []string{"山田　太郎"}},
		{"田中・鈴木", []string{"田中", "鈴木"}},
		{"田中、鈴木、佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"田中,鈴木，佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"田中/鈴木／佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"田中;鈴木；佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"田中&鈴木＆佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"田中\n鈴木\r\n佐藤", []string{"田中", "鈴木", "佐藤"}},
		{"朝日さん", []string{"朝日"}},
		{"山田様、鈴木殿、佐藤くん、高橋君", []string{"山田", "鈴木", "佐藤", "高橋"}},
		{"山田 さん", []string{"山田"}},
		{"さん", []string{"さん"}},
		{"様", []string{"様"}},
		{"田中・田中さん・鈴木", []string{"田中", "鈴木"}},
		{"Alice, Bob; Alice", []string{"Alice", "Bob"}},
		{"John Smith", []string{"John Smith"}},
		{" ・ 、 ", nil},
		{"", nil},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			if got := People(c.in); !slices.Equal(got, c.want) {
				t.Errorf("People(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
