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
			v, c := env.Version, env.Commit
			if bi, ok := debug.ReadBuildInfo(); ok {
				if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
					v = bi.Main.Version
				}
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" && c == "" {
						c = s.Value
					}
				}
			}
			if v == "" {
				v = "dev"
			}
			fmt.Fprintf(env.Stdout, "pmo %s", v)
			if c != "" {
				fmt.Fprintf(env.Stdout, " (%s)", c)
			}
			fmt.Fprintf(env.Stdout, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
