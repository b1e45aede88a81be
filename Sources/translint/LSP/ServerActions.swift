import Foundation
import TranslintKit

/// Code actions and hover on the findings of the last lint.
extension LanguageServer {
    func codeActions(_ params: LSP.CodeActionParams) -> [LSP.CodeAction] {
        let uri = params.textDocument.uri
        if documents[uri]?.needsLint == true { lint(uri) }
        guard let document = documents[uri] else { return [] }
        let text = document.text
        let start = text.offset(of: params.range.start, encoding: encoding), end = text.offset(of: params.range.end, encoding: encoding)
        let only = params.context.only
        let wants = { (kind: String) in only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true }
        let setup = workspace.setup(for: document.path)
        var actions: [LSP.CodeAction] = []
        let touched = document.findings.filter { $0.finding.range.start <= end && $0.finding.range.end >= start }
        if wants("quickfix") {
            for located in touched {
                actions += quickFixes(located, document: document, setup: setup)
            }
            if touched.isEmpty, end > start, end - start <= 80, let addition = addition(text.bytes[start..<end], document: document, setup: setup) {
                actions.append(addition)
            }
        }
        if wants(Self.fixAllKind), let fixAll = fixAll(document, setup: setup) { actions.append(fixAll) }
        return actions
    }

    private func quickFixes(_ located: LocatedFinding, document: LanguageServer.Document, setup: ServerWorkspace.Setup) -> [LSP.CodeAction] {
        let finding = located.finding
        let diagnostic = diagnostic(located, in: document.text, failLevel: setup.failLevel)
        var actions: [LSP.CodeAction] = []
        if let fix = finding.fix {
            let edits = fix.edits.map { LSP.TextEdit(range: document.text.range(of: $0.range.start, $0.range.end, encoding: encoding), newText: $0.replacement) }
            let title = fix.isSafe ? fix.title : "\(fix.title) (suggested: \(fix.reason ?? "weak evidence"))"
            actions.append(LSP.CodeAction(title: title, kind: "quickfix", diagnostics: [diagnostic], isPreferred: fix.isSafe,
                                          edit: LSP.WorkspaceEdit(changes: [document.uri: edits])))
        }
        if finding.rule == "sentence-case", let word = Self.word(at: finding.range.start, in: document.text.bytes),
           var add = addition(word, document: document, setup: setup) {
            add.diagnostics = [diagnostic]
            actions.append(add)
        }
        if case .text = ServerWorkspace.kind(path: document.path, languageID: document.languageID) {
            actions.append(suppression(located, document: document, diagnostic: diagnostic))
        }
        return actions
    }

