import Testing
@testable import TranslintKit
import TranslintTestSupport

/// The word-at-a-time scans (line breaks, scalar counts, links, terminals) against plain byte loops, through what
/// they serve: the validator's error position, line starts, links and sentence starts.
@Suite("ByteScan")
struct ByteScanTests {
    /// Random texts of ASCII, multi-byte scalars, line breaks and the bytes the scans look for, at every alignment.
    private static func texts(count: Int, seed: UInt64) -> [[UInt8]] {
        let pieces = ["a", "w", "W", "é", "淘", "😀", " ", "\n", "\r\n", ".", "!", "?", ":", "@", "://", "www.", "x@y.z", "。", "\u{2028}", "A"]
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % 80)
            var text = ""
            for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            return Array(text.utf8)
        }
    }

    @Test("counts, first and last indexes agree with byte loops")
    func scansAgree() {
        for bytes in Self.texts(count: 2_000, seed: 11) {
            bytes.withUnsafeBufferPointer { buffer in
                for from in 0...min(bytes.count, 9) {
                    let to = bytes.count
                    let slice = bytes[from..<to]
                    #expect(ByteScan.count(of: 0x0A, in: buffer, from: from, to: to) == slice.filter { $0 == 0x0A }.count)
                    #expect(ByteScan.continuationCount(in: buffer, from: from, to: to) == slice.filter { $0 & 0xC0 == 0x80 }.count)
                    #expect(ByteScan.firstIndex(of: 0x0A, in: buffer, from: from, to: to) == (slice.firstIndex(of: 0x0A) ?? to))
                    #expect(ByteScan.lastIndex(of: 0x0A, in: buffer, from: from, to: to) == slice.lastIndex(of: 0x0A))
                }
            }
        }
    }

    /// The scans read eight bytes at a time from wherever they are, so a bug shows as a result that depends on
    /// alignment: the same text after k spaces must give the same links, paragraphs and sentence starts, k bytes on.
    @Test("links, paragraphs and sentence starts do not depend on alignment")
    func alignmentInvariance() {
        for bytes in Self.texts(count: 1_000, seed: 13) {
            let reference = bytes.withUnsafeBufferPointer { buffer in
                let paragraphs = SentenceStarts.paragraphs(in: buffer)
                return (LinkDetector.links(in: buffer), paragraphs,
                        SentenceStarts.find(in: buffer, paragraphs: paragraphs, segmenter: nil))
            }
            for k in 1...9 {
                let shifted = [UInt8](repeating: 0x20, count: k) + bytes
                shifted.withUnsafeBufferPointer { buffer in
                    let paragraphs = SentenceStarts.paragraphs(in: buffer)
                    #expect(LinkDetector.links(in: buffer) == reference.0.map { $0.shifted(by: k) })
                    #expect(paragraphs == reference.1.map { $0.shifted(by: k) })
                    let starts = SentenceStarts.find(in: buffer, paragraphs: paragraphs, segmenter: nil)
                    #expect(starts.map(\.offset) == reference.2.map { $0.offset + k })
                    #expect(starts.map { $0.wordStart.map { $0 - k } } == reference.2.map(\.wordStart))
                }
            }
        }
    }
}
