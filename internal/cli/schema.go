package cli

import (
	"context"

	"github.com/pmokit/pmo/internal/config"
	"github.com/spf13/pflag"
)

func schemaCommand() *command {
	return &command{
		name:    "schema",
		summary: "print the JSON Schema of project and portfolio YAML / YAML の JSON Schema",
		long: `Prints the JSON Schema (draft 2020-12) of project.yaml and portfolio.yaml, for
editors that validate and complete YAML (for example the YAML extension of VS Code:
add "# yaml-language-server: $schema=pmo.schema.json" at the top of the file).

エディタでの補完・検証用に、project.yaml と portfolio.yaml の JSON Schema を出力します。`,
		flags: func(*pflag.FlagSet) any { return nil },
		run: func(_ context.Context, env *Env, _ any, args []string) error {
			if len(args) > 0 {
				return usageError{"schema takes no arguments"}
			}
			_, err := env.Stdout.Write(config.Schema())
			return err
		},
	}
}
