package pdf

import (
	"crypto/sha256"
	"fmt"
	"os"
	"testing"
)

func TestZZBaseline(t *testing.T) {
	var out string
	for _, c := range []struct{ example, lang string }{{"kikan", "ja"}, {"ec", "ja"}, {"network", "ja"}, {"kikan", "en"}} {
		b, _, err := Render(load(t, c.example, c.lang), Options{})
		if err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprintf("%s-%s %x\n", c.example, c.lang, sha256.Sum256(b))
	}
	b, _, _ := Render(largeProject(t, t.TempDir()), Options{})
	out += fmt.Sprintf("large %x\n", sha256.Sum256(b))
	os.WriteFile(os.Getenv("ZZOUT"), []byte(out), 0o644)
}
