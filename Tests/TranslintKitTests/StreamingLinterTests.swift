import Testing
@testable import TranslintKit

struct StreamingLinterTests {
    static let sampleRoot = String(#filePath).components(separatedBy: "/Tests/")[0]

    private func run(_ bytes: [UInt8], chunkSize: Int, blockSize: Int, fixing: Bool = true) throws -> (FileResult, [UInt8]) {
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        var output: [UInt8] = []
        let streaming = try streamingRun(linter, path: "t", fixing: fixing, chunkSize: chunkSize, output: { output += $0 })
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + blockSize)
            try streaming.feed(Array(bytes[offset..<end]))
            offset = end
        }
        return (try streaming.finish(), output)
    }

    @Test("chunked linting finds and fixes exactly what whole-text linting does", arguments: [16, 64, 300, 4096])
    func chunkingIsInvisible(chunkSize: Int) throws {
        let text = try String(contentsOfPath: "\(Self.sampleRoot)/samples/000_02c679c3906c68ff.txt")
        let bytes = Array(("\u{FEFF}" + text + "\r\n\r\n" + text).utf8)
        let (whole, wholeOutput) = try run(bytes, chunkSize: 1 << 30, blockSize: bytes.count)
        let (chunked, chunkedOutput) = try run(bytes, chunkSize: chunkSize, blockSize: 37)
        #expect(chunked.findings == whole.findings)
        #expect(chunked.appliedEdits == whole.appliedEdits)
        #expect(chunkedOutput == wholeOutput)
        #expect(whole.hasBOM && chunked.hasBOM)
        #expect(Array(chunkedOutput.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!whole.findings.isEmpty)
    }

    @Test("paragraphs longer than two chunks are cut at line breaks without changing the findings", arguments: [48, 200])
    func longParagraphsAreCutAtLineBreaks(chunkSize: Int) throws {
        // The sample, hard-wrapped at about 50 columns: paragraphs of many lines, the kind a man page has.
        let text = try String(contentsOfPath: "\(Self.sampleRoot)/samples/000_02c679c3906c68ff.txt")
        var wrapped = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var width = 0
            for word in line.split(separator: " ") {
                if width > 0 && width + word.count > 50 { wrapped += "\n"; width = 0 } else if width > 0 { wrapped += " "; width += 1 }
                wrapped += word
                width += word.count
            }
            wrapped += "\n"
        }
        let bytes = Array(wrapped.utf8)
        let (whole, wholeOutput) = try run(bytes, chunkSize: 1 << 30, blockSize: bytes.count)
        let (chunked, chunkedOutput) = try run(bytes, chunkSize: chunkSize, blockSize: 29)
        #expect(chunked.findings.map(\.finding) == whole.findings.map(\.finding))
        #expect(chunked.findings.map(\.line) == whole.findings.map(\.line))
        #expect(chunkedOutput == wholeOutput)
        // Wrapping changes no finding: terms broken across lines match, wrapped lines start no sentence.
        let unwrapped = try run(Array(text.utf8), chunkSize: 1 << 30, blockSize: text.utf8.count).0
        #expect(whole.findings.map { $0.text.split(whereSeparator: \.isWhitespace) } == unwrapped.findings.map { $0.text.split(whereSeparator: \.isWhitespace) })
    }

    @Test("a repeated word that runs on across a cut inside a paragraph is fixed in one pass (fuzz: text seed 1, input 571)")
    func repeatsAcrossACut() throws {
        // One paragraph of 3 KB, cut at line breaks with chunks of 512 bytes: the previous chunk keeps the first
        // word, each later one removes its repeats, so the fixed text has the word once and a second fix nothing.
        let bytes = Array(("Prices went to " + String(repeating: "to to to to\n", count: 250) + "again.\n").utf8)
        let (_, fixed) = try run(bytes, chunkSize: 512, blockSize: 100)
        #expect(String(decoding: fixed, as: UTF8.self).split(whereSeparator: \.isWhitespace) == ["Prices", "went", "to", "again."])
        let (_, twice) = try run(fixed, chunkSize: 512, blockSize: 100)
        #expect(twice == fixed)
    }

    /// The sample as one line: its paragraphs joined by spaces, repeated to `size` bytes.
    private func oneLine(size: Int, separator: String = " ") throws -> [UInt8] {
        let text = try String(contentsOfPath: "\(Self.sampleRoot)/samples/000_02c679c3906c68ff.txt")
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: separator)
        var line = ""
        while line.utf8.count < size { line += joined + separator }
        return Array(line.utf8)
    }

    @Test("a line longer than two chunks is cut inside, at sentence ends, without changing findings, excerpts or fixes",
          arguments: [(" ", 37), (" ", 4096), ("\u{3000}", 4093), ("。", 1 << 16)])
    func longLinesAreCutInside(separator: String, blockSize: Int) throws {
        var bytes = Array("\u{FEFF}".utf8) + (try oneLine(size: 300_000, separator: separator))
        bytes += Array("\nthe end.\n".utf8)
        let (whole, wholeOutput) = try run(bytes, chunkSize: 1 << 30, blockSize: bytes.count)
        let (chunked, chunkedOutput) = try run(bytes, chunkSize: 16, blockSize: blockSize)
        #expect(whole.findings.count > 100)
        #expect(chunked.findings.count == whole.findings.count)
        for (a, b) in zip(chunked.findings, whole.findings) where a != b {
            Issue.record("chunked \(a) != whole \(b)")
            break
        }
        #expect(chunked.appliedEdits == whole.appliedEdits)
        #expect(chunkedOutput == wholeOutput)
        #expect(whole.findings.allSatisfy { $0.lineText.utf8.count <= LocatedFinding.maxLineText + 3 })
    }

    @Test("a cut inside a line falls on a character boundary, before neither a combining mark nor a joiner")
    func cutsInsideALineKeepCharactersWhole() throws {
        // No space and no sentence end: accented letters (e + U+0301), a family emoji (ZWJ sequence), CJK.
        let unit = "e\u{301}👨\u{200D}👩\u{200D}👧淘宝"
        var line = ""
        while line.utf8.count < 200_000 { line += unit }
        let bytes = Array(line.utf8)
        let (whole, wholeOutput) = try run(bytes, chunkSize: 1 << 30, blockSize: bytes.count)
        let (chunked, chunkedOutput) = try run(bytes, chunkSize: 16, blockSize: 1000)
        #expect(chunked.findings == whole.findings)
        #expect(chunkedOutput == wholeOutput)
        bytes.withUnsafeBufferPointer { buffer in
            let cut = FileRun.cutInsideLine(buffer, before: 150_000)
            let after = String(decoding: UnsafeBufferPointer(rebasing: buffer[cut...]), as: UTF8.self).unicodeScalars.first!
            let before = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<cut]), as: UTF8.self).unicodeScalars.last!
            #expect(!UTF8Bytes.isContinuation(buffer[cut]))
            #expect(after != "\u{301}" && after != "\u{200D}" && before != "\u{200D}")
        }
    }

    @Test("a fix that makes a new finding is followed up in the same run, and the diff shows the result")
    func followUpPasses() throws {
        let text = "Check the teh now.\n\nthe the the end"
        let glossary = try GlossaryLoader.load(yaml: "version: 1\nsource_language: en\ntarget_language: en\nterms:\n  - target: the\n    forbidden: [TEH]\n", file: "g")
        let linter = LintEngine(glossary: glossary)
        var output: [UInt8] = []
        let streaming = try streamingRun(linter, path: "t", fixing: true, output: { output += $0 })
        try streaming.feed(Array(text.utf8))
        let result = try streaming.finish()
        let fixed = String(decoding: output, as: UTF8.self)
        #expect(fixed == "Check the now.\n\nThe end")
        #expect(String(decoding: FixPlan.apply(result.appliedEdits, to: Array(text.utf8)), as: UTF8.self) == fixed)
        #expect(try linter.lint(fixed).isEmpty)
        #expect(result.findings.allSatisfy { $0.isFixed })
        #expect(result.followUpFixes == 1)   // "the the", made by the teh fix
    }

    @Test func positionsAreLineAndScalarColumn() throws {
        let (result, _) = try run(Array("中文 Amoy.\nSecond line with Ali.".utf8), chunkSize: 1 << 20, blockSize: 5)
        let places = result.findings.map { "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.text)" }
        #expect(places == ["1:4-1:8 Amoy", "2:18-2:21 Ali"])
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let (result, output) = try run(Array("\u{FEFF}yesterday it rained.".utf8), chunkSize: 1 << 20, blockSize: 2)
        #expect(result.findings.map(\.column) == [1])
        #expect(result.findings.map(\.finding.range) == [ByteRange(3, 4)])
        #expect(String(decoding: output, as: UTF8.self) == "\u{FEFF}Yesterday it rained.")
    }

    @Test("invalid UTF-8 is reported with its byte offset, line and column", arguments: [
        ([0x61, 0x0A, 0x62, 0xFF, 0x63] as [UInt8], 3, 2, 2),
        ([0xE4, 0xB8] as [UInt8], 0, 1, 1),                       // truncated sequence
        ([0x61, 0xC0, 0xAF] as [UInt8], 1, 1, 2),                 // overlong "/"
        ([0xED, 0xA0, 0x80] as [UInt8], 0, 1, 1),                 // a surrogate
        ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xF4, 0x90, 0x80, 0x80] as [UInt8], 8, 1, 9),  // above U+10FFFF
    ])
    func invalidUTF8(bytes: [UInt8], offset: Int, line: Int, column: Int) throws {
        #expect(throws: InputError.invalidUTF8(path: "t", offset: offset, line: line, column: column)) {
            _ = try run(bytes, chunkSize: 1 << 20, blockSize: 1)
        }
    }

    @Test func crlfAndAMissingFinalNewlineSurviveFixing() throws {
        let (result, output) = try run(Array("the Amoy sellers.\r\n\r\nit rained all day".utf8), chunkSize: 1 << 20, blockSize: 4)
        #expect(String(decoding: output, as: UTF8.self) == "The Taobao sellers.\r\n\r\nIt rained all day")
        #expect(!result.endsWithNewline)
    }
}
