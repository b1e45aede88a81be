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
    /// `listItems`: paragraph starts that are list items; a list that follows a colon may start each item in lowercase.
    static func find(in text: UnsafeBufferPointer<UInt8>, paragraphs: [ByteRange], segmenter: Segmenter?,
                     alwaysUseICU: Bool = false, listItems: Set<Int> = []) -> [SentenceStart] {
        var starts: [SentenceStart] = []
        func add(_ offset: Int, paragraph: Bool, followsColon: Bool = false) {
            guard offset < text.count else { return }
            starts.append(SentenceStart(offset: offset, wordStart: wordStart(text, at: offset),
                                        isParagraphStart: paragraph, followsColon: followsColon))
        }

        for (index, paragraph) in paragraphs.enumerated() {
            var previous = index - 1
            if listItems.contains(paragraph.start) {
                while previous >= 0 && listItems.contains(paragraphs[previous].start) { previous -= 1 }
            }
            let colon = previous >= 0 && lastNonSpace(text, before: paragraphs[previous].end) == 0x3A
            add(paragraph.start, paragraph: true, followsColon: colon)
            if let item = startAfterCommaEnumerator(text, from: paragraph.start, paragraph: paragraph) { add(item, paragraph: false) }
            for quote in quotedSpeechStarts(text, paragraph: paragraph) { add(quote, paragraph: false) }
            // Points numbered the same way on the lines that follow, each after a line that ended a sentence.
            var line = ByteScan.firstIndex(of: 0x0A, in: text, from: paragraph.start, to: paragraph.end)
            while line < paragraph.end {
                let next = skipSpace(text, from: line + 1)
                if next < paragraph.end, CharacterClass.isASCIIDigit(text[next]), let last = lastNonSpace(text, before: line),
                   last == 0x2E || last == 0x3A || last == 0x3B || last >= 0x80,
                   let item = startAfterCommaEnumerator(text, from: next, paragraph: paragraph) { add(item, paragraph: false) }
                line = ByteScan.firstIndex(of: 0x0A, in: text, from: line + 1, to: paragraph.end)
            }
        }

        if let segmenter {
            for paragraph in paragraphs where alwaysUseICU || icuMayAddStarts(text, paragraph) {
                let slice = UnsafeBufferPointer(rebasing: text[paragraph.start..<paragraph.end])
                // A boundary inside the white space the last one skipped gives the same start: skipped, so that a
                // run of separators (ICU breaks after every bare CR) is walked once, not once per boundary.
                var skippedTo = paragraph.start
                for boundary in segmenter.boundaries(slice, joinLines: true).dropFirst() {
                    guard paragraph.start + boundary >= skippedTo else { continue }
                    let start = skipSpace(text, from: paragraph.start + boundary)
                    skippedTo = start
                    guard start < paragraph.end, !endsInQuotedQuestion(text, before: start),
                          !ownRulesDecide(text, start: start, paragraph: paragraph) else { continue }
                    add(start, paragraph: false)
                }
            }
        }

        for paragraph in paragraphs {
            var i = paragraph.start
            while i < paragraph.end {
                if i + 8 <= paragraph.end {
                    let marks = terminalMarks(text, at: i)
                    if marks == 0 { i += 8; continue }
                    i += marks.trailingZeroBitCount >> 3
                }
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
        // `(theoretical?) stack`: a question or exclamation inside brackets ends no sentence, whatever ICU says.
        starts.removeAll { start in
            guard !start.isParagraphStart else { return false }
            var k = start.offset
            while k > 0 && (isSpaceByte(text[k - 1]) || text[k - 1] == 0x0A) { k -= 1 }
            guard k >= 2, text[k - 1] == 0x29 || text[k - 1] == 0x5D else { return false }
            return text[k - 2] == 0x3F || text[k - 2] == 0x21
        }
        // One start per offset; a paragraph start wins over the same offset found by another rule.
        starts.sort { $0.offset != $1.offset ? $0.offset < $1.offset : ($0.isParagraphStart && !$1.isParagraphStart) }
        var unique: [SentenceStart] = []
        unique.reserveCapacity(starts.count)
        for start in starts where unique.last?.offset != start.offset { unique.append(start) }
        return unique
    }

    /// Paragraphs cut further where a document's blocks start (Markdown headings, list items, table cells),
    /// each trimmed of white space.
    static func paragraphs(in text: UnsafeBufferPointer<UInt8>, splitAt blockStarts: [Int]) -> [ByteRange] {
        let paragraphs = paragraphs(in: text)
        guard !blockStarts.isEmpty else { return paragraphs }
        var result: [ByteRange] = []
        var next = 0
        for paragraph in paragraphs {
            while next < blockStarts.count && blockStarts[next] <= paragraph.start { next += 1 }
            var start = paragraph.start
            while next < blockStarts.count && blockStarts[next] < paragraph.end {
                appendTrimmed(text, ByteRange(start, blockStarts[next]), to: &result)
                start = blockStarts[next]
                next += 1
            }
            appendTrimmed(text, ByteRange(start, paragraph.end), to: &result)
        }
        return result
    }

    private static func appendTrimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: ByteRange, to result: inout [ByteRange]) {
        var start = range.start, end = range.end
        while start < end && (isSpaceByte(text[start]) || text[start] == 0x0A) { start += 1 }
        while end > start && (isSpaceByte(text[end - 1]) || text[end - 1] == 0x0A) { end -= 1 }
        if start < end { result.append(ByteRange(start, end)) }
    }

    /// Paragraphs: runs of lines that are not blank, trimmed of white space.
    static func paragraphs(in text: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var result: [ByteRange] = []
        var lineStart = 0
        var paragraphStart: Int? = nil
        var paragraphEnd = 0
        while lineStart < text.count {
            let lineEnd = ByteScan.firstIndex(of: 0x0A, in: text, from: lineStart, to: text.count)
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

    /// Whether the rules here decide alone on a start at `start`: a letter, digit or opening bracket after `.`, `!`
    /// or `?` (and closing quotes or brackets) and white space. ICU's word there is not taken, so a paragraph gets
    /// the same starts whether or not something else in it sent it to ICU: a fix elsewhere in the paragraph (a
    /// stray `, ` removed) then changes no start, and a second `--fix` finds nothing the first left (`RD. New`
    /// is a start to ICU, an abbreviation here).
    static func ownRulesDecide(_ text: UnsafeBufferPointer<UInt8>, start: Int, paragraph: ByteRange) -> Bool {
        let first = text[start]
        guard first < 0x80, CharacterClass.isASCIIAlnum(first) || CharacterClass.isOpening(UInt32(first)) else { return false }
        var k = start
        var spaced = false
        while k > paragraph.start && (isSpaceByte(text[k - 1]) || text[k - 1] == 0x0A) { k -= 1; spaced = true }
        guard spaced else { return false }
        while k > paragraph.start && ByteSet.closers.contains(text[k - 1]) { k -= 1 }
        guard k > paragraph.start else { return false }
        let terminal = text[k - 1]
        return terminal == 0x2E || terminal == 0x21 || terminal == 0x3F
    }

    /// Whether ICU's sentence break may find a start in `paragraph` that the rules here do not.
    ///
    /// The rules here decide every terminal followed by white space and a word. Inside a paragraph (single line breaks
    /// read as spaces) UAX #29 breaks only after a terminal, so ICU can add a start only after one that is
    /// not followed by white space: `what?the` (STerm breaks before anything, SB11), `$.;` or `(...);`
    /// (ATerm breaks before `;` when no lowercase word follows, SB8), `!](x`. After a full stop followed by
    /// a letter or digit ICU breaks only before an uppercase word after a non-letter (`3.The`), which no
    /// check flags. Other scripts have terminals of their own: any non-ASCII STerm, ATerm or Sep character
    /// sends the paragraph to ICU. Skipping ICU elsewhere is most of the cost of sentence segmentation on English text; a test
    /// checks that it changes no finding on real text.
    static func icuMayAddStarts(_ text: UnsafeBufferPointer<UInt8>, _ paragraph: ByteRange) -> Bool {
        // A CR that no LF follows is a paragraph separator to UAX #29 (SB4) and white space to the rules here: ICU
        // decides such a paragraph whatever else it holds, so that a fix elsewhere in it (`. , grew` → `. Grew`)
        // cannot move its starts between the two readings (`\r\r\n` line ends).
        var cr = ByteScan.firstIndex(of: 0x0D, in: text, from: paragraph.start, to: paragraph.end)
        while cr < paragraph.end {
            if cr + 1 >= text.count || text[cr + 1] != 0x0A { return true }
            cr = ByteScan.firstIndex(of: 0x0D, in: text, from: cr + 2, to: paragraph.end)
        }
        var i = paragraph.start
        while i < paragraph.end {
            if i + 8 <= paragraph.end {
                let marks = terminalMarks(text, at: i)
                if marks == 0 { i += 8; continue }
                i += marks.trailingZeroBitCount >> 3
            }
            let byte = text[i]
            if byte >= 0x80 {
                let (scalar, length) = UTF8Bytes.decode(text, at: i)
                if CharacterClass.isSentenceTerminal(scalar) { return true }
                i += length
                continue
            }
            i += 1
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { continue }
            var j = i
            while j < paragraph.end && (text[j] == 0x22 || text[j] == 0x27 || text[j] == 0x29 || text[j] == 0x5D || text[j] == 0x7D) { j += 1 }
            guard j < paragraph.end else { return false }
            let next = text[j]
            if isSpaceByte(next) || next == 0x0A {
                // After white space ICU breaks before punctuation too (`... ;`, `6. ;`), where the rules here
                // may have declined the terminal (an ellipsis, an enumerator).
                let k = skipSpace(text, from: j)
                if k < paragraph.end && text[k] < 0x80 && !CharacterClass.isASCIIAlnum(text[k]) && !CharacterClass.isOpening(UInt32(text[k])) { return true }
                continue
            }
            if next == 0x2E || next == 0x21 || next == 0x3F { continue }
            if byte == 0x2E && j == i && CharacterClass.isASCIIAlnum(next) { continue }
            return true
        }
        return false
    }

    // MARK: - Pieces

    /// The high bit of each of the eight bytes at `i` that is `.`, `!`, `?` or not ASCII, and no other bit: the only
    /// bytes the scans for terminals act on, so the scans go straight to the first one (or past all eight).
    @inline(__always) static func terminalMarks(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        let word = ByteScan.load(text.baseAddress!, i)
        return ByteScan.zeroBytes(word ^ ByteScan.broadcast(0x2E)) | ByteScan.zeroBytes(word ^ ByteScan.broadcast(0x21))
            | ByteScan.zeroBytes(word ^ ByteScan.broadcast(0x3F)) | (word & 0x8080_8080_8080_8080)
    }

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

    /// `He asked "why?" and left`: a question or exclamation inside closing quotes does not end the sentence
    /// around it. True when the text before `offset` (past white space) is `?` or `!`, closing marks, and a
    /// closing quote last.
    static func endsInQuotedQuestion(_ text: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        var i = offset
        while i > 0 && (isSpaceByte(text[i - 1]) || text[i - 1] == 0x0A) { i -= 1 }
        guard i > 0 else { return false }
        let (last, _) = UTF8Bytes.decode(text, before: i)
        guard CharacterClass.isClosing(last), last != 0x29, last != 0x5D, last != 0x7D else { return false }
        while i > 0 {
            let (scalar, length) = UTF8Bytes.decode(text, before: i)
            guard CharacterClass.isClosing(scalar) else { break }
            i -= length
        }
        guard i > 0 else { return false }
        return text[i - 1] == 0x3F || text[i - 1] == 0x21
    }

    /// Whether the `}` at `brace` closes a regular expression's counted repetition: `{3}`, `{2,}`, `{1,5}`, and
    /// with metavariables `{n,m}` (not `{name}`, a placeholder).
    private static func isQuantifier(_ text: UnsafeBufferPointer<UInt8>, closingBrace brace: Int, from lower: Int) -> Bool {
        var open = brace - 1
        while open >= lower && brace - open <= 12 && text[open] != 0x7B { open -= 1 }
        guard open >= lower, text[open] == 0x7B else { return false }
        let parts = Array(text[(open + 1)..<brace]).split(separator: 0x2C, omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }) else { return false }
        func isDigits(_ p: ArraySlice<UInt8>) -> Bool { !p.isEmpty && p.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func isLetter(_ p: ArraySlice<UInt8>) -> Bool { p.count == 1 && CharacterClass.isASCIILetter(p[p.startIndex]) }
        return parts.count == 1 ? isDigits(parts[0]) : parts.allSatisfy { $0.isEmpty || isDigits($0) || isLetter($0) }
    }

    /// The start of the next sentence after the `.`, `!` or `?` at `index`, or nil when it does not end a sentence.
    private static func startAfterSpacedTerminal(_ text: UnsafeBufferPointer<UInt8>, at index: Int, paragraph: ByteRange) -> Int? {
        let terminal = text[index]
        // An ellipsis, or a run like "?!" or "...", is judged at its last character.
        if index + 1 < paragraph.end, text[index + 1] == 0x2E || text[index + 1] == 0x21 || text[index + 1] == 0x3F { return nil }
        if terminal == 0x2E && index > paragraph.start && text[index - 1] == 0x2E { return nil }
        // `$?`, `$!`: shell variables (`handle $? in scripts`), not the end of a sentence.
        if terminal != 0x2E && index > paragraph.start && text[index - 1] == 0x24 { return nil }
        // `{n,m}?`: a regular expression's lazy quantifier after a brace, not a question.
        if terminal == 0x3F && index > paragraph.start && text[index - 1] == 0x7D && isQuantifier(text, closingBrace: index - 1, from: paragraph.start) { return nil }
        // `(theoretical?) stack`, `(.)`, ` . passed`: a terminal right before a closing bracket, or right after an
        // opening bracket or white space, ends no sentence.
        if index + 1 < paragraph.end, text[index + 1] == 0x29 || text[index + 1] == 0x5D { return nil }
        if index > paragraph.start, ByteSet.openersAndSpace.contains(text[index - 1]) { return nil }
        // A quoted `.` or `!` is an argument, not the end of a sentence: `"scp host:* ."`, `the '!' form`.
        if index > paragraph.start, index + 1 < paragraph.end,
           ByteSet.quotes.contains(text[index - 1]) || (index > paragraph.start + 1 && text[index - 1] == 0x20 && ByteSet.straightQuotes.contains(text[index + 1])) {
            if ByteSet.quotes.contains(text[index + 1]) || text[index - 1] == 0x20 { return nil }
        }
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
        if terminal != 0x2E && closed && endsInQuotedQuestion(text, before: start) { return nil } // "why?" and…
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
        "eg", "ie", "viz", "resp", "incl", "esp", "cca", "approx", "ca",
        // Bibliographies: `Proc. Intl. Conf. on Acoustics`.
        "conf", "intl", "proc", "univ", "symp", "chap", "sect",
        // Changelogs and technical notes: `output autoconf req. on failure`, `min. value`, `max. size`.
        "req", "reqs", "min", "max", "impl",
    ]

    /// Whether the period at `period` ends an abbreviation, an initial, or a list enumerator.
    private static func endsAbbreviation(_ text: UnsafeBufferPointer<UInt8>, period: Int, paragraphStart: Int) -> Bool {
        var start = period
        var innerPeriod = false
        var ascii = true
        while start > paragraphStart {
            let b = text[start - 1]
            if CharacterClass.isASCIIAlnum(b) { start -= 1; continue }
            if b == 0x2E { innerPeriod = true; start -= 1; continue }
            if b >= 0x80 {
                let (scalar, length) = UTF8Bytes.decode(text, before: start)
                if CharacterClass.isLetter(scalar) { ascii = false; start -= length; continue }
            }
            break
        }
        guard start < period else { return false }
        if innerPeriod { return true }                                     // "U.S.", "e.g."
        let length = period - start
        if length == 1 && ascii { return CharacterClass.isASCIILetter(text[start]) || isEnumeratorAt(text, start, paragraphStart) }
        // Abbreviations and enumerators are short: a longer word ends a sentence, and needs no String.
        guard length <= 6 else { return false }
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<period]), as: UTF8.self)
        if token.unicodeScalars.count == 1 && CharacterClass.isLetter(token.unicodeScalars.first!.value) { return true } // an initial
        if abbreviations.contains(token.lowercased()) { return true }
        // A list enumerator at the start of its paragraph or sentence: "iv. the second".
        return isEnumerator(token) && isEnumeratorAt(text, start, paragraphStart)
    }

    private static func isEnumeratorAt(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ paragraphStart: Int) -> Bool {
        SentenceStarts.skipSpace(text, from: paragraphStart) == start || precededByTerminal(text, start)
    }

    private static func precededByTerminal(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        guard let previous = lastNonSpace(text, before: offset) else { return true }
        return previous == 0x2E || previous == 0x21 || previous == 0x3F || previous == 0x3A
    }

    /// The whitespace-separated token that ends right before `offset` (past white space), on the same line.
    static func previousToken(_ text: UnsafeBufferPointer<UInt8>, before offset: Int) -> String? {
        var end = offset
        while end > 0 && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        guard end > 0, text[end - 1] != 0x0A else { return nil }
        var start = end
        while start > 0 && end - start <= 6 && !isSpaceByte(text[start - 1]) && text[start - 1] != 0x0A { start -= 1 }
        guard end - start <= 6 else { return nil }
        // Only the first token of its line: an enumerator starts an item.
        var lineStart = start
        while lineStart > 0 && (text[lineStart - 1] == 0x20 || text[lineStart - 1] == 0x09) { lineStart -= 1 }
        guard lineStart == 0 || text[lineStart - 1] == 0x0A else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// `1, the United States…`, `2、a daily subsidy…`: Chinese numbers its points `1、`, and machine translation
    /// writes `1,`. The word after it starts a sentence (the check decides whether the evidence is enough).
    static func startAfterCommaEnumerator(_ text: UnsafeBufferPointer<UInt8>, from first: Int, paragraph: ByteRange) -> Int? {
        var i = first
        while i < paragraph.end && i - first < 2 && CharacterClass.isASCIIDigit(text[i]) { i += 1 }
        guard i > first, i < paragraph.end else { return nil }
        if text[i] == 0x2C {
            i += 1
            guard i < paragraph.end, text[i] == 0x20 else { return nil }
        } else {
            let (scalar, length) = UTF8Bytes.decode(text, at: i)
            guard scalar == 0x3001 || scalar == 0xFF0C else { return nil }
            i += length
        }
        let start = skipSpace(text, from: i)
        guard start < paragraph.end, CharacterClass.isASCIILetter(text[start]) else { return nil }
        return start
    }

    /// Verbs that introduce quoted speech: `He said: “there is no doubt…”` quotes a sentence, which starts with a
    /// capital. (`set it to: "auto"` quotes a value, and is not after one of these.)
    static let speechVerbs: Set<String> = ["said", "says", "say", "told", "asked", "stated", "states", "added", "explained",
                                           "noted", "wrote", "writes", "replied", "answered", "declared", "announced",
                                           "commented", "remarked", "emphasized", "stressed", "admitted", "believes", "believed"]

    /// The opening quotes of speech quoted after a speech verb and a colon (`Barra said: “may take…”`) that starts
    /// with a lowercase letter.
    static func quotedSpeechStarts(_ text: UnsafeBufferPointer<UInt8>, paragraph: ByteRange) -> [Int] {
        var starts: [Int] = []
        var colon = ByteScan.firstIndex(of: 0x3A, in: text, from: paragraph.start, to: paragraph.end)
        while colon < paragraph.end {
            defer { colon = ByteScan.firstIndex(of: 0x3A, in: text, from: colon + 1, to: paragraph.end) }
            var wordStart = colon
            while wordStart > paragraph.start && CharacterClass.isASCIILetter(text[wordStart - 1]) { wordStart -= 1 }
            guard colon - wordStart >= 3, colon - wordStart <= 10 else { continue }
            let verb = String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<colon]), as: UTF8.self).lowercased()
            guard speechVerbs.contains(verb) else { continue }
            var quote = colon + 1
            while quote < paragraph.end && (text[quote] == 0x20 || text[quote] == 0x09) { quote += 1 }
            guard quote < paragraph.end else { continue }
            let (scalar, length) = UTF8Bytes.decode(text, at: quote)
            guard scalar == 0x22 || scalar == 0x201C || scalar == 0x300C || scalar == 0xAB else { continue }
            let word = quote + length
            guard word < paragraph.end, text[word] >= 0x61 && text[word] <= 0x7A else { continue }
            starts.append(quote)
        }
        return starts
    }

    /// `1,` or `2、`: the enumerator `startAfterCommaEnumerator` reads.
    static func isCommaEnumeratorToken(_ token: String) -> Bool {
        guard let last = token.last, last == "," || last == "、" || last == "，" else { return false }
        let digits = token.dropLast()
        return (1...2).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `iii.`, `a)`, `(b)`, `12.`: an enumerator with its punctuation.
    static func isEnumeratorToken(_ token: String) -> Bool {
        var core = Substring(token)
        if core.hasPrefix("(") { core = core.dropFirst() }
        guard let last = core.last, last == "." || last == ")" else { return false }
        core = core.dropLast()
        return !core.isEmpty && isEnumerator(String(core))
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
