#!/usr/bin/env bash
# The long round of translint's fuzz targets (Tests/TranslintKitTests/Fuzzing): seeded mutants of each family's
# seeds through its reader (and for prose and bilingual files the whole lint/fix/report pipeline) until the time
# is up. `swift test` runs a short round of the same targets.
#
#   scripts/fuzz.sh FAMILY [MINUTES]     # FAMILY: text, markdown, po, xliff, xcstrings, tbx, yaml, csv, or all
#
# Environment: FUZZ_SEED (default 1; change it for new inputs), FUZZ_FINDINGS (folder for reproducers, default
# .build/fuzz-findings), FUZZ_HANG_SECONDS (one input running longer is a hang, default 60), FUZZ_CONFIG
# (debug, the default, or release: about ten times the inputs per minute), FUZZ_SKIP_BUILD=1 (use the test
# binary already built).
# Exit status: 0 when nothing was found; 1 when a check failed, the process crashed or an input hung (the input
# that did it is in the findings folder: FAMILY-seedS-N.bin for a failed check, current-FAMILY for a crash,
# hang-FAMILY for a hang; `TRANSLINT_FUZZ_…` variables reproduce a round, see the test's source).
set -uo pipefail
cd "$(dirname "$0")/.."

family=${1:?usage: scripts/fuzz.sh FAMILY [MINUTES]}
minutes=${2:-10}
config=${FUZZ_CONFIG:-debug}
findings=${FUZZ_FINDINGS:-$PWD/.build/fuzz-findings}
mkdir -p "$findings"
families=(text markdown po xliff xcstrings tbx yaml csv)
[ "$family" = all ] || families=("$family")

build=(swift build --build-tests -c "$config")
[ "$config" = release ] && build+=(-Xswiftc -enable-testing)
if [ "${FUZZ_SKIP_BUILD:-}" != 1 ]; then "${build[@]}" || exit 2; fi
bin=$(swift build -c "$config" --show-bin-path)/translintPackageTests.xctest
[ -x "$bin" ] || { echo "no test binary at $bin" >&2; exit 2; }

status=0
for f in "${families[@]}"; do
  echo "== $f: $minutes min, seed ${FUZZ_SEED:-1}"
  TRANSLINT_FUZZ_FAMILY=$f TRANSLINT_FUZZ_SECONDS=$((minutes * 60)) TRANSLINT_FUZZ_SEED=${FUZZ_SEED:-1} \
    TRANSLINT_FUZZ_FINDINGS=$findings TRANSLINT_FUZZ_HANG_SECONDS=${FUZZ_HANG_SECONDS:-60} \
    "$bin" --testing-library swift-testing --filter 'FuzzTests' 2>&1 | grep -E '^fuzz |✘|↳|Fatal|error:|crash' 
  code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    status=1
    if [ -f "$findings/current-$f" ]; then
      kept="$findings/crash-$f-seed${FUZZ_SEED:-1}-$(date +%s).bin"
      mv "$findings/current-$f" "$kept"
      echo "$f: the test process exited with $code; the input it was running is $kept"
    fi
  fi
done
exit $status
