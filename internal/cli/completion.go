package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/project"
	"github.com/spf13/pflag"
)

// shellNames are the shells pmo writes completion scripts for.
func shellNames() []string { return []string{"bash", "zsh", "fish", "powershell"} }

func completionCommand() *command {
	return &command{
		name:    "completion",
		args:    "bash|zsh|fish|powershell",
		summary: "print a shell completion script / シェル補完スクリプトを出力",
		long: `Prints a script that makes the shell complete pmo's commands, flags, the values
of --kind, --format, --lang, --fail-on and --encoding, and file names.

  bash        echo 'source <(pmo completion bash)' >> ~/.bashrc
  zsh         pmo completion zsh > "${fpath[1]}/_pmo"   (or: source <(pmo completion zsh))
  fish        pmo completion fish > ~/.config/fish/completions/pmo.fish
  powershell  pmo completion powershell | Out-String | Invoke-Expression
              (add that line to $PROFILE to keep it)

コマンド名・フラグ・--kind などの値・ファイル名をシェルで補完するためのスクリプトを
出力します。設定方法は上のとおりです（PowerShell では $PROFILE に追記してください）。`,
		flags: func(*pflag.FlagSet) any { return nil },
		run: func(_ context.Context, env *Env, _ any, args []string) error {
			shells, cmds := shellNames(), completionTable()
			if len(args) != 1 {
				return usageError{"completion takes one shell: " + strings.Join(shells, ", ")}
			}
			switch args[0] {
			case "bash":
				bashCompletion(env.Stdout, cmds)
			case "zsh":
				zshCompletion(env.Stdout, cmds)
			case "fish":
				fishCompletion(env.Stdout, cmds)
			case "powershell", "pwsh":
				powershellCompletion(env.Stdout, cmds)
			default:
				return usageError{fmt.Sprintf("unknown shell %q: use %s", args[0], strings.Join(shells, ", "))}
			}
			return nil
		},
	}
}

// compCommand is what completion knows of a command.
type compCommand struct {
	name, summary string
	flags         []compFlag
}

// compFlag is one flag of a command.
type compFlag struct {
	name, short, usage string
	takesValue         bool
	values             []string // offered after the flag; nil: see file
	file               bool     // the value is a file or folder name
}

// completionTable lists the commands of the dispatcher with their flags,
// so completion follows the commands as they are, and "help" last.
func completionTable() []compCommand {
	var out []compCommand
	for _, c := range commands() {
		fs := newFlagSet(c)
		c.flags(fs)
		cc := compCommand{name: c.name, summary: c.summary}
		fs.VisitAll(func(f *pflag.Flag) {
			cc.flags = append(cc.flags, compFlag{
				name: f.Name, short: f.Shorthand, usage: f.Usage,
				takesValue: f.NoOptDefVal == "",
				values:     flagValues(f.Name),
				file:       fileFlag(f.Name),
			})
		})
		cc.flags = append(cc.flags, compFlag{name: "help", short: "h", usage: "show help"})
		out = append(out, cc)
	}
	return append(out, compCommand{name: "help", summary: "show help for a command / コマンドのヘルプ"})
}

// flagValues lists the values a flag takes, by flag name: the flags of
// that name mean the same in every command.
func flagValues(name string) []string {
	switch name {
	case "kind":
		var kinds []string
		for _, k := range project.Kinds {
			kinds = append(kinds, string(k))
		}
		return kinds
	case "format":
		return []string{"xlsx", "pdf", "xlsx,pdf"}
	case "lang":
		return []string{"ja", "en"}
	case "fail-on":
		var levels []string
		for _, f := range []batch.FailOn{batch.FailOnError, batch.FailOnWarning, batch.FailOnRed, batch.FailOnUnknown, batch.FailOnNone} {
			levels = append(levels, string(f))
		}
		return levels
	case "encoding":
		return []string{"utf-8", "shift_jis"}
	}
	return nil
}

// fileFlag tells whether a flag's value is a file or folder name; other
// flags without values take free text (an id, a date, a number).
func fileFlag(name string) bool {
	return slices.Contains([]string{"out", "font", "history"}, name)
}

