/// Numbers as a reader understands them, whatever the script: digits of any script, thousands separators and
/// decimal marks, Chinese numerals with 万 (10⁴) and 亿 (10⁸) (`2亿` = `200 million`), English number words with
/// scales (`two hundred`, `3.5 billion`), percentages (`百分之五十` = `50%`), and dates (`7月31日` = `July 31`:
/// a month name next to a day counts as the month's number). "One"/"一" on their own are left out: they are as
/// often an article as a number.
public enum NumberExtractor {
    public struct Mention: Hashable, Sendable {
        public var value: Double
        /// Byte offsets into the text, half-open.
        public var range: ByteRange
        public var text: String
        /// Weak evidence of a number: it pairs with the same value on the other side, but missing there it counts
        /// for nothing. Digits glued to letters or a unit word (`3D`, `5GB`, `4倍`, `16진수`), a single CJK numeral
        /// without a measure word (`三方`, three-way), a number word of the locale that ICU spells (`dritte`).
        public var isWeak = false
        /// Written without a digit (`two`, `两`, `July`): compared only with numbers the other side also writes in
        /// words, since number words translate into words a reader cannot tell from others (`both`, `deux`, `兩`).
        public var isWord: Bool { !text.unicodeScalars.contains { $0.properties.numericType == .decimal } }
    }

    /// What a text holds: its numbers, and the values of digits glued to a name (`FILE1`, `x86`), which are no
    /// numbers but may stand as numbers on the other side (`<文件1>`).
    public struct Extraction: Sendable {
        public var mentions: [Mention]
        public var gluedValues: Set<Double>
    }

