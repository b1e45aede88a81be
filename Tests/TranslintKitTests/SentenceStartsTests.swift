import Testing
@testable import TranslintKit

struct SentenceStartsTests {
    static let texts = [
        "Prices grew. the market fell! why? nobody knows.",
        "what?the answer!(see below) then... ; more",
        "The value is $.; then\n\tnext;\n\t}",
        "  6. ;\"<TAB> fields. See \"‐\" marks",
        "He asked “why?” and left. “Really!” she said.",
        "e.g. the report. Mr. smith agreed. No. 5 is fine.",
        "价格上涨。prices rose！then fell？ok",
        "Say «hi!» then go. It costs 3.5 dollars. x.y is a name.",
        "ग्राहक आए। then they left",
        "one\u{2028}two\u{85}three",
    ]

    private func starts(_ text: String, alwaysUseICU: Bool) -> [SentenceStart] {
        let bytes = Array(text.utf8)
        let segmenter = Segmenter(.sentence, locale: "en@ss=standard")
        return bytes.withUnsafeBufferPointer { buffer in
            SentenceStarts.find(in: buffer, paragraphs: SentenceStarts.paragraphs(in: buffer), segmenter: segmenter, alwaysUseICU: alwaysUseICU)
        }
    }

    @Test("consulting ICU only where it can add a start gives the same starts as consulting it everywhere", arguments: texts)
    func gatingIsInvisible(text: String) throws {
        #expect(starts(text, alwaysUseICU: false) == starts(text, alwaysUseICU: true))
    }

    @Test func startsAfterTerminalsButNotAfterAbbreviations() throws {
        let text = "Prices grew. the market fell. e.g. the report. Mr. smith agreed."
        let words = starts(text, alwaysUseICU: false).compactMap(\.wordStart).map { offset in
            String(text.utf8.dropFirst(offset).prefix { $0 != 0x20 }.map { Character(Unicode.Scalar($0)) })
        }
        #expect(words == ["Prices", "the", "e.g.", "Mr."])
    }
}
