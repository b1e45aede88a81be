/// A word list, one word a line, as Debian's `wamerican` installs it at `/usr/share/dict/words`: lowercase lines
/// are common words, capitalized ones names (given names, surnames, places). The CLI reads the file; nothing of it
/// is built into translint.
public struct WordList: Sendable {
    private let text: [UInt8]

    /// `text`: the file's bytes (UTF-8; a line that is not is skipped).
    public init(_ text: [UInt8]) { self.text = text }

    /// The lines whose case-folded form is in `folded`, by that form: one pass over the list, so that looking up a
    /// glossary's few single-word renderings costs a read of the file and no table of all its words.
    func forms(of folded: Set<String>) -> [String: [String]] {
        guard !folded.isEmpty else { return [:] }
        let lengths = Set(folded.map(\.utf8.count))
        var found: [String: [String]] = [:]
        var start = 0
        let count = text.count
        while start < count {
            var end = start
            while end < count && text[end] != 0x0A { end += 1 }
            var last = end
            if last > start && text[last - 1] == 0x0D { last -= 1 }
            // Case folding keeps the length of ASCII words, and most lines are ASCII: skip lines of other lengths.
            let length = last - start
            if length > 0 && (lengths.contains(length) || text[start..<last].contains(where: { $0 >= 0x80 })) {
                let line = String(decoding: text[start..<last], as: UTF8.self)
                let key = CaseMapping.foldString(line)
                if folded.contains(key) { found[key, default: []].append(line) }
            }
            start = end + 1
        }
        return found
    }
}
