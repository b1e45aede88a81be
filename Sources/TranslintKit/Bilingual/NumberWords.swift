import CICU
import Foundation

/// How a language writes numbers, from ICU: its number words (rule-based spellout, cardinals and ordinals:
/// German `drei` and `dritte` are 3, Russian `двадцать один` is 21) and its decimal and grouping separators
/// (`1.000.000` is a million in German, `1,5` is one and a half in French).
///
/// Built once per language and process, on first use: spelling out the numbers 2 to 100, the hundreds and a few
/// scales with every public spellout rule set of the locale.
public struct NumberWords: Sendable {
    /// Lowercased words or phrases (single spaces) → value. 0 and 1 are left out: as often an article as a number.
    public let words: [String: Double]
    /// The longest phrase, in words.
    public let longestPhrase: Int
    /// The first scalar of every phrase, lowercase and uppercase: a word starting with another is no number word,
    /// and is passed without making a String of it.
    public let firstScalars: Set<UInt32>
    /// Scale words that follow digits (`1,5 millones`, `3 Milliarden`): the word ICU writes after a number for a
    /// thousand, a million and a billion, singular and plural.
    public let scales: [String: Double]
    /// The scale words but for their last letter (five letters or more), for the cases ICU does not spell.
    let scaleStems: [([Unicode.Scalar], Double)]
    /// The locale's decimal and grouping separators (`.` and `,` in English).
    public let decimal: String
    public let grouping: String
    /// Whether ICU knows the locale's separators; for a locale it has no data for (Occitan), they are the root
    /// locale's, and a comma may be either.
    public let knowsSeparators: Bool

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: NumberWords] = [:]

    /// The number words and separators of `language` (a BCP 47 tag; its base language decides the words).
    public static func of(_ language: String) -> NumberWords {
        lock.lock()
        defer { lock.unlock() }
        // Keyed by the tag as given: asked once per unit, the ICU locale name is made only the first time.
        if let known = cache[language] { return known }
        let made = NumberWords(locale: language.replacingOccurrences(of: "-", with: "_"))
        cache[language] = made
        return made
    }

    private init(copying other: NumberWords, decimal: String, grouping: String) {
        words = other.words
        longestPhrase = other.longestPhrase
        firstScalars = other.firstScalars
        scales = other.scales
        scaleStems = other.scaleStems
        self.decimal = decimal
        self.grouping = grouping
        knowsSeparators = false
    }

    /// The values spelled out: what a translation of a number in digits most often says in words.
    static let spelled: [Double] = Array(2...100).map(Double.init) + [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1e4, 1e5, 1e6, 1e9]

    init(locale: String) {
        var words: [String: Double] = [:]
        var longest = 1
        if let spellout = cicu_spellout_open(locale) {
            defer { cicu_spellout_close(spellout) }
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = Int(cicu_spellout_rulesets(spellout, &buffer, Int32(buffer.count)))
            let names = length > 0 && length < buffer.count
                ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: ";").map(String.init) : []
            // Cardinals and ordinals, in every gender and case the locale has; not years (`nineteen eighty-four`).
            for name in names where name.hasPrefix("%spellout") && !name.contains("year") {
                for value in Self.spelled {
                    var out = [CChar](repeating: 0, count: 512)
                    let n = Int(cicu_spellout_format(spellout, name, value, &out, Int32(out.count)))
                    guard n > 0 && n < out.count else { continue }
                    let phrase = CaseMapping.lowercased(String(decoding: out[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self), locale: locale)
                        .split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " ")
                    guard !phrase.isEmpty, phrase.unicodeScalars.contains(where: { CharacterClass.isLetter($0.value) }) else { continue }
                    if words[phrase] == nil { words[phrase] = value }
                    longest = max(longest, phrase.split(separator: " ").count)
                }
            }
        }
        var scales: [String: Double] = [:]
        if let spellout = cicu_spellout_open(locale) {
            defer { cicu_spellout_close(spellout) }
            func spell(_ value: Double) -> String? {
                var out = [CChar](repeating: 0, count: 512)
                let n = Int(cicu_spellout_format(spellout, nil, value, &out, Int32(out.count)))
                guard n > 0 && n < out.count else { return nil }
                return CaseMapping.lowercased(String(decoding: out[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self), locale: locale)
            }
            // `dos millones` = `dos` + `millones`: the scale is what follows the number's own word.
            for scale in [1e3, 1e6, 1e9] {
                for multiple in [2.0, 3, 5, 1] {   // 5: the genitive plural of Slavic languages (`5 мільярдів`)
                    guard let whole = spell(multiple * scale)?.split(separator: " ").map(String.init), whole.count == 2,
                          scales[whole[1]] == nil else { continue }
                    // `un millón`, but not `mil millones` (a billion in Spanish: a scale of a scale).
                    if spell(multiple) == whole[0] || (multiple == 1 && scales[whole[0]] == nil) { scales[whole[1]] = scale }
                }
            }
        }
        self.scales = scales
        self.scaleStems = scales.map { (Array($0.key.unicodeScalars.dropLast()), $0.value) }.filter { $0.0.count >= 5 }
        self.words = words
        self.longestPhrase = min(longest, 4)
        var firsts = Set<UInt32>()
        for phrase in words.keys {
            guard let first = phrase.unicodeScalars.first else { continue }
            firsts.insert(first.value)
            for variant in [String(first).uppercased(), String(first).lowercased()] { variant.unicodeScalars.first.map { firsts.insert($0.value) } }
        }
        self.firstScalars = firsts
        var decimal = [CChar](repeating: 0, count: 16), grouping = [CChar](repeating: 0, count: 16)
        let status = cicu_number_symbols(locale, &decimal, &grouping, 16)
        if status >= 0 {
            self.decimal = String(cString: decimal)
            self.grouping = String(cString: grouping)
        } else {
            self.decimal = "."
            self.grouping = ","
        }
        self.knowsSeparators = status == 0
    }

    /// The scale that `word` (lowercased) names: one of `scales`, or another case of one, which ICU does not spell
    /// (Georgian `2 მილიარდ ტრანზაქციაზე` before a noun, where ICU writes `მილიარდი`): the same word but for its
    /// last letter, with at most two letters of ending. nil when stems of two different scales fit.
    public func scale(of word: String) -> Double? {
        if let exact = scales[word] { return exact }
        guard !scaleStems.isEmpty else { return nil }
        // Asked for nearly every word after a number (`3 files`): no copy of the word.
        let letters = word.unicodeScalars, count = letters.count
        var found: Double?
        for (stem, value) in scaleStems where count >= stem.count && count <= stem.count + 2 && letters.starts(with: stem) {
            if let other = found, other != value { return nil }
            found = value
        }
        return found
    }

    /// `value` spelled out by ICU in `language` with its default rule set (`drei`), or nil.
    public static func spelled(_ value: Double, language: String) -> String? {
        guard let spellout = cicu_spellout_open(language.replacingOccurrences(of: "-", with: "_")) else { return nil }
        defer { cicu_spellout_close(spellout) }
        var out = [CChar](repeating: 0, count: 512)
        let n = Int(cicu_spellout_format(spellout, nil, value, &out, Int32(out.count)))
        return n > 0 && n < out.count ? String(decoding: out[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    /// `value` in digits as ICU writes it in `language` (`1.234.567,5` in German), or nil.
    public static func formatted(_ value: Double, language: String) -> String? {
        var out = [CChar](repeating: 0, count: 128)
        let n = Int(cicu_format_decimal(language.replacingOccurrences(of: "-", with: "_"), value, &out, Int32(out.count)))
        return n > 0 && n < out.count ? String(decoding: out[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    /// Whether the locale writes `1.000` for a thousand and `1,5` for one and a half.
    public var groupsWithFullStop: Bool { grouping == "." && decimal == "," }
    /// Whether `1,5` is one and a half (French, German, Russian…).
    public var commaIsDecimal: Bool { decimal == "," }
    /// The same words, with `,` as the decimal mark and `.` grouping: a reading of a locale whose separators are unknown.
    func withDecimalComma() -> NumberWords { NumberWords(copying: self, decimal: ",", grouping: ".") }
}
