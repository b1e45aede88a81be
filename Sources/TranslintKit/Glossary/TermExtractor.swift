/// Finds source terms that an aligned bilingual text translates in more than one way: the workflow translators
/// use to grow a termbase. Two sources of candidates:
///
/// - glossary entries whose source term occurs in a source segment: which of the entry's renderings (its target
///   or a forbidden one) the aligned target segment uses;
/// - frequent source n-grams (1 to 3 ICU words; in Chinese, Japanese and Thai, ICU's dictionary words) that are
///   not in the glossary: their likely renderings are the target n-grams that co-occur with them most
///   (Dice coefficient over segments), and a candidate is listed when two renderings each cover at least
///   `minCount` segments.
public enum TermExtractor {
    public struct Rendering: Hashable, Sendable {
        public var text: String
        /// Aligned segments whose target uses it.
        public var count: Int
        /// Whether the glossary forbids it.
        public var isForbidden: Bool
    }

    public struct Candidate: Hashable, Sendable {
        public var source: String
        /// Segments whose source holds the term.
        public var occurrences: Int
        /// Most used first.
        public var renderings: [Rendering]
        /// The glossary entry it comes from, if any.
        public var entry: GlossaryEntry?
    }

    public static func extract(source: [String], target: [String], glossary: Glossary?, sourceLanguage: String, targetLanguage: String,
                               minCount: Int = 2) -> [Candidate] {
        let pairs = Array(zip(source, target))
        let entries = (glossary?.entries ?? []).filter { $0.source != nil }
        // Pairs outside, entries inside: each pair is read for term questions once, and only one at a time is held.
        var counts = [[String: Int]](repeating: [:], count: entries.count)
        var occurrences = [Int](repeating: 0, count: entries.count)
        for (s, t) in pairs {
            let (source, target) = (TermSearch(s), TermSearch(t))
            for (k, entry) in entries.enumerated() where source.contains(entry.source!, exactCase: true) {
                occurrences[k] += 1
                for rendering in [entry.target] + entry.forbidden where target.containsWords(rendering, exactCase: false) {
                    counts[k][rendering, default: 0] += 1
                }
            }
        }
        var candidates: [Candidate] = []
        let known = Set(entries.map { $0.source! })
        for (k, entry) in entries.enumerated() where counts[k].count >= 2 {
            let renderings = counts[k].map { Rendering(text: $0.key, count: $0.value, isForbidden: $0.key != entry.target) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
            candidates.append(Candidate(source: entry.source!, occurrences: occurrences[k], renderings: renderings, entry: entry))
        }
        candidates += ngramCandidates(pairs, known: known, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, minCount: minCount)
        return candidates
    }

    // MARK: N-grams

    private static func ngramCandidates(_ pairs: [(String, String)], known: Set<String>, sourceLanguage: String, targetLanguage: String,
                                        minCount: Int) -> [Candidate] {
        guard let sourceWords = Segmenter(.word, locale: sourceLanguage.replacingAll("-", "_")),
              let targetWords = Segmenter(.word, locale: targetLanguage.replacingAll("-", "_")) else { return [] }
        var sourceLines: [String: Set<Int>] = [:]
        var targetLines: [String: Set<Int>] = [:]
        let functionWords = targetLanguage.lowercased().hasPrefix("en") ? englishFunctionWords : []
        let sourceFunctionWords = sourceLanguage.lowercased().hasPrefix("en") ? englishFunctionWords : []
        for (k, (s, t)) in pairs.enumerated() {
            for gram in ngrams(s, sourceWords, lowercase: false, functionWords: sourceFunctionWords) { sourceLines[gram, default: []].insert(k) }
            for gram in ngrams(t, targetWords, lowercase: true, functionWords: functionWords) { targetLines[gram, default: []].insert(k) }
        }
        // Target n-grams worth considering: seen at least minCount times.
        let targetGrams = targetLines.filter { $0.value.count >= minCount }
        var result: [Candidate] = []
        let frequent = sourceLines.filter { $0.value.count >= minCount * 2 && !known.contains($0.key) && $0.key.unicodeScalars.count >= 2 }
        for (gram, lines) in frequent.sorted(by: { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }) {
            // Skip a gram inside a longer one that occurs as often (keep 淘宝客 over 淘宝 when they always co-occur).
            if frequent.contains(where: { $0.key != gram && $0.key.contains(gram) && $0.value == lines }) { continue }
            func best(_ within: Set<Int>, excluding: String?) -> (String, Set<Int>)? {
                var top: (String, Set<Int>, Double)?
                for (t, tLines) in targetGrams where t != excluding {
                    let common = tLines.intersection(within)
                    guard common.count >= minCount else { continue }
                    let dice = 2 * Double(common.count) / Double(within.count + tLines.count)
                    if top == nil || dice > top!.2 || (dice == top!.2 && t.count > top!.0.count) { top = (t, common, dice) }
                }
                return top.map { ($0.0, $0.1) }
            }
            guard let (first, firstLines) = best(lines, excluding: nil) else { continue }
            let rest = lines.subtracting(firstLines)
            guard rest.count >= minCount, let (second, secondLines) = best(rest, excluding: first),
                  !first.contains(second), !second.contains(first) else { continue }
            result.append(Candidate(source: gram, occurrences: lines.count,
                                    renderings: [Rendering(text: first, count: firstLines.count, isForbidden: false),
                                                 Rendering(text: second, count: secondLines.count, isForbidden: false)],
                                    entry: nil))
        }
        return result
    }

    /// English function words: an n-gram of the target may not start or end with one (`an e-commerce` is `e-commerce`).
    static let englishFunctionWords: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was",
                                                    "were", "be", "by", "with", "at", "from", "as", "that", "this", "it", "its"]

