#!/usr/bin/env bash
# Measures pmo batch on generated portfolios (tools/genportfolio: each
# project a 1,000-task WBS and a 300-issue list by default): for each size,
# RUNS full runs into an empty output folder and RUNS unchanged reruns
# (every project reused), alternating, then the median wall time, CPU time
# (user + sys) and peak RSS of each from /usr/bin/time. The load average is
# printed with every run: on a shared machine wall time follows the load,
# CPU time much less.
#   tools/bench-batch.sh [-n RUNS] [-t TASKS] [-i ISSUES] [PROJECTS ...]
#   tools/bench-batch.sh -n 5 100        # 5 + 5 runs of 100 projects
#   tools/bench-batch.sh -n 3 100 1000   # the issue's two sizes
# Defaults: 5 runs, 100 projects. Set KEEP=DIR to keep the portfolios
# (and reuse them), PMO=path/to/pmo to measure that binary instead of
# building this checkout's (e.g. an older build, for before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 tasks=1000 issues=300
while getopts n:t:i: opt; do
	case $opt in
	n) runs=$OPTARG ;;
	t) tasks=$OPTARG ;;
	i) issues=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
sizes=("${@:-100}")
if [ ! -x /usr/bin/time ]; then
	echo "bench-batch: needs /usr/bin/time (apt-get install time)" >&2
	exit 2
fi
dir=${KEEP:-$(mktemp -d)}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"
pmo=${PMO:-$dir/pmo}
[ -n "${PMO:-}" ] || go build -o "$pmo" ./cmd/pmo

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one KIND SIZE: runs pmo batch once, appends "wall cpu peakMiB" to $dir/KIND-SIZE
one() {
	local kind=$1 n=$2 p="$dir/p$2" out="$dir/out$2"
	[ "$kind" = full ] && rm -rf "$out"
	local load
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	# stderr (the portfolio's findings) to a file: only the figures here
	/usr/bin/time -o "$dir/time" -f '%e %U %S %M' "$pmo" batch "$p/portfolio.yaml" -o "$out" --quiet --fail-on none 2>"$dir/stderr"
	read -r wall user sys peak <"$dir/time"
	local cpu
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	peak=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
	echo "$wall $cpu $peak" >>"$dir/$kind-$n"
	printf '%-5s %5d projects: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB  (load %s)\n' "$kind" "$n" "$wall" "$cpu" "$peak" "$load"
}

for n in "${sizes[@]}"; do
	if [ ! -f "$dir/p$n/portfolio.yaml" ]; then
		go run ./tools/genportfolio -dir "$dir/p$n" -projects "$n" -tasks "$tasks" -issues "$issues"
	fi
	rm -f "$dir/full-$n" "$dir/rerun-$n"
	for _ in $(seq "$runs"); do
		one full "$n"
		one rerun "$n"
	done
done

echo
echo "medians of $runs runs (tasks $tasks, issues $issues per project):"
for n in "${sizes[@]}"; do
	for kind in full rerun; do
		f="$dir/$kind-$n"
		printf '%-5s %5d projects: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB\n' "$kind" "$n" \
			"$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)"
	done
	awk -v n="$n" 'NR == FNR { full[FNR] = $2; next } { r[FNR] = $2 } END {
		for (i in r) s = s sprintf(" %.1f%%", 100 * r[i] / full[i]); print "rerun/full cpu, run by run (" n "):" s }' "$dir/full-$n" "$dir/rerun-$n"
done
