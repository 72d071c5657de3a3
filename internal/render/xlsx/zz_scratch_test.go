package xlsx

import (
	"os"
	"testing"
)

func TestZZScratch(t *testing.T) {
	os.MkdirAll("/tmp/pf", 0o755)
	os.WriteFile("/tmp/pf/portfolio-ja.xlsx", renderPortfolio(t, examplePortfolio(t, "ja")), 0o644)
	os.WriteFile("/tmp/pf/portfolio-hand-en.xlsx", renderPortfolio(t, handPortfolio("en")), 0o644)
}
