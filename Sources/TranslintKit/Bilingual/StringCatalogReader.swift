/// Xcode String Catalogs (`.xcstrings`, JSON): every localization of every key, also plural and device
/// variations. The source text is the source language's own value when the catalog has one, else the key.
enum StringCatalogReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> BilingualFile {
        var parser = JSONScanner(bytes: bytes, path: path)
        let root = try parser.parseDocument()
        guard case .object(let top) = root else { throw parser.fail(0, "a String Catalog is a JSON object") }
        let sourceLanguage = top.first { $0.key == "sourceLanguage" }.flatMap { parser.string($0.value) } ?? "en"
        var file = BilingualFile(format: .xcstrings, sourceLanguage: sourceLanguage, targetLanguage: nil, units: [])
        guard let strings = top.first(where: { $0.key == "strings" })?.value, case .object(let keys) = strings else { return file }
        var languages = Set<String>()
        for (key, entry) in keys {
            guard case .object(let fields) = entry,
                  let localizations = fields.first(where: { $0.key == "localizations" })?.value,
                  case .object(let byLanguage) = localizations else { continue }
            // The source language's values by variation path ("" for the plain string unit).
            var sources: [String: String] = [:]
            if let own = byLanguage.first(where: { $0.key == sourceLanguage })?.value {
                for (variation, node) in stringUnits(own, path: "") { if let s = parser.string(node) { sources[variation] = s } }
            }
            for (language, localization) in byLanguage where language != sourceLanguage {
                languages.insert(language)
                for (variation, node) in stringUnits(localization, path: "") {
                    guard case .string(let range) = node else { continue }
                    let target = Escaping.decodeJSON(bytes, range)
                    guard !target.text.isEmpty else { continue }
                    file.units.append(TranslationUnit(id: key + (variation.isEmpty ? "" : " [\(variation)]") + " (\(language))",
                                                      source: sources[variation] ?? sources[""] ?? key, target: target, targetLanguage: language))
                }
            }
        }
        file.units.sort { $0.target.map.first ?? 0 < $1.target.map.first ?? 0 }
        if languages.count == 1 { file.targetLanguage = languages.first }
        return file
    }

    /// The `stringUnit.value` nodes under a localization, keyed by their variation path (`plural.one`, `device.iphone`).
    private static func stringUnits(_ node: JSONScanner.Node, path: String) -> [(String, JSONScanner.Node)] {
        guard case .object(let fields) = node else { return [] }
        var result: [(String, JSONScanner.Node)] = []
        if let unit = fields.first(where: { $0.key == "stringUnit" })?.value, case .object(let unitFields) = unit,
           let value = unitFields.first(where: { $0.key == "value" })?.value {
            result.append((path, value))
        }
        if let variations = fields.first(where: { $0.key == "variations" })?.value, case .object(let kinds) = variations {
            for (kind, categories) in kinds {
                guard case .object(let byCategory) = categories else { continue }
                for (category, child) in byCategory {
                    result += stringUnits(child, path: (path.isEmpty ? "" : path + ".") + kind + "." + category)
                }
            }
        }
        return result
    }
}

/// A JSON parser that keeps the byte range of every string, so that a fix lands on the exact bytes.
struct JSONScanner {
    indirect enum Node {
        case object([(key: String, value: Node)])
        case array([Node])
        /// The range includes the quotes.
        case string(ByteRange)
        case scalar
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var i = 0
    var depth = 0

    func fail(_ offset: Int, _ message: String) -> BilingualFileError {
        BilingualFileError(path: path, line: bytes[0..<min(offset, bytes.count)].filter { $0 == 0x0A }.count + 1, message: message)
    }

    func string(_ node: Node) -> String? {
        guard case .string(let range) = node else { return nil }
        return Escaping.decodeJSON(bytes, range).string
    }

    mutating func parseDocument() throws -> Node {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        let node = try value()
        skipSpace()
        guard i == bytes.count else { throw fail(i, "text after the JSON value") }
        return node
    }

    private mutating func skipSpace() {
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
    }

    private mutating func value() throws -> Node {
        skipSpace()
        guard i < bytes.count else { throw fail(i, "unexpected end of the JSON text") }
        switch bytes[i] {
        case 0x7B:
            depth += 1
            guard depth < 128 else { throw fail(i, "JSON nested deeper than 128 levels") }
            defer { depth -= 1 }
            i += 1
            var fields: [(String, Node)] = []
            skipSpace()
            if i < bytes.count && bytes[i] == 0x7D { i += 1; return .object([]) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x22 else { throw fail(i, "expected a quoted key") }
                let keyRange = try stringRange()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { throw fail(i, "expected ':' after a key") }
                i += 1
                fields.append((Escaping.decodeJSON(bytes, keyRange).string, try value()))
                skipSpace()
                guard i < bytes.count else { throw fail(i, "an object that does not end") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x7D { i += 1; return .object(fields) }
                throw fail(i, "expected ',' or '}'")
            }
        case 0x5B:
            depth += 1
            guard depth < 128 else { throw fail(i, "JSON nested deeper than 128 levels") }
            defer { depth -= 1 }
            i += 1
            var items: [Node] = []
            skipSpace()
            if i < bytes.count && bytes[i] == 0x5D { i += 1; return .array([]) }
            while true {
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail(i, "an array that does not end") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x5D { i += 1; return .array(items) }
                throw fail(i, "expected ',' or ']'")
            }
        case 0x22:
            return .string(try stringRange())
        default:
            let start = i
            while i < bytes.count, case let b = bytes[i], b != 0x2C && b != 0x7D && b != 0x5D && b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else { throw fail(start, "unexpected '\(word)'") }
            return .scalar
        }
    }

    private mutating func stringRange() throws -> ByteRange {
        let start = i
        i += 1
        while i < bytes.count && bytes[i] != 0x22 {
            if bytes[i] == 0x5C { i += 1 }
            else if bytes[i] < 0x20 { throw fail(i, "a control character inside a JSON string") }
            i += 1
        }
        guard i < bytes.count else { throw fail(start, "a string that does not end") }
        i += 1
        return ByteRange(start, i)
    }
}