    static let chineseDigits: [UInt32: Double] = [
        0x96F6: 0, 0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
    static let chineseSmallUnits: [UInt32: Double] = [0x5341: 10, 0x767E: 100, 0x5343: 1000]
    /// 万 and 亿, their traditional and Japanese forms 萬 and 億, and 兆 (10¹²).
    static let chineseLargeUnits: [UInt32: Double] = [0x4E07: 1e4, 0x4EBF: 1e8, 0x842C: 1e4, 0x5104: 1e8, 0x5146: 1e12]
    /// Korean 만 (10⁴) and 억 (10⁸) after digits (`20억` is two billion).
    static let koreanLargeUnits: [UInt32: Double] = [0xB9CC: 1e4, 0xC5B5: 1e8]
    /// Words in which a numeral is no number: 一些 (some), 一起 (together), 统一 (unify), 万一 (in case), 千万 (by all means)…
    static let chineseIdioms = ["一些", "一起", "一直", "一样", "一般", "一定", "一切", "一旦", "统一", "唯一", "万一", "一下", "一点", "之一",
                                "一边", "一同", "一向", "一律", "千万别", "千万不", "一致", "一再", "一度", "一时", "一面", "不一"]
    /// Measure words: a single numeral before one is a number (两家 = two).
    static let classifiers: Set<Unicode.Scalar> = Set("个家位名次种条件本张只台辆天周岁倍项款份场层批元块米人部篇首句段章节年月日号".unicodeScalars)

    static let englishWords: [String: Double] = [
        "zero": 0, "two": 2, "both": 2, "dozen": 12, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "hexadecimal": 16, "octal": 8, "twice": 2, "thrice": 3, "quad": 4,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let englishScales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
        // French and German scales after digits: `2 milliards`, `3 Millionen`.
        "mille": 1e3, "milliers": 1e3, "millier": 1e3, "milliard": 1e9, "milliards": 1e9,
        "tausend": 1e3, "million_de": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
    ]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    public static func numbers(in text: String, language: String? = nil) -> [Mention] { extract(text, language: language).mentions }

    /// The numbers of `text`, written in `language` (a BCP 47 tag: its separators and, but for English and the
    /// CJK languages, its number words come from ICU); the digits of placeholders (`%2$s`, `{0}`) are no numbers.
    /// `decimalComma`: read `,` as the decimal mark and `.` as grouping, whatever the language's separators.
    public static func extract(_ text: String, language: String? = nil, decimalComma: Bool = false) -> Extraction {
        var bytes = Array(text.utf8)
        for placeholder in Placeholders.placeholders(in: text, tags: false) {
            for k in placeholder.range.start..<placeholder.range.end { bytes[k] = 0x20 }
        }
        var glued: Set<Double> = []
        let base = language.map(Glossary.baseLanguage) ?? "en"
        let locale = language.map(NumberWords.of).map { decimalComma ? $0.withDecimalComma() : $0 }
        let lexicon = ["en", "zh", "ja"].contains(base) ? nil : locale
        let mentions = numbers(scanning: String(decoding: bytes, as: UTF8.self), glued: &glued, locale: locale, lexicon: lexicon)
        return Extraction(mentions: mentions, gluedValues: glued)
    }

    /// After digits, what makes them weak: a multiple (`4倍`, fourfold) or a base (`16진수`, `十進位`, hexadecimal).
    static let weakSuffixes: [String] = ["倍", "진수", "진법", "進位", "进位", "進制", "进制", "進数", "進法", "bit"]

    private static func numbers(scanning text: String, glued: inout Set<Double>, locale: NumberWords?, lexicon: NumberWords?) -> [Mention] {
        let commaIsDecimal = locale?.commaIsDecimal ?? false
        let fullStopGroups = locale?.groupsWithFullStop ?? false
        let spaceGroups = ["\u{A0}", "\u{202F}", " ", "\u{2009}"].contains(locale?.grouping ?? "")
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []   // byte offset of each scalar, and the end
        var o = 0
        offsets.reserveCapacity(scalars.count + 1)
        for s in scalars { offsets.append(o); o += s.value < 0x80 ? 1 : s.value < 0x800 ? 2 : s.value < 0x10000 ? 3 : 4 }
        offsets.append(o)
        var result: [Mention] = []
        func add(_ value: Double, _ a: Int, _ b: Int, weak: Bool = false) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            result.append(Mention(value: value, range: ByteRange(offsets[a], offsets[b]), text: String(view), isWeak: weak))
        }
        func decimalDigit(_ s: Unicode.Scalar) -> Int? {
            if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 ? Int(s.value - 0x30) : nil }   // most text: no property lookup
            guard s.properties.numericType == .decimal, let v = s.properties.numericValue else { return nil }
            return Int(v)
        }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < scalars.count && CharacterClass.isLetter(scalars[k].value) }
        func starts(_ k: Int, _ word: String) -> Bool {
            var i = k
            for w in word.unicodeScalars {
                guard i < scalars.count && scalars[i] == w else { return false }
                i += 1
            }
            return true
        }

        var k = 0
        var pendingMonth: (value: Double, start: Int, end: Int)?
        while k < scalars.count {
            let s = scalars[k]
            // Digits, with separators and decimals, and a scale after them.
            if decimalDigit(s) != nil, isLetter(k - 1) && !CharacterClass.isUnspacedScript(scalars[k - 1].value) {
                // Digits inside a name (x86, MP3, FILE1): no number.
                var value = 0.0
                while k < scalars.count && (decimalDigit(scalars[k]) != nil || CharacterClass.isLetter(scalars[k].value)
                                            || ((scalars[k] == "." || scalars[k] == "-" || scalars[k] == "_") && k + 1 < scalars.count && decimalDigit(scalars[k + 1]) != nil)) {
                    if let d = decimalDigit(scalars[k]) { value = value * 10 + Double(d) } else if value > 0 { glued.insert(value); value = 0 }
                    k += 1
                }
                if value > 0 { glued.insert(value) }
                continue
            }
            if let first = decimalDigit(s) {
                var digits = String(first)
                var j = k + 1
                var fraction = ""
                while j < scalars.count {
                    if let d = decimalDigit(scalars[j]) { if fraction.isEmpty { digits += String(d) } else { fraction += String(d) }; j += 1; continue }
                    let c = scalars[j]
                    // French and other languages group thousands with a (narrow) no-break or thin space: 1 048 576.
                    let threeDigitsFollow = (1...3).allSatisfy({ j + $0 < scalars.count && decimalDigit(scalars[j + $0]) != nil })
                        && !(j + 4 < scalars.count && decimalDigit(scalars[j + 4]) != nil)
                    // The locale's grouping: `,` in English, `.` in German (1.000.000), a (narrow) no-break or thin
                    // space in French (1 048 576); in a locale whose decimal mark is `,`, `1,5` is one and a half.
                    // `1.048.576`: full stops before two groups of three digits group them, in any locale.
                    let dottedGroups = c == "." && threeDigitsFollow && (Self.groupsAgain(j, scalars, before: k, mark: "."))
                    // Where the locale groups with a (no-break) space, a plain space does too: before groups that go on
                    // (`1 048 576` typed in Swedish), or before one group after at most three digits (`32 768` in French).
                    let spacedGroups = c == " " && spaceGroups && threeDigitsFollow && (Self.groupsAgain(j, scalars, before: k, mark: " ") || j - k <= 3)
                    // Arabic script: ٬ (U+066C) groups thousands and ٫ (U+066B) is the decimal mark (`۲٫۱` is 2.1 in Persian).
                    let groups = c == "，" || c == "\u{66C}" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{2009}" || (c == "," && !commaIsDecimal) || (c == "." && fullStopGroups) || dottedGroups || spacedGroups
                    if groups && fraction.isEmpty && threeDigitsFollow { j += 1; continue }   // a thousands separator: exactly three digits follow
                    // `1,048,576` with two commas groups as English does, even where the decimal mark is a comma.
                    if c == "," && commaIsDecimal && threeDigitsFollow && Self.groupsAgain(j, scalars, before: k) { j += 1; continue }
                    if (c == "." || c == "\u{66B}" || (c == "," && commaIsDecimal)) && fraction.isEmpty && j + 1 < scalars.count && decimalDigit(scalars[j + 1]) != nil
                        && !(Self.isDotted(k, j, scalars, mark: c)) && !(c == "," && Self.groupsAgain(j, scalars, before: k)) {
                        fraction = "."; j += 1; continue
                    }
                    // An apostrophe between digits: Swiss grouping before three digits (1'000'000), else the decimal
                    // mark some Spanish and Catalan writers use (0'5).
                    if (c == "'" || c == "\u{2019}") && fraction.isEmpty && j + 1 < scalars.count && decimalDigit(scalars[j + 1]) != nil {
                        if threeDigitsFollow { j += 1; continue }
                        fraction = "."; j += 1; continue
                    }
                    break
                }
                var value = Double(digits + (fraction.count > 1 ? fraction : "")) ?? 0
                var end = j
                // CJK scales right after the digits (or after one space: `20 亿`); scale words after a space.
                if end + 1 < scalars.count && scalars[end] == " " && chineseLargeUnits[scalars[end + 1].value] != nil { end += 1 }
                while end < scalars.count, let unit = chineseLargeUnits[scalars[end].value] ?? koreanLargeUnits[scalars[end].value]
                        ?? chineseSmallUnits[scalars[end].value].flatMap({ _ in scalars[end] == "千" ? 1000 : nil }) {
                    value *= unit; end += 1
                }
                // Up to two: a scale of a scale is one number (`2 mil millones`, two thousand millions).
                for _ in 0..<2 {
                    var word = end
                    while word < scalars.count && scalars[word] == " " { word += 1 }
                    var wordEnd = word
                    while wordEnd < scalars.count && CharacterClass.isLetter(scalars[wordEnd].value) { wordEnd += 1 }
                    guard wordEnd > word, case let scaleWord = String(String.UnicodeScalarView(scalars[word..<wordEnd])).lowercased(),
                          let scale = englishScales[scaleWord] ?? locale?.scale(of: scaleWord) else { break }
                    value *= scale; end = wordEnd
                }
                // Ordinal suffixes (31st) belong to the number.
                var ordinalSuffix = false
                for suffix in ["st", "nd", "rd", "th"] where starts(end, suffix) && !isLetter(end + 2) { end += 2; ordinalSuffix = true; break }
                // Glued to a Latin letter (`3D`, `5GB`, `64bit`) or before a multiple or a base (`4倍`, `16진수`): a
                // token or a measure whose number the other side may write otherwise (`quad`, `hexadecimal`).
                let weak = (!ordinalSuffix && end == j && end < scalars.count && scalars[end].value < 0x80 && CharacterClass.isLetter(scalars[end].value))
                    || weakSuffixes.contains { starts(end, $0) }
                if let month = pendingMonth, month.end >= k - 2 {
                    add(month.value, month.start, month.end)
                    pendingMonth = nil
                }
                add(value, k, end, weak: weak)
                // "31 July": a month name right after the day.
                var m = end
                while m < scalars.count && scalars[m] == " " { m += 1 }
                if let (monthValue, monthEnd) = month(at: m, scalars), monthEnd > m { add(monthValue, m, monthEnd); k = monthEnd; continue }
                k = end
                continue
            }
            // 百分之五十: a percentage in words; the numeral after it is the number.
            if (s == "百" || s == "千") && starts(k + 1, "分之") { k += 3; continue }
            // Chinese numerals.
            if chineseDigits[s.value] != nil || chineseSmallUnits[s.value] != nil || chineseLargeUnits[s.value] != nil {
                var j = k
                while j < scalars.count && (chineseDigits[scalars[j].value] != nil || chineseSmallUnits[scalars[j].value] != nil
                                            || chineseLargeUnits[scalars[j].value] != nil) { j += 1 }
                let run = Array(scalars[k..<j])
                let word = String(String.UnicodeScalarView(run))
                let context = String(String.UnicodeScalarView(scalars[max(0, k - 1)..<min(scalars.count, j + 2)]))
                let ordinal = k > 0 && scalars[k - 1] == "第"
                let next = j < scalars.count ? scalars[j] : " "
                let dated = next == "月" || next == "日" || next == "号" || next == "年" || next == "%" || next == "％"
                // 一两分钟 (a minute or two), 三四十人 (thirty or forty people): two neighbouring numerals side by side are
                // an estimate, not the number their digits spell (12, 340).
                let estimate = !dated && run.count <= 3 && zip(run, run.dropFirst()).contains { a, b in
                    guard let x = chineseDigits[a.value], let y = chineseDigits[b.value], x >= 1 else { return false }
                    return y == x + 1 || (x == 3 && y == 5)
                }
                let idiom = estimate || chineseIdioms.contains { context.contains($0) }
                // 十进制 (decimal), 二进制 (binary), 十六進位 (hexadecimal): bases, not numbers.
                let base = j < scalars.count && (scalars[j] == "进" || scalars[j] == "進")
                // A single numeral counts before a measure word (两家公司, 三个月): "two companies".
                let measured = run.count == 1 && classifiers.contains(next)
                let significant = run.count >= 2 || run.contains { chineseSmallUnits[$0.value] != nil || chineseLargeUnits[$0.value] != nil } || dated || measured
                // 第四 (fourth) is 4 in words: it pairs with `4th` and `fourth`, and counts against nothing else.
                if ordinal && !idiom, let value = chineseValue(run) { add(value, k - 1, j) }
                if !ordinal && !idiom && !base && significant && (word != "一" || dated), let value = chineseValue(run) {
                    add(value, k, j)
                } else if !ordinal && !idiom && !base && word != "一", let value = chineseValue(run) {
                    // A single numeral without a measure word (`三方`, three-way): weak, it only pairs.
                    add(value, k, j, weak: true)
                }
                k = j
                continue
            }
            // Number words of the locale, as ICU spells them (`drei`, `dritte`, `двадцать один`): weak.
            if let lexicon, CharacterClass.isLetter(s.value), !isLetter(k - 1) {
                guard lexicon.firstScalars.contains(s.value) else {
                    var j = k
                    while j < scalars.count && (CharacterClass.isLetter(scalars[j].value) || scalars[j] == "-" || scalars[j] == "\u{AD}") { j += 1 }
                    k = j
                    continue
                }
                var ends: [Int] = []
                var j = k
                while ends.count < lexicon.longestPhrase {
                    while j < scalars.count && (CharacterClass.isLetter(scalars[j].value) || scalars[j] == "-" || scalars[j] == "\u{AD}") { j += 1 }
                    ends.append(j)
                    guard j + 1 < scalars.count, scalars[j] == " ", CharacterClass.isLetter(scalars[j + 1].value) else { break }
                    j += 1
                }
                var matched = false
                for end in ends.reversed() {
                    let phrase = String(String.UnicodeScalarView(scalars[k..<end])).lowercased()
                    if let value = lexicon.words[phrase] { add(value, k, end, weak: true); k = end; matched = true; break }
                }
                if matched { continue }
                k = ends[0]
                continue
            }
            // English words.
            if CharacterClass.isASCIILetter(UInt8(truncatingIfNeeded: s.value)) && s.value < 0x80 && !isLetter(k - 1) {
                var j = k
                while j < scalars.count && (CharacterClass.isLetter(scalars[j].value) || scalars[j] == "-") { j += 1 }
                // Most words are no number word, month or abbreviation: known from their letters, without a String.
                if let packed = Self.packed(scalars, k, j), !Self.englishKeys.contains(packed) { k = j; continue }
                let word = String(String.UnicodeScalarView(scalars[k..<j])).lowercased()
                if let (monthValue, monthEnd) = month(at: k, scalars) {
                    let j = monthEnd
                    // A capitalized month name is its number (February = 二月 = 2; July 31 = 7月31日); "May" only next
                    // to a day, as it is also a verb.
                    let capitalized = CharacterClass.isUppercase(s.value)
                    // An abbreviation (`Jun`, `Mar.`) is a month only next to a day or a year: `Lei Jun` is a name.
                    let whole = scalars[..<k].allSatisfy { $0.properties.isWhitespace }
                        && scalars[j...].allSatisfy { $0.properties.isWhitespace || $0 == "." }
                    if !months.contains(word) && !whole && !Self.digitNear(k, j, scalars) { k = j; continue }
                    var after = j
                    while after < scalars.count && scalars[after] == " " { after += 1 }
                    let wordFollows = after < scalars.count && CharacterClass.isLetter(scalars[after].value)
                    let standalone = scalars[..<k].allSatisfy { $0.properties.isWhitespace } && scalars[j...].allSatisfy { $0.properties.isWhitespace }
                    if (capitalized && (word != "may" || !wordFollows)) || standalone {
                        add(monthValue, k, j)
                    } else {
                        pendingMonth = (monthValue, k, j)
                    }
                    k = j
                    continue
                }
                // `two-phase`, `three-way`: the number word leads a compound.
                if word.utf8.contains(0x2D), wordValue(word) == nil, let head = word.split(separator: "-").first,
                   let value = wordValue(String(head)), value > 1 {
                    add(value, k, k + head.unicodeScalars.count)
                    k = j
                    continue
                }
                // `octal`, `hexadecimal`, `twice`: a number a translation often writes another way (`八進位`,
                // `zweimal`): weak, it only pairs.
                if let value = wordValue(word), Self.weakWords.contains(word) {
                    add(value, k, j, weak: true)
                    k = j
                    continue
                }
                if let value = wordValue(word) {
                    var total = value
                    var end = j
                    var w = j
                    while w < scalars.count && scalars[w] == " " { w += 1 }
                    var wEnd = w
                    while wEnd < scalars.count && CharacterClass.isLetter(scalars[wEnd].value) { wEnd += 1 }
                    if wEnd > w, let scale = englishScales[String(String.UnicodeScalarView(scalars[w..<wEnd])).lowercased()] {
                        total *= scale; end = wEnd
                    }
                    add(total, k, end)
                    k = end
                    continue
                }
                k = j
                continue
            }
            k += 1
        }
        return result
    }

    /// Whether the full stop at `dot`, after digits that start at `start`, joins the parts of a date or a version
    /// (`31.12.1999`, `1.2.3`): another full stop and digit stands before the digits or after the next ones.
    static func isDotted(_ start: Int, _ dot: Int, _ scalars: [Unicode.Scalar], mark: Unicode.Scalar = ".") -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.numericType == .decimal }
        if start >= 2 && scalars[start - 1] == mark && isDigit(start - 2) { return true }
        var k = dot + 1
        while isDigit(k) { k += 1 }
        return k + 1 < scalars.count && scalars[k] == mark && isDigit(k + 1)
    }

    /// Whether the comma at `comma` is one of several thousands separators (`1,048,576`): another comma and three
    /// digits follow the next three digits, or (with `before`, the start of the digits) a comma already grouped.
    static func groupsAgain(_ comma: Int, _ scalars: [Unicode.Scalar], before start: Int? = nil, mark: Unicode.Scalar = ",") -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.numericType == .decimal }
        let k = comma + 4
        if k < scalars.count && scalars[k] == mark && isDigit(k + 1) && isDigit(k + 2) && isDigit(k + 3) && !isDigit(k + 4) { return true }
        if let start, (start..<comma).contains(where: { scalars[$0] == mark }) { return true }
        return false
    }

    /// The ASCII letters of `scalars[from..<to]`, lowercased, 5 bits each; nil when the word has another character
    /// or more than 12 letters (no English number word, month or abbreviation has).
    static func packed(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> UInt64? {
        guard to - from <= 12 else { return nil }
        var key: UInt64 = 0
        for k in from..<to {
            let v = scalars[k].value | 0x20
            guard v >= 0x61 && v <= 0x7A, scalars[k].value < 0x80 else { return nil }
            key = key << 5 | UInt64(v - 0x60)
        }
        return key
    }

    /// `packed` of every word the English path knows: number words, months and their abbreviations.
    static let englishKeys: Set<UInt64> = {
        let words = Array(englishWords.keys) + months + monthAbbreviations + ["sept"] + Array(weakWords)
        return Set(words.compactMap { word in packed(Array(word.unicodeScalars), 0, word.unicodeScalars.count) })
    }()

    static let weakWords: Set<String> = ["octal", "hexadecimal", "twice", "thrice", "quad", "double", "triple"]

    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Whether a digit stands within two words before `start` or after `end` (`Jun 3`, `3 Jun 2024`, `Jun. 3rd`).
    static func digitNear(_ start: Int, _ end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType == .decimal }
        var k = end, words = 0
        while k < scalars.count && words < 2 {
            if isDigit(scalars[k]) { return true }
            if scalars[k] == " " || scalars[k] == "," { if k > end && scalars[k - 1] != " " { words += 1 } }
            k += 1
        }
        k = start - 1; words = 0
        while k >= 0 && words < 2 {
            if isDigit(scalars[k]) { return true }
            if scalars[k] == " " { if k < start - 1 && scalars[k + 1] != " " { words += 1 } }
            k -= 1
        }
        return false
    }

    /// A month name, or an abbreviation (`Jan.`, `Sept`) when it is capitalized, has its full stop, or is the whole text.
    private static func month(at k: Int, _ scalars: [Unicode.Scalar]) -> (Double, Int)? {
        var j = k
        while j < scalars.count && CharacterClass.isLetter(scalars[j].value) { j += 1 }
        guard j > k else { return nil }
        let word = String(String.UnicodeScalarView(scalars[k..<j])).lowercased()
        if let index = months.firstIndex(of: word) { return (Double(index + 1), j) }
        let abbreviation = word == "sept" ? "sep" : word
        guard let index = monthAbbreviations.firstIndex(of: abbreviation), word != "may" else { return nil }
        let dotted = j < scalars.count && scalars[j] == "."
        let alone = scalars[..<k].allSatisfy { $0.properties.isWhitespace } && scalars[(dotted ? j + 1 : j)...].allSatisfy { $0.properties.isWhitespace }
        guard CharacterClass.isUppercase(scalars[k].value) || dotted || alone else { return nil }
        return (Double(index + 1), dotted ? j + 1 : j)
    }

    /// `twenty-one` → 21; `seven` → 7.
    private static func wordValue(_ word: String) -> Double? {
        if let v = englishWords[word] { return v }
        let parts = word.split(separator: "-")
        if parts.count == 2, let tens = englishWords[String(parts[0])], tens >= 20, let ones = englishWords[String(parts[1])] ?? (parts[1] == "one" ? 1 : nil), ones < 10 {
            return tens + ones
        }
        return nil
    }

    /// 两千三百万 → 23,000,000; 十五 → 15; 二〇二四 → 2024 (digit by digit when no unit appears).
    static func chineseValue(_ run: [Unicode.Scalar]) -> Double? {
        if !run.contains(where: { chineseSmallUnits[$0.value] != nil || chineseLargeUnits[$0.value] != nil }) {
            var value = 0.0
            for s in run { guard let d = chineseDigits[s.value] else { return nil }; value = value * 10 + d }
            return value
        }
        var total = 0.0, section = 0.0, digit = 0.0
        var sawDigit = false
        for s in run {
            if let d = chineseDigits[s.value] {
                digit = d; sawDigit = true
            } else if let unit = chineseSmallUnits[s.value] {
                section += (sawDigit ? digit : 1) * unit
                digit = 0; sawDigit = false
            } else if let unit = chineseLargeUnits[s.value] {
                section += digit
                total = (total + section) * unit
                section = 0; digit = 0; sawDigit = false
            }
        }
        return total + section + digit
    }

    /// The values, rounded to six significant digits, as a multiset.
    /// A value past Double's range (a run of 400 digits) is infinite and is its own key.
    static func key(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let magnitude = pow10(Int((log10abs(value)).rounded(.down)) - 5)
        return (value / magnitude).rounded() * magnitude
    }

    private static func log10abs(_ x: Double) -> Double {
        var v = abs(x), e = 0.0
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }
}
