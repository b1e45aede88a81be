/// Where a sentence starts, as the checks see it.
public struct SentenceStart: Hashable, Sendable {
    /// The sentence's first character that is not white space.
    public var offset: Int
    /// The first letter or digit after opening quotes and brackets, or nil when the sentence starts with something else.
    public var wordStart: Int?
    public var isParagraphStart: Bool
    /// A paragraph that follows one ending in a colon (`as follows:` then a list): lowercase is fine there.
    public var followsColon: Bool
}

/// Finds sentence starts in machine-translated text.
///
/// ICU's sentence break (UAX #29, with `ss=standard` abbreviation suppressions) never breaks
/// before a lowercase word (`grew. the price` is one ICU sentence), and a lowercase start after a
/// full stop is exactly what machine translation produces. So the starts are the union of:
/// paragraph starts, ICU boundaries, and a terminal `.`/`!`/`?` followed by closing marks, white
/// space and a word, unless the full stop ends an abbreviation (`e.g.`, `Mr.`, `Co., Ltd.`),
/// an ellipsis, or a list enumerator (`iv.`).
enum SentenceStarts {
    static func find(in text: UnsafeBufferPointer<UInt8>, paragraphs: [ByteRange], segmenter: Segmenter?) -> [SentenceStart] {
        var starts: [Int: SentenceStart] = [:]
        func add(_ offset: Int, paragraph: Bool, followsColon: Bool = false) {
            guard offset < text.count else { return }
            if let existing = starts[offset], existing.isParagraphStart || !paragraph { return }
            starts[offset] = SentenceStart(offset: offset, wordStart: wordStart(text, at: offset),
                                           isParagraphStart: paragraph, followsColon: followsColon)
        }

        for (index, paragraph) in paragraphs.enumerated() {
            let colon = index > 0 && lastNonSpace(text, before: paragraphs[index - 1].end) == 0x3A
            add(paragraph.start, paragraph: true, followsColon: colon)
        }

        if let segmenter {
            var paragraphIndex = 0
            for boundary in segmenter.boundaries(text, joinLines: true) {
                let start = skipSpace(text, from: boundary)
                while paragraphIndex < paragraphs.count && paragraphs[paragraphIndex].end <= start { paragraphIndex += 1 }
                guard paragraphIndex < paragraphs.count, paragraphs[paragraphIndex].contains(start) else { continue }
                if start == paragraphs[paragraphIndex].start || endsInQuotedQuestion(text, before: start) { continue }
                add(start, paragraph: false)
            }
        }

        for paragraph in paragraphs {
            var i = paragraph.start
            while i < paragraph.end {
                let byte = text[i]
                if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                    if let start = startAfterSpacedTerminal(text, at: i, paragraph: paragraph) { add(start, paragraph: false) }
                    i += 1
                } else if byte >= 0xE3 && byte <= 0xEF {
                    let (scalar, length) = UTF8Bytes.decode(text, at: i)
                    if CharacterClass.isUnspacedTerminal(scalar) {
                        var j = i + length
                        while j < paragraph.end {
                            let (closing, closingLength) = UTF8Bytes.decode(text, at: j)
                            guard CharacterClass.isClosing(closing) else { break }
                            j += closingLength
                        }
                        let start = skipSpace(text, from: j)
                        if start < paragraph.end { add(start, paragraph: false) }
                    }
                    i += length
                } else {
                    i += 1
                }
            }
        }
        return starts.values.sorted { $0.offset < $1.offset }
    }

    /// Paragraphs: runs of lines that are not blank, trimmed of white space.
    static func paragraphs(in text: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var result: [ByteRange] = []
        var lineStart = 0
        var paragraphStart: Int? = nil
        var paragraphEnd = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd && isSpaceByte(text[first]) { first += 1 }
            if first < lineEnd {
                var last = lineEnd
                while last > first && isSpaceByte(text[last - 1]) { last -= 1 }
                if paragraphStart == nil { paragraphStart = first }
                paragraphEnd = last
            } else if let start = paragraphStart {
                result.append(ByteRange(start, paragraphEnd))
                paragraphStart = nil
            }
            lineStart = lineEnd + 1
        }
        if let start = paragraphStart { result.append(ByteRange(start, paragraphEnd)) }
        return result
    }

    // MARK: - Pieces

    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }

    /// The first offset at or after `offset` that is not white space (ASCII, no-break space or ideographic space).
    static func skipSpace(_ text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var i = offset
        while i < text.count {
            let b = text[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b >= 0x80 {
                let (scalar, length) = UTF8Bytes.decode(text, at: i)
                if CharacterClass.isWhitespace(scalar) || scalar == 0xFEFF { i += length; continue }
            }
            break
        }
        return i
    }

    static func lastNonSpace(_ text: UnsafeBufferPointer<UInt8>, before offset: Int) -> UInt8? {
        var i = offset - 1
        while i >= 0 && (isSpaceByte(text[i]) || text[i] == 0x0A) { i -= 1 }
        return i >= 0 ? text[i] : nil
    }

    /// The first word after opening quotes and brackets at `offset`, if the sentence starts with one.
    static func wordStart(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        var i = offset
        while i < text.count {
            let (scalar, length) = UTF8Bytes.decode(text, at: i)
            if CharacterClass.isOpening(scalar) { i += length; continue }
            return CharacterClass.isAlnum(scalar) ? i : nil
        }
        return nil
    }

    /// `He asked "why?" and left`: a question or exclamation inside closing quotes does not end the sentence around it.
    private static func endsInQuotedQuestion(_ text: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        var i = offset
        while i > 0 && (isSpaceByte(text[i - 1]) || text[i - 1] == 0x0A) { i -= 1 }
        var sawClosing = false
        while i > 0 {
            let (scalar, length) = UTF8Bytes.decode(text, before: i)
            guard CharacterClass.isClosing(scalar) && scalar != 0x29 && scalar != 0x5D else { break }
            sawClosing = true
            i -= length
        }
        guard sawClosing, i > 0 else { return false }
        let previous = text[i - 1]
        return previous == 0x3F || previous == 0x21
    }

    /// The start of the next sentence after the `.`, `!` or `?` at `index`, or nil when it does not end a sentence.
    private static func startAfterSpacedTerminal(_ text: UnsafeBufferPointer<UInt8>, at index: Int, paragraph: ByteRange) -> Int? {
        let terminal = text[index]
        // An ellipsis, or a run like "?!" or "...", is judged at its last character.
        if index + 1 < paragraph.end, text[index + 1] == 0x2E || text[index + 1] == 0x21 || text[index + 1] == 0x3F { return nil }
        if terminal == 0x2E && index > paragraph.start && text[index - 1] == 0x2E { return nil }
        var j = index + 1
        var closed = false
        while j < paragraph.end {
            let (scalar, length) = UTF8Bytes.decode(text, at: j)
            guard CharacterClass.isClosing(scalar) else { break }
            closed = true
            j += length
        }
        guard j < paragraph.end, isSpaceByte(text[j]) || text[j] == 0x0A || text[j] >= 0x80 && CharacterClass.isWhitespace(UTF8Bytes.decode(text, at: j).scalar) else { return nil }
        let start = skipSpace(text, from: j)
        guard start < paragraph.end else { return nil }
        if terminal != 0x2E && closed && (text[j - 1] == 0x22 || text[j - 1] >= 0x80) { return nil } // "why?" and…
        if terminal == 0x2E && endsAbbreviation(text, period: index, paragraphStart: paragraph.start) { return nil }
        return start
    }

    /// Abbreviations after which a full stop does not end a sentence. Lowercased, without the final period.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "cf", "al", "approx",
        "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "sec", "art", "co", "corp", "inc", "ltd",
        "dept", "est", "gov", "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "ph.d",
        "op", "ed", "eds", "rev", "gen", "col", "capt", "lt", "sgt", "hon", "ave", "blvd", "rd", "no", "tel", "ext",
    ]

    /// Whether the period at `period` ends an abbreviation, an initial, or a list enumerator.
    private static func endsAbbreviation(_ text: UnsafeBufferPointer<UInt8>, period: Int, paragraphStart: Int) -> Bool {
        var start = period
        while start > paragraphStart {
            let b = text[start - 1]
            if CharacterClass.isASCIIAlnum(b) || b == 0x2E { start -= 1; continue }
            if b >= 0x80 {
                let (scalar, length) = UTF8Bytes.decode(text, before: start)
                if CharacterClass.isLetter(scalar) { start -= length; continue }
            }
            break
        }
        guard start < period else { return false }
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<period]), as: UTF8.self)
        let lower = token.lowercased()
        if abbreviations.contains(lower) { return true }
        if token.unicodeScalars.count == 1 && CharacterClass.isLetter(token.unicodeScalars.first!.value) { return true } // an initial: "J. doe"
        if token.contains(".") { return true }                                                                       // "U.S.", "e.g."
        // A list enumerator at the start of its paragraph or sentence: "iv. the second".
        if isEnumerator(token), SentenceStarts.skipSpace(text, from: paragraphStart) == start || precededByTerminal(text, start) { return true }
        return false
    }

    private static func precededByTerminal(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        guard let previous = lastNonSpace(text, before: offset) else { return true }
        return previous == 0x2E || previous == 0x21 || previous == 0x3F || previous == 0x3A
    }

    /// `a`, `b`, `iv`, `12`: what numbers list items.
    static func isEnumerator(_ token: String) -> Bool {
        let lower = token.lowercased()
        if lower.count == 1, let c = lower.first, c.isLetter || c.isNumber { return true }
        if lower.allSatisfy(\.isNumber) && lower.count <= 3 { return true }
        return romanNumerals.contains(lower)
    }

    static let romanNumerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]
}
