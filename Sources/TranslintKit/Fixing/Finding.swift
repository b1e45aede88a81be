/// How much a finding matters. The order is from least to most severe.
public enum Severity: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem found in a text, with the fix when there is a safe one.
public struct Finding: Hashable, Sendable {
    /// The id of the check that found it (`mistranslation`).
    public var rule: String
    public var severity: Severity
    /// Short, specific, and says what to do.
    public var message: String
    /// Byte offsets into the original UTF-8 text, half-open. When there is a fix with one edit, its range.
    public var range: ByteRange
    public var fix: Fix?

    public init(rule: String, severity: Severity, message: String, range: ByteRange, fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }

    /// A finding whose range is exactly what `replacement` replaces.
    public init(rule: String, severity: Severity, message: String, replacing range: ByteRange, with replacement: String, title: String) {
        self.init(rule: rule, severity: severity, message: message, range: range,
                  fix: Fix(title: title, edits: [TextEdit(range: range, replacement: replacement)]))
    }

    /// The text that replaces `range` when the fix is applied, or nil when there is no fix
    /// (or the fix does more than replace this range).
    public var replacement: String? {
        guard let fix, fix.edits.count == 1, fix.edits[0].range == range else { return nil }
        return fix.edits[0].replacement
    }

    /// The finding with its one-edit fix writing `final` instead of `reported`, and its message and fix title
    /// saying so.
    func replacing(_ reported: String, with final: String) -> Finding {
        guard let fix, fix.edits.count == 1 else { return self }
        var copy = self
        copy.message = message.replacingAll("'\(reported)'", "'\(final)'")
        copy.fix = Fix(title: fix.title.replacingAll("'\(reported)'", "'\(final)'"),
                       edits: [TextEdit(range: fix.edits[0].range, replacement: final)])
        return copy
    }

    public func shifted(by delta: Int) -> Finding {
        var copy = self
        copy.range = range.shifted(by: delta)
        copy.fix = fix.map { Fix(title: $0.title, edits: $0.edits.map { TextEdit(range: $0.range.shifted(by: delta), replacement: $0.replacement) }) }
        return copy
    }
}
