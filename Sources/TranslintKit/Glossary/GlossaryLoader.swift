import Yams

/// Reads the YAML glossary format (version 1), reporting every problem with file:line.
///
/// ```yaml
/// version: 1
/// source_language: zh-Hans
/// target_language: en
/// terms:
///   - source: 电商
///     target: e-commerce
///     forbidden: [electricity business]
/// ```
public enum GlossaryLoader {
    static let topLevelKeys: Set<String> = ["version", "source_language", "target_language", "terms", "ignore", "readings"]
    static let entryKeys: Set<String> = ["source", "target", "forbidden", "case_sensitive", "note", "examples", "ambiguous", "context", "seen"]
    static let exampleKeys: Set<String> = ["text", "fixed", "source"]
    /// A forbidden rendering written as a mapping, to say something about it alone.
    static let renderingKeys: Set<String> = ["text", "ambiguous", "context", "seen"]

    /// Parses `yaml`, read from `file` (used in messages only).
    public static func load(yaml: String, file: String) throws -> Glossary {
        let root: Node?
        do {
            // The basic resolver: Yams' default one runs a regular expression per scalar to guess its type, which
            // dominated loading large glossaries. Types are checked here instead (YAML 1.2 core schema).
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw GlossaryError(location: yamlErrorLocation(error, file: file), message: "invalid YAML: \(yamlErrorProblem(error))")
        }
        guard let root else { throw GlossaryError(location: SourceLocation(file: file, line: 1), message: "empty glossary") }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, what: "the glossary", allowed: topLevelKeys)

        guard let versionNode = top["version"] else { throw reader.error(root, "missing 'version' (expected 'version: 1')") }
        guard reader.int(versionNode) == 1 else { throw reader.error(versionNode, "unsupported version '\(versionNode.scalar?.string ?? "?")' (expected 1)") }
        let sourceLanguage = try reader.requiredString(top, "source_language", in: root)
        let targetLanguage = try reader.requiredString(top, "target_language", in: root)
        for (key, value) in [("source_language", sourceLanguage), ("target_language", targetLanguage)] where !isLanguageTag(value) {
            throw reader.error(top[key]!, "'\(key)' must be a BCP 47 language tag such as 'en' or 'zh-Hans', not '\(value)'")
        }
        let readings = try top["readings"].map { try self.readings($0, reader: reader) } ?? [:]
        // A file may hold only readings (glossaries/zh-en/readings.yaml); anything else needs its terms.
        let termsNode = top["terms"]
        guard termsNode != nil || top["readings"] != nil else { throw reader.error(root, "missing 'terms' (a list of entries)") }
        guard let terms = termsNode.map({ $0.sequence }) ?? [] else { throw reader.error(termsNode!, "'terms' must be a list of entries") }

