/// Answers "is this offset a word boundary?" for one text, the way ICU's word break does,
/// but without segmenting the whole text: most questions are settled by the two ASCII bytes
/// around the offset, and ICU sees only a small window around the others.
final class WordBoundaries {
    private let text: UnsafeBufferPointer<UInt8>
    private let segmenter: Segmenter
    /// How far ICU looks around an offset; UAX #29 rules need two characters on each side.
    private let window = 32

    init(text: UnsafeBufferPointer<UInt8>, segmenter: Segmenter) {
        self.text = text
        self.segmenter = segmenter
    }

    /// Whether a word may start or end at `offset`.
    func isBoundary(_ offset: Int) -> Bool {
        if offset <= 0 || offset >= text.count { return true }
        let before = text[offset - 1], after = text[offset]
        if before < 0x80 && after < 0x80 {
            let alnumBefore = CharacterClass.isASCIIAlnum(before), alnumAfter = CharacterClass.isASCIIAlnum(after)
            if alnumBefore && alnumAfter { return false }
            if !Self.mayJoin(before) && !Self.mayJoin(after) { return true }
            if !alnumBefore && !alnumAfter && before != 0x5F && after != 0x5F { return true }
        }
        return icuBoundary(offset)
    }

    /// Whether a match may end at `offset`: a word boundary, or an English possessive (`micro-blog’s`).
    func isEndBoundary(_ offset: Int) -> Bool {
        if isBoundary(offset) { return true }
        var next = offset
        if next < text.count && text[next] == 0x27 { next += 1 }
        else if next + 2 < text.count && text[next] == 0xE2 && text[next + 1] == 0x80 && text[next + 2] == 0x99 { next += 3 }
        else { return false }
        guard next < text.count, text[next] | 0x20 == 0x73 else { return false }  // s or S
        return next + 1 >= text.count || !CharacterClass.isASCIIAlnum(text[next + 1]) && text[next + 1] < 0x80
    }

    /// ASCII characters that UAX #29 lets join the words around them (MidLetter, MidNum, MidNumLet, ExtendNumLet).
    private static func mayJoin(_ byte: UInt8) -> Bool {
        byte == 0x27 || byte == 0x2E || byte == 0x3A || byte == 0x2C || byte == 0x3B || byte == 0x5F
    }

    private func icuBoundary(_ offset: Int) -> Bool {
        var start = max(0, offset - window)
        while start > 0 && UTF8Bytes.isContinuation(text[start]) { start -= 1 }
        var end = min(text.count, offset + window)
        while end < text.count && UTF8Bytes.isContinuation(text[end]) { end += 1 }
        let slice = UnsafeBufferPointer(rebasing: text[start..<end])
        return segmenter.isBoundary(slice, at: offset - start)
    }
}
