import Testing
import Foundation
@testable import TranslintKit

/// Name evidence built only for the words checks ask about (the first words of sentences) answers exactly as
/// evidence built for every word, for each word it says it answers for.
struct NameEvidenceTests {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0]

    static let texts: [String] = {
        let samples = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/samples")) ?? []
        let read = samples.filter { $0.hasSuffix(".txt") }.sorted().compactMap { try? String(contentsOfFile: "\(root)/samples/\($0)", encoding: .utf8) }
        return read + [
            "make(1) builds it. make never stops. Run `make` or $ make all.\nmake [options] target\n",
            "debuginfod is packaged. debuginfod serves files. Debuginfod is not capitalized here.\n",
            "chmod changes modes. chmod changes modes. Use libjpeg_turbo, libjpeg/SIMD, x.so and --umask.\n",
            "the the start. THE end. The one.\n\nAS(1)\n\nas is the assembler. as as well.\n",
        ]
    }()

    @Test("evidence for the first words of sentences equals evidence for every word", arguments: texts.indices)
    func restrictedEqualsFull(index: Int) {
        let bytes = Array(Self.texts[index].utf8)
        bytes.withUnsafeBufferPointer { text in
            let glossary = ExampleGlossary.glossary
            let context = LintContext(text: text, glossary: glossary, matcher: TermMatcher(glossary: glossary), locale: "en",
                                      sentenceSegmenter: Segmenter(lazy: .sentence, locale: "en@ss=standard", failure: "ICU"),
                                      wordSegmenter: Segmenter(lazy: .word, locale: "en", failure: "ICU"))
            let starts = LintContext.wordStarts(after: context.sentenceStarts, in: text)
            let terms = context.termMatches.map(\.range)
            let full = NameEvidence(text, sentenceWordStarts: starts, terms: terms)
            let restricted = NameEvidence(text, sentenceWordStarts: starts, terms: terms, askedAbout: starts)
            var words = Set<String>()
            var i = 0
            while i < text.count {
                guard CharacterClass.isASCIIAlnum(text[i]) else { i += 1; continue }
                let start = i
                while i < text.count && CharacterClass.isASCIIAlnum(text[i]) { i += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
                words.formUnion([word, word.lowercased(), word.capitalized])
            }
            var answered = 0
            for word in words.sorted() where restricted.answers(word) {
                answered += 1
                #expect(restricted.isName(word) == full.isName(word), "isName(\(word))")
                #expect(restricted.isManualPage(word) == full.isManualPage(word), "isManualPage(\(word))")
                #expect(restricted.occursOnlyInLowercase(word) == full.occursOnlyInLowercase(word), "occursOnlyInLowercase(\(word))")
            }
            // The first words of sentences are answered for: the restricted evidence is used.
            for start in starts where start < text.count && CharacterClass.isASCIIAlnum(text[start]) {
                var end = start
                while end < text.count && CharacterClass.isASCIIAlnum(text[end]) { end += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                #expect(restricted.answers(word) && restricted.answers(word.lowercased()), "\(word) at \(start)")
            }
            // A text in Chinese may have no first word in ASCII to compare on.
            #expect(answered > 0 || !starts.contains { $0 < text.count && CharacterClass.isASCIILetter(text[$0]) })
        }
    }
}
