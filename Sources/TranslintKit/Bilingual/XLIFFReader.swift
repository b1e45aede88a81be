/// XLIFF 1.2 (`file/body/trans-unit/source|target`) and 2.x (`unit/segment/source|target`). Languages come from
/// `source-language`/`target-language` (1.2) or `srcLang`/`trgLang` (2.x). Inline elements inside a target
/// (`<g>`, `<x/>`, `<ph>`, `<pc>`…) are kept and never checked or changed.
///
/// Read with a small byte-offset XML scanner, since fixes must land on exact bytes; a DOCTYPE or entity
/// declaration is refused, as for TBX.
enum XLIFFReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> BilingualFile {
        var scanner = XMLScanner(bytes: bytes, path: path)
        var file = BilingualFile(format: .xliff, sourceLanguage: nil, targetLanguage: nil, units: [])
        var version = 1
        var unitID: String?
        var unitCount = 0
        var source: EscapedText?
        var open: (name: String, contentStart: Int, depth: Int)?
        var depth = 0
        while let token = try scanner.next() {
            switch token {
            case let .start(name, attributes, range, selfClosing):
                let local = localName(name)
                if !selfClosing { depth += 1 }
                if open != nil { continue }   // inline markup inside source or target
                switch local {
                case "xliff":
                    version = (attributes["version"] ?? "1.2").hasPrefix("2") ? 2 : 1
                    if let s = attributes["srcLang"] { file.sourceLanguage = s }
                    if let t = attributes["trgLang"] { file.targetLanguage = t }
                case "file":
                    if let s = attributes["source-language"] { file.sourceLanguage = s }
                    if let t = attributes["target-language"] { file.targetLanguage = t }
                case "trans-unit" where version == 1, "unit" where version == 2:
                    unitCount += 1
                    unitID = attributes["id"] ?? "#\(unitCount)"
                    source = nil
                case "segment" where version == 2:
                    source = nil
                case "source", "target":
                    guard unitID != nil else { continue }
                    if selfClosing {
                        if local == "source" { source = EscapedText() }
                    } else {
                        open = (local, range.end, depth)
                    }
                default:
                    break
                }
            case let .end(name, range):
                defer { depth -= 1 }
                let local = localName(name)
                guard let current = open else {
                    if local == "trans-unit" || local == "unit" { unitID = nil }
                    continue
                }
                guard depth == current.depth, local == current.name else { continue }
                open = nil
                let content = ByteRange(current.contentStart, range.start)
                let decoded = Escaping.decodeXML(bytes, content)
                if local == "source" {
                    source = decoded
                } else if !decoded.text.isEmpty, let id = unitID {
                    file.units.append(TranslationUnit(id: id, source: source?.string ?? "", target: decoded,
                                                      targetLanguage: file.targetLanguage, protected: markup(in: decoded, bytes),
                                                      sourceProtected: source.map { markup(in: $0, bytes) } ?? []))
                }
            }
        }
        for k in file.units.indices { file.units[k].targetLanguage = file.targetLanguage }
        return file
    }

    static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// Decoded ranges that are inline elements: a `<` that is a `<` in the file (not `&lt;`) up to its `>`.
    static func markup(in text: EscapedText, _ bytes: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var ranges: [ByteRange] = []
        var i = 0
        while i < text.text.count {
            if text.text[i] == 0x3C && bytes[text.map[i]] == 0x3C {
                var k = i + 1
                while k < text.text.count && !(text.text[k] == 0x3E && bytes[text.map[k]] == 0x3E) { k += 1 }
                ranges.append(ByteRange(i, min(k + 1, text.text.count)))
                i = k + 1
            } else {
                i += 1
            }
        }
        return ranges
    }
}

/// A minimal XML scanner that reports start and end tags with their byte ranges; comments, processing
/// instructions and CDATA are skipped over, and a DOCTYPE is refused (no entity is ever declared or expanded).
struct XMLScanner {
    enum Token {
        case start(name: String, attributes: [String: String], range: ByteRange, selfClosing: Bool)
        case end(name: String, range: ByteRange)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var i = 0

