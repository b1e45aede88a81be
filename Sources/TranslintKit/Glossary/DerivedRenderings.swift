/// Forbidden renderings the glossary does not list, derived from what it does list.
///
/// Machine translation varies a literal rendering in predictable ways, and a glossary cannot list them all:
///
/// - **Variants** of a listed rendering of two or more words: hyphens for spaces and the reverse
///   (`micro-letter`, `micro letter`) and the last word in the plural (`electricity suppliers`). A variant
///   behaves as the rendering it comes from (its ambiguity and context), except that a plural's fix is only
///   suggested: whether the target takes the plural is the writer's call (`red rice phones` → `Redmi phones`,
///   but `electricity suppliers` → `e-commerce`); and, since plain `--fix` leaves it, it is no evidence for
///   other renderings.
/// - **Readings**: for an entry whose source is two to four Chinese characters and whose target is a name
///   (capitalized), every combination of its characters' literal readings (`readings:` in the glossary:
///   `红: [red]`, `米: [rice, meter]` give `red meter` for 红米 → Redmi), of two words or more, for entries with
///   context words. A derived reading is always ambiguous: it is flagged only where the aligned source holds the
///   term, or a context word of the entry (not its target) is in the same paragraph; then as a warning whose fix
///   is only suggested.
///
/// Nothing is derived that is already some entry's target or listed rendering, that two entries would share,
/// or that the glossary's `ignore` list holds. Derivation is deterministic and idempotent.
public enum DerivedRenderings {
    /// The reading of a character that machine translation drops (的 in 快的).
    public static let dropped = "-"
    /// At most this many reading combinations per entry; an entry with more derives none.
    static let maximumReadingCombinations = 48
    /// Source terms of this many characters derive readings.
    static let readingLengths = 2...4

    /// Why `word` cannot be a reading of `key` (every reader refuses the same), or nil.
    static func readingProblem(_ word: String, of key: String) -> String? {
        if word == dropped { return nil }
        let letter: (Unicode.Scalar) -> Bool = { (0x61...0x7A).contains($0.value) }
        guard word.unicodeScalars.allSatisfy({ letter($0) || $0 == " " || $0 == "-" || $0 == "'" }), word.unicodeScalars.contains(where: letter) else {
            return "reading '\(word)' of '\(key)' must be lowercase English letters, spaces, hyphens or apostrophes, or '-'"
        }
        return nil
    }

    /// `glossary` with the derived renderings appended to each entry's `forbidden`, each marked with its origin.
    public static func apply(to glossary: Glossary) -> Glossary {
        var taken = Set<[UInt8]>(), listed = Set<[UInt8]>()
        for entry in glossary.entries {
            taken.insert(key(entry.target))
            for rendering in entry.forbidden { taken.insert(key(rendering)); listed.insert(key(rendering)) }
        }
        for phrase in glossary.ignore { taken.insert(key(phrase)) }
        // Longest key first at each place: `饿了么` may have a reading of its own.
        let longestKey = glossary.readings.keys.map { $0.unicodeScalars.count }.max() ?? 1
        // Candidates per entry, then keep those that no other entry also derives.
        var candidates: [[(text: String, origin: RenderingOrigin, base: Int?)]] = []
        var claims: [[UInt8]: Int] = [:]
        for entry in glossary.entries {
            var mine: [(text: String, origin: RenderingOrigin, base: Int?)] = []
            var own = Set<[UInt8]>()
            func offer(_ text: String, _ origin: RenderingOrigin, base: Int?) {
                let folded = key(text)
                guard !folded.isEmpty, !taken.contains(folded), own.insert(folded).inserted else { return }
                mine.append((text, origin, base))
                claims[folded, default: 0] += 1
            }
            for (k, rendering) in entry.forbidden.enumerated() where entry.origin(k) == nil {
                // A plural whose first words are a listed rendering already is caught by it, with a safe fix
                // (`millet phones`: `millet` → `Xiaomi phones`); its own fix would only be suggested.
                let coveredByPrefix = prefixes(of: rendering).contains { listed.contains(key($0)) }
                for (form, plural) in variants(of: rendering) where !(plural && coveredByPrefix) {
                    offer(form, .variant(of: rendering, plural: plural), base: k)
                }
            }
            if let readings = readingRenderings(of: entry, readings: glossary.readings, longestKey: longestKey) {
                for (text, explanation) in readings {
                    offer(text, .reading(explanation), base: nil)
                    for (form, _) in variants(of: text) { offer(form, .reading(explanation), base: nil) }
                }
            }
            candidates.append(mine)
        }
        var result = glossary
        for (index, mine) in candidates.enumerated() {
            var entry = result.entries[index]
            for candidate in mine where claims[key(candidate.text)] == 1 {
                var said = RenderingAmbiguity(origin: candidate.origin)
                if let base = candidate.base {
                    let listed = entry.renderings[entry.forbidden[base]]
                    said.ambiguous = listed?.ambiguous
                    said.context = listed?.context ?? []
                } else {
                    said.ambiguous = true
                }
                entry.renderings[candidate.text] = said
                entry.forbidden.append(candidate.text)
            }
            result.entries[index] = entry
        }
        return result
    }

