#!/usr/bin/env bash
# The language server's keystroke latency and memory (scripts/bench-lsp.py), on the release build.
# Usage: scripts/bench-lsp.sh [--smoke] — --smoke: the debug build and 50 edits, figures not judged (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--smoke" ]; then
  exec python3 scripts/bench-lsp.py .build/debug/translint --edits 50
fi
swift build -c release >/dev/null
python3 scripts/bench-lsp.py .build/release/translint --edits 1000 --max-median-ms 10
