/// One translation: a source text and its target, as a bilingual file stores them.
public struct TranslationUnit: Hashable, Sendable {
    /// What identifies the unit in its file (PO: msgctxt and msgid; XLIFF: the unit id; String Catalog: the key).
    public var id: String
    public var source: String
    /// The target, decoded, with the way back to the file's bytes.
    public var target: EscapedText
    /// BCP 47.
    public var targetLanguage: String?
    /// Byte ranges of the decoded target that are markup (XLIFF inline elements): not checked, never changed.
    public var protected: [ByteRange] = []
    /// The same for the source; nil when the format has no markup of its own (PO, String Catalogs: a `<b>` there is
    /// text that placeholder-mismatch compares as a tag).
    public var sourceProtected: [ByteRange]? = nil
}

/// A file in which each unit carries its source and target: gettext PO, XLIFF 1.2 and 2.x, Xcode String Catalogs.
public struct BilingualFile: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case po, xliff, xcstrings

        /// By extension: `.po`, `.xlf` / `.xliff`, `.xcstrings`.
        public static func forPath(_ path: String) -> Format? {
            let lower = path.lowercased()
            if lower.hasSuffix(".po") { return .po }
            if lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") { return .xliff }
            if lower.hasSuffix(".xcstrings") { return .xcstrings }
            return nil
        }

        public var escaping: Escaping {
            switch self {
            case .po: .po
            case .xliff: .xml
            case .xcstrings: .json
            }
        }
    }

    public var format: Format
    /// As the file states them (PO: the header's `Language`; XLIFF: `source-language`/`srcLang`…).
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// Units with a non-empty target, in file order.
    public var units: [TranslationUnit]

    /// Reads `bytes` (valid UTF-8). Fuzzy PO entries are skipped unless `includeFuzzy`.
    public static func parse(_ bytes: [UInt8], path: String, format: Format, includeFuzzy: Bool = false) throws -> BilingualFile {
        try bytes.withUnsafeBufferPointer { buffer in
            switch format {
            case .po: try POReader.read(buffer, path: path, includeFuzzy: includeFuzzy)
            case .xliff: try XLIFFReader.read(buffer, path: path)
            case .xcstrings: try StringCatalogReader.read(buffer, path: path)
            }
        }
    }

    /// `zh_CN` → `zh-CN`; `zh_Hans` → `zh-Hans`.
    static func bcp47(_ code: String) -> String { code.trimmingCharacters(in: .whitespacesAndNewlinesASCII).replacingAll("_", "-") }
}

/// A bilingual file that cannot be read, with where and why.
public struct BilingualFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public var description: String { "\(path):\(line): \(message)" }
}

/// gettext PO files: entries of `msgctxt`, `msgid`, `msgid_plural`, `msgstr` / `msgstr[N]`, with their strings
/// continued on following lines; `#,` flags (fuzzy); `#~` obsolete entries are skipped.
enum POReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, includeFuzzy: Bool) throws -> BilingualFile {
        struct Entry {
            var fuzzy = false
            var fields: [(keyword: String, range: ByteRange)] = []
            var line = 1
        }
        var entries: [Entry] = []
        var current = Entry()
        var lineNumber = 0
        var lineStart = 0
        func flush() {
            if !current.fields.isEmpty { entries.append(current) }
            current = Entry()
        }
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var p = lineStart
            while p < contentEnd && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
            defer { lineStart = lineEnd + 1 }
            if p == contentEnd { flush(); continue }
            let c = bytes[p]
            if c == 0x23 {   // comments
                if Escaping.matches(bytes, p, "#,") && String(decoding: bytes[p..<contentEnd], as: UTF8.self).contains("fuzzy") {
                    if !current.fields.isEmpty { flush() }
                    current.fuzzy = true
                }
                continue
            }
            if c == 0x22 {   // a continuation of the last field
                guard !current.fields.isEmpty else { throw BilingualFileError(path: path, line: lineNumber, message: "a string continues no msgid or msgstr") }
                current.fields[current.fields.count - 1].range.end = contentEnd
                continue
            }
            var k = p
            while k < contentEnd && bytes[k] != 0x20 && bytes[k] != 0x09 && bytes[k] != 0x22 { k += 1 }
            let keyword = String(decoding: bytes[p..<k], as: UTF8.self)
            guard keyword == "msgctxt" || keyword == "msgid" || keyword == "msgid_plural" || keyword == "msgstr"
                    || (keyword.hasPrefix("msgstr[") && keyword.hasSuffix("]")) else {
                throw BilingualFileError(path: path, line: lineNumber, message: "unknown keyword '\(keyword)' (expected msgctxt, msgid, msgid_plural, msgstr, a comment or a string)")
            }
            while k < contentEnd && bytes[k] != 0x22 { k += 1 }
            guard k < contentEnd else { throw BilingualFileError(path: path, line: lineNumber, message: "\(keyword) without a quoted string") }
            if (keyword == "msgctxt" || (keyword == "msgid" && !current.fields.contains { $0.keyword == "msgctxt" }))
                && current.fields.contains(where: { $0.keyword.hasPrefix("msgstr") }) {
                flush()   // a new entry without a blank line before it
            }
            if current.fields.isEmpty { current.line = lineNumber }
            current.fields.append((keyword, ByteRange(k, contentEnd)))
        }
        flush()

        var file = BilingualFile(format: .po, sourceLanguage: nil, targetLanguage: nil, units: [])
        var pluralForms = 2
        for entry in entries {
            func decoded(_ keyword: String) -> EscapedText? {
                entry.fields.first { $0.keyword == keyword }.map { Escaping.decodePO(bytes, $0.range) }
            }
            guard let msgid = decoded("msgid") else {
                throw BilingualFileError(path: path, line: entry.line, message: "an entry without msgid")
            }
            if msgid.text.isEmpty && decoded("msgctxt") == nil {   // the header
                for line in (decoded("msgstr")?.string ?? "").split(separator: "\n") {
                    if line.hasPrefix("Language:") {
                        let value = String(line.dropFirst("Language:".count)).trimmingCharacters(in: .whitespacesAndNewlinesASCII)
                        if !value.isEmpty { file.targetLanguage = BilingualFile.bcp47(value) }
                    }
                    if line.hasPrefix("Plural-Forms:"), let n = line.split(separator: ";").first?.split(separator: "=").last,
                       let count = Int(String(n).trimmingCharacters(in: .whitespacesAndNewlinesASCII)) {
                        pluralForms = count
                    }
                }
                continue
            }
            if entry.fuzzy && !includeFuzzy { continue }
            let context = decoded("msgctxt").map { $0.string + "\u{4}" } ?? ""
            let plural = decoded("msgid_plural")
            for field in entry.fields where field.keyword.hasPrefix("msgstr") {
                let target = Escaping.decodePO(bytes, field.range)
                guard !target.text.isEmpty else { continue }
                let index = field.keyword == "msgstr" ? 0 : Int(field.keyword.dropFirst(7).dropLast()) ?? 0
                // msgstr[0] translates the singular, unless the language has one form for every number (Chinese).
                let source = index > 0 || pluralForms == 1 ? (plural ?? msgid).string : msgid.string
                file.units.append(TranslationUnit(id: context + msgid.string + (field.keyword == "msgstr" ? "" : "[\(index)]"),
                                                  source: source, target: target, targetLanguage: nil))
            }
        }
        for k in file.units.indices { file.units[k].targetLanguage = file.targetLanguage }
        return file
    }
}
