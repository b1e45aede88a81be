/// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per finding, which GitHub shows
/// as an annotation on the pull request's diff.
///
/// `::error file=docs/a.txt,line=3,col=5,endLine=3,endColumn=9,title=translint (mistranslation)::message`
/// Columns count Unicode code points; the end column is exclusive. Fixed findings (with `--fix`) are not listed.
public struct GitHubReporter: Reporter {
    public init() {}

    public func begin() -> String { "" }
    public func beginFile(_ path: String) -> String { "" }
    public func endFile(_ path: String, quality: QualityScore) -> String { "" }

    public func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            let f = located.finding
            let command = switch f.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            var properties = "file=\(Self.escapeProperty(path)),line=\(located.line),col=\(located.column)"
            properties += ",endLine=\(located.endLine),endColumn=\(located.endColumn)"
            properties += ",title=\(Self.escapeProperty("translint (\(f.rule))"))"
            out += "::\(command) \(properties)::\(Self.escapeData(f.message))\n"
        }
        return out
    }

    public func end(_ summary: LintReport.Summary) -> String { "" }

    /// Workflow command data: `%`, CR and LF are escaped as GitHub's rules say; other control characters (ESC,
    /// OSC, tab, bidirectional overrides) are percent-encoded as well, never passed to the log.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                // Percent-encoded too, so that a tab (`%09`) never reads as a literal `\t`; GitHub shows them as
                // written, and `%` itself is always `%25`.
                if TerminalText.isControl(scalar.value) {
                    for byte in String(scalar).utf8 { out += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Workflow command properties: as data, and also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
