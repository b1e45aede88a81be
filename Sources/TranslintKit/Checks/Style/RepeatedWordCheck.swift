/// The same word twice in a row. The finding covers the space and the second word, which the fix removes,
/// so that it never overlaps a fix of the first word (a sentence start's capital).
public struct RepeatedWordCheck: Check {
    public static let description = CheckDescription(
        id: "repeated-word",
        name: "Repeated word",
        summary: "The same word twice in a row (`the the`).",
        rationale: """
        A doubled word is almost always a slip. Words compare case-insensitively across spaces and one line \
        break. Left alone: numbers, and doubles that English uses on purpose (`had had`, `that that`).
        """,
        defaultSeverity: .warning,
        isFixable: true,
        nonTriggering: [
            "The price of the item.",
            "He had had enough.",
            "She said that that was fine.",
            "It cost 10 10 times.",
            "Bye bye, Taobao.",
            "Blah. Blah.",
        ],
        triggering: [
            "It is the↓ the best.",
            "The↓ the market grew.",
            "It is in↓\nin the box.",
        ],
        corrections: [
            CheckCorrection("It is the the best.", "It is the best."),
            CheckCorrection("The the market grew.", "The market grew."),
            CheckCorrection("the the market grew.", "the market grew."),
            CheckCorrection("Prices rose rose.", "Prices rose."),
        ]
    )

    /// Doubles that are grammatical in English.
    static let allowed: Set<String> = ["had", "that", "is", "bye", "ha", "no", "yeah", "very", "so", "tsk", "knock", "hush", "chop", "tut"]

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        let text = context.text
        for paragraph in context.paragraphs {
            var previous: ByteRange?
            var i = paragraph.start
            while i < paragraph.end {
                let byte = text[i]
                let isLetter: Bool
                var length = 1
                if byte < 0x80 { isLetter = CharacterClass.isASCIILetter(byte) } else {
                    let decoded = UTF8Bytes.decode(text, at: i)
                    length = decoded.length
                    isLetter = CharacterClass.isLetter(decoded.scalar) && !CharacterClass.isUnspacedScript(decoded.scalar)
                }
                guard isLetter else {
                    // Anything but white space between two words breaks the pair.
                    if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) { previous = nil }
                    else if byte == 0x0A, let p = previous, text[p.end..<i].contains(0x0A) { previous = nil }
                    i += length
                    continue
                }
                let word = wordRange(text, from: i, limit: paragraph.end)
                if word.end < paragraph.end && (CharacterClass.isASCIIDigit(text[word.end]) || text[word.end] == 0x27 || text[word.end] == 0x2D) {
                    previous = nil   // part of a larger token: x86, it's, e-mail
                } else if let p = previous, sameWord(p, word, context) {
                    let first = context.string(p)
                    if !Self.allowed.contains(first.lowercased()) {
                        findings.append(.repeated(first, range: ByteRange(p.end, word.end)))
                    }
                    previous = nil
                } else {
                    previous = (i > paragraph.start && (CharacterClass.isASCIIDigit(text[i - 1]) || text[i - 1] == 0x27 || text[i - 1] == 0x2D)) ? nil : word
                }
                i = word.end
            }
        }
        return findings
    }

    private func wordRange(_ text: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> ByteRange {
        var end = start
        while end < limit {
            let byte = text[end]
            if byte < 0x80 {
                guard CharacterClass.isASCIILetter(byte) else { break }
                end += 1
            } else {
                let (scalar, length) = UTF8Bytes.decode(text, at: end)
                guard CharacterClass.isLetter(scalar) && !CharacterClass.isUnspacedScript(scalar) else { break }
                end += length
            }
        }
        return ByteRange(start, end)
    }

    private func sameWord(_ a: ByteRange, _ b: ByteRange, _ context: LintContext) -> Bool {
        guard a.length == b.length || context.text[a.start] >= 0x80 || context.text[b.start] >= 0x80 else { return false }
        return CaseMapping.fold(context.string(a)) == CaseMapping.fold(context.string(b))
    }
}

extension Finding {
    fileprivate static func repeated(_ word: String, range: ByteRange) -> Finding {
        Finding(rule: RepeatedWordCheck.description.id, severity: RepeatedWordCheck.description.defaultSeverity,
                message: "remove the repeated word '\(word)'",
                replacing: range, with: "", title: "Remove the second '\(word)'")
    }
}
