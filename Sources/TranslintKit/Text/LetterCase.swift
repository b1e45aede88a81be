/// The case of a text's first letter: what a translation's start is compared with.
public enum LetterCase: Hashable, Sendable {
    case upper, lower
    /// The script has no case (Han, kana, Thai…), or there is no letter.
    case uncased

    /// The first letter of `text` that starts a word, past placeholders (`%s`, `%1$d`, `{name}`, `<tag>`,
    /// `&amp;`), white space and punctuation.
    public init(firstLetterOf text: String) {
        var previous: Unicode.Scalar = " "
        var inBraces = false, inAngles = false
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "{": inBraces = true; continue
            case "}": inBraces = false; continue
            case "<": inAngles = true; continue
            case ">": inAngles = false; continue
            default: break
            }
            if inBraces || inAngles { continue }
            let value = scalar.value
            guard CharacterClass.isLetter(value) || CharacterClass.isDigit(value) else { continue }
            if CharacterClass.isAlnum(previous.value) || "%$&\\".unicodeScalars.contains(previous) { continue }
            if CharacterClass.isDigit(value) { continue }
            if CharacterClass.isUppercase(value) { self = .upper; return }
            if CharacterClass.isLowercase(value) { self = .lower; return }
            self = .uncased
            return
        }
        self = .uncased
    }
}
