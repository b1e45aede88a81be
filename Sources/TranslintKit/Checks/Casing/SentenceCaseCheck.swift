/// A sentence whose first word starts with a lowercase letter.
public struct SentenceCaseCheck: Check {
    public static let description = CheckDescription(
        id: "sentence-case",
        name: "Sentence case",
        summary: "A sentence that starts with a lowercase letter.",
        rationale: """
        Machine translation often drops the capital at a sentence start. Sentences start at paragraph starts, \
        at ICU sentence boundaries, and after `.`, `!` or `?` plus white space unless the full stop ends an \
        abbreviation (`e.g.`, `Mr.`, `Co., Ltd.`). The check looks past opening quotes and brackets and \
        upper-cases with the target language's rules. Not flagged: words with an inner capital or a digit \
        (`iPhone`, `x86`), glossary terms whose lowercase form is enforced, list enumerators (`a)`, `iv.`), \
        URLs and e-mail addresses, and a paragraph after one that ends with a colon.
        """,
        defaultSeverity: .warning,
        isFixable: true,
        mqmCategory: .linguisticConventions,
        mqmSeverity: .minor,
        nonTriggering: [
            CheckExample("Prices rose. They fell again."),
            CheckExample("iPhone sales grew. eBay did not."),
            CheckExample("x86 chips are common."),
            CheckExample("See e.g. the report. Mr. smith agreed."),
            CheckExample("Alibaba Co., Ltd. said so."),
            CheckExample("a) first item\n\nb) second item"),
            CheckExample("iv. the fourth point"),
            CheckExample("The steps are as follows:\n\nfirst, open the file."),
            CheckExample("http://example.com is the site."),
            CheckExample("npm is a package manager."),
            CheckExample("He asked “why?” and left."),
            CheckExample("Wait... then it rained."),
        ],
        triggering: [
            CheckExample("↓yesterday (July 31st), sources said so."),
            CheckExample("Prices grew. ↓the market fell."),
            CheckExample("“↓we also see that,” he said."),
            CheckExample("\"↓we also see that.\""),
            CheckExample("Really? ↓yes."),
            CheckExample("First line.\n\n↓second paragraph here."),
            CheckExample("He left. (↓then he came back.)"),
            CheckExample("价格上涨。↓prices rose."),
        ],
        corrections: [
            CheckCorrection("yesterday (July 31st), sources said.", "Yesterday (July 31st), sources said."),
            CheckCorrection("Prices grew. the market fell.", "Prices grew. The market fell."),
            CheckCorrection("\"we also see that.\"", "\"We also see that.\""),
            CheckCorrection("It rained.\r\n\r\nthen it stopped.", "It rained.\r\n\r\nThen it stopped."),
            CheckCorrection("éclairs sold out.", "Éclairs sold out."),
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.sentenceStarts.compactMap { start in
            guard let word = start.wordStart, !start.followsColon else { return nil }
            return SentenceCasing.capitalization(ofWordAt: word, context: context).map { edit in
                .lowercaseStart(word: context.string(context.word(at: word)), edit: edit)
            }
        }
    }
}

/// Whether and how the first word of a sentence must be capitalized; shared by the checks that start sentences.
enum SentenceCasing {
    /// The edit that capitalizes the word at `offset`, or nil when it is fine as it is or must stay as written.
    static func capitalization(ofWordAt offset: Int, context: LintContext) -> TextEdit? {
        let (first, firstLength) = UTF8Bytes.decode(context.text, at: offset)
        guard CharacterClass.isLowercase(first) else { return nil }
        let word = context.word(at: offset)
        let letters = context.string(word).unicodeScalars
        // iPhone, eBay, x86: the lowercase start is part of the name.
        if letters.dropFirst().contains(where: { CharacterClass.isUppercase($0.value) || CharacterClass.isDigit($0.value) }) { return nil }
        if isEnumerator(word, context: context) { return nil }
        if context.isInLink(ByteRange(offset, max(word.end, offset + 1))) { return nil }
        if let match = context.termMatch(startingAt: offset) {
            // The glossary checks own this word: a forbidden rendering is replaced (capitalized there), and an
            // entry with enforced case says how the term is written.
            if case .forbidden = match.role { return nil }
            if context.glossary.entries[match.entry].enforcesCase { return nil }
        }
        let firstText = String(decoding: UnsafeBufferPointer(rebasing: context.text[offset..<offset + firstLength]), as: UTF8.self)
        return TextEdit(range: ByteRange(offset, offset + firstLength),
                        replacement: CaseMapping.capitalizingFirst(firstText, locale: context.locale))
    }

    /// `a)`, `(b)`, `iv.`: a list enumerator rather than a word.
    private static func isEnumerator(_ word: ByteRange, context: LintContext) -> Bool {
        guard word.end < context.text.count else { return false }
        let next = context.text[word.end]
        guard next == 0x29 || next == 0x2E else { return false }
        return SentenceStarts.isEnumerator(context.string(word))
    }
}

extension Finding {
    fileprivate static func lowercaseStart(word: String, edit: TextEdit) -> Finding {
        let capitalized = edit.replacement + String(word.unicodeScalars.dropFirst())
        return Finding(rule: SentenceCaseCheck.description.id, severity: SentenceCaseCheck.description.defaultSeverity,
                       message: "start the sentence with a capital letter: '\(capitalized)'",
                       range: edit.range, fix: Fix(title: "Capitalize '\(word)'", edits: [edit]))
    }
}
