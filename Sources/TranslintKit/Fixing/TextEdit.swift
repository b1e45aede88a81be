/// Replace the bytes of `range` in the original text with `replacement`.
public struct TextEdit: Hashable, Sendable {
    /// Byte offsets into the original UTF-8 text, half-open.
    public var range: ByteRange
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Where `offset` of the text `edits` (sorted, non-overlapping) make is in the original: an offset inside a
    /// replacement goes to the start of the range it replaced.
    public static func originalOffset(of offset: Int, after edits: [TextEdit]) -> Int {
        var delta = 0
        for edit in edits {
            let start = edit.range.start + delta
            if offset < start { break }
            if offset < start + edit.replacement.utf8.count { return edit.range.start }
            delta += edit.replacement.utf8.count - edit.range.length
        }
        return offset - delta
    }
}

/// Whether `--fix` may apply a fix on its own, as ruff's fix safety: only fixes whose evidence is strong are
/// `safe`; the rest are `suggested`, shown in reports and diffs of `--unsafe-fixes`, applied only with it.
public enum FixApplicability: String, Hashable, Sendable, Codable {
    /// The evidence is strong (a glossary's forbidden rendering, a doubled article): `--fix` applies it.
    case safe
    /// The evidence is weak or the text may be right as it is (a lowercase start that may be a command name, a
    /// doubled noun that may be a column): applied only with `--unsafe-fixes`.
    case suggested
}

/// A titled set of edits that together fix one finding.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]
    public var applicability: FixApplicability
    /// Why a fix is only suggested, for reports (`a list item may start in lowercase`); nil for safe fixes.
    public var reason: String?

    public init(title: String, edits: [TextEdit], applicability: FixApplicability = .safe, reason: String? = nil) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
        self.reason = reason
    }

    /// The same fix, only suggested, for `reason`.
    public func suggested(_ reason: String) -> Fix {
        var copy = self
        copy.applicability = .suggested
        copy.reason = copy.reason ?? reason
        return copy
    }

    public var isSafe: Bool { applicability == .safe }
}
