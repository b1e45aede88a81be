/// Glossaries as spreadsheets: CSV (RFC 4180) or TSV, one entry per row, with a header row.
///
/// | column | content |
/// | --- | --- |
/// | `source` (or `source@zh-Hans`) | the source term |
/// | `target` (or `target@en`) | the preferred target, required |
/// | `forbidden` | renderings separated by `|` (a `|` inside a rendering is written `\|`, a backslash `\\`) |
/// | `note` | free text |
/// | `case_sensitive` | `true`, `false` or empty |
/// | `examples` | optional: one example per line, `text => fixed`, or just `text` for one that must not be flagged; `source ‖ text => fixed` for one with a source |
/// | `ambiguous` | `true`, `false` or empty: whether the entry's renderings need evidence; or the renderings that do, separated by `|` |
/// | `context` | the entry's context words, separated by `|` |
///
/// Columns may come in any order; unknown columns are an error. The languages come from the header
/// (`source@zh-Hans`, `target@en`) or from the caller.
public enum CSVGlossary {
    /// Between an example's source and its text in the `examples` cell (the separator of bilingual examples).
    static let sourceSeparator = " ‖ "

    /// What a flag cell says (`true` or `false`), lowercased.
    static let flagWords: Set<String> = ["true", "yes", "1", "false", "no", "0"]

    public static let columns = ["source", "target", "forbidden", "note", "case_sensitive", "examples", "ambiguous", "context"]