// english is the English half of a "English / 日本語" summary: PowerShell
// 5 reads a script piped to it in the console's code page, so its script
// stays ASCII.
func english(s string) string {
	en, _, _ := strings.Cut(s, " / ")
	return strings.Map(func(r rune) rune {
		if r > 0x7e {
			return -1
		}
		return r
	}, strings.ReplaceAll(en, "→", "->"))
}

func commandNames(cmds []compCommand) string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	return strings.Join(names, " ")
}

// freeFlags are the value flags that take free text: nothing to offer.
func freeFlags(cmds []compCommand) []string {
	var out []string
	for _, c := range cmds {
		for _, f := range c.flags {
			if f.takesValue && f.values == nil && !f.file && !slices.Contains(out, "--"+f.name) {
				out = append(out, "--"+f.name)
			}
		}
	}
	return out
}

// valueFlags maps each flag with a fixed list of values to it, in first
// appearance order.
func valueFlags(cmds []compCommand) (names []string, values map[string][]string) {
	values = map[string][]string{}
	for _, c := range cmds {
		for _, f := range c.flags {
			if f.values != nil && values["--"+f.name] == nil {
				names = append(names, "--"+f.name)
				values["--"+f.name] = f.values
			}
		}
	}
	return names, values
}

func bashCompletion(w io.Writer, cmds []compCommand) {
	fmt.Fprintf(w, `# bash completion for pmo (generated by: pmo completion bash)
_pmo() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmds=%q
    if [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "$cmds --help --version" -- "$cur"))
        return
    fi
    local flags=""
    case ${COMP_WORDS[1]} in
`, commandNames(cmds))
	for _, c := range cmds {
		if c.name == "help" {
			fmt.Fprint(w, "        help) COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\")); return ;;\n")
			continue
		}
		if c.name == "completion" {
			fmt.Fprintf(w, "        completion) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", strings.Join(shellNames(), " "))
			continue
		}
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, "--"+f.name)
			if f.short != "" {
				fl = append(fl, "-"+f.short)
			}
		}
		fmt.Fprintf(w, "        %s) flags=%q ;;\n", c.name, strings.Join(fl, " "))
	}
	fmt.Fprint(w, "    esac\n    case $prev in\n")
	names, values := valueFlags(cmds)
	for _, n := range names {
		fmt.Fprintf(w, "        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", n, strings.Join(values[n], " "))
	}
	if free := freeFlags(cmds); len(free) > 0 {
		fmt.Fprintf(w, "        %s) COMPREPLY=(); return ;;\n", strings.Join(free, "|"))
	}
	fmt.Fprint(w, `    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        return
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _pmo pmo pmo.exe
`)
}