        var entries: [GlossaryEntry] = []
        entries.reserveCapacity(terms.count)
        for node in terms {
            entries.append(try entry(node, reader: reader))
        }
        try GlossaryValidator.checkConflicts(entries)
        let ignore = try top["ignore"].map { try reader.stringList($0, key: "ignore") } ?? []
        return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries, ignore: ignore, readings: readings)
    }

    /// `readings:`, a mapping from source characters to their literal English readings: `米: [rice, meter]`.
    /// A reading is lowercase words of letters, spaces, hyphens and apostrophes, or `-` (a character dropped).
    private static func readings(_ node: Node, reader: NodeReader) throws -> [String: [String]] {
        guard let mapping = node.mapping else { throw reader.error(node, "'readings' must map source characters to lists of readings") }
        var readings: [String: [String]] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string.trimmingCharacters(in: .glossaryValue), !key.isEmpty else {
                throw reader.error(keyNode, "a key of 'readings' must be source characters")
            }
            guard readings[key] == nil else { throw reader.error(keyNode, "duplicate key '\(key)' in 'readings'") }
            let words = try reader.stringList(value, key: "readings of '\(key)'")
            for word in words { if let problem = DerivedRenderings.readingProblem(word, of: key) { throw reader.error(value, problem) } }
            readings[key] = words
        }
        return readings
    }

    private static func entry(_ node: Node, reader: NodeReader) throws -> GlossaryEntry {
        let fields = try reader.mapping(node, what: "an entry", allowed: entryKeys)
        let target = try reader.requiredString(fields, "target", in: node)
        let source = try fields["source"].map { try reader.string($0, key: "source") }
        var forbidden: [String] = []
        var renderings: [String: RenderingAmbiguity] = [:]
        var renderingContextNodes: [(String, Node)] = []
        // Provenance: where each rendering was seen in real machine translation (page addresses).
        var seen: [String: [String]] = [:]
        var templates: [String: [String]] = [:]
        let entrySeen = try fields["seen"].map { try reader.stringList($0, key: "seen") } ?? []
        if let list = fields["forbidden"] {
            guard let items = list.sequence else { throw reader.error(list, "'forbidden' must be a list of strings") }
            for item in items {
                let rendering: String
                var said = RenderingAmbiguity()
                var pages: [String]?
                var contextNode: Node?
                if item.mapping != nil {
                    // `- {text: Ali, ambiguous: true, context: [Taobao]}`: one rendering with its own ambiguity.
                    let options = try reader.mapping(item, what: "a forbidden rendering", allowed: renderingKeys)
                    rendering = try reader.requiredString(options, "text", in: item)
                    if let flag = options["ambiguous"] {
                        guard let value = reader.bool(flag) else { throw reader.error(flag, "'ambiguous' must be true or false") }
                        said.ambiguous = value
                    }
                    if let words = options["context"] {
                        said.context = try contextWords(words, reader: reader)
                        contextNode = words
                    }
                    if let node = options["seen"] { pages = try reader.stringList(node, key: "seen") }
                } else {
                    rendering = try reader.string(item, key: "forbidden")
                }
                // A template stands for its variants (`electricity {supplier|dealer}s?`); each says what it says.
                let forms: [String]
                do { forms = try RenderingTemplate.expand(rendering) } catch let failure as RenderingTemplate.Failure {
                    throw reader.error(item, failure.description)
                }
                if forms.count > 1 || forms.first != rendering { templates[rendering] = forms }
                for form in forms {
                    guard form.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) else {
                        throw reader.error(item, "forbidden rendering '\(form)' has no letter or digit, so it can never match a word")
                    }
                    if said != RenderingAmbiguity() { renderings[form] = said }
                    if let contextNode { renderingContextNodes.append((form, contextNode)) }
                    if let pages { seen[form] = pages }
                    forbidden.append(form)
                    if !entrySeen.isEmpty { seen[form, default: []] += entrySeen }
                }
            }
        }
        var ambiguous: Bool?
        if let flag = fields["ambiguous"] {
            guard let value = reader.bool(flag) else { throw reader.error(flag, "'ambiguous' must be true or false") }
            ambiguous = value
        }
        let context = try fields["context"].map { try contextWords($0, reader: reader) } ?? []
        guard target.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) else {
            throw reader.error(fields["target"]!, "target '\(target)' has no letter or digit")
        }
        var caseSensitive: Bool?
        if let flag = fields["case_sensitive"] {
            guard let value = reader.bool(flag) else { throw reader.error(flag, "'case_sensitive' must be true or false") }
            caseSensitive = value
        }
        let note = try fields["note"].map { try reader.string($0, key: "note") }
        var examples: [GlossaryExample] = []
        if let list = fields["examples"] {
            guard let items = list.sequence else { throw reader.error(list, "'examples' must be a list of {text, fixed}") }
            for item in items {
                let example = try reader.mapping(item, what: "an example", allowed: exampleKeys)
                let text = try reader.requiredString(example, "text", in: item)
                let fixed = try example["fixed"].map { try reader.string($0, key: "fixed") }
                let exampleSource = try example["source"].map { try reader.string($0, key: "source") }
                examples.append(GlossaryExample(text: text, fixed: fixed, source: exampleSource, location: reader.location(item)))
            }
        }
        let entry = GlossaryEntry(source: source, target: target, forbidden: forbidden, caseSensitive: caseSensitive,
                                  note: note, examples: examples, location: reader.location(node),
                                  ambiguous: ambiguous, context: context, renderings: renderings, seen: seen, templates: templates)
        // Context words are evidence for renderings that need it; anywhere else they would be silently ignored.
        for (rendering, words) in renderingContextNodes where !entry.isAmbiguous(entry.forbidden.firstIndex(of: rendering)!) {
            throw reader.error(words, "'context' of '\(rendering)' is used only when the rendering is ambiguous: add 'ambiguous: true'")
        }
        if let words = fields["context"], !entry.hasAmbiguousRendering, !entry.hasAmbiguousTarget, !DerivedRenderings.readsCharacters(entry) {
            throw reader.error(words, "'context' is used only for ambiguous renderings and targets, and for names whose characters have readings: add 'ambiguous: true' to the entry or to a rendering")
        }
        // What the other readers refuse too (the checks above say more precisely where).
        if let problem = GlossaryValidator.entryProblem(entry) { throw reader.error(node, problem) }
        return entry
    }

    /// A list of context words (or one), each with a letter or digit.
    private static func contextWords(_ node: Node, reader: NodeReader) throws -> [String] {
        let words = try reader.stringList(node, key: "context")
        for word in words where !word.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) {
            throw reader.error(node, "context word '\(word)' has no letter or digit")
        }
        return words
    }

    /// A loose BCP 47 check: alphanumeric subtags of 1 to 8 characters, the first alphabetic.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func yamlErrorLine(_ error: YamlError) -> Int { yamlErrorLocation(error, file: "").line }

    private static func yamlErrorLocation(_ error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: context.mark.line)
        default:
            return SourceLocation(file: file, line: 1)
        }
    }

    private static func yamlErrorProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text) that started at line \(context.mark.line))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// Typed access to YAML nodes that turns every surprise into a GlossaryError at the node's line.
