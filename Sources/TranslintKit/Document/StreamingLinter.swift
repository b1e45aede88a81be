/// Lints a text that arrives in pieces (a file read block by block, standard input) with memory
/// bounded by the longest paragraph rather than the file: the text is cut into chunks at blank
/// lines, and every check looks no further than a paragraph.
///
/// Feed it bytes with `feed`, then call `finish`. With `fixing`, the fixed text is handed to
/// `output` chunk by chunk, in order; bytes outside applied edits pass through unchanged.
public final class StreamingLinter {
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
    /// Lines before `pending` (0-based line of pending's first byte).
    private var linesConsumed = 0
    /// Scalars since the last line break before `pending` (for columns of a chunk that starts mid-line).
    private var columnCarry = 0
    private var located: [LocatedFinding] = []
    private var appliedEdits: [TextEdit] = []
    private var appliedEditCount = 0
    private var totalBytes = 0
    private var hasBOM = false
    /// How the previous chunk ended, when it was cut inside a paragraph.
    private var continuation: Linter.Continuation?
    private var endsWithNewline = false

    /// With `onFindings`, each chunk's findings go there as soon as they are known and `finish` returns
    /// none (so memory does not grow with their number), and applied edits are kept only with `keepEdits`.
    /// Without it, `finish` returns them all.
    public init(session: Linter.Session, path: String, fixing: Bool, chunkSize: Int = StreamingLinter.defaultChunkSize,
                keepEdits: Bool = true, onFindings: (([LocatedFinding]) throws -> Void)? = nil,
                output: @escaping ([UInt8]) throws -> Void = { _ in }) {
        self.session = session
        self.path = path
        self.fixing = fixing
        self.chunkSize = max(chunkSize, 16)
        self.keepEdits = keepEdits
        self.onFindings = onFindings
        self.output = output
    }

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
        if !pending.isEmpty { try process(upTo: pending.count) }
        return FileResult(path: path, findings: located, appliedEdits: appliedEdits, appliedEditCount: appliedEditCount,
                          byteCount: totalBytes, hasBOM: hasBOM, endsWithNewline: endsWithNewline)
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

    private func process(upTo cut: Int) throws {
        let isFirst = consumed == 0
        try pending.withUnsafeBufferPointer { all in
            let chunk = UnsafeBufferPointer(rebasing: all[0..<cut])
            if let bad = UTF8Bytes.firstInvalidOffset(chunk) {
                let (line, column) = position(of: bad, in: chunk)
                throw InputError.invalidUTF8(path: path, offset: consumed + bad, line: line, column: column)
            }
            if isFirst && chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true }
            let findings = session.lint(chunk, continuation: continuation)
            var chunkFindings: [LocatedFinding] = []
            if !findings.isEmpty {
                let index = LineIndex(Array(chunk))
                chunkFindings = findings.map { locate($0, index: index, chunk: chunk) }
            }
            if fixing {
                let plan = FixPlan(findings: findings)
                for i in plan.applied { chunkFindings[i].isFixed = true }
                if keepEdits {
                    appliedEdits.append(contentsOf: plan.edits.map { TextEdit(range: $0.range.shifted(by: consumed), replacement: $0.replacement) })
                }
                appliedEditCount += plan.edits.count
                try output(plan.edits.isEmpty ? Array(chunk) : plan.apply(to: Array(chunk)))
            }
            if let onFindings {
                if !chunkFindings.isEmpty { try onFindings(chunkFindings) }
            } else {
                located.append(contentsOf: chunkFindings)
            }
            endsWithNewline = chunk.last == 0x0A
            continuation = Self.continuation(after: chunk)
            // Advance line and column bookkeeping past this chunk.
            var lastBreak = -1
            for (k, byte) in chunk.enumerated() where byte == 0x0A { linesConsumed += 1; lastBreak = k }
            if lastBreak >= 0 { columnCarry = 0 }
            for byte in chunk[(lastBreak + 1)...] where !UTF8Bytes.isContinuation(byte) { columnCarry += 1 }
        }
        consumed += cut
        pending.removeFirst(cut)
    }

    /// nil when `chunk` ends a paragraph (a blank line), else whether its last paragraph ended a sentence.
    private static func continuation(after chunk: UnsafeBufferPointer<UInt8>) -> Linter.Continuation? {
        var i = chunk.count - 1
        var lineBreaks = 0
        while i >= 0 && (SentenceStarts.isSpaceByte(chunk[i]) || chunk[i] == 0x0A) {
            if chunk[i] == 0x0A { lineBreaks += 1 }
            i -= 1
        }
        if lineBreaks >= 2 || i < 0 { return nil }
        let last = chunk[i]
        return Linter.Continuation(previousEndsSentence: last == 0x2E || last == 0x21 || last == 0x3F)
    }

    private func position(of offset: Int, in chunk: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = linesConsumed, column = columnCarry + 1
        for k in 0..<offset {
            if chunk[k] == 0x0A { line += 1; column = 1 } else if !UTF8Bytes.isContinuation(chunk[k]) { column += 1 }
        }
        return (line + 1, column)
    }

    private func locate(_ finding: Finding, index: LineIndex, chunk: UnsafeBufferPointer<UInt8>) -> LocatedFinding {
        func place(_ offset: Int) -> (line: Int, column: Int) {
            let (line, column) = index.location(of: offset)
            let skippedBOM = hasBOM && consumed == 0 && line == 1 ? 1 : 0
            return (linesConsumed + line, column + (line == 1 ? columnCarry : 0) - skippedBOM)
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
