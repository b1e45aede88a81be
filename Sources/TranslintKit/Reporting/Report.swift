/// The outcome of one run, what every reporter renders.
public struct LintReport: Hashable, Sendable {
    public var files: [FileResult]
    /// Whether fixes were applied (`--fix`): reporters then say which findings were fixed.
    public var fixing: Bool

    public init(files: [FileResult], fixing: Bool = false) {
        self.files = files
        self.fixing = fixing
    }

    public var summary: Summary {
        var summary = Summary(fixing: fixing)
        for file in files {
            for located in file.findings { summary.add(located) }
            summary.add(file)
        }
        return summary
    }

    /// Counts of a run, kept as findings stream by.
    public struct Summary: Hashable, Sendable {
        public var fixing: Bool
        public var files = 0, findings = 0, errors = 0, warnings = 0, infos = 0, fixable = 0, fixed = 0
        /// Findings with a suggested fix only: `--unsafe-fixes` applies them (`fixable` counts safe fixes).
        public var suggested = 0
        /// Files with at least one finding, of `files`.
        public var filesWithFindings = 0
        private var findingsBeforeFile = 0
        /// Findings that fail a run: at `failLevel` or above, and not fixed by `--fix`.
        public var failing = 0
        /// The least severe finding that fails a run.
        public var failLevel: Severity = .warning
        /// Fixed in follow-up passes (see `FileResult.followUpFixes`); not part of `findings`.
        public var followUpFixes = 0
        /// Over all files: penalty points and evaluated words.
        public var quality = QualityScore()
        /// With `--min-score`: the files that scored below it.
        public var minScore: Double?
        public var filesBelowMinScore = 0
        /// Files that could not be checked (their errors went to standard error); not part of `files`.
        public var notChecked = 0
        /// Files checked that --fix could not write (read-only): their findings remain.
        public var notWritten = 0

        public init(fixing: Bool) { self.fixing = fixing }

        public mutating func add(_ located: LocatedFinding) {
            findings += 1
            switch located.finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if let fix = located.finding.fix { if fix.isSafe { fixable += 1 } else { suggested += 1 } }
            if located.isFixed { fixed += 1 }
            if located.finding.severity >= failLevel && !(fixing && located.isFixed) { failing += 1 }
        }

        /// Counts a file's result (its findings were added as they streamed by).
        public mutating func add(_ file: FileResult) {
            files += 1
            if findings > findingsBeforeFile { filesWithFindings += 1 }
            findingsBeforeFile = findings
            followUpFixes += file.followUpFixes
            quality = quality + file.quality
            if let minScore, file.quality.score < minScore { filesBelowMinScore += 1 }
        }

        /// Whether the run fails (exit status 1): with a minimum score, a file below it; else a failing finding.
        public var failed: Bool { minScore != nil ? filesBelowMinScore > 0 : failing > 0 }

        /// Findings that still stand: all of them, or with fixing, those not fixed.
        public var remaining: Int { findings - fixed }
    }
}

/// Renders a report in one output format, piece by piece, so that findings are written as each chunk of a
/// file is linted and memory does not grow with their number. `render` drives the same steps for a whole report.
public protocol Reporter: Sendable {
    /// Before the first file.
    mutating func begin() -> String
    mutating func beginFile(_ path: String) -> String
    /// Some of the current file's findings, in order.
    mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String
    /// After the file's last findings, with its quality score.
    mutating func endFile(_ path: String, quality: QualityScore) -> String
    /// After the last file.
    mutating func end(_ summary: LintReport.Summary) -> String
    /// A file that could not be checked (bad input, unreadable, unwritable with `--fix`), with the error's message.
    mutating func fileFailed(_ path: String, message: String) -> String
    /// With a baseline: whether this report also wants the findings the baseline knows (SARIF marks them
    /// `unchanged`); every other report gets only new findings.
    var wantsBaselinedFindings: Bool { get }
}

extension Reporter {
    public mutating func fileFailed(_ path: String, message: String) -> String { "" }
    public var wantsBaselinedFindings: Bool { false }
}

extension Reporter {
    public func render(_ report: LintReport) -> String {
        var reporter = self
        var out = reporter.begin()
        for file in report.files {
            out += reporter.beginFile(file.path)
            out += reporter.report(file.findings, path: file.path, fixing: report.fixing)
            // Reporters that list only findings still standing skip fixed ones themselves.
            out += reporter.endFile(file.path, quality: file.quality)
        }
        return out + reporter.end(report.summary)
    }
}
