/// Machine-readable findings (format version 1), documented in README.md.
///
/// Lines and columns are 1-based and count Unicode scalars; `start`/`end` are UTF-8 byte offsets,
/// half-open; `replacement` is null when there is no safe fix.
public struct JSONReporter: Reporter {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: LintReport) -> String {
        let s = report.summary
        var summary: [(String, JSONValue)] = [
            ("files", .int(s.files)), ("findings", .int(s.findings)), ("errors", .int(s.errors)),
            ("warnings", .int(s.warnings)), ("info", .int(s.infos)), ("fixable", .int(s.fixable)),
        ]
        if report.fixing { summary.append(("fixed", .int(s.fixed))) }
        let root = JSONValue.object([
            ("version", .int(1)),
            ("files", .array(report.files.map { file in
                .object([("path", .string(file.path)), ("findings", .array(file.findings.map { finding($0, fixing: report.fixing) }))])
            })),
            ("summary", .object(summary)),
        ])
        return root.serialized(pretty: pretty) + "\n"
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