    /// The word that starts at `start`: up to white space or punctuation that ends a word (`npm` in `npm install`,
    /// `iOS` in `iOS,`).
    static func word(at start: Int, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard start >= 0, start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, !" \t\r\n,;:!?()[]{}\"'<>".utf8.contains(bytes[end]) { end += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return end > start ? bytes[start..<end] : nil
    }

    /// `<!-- translint-disable-line RULE -->` at the end of the finding's line.
    private func suppression(_ located: LocatedFinding, document: LanguageServer.Document, diagnostic: LSP.Diagnostic) -> LSP.CodeAction {
        let rule = located.finding.rule
        let line = document.text.position(of: located.finding.range.start, encoding: encoding).line
        let end = LSP.Position(line: line, character: Int.max / 2)
        let at = document.text.position(of: document.text.offset(of: end, encoding: encoding), encoding: encoding)
        let edit = LSP.TextEdit(range: LSP.Range(start: at, end: at), newText: " <!-- translint-disable-line \(rule) -->")
        return LSP.CodeAction(title: "Suppress \(rule) on this line", kind: "quickfix", diagnostics: [diagnostic], isPreferred: false,
                              edit: LSP.WorkspaceEdit(changes: [document.uri: [edit]]))
    }

    /// "Add 'npm' to the glossary": an entry with the text as its target, in its casing, written into the last YAML
    /// glossary of the setup as `translint glossary add --case-sensitive` would write it.
    private func addition(_ bytes: ArraySlice<UInt8>, document: LanguageServer.Document, setup: ServerWorkspace.Setup) -> LSP.CodeAction? {
        let term = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !term.isEmpty, !term.contains("\n"), term.contains(where: \.isLetter),
              let file = setup.glossaryFiles.last(where: { GlossaryFormat.forPath($0) == .yaml && FileManager.default.isWritableFile(atPath: $0) }),
              let yaml = try? FileIO.readAll(file), let old = String(validating: yaml, as: UTF8.self),
              let result = try? GlossaryEditor.add(GlossaryEditor.Addition(target: term, caseSensitive: true), to: old, file: file) else { return nil }
        let whole = DocumentText(old)
        let edit = LSP.TextEdit(range: LSP.Range(start: LSP.Position(line: 0, character: 0), end: whole.end(encoding: encoding)), newText: result.text)
        let name = (file as NSString).lastPathComponent
        return LSP.CodeAction(title: "Add '\(term)' to the glossary (\(name))", kind: "quickfix", diagnostics: nil, isPreferred: false,
                              edit: LSP.WorkspaceEdit(changes: [Self.uri(of: FileIO.identity(file)): [edit]]))
    }

    /// Every safe fix of the document at once, as `translint --fix` would apply them (the fix loop included).
    private func fixAll(_ document: LanguageServer.Document, setup: ServerWorkspace.Setup) -> LSP.CodeAction? {
        guard let engine = setup.engine, let session = setup.session,
              document.findings.contains(where: { $0.finding.fix?.isSafe == true }),
              workspace.checks(document.path, languageID: document.languageID, setup: setup) else { return nil }
        let text = document.text
        guard let result = try? run(document, engine: engine, session: session, setup: setup, fixes: .apply),
              !result.appliedEdits.isEmpty else { return nil }
        let edits = result.appliedEdits.map { LSP.TextEdit(range: text.range(of: $0.range.start, $0.range.end, encoding: encoding), newText: $0.replacement) }
        return LSP.CodeAction(title: "Fix all safe translint findings", kind: Self.fixAllKind, diagnostics: nil, isPreferred: nil,
                              edit: LSP.WorkspaceEdit(changes: [document.uri: edits]))
    }

    func hover(_ params: LSP.TextDocumentPositionParams) -> LSP.Hover? {
        let uri = params.textDocument.uri
        if documents[uri]?.needsLint == true { lint(uri) }
        guard let document = documents[uri] else { return nil }
        let offset = document.text.offset(of: params.position, encoding: encoding)
        let here = document.findings.filter { $0.finding.range.start <= offset && offset <= $0.finding.range.end }
        guard let first = here.first else { return nil }
        let glossary = workspace.setup(for: document.path).glossary
        let parts = here.map { Self.explain($0, glossary: glossary) }
        return LSP.Hover(contents: LSP.MarkupContent(value: parts.joined(separator: "\n\n---\n\n")),
                         range: document.text.range(of: first.finding.range.start, first.finding.range.end, encoding: encoding))
    }

    /// A finding in Markdown: its rule and message, its fix, what the rule is for, and the glossary entry behind it.
    static func explain(_ located: LocatedFinding, glossary: Glossary) -> String {
        let finding = located.finding
        var lines = ["**translint** `\(finding.rule)` (\(finding.severity.rawValue)): \(finding.message)"]
        if let fix = finding.fix {
            lines.append(fix.isSafe ? "Fix: \(fix.title)" : "Suggested fix: \(fix.title) (\(fix.reason ?? "weak evidence"))")
        }
        if let rule = RuleCatalog.standard.description(id: finding.rule) { lines.append(rule.summary) }
        if let entry = entry(for: located, in: glossary) {
            var said = "Glossary: " + (entry.source.map { "\($0) → " } ?? "") + "**\(entry.target)**"
            if let note = entry.note { said += " (\(note))" }
            // The renderings the glossary lists, not those translint derives from them.
            let listed = entry.forbidden.indices.filter { entry.origin($0) == nil }.map { entry.forbidden[$0] }
            if !listed.isEmpty { said += "; not: " + listed.prefix(8).joined(separator: ", ") }
            let seen = entry.seen.values.flatMap { $0 }
            if let page = seen.first { said += "; seen in machine translation at \(page)" + (seen.count > 1 ? " and \(seen.count - 1) more" : "") }
            if let location = entry.location { said += " (\(location))" }
            lines.append(said)
        }
        return lines.joined(separator: "\n\n")
    }

    /// The glossary entry a finding comes from: the one whose rendering, target or source is the flagged text, or
    /// whose target the fix writes.
    static func entry(for located: LocatedFinding, in glossary: Glossary) -> GlossaryEntry? {
        let text = located.text.lowercased()
        let replacement = located.finding.replacement?.lowercased()
        return glossary.entries.first { entry in
            entry.target.lowercased() == replacement || entry.target.lowercased() == text || entry.source == located.text
                || entry.forbidden.contains { $0.lowercased() == text }
        }
    }
}
