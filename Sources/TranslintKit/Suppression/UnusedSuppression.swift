/// A suppression comment that suppresses nothing: a rule was fixed, renamed, or the comment is on the wrong line.
/// Not a check of its own: `SuppressionFilter` knows which directives were used once a file has been linted.
public enum UnusedSuppression {
    public static let description = CheckDescription(
        id: "unused-suppression",
        name: "Unused suppression",
        summary: "A `translint-disable…` comment that suppresses no finding.",
        rationale: """
        A suppression that silences nothing hides the next real finding on that line, or says that a rule was \
        turned off for a reason that no longer holds. ESLint reports these with --report-unused-disable-directives. \
        The comment is reported where its `translint-` keyword starts; translint-enable is never reported.
        """,
        defaultSeverity: .warning,
        isFixable: false,
        mqmCategory: .style,
        mqmSeverity: .neutral,
        nonTriggering: [
            CheckExample("<!-- translint-disable-next-line mistranslation -->\nThe Amoy team met."),
            CheckExample("The Amoy team met. <!-- translint-disable-line -->"),
            CheckExample("# translint-disable mistranslation\nAmoy grew.\n# translint-enable"),
        ],
        triggering: [
            CheckExample("<!-- ↓translint-disable-next-line mistranslation -->\nThe Taobao team met."),
            CheckExample("The Amoy team met. <!-- ↓translint-disable-line term-case -->"),
            CheckExample("// ↓translint-disable\nAll fine here."),
        ],
        corrections: []
    )

    static func message(_ directive: SuppressionDirective, isKnown: (String) -> Bool) -> String {
        let rules = directive.rules.isEmpty ? "any rule" : listed(directive.rules)
        let place = switch directive.kind {
        case .disableLine: "on this line"
        case .disableNextLine: "on the next line"
        case .disable, .enable: "in this section"
        }
        var message = "unused suppression: no finding of \(rules) \(place); remove the comment"
        let unknown = directive.rules.filter { id in !isKnown(id) }
        if !unknown.isEmpty { message += " (unknown rule \(listed(unknown)))" }
        return message
    }

    /// `'a', 'b'`: the first eight, then how many more, so that a comment of thousands of words makes one line.
    private static func listed(_ rules: [String]) -> String {
        let shown = rules.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return rules.count > 8 ? shown + " and \(rules.count - 8) more" : shown
    }

    static func finding(_ directive: SuppressionDirective, severity: Severity, isKnown: (String) -> Bool) -> Finding {
        Finding(rule: description.id, severity: severity, message: message(directive, isKnown: isKnown),
                range: ByteRange(directive.keywordStart, max(directive.keywordStart, min(directive.range.end, directive.keywordStart + "translint-".utf8.count + directive.kind.rawValue.utf8.count))))
    }
}
