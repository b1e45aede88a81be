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
    /// The 1-based column (in scalars) of the finding's start within `lineText`: `column`, unless the line was
    /// longer than `maxLineText` and `lineText` is a window of it.
    public var lineTextColumn: Int
    /// Byte offsets into the file of the start of the line the finding starts on (after a byte order mark) and of
    /// its end (before the line break): what byte columns (reviewdog's) are counted from.
    public var lineStart: Int
    public var lineEnd: Int

    /// How many bytes of a long line a finding keeps, around its start: memory grows with findings, never with
    /// findings × line length.
    public static let maxLineText = 1024
    /// Report order: by line and column, then by rule.
    public static func byPlace(_ a: LocatedFinding, _ b: LocatedFinding) -> Bool {
        (a.line, a.column, a.endLine, a.endColumn) != (b.line, b.column, b.endLine, b.endColumn)
            ? (a.line, a.column, a.endLine, a.endColumn) < (b.line, b.column, b.endLine, b.endColumn) : a.finding.rule < b.finding.rule
    }

    /// The same finding in a text with `bytes` more bytes and `lines` more line breaks before it.
    public func moved(bytes: Int, lines: Int) -> LocatedFinding {
        var copy = self
        copy.finding = finding.shifted(by: bytes)
        copy.line += lines
        copy.endLine += lines
        copy.lineStart += bytes
        copy.lineEnd += bytes
        return copy
    }

    /// Set when `--fix` applied this finding's fix.
    public var isFixed = false
    /// The source of the unit or paragraph the finding is in, when the file has one (bilingual files, `--source`,
    /// `sources:`); the HTML report shows it beside the translation.
    public var source: String?

    public init(finding: Finding, text: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                lineText: String, lineTextColumn: Int? = nil, lineStart: Int? = nil, lineEnd: Int? = nil, isFixed: Bool = false) {
        self.finding = finding
        self.text = text
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.lineText = lineText
        self.lineTextColumn = lineTextColumn ?? column
        // Without them, `lineText` is taken to be the whole line. (Only then is the line's prefix measured: it
        // cost more than the rest of locating a finding.)
        if let lineStart {
            self.lineStart = lineStart
        } else {
            let before = lineText.unicodeScalars.prefix(max(0, (lineTextColumn ?? column) - 1)).reduce(0) { $0 + UTF8.width($1) }
            self.lineStart = finding.range.start - before
        }
        self.lineEnd = lineEnd ?? self.lineStart + lineText.utf8.count
        self.isFixed = isFixed
    }
}

/// What linting one file gave.
public struct FileResult: Hashable, Sendable {
    public var path: String
    public var findings: [LocatedFinding]
    /// With fixing: the edits applied, on offsets of the original file, sorted.
    public var appliedEdits: [TextEdit]
    /// How many edits were applied (also when they were not kept).
    public var appliedEditCount: Int
    /// Findings that fixes made (or freed from an overlap) and later fix passes fixed; not listed, since their
    /// positions are in text the file never had.
    public var followUpFixes: Int
    public var hasBOM: Bool
    public var endsWithNewline: Bool
    /// Penalty points of the findings still standing, and the evaluated words.
    public var quality: QualityScore
    /// False when `--fix` stopped after FixLoop's last pass with fixes still to make next to its changes: a second
    /// run would change the text again.
    public var fixConverged: Bool
    /// With `--fix`: how many more bytes and line breaks the written text has than the text read. The remaining
    /// findings are located in the written text; a part of a file checked on its own (`FileSegments`) locates them
    /// as if the parts before it were unchanged, and its reader shifts them by the earlier parts' deltas.
    public var writtenByteDelta: Int
    public var writtenLineDelta: Int

    /// A part of a file checked on its own, after parts whose written text was `bytes` and `lines` longer than
    /// what they read: its remaining findings are moved to where they are in the whole text written.
    public mutating func placeAfter(bytes: Int, lines: Int) {
        guard bytes != 0 || lines != 0 else { return }
        findings = findings.map { $0.isFixed ? $0 : $0.moved(bytes: bytes, lines: lines) }
    }

    public init(path: String, findings: [LocatedFinding], appliedEdits: [TextEdit] = [], appliedEditCount: Int? = nil,
                followUpFixes: Int = 0, hasBOM: Bool = false, endsWithNewline: Bool = false,
                quality: QualityScore = QualityScore(), fixConverged: Bool = true, writtenDelta: (bytes: Int, lines: Int) = (0, 0)) {
        self.writtenByteDelta = writtenDelta.bytes
        self.writtenLineDelta = writtenDelta.lines
        self.fixConverged = fixConverged
        self.quality = quality
        self.path = path
        self.findings = findings
        self.appliedEdits = appliedEdits
        self.appliedEditCount = appliedEditCount ?? appliedEdits.count
        self.followUpFixes = followUpFixes
        self.hasBOM = hasBOM
        self.endsWithNewline = endsWithNewline
    }
}
