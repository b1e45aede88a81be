import ArgumentParser
import TranslintKit

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check translated text files against glossaries; fix them with --fix.",
        discussion: """
        Exit status: 0 no findings (with --fix: none left), 1 findings, 2 bad input or usage.
        """
    )

    @Argument(help: "Files or folders to check (folders: the text files under them). '-' reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A glossary file, or a folder of them (*.yaml). Repeatable.", valueName: "file"))
    var glossary: [String] = []

    @Option(help: "Report format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Apply the fixes in place (standard input: print the fixed text; the report goes to standard error).")
    var fix = false

    @Flag(help: "Print a unified diff of the fixes without changing anything.")
    var diff = false

    @Option(help: ArgumentHelp("The path to show for standard input.", valueName: "path"))
    var stdinFilename: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to check ('-' for standard input).") }
        if fix && diff { throw ValidationError("--fix and --diff cannot be used together: --diff shows what --fix would do.") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once.") }
    }

    func run() throws {
        let linter: Linter
        let files: [String]
        do {
            linter = Linter(glossary: try GlossaryFiles.load(glossary))
            files = try FileIO.expand(paths)
        } catch {
            Output.standardError.write("translint: error: \(error)\n")
            throw ExitCode(2)
        }

        // The report streams: findings are written as each chunk of a file is linted. With --fix on standard
        // input the fixed text owns standard output, so the report goes to standard error; --diff prints only diffs.
        let fixesStandardInput = fix && files.contains("-")
        let reportOutput: Output? = diff ? nil : (fixesStandardInput ? .standardError : .standardOutput)
        var reporter: any Reporter = switch format {
        case .text: TextReporter()
        case .json: JSONReporter()
        }
        var summary = LintReport.Summary(fixing: fix)
        let session = linter.makeSession()
        var failed = false
        reportOutput?.write(reporter.begin())
        for path in files {
            let display = path == "-" ? (stdinFilename ?? "<stdin>") : path
            do {
                // A regular file is checked for UTF-8 first, so bad input gives no partial report.
                if path != "-" { try FileIO.validateUTF8(path) }
                reportOutput?.write(reporter.beginFile(display))
                defer { reportOutput?.write(reporter.endFile(display)) }
                summary.followUpFixes += try lintFile(path, display: display, session: session) { located in
                    for finding in located { summary.add(finding) }
                    reportOutput?.write(reporter.report(located, path: display, fixing: fix))
                }
                summary.files += 1   // files linted to the end; one with an error is reported on standard error
            } catch {
                Output.standardError.write("translint: error: \(error)\n")
                failed = true
            }
        }
        reportOutput?.write(reporter.end(summary))
        if failed { throw ExitCode(2) }
        if (fix ? summary.remaining : summary.findings) > 0 { throw ExitCode(1) }
    }

    /// Lints one file, streaming it block by block; with --fix writes the fixed text (atomically, and only
    /// when something changed), with --diff prints its diff.
    /// Returns how many findings later fix passes fixed.
    private func lintFile(_ path: String, display: String, session: Linter.Session,
                          onFindings: @escaping ([LocatedFinding]) -> Void) throws -> Int {
        let isStandardInput = path == "-"
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
        let streaming = StreamingLinter(session: session, path: display, fixing: fix || diff, keepEdits: diff,
                                        onFindings: onFindings, output: output)
        do {
            try FileIO.readBlocks(path) { block in
                if diff { original.append(contentsOf: block) }
                try streaming.feed(block)
            }
            let result = try streaming.finish()
            if fix && isStandardInput { Output.standardOutput.write(fixedStandardInput) }
            if let writer {
                if result.appliedEditCount == 0 { writer.discard() } else { try writer.commit() }
            }
            if diff {
                Output.standardOutput.write(UnifiedDiff().render(path: display, original: original, edits: result.appliedEdits))
            }
            return result.followUpFixes
        } catch {
            writer?.discard()
            throw error
        }
    }
}

/// Loading the glossaries named on the command line.
enum GlossaryFiles {
    /// Every glossary in `paths` (a folder stands for the *.yaml and *.yml files in it, sorted), merged in order.
    static func load(_ paths: [String]) throws -> Glossary {
        var glossaries: [Glossary] = []
        for path in paths {
            for file in try files(in: path) {
                let bytes = try FileIO.readAll(file)
                if let bad = bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0) }) {
                    throw GlossaryError(location: SourceLocation(file: file, line: bytes[..<bad].filter { $0 == 0x0A }.count + 1),
                                        message: "invalid UTF-8 at byte offset \(bad)")
                }
                glossaries.append(try GlossaryLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: file))
            }
        }
        return glossaries.isEmpty ? .empty() : try Glossary.merging(glossaries)
    }

    private static func files(in path: String) throws -> [String] {
        let expanded = try FileIO.expand([path])
        if expanded.count == 1 && expanded[0] == path { return expanded }
        let yaml = expanded.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        if yaml.isEmpty { throw InputError.unreadable(path: path, reason: "no glossary (*.yaml) in this folder") }
        return yaml
    }
}
