/// The identity of a finding across runs: the rule, the flagged text, up to 20 code points on either side within
/// its line, and how many earlier findings of the same file had that same key. No line numbers and no offsets, so
/// it stays the same when lines are added above or unrelated text changes; it changes when the flagged text or
/// its immediate surroundings do. SARIF's `partialFingerprints`, GitLab's `fingerprint` and the baseline use it.
public struct Fingerprinter: Sendable {
    /// How many earlier findings of the current file had the same key.
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// Call at each new file: occurrence indexes count within a file.
    public mutating func reset() { occurrences = [:] }

    /// The fingerprint of the next finding of the current file (16 hex digits), in report order.
    public mutating func next(_ located: LocatedFinding) -> String {
        let key = Self.key(located)
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        return Self.hash(key + "\u{0}" + String(occurrence))
    }

    /// The rule, the flagged text, and up to 20 code points on either side within its line.
    static func key(_ located: LocatedFinding) -> String {
        let scalars = Array(located.lineText.unicodeScalars)
        let start = min(max(located.lineTextColumn - 1, 0), scalars.count)
        let length = located.endLine == located.line ? max(located.endColumn - located.column, 0) : scalars.count - start
        let end = min(scalars.count, start + length)
        var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
        before.append(contentsOf: scalars[max(0, start - 20)..<start])
        after.append(contentsOf: scalars[end..<min(scalars.count, end + 20)])
        return located.finding.rule + "\u{0}" + located.text + "\u{0}" + String(before) + "\u{0}" + String(after)
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    public static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Where reports point readers for more: the project's home page and each rule's section of its documentation.
public struct ReportLinks: Hashable, Sendable {
    /// The tool's home page (SARIF `informationUri`, reviewdog's `source.url`).
    public var home: String
    /// The document whose anchors name the rules (`…/README.md`); a rule's link is `document#rule-ID`.
    public var document: String

    public init(home: String, document: String) {
        self.home = home
        self.document = document
    }

    public func rule(_ id: String) -> String { document + "#rule-" + id }
}

extension LocatedFinding {
    /// The 1-based line and column in UTF-8 bytes (reviewdog's unit) of the file offset `offset`, when this finding
    /// knows it: on the line the finding starts on, or inside the finding's text. Else nil.
    public func bytePosition(of offset: Int) -> (line: Int, column: Int)? {
        if offset >= lineStart && offset <= lineEnd { return (line, offset - lineStart + 1) }
        let range = finding.range
        guard offset >= range.start && offset <= range.end, range.start >= lineStart else { return nil }
        var line = self.line, column = range.start - lineStart + 1
        for byte in text.utf8.prefix(offset - range.start) {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
