import CICU

/// An inline comment that silences findings, as ESLint, Vale and markdownlint users write them:
///
/// - `translint-disable-next-line [rule ...]`: findings that start on the next line;
/// - `translint-disable-line [rule ...]`: findings that start on the comment's own line;
/// - `translint-disable [rule ...]` … `translint-enable [rule ...]`: findings between them (to the end of the
///   file when no `translint-enable` follows).
///
/// No rule means every rule. Rules are separated by spaces or commas; `--` starts a free-text reason. In
/// Markdown the comment is an HTML comment (`<!-- translint-disable-line -->`); in plain text it can stand on
/// its own, after `#` or `//`, or in `<!-- -->`. The comment itself is never checked.
public struct SuppressionDirective: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case disableNextLine = "disable-next-line"
        case disableLine = "disable-line"
        case disable
        case enable
    }

    public var kind: Kind
    /// Rule ids; empty means every rule.
    public var rules: [String]
    /// The whole comment, byte offsets into the text, half-open.
    public var range: ByteRange
    /// Where the `translint-…` keyword starts (what a report points at).
    public var keywordStart: Int

    public init(kind: Kind, rules: [String], range: ByteRange, keywordStart: Int) {
        self.kind = kind
        self.rules = rules
        self.range = range
        self.keywordStart = keywordStart
    }

    public func shifted(by delta: Int) -> SuppressionDirective {
        SuppressionDirective(kind: kind, rules: rules, range: range.shifted(by: delta), keywordStart: keywordStart + delta)
    }

    private static let prefix = Array("translint-".utf8)
    /// Longest first, so that `disable-next-line` is not read as `disable`.
    private static let kinds: [(Kind, [UInt8])] = [Kind.disableNextLine, .disableLine, .disable, .enable].map { ($0, Array($0.rawValue.utf8)) }

    /// Every directive in `text` (plain text: anywhere; the Markdown scanner calls `parse` on HTML comments only).
    static func find(in text: UnsafeBufferPointer<UInt8>) -> [SuppressionDirective] {
        guard let base = text.baseAddress, text.count >= 10 else { return [] }
        var result: [SuppressionDirective] = []
        var i = 0
        // memmem (through CICU): the C library's substring search, far faster than a byte loop on the hot path of plain text.
        let needle: StaticString = "translint-"
        while i + needle.utf8CodeUnitCount <= text.count {
            let found = cicu_find_bytes(base + i, Int64(text.count - i), needle.utf8Start, Int64(needle.utf8CodeUnitCount))
            guard found >= 0 else { break }
            let at = i + Int(found)
            if let directive = parse(text, keywordAt: at, limit: text.count) {
                result.append(directive)
                i = max(directive.range.end, at + 1)
            } else {
                i = at + needle.utf8CodeUnitCount
            }
        }
        return result
    }

    /// Parses a directive whose `translint-` keyword starts at `start`, looking no further than `limit`.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, keywordAt start: Int, limit: Int) -> SuppressionDirective? {
        // Not inside a word: `my-translint-disable` is no directive.
        if start > 0, CharacterClass.isASCIIAlnum(text[start - 1]) || text[start - 1] == 0x2D || text[start - 1] == 0x5F { return nil }
        var i = start + prefix.count
        guard let (kind, word) = kinds.first(where: { matches(text, at: i, $0.1) }) else { return nil }
        i += word.count
        if i < limit, CharacterClass.isASCIIAlnum(text[i]) || text[i] == 0x2D { return nil }

        var lineStart = start
        while lineStart > 0 && text[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = i
        while lineEnd < limit && text[lineEnd] != 0x0A { lineEnd += 1 }
        // An HTML comment opened before the keyword on its line holds the directive up to `-->`.
        let opener = lastOccurrence(of: Array("<!--".utf8), in: text, from: lineStart, to: start)
        var end = lineEnd
        var rulesEnd = lineEnd
        if opener != nil, let close = firstOccurrence(of: Array("-->".utf8), in: text, from: i, to: limit) {
            rulesEnd = close
            end = close + 3
        }
        var commentStart = opener ?? start
        if opener == nil {
            // `# translint-…` or `// translint-…` on a line of its own: the marker is part of the comment.
            var j = start
            while j > lineStart && (text[j - 1] == 0x20 || text[j - 1] == 0x09) { j -= 1 }
            if j >= lineStart + 2 && text[j - 1] == 0x2F && text[j - 2] == 0x2F { j -= 2 } else if j > lineStart && text[j - 1] == 0x23 { j -= 1 }
            var k = j
            while k > lineStart && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
            if k == lineStart { commentStart = j }
        }
        if end == lineEnd, end > commentStart, text[end - 1] == 0x0D { end -= 1; rulesEnd = min(rulesEnd, end) }

        var rules: [String] = []
        var current: [UInt8] = []
        var k = i
        while k < rulesEnd {
            let byte = text[k]
            if byte == 0x2D && k + 1 < rulesEnd && text[k + 1] == 0x2D && current.isEmpty { break }   // `-- reason`
            if byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x0D {
                if !current.isEmpty { rules.append(String(decoding: current, as: UTF8.self)); current = [] }
            } else {
                current.append(byte)
            }
            k += 1
        }
        if !current.isEmpty { rules.append(String(decoding: current, as: UTF8.self)) }
        return SuppressionDirective(kind: kind, rules: rules, range: ByteRange(commentStart, max(end, i)), keywordStart: start)
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, _ word: [UInt8]) -> Bool {
        guard offset + word.count <= text.count else { return false }
        for k in 0..<word.count where text[offset + k] != word[k] { return false }
        return true
    }

    static func firstOccurrence(of word: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i + word.count <= to {
            if matches(text, at: i, word) { return i }
            i += 1
        }
        return nil
    }

    private static func lastOccurrence(of word: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = to - word.count
        while i >= from {
            if matches(text, at: i, word) { return i }
            i -= 1
        }
        return nil
    }
}
