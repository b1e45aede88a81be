/// Lints a text that arrives in pieces (a file read block by block, standard input) with memory
/// bounded by the longest paragraph rather than the file: the text is cut into chunks at blank
/// lines, and every check looks no further than a paragraph.
///
/// Feed it bytes with `feed`, then call `finish`. With `fixing`, the fixed text is handed to
/// `output` chunk by chunk, in order; bytes outside applied edits pass through unchanged.
public final class StreamingLinter {
    /// How many times a chunk is linted and fixed at most with fixing.
    static let maxFixPasses = 4

    /// Chunks are cut at the last blank line once this many bytes are pending.
    public static let defaultChunkSize = 1 << 20

    private let session: Linter.Session
    private let path: String
    private let fixing: Bool
    private let output: ([UInt8]) throws -> Void
    private let onFindings: (([LocatedFinding]) throws -> Void)?
    private let chunkSize: Int

    private var pending: [UInt8] = []
    /// Bytes of the text before `pending`.
    private var consumed = 0
    /// Checks each chunk and counts the lines before `pending`. Chunks are cut just after a line break,
    /// so every chunk but the first starts a line.
    private var validator: UTF8Validator
    private var located: [LocatedFinding] = []
    private var appliedEdits: [TextEdit] = []
    private var appliedEditCount = 0
    private var followUpFixes = 0
    private var totalBytes = 0
    private var hasBOM = false
    /// When the previous chunk was cut inside a paragraph: its last lines, which the next chunk is linted
    /// after (as read-only left context), so that sentence starts are found as in the whole text.
    private var context: [UInt8] = []
    /// How much left context a chunk cut inside a paragraph gets: whole lines, up to this many bytes.
    static let contextSize = 4096
    private var endsWithNewline = false

    /// With `onFindings`, each chunk's findings go there as soon as they are known and `finish` returns
    /// none (so memory does not grow with their number), and applied edits are kept only with `keepEdits`.
    /// Without it, `finish` returns them all.
    ///
    /// `format`: a Markdown file is linted whole (its code blocks may hold blank lines). `lineFilter`: keeps only
    /// findings whose first and last line (1-based) it accepts; the others are neither reported nor fixed.
    public init(session: Linter.Session, path: String, fixing: Bool, format: DocumentFormat = .plainText,
                chunkSize: Int = StreamingLinter.defaultChunkSize, keepEdits: Bool = true,
                lineFilter: ((Int, Int) -> Bool)? = nil,
                companion: ((UnsafeBufferPointer<UInt8>) -> [Finding])? = nil,
                onFindings: (([LocatedFinding]) throws -> Void)? = nil,
                output: @escaping ([UInt8]) throws -> Void = { _ in }) {
        self.session = session
        self.path = path
        self.fixing = fixing
        self.format = format
        self.chunkSize = format == .markdown || companion != nil ? Int.max / 4 : max(chunkSize, 16)
        self.companion = companion
        self.keepEdits = keepEdits
        self.lineFilter = lineFilter
        self.validator = UTF8Validator(path: path)
        self.onFindings = onFindings
        self.output = output
    }

