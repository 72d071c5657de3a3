// Command pmo reads teams' WBS, issue and risk spreadsheets, checks and
// aggregates them, and writes standard trackers and status reports.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/pmokit/pmo/internal/cli"
)

// Set with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = ""
	commit  = ""
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version, Commit: commit, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}
