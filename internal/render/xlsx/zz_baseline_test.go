package xlsx

import (
	"crypto/sha256"
	"fmt"
	"os"
	"testing"
)

func TestZZBaseline(t *testing.T) {
	var out string
	for _, c := range []struct{ example, lang string }{{"kikan", "ja"}, {"ec", "ja"}, {"network", "ja"}, {"kikan", "en"}} {
		out += fmt.Sprintf("%s-%s %x\n", c.example, c.lang, sha256.Sum256(render(t, exampleDoc(t, c.example, c.lang))))
	}
	out += fmt.Sprintf("small %x\nempty %x\n", sha256.Sum256(render(t, generated(smallSpec("ja")))), sha256.Sum256(render(t, emptyDoc("en"))))
	os.WriteFile(os.Getenv("ZZOUT"), []byte(out), 0o644)
}
