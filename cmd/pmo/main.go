// Command pmo reads teams' WBS, issue and risk spreadsheets, checks and
// aggregates them, and writes standard trackers and status reports.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/pmokit/pmo/internal/cli"
)

// Set with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = ""
	commit  = ""
)

func main() {
	// Ctrl-C or SIGTERM cancels the run, which then stops within about a
	// second with only complete files left; a second signal kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version, Commit: commit, Getenv: os.Getenv, Exit: os.Exit})
	stop()
	os.Exit(code)
}
