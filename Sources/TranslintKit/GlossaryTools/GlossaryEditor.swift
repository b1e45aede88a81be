import Yams

/// Adds entries to a YAML glossary, or extends an existing entry, by inserting lines: every comment, blank line,
/// key order and quoting style the file had stays as it was. The result is read back and validated; a change that
/// would make the glossary invalid (a conflict, a failing example, a fix another entry undoes) is refused.
public enum GlossaryEditor {
    public struct Addition: Sendable {
        public var source: String?
        public var target: String
        public var forbidden: [String]
        public var note: String?
        public var caseSensitive: Bool?
        public var examples: [GlossaryExample]
        /// For a new entry: whether its renderings are ambiguous, and its context words.
        public var ambiguous: Bool?
        public var context: [String]

        public init(source: String? = nil, target: String, forbidden: [String] = [], note: String? = nil,
                    caseSensitive: Bool? = nil, examples: [GlossaryExample] = [], ambiguous: Bool? = nil, context: [String] = []) {
            self.source = source
            self.target = target
            self.forbidden = forbidden
            self.note = note
            self.caseSensitive = caseSensitive
            self.examples = examples
            self.ambiguous = ambiguous
            self.context = context
        }
    }

    public struct Result: Sendable {
        /// The new file content.
        public var text: String
        /// What was done, in a sentence.
        public var summary: String
    }

