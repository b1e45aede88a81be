/// A large prose file cut into segments that lint independently, so that several cores can check one file with
/// exactly the result of one core (`--jobs`).
///
/// A sequential run cuts the text into chunks and carries state from chunk to chunk only when a chunk ends inside
/// a paragraph (its last lines are the next chunk's left context), inside a line, or when the text has suppression
/// comments. `plan` replays the sequential run's cutting (no linting) over the file read in the same blocks and
/// starts a segment after every chunk that carries nothing. A segment's run is fed the same bytes the sequential
/// run had pending at each of its cuts, so it makes the same cuts and lints the same chunks.
public enum FileSegments {
    public struct Segment: Sendable, Equatable {
        /// File offsets: the segment's bytes, `start..<end`.
        public var start: Int
        public var end: Int
        /// Line breaks before `start`.
        public var linesBefore: Int
        /// What the run reads: `start..<firstFeedEnd` first (what the sequential run had pending after the cut at
        /// `start`; nothing for the first segment), then blocks of the plan's block size up to `readEnd`, as the
        /// sequential run was fed them.
        public var firstFeedEnd: Int
        public var readEnd: Int
        /// The last segment runs to the end of the file.
        public var isLast: Bool
    }

    /// The segments of a file of `kind` read in blocks by `read`, or nil when it cannot be cut (a kind read whole,
    /// suppression comments) or has a single segment. `minimumSize`: segments are joined until each is at least
    /// this long.
    public static func plan(engine: LintEngine, session: Session, kind: DocumentKind, chunkSize: Int = RunOptions.defaultChunkSize,
                            minimumSize: Int = RunOptions.defaultChunkSize,
                            read: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws -> [Segment]? {
        guard case .text = kind else { return nil }
        guard let chunks = try FileRun.planChunks(engine: engine, session: session, kind: kind, chunkSize: chunkSize, read: read),
              chunks.count > 1 else { return nil }
        var segments: [Segment] = []
        // The first segment is read as the file is, block by block from its start.
        var start = 0, linesBefore = 0, firstFeedEnd = 0
        for (k, chunk) in chunks.enumerated() {
            let isLast = k == chunks.count - 1
            guard isLast || (chunk.clean && chunk.end - start >= minimumSize) else { continue }
            segments.append(Segment(start: start, end: chunk.end, linesBefore: linesBefore, firstFeedEnd: firstFeedEnd,
                                    readEnd: chunk.decidedAt, isLast: isLast))
            start = chunk.end
            linesBefore = chunk.lineBreaks
            firstFeedEnd = chunk.decidedAt
        }
        return segments.count > 1 ? segments : nil
    }
}

extension LintEngine {
    /// One segment of a file (from `FileSegments.plan`) through the pipeline: `read` hands over the bytes the segment
    /// names (`start..<firstFeedEnd`, then blocks up to `readEnd`); offsets, lines and edits are the file's. The
    /// results of a file's segments, in order, are those of one run over the file.
    public func run(path: String, kind: DocumentKind, session: Session, options: RunOptions = RunOptions(),
                    segment: FileSegments.Segment,
                    read: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void,
                    emit: (([LocatedFinding]) throws -> Void)? = nil,
                    output: @escaping ([UInt8]) throws -> Void = { _ in }) throws -> FileResult {
        let session = session.locale == locale ? session : try makeSession()
        let run = FileRun(engine: self, session: session, path: path, kind: kind, options: options, segment: segment,
                          emit: emit, output: output)
        try read { try run.feed($0) }
        return try run.finish()
    }
}

extension FileResult {
    /// The result of a file from the results of its segments, in order.
    public static func joining(_ parts: [FileResult]) -> FileResult {
        guard var joined = parts.first else { return FileResult(path: "", findings: []) }
        for var part in parts.dropFirst() {
            part.placeAfter(bytes: joined.writtenByteDelta, lines: joined.writtenLineDelta)
            joined.findings += part.findings
            joined.appliedEdits += part.appliedEdits
            joined.appliedEditCount += part.appliedEditCount
            joined.followUpFixes += part.followUpFixes
            joined.endsWithNewline = part.endsWithNewline
            joined.quality.add(part.quality)
            joined.fixConverged = joined.fixConverged && part.fixConverged
            joined.writtenByteDelta += part.writtenByteDelta
            joined.writtenLineDelta += part.writtenLineDelta
        }
        // With --fix, a part's findings were ordered before its remaining ones were moved.
        joined.findings.sort(by: LocatedFinding.byPlace)
        return joined
    }
}
