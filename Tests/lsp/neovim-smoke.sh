#!/usr/bin/env bash
# Neovim's built-in LSP client, headless, gets the sample's diagnostics from `translint lsp`: the same findings
# (line and rule) as `translint lint --format json` reports. Usage: Tests/lsp/neovim-smoke.sh [TRANSLINT_BINARY]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export TRANSLINT="$(realpath "${1:-$root/.build/debug/translint}")"
export TRANSLINT_FILE="$root/samples/000_02c679c3906c68ff.txt"
export TRANSLINT_OUT="$(mktemp)"
cd "$root"
timeout 120 nvim --headless --clean -u NONE -c "luafile Tests/lsp/neovim-smoke.lua" >/dev/null 2>&1 || true
status=0
"$TRANSLINT" lint "$TRANSLINT_FILE" --format json > "$TRANSLINT_OUT.json" || status=$?
[ "$status" -eq 1 ] || { echo "translint lint exited $status"; exit 1; }
python3 - "$TRANSLINT_OUT" "$TRANSLINT_OUT.json" <<'PY'
import json, sys
got = sorted(tuple(l.split(":")[::2]) for l in open(sys.argv[1]).read().split())
assert got and got != [("timeout",)], f"Neovim received no diagnostics: {open(sys.argv[1]).read()!r}"
report = json.load(open(sys.argv[2]))
want = sorted((str(f["line"] - 1), f["rule"]) for f in report["files"][0]["findings"])
assert got == want, f"Neovim's diagnostics differ from the CLI's findings:\n{got}\n{want}"
print(f"Neovim's LSP client received the sample's {len(got)} diagnostics")
PY
