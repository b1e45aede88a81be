#!/usr/bin/env python3
"""placeholder-mismatch against gettext's own judge, on every format unit of the real-file corpus.

    scripts/msgfmt-agree.py WORK TRANSLINT [--out FILE]

WORK is a corpus that scripts/realworld.sh built (catalogs/LANG/*.po, decompiled with msgunfmt, so without the
`#, c-format` flags of their sources). Each catalog is copied to WORK/msgfmt/LANG/NAME.po with the flag that
xgettext would have given each entry from its msgid:
  - `python-format` when every `%` of the msgid starts a `%(name)s` directive,
  - `c-format` when every `%` starts a printf directive (`%s`, `%1$d`, `%<PRId64>`, `%.*s`; C's space flag does
    not count: "100% of files" is text, not `% o`),
  - none otherwise (binutils' own `%B`, strftime's `%H:%M`), and the entry is not compared.
Then `msgfmt --check-format --check-header` (as `msgfmt -c`, without the domain check) and `translint --select placeholder-mismatch` run on the copies, and the two verdicts
are compared per entry: msgfmt rejects it (an error on one of its lines) or not; translint reports a
placeholder-mismatch that names a printf directive (`'%s' …`), at any severity, or not. Tags and braces, which
msgfmt does not read, are left out of the comparison.

It prints a table per language and every disagreement (msgfmt's message beside translint's), and with --out
writes them as JSON lines. Exit status 0, or 3 when a tool failed. See docs/precision.md for what the
disagreements are.
"""
import json
import os
import re
import subprocess
import sys

WORK, BIN = sys.argv[1], sys.argv[2]
OUT = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None

C_DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+#0'I]*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d+))?"
                         r"(?:<PRI[a-zA-Z0-9]+>|(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm])")
PY_DIRECTIVE = re.compile(r"%\([^)\s]{1,256}\)[-+#0 ]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
ERROR = re.compile(r"^(.*?):(\d+): (.*)$")


def unquote(line):
    match = re.search(r'"(.*)"\s*$', line)
    return match.group(1) if match else ""


def entries(lines):
    """(first line index, last line index, msgid) of each entry, header excluded."""
    out, i = [], 0
    while i < len(lines):
        if lines[i].startswith(("msgctxt ", "msgid ")):
            start = i
            while i < len(lines) and not lines[i].startswith("msgid "):
                i += 1
            msgid = unquote(lines[i])
            i += 1
            while i < len(lines) and lines[i].startswith('"'):
                msgid += unquote(lines[i]); i += 1
            while i < len(lines) and lines[i].strip():
                i += 1
            out.append((start, i - 1, msgid))
        i += 1
    return [e for e in out if e[2]]


def flag(msgid):
    """The flag xgettext gives a msgid: a format only when every `%` in it starts a directive of that format
    (binutils' `%B: %s`, strftime's `%H:%M` and `100% of` are no C format strings)."""
    text = msgid.replace("%%", "")
    positions = [m.start() for m in re.finditer("%", text)]
    if not positions:
        return None
    if all(PY_DIRECTIVE.match(text, p) for p in positions):
        return "python-format"
    if all(C_DIRECTIVE.match(text, p) for p in positions):
        return "c-format"
    return None


def main():
    base = os.path.join(WORK, "catalogs")
    results, failures = [], 0
    for lang in sorted(os.listdir(base)):
        folder = os.path.join(base, lang)
        if not os.path.isdir(folder):
            continue
        target = os.path.join(WORK, "msgfmt", lang)
        os.makedirs(target, exist_ok=True)
        copies = []
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".po"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                raw = f.read()
            try:
                lines = raw.decode("utf-8").split("\n")
            except UnicodeDecodeError:
                continue                    # another charset: translint refuses these, counted by realworld.py
            out, units, line_map = [], [], {}
            last = 0
            for start, end, msgid in entries(lines):
                kind = flag(msgid)
                out += lines[last:start]
                if kind:
                    out.append(f"#, {kind}")
                    first = len(out)
                    units.append({"kind": kind, "msgid": msgid, "first": first + 1, "last": first + end - start + 1})
                out += lines[start:end + 1]
                last = end + 1
            out += lines[last:]
            if not units:
                continue
            path = os.path.join(target, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(out))
            copies.append((path, units))
        if not copies:
            continue
        # msgfmt, once per catalog: each error names a line of the entry it rejects. --check-header as in `msgfmt -c`:
        # it reads the Plural-Forms formula, which decides the plural forms that may leave the count out.
        for path, units in copies:
            run = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", path], capture_output=True, text=True)
            for line in run.stderr.splitlines():
                match = ERROR.match(line)
                if not match or match.group(1) != path:
                    continue
                number = int(match.group(2))
                for unit in units:
                    if unit["first"] <= number <= unit["last"]:
                        unit.setdefault("msgfmt", []).append(match.group(3))
        # translint, once per language.
        config = os.path.join(folder, ".translint.yml")
        run = subprocess.run([BIN, "lint", *[p for p, _ in copies], "--config", config, "--select", "placeholder-mismatch",
                              "--format", "json", "--color", "never"], capture_output=True)
        if run.returncode not in (0, 1):
            print(f"msgfmt-agree.py: translint exited {run.returncode} on {lang}: {run.stderr.decode()[:300]}", file=sys.stderr)
            failures += 1
            continue
        report = json.loads(run.stdout)
        by_path = {p: u for p, u in copies}
        for file in report["files"]:
            units = by_path.get(file["path"]) or by_path.get(os.path.abspath(file["path"]), [])
            for finding in file["findings"]:
                if "'%" not in finding["message"]:
                    continue            # tags and braces: msgfmt does not read them
                for unit in units:
                    if unit["first"] <= finding["line"] <= unit["last"]:
                        unit.setdefault("translint", []).append(f"{finding['severity']}: {finding['message']}")
        for path, units in copies:
            for unit in units:
                results.append(dict(unit, lang=lang, path=os.path.relpath(path, WORK)))
    table = {}
    for r in results:
        row = table.setdefault((r["lang"], r["kind"]), [0, 0, 0, 0])
        row[0] += 1
        m, t = "msgfmt" in r, "translint" in r
        row[1] += m and t
        row[2] += m and not t
        row[3] += t and not m
    print("| language | format | units | both reject | msgfmt only | translint only | agreement |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    total = [0, 0, 0, 0]
    for (lang, kind), row in sorted(table.items()):
        total = [a + b for a, b in zip(total, row)]
        print(f"| {lang} | {kind} | {row[0]} | {row[1]} | {row[2]} | {row[3]} | {100 * (row[0] - row[2] - row[3]) / row[0]:.2f}% |")
    if total[0]:
        print(f"| **all** | | {total[0]} | {total[1]} | {total[2]} | {total[3]} | "
              f"{100 * (total[0] - total[2] - total[3]) / total[0]:.2f}% |")
    disagreements = [r for r in results if ("msgfmt" in r) != ("translint" in r)]
    print(f"\n{len(disagreements)} disagreements:")
    for r in disagreements:
        print(f"{r['path']}:{r['first']}: {r['msgid'][:100]!r}")
        print(f"    msgfmt:    {'; '.join(r.get('msgfmt', ['accepts']))[:200]}")
        print(f"    translint: {'; '.join(r.get('translint', ['silent']))[:200]}")
    if OUT:
        with open(OUT, "w") as f:
            for r in disagreements:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    sys.exit(3 if failures else 0)


main()
