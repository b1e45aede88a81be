#!/usr/bin/env bash
# translint's speed and memory benchmark, against the tools users would otherwise pick (typos, codespell),
# measured in the same run on the same files, so that the ratios hold on a shared, noisy machine. See docs/speed.md.
#
#
#   scripts/bench.sh            # the full benchmark: 100 MB, 1,000 files, 5 runs each (BENCH_RUNS=N)
#   scripts/bench.sh --quick    # every figure on cut inputs in at most 5 minutes (release build already made):
#                               # 20 MB, 200 files, 3 runs each (codespell 1), then scripts/bench-bilingual.sh --quick
#   scripts/bench.sh --smoke    # a few MB, 100 files, one run each, debug build: that the benchmark still works (CI)
#   BENCH_BIN=path/to/translint scripts/bench.sh    # time that binary, build nothing
#
# What it measures (whole-process wall time with hyperfine, peak memory with /usr/bin/time -v):
#   - one big file (the corpus), one core and every core;
#   - 1,000 files (the same corpus cut at document boundaries, sizes from a seeded draw), one core and every core;
#   - start-up: a 20-byte file with the shipped glossaries (glossaries/), and with the 65k-entry glossary;
#   - peak memory on the big file.
# translint runs with codespell's 64,980 corrections as its glossary (scripts/codespell-to-glossary.py), every
# default rule on, an empty --config (this repository's .translint.yml adds nothing) and --format json; typos and
# codespell run with their own dictionaries, as users run them. "One core" is `--jobs 1` / `--threads 1`
# (codespell has one core only; it is timed once, in the one-core rows).
#
# It installs what it needs (hyperfine, GNU time, man-db from Debian; typos and codespell into a throwaway venv),
# builds translint, builds a corpus of real English prose from this machine (scripts/bench-corpus.py). Nothing it
# makes is committed: it lives under .build/bench (BENCH_DIR=DIR), the 1,000 files under /tmp/translint-bench-UID
# (BENCH_FILES_DIR=DIR), outside the checkout, whose .gitignore translint would honour.
# Exit status: 2 when any timed run fails (a crash or an exit status other than "clean" or "found something" is
# never timed as a fast run); in the full benchmark 1 when translint misses a target; else 0.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  --quick) mode=quick ;;
  *) echo "usage: scripts/bench.sh [--quick|--smoke]" >&2; exit 2 ;;
esac

work=${BENCH_DIR:-.build/bench}
seed=${BENCH_SEED:-1}
cores=$(nproc)
started=$(date +%s)
if [ "$mode" = smoke ]; then
  runs=1; size_mb=${BENCH_SIZE_MB:-3}; file_count=100; configuration=${BENCH_CONFIGURATION:-debug}
  export BENCH_MAN_PAGES=${BENCH_MAN_PAGES:-20}
elif [ "$mode" = quick ]; then
  # The cut: a fifth of the corpus and of the files. Ratios to the peers are per run, so they hold at this size;
  # the peak-memory figure is for 20 MB (the target names 100 MB), and codespell, 20x slower, runs once.
  runs=${BENCH_RUNS:-3}; size_mb=${BENCH_SIZE_MB:-20}; file_count=200; configuration=${BENCH_CONFIGURATION:-release}
else
  runs=${BENCH_RUNS:-5}; size_mb=${BENCH_SIZE_MB:-100}; file_count=1000; configuration=${BENCH_CONFIGURATION:-release}
fi
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
typos=$work/venv/bin/typos
codespell=$work/venv/bin/codespell

# Swift builds on a shared machine take turns (a no-op lock where nobody else builds).
build() { if command -v flock >/dev/null; then flock /tmp/swift-build.lock swift build "$@"; else swift build "$@"; fi; }
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$BENCH_BIN; configuration="given ($bin)"
else
  build -c "$configuration" >/dev/null
  bin="$(swift build -c "$configuration" --show-bin-path)/translint"
fi

dictionary=$("$work/venv/bin/python" -c 'import codespell_lib, os; print(os.path.join(os.path.dirname(codespell_lib.__file__), "data", "dictionary.txt"))')
[ -s "$work/codespell.yaml" ] || python3 scripts/codespell-to-glossary.py "$dictionary" "$work/codespell.yaml"
corpus=$work/corpus-$size_mb.txt
[ -s "$corpus" ] || python3 scripts/bench-corpus.py "$corpus" "$size_mb"
# Outside any git checkout: translint skips what .gitignore names (this repository ignores .build/).
files=${BENCH_FILES_DIR:-${TMPDIR:-/tmp}/translint-bench-$(id -u)}/files-$size_mb-$file_count-$seed
mkdir -p "$(dirname "$files")"
if [ ! -d "$files" ]; then
  # The corpus cut into FILE_COUNT files at document boundaries (blank lines), with sizes drawn from a seeded
  # log-normal (documentation trees hold a few big files and many small ones); together they are the corpus.
  python3 - "$corpus" "$files.tmp" "$file_count" "$seed" <<'PY'
