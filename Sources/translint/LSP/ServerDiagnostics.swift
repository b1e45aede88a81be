import Foundation
import TranslintKit

/// Linting open documents and publishing what was found.
extension LanguageServer {
    func lintChangedDocuments() {
        for uri in documents.keys.sorted() where documents[uri]?.needsLint == true {
            lint(uri)
        }
    }

    /// Lints a document now (when it changed since its last lint) and publishes its diagnostics.
    func lint(_ uri: String) {
        guard var document = documents[uri] else { return }
        document.needsLint = false
        let setup = workspace.setup(for: document.path)
        var diagnostics: [LSP.Diagnostic] = []
        if let error = setup.error {
            // A broken configuration or glossary: said on the document and once in a message, never a dead server.
            showMessage(error)
            document.findings = []
            diagnostics = [Self.problem(error, code: "configuration")]
        } else if let engine = setup.engine, let session = setup.session,
                  workspace.checks(document.path, languageID: document.languageID, setup: setup) {
            do {
                let result = try run(document, engine: engine, session: session, setup: setup, fixes: .none)
                document.findings = result.findings
                diagnostics = result.findings.map { diagnostic($0, in: document.text, failLevel: setup.failLevel) }
            } catch {
                // Bad input (a PO file that does not parse yet, while it is typed): one diagnostic saying where.
                document.findings = []
                diagnostics = [Self.problem("\(error)", code: "input", line: Self.line(in: "\(error)", after: document.path ?? uri))]
            }
        } else {
            document.findings = []
        }
        documents[uri] = document
        notify("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics))
    }

    /// The source the configuration's `sources:` pairs with a plain-text or Markdown document: the editor's text
    /// when that file is open, else the file's.
    func pairedSource(of document: LanguageServer.Document, setup: ServerWorkspace.Setup) throws -> String? {
        guard let path = document.path, let file = LintSetup.pairedSource(of: path, configuration: setup.configuration) else { return nil }
        if let open = documents.values.first(where: { $0.path == file }) { return open.text.string }
        let bytes = try FileIO.readAll(file)
        try FileIO.validateUTF8(bytes, path: file)
        return String(decoding: bytes, as: UTF8.self)
    }

    func diagnostic(_ located: LocatedFinding, in text: DocumentText, failLevel: Severity) -> LSP.Diagnostic {
        let finding = located.finding
        let level: Int
        if finding.severity < failLevel { level = 4 } else {
            switch finding.severity {
            case .error: level = 1
            case .warning: level = 2
            case .info: level = 3
            }
        }
        return LSP.Diagnostic(range: text.range(of: finding.range.start, finding.range.end, encoding: encoding), severity: level,
                              code: finding.rule, codeDescription: LSP.CodeDescription(href: Translint.links.rule(finding.rule)),
                              source: "translint", message: finding.message)
    }

    /// The engine on a document's text as the editor holds it (UTF-8, whatever a PO header declares), read as its
    /// language ID or file name says, with its paired source when the configuration names one.
    func run(_ document: Document, engine: LintEngine, session: Session, setup: ServerWorkspace.Setup, fixes: FixMode) throws -> FileResult {
        var kind = ServerWorkspace.kind(path: document.path, languageID: document.languageID)
        if case .text(let format) = kind, let source = try pairedSource(of: document, setup: setup) { kind = .paired(format, source: source) }
        var options = RunOptions(fixes: fixes, keepEdits: true)
        options.isDecoded = true
        let text = document.text
        return try engine.run(path: document.path ?? document.uri, kind: kind, session: session, options: options,
                              read: { feed in try text.bytes.withUnsafeBufferPointer { try feed($0) } })
    }

    /// A diagnostic that is not a finding: a configuration that does not load, input that does not parse.
    static func problem(_ message: String, code: String, line: Int = 0) -> LSP.Diagnostic {
        let position = LSP.Position(line: line, character: 0)
        return LSP.Diagnostic(range: LSP.Range(start: position, end: position), severity: 1, code: code, source: "translint", message: message)
    }

    /// The 0-based line of `PATH:LINE:` in an input error about `path`, or 0.
    static func line(in message: String, after path: String) -> Int {
        guard message.hasPrefix(path + ":") else { return 0 }
        let rest = message.dropFirst(path.count + 1)
        guard let line = Int(rest.prefix { $0.isASCII && $0.isNumber }), line > 0 else { return 0 }
        return line - 1
    }
}
