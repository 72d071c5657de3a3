package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/pflag"
)

func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print pmo's version and build information / バージョン情報",
		long:    "Prints the version, the commit it was built from and the Go version.",
		flags:   func(*pflag.FlagSet) any { return nil },
		run: func(_ context.Context, env *Env, _ any, args []string) error {
			if len(args) > 0 {
				return usageError{"version takes no arguments"}
			}
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintln(env.Stdout, versionLine(env.Version, env.Commit, bi))
			return nil
		},
	}
}

// versionLine is what pmo version prints. The version stamped by
// tools/release.sh wins; else the module version Go records when pmo is
// built by `go install github.com/pmokit/pmo/cmd/pmo@v1.2.3`; else "dev"
// (a build from a checkout, whose commit Go records instead).
func versionLine(version, commit string, bi *debug.BuildInfo) string {
	if bi != nil {
		if version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && commit == "" {
				commit = s.Value
			}
		}
	}
	if version == "" {
		version = "dev"
	}
	line := "pmo " + version
	if commit != "" {
		line += " (" + commit + ")"
	}
	return line + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
