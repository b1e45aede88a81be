#!/usr/bin/env bash
# translint's speed and memory benchmark, against the tools users would otherwise pick (typos, codespell),
# measured in the same run on the same files. See README.md, "Speed".
#
#   scripts/bench.sh            # everything; BENCH_RUNS=N for more runs, BENCH_DIR=DIR for the work folder
#
# It installs what it needs (hyperfine, GNU time, man-db from Debian; typos and codespell into a throwaway
# venv), builds translint in release mode, builds a corpus of real English prose from this machine
# (scripts/bench-corpus.py), turns codespell's dictionary into a translint glossary
# (scripts/codespell-to-glossary.py), and measures whole-process wall time (hyperfine) and peak memory
# (/usr/bin/time -v). Nothing it makes is committed: it all lives under .build/bench.
# Exit status 1 when translint misses a target (throughput judged against typos in the same run), or when any
# timed run fails: a crash or an unexpected exit status is never timed as a fast run.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${BENCH_DIR:-.build/bench}
runs=${BENCH_RUNS:-5}
mkdir -p "$work"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v man >/dev/null || need+=(man-db)
command -v col >/dev/null || need+=(bsdextrautils)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x "$work/venv/bin/typos" ] || [ ! -x "$work/venv/bin/codespell" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q typos codespell
fi

swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/translint"

dictionary=$("$work/venv/bin/python" -c 'import codespell_lib, os; print(os.path.join(os.path.dirname(codespell_lib.__file__), "data", "dictionary.txt"))')
python3 scripts/codespell-to-glossary.py "$dictionary" "$work/codespell.yaml"
[ -s "$work/corpus-50.txt" ] || python3 scripts/bench-corpus.py "$work/corpus-50.txt" 50
[ -s "$work/corpus-100.txt" ] || python3 scripts/bench-corpus.py "$work/corpus-100.txt" 100
: > "$work/empty.txt"
# No .translint.yml from this repository: the benchmark glossary alone, as users run it on their files.
: > "$work/translint.yml"
cfg="--config $work/translint.yml"

# Every run must succeed: exit 0, or the tool's own "found something" status (translint 1, typos 2, codespell
# 65). Anything else (a crash, a usage error) fails the benchmark, instead of being timed as a fast run: hyperfine
# runs each tool through this check, without --ignore-failure.
cat > "$work/expect.sh" <<'SH'
#!/usr/bin/env bash
# expect.sh CODES COMMAND...: runs COMMAND; exits 0 when its status is one of the comma-separated CODES.
codes=$1; shift
"$@" >/dev/null 2>"${BENCH_STDERR:-/dev/null}"
status=$?
case ",$codes," in *",$status,"*) exit 0 ;; esac
echo "bench.sh: '$*' exited $status (expected $codes)" >&2
exit 1
SH
chmod +x "$work/expect.sh"
expect="$work/expect.sh"

echo "== wall time on $(du -m "$work/corpus-50.txt" | cut -f1) MB, single-threaded, $runs runs each (hyperfine)"
hyperfine -N --style basic --warmup 1 --runs "$runs" --export-json "$work/speed.json" \
  -n translint "$expect 0,1 $bin lint $work/corpus-50.txt $cfg --glossary $work/codespell.yaml" \
  -n typos "$expect 0,2 $work/venv/bin/typos --threads 1 $work/corpus-50.txt" \
  -n codespell "$expect 0,65 $work/venv/bin/codespell $work/corpus-50.txt"
hyperfine -N --style basic --warmup 1 --runs "$runs" --export-json "$work/load.json" \
  -n "translint, glossary only" "$expect 0,1 $bin lint $work/empty.txt $cfg --glossary $work/codespell.yaml"

echo "== peak memory on $(du -m "$work/corpus-100.txt" | cut -f1) MB (/usr/bin/time -v)"
# A run that fails fails the benchmark here too (set -e): its peak memory would be meaningless.
peak() {
  local codes=$1; shift
  local status=0
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || status=$?
  case ",$codes," in *",$status,"*) ;; *) echo "bench.sh: '$*' exited $status (expected $codes)" >&2; return 1 ;; esac
  awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}
translint_peak=$(peak 0,1 "$bin" lint "$work/corpus-100.txt" --config "$work/translint.yml" --glossary "$work/codespell.yaml")
typos_peak=$(peak 0,2 "$work/venv/bin/typos" --threads 1 "$work/corpus-100.txt")
codespell_peak=$(peak 0,65 "$work/venv/bin/codespell" "$work/corpus-100.txt")
printf 'translint %s\ntypos %s\ncodespell %s\n' "$translint_peak" "$typos_peak" "$codespell_peak" > "$work/memory.txt"

python3 - "$work" <<'PY'
import json, os, statistics, sys
work = sys.argv[1]
size = os.path.getsize(f"{work}/corpus-50.txt") / 1e6
speed = {r["command"]: r for r in json.load(open(f"{work}/speed.json"))["results"]}
load = json.load(open(f"{work}/load.json"))["results"][0]
memory = dict(line.split() for line in open(f"{work}/memory.txt"))
median = {name: statistics.median(r["times"]) for name, r in speed.items()}
print()
print(f"| tool | median wall time | MB/s | translint is | peak memory, 100 MB file |")
print(f"| --- | --- | --- | --- | --- |")
for name in ("translint", "typos", "codespell"):
    ratio = median[name] / median["translint"]
    rel = "-" if name == "translint" else f"{ratio:.2f}x as fast"
    print(f"| {name} | {median[name]:.2f} s | {size / median[name]:.1f} | {rel} | {int(memory[name]) / 1024:.0f} MiB |")
load_s = statistics.median(load["times"])
print(f"\nglossary (codespell, converted) loaded in {load_s:.2f} s (median, whole process on an empty file)")
# The target was set where typos ran at 28-30 MB/s on this kind of machine; these machines are shared and
# noisy, so the same target is also checked against typos measured in this very run.
normalized = (size / median["translint"]) / (size / median["typos"]) * 29
print(f"translint at typos' reference speed (29 MB/s): {normalized:.1f} MB/s")
checks = [
    ("throughput >= 25 MB/s (absolute, this run)", size / median["translint"] >= 25),
    ("throughput >= 25 MB/s (normalized by typos in this run)", normalized >= 25),
    ("peak memory < 100 MiB on 100 MB", int(memory["translint"]) / 1024 < 100),
    ("glossary load < 1 s", load_s < 1),
]
for label, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}  {label}")
sys.exit(0 if all(ok for _, ok in checks[1:]) else 1)   # the absolute figure is reported, not enforced
PY
