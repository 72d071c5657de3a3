// Package cli is pmo's command line: one FlagSet per subcommand, help
// text, exit codes. It is the only package that prints or exits.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1 // findings at error level, or failed projects
	exitUsage    = 2 // bad usage or input that could not be read
	// exitInterrupted is the shell's code for a run stopped by Ctrl-C
	// (128 + SIGINT); SIGTERM gets it too.
	exitInterrupted = 130
)

// Env is what a command may use of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Version        string
	Commit         string
	Getenv         func(string) string
	// Exit ends the process at once; set by main, nil in tests. With it
	// pmo stops a run that passes its hard memory limit (exit 3).
	Exit func(int)
}

// command is one subcommand.
type command struct {
	name    string
	args    string // argument synopsis
	summary string // one line, English / Japanese
	long    string
	flags   func(fs *pflag.FlagSet) any
	run     func(ctx context.Context, env *Env, opts any, args []string) error
}

func commands() []*command {
	return []*command{
		initCommand(),
		inspectCommand(),
		validateCommand(),
		statusCommand(),
		convertCommand(),
		annotateCommand(),
		reportCommand(),
		batchCommand(),
		historyCommand(),
		baselineCommand(),
		schemaCommand(),
		versionCommand(),
		completionCommand(),
	}
}

// usageError is a mistake in how pmo was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an exit code without a message (findings were printed).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Run runs pmo with args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	safeWriters(&env)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "pmo: internal error: %v (please report it with the input files; PMO_DEBUG=1 shows where)\n", r)
			if env.Getenv("PMO_DEBUG") != "" {
				env.Stderr.Write(debug.Stack())
			}
			code = exitUsage
		}
	}()
	if len(args) == 0 {
		printUsage(env.Stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		if name == "help" && len(args) > 1 {
			if c := find(args[1]); c != nil {
				printCommandHelp(env.Stdout, c, newFlagSet(c))
				return exitOK
			}
			unknownCommand(env.Stderr, args[1])
			return exitUsage
		}
		printUsage(env.Stdout)
		return exitOK
	case "-v", "--version":
		name = "version"
	}
	c := find(name)
	if c == nil {
		unknownCommand(env.Stderr, name)
		return exitUsage
	}
	fs := newFlagSet(c)
	opts := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printCommandHelp(env.Stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(env.Stderr, "pmo %s: %v%s\nRun 'pmo %s --help' for usage.\n", c.name, err, flagHint(fs, err), c.name)
		return exitUsage
	}
	defer setMemoryLimits(&env)()
	err := c.run(ctx, &env, opts, fs.Args())
	if err != nil && ctx.Err() != nil {
		fmt.Fprintf(env.Stderr, "pmo %s: interrupted; only complete files were written / 中断しました（書き込みが完了したファイルだけが残っています）\n", c.name)
		return exitInterrupted
	}
	return reportError(env.Stderr, c, errorLang(opts), err)
}

// langOption is implemented by the options of the commands with a --lang
// flag, so errors can follow it without a flag of their own.
type langOption interface{ langOption() string }

// errorLang is the language errors are printed in: the command's --lang,
// else Japanese, as for findings. The YAML's report.lang is not consulted:
// most errors are about a file that could not be read.
func errorLang(opts any) string {
	if o, ok := opts.(langOption); ok && o.langOption() != "" {
		return o.langOption()
	}
	return "ja"
}

// reportError prints err, if any, and returns the exit code. An input
// error is printed in lang; the rest of the text (a wrapping "writing the
// tracker: " and errors from the system) stays English.
func reportError(w io.Writer, c *command, lang string, err error) int {
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(w, "pmo %s: %s\nRun 'pmo %s --help' for usage.\n", c.name, ue.msg, c.name)
		return exitUsage
	}
	fmt.Fprintf(w, "pmo: error: %s\n", errorIn(err, lang))
	return exitUsage
}

// errorIn is err as one line, its input error in lang.
func errorIn(err error, lang string) string {
	text := err.Error()
	var ie *diag.InputError
	if errors.As(err, &ie) {
		text = strings.Replace(text, ie.Error(), ie.Text(lang), 1)
	}
	return oneLine(text)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// unknownCommand says name is not a command, suggesting the nearest one.
func unknownCommand(w io.Writer, name string) {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if best := diag.Nearest(name, names); best != "" {
		fmt.Fprintf(w, "pmo: unknown command %q; did you mean %q?\npmo: 「%s」というコマンドはありません。「%s」の誤りでは？\n", name, best, name, best)
		return
	}
	fmt.Fprintf(w, "pmo: unknown command %q\nRun 'pmo --help' for the list of commands. / コマンドの一覧は pmo --help で表示されます。\n", name)
}

// flagHint turns pflag's "unknown flag: --formt" into a did-you-mean
// among the command's own flags; "" for any other error.
func flagHint(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	name, _, _ = strings.Cut(name, "=")
	if best := diag.Nearest(name, flagNames(fs)); best != "" {
		return fmt.Sprintf("; did you mean --%s? / --%s の誤りでは？", best, best)
	}
	return ""
}

// flagNames lists the long names of fs's flags in definition order.
func flagNames(fs *pflag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return names
}

func find(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func newFlagSet(c *command) *pflag.FlagSet {
	fs := pflag.NewFlagSet("pmo "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	return fs
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `pmo — turns teams' WBS, issue and risk spreadsheets into one checked, standard picture.
pmo — 各チームの WBS・課題管理表・リスク表を読み込み、検証・集計して標準様式にまとめます。

Usage:
  pmo <command> [flags] [arguments]

Commands:
`)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'pmo help <command>' or 'pmo <command> --help' for details.
Exit codes: 0 fine; 1 something needs attention (validate: errors, or warnings with
--strict; batch: a failed project or one reaching --fail-on); 2 usage or unreadable input; 130 interrupted.
`)
}

func printCommandHelp(w io.Writer, c *command, fs *pflag.FlagSet) {
	if !fs.HasFlags() {
		c.flags(fs)
	}
	fmt.Fprintf(w, "Usage: pmo %s %s\n\n%s\n\n%s\n", c.name, c.args, c.summary, strings.TrimSpace(c.long))
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}
