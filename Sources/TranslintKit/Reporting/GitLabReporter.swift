/// GitLab Code Quality (a subset of Code Climate's issue format): one JSON array of issues, which a merge
/// request's Code Quality widget reads (`artifacts: reports: codequality:`).
///
/// `{"type": "issue", "description", "check_name": RULE, "fingerprint", "severity", "location": {"path",
/// "lines": {"begin", "end"}}}`. Severities: error → `major`, warning → `minor`, info → `info`. The fingerprint
/// is the finding's stable fingerprint (see `Fingerprinter`) with the path, so GitLab tells new findings from
/// old ones when lines move. Fixed findings (with `--fix`) are not listed.
public struct GitLabReporter: Reporter {
    private var fingerprinter = Fingerprinter()
    private var written = 0

    public init() {}

    public mutating func begin() -> String { written = 0; return "[" }

    public mutating func beginFile(_ path: String) -> String { fingerprinter.reset(); return "" }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            let f = located.finding
            let fingerprint = Fingerprinter.hash(path + "\u{0}" + fingerprinter.next(located))
            let issue = JSONValue.object([
                ("type", .string("issue")),
                ("description", .string(f.message)),
                ("check_name", .string(f.rule)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(Self.severity(f.severity))),
                ("location", .object([("path", .string(path)), ("lines", .object([("begin", .int(located.line)), ("end", .int(located.endLine))]))])),
            ])
            out += (written > 0 ? "," : "") + "\n  " + issue.serialized()
            written += 1
        }
        return out
    }

    public func endFile(_ path: String, quality: QualityScore) -> String { "" }

    public func end(_ summary: LintReport.Summary) -> String { (written > 0 ? "\n" : "") + "]\n" }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
