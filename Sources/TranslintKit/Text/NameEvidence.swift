/// Whether a text itself shows a lowercase word to be a name (a command, a program, a function, a key) rather
/// than an ordinary word at the start of a sentence. Documentation writes `systemd will create…` or `chmod never
/// changes…` on purpose, and says elsewhere that the word is a name:
/// - a manual page reference, `chmod(1)`, or the page's own title, `CHMOD(1)`;
/// - code: `` `npm` ``, `$ npm`, or the word at the start of a synopsis line (`npm [options]`, `ar -x`);
/// - quotes around the word alone: `"make"`, `'make'`, `‘make’`;
/// - glued to code: a path (`libjpeg/SIMD`), an identifier (`libjpeg_turbo`, `pkg::x`), a call (`f(`), a file
///   (`libjpeg.so`, `.xz`), an option (`--umask`, `=umask`).
/// One pass over the text builds the index; a glossary-free, language-free test that looks only at the text.
struct NameEvidence {
    /// Words (as written) the text shows to be names.
    private var names: Set<String> = []
    /// Words (lowercased) with a manual page reference: `as(1)`, `AS(1)`.
    private var manualPages: Set<String> = []
    /// How often each word stands as written inside sentences; `startCounts`: how often it starts one, as written.
    /// A capital at a sentence start is what sentence-case and leading-punctuation fixes write, so the evidence
    /// reads a start in lowercase and capitalized alike; a word right after itself counts nowhere, since
    /// repeated-word fixes remove it; nor does a word inside a glossary term, a forbidden rendering or a target
    /// (reported or not), which a mistranslation fix replaces by another term (`Byte beating` → `ByteDance`,
    /// `micro-letter payment` → `WeChat Pay`) and a term-case fix recases. So no fix changes the evidence,
    /// and a second `--fix` finds nothing the first left.
    private var counts: WordCounts
    private var startCounts: WordCounts
    /// The words (by their case-folded hash) this evidence was built for; nil for every word.
    private let asked: WordHashes?