    func line(_ offset: Int) -> Int { bytes[0..<min(offset, bytes.count)].filter { $0 == 0x0A }.count + 1 }

    func fail(_ offset: Int, _ message: String) -> BilingualFileError { BilingualFileError(path: path, line: line(offset), message: message) }

    mutating func next() throws -> Token? {
        while i < bytes.count {
            guard bytes[i] == 0x3C else { i += 1; continue }
            let start = i
            if Escaping.matches(bytes, i, "<!--") {
                i = try skip(past: "-->", from: i + 4, what: "comment")
            } else if Escaping.matches(bytes, i, "<![CDATA[") {
                i = try skip(past: "]]>", from: i + 9, what: "CDATA section")
            } else if Escaping.matches(bytes, i, "<?") {
                i = try skip(past: "?>", from: i + 2, what: "processing instruction")
            } else if Escaping.matches(bytes, i, "<!") {
                throw fail(i, "DOCTYPE and entity declarations are refused: translint never expands entities")
            } else if Escaping.matches(bytes, i, "</") {
                var k = i + 2
                while k < bytes.count && bytes[k] != 0x3E { k += 1 }
                guard k < bytes.count else { throw fail(start, "an end tag that does not close") }
                let name = String(decoding: bytes[(i + 2)..<k], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlinesASCII)
                i = k + 1
                return .end(name: name, range: ByteRange(start, i))
            } else {
                var k = i + 1
                while k < bytes.count && !isSpace(bytes[k]) && bytes[k] != 0x3E && bytes[k] != 0x2F { k += 1 }
                let name = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
                guard !name.isEmpty else { throw fail(start, "'<' that starts no tag; write &lt; in text") }
                var attributes: [String: String] = [:]
                while true {
                    while k < bytes.count && isSpace(bytes[k]) { k += 1 }
                    guard k < bytes.count else { throw fail(start, "<\(name) is never closed with '>'") }
                    if bytes[k] == 0x3E { i = k + 1; return .start(name: name, attributes: attributes, range: ByteRange(start, i), selfClosing: false) }
                    if bytes[k] == 0x2F && k + 1 < bytes.count && bytes[k + 1] == 0x3E {
                        i = k + 2
                        return .start(name: name, attributes: attributes, range: ByteRange(start, i), selfClosing: true)
                    }
                    let nameStart = k
                    while k < bytes.count && bytes[k] != 0x3D && !isSpace(bytes[k]) && bytes[k] != 0x3E { k += 1 }
                    let attribute = String(decoding: bytes[nameStart..<k], as: UTF8.self)
                    while k < bytes.count && isSpace(bytes[k]) { k += 1 }
                    guard k < bytes.count, bytes[k] == 0x3D else { throw fail(k, "attribute '\(attribute)' without a value") }
                    k += 1
                    while k < bytes.count && isSpace(bytes[k]) { k += 1 }
                    guard k < bytes.count, bytes[k] == 0x22 || bytes[k] == 0x27 else { throw fail(k, "attribute '\(attribute)': the value must be quoted") }
                    let quote = bytes[k]
                    let valueStart = k + 1
                    k = valueStart
                    while k < bytes.count && bytes[k] != quote { k += 1 }
                    guard k < bytes.count else { throw fail(valueStart, "attribute '\(attribute)': the value is never closed") }
                    attributes[attribute] = Escaping.decodeXML(bytes, ByteRange(valueStart, k)).string
                    k += 1
                }
            }
        }
        return nil
    }

    private mutating func skip(past terminator: String, from: Int, what: String) throws -> Int {
        var k = from
        while k < bytes.count && !Escaping.matches(bytes, k, terminator) { k += 1 }
        guard k < bytes.count else { throw fail(from, "a \(what) that does not end") }
        return k + terminator.utf8.count
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