struct NodeReader {
    let file: String

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1)
    }

    func error(_ node: Node, _ message: String) -> GlossaryError {
        GlossaryError(location: location(node), message: message)
    }

    /// The mapping's values by key; rejects keys outside `allowed`, duplicate keys and non-string keys.
    func mapping(_ node: Node, what: String, allowed: Set<String>) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw error(keyNode, "keys must be plain strings") }
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                throw error(keyNode, "unknown key '\(key)' in \(what) (\(hint)expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard fields[key] == nil else { throw error(keyNode, "duplicate key '\(key)' in \(what)") }
            fields[key] = value
        }
        return fields
    }

    /// `true` or `false` (YAML 1.2 core schema spellings), unquoted.
    func bool(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    func double(_ node: Node) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Double(scalar.string)
    }

    func int(_ node: Node) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Int(scalar.string)
    }

    func string(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "'\(key)' must be a string") }
        let value = scalar.string.trimmingCharacters(in: .glossaryValue)
        guard !value.isEmpty else { throw error(node, "'\(key)' must not be empty") }
        return value
    }

    func stringList(_ node: Node, key: String) throws -> [String] {
        if node.scalar != nil { return [try string(node, key: key)] }
        guard let items = node.sequence else { throw error(node, "'\(key)' must be a list of strings") }
        return try items.map { try string($0, key: key) }
    }

    func requiredString(_ fields: [String: Node], _ key: String, in parent: Node) throws -> String {
        guard let node = fields[key] else { throw error(parent, "missing '\(key)'") }
        return try string(node, key: key)
    }
}

extension String {
    enum TrimSet {
        case whitespacesAndNewlinesASCII
        /// What every glossary reader trims from a value: ASCII spaces, tabs and line breaks, and U+FEFF, which
        /// the YAML and TBX readers drop at the start of a string (even YAML's escaped `\uFEFF`) and CSV would
        /// keep.
        case glossaryValue
    }

    /// Trims ASCII spaces, tabs and line breaks, and for `.glossaryValue` U+FEFF (no Foundation needed).
    func trimmingCharacters(in set: TrimSet) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || (set == .glossaryValue && $0 == "\u{FEFF}") }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
