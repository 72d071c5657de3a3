#!/usr/bin/env bash
# Measures pmo's one-file commands on generated WBS workbooks
# (tools/genwbs: 18 columns, ROWS task rows): `pmo inspect --samples 0`
# (read, type and check the sheet) and `pmo convert` (read, analyse and
# write the standard tracker). Each is run RUNS times, alternating, and the
# median wall time, CPU time (user + sys) and peak RSS from /usr/bin/time
# are printed. The load average is printed with every run: on a shared
# machine wall time follows the load, CPU time much less.
#   tools/bench-cli.sh [-n RUNS] [ROWS ...]
#   tools/bench-cli.sh -n 5 5000 50000     # the issue's two sizes
#   tools/bench-cli.sh -n 5 1048575        # a full-height sheet (inspect only)
# Defaults: 5 runs, 5,000 and 50,000 rows. Set KEEP=DIR to keep the
# workbooks between calls (generating a full-height one takes a while).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
while getopts n: opt; do
	case $opt in
	n) runs=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
sizes=("${@:-5000 50000}")
# "${@:-a b}" gives one word "a b" when no sizes are given
read -r -a sizes <<<"${sizes[*]}"
if [ ! -x /usr/bin/time ]; then
	echo "bench-cli: needs /usr/bin/time (apt-get install time)" >&2
	exit 2
fi
dir=${KEEP:-$(mktemp -d)}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"
go build -o "$dir/pmo" ./cmd/pmo

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one KIND ROWS: runs the command once, appends "wall cpu peakMiB" to $dir/KIND-ROWS
one() {
	local kind=$1 n=$2 in="$dir/wbs$2.xlsx" load
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	case $kind in
	inspect) /usr/bin/time -o "$dir/time" -f '%e %U %S %M' "$dir/pmo" inspect --samples 0 --as-of 2026-11-20 "$in" >/dev/null 2>"$dir/stderr" ;;
	convert)
		rm -f "$dir/out$n.xlsx"
		/usr/bin/time -o "$dir/time" -f '%e %U %S %M' "$dir/pmo" convert --as-of 2026-11-20 "$in" -o "$dir/out$n.xlsx" >/dev/null 2>"$dir/stderr"
		;;
	esac || true # findings exit 1; the figures still count
	read -r wall user sys peak <"$dir/time"
	local cpu
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	peak=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
	echo "$wall $cpu $peak" >>"$dir/$kind-$n"
	printf '%-7s %8d rows: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB  (load %s)\n' "$kind" "$n" "$wall" "$cpu" "$peak" "$load"
}

for n in "${sizes[@]}"; do
	[ -f "$dir/wbs$n.xlsx" ] || go run ./tools/genwbs -o "$dir/wbs$n.xlsx" -rows "$n"
	kinds=(inspect convert)
	# convert is timed up to 100,000 rows; a full-height sheet times the read
	[ "$n" -le 100000 ] || kinds=(inspect)
	for k in "${kinds[@]}"; do rm -f "$dir/$k-$n"; done
	for _ in $(seq "$runs"); do
		for k in "${kinds[@]}"; do one "$k" "$n"; done
	done
done

echo
echo "medians of $runs runs:"
for n in "${sizes[@]}"; do
	for k in inspect convert; do
		f="$dir/$k-$n"
		[ -f "$f" ] || continue
		printf '%-7s %8d rows: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB\n' "$k" "$n" \
			"$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)"
	done
done
