/// One file through the engine's pipeline, fed in blocks: prepare → rules → suppress and filter → fix loop →
/// locate, chunk by chunk. Plain text is cut into chunks at blank lines, so memory is bounded by the longest
/// paragraph rather than the file (every check looks no further than a paragraph); other kinds are read whole.
/// With fixes, the fixed text is handed to `output` chunk by chunk, in order; bytes outside applied edits pass
/// through unchanged.
final class FileRun {
    private let engine: LintEngine
    private let session: Session
    private let path: String
    private let kind: DocumentKind
    private let options: RunOptions
    private let emit: (([LocatedFinding]) throws -> Void)?
    private let output: ([UInt8]) throws -> Void
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
    private var hasBOM = false
    private var endsWithNewline = false
    /// When the previous chunk was cut inside a paragraph: its last lines, which the next chunk is linted
    /// after (as read-only left context), so that sentence starts are found as in the whole text.
    private var context: [UInt8] = []
    /// How much left context a chunk cut inside a paragraph gets: whole lines, up to this many bytes.
    static let contextSize = 4096
    private var suppressions = SuppressionFilter()
    /// Per suppression directive seen (as `suppressions.records`): its `unused-suppression` finding, located.
    private var directiveFindings: [LocatedFinding] = []
    private var quality = QualityScore()

    /// With `emit`, each chunk's findings go there as soon as they are known and `finish` returns none (so memory
    /// does not grow with their number). Without it, `finish` returns them all.
    init(engine: LintEngine, session: Session, path: String, kind: DocumentKind, options: RunOptions,
         emit: (([LocatedFinding]) throws -> Void)?, output: @escaping ([UInt8]) throws -> Void) {
        self.engine = engine
        self.session = session
        self.path = path
        self.kind = kind
        self.options = options
        self.chunkSize = kind.isReadWhole ? Int.max / 4 : max(options.chunkSize, 16)
        self.validator = UTF8Validator(path: path)
        self.emit = emit
        self.output = output
    }

