import CICU
import Foundation

/// Xcode String Catalogs (`.xcstrings`, JSON): every localization of every key, also plural and device
/// variations. The source text is the source language's own value when the catalog has one, else the key.
///
/// A key with `"shouldTranslate": false` is never checked, nor one whose `extractionState` is `stale` (no longer in
/// the code). A string unit's `state` decides the rest (`BilingualFile.ReviewState`): `translated` is checked and
/// fixed, `new` and `needs_review` only with `--include-fuzzy`, `stale` never. The fields translint reads must have
/// Xcode's types (`value` and `state` strings, `shouldTranslate` a Boolean, `localizations`, `stringUnit` and
/// `variations` objects); anything else is refused with its line, as is JSON that RFC 8259 does not allow.
enum StringCatalogReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, includeFuzzy: Bool = false) throws -> BilingualFile {
        var parser = JSONScanner(bytes: bytes, path: path)
        let root = try parser.parseDocument()
        guard case .object(let top) = root.node else { throw parser.fail(root.offset, "a String Catalog is a JSON object") }
        let sourceLanguage = try top.first { $0.key == "sourceLanguage" }.map { try parser.string($0.value, "sourceLanguage") } ?? "en"
        var file = BilingualFile(format: .xcstrings, sourceLanguage: sourceLanguage, targetLanguage: nil, units: [])
        guard let strings = top.first(where: { $0.key == "strings" })?.value else { return file }
        let keys = try parser.object(strings, "strings")
        var languages = Set<String>()
        for (key, entry) in keys {
            let fields = try parser.object(entry, "the entry of '\(key)'")
            if let flag = fields.first(where: { $0.key == "shouldTranslate" })?.value, try !parser.bool(flag, "shouldTranslate") { continue }
            if let extraction = fields.first(where: { $0.key == "extractionState" })?.value,
               try parser.string(extraction, "extractionState") == "stale" { continue }
            guard let localizations = fields.first(where: { $0.key == "localizations" })?.value else { continue }
            let byLanguage = try parser.object(localizations, "localizations")
            // The source language's values by variation path ("" for the plain string unit).
            var sources: [String: String] = [:]
            var specifiers: [String: String] = [:]
            if let own = byLanguage.first(where: { $0.key == sourceLanguage })?.value {
                for unit in try stringUnits(own, path: "", parser: parser) { sources[unit.variation] = Escaping.decodeJSON(bytes, unit.value).string }
                specifiers = try formatSpecifiers(own, parser: parser)
            }
            for (language, localization) in byLanguage where language != sourceLanguage {
                languages.insert(language)
                for unit in try stringUnits(localization, path: "", parser: parser) {
                    guard BilingualFile.ReviewState(stringCatalog: unit.state).isChecked(includeFuzzy: includeFuzzy) else { continue }
                    let target = Escaping.decodeJSON(bytes, unit.value)
                    guard !target.text.isEmpty else { continue }
                    let variation = unit.variation
                    // A translation may name its substitutions its own way (`count_posts` for `arg1`): one the source
                    // does not have has no source to be checked against.
                    let substitution = variation.components(separatedBy: "substitutions.").dropFirst().last?.split(separator: ".").first.map(String.init)
                    if let substitution, substitutionForms(substitution, in: sources).isEmpty { continue }
                    var sourceText = source(for: variation, in: sources) ?? key
                    // `%arg` is the substitution's own argument; a translation may write its specifier instead (`%lld`).
                    if let substitution, let specifier = specifiers[substitution], sourceText.contains("%arg"), !target.string.contains("%arg") {
                        sourceText = sourceText.replacingOccurrences(of: "%arg", with: "%" + specifier)
                    }
                    // A translation that writes out what the source says through a substitution (Korean `팔로워 %2$@명`
                    // for `%#@followers@`, a language without plural forms) is checked against that substitution.
                    if sourceText.contains("%#@") && !target.string.contains("%#@") { sourceText = expandingSubstitutions(sourceText, sources) }
                    var translation = TranslationUnit(id: key + (variation.isEmpty ? "" : " [\(variation)]") + " (\(language))",
                                                      source: sourceText, target: target, targetLanguage: language)
                    // A plural category that stands for one number in the target language may leave the count out
                    // (`ein neuer Beitrag` for `%lld new posts`), as msgfmt allows a PO plural form.
                    translation.pluralRelaxed = PluralCategories.isRare(variation, language: language)
                    file.units.append(translation)
                }
            }
        }
        file.units.sort { $0.target.fileOffset(0) < $1.target.fileOffset(0) }
        if languages.count == 1 { file.targetLanguage = languages.first }
        return file
    }

    /// The source text a target variation is checked against: the source's same variation, else the source's
    /// `other` of that variation kind (Polish `plural.few` against English `plural.other`), else the source's plain
    /// string, else, for a plain target, the source's `other` plural (a language that does not vary where English does).
    static func source(for variation: String, in sources: [String: String]) -> String? {
        if let exact = sources[variation] { return exact }
        if let dot = variation.lastIndex(of: "."), let other = sources[variation[..<dot] + ".other"] { return other }
        if let plain = sources[""] { return plain }
        return sources.keys.filter { $0.hasSuffix("plural.other") }.min().flatMap { sources[$0] }
    }

    /// The variation paths of the source's substitution `name` (`substitutions.followers.plural.one`, …), sorted.
    static func substitutionForms(_ name: String, in sources: [String: String]) -> [String] {
        let prefix = "substitutions.\(name)."
        return sources.keys.filter { $0.hasPrefix(prefix) || $0.contains("." + prefix) }.sorted()
    }

    /// The `formatSpecifier` of each substitution of a localization (`arg1` → `lld`).
    private static func formatSpecifiers(_ node: JSONScanner.Value, parser: JSONScanner) throws -> [String: String] {
        let fields = try parser.object(node, "a localization")
        guard let substitutions = fields.first(where: { $0.key == "substitutions" })?.value else { return [:] }
        var result: [String: String] = [:]
        for (name, substitution) in try parser.object(substitutions, "substitutions") {
            if let specifier = try parser.object(substitution, "a substitution").first(where: { $0.key == "formatSpecifier" })?.value {
                result[name] = try parser.string(specifier, "formatSpecifier")
            }
        }
        return result
    }

    /// `text` with each `%#@name@` replaced by the source's `other` form of that substitution (or its only form).
    static func expandingSubstitutions(_ text: String, _ sources: [String: String]) -> String {
        var result = "", rest = Substring(text)
        while let start = rest.range(of: "%#@") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "@") else { result += rest[start.lowerBound...]; return result }
            let forms = substitutionForms(String(after[..<end]), in: sources)
            let chosen = forms.first { $0.hasSuffix(".other") } ?? forms.first
            result += chosen.flatMap { sources[$0] } ?? String(rest[start.lowerBound...end])
            rest = after[after.index(after: end)...]
        }
        return result + rest
    }

    /// The `stringUnit`s under a localization, keyed by their variation path (`plural.one`, `device.iphone`): the
    /// range of the value's JSON string and the unit's state.
    private static func stringUnits(_ node: JSONScanner.Value, path: String, parser: JSONScanner) throws -> [(variation: String, value: ByteRange, state: String?)] {
        let fields = try parser.object(node, path.isEmpty ? "a localization" : "'\(path)'")
        var result: [(variation: String, value: ByteRange, state: String?)] = []
        if let unit = fields.first(where: { $0.key == "stringUnit" })?.value {
            let unitFields = try parser.object(unit, "stringUnit")
            let state = try unitFields.first { $0.key == "state" }.map { try parser.string($0.value, "state") }
            if let value = unitFields.first(where: { $0.key == "value" })?.value {
                guard case .string(let range) = value.node else { throw parser.typeError(value, "value", expected: "a string") }
                result.append((path, range, state))
            }
        }
        if let variations = fields.first(where: { $0.key == "variations" })?.value {
            for (kind, categories) in try parser.object(variations, "variations") {
                for (category, child) in try parser.object(categories, "variations.\(kind)") {
                    result += try stringUnits(child, path: (path.isEmpty ? "" : path + ".") + kind + "." + category, parser: parser)
                }
            }
        }
        // Apple's plural substitutions: `%#@followers@` in the value stands for the variations of
        // `substitutions.followers`, each a string unit of its own.
        if let substitutions = fields.first(where: { $0.key == "substitutions" })?.value {
            for (name, substitution) in try parser.object(substitutions, "substitutions") {
                result += try stringUnits(substitution, path: (path.isEmpty ? "" : path + ".") + "substitutions." + name, parser: parser)
            }
        }
        return result
    }
}