    /// A change refused, and why.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static func add(_ addition: Addition, to yaml: String, file: String) throws -> Result {
        let glossary = try GlossaryLoader.load(yaml: yaml, file: file)
        guard let root = try Yams.compose(yaml: yaml, .basic), let top = root.mapping,
              let terms = top["terms"], let items = terms.sequence else { throw Refusal(description: "no 'terms' list") }
        // Split on bytes: "\r\n" is one Character in Swift, so a String split on "\n" would not cut CRLF lines.
        var lines = yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes -> String in
            let line = bytes.last == 0x0D ? bytes.dropLast() : bytes[...]
            return String(decoding: line, as: UTF8.self)
        }
        // Yams does not keep a sequence's style: a flow list is one whose node starts with `[`.
        func isFlow(_ node: Node) -> Bool {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
            let line = Array(lines[mark.line - 1])
            return mark.column >= 1 && mark.column <= line.count && line[mark.column - 1] == "["
        }
        guard !isFlow(terms) else {
            throw Refusal(description: "'terms' is written as a flow list ([…]); write it as a block list (- …) to use glossary add")
        }
        let newline = yaml.utf8.contains(0x0D) ? "\r\n" : "\n"
        let endsWithNewline = yaml.utf8.last == 0x0A
        if endsWithNewline { lines.removeLast() }

        let folded = CaseMapping.foldString(addition.target)
        var summary: String
        var insertions: [(afterLine: Int, lines: [String])] = []   // afterLine: 1-based, 0 = before the first line

        if let index = glossary.entries.firstIndex(where: { CaseMapping.foldString($0.target) == folded }) {
            let entry = glossary.entries[index]
            guard entry.target == addition.target else {
                throw Refusal(description: "the entry at \(GlossaryValidator.place(entry)) has target '\(entry.target)'; give it exactly, or fix its casing by hand")
            }
            if let source = addition.source, let existing = entry.source, existing != source {
                throw Refusal(description: "the entry for '\(entry.target)' at \(GlossaryValidator.place(entry)) has source '\(existing)', not '\(source)'")
            }
            if addition.ambiguous != nil || !addition.context.isEmpty {
                throw Refusal(description: "--ambiguous and --context describe a new entry; the entry for '\(entry.target)' at \(GlossaryValidator.place(entry)) exists: edit its 'ambiguous:' and 'context:' by hand")
            }
            let node = items[index]
            guard let fields = node.mapping else { throw Refusal(description: "the entry at \(GlossaryValidator.place(entry)) is not a mapping") }
            let existingForbidden = Set(entry.forbidden.map(CaseMapping.foldString))
            let newForbidden = addition.forbidden.filter { !existingForbidden.contains(CaseMapping.foldString($0)) }
            let already = addition.forbidden.filter { existingForbidden.contains(CaseMapping.foldString($0)) }
            var done: [String] = []
            if let key = fields.keys.first(where: { $0.scalar?.string == "target" }), let targetLine = key.mark?.line {
                let indent = String(repeating: " ", count: max(0, (key.mark?.column ?? 1) - 1))
                var afterTarget: [String] = []
                if addition.source != nil && entry.source == nil, let source = addition.source {
                    // `source` conventionally comes first, but a line after the target reads as well and is safer.
                    afterTarget.append(indent + "source: " + YAMLGlossaryWriter.scalar(source))
                    done.append("source '\(source)'")
                }
                if let note = addition.note {
                    if let existing = entry.note, existing != note { throw Refusal(description: "the entry for '\(entry.target)' already has a note: \(existing.debugDescription)") }
                    if entry.note == nil { afterTarget.append(indent + "note: " + YAMLGlossaryWriter.scalar(note)); done.append("a note") }
                }
                if let flag = addition.caseSensitive {
                    if let existing = entry.caseSensitive, existing != flag { throw Refusal(description: "the entry for '\(entry.target)' already says case_sensitive: \(existing)") }
                    if entry.caseSensitive == nil { afterTarget.append(indent + "case_sensitive: \(flag)"); done.append("case_sensitive: \(flag)") }
                }
                if !newForbidden.isEmpty {
                    if let list = fields.first(where: { $0.key.scalar?.string == "forbidden" })?.value, let sequence = list.sequence {
                        if isFlow(list) || sequence.isEmpty {
                            try appendToFlowList(list, newForbidden, lines: &lines)
                        } else if let last = sequence.last, let lastLine = last.mark?.line {
                            let prefix = String(lines[lastLine - 1].prefix { $0 == " " || $0 == "-" || $0 == "\t" })
                            insertions.append((lastLine, newForbidden.map { prefix + YAMLGlossaryWriter.scalar($0) }))
                        }
                    } else {
                        afterTarget.append(indent + "forbidden: " + YAMLGlossaryWriter.flowList(newForbidden))
                    }
                    done.append("forbidden \(newForbidden.map { "'\($0)'" }.joined(separator: ", "))")
                }
                if !afterTarget.isEmpty { insertions.append((targetLine, afterTarget)) }
                // An example the entry has already (same text, fixed text and source) is not written twice.
                let newExamples = addition.examples.filter { example in
                    !entry.examples.contains { $0.text == example.text && $0.fixed == example.fixed && $0.source == example.source }
                }
                if !newExamples.isEmpty {
                    let last = lastLine(of: node, lines: lines)
                    if let list = fields.first(where: { $0.key.scalar?.string == "examples" })?.value, let sequence = list.sequence,
                       !isFlow(list), let firstExample = sequence.first, let exampleLine = firstExample.mark?.line {
                        let dash = String(lines[exampleLine - 1].prefix { $0 == " " || $0 == "\t" })
                        insertions.append((last, newExamples.flatMap { exampleLines($0, dashIndent: dash) }))
                    } else if fields.keys.contains(where: { $0.scalar?.string == "examples" }) {
                        throw Refusal(description: "the entry for '\(entry.target)' writes its examples as a flow list; add examples by hand")
                    } else {
                        insertions.append((last, [indent + "examples:"] + newExamples.flatMap { exampleLines($0, dashIndent: indent + "  ") }))
                    }
                    done.append("\(newExamples.count) example\(newExamples.count == 1 ? "" : "s")")
                }
            }
            guard !done.isEmpty else {
                let reason = already.isEmpty ? "nothing new to add" : "\(already.map { "'\($0)'" }.joined(separator: ", ")) already forbidden"
                throw Refusal(description: "the entry for '\(entry.target)' at \(GlossaryValidator.place(entry)): \(reason)")
            }
            summary = "extended the entry for '\(entry.target)' at \(GlossaryValidator.place(entry)): " + done.joined(separator: ", ")
        } else {
            if let source = addition.source, let other = glossary.entries.first(where: { $0.source == source }) {
                throw Refusal(description: "source '\(source)' already has target '\(other.target)' (the entry at \(GlossaryValidator.place(other))); use --target \(other.target) to extend it")
            }
            let entry = GlossaryEntry(source: addition.source, target: addition.target, forbidden: addition.forbidden,
                                      caseSensitive: addition.caseSensitive, note: addition.note, examples: addition.examples,
                                      ambiguous: addition.ambiguous, context: addition.context)
            var dash = "  "
            var after = lines.count
            var separated = true
            if let first = items.first, let firstLine = first.mark?.line {
                dash = String(lines[firstLine - 1].prefix { $0 == " " || $0 == "\t" })
                after = lastLine(of: items.last!, lines: lines)
                if items.count > 1, let secondLine = items[1].mark?.line {
                    separated = lines[(secondLine - 2)].trimmingCharacters(in: .whitespacesAndNewlinesASCII).isEmpty
                }
            } else if let termsLine = terms.mark?.line {
                after = termsLine
                separated = false
            }
            let text = YAMLGlossaryWriter.entryText(entry, indent: dash)
            var block = text.split(separator: "\n").map(String.init)
            if separated { block.insert("", at: 0) }
            insertions.append((after, block))
            summary = "added an entry for '\(addition.target)'"
        }

        for insertion in insertions.sorted(by: { $0.afterLine > $1.afterLine }) {
            lines.insert(contentsOf: insertion.lines, at: insertion.afterLine)
        }
        let text = lines.joined(separator: newline) + (endsWithNewline ? newline : "")
        // Read the result back: it must load, say what was asked, and pass validation.
        let result: Glossary
        do {
            result = try GlossaryLoader.load(yaml: text, file: file)
        } catch {
            throw Refusal(description: "refused: the glossary would not load: \(error)")
        }
        guard let entry = result.entries.first(where: { $0.target == addition.target }),
              addition.forbidden.allSatisfy({ f in entry.forbidden.contains { CaseMapping.foldString($0) == CaseMapping.foldString(f) } }) else {
            throw Refusal(description: "refused: could not edit this file's layout safely; add the entry by hand")
        }
        let errors = try GlossaryValidation.issues(in: result).filter { $0.level == .error }
        if !errors.isEmpty {
            throw Refusal(description: "refused: the glossary would be invalid:\n" + errors.map { "  \($0)" }.joined(separator: "\n"))
        }
        let isNew = !glossary.entries.contains { $0.target == addition.target }
        return Result(text: text, summary: summary + (isNew ? entry.location.map { " (line \($0.line))" } ?? "" : ""))
    }

    private static func exampleLines(_ example: GlossaryExample, dashIndent: String) -> [String] {
        var out = [dashIndent + "- text: " + YAMLGlossaryWriter.scalar(example.text)]
        if let source = example.source { out.append(dashIndent + "  source: " + YAMLGlossaryWriter.scalar(source)) }
        if let fixed = example.fixed { out.append(dashIndent + "  fixed: " + YAMLGlossaryWriter.scalar(fixed)) }
        return out
    }

    /// The last line (1-based) holding any part of `node`: the last line of its deepest last child, extended over
    /// continuation lines that are more indented than the node.
    private static func lastLine(of node: Node, lines: [String]) -> Int {
        var last = node.mark?.line ?? 1
        func visit(_ n: Node) {
            if let line = n.mark?.line { last = max(last, line) }
            if let mapping = n.mapping { for (k, v) in mapping { visit(k); visit(v) } }
            if let sequence = n.sequence { for item in sequence { visit(item) } }
        }
        visit(node)
        // A multi-line scalar or flow list continues on following lines indented at least as far as the node.
        let indent = (node.mark?.column ?? 1) - 1
        while last < lines.count {
            let next = lines[last]
            let trimmed = next.trimmingCharacters(in: .whitespacesAndNewlinesASCII)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || next.prefix(while: { $0 == " " }).count < indent { break }
            last += 1
        }
        return last
    }

    /// Inserts renderings before the `]` of a flow list.
    private static func appendToFlowList(_ list: Node, _ renderings: [String], lines: inout [String]) throws {
        guard let mark = list.mark else { throw Refusal(description: "cannot locate the forbidden list") }
        var lineIndex = mark.line - 1
        var chars = Array(lines[lineIndex])
        var k = max(0, mark.column - 1)
        guard k < chars.count, chars[k] == "[" else { throw Refusal(description: "cannot locate the forbidden list's '['") }
        var quote: Character?
        var depth = 0
        var sawItem = false
        while true {
            if k >= chars.count {
                lineIndex += 1
                guard lineIndex < lines.count else { throw Refusal(description: "the forbidden list does not end") }
                chars = Array(lines[lineIndex]); k = 0
                continue
            }
            let c = chars[k]
            if let q = quote {
                if c == "\\" && q == "\"" { k += 2; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c; sawItem = true
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
                if depth == 0 { break }
            } else if c != " " && c != "," {
                sawItem = true
            }
            k += 1
        }
        let items = renderings.map { YAMLGlossaryWriter.scalar($0, inFlow: true) }.joined(separator: ", ")
        var end = k
        while end > 0 && chars[end - 1] == " " { end -= 1 }
        let insertion = (sawItem ? ", " : "") + items
        chars.insert(contentsOf: Array(insertion), at: end)
        lines[lineIndex] = String(chars)
    }
}
