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
    /// Those of `protected` that hold do-not-translate text (`<mrk mtype="protected">…</mrk>`), not only tags: read as
    /// one word, so that the text around them is read as it stands (a sentence does not start after them).
    public var opaque: [ByteRange] = []
    /// The file marks the translation as final (XLIFF `final`, `signed-off`): checked and reported, never fixed.
    public var isFinal = false
    /// PO: the entry's format flags (`c-format`, `python-brace-format`, `no-c-format`…), which say what its
    /// placeholders are; nil in formats without such flags.
    public var formats: Set<String>? = nil
    /// PO: the index of this plural form (`msgstr[0]` is 0) in an entry with `msgid_plural`; nil otherwise.
    public var pluralForm: Int? = nil
    /// PO: the entry's `msgid_plural`, which every form's placeholders follow as msgfmt checks them.
    public var pluralSource: String? = nil
    /// PO: this plural form stands for one number or a few (English `one`; Romanian's form for 2 alone), or the
    /// header does not say: msgfmt lets it leave arguments out (`un fișier` for `%s file`), checking it relaxed.
    public var pluralRelaxed = false
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

    /// How far a translation is, as the file says: what decides whether it is checked and whether `--fix` may change it.
    public enum ReviewState: Sendable, Hashable {
        /// Translated, reviewed, or nothing said: checked and fixed.
        case translated
        /// Not yet a translation to rely on: PO `fuzzy`, XLIFF 1.2 `new`, `needs-translation`, `needs-review-*`,
        /// `needs-adaptation`, `needs-l10n`, XLIFF 2 `initial`, String Catalog `new` and `needs_review`. Checked only
        /// with `includeFuzzy` (`--include-fuzzy`), as fuzzy PO entries.
        case unreviewed
        /// Signed off: XLIFF 1.2 `final` and `signed-off`, XLIFF 2 `final`. Checked and reported, never fixed.
        case final
        /// No longer in use: String Catalog `stale` (like PO's obsolete `#~` entries). Never checked.
        case stale

        init(xliff state: String?) {
            switch state {
            case "new", "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation",
                 "needs-review-adaptation", "needs-review-l10n", "initial": self = .unreviewed
            case "final", "signed-off": self = .final
            default: self = .translated
            }
        }

        init(stringCatalog state: String?) {
            switch state {
            case "new", "needs_review": self = .unreviewed
            case "stale": self = .stale
            default: self = .translated
            }
        }

        func isChecked(includeFuzzy: Bool) -> Bool {
            switch self {
            case .translated, .final: true
            case .unreviewed: includeFuzzy
            case .stale: false
            }
        }
    }

    /// Reads `bytes` (valid UTF-8). Fuzzy PO entries and unreviewed XLIFF and String Catalog units (`ReviewState`)
    /// are skipped unless `includeFuzzy`.
    public static func parse(_ bytes: [UInt8], path: String, format: Format, includeFuzzy: Bool = false) throws -> BilingualFile {
        try bytes.withUnsafeBufferPointer { try parse($0, path: path, format: format, includeFuzzy: includeFuzzy) }
    }

    /// The same without a copy of the bytes.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, path: String, format: Format, includeFuzzy: Bool = false) throws -> BilingualFile {
        switch format {
        case .po: try POReader.read(buffer, path: path, includeFuzzy: includeFuzzy)
        case .xliff: try XLIFFReader.read(buffer, path: path, includeFuzzy: includeFuzzy)
        case .xcstrings: try StringCatalogReader.read(buffer, path: path, includeFuzzy: includeFuzzy)
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
/// continued on following lines; `#,` flags (fuzzy); `#~` obsolete entries are read for their grammar only.
///
/// The grammar is `msgfmt`'s (gettext's po-lex.c and po-gram.y), so that a file msgfmt refuses is refused here
/// (with the line) and one it accepts is read: strings end on their line; escapes are `\n \t \b \r \f \v \a
/// \\ \"`, octal `\NNN` and hex `\xH…`; an entry is `[msgctxt S] msgid S (msgstr S | msgid_plural S msgstr[0]
/// S msgstr[1] S …)` with indices counting from 0; a comment cannot cut an entry; `#~` lines cannot be mixed into
/// a live entry; no two entries share msgctxt and msgid; `domain "…"` lines are allowed. The file is read in one
/// pass keeping byte ranges only, then each entry's strings are decoded.
enum POReader {
    /// msgids and contexts whose msgstr lists translators, not a translation.
    static let creditKeys: Set<String> = ["translator-credits", "translator_credits"]
    static let creditContexts: Set<String> = ["NAME OF TRANSLATORS\u{4}", "EMAIL OF TRANSLATORS\u{4}"]
    /// A string keyword and the byte range of its strings (first opening quote to last closing quote).
    struct Field {
        var keyword: Keyword
        var range: ByteRange
    }

    enum Keyword: Equatable {
        case msgctxt, msgid, msgidPlural, msgstr
        case msgstrIndex(Int)

        var name: String {
            switch self {
            case .msgctxt: "msgctxt"
            case .msgid: "msgid"
            case .msgidPlural: "msgid_plural"
            case .msgstr: "msgstr"
            case .msgstrIndex(let n): "msgstr[\(n)]"
            }
        }
    }

    struct Entry {
        var fields: [Field] = []
        var fuzzy = false
        var obsolete = false
        var line = 1
        /// The `#,` flags that end in `-format`.
        var formats: Set<String> = []
    }

    private enum Token: Equatable {
        case keyword(String)
        case string(ByteRange)
        case open, close
        case number(Int)
        /// A comment line (`#` to the end of the line); `flags` for `#,` lines.
        case comment(flags: String?)
        case end
    }

    /// The lexer: `#~` lines are lexed as entries marked obsolete, `#|` (previous) lines only for their strings.
    private struct Lexer {
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        var i = 0
        var line = 1
        /// Whether the current line started with `#~`.
        var obsoleteLine = false
        var lastTokenObsolete = false

        func fail(_ message: String, line: Int? = nil) -> BilingualFileError {
            BilingualFileError(path: path, line: line ?? self.line, message: message)
        }

        mutating func next() throws -> (token: Token, line: Int) {
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x0A:
                    line += 1
                    i += 1
                    obsoleteLine = false
                case 0x20, 0x09, 0x0D, 0x0C, 0x0B:
                    i += 1
                case 0x23:   // #
                    let at = line
                    if i + 1 < bytes.count && bytes[i + 1] == 0x7E && !obsoleteLine {   // #~: the rest of the line is lexed
                        obsoleteLine = true
                        i += 2
                        if i < bytes.count && bytes[i] == 0x7C { try skipPrevious(); continue }   // #~|
                        continue
                    }
                    if i + 1 < bytes.count && bytes[i + 1] == 0x7C && !obsoleteLine {   // #|: previous strings
                        i += 2
                        try skipPrevious()
                        continue
                    }
                    let start = i
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                    let flags = start + 1 < bytes.count && bytes[start + 1] == 0x2C
                        ? String(decoding: bytes[(start + 2)..<i], as: UTF8.self) : nil
                    lastTokenObsolete = obsoleteLine
                    return (.comment(flags: flags), at)
                case 0x22:
                    let at = line
                    let range = try string()
                    lastTokenObsolete = obsoleteLine
                    return (.string(range), at)
                case 0x5B:
                    i += 1
                    lastTokenObsolete = obsoleteLine
                    return (.open, line)
                case 0x5D:
                    i += 1
                    lastTokenObsolete = obsoleteLine
                    return (.close, line)
                case 0x30...0x39:
                    var value = 0
                    while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                        value = min(value * 10 + Int(bytes[i] - 0x30), 1 << 30)
                        i += 1
                    }
                    lastTokenObsolete = obsoleteLine
                    return (.number(value), line)
                case 0x41...0x5A, 0x61...0x7A, 0x5F:
                    let start = i
                    while i < bytes.count, case let c = bytes[i], (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || (c >= 0x30 && c <= 0x39) { i += 1 }
                    lastTokenObsolete = obsoleteLine
                    return (.keyword(String(decoding: bytes[start..<i], as: UTF8.self)), line)
                default:
                    var end = i + 1
                    while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
                    throw fail("unexpected '\(String(decoding: bytes[i..<end], as: UTF8.self))' (expected a keyword, a string or a comment)")
                }
            }
            return (.end, line)
        }

        /// A quoted string from `i` (at its opening quote): it must end on its line, with valid escapes.
        private mutating func string() throws -> ByteRange {
            let start = i
            i += 1
            while i < bytes.count && bytes[i] != 0x22 {
                switch bytes[i] {
                case 0x0A:
                    throw fail("a string that does not end on its line (end-of-line within string)")
                case 0x5C:
                    guard i + 1 < bytes.count else { throw fail("a string that does not end (end of file within string)") }
                    let c = bytes[i + 1]
                    switch c {
                    case 0x6E, 0x74, 0x62, 0x72, 0x66, 0x76, 0x61, 0x5C, 0x22, 0x30...0x37:   // n t b r f v a \ " octal
                        i += 2
                    case 0x78 where i + 2 < bytes.count && Escaping.hexValue(bytes[i + 2]) != nil:
                        i += 3
                    default:
                        var end = i + 2
                        while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
                        throw fail("invalid escape '\(String(decoding: bytes[i..<min(end, bytes.count)], as: UTF8.self))' (PO strings have \\n \\t \\r \\b \\f \\v \\a \\\\ \\\" \\NNN \\xHH)")
                    }
                default:
                    i += 1
                }
            }
            guard i < bytes.count else { throw fail("a string that does not end (end of file within string)") }
            i += 1
            return ByteRange(start, i)
        }

        /// The rest of a `#|` line: its strings must still end and hold valid escapes, as msgfmt lexes them.
        private mutating func skipPrevious() throws {
            while i < bytes.count && bytes[i] != 0x0A {
                if bytes[i] == 0x22 { _ = try string() } else { i += 1 }
            }
        }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, includeFuzzy: Bool) throws -> BilingualFile {
        var lexer = Lexer(bytes: bytes, path: path)
        var entries: [Entry] = []
        var pendingFuzzy = false
        var pendingFormats: Set<String> = []
        var token = try lexer.next()
        func fail(_ message: String, _ line: Int) -> BilingualFileError { BilingualFileError(path: path, line: line, message: message) }
        /// The line of an offset, for errors found after the lexer has passed it.
        func line(at offset: Int) -> Int {
            var line = 1
            for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A { line += 1 }
            return line
        }
        /// The strings after a keyword, at least one: their range.
        func strings(after keyword: String, line: Int) throws -> ByteRange {
            guard case .string(let first) = token.token else {
                throw fail("\(keyword) without a quoted string", token.line)
            }
            var range = first
            token = try lexer.next()
            while case .string(let next) = token.token {
                range.end = next.end
                token = try lexer.next()
            }
            return range
        }
        while token.token != .end {
            switch token.token {
            case .comment(let flags):
                if let flags {
                    let words = flags.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
                    if words.contains("fuzzy") { pendingFuzzy = true }
                    for word in words where word.hasSuffix("-format") { pendingFormats.insert(String(word)) }
                }
                token = try lexer.next()
                continue
            case .keyword("domain"):
                token = try lexer.next()
                _ = try strings(after: "domain", line: token.line)
                continue
            case .keyword("msgctxt"), .keyword("msgid"):
                break
            case .keyword(let word) where ["msgid_plural", "msgstr"].contains(word):
                throw fail("\(word) without a msgid before it", token.line)
            case .keyword(let word):
                throw fail("unknown keyword '\(word)' (expected msgctxt, msgid, msgid_plural, msgstr, a comment or a string)", token.line)
            case .string:
                throw fail("a string continues no msgid or msgstr", token.line)
            default:
                throw fail("expected msgctxt or msgid", token.line)
            }
            var entry = Entry(fuzzy: pendingFuzzy, obsolete: lexer.lastTokenObsolete, line: token.line, formats: pendingFormats)
            pendingFuzzy = false
            pendingFormats = []
            func take(_ keyword: Keyword, _ name: String) throws {
                if lexer.lastTokenObsolete != entry.obsolete { throw fail("inconsistent use of #~: an entry is partly obsolete", token.line) }
                let line = token.line
                token = try lexer.next()
                entry.fields.append(Field(keyword: keyword, range: try strings(after: name, line: line)))
            }
            if token.token == .keyword("msgctxt") {
                try take(.msgctxt, "msgctxt")
                guard token.token == .keyword("msgid") else { throw fail("msgctxt without a msgid after it", token.line) }
            }
            try take(.msgid, "msgid")
            if token.token == .keyword("msgid_plural") {
                try take(.msgidPlural, "msgid_plural")
                var index = 0
                while token.token == .keyword("msgstr") {
                    if lexer.lastTokenObsolete != entry.obsolete { throw fail("inconsistent use of #~: an entry is partly obsolete", token.line) }
                    let line = token.line
                    token = try lexer.next()
                    guard token.token == .open else { throw fail("msgstr after msgid_plural needs an index: msgstr[\(index)]", line) }
                    token = try lexer.next()
                    guard case .number(let n) = token.token else { throw fail("msgstr[…] needs a number from 0 up", token.line) }
                    guard n == index else { throw fail("plural form has wrong index: msgstr[\(n)] where msgstr[\(index)] is due", token.line) }
                    token = try lexer.next()
                    guard token.token == .close else { throw fail("msgstr[\(n) without its ']'", token.line) }
                    token = try lexer.next()
                    entry.fields.append(Field(keyword: .msgstrIndex(n), range: try strings(after: "msgstr[\(n)]", line: line)))
                    index += 1
                }
                guard index > 0 else { throw fail("msgid_plural without msgstr[0]", token.line) }
            } else {
                guard token.token == .keyword("msgstr") else { throw fail("missing msgstr: an entry needs one after its msgid", entry.line) }
                if lexer.lastTokenObsolete != entry.obsolete { throw fail("inconsistent use of #~: an entry is partly obsolete", token.line) }
                let line = token.line
                token = try lexer.next()
                if token.token == .open { throw fail("msgstr[…] without msgid_plural", line) }
                entry.fields.append(Field(keyword: .msgstr, range: try strings(after: "msgstr", line: line)))
            }
            entries.append(entry)
        }

        var file = BilingualFile(format: .po, sourceLanguage: nil, targetLanguage: nil, units: [])
        var pluralForms = 2
        // The forms msgfmt checks relaxed; all of them when the header gives no formula it can evaluate.
        var rareForms: Set<Int>?
        var seen: [String: Int] = [:]
        for entry in entries {
            func decoded(_ keyword: Keyword) -> EscapedText? {
                entry.fields.first { $0.keyword == keyword }.map { Escaping.decodePO(bytes, $0.range) }
            }
            let msgid = decoded(.msgid) ?? EscapedText()
            let context = decoded(.msgctxt).map { $0.string + "\u{4}" } ?? ""
            let msgidString = msgid.string
            let key = context.isEmpty ? msgidString : context + msgidString
            if let first = seen[key] {
                throw fail("duplicate message definition (first defined at line \(first))", entry.line)
            }
            seen[key] = entry.line
            if entry.obsolete { continue }
            if msgid.text.isEmpty && context.isEmpty {   // the header
                for line in (decoded(.msgstr)?.string ?? "").split(separator: "\n") {
                    if line.hasPrefix("Language:") {
                        let value = String(line.dropFirst("Language:".count)).trimmingCharacters(in: .whitespacesAndNewlinesASCII)
                        if !value.isEmpty { file.targetLanguage = BilingualFile.bcp47(value) }
                    }
                    if line.hasPrefix("Plural-Forms:"), let n = line.split(separator: ";").first?.split(separator: "=").last,
                       let count = Int(String(n).trimmingCharacters(in: .whitespacesAndNewlinesASCII)) {
                        pluralForms = count
                        rareForms = PluralFormula(header: String(line.dropFirst("Plural-Forms:".count)))?.rareForms()
                    }
                }
                continue
            }
            // The translators' names and addresses (GNOME's `translator-credits`, KDE's `Your names` under `NAME OF
            // TRANSLATORS`): no translation of its msgid, so nothing a check compares.
            if Self.creditKeys.contains(msgidString) || Self.creditContexts.contains(context) { continue }
            let plural = decoded(.msgidPlural)
            let msgstrs: [(field: Field, text: EscapedText)] = entry.fields.compactMap { field in
                switch field.keyword {
                case .msgstr, .msgstrIndex: (field, Escaping.decodePO(bytes, field.range))
                default: nil
                }
            }
            if !entry.fuzzy, !msgid.text.isEmpty, let first = msgstrs.first, !first.text.text.isEmpty {
                // msgfmt refuses a translated entry whose strings do not all begin, and all end, with \n as its msgid does.
                var strings = msgstrs
                if let plural, let field = entry.fields.first(where: { $0.keyword == .msgidPlural }) { strings.insert((field, plural), at: 0) }
                for (field, text) in strings {
                    for (atStart, name) in [(true, "begin"), (false, "end")] {
                        let a = atStart ? msgid.text.first == 0x0A : msgid.text.last == 0x0A
                        let b = atStart ? text.text.first == 0x0A : text.text.last == 0x0A
                        guard a == b else {
                            throw fail("'msgid' and '\(field.keyword.name)' entries do not both \(name) with '\\n' (msgfmt refuses this)", line(at: field.range.start))
                        }
                    }
                }
            }
            if entry.fuzzy && !includeFuzzy { continue }
            for (field, target) in msgstrs where !target.text.isEmpty {
                let index: Int? = if case .msgstrIndex(let n) = field.keyword { n } else { nil }
                // msgstr[0] translates the singular, unless the language has one form for every number (Chinese).
                let source = (index ?? 0) > 0 || (index != nil && pluralForms == 1) ? (plural?.string ?? msgidString) : msgidString
                let id = context.isEmpty && index == nil ? msgidString : key + (index.map { "[\($0)]" } ?? "")
                // msgfmt checks strictly a message without plural, or with one translated form only (Chinese).
                let relaxed = plural != nil && msgstrs.count > 1 && (rareForms.map { $0.contains(index ?? 0) } ?? true)
                file.units.append(TranslationUnit(id: id, source: source, target: target, targetLanguage: nil, formats: entry.formats,
                                                  pluralForm: plural != nil ? (index ?? 0) : nil, pluralSource: plural?.string,
                                                  pluralRelaxed: relaxed))
            }
        }
        for k in file.units.indices { file.units[k].targetLanguage = file.targetLanguage }
        return file
    }
}
