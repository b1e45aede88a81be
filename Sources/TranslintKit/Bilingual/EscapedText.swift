/// Text stored escaped in a file (a PO string, an XML element, a JSON string), decoded, with the way back:
/// `fileOffset(i)` is the file offset of the escape sequence or character that decoded byte `i` comes from, and
/// `fileOffset(text.count)` is the end of the stored text. A range of decoded bytes that does not cut a scalar maps
/// to the file range holding exactly its escapes.
///
/// The way back is kept as runs, not one offset per byte: a run of plain characters maps byte for byte, an escape
/// maps all its decoded bytes to where it starts. A 25 MB catalog then needs a few bytes per escape instead of
/// eight per byte of text.
public struct EscapedText: Hashable, Sendable {
    /// The decoded text, UTF-8.
    public var text: [UInt8] = []
    /// Where runs start: decoded byte `runs[k].decoded` comes from file offset `runs[k].file`; the following bytes of
    /// the run come from the following file bytes (`identity`) or from the same offset (an escape). Sorted.
    private var runs: [Run] = []
    /// The file offset just after the stored text.
    private var end = 0

    private struct Run: Hashable, Sendable {
        var decoded: Int
        var file: Int
        var identity: Bool
    }

    public init() {}

    public var string: String { String(decoding: text, as: UTF8.self) }

    /// File offsets, one per decoded byte plus the end (built on demand; `fileOffset` needs no array).
    public var map: [Int] { (0...text.count).map(fileOffset) }

    /// The file offset decoded byte `i` comes from; `text.count` gives the end of the stored text.
    public func fileOffset(_ i: Int) -> Int {
        if i >= text.count { return end }
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].decoded <= i { low = mid + 1 } else { high = mid }
        }
        let run = runs[low - 1]
        return run.identity ? run.file + (i - run.decoded) : run.file
    }

    /// One character as it is stored, at `offset`: it continues the current plain run when it follows it.
    mutating func append(plain byte: UInt8, from offset: Int) {
        if let last = runs.last, last.identity, last.file + (text.count - last.decoded) == offset {
            text.append(byte)
            return
        }
        runs.append(Run(decoded: text.count, file: offset, identity: true))
        text.append(byte)
    }

    /// What one escape sequence at `offset` stands for.
    mutating func append(_ bytes: [UInt8], from offset: Int) {
        guard !bytes.isEmpty else { return }
        runs.append(Run(decoded: text.count, file: offset, identity: false))
        text.append(contentsOf: bytes)
    }

    mutating func append(scalar: UInt32, from offset: Int) {
        var bytes: [UInt8] = []
        UTF8Bytes.encode(scalar, into: &bytes)
        append(bytes, from: offset)
    }

    mutating func finish(at end: Int) {
        self.end = end
        text.reserveCapacity(0)
    }

    /// The file range of decoded bytes `range`.
    public func fileRange(_ range: ByteRange) -> ByteRange {
        ByteRange(fileOffset(range.start), fileOffset(range.end))
    }
}

/// The escaping rules of the bilingual formats: decode what the file stores, encode replacement text.
public enum Escaping: Sendable {
    /// gettext PO: C escapes inside "…" strings, several strings on following lines joined.
    case po
    /// XML text content: entities and character references; CDATA sections as they are.
    case xml
    /// A JSON string: backslash escapes and \uXXXX.
    case json

