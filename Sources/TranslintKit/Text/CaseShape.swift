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
