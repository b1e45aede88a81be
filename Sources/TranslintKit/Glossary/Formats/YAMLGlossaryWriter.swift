/// Writes a glossary in translint's YAML format (version 1), one entry per block, as a person would write it.
public enum YAMLGlossaryWriter {
    public static func write(_ glossary: Glossary, header: String? = nil) -> String {
        var out = ""
        if let header { for line in header.split(separator: "\n", omittingEmptySubsequences: false) { out += "# \(line)\n" } }
        out += "version: 1\n"
        out += "source_language: \(scalar(glossary.sourceLanguage))\n"
        out += "target_language: \(scalar(glossary.targetLanguage))\n"
        if !glossary.ignore.isEmpty { out += "ignore: \(flowList(glossary.ignore))\n" }
        if !glossary.readings.isEmpty {
            out += "readings:\n"
            for (key, words) in glossary.readings.sorted(by: { $0.key < $1.key }) { out += "  \(scalar(key)): \(flowList(words))\n" }
        }
        // An empty list written as `terms:` alone would read back as null, which the loader refuses.
        out += glossary.entries.isEmpty ? "terms: []\n" : "terms:\n"
        for (k, entry) in glossary.entries.enumerated() {
            if k > 0 { out += "\n" }
            out += entryText(entry, indent: "  ")
        }
        return out
    }

    /// One entry as a block sequence item, each line starting with `indent`.
    public static func entryText(_ entry: GlossaryEntry, indent: String) -> String {
        var lines: [String] = []
        if let source = entry.source { lines.append("source: \(scalar(source))") }
        lines.append("target: \(scalar(entry.target))")
        if !entry.forbidden.isEmpty {
            // A rendering that says something of its own is a mapping: `{text: Ali, ambiguous: true}`.
            let items = entry.forbidden.map { rendering -> String in
                guard let said = entry.renderings[rendering] else { return scalar(rendering, inFlow: true) }
                var fields = ["text: \(scalar(rendering, inFlow: true))"]
                if let ambiguous = said.ambiguous { fields.append("ambiguous: \(ambiguous)") }
                if !said.context.isEmpty { fields.append("context: \(flowList(said.context))") }
                return "{" + fields.joined(separator: ", ") + "}"
            }
            lines.append("forbidden: [" + items.joined(separator: ", ") + "]")
        }
        if let ambiguous = entry.ambiguous { lines.append("ambiguous: \(ambiguous)") }
        if !entry.context.isEmpty { lines.append("context: \(flowList(entry.context))") }
        if let caseSensitive = entry.caseSensitive { lines.append("case_sensitive: \(caseSensitive)") }
        if let note = entry.note { lines.append("note: \(scalar(note))") }
        if !entry.examples.isEmpty {
            lines.append("examples:")
            for example in entry.examples {
                lines.append("  - text: \(scalar(example.text))")
                if let source = example.source { lines.append("    source: \(scalar(source))") }
                if let fixed = example.fixed { lines.append("    fixed: \(scalar(fixed))") }
            }
        }
        var out = ""
        for (k, line) in lines.enumerated() { out += indent + (k == 0 ? "- " : "  ") + line + "\n" }
        return out
    }

    public static func flowList(_ items: [String]) -> String { "[" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]" }

    /// A YAML scalar that reads back as exactly `text` (a string): plain when that is safe, else double-quoted.
    public static func scalar(_ text: String, inFlow: Bool = false) -> String {
        guard needsQuotes(text, inFlow: inFlow) else { return text }
        var json = ""
        JSONValue.escape(text, into: &json)   // JSON strings are valid YAML double-quoted scalars,
        // but for the characters YAML does not allow raw (DEL, C1 controls but NEL, U+FFFE, U+FFFF), and those it
        // reads as something else: NEL, a line break that a quoted scalar folds into a space, and U+FEFF, a byte
        // order mark; escaped here.
        func isRaw(_ scalar: Unicode.Scalar) -> Bool { isPrintableInYAML(scalar) && scalar != "\u{85}" && scalar != "\u{FEFF}" }
        guard json.unicodeScalars.contains(where: { !isRaw($0) }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if isRaw(scalar) { out.unicodeScalars.append(scalar) } else {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return out
    }

    /// YAML 1.2's printable characters (with tab and line breaks, which the JSON escaping above has escaped).
    static func isPrintableInYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    static func needsQuotes(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if reserved.contains(text.lowercased()) || Double(text) != nil || Int(text) != nil { return true }
        if first == " " || last == " " || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        if inFlow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return true }
        return text.unicodeScalars.contains { !isPrintableInYAML($0) || $0.value < 0x20 || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }
    }
}
