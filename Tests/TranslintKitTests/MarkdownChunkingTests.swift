import Foundation
import Testing
import TranslintTestSupport
@testable import TranslintKit

/// Markdown streams in chunks cut only where the document starts afresh (`MarkdownScanner.lastFreshStart`): the
/// chunks must read exactly as the whole file does.
struct MarkdownChunkingTests {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0]

    /// sentence-case also reads statistics of the whole chunk (the words a document writes again, never capitalized,
    /// its language), which a chunk of 16 bytes cannot have; it is tested on the scanner's reading instead
    /// (`cutsKeepTheReading`).
    private func run(_ bytes: [UInt8], chunkSize: Int, blockSize: Int) throws -> (FileResult, [UInt8]) {
        let catalog = RuleCatalog.standard.filter { $0.id != SentenceCaseCheck.description.id }
        let engine = LintEngine(glossary: ExampleGlossary.glossary, catalog: catalog)
        var output: [UInt8] = []
        let streaming = try streamingRun(engine, path: "t.md", fixing: true, chunkSize: chunkSize, kind: .text(.markdown),
                                         output: { output += $0 })
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + blockSize)
            try streaming.feed(Array(bytes[offset..<end]))
            offset = end
        }
        return (try streaming.finish(), output)
    }

    private func expectSame(_ bytes: [UInt8], name: String, blockSize: Int) throws {
        let (whole, wholeOutput) = try run(bytes, chunkSize: 1 << 30, blockSize: bytes.count)
        let (chunked, chunkedOutput) = try run(bytes, chunkSize: 16, blockSize: blockSize)
        func brief(_ f: LocatedFinding) -> String { "\(f.finding.rule)@\(f.finding.range) \(f.line):\(f.column) '\(f.text)' fixed=\(f.isFixed)" }
        // What was fixed is placed in the text read, what remains in the text written.
        for (result, output) in [(whole, wholeOutput), (chunked, chunkedOutput)] {
            for f in result.findings {
                let text = f.isFixed ? bytes : output
                #expect(String(decoding: text[f.finding.range.start..<f.finding.range.end], as: UTF8.self) == f.text,
                        "\(name): \(result == whole ? "whole" : "chunked") \(brief(f))")
            }
        }
        let only = Set(chunked.findings.map(brief)).symmetricDifference(whole.findings.map(brief))
        #expect(only.isEmpty, "\(name): findings only in one of chunked/whole: \(only.sorted())")
        if only.isEmpty { #expect(chunked.findings == whole.findings, "\(name): findings differ") }
        // Edits that touch may be composed into one by one run and not by the other: the same bytes either way.
        func coalesced(_ edits: [TextEdit]) -> [String] {
            var out: [TextEdit] = []
            for edit in edits {
                if let last = out.last, last.range.end == edit.range.start {
                    out[out.count - 1] = TextEdit(range: ByteRange(last.range.start, edit.range.end), replacement: last.replacement + edit.replacement)
                } else {
                    out.append(edit)
                }
            }
            return out.map { "\($0.range)=\($0.replacement)" }
        }
        let onlyEdits = Set(coalesced(chunked.appliedEdits)).symmetricDifference(coalesced(whole.appliedEdits))
        #expect(onlyEdits.isEmpty, "\(name): edits only in one of chunked/whole: \(onlyEdits.sorted())")
        #expect(chunkedOutput == wholeOutput, "\(name): output differs")
    }

    @Test("generated Markdown of many blocks lints the same in chunks as whole")
    func generatedDocuments() throws {
        var random = SplitMix64(seed: 11)
        for group in 0..<40 {
            var bytes: [UInt8] = []
            for k in 0..<15 {
                var document = DocumentGenerator.document(seed: UInt64(group * 15 + k), kind: .markdown).bytes
                if k > 0 && document.starts(with: [0xEF, 0xBB, 0xBF]) { document.removeFirst(3) }
                bytes += document + Array((random.chance(50) ? "\n\n" : "\n").utf8)
            }
            try expectSame(bytes, name: "group \(group)", blockSize: 1 + random.below(300))
        }
    }

    @Test("the project's own Markdown lints the same in chunks as whole")
    func realDocuments() throws {
        var paths = ["\(Self.root)/README.md"]
        let docs = "\(Self.root)/docs"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? [] where name.hasSuffix(".md") {
            paths.append("\(docs)/\(name)")
        }
        for path in paths {
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            try expectSame(bytes, name: path, blockSize: 4093)
        }
    }

    /// The scanner's reading of a text (masked bytes, what is excluded and markup, block, list item and cell starts,
    /// suppression comments) equals that of its pieces cut at every fresh start, each read alone.
    private func expectSameReading(_ bytes: [UInt8], name: String) {
        struct Reading: Equatable {
            var masked: [UInt8] = [], excluded: [Bool] = [], markup: [Bool] = []
            var blockStarts: [Int] = [], listItemStarts: [Int] = [], cellStarts: [Int] = [], directives: [ByteRange] = []
        }
        func read(_ piece: ArraySlice<UInt8>, into reading: inout Reading, base: Int) {
            let prepared = Array(piece).withUnsafeBufferPointer { MarkdownScanner.prepare($0) }
            reading.masked += prepared.masked ?? Array(piece)
            var excluded = [Bool](repeating: false, count: piece.count), markup = excluded
            for range in prepared.excluded { for i in range.start..<range.end { excluded[i] = true } }
            for range in prepared.markup { for i in range.start..<range.end { markup[i] = true } }
            reading.excluded += excluded
            reading.markup += markup
            reading.blockStarts += prepared.blockStarts.map { $0 + base }
            reading.listItemStarts += prepared.listItemStarts.sorted().map { $0 + base }
            reading.cellStarts += prepared.cellStarts.sorted().map { $0 + base }
            reading.directives += prepared.directives.map { ByteRange($0.range.start + base, $0.range.end + base) }
        }
        var whole = Reading()
        read(bytes[...], into: &whole, base: 0)
        var cuts: [Int] = []
        var end = bytes.count
        while let cut = Array(bytes[..<end]).withUnsafeBufferPointer({ MarkdownScanner.lastFreshStart($0) }) {
            cuts.insert(cut, at: 0)
            end = cut
        }
        var pieces = Reading()
        var start = 0
        for cut in cuts + [bytes.count] {
            read(bytes[start..<cut], into: &pieces, base: start)
            start = cut
        }
        #expect(!cuts.isEmpty, "\(name): no fresh start")
        #expect(pieces == whole, "\(name): cut at \(cuts)")
    }

    @Test("every cut at a fresh start keeps the scanner's reading, on generated and real Markdown")
    func cutsKeepTheReading() throws {
        for group in 0..<40 {
            var bytes: [UInt8] = []
            for k in 0..<15 {
                var document = DocumentGenerator.document(seed: UInt64(1000 + group * 15 + k), kind: .markdown).bytes
                if k > 0 && document.starts(with: [0xEF, 0xBB, 0xBF]) { document.removeFirst(3) }
                bytes += document + Array("\n\n".utf8)
            }
            expectSameReading(bytes, name: "group \(group)")
        }
        var paths = ["\(Self.root)/README.md"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(Self.root)/docs")) ?? [] where name.hasSuffix(".md") {
            paths.append("\(Self.root)/docs/\(name)")
        }
        for path in paths { expectSameReading([UInt8](FileManager.default.contents(atPath: path) ?? Data()), name: path) }
    }

    @Test("a fresh start is a letter at column 0 after a blank line, outside top-level code, HTML and front matter, not right after code",
          arguments: [
              ("Amoy one.\n\nAmoy two.\n", 11),
              // A paragraph right after code may go on from it (sentence-case reads it so): no cut there. Found
              // by the 12 MB --fix test: a cut there moved and a second --fix capitalized it.
              ("- item\n\n  ```\n  code\n\nAmoy after the list.\n", nil),
              ("```\ncode\n```\n\nAmoy after the fence.\n", nil),
              ("```\ncode\n```\n\nAmoy one.\n\nAmoy two.\n", 25),
              ("> quoted\n\nAmoy after the quote.\n", 10),
              ("    code\n\nAmoy after code.\n", nil),
              ("```\ncode\n\nAmoy still code\n```\n", nil),
              ("<!--\n\nAmoy in a comment\n-->\n", nil),
              ("---\ntitle: x\n\nAmoy in front matter\n", nil),
              ("one\n  \ntwo\n\n- three\n\n  four\n", 7),
              ("one\ntwo\n", nil),
              // After a paragraph that ends with a colon, the next one is what it introduces (sentence-case reads
              // it so): no cut there.
              ("The steps are:\n\nfirst, open it.\n", nil),
              ("The steps are：\n\nfirst, open it.\n\nThen close it.\n", 35),
          ] as [(String, Int?)])
    func freshStarts(text: String, expected: Int?) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownScanner.lastFreshStart($0) } == expected)
    }
}
