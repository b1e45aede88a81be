/// The lines of a file that changed since a revision, read from `git diff --unified=0`: what `--only-changed`
/// keeps findings on.
public struct ChangedLines: Hashable, Sendable {
    /// 1-based, inclusive ranges of lines in the new file; nil means every line (a file git does not track).
    public var ranges: [ClosedRange<Int>]?

    public init(ranges: [ClosedRange<Int>]?) { self.ranges = ranges }

    public static let all = ChangedLines(ranges: nil)

    /// Whether a finding on lines `first...last` touches a changed line.
    public func contains(first: Int, last: Int) -> Bool {
        guard let ranges else { return true }
        return ranges.contains { $0.lowerBound <= last && first <= $0.upperBound }
    }

    /// Parses the hunk headers (`@@ -12,3 +14,5 @@`) of a unified diff of one file. A hunk that only deletes
    /// (`+14,0`) changes no line of the new file.
    public static func parse(unifiedDiff: String) -> ChangedLines {
        var ranges: [ClosedRange<Int>] = []
        for line in unifiedDiff.split(separator: "\n") where line.hasPrefix("@@ ") {
            guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
            let parts = plus.dropFirst().split(separator: ",")
            guard let start = Int(parts[0]) else { continue }
            let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
            if count > 0 { ranges.append(start...(start + count - 1)) }
        }
        return ChangedLines(ranges: ranges)
    }
}