/// A JSON parser (RFC 8259, strictly: no trailing commas, leading zeros, invalid escapes or raw control characters)
/// that keeps the byte range of every string, so that a fix lands on the exact bytes.
struct JSONScanner {
    indirect enum Node {
        case object([(key: String, value: Value)])
        case array([Value])
        /// The range includes the quotes.
        case string(ByteRange)
        case number
        case bool(Bool)
        case null
    }

    /// A node and the offset where it starts, for errors.
    struct Value {
        var node: Node
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var i = 0
    var depth = 0

    func fail(_ offset: Int, _ message: String) -> BilingualFileError {
        var line = 1
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A { line += 1 }
        return BilingualFileError(path: path, line: line, message: message)
    }

    func typeError(_ value: Value, _ what: String, expected: String) -> BilingualFileError {
        let found: String
        switch value.node {
        case .object: found = "an object"
        case .array: found = "an array"
        case .string: found = "a string"
        case .number: found = "a number"
        case .bool: found = "a Boolean"
        case .null: found = "null"
        }
        return fail(value.offset, "\(what) must be \(expected), not \(found)")
    }

    func object(_ value: Value, _ what: String) throws -> [(key: String, value: Value)] {
        guard case .object(let fields) = value.node else { throw typeError(value, what, expected: "an object") }
        return fields
    }

