/// How much a finding matters. The order is from least to most severe.
public enum Severity: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem found in a text, with its fix when there is one (safe, or only suggested).
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
        var newFix = fix
        newFix.title = fix.title.replacingAll("'\(reported)'", "'\(final)'")
        newFix.edits = [TextEdit(range: fix.edits[0].range, replacement: final)]
        copy.fix = newFix
        return copy
    }

    /// Reported at `severity`: below warning the evidence is weak, so a fix is only suggested.
    mutating func report(at severity: Severity) {
        self.severity = severity
        if severity < .warning, let fix, fix.isSafe { self.fix = fix.suggested("the evidence is weak (info)") }
    }

    /// Whether a run applies this finding's fix: a safe one always, a suggested one with `unsafeFixes`.
    func fixApplies(unsafeFixes: Bool) -> Bool {
        guard let fix else { return false }
        return fix.isSafe || unsafeFixes
    }

    public func shifted(by delta: Int) -> Finding {
        var copy = self
        copy.range = range.shifted(by: delta)
        copy.fix = fix.map { fix in
            var moved = fix
            moved.edits = fix.edits.map { TextEdit(range: $0.range.shifted(by: delta), replacement: $0.replacement) }
            return moved
        }
        return copy
    }
}
