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

extension ChangedLines {
    /// The changed lines of every file in one `git diff --unified=0` of many files, by the path its `+++ b/` line
    /// names (relative to the repository's top folder, unquoted). A deleted file (`+++ /dev/null`) is left out.
    /// Expects git's default `b/` prefix (`--dst-prefix=b/`) and no renames (`--no-renames`).
    public static func parse(gitDiff: String) -> [String: ChangedLines] {
        var files: [String: ChangedLines] = [:]
        var current: String?
        var ranges: [ClosedRange<Int>] = []
        var inHeader = false   // between `diff --git` and the first hunk: an added line may also start with `+++`
        func flush() {
            if let current { files[current] = ChangedLines(ranges: ranges) }
            current = nil
            ranges = []
        }
        for line in gitDiff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("diff --git ") {
                flush()
                inHeader = true
            } else if inHeader, line.hasPrefix("+++ ") {
                if let name = GitQuotedPath.parse(line.dropFirst(4)), name.hasPrefix("b/") { current = String(name.dropFirst(2)) }
            } else if line.hasPrefix("@@ ") {
                inHeader = false
                if current != nil { ranges += parse(unifiedDiff: String(line)).ranges ?? [] }
            }
        }
        flush()
        return files
    }
}