import os, random, sys
corpus, out, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
data = open(corpus, "rb").read()
rng = random.Random(seed)
weights = [rng.lognormvariate(0, 1) for _ in range(count)]
total = sum(weights)
os.makedirs(out, exist_ok=True)
start, acc = 0, 0.0
for k, w in enumerate(weights):
    acc += w
    if k == count - 1:
        end = len(data)
    else:
        end = data.find(b"\n\n", max(start + 1, int(len(data) * acc / total)))
        end = len(data) if end < 0 else end + 2
    with open(os.path.join(out, f"doc-{k:04d}.txt"), "wb") as f:
        f.write(data[start:end])
    start = end
PY
  mv "$files.tmp" "$files"
fi
printf 'Tiny: a file.\n' > "$work/tiny.txt"
# No .translint.yml from this repository: the benchmark glossary alone, as users run it on their files.
: > "$work/translint.yml"
big=(--config "$work/translint.yml" --glossary "$work/codespell.yaml" --format json)
shipped=(--config "$work/translint.yml" --glossary glossaries --format json)
# Before --jobs existed translint used one core whatever it was asked; the rows say so.
if "$bin" lint --help | grep -q -- '--jobs'; then one=(--jobs 1); all=(--jobs "$cores"); has_jobs=1
else one=(); all=(); has_jobs=0; fi

# Every run must succeed: exit 0, or the tool's own "found something" status (translint 1, typos 2, codespell
# 65). Anything else fails the benchmark instead of being timed: hyperfine runs each tool through this check,
# without --ignore-failure.
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

# measure NAME COMMAND...: one hyperfine measurement into $work/time-NAME.json. Fails the benchmark (exit 2) when
# a run fails.
measure() {
  local name=$1; shift
  local warmup=1 count=$runs
  [ "$mode" = smoke ] && warmup=0
  if [ "$mode" = quick ] && [[ $name == codespell-* ]]; then warmup=0; count=1; fi
  if ! hyperfine -N --style none --warmup "$warmup" --runs "$count" --export-json "$work/time-$name.json" \
       -n "$name" "$*" >/dev/null; then
    echo "bench.sh: a run of '$name' failed: not timed" >&2
    exit 2
  fi
  printf '  %-28s %s\n' "$name" "$(python3 -c 'import json,statistics,sys; print("%.3f s" % statistics.median(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$work/time-$name.json")"
}
rm -f "$work"/time-*.json "$work/memory.txt"
# A file that is skipped is not a fast file: every one of them must be checked.
checked=$("$bin" lint "$files" "${big[@]}" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["files"])' || true)
if [ "$checked" != "$file_count" ]; then echo "bench.sh: translint checked ${checked:-no} files of $file_count in $files" >&2; exit 2; fi
echo "== $mode: $(du -m "$corpus" | cut -f1) MB corpus, $file_count files, $cores cores, $runs runs each, translint $configuration build"
measure tl-big-1 "$expect 0,1 $bin lint $corpus ${big[*]} ${one[*]}"
measure typos-big-1 "$expect 0,2 $typos --threads 1 $corpus"
measure codespell-big-1 "$expect 0,65 $codespell $corpus"
measure tl-big-all "$expect 0,1 $bin lint $corpus ${big[*]} ${all[*]}"
measure typos-big-all "$expect 0,2 $typos --threads $cores $corpus"
measure tl-files-1 "$expect 0,1 $bin lint $files ${big[*]} ${one[*]}"
measure typos-files-1 "$expect 0,2 $typos --threads 1 $files"
measure codespell-files-1 "$expect 0,65 $codespell $files"
measure tl-files-all "$expect 0,1 $bin lint $files ${big[*]} ${all[*]}"
measure typos-files-all "$expect 0,2 $typos --threads $cores $files"
measure tl-tiny-shipped "$expect 0,1 $bin lint $work/tiny.txt ${shipped[*]}"
measure tl-tiny-65k "$expect 0,1 $bin lint $work/tiny.txt ${big[*]}"
measure typos-tiny "$expect 0,2 $typos $work/tiny.txt"
measure codespell-tiny "$expect 0,65 $codespell $work/tiny.txt"