    /// Parses `text` (read from `file`); `separator` is `,` for CSV and a tab for TSV.
    public static func load(_ text: String, file: String, separator: Character = ",",
                            sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        let rows = try parse(text, file: file, separator: separator)
        guard let header = rows.first else { throw GlossaryError(location: SourceLocation(file: file, line: 1), message: "empty file: expected a header row (\(columns.joined(separator: ", ")))") }
        var index: [String: Int] = [:]
        var languages: [String: String] = [:]
        for (k, cell) in header.cells.enumerated() {
            var name = cell.trimmingCharacters(in: .glossaryValue).lowercased()
            if let at = name.firstIndex(of: "@") {
                let language = String(cell.trimmingCharacters(in: .glossaryValue)[cell.trimmingCharacters(in: .glossaryValue).index(after: at)...])
                name = String(name[..<at])
                guard GlossaryLoader.isLanguageTag(language) else {
                    throw GlossaryError(location: SourceLocation(file: file, line: header.line), message: "column '\(cell)': '\(language)' is not a BCP 47 language tag")
                }
                languages[name] = language
            }
            guard columns.contains(name) else {
                throw GlossaryError(location: SourceLocation(file: file, line: header.line), message: "unknown column '\(cell)' (expected: \(columns.joined(separator: ", ")))")
            }
            guard index[name] == nil else { throw GlossaryError(location: SourceLocation(file: file, line: header.line), message: "column '\(name)' appears twice") }
            index[name] = k
        }
        guard index["target"] != nil else { throw GlossaryError(location: SourceLocation(file: file, line: header.line), message: "no 'target' column") }
        guard let source = languages["source"] ?? sourceLanguage, let target = languages["target"] ?? targetLanguage else {
            throw GlossaryError(location: SourceLocation(file: file, line: header.line),
                                message: "the header does not say the languages: name the columns 'source@zh-Hans' and 'target@en', or give --source-language and --target-language")
        }
        var entries: [GlossaryEntry] = []
        for row in rows.dropFirst() {
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            let location = SourceLocation(file: file, line: row.line)
            guard row.cells.count <= header.cells.count else {
                throw GlossaryError(location: location, message: "\(row.cells.count) fields, but the header has \(header.cells.count)")
            }
            func cell(_ name: String) -> String? {
                guard let k = index[name], k < row.cells.count else { return nil }
                let value = row.cells[k].trimmingCharacters(in: .glossaryValue)
                return value.isEmpty ? nil : value
            }
            guard let targetTerm = cell("target") else { throw GlossaryError(location: location, message: "empty 'target'") }
            func flag(_ name: String) throws -> Bool? {
                guard let flag = cell(name) else { return nil }
                switch flag.lowercased() {
                case "true", "yes", "1": return true
                case "false", "no", "0": return false
                default: throw GlossaryError(location: location, message: "'\(name)' must be true, false or empty, not '\(flag)'")
                }
            }
            let caseSensitive = try flag("case_sensitive")
            let forbidden = cell("forbidden").map(splitRenderings) ?? []
            // `ambiguous`: true or false for the whole entry, or the renderings that are, separated by `|`.
            var ambiguous: Bool?
            var renderings: [String: RenderingAmbiguity] = [:]
            if let value = cell("ambiguous"), !flagWords.contains(value.lowercased()) {
                for rendering in splitRenderings(value) {
                    guard forbidden.contains(rendering) else {
                        throw GlossaryError(location: location, message: "'ambiguous' names '\(rendering)', which is not one of the row's forbidden renderings (or write true or false)")
                    }
                    renderings[rendering] = RenderingAmbiguity(ambiguous: true)
                }
            } else {
                ambiguous = try flag("ambiguous")
            }
            let context = cell("context").map(splitRenderings) ?? []
            // A rendering template (`electric{ity|}`) is YAML's: here a '{' would read one way and write another.
            for rendering in forbidden where RenderingTemplate.isTemplate(rendering) {
                throw GlossaryError(location: location, message: "forbidden rendering '\(rendering)' has a '{': rendering templates are written in YAML glossaries; list their forms here")
            }
            for rendering in forbidden where !rendering.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) {
                throw GlossaryError(location: location, message: "forbidden rendering '\(rendering)' has no letter or digit, so it can never match a word")
            }
            var examples: [GlossaryExample] = []
            for line in (cell("examples") ?? "").unicodeScalars.split(onScalars: "\n") where !line.isEmpty {
                guard let example = parseExample(line, location: location) else {
                    throw GlossaryError(location: location, message: "an example has more than one ' => ' or ' ‖ ': \(line)")
                }
                examples.append(example)
            }
            let entry = GlossaryEntry(source: cell("source"), target: targetTerm, forbidden: forbidden, caseSensitive: caseSensitive,
                                      note: cell("note"), examples: examples, location: location, ambiguous: ambiguous, context: context,
                                      renderings: renderings)
            if let problem = GlossaryValidator.entryProblem(entry) { throw GlossaryError(location: location, message: problem) }
            entries.append(entry)
        }
        try GlossaryValidator.checkConflicts(entries)
        return Glossary(sourceLanguage: source, targetLanguage: target, entries: entries)
    }

    /// Whether a spreadsheet holds all of `glossary`: no `ignore` list, and no rendering that says something
    /// alone (its own context words, or ambiguity other than the entry's).
    public static func canHold(_ glossary: Glossary) -> Bool {
        glossary.ignore.isEmpty && glossary.readings.isEmpty && glossary.entries.allSatisfy(listable)
    }

    /// A cell can list the ambiguous renderings of an entry that says nothing itself; a rendering's own context
    /// words, or a rendering that differs from what its entry says, have no place.
    static func listable(_ entry: GlossaryEntry) -> Bool {
        entry.renderings.isEmpty || (entry.ambiguous == nil && entry.renderings.values.allSatisfy { $0.ambiguous == true && $0.context.isEmpty })
    }

    public static func write(_ glossary: Glossary, separator: Character = ",") throws -> String {
        guard glossary.ignore.isEmpty else {
            throw GlossaryError(location: nil, message: "a spreadsheet has no place for the glossary's 'ignore' list; keep it in YAML or TBX, or in .translint.yml")
        }
        guard glossary.readings.isEmpty else {
            throw GlossaryError(location: nil, message: "a spreadsheet has no place for the glossary's 'readings'; keep them in YAML or TBX")
        }
        if let entry = glossary.entries.first(where: { !listable($0) }) {
            throw GlossaryError(location: entry.location, message: "a spreadsheet has no place for what one forbidden rendering says alone ('\(entry.renderings.keys.sorted()[0])' of '\(entry.target)': its own context words, or ambiguity that differs from its entry's); keep it in YAML or TBX")
        }
        let hasExamples = glossary.entries.contains { !$0.examples.isEmpty }
        let hasAmbiguity = glossary.entries.contains { $0.ambiguous != nil || !$0.context.isEmpty || !$0.renderings.isEmpty }
        var header = ["source@\(glossary.sourceLanguage)", "target@\(glossary.targetLanguage)", "forbidden", "note", "case_sensitive"]
        if hasExamples { header.append("examples") }
        if hasAmbiguity { header += ["ambiguous", "context"] }
        var out = row(header, separator)
        for entry in glossary.entries {
            var cells = [entry.source ?? "", entry.target, entry.forbidden.map(escapeRendering).joined(separator: "|"),
                         entry.note ?? "", entry.caseSensitive.map { $0 ? "true" : "false" } ?? ""]
            if hasExamples {
                cells.append(try entry.examples.map { example in
                    let line = (example.source.map { $0 + sourceSeparator } ?? "") + (example.fixed.map { "\(example.text) => \($0)" } ?? example.text)
                    // One line of the cell, read back as written: a line break, ' => ' or ' ‖ ' inside would change it.
                    let back = line.unicodeScalars.contains { $0 == "\n" } ? nil : parseExample(line, location: nil)
                    guard let back, back.text == example.text, back.fixed == example.fixed, back.source == example.source else {
                        throw GlossaryError(location: example.location ?? entry.location,
                                            message: "a spreadsheet cannot hold the example '\(example.text)' of '\(entry.target)' (a line break, ' => ' or ' ‖ ' in it); keep it in YAML or TBX")
                    }
                    return line
                }.joined(separator: "\n"))
            }
            if hasAmbiguity {
                var named = entry.forbidden.filter { entry.renderings[$0] != nil }.map(escapeRendering).joined(separator: "|")
                // One rendering spelt like a flag (`no`) would read back as the flag: escaped, it reads as itself.
                if flagWords.contains(named.lowercased()) { named = "\\" + named }
                cells.append(entry.ambiguous.map { $0 ? "true" : "false" } ?? named)
                cells.append(entry.context.map(escapeRendering).joined(separator: "|"))
            }
            out += row(cells, separator)
        }
        return out
    }

    private static func row(_ cells: [String], _ separator: Character) -> String {
        let separatorScalar = separator.unicodeScalars.first!
        return cells.map { cell in
            let scalars = cell.unicodeScalars
            let needsQuotes = scalars.contains { $0 == separatorScalar || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || scalars.first == " " || scalars.last == " "
            guard needsQuotes else { return cell }
            var quoted = String.UnicodeScalarView()
            for ch in scalars {
                if ch == "\"" { quoted.append("\"") }
                quoted.append(ch)
            }
            return "\"" + String(quoted) + "\""
        }.joined(separator: String(separator)) + "\r\n"
    }

    /// One line of the `examples` cell: `text`, `text => fixed` or `source ‖ text => fixed`; nil when it has more
    /// than one separator of a kind.
    static func parseExample(_ line: String, location: SourceLocation?) -> GlossaryExample? {
        var body = line, exampleSource: String?
        let sourceParts = body.unicodeScalars.split(onScalars: sourceSeparator)
        guard sourceParts.count <= 2 else { return nil }
        if sourceParts.count == 2 { exampleSource = sourceParts[0].trimmingCharacters(in: .glossaryValue); body = sourceParts[1] }
        let parts = body.unicodeScalars.split(onScalars: " => ")
        guard parts.count <= 2 else { return nil }
        return GlossaryExample(text: parts[0].trimmingCharacters(in: .glossaryValue),
                               fixed: parts.count == 2 ? parts[1].trimmingCharacters(in: .glossaryValue) : nil,
                               source: exampleSource, location: location)
    }

    /// A `|`-separated list; `\` makes the next scalar literal (`\|`, `\\`). Scalar by scalar, as `escapeRendering` writes.
    static func splitRenderings(_ cell: String) -> [String] {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for ch in cell.unicodeScalars {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { items.append(String(current)); current = String.UnicodeScalarView(); continue }
            current.append(ch)
        }
        if escaped { current.append("\\") }
        items.append(String(current))
        return items.map { $0.trimmingCharacters(in: .glossaryValue) }.filter { !$0.isEmpty }
    }

    /// One item of a `|`-separated list, as `splitRenderings` reads it back.
    static func escapeRendering(_ item: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in item.unicodeScalars {
            if ch == "\\" || ch == "|" { out.append("\\") }
            out.append(ch)
        }
        return String(out)
    }

    struct Row {
        var cells: [String]
        /// 1-based line the row starts on.
        var line: Int
    }

    /// RFC 4180 records, with the line each starts on. A quote inside an unquoted field, or a quoted field
    /// that does not end, is an error at its line. Read scalar by scalar: as characters, a separator, quote or
    /// line break followed by a combining mark would be one character with it, and the cell after it would
    /// join the cell before.
    static func parse(_ text: String, file: String, separator: Character) throws -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var line = 1, rowLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        let separator = separator.unicodeScalars.first!
        var i = 0
        func endRow() {
            cells.append(cell)
            rows.append(Row(cells: cells, line: rowLine))
            cells = []; cell = ""; wasQuoted = false
        }
        while i < chars.count {
            let ch = chars[i]
            // A line break: \n, \r\n or \r, one step.
            let breakLength = ch == "\n" ? 1 : ch == "\r" ? (i + 1 < chars.count && chars[i + 1] == "\n" ? 2 : 1) : 0
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.unicodeScalars.append("\""); i += 2; continue }
                    inQuotes = false
                    i += 1
                    if i < chars.count && chars[i] != separator && chars[i] != "\n" && chars[i] != "\r" {
                        throw GlossaryError(location: SourceLocation(file: file, line: line), message: "text after a closing quote; double a quote inside a quoted field (\"\")")
                    }
                    continue
                }
                if breakLength == 2 || ch == "\n" { line += 1; cell.unicodeScalars.append("\n") } else { cell.unicodeScalars.append(ch) }
                i += max(breakLength, 1)
                continue
            }
            if breakLength > 0 {
                endRow()
                line += 1
                rowLine = line
                i += breakLength
                continue
            }
            switch ch {
            case "\"":
                guard cell.isEmpty && !wasQuoted else {
                    throw GlossaryError(location: SourceLocation(file: file, line: line), message: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                inQuotes = true; wasQuoted = true; quoteLine = line
            case separator:
                cells.append(cell); cell = ""; wasQuoted = false
            default:
                cell.unicodeScalars.append(ch)
            }
            i += 1
        }
        if inQuotes { throw GlossaryError(location: SourceLocation(file: file, line: quoteLine), message: "a quoted field is not closed") }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
        return rows
    }
}

extension String.UnicodeScalarView {
    /// The scalars between occurrences of `separator`, compared scalar by scalar (String's own search compares
    /// characters, so it misses a separator followed by a combining mark).
    func split(onScalars separator: String) -> [String] {
        let needle = Array(separator.unicodeScalars), scalars = Array(self)
        var parts: [String] = [], current = String.UnicodeScalarView(), i = 0
        while i < scalars.count {
            if !needle.isEmpty && i + needle.count <= scalars.count && Array(scalars[i..<(i + needle.count)]) == needle {
                parts.append(String(current)); current = String.UnicodeScalarView(); i += needle.count
            } else {
                current.append(scalars[i]); i += 1
            }
        }
        parts.append(String(current))
        return parts
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return splitting(on: target).joined(separator: replacement)
    }

    func splitting(on separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
