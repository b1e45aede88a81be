#!/usr/bin/env bash
# The run step of the translint GitHub Action (action.yml): one translint run, annotations (workflow commands)
# or the text report on standard output, SARIF to a file. Records the exit status and the SARIF path as step
# outputs, and a summary for the job page that says when GitHub will not show every annotation (it shows at
# most 10 error and 10 warning annotations per step). Exits with translint's status: 0 clean, 1 findings,
# 2 bad input or usage.
#
# Inputs come as environment variables, as GitHub passes them: INPUT_PATHS and INPUT_GLOSSARY (one a line; a
# single line without a line break may also list several, space-separated), INPUT_CONFIG, INPUT_FAIL_LEVEL,
# INPUT_ARGS (more lint options, quoted as in a shell: split by xargs, never by the shell's word splitting),
# INPUT_SARIF (default translint.sarif), INPUT_ANNOTATE (true/false), INPUT_ONLY_CHANGED (true/false; on a pull
# request, only lines changed since the base branch).
# TRANSLINT: the binary (default: the release build next to this script).
set -uo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
translint=${TRANSLINT:-"$here/.build/release/translint"}
sarif=${INPUT_SARIF:-translint.sarif}
annotate=${INPUT_ANNOTATE:-true}
only_changed=${INPUT_ONLY_CHANGED:-false}

# One path a line; a single line is read as space-separated words (the older form of the input).
lines() {
  local text=$1
  if [[ $text == *$'\n'* ]]; then
    while IFS= read -r line; do [ -n "$line" ] && printf '%s\0' "$line"; done <<< "$text"
  else
    for word in $text; do printf '%s\0' "$word"; done
  fi
}
paths=(); glossaries=(); extra=()
if [ -n "${INPUT_PATHS:-}" ]; then mapfile -d '' paths < <(lines "$INPUT_PATHS"); fi
if [ -n "${INPUT_GLOSSARY:-}" ]; then mapfile -d '' glossaries < <(lines "$INPUT_GLOSSARY"); fi
if [ -n "${INPUT_ARGS:-}" ]; then mapfile -d '' extra < <(printf '%s' "$INPUT_ARGS" | xargs printf '%s\0'); fi
args=(lint "${paths[@]}" --report "sarif=$sarif")
for glossary in "${glossaries[@]}"; do args+=(--glossary "$glossary"); done
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_FAIL_LEVEL:-}" ]; then args+=(--fail-level "$INPUT_FAIL_LEVEL"); fi
if [ "$annotate" = true ]; then args+=(--format github); else args+=(--format text --color never); fi
if [ "$only_changed" = true ]; then
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    args+=(--only-changed "origin/$GITHUB_BASE_REF")
  else
    echo "::notice title=translint::only-changed needs a pull request (GITHUB_BASE_REF); checking every line"
  fi
fi
args+=("${extra[@]}")

log=$(mktemp)
"$translint" "${args[@]}" | tee "$log"
status=${PIPESTATUS[0]}

errors=$(grep -c '^::error ' "$log" || true)
warnings=$(grep -c '^::warning ' "$log" || true)
rm -f "$log"
if [ "$annotate" = true ] && { [ "$errors" -gt 10 ] || [ "$warnings" -gt 10 ]; }; then
  echo "::notice title=translint::$errors errors and $warnings warnings, but GitHub shows at most 10 error and 10 warning annotations per step; every finding is in the log above and in $sarif (code scanning)"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "status=$status"; echo "sarif=$sarif"; echo "errors=$errors"; echo "warnings=$warnings"; } >> "$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  case $status in
    0) verdict="no findings that fail the run" ;;
    1) verdict="findings that fail the run" ;;
    *) verdict="bad input or usage (exit status $status); see the log" ;;
  esac
  { echo "### translint"; echo; echo "$verdict."
    if [ "$annotate" = true ]; then echo; echo "Annotations: $errors errors, $warnings warnings (GitHub shows 10 of each per step)."; fi
    echo; echo "SARIF: \`$sarif\`"; } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$status"
