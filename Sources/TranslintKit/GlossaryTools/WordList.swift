/// A word list, one word a line, as Debian's `wamerican` installs it at `/usr/share/dict/words`: lowercase lines
/// are common words, capitalized ones names (given names, surnames, places). The CLI reads the file; nothing of it
/// is built into translint.
public struct WordList: Sendable {
    private let text: [UInt8]

    /// `text`: the file's bytes (UTF-8; a line that is not is skipped).
    public init(_ text: [UInt8]) { self.text = text }

    /// The lines whose case-folded form is in `folded`, by that form: one pass over the list, so that looking up a
    /// glossary's few single-word renderings costs a read of the file and no table of all its words. An ASCII line is
    /// folded and hashed byte by byte, without building a string, and only a hash that some candidate has builds one.
    func forms(of folded: Set<String>) -> [String: [String]] {
        guard !folded.isEmpty else { return [:] }
        func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h
        }
        let wanted = Set(folded.map { hash($0.utf8) })
        var found: [String: [String]] = [:]
        text.withUnsafeBufferPointer { text in
            let count = text.count
            var start = 0
            while start < count {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                var ascii = true
                var end = start
                while end < count, case let b = text[end], b != 0x0A {
                    if b >= 0x80 { ascii = false }
                    let f = b &+ ((b &- 0x41) < 26 ? 0x20 : 0)
                    h = (h ^ UInt64(f)) &* 0x100_0000_01B3
                    end += 1
                }
                var last = end
                if last > start && text[last - 1] == 0x0D {
                    last -= 1
                    h = hash(UnsafeBufferPointer(rebasing: text[start..<last]).lazy.map { $0 &+ (($0 &- 0x41) < 26 ? 0x20 : 0) })
                }
                if last > start && (!ascii || wanted.contains(h)) {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: text[start..<last]), as: UTF8.self)
                    let key = CaseMapping.foldString(line)
                    if folded.contains(key) { found[key, default: []].append(line) }
                }
                start = end + 1
            }
        }
        return found
    }
}
