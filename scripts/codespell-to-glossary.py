#!/usr/bin/env python3
"""Turn codespell's dictionary (wrong->right[, right2...]) into a translint glossary, for the benchmark.

Each correction becomes a forbidden rendering of its first suggestion; corrections with the same target
(compared case-insensitively) share one entry, since a glossary has one entry per target. Entries are
case-insensitive (case_sensitive: false), like codespell. Prints what it made to stderr.
"""
import collections
import json
import sys

source, destination = sys.argv[1], sys.argv[2]
groups = collections.OrderedDict()   # target.lower() -> (target, [wrong])
corrections = 0
for line in open(source, encoding="utf-8"):
    line = line.rstrip("\n")
    if "->" not in line:
        continue
    wrong, right = line.split("->", 1)
    suggestions = [s.strip() for s in right.split(",") if s.strip()]
    if not suggestions or not wrong.strip():
        continue
    corrections += 1
    target = suggestions[0]
    groups.setdefault(target.lower(), (target, []))[1].append(wrong.strip())

targets = set(groups)
seen = set()
entries = forbidden = dropped = 0
out = ["version: 1", "source_language: en", "target_language: en", "terms:"]
for target, wrongs in groups.values():
    keep = []
    for wrong in wrongs:
        key = wrong.lower()
        # A glossary may not forbid a rendering twice, nor forbid another entry's target.
        if key in seen or key in targets or not any(c.isalnum() for c in wrong):
            dropped += 1
            continue
        seen.add(key)
        keep.append(wrong)
    if not keep:
        continue
    entries += 1
    forbidden += len(keep)
    out.append("  - target: " + json.dumps(target, ensure_ascii=False))
    out.append("    case_sensitive: false")
    out.append("    forbidden: [" + ", ".join(json.dumps(w, ensure_ascii=False) for w in keep) + "]")
with open(destination, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(f"{corrections} codespell corrections -> {entries} entries with {forbidden} forbidden renderings ({dropped} dropped)", file=sys.stderr)
