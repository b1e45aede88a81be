/// "Did you mean": the closest of some known names to a mistyped one.
public enum Suggestion {
    /// The name of `known` within a small edit distance of `given` (a third of its length, at least one), the
    /// closest first; nil when none is that close.
    public static func closest(to given: String, in known: some Sequence<String>) -> String? {
        let limit = max(1, given.count / 3)
        var best: (name: String, distance: Int)?
        for name in known {
            let d = distance(given.lowercased(), name.lowercased())
            if d <= limit && (best == nil || d < best!.distance) { best = (name, d) }
        }
        return best?.name
    }

    /// Levenshtein distance, on characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
