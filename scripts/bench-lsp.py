#!/usr/bin/env python3
"""The language server's latency and memory: `scripts/bench-lsp.sh` runs it on the release build.

A 10,000-word Markdown document (the sample article, repeated) is opened in `translint lsp` with the shipped
zh-en glossaries; then EDITS keystrokes, each an incremental didChange that types or deletes one character in a
paragraph, are sent one at a time. For each, the time from writing the didChange to reading the
publishDiagnostics of that version is measured (the client's JSON parsing included). Prints the median, 95th
percentile and maximum, and the server's peak resident memory (VmHWM) after the first 100 edits and after all of
them: flat memory means the two are close.

Usage: bench-lsp.py TRANSLINT_BINARY [--edits N] [--words N] [--max-median-ms X]
Exit status 1 when the server fails, or when the median exceeds --max-median-ms.
"""

import argparse
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


class Client:
    def __init__(self, binary, cwd):
        self.process = subprocess.Popen([os.path.abspath(binary), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = self.process.stdout.read(1)
            if not byte:
                raise SystemExit("bench-lsp: the server closed its output")
            header += byte
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.process.stdout.read(length))

    def diagnostics(self, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message["params"]["diagnostics"]

    def peak_memory_kib(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def document(words):
    sample = (ROOT / "samples/000_02c679c3906c68ff.txt").read_text()
    paragraphs = [p.strip() for p in sample.split("\n") if p.strip()]
    text, count, i = [], 0, 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        text.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(text) + "\n", count


def utf16_position(text, offset):
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return {"line": line, "character": len(column.encode("utf-16-le")) // 2}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--max-median-ms", type=float, default=None)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="translint-bench-lsp-")
    (pathlib.Path(folder) / ".translint.yml").write_text("glossaries: [zh-en]\n")
    path = pathlib.Path(folder) / "article.md"
    text, words = document(args.words)
    path.write_text(text)
    uri = path.as_uri()

    client = Client(args.binary, folder)
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": pathlib.Path(folder).as_uri(), "capabilities": {}}})
    client.receive()
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    started = time.perf_counter()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    first = client.diagnostics(1)
    opened_ms = (time.perf_counter() - started) * 1000
    if not first:
        raise SystemExit("bench-lsp: no diagnostics for the document")

    random.seed(28)
    latencies, memory_after_100 = [], 0
    version = 1
    for edit in range(args.edits):
        version += 1
        if edit % 2 == 0:
            # Type a letter after a random space.
            at = text.find(" ", random.randrange(len(text)))
            at = at if at >= 0 else text.find(" ")
            change = {"range": {"start": utf16_position(text, at), "end": utf16_position(text, at)}, "text": "x"}
            text = text[:at] + "x" + text[at:]
            typed = at
        else:
            # Delete it again.
            change = {"range": {"start": utf16_position(text, typed), "end": utf16_position(text, typed + 1)}, "text": ""}
            text = text[:typed] + text[typed + 1 :]
        sent = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        diagnostics = client.diagnostics(version)
        latencies.append((time.perf_counter() - sent) * 1000)
        if edit == min(99, args.edits - 1):
            memory_after_100 = client.peak_memory_kib()
    memory_end = client.peak_memory_kib()
    if len(diagnostics) != len(first):
        raise SystemExit(f"bench-lsp: {len(diagnostics)} diagnostics after the edits, {len(first)} before (the edits undo each other)")

    client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    client.receive()
    client.send({"jsonrpc": "2.0", "method": "exit"})
    status = client.process.wait(timeout=30)
    if status != 0:
        raise SystemExit(f"bench-lsp: the server exited with status {status}")

    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"document: {words} words, {len(text.encode())} bytes, {len(first)} diagnostics; open to diagnostics {opened_ms:.1f} ms")
    print(f"didChange -> publishDiagnostics over {len(latencies)} edits: median {median:.2f} ms, p95 {p95:.2f} ms, max {latencies[-1]:.2f} ms")
    print(f"server peak memory: {memory_after_100 / 1024:.1f} MiB after {min(100, len(latencies))} edits, {memory_end / 1024:.1f} MiB after {len(latencies)}")
    if args.max_median_ms is not None and median > args.max_median_ms:
        print(f"bench-lsp: median {median:.2f} ms exceeds {args.max_median_ms} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
