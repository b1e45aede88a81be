/// Machine-readable findings (format version 1), documented in README.md.
///
/// Lines and columns are 1-based and count Unicode scalars; `start`/`end` are UTF-8 byte offsets,
/// half-open; `replacement` is null when there is no safe fix.
public struct JSONReporter: Reporter {
    public var pretty: Bool

    private var filesWritten = 0
    private var findingsInFile = 0

    public init(pretty: Bool = true) { self.pretty = pretty }

    // Written by hand around `JSONValue`, so that findings stream out as they come; the layout is what
    // `JSONValue.serialized(pretty:)` gives for the whole document.
    private var indent: (String) -> String { { pretty ? "\n" + $0 : "" } }
    private var colon: String { pretty ? ": " : ":" }

    public mutating func begin() -> String {
        filesWritten = 0
        return "{" + indent("  ") + "\"version\"\(colon)1," + indent("  ") + "\"files\"\(colon)["
    }

    public mutating func beginFile(_ path: String) -> String {
        var path_ = ""
        JSONValue.escape(path, into: &path_)
        findingsInFile = 0
        defer { filesWritten += 1 }
        return (filesWritten > 0 ? "," : "") + indent("    ") + "{" + indent("      ") + "\"path\"\(colon)\(path_)," + indent("      ") + "\"findings\"\(colon)["
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings {
            out += (findingsInFile > 0 ? "," : "") + indent("        ") + indented(finding(located, fixing: fixing).serialized(pretty: pretty), by: "        ")
            findingsInFile += 1
        }
        return out
    }

    public mutating func endFile(_ path: String, quality: QualityScore) -> String {
        (findingsInFile > 0 ? indent("      ") : "") + "]," + indent("      ") + "\"quality\"\(colon)"
            + indented(Self.quality(quality).serialized(pretty: pretty), by: "      ") + indent("    ") + "}"
    }

    /// `{"penalty", "words", "score"}`: an automatic estimate, `100 × (1 − penalty / words)` rounded to 2 decimals.
    /// With `categories`: the penalty points by MQM category, in a fixed order, the categories without points left out.
    static func quality(_ q: QualityScore) -> JSONValue {
        let categories = MQMCategory.allCases.compactMap { c in q.penaltyByCategory[c].map { (c.rawValue, JSONValue.number($0)) } }
        return .object([("penalty", .number(q.penalty)), ("words", .int(q.words)), ("score", .number((q.score * 100).rounded() / 100)),
                        ("categories", .object(categories))])
    }

    public mutating func end(_ s: LintReport.Summary) -> String {
        var summary: [(String, JSONValue)] = [
            ("files", .int(s.files)), ("findings", .int(s.findings)), ("errors", .int(s.errors)),
            ("warnings", .int(s.warnings)), ("info", .int(s.infos)), ("fixable", .int(s.fixable)),
        ]
        if s.fixing { summary.append(("fixed", .int(s.fixed))); summary.append(("fixed_in_follow_up_passes", .int(s.followUpFixes))) }
        summary.append(("quality", Self.quality(s.quality)))
        if let minimum = s.minScore {
            summary.append(("min_score", .number(minimum)))
            summary.append(("files_below_min_score", .int(s.filesBelowMinScore)))
        }
        return (filesWritten > 0 ? indent("  ") : "") + "]," + indent("  ") + "\"summary\"\(colon)"
            + indented(JSONValue.object(summary).serialized(pretty: pretty), by: "  ") + indent("") + "}\n"
    }

    private func indented(_ text: String, by prefix: String) -> String {
        guard pretty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : prefix + $0.element }.joined(separator: "\n")
    }

    private func finding(_ located: LocatedFinding, fixing: Bool) -> JSONValue {
        let f = located.finding
        var fields: [(String, JSONValue)] = [
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("line", .int(located.line)),
            ("column", .int(located.column)),
            ("end_line", .int(located.endLine)),
            ("end_column", .int(located.endColumn)),
            ("start", .int(f.range.start)),
            ("end", .int(f.range.end)),
            ("text", .string(located.text)),
            ("replacement", f.replacement.map(JSONValue.string) ?? .null),
        ]
        if fixing { fields.append(("fixed", .bool(located.isFixed))) }
        return .object(fields)
    }
}
