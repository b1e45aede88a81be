/// An open document's text as UTF-8 bytes, with the line starts that turn byte offsets (what findings carry) into
/// LSP positions and back. Positions count UTF-16 code units by default, UTF-8 bytes when the client chose that.
struct DocumentText {
    enum Encoding: String { case utf16 = "utf-16", utf8 = "utf-8" }

    private(set) var bytes: [UInt8]
    private(set) var lineStarts: [Int] = [0]

    init(_ text: String) {
        bytes = Array(text.utf8)
        indexLines()
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Lines end at `\n`, `\r\n` and a lone `\r`, as LSP counts them.
    private mutating func indexLines() {
        lineStarts = [0]
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { lineStarts.append(i + 1) }
        }
    }

    /// The line `offset` is on, and where that line starts.
    private func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Where a line's text ends: before its `\n` (and a `\r` before that), or at the end of the text.
    private func lineEnd(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1] - 1   // at the \n or the lone \r
        if bytes[end] == 0x0A && end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    func position(of offset: Int, encoding: Encoding) -> LSP.Position {
        let offset = max(0, min(offset, bytes.count))
        let line = line(of: offset)
        var character = 0
        var i = lineStarts[line]
        while i < offset {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            switch encoding {
            case .utf8: character += min(length, offset - i)
            case .utf16: character += length == 4 ? 2 : 1
            }
            i += length
        }
        return LSP.Position(line: line, character: character)
    }

    func range(of start: Int, _ end: Int, encoding: Encoding) -> LSP.Range {
        LSP.Range(start: position(of: start, encoding: encoding), end: position(of: end, encoding: encoding))
    }

    /// The byte offset of a position; a character past the line's end means its end, a line past the last line the
    /// end of the text (as LSP says). A position inside a character (half a surrogate pair) rounds to its start.
    func offset(of position: LSP.Position, encoding: Encoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let end = lineEnd(position.line)
        var i = lineStarts[position.line]
        var character = 0
        while i < end {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let width = encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            if character + width > position.character { break }
            character += width
            i += length
        }
        return min(i, end)
    }

    /// Applies one change of `textDocument/didChange`: a range replaced, or the whole text.
    mutating func apply(_ change: LSP.ContentChange, encoding: Encoding) {
        guard let range = change.range else {
            self = DocumentText(change.text)
            return
        }
        let start = offset(of: range.start, encoding: encoding)
        let end = max(start, offset(of: range.end, encoding: encoding))
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        indexLines()
    }

    func end(encoding: Encoding) -> LSP.Position { position(of: bytes.count, encoding: encoding) }
}
