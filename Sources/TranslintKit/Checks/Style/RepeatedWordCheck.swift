/// The same word twice in a row. The finding covers the space and the second word, which the fix removes,
/// so that it never overlaps a fix of the first word (a sentence start's capital).
public struct RepeatedWordCheck: Check {
    public static let description = CheckDescription(
        id: "repeated-word",
        name: "Repeated word",
        summary: "The same word twice in a row (`the the`).",
        rationale: """
        A doubled word is almost always a slip. Words compare across spaces and one line break, as written or \
        with the first one capitalized (`The the`). Left alone: numbers; doubles the language uses on purpose \
        (`had had`, `that that`, `long long`, German `die die` and `werden werden`, French `nous nous`); a double quoted \
        whole (`fix "the the" typo`); names written twice \
        (`Walla Walla`), glossary terms (`spell more more` is the mistranslation check's), and a keyword next to its metavariable (`port PORT`, `--host=HOST HOST`), which differ in \
        case; parts of identifiers (`ELFOSABI_IRIX IRIX`) and words glued to code or markup after them (`A A^@`, \
        `e e[x]ecutar`, `в в&ыделенном`); words in columns (a tab or two spaces between them) or \
        on lines indented differently (a heading and the text under it); lines of an interactive session (`>>> `, \
        `... `: a doctest's data); every word in languages where doubling \
        is grammar (Turkish, Malay, Indonesian, Tagalog, Vietnamese, Thai, Korean, Japanese). The fix is safe for \
        an article, preposition, pronoun, conjunction or auxiliary (`the the`, `to to`) and for a glossary target \
        (`Taobao Taobao`); any other doubled word is weak \
        evidence, reported at info with the fix only suggested (applied with `--unsafe-fixes`): `root root` may be two columns, `protocol protocol prio` \
        an argument. An English preposition that also ends a phrasal verb (`on`, `in`, `for`…) is reported, but its \
        fix is only suggested (`not for for loops`); a doubled `on` is right more often than not (`Caps Lock is on on \
        Windows`, `powered on on the first connect`), so it is info.
        """,
        defaultSeverity: .warning,
        isFixable: true,
        mqmCategory: .accuracy,
        mqmSeverity: .minor,
        nonTriggering: [
            CheckExample("Run enc2xs -M My my.ucm to build it."),
            CheckExample("accept optional SUFFIX in in\u{2010}\nput numbers"),
            CheckExample("The price of the item."),
            CheckExample("He had had enough."),
            CheckExample("She said that that was fine."),
            CheckExample("It cost 10 10 times."),
            CheckExample("Bye bye, Taobao."),
            CheckExample("Blah. Blah."),
            CheckExample("       port PORT"),
            CheckExample("  -h, --host=HOST     HOST of the database server"),
            CheckExample("ELFOSABI_IRIX\t  IRIX ABI"),
            CheckExample("COPYRIGHT\n       Copyright (C) 2002 IBM, Inc. and others."),
            CheckExample("       Editres\teditres"),
            CheckExample("unsigned long long int"),
            CheckExample("Read it with man man for more."),
            CheckExample("Walla Walla ‖ Walla Walla"),
            CheckExample("    make\n    make test"),
            CheckExample("Sina Sina micro-blog grew."),
            CheckExample("    >>> body = (\n    ...     \"a JSON representation of of this \""),
            CheckExample("Shoppers flocked to spell more more."),
            CheckExample("fix \"the the\" typo in comments"),
            CheckExample("comme « la la » pour deux mots"),
            CheckExample("If A is a merge, then git diff A A^@ shows it."),
            CheckExample("Dá permissão para le[r] e e[x]ecutar."),
            CheckExample("В в&ыделенном каталоге"),
        ],
        triggering: [
            CheckExample("It is the↓ the best."),
            CheckExample("The↓ the market grew."),
            CheckExample("It is in\n↓in the box."),
            CheckExample("They sold on Taobao↓ Taobao."),
        ],
        corrections: [
            CheckCorrection("It is the the best.", "It is the best."),
            CheckCorrection("The the market grew.", "The market grew."),
            CheckCorrection("the the market grew.", "the market grew."),
            CheckCorrection("Prices rose rose.", "Prices rose.", suggested: true),
            CheckCorrection("Set the root root password.", "Set the root password.", suggested: true),
            CheckCorrection("Click on on the button.", "Click on the button.", suggested: true),
            CheckCorrection("They sold on Taobao Taobao.", "They sold on Taobao."),
            CheckCorrection("      copy the\n      the file to the target", "      copy the\n      file to the target"),
            CheckCorrection("Keep it in the\nthe box.", "Keep it in the\nbox."),
            CheckCorrection("Keep it in the\nthe.", "Keep it in\nthe."),
            CheckCorrection("colordelta or or or\n\nthe the the the end", "colordelta or\n\nthe end"),
        ]
    )

