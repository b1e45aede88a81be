/// XLIFF 1.2 (`file/body/trans-unit/source|target`) and 2.x (`unit/segment/source|target`). Languages come from
/// `source-language`/`target-language` (1.2) or `srcLang`/`trgLang` (2.x). Inline elements inside a target
/// (`<g>`, `<x/>`, `<ph>`, `<pc>`…) are kept and never checked or changed.
///
/// Do-not-translate content is never read as text to check: units under `translate="no"` (on the unit, or inherited
/// from its `<group>` or `<file>`), and inside a target `<mrk mtype="protected">` (1.2), `<mrk translate="no">` and
/// `<sm translate="no"/>…<em/>` (2.x), and the native code of `<bpt>`, `<ept>`, `<ph>`, `<it>` (1.2). Only a
/// `<source>`/`<target>` that is a child of the unit (1.2) or of its `<segment>` (2.x) is the unit's: the ones of
/// `<alt-trans>` and of other modules (matches, notes) are suggestions, never checked.
///
/// States (`BilingualFile.ReviewState`): 1.2 `state` on `<target>`, 2.x `state` on `<segment>`.
///
/// The file must be well-formed XML (libxml2, `XMLWellFormedness`), then it is read with a small byte-offset
/// scanner, since fixes must land on exact bytes. An internal DTD subset or an entity declaration is refused; an
/// external DOCTYPE is ignored, never loaded.
enum XLIFFReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, includeFuzzy: Bool = false) throws -> BilingualFile {
        if let error = XMLWellFormedness.check(bytes) {
            throw BilingualFileError(path: path, line: error.line, message: "invalid XML: \(error.message)")
        }
        var scanner = XMLScanner(bytes: bytes, path: path)
        var file = BilingualFile(format: .xliff, sourceLanguage: nil, targetLanguage: nil, units: [])
        var version = 1
        /// The open elements: local name and whether their content is to be translated (inherited).
        var stack: [(name: String, translate: Bool)] = []
        var unitID: String?
        var unitTranslates = true
        var unitCount = 0
        var segmentState: String?
        var source: EscapedText?
        var open: (name: String, contentStart: Int, depth: Int, state: String?)?
        while let token = try scanner.next() {
            switch token {
            case let .start(name, attributes, range, selfClosing):
                if open != nil {   // inline markup inside source or target
                    if !selfClosing { stack.append((localName(name), stack.last?.translate ?? true)) }
                    continue
                }
                let local = localName(name)
                let parent = stack.last?.name
                var translate = stack.last?.translate ?? true
                if let value = attributes["translate"] { translate = value != "no" }
                if !selfClosing { stack.append((local, translate)) }
                switch local {
                case "xliff" where parent == nil:
                    version = (attributes["version"] ?? "1.2").hasPrefix("2") ? 2 : 1
                    if let s = attributes["srcLang"] { file.sourceLanguage = s }
                    if let t = attributes["trgLang"] { file.targetLanguage = t }
                case "file":
                    if let s = attributes["source-language"] { file.sourceLanguage = s }
                    if let t = attributes["target-language"] { file.targetLanguage = t }
                case "trans-unit" where version == 1, "unit" where version == 2:
                    unitCount += 1
                    unitID = attributes["id"] ?? "#\(unitCount)"
                    unitTranslates = translate
                    source = nil
                case "segment" where version == 2 && parent == "unit":
                    source = nil
                    segmentState = attributes["state"]
                case "source", "target":
                    // Only the unit's own source and target: those of <alt-trans>, <mtc:match>… are suggestions.
                    guard unitID != nil, parent == (version == 1 ? "trans-unit" : "segment") else { continue }
                    if selfClosing {
                        if local == "source" { source = EscapedText() }
                    } else {
                        open = (local, range.end, stack.count, version == 1 ? attributes["state"] : segmentState)
                    }
                default:
                    break
                }
            case let .end(name, range):
                let local = localName(name)
                let depth = stack.count
                if !stack.isEmpty { stack.removeLast() }
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
                } else if unitTranslates, !decoded.text.isEmpty, let id = unitID {
                    let state = BilingualFile.ReviewState(xliff: current.state)
                    guard state.isChecked(includeFuzzy: includeFuzzy) else { continue }
                    let (protected, opaque) = markup(in: decoded, bytes)
                    file.units.append(TranslationUnit(id: id, source: source?.string ?? "", target: decoded,
                                                      targetLanguage: file.targetLanguage, protected: protected,
                                                      sourceProtected: source.map { markup(in: $0, bytes).protected } ?? [],
                                                      opaque: opaque, isFinal: state == .final))
                }
            }
        }
        for k in file.units.indices { file.units[k].targetLanguage = file.targetLanguage }
        return file
    }

    static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// Decoded ranges that are not text to check: every inline element's tags (a `<` that is a `<` in the file,
    /// not `&lt;`, up to its `>`), and the whole of a do-not-translate element (`<mrk mtype="protected">`,
    /// `<mrk translate="no">`, the native code elements of 1.2) or range (`<sm translate="no"/>` to its `<em/>`).
    /// Sorted and merged; `opaque`: those of the merged ranges that hold do-not-translate text, not only tags.
    static func markup(in text: EscapedText, _ bytes: UnsafeBufferPointer<UInt8>) -> (protected: [ByteRange], opaque: [ByteRange]) {
        var ranges: [ByteRange] = []
        var content: [ByteRange] = []
        /// Open inline elements: name, and where their protected range starts when they protect their content.
        var open: [(name: String, protectedFrom: Int?)] = []
        /// `<sm translate="no" id=…/>` markers waiting for their `<em startRef=…/>`: id and start.
        var markers: [(id: String, start: Int)] = []
        let t = text.text
        var i = 0
        while i < t.count {
            guard t[i] == 0x3C && bytes[text.fileOffset(i)] == 0x3C else { i += 1; continue }
            var k = i + 1
            while k < t.count && !(t[k] == 0x3E && bytes[text.fileOffset(k)] == 0x3E) { k += 1 }
            let tagEnd = min(k + 1, t.count)
            ranges.append(ByteRange(i, tagEnd))
            let tag = InlineTag(t[i..<tagEnd])
            let inOpen = open.contains { $0.protectedFrom != nil }
            switch tag.kind {
            case .start:
                let protects = !inOpen && tag.isProtected
                open.append((tag.name, protects ? i : nil))
            case .end:
                if let index = open.lastIndex(where: { $0.name == tag.name }) {
                    if let from = open[index].protectedFrom { content.append(ByteRange(from, tagEnd)) }
                    open.removeSubrange(index...)
                }
            case .empty:
                if tag.name == "sm", tag.attributes["translate"] == "no" {
                    markers.append((tag.attributes["id"] ?? "", i))
                } else if tag.name == "em", let index = markers.lastIndex(where: { $0.id == (tag.attributes["startRef"] ?? "") }) {
                    content.append(ByteRange(markers[index].start, tagEnd))
                    markers.remove(at: index)
                }
            }
            i = tagEnd
        }
        // A marker never closed protects to the end of the segment (XLIFF 2 lets an <em/> fall in a later one).
        for marker in markers { content.append(ByteRange(marker.start, t.count)) }
        let all = ByteRange.merged(ranges + content)
        let opaque = all.filter { range in content.contains { range.start <= $0.start && $0.end <= range.end } }
        return (all, opaque)
    }

    /// Just enough of an inline tag: `<name a="v">`, `</name>` or `<name/>`, local names.
    struct InlineTag {
        enum Kind { case start, end, empty }
        var kind: Kind
        var name: String
        var attributes: [String: String] = [:]

        init(_ tag: ArraySlice<UInt8>) {
            var body = Array(tag.dropFirst())
            if body.last == 0x3E { body.removeLast() }
            if body.first == 0x2F {
                kind = .end
                body.removeFirst()
            } else if body.last == 0x2F {
                kind = .empty
                body.removeLast()
            } else {
                kind = .start
            }
            var k = 0
            while k < body.count && !Self.isSpace(body[k]) { k += 1 }
            name = XLIFFReader.localName(String(decoding: body[0..<k], as: UTF8.self))
            while k < body.count {
                while k < body.count && Self.isSpace(body[k]) { k += 1 }
                let nameStart = k
                while k < body.count && body[k] != 0x3D && !Self.isSpace(body[k]) { k += 1 }
                let attribute = XLIFFReader.localName(String(decoding: body[nameStart..<k], as: UTF8.self))
                while k < body.count && (Self.isSpace(body[k]) || body[k] == 0x3D) { k += 1 }
                guard k < body.count, body[k] == 0x22 || body[k] == 0x27 else { k += 1; continue }
                let quote = body[k]
                let valueStart = k + 1
                k = valueStart
                while k < body.count && body[k] != quote { k += 1 }
                attributes[attribute] = String(decoding: body[valueStart..<min(k, body.count)], as: UTF8.self)
                k += 1
            }
        }

        /// Whether the element's content is not to be translated.
        var isProtected: Bool {
            switch name {
            case "mrk": attributes["mtype"] == "protected" || attributes["translate"] == "no"
            case "bpt", "ept", "ph", "it": true   // XLIFF 1.2: their content is the native code of a tag
            default: false
            }
        }

        private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    }
}

