#!/usr/bin/env bash
# The HTML report validated as HTML5 and opened in headless Chromium (Tests/html/check.py), with html5lib in a
# throwaway virtual environment. Usage: Tests/html/run.sh [TRANSLINT_BINARY] [OUTDIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
translint="$(realpath "${1:-$here/../../.build/debug/translint}")"
out="${2:-$(mktemp -d)}"
venv="${TRANSLINT_HTML_VENV:-$(mktemp -d)/venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import html5lib' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q html5lib
fi
"$venv/bin/python" "$here/check.py" "$translint" "$out"
