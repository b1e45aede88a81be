#!/usr/bin/env python3
"""Score translint against hand labels on held-out machine-translated pages.

Runs `translint lint PAGE --glossary GLOSSARY --no-config --format json` on every
scripts/mt-eval/pages/NN.txt, matches its findings of the four MT rules to
scripts/mt-eval/labels.jsonl and prints recall per class and precision.

A finding matches a label when both are on the same page and line, their spans
overlap and the finding's rule is the label's class. Each label is caught by at
most one finding and each finding catches at most one label.

Environment:
  TRANSLINT           the binary (default .build/release/translint, relative to the repository)
  TRANSLINT_GLOSSARY  the glossary file or folder (default glossaries/zh-en)

Options:
  -v, --verbose       also list every missed label and every unmatched finding

Standard library only. Exit status 0 on success, 1 when translint could not be run.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
PAGES = os.path.join(HERE, "pages")
LABELS = os.path.join(HERE, "labels.jsonl")
CLASSES = ["mistranslation", "term-case", "sentence-case", "leading-punctuation"]
STRONG = {"warning", "error"}


def load_labels():
    labels = []
    with open(LABELS, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if not raw:
                continue
            o = json.loads(raw)
            if o["class"] not in CLASSES:
                sys.exit(f"labels.jsonl:{n}: unknown class {o['class']!r}")
            labels.append(o)
    return labels


def page_lines(page):
    with open(os.path.join(PAGES, page), encoding="utf-8") as f:
        return f.read().split("\n")


def label_span(label, lines):
    """Character span [start, end) of a label on its line."""
    line = lines[label["line"] - 1]
    text = label["text"]
    if "col" in label:
        start = label["col"] - 1
        if line[start:start + len(text)] != text:
            sys.exit(f"label {label['page']}:{label['line']}:{label['col']} {text!r} is not at that column")
    else:
        start = line.find(text)
        if start < 0:
            sys.exit(f"label {label['page']}:{label['line']} {text!r} is not on that line")
    return start, start + len(text)


def finding_span(finding, lines):
    """Character span of a finding on its line: the occurrence of its text nearest its column
    (robust to the column being counted in bytes or UTF-16 units on lines with non-ASCII text)."""
    line = lines[finding["line"] - 1] if 0 < finding["line"] <= len(lines) else ""
    text = finding.get("text") or ""
    col = finding.get("column", 1) - 1
    if not text:
        return col, col + 1
    occurrences = []
    i = line.find(text)
    while i >= 0:
        occurrences.append(i)
        i = line.find(text, i + 1)
    if not occurrences:
        # text may span lines or be normalised: fall back to the reported columns
        end = finding.get("end_column", finding.get("column", 1) + 1) - 1
        return col, max(end, col + 1)
    start = min(occurrences, key=lambda o: abs(o - col))
    return start, start + len(text)


def run_translint(binary, glossary, page):
    rel = os.path.relpath(os.path.join(PAGES, page), REPO)
    cmd = [binary, "lint", rel, "--glossary", glossary, "--no-config", "--format", "json"]
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"score.py: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
        sys.exit(1)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(f"score.py: no JSON from {' '.join(cmd)}:\n{proc.stderr}")
        sys.exit(1)
    findings = []
    for f in report.get("files", []):
        findings.extend(f.get("findings", []))
    return findings


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def main():
    verbose = any(a in ("-v", "--verbose") for a in sys.argv[1:])
    binary = os.environ.get("TRANSLINT", ".build/release/translint")
    if not os.path.isabs(binary) and os.sep in binary:
        binary = os.path.join(REPO, binary)
    glossary = os.environ.get("TRANSLINT_GLOSSARY", "glossaries/zh-en")
    if not os.path.isabs(glossary):
        glossary = os.path.join(REPO, glossary)

    labels = load_labels()
    pages = sorted(p for p in os.listdir(PAGES) if p.endswith(".txt"))
    by_page = defaultdict(list)
    for label in labels:
        by_page[label["page"]].append(label)
    unknown = set(by_page) - set(pages)
    if unknown:
        sys.exit(f"labels name pages that do not exist: {sorted(unknown)}")

    caught_any = defaultdict(int)
    caught_strong = defaultdict(int)
    total = defaultdict(int)
    find_all = find_all_tp = find_strong = find_strong_tp = 0
    per_rule = defaultdict(lambda: [0, 0])  # rule -> [findings, matched]
    missed, false_alarms = [], []

    for page in pages:
        lines = page_lines(page)
        findings = [f for f in run_translint(binary, glossary, page) if f.get("rule") in CLASSES]
        spans = [finding_span(f, lines) for f in findings]
        used = [False] * len(findings)
        page_labels = by_page.get(page, [])
        # strong findings first, so a label counts as caught at warning/error when one exists
        order = sorted(range(len(findings)), key=lambda i: findings[i].get("severity") not in STRONG)
        for label in page_labels:
            total[label["class"]] += 1
            ls, le = label_span(label, lines)
            hit = None
            for i in order:
                f = findings[i]
                if used[i] or f["rule"] != label["class"] or f["line"] != label["line"]:
                    continue
                fs, fe = spans[i]
                if fs < le and ls < fe:
                    hit = i
                    break
            if hit is None:
                missed.append((page, label))
                continue
            used[hit] = True
            caught_any[label["class"]] += 1
            if findings[hit].get("severity") in STRONG:
                caught_strong[label["class"]] += 1
        for i, f in enumerate(findings):
            strong = f.get("severity") in STRONG
            find_all += 1
            find_all_tp += used[i]
            per_rule[f["rule"]][0] += 1
            per_rule[f["rule"]][1] += used[i]
            if strong:
                find_strong += 1
                find_strong_tp += used[i]
            if not used[i]:
                false_alarms.append((page, f))

    print(f"translint MT-error evaluation: {len(pages)} pages, {len(labels)} labelled errors")
    print(f"binary: {binary}")
    print(f"glossary: {glossary}")
    print()
    header = f"{'class':<22}{'labelled':>9}{'caught':>8}{'recall':>8}{'caught w/e':>12}{'recall w/e':>12}"
    print(header)
    print("-" * len(header))
    for c in CLASSES + ["all"]:
        if c == "all":
            print("-" * len(header))
            t, a, s = sum(total.values()), sum(caught_any.values()), sum(caught_strong.values())
        else:
            t, a, s = total[c], caught_any[c], caught_strong[c]
        print(f"{c:<22}{t:>9}{a:>8}{pct(a, t):>8}{s:>12}{pct(s, t):>12}")
    print()
    header = f"{'precision':<22}{'findings':>9}{'matched':>8}{'precision':>11}"
    print(header)
    print("-" * len(header))
    for rule in CLASSES:
        n, m = per_rule[rule]
        print(f"{rule:<22}{n:>9}{m:>8}{pct(m, n):>11}")
    print("-" * len(header))
    print(f"{'all severities':<22}{find_all:>9}{find_all_tp:>8}{pct(find_all_tp, find_all):>11}")
    print(f"{'warning + error':<22}{find_strong:>9}{find_strong_tp:>8}{pct(find_strong_tp, find_strong):>11}")

    if verbose:
        print()
        print(f"missed ({len(missed)}):")
        for page, l in missed:
            print(f"  {page}:{l['line']}:{l.get('col', '?')} [{l['class']}] {l['text']!r} -> {l['fix']!r}  ({l.get('note', '')})")
        print()
        print(f"unmatched findings ({len(false_alarms)}):")
        for page, f in false_alarms:
            print(f"  {page}:{f['line']}:{f.get('column')} [{f['rule']}/{f.get('severity')}] {f.get('text')!r}: {f.get('message')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
