#!/usr/bin/env bash
# translint on bilingual files, against pofilter (translate-toolkit), in the same run. See docs/speed.md.
#
#   scripts/bench-bilingual.sh            # release build, 3 runs each
#   scripts/bench-bilingual.sh --quick    # release build, 3 runs, a fifth of the units and 30 catalogs (bench.sh --quick)
#   scripts/bench-bilingual.sh --smoke    # debug build, 1 run, small inputs: that the benchmark still works (CI)
#   BENCH_BIN=path/to/translint scripts/bench-bilingual.sh
#
# Measures, each with the whole process's wall time (hyperfine) and peak memory (/usr/bin/time -v):
#   - this machine's German gettext catalogs (msgunfmt of /usr/share/locale/de/LC_MESSAGES/*.mo), no glossary,
#     one core: translint (--jobs 1, --no-config) and pofilter (its default tests), and the ratio;
#   - a generated 250,000-unit PO file (Chinese sources, English targets, numbers and placeholders) with the
#     shipped zh-en glossaries, one core;
#   - generated XLIFF 1.2 and String Catalog files of 100,000 units each, one core.
# Exit status: 2 when a run fails (translint must exit 0 or 1); else 0.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  --quick) mode=quick ;;
  *) echo "usage: scripts/bench-bilingual.sh [--quick|--smoke]" >&2; exit 2 ;;
esac
# Outside the checkout: its .gitignore (.build/) would hide the catalogs from folder walks.
work=${BENCH_DIR:-/tmp/translint-bench-bilingual-$(id -u)}
mkdir -p "$work"
case $mode in
  smoke) runs=1; units=5000; catalogs=10; configuration=debug ;;
  quick) runs=3; units=50000; catalogs=30; configuration=release ;;
  *) runs=3; units=250000; catalogs=1000; configuration=release ;;
esac

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v msgunfmt >/dev/null || need+=(gettext)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x "$work/venv/bin/pofilter" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q translate-toolkit
fi
if [ -n "${BENCH_BIN:-}" ]; then
  translint=$BENCH_BIN
else
  swift build -c "$configuration" >/dev/null
  translint=.build/$configuration/translint
fi

# The German catalogs of this machine, as PO files.
rm -rf "$work/de" && mkdir -p "$work/de"
for mo in $(ls /usr/share/locale/de/LC_MESSAGES/*.mo | head -n "$catalogs"); do
  msgunfmt "$mo" -o "$work/de/$(basename "$mo" .mo).po" 2>/dev/null || true
done
python3 scripts/bench-bilingual.py generate "$work" "$units"

failed=0
check() {   # the command must exit 0 or 1
  local status=0
  "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then echo "bench-bilingual: failed (exit $status): $*" >&2; failed=1; fi
}
check "$translint" lint --no-config --jobs 1 -q "$work/de"
check "$translint" lint --no-config --jobs 1 -q --glossary glossaries/zh-en "$work/big.po"
check "$translint" lint --no-config --jobs 1 -q --glossary glossaries/zh-en "$work/big.xlf"
check "$translint" lint --no-config --jobs 1 -q --glossary glossaries/zh-en "$work/big.xcstrings"
[ "$failed" = 0 ] || exit 2

hyperfine --runs "$runs" --warmup $((runs > 1 ? 1 : 0)) -N -i --export-json "$work/times.json" \
  -n translint-de "$translint lint --no-config --jobs 1 -q $work/de" \
  -n pofilter-de "$work/venv/bin/pofilter --progress=none $work/de $work/pofilter-out" \
  -n translint-po-250k "$translint lint --no-config --jobs 1 -q --glossary glossaries/zh-en $work/big.po" \
  -n translint-xliff "$translint lint --no-config --jobs 1 -q --glossary glossaries/zh-en $work/big.xlf" \
  -n translint-xcstrings "$translint lint --no-config --jobs 1 -q --glossary glossaries/zh-en $work/big.xcstrings" >/dev/null
/usr/bin/time -v "$translint" lint --no-config --jobs 1 -q --glossary glossaries/zh-en "$work/big.po" >/dev/null 2>"$work/memory.txt" || true
python3 scripts/bench-bilingual.py report "$work" "$mode" "$units"
