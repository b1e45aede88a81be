import Foundation
import TranslintKit

/// What lints a document in the editor: the `.translint.yml` nearest it and its glossaries, as `translint lint`
/// would use them from that folder; without one, the glossaries and fail level of `initializationOptions`.
/// Setups are built once per configuration file and dropped when a watched file or the client's settings change.
final class ServerWorkspace {
    struct Options: Equatable {
        var glossaries: [String] = []
        var failLevel: Severity?
    }

    struct Setup {
        var configuration: Configuration
        var engine: LintEngine?
        var session: Session?
        var glossary: Glossary = .empty()
        var glossaryFiles: [String] = []
        var failLevel: Severity = .warning
        /// The configuration or a glossary did not load: one line, file:line and what is wrong.
        var error: String?
    }

    var options = Options()
    private var setups: [String: Setup] = [:]

    /// Forget every setup: configurations and glossaries are read again when next needed.
    func reload() { setups.removeAll() }

    /// The setup for the document at `path` (a file path; nil for an unsaved document).
    func setup(for path: String?) -> Setup {
        let folder = path.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        let configurationFile = ConfigurationFile.discover(from: folder.isEmpty ? "." : folder).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let key = configurationFile ?? ""
        if let setup = setups[key] { return setup }
        let setup = Self.load(configurationFile: configurationFile, options: options)
        setups[key] = setup
        return setup
    }

    private static func load(configurationFile: String?, options: Options) -> Setup {
        var setup = Setup(configuration: Configuration(root: "."))
        do {
            if let configurationFile {
                setup.configuration = try ConfigurationFile.load(explicit: configurationFile)
            }
            let configuration = setup.configuration
            let given = configurationFile == nil ? options.glossaries : []
            setup.glossaryFiles = try (configuration.glossaries + given).flatMap(GlossaryFiles.files(in:))
            let compiled = try LintSetup.glossary(files: setup.glossaryFiles, configuration: configuration)
            setup.glossary = compiled.glossary
            let engine = LintEngine(compiled: compiled, locale: configuration.targetLanguage, settings: configuration.rules)
            setup.session = try engine.makeSession()
            setup.engine = engine
            setup.failLevel = configurationFile == nil ? (options.failLevel ?? .warning) : configuration.failLevel
        } catch {
            setup.error = "\(error)"
        }
        return setup
    }

    /// Whether `path` is one `translint` would check under this setup: a translation format, not excluded, and inside
    /// `include` when the configuration has one. A document without a path (unsaved) is checked.
    func checks(_ path: String?, languageID: String, setup: Setup) -> Bool {
        let known = ["markdown", "plaintext", "text", "po", "gettext", "xliff", "xcstrings"]
        guard let path else { return known.contains(languageID) }
        guard Configuration.isTranslation(path) || known.contains(languageID) else { return false }
        guard setup.configuration.file != nil else { return true }
        let root = URL(fileURLWithPath: setup.configuration.root).standardizedFileURL.path
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        if setup.glossaryFiles.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == path }) { return false }
        return setup.configuration.includes(relative)
    }

    /// How a document is read: its language ID decides, else its file name.
    static func kind(path: String?, languageID: String) -> DocumentKind {
        switch languageID {
        case "markdown": return .text(.markdown)
        case "po", "gettext": return .bilingual(.po, includeFuzzy: false)
        case "xliff": return .bilingual(.xliff, includeFuzzy: false)
        case "xcstrings": return .bilingual(.xcstrings, includeFuzzy: false)
        default: return DocumentKind.forPath(path ?? "untitled.txt")
        }
    }
}
