#!/usr/bin/env python3
"""Precision by label: what share of translint's findings on real files a person judged true.

    scripts/precision.py sample [--findings F] [--n 150] [--seed S] [--out FILE]
    scripts/precision.py report [--labels scripts/labels.jsonl] [--findings F]

`sample` draws a fresh random sample of warning and error findings from a run of scripts/realworld.sh
(F, default .build/realworld/findings.jsonl), spread evenly over three groups: prose, catalogs in the languages
the rules were tuned on, and catalogs held out from tuning (pt_BR, pl). Each drawn finding is written as one
JSON line with its context (the lines around it; for a catalog, the unit's msgid), ready to be judged: a judge
adds "verdict" (true or false) and "reason", and the lines go into scripts/labels.jsonl.

`report` prints precision per rule and per group from the labels, with a 95% Wilson interval, and with
--findings re-checks every label against a new run: a true finding no longer reported is lost recall, a false
one still reported is an open false alarm. The key of a finding is (path, line, rule, text): stable across
versions as long as the corpus is (scripts/realworld.py builds it deterministically).

Labels file: one JSON object a line with at least corpus, split, path, line, rule, text, message, verdict
("true"/"false") and reason; round (the date it was judged) and fix (the fix's applicability when judged).
"""
import argparse
import json
import math
import os
import random
import sys

WORK = os.environ.get("REALWORLD_DIR", ".build/realworld")


