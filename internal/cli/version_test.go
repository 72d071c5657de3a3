package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	t.Parallel()
	installed := &debug.BuildInfo{Main: debug.Module{Path: "github.com/pmokit/pmo", Version: "v1.2.3"}}
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}}}
	tail := " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		version, commit string
		bi              *debug.BuildInfo
		want            string
	}{
		{"", "", installed, "pmo v1.2.3"},
		{"", "", checkout, "pmo dev (abc123)"},
		{"v2.0.0", "def456", installed, "pmo v2.0.0 (def456)"},
		{"", "", nil, "pmo dev"},
	} {
		if got := versionLine(tc.version, tc.commit, tc.bi); got != tc.want+tail {
			t.Errorf("versionLine(%q, %q) = %q, want %q", tc.version, tc.commit, got, tc.want+tail)
		}
	}
}