    func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        pending.append(contentsOf: bytes)
        while pending.count >= chunkSize, let cut = cutPoint() {
            try process(upTo: cut)
        }
    }

    /// A PO file in another charset than UTF-8: the charset its fixed text is written back in.
    private var charset: String?

    /// Lints what is left and returns the file's result.
    func finish() throws -> FileResult {
        if case .bilingual(.po, _) = kind, let declared = Charset.declaredInPO(pending), !Charset.isUTF8(declared) {
            // Read in its declared charset (gettext allows any), linted as UTF-8, written back in its charset.
            guard let utf8 = Charset.convert(pending, from: declared, to: "UTF-8") else {
                throw BilingualFileError(path: path, line: 1, message: "the header declares charset=\(declared), but the file is not valid \(declared) (or ICU does not know it)")
            }
            pending = utf8
            charset = declared
        }
        if !pending.isEmpty || consumed == 0 { try process(upTo: pending.count, isLast: true) }
        var unused: [LocatedFinding] = []
        if engine.policy.isEnabled(UnusedSuppression.description.id) {
            for (k, record) in suppressions.records.enumerated() where !record.used && record.directive.kind != .enable {
                unused.append(directiveFindings[k])
            }
        }
        for finding in unused { engine.policy.count(finding.finding.rule, in: &quality) }
        if let emit {
            if !unused.isEmpty { try emit(unused) }
        } else {
            located.append(contentsOf: unused)
            located.sort { $0.finding.range != $1.finding.range ? $0.finding.range < $1.finding.range : $0.finding.rule < $1.finding.rule }
        }
        return FileResult(path: path, findings: located, appliedEdits: appliedEdits, appliedEditCount: appliedEditCount,
                          followUpFixes: followUpFixes, hasBOM: hasBOM, endsWithNewline: endsWithNewline, quality: quality)
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
            let lint = try lintChunk(chunk, countWords: true)
            quality.words += lint.words
            var index: LineIndex?
            func lineIndex() -> LineIndex {
                if let index { return index }
                let made = LineIndex(chunk)
                index = made
                return made
            }
            let filterBefore = suppressions
            let recordsBefore = suppressions.records.count
            var findings = suppressions.apply(lint.findings, directives: lint.directives, in: chunk, base: consumed)
            let unusedSeverity = engine.policy.severity(of: UnusedSuppression.description.id) ?? .warning
            for record in suppressions.records[recordsBefore...] {
                let directive = record.directive.shifted(by: -consumed)
                directiveFindings.append(locate(UnusedSuppression.finding(directive, severity: unusedSeverity, isKnown: { self.engine.catalog.description(id: $0) != nil }),
                                                index: lineIndex(), chunk: chunk, linesBefore: linesConsumed))
            }
            if options.lineFilter != nil && !findings.isEmpty { findings = filterLines(findings, index: lineIndex(), linesBefore: linesConsumed) }
            var chunkFindings = findings.isEmpty ? [] : findings.map { locate($0, index: lineIndex(), chunk: chunk, linesBefore: linesConsumed) }
            var nextContext: [UInt8]? = nil
            if options.fixes.computesFixes {
                let original = Array(chunk)
                let outcome = try FixLoop.run(original: original, findings: findings) { text in
                    try text.withUnsafeBufferPointer { buffer in
                        let again = try lintChunk(buffer, countWords: false)
                        var copy = filterBefore
                        let kept = copy.apply(again.findings.filter { $0.fix != nil }, directives: again.directives, in: buffer, base: consumed)
                        guard options.lineFilter != nil && !kept.isEmpty else { return kept }
                        return filterLines(kept, index: LineIndex(buffer), linesBefore: linesConsumed)
                    }
                }
                // A later pass may rewrite what a fix wrote (a case fix of a replacement): the report gives what is
                // written, so that JSON, SARIF and the diff agree with the fixed text.
                let written = Dictionary(outcome.edits.map { ($0.range, $0.replacement) }, uniquingKeysWith: { first, _ in first })
                for i in outcome.fixedFindings {
                    if let reported = findings[i].replacement, let final = written[findings[i].range], final != reported {
                        chunkFindings[i].finding = chunkFindings[i].finding.replacing(reported, with: final)
                    }
                }
                if options.fixes == .apply {
                    for i in outcome.fixedFindings { chunkFindings[i].isFixed = true }
                    followUpFixes += outcome.followUpFixes
                }
                if options.keepEdits {
                    appliedEdits.append(contentsOf: outcome.edits.map { TextEdit(range: $0.range.shifted(by: consumed), replacement: $0.replacement) })
                }
                appliedEditCount += outcome.edits.count
                if let charset {
                    guard let encoded = Charset.convert(outcome.fixed, from: "UTF-8", to: charset) else {
                        throw BilingualFileError(path: path, line: 1, message: "a fix does not fit in the file's charset \(charset); nothing was written")
                    }
                    try output(encoded)
                } else {
                    try output(outcome.fixed)
                }
                nextContext = outcome.fixed.withUnsafeBufferPointer { Self.context(after: $0) }
            }
            for located in chunkFindings where !located.isFixed {
                engine.policy.count(located.finding.rule, in: &quality)
            }
            if let emit {
                if !chunkFindings.isEmpty { try emit(chunkFindings) }
            } else {
                located.append(contentsOf: chunkFindings)
            }
            endsWithNewline = chunk.last == 0x0A
            context = nextContext ?? Self.context(after: chunk)
        }
        consumed += cut
        pending.removeFirst(cut)
    }

    /// The findings whose first and last lines the line filter accepts (lines counted in the chunk `index` indexes).
    private func filterLines(_ findings: [Finding], index: LineIndex, linesBefore: Int) -> [Finding] {
        guard let lineFilter = options.lineFilter else { return findings }
        return findings.filter { finding in
            lineFilter(linesBefore + index.lineIndex(of: finding.range.start) + 1,
                       linesBefore + index.lineIndex(of: max(finding.range.start, finding.range.end - 1)) + 1)
        }
    }

    /// Findings and suppression comments of a chunk, as its kind is read.
    private func lintChunk(_ chunk: UnsafeBufferPointer<UInt8>, countWords: Bool) throws -> DocumentLint {
        var lint: DocumentLint
        switch kind {
        case .bilingual(let format, let includeFuzzy):
            lint = try engine.fileFindings(chunk, path: path, format: format, includeFuzzy: includeFuzzy, session: session)
        case .paired(let format, let source):
            // Aligned once: the pairs give the monolingual rules each paragraph's source, and the bilingual rules run on them.
            let alignment = Alignment.align(source: source, target: chunk)
            lint = engine.lintDocument(chunk, format: format, session: session, countWords: countWords,
                                       sources: engine.sourceParagraphs(alignment, target: chunk))
            lint.findings += engine.alignedFindings(alignment, target: chunk)
            Finding.sort(&lint.findings)
        case .text(let format):
            lint = lintWithContext(chunk, format: format, countWords: countWords)
        }
        try session.checkICU()
        return lint
    }

    /// Findings and suppression comments of a plain chunk, linted after the left context when there is one; what
    /// lies inside the context belongs to the previous chunk and is dropped.
    private func lintWithContext(_ chunk: UnsafeBufferPointer<UInt8>, format: DocumentFormat, countWords: Bool) -> DocumentLint {
        guard !context.isEmpty else { return engine.lintDocument(chunk, format: format, session: session, countWords: countWords) }
        let shift = context.count
        let combined = context + Array(chunk)
        var lint = combined.withUnsafeBufferPointer { engine.lintDocument($0, format: format, session: session, countWords: false) }
        lint.findings = lint.findings.compactMap { finding in
            let firstEdit = finding.fix?.edits.map(\.range.start).min() ?? finding.range.start
            guard min(finding.range.start, firstEdit) >= shift else { return nil }
            return finding.shifted(by: -shift)
        }
        lint.directives = lint.directives.filter { $0.range.start >= shift }.map { $0.shifted(by: -shift) }
        if countWords { lint.words = WordCounter.count(chunk) }
        return lint
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
        var lineEnd = max(lineStart, lineRange.end)
        let wholeLine = (start: lineStart + consumed, end: lineEnd + consumed)
        var lineTextColumn = start.column
        if lineEnd - lineStart > LocatedFinding.maxLineText {
            // A window around the finding's start, cut on character boundaries.
            let half = LocatedFinding.maxLineText / 2
            var from = max(lineStart, min(finding.range.start, lineEnd) - half)
            while from > lineStart && UTF8Bytes.isContinuation(chunk[from]) { from -= 1 }
            var to = min(lineEnd, from + LocatedFinding.maxLineText)
            while to < lineEnd && UTF8Bytes.isContinuation(chunk[to]) { to += 1 }
            lineTextColumn -= index.scalarCount(from: lineStart, to: from)
            lineStart = from
            lineEnd = to
        }
        let lineText = String(decoding: UnsafeBufferPointer(rebasing: chunk[lineStart..<lineEnd]), as: UTF8.self)
        let text = String(decoding: UnsafeBufferPointer(rebasing: chunk[finding.range.start..<finding.range.end]), as: UTF8.self)
        return LocatedFinding(finding: finding.shifted(by: consumed), text: text,
                              line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                              lineText: lineText, lineTextColumn: lineTextColumn, lineStart: wholeLine.start, lineEnd: wholeLine.end)
    }
}
