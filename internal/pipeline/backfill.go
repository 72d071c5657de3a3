package pipeline

import (
	"cmp"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
)

// DatedCopy is one earlier copy of a source, found by the date in its
// name or in the name of a folder above it.
type DatedCopy struct {
	Date date.Date
	Path string
}

// dateInName matches 2026-11-13, 2026_11_13, 2026.11.13 and 20261113 in a
// file or folder name, not inside a longer run of digits.
var dateInName = regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})([-_.]?)([01][0-9])([-_.]?)([0-3][0-9])(?:[^0-9]|$)`)

// nameDate returns the date a name carries, if it carries exactly one
// valid date.
func nameDate(name string) (date.Date, bool) {
	m := dateInName.FindAllStringSubmatch(name, -1)
	if len(m) != 1 || m[0][2] != m[0][4] {
		return 0, false
	}
	y, _ := strconv.Atoi(m[0][1])
	mo, _ := strconv.Atoi(m[0][3])
	d, _ := strconv.Atoi(m[0][5])
	if !date.Valid(y, time.Month(mo), d) {
		return 0, false
	}
	return date.Of(y, time.Month(mo), d), true
}

// Backfill bounds: a folder of dated copies is walked this deep and this
// far, so pointing --from at a whole drive ends.
const (
	backfillDepth = 6
	backfillFiles = 100000
)

// FindDatedCopies lists, per source of cfg (by its resolved path), the
// dated copies under dir: files with the source's name inside a dated
// folder (2026-11-13/WBS.xlsx) or named like the source with a date
// (WBS_20261113.xlsx, 20261113_WBS.xlsx), oldest first. A date that has two
// copies of one source keeps the one whose path sorts first.
func FindDatedCopies(dir string, cfg *config.Project) (map[string][]DatedCopy, error) {
	type src struct{ path, base, stem, ext string }
	var srcs []src
	for _, s := range cfg.Sources {
		base := filepath.Base(s.Path)
		ext := filepath.Ext(base)
		srcs = append(srcs, src{s.Path, strings.ToLower(base), strings.ToLower(strings.TrimSuffix(base, ext)), strings.ToLower(ext)})
	}
	found := map[string][]DatedCopy{}
	seen := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is passed over
		}
		rel, _ := filepath.Rel(dir, path)
		depth := strings.Count(filepath.ToSlash(rel), "/")
		if d.IsDir() {
			if depth >= backfillDepth || (strings.HasPrefix(d.Name(), ".") && path != dir) {
				return filepath.SkipDir
			}
			return nil
		}
		if seen++; seen > backfillFiles {
			return filepath.SkipAll
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), "~$") {
			return nil
		}
		name := strings.ToLower(d.Name())
		for _, s := range srcs {
			var day date.Date
			var ok bool
			switch {
			case name == s.base:
				// The date is in a folder name on the way down.
				for p := filepath.Dir(rel); p != "." && p != string(filepath.Separator) && !ok; p = filepath.Dir(p) {
					day, ok = nameDate(filepath.Base(p))
				}
			case strings.HasSuffix(name, s.ext) && strings.Contains(name, s.stem):
				rest := strings.Replace(strings.TrimSuffix(name, s.ext), s.stem, "", 1)
				if strings.Trim(rest, "-_. 0123456789") == "" {
					day, ok = nameDate(rest)
				}
			}
			if ok && !SameFile(path, s.path) {
				found[s.path] = append(found[s.path], DatedCopy{Date: day, Path: path})
			}
		}
		return nil
	})
	for k, cs := range found {
		slices.SortFunc(cs, func(a, b DatedCopy) int { return cmp.Or(cmp.Compare(a.Date, b.Date), strings.Compare(a.Path, b.Path)) })
		found[k] = slices.CompactFunc(cs, func(a, b DatedCopy) bool { return a.Date == b.Date })
	}
	return found, err
}

// ReplayDates is every date some source has a copy of, oldest first, each
// with the source paths to read for it: per source its newest copy at or
// before the date (a team that sends its sheet every other week is read
// from last week's copy), left out before its first copy.
func ReplayDates(copies map[string][]DatedCopy) []Replay {
	var days []date.Date
	for _, cs := range copies {
		for _, c := range cs {
			days = append(days, c.Date)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	out := make([]Replay, 0, len(days))
	for _, day := range days {
		r := Replay{Date: day, Sources: map[string]string{}}
		for src, cs := range copies {
			for _, c := range cs {
				if c.Date <= day {
					r.Sources[src] = c.Path
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// Replay is one status date of a backfill and the copies to read.
type Replay struct {
	Date    date.Date
	Sources map[string]string // resolved source path -> copy
}