    /// `text` as the file must store it.
    public func encode(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch (self, scalar) {
            case (.po, "\\"), (.json, "\\"): out += "\\\\"
            case (.po, "\""), (.json, "\""): out += "\\\""
            case (.po, "\n"), (.json, "\n"): out += "\\n"
            case (.po, "\t"), (.json, "\t"): out += "\\t"
            case (.po, "\r"), (.json, "\r"): out += "\\r"
            case (.json, _) where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case (.xml, "&"): out += "&amp;"
            case (.xml, "<"): out += "&lt;"
            case (.xml, ">"): out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Decodes PO strings: `bytes[range]` holds one or more quoted strings separated by white space and line breaks.
    static func decodePO(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> EscapedText {
        var out = EscapedText()
        var i = range.start
        var end = range.start
        while i < range.end {
            guard bytes[i] == 0x22 else { i += 1; continue }   // skip to the next opening quote
            i += 1
            while i < range.end && bytes[i] != 0x22 {
                if bytes[i] == 0x5C && i + 1 < range.end {
                    let start = i
                    let c = bytes[i + 1]
                    i += 2
                    switch c {
                    case _ where controlEscape(c, po: true) != nil: out.append([controlEscape(c, po: true)!], from: start)
                    case 0x30...0x37:
                        var value = UInt32(c - 0x30)
                        var k = 0
                        while k < 2 && i < range.end && bytes[i] >= 0x30 && bytes[i] <= 0x37 { value = value * 8 + UInt32(bytes[i] - 0x30); i += 1; k += 1 }
                        out.append([UInt8(truncatingIfNeeded: value)], from: start)
                    case 0x78:
                        var value: UInt32 = 0
                        while i < range.end, let h = hexValue(bytes[i]) { value = value * 16 + h; i += 1 }
                        out.append([UInt8(truncatingIfNeeded: value)], from: start)
                    default: out.append([c], from: start)   // \" \\ and the rest: the character itself
                    }
                } else {
                    out.append(plain: bytes[i], from: i)
                    i += 1
                }
            }
            end = i
            i += 1
        }
        out.finish(at: end)
        return out
    }

    /// Decodes XML character data in `bytes[range]`: text, entities, character references and CDATA sections.
    /// Elements inside (inline markup) are kept as they are written.
    static func decodeXML(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> EscapedText {
        var out = EscapedText()
        var i = range.start
        let entities: [(String, UInt8)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22), ("apos;", 0x27)]
        while i < range.end {
            let b = bytes[i]
            if b == 0x3C && matches(bytes, i, "<![CDATA[") {
                let start = i + 9
                var k = start
                while k < range.end && !matches(bytes, k, "]]>") { k += 1 }
                for j in start..<k { out.append(plain: bytes[j], from: j) }
                i = min(range.end, k + 3)
            } else if b == 0x26 {
                if let (name, value) = entities.first(where: { matches(bytes, i + 1, $0.0) }) {
                    out.append([value], from: i)
                    i += 1 + name.utf8.count
                } else if matches(bytes, i + 1, "#") {
                    var k = i + 2
                    let hex = k < range.end && (bytes[k] == 0x78 || bytes[k] == 0x58)
                    if hex { k += 1 }
                    var value: UInt32 = 0
                    while k < range.end && bytes[k] != 0x3B {
                        let digit = hex ? hexValue(bytes[k]) : (bytes[k] >= 0x30 && bytes[k] <= 0x39 ? UInt32(bytes[k] - 0x30) : nil)
                        guard let d = digit else { break }
                        value = value &* (hex ? 16 : 10) &+ d
                        k += 1
                    }
                    out.append(scalar: Unicode.Scalar(value) != nil ? value : 0xFFFD, from: i)
                    i = min(range.end, k + 1)
                } else {
                    out.append(plain: b, from: i)
                    i += 1
                }
            } else {
                out.append(plain: b, from: i)
                i += 1
            }
        }
        out.finish(at: range.end)
        return out
    }

    /// Decodes the JSON string whose quotes are at `range.start` and `range.end - 1`.
    static func decodeJSON(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> EscapedText {
        var out = EscapedText()
        var i = range.start + 1
        let end = range.end - 1
        while i < end {
            if bytes[i] == 0x5C && i + 1 < end {
                let start = i
                let c = bytes[i + 1]
                i += 2
                switch c {
                case _ where controlEscape(c, po: false) != nil: out.append([controlEscape(c, po: false)!], from: start)
                case 0x75:
                    var value = hex4(bytes, i, end)
                    i += 4
                    if (0xD800..<0xDC00).contains(value) && matches(bytes, i, "\\u") {
                        let low = hex4(bytes, i + 2, end)
                        if (0xDC00..<0xE000).contains(low) { value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00); i += 6 }
                    }
                    out.append(scalar: Unicode.Scalar(value) != nil ? value : 0xFFFD, from: start)
                default: out.append([c], from: start)
                }
            } else {
                out.append(plain: bytes[i], from: i)
                i += 1
            }
        }
        out.finish(at: end)
        return out
    }

    /// The control character a backslash escape stands for: `\n \t \r \b \f` (JSON), and `\a \v` too (C, PO).
    private static func controlEscape(_ c: UInt8, po: Bool) -> UInt8? {
        switch c {
        case 0x6E: 0x0A
        case 0x74: 0x09
        case 0x72: 0x0D
        case 0x62: 0x08
        case 0x66: 0x0C
        case 0x61 where po: 0x07
        case 0x76 where po: 0x0B
        default: nil
        }
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in at..<min(at + 4, end) { value = value * 16 + (hexValue(bytes[k]) ?? 0) }
        return value
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: String) -> Bool {
        let word = Array(s.utf8)
        guard at >= 0, at + word.count <= bytes.count else { return false }
        for k in 0..<word.count where bytes[at + k] != word[k] { return false }
        return true
    }
}
