/// Machine-readable findings (format version 1), documented in docs/json.md.
///
/// Lines and columns are 1-based and count Unicode scalars; `start`/`end` are UTF-8 byte offsets,
/// half-open; `replacement` is null when there is no fix; `applicability` says whether `--fix` applies it (`safe`) or
/// only `--unsafe-fixes` (`suggested`, with `applicability_reason`).
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
        out.reserveCapacity(findings.count * 400)
        for located in findings {
            if findingsInFile > 0 { out += "," }
            if pretty { out += "\n        " }
            write(located, fixing: fixing, into: &out)
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
            ("warnings", .int(s.warnings)), ("info", .int(s.infos)), ("fixable", .int(s.fixable)), ("suggested_fixes", .int(s.suggested)),
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

    /// One finding as `JSONValue.object` with these fields would serialize it at a depth of four (inside
    /// `files[k].findings`), written straight into `out`: a report holds as many findings as the text has, and
    /// building a value tree and re-indenting its text for each was most of the cost of reporting.
    private func write(_ located: LocatedFinding, fixing: Bool, into out: inout String) {
        let f = located.finding
        let separator = pretty ? ",\n          " : ","
        let colon = self.colon
        func key(_ name: String) { out += "\""; out += name; out += "\""; out += colon }
        out += pretty ? "{\n          " : "{"
        key("rule"); JSONValue.escape(f.rule, into: &out); out += separator
        key("severity"); JSONValue.escape(f.severity.rawValue, into: &out); out += separator
        key("message"); JSONValue.escape(f.message, into: &out); out += separator
        key("line"); out += String(located.line); out += separator
        key("column"); out += String(located.column); out += separator
        key("end_line"); out += String(located.endLine); out += separator
        key("end_column"); out += String(located.endColumn); out += separator
        key("start"); out += String(f.range.start); out += separator
        key("end"); out += String(f.range.end); out += separator
        key("text"); JSONValue.escape(located.text, into: &out); out += separator
        key("replacement")
        if let replacement = f.replacement { JSONValue.escape(replacement, into: &out) } else { out += "null" }
        if let fix = f.fix {
            // Whether --fix applies it (safe) or only --unsafe-fixes (suggested), and why not.
            out += separator; key("applicability"); JSONValue.escape(fix.applicability.rawValue, into: &out)
            if let reason = fix.reason { out += separator; key("applicability_reason"); JSONValue.escape(reason, into: &out) }
        }
        if fixing { out += separator; key("fixed"); out += located.isFixed ? "true" : "false" }
        out += pretty ? "\n        }" : "}"
    }
}
