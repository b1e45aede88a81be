/// Glossaries as spreadsheets: CSV (RFC 4180) or TSV, one entry per row, with a header row.
///
/// | column | content |
/// | --- | --- |
/// | `source` (or `source@zh-Hans`) | the source term |
/// | `target` (or `target@en`) | the preferred target, required |
/// | `forbidden` | renderings separated by `|` (a `|` inside a rendering is written `\|`) |
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

    public static let columns = ["source", "target", "forbidden", "note", "case_sensitive", "examples", "ambiguous", "context"]

    /// Parses `text` (read from `file`); `separator` is `,` for CSV and a tab for TSV.
    public static func load(_ text: String, file: String, separator: Character = ",",
                            sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        let rows = try parse(text, file: file, separator: separator)
        guard let header = rows.first else { throw GlossaryError(location: SourceLocation(file: file, line: 1), message: "empty file: expected a header row (\(columns.joined(separator: ", ")))") }
        var index: [String: Int] = [:]
        var languages: [String: String] = [:]
        for (k, cell) in header.cells.enumerated() {
            var name = cell.trimmingCharacters(in: .whitespacesAndNewlinesASCII).lowercased()
            if let at = name.firstIndex(of: "@") {
                let language = String(cell.trimmingCharacters(in: .whitespacesAndNewlinesASCII)[cell.trimmingCharacters(in: .whitespacesAndNewlinesASCII).index(after: at)...])
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
                let value = row.cells[k].trimmingCharacters(in: .whitespacesAndNewlinesASCII)
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
            if let value = cell("ambiguous"), !["true", "yes", "1", "false", "no", "0"].contains(value.lowercased()) {
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
            if !context.isEmpty && ambiguous != true && renderings.isEmpty {
                throw GlossaryError(location: location, message: "'context' is used only for ambiguous renderings: set 'ambiguous' to true or to the renderings that are")
            }
            for rendering in forbidden where !rendering.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) {
                throw GlossaryError(location: location, message: "forbidden rendering '\(rendering)' has no letter or digit, so it can never match a word")
            }
            var examples: [GlossaryExample] = []
            for line in (cell("examples") ?? "").split(separator: "\n") {
                var body = String(line), exampleSource: String?
                let sourceParts = body.splitting(on: sourceSeparator)
                if sourceParts.count == 2 { exampleSource = sourceParts[0].trimmingCharacters(in: .whitespacesAndNewlinesASCII); body = sourceParts[1] }
                let parts = body.splitting(on: " => ")
                guard parts.count <= 2, sourceParts.count <= 2 else { throw GlossaryError(location: location, message: "an example has more than one ' => ' or ' ‖ ': \(line)") }
                examples.append(GlossaryExample(text: parts[0].trimmingCharacters(in: .whitespacesAndNewlinesASCII),
                                                fixed: parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlinesASCII) : nil,
                                                source: exampleSource, location: location))
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

    public static func write(_ glossary: Glossary, separator: Character = ",") throws -> String {
        guard glossary.ignore.isEmpty else {
            throw GlossaryError(location: nil, message: "a spreadsheet has no place for the glossary's 'ignore' list; keep it in YAML or TBX, or in .translint.yml")
        }
        // A cell can list the ambiguous renderings of an entry that says nothing itself; a rendering's own context
        // words, or a rendering that differs from what its entry says, have no place.
        func listable(_ entry: GlossaryEntry) -> Bool {
            entry.renderings.isEmpty || (entry.ambiguous == nil && entry.renderings.values.allSatisfy { $0.ambiguous == true && $0.context.isEmpty })
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
            var cells = [entry.source ?? "", entry.target, entry.forbidden.map { $0.replacingAll("|", "\\|") }.joined(separator: "|"),
                         entry.note ?? "", entry.caseSensitive.map { $0 ? "true" : "false" } ?? ""]
            if hasExamples {
                cells.append(entry.examples.map { example in
                    (example.source.map { $0 + sourceSeparator } ?? "") + (example.fixed.map { "\(example.text) => \($0)" } ?? example.text)
                }.joined(separator: "\n"))
            }
            if hasAmbiguity {
                cells.append(entry.ambiguous.map { $0 ? "true" : "false" }
                             ?? entry.forbidden.filter { entry.renderings[$0] != nil }.map { $0.replacingAll("|", "\\|") }.joined(separator: "|"))
                cells.append(entry.context.map { $0.replacingAll("|", "\\|") }.joined(separator: "|"))
            }
            out += row(cells, separator)
        }
        return out
    }

    private static func row(_ cells: [String], _ separator: Character) -> String {
        cells.map { cell in
            let needsQuotes = cell.contains(separator) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                || cell.hasPrefix(" ") || cell.hasSuffix(" ")
            return needsQuotes ? "\"" + cell.replacingAll("\"", "\"\"") + "\"" : cell
        }.joined(separator: String(separator)) + "\r\n"
    }

    static func splitRenderings(_ cell: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for ch in cell {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { items.append(current); current = ""; continue }
            current.append(ch)
        }
        if escaped { current.append("\\") }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlinesASCII) }.filter { !$0.isEmpty }
    }

    struct Row {
        var cells: [String]
        /// 1-based line the row starts on.
        var line: Int
    }

    /// RFC 4180 records, with the line each starts on. A quote inside an unquoted field, or a quoted field
    /// that does not end, is an error at its line.
    static func parse(_ text: String, file: String, separator: Character) throws -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var line = 1, rowLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            cells.append(cell)
            rows.append(Row(cells: cells, line: rowLine))
            cells = []; cell = ""; wasQuoted = false
        }
        while i < chars.count {
            let ch = chars[i]
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    inQuotes = false
                    i += 1
                    if i < chars.count && chars[i] != separator && chars[i] != "\n" && chars[i] != "\r\n" && chars[i] != "\r" {
                        throw GlossaryError(location: SourceLocation(file: file, line: line), message: "text after a closing quote; double a quote inside a quoted field (\"\")")
                    }
                    continue
                }
                if ch == "\n" || ch == "\r\n" { line += 1; cell.append("\n") } else { cell.append(ch) }
                i += 1
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
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                cell.append(ch)
            }
            i += 1
        }
        if inQuotes { throw GlossaryError(location: SourceLocation(file: file, line: quoteLine), message: "a quoted field is not closed") }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
        return rows
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
