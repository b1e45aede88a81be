/// Context words in a paragraph: the evidence an ambiguous rendering or an ambiguous target needs.
enum ContextWords {
    /// English endings a context word may take: plural, possessive.
    private static let endings: [[UInt8]] = [[], Array("s".utf8), Array("es".utf8), Array("'s".utf8), Array("’s".utf8)]

    /// Whether `text` (folded) holds `word` (folded) as whole words; the last may take an English plural or
    /// possessive (`phones`, `Taobao's`). Words in scripts written without spaces match on their characters.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, word: [UInt8]) -> Bool {
        guard let first = word.first, text.count >= word.count else { return false }
        let unspaced = word.withUnsafeBufferPointer { CharacterClass.isUnspacedScript(UTF8Bytes.decode($0, at: 0).scalar) }
        var i = 0
        while i + word.count <= text.count {
            defer { i += 1 }
            guard text[i] == first else { continue }
            var k = 1
            while k < word.count && text[i + k] == word[k] { k += 1 }
            guard k == word.count else { continue }
            if unspaced { return true }
            if i > 0 && CharacterClass.isAlnum(UTF8Bytes.decode(text, before: i).scalar) { continue }
            let end = i + word.count
            for ending in endings where end + ending.count <= text.count {
                guard ending.indices.allSatisfy({ text[end + $0] == ending[$0] }) else { continue }
                let after = end + ending.count
                if after == text.count || !CharacterClass.isAlnum(UTF8Bytes.decode(text, at: after).scalar) { return true }
            }
        }
        return false
    }

    /// Whether the folded paragraph `bounds` holds one of `words` (folded as they come).
    static func paragraph(_ bounds: ByteRange, in context: LintContext, holdsAnyOf words: [String]) -> Bool {
        let text = TermMatcher.collapsingWhitespace(CaseMapping.fold(context.string(bounds)))
        return text.withUnsafeBufferPointer { text in
            words.contains { contains(text, word: TermMatcher.collapsingWhitespace(CaseMapping.fold($0))) }
        }
    }

    /// The paragraphs whose context words count as document-level evidence for one in `paragraph`: those within
    /// `MistranslationCheck.evidenceWindow` of it, and the document's title and lead (its first two paragraphs:
    /// a page saved with a `# source:` line first has its title second), when this chunk holds the text's start.
    static func nearby(_ paragraph: Int, in context: LintContext) -> [Int] {
        let window = MistranslationCheck.evidenceWindow
        var near = Array(max(0, paragraph - window)...min(context.paragraphs.count - 1, paragraph + window)).filter { $0 != paragraph }
        if context.editableStart == 0 {
            for title in 0..<min(2, context.paragraphs.count) where title != paragraph && !near.contains(title) { near.append(title) }
        }
        return near
    }
}
