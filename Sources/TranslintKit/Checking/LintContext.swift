/// Everything the checks share about one text, computed once: paragraphs, sentence starts,
/// links, and glossary matches. It owns a copy of the text, so a check that keeps it keeps valid memory.
public final class LintContext {
    /// The text, UTF-8. Offsets in findings are offsets into it. Owned by the context: valid while it lives.
    public let text: UnsafeBufferPointer<UInt8>
    public let glossary: Glossary
    /// BCP 47 tag used for case mapping.
    public let locale: String
    public let paragraphs: [ByteRange]
    /// URLs and e-mail addresses: never flagged, never changed.
    public let links: [ByteRange]
    public let sentenceStarts: [SentenceStart]
    /// Glossary terms found on word boundaries, leftmost-longest, sorted by start.
    public let termMatches: [TermMatch]
    /// The ranges of every glossary match, also of the targets no check reports (`WeChat Pay` where case is not
    /// enforced), sorted by start.
    let termClaims: [ByteRange]
    /// First words of sentences, ascending.
    private let sentenceWordStarts: [Int]
    /// Where table cells start (Markdown): labels and values, not sentences.
    public let cellStarts: Set<Int>
    /// Where the text of a Markdown ATX heading starts.
    public let headingStarts: Set<Int>
    /// With a source: the source text of each aligned paragraph or unit, by the offset where the target paragraph
    /// (or unit) starts. A translation follows its source at the start of a unit: its case (pofilter's `startcaps`),
    /// its leading punctuation, its repeats.
    public let sources: [Int: String]
    /// The case of each source's first letter, by the same offsets.
    public let sourceCases: [Int: LetterCase]
    /// Whether some source has case (computed once, not per sentence).
    public let hasCasedSource: Bool
    /// What was blanked before the checks read the text (markup, code, inline tags), sorted: white space that
    /// is not the author's.
    public let maskedRanges: [ByteRange]
    /// Where the document's blocks start (Markdown headings, list items, quotes): structure, not indentation.
    public let blockStarts: Set<Int>
    /// The block starts that are list items.
    public let listItemStarts: Set<Int>
    /// Whether the text is in English (the target language): word lists of English apply.
    public let isEnglish: Bool
    /// Where the text the findings may change starts. A chunk cut inside a paragraph is linted after the previous
    /// chunk's last lines (as fixed), so that it reads as in the whole text; findings before this offset are
    /// dropped, and a check whose finding would start there reports the part that lies after it.
    public let editableStart: Int
    /// Tables derived from the glossary, built once per engine.
    let derived: GlossaryDerivations

