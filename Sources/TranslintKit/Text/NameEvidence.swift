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
    /// How often each word stands as written.
    private var counts: [String: Int] = [:]

    init(_ text: UnsafeBufferPointer<UInt8>) {
        let n = text.count
        @inline(__always) func byte(_ k: Int) -> UInt8 { k >= 0 && k < n ? text[k] : 0 }
        @inline(__always) func isWordByte(_ b: UInt8) -> Bool { CharacterClass.isASCIIAlnum(b) }
        var i = 0
        while i < n {
            guard isWordByte(text[i]) else { i += 1; continue }
            let start = i
            while i < n && isWordByte(text[i]) { i += 1 }
            let end = i
            // Only words that start with a letter; digits alone are no names.
            guard CharacterClass.isASCIILetter(text[start]) else { continue }
            let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
            counts[word, default: 0] += 1
            let before = byte(start - 1), after = byte(end)
            // `word(1)`: a manual page.
            if after == 0x28, CharacterClass.isASCIIDigit(byte(end + 1)), byte(end + 2) == 0x29 {
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
            if !isName && after == 0x20 && [0x5B, 0x2D, 0x3C].contains(byte(end + 1)) {
                var k = start
                while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
                isName = k == 0 || text[k - 1] == 0x0A
            }
            if isName { names.insert(word) }
        }
    }

    func isName(_ word: String) -> Bool { names.contains(word) || manualPages.contains(word.lowercased()) && word == word.lowercased() }

    /// The strongest evidence, which holds even for an ordinary English word (`as`, `make`, `test` are
    /// commands): a manual page's own title or a reference to it, `AS(1)`, `make(1)`.
    func isManualPage(_ word: String) -> Bool { manualPages.contains(word.lowercased()) }

    /// Whether `word` (lowercase) stands somewhere else too, and its capitalized form nowhere.
    func occursOnlyInLowercase(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        let capitalized = String(first).uppercased() + String(word.unicodeScalars.dropFirst())
        return (counts[word] ?? 0) >= 2 && (counts[capitalized] ?? 0) == 0
    }
}
