/// A text read once as Unicode scalars, for asking it many times whether it holds a term: a unit's source and
/// target are asked once per glossary entry and once per match (missing-term, mistranslation). Each question
/// costs the positions where the term's first scalar occurs, not a fold and a pass over the whole text, so a
/// unit of one very long line stays linear.
final class TermSearch {
    private let exact: [UInt32]
    private let folded: [UInt32]
    /// Below this many scalars a scan is cheaper than an index.
    private static let indexThreshold = 512
    private lazy var exactStarts: [UInt32: [Int]] = Self.positions(exact)
    private lazy var foldedStarts: [UInt32: [Int]] = Self.positions(folded)

    init(_ text: String) {
        exact = text.unicodeScalars.map(\.value)
        folded = exact.map(CaseMapping.fold)
    }

    /// The text's scalars as written, and case-folded (one for one).
    var exactScalars: [UInt32] { exact }
    var foldedScalars: [UInt32] { folded }

    /// `contains(needle.text)`, with the term's scalars prepared once (`TermNeedle`).
    func contains(_ needle: TermNeedle) -> Bool {
        if needle.unspaced { return firstMatch(of: needle.exact, in: exact, starts: { self.exactStarts }) { _, _ in true } }
        return firstMatch(of: needle.folded, in: folded, starts: { self.foldedStarts }) { start, end in
            let before = start > 0 ? self.folded[start - 1] : 0x20
            let after = end < self.folded.count ? self.folded[end] : 0x20
            return !CharacterClass.isAlnum(before) && !CharacterClass.isAlnum(after)
        }
    }

    /// Whether the text holds `term`: as characters when the term has a character of a script written without
    /// spaces (Han, kana, Thai), else as whole words, ignoring case unless `exactCase`.
    func contains(_ term: String, exactCase: Bool = false) -> Bool {
        if term.unicodeScalars.contains(where: { CharacterClass.isUnspacedScript($0.value) }) { return containsScalars(of: term) }
        return containsWords(term, exactCase: exactCase)
    }

    /// Whether the text holds `term`'s scalars in a row, anywhere.
    func containsScalars(of term: String) -> Bool {
        let needle = term.unicodeScalars.map(\.value)
        return firstMatch(of: needle, in: exact, starts: { self.exactStarts }) { _, _ in true }
    }

    /// Whether the text holds `phrase` with no letter or digit right before or after it.
    func containsWords(_ phrase: String, exactCase: Bool) -> Bool {
        let needle = phrase.unicodeScalars.map { exactCase ? $0.value : CaseMapping.fold($0.value) }
        let haystack = exactCase ? exact : folded
        return firstMatch(of: needle, in: haystack, starts: { exactCase ? self.exactStarts : self.foldedStarts }) { start, end in
            let before = start > 0 ? haystack[start - 1] : 0x20
            let after = end < haystack.count ? haystack[end] : 0x20
            return !CharacterClass.isAlnum(before) && !CharacterClass.isAlnum(after)
        }
    }

    private func firstMatch(of needle: [UInt32], in haystack: [UInt32], starts: () -> [UInt32: [Int]],
                            accept: (Int, Int) -> Bool) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        func matches(at start: Int) -> Bool {
            guard start + needle.count <= haystack.count else { return false }
            for k in 1..<needle.count where haystack[start + k] != needle[k] { return false }
            return accept(start, start + needle.count)
        }
        if haystack.count < Self.indexThreshold {
            for start in 0...(haystack.count - needle.count) where haystack[start] == first && matches(at: start) { return true }
            return false
        }
        return (starts()[first] ?? []).contains(where: matches)
    }

    private static func positions(_ scalars: [UInt32]) -> [UInt32: [Int]] {
        var out: [UInt32: [Int]] = [:]
        for (i, s) in scalars.enumerated() { out[s, default: []].append(i) }
        return out
    }
}

/// A term prepared for `TermSearch.contains`: its scalars as written and folded, and how it matches.
struct TermNeedle: Sendable {
    let text: String
    let exact: [UInt32]
    let folded: [UInt32]
    /// Matched on characters (a script written without spaces), else on whole words, ignoring case.
    let unspaced: Bool

    init(_ text: String) {
        self.text = text
        exact = text.unicodeScalars.map(\.value)
        folded = exact.map(CaseMapping.fold)
        unspaced = text.unicodeScalars.contains { CharacterClass.isUnspacedScript($0.value) }
    }

    /// The scalar a text must hold for the term to be in it.
    var first: UInt32? { unspaced ? exact.first : folded.first }
}
