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
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
