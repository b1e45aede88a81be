/// Applies a unified diff of one file to its original bytes, strictly, as `patch` without fuzz does: every context
/// and removed line must be where the hunk header says. Returns nil when the diff does not apply; an empty diff
/// leaves the bytes as they are.
public enum PatchApplier {
    public static func apply(_ diff: [UInt8], to original: [UInt8]) -> [UInt8]? {
        let diffLines = lines(diff)
        if diffLines.isEmpty { return original }
        var oldLines = lines(original)
        var result: [[UInt8]] = []
        var cursor = 0   // next line of the original to copy
        var k = 0
        // The two header lines.
        guard diffLines.count >= 2, diffLines[0].starts(with: Array("--- ".utf8)), diffLines[1].starts(with: Array("+++ ".utf8)) else { return nil }
        k = 2
        while k < diffLines.count {
            let header = diffLines[k]
            guard let (oldStart, oldCount) = hunkHeader(header) else { return nil }
            k += 1
            let first = oldCount == 0 ? oldStart : oldStart - 1
            guard first >= cursor, first <= oldLines.count else { return nil }
            result += oldLines[cursor..<first]
            cursor = first
            var removed = 0
            while k < diffLines.count && !diffLines[k].starts(with: Array("@@ ".utf8)) {
                var line = diffLines[k]
                k += 1
                guard let marker = line.first else { return nil }
                line.removeFirst()
                // "\ No newline at end of file" takes the line break off the line before it.
                if k < diffLines.count && diffLines[k].starts(with: Array("\\ No newline".utf8)) {
                    if line.last == 0x0A { line.removeLast() }
                    k += 1
                }
                switch marker {
                case 0x20, 0x2D:
                    guard cursor < oldLines.count, oldLines[cursor] == line else { return nil }
                    if marker == 0x20 { result.append(line) }
                    cursor += 1
                    removed += 1
                case 0x2B:
                    result.append(line)
                default:
                    return nil
                }
            }
            guard removed == oldCount else { return nil }
        }
        result += oldLines[cursor...]
        oldLines = []
        return result.flatMap { $0 }
    }

    /// `@@ -a,b +c,d @@`: (a, b).
    static func hunkHeader(_ line: [UInt8]) -> (Int, Int)? {
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("@@ -"), let space = text.dropFirst(4).firstIndex(of: " ") else { return nil }
        let old = text[text.index(text.startIndex, offsetBy: 4)..<space].split(separator: ",")
        guard let start = Int(old[0]) else { return nil }
        let count = old.count > 1 ? Int(old[1]) : 1
        return count.map { (start, $0) }
    }

    /// Lines with their line breaks; the last may have none.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            out.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { out.append(Array(bytes[start...])) }
        return out
    }
}