    func string(_ value: Value, _ what: String) throws -> String {
        guard case .string(let range) = value.node else { throw typeError(value, what, expected: "a string") }
        return Escaping.decodeJSON(bytes, range).string
    }

    func bool(_ value: Value, _ what: String) throws -> Bool {
        guard case .bool(let flag) = value.node else { throw typeError(value, what, expected: "true or false") }
        return flag
    }

    mutating func parseDocument() throws -> Value {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        let node = try value()
        skipSpace()
        guard i == bytes.count else { throw fail(i, "text after the JSON value") }
        return node
    }

    private mutating func skipSpace() {
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
    }

    private mutating func value() throws -> Value {
        skipSpace()
        guard i < bytes.count else { throw fail(i, "unexpected end of the JSON text") }
        let start = i
        switch bytes[i] {
        case 0x7B:
            depth += 1
            guard depth < 128 else { throw fail(i, "JSON nested deeper than 128 levels") }
            defer { depth -= 1 }
            i += 1
            var fields: [(String, Value)] = []
            skipSpace()
            if i < bytes.count && bytes[i] == 0x7D { i += 1; return Value(node: .object([]), offset: start) }
            while true {
                skipSpace()
                guard i < bytes.count else { throw fail(i, "an object that does not end") }
                if bytes[i] == 0x7D { throw fail(i, "a trailing comma before '}' (JSON allows none)") }
                guard bytes[i] == 0x22 else { throw fail(i, "expected a quoted key") }
                let keyRange = try stringRange()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { throw fail(i, "expected ':' after a key") }
                i += 1
                fields.append((Escaping.decodeJSON(bytes, keyRange).string, try value()))
                skipSpace()
                guard i < bytes.count else { throw fail(i, "an object that does not end") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x7D { i += 1; return Value(node: .object(fields), offset: start) }
                throw fail(i, "expected ',' or '}'")
            }
        case 0x5B:
            depth += 1
            guard depth < 128 else { throw fail(i, "JSON nested deeper than 128 levels") }
            defer { depth -= 1 }
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < bytes.count && bytes[i] == 0x5D { i += 1; return Value(node: .array([]), offset: start) }
            while true {
                skipSpace()
                if i < bytes.count && bytes[i] == 0x5D { throw fail(i, "a trailing comma before ']' (JSON allows none)") }
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail(i, "an array that does not end") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x5D { i += 1; return Value(node: .array(items), offset: start) }
                throw fail(i, "expected ',' or ']'")
            }
        case 0x22:
            return Value(node: .string(try stringRange()), offset: start)
        case 0x74 where Escaping.matches(bytes, i, "true"):
            i += 4
            return Value(node: .bool(true), offset: start)
        case 0x66 where Escaping.matches(bytes, i, "false"):
            i += 5
            return Value(node: .bool(false), offset: start)
        case 0x6E where Escaping.matches(bytes, i, "null"):
            i += 4
            return Value(node: .null, offset: start)
        case 0x2D, 0x30...0x39:
            try number()
            return Value(node: .number, offset: start)
        default:
            var end = i
            while end < bytes.count, case let b = bytes[end], b != 0x2C && b != 0x7D && b != 0x5D && b > 0x20 { end += 1 }
            throw fail(start, "unexpected '\(String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self))': a JSON value is an object, array, string, number, true, false or null")
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and nothing of a word after it.
    private mutating func number() throws {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - from
        }
        if bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { throw fail(start, "a '-' without digits") }
        if bytes[i] == 0x30 {
            i += 1
            if i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { throw fail(start, "a number with a leading zero (JSON allows none)") }
        } else {
            _ = digits()
        }
        if i < bytes.count && bytes[i] == 0x2E {
            i += 1
            guard digits() > 0 else { throw fail(start, "a number with no digit after its '.'") }
        }
        if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard digits() > 0 else { throw fail(start, "a number with no digit in its exponent") }
        }
        if i < bytes.count, case let b = bytes[i], b != 0x2C && b != 0x7D && b != 0x5D && b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 {
            throw fail(start, "not a JSON number: '\(String(decoding: bytes[start...i], as: UTF8.self))'")
        }
    }

    private mutating func stringRange() throws -> ByteRange {
        let start = i
        i += 1
        while i < bytes.count && bytes[i] != 0x22 {
            if bytes[i] == 0x5C {
                guard i + 1 < bytes.count else { throw fail(start, "a string that does not end") }
                switch bytes[i + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    i += 2
                case 0x75:
                    guard i + 6 <= bytes.count, (2..<6).allSatisfy({ Escaping.hexValue(bytes[i + $0]) != nil }) else {
                        throw fail(i, "\\u must be followed by four hexadecimal digits")
                    }
                    i += 6
                default:
                    throw fail(i, "invalid escape '\\\(String(decoding: [bytes[i + 1]], as: UTF8.self))' in a JSON string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                }
            } else if bytes[i] < 0x20 {
                throw fail(i, "a control character inside a JSON string (write it as \\u00XX)")
            } else {
                i += 1
            }
        }
        guard i < bytes.count else { throw fail(start, "a string that does not end") }
        i += 1
        return ByteRange(start, i)
    }
}

/// CLDR plural categories by what they stand for in a language, from ICU's cardinal rules.
enum PluralCategories {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sizes: [String: Int32] = [:]

    /// Whether the plural category that ends `variation` (`plural.one`, `device.iphone.plural.zero`) stands for
    /// fewer than 5 of the integers 0...1000 in `language` (as PO's rare plural forms): `one` in German (1) or
    /// French (0 and 1), but not `one` in Russian (1, 21, 31, …). `other` never is; a language ICU does not know
    /// gets the root rules (only `other`), so any other category of it is.
    static func isRare(_ variation: String, language: String) -> Bool {
        let parts = variation.split(separator: ".")
        guard parts.count >= 2, parts[parts.count - 2] == "plural", parts.last != "other" else { return false }
        let keyword = String(parts[parts.count - 1])
        let key = language + "\u{0}" + keyword
        lock.lock()
        defer { lock.unlock() }
        let rare = { (size: Int32) in size >= 0 && size < PluralFormula.rareUses }
        if let known = sizes[key] { return rare(known) }
        let size = cicu_plural_category_size(language.replacingOccurrences(of: "-", with: "_"), keyword, Int32(PluralFormula.rareRange))
        sizes[key] = size
        return rare(size)
    }
}