/// A minimal XML scanner that reports start and end tags with their byte ranges; comments, processing
/// instructions and CDATA are skipped over, an external DOCTYPE too, and an internal subset or entity declaration
/// is refused (no entity is ever declared or expanded).
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
            } else if Escaping.matches(bytes, i, "<!DOCTYPE") {
                i = try skipExternalDoctype(from: i)
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

    /// Past `<!DOCTYPE name SYSTEM "…">` (or PUBLIC): an external DTD is ignored, never loaded. An internal subset
    /// (`[…]`) is refused, since it may declare entities.
    private func skipExternalDoctype(from start: Int) throws -> Int {
        var k = start + 9
        var quote: UInt8?
        while k < bytes.count {
            let b = bytes[k]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x5B {
                throw fail(k, "a DOCTYPE with an internal subset is refused: translint never declares or expands entities")
            } else if b == 0x3E {
                return k + 1
            }
            k += 1
        }
        throw fail(start, "a DOCTYPE that does not end")
    }

    private mutating func skip(past terminator: String, from: Int, what: String) throws -> Int {
        var k = from
        while k < bytes.count && !Escaping.matches(bytes, k, terminator) { k += 1 }
        guard k < bytes.count else { throw fail(from, "a \(what) that does not end") }
        return k + terminator.utf8.count
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
