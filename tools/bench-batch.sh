#!/usr/bin/env bash
# Measures pmo batch on a generated portfolio (100 projects × 1,000-task WBS
# × 300 issues by default): wall time, CPU time and peak memory from
# /usr/bin/time, and the time per stage from --timings.
#   tools/bench-batch.sh [PROJECTS] [TASKS] [ISSUES]
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-100} tasks=${2:-1000} issues=${3:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/pmo" ./cmd/pmo
go run ./tools/genportfolio -dir "$dir/p" -projects "$projects" -tasks "$tasks" -issues "$issues"
echo "== first run (everything built)"
/usr/bin/time -f 'wall %es  user %Us  sys %Ss  peak %MkB' "$dir/pmo" batch "$dir/p/portfolio.yaml" -o "$dir/out" --quiet --timings --fail-on none
echo "== second run (unchanged: reused)"
/usr/bin/time -f 'wall %es  user %Us  sys %Ss  peak %MkB' "$dir/pmo" batch "$dir/p/portfolio.yaml" -o "$dir/out" --quiet --fail-on none
