/// JUnit XML, what test dashboards (GitLab's test report, Jenkins, CI summaries) read.
///
/// One `<testsuite>` per file with one `<testcase>`: it fails when the file has a finding at the fail level or
/// above, and the `<failure>` lists every such finding as `path:line:column: severity: message [rule]`; findings
/// below the fail level go to `<system-out>`. A file that could not be checked is a test case with an `<error>`. Fixed findings (with `--fix`) are not listed. Only the current
/// file's findings are held, so memory does not grow with the run.
public struct JUnitReporter: Reporter {
    /// The least severe finding that fails a file's test case (`--fail-level`).
    public var failLevel: Severity
    private var failing: [String] = []
    private var other: [String] = []

    public init(failLevel: Severity = .warning) { self.failLevel = failLevel }

    public func begin() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"translint\">\n" }

    public mutating func beginFile(_ path: String) -> String {
        failing = []
        other = []
        return ""
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        for located in findings where !(fixing && located.isFixed) {
            let f = located.finding
            let line = "\(path):\(located.line):\(located.column): \(f.severity.rawValue): \(f.message) [\(f.rule)]"
            if f.severity >= failLevel { failing.append(line) } else { other.append(line) }
        }
        return ""
    }

    public mutating func endFile(_ path: String, quality: QualityScore) -> String {
        let name = XMLText.escape(path, attribute: true)
        var out = "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"\(failing.isEmpty ? 0 : 1)\" errors=\"0\" skipped=\"0\">\n"
        out += "    <testcase classname=\"translint\" name=\"\(name)\" file=\"\(name)\""
        if failing.isEmpty && other.isEmpty { return out + "/>\n  </testsuite>\n" }
        out += ">\n"
        if !failing.isEmpty {
            let count = failing.count == 1 ? "1 finding" : "\(failing.count) findings"
            out += "      <failure type=\"translint\" message=\"\(count) at \(failLevel.rawValue) level or above\">"
            out += XMLText.escape(failing.joined(separator: "\n"), attribute: false) + "</failure>\n"
        }
        if !other.isEmpty {
            out += "      <system-out>" + XMLText.escape(other.joined(separator: "\n"), attribute: false) + "</system-out>\n"
        }
        return out + "    </testcase>\n  </testsuite>\n"
    }

    /// A file that could not be checked is a test case in error.
    public func fileFailed(_ path: String, message: String) -> String {
        let name = XMLText.escape(path, attribute: true)
        return "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            + "    <testcase classname=\"translint\" name=\"\(name)\" file=\"\(name)\">\n"
            + "      <error type=\"translint\" message=\"\(XMLText.escape(message, attribute: true))\"/>\n    </testcase>\n  </testsuite>\n"
    }

    public func end(_ summary: LintReport.Summary) -> String { "</testsuites>\n" }
}
