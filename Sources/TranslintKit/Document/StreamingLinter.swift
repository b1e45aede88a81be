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
    private var totalBytes = 0
    private var hasBOM = false
    private var endsWithNewline = false

    public init(session: Linter.Session, path: String, fixing: Bool, chunkSize: Int = StreamingLinter.defaultChunkSize,
                output: @escaping ([UInt8]) throws -> Void = { _ in }) {
        self.session = session
        self.path = path
        self.fixing = fixing
        self.chunkSize = max(chunkSize, 16)
        self.output = output
    }

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
        return FileResult(path: path, findings: located, appliedEdits: appliedEdits, byteCount: totalBytes,
                          hasBOM: hasBOM, endsWithNewline: endsWithNewline)
    }

    /// After the last blank line of `pending`, or after its last line break once it has grown large
    /// (a paragraph longer than 16 chunks), or nil to wait for more bytes.
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
        if pending.count >= chunkSize * 16, let newline = lastNewline { return newline + 1 }
        return nil
    }

    private func process(upTo cut: Int) throws {
        let isFirst = consumed == 0
        try pending.withUnsafeBufferPointer { all in
            let chunk = UnsafeBufferPointer(rebasing: all[0..<cut])
            if let bad = UTF8Bytes.firstInvalidOffset(chunk) {
                let prefix = UnsafeBufferPointer(rebasing: chunk[0..<bad])
                let (line, column) = position(of: prefix.count, in: chunk)
                _ = prefix
                throw InputError.invalidUTF8(path: path, offset: consumed + bad, line: line, column: column)
            }
            if isFirst && chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true }
            let findings = session.lint(chunk)
            if !findings.isEmpty {
                let index = LineIndex(Array(chunk))
                for finding in findings {
                    located.append(locate(finding, index: index, chunk: chunk))
                }
            }
            if fixing {
                let plan = FixPlan(findings: findings)
                for i in plan.applied { located[located.count - findings.count + i].isFixed = true }
                appliedEdits.append(contentsOf: plan.edits.map { TextEdit(range: $0.range.shifted(by: consumed), replacement: $0.replacement) })
                try output(plan.edits.isEmpty ? Array(chunk) : plan.apply(to: Array(chunk)))
            }
            endsWithNewline = chunk.last == 0x0A
            // Advance line and column bookkeeping past this chunk.
            var lastBreak = -1
            for (k, byte) in chunk.enumerated() where byte == 0x0A { linesConsumed += 1; lastBreak = k }
            if lastBreak >= 0 { columnCarry = 0 }
            for byte in chunk[(lastBreak + 1)...] where !UTF8Bytes.isContinuation(byte) { columnCarry += 1 }
        }
        consumed += cut
        pending.removeFirst(cut)
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
