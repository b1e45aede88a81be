import Testing
import TranslintTestSupport
@testable import TranslintKit

/// One file cut into segments (`FileSegments`) and linted segment by segment gives exactly the result of one run.
struct FileSegmentsTests {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0]

    /// Feeds `bytes[from..<firstEnd]`, then blocks of `blockSize` up to `end`, as `FileIO.readRange` does.
    private func reader(_ bytes: [UInt8], from: Int, firstEnd: Int, end: Int, blockSize: Int)
        -> ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void {
        { feed in
            var offset = from
            var pieceEnd = firstEnd > from ? firstEnd : min(end, from + blockSize)
            while offset < end {
                try Array(bytes[offset..<pieceEnd]).withUnsafeBufferPointer { try feed($0) }
                offset = pieceEnd
                pieceEnd = min(end, offset + blockSize)
            }
        }
    }

    @Test("segments joined equal one run: findings, positions, edits, fixed bytes and score",
          arguments: [(DocumentFormat.plainText, 700), (.plainText, 4096), (.markdown, 1000)])
    func segmentsEqualOneRun(format: DocumentFormat, blockSize: Int) throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        let session = try engine.makeSession()
        var bytes: [UInt8] = []
        for seed in 0..<120 {
            var document = DocumentGenerator.document(seed: UInt64(seed), kind: format == .markdown ? .markdown : .plainText).bytes
            if seed > 0 && document.starts(with: [0xEF, 0xBB, 0xBF]) { document.removeFirst(3) }
            // No suppression comments: with them a file is never cut (their state runs across chunks).
            if String(decoding: document, as: UTF8.self).contains("translint-") { continue }
            bytes += document + Array("\n\n".utf8)
        }
        let kind = DocumentKind.text(format)
        let options = RunOptions(fixes: .apply, chunkSize: 512)
        var wholeOutput: [UInt8] = []
        let whole = try engine.run(path: "t", kind: kind, session: session, options: options,
                                   read: reader(bytes, from: 0, firstEnd: 0, end: bytes.count, blockSize: blockSize),
                                   output: { wholeOutput += $0 })
        let segments = try #require(try FileSegments.plan(engine: engine, session: session, kind: kind, chunkSize: 512, minimumSize: 2000,
                                                          read: reader(bytes, from: 0, firstEnd: 0, end: bytes.count, blockSize: blockSize)))
        #expect(segments.count > 2)
        #expect(segments.first?.start == 0 && segments.last?.end == bytes.count && segments.last?.isLast == true)
        var parts: [FileResult] = []
        var output: [UInt8] = []
        for segment in segments {
            parts.append(try engine.run(path: "t", kind: kind, session: session, options: options, segment: segment,
                                        read: reader(bytes, from: segment.start, firstEnd: segment.firstFeedEnd, end: segment.readEnd, blockSize: blockSize),
                                        output: { output += $0 }))
        }
        let joined = FileResult.joining(parts)
        #expect(joined.findings.count == whole.findings.count)
        #expect(joined.findings == whole.findings)
        for (a, b) in zip(joined.findings, whole.findings) where a != b {
            Issue.record("joined \(a.finding.rule)@\(a.finding.range) \(a.line):\(a.column) fixed=\(a.isFixed) '\(a.text)' \(a.lineStart)-\(a.lineEnd)\n whole \(b.finding.rule)@\(b.finding.range) \(b.line):\(b.column) fixed=\(b.isFixed) '\(b.text)' \(b.lineStart)-\(b.lineEnd)")
            break
        }
        #expect(joined.appliedEdits == whole.appliedEdits)
        #expect(joined.quality == whole.quality)
        #expect(joined.hasBOM == whole.hasBOM && joined.endsWithNewline == whole.endsWithNewline)
        #expect(output == wholeOutput)
    }

    @Test("a text with suppression comments, or one long paragraph, is not cut")
    func uncuttable() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        let session = try engine.makeSession()
        let paragraph = String(repeating: "The Amoy sellers grew.\n", count: 400)
        for text in [paragraph + "\n" + paragraph, (paragraph + "\n").replacingOccurrences(of: "grew.\n\n", with: "grew. <!-- translint-disable -->\n\n") + paragraph] {
            let bytes = Array((String(repeating: "Amoy.\n\n", count: 600) + text).utf8)
            let read = reader(bytes, from: 0, firstEnd: 0, end: bytes.count, blockSize: 1000)
            let segments = try FileSegments.plan(engine: engine, session: session, kind: .text(.plainText), chunkSize: 256, minimumSize: 256, read: read)
            if text.contains("translint-") { #expect(segments == nil) } else { #expect((segments?.count ?? 0) > 1) }
        }
    }
}