// zshQuote single-quotes s for zsh; esc also escapes what _arguments
// gives a meaning inside a description.
func zshQuote(s string, esc bool) string {
	if esc {
		s = strings.NewReplacer(`[`, `(`, `]`, `)`).Replace(s)
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func zshCompletion(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "#compdef pmo pmo.exe\n# zsh completion for pmo (generated by: pmo completion zsh)\n_pmo() {\n    local -a commands\n    commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "        %s\n", zshQuote(c.name+":"+c.summary, false))
	}
	fmt.Fprint(w, `    )
    if ((CURRENT == 2)); then
        _describe -t commands 'pmo command' commands
        return
    fi
    local cmd=$words[2]
    shift words
    ((CURRENT--))
    case $cmd in
`)
	for _, c := range cmds {
		switch c.name {
		case "help":
			fmt.Fprint(w, "        help) _describe -t commands 'pmo command' commands ;;\n")
			continue
		case "completion":
			fmt.Fprintf(w, "        completion) _values shell %s ;;\n", strings.Join(shellNames(), " "))
			continue
		}
		fmt.Fprintf(w, "        %s) _arguments -s \\\n", c.name)
		for _, f := range c.flags {
			desc := "[" + strings.Trim(zshQuote(f.usage, true), "'") + "]"
			spec := "--" + f.name
			if f.takesValue {
				spec += "="
			}
			action := ""
			if f.takesValue {
				switch {
				case f.values != nil:
					action = ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
				case f.file:
					action = ":" + f.name + ":_files"
				default:
					action = ":" + f.name + ": "
				}
			}
			if f.short != "" {
				short := "-" + f.short
				if f.takesValue {
					short += "+"
				}
				fmt.Fprintf(w, "            '(-%s --%s)'{%s,%s}'%s%s' \\\n", f.short, f.name, short, spec, desc, action)
				continue
			}
			fmt.Fprintf(w, "            '%s%s%s' \\\n", spec, desc, action)
		}
		fmt.Fprint(w, "            '*:file:_files' ;;\n")
	}
	fmt.Fprint(w, `    esac
}
if [[ $funcstack[1] == _pmo ]]; then
    _pmo "$@"
else
    compdef _pmo pmo pmo.exe
fi
`)
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func fishCompletion(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "# fish completion for pmo (generated by: pmo completion fish)\ncomplete -c pmo -f\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c pmo -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range cmds {
		seen := fmt.Sprintf("-n '__fish_seen_subcommand_from %s'", c.name)
		switch c.name {
		case "help":
			fmt.Fprintf(w, "complete -c pmo %s -x -a %s\n", seen, fishQuote(commandNames(cmds)))
			continue
		case "completion":
			fmt.Fprintf(w, "complete -c pmo %s -x -a %s\n", seen, fishQuote(strings.Join(shellNames(), " ")))
			continue
		}
		fmt.Fprintf(w, "complete -c pmo %s -F\n", seen)
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c pmo %s -l %s", seen, f.name)
			if f.short != "" {
				line += " -s " + f.short
			}
			switch {
			case !f.takesValue:
			case f.values != nil:
				line += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case f.file:
				line += " -r -F"
			default:
				line += " -x"
			}
			fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(f.usage))
		}
	}
}

func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func powershellCompletion(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, `# PowerShell completion for pmo (generated by: pmo completion powershell)
Register-ArgumentCompleter -Native -CommandName 'pmo', 'pmo.exe' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $commands = [ordered]@{
`)
	for _, c := range cmds {
		fmt.Fprintf(w, "        %s = %s\n", psQuote(c.name), psQuote(english(c.summary)))
	}
	fmt.Fprint(w, "    }\n    $flags = @{\n")
	for _, c := range cmds {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, psQuote("--"+f.name))
		}
		if len(fl) > 0 {
			fmt.Fprintf(w, "        %s = @(%s)\n", psQuote(c.name), strings.Join(fl, ", "))
		}
	}
	fmt.Fprint(w, "    }\n    $values = @{\n")
	names, values := valueFlags(cmds)
	for _, n := range names {
		var vs []string
		for _, v := range values[n] {
			vs = append(vs, psQuote(v))
		}
		fmt.Fprintf(w, "        %s = @(%s)\n", psQuote(n), strings.Join(vs, ", "))
	}
	var shells []string
	for _, s := range shellNames() {
		shells = append(shells, psQuote(s))
	}
	fmt.Fprintf(w, "    }\n    $shells = @(%s)\n", strings.Join(shells, ", "))
	fmt.Fprint(w, `    $before = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -ne '' -and $before.Count -gt 0) { $before = @($before | Select-Object -SkipLast 1) }
    $offer = {
        param($list, $type)
        $list | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
            $tip = $_
            if ($type -eq 'Command') { $tip = $commands[$_] }
            [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $tip)
        }
    }
    if ($before.Count -le 1) { & $offer @($commands.Keys) 'Command'; return }
    $cmd = $before[1]
    if ($cmd -eq 'help') { & $offer @($commands.Keys) 'Command'; return }
    if ($cmd -eq 'completion') { & $offer $shells 'Value'; return }
    $prev = $before[-1]
    if ($values.ContainsKey($prev)) { & $offer $values[$prev] 'Value'; return }
    if ($wordToComplete -like '-*' -and $flags.Contains($cmd)) { & $offer $flags[$cmd] 'Flag'; return }
    # Nothing offered: PowerShell completes file names.
}
`)
}
