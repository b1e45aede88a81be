import ArgumentParser
import Foundation
import TranslintKit

/// `--color`: ANSI colours in the text report.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto`: when the output is a terminal, `NO_COLOR` is not set and `TERM` is not `dumb`.
    func enabled(for output: Output) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return isatty(output.fd) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, checkstyle, diff

    func makeReporter(colors: Bool = false) -> (any Reporter)? {
        switch self {
        case .text: TextReporter(colors: colors)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(toolVersion: Translint.version)
        case .github: GitHubReporter()
        case .checkstyle: CheckstyleReporter()
        case .diff: nil
        }
    }
}

/// `--report FORMAT=PATH`: an extra report written to a file in the same run.
struct ExtraReport: ExpressibleByArgument {
    var format: OutputFormat
    var path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), let format = OutputFormat(rawValue: String(argument[..<equals])) else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }

    static var defaultCompletionKind: CompletionKind { .file() }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check translated text files against glossaries; fix them with --fix.",
        discussion: """
        Settings come from .translint.yml (the first one found from the current folder upwards) or --config; \
        options given here win. Without paths and with a configuration file, its folder's files are checked.

        Exit status: 0 no findings (with --fix: none left; info-level findings do not count), 1 findings, or with \
        --min-score a file scoring below it, 2 bad input or usage.
        """
    )

    @Argument(help: "Files or folders to check (folders: the text files under them). '-' reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A glossary file, or a folder of them (*.yaml). Repeatable; added after the configuration's.", valueName: "file"))
    var glossary: [String] = []

    @Option(help: ArgumentHelp("The configuration file (default: .translint.yml in this folder or one above it).", valueName: "file"))
    var config: String?

    @Option(help: "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also write a report in FORMAT to PATH. Repeatable.", valueName: "format=path"))
    var report: [ExtraReport] = []

    @Flag(help: "Apply the fixes in place (standard input: print the fixed text; the report goes to standard error).")
    var fix = false

    @Flag(help: "Print a unified diff of the fixes without changing anything (the same as --format diff).")
    var diff = false

    @Option(help: ArgumentHelp("Report (and fix) only findings on lines changed since the git revision REF.", valueName: "ref"))
    var onlyChanged: String?

    @Option(help: ArgumentHelp("Fail (exit 1) only when a file's quality score is below N (0–100).", valueName: "n"))
    var minScore: Double?

    @Option(help: ArgumentHelp("The source text a plain-text or Markdown target translates: paragraphs are paired and the bilingual checks run.", valueName: "file"))
    var source: String?

    @Flag(help: "Also check fuzzy entries of PO files.")
    var includeFuzzy = false

    @Option(help: ArgumentHelp("The path to show for standard input (also decides Markdown: .md).", valueName: "path"))
    var stdinFilename: String?

    @Flag(help: "Say which files folder walks skipped, and why.")
    var verbose = false

    @Option(help: "Colours in the text report: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    private var showsDiff: Bool { diff || format == .diff }

    func validate() throws {
        if fix && showsDiff { throw ValidationError("--fix and --diff cannot be used together: --diff shows what --fix would do.") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once.") }
        if let minScore, minScore > 100 { throw ValidationError("--min-score is a score up to 100.") }
        if source != nil && paths.count != 1 { throw ValidationError("--source pairs one source with one translation: give exactly one file to check.") }
    }

    func run() throws {
        let linter: Linter
        let files: [String]
        var sourceText: String?
        let minimum: Double?
        var changed: [String: ChangedLines] = [:]
        do {
            let configuration = try ConfigurationFile.load(explicit: config)
            let loaded = try GlossaryFiles.load(configuration.glossaries + glossary)
            var glossary = loaded
            if let source = configuration.sourceLanguage { glossary.sourceLanguage = source }
            // Like prh: a glossary whose own examples fail would corrupt text; refuse it.
            let failures = GlossaryValidation.exampleFailures(in: glossary)
            if let first = failures.first {
                let more = failures.count > 1 ? " (and \(failures.count - 1) more; run translint glossary test)" : ""
                throw GlossaryError(location: first.location, message: "glossary example fails: \(first.message)\(more)")
            }
            linter = Linter(glossary: glossary, locale: configuration.targetLanguage, settings: configuration.rules)
            minimum = minScore ?? configuration.minScore
            var paths = self.paths
            if paths.isEmpty {
                guard configuration.file != nil else {
                    throw ValidationError("Give at least one file or folder to check ('-' for standard input), or add a .translint.yml.")
                }
                paths = [configuration.root]
            }
            let verbose = self.verbose
            files = try FileWalker(configuration: configuration, skipped: { path, why in
                if verbose { Output.standardError.write("translint: skipped \(path) (\(why))\n") }
            }).expand(paths)
            if let source {
                let bytes = try FileIO.readAll(source)
                try FileIO.validateUTF8(bytes, path: source)
                sourceText = String(decoding: bytes, as: UTF8.self)
                if files.contains(where: { BilingualFile.Format.forPath($0) != nil }) {
                    throw ValidationError("--source is for plain-text and Markdown translations; bilingual files carry their own source")
                }
            }
            if let onlyChanged {
                try Git.verify(revision: onlyChanged)
                for path in files where path != "-" { changed[path] = try Git.changedLines(of: path, since: onlyChanged) }
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            Output.standardError.write("translint: error: \(error)\n")
            throw ExitCode(2)
        }

        // Reports stream: findings are written as each chunk of a file is linted. With --fix on standard input
        // the fixed text owns standard output, so the report goes to standard error; --diff prints only diffs.
        let fixesStandardInput = fix && files.contains("-")
        var sinks: [ReportSink] = []
        var diffOutputs: [Output] = []
        if showsDiff {
            diffOutputs.append(.standardOutput)
        } else {
            let output: Output = fixesStandardInput ? .standardError : .standardOutput
            if let reporter = format.makeReporter(colors: color.enabled(for: output)) { sinks.append(ReportSink(reporter: reporter, output: output)) }
        }
        do {
            for extra in report {
                let output = try Output.creating(extra.path)
                if let reporter = extra.format.makeReporter() { sinks.append(ReportSink(reporter: reporter, output: output)) } else { diffOutputs.append(output) }
            }
        } catch {
            Output.standardError.write("translint: error: \(error)\n")
            throw ExitCode(2)
        }
        defer { for sink in sinks { sink.output.closeIfFile() }; for output in diffOutputs { output.closeIfFile() } }

        var summary = LintReport.Summary(fixing: fix)
        summary.minScore = minimum
        let session = linter.makeSession()
        let bilingual = BilingualLinter(linter: linter)
        var failed = false
        var failingFindings = 0
        for sink in sinks { sink.write(sink.reporter.begin()) }
        for path in files {
            let display = path == "-" ? (stdinFilename ?? "<stdin>") : path
            do {
                // A regular file is checked for UTF-8 first, so bad input gives no partial report.
                if path != "-" { try FileIO.validateUTF8(path) }
                for sink in sinks { sink.write(sink.reporter.beginFile(display)) }
                let lines = changed[path]
                let result = try lintFile(path, display: display, session: session, bilingual: bilingual, sourceText: sourceText,
                                          diffOutputs: diffOutputs,
                                          lineFilter: lines.map { lines in { lines.contains(first: $0, last: $1) } }) { located in
                    for finding in located {
                        summary.add(finding)
                        if finding.finding.severity != .info && !(fix && finding.isFixed) { failingFindings += 1 }
                    }
                    for sink in sinks { sink.write(sink.reporter.report(located, path: display, fixing: fix)) }
                }
                summary.followUpFixes += result.followUpFixes
                summary.quality = summary.quality + result.quality
                if let minimum, result.quality.score < minimum { summary.filesBelowMinScore += 1 }
                for sink in sinks { sink.write(sink.reporter.endFile(display, quality: result.quality)) }
                summary.files += 1   // files linted to the end; one with an error is reported on standard error
            } catch {
                Output.standardError.write("translint: error: \(error)\n")
                failed = true
            }
        }
        for sink in sinks { sink.write(sink.reporter.end(summary)) }
        if failed { throw ExitCode(2) }
        if minimum != nil {
            if summary.filesBelowMinScore > 0 { throw ExitCode(1) }
        } else if failingFindings > 0 {
            throw ExitCode(1)
        }
    }

    /// Lints one file, streaming it block by block; with --fix writes the fixed text (atomically, and only
    /// when something changed), with --diff prints its diff.
    private func lintFile(_ path: String, display: String, session: Linter.Session, bilingual: BilingualLinter, sourceText: String?,
                          diffOutputs: [Output], lineFilter: ((Int, Int) -> Bool)?,
                          onFindings: @escaping ([LocatedFinding]) -> Void) throws -> FileResult {
        let isStandardInput = path == "-"
        if let format = BilingualFile.Format.forPath(display) {
            return try lintBilingualFile(path, display: display, format: format, bilingual: bilingual, diffOutputs: diffOutputs,
                                         lineFilter: lineFilter, onFindings: onFindings)
        }
        var writer: FileIO.AtomicWriter?
        var original: [UInt8] = []
        // Standard input cannot be checked for UTF-8 before linting, so its fixed text is held until the
        // end: bad input then gives an error and no half-written output.
        var fixedStandardInput: [UInt8] = []
        let output: ([UInt8]) throws -> Void
        if fix && isStandardInput {
            output = { fixedStandardInput.append(contentsOf: $0) }
        } else if fix {
            let w = try FileIO.AtomicWriter(replacing: path)
            writer = w
            output = { try w.write($0) }
        } else {
            output = { _ in }
        }
        let wantsDiff = !diffOutputs.isEmpty
        let streaming = StreamingLinter(session: session, path: display, fixing: fix || wantsDiff,
                                        format: DocumentFormat.forPath(display), keepEdits: wantsDiff,
                                        lineFilter: lineFilter,
                                        companion: sourceText.map { source in { bilingual.checkAligned(source: source, target: $0) } },
                                        onFindings: onFindings, output: output)
        do {
            try FileIO.readBlocks(path) { block in
                if wantsDiff { original.append(contentsOf: block) }
                try streaming.feed(block)
            }
            let result = try streaming.finish()
            if fix && isStandardInput { Output.standardOutput.write(fixedStandardInput) }
            if let writer {
                if result.appliedEditCount == 0 { writer.discard() } else { try writer.commit() }
            }
            if wantsDiff {
                let text = UnifiedDiff().render(path: display, original: original, edits: result.appliedEdits)
                for out in diffOutputs { out.write(text) }
            }
            return result
        } catch {
            writer?.discard()
            throw error
        }
    }
}

extension Lint {
    /// A PO, XLIFF or String Catalog file: read whole, every unit's target checked with its source; with --fix the
    /// fixed targets are written back with the format's escaping, every other byte as it was.
    private func lintBilingualFile(_ path: String, display: String, format: BilingualFile.Format, bilingual: BilingualLinter,
                                   diffOutputs: [Output], lineFilter: ((Int, Int) -> Bool)?,
                                   onFindings: @escaping ([LocatedFinding]) -> Void) throws -> FileResult {
        let bytes = try FileIO.readAll(path)
        try FileIO.validateUTF8(bytes, path: display)
        let (result, fixed) = try bilingual.lintFile(bytes, path: display, format: format, includeFuzzy: includeFuzzy,
                                                     fixing: fix || !diffOutputs.isEmpty, lineFilter: lineFilter)
        if !result.findings.isEmpty { onFindings(result.findings) }
        if fix && !result.appliedEdits.isEmpty {
            if path == "-" { Output.standardOutput.write(fixed) } else {
                let writer = try FileIO.AtomicWriter(replacing: path)
                do { try writer.write(fixed); try writer.commit() } catch { writer.discard(); throw error }
            }
        } else if fix && path == "-" {
            Output.standardOutput.write(bytes)
        }
        if !diffOutputs.isEmpty {
            let text = UnifiedDiff().render(path: display, original: bytes, edits: result.appliedEdits)
            for out in diffOutputs { out.write(text) }
        }
        return result
    }
}

/// A reporter and where its output goes.
final class ReportSink {
    var reporter: any Reporter
    let output: Output

    init(reporter: any Reporter, output: Output) {
        self.reporter = reporter
        self.output = output
    }

    func write(_ text: String) { if !text.isEmpty { output.write(text) } }
}

/// Loading the glossaries named on the command line.
enum GlossaryFiles {
    /// Every glossary in `paths` (a folder stands for the glossary files in it, sorted), merged in order.
    static func load(_ paths: [String], sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        let glossaries = try paths.flatMap { try files(in: $0) }.map { try loadFile($0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }
        return glossaries.isEmpty ? .empty() : try Glossary.merging(glossaries)
    }

    static func loadFile(_ file: String, sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        guard let format = GlossaryFormat.forPath(file) else {
            throw InputError.unreadable(path: file, reason: "not a glossary format translint knows (.yaml, .tbx, .csv, .tsv)")
        }
        return try format.load(try FileIO.readAll(file), file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// A file as given; a folder: the glossary files under it, sorted.
    static func files(in path: String) throws -> [String] {
        let expanded = try FileWalker(configuration: Configuration(root: ".")).expand([path])
        if expanded.count == 1 && expanded[0] == path { return expanded }
        let glossaries = expanded.filter { GlossaryFormat.forPath($0) != nil }
        if glossaries.isEmpty { throw InputError.unreadable(path: path, reason: "no glossary (*.yaml, *.tbx, *.csv, *.tsv) in this folder") }
        return glossaries
    }
}
