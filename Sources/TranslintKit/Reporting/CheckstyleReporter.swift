/// Checkstyle XML, which Jenkins (Warnings Next Generation), GitLab and reviewdog read.
///
/// `<file name="…"><error line="…" column="…" severity="error|warning|info" message="…" source="translint.RULE"/></file>`
/// Fixed findings (with `--fix`) are not listed.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func begin() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n" }

    public func beginFile(_ path: String) -> String { "  <file name=\"\(Self.escape(path))\">\n" }

    public func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            let f = located.finding
            out += "    <error line=\"\(located.line)\" column=\"\(located.column)\" severity=\"\(f.severity.rawValue)\""
            out += " message=\"\(Self.escape(f.message))\" source=\"translint.\(Self.escape(f.rule))\"/>\n"
        }
        return out
    }

    public func endFile(_ path: String, quality: QualityScore) -> String { "  </file>\n" }

    public func end(_ summary: LintReport.Summary) -> String { "</checkstyle>\n" }

    /// Escapes for an attribute value; characters XML 1.0 cannot hold become U+FFFD.
    static func escape(_ text: String) -> String { XMLText.escape(text, attribute: true) }
}
