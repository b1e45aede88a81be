/// A forbidden rendering that stands for its variants: `electricity {supplier|provider|dealer}s?` is
/// `electricity supplier`, `electricity suppliers`, `electricity provider`… A rendering is a template when it has
/// a `{…|…}` group; in a template, `?` makes the character or group before it optional. The expansion is a plain
/// list (the term matcher takes it as it takes any rendering), so matching stays linear; no regular expressions.
public enum RenderingTemplate {
    /// A template may stand for at most this many renderings.
    public static let maximumForms = 300

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether `text` is a template (has a `{` group).
    public static func isTemplate(_ text: String) -> Bool { text.contains("{") }

    /// The renderings `text` stands for, in order; `[text]` when it is no template.
    public static func expand(_ text: String) throws -> [String] {
        guard isTemplate(text) else { return [text] }
        // Atoms: a character or a group of alternatives, each maybe optional.
        var atoms: [(choices: [String], optional: Bool)] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "{":
                guard let close = scalars.firstIndex(of: "}") else { throw Failure(description: "template '\(text)': a '{' without its '}'") }
                let inside = String(String.UnicodeScalarView(scalars[scalars.startIndex..<close]))
                if inside.contains("{") { throw Failure(description: "template '\(text)': groups do not nest") }
                let choices = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard choices.count >= 2 || inside.isEmpty == false else { throw Failure(description: "template '\(text)': an empty group") }
                atoms.append((choices, false))
                scalars = scalars[scalars.index(after: close)...]
            case "}", "|":
                throw Failure(description: "template '\(text)': a '\(scalar)' outside a group")
            case "?":
                guard !atoms.isEmpty, !atoms[atoms.count - 1].optional else { throw Failure(description: "template '\(text)': a '?' after nothing") }
                atoms[atoms.count - 1].optional = true
            default:
                atoms.append(([String(scalar)], false))
            }
        }
        var forms = [""]
        for atom in atoms {
            let choices = atom.optional ? atom.choices + [""] : atom.choices
            var next: [String] = []
            next.reserveCapacity(forms.count * choices.count)
            for form in forms { for choice in choices { next.append(form + choice) } }
            forms = next
            if forms.count > maximumForms * 4 { break }
        }
        // Variants that differ only in white space are one rendering (`{electric |e}business` may give doubles).
        var seen = Set<String>()
        let unique = forms.map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !unique.isEmpty else { throw Failure(description: "template '\(text)' stands for no rendering") }
        guard unique.count <= maximumForms else {
            throw Failure(description: "template '\(text)' stands for \(unique.count) renderings, more than \(maximumForms): split it")
        }
        return unique
    }
}