    /// Word n-grams (n = 1…3) of a segment. Words: by ICU word break in scripts written without spaces (joined without
    /// spaces), else runs between white space with outer punctuation trimmed (`e-commerce` stays one word).
    /// Punctuation between words ends an n-gram.
    private static func ngrams(_ text: String, _ segmenter: Segmenter, lowercase: Bool, functionWords: Set<String> = []) -> Set<String> {
        let breakMark = "\u{0}"
        var words: [String] = []
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            let scalars = Array(chunk.unicodeScalars)
            if scalars.contains(where: { CharacterClass.isUnspacedScript($0.value) }) {
                let bytes = Array(String(chunk).utf8)
                let boundaries = bytes.withUnsafeBufferPointer { segmenter.boundaries($0, joinLines: true) }
                for (a, b) in zip(boundaries, boundaries.dropFirst()) {
                    let word = String(decoding: bytes[a..<b], as: UTF8.self)
                    words.append(word.unicodeScalars.contains { CharacterClass.isLetter($0.value) } ? word : breakMark)
                }
                words.append(breakMark)
                continue
            }
            var start = 0, end = scalars.count
            while start < end && !CharacterClass.isAlnum(scalars[start].value) { start += 1 }
            while end > start && !CharacterClass.isAlnum(scalars[end - 1].value) { end -= 1 }
            if start > 0 { words.append(breakMark) }
            if start < end {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                words.append(lowercase ? String(view).lowercased() : String(view))
            }
            if end < scalars.count { words.append(breakMark) }
        }
        var grams = Set<String>()
        for n in 1...3 {
            guard words.count >= n else { break }
            for start in 0...(words.count - n) {
                let slice = words[start..<(start + n)]
                if slice.contains(breakMark) { continue }
                if functionWords.contains(slice.first!) || functionWords.contains(slice.last!) { continue }
                let unspaced = slice.allSatisfy { $0.unicodeScalars.allSatisfy { CharacterClass.isUnspacedScript($0.value) } }
                grams.insert(slice.joined(separator: unspaced ? "" : " "))
            }
        }
        return grams
    }

    /// Candidates as YAML a translator can review and paste into a glossary.
    public static func yaml(_ candidates: [Candidate], sourceLanguage: String, targetLanguage: String, segments: Int) -> String {
        var out = "# translint glossary extract: \(candidates.count) source term\(candidates.count == 1 ? "" : "s") translated in more than one way\n"
        out += "# in \(segments) aligned segments. Counts are segments; review before adding (translint glossary add).\n"
        out += "version: 1\nsource_language: \(YAMLGlossaryWriter.scalar(sourceLanguage))\ntarget_language: \(YAMLGlossaryWriter.scalar(targetLanguage))\n"
        // No candidate: an empty list, which the loader reads (`terms:` alone would be null, which it refuses).
        out += candidates.isEmpty ? "terms: []\n" : "terms:\n"
        for c in candidates {
            let origin = c.entry?.location.map { "glossary entry at \($0)" } ?? "frequent n-gram"
            out += "  # \(c.source): \(c.occurrences) segments (\(origin)); "
            out += c.renderings.map { "'\($0.text)' \($0.count)×\($0.isForbidden ? " (forbidden)" : "")" }.joined(separator: ", ") + "\n"
            out += "  - source: \(YAMLGlossaryWriter.scalar(c.source))\n"
            let preferred = c.entry?.target ?? c.renderings[0].text
            out += "    target: \(YAMLGlossaryWriter.scalar(preferred))\n"
            let others = c.renderings.map(\.text).filter { $0 != preferred }
            if !others.isEmpty { out += "    forbidden: \(YAMLGlossaryWriter.flowList(others))\n" }
        }
        return out
    }
}
