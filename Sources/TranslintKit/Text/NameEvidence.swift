import CICU

/// Whether a text itself shows a lowercase word to be a name (a command, a program, a function, a key) rather
/// than an ordinary word at the start of a sentence. Documentation writes `systemd will create…` or `chmod never
/// changes…` on purpose, and says elsewhere that the word is a name:
/// - a manual page reference, `chmod(1)`, or the page's own title, `CHMOD(1)`;
/// - code: `` `npm` ``, `$ npm`, or the word at the start of a synopsis line (`npm [options]`, `ar -x`);
/// - quotes around the word alone: `"make"`, `'make'`, `‘make’`.
/// A glossary-free, language-free test: it looks only at the text.
enum NameEvidence {
    /// The strongest evidence, which holds even for an ordinary English word (`as`, `make`, `test` are
    /// commands): a manual page's own title or a reference to it, `AS(1)`, `make(1)`.
    static func isManualPage(_ word: String, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let upper = word.uppercased()
        return ["(1)", "(5)", "(7)", "(8)", "(3)", "(2)"].contains { section in
            contains(text, upper + section, wholeWordStart: true) || contains(text, word + section, wholeWordStart: true)
        }
    }

    /// Whether `word` (lowercase) stands as a whole word somewhere other than `offset`, and its capitalized form
    /// nowhere.
    static func occursOnlyInLowercase(_ word: String, in text: UnsafeBufferPointer<UInt8>, except offset: Int) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        let capitalized = String(first).uppercased() + String(word.unicodeScalars.dropFirst())
        if contains(text, capitalized, wholeWordStart: true) { return false }
        var from = 0
        while let at = find(text, word, from: from) {
            let end = at + word.utf8.count
            let wholeWord = (at == 0 || !CharacterClass.isASCIIAlnum(text[at - 1])) && (end >= text.count || !CharacterClass.isASCIIAlnum(text[end]))
            if wholeWord && at != offset { return true }
            from = at + 1
        }
        return false
    }

    static func isName(_ word: String, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, text.count > 0 else { return false }
        let upper = word.uppercased()
        let patterns = [
            "`" + word + "`", "`" + word + " ", "$ " + word + " ", "\"" + word + "\"", "'" + word + "'", "‘" + word + "’",
            "“" + word + "”", word + "(1)", word + "(5)", word + "(7)", word + "(8)", word + "(3)", word + "(2)",
            upper + "(1)", upper + "(5)", upper + "(7)", upper + "(8)", upper + "(3)", upper + "(2)",
        ]
        for pattern in patterns where contains(text, pattern, wholeWordStart: !pattern.hasPrefix("`") && !pattern.hasPrefix("$")
                                                    && !pattern.hasPrefix("\"") && !pattern.hasPrefix("'") && !pattern.hasPrefix("‘") && !pattern.hasPrefix("“")) {
            return true
        }
        // Glued to code: a path (`libjpeg/SIMD`, `/usr/lib/libjpeg`), a file or module (`libjpeg.so`), an
        // identifier (`libjpeg_turbo`, `pkg::x`), a call (`libjpeg(`): not an English word.
        for pattern in [word + "/", "/" + word, word + "_", "_" + word, word + "::", word + "(", word + ".so", word + ".h", word + ".c", word + ".py", word + ".conf", "--" + word, "=" + word, "." + word + " ", "." + word + ","]
            where contains(text, pattern, wholeWordStart: !pattern.hasPrefix("/") && !pattern.hasPrefix("_") && !pattern.hasPrefix("-") && !pattern.hasPrefix("=")) {
            return true
        }
        // A synopsis or command line: the word first on its line, then options or arguments.
        for pattern in [word + " [", word + " -", word + " <"] {
            var from = 0
            while let at = find(text, pattern, from: from) {
                var lineStart = at
                while lineStart > 0 && (text[lineStart - 1] == 0x20 || text[lineStart - 1] == 0x09) { lineStart -= 1 }
                if lineStart == 0 || text[lineStart - 1] == 0x0A { return true }
                from = at + 1
            }
        }
        return false
    }

    /// Whether `text` holds `pattern`; with `wholeWordStart`, only where no letter or digit comes before it.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ pattern: String, wholeWordStart: Bool) -> Bool {
        var from = 0
        while let at = find(text, pattern, from: from) {
            if !wholeWordStart || at == 0 || !CharacterClass.isASCIIAlnum(text[at - 1]) { return true }
            from = at + 1
        }
        return false
    }

    private static func find(_ text: UnsafeBufferPointer<UInt8>, _ pattern: String, from: Int) -> Int? {
        guard from < text.count, let base = text.baseAddress else { return nil }
        var needle = pattern
        return needle.withUTF8 { bytes -> Int? in
            let found = cicu_find_bytes(base + from, Int64(text.count - from), bytes.baseAddress, Int64(bytes.count))
            return found < 0 ? nil : from + Int(found)
        }
    }
}
