package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestReadingFlagsAgree: inspect, convert and annotate read one team
// sheet the same way, so their reading flags are one block — the same
// names, words and defaults in the same order — in each --help (annotate
// without --encoding: it reads workbooks only). Before they were
// registered by hand in each command, in three orders (inspect listed
// --sheet before --kind, with --json and --samples between them).
func TestReadingFlagsAgree(t *testing.T) {
	t.Parallel()
	reading := []string{"kind", "sheet", "encoding", "password-env", "column", "header-rows"}
	type flag struct{ name, usage, def string }
	blocks := map[string][]flag{}
	for _, c := range []*command{inspectCommand(), convertCommand(), annotateCommand()} {
		fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
		fs.SortFlags = false // definition order, as --help prints them
		c.flags(fs)
		var all []flag
		fs.VisitAll(func(f *pflag.Flag) { all = append(all, flag{f.Name, f.Usage, f.DefValue}) })
		first := slices.IndexFunc(all, func(f flag) bool { return slices.Contains(reading, f.name) })
		if first < 0 {
			t.Fatalf("%s has none of the reading flags", c.name)
		}
		end := first
		for end < len(all) && slices.Contains(reading, all[end].name) {
			end++
		}
		for _, f := range all[end:] {
			if slices.Contains(reading, f.name) {
				t.Errorf("%s: --%s is apart from the other reading flags", c.name, f.name)
			}
		}
		blocks[c.name] = all[first:end]
	}
	want := blocks["convert"]
	if got := blocks["inspect"]; !slices.Equal(got, want) {
		t.Errorf("inspect's reading flags\n%v\ndiffer from convert's\n%v", got, want)
	}
	noEncoding := slices.DeleteFunc(slices.Clone(want), func(f flag) bool { return f.name == "encoding" })
	if got := blocks["annotate"]; !slices.Equal(got, noEncoding) {
		t.Errorf("annotate's reading flags\n%v\ndiffer from convert's without --encoding\n%v", got, noEncoding)
	}
	var names []string
	for _, f := range want {
		names = append(names, f.name)
	}
	if strings.Join(names, ",") != strings.Join(reading, ",") {
		t.Errorf("convert's reading flags are %v, want %v", names, reading)
	}
}
