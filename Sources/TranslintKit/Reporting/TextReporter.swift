/// `path:line:column: severity: message [rule]`, the offending line and a caret under the finding,
/// as compilers print them, then a one-line summary.
public struct TextReporter: Reporter {
    /// Lines wider than this many columns are shown as a window around the finding.
    public var maxLineWidth: Int
    /// ANSI colours, as compilers use on a terminal: the location bold, the severity in red, yellow or blue,
    /// the caret in green, the rule id dim.
    public var colors: Bool
    /// Findings only: no quality score lines and no summary (`--quiet`).
    public var quiet: Bool

    public init(maxLineWidth: Int = 100, colors: Bool = false, quiet: Bool = false) {
        self.maxLineWidth = maxLineWidth
        self.colors = colors
        self.quiet = quiet
    }

    private func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private var findingsInFile = 0

    public mutating func begin() -> String { "" }
    public mutating func beginFile(_ path: String) -> String { findingsInFile = 0; return "" }

    /// A file with findings gets its quality score; a clean file scores 100 and gets no line.
    public mutating func endFile(_ path: String, quality: QualityScore) -> String {
        guard findingsInFile > 0, !quiet else { return "" }
        return "\(TerminalText.escaping(path)): \(Self.describe(quality))\n"
    }

    static func describe(_ quality: QualityScore) -> String {
        let points = QualityScore.format(quality.penalty).replacingSuffix(".00", with: "")
        let pointsWord = points == "1" ? "penalty point" : "penalty points"
        let words = quality.words == 1 ? "1 word" : "\(quality.words) words"
        return "quality score \(quality.formatted) (automatic estimate: \(points) \(pointsWord) in \(words))"
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            findingsInFile += 1
            let f = located.finding
            let severity = switch f.severity {
            case .error: paint("error:", "1;31")
            case .warning: paint("warning:", "1;33")
            case .info: paint("info:", "1;34")
            }
            let place = TerminalText.escaping("\(path):\(located.line):\(located.column):")
            out += paint(place, "1") + " \(severity) \(TerminalText.escaping(f.message, keepTabs: false)) " + paint("[\(f.rule)]", "2") + "\n"
            let (line, caret) = excerpt(located)
            out += line + "\n" + paint(caret, "1;32") + "\n"
            if let fix = f.fix, !fix.isSafe, !(fixing && located.isFixed) {
                out += paint("  = suggested fix:", "1;36") + " \(TerminalText.escaping(fix.title, keepTabs: false)), not applied by --fix: "
                    + TerminalText.escaping(fix.reason ?? "the evidence is weak", keepTabs: false) + " (--unsafe-fixes applies it)\n"
            }
        }
        return out
    }

    public mutating func end(_ summary: LintReport.Summary) -> String {
        if quiet { return "" }
        var out = summaryLine(summary) + "\n"
        // One file has its own score line already.
        if summary.files > 1 { out += "total: \(Self.describe(summary.quality))\n" }
        if let minimum = summary.minScore, summary.filesBelowMinScore > 0 {
            out += "\(summary.filesBelowMinScore == 1 ? "1 file scores" : "\(summary.filesBelowMinScore) files score") below --min-score \(QualityScore.format(minimum))\n"
        }
        return out
    }

    func summaryLine(_ s: LintReport.Summary) -> String {
        var line = checkedLine(s)
        if s.notWritten > 0 { line += "; \(s.notWritten == 1 ? "1 file" : "\(s.notWritten) files") not written" }
        guard s.notChecked > 0 else { return line }
        return line + "; \(s.notChecked == 1 ? "1 file" : "\(s.notChecked) files") not checked"
    }

    private func checkedLine(_ s: LintReport.Summary) -> String {
        // `in 2 of 5 files`: the files with findings of those checked.
        let files = s.files == 1 ? "1 file" : s.findings > 0 ? "\(s.filesWithFindings) of \(s.files) files" : "\(s.files) files"
        if s.fixing {
            let followUp = s.followUpFixes > 0 ? " (and \(s.followUpFixes) more that those fixes made)" : ""
            return "fixed \(plural(s.fixed, "finding"))\(followUp) in \(files); \(s.remaining) remaining"
        }
        guard s.findings > 0 else { return "no findings in \(files)" }
        var parts: [String] = []
        if s.errors > 0 { parts.append(plural(s.errors, "error")) }
        if s.warnings > 0 { parts.append(plural(s.warnings, "warning")) }
        if s.infos > 0 { parts.append("\(s.infos) info") }
        let suggested = s.suggested > 0 ? " (\(s.suggested) more with --unsafe-fixes)" : ""
        return "\(plural(s.findings, "finding")) (\(parts.joined(separator: ", "))) in \(files); \(s.fixable) fixable with --fix\(suggested)"
    }

    private func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    /// The line (or a window of it) and the caret line under the finding, both in display columns.
    func excerpt(_ located: LocatedFinding) -> (String, String) {
        // Most lines are short ASCII without tabs: column = display column.
        let utf8 = located.lineText.utf8
        let column = located.lineTextColumn
        if utf8.count <= maxLineWidth && located.endLine == located.line && utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let start = min(max(column - 1, 0), utf8.count)
            let length = max(located.endColumn - located.column, 1)
            return (located.lineText, String(repeating: " ", count: start) + "^" + String(repeating: "~", count: length - 1))
        }
        let scalars = Array(located.lineText.unicodeScalars)
        let startIndex = min(max(column - 1, 0), scalars.count)
        let length = located.endLine == located.line ? max(located.endColumn - located.column, 1) : max(scalars.count - startIndex, 1)
        // Control characters are shown as one-column pictures (␀, ␛); zero-width ones (a combining accent, a ZWJ,
        // U+FEFF) take no column, and nothing takes fewer than none.
        let width = { (s: Unicode.Scalar) in s == "\t" || TerminalText.isControl(s.value) ? 1 : max(CharacterClass.displayWidth(s.value), 0) }
        let totalWidth = scalars.reduce(0) { $0 + width($1) }
        var from = 0, to = scalars.count
        if totalWidth > maxLineWidth {
            // Keep about a third of the window before the finding.
            var w = 0
            from = startIndex
            while from > 0 && w + width(scalars[from - 1]) <= maxLineWidth / 3 { from -= 1; w += width(scalars[from]) }
            to = from
            w = 0
            while to < scalars.count && w + width(scalars[to]) <= maxLineWidth { w += width(scalars[to]); to += 1 }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to].lazy.map(Self.shown))
        let line = (from > 0 ? "…" : "") + String(view) + (to < scalars.count ? "…" : "")
        var caretBytes: [UInt8] = from > 0 ? [0x20] : []
        for k in from..<min(to, startIndex + length) {
            let mark: UInt8 = k < startIndex ? 0x20 : (k == startIndex ? 0x5E : 0x7E)
            if width(scalars[k]) == 0 && k != startIndex { continue }
            // A wide character takes two columns: its caret is `^~`, not `^^`.
            caretBytes.append(mark)
            caretBytes.append(contentsOf: repeatElement(mark == 0x5E ? 0x7E : mark, count: max(width(scalars[k]) - 1, 0)))
        }
        if startIndex >= to { caretBytes.append(0x5E) }
        let caret = String(decoding: caretBytes, as: UTF8.self)
        return (line, caret)
    }

    /// A tab as a space, a control character as its Control Pictures symbol (U+2400 block), DEL and C1 as `�`.
    static func shown(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\t" { return " " }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        if TerminalText.isControl(scalar.value) { return "\u{FFFD}" }
        return scalar
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
