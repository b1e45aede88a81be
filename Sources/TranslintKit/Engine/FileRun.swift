/// One file through the engine's pipeline, fed in blocks: prepare → rules → suppress and filter → fix loop →
/// locate, chunk by chunk. Plain text is cut into chunks at blank lines, a fixed number of paragraphs each (see
/// `cutPoint`; every check looks no further than a paragraph); a paragraph longer than two chunks is cut at a line
/// break, and a line longer than that inside the line, at a sentence end (else a space, else a character boundary), so memory is bounded by the chunk size, never
/// by the file or its longest line. Markdown is cut only before a paragraph that starts the document afresh
/// (`MarkdownScanner.lastFreshStart`: after a blank line, outside top-level code and HTML blocks), so a chunk
/// reads as it does in the whole file; a Markdown file without such a place is read whole. Other kinds are read
/// whole.
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
    /// A chunk whose fixes did not settle within FixLoop's passes.
    private var fixConverged = true
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
    /// With --fix: how much longer the text written so far is than the text read, in bytes and in line breaks.
    private var outputByteDelta = 0
    private var outputLineDelta = 0
    /// When the previous chunk was cut inside a line: where that line starts and what of it the chunk held, so that
    /// columns and `lineText` windows are those of the whole line.
    private var carry: LineCarry?
    /// The same for the text written (with --fix), where the remaining findings are located.
    private var writtenCarry: LineCarry?

    struct LineCarry {
        /// File offset of the line's start (after a byte order mark).
        var lineStart: Int
        /// Scalars of the line before the chunk.
        var columns: Int
        /// The last bytes of the line before the chunk (original text, starting on a character boundary): enough for
        /// a `lineText` window that starts before the chunk.
        var tail: [UInt8]
    }

    /// A line is cut only when no line break comes within this many bytes (and two chunks), so short texts and the
    /// tests' tiny chunks never see it.
    static let minimumLineCut = 1 << 16
    /// Bytes after a cut inside a line that `lineText` windows of findings before the cut may need.
    static let lookaheadSize = LocatedFinding.maxLineText + 8
    /// How far back from the latest possible cut inside a line a sentence end or a space is looked for.
    static let cutSearch = 1 << 14
    /// How many findings are located and emitted at a time.
    static let batchSize = 2048

    /// With `emit`, each chunk's findings go there as soon as they are known and `finish` returns none (so memory
    /// does not grow with their number). Without it, `finish` returns them all.
    /// `segment`: the run covers the part of the file from this segment's start (a clean cut of `FileSegments`), not
    /// the file from its first byte.
    init(engine: LintEngine, session: Session, path: String, kind: DocumentKind, options: RunOptions,
         segment: FileSegments.Segment? = nil,
         emit: (([LocatedFinding]) throws -> Void)?, output: @escaping ([UInt8]) throws -> Void) {
        self.engine = engine
        self.session = session
        self.path = path
        self.kind = kind
        self.options = options
        self.chunkSize = kind.isReadWhole ? Int.max / 4 : max(options.chunkSize, 16)
        self.validator = segment.map { UTF8Validator(path: path, offset: $0.start, lineBreaks: $0.linesBefore) } ?? UTF8Validator(path: path)
        self.consumed = segment?.start ?? 0
        if let segment, !segment.isLast { stopAt = segment.end }
        self.emit = emit
        self.output = output
    }

    func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !stopped else { return }
        pending.append(contentsOf: bytes)
        while let cut = cutPoint() {
            try process(upTo: cut)
            if let stopAt, consumed >= stopAt {
                stopped = true
                pending = []
                return
            }
        }
    }

    /// A segment's end: the run stops there (what is fed beyond it only decided where its chunks were cut).
    private var stopAt: Int?
    private var stopped = false

    /// A PO file in another charset than UTF-8: the charset its fixed text is written back in.
    private var charset: String?

    /// Lints what is left and returns the file's result.
    func finish() throws -> FileResult {
        if case .bilingual(let format, _) = kind, format == .po || format == .xliff, !options.isDecoded,
           let declared = format == .po ? Charset.declaredInPO(pending) : Charset.declaredInXML(pending), !Charset.isUTF8(declared) {
            // Read in its declared charset (gettext allows any; an XML declaration may name one), linted as UTF-8,
            // written back in its charset.
            guard let utf8 = Charset.convert(pending, from: declared, to: "UTF-8") else {
                let declaration = format == .po ? "the header declares charset=\(declared)" : "the XML declaration says encoding=\"\(declared)\""
                throw BilingualFileError(path: path, line: 1, message: "\(declaration), but the file is not valid \(declared) (or ICU does not know it)")
            }
            pending = utf8
            charset = declared
        }
        if !stopped && (!pending.isEmpty || consumed == 0 || !processedAny) { try process(upTo: pending.count, isLast: true) }
        var unused: [LocatedFinding] = []
        if engine.policy.isEnabled(UnusedSuppression.description.id) {
            for (k, record) in suppressions.records.enumerated() where !record.used && record.directive.kind != .enable {
                unused.append(directiveFindings[k])
            }
        }
        for finding in unused { engine.policy.count(finding.finding, in: &quality) }
        if let emit {
            if !unused.isEmpty { try emit(unused) }
        } else {
            located.append(contentsOf: unused)
            // By place (with --fix, fixed findings are placed in the text read, the others in the text written).
            located.sort(by: LocatedFinding.byPlace)
        }
        return FileResult(path: path, findings: located, appliedEdits: appliedEdits, appliedEditCount: appliedEditCount,
                          followUpFixes: followUpFixes, hasBOM: hasBOM, endsWithNewline: endsWithNewline, quality: quality,
                          fixConverged: fixConverged, writtenDelta: (outputByteDelta, outputLineDelta))
    }

    /// After the `paragraphsPerChunk`-th blank line of `pending`; else, once `pending` has grown past two chunks,
    /// after a blank line in them (see `blankLineCut`), or after its last line break (a very long paragraph), or
    /// inside its line once it has grown past that without any line break (a very long line); or nil to wait for
    /// more bytes.
    ///
    /// Counting paragraphs rather than bytes is what makes a second `--fix` find nothing the first left: fixes
    /// change a text's length but never add or remove a blank line, so the fixed text is cut before the same
    /// paragraphs, and every check (`NameEvidence` reads its whole chunk) sees the same chunks again.
    private func cutPoint() -> Int? {
        if kind == .text(.markdown) { return pending.count >= chunkSize ? markdownCutPoint() : nil }
        if let cut = paragraphCut() { return cut }
        guard pending.count >= chunkSize * 2 else { return nil }
        if let cut = blankLineCut() { return cut }
        if let cut = lineBreakCut() { return cut }
        if pending.first != 0x0A && pending.count >= max(chunkSize * 2, Self.minimumLineCut) + Self.lookaheadSize {
            return pending.withUnsafeBufferPointer { Self.cutInsideLine($0, before: $0.count - Self.lookaheadSize) }
        }
        return nil
    }

    /// After the last line break of `pending` whose next line is known not to be blank, or nil. What follows the
    /// last line break may be the start of a blank line whose line break has not been read yet (only white space so
    /// far): a cut there would end the chunk just before a paragraph break that the next block brings, and the next
    /// paragraph would be linted after this one's last lines as left context, which a cut at the blank line (as the
    /// same text read in other blocks, or fixed, is cut) never gives it. So the cut goes one line earlier.
    private func lineBreakCut() -> Int? {
        pending.withUnsafeBufferPointer { text -> Int? in
            guard let last = ByteScan.lastIndex(of: 0x0A, in: text, from: 1, to: text.count) else { return nil }
            let tailIsBlank = !(last + 1..<text.count).contains { !ByteSet.lineSpace.contains(text[$0]) }
            guard tailIsBlank, let previous = ByteScan.lastIndex(of: 0x0A, in: text, from: 1, to: last) else { return last + 1 }
            return previous + 1
        }
    }

    /// Paragraphs that average more than two chunk sizes over `paragraphsPerChunk` (1 KiB): of the k blank lines
    /// in the first two chunk sizes of `pending`, after the largest power of two up to k (with none there, after
    /// the first blank line). A fix moves the cut only when it moves a blank line across the limit and k across a
    /// power of two. Nil without a blank line.
    private func blankLineCut() -> Int? {
        pending.withUnsafeBufferPointer { text -> Int? in
            var scanner = BlankLines(), ends: [Int] = []
            while let end = scanner.next(in: text) { ends.append(end) }
            let within = ends.prefix { $0 <= chunkSize * 2 }.count
            guard within > 0 else { return ends.first }
            var power = 1
            while power * 2 <= within { power *= 2 }
            return ends[power - 1]
        }
    }

    /// How many paragraphs a chunk of plain text holds: one per 512 bytes of the chunk size (2,048 for 1 MiB).
    private var paragraphsPerChunk: Int { max(1, chunkSize / 512) }
    /// The scan of `pending` for blank lines since the last cut, and how many it saw.
    private var scan = BlankLines()
    private var blankLinesSeen = 0

    /// Just after the `paragraphsPerChunk`-th blank line of `pending`, or nil. Each byte is scanned once until a
    /// cut, then the rest once again.
    private func paragraphCut() -> Int? {
        pending.withUnsafeBufferPointer { text -> Int? in
            while let end = scan.next(in: text) {
                blankLinesSeen += 1
                if blankLinesSeen == paragraphsPerChunk { return end }
            }
            return nil
        }
    }

    /// Finds, left to right and resumably, the ends of the blank lines of a text that grows at its end: lines of
    /// spaces, tabs and CRs only that follow a line break inside the text (where chunks are cut).
    struct BlankLines {
        private var offset = 0, lineStart = 0, lineIsBlank = true

        /// The offset just after the next blank line's line break, or nil when the text has none (yet).
        /// Line by line: `ByteScan` finds each line break, and a line is read only until its first byte that
        /// is not white space (for most lines, the first).
        mutating func next(in text: UnsafeBufferPointer<UInt8>) -> Int? {
            while offset < text.count {
                let lineEnd = ByteScan.firstIndex(of: 0x0A, in: text, from: offset, to: text.count)
                while lineIsBlank && offset < lineEnd {
                    let byte = text[offset]
                    if byte != 0x20 && byte != 0x09 && byte != 0x0D { lineIsBlank = false }
                    offset += 1
                }
                guard lineEnd < text.count else { offset = text.count; return nil }
                offset = lineEnd + 1
                let blank = lineIsBlank && lineStart > 0
                lineStart = offset
                lineIsBlank = true
                if blank { return offset }
            }
            return nil
        }
    }

    /// Planning only (`FileSegments.plan`): the chunks are recorded, not linted.
    private var planned: [(end: Int, lineBreaks: Int, clean: Bool, decidedAt: Int)]?
    private var plannedHasDirectives = false

    /// The chunks a run of `kind` over bytes fed in blocks as `read` feeds them would lint: their ends, the line
    /// breaks up to each end, and whether the next chunk starts with nothing carried over (no left context, no cut
    /// line). Nil when the text has suppression comments (their state runs across chunks).
    static func planChunks(engine: LintEngine, session: Session, kind: DocumentKind, chunkSize: Int,
                           read: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws -> [(end: Int, lineBreaks: Int, clean: Bool, decidedAt: Int)]? {
        let run = FileRun(engine: engine, session: session, path: "", kind: kind, options: RunOptions(chunkSize: chunkSize),
                          emit: nil, output: { _ in })
        run.planned = []
        try read { block in try run.feed(block) }
        if !run.pending.isEmpty { try run.process(upTo: run.pending.count, isLast: true) }
        return run.plannedHasDirectives ? nil : run.planned
    }

    /// Pending bytes below which the next look for a Markdown cut waits: after a look that found none, twice as many,
    /// so a file that has no place to cut is scanned a bounded number of times over.
    private var nextMarkdownLook = 0

    private func markdownCutPoint() -> Int? {
        guard pending.count >= nextMarkdownLook else { return nil }
        let cut = pending.withUnsafeBufferPointer { MarkdownScanner.lastFreshStart($0) }
        nextMarkdownLook = cut == nil ? pending.count * 2 : 0
        return cut
    }

    /// Where to cut a line that has no break in `text[..<limit]`: after the last sentence end followed by white space
    /// in the last `cutSearch` bytes, else after the last white space there, else at the last character boundary
    /// that starts neither a combining mark nor a joiner. Cutting there keeps every finding whole, but one that
    /// spans a sentence end (or, without one, a space).
    static func cutInsideLine(_ text: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int {
        let floor = max(1, limit - cutSearch)
        var space: Int?
        var p = limit
        while p > floor {
            // A cut at p: white space before it, a word after it.
            if SentenceStarts.isSpaceByte(text[p - 1]) && !SentenceStarts.isSpaceByte(text[p]) {
                var q = p - 1
                while q > 0 && SentenceStarts.isSpaceByte(text[q - 1]) { q -= 1 }
                if q > 0 && endsSentence(text, at: q) { return p }
                if space == nil { space = p }
            }
            p -= 1
        }
        if let space { return space }
        p = limit
        while p > floor {
            if !UTF8Bytes.isContinuation(text[p]), let next = scalar(text, at: p), canStartChunk(next),
               scalar(text, before: p).map(canEndChunk) ?? true {
                return p
            }
            p -= 1
        }
        p = limit
        while p > 1 && UTF8Bytes.isContinuation(text[p]) { p -= 1 }
        return p
    }

    /// Whether the character that ends just before `end` closes a sentence (`.`, `!`, `?`, `。`, `！`, `？`).
    private static func endsSentence(_ text: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        let last = text[end - 1]
        if last == 0x2E || last == 0x21 || last == 0x3F { return true }
        guard end >= 3 else { return false }
        let a = text[end - 3], b = text[end - 2], c = last
        return (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F))
    }

    private static func scalar(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: text[offset..<min(text.count, offset + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func scalar(_ text: UnsafeBufferPointer<UInt8>, before offset: Int) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0 && UTF8Bytes.isContinuation(text[start]) { start -= 1 }
        return start >= 0 ? scalar(text, at: start) : nil
    }

    private static func canStartChunk(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return false
        default: return !scalar.properties.isVariationSelector && !scalar.properties.isGraphemeExtend && !scalar.properties.isEmojiModifier
        }
    }

    private static func canEndChunk(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\u{200D}" && !(0x1F1E6...0x1F1FF).contains(scalar.value)   // a joiner, half a flag
    }

    private var processedAny = false

    private func process(upTo cut: Int, isLast: Bool = false) throws {
        processedAny = true
        if planned != nil {
            let lineBreaks = (planned!.last?.lineBreaks ?? 0) + pending[0..<cut].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let clean = pending.withUnsafeBufferPointer { all in
                let chunk = UnsafeBufferPointer(rebasing: all[0..<cut])
                if !plannedHasDirectives && !SuppressionDirective.find(in: chunk).isEmpty { plannedHasDirectives = true }
                let midLine = !isLast && chunk.last != 0x0A && cut < all.count
                return !midLine && (kind == .text(.markdown) || Self.context(after: chunk).isEmpty)
            }
            planned!.append((consumed + cut, lineBreaks, clean, consumed + pending.count))
            consumed += cut
            pending.removeFirst(cut)
            scan = BlankLines()
            blankLinesSeen = 0
            return
        }
        let isFirst = consumed == 0
        try pending.withUnsafeBufferPointer { all in
            let chunk = UnsafeBufferPointer(rebasing: all[0..<cut])
            let linesConsumed = validator.lineBreaks
            try validator.feed(chunk)
            if isLast { try validator.finish() }   // a sequence cut short by the end of the input
            if isFirst && chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true }
            // Cut inside a line: the bytes after the cut that windows of findings near it show.
            let lookahead = !isLast && chunk.last != 0x0A && cut < all.count
                ? Array(all[cut..<min(all.count, cut + Self.lookaheadSize)]) : []
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
            if options.lineFilter != nil && !findings.isEmpty { findings = filterLines(findings, index: lineIndex(), linesBefore: linesConsumed) }
            var fixed = Set<Int>()
            var nextContext: [UInt8]? = nil
            // With --fix: the written text of the chunk, its findings and the edits that made it, when the
            // remaining findings are located there.
            var written: (text: [UInt8], findings: [Finding], edits: [TextEdit])?
            // With --fix: the edits written, on the chunk's offsets.
            var chunkEdits: [TextEdit] = []
            if options.fixes.computesFixes {
                let original = Array(chunk)
                // Only the fixes this run applies: safe ones, and suggested ones with --unsafe-fixes.
                let unsafeFixes = options.unsafeFixes
                let applicable = findings.map { finding -> Finding in
                    guard finding.fix != nil, !finding.fixApplies(unsafeFixes: unsafeFixes) else { return finding }
                    var withheld = finding
                    withheld.fix = nil
                    return withheld
                }
                // Written in place, the fixed text is what later runs and the reports read: its findings are the
                // ones that remain, located there (as ruff reports what is left in the fixed file).
                let writes = options.fixes == .apply
                // The suppressions as the last lint of a fixed text used them: with `Outcome.final`, those of the text written.
                var lastFilter = filterBefore
                let outcome = try FixLoop.run(original: original, findings: applicable,
                                              applies: { $0.fixApplies(unsafeFixes: unsafeFixes) }, keepFinal: writes) { text in
                    try text.withUnsafeBufferPointer { buffer in
                        let again = try lintChunk(buffer, countWords: false)
                        var copy = filterBefore
                        let kept = copy.apply(again.findings, directives: again.directives, in: buffer, base: consumed)
                        lastFilter = copy
                        guard options.lineFilter != nil && !kept.isEmpty else { return kept }
                        return filterLines(kept, index: LineIndex(buffer), linesBefore: linesConsumed)
                    }
                }
                if writes {
                    written = outcome.final.map { (outcome.fixed, $0, outcome.edits) }
                        ?? (original, findings.indices.filter { !outcome.fixedFindings.contains($0) }.map { findings[$0] }, [])
                    // A fix can move a finding into a suppressed line, or out of one: whether a suppression comment
                    // is used is decided on the text written (its records are on the offsets of that text).
                    if outcome.final != nil { suppressions = lastFilter }
                    chunkEdits = outcome.edits
                }
                // A later pass may rewrite what a fix wrote (a case fix of a replacement): the report gives what is
                // written, so that JSON, SARIF and the diff agree with the fixed text.
                let replacements = Dictionary(outcome.edits.map { ($0.range, $0.replacement) }, uniquingKeysWith: { first, _ in first })
                for i in outcome.fixedFindings {
                    if let reported = findings[i].replacement, let final = replacements[findings[i].range], final != reported {
                        findings[i] = findings[i].replacing(reported, with: final)
                    }
                }
                if options.fixes == .apply {
                    fixed = outcome.fixedFindings
                    followUpFixes += outcome.followUpFixes
                    if !outcome.converged { fixConverged = false }
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
                nextContext = outcome.fixed.withUnsafeBufferPointer { leftContext(after: $0) }
            }
            // With --fix, an unused suppression comment is located in the text written, as its record is.
            let unusedSeverity = engine.policy.severity(of: UnusedSuppression.description.id) ?? .warning
            for record in suppressions.records[recordsBefore...] {
                let directive = record.directive.shifted(by: -consumed)
                let finding = UnusedSuppression.finding(directive, severity: unusedSeverity, isKnown: { self.engine.catalog.description(id: $0) != nil })
                if let written {
                    directiveFindings.append(written.text.withUnsafeBufferPointer { text in
                        locate(finding, index: LineIndex(text), chunk: text, lookahead: lookahead, linesBefore: linesConsumed + outputLineDelta,
                               base: consumed + outputByteDelta, carry: writtenCarry)
                    })
                } else {
                    directiveFindings.append(locate(finding, index: lineIndex(), chunk: chunk, lookahead: lookahead, linesBefore: linesConsumed))
                }
            }
            // Located and handed on in batches: a file read whole with many findings never holds all their line
            // excerpts at once.
            let sourceStarts = lint.sources.keys.sorted()
            if let written {
                // What was fixed, where it was; what remains, where it is now (and the source of the paragraph it
                // was in before the fix).
                try locateInBatches(findings.indices.filter { fixed.contains($0) }) { i in
                    var finding = locate(findings[i], index: lineIndex(), chunk: chunk, lookahead: lookahead, linesBefore: linesConsumed)
                    finding.isFixed = true
                    if let key = Self.key(atOrBefore: findings[i].range.start, in: sourceStarts) { finding.source = lint.sources[key] }
                    return finding
                }
                // A line cut by chunks: what follows the cut is shown as read (its fixes come with the next chunk).
                try written.text.withUnsafeBufferPointer { text in
                    let index = written.edits.isEmpty ? lineIndex() : LineIndex(text)
                    try locateInBatches(Array(written.findings.indices)) { i in
                        let remaining = written.findings[i]
                        var finding = locate(remaining, index: index, chunk: text, lookahead: lookahead, linesBefore: linesConsumed + outputLineDelta,
                                             base: consumed + outputByteDelta, carry: writtenCarry)
                        engine.policy.count(finding.finding, in: &quality)
                        let before = TextEdit.originalOffset(of: remaining.range.start, after: written.edits)
                        if let key = Self.key(atOrBefore: before, in: sourceStarts) { finding.source = lint.sources[key] }
                        return finding
                    }
                    writtenCarry = lookahead.isEmpty ? nil : lineCarry(after: text, index: index, previous: writtenCarry, base: consumed + outputByteDelta)
                }
            } else {
                try locateInBatches(Array(findings.indices)) { i in
                    var finding = locate(findings[i], index: lineIndex(), chunk: chunk, lookahead: lookahead, linesBefore: linesConsumed)
                    if fixed.contains(i) { finding.isFixed = true } else { engine.policy.count(finding.finding, in: &quality) }
                    if let key = Self.key(atOrBefore: findings[i].range.start, in: sourceStarts) { finding.source = lint.sources[key] }
                    return finding
                }
            }
            for edit in chunkEdits {
                outputByteDelta += edit.replacement.utf8.count - edit.range.length
                outputLineDelta += edit.replacement.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    - chunk[edit.range.start..<edit.range.end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
            endsWithNewline = chunk.last == 0x0A
            // A Markdown chunk starts a document afresh: no left context.
            context = kind == .text(.markdown) ? [] : nextContext ?? leftContext(after: chunk)
            carry = lookahead.isEmpty ? nil : lineCarry(after: chunk, index: lineIndex(), previous: carry, base: consumed)
        }
        consumed += cut
        pending.removeFirst(cut)
        scan = BlankLines()
        blankLinesSeen = 0
    }

    /// Locates the findings `indices` name, a batch at a time, and hands each batch on (or keeps it).
    private func locateInBatches(_ indices: [Int], _ locateOne: (Int) -> LocatedFinding) throws {
        var batchStart = 0
        while batchStart < indices.count {
            let batchEnd = min(indices.count, batchStart + Self.batchSize)
            var batch: [LocatedFinding] = []
            batch.reserveCapacity(batchEnd - batchStart)
            for i in indices[batchStart..<batchEnd] { batch.append(locateOne(i)) }
            if let emit { try emit(batch) } else { located.append(contentsOf: batch) }
            batchStart = batchEnd
        }
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
            let sources = engine.sourceParagraphs(alignment, target: chunk)
            lint = engine.lintDocument(chunk, format: format, session: session, countWords: countWords, sources: sources)
            lint.sources = sources
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
        var lint = combined.withUnsafeBufferPointer { engine.lintDocument($0, format: format, session: session, countWords: false, editableStart: shift) }
        lint.findings = lint.findings.compactMap { finding in
            let firstEdit = finding.fix?.edits.map(\.range.start).min() ?? finding.range.start
            guard min(finding.range.start, firstEdit) >= shift else { return nil }
            return finding.shifted(by: -shift)
        }
        lint.directives = lint.directives.filter { $0.range.start >= shift }.map { $0.shifted(by: -shift) }
        if countWords { lint.words = WordCounter.count(chunk) }
        return lint
    }

    /// The left context of the chunk after `chunk` (as linted or as fixed): its last lines, read after the present
    /// context when it is shorter than a context, so that a chunk its fixes nearly emptied (a run of repeated words)
    /// passes on what came before it.
    private func leftContext(after chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard chunk.count < Self.contextSize && !context.isEmpty else { return Self.context(after: chunk) }
        return (context + Array(chunk)).withUnsafeBufferPointer { Self.context(after: $0) }
    }

    /// The last lines of `chunk` when it ends inside a paragraph (no blank line at its end), else nothing.
    private static func context(after chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if let last = chunk.last, last != 0x0A, chunk.count > contextSize { return lastWords(of: chunk) }
        var i = chunk.count - 1
        var lineBreaks = 0
        while i >= 0 && (SentenceStarts.isSpaceByte(chunk[i]) || chunk[i] == 0x0A) {
            if chunk[i] == 0x0A { lineBreaks += 1 }
            i -= 1
        }
        if lineBreaks >= 2 || i < 0 { return [] }
        var start = max(0, chunk.count - contextSize)
        while start > 0 && chunk[start - 1] != 0x0A {
            start += 1
            // The last line is longer than a context: its last words, as for a cut inside it, so that the next
            // line still follows a sentence end (or not) as in the whole text.
            if start >= chunk.count { return lastWords(of: chunk) }
        }
        return Array(chunk[start...])
    }

    /// The last words of `chunk`, a line longer than a context (or its end): from a space on, else from a
    /// character boundary.
    private static func lastWords(of chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var start = chunk.count - contextSize
        while start < chunk.count && !SentenceStarts.isSpaceByte(chunk[start - 1]) { start += 1 }
        if start == chunk.count {
            start = chunk.count - contextSize
            while start < chunk.count && UTF8Bytes.isContinuation(chunk[start]) { start += 1 }
        }
        return Array(chunk[start...])
    }

    /// What the next chunk needs of the line this one was cut inside.
    /// `previous`: the carry into `chunk`; `base`: the file offset of its start (in the text read, or written).
    private func lineCarry(after chunk: UnsafeBufferPointer<UInt8>, index: LineIndex, previous carry: LineCarry?, base consumed: Int) -> LineCarry {
        let last = index.lineStarts.count - 1
        var start = index.lineStarts[last]
        let lineStart: Int, columns: Int
        if last == 0, let carry {
            lineStart = carry.lineStart
            columns = carry.columns + index.scalarCount(from: 0, to: chunk.count)
        } else {
            if hasBOM && consumed == 0 && start == 0 { start = 3 }
            lineStart = consumed + start
            columns = index.scalarCount(from: start, to: chunk.count)
        }
        var from = max(start, chunk.count - Self.lookaheadSize)
        while from < chunk.count && UTF8Bytes.isContinuation(chunk[from]) { from += 1 }
        return LineCarry(lineStart: lineStart, columns: columns, tail: Array(chunk[from...]))
    }

    /// The finding with its line, columns and line excerpt. A line cut by chunks is read across them: the carried
    /// tail of the previous chunk before this one, `lookahead` (the next bytes) after it.
    /// The largest of `sorted` that is at most `offset`.
    static func key(atOrBefore offset: Int, in sorted: [Int]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? sorted[low - 1] : nil
    }

    /// `base`: the file offset of the chunk's start (of the written text's, for findings of a fixed chunk).
    private func locate(_ finding: Finding, index: LineIndex, chunk: UnsafeBufferPointer<UInt8>, lookahead: [UInt8],
                        linesBefore: Int, base: Int? = nil, carry: LineCarry?? = nil) -> LocatedFinding {
        let consumed = base ?? self.consumed
        let carry = carry ?? self.carry
        let tail = carry?.tail ?? []
        // Offsets relative to the chunk: negative ones are in `tail`, those past its end in `lookahead`.
        func byte(_ i: Int) -> UInt8 { i < 0 ? tail[tail.count + i] : i < chunk.count ? chunk[i] : lookahead[i - chunk.count] }
        func place(_ offset: Int) -> (line: Int, column: Int) {
            var (line, column) = index.location(of: offset)
            if line == 1, let carry { column += carry.columns }
            let skippedBOM = hasBOM && consumed == 0 && line == 1 ? 1 : 0
            return (linesBefore + line, column - skippedBOM)
        }
        let start = place(finding.range.start), end = place(finding.range.end)
        let lineNumber = index.lineIndex(of: finding.range.start)
        let lineRange = index.lineRange(lineNumber)
        let continuesBefore = lineNumber == 0 && carry != nil
        var lineStart = continuesBefore ? -tail.count : lineRange.start
        if hasBOM && consumed == 0 && lineStart == 0 { lineStart = 3 }
        var lineEnd = max(lineStart, lineRange.end)
        if lineRange.end == chunk.count && !lookahead.isEmpty {
            lineEnd = chunk.count + (lookahead.firstIndex(of: 0x0A) ?? lookahead.count)
        }
        let wholeLineStart = continuesBefore ? carry!.lineStart : lineStart + consumed
        var lineTextColumn = start.column
        if continuesBefore || lineEnd - lineStart > LocatedFinding.maxLineText {
            // A window around the finding's start, cut on character boundaries.
            let half = LocatedFinding.maxLineText / 2
            var from = max(lineStart, min(finding.range.start, lineEnd) - half)
            while from > lineStart && UTF8Bytes.isContinuation(byte(from)) { from -= 1 }
            var to = min(lineEnd, from + LocatedFinding.maxLineText)
            while to < lineEnd && UTF8Bytes.isContinuation(byte(to)) { to += 1 }
            lineTextColumn = 1
            for i in from..<max(from, finding.range.start) where !UTF8Bytes.isContinuation(byte(i)) { lineTextColumn += 1 }
            lineStart = from
            lineEnd = to
        }
        let lineText: String
        if lineStart >= 0 && lineEnd <= chunk.count {
            lineText = String(decoding: UnsafeBufferPointer(rebasing: chunk[lineStart..<lineEnd]), as: UTF8.self)
        } else {
            lineText = String(decoding: (lineStart..<lineEnd).map(byte), as: UTF8.self)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: chunk[finding.range.start..<finding.range.end]), as: UTF8.self)
        // `lineEnd`: the line's end, or on a line longer than `maxLineText`, the end of the window `lineText` shows.
        return LocatedFinding(finding: finding.shifted(by: consumed), text: text,
                              line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                              lineText: lineText, lineTextColumn: lineTextColumn, lineStart: wholeLineStart, lineEnd: lineEnd + consumed)
    }
}
