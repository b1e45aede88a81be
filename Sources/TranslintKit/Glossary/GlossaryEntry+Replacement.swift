extension GlossaryEntry {
    /// The target shaped like `replaced`: lowercase keeps the target as written, Capitalized capitalizes its first
    /// letter, ALL CAPS upper-cases it; a target with an inner capital (`WeChat`) or a case-sensitive entry keeps
    /// its canonical form. At a sentence start the first letter is capitalized unless the form is canonical.
    /// In all-caps text (`inAllCapsText`: a headline) every replacement is upper-cased, whatever its form.
    func replacement(shapedLike replaced: String, atSentenceStart: Bool, locale: String, inAllCapsText: Bool = false) -> String {
        if inAllCapsText { return CaseMapping.uppercase(target, locale: locale) }
        if hasInnerCapital || caseSensitive == true { return target }
        switch CaseShape(replaced) {
        case .allCaps: return CaseMapping.uppercase(target, locale: locale)
        case .capitalized: return CaseMapping.capitalizingFirst(target, locale: locale)
        case .lower, .mixed: return atSentenceStart ? CaseMapping.capitalizingFirst(target, locale: locale) : target
        }
    }
}
