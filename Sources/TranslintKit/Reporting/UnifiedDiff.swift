/// A unified diff of a file before and after its edits, as `diff -u` and `git diff` print it, so that
/// `git apply` and `patch -p1` apply it. Lines keep their `\r`; a missing final newline is marked.
public struct UnifiedDiff: Sendable {
    public var context: Int

    public init(context: Int = 3) { self.context = context }

    /// The diff of `original` under `edits` (sorted, non-overlapping, offsets into `original`),
    /// labelled `a/<path>` and `b/<path>`, quoted as git quotes them; empty when the edits change nothing. `path` is
    /// used as given: `patch -p1` and `git apply` look for it from where they run.
    public func render(path: String, original: [UInt8], edits: [TextEdit]) -> String {
        guard !edits.isEmpty else { return "" }
        let lines = Self.lineStarts(original)
        func lineEnd(_ line: Int) -> Int { line + 1 < lines.count ? lines[line + 1] : original.count }

        // Change blocks: edits whose original lines touch share a block, which is shown as - lines then + lines.
        var blocks: [(first: Int, last: Int, edits: [TextEdit])] = []
        for edit in edits {
            let first = lineIndex(of: edit.range.start, lines)
            let last = lineIndex(of: max(edit.range.start, edit.range.end - 1), lines)
            if var block = blocks.last, first <= block.last {
                block.last = max(block.last, last)
                block.edits.append(edit)
                blocks[blocks.count - 1] = block
            } else {
                blocks.append((first, last, [edit]))
            }
        }
        // Hunks: blocks whose contexts would touch are shown together.
        var hunks: [[Int]] = []
        for (index, block) in blocks.enumerated() {
            if let previous = hunks.last?.last, block.first - blocks[previous].last - 1 <= 2 * context {
                hunks[hunks.count - 1].append(index)
            } else {
                hunks.append([index])
            }
        }

        var out = "--- \(GitQuotedPath.header("a/" + path))\n+++ \(GitQuotedPath.header("b/" + path))\n"
        var shift = 0   // lines added minus removed by earlier hunks
        for hunk in hunks {
            let from = max(0, blocks[hunk.first!].first - context)
            let to = min(lines.count - 1, blocks[hunk.last!].last + context)
            var body = ""
            var oldCount = 0, newCount = 0
            var line = from
            for index in hunk {
                let block = blocks[index]
                for contextLine in Self.split(Array(original[lines[line]..<lines[block.first]])) {
                    body += Self.render(" ", contextLine); oldCount += 1; newCount += 1
                }
                let changed = ByteRange(lines[block.first], lineEnd(block.last))
                var replaced: [UInt8] = []
                var cursor = changed.start
                for edit in block.edits {
                    replaced.append(contentsOf: original[cursor..<edit.range.start])
                    replaced.append(contentsOf: edit.replacement.utf8)
                    cursor = edit.range.end
                }
                replaced.append(contentsOf: original[cursor..<changed.end])
                let removed = Self.split(Array(original[changed.start..<changed.end])), added = Self.split(replaced)
                for l in removed { body += Self.render("-", l) }
                for l in added { body += Self.render("+", l) }
                oldCount += removed.count; newCount += added.count
                line = block.last + 1
            }
            let trailing = line < lines.count ? lines[line] : original.count
            for contextLine in Self.split(Array(original[trailing..<max(trailing, lineEnd(to))])) {
                body += Self.render(" ", contextLine); oldCount += 1; newCount += 1
            }
            let oldStart = oldCount == 0 ? from : from + 1
            let newStart = newCount == 0 ? from + shift : from + 1 + shift
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
            shift += newCount - oldCount
        }
        return out
    }

    private static func lineStarts(_ text: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, byte) in text.enumerated() where byte == 0x0A && i + 1 < text.count { starts.append(i + 1) }
        return starts
    }

    private func lineIndex(of offset: Int, _ starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Lines with their terminators; the last may lack one.
    private static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    private static func render(_ prefix: String, _ line: ArraySlice<UInt8>) -> String {
        if line.last == 0x0A { return prefix + String(decoding: line, as: UTF8.self) }
        return prefix + String(decoding: line, as: UTF8.self) + "\n\\ No newline at end of file\n"
    }
}
