import Testing
@testable import TranslintKit
import TranslintTestSupport

@Suite("LineIndex")
struct LineIndexTests {
    /// The column of an offset is 1 + the scalars between its line's start and it, for every offset of texts with
    /// multi-byte scalars, CRLF and lines longer than the index's checkpoint stride.
    @Test("columns agree with a plain count on long multi-byte lines", arguments: [0, 1, 255, 256, 257, 4_099])
    func columnsAgree(length: Int) {
        let pieces = ["a", "é", "淘", "😀", " ", "\r\n", "\n", "x"]
        var generator = SplitMix64(seed: UInt64(length) &+ 7)
        var text = ""
        while text.utf8.count < length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        var line = 1, column = 1
        for offset in 0...bytes.count {
            if offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                let got = index.location(of: offset)
                #expect(got.line == line && got.column == column, "offset \(offset)")
            }
            guard offset < bytes.count else { break }
            if bytes[offset] == 0x0A { line += 1; column = 1 } else if bytes[offset] & 0xC0 != 0x80 { column += 1 }
        }
    }

    @Test("thousands of findings on one 52 KB line are all placed, each at its own column")
    func manyFindingsOnOneLine() throws {
        let text = String(repeating: "We use Amoy. ", count: 4_000)
        let result = try LintEngine(glossary: ExampleGlossary.glossary).run(text, fixes: .none).result
        let columns = result.findings.filter { $0.finding.rule == "mistranslation" }.map(\.column)
        #expect(columns.count == 4_000)
        #expect(columns.first == 8)
        #expect(columns.last == 8 + 13 * 3_999)
    }
}
