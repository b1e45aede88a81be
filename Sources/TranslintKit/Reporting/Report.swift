/// A finding with the positions reports show.
public struct LocatedFinding: Hashable, Sendable {
    /// Offsets are into the whole file.
    public var finding: Finding
    /// The text of `finding.range`.
    public var text: String
    /// 1-based; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The line the finding starts on, without its line break.
    public var lineText: String
    public var columnInLineText: Int
    /// Set when `--fix` applied this finding's fix.
    public var isFixed = false

    public init(finding: Finding, text: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                lineText: String, columnInLineText: Int, isFixed: Bool = false) {
        self.finding = finding
        self.text = text
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.lineText = lineText
        self.columnInLineText = columnInLineText
        self.isFixed = isFixed
    }
}

/// What linting one file gave.
public struct FileResult: Hashable, Sendable {
    public var path: String
    public var findings: [LocatedFinding]
    /// With fixing: the edits applied, on offsets of the original file, sorted.
    public var appliedEdits: [TextEdit]
    public var byteCount: Int
    public var hasBOM: Bool
    public var endsWithNewline: Bool

    public init(path: String, findings: [LocatedFinding], appliedEdits: [TextEdit] = [], byteCount: Int = 0,
                hasBOM: Bool = false, endsWithNewline: Bool = false) {
        self.path = path
        self.findings = findings
        self.appliedEdits = appliedEdits
        self.byteCount = byteCount
        self.hasBOM = hasBOM
        self.endsWithNewline = endsWithNewline
    }
}

/// The outcome of one run, what every reporter renders.
public struct LintReport: Hashable, Sendable {
    public var files: [FileResult]
    /// Whether fixes were applied (`--fix`): reporters then say which findings were fixed.
    public var fixing: Bool

    public init(files: [FileResult], fixing: Bool = false) {
        self.files = files
        self.fixing = fixing
    }

    public struct Summary: Hashable, Sendable {
        public var files = 0, findings = 0, errors = 0, warnings = 0, infos = 0, fixable = 0, fixed = 0
    }

    public var summary: Summary {
        var summary = Summary()
        summary.files = files.count
        for file in files {
            for located in file.findings {
                summary.findings += 1
                switch located.finding.severity {
                case .error: summary.errors += 1
                case .warning: summary.warnings += 1
                case .info: summary.infos += 1
                }
                if located.finding.fix != nil { summary.fixable += 1 }
                if located.isFixed { summary.fixed += 1 }
            }
        }
        return summary
    }

    /// Findings that still stand: all of them, or with fixing, those not fixed.
    public var remainingFindings: Int {
        files.reduce(0) { $0 + $1.findings.filter { !$0.isFixed }.count }
    }
}

/// Renders a report in one output format.
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
}
