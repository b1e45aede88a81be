import ArgumentParser
import Foundation

/// `translint lsp`: the language server, on standard input and output (docs/editors.md).
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP over standard input and output) for editors: diagnostics, quick fixes, hover.",
        discussion: "Each document is checked with the .translint.yml nearest it. Without one, initializationOptions may name a glossary and a fail level: {\"glossary\": \"zh-en\", \"failLevel\": \"warning\"}.")

    @Flag(help: "Accepted for clients that pass it; the server always speaks over standard input and output.")
    var stdio = false

    func run() throws {
        let status = LanguageServer().run()
        if status != 0 { throw ExitCode(status) }
    }
}