    /// Doubles that are grammatical in English.
    static let allowed: Set<String> = ["had", "that", "is", "bye", "ha", "no", "yeah", "very", "so", "tsk", "knock", "hush", "chop", "tut",
                                       "long", "man", "blah", "bla"]
    /// Doubles that are grammatical in other languages, by language: relative pronouns after articles, reflexives.
    static let allowedByLanguage: [String: Set<String>] = [
        // German `gelesen werden werden` (future passive).
        "de": ["die", "der", "das", "den", "dem", "sie", "es", "werden"],
        "fr": ["nous", "vous"],
        // Dutch `als het het eerste is` (pronoun and article), `leest … in in de array` (separable verb and
        // preposition).
        "nl": ["die", "dat", "het", "in", "op", "aan", "er"],
    ]

    /// Languages in which doubling a word is grammar (reduplication: Turkish `bayt bayt`, Malay and Indonesian
    /// plurals, Tagalog, Vietnamese, Thai, Korean and Japanese intensives): no doubled word is reported there.
    static let reduplicatingLanguages: Set<String> = ["tr", "ms", "id", "tl", "fil", "vi", "th", "ko", "ja", "jv", "su", "az", "uz", "kk"]

    /// Words a language never doubles on purpose (beyond `allowed`): articles, prepositions, pronouns,
    /// conjunctions, auxiliaries. A doubled one is a slip, so removing it is a safe fix. Any other doubled word
    /// may be a table column, a name or an argument (`root root`, `protocol protocol prio`): its fix is suggested.
    static let functionWords: [String: Set<String>] = [
        "en": ["a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "with", "by", "as", "into", "onto", "about",
               "and", "or", "but", "nor", "if", "than", "then", "because", "while", "are", "was", "were", "be", "been",
               "being", "has", "have", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might",
               "must", "shall", "it", "its", "this", "these", "those", "he", "she", "we", "they", "you", "i", "me",
               "him", "her", "us", "them", "his", "our", "their", "your", "my", "not", "which", "who", "whom", "whose",
               "when", "where", "there", "also", "all", "any", "some", "each", "every", "more", "most", "such"],
        "de": ["ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "aber", "in", "im", "an", "am", "auf",
               "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "ist", "sind", "war", "wird", "werden",
               "nicht", "auch", "ich", "wir", "ihr", "er", "kann", "können", "soll", "muss", "wenn", "dass", "als", "wie"],
        "fr": ["le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "à", "au", "aux", "en", "dans",
               "sur", "pour", "par", "avec", "est", "sont", "il", "elle", "ils", "elles", "je", "ne", "pas", "que", "qui", "ce", "cette"],
        "es": ["el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "y", "o", "pero", "en", "a", "al", "con",
               "por", "para", "es", "son", "que", "se", "no", "su", "sus", "lo"],
        "it": ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della", "e", "o", "ma", "in", "a",
               "al", "da", "con", "per", "su", "è", "sono", "che", "non", "si"],
        // Not `se`, `do`, `da`, `dos`, `das`: `se se aplicarem` (if + reflexive) and `diferente do do argumento`
        // (from + that of) are Portuguese.
        "pt": ["o", "a", "os", "as", "um", "uma", "de", "e", "ou", "mas", "em", "no", "na",
               "com", "por", "para", "é", "são", "que", "não"],
        "nl": ["de", "een", "en", "of", "maar", "van", "met", "voor", "naar", "is", "zijn",
               "niet", "ook", "ik", "we", "wij", "hij", "zij"],
        "ru": ["и", "в", "во", "на", "с", "со", "по", "к", "о", "от", "для", "из", "не", "что", "как", "это", "а", "но", "или"],
        "uk": ["і", "й", "та", "в", "у", "на", "з", "із", "до", "по", "від", "для", "не", "що", "як", "це", "а", "але", "або"],
        "pl": ["i", "w", "we", "na", "z", "ze", "do", "od", "dla", "nie", "że", "jak", "to", "a", "ale", "lub"],
    ]

    /// A line of an interactive session in documentation (`>>> x = 1`, `...     "a string"`): code and its data,
    /// whose words are as the program needs them (a doctest checks a string's length).
    static func isInteractiveCode(_ line: ByteRange, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = line.start
        while k < line.end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
        guard k + 3 < line.end, text[k + 3] == 0x20 else { return false }
        return (text[k] == 0x3E && text[k + 1] == 0x3E && text[k + 2] == 0x3E) || (text[k] == 0x2E && text[k + 1] == 0x2E && text[k + 2] == 0x2E)
    }

    /// Whether removing a doubled `word` (its last copy at `last`) is safe: a function word of the language (see
    /// `functionWords`), or a glossary term, target or forbidden rendering (`Taobao Taobao`, often what a fix of
    /// `Amoy Taobao` leaves; `Amoy amoy`).
    static func isSafeToRemove(_ word: String, at last: ByteRange, context: LintContext) -> Bool {
        if functionWords[Glossary.baseLanguage(context.locale)]?.contains(word.lowercased()) ?? false { return true }
        if let match = context.termMatch(startingAt: last.start), match.range.end == last.end { return true }
        return false
    }

    /// Particles whose double is more often right than wrong in real text (an adjective or a phrasal verb and then
    /// the preposition: `the light is on on the left`): reported at info.
    static let mostlyRight: Set<String> = ["on"]

    /// English prepositions that also end a phrasal verb or stand as an adjective or a keyword: doubled, they may
    /// be right (`Caps Lock is on on Windows`, `log in in the browser`, `foreach, not for for loops`). Still
    /// reported, but removing one is a suggestion.
    static let particles: [String: Set<String>] = [
        "en": ["on", "in", "off", "out", "up", "down", "over", "by", "for", "about", "through", "around"],
    ]

    static func isParticle(_ word: String, language: String) -> Bool {
        particles[language]?.contains(word.lowercased()) ?? false
    }

    /// Whether a line that starts with `byte` may start a Markdown block: a fence (`` ` `` `~`), a heading, a quote,
    /// a list item (a bullet or a number), a table row, a setext underline or HTML.
    static func mayStartBlock(_ byte: UInt8) -> Bool {
        "`~#>-+*|=<_".utf8.contains(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether the doubled words at `range` are quoted whole (`fix "the the" typo`, `'have have'`): a mention of
    /// the double, not a use.
    static func isQuoted(_ range: ByteRange, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.start > 0, range.end < text.count else { return false }
        // French sets its guillemets apart with a space (`« la la »`).
        func isSpace(_ s: UInt32) -> Bool { s == 0x20 || s == 0xA0 || s == 0x202F }
        var (before, length) = UTF8Bytes.decode(text, before: range.start)
        if isSpace(before), range.start - length > 0 { before = UTF8Bytes.decode(text, before: range.start - length).scalar }
        var (after, width) = UTF8Bytes.decode(text, at: range.end)
        if isSpace(after), range.end + width < text.count { after = UTF8Bytes.decode(text, at: range.end + width).scalar }
        let pairs: [UInt32: UInt32] = [0x22: 0x22, 0x27: 0x27, 0x60: 0x60, 0x201C: 0x201D, 0x2018: 0x2019, 0xAB: 0xBB, 0x201E: 0x201C]
        return pairs[before] == after
    }

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let language = Glossary.baseLanguage(context.locale)
        if Self.reduplicatingLanguages.contains(language) { return [] }
        var findings: [Finding] = []
        let text = context.text
        for paragraph in context.paragraphs {
            // `previous`: the last word, if only white space (at most one line break) has followed it.
            var previous: ByteRange?
            var lineBreaks = 0
            var i = paragraph.start
            while i < paragraph.end {
                let byte = text[i]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D { i += 1; continue }
                if byte == 0x0A {
                    lineBreaks += 1
                    if lineBreaks > 1 { previous = nil }
                    i += 1
                    continue
                }
                let isLetter: Bool
                if byte < 0x80 {
                    isLetter = CharacterClass.isASCIILetter(byte)
                } else {
                    let decoded = UTF8Bytes.decode(text, at: i)
                    isLetter = CharacterClass.isLetter(decoded.scalar) && !CharacterClass.isUnspacedScript(decoded.scalar)
                    if !isLetter { previous = nil; i += decoded.length; continue }
                }
                guard isLetter else { previous = nil; i += 1; continue }
                let word = wordRange(text, from: i, limit: paragraph.end)
                // Part of a larger token (x86, it's, e-mail) is no word of its own.
                // Glued to code or markup after it (`A^@`, `HEAD~2`, `e[x]ecute`, `x=1`): a token, or a word with a
                // marked letter.
                let joinedAfter = word.end < paragraph.end && (Self.joins(text[word.end]) || Self.tokenGlue.contains(text[word.end])
                    || Self.continues(text, after: word.end, limit: paragraph.end))
                let joinedBefore = i > paragraph.start && (Self.joins(text[i - 1]) || text[i - 1] == 0x5F || text[i - 1] == 0x2F || text[i - 1] == 0x2E)
                if joinedAfter || joinedBefore {
                    previous = nil
                } else if let p = previous, sameWord(p, word, context), context.isMasked(p.end) || context.isMasked(word.end) {
                    // Markup blanked right after either word (Markdown's `[` of `e[x]ecutar`) glues it as above; asked
                    // only of a candidate pair, not of every word.
                    previous = context.isMasked(word.end) ? nil : word
                } else if let p = previous, sameWord(p, word, context), Self.sameCase(p, word, context), Self.plainGap(p, word, context) {
                    // Take every further repeat too (`or or or`), so that one fix leaves one word.
                    var last = word
                    // The first repeat the lint may change: a run that starts in a previous chunk's left context
                    // (`editableStart`) and goes on in this chunk.
                    var firstEditable: ByteRange? = word.start >= context.editableStart ? word : nil
                    var k = word.end
                    let firstRepeat: ByteRange? = word
                    while true {
                        var next = k
                        var breaks = 0
                        while next < paragraph.end, case let b = text[next], b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A {
                            if b == 0x0A { breaks += 1 }
                            next += 1
                        }
                        guard breaks <= 1, next < paragraph.end, next > k, text[next] < 0x80, CharacterClass.isASCIILetter(text[next]) || text[next] == text[p.start] else { break }
                        let candidate = wordRange(text, from: next, limit: paragraph.end)
                        guard !candidate.isEmpty, sameWord(p, candidate, context),
                              !(candidate.end < paragraph.end && Self.joins(text[candidate.end])) else { break }
                        last = candidate
                        if firstEditable == nil && candidate.start >= context.editableStart { firstEditable = candidate }
                        k = candidate.end
                    }
                    let first = context.string(p)
                    let allowedHere = Self.allowedByLanguage[Glossary.baseLanguage(context.locale)] ?? []
                    // A glossary term that doubles a word (`Bora Bora`, `Baden-Baden`) is written as the glossary says.
                    if !Self.allowed.contains(first.lowercased()) && !allowedHere.contains(first.lowercased())
                        && !context.isInsideGlossaryTerm(ByteRange(p.start, word.end)) && !Self.isInteractiveCode(context.line(containing: p.start), text)
                        && !Self.isQuoted(ByteRange(p.start, last.end), text) {
                        if p.end >= context.editableStart {
                            var range = ByteRange(p.end, last.end)
                            // Across a line break the fix keeps the lines as they are (help text, hard-wrapped prose):
                            // the repeat goes with the spaces after it, or, at the end of its line, the first word
                            // goes with the spaces before it.
                            if let firstRepeat, (p.end..<firstRepeat.start).contains(where: { text[$0] == 0x0A }) {
                                var end = last.end
                                while end < text.count && (text[end] == 0x20 || text[end] == 0x09) { end += 1 }
                                // What would then start the line may start a Markdown block (a fence, a heading, a
                                // list, a quote, a table row): the first word goes instead (or, with several repeats,
                                // the line break and the repeats), so no line starts anew.
                                let wouldStartBlock = end < text.count && (Self.mayStartBlock(text[end]) || context.isMasked(end))
                                if end > last.end && end < text.count && text[end] != 0x0A && text[end] != 0x0D && !wouldStartBlock {
                                    range = ByteRange(firstRepeat.start, end)
                                } else if last == firstRepeat {
                                    var start = p.start
                                    while start > context.editableStart && (text[start - 1] == 0x20 || text[start - 1] == 0x09) { start -= 1 }
                                    if start < p.start && start > 0 && text[start - 1] != 0x0A { range = ByteRange(start, p.end) }
                                }
                            }
                            findings.append(.repeated(first, range: range, safe: Self.isSafeToRemove(first, at: last, context: context),
                                                       particle: Self.isParticle(first, language: language)))
                        } else if let firstEditable {
                            // The previous chunk kept the first word: the repeats here go, with the spaces after them,
                            // and when they fill their lines, with the line break, so that no blank line is left.
                            var start = firstEditable.start, end = last.end
                            while start > context.editableStart && (text[start - 1] == 0x20 || text[start - 1] == 0x09) { start -= 1 }
                            while end < text.count && (text[end] == 0x20 || text[end] == 0x09 || text[end] == 0x0D) { end += 1 }
                            if end < text.count && text[end] == 0x0A && (start == 0 || text[start - 1] == 0x0A) { end += 1 }
                            findings.append(.repeated(first, range: ByteRange(start, end), safe: Self.isSafeToRemove(first, at: last, context: context),
                                                       particle: Self.isParticle(first, language: language)))
                        }
                    }
                    previous = nil
                    i = last.end
                    lineBreaks = 0
                    continue
                } else {
                    previous = word
                }
                lineBreaks = 0
                i = word.end
            }
        }
        return findings
    }

    /// As written, or the first capitalized at a sentence start (`The the`). `port PORT` (a keyword and its
    /// metavariable) and `COPYRIGHT` / `Copyright` (a heading and its text) are not slips, nor is a name the
    /// source writes twice too (`Walla Walla`).
    private static func sameCase(_ a: ByteRange, _ b: ByteRange, _ context: LintContext) -> Bool {
        // `$in in where blocks`: a variable and the word, not a repeat; so are
        // `%A a las %X`: a format directive (strftime's weekday) and the word.
        if a.start > 0 && (context.text[a.start - 1] == 0x24 || context.text[a.start - 1] == 0x25) { return false }
        let first = context.string(a), second = context.string(b)
        if first == second {
            guard first.unicodeScalars.dropFirst().allSatisfy({ !CharacterClass.isUppercase($0.value) }) else { return false }
            if let source = context.sourceSearch(around: a.start), source.containsScalars(of: first + " " + second) { return false }
            // `Hoia Hoia`, `Pago Pago`: a capitalized double is a name, unless it is a glossary term the translation
            // doubled (`Taobao Taobao`: both words are matches, not `Sky` before the term `Sky cat`) or a common word.
            if let head = first.unicodeScalars.first, CharacterClass.isUppercase(head.value) {
                let doubledTerm = context.termMatch(startingAt: a.start).map { $0.range == a } == true
                    && context.termMatch(startingAt: b.start) != nil
                return doubledTerm || CommonWords.english.contains(first.lowercased())
            }
            return true
        }
        guard let head = first.unicodeScalars.first, CharacterClass.isUppercase(head.value) else { return false }
        // Capitalized inside a sentence, the first is a name (`Remove And and Or elements`); at a sentence or line
        // start it is the slip (`The the`).
        let line = context.line(containing: a.start)
        guard context.isSentenceWordStart(a.start)
                || (line.start..<a.start).allSatisfy({ !CharacterClass.isASCIIAlnum(context.text[$0]) && context.text[$0] < 0x80 }) else { return false }
        return first.unicodeScalars.dropFirst().elementsEqual(second.unicodeScalars.dropFirst())
            && second.unicodeScalars.allSatisfy { !CharacterClass.isUppercase($0.value) }
    }

    /// The white space between two words is one space, or a line break between lines indented alike: not a tab,
    /// not two spaces (columns), not a heading above an indented text.
    private static func plainGap(_ a: ByteRange, _ b: ByteRange, _ context: LintContext) -> Bool {
        let text = context.text
        var k = a.end
        var spaces = 0
        var sawBreak = false
        while k < b.start {
            switch text[k] {
            case 0x09: return false
            case 0x20: spaces += 1; if spaces >= 2 && !sawBreak { return false }
            case 0x0A: sawBreak = true; spaces = 0
            default: break
            }
            k += 1
        }
        // Two words alone on their line (`    Form form`): a class and its instance, a term and its value.
        let lineOfA = context.line(containing: a.start)
        if !sawBreak, (lineOfA.start..<a.start).allSatisfy({ text[$0] == 0x20 || text[$0] == 0x09 || context.isMasked($0) }),
           (b.end..<lineOfA.end).allSatisfy({ text[$0] == 0x20 || text[$0] == 0x09 }) { return false }
        guard sawBreak else { return true }
        func indent(ofLineHolding offset: Int) -> Int {
            let line = context.line(containing: offset)
            var i = line.start
            while i < line.end && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
            return i - line.start
        }
        // A word alone on its line (`make` above `make test`) is a term or a command, not the end of a sentence.
        let line = context.line(containing: a.start)
        guard (line.start..<a.start).contains(where: { CharacterClass.isASCIIAlnum(text[$0]) || text[$0] >= 0x80 }) else { return false }
        return indent(ofLineHolding: a.start) == indent(ofLineHolding: b.start)
    }

    /// A word that goes on past what looks like its end: a file name (`my.ucm`), or a word hyphenated at the end of
    /// a line (`in‐` / `put`, with U+2010 or a soft hyphen, as man renders them).
    private static func continues(_ text: UnsafeBufferPointer<UInt8>, after end: Int, limit: Int) -> Bool {
        if text[end] == 0x2E { return end + 1 < limit && CharacterClass.isASCIILetter(text[end + 1]) }
        var k = end
        if k + 2 < limit && text[k] == 0xE2 && text[k + 1] == 0x80 && text[k + 2] == 0x90 { k += 3 }
        else if k + 1 < limit && text[k] == 0xC2 && text[k + 1] == 0xAD { k += 2 }
        else { return false }
        return k >= limit || text[k] == 0x0A || text[k] == 0x0D
    }

    /// `[^@~{=$&` and the backtick: what glues a word to the code or markup after it (`&` marks a menu's access
    /// key: `в&ыделенном`).
    static let tokenGlue = ByteSet("[^@~{=$&`")

    @inline(__always) private static func joins(_ byte: UInt8) -> Bool {
        CharacterClass.isASCIIDigit(byte) || byte == 0x27 || byte == 0x2D || byte == 0x5F
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
        let text = context.text
        if a.length == b.length {
            // ASCII words compare byte by byte, case-insensitively, without building strings.
            var k = 0
            while k < a.length {
                let x = text[a.start + k], y = text[b.start + k]
                if x >= 0x80 || y >= 0x80 { break }
                if x | 0x20 != y | 0x20 { return false }
                k += 1
            }
            if k == a.length { return true }
        } else if text[a.start] < 0x80 && text[b.start] < 0x80 {
            return false
        }
        return CaseMapping.fold(context.string(a)) == CaseMapping.fold(context.string(b))
    }
}

extension Finding {
    fileprivate static func repeated(_ word: String, range: ByteRange, safe: Bool, particle: Bool) -> Finding {
        var finding = Finding(rule: RepeatedWordCheck.description.id, severity: RepeatedWordCheck.description.defaultSeverity,
                              message: "remove the repeated word '\(word)'",
                              replacing: range, with: "", title: "Remove the second '\(word)'")
        if safe && particle && RepeatedWordCheck.mostlyRight.contains(word.lowercased()) {
            // `is on on Windows`, `powered on on the first connect`: in real text this double is right more often
            // than not.
            finding.fix = finding.fix?.suggested("a doubled '\(word)' is mostly right: 'it is on on Windows', 'powered on on start'")
            finding.severity = .info
        } else if safe && particle {
            finding.fix = finding.fix?.suggested("a doubled '\(word)' can be right: 'it is on on Windows', 'not for for loops'")
        } else if !safe {
            // Weak evidence: info, with the fix only suggested.
            finding.fix = finding.fix?.suggested("a doubled '\(word)' may be meant: a table column, a name or an argument")
            finding.severity = .info
        }
        return finding
    }
}
