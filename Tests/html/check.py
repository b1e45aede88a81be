#!/usr/bin/env python3
"""The HTML report in a validator and a real browser (issue 29); run by Tests/html/run.sh and .ci/run.

1. Every report given validates as HTML5: html5lib's parser in strict mode raises on any parse error.
2. Headless Chromium loads each report (scripts on, network off by the report's own Content-Security-Policy):
   - the DOM holds one marked finding per finding of the JSON report (ids in `data-findings`);
   - the filters (set through the address, `#rule=…`, as a reviewer shares a view) hide what they should;
   - a screenshot 1280 px wide renders and is not blank.
Usage: check.py TRANSLINT OUTDIR
"""
import html5lib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import zlib

translint, out = sys.argv[1], pathlib.Path(sys.argv[2])
root = pathlib.Path(__file__).resolve().parents[2]
out.mkdir(parents=True, exist_ok=True)
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def run(*args):
    return subprocess.run([translint, *args], cwd=root, capture_output=True, text=True)


def chromium(*args):
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               "--hide-scrollbars", "--user-data-dir=" + str(out / "profile"), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.stdout


reports = {}
# The sample article with the shipped glossaries, and the PO catalog of the tests' fixtures.
for name, args in {
    "samples": ["lint", "--no-config", "samples", "--glossary", "glossaries/zh-en"],
    "po": ["lint", "--no-config", "Tests/TranslintKitTests/Fixtures/bilingual/shop.po", "--glossary", "Tests/html/shop-glossary.yaml"],
}.items():
    html_run = run(*args, "--format", "html")
    json_run = run(*args, "--format", "json")
    if html_run.returncode not in (0, 1) or json_run.returncode != html_run.returncode:
        raise SystemExit(f"translint {' '.join(args)}: exit {html_run.returncode}/{json_run.returncode}: {html_run.stderr}")
    path = out / f"{name}.html"
    path.write_text(html_run.stdout)
    report = json.loads(json_run.stdout)
    reports[name] = (path, [f for file in report["files"] for f in file["findings"] if not f.get("fixed")])

for golden in sorted((root / "Tests/TranslintKitTests/Golden").glob("*.html")):
    reports[golden.name] = (golden, None)

for name, (path, findings) in reports.items():
    html5lib.HTMLParser(strict=True).parse(path.read_bytes())
    print(f"{name}: valid HTML5 (html5lib, strict)")

if not browser:
    raise SystemExit("no chromium: install Debian's chromium to run the browser checks")

for name in ["samples", "po"]:
    path, findings = reports[name]
    dom = chromium("--dump-dom", path.as_uri())
    marked = set(id for ids in re.findall(r'data-findings="([^"]*)"', dom) for id in ids.split())
    listed = re.findall(r'<li class="finding[^"]*" id="([^"]+)"', dom)
    assert len(listed) == len(findings) == len(marked), f"{name}: {len(listed)} listed, {len(marked)} marked, {len(findings)} in the JSON report"
    assert 'id="filters"' in dom and re.search(r'<section id="filters"[^>]*hidden', dom) is None, f"{name}: the filters did not come up"
    status = re.search(r'id="filter-status"[^>]*>([^<]*)<', dom).group(1)
    assert status == f"{len(findings)} of {len(findings)} findings shown", status
    for rule in sorted({f["rule"] for f in findings}):
        filtered = chromium("--dump-dom", path.as_uri() + "#rule=" + rule)
        want = sum(1 for f in findings if f["rule"] == rule)
        shown = re.findall(r'<li class="finding[^"]*" id="[^"]+" data-rule="([^"]+)"[^>]*>', filtered)
        hidden = re.findall(r'<li class="finding[^"]*" id="[^"]+" data-rule="([^"]+)"[^>]*hidden', filtered)
        assert len(hidden) == len(findings) - want and all(r != rule for r in hidden), f"{name} #rule={rule}: {len(hidden)} hidden"
        assert f">{want} of {len(findings)} findings shown<" in filtered, f"{name} #rule={rule}: status wrong"
        # Marks stay marked only for the findings shown.
        rule_of = dict(re.findall(r'<li class="finding[^"]*" id="([^"]+)" data-rule="([^"]+)"', filtered))
        for classes, ids in re.findall(r'<mark class="([^"]*)"[^>]*data-findings="([^"]*)"', filtered):
            on = any(rule_of.get(i) == rule for i in ids.split())
            assert ("off" not in classes.split()) == on, f"{name} #rule={rule}: mark {ids} is {'off' if not on else 'on'} wrongly"
    print(f"{name}: {len(findings)} findings marked in the DOM; the rule filter shows exactly each rule's findings")
    shot = out / f"{name}.png"
    chromium("--screenshot=" + str(shot), "--window-size=1280,1600", path.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    # Not blank: the image data of a blank page compresses to almost nothing.
    assert len(data) > 20000, f"{name}: the screenshot looks blank ({len(data)} bytes)"
    print(f"{name}: screenshot {shot} ({len(data)} bytes)")
