/// The case pattern of a piece of text, which a replacement copies.
enum CaseShape {
    case lower, capitalized, allCaps, mixed

    init(_ text: String) {
        var letters = 0, upper = 0
        var firstIsUpper: Bool?
        for scalar in text.unicodeScalars where CharacterClass.isLetter(scalar.value) {
            letters += 1
            let isUpper = CharacterClass.isUppercase(scalar.value)
            if firstIsUpper == nil { firstIsUpper = isUpper }
            if isUpper { upper += 1 }
        }
        if letters == 0 || upper == 0 { self = .lower }
        else if upper == letters && letters > 1 { self = .allCaps }
        else if firstIsUpper == true && upper == 1 { self = .capitalized }
        else if firstIsUpper == true { self = .capitalized }
        else { self = .mixed }
    }
}

extension GlossaryEntry {
    /// The target shaped like `replaced`: lowercase keeps the target as written, Capitalized capitalizes its first
    /// letter, ALL CAPS upper-cases it; a target with an inner capital (`WeChat`) or a case-sensitive entry keeps
    /// its canonical form. At a sentence start the first letter is capitalized unless the form is canonical.
    func replacement(shapedLike replaced: String, atSentenceStart: Bool, locale: String) -> String {
        if hasInnerCapital || caseSensitive == true { return target }
        switch CaseShape(replaced) {
        case .allCaps: return CaseMapping.uppercase(target, locale: locale)
        case .capitalized: return CaseMapping.capitalizingFirst(target, locale: locale)
        case .lower, .mixed: return atSentenceStart ? CaseMapping.capitalizingFirst(target, locale: locale) : target
        }
    }
}
