/// A file pattern as `.gitignore`, Vale and typos users write them, matched against `/`-separated paths relative
/// to the configuration file's folder.
///
/// `*` matches within one path segment, `?` one character, `[abc]`/`[a-z]`/`[!a]` one of a set, `**` any number of
/// segments (`docs/**/*.md`, `**/drafts`). A pattern without a `/` (other than a trailing one) matches the name at
/// any depth (`*.md`); one with a `/` is anchored at the folder (`docs/*.md`); a trailing `/` matches a folder and
/// everything under it (`vendor/`). A pattern that matches a folder also matches the files under it.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern
        if p.hasPrefix("./") { p.removeFirst(2) }
        let directoryOnly = p.hasSuffix("/")
        if directoryOnly { p.removeLast() }
        var segments = p.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if p.hasPrefix("/") || segments.count > 1 {
            // Anchored.
        } else {
            segments.insert("**", at: 0)
        }
        if directoryOnly { segments.append("**") }
        self.segments = segments
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) or one of the folders it lies in matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for count in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts[..<count]) {
            return true
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var p = path
            while true {
                if match(rest, p) { return true }
                if p.isEmpty { return false }
                p = p.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = pattern.first else { return name.isEmpty }
        switch c {
        case "*":
            var n = name
            while true {
                if matchSegment(pattern.dropFirst(), n) { return true }
                if n.isEmpty { return false }
                n = n.dropFirst()
            }
        case "?":
            return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let ch = name.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else {
                return name.first == "[" && matchSegment(pattern.dropFirst(), name.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var k = set.startIndex
            while k < set.endIndex {
                if k + 2 < set.endIndex && set[k + 1] == "-" {
                    if set[k].value <= ch.value && ch.value <= set[k + 2].value { found = true }
                    k += 3
                } else {
                    if set[k] == ch { found = true }
                    k += 1
                }
            }
            return found != negated && matchSegment(pattern[(close + 1)...], name.dropFirst())
        case "\\":
            let escaped = pattern.dropFirst()
            guard let e = escaped.first else { return false }
            return name.first == e && matchSegment(escaped.dropFirst(), name.dropFirst())
        default:
            return name.first == c && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}
