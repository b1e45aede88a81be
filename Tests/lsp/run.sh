#!/usr/bin/env bash
# End-to-end tests of `translint lsp` with pytest-lsp, in a throwaway virtual environment.
# Usage: Tests/lsp/run.sh [TRANSLINT_BINARY] [pytest arguments...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TRANSLINT="$(realpath "${1:-$here/../../.build/debug/translint}")"
shift || true
venv="${TRANSLINT_LSP_VENV:-$(mktemp -d)/venv}"
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pytest-lsp>=1.0,<2'
fi
cd "$here"
"$venv/bin/pytest" -q -p no:cacheprovider -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function "$@" test_translint_lsp.py