    /// `millet`, `millet phone` for `millet phone maker`: the rendering without its last word, and so on.
    private static func prefixes(of rendering: String) -> [String] {
        var words = rendering.split(separator: " ")
        var result: [String] = []
        while words.count > 1 { words.removeLast(); result.append(words.joined(separator: " ")) }
        return result
    }

    /// Folded, white space collapsed: how the term matcher compares.
    private static func key(_ text: String) -> [UInt8] { TermMatcher.collapsingWhitespace(CaseMapping.fold(text)) }

    /// The words of a rendering and what separates them, when every word is ASCII letters (an apostrophe inside
    /// is kept with its word) and the separators are single spaces or hyphens; nil otherwise.
    private static func words(_ text: String) -> (words: [String], separators: [Character])? {
        var words: [String] = [], separators: [Character] = [], current = ""
        for character in text {
            if character == " " || character == "-" {
                guard !current.isEmpty else { return nil }
                words.append(current); separators.append(character); current = ""
            } else if character.isASCII && (character.isLetter || character == "'") {
                current.append(character)
            } else {
                return nil
            }
        }
        guard !current.isEmpty else { return nil }
        words.append(current)
        return (words, separators)
    }

    /// The variants of `rendering` (not itself), each with whether its last word was put in the plural.
    static func variants(of rendering: String) -> [(String, Bool)] {
        guard let (words, separators) = words(rendering), words.count >= 2 else { return [] }
        var forms: [String] = []
        if separators.contains(" ") { forms.append(words.joined(separator: "-")) }
        if separators.contains("-") { forms.append(words.joined(separator: " ")) }
        // Not closed up: `micro blog` closed is `microblog`, an English word.
        var result = forms.map { ($0, false) }
        // Not after an article: `beat the new` is no noun phrase.
        if !["the", "a", "an"].contains(words[words.count - 2].lowercased()), let plural = plural(words[words.count - 1]) {
            for form in [rendering] + forms {
                result.append((String(form.dropLast(words[words.count - 1].count)) + plural, true))
            }
        }
        return result.filter { $0.0 != rendering }
    }

    /// Words whose `-s` form is another word or no plural (`new` → `news`): adjectives, adverbs and particles
    /// that end literal renderings (`beat the new`, `step by step high`).
    static let notPluralized: Set<String> = [
        "new", "high", "low", "deep", "good", "bad", "big", "small", "old", "young", "long", "short", "wide", "fast",
        "slow", "hot", "cold", "rich", "poor", "full", "empty", "free", "open", "red", "black", "white", "blue",
        "green", "gold", "golden", "first", "last", "next", "top", "up", "down", "out", "off", "over", "well", "yet",
        "again", "now", "then", "here", "there", "only", "also", "even", "still", "just", "more", "most", "less",
        "least", "much", "many", "few", "all", "both", "each", "every", "any", "some", "none", "one", "two", "three",
        "ten", "hundred", "thousand", "million", "billion", "cheap", "dear", "live", "online", "offline", "net",
    ]

