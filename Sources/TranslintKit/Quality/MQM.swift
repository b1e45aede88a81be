/// Error categories of MQM (Multidimensional Quality Metrics, the framework translation quality is scored in).
public enum MQMCategory: String, Hashable, Sendable, CaseIterable {
    case terminology = "Terminology"
    case accuracy = "Accuracy"
    case linguisticConventions = "Linguistic conventions"
    case localeConventions = "Locale conventions"
    case style = "Style"
}

/// How much an error weighs in MQM.
public enum MQMSeverity: String, Hashable, Sendable, CaseIterable, Comparable {
    case neutral, minor, major, critical

    public static func < (lhs: MQMSeverity, rhs: MQMSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Penalty points per MQM severity (MQM's defaults: minor 1, major 5, critical 25; neutral 0).
public struct MQMWeights: Hashable, Sendable {
    public var minor: Double = 1
    public var major: Double = 5
    public var critical: Double = 25

    public init(minor: Double = 1, major: Double = 5, critical: Double = 25) {
        self.minor = minor
        self.major = major
        self.critical = critical
    }

    public func weight(_ severity: MQMSeverity) -> Double {
        switch severity {
        case .neutral: 0
        case .minor: minor
        case .major: major
        case .critical: critical
        }
    }
}

/// An automatic estimate of translation quality in the style of an MQM score:
/// `100 × (1 − penalty / words)`, where every finding still standing adds its rule's weight to `penalty`
/// and `words` counts the evaluated words (for scripts written without spaces, characters).
public struct QualityScore: Hashable, Sendable {
    public var penalty: Double = 0
    public var words: Int = 0
    /// The penalty points by MQM category, as an MQM scorecard shows them.
    public var penaltyByCategory: [MQMCategory: Double] = [:]

    public init(penalty: Double = 0, words: Int = 0) {
        self.penalty = penalty
        self.words = words
    }

    /// Adds the points and words of another part of the same text.
    public mutating func add(_ other: QualityScore) {
        penalty += other.penalty
        words += other.words
        for (category, points) in other.penaltyByCategory { penaltyByCategory[category, default: 0] += points }
    }

    /// Counts a finding of `rule` that still stands.
    public mutating func add(points: Double, category: MQMCategory?) {
        penalty += points
        if points > 0, let category { penaltyByCategory[category, default: 0] += points }
    }

    /// 100 when there are no penalties; can go below 0 when there are more penalty points than words.
    public var score: Double {
        guard penalty > 0 else { return 100 }
        guard words > 0 else { return 0 }
        // MQM's score, clamped: more penalty points than words is 0, not a negative score.
        return max(0, 100 * (1 - penalty / Double(words)))
    }

    public static func + (lhs: QualityScore, rhs: QualityScore) -> QualityScore {
        var sum = QualityScore(penalty: lhs.penalty + rhs.penalty, words: lhs.words + rhs.words)
        sum.penaltyByCategory = lhs.penaltyByCategory.merging(rhs.penaltyByCategory, uniquingKeysWith: +)
        return sum
    }

    /// The score rounded to two decimals, as reports print it.
    public var formatted: String { Self.format(score) }

    public static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Counts evaluated words for the quality score: a word is a run of characters other than white space that holds
/// a letter or digit; in scripts written without spaces (Han, kana, Thai…) each character counts as one word.
enum WordCounter {
    /// Byte classes: 0 white space, 1 ASCII letter or digit, 2 other ASCII, 3 the lead or continuation of a
    /// multi-byte scalar.
    private static let classes: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C, 0x0B: 0
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: 1
        case 0..<0x80: 2
        default: 3
        }
    }

    static func count(_ text: UnsafeBufferPointer<UInt8>, skipping excluded: [ByteRange] = []) -> Int {
        var words = 0
        var inWord = false, wordHasAlnum = false
        var nextExcluded = 0
        var nextStop = excluded.first?.start ?? Int.max
        let classes = self.classes
        var i = 0
        let n = text.count
        return classes.withUnsafeBufferPointer { table -> Int in
            while i < n {
                if i >= nextStop {
                    if inWord && wordHasAlnum { words += 1 }
                    inWord = false; wordHasAlnum = false
                    i = max(i, excluded[nextExcluded].end)
                    nextExcluded += 1
                    nextStop = nextExcluded < excluded.count ? excluded[nextExcluded].start : Int.max
                    continue
                }
                let byte = text[i]
                switch table[Int(byte)] {
                case 0:
                    if inWord && wordHasAlnum { words += 1 }
                    inWord = false; wordHasAlnum = false
                    i += 1
                case 1:
                    inWord = true; wordHasAlnum = true
                    i += 1
                case 2:
                    inWord = true
                    i += 1
                default:
                    let (scalar, length) = UTF8Bytes.decode(text, at: i)
                    i += length
                    if CharacterClass.isWhitespace(scalar) {
                        if inWord && wordHasAlnum { words += 1 }
                        inWord = false; wordHasAlnum = false
                    } else if CharacterClass.isUnspacedScript(scalar) {
                        if inWord && wordHasAlnum { words += 1 }
                        inWord = false; wordHasAlnum = false
                        words += 1
                    } else {
                        inWord = true
                        if CharacterClass.isAlnum(scalar) { wordHasAlnum = true }
                    }
                }
            }
            if inWord && wordHasAlnum { words += 1 }
            return words
        }
    }
}
