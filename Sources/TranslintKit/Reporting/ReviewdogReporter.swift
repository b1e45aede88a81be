/// reviewdog's rdjsonl: one `Diagnostic` of the Reviewdog Diagnostic Format per line, as JSON.
///
/// `{"message", "location": {"path", "range": {"start": {"line", "column"}, "end": …}}, "severity", "source",
/// "code": {"value": RULE, "url"}, "suggestions": [{"range", "text"}]}`. Lines are 1-based; columns count UTF-8
/// bytes from 1, as reviewdog's `Position` says; the end is exclusive. Each edit of a finding's fix is one
/// suggestion, so `reviewdog -reporter=github-pr-review` offers the fix; a fix with an edit this report cannot
/// place (outside the finding's first line and its text) gets no suggestions rather than wrong ones.
/// Fixed findings (with `--fix`) are not listed.
public struct ReviewdogReporter: Reporter {
    public var links: ReportLinks?

    public init(links: ReportLinks? = nil) { self.links = links }

    public func begin() -> String { "" }
    public func beginFile(_ path: String) -> String { "" }
    public func endFile(_ path: String, quality: QualityScore) -> String { "" }
    public func end(_ summary: LintReport.Summary) -> String { "" }

    public func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            out += diagnostic(located, path: path).serialized() + "\n"
        }
        return out
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    private func diagnostic(_ located: LocatedFinding, path: String) -> JSONValue {
        let f = located.finding
        var location: [(String, JSONValue)] = [("path", .string(path))]
        if let range = Self.range(located, f.range) { location.append(("range", range)) }
        var source: [(String, JSONValue)] = [("name", .string("translint"))]
        if let links { source.append(("url", .string(links.home))) }
        var code: [(String, JSONValue)] = [("value", .string(f.rule))]
        if let links { code.append(("url", .string(links.rule(f.rule)))) }
        var fields: [(String, JSONValue)] = [
            ("message", .string(f.message)),
            ("location", .object(location)),
            ("severity", .string(Self.severity(f.severity))),
            ("source", .object(source)),
            ("code", .object(code)),
        ]
        if let fix = f.fix {
            let suggestions = fix.edits.map { edit in Self.range(located, edit.range).map { JSONValue.object([("range", $0), ("text", .string(edit.replacement))]) } }
            if !suggestions.isEmpty, suggestions.allSatisfy({ $0 != nil }) { fields.append(("suggestions", .array(suggestions.compactMap { $0 }))) }
        }
        return .object(fields)
    }

    private static func range(_ located: LocatedFinding, _ range: ByteRange) -> JSONValue? {
        guard let start = located.bytePosition(of: range.start), let end = located.bytePosition(of: range.end) else { return nil }
        func position(_ p: (line: Int, column: Int)) -> JSONValue { .object([("line", .int(p.line)), ("column", .int(p.column))]) }
        return .object([("start", position(start)), ("end", position(end))])
    }
}
