#!/usr/bin/env python3
"""Build the benchmark corpus: real English prose that any Debian machine has.

Sources, in this order: man pages rendered as text (`man -l PAGE | col -b`), /usr/share/common-licenses,
and the text under /usr/share/doc (compressed or not). Only files that are valid UTF-8 without NUL bytes
are kept. Documents are separated by a blank line. Writes OUT with at least SIZE megabytes (10^6 bytes),
cut after a document; when the machine has less text than that, the corpus repeats (and says so).
"""
import concurrent.futures
import gzip
import os
import subprocess
import sys

out_path, size_mb = sys.argv[1], float(sys.argv[2])
man_pages = int(os.environ.get("BENCH_MAN_PAGES", "600"))
target = int(size_mb * 1_000_000)


def clean(data):
    if b"\0" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return data.strip() + b"\n\n"


def render(page):
    try:
        text = subprocess.run(f"MANWIDTH=80 man -l '{page}' 2>/dev/null | col -b", shell=True,
                              capture_output=True, timeout=60).stdout
    except subprocess.TimeoutExpired:
        return None
    return clean(text)


def files(root):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            yield os.path.join(folder, name)


chunks, total = [], 0
sources = {"man pages": 0, "common-licenses": 0, "/usr/share/doc": 0}

pages = sorted(os.path.join("/usr/share/man/man1", n) for n in os.listdir("/usr/share/man/man1"))[:man_pages]
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for text in pool.map(render, pages):
        if text and total < target:
            chunks.append(text); total += len(text); sources["man pages"] += len(text)

for label, root in (("common-licenses", "/usr/share/common-licenses"), ("/usr/share/doc", "/usr/share/doc")):
    for path in files(root):
        if total >= target:
            break
        if os.path.islink(path) or os.path.getsize(path) > 20_000_000:
            continue
        try:
            raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
        except (OSError, EOFError):
            continue
        text = clean(raw)
        if text:
            chunks.append(text); total += len(text); sources[label] += len(text)

real = total
while total < target and real > 0:          # not enough text here: repeat what there is
    for text in list(chunks):
        if total >= target:
            break
        chunks.append(text); total += len(text)

with open(out_path, "wb") as f:
    for text in chunks:
        f.write(text)
parts = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sources.items())
note = "" if real >= target else f" (only {real / 1e6:.1f} MB of distinct text: repeated)"
print(f"{out_path}: {total / 1e6:.1f} MB from {parts}{note}", file=sys.stderr)