    /// `sentenceWordStarts`: sorted offsets of the first words of sentences; `terms`: the glossary's matches,
    /// sorted by start; `askedAbout`: offsets of the only words whose evidence is wanted (in any case), or nil
    /// for every word. Evidence for a few words skips the others after hashing them, which is most of the work.
    init(_ text: UnsafeBufferPointer<UInt8>, sentenceWordStarts: [Int] = [], terms: [ByteRange] = [], askedAbout: [Int]? = nil) {
        let n = text.count
        counts = WordCounts()
        startCounts = WordCounts()
        let asked = askedAbout.map { WordHashes(words: $0, in: text) }
        self.asked = asked
        var nextStart = 0
        var previous: (start: Int, end: Int)? = nil
        @inline(__always) func byte(_ k: Int) -> UInt8 { k >= 0 && k < n ? text[k] : 0 }
        @inline(__always) func isWordByte(_ b: UInt8) -> Bool { CharacterClass.isASCIIAlnum(b) }
        let wordStarts = sentenceWordStarts.count
        var nextTerm = 0
        var i = 0
        while i < n {
            // Words are hashed as they are skipped (FNV-1a, as `WordCounts` hashes), so each byte is read once.
            let first = text[i]
            guard isWordByte(first) else { i += 1; continue }
            let start = i
            var hash = WordCounts.seed
            repeat {
                hash = WordCounts.step(hash, text[i])
                i += 1
            } while i < n && isWordByte(text[i])
            let end = i
            // Only words that start with a letter; digits alone are no names.
            guard first >= 0x41 else { continue }
            if let asked, !asked.contains(hash) { previous = (start, end); continue }
            let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
            while nextStart < wordStarts && sentenceWordStarts[nextStart] < start { nextStart += 1 }
            let isRepeat = previous.map { Self.isRepeat(text, start..<end, of: $0.start..<$0.end) } ?? false
            while nextTerm < terms.count && terms[nextTerm].end <= start { nextTerm += 1 }
            let inTerm = nextTerm < terms.count && terms[nextTerm].start < end
            if !isRepeat && !inTerm {
                if nextStart < wordStarts && sentenceWordStarts[nextStart] == start { startCounts.add(bytes, hash: hash) } else { counts.add(bytes, hash: hash) }
            }
            previous = (start, end)
            let before = byte(start - 1), after = byte(end)
            // Most words are none of the shapes below: decide that from the bytes around, before making a String.
            if !Self.mayBeName(before: before, after: after, text: text, start: start, end: end) { continue }
            // `word(1)`: a manual page.
            if after == 0x28, CharacterClass.isASCIIDigit(byte(end + 1)), byte(end + 2) == 0x29 {
                let word = String(decoding: bytes, as: UTF8.self)
                manualPages.insert(word.lowercased())
                names.insert(word)
                continue
            }
            var isName = false
            switch (before, after) {
            case (0x60, _), (_, 0x60): isName = true                                          // `code`
            case (0x22, 0x22), (0x27, 0x27): isName = true                                    // "make", 'make'
            case (0x2F, _), (_, 0x2F), (0x5F, _), (_, 0x5F): isName = true                    // a/b, a_b
            case (_, 0x28): isName = true                                                     // call(
            case (0x3D, _): isName = true                                                     // =value
            case (0x2D, _): isName = byte(start - 2) == 0x2D                                  // --option
            case (_, 0x3A): isName = byte(end + 1) == 0x3A                                    // pkg::x
            case (0x2E, _): isName = start >= 1 && (after == 0x20 || after == 0x2C) && (start == 1 || !isWordByte(byte(start - 2)))   // .xz
            case (_, 0x2E):
                var e = end + 1
                while e < n && CharacterClass.isASCIILetter(text[e]) { e += 1 }
                let ext = String(decoding: UnsafeBufferPointer(rebasing: text[(end + 1)..<e]), as: UTF8.self)
                isName = ["so", "h", "c", "py", "conf", "js", "sh", "pl", "rb", "go", "rs"].contains(ext) && !isWordByte(byte(e))
            default: break
            }
            if !isName && before == 0x20 && byte(start - 2) == 0x24 { isName = true }       // $ cmd
            // ‘make’, “make”
            if !isName && start >= 3 && end + 2 < n && text[start - 3] == 0xE2 && text[start - 2] == 0x80 && text[end] == 0xE2 && text[end + 1] == 0x80 {
                let open = text[start - 1], close = text[end + 2]
                isName = (open == 0x98 && close == 0x99) || (open == 0x9C && close == 0x9D)
            }
            // A synopsis: first on its line, then options or arguments.
            if !isName && after == 0x20 && ByteSet.synopsisOpeners.contains(byte(end + 1)) {
                var k = start
                while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
                isName = k == 0 || text[k - 1] == 0x0A
            }
            // Most words near punctuation are no names either: the String is made only for those that are.
            if isName { names.insert(String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// Whether this evidence answers for `word`: it was built for every word or for this one, or `word` is no
    /// run of ASCII letters and digits, which the text never shows to be a name.
    func answers(_ word: String) -> Bool {
        guard let asked else { return true }
        var copy = word
        return copy.withUTF8 { bytes in
            !bytes.allSatisfy(CharacterClass.isASCIIAlnum) || asked.contains(WordCounts.hash(bytes))
        }
    }

    func isName(_ word: String) -> Bool { names.contains(word) || manualPages.contains(word.lowercased()) && word == word.lowercased() }

    /// The strongest evidence, which holds even for an ordinary English word (`as`, `make`, `test` are
    /// commands): a manual page's own title or a reference to it, `AS(1)`, `make(1)`.
    func isManualPage(_ word: String) -> Bool { manualPages.contains(word.lowercased()) }

    /// Whether `word` (lowercase) stands twice or more, in lowercase or at sentence starts, and its capitalized
    /// form never inside a sentence.
    func occursOnlyInLowercase(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        let capitalized = String(first).uppercased() + String(word.unicodeScalars.dropFirst())
        return counts.count(word) + startCounts.count(word) + startCounts.count(capitalized) >= 2 && counts.count(capitalized) == 0
    }

    /// The word at `word` right after the word at `previous`, the same but for ASCII case, with only spaces and at
    /// most one line break between: a repeated word.
    private static func isRepeat(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, of previous: Range<Int>) -> Bool {
        guard word.count == previous.count else { return false }
        for k in 0..<word.count where text[word.lowerBound + k] | 0x20 != text[previous.lowerBound + k] | 0x20 { return false }
        var lineBreaks = 0
        for i in previous.upperBound..<word.lowerBound {
            let byte = text[i]
            if byte == 0x0A { lineBreaks += 1 } else if byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        }
        return lineBreaks <= 1
    }

    /// False when no rule of `init` can make the word at `start..<end` a name: the bytes around it are plain
    /// (space, line break, comma, full stop and the like) and no curly quote or synopsis shape is near.
    @inline(__always)
    private static func mayBeName(before: UInt8, after: UInt8, text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        @inline(__always) func plain(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x2C || b == 0x09 || b == 0 || b == 0x3B || b == 0x21 || b == 0x3F }
        guard plain(before) && (plain(after) || after == 0x2E && end + 1 < text.count && !CharacterClass.isASCIILetter(text[end + 1])) else { return true }
        if before == 0x20 && start >= 2 && text[start - 2] == 0x24 { return true }          // $ cmd
        if after == 0x20 && end + 1 < text.count && ByteSet.synopsisOpeners.contains(text[end + 1]) { return true }   // a synopsis
        return false
    }
}

/// How often each word occurs, counted from the bytes: an open-addressing table of (offset, length, count) into
/// the text, hashed with FNV-1a, so that counting the words of a megabyte makes no String and no SipHash per word.
/// Valid while the text it was built on is (a `LintContext`'s text, for the checks of one chunk).
struct WordCounts {
    private typealias Slot = (start: UnsafePointer<UInt8>?, length: Int32, count: Int32)
    private var slots: [Slot]
    private var used = 0

    /// Small at first, doubled at half full: a chunk has tens of thousands of distinct words at most, and a
    /// table that stays in cache is what makes counting cheap.
    init() {
        slots = Array(repeating: (nil, 0, 0), count: 4096)
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a over the bytes with ASCII letters folded to lowercase: `Make` and `make` share a hash (and a
    /// probe sequence), the table still tells them apart by their bytes.
    @inline(__always) static func step(_ h: UInt64, _ b: UInt8) -> UInt64 {
        (h ^ UInt64(b &+ ((b &- 0x41) < 26 ? 0x20 : 0))) &* 0x0000_0100_0000_01B3
    }
    @inline(__always) private static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = step(h, b) }
        return h
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<b.count where a[k] != b[k] { return false }
        return true
    }

    /// Counts `word` once; `hash`: `step` folded over its bytes from `seed`.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if used * 2 >= slots.count { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { slots -> Bool in
            let mask = slots.count - 1
            var i = Self.finish(hash) & mask
            let length = Int32(word.count)
            while let start = slots[i].start {
                if slots[i].length == length && Self.equal(start, word) { slots[i].count += 1; return false }
                i = (i + 1) & mask
            }
            slots[i] = (word.baseAddress, length, 1)
            return true
        }
        if inserted { used += 1 }
    }

    func count(_ word: String) -> Int {
        var copy = word
        return copy.withUTF8 { bytes in
            let mask = slots.count - 1
            var i = Self.finish(Self.hash(bytes)) & mask
            while let start = slots[i].start {
                if Int(slots[i].length) == bytes.count && Self.equal(start, bytes) { return Int(slots[i].count) }
                i = (i + 1) & mask
            }
            return 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (nil, 0, 0), count: old.count * 2)
        used = 0
        let mask = slots.count - 1
        for slot in old {
            guard let start = slot.start else { continue }
            var i = Self.finish(Self.hash(UnsafeBufferPointer(start: start, count: Int(slot.length)))) & mask
            while slots[i].start != nil { i = (i + 1) & mask }
            slots[i] = slot
            used += 1
        }
    }
}

/// The case-folded hashes (`WordCounts.hash`) of the runs of ASCII letters and digits at some offsets of a text:
/// a small open-addressing set, so that testing a word that is not in it costs one probe or two.
struct WordHashes {
    private var slots: [UInt64]

    init(words offsets: [Int], in text: UnsafeBufferPointer<UInt8>) {
        var size = 64
        while size < offsets.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for offset in offsets where offset < text.count && CharacterClass.isASCIIAlnum(text[offset]) {
            var end = offset
            while end < text.count && CharacterClass.isASCIIAlnum(text[end]) { end += 1 }
            insert(WordCounts.hash(UnsafeBufferPointer(rebasing: text[offset..<end])))
        }
    }

    /// 0 marks an empty slot: the one hash that is 0 is stored as 1 (a word that hashes to 1 then passes too,
    /// which costs only the work of counting it).
    @inline(__always) private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }
    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    private mutating func insert(_ hash: UInt64) {
        let key = Self.key(hash), mask = slots.count - 1
        var i = Self.slot(key, mask)
        while slots[i] != 0 {
            if slots[i] == key { return }
            i = (i + 1) & mask
        }
        slots[i] = key
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let key = Self.key(hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.slot(key, mask)
            while slots[i] != 0 {
                if slots[i] == key { return true }
                i = (i + 1) & mask
            }
            return false
        }
    }
}