    /// `blockStarts`: where a document's blocks start without a blank line before them (Markdown); `listItems`:
    /// those that are list items.
    init(text source: UnsafeBufferPointer<UInt8>, glossary: Glossary, matcher: TermMatcher, locale: String,
         sentenceSegmenter: Segmenter, wordSegmenter: Segmenter, blockStarts: [Int] = [], listItems: Set<Int> = [],
         cellStarts: Set<Int> = [], headingStarts: Set<Int> = [], sources: [Int: String] = [:], maskedRanges: [ByteRange] = [], editableStart: Int = 0) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(source.count, 1))
        _ = storage.initialize(from: source)
        let text = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(storage)[0..<source.count])
        self.text = text
        self.glossary = glossary
        self.derived = matcher.derived
        self.locale = locale
        self.cellStarts = cellStarts
        self.headingStarts = headingStarts
        self.maskedRanges = maskedRanges
        self.blockStarts = Set(blockStarts)
        self.listItemStarts = listItems
        self.sources = sources
        let cases = sources.mapValues { LetterCase(firstLetterOf: $0) }
        self.sourceCases = cases
        self.hasCasedSource = cases.values.contains { $0 != .uncased }
        self.isEnglish = Glossary.baseLanguage(locale) == "en"
        self.editableStart = editableStart
        let paragraphs = SentenceStarts.paragraphs(in: text, splitAt: blockStarts)
        self.paragraphs = paragraphs
        let links = LinkDetector.links(in: text)
        self.links = links
        let starts = SentenceStarts.find(in: text, paragraphs: paragraphs, segmenter: sentenceSegmenter, listItems: listItems)
        self.sentenceStarts = starts
        self.sentenceWordStarts = starts.compactMap(\.wordStart).sorted()
        let boundaries = WordBoundaries(text: text, segmenter: wordSegmenter)
        var claims: [ByteRange] = []
        let matches = matcher.matches(in: text, boundaries: boundaries, excluded: links, claims: &claims)
        self.termMatches = matches
        self.termClaims = claims
    }

    deinit { UnsafeMutableBufferPointer(mutating: text).deallocate() }

    /// What the text shows about its words (see `NameEvidence`): built in one pass, the first time a check asks.
    /// Only for the words checks ask about, the first words of sentences: most words of a chunk are never asked
    /// about, and counting them all was a fifth of the run on prose. A question about another word is answered by
    /// `allNames`, built for every word the first time one comes.
    private lazy var names = NameEvidence(text, sentenceWordStarts: evidenceWordStarts, terms: termClaims,
                                          askedAbout: evidenceWordStarts)
    private lazy var allNames = NameEvidence(text, sentenceWordStarts: evidenceWordStarts, terms: termClaims)
    private lazy var evidenceWordStarts = Self.wordStarts(after: sentenceStarts, in: text)
    private func names(for word: String) -> NameEvidence { names.answers(word) ? names : allNames }

    /// The first words of sentences, also those after stray punctuation (`, company`), which the leading-punctuation
    /// fix capitalizes: what name evidence leaves out, so that no fix changes it. Sorted.
    static func wordStarts(after starts: [SentenceStart], in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        starts.compactMap { start in
            if let word = start.wordStart { return word }
            var i = start.offset
            while i < text.count && ByteSet.clauseMarks.contains(text[i]) { i += 1 }
            guard i > start.offset else { return nil }
            while i < text.count && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
            return i < text.count && CharacterClass.isASCIILetter(text[i]) ? i : nil
        }.sorted()
    }

    /// Whether the text itself shows `word` (lowercase as written) to be a name: a command, a program, an
    /// identifier.
    public func isName(_ word: String) -> Bool { names(for: word).isName(word) }

    /// Whether `word` is the title of the manual page the text is, or one it refers to (`AS(1)`).
    public func isManualPage(_ word: String) -> Bool { names(for: word).isManualPage(word) }

    /// Whether the text writes `word` again, in lowercase or at a sentence start, and never with a capital inside a sentence.
    public func isNeverCapitalized(_ word: String) -> Bool { names(for: word).occursOnlyInLowercase(word) }

    public func string(_ range: ByteRange) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range.start..<range.end]), as: UTF8.self)
    }

    /// Whether the first word of a sentence starts at `offset`.
    public func isSentenceWordStart(_ offset: Int) -> Bool {
        let index = Self.firstIndex(in: sentenceWordStarts, notBelow: offset) { $0 }
        return index < sentenceWordStarts.count && sentenceWordStarts[index] == offset
    }

    /// The glossary match that starts at `offset`, if any.
    public func termMatch(startingAt offset: Int) -> TermMatch? {
        let index = Self.firstIndex(in: termMatches, notBelow: offset) { $0.range.start }
        return index < termMatches.count && termMatches[index].range.start == offset ? termMatches[index] : nil
    }

    /// The glossary matches that lie inside `range`, as indices into `termMatches`.
    public func termMatchIndices(in range: ByteRange) -> Range<Int> {
        let first = Self.firstIndex(in: termMatches, notBelow: range.start) { $0.range.start }
        var end = first
        while end < termMatches.count && termMatches[end].range.end <= range.end { end += 1 }
        return first..<end
    }

    /// The masked ranges that lie wholly inside `range`, found by binary search.
    public func maskedRanges(inside range: ByteRange) -> ArraySlice<ByteRange> {
        let first = Self.firstIndex(in: maskedRanges, notBelow: range.start) { $0.start }
        var end = first
        while end < maskedRanges.count && maskedRanges[end].end <= range.end { end += 1 }
        return maskedRanges[first..<end]
    }

    /// Binary search: the first index whose key is at least `value` in an array sorted by `key`.
    private static func firstIndex<T>(in array: [T], notBelow value: Int, key: (T) -> Int) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if key(array[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether `range` lies inside one glossary term as matched: a forbidden rendering or a target, also a target
    /// no check reports (`Bora Bora` where its case is free). The glossary owns that text.
    public func isInsideGlossaryTerm(_ range: ByteRange) -> Bool {
        // Claims do not overlap and are sorted, so their ends are sorted too.
        let index = Self.firstIndex(in: termClaims, notBelow: range.end) { $0.end }
        return index < termClaims.count && termClaims[index].start <= range.start
    }

    /// Whether `range` touches a URL or an e-mail address.
    public func isInLink(_ range: ByteRange) -> Bool {
        var low = 0, high = links.count
        while low < high {
            let mid = (low + high) / 2
            if links[mid].end <= range.start { low = mid + 1 } else { high = mid }
        }
        return low < links.count && (links[low].overlaps(range) || (range.isEmpty && links[low].contains(range.start)))
    }

    /// The index of the last paragraph that starts at or before `offset` (binary search), or nil.
    public func paragraphIndex(atOrBefore offset: Int) -> Int? {
        let index = Self.firstIndex(in: paragraphs, notBelow: offset + 1) { $0.start }
        return index > 0 ? index - 1 : nil
    }

    /// The source of the paragraph or unit holding `offset`, if there is one.
    public func source(around offset: Int) -> String? { sourceKey(around: offset).flatMap { sources[$0] } }

    /// The source around `offset` read for term questions, made once per source.
    func sourceSearch(around offset: Int) -> TermSearch? {
        guard let key = sourceKey(around: offset), let source = sources[key] else { return nil }
        if let known = sourceSearches[key] { return known }
        let made = TermSearch(source)
        sourceSearches[key] = made
        return made
    }

    private var sourceSearches: [Int: TermSearch] = [:]
    /// The keys of `sources`, ascending.
    private lazy var sourceKeys: [Int] = sources.keys.sorted()

    /// Whether most of the document's ATX headings, and at least three of them, start in lowercase: its style.
    /// Counted once per chunk, the first time a lowercase heading asks.
    public private(set) lazy var writesHeadingsInLowercase: Bool = {
        var lower = 0, upper = 0
        for start in headingStarts {
            let (scalar, _) = UTF8Bytes.decode(text, at: start)
            if CharacterClass.isLowercase(scalar) { lower += 1 } else if CharacterClass.isUppercase(scalar) { upper += 1 }
        }
        return lower >= 3 && lower > upper
    }()

    /// The key in `sources` of the paragraph or unit holding `offset`.
    private func sourceKey(around offset: Int) -> Int? {
        guard !sources.isEmpty, let index = paragraphIndex(atOrBefore: offset) else { return nil }
        if sources[paragraphs[index].start] != nil { return paragraphs[index].start }
        // A unit whose text holds several paragraphs: its source is keyed by the unit's first one.
        let next = Self.firstIndex(in: sourceKeys, notBelow: offset + 1) { $0 }
        return next > 0 ? sourceKeys[next - 1] : nil
    }

    /// Whether `offset` was blanked (markup, code, an inline tag) before the checks read the text.
    public func isMasked(_ offset: Int) -> Bool {
        let index = Self.firstIndex(in: maskedRanges, notBelow: offset + 1) { $0.end }
        return index < maskedRanges.count && maskedRanges[index].start <= offset
    }

    /// Byte offsets at which each line of `text` starts, found once on first use: a line's range then costs a
    /// binary search, not a scan of the line, so thousands of findings on one long line stay linear.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        var i = ByteScan.firstIndex(of: 0x0A, in: text, from: 0, to: text.count)
        while i < text.count {
            starts.append(i + 1)
            i = ByteScan.firstIndex(of: 0x0A, in: text, from: i + 1, to: text.count)
        }
        return starts
    }()
    /// Facts computed once per line (`lineFact`), by name and line start.
    private var lineFacts: [String: [Int: Bool]] = [:]

    /// The 0-based line range holding `offset` (without its line break).
    public func line(containing offset: Int) -> ByteRange {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        var end = low + 1 < lineStarts.count ? lineStarts[low + 1] - 1 : text.count
        if end > start && text[end - 1] == 0x0D { end -= 1 }
        return ByteRange(start, max(start, end))
    }

    /// A fact about the line holding `offset` that a check computes once per line, however many findings it holds.
    public func lineFact(_ name: String, containing offset: Int, _ compute: (ByteRange) -> Bool) -> Bool {
        let line = line(containing: offset)
        if let known = lineFacts[name]?[line.start] { return known }
        let value = compute(line)
        lineFacts[name, default: [:]][line.start] = value
        return value
    }

    /// The word (letters, digits and combining marks) starting at `offset`.
    public func word(at offset: Int) -> ByteRange {
        var end = offset
        while end < text.count {
            let (scalar, length) = UTF8Bytes.decode(text, at: end)
            let isMark = scalar >= 0x300 && (CharacterClass.properties(scalar)?.generalCategory == .nonspacingMark)
            guard CharacterClass.isAlnum(scalar) || isMark else { break }
            end += length
        }
        return ByteRange(offset, end)
    }
}
