/// A unified diff of a file before and after its edits, as `diff -u` and `git diff` print it, so that
/// `git apply` and `patch -p1` apply it. Lines keep their `\r`; a missing final newline is marked.
public struct UnifiedDiff: Sendable {
    public var context: Int

    public init(context: Int = 3) { self.context = context }

    /// The diff of `original` under `edits` (sorted, non-overlapping, offsets into `original`),
    /// labelled `a/<path>` and `b/<path>`; empty when the edits change nothing.
    public func render(path: String, original: [UInt8], edits: [TextEdit]) -> String {
        guard !edits.isEmpty else { return "" }
        let lines = Self.lineStarts(original)
        // Group edits by the original lines they touch; groups closer than 2×context lines share a hunk.
        var groups: [(first: Int, last: Int, edits: [TextEdit])] = []
        for edit in edits {
            let first = lineIndex(of: edit.range.start, lines)
            let last = lineIndex(of: max(edit.range.start, edit.range.end - 1), lines)
            if var group = groups.last, first <= group.last + 2 * context + 1 {
                group.last = max(group.last, last)
                group.edits.append(edit)
                groups[groups.count - 1] = group
            } else {
                groups.append((first, last, [edit]))
            }
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var shift = 0   // lines added minus removed by earlier hunks
        for group in groups {
            let from = max(0, group.first - context)
            let to = min(lines.count - 1, group.last + context)
            let oldRange = ByteRange(lines[from], to + 1 < lines.count ? lines[to + 1] : original.count)
            let changedOld = ByteRange(lines[group.first], group.last + 1 < lines.count ? lines[group.last + 1] : original.count)
            var changedNew: [UInt8] = []
            var cursor = changedOld.start
            for edit in group.edits {
                changedNew.append(contentsOf: original[cursor..<edit.range.start])
                changedNew.append(contentsOf: edit.replacement.utf8)
                cursor = edit.range.end
            }
            changedNew.append(contentsOf: original[cursor..<changedOld.end])
            let before = Self.split(Array(original[oldRange.start..<changedOld.start]))
            let removed = Self.split(Array(original[changedOld.start..<changedOld.end]))
            let added = Self.split(changedNew)
            let after = Self.split(Array(original[changedOld.end..<oldRange.end]))
            let oldCount = before.count + removed.count + after.count
            let newCount = before.count + added.count + after.count
            let oldStart = oldCount == 0 ? from : from + 1
            let newStart = newCount == 0 ? from + shift : from + 1 + shift
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for line in before { out += Self.render(" ", line) }
            for line in removed { out += Self.render("-", line) }
            for line in added { out += Self.render("+", line) }
            for line in after { out += Self.render(" ", line) }
            shift += added.count - removed.count
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
