#!/usr/bin/env bash
# translint's precision on real files: how often it flags text that is (nearly always) right, per rule, on
# prose and gettext catalogs found on this Debian machine. See docs/precision.md.
#
#   scripts/realworld.sh                         # builds translint (swift build -c release) and runs
#   TRANSLINT=/path/to/translint scripts/realworld.sh   # uses that binary, builds nothing
#
# Environment: REALWORLD_DIR (work folder, default .build/realworld), REALWORLD_SAMPLE (findings to print,
# default 40), REALWORLD_SEED (default 10), REALWORLD_UNITS (catalog units per language, default 20000),
# REALWORLD_JOBS (parallel translint runs, default: the number of cores), REALWORLD_PROSE_SCALE (multiplies the
# prose budgets, for a fresh round on more prose; default 1), REALWORLD_REBUILD=1 (rebuild the
# corpus even when its parameters have not changed).
#
# It installs what it lacks (man-db, bsdextrautils for col, gettext for msgunfmt), builds the corpus
# deterministically under the work folder, runs translint once per file with --format json and prints the
# figures and a sample of findings for a person to read (scripts/realworld.py). Nothing is committed.
# Exit status: 0, or 3 when translint crashed, hung or printed something other than JSON (a harness failure).
# Exit 2 from translint on a file is a result, counted and listed, not a failure of the run.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${REALWORLD_DIR:-.build/realworld}
mkdir -p "$work"

need=()
command -v man >/dev/null || need+=(man-db)
command -v col >/dev/null || need+=(bsdextrautils)
command -v msgunfmt >/dev/null || need+=(gettext)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -n "${TRANSLINT:-}" ]; then
  bin=$TRANSLINT
else
  swift build -c release >/dev/null
  bin="$(swift build -c release --show-bin-path)/translint"
fi
[ -x "$bin" ] || { echo "realworld.sh: no translint binary at $bin" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

exec python3 scripts/realworld.py "$work" "$bin" .