# Peak memory: a run that fails fails the benchmark here too, its peak memory would be meaningless.
peak() {
  local name=$1 codes=$2; shift 2
  local status=0
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || status=$?
  case ",$codes," in *",$status,"*) ;; *) echo "bench.sh: '$*' exited $status (expected $codes)" >&2; exit 2 ;; esac
  echo "$name $(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" >> "$work/memory.txt"
}
peak tl-1 0,1 "$bin" lint "$corpus" "${big[@]}" "${one[@]}"
peak tl-all 0,1 "$bin" lint "$corpus" "${big[@]}" "${all[@]}"
peak typos-1 0,2 "$typos" --threads 1 "$corpus"
peak codespell-1 0,65 "$codespell" "$corpus"

status=0
python3 - "$work" "$mode" "$has_jobs" "$cores" "$(du -m "$corpus" | cut -f1)" "$file_count" <<'PY' || status=$?
import glob, json, os, statistics, sys
work, mode, has_jobs, cores, size, count = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4]), sys.argv[5], sys.argv[6]
results = {os.path.basename(p)[5:-5]: json.load(open(p))["results"][0] for p in glob.glob(f"{work}/time-*.json")}
t = {name: statistics.median(r["times"]) for name, r in results.items()}
# CPU time (user + system, mean): on a shared machine other processes stretch wall time, much less CPU time.
cpu = {name: r["user"] + r["system"] for name, r in results.items()}
mem = {k: int(v) / 1024 for k, v in (line.split() for line in open(f"{work}/memory.txt"))}
def ratio(a, b): return f"{t[b] / t[a]:.2f}× as fast" if t[b] >= t[a] else f"{t[a] / t[b]:.2f}× slower"
note = "" if has_jobs else " (no --jobs yet: one core)"
rows = [
    (f"one {size} MB file, one core", "tl-big-1", "typos-big-1", "codespell-big-1"),
    (f"one {size} MB file, {cores} cores{note}", "tl-big-all", "typos-big-all", None),
    (f"the same text in {count} files, one core", "tl-files-1", "typos-files-1", "codespell-files-1"),
    (f"{count} files, {cores} cores{note}", "tl-files-all", "typos-files-all", None),
    ("a 20-byte file, shipped glossaries", "tl-tiny-shipped", "typos-tiny", "codespell-tiny"),
    ("a 20-byte file, 65k-entry glossary", "tl-tiny-65k", "typos-tiny", "codespell-tiny"),
]
print()
print("Wall time (median), and CPU time (user + system, mean) in brackets:")
print()
print("| what | translint | typos | codespell | translint vs typos | vs codespell | CPU time: translint vs typos |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, a, b, c in rows:
    cs = f"{t[c]:.3f} s ({cpu[c]:.3f} s)" if c else "-"
    vs = ratio(a, c) if c else "-"
    cpu_ratio = f"{cpu[b] / cpu[a]:.2f}× as little" if cpu[b] >= cpu[a] else f"{cpu[a] / cpu[b]:.2f}× as much"
    print(f"| {label} | {t[a]:.3f} s ({cpu[a]:.3f} s) | {t[b]:.3f} s ({cpu[b]:.3f} s) | {cs} | {ratio(a, b)} | {vs} | {cpu_ratio} |")
print(f"| peak memory, one file, one core | {mem['tl-1']:.0f} MiB | {mem['typos-1']:.0f} MiB | {mem['codespell-1']:.0f} MiB | | |")
print(f"| peak memory, one file, {cores} cores | {mem['tl-all']:.0f} MiB | | | | |")
checks = [
    ("one core, one big file: at least 2× as fast as typos", t["typos-big-1"] / t["tl-big-1"] >= 2),
    (f"files on {cores} cores: at least 2× as fast as typos", t["typos-files-all"] / t["tl-files-all"] >= 2),
    ("tiny file, shipped glossaries: <= 20 ms", t["tl-tiny-shipped"] <= 0.020),
    ("tiny file, 65k-entry glossary: <= 100 ms", t["tl-tiny-65k"] <= 0.100),
    ("peak memory, one big file: <= 32 MiB", mem["tl-1"] <= 32),
]
print()
for label, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}  {label}")
if mode == "smoke":
    print("(smoke: a few MB, one run each, debug build: the figures say nothing; every run succeeded)")
    sys.exit(0)
if mode == "quick":
    print(f"(quick: {size} MB and {count} files, not 100 MB and 1,000; peak memory is for {size} MB)")
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
if [ "$mode" = quick ]; then
  echo
  echo "== bilingual files (scripts/bench-bilingual.sh --quick, the same binary)"
  BENCH_BIN=$bin scripts/bench-bilingual.sh --quick || status=$?
  echo
  echo "bench.sh --quick: $(( $(date +%s) - started )) s in all"
fi
exit $status