def wilson(k, n, z=1.96):
    """The 95% Wilson score interval of k successes in n trials."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def group(f):
    if f.get("corpus") == "prose":
        return "prose"
    return "catalogs (held out)" if f.get("split") == "held-out" else "catalogs (tuned)"


def key(f):
    return (f["path"], f["line"], f["rule"], f["text"])


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def context(f, before=3, after=2):
    path = os.path.join(WORK, f["path"])
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().split("\n")
    except OSError:
        return {}
    i = f["line"] - 1
    out = {"lines": "\n".join(lines[max(0, i - before):i + after + 1])}
    if f.get("corpus") == "catalogs":
        j = i
        while j >= 0 and not lines[j].startswith(("msgid ", "msgctxt ")):
            j -= 1
        k = j
        while k < len(lines) and lines[k].strip():
            k += 1
        out["unit"] = "\n".join(lines[max(0, j):k])
    return out


def sample(args):
    findings = [f for f in read_jsonl(args.findings) if f["severity"] in ("warning", "error")]
    if args.exclude and os.path.exists(args.exclude):
        # A fresh sample: nothing judged before (the labels a rule was tuned on say little about the next text).
        judged = {key(l) for l in read_jsonl(args.exclude)}
        findings = [f for f in findings if key(f) not in judged]
    groups = {}
    for f in findings:
        groups.setdefault(group(f), []).append(f)
    rng = random.Random(args.seed)
    for g in groups.values():
        rng.shuffle(g)
    drawn, order = [], sorted(groups)
    while len(drawn) < args.n and any(groups[g] for g in order):
        for g in order:
            if groups[g] and len(drawn) < args.n:
                drawn.append(groups[g].pop())
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for f in drawn:
        record = {k: f.get(k) for k in ("corpus", "kind", "path", "line", "column", "rule", "severity", "message", "text",
                                        "replacement", "applicability", "applicability_reason")}
        record["split"] = f.get("split", "tuned")
        record["group"] = group(f)
        record.update(context(f))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"drew {len(drawn)} of {len(findings)} warning+error findings: "
          + ", ".join(f"{g} {sum(1 for d in drawn if group(d) == g)}" for g in order), file=sys.stderr)


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows])


def report(args):
    labels = read_jsonl(args.labels)
    current = None
    if args.findings:
        found = read_jsonl(args.findings)
        current = {key(f): f for f in found}
        # A fix that moved (a doubled word now removed on the next line) keeps its label: the same file, rule and
        # message within two lines is the same finding.
        near = {}
        for f in found:
            near.setdefault((f["path"], f["rule"], f["message"]), []).append(f)
        for l in labels:
            if key(l) not in current:
                for f in near.get((l["path"], l["rule"], l["message"]), []):
                    if abs(f["line"] - l["line"]) <= 2:
                        current[key(l)] = f
                        break
        # A finding reworded or narrowed (`'%s' … 0 in the translation` now `'% s' has C's space flag`, on the
        # message's line rather than its first) is the same finding when it is the only one of its rule within two
        # lines.
        by_rule = {}
        for f in found:
            by_rule.setdefault((f["path"], f["rule"]), []).append(f)
        for l in labels:
            if key(l) not in current:
                close = [f for f in by_rule.get((l["path"], l["rule"]), []) if abs(f["line"] - l["line"]) <= 2]
                if len(close) == 1:
                    current[key(l)] = close[0]
        # Only what a new run still reports counts; what it no longer says is listed apart. A finding now reported
        # below warning no longer fails CI: it counts apart too, unless --all-severities.
        still = [l for l in labels if key(l) in current and (args.all_severities or current[key(l)]["severity"] != "info")]
        demoted = [l for l in labels if key(l) in current and l not in still]
        gone = [l for l in labels if key(l) not in current]
        # The corpus is built from what this machine has installed: a label whose file is not in it says nothing
        # about the new run (neither lost nor silenced).
        root = os.path.dirname(os.path.abspath(args.findings))
        absent = [l for l in gone if not os.path.exists(os.path.join(root, l["path"]))]
        gone = [l for l in gone if l not in absent]
    else:
        still, gone, demoted, absent = labels, [], [], []

    def rows(by):
        stats = {}
        for l in still:
            s = stats.setdefault(by(l), [0, 0])
            s[1] += 1
            s[0] += l["verdict"] == "true"
        out = []
        for name in sorted(stats):
            k, n = stats[name]
            low, high = wilson(k, n)
            out.append([name, f"{k}/{n}", f"{100 * k / n:.0f}%", f"{100 * low:.0f}–{100 * high:.0f}%"])
        k = sum(s[0] for s in stats.values())
        n = sum(s[1] for s in stats.values())
        if n:
            low, high = wilson(k, n)
            out.append(["**all**", f"{k}/{n}", f"{100 * k / n:.0f}%", f"{100 * low:.0f}–{100 * high:.0f}%"])
        return out

    print(f"labels: {args.labels} ({len(labels)} judged findings)"
          + (f"; re-checked against {args.findings}: {len(still)} still reported at warning or error, "
             f"{len(demoted)} now info ({sum(1 for l in demoted if l['verdict'] == 'true')} of them true), {len(gone)} no longer reported, "
             f"{len(absent)} in files this corpus does not hold"
             if current is not None else ""))
    print()
    print(table(["group", "true/judged", "precision", "95% Wilson"], rows(lambda l: l.get("group") or group(l))))
    print()
    print(table(["rule", "true/judged", "precision", "95% Wilson"], rows(lambda l: l["rule"])))
    if current is not None:
        lost = [l for l in gone if l["verdict"] == "true"]
        silenced = [l for l in gone if l["verdict"] == "false"]
        print()
        print(f"no longer reported: {len(silenced)} false alarms silenced, {len(lost)} true findings lost")
        for l in lost:
            print(f"  LOST {l['path']}:{l['line']} [{l['rule']}] {l['message']} ({l.get('reason', '')})")
        # A false alarm's fix must never be one --fix applies on its own.
        safe_false = [l for l in labels if l["verdict"] == "false" and key(l) in current
                      and current[key(l)].get("applicability") == "safe"]
        print(f"false alarms whose fix --fix would apply (safe): {len(safe_false)}")
        for l in safe_false:
            print(f"  SAFE FIX ON A FALSE ALARM {l['path']}:{l['line']} [{l['rule']}] {l['message']}")
        open_false = [l for l in still if l["verdict"] == "false"]
        print(f"still reported: {len(open_false)} judged false")
        by_rule = {}
        for l in open_false:
            by_rule[l["rule"]] = by_rule.get(l["rule"], 0) + 1
        for rule, n in sorted(by_rule.items(), key=lambda x: -x[1]):
            print(f"  {rule}: {n}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--findings", default=os.path.join(WORK, "findings.jsonl"))
    s.add_argument("--n", type=int, default=150)
    s.add_argument("--seed", type=int, default=24)
    s.add_argument("--out")
    s.add_argument("--exclude", help="a labels file: leave out the findings it judged")
    r = sub.add_parser("report")
    r.add_argument("--labels", default=os.path.join(os.path.dirname(__file__), "labels.jsonl"))
    r.add_argument("--findings")
    r.add_argument("--all-severities", action="store_true", help="count findings now reported at info too")
    args = parser.parse_args()
    sample(args) if args.command == "sample" else report(args)


if __name__ == "__main__":
    main()