    private let format: DocumentFormat
    /// More findings for the whole text (the bilingual checks against `--source`); the text is then linted whole.
    private let companion: ((UnsafeBufferPointer<UInt8>) -> [Finding])?
    private let lineFilter: ((Int, Int) -> Bool)?
    private var suppressions = SuppressionFilter()
    /// Per suppression directive seen (as `suppressions.records`): its `unused-suppression` finding, located.
    private var directiveFindings: [LocatedFinding] = []
    private var quality = QualityScore()
    private let keepEdits: Bool

    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        pending.append(contentsOf: bytes)
        totalBytes += bytes.count
        while pending.count >= chunkSize, let cut = cutPoint() {
            try process(upTo: cut)
        }
    }

    public func feed(_ bytes: [UInt8]) throws { try bytes.withUnsafeBufferPointer { try feed($0) } }

    /// Lints what is left and returns the file's result.
    public func finish() throws -> FileResult {
        if !pending.isEmpty { try process(upTo: pending.count, isLast: true) }
        var unused: [LocatedFinding] = []
        if session.linter.reportsUnusedSuppressions {
            for (k, record) in suppressions.records.enumerated() where !record.used && record.directive.kind != .enable {
                unused.append(directiveFindings[k])
            }
        }
        for finding in unused { quality.add(finding.finding.rule, settings: session.linter.settings) }
        if let onFindings {
            if !unused.isEmpty { try onFindings(unused) }
        } else {
            located.append(contentsOf: unused)
            located.sort { $0.finding.range != $1.finding.range ? $0.finding.range < $1.finding.range : $0.finding.rule < $1.finding.rule }
        }
        return FileResult(path: path, findings: located, appliedEdits: appliedEdits, appliedEditCount: appliedEditCount,
                          followUpFixes: followUpFixes, byteCount: totalBytes, hasBOM: hasBOM, endsWithNewline: endsWithNewline,
                          quality: quality)
    }

    /// After the last blank line of `pending`, or after its last line break once it has grown past two
    /// chunks without one (a very long paragraph), or nil to wait for more bytes.
    private func cutPoint() -> Int? {
        var i = pending.count - 1
        var lastNewline: Int?
        while i > 0 {
            if pending[i] == 0x0A {
                if lastNewline == nil { lastNewline = i }
                var j = i - 1
                while j >= 0 && (pending[j] == 0x20 || pending[j] == 0x09 || pending[j] == 0x0D) { j -= 1 }
                if j >= 0 && pending[j] == 0x0A { return i + 1 }
            }
            i -= 1
        }
        if pending.count >= chunkSize * 2, let newline = lastNewline { return newline + 1 }
        return nil
    }

    private func process(upTo cut: Int, isLast: Bool = false) throws {
        let isFirst = consumed == 0
        try pending.withUnsafeBufferPointer { all in
            let chunk = UnsafeBufferPointer(rebasing: all[0..<cut])
            let linesConsumed = validator.lineBreaks
            try validator.feed(chunk)
            if isLast { try validator.finish() }   // a sequence cut short by the end of the input
            if isFirst && chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true }
            let lint = lintWithContext(chunk, countWords: true)
            quality.words += lint.words
            var index: LineIndex?
            func lineIndex() -> LineIndex {
                if let index { return index }
                let made = LineIndex(Array(chunk))
                index = made
                return made
            }
            let filterBefore = suppressions
            let recordsBefore = suppressions.records.count
            var findings = suppressions.apply(lint.findings, directives: lint.directives, in: chunk, base: consumed)
            for record in suppressions.records[recordsBefore...] {
                let directive = record.directive.shifted(by: -consumed)
                let finding = UnusedSuppression.finding(directive, severity: session.linter.settings.severity(of: UnusedSuppression.description.id) ?? .warning)
                directiveFindings.append(locate(finding, index: lineIndex(), chunk: chunk, linesBefore: linesConsumed))
            }
            if let lineFilter, !findings.isEmpty {
                let index = lineIndex()
                findings = findings.filter { finding in
                    lineFilter(linesConsumed + index.lineIndex(of: finding.range.start) + 1,
                               linesConsumed + index.lineIndex(of: max(finding.range.start, finding.range.end - 1)) + 1)
                }
            }
            var nextContext: [UInt8]? = nil
            var chunkFindings: [LocatedFinding] = []
            if !findings.isEmpty {
                let index = lineIndex()
                chunkFindings = findings.map { locate($0, index: index, chunk: chunk, linesBefore: linesConsumed) }
            }
            if fixing {
                let plan = FixPlan(findings: findings)
                for i in plan.applied { chunkFindings[i].isFixed = true }
                let original = Array(chunk)
                var edits = plan.edits
                var lastEdits = plan.edits
                var fixed = plan.apply(to: original)
                // Follow-up passes, as ESLint and ruff do: a fix can make a new finding ("FPR" → "FOR" after
                // "for" is a repeated word) or free one that overlapped it. Only findings next to what the previous
                // pass changed are taken, and suppressions and the line filter still hold. Their edits are composed
                // onto the original offsets, so --diff shows exactly what --fix writes.
                var pass = 1
                while !lastEdits.isEmpty && pass < Self.maxFixPasses {
                    let candidates = followUpCandidates(in: fixed, after: lastEdits, filter: filterBefore, base: consumed, linesBefore: linesConsumed)
                    let next = FixPlan(findings: candidates)
                    if next.edits.isEmpty { break }
                    edits = TextEdit.compose(edits, then: next.edits, original: original)
                    followUpFixes += next.applied.count
                    fixed = next.apply(to: fixed)
                    lastEdits = next.edits
                    pass += 1
                }
                if pass > 1 && followUpCandidates(in: fixed, after: nil, filter: filterBefore, base: consumed, linesBefore: linesConsumed).isEmpty {
                    // Nothing fixable is left: findings skipped for overlapping were fixed by a later pass.
                    for i in chunkFindings.indices where chunkFindings[i].finding.fix != nil && plan.skipped.contains(i) {
                        chunkFindings[i].isFixed = true
                    }
                }
                if keepEdits {
                    appliedEdits.append(contentsOf: edits.map { TextEdit(range: $0.range.shifted(by: consumed), replacement: $0.replacement) })
                }
                appliedEditCount += edits.count
                try output(fixed)
                nextContext = fixed.withUnsafeBufferPointer { Self.context(after: $0) }
            }
            for located in chunkFindings where !located.isFixed {
                quality.add(located.finding.rule, settings: session.linter.settings)
            }
            if let onFindings {
                if !chunkFindings.isEmpty { try onFindings(chunkFindings) }
            } else {
                located.append(contentsOf: chunkFindings)
            }
            endsWithNewline = chunk.last == 0x0A
            context = nextContext ?? Self.context(after: chunk)
        }
        consumed += cut
        pending.removeFirst(cut)
    }

    /// Fixable findings of a follow-up pass over `text` (a fixed chunk): those within a few bytes of what the
    /// previous pass changed (`edits`, on offsets of the text before it; nil: anywhere), not suppressed, and on lines
    /// the line filter accepts (lines counted in `text`).
    private func followUpCandidates(in text: [UInt8], after edits: [TextEdit]?, filter: SuppressionFilter, base: Int, linesBefore: Int) -> [Finding] {
        var changed: [ByteRange] = []
        var delta = 0
        for edit in edits ?? [] {
            let start = edit.range.start + delta
            changed.append(ByteRange(start, start + edit.replacement.utf8.count))
            delta += edit.replacement.utf8.count - edit.range.length
        }
        let margin = 64
        let near = { (range: ByteRange) in edits == nil || changed.contains { range.start <= $0.end + margin && $0.start - margin <= range.end } }
        return text.withUnsafeBufferPointer { buffer in
            let lint = lintWithContext(buffer, countWords: false)
            var copy = filter
            var findings = copy.apply(lint.findings.filter { finding in
                guard let fix = finding.fix else { return false }
                return near(finding.range) || fix.edits.contains { near($0.range) }
            }, directives: lint.directives, in: buffer, base: base)
            if let lineFilter, !findings.isEmpty {
                let index = LineIndex(text)
                findings = findings.filter { finding in
                    lineFilter(linesBefore + index.lineIndex(of: finding.range.start) + 1,
                               linesBefore + index.lineIndex(of: max(finding.range.start, finding.range.end - 1)) + 1)
                }
            }
            return findings
        }
    }

    /// The last lines of `chunk` when it ends inside a paragraph (no blank line at its end), else nothing.
    private static func context(after chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var i = chunk.count - 1
        var lineBreaks = 0
        while i >= 0 && (SentenceStarts.isSpaceByte(chunk[i]) || chunk[i] == 0x0A) {
            if chunk[i] == 0x0A { lineBreaks += 1 }
            i -= 1
        }
        if lineBreaks >= 2 || i < 0 { return [] }
        var start = max(0, chunk.count - contextSize)
        while start > 0 && chunk[start - 1] != 0x0A { start += 1; if start >= chunk.count { return [] } }
        return Array(chunk[start...])
    }

    /// Findings and suppression comments of `chunk`, linted after the left context when there is one; what lies
    /// inside the context belongs to the previous chunk and is dropped.
    private func lintWithContext(_ chunk: UnsafeBufferPointer<UInt8>, countWords: Bool) -> Linter.DocumentLint {
        if let companion {
            var lint = session.lintDocument(chunk, format: format, countWords: countWords)
            lint.findings += companion(chunk)
            lint.findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
            return lint
        }
        guard !context.isEmpty else { return session.lintDocument(chunk, format: format, countWords: countWords) }
        let shift = context.count
        let combined = context + Array(chunk)
        var lint = combined.withUnsafeBufferPointer { session.lintDocument($0, format: format, countWords: false) }
        lint.findings = lint.findings.compactMap { finding in
            let firstEdit = finding.fix?.edits.map(\.range.start).min() ?? finding.range.start
            guard min(finding.range.start, firstEdit) >= shift else { return nil }
            return finding.shifted(by: -shift)
        }
        lint.directives = lint.directives.filter { $0.range.start >= shift }.map { $0.shifted(by: -shift) }
        if countWords { lint.words = WordCounter.count(chunk) }
        return lint
    }

    private func locate(_ finding: Finding, index: LineIndex, chunk: UnsafeBufferPointer<UInt8>, linesBefore: Int) -> LocatedFinding {
        func place(_ offset: Int) -> (line: Int, column: Int) {
            let (line, column) = index.location(of: offset)
            let skippedBOM = hasBOM && consumed == 0 && line == 1 ? 1 : 0
            return (linesBefore + line, column - skippedBOM)
        }
        let start = place(finding.range.start), end = place(finding.range.end)
        let lineRange = index.lineRange(index.lineIndex(of: finding.range.start))
        var lineStart = lineRange.start
        if hasBOM && consumed == 0 && lineStart == 0 { lineStart = 3 }
        let lineText = String(decoding: UnsafeBufferPointer(rebasing: chunk[lineStart..<max(lineStart, lineRange.end)]), as: UTF8.self)
        let text = String(decoding: UnsafeBufferPointer(rebasing: chunk[finding.range.start..<finding.range.end]), as: UTF8.self)
        return LocatedFinding(finding: finding.shifted(by: consumed), text: text,
                              line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                              lineText: lineText, columnInLineText: start.column)
    }
}