    /// The English plural of a lowercase or capitalized word, or nil for a word that looks plural already or
    /// whose plural is not regular.
    static func plural(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.count >= 3, lower.allSatisfy({ $0.isLetter }), !notPluralized.contains(lower) else { return nil }
        if lower.hasSuffix("s") || lower.hasSuffix("ing") || lower.hasSuffix("ed") { return nil }
        if lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") || lower.hasSuffix("z") { return word + "es" }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
        return word + "s"
    }

    /// English words that glue a sentence together, never the first or last word of a derived reading.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "by", "for", "from",
        "with", "as", "into", "onto", "over", "under", "up", "down", "out", "off", "than", "then", "is", "are", "was",
        "were", "be", "been", "am", "it", "its", "this", "that", "these", "those", "he", "she", "we", "they", "you",
        "i", "me", "my", "his", "her", "our", "their", "your", "not", "no", "all", "one", "very", "too", "also",
        "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must",
        "what", "which", "who", "when", "where", "how", "why", "if", "there", "here", "some", "any", "each", "more",
        "most", "much", "many", "such", "only", "just", "own", "same", "other", "about", "after", "before", "again",
    ]

    /// The renderings an entry's characters read as (two words or more), each with its explanation
    /// (`红 red + 米 meter`); nil when the entry derives none.
    /// Whether `entry` has the shape whose character readings are derived, given context words and readings: a name
    /// (`Redmi`, `Great Wall Motor`; not a term that starts with an acronym, `QR code`) whose source is two to four
    /// Chinese or Japanese characters. Its context words then serve the readings, even with no ambiguous rendering.
    public static func readsCharacters(_ entry: GlossaryEntry) -> Bool {
        guard let source = entry.source, let first = entry.target.unicodeScalars.first, CharacterClass.isUppercase(first.value),
              entry.target.split(separator: " ").dropFirst().allSatisfy({ $0.first.map { !$0.isLowercase } ?? true }) else { return false }
        let scalars = Array(source.unicodeScalars)
        return readingLengths.contains(scalars.count) && scalars.allSatisfy { CharacterClass.isUnspacedScript($0.value) && CharacterClass.isLetter($0.value) }
    }

    static func readingRenderings(of entry: GlossaryEntry, readings: [String: [String]], longestKey longest: Int) -> [(String, String)]? {
        // An entry with context words of its own: a derived reading is ordinary words (`new wave` for 新浪), and the
        // target alone is too weak a sign (`Sina reported a new wave of layoffs`).
        guard !readings.isEmpty, !entry.context.isEmpty, readsCharacters(entry), let source = entry.source else { return nil }
        let scalars = Array(source.unicodeScalars)
        var parts: [(String, [String])] = []
        var at = 0
        while at < scalars.count {
            var found: (String, [String])?
            for length in stride(from: min(longest, scalars.count - at), through: 1, by: -1) {
                let piece = String(String.UnicodeScalarView(scalars[at..<at + length]))
                if let words = readings[piece], !words.isEmpty { found = (piece, words); at += length; break }
            }
            guard let found else { return nil }
            parts.append(found)
        }
        var combinations: [[(String, String)]] = [[]]
        for (piece, words) in parts {
            combinations = combinations.flatMap { prefix in words.map { prefix + [(piece, $0)] } }
            if combinations.count > maximumReadingCombinations { return nil }
        }
        return combinations.compactMap { combination in
            let kept = combination.map(\.1).filter { $0 != dropped }
            let text = kept.joined(separator: " ")
            let words = text.split(separator: " ")
            // `and big` (和硕) would claim the words of ordinary sentences (`Penguin and Big Fish`): a derived reading
            // neither starts nor ends with a function word.
            guard words.count >= 2, !functionWords.contains(String(words[0])), !functionWords.contains(String(words[words.count - 1])) else { return nil }
            return (text, combination.map { "\($0.0) \($0.1 == dropped ? "(dropped)" : $0.1)" }.joined(separator: " + "))
        }
    }
}
