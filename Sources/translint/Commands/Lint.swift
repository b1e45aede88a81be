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

        let session = linter.makeSession()
        var results: [FileResult] = []
        var failed = false
        var diffs = ""
        let fixesStandardInput = fix && files.contains("-")
        for path in files {
            do {
                let display = path == "-" ? (stdinFilename ?? "<stdin>") : path
                let result = try lintFile(path, display: display, session: session, diffs: &diffs)
                results.append(result)
            } catch {
                Output.standardError.write("translint: error: \(error)\n")
                failed = true
            }
        }

        let report = LintReport(files: results, fixing: fix)
        let rendered: String = switch format {
        case .text: TextReporter().render(report)
        case .json: JSONReporter().render(report)
        }
        if diff {
            Output.standardOutput.write(diffs)
        } else {
            (fixesStandardInput ? Output.standardError : Output.standardOutput).write(rendered)
        }
        if failed { throw ExitCode(2) }
        let outstanding = fix ? report.remainingFindings : report.summary.findings
        if outstanding > 0 { throw ExitCode(1) }
    }

    /// Lints one file, streaming it block by block; with --fix writes the fixed text (atomically, and only
    /// when something changed), with --diff adds its diff to `diffs`.
    private func lintFile(_ path: String, display: String, session: Linter.Session, diffs: inout String) throws -> FileResult {
        let isStandardInput = path == "-"
        var writer: FileIO.AtomicWriter?
        var fixedOutput: [UInt8] = []
        var original: [UInt8] = []

        let streaming: StreamingLinter
        if fix && isStandardInput {
            streaming = StreamingLinter(session: session, path: display, fixing: true) { Output.standardOutput.write($0) }
        } else if fix {
            let w = try FileIO.AtomicWriter(replacing: path)
            writer = w
            streaming = StreamingLinter(session: session, path: display, fixing: true) { try w.write($0) }
        } else {
            streaming = StreamingLinter(session: session, path: display, fixing: diff) { fixedOutput.append(contentsOf: $0) }
        }
        do {
            try FileIO.readBlocks(path) { block in
                if diff { original.append(contentsOf: block) }
                try streaming.feed(block)
            }
            let result = try streaming.finish()
            if let writer {
                if result.appliedEdits.isEmpty { writer.discard() } else { try writer.commit() }
            }
            if diff {
                diffs += UnifiedDiff().render(path: display, original: original, edits: result.appliedEdits)
            }
            _ = fixedOutput
            return result
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
