import ArgumentParser
import Foundation
import TranslintKit

/// `--color`: ANSI colours in the text report.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Without a key path: ArgumentParser's default (`allCases.map(\.rawValue)`) instantiates one at each of the
    /// dozens of times it asks, 2.4M instructions at every start for the three enums.
    static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// `auto`: when the output is a terminal, `NO_COLOR` is not set and `TERM` is not `dumb`.
    func enabled(for output: Output) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return isatty(output.fd) != 0 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

extension Severity: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, checkstyle, rdjsonl, gitlab, junit, html, diff

    static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// What reporters need to know of the run.
    struct Context {
        var catalog: RuleCatalog
        var settings = RuleSettings()
        var failLevel: Severity = .warning
        var sourceRoot: SARIFReporter.SourceRoot?
        var baseline: Baseline?
        var quiet = false
        /// What the HTML report names as the run's glossaries and configuration.
        var glossaries: [String] = []
        var configuration: String?
        var sourceLanguage: String?
        var targetLanguage: String?
    }

    func makeReporter(colors: Bool = false, context: Context) -> (any Reporter)? {
        let catalog = context.catalog, failLevel = context.failLevel
        let reporter: (any Reporter)? = switch self {
        case .text: TextReporter(colors: colors, quiet: context.quiet)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(toolVersion: Translint.version, catalog: catalog, settings: context.settings, links: Translint.links,
                                   sourceRoot: context.sourceRoot, baseline: context.baseline)
        case .github: GitHubReporter()
        case .checkstyle: CheckstyleReporter()
        case .rdjsonl: ReviewdogReporter(links: Translint.links)
        case .gitlab: GitLabReporter()
        case .junit: JUnitReporter(failLevel: failLevel)
        case .html: HTMLReporter(run: HTMLReporter.Run(version: Translint.version, date: Self.now(), glossaries: context.glossaries,
                                                       configuration: context.configuration, links: Translint.links, catalog: catalog,
                                                       sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage))
        case .diff: nil
        }
        return reporter
    }
}

extension OutputFormat {
    /// The date and time of the report, in UTC (ISO 8601).
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
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
        commandName: "lint",
        abstract: "Check translated text files against glossaries; fix them with --fix.",
        discussion: """
        Settings come from .translint.yml (the first one found from the current folder upwards, else from the first \
        path upwards) or --config; options given here win. Without paths and with a configuration file, its folder's \
        files are checked. Folder walks check only translations (.txt, .md, .markdown, .po, .xlf, .xliff, \
        .xcstrings), never the configuration or a glossary in use.

        Exit status: 0 no findings at --fail-level or above (default warning; with --fix: none left), 1 findings, \
        or with --min-score a file scoring below it, 2 bad input or usage.
        """
    )

    @Argument(help: "Files or folders to check (folders: the translations under them). '-' reads standard input.", completion: .file())
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A glossary file (\(GlossaryFiles.extensionList)), or a folder of them. Repeatable; added after the configuration's.", valueName: "file"),
            completion: .file())
    var glossary: [String] = []

    @Option(help: ArgumentHelp("The configuration file (default: .translint.yml in this folder or one above it, else in or above the first path's folder).", valueName: "file"),
            completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    @Flag(help: "Read no configuration file: the defaults and the options given here.")
    var noConfig = false

    @Option(help: "Report format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also write a report in FORMAT to PATH. Repeatable.", valueName: "format=path"))
    var report: [ExtraReport] = []

    @Flag(help: "Apply the safe fixes in place (standard input: print the fixed text; the report goes to standard error). --unsafe-fixes adds the suggested ones.")
    var fix = false

    @Flag(help: "Apply (or with --diff, show) suggested fixes too, not only safe ones: fixes whose evidence is weak, such as a lowercase start that may be a command name, or any fix of an info-level finding.")
    var unsafeFixes = false

    @Flag(help: "Restore a file that an interrupted --fix left incomplete, from the complete fixed text it kept beside it (.NAME.translint-PID-XXXXXX.fixed), then check it. Without it such a file is refused.")
    var recover = false

    @Flag(help: "Print a unified diff of the fixes without changing anything (the same as --format diff).")
    var diff = false

    @Option(help: ArgumentHelp("Report (and fix) only findings on lines changed since the git revision REF.", valueName: "ref"))
    var onlyChanged: String?

    @Option(help: ArgumentHelp("Fail (exit 1) only when a file's quality score is below N (0–100).", valueName: "n"))
    var minScore: Double?

    @Option(help: ArgumentHelp("The least severe finding that fails the run (exit 1): error, warning (default) or info. Overrides fail_level in the configuration.", valueName: "level"))
    var failLevel: Severity?

    @Option(help: ArgumentHelp("Run only these rules (comma-separated ids, as `translint rules` lists them). Repeatable.", valueName: "rules"),
            completion: .list(RuleCatalog.standard.ids))
    var select: [String] = []

    @Option(help: ArgumentHelp("Turn these rules off (comma-separated ids). Repeatable.", valueName: "rules"), completion: .list(RuleCatalog.standard.ids))
    var disable: [String] = []

    @Option(help: ArgumentHelp("Report only findings this baseline (written by --write-baseline) does not have; the exit status counts only those.", valueName: "file"), completion: .file())
    var baseline: String?

    @Option(help: ArgumentHelp("Record every finding of this run in FILE, by a fingerprint that survives line shifts, for --baseline.", valueName: "file"), completion: .file())
    var writeBaseline: String?

    @Option(help: ArgumentHelp("The source text a plain-text or Markdown target translates: paragraphs are paired and the bilingual checks run.", valueName: "file"),
            completion: .file())
    var source: String?

    @Flag(help: "Also check fuzzy entries of PO files.")
    var includeFuzzy = false

    @Option(help: ArgumentHelp("The path to show for standard input (also decides Markdown: .md).", valueName: "path"))
    var stdinFilename: String?

    @Flag(help: "Apply the folder-walk rules (translation formats, include/exclude, not the configuration or a glossary) to files named on the command line too, as pre-commit hooks need.")
    var forceExclude = false

    @Flag(help: "Follow symbolic links met in folder walks (links named on the command line are always followed). --fix still writes only inside the folders given.")
    var followSymlinks = false

    @Flag(help: "Exit 0 when there is nothing to check (no translation in the paths given, or every file named is excluded), as the pre-commit hooks need; without it that is exit 2.")
    var allowEmpty = false

    @Flag(help: "Say which files folder walks skipped, and why.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print findings only: no quality score lines, no summary line (text report).")
    var quiet = false

    @Flag(help: "List the files that would be checked, one per line, and exit (status 0).")
    var files = false

    @Option(help: "Colours in the text report: auto (on a terminal, unless NO_COLOR is set and not empty), always, never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Check N files at once (default: the number of cores). The report is the same for any N.", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Check only the K-th of N shares of the files (by a stable hash of each path), for a CI matrix of N jobs.", valueName: "k/n"))
    var shard: Shard?

    private var showsDiff: Bool { diff || format == .diff }

    /// What the run does with fixes: a diff alone previews them, so findings, scores and the exit status stay
    /// exactly those of a plain lint.
    private var fixMode: FixMode {
        if fix { return .apply }
        return showsDiff || report.contains { $0.format == .diff } ? .preview : .none
    }

    func validate() throws {
        if fix && showsDiff { throw ValidationError("--fix and --diff cannot be used together: --diff shows what --fix would do.") }
        if noConfig && config != nil { throw ValidationError("--no-config and --config cannot be used together.") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
        if baseline != nil && baseline == writeBaseline { throw ValidationError("--baseline and --write-baseline name the same file.") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once.") }
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score is a score from 0 to 100.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs is a number of files checked at once: 1 or more.") }
        if shard != nil && paths.contains("-") { throw ValidationError("--shard splits files between runs; standard input ('-') cannot be split.") }
        for id in (select + disable).flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
            where RuleCatalog.standard.description(id: id) == nil {
            let hint = Suggestion.closest(to: id, in: RuleCatalog.standard.ids).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("Unknown rule '\(id)'.\(hint) Rules: \(RuleCatalog.standard.ids.joined(separator: ", ")).")
        }
        if let source {
            guard paths.count == 1 else { throw ValidationError("--source pairs one source with one translation: give exactly one file to check.") }
            // A folder would pair the one source with every file in it.
            for (what, path) in [("the source", source), ("the translation", paths[0])] where Self.isDirectory(path) {
                throw ValidationError("--source pairs one source file with one translation file, but \(what) '\(path)' is a folder.")
            }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func run() throws {
        let setup = try LintSetup(command: self)
        if files {
            try Output.standardOutput.write(setup.files.map { (TerminalText.escaping($0)) + "\n" }.joined())
            return
        }
        // Reports stream: findings are written as each chunk of a file is linted. With --fix on standard input
        // the fixed text owns standard output, so the report goes to standard error; --diff prints only diffs.
        let context = OutputFormat.Context(catalog: setup.engine.catalog, settings: setup.engine.settings, failLevel: setup.failLevel,
                                           sourceRoot: setup.sourceRoot, baseline: setup.baseline, quiet: quiet,
                                           glossaries: setup.glossaryFiles.map(ConfigurationFile.relativeToCurrentDirectory),
                                           configuration: setup.configuration.file,
                                           sourceLanguage: setup.engine.glossary.sourceLanguage, targetLanguage: setup.engine.locale)
        let outputs = try ReportOutputs(command: self, inputs: setup.files + setup.readFiles, fixesStandardInput: fix && setup.files.contains("-"), context: context)
        // A run that stops early leaves no half-written report: the old one stays, or none.
        var reportsClosed = false
        defer { if !reportsClosed { outputs.discard() } }
        var summary = LintReport.Summary(fixing: fix)
        summary.minScore = setup.minScore
        summary.failLevel = setup.failLevel
        let session = try setup.engine.makeSession()
        let baselineRun = setup.baseline != nil || writeBaseline != nil ? BaselineRun(setup.baseline ?? Baseline()) : nil
        if fix { removeStaleTemporaryFiles(beside: setup.files) }
        // Each file is checked, and with --fix written, on its own: a file with bad input or one that cannot be
        // written is left as it was and the others go on. Only a report that cannot be written ends the run.
        let written = WrittenFiles()
        var failed: [String] = []
        var refused: [String] = []
        try outputs.begin()
        // A file's report events go to the reports and the summary; its outcome, in the order the files were given.
        func apply(_ event: FileOutcome.Event, display: String) throws {
            switch event {
            case .begin:
                baselineRun?.beginFile(display)
                try outputs.beginFile(display)
            case .findings(let located):
                // With a baseline, only new findings count and reach the reports (SARIF gets all, with their state).
                let new = baselineRun?.new(located, path: display, fixing: fix) ?? located
                for finding in new { summary.add(finding) }
                try outputs.report(new, all: located, path: display, fixing: fix)
            case .diff(let text): try outputs.diff(text)
            case .refused(let error):
                Diagnostics.error(error)
                refused.append(display)
            }
        }
        func deliver(_ index: Int, _ outcome: FileOutcome) throws {
            let display = outcome.display
            do {
                for event in outcome.events { try apply(event, display: display) }
                let result = try outcome.result.get()
                summary.add(result)
                try outputs.endFile(display, quality: result.quality)
            } catch let error as InputError where error.isWriteFailure {
                // A report or standard output could not be written: stop, and say what --fix changed already.
                Diagnostics.error(error)
                if fix { Diagnostics.note("stopped at \(display); " + Self.writtenBeforeStop(written.names)) }
                throw ExitCode(2)
            } catch {
                Diagnostics.error(error)
                try outputs.fileFailed(display, message: "\(error)")
                failed.append(display)
            }
        }
        let cores = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let jobs = setup.files.contains("-") ? 1 : min(cores, setup.files.count)
        if jobs <= 1 {
            // One file at a time, its findings reported as each chunk is linted (memory stays flat on a huge file);
            // with more cores than files, a large prose file is cut into independent segments checked in parallel.
            for (index, path) in setup.files.enumerated() {
                let display = displayName(path)
                try deliver(index, checkFile(path, index: index, setup: setup, session: session, wantsDiff: outputs.wantsDiff,
                                             written: written, cores: cores, live: { try apply($0, display: display) }))
            }
        } else {
            // Files checked on `jobs` threads, each with its own ICU session; a file's report is recorded and
            // delivered in order, so the output is byte for byte that of --jobs 1.
            let wantsDiff = outputs.wantsDiff
            try OrderedParallel.run(count: setup.files.count, jobs: jobs, window: jobs * 64,
                                    makeWorker: { try setup.engine.makeSession() },
                                    work: { index, session in
                                        checkFile(setup.files[index], index: index, setup: setup, session: session, wantsDiff: wantsDiff,
                                                  written: written, live: nil)
                                    },
                                    failed: { FileOutcome(display: "", events: [], result: .failure($0)) },
                                    deliver: { index, outcome in
                                        var outcome = outcome
                                        if outcome.display.isEmpty { outcome.display = displayName(setup.files[index]) }
                                        try deliver(index, outcome)
                                    })
        }
        summary.notChecked = failed.count
        summary.notWritten = refused.count
        do {
            try outputs.end(summary)
            reportsClosed = true
            try outputs.close()
        } catch let error as InputError where error.isWriteFailure && fix {
            // Every file was fixed; the report's end could not be written (a full disk, a closed pipe).
            Diagnostics.error(error)
            Diagnostics.note("the report is incomplete; " + Self.writtenBeforeStop(written.names))
            throw ExitCode(2)
        }
        if let writeBaseline, let baselineRun {
            // A file that could not be checked has no findings to record: a baseline without them would make them new later.
            if !failed.isEmpty { throw InputError.unwritable(path: writeBaseline, reason: "baseline not written: \(failed.count) of \(setup.files.count) files could not be checked") }
            let output = try Output.creating(writeBaseline)
            do {
                try output.write(baselineRun.matcher.recorded.serialized())
                try output.close()
            } catch {
                output.discard()
                throw error
            }
        }
        if !failed.isEmpty || !refused.isEmpty {
            if setup.files.count > 1 && !failed.isEmpty {
                Diagnostics.note(fix ? Self.writtenSummary(written: written.names, notWritten: failed, total: setup.files.count)
                                     : "\(failed.count) of \(setup.files.count) files could not be checked: \(Self.list(failed)); the others were checked")
            }
            throw ExitCode(2)
        }
        // Writing a baseline records the findings: the run did what it was asked, whatever it found.
        if summary.failed && writeBaseline == nil { throw ExitCode(1) }
    }

    private func displayName(_ path: String) -> String { path == "-" ? (stdinFilename ?? "<stdin>") : path }

    /// Checks one file. With `live`, its report events go there as they come (and the outcome holds none);
    /// without, they are recorded in the outcome, for a file checked on another thread.
    private func checkFile(_ path: String, index: Int, setup: LintSetup, session: Session, wantsDiff: Bool, written: WrittenFiles,
                           cores: Int = 1, live: ((FileOutcome.Event) throws -> Void)?) -> FileOutcome {
        let display = displayName(path)
        var events: [FileOutcome.Event] = []
        let record = { (event: FileOutcome.Event) throws in
            if let live { try live(event) } else { events.append(event) }
        }
        let result = Result {
            try lintFile(path, display: display, setup: setup, session: session, wantsDiff: wantsDiff, cores: cores,
                         wrote: { written.add(display, index: index) }, record: record)
        }
        return FileOutcome(display: display, events: events, result: result)
    }

    /// Which files --fix wrote before a report could not be written.
    static func writtenBeforeStop(_ names: [String]) -> String {
        names.isEmpty ? "no file was written" : "fixed and written: \(list(names)); every other file was left unchanged"
    }

    /// What --fix did with the files when something went wrong, for the one line on standard error.
    static func writtenSummary(written: [String], notWritten: [String], total: Int) -> String {
        let left = "\(notWritten.count) of \(total) files could not be checked or written and were left unchanged: \(list(notWritten))"
        let wrote = written.isEmpty ? "no file was written" : "fixed and written: \(list(written))"
        let unchanged = total - notWritten.count - written.count
        return "\(left); \(wrote)" + (unchanged > 0 ? "; \(unchanged) needed no change" : "")
    }

    /// File names for a message: all of them up to ten, then a count.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(10).joined(separator: ", ")
        return names.count > 10 ? "\(shown) and \(names.count - 10) more" : shown
    }

    /// Removes what an earlier, killed `--fix` left in the folders of the files about to be fixed.
    private func removeStaleTemporaryFiles(beside files: [String]) {
        var folders = Set<String>()
        for path in files where path != "-" {
            let folder = (FileIO.identity(path) as NSString).deletingLastPathComponent
            guard folders.insert(folder.isEmpty ? "." : folder).inserted else { continue }
            for removed in FileIO.StaleTemporaries.remove(in: folder.isEmpty ? "." : folder) {
                Diagnostics.note("removed \(removed), a temporary file left by an interrupted run")
            }
        }
    }

    /// Lints one file, reading it block by block; with --fix writes the fixed text (atomically, and only when
    /// something changed; `wrote` hears of it as soon as it is written), with a diff asked for renders it.
    private func lintFile(_ path: String, display: String, setup: LintSetup, session: Session, wantsDiff: Bool, cores: Int,
                          wrote: () -> Void, record: @escaping (FileOutcome.Event) throws -> Void) throws -> FileResult {
        // A regular file is checked for UTF-8 first, so bad input gives no partial report.
        // (A bilingual file is read whole and checked by the engine, in the charset a PO header declares.)
        // A FIFO, a device or a process substitution (`translint <(…)`) named here is a stream, read once as
        // standard input is: a second read would find it empty.
        var isStream = path == "-"
        if !isStream, case .special = FileIO.entryKind(path, following: true) { isStream = true }
        // A file that an interrupted --fix may have left half-written is refused, or with --recover restored first.
        if !isStream, let restored = try FileIO.Recovery.check(path, display: display, recover: recover) { Diagnostics.note(restored) }
        if !isStream && BilingualFile.Format.forPath(display) == nil { try FileIO.validateUTF8(path) }
        // The file enters the reports with its first findings (or at its end), so a file that turns out to be bad
        // input (a PO or XLIFF file that does not parse) leaves no half-written entry behind.
        var begun = false
        let begin = { if !begun { begun = true; try record(.begin) } }
        // A file --fix may not write (read-only) is still checked, as a plain lint checks it: its findings are
        // reported as remaining, and the refusal is reported once it is done.
        var refusal: FixedFileError?
        let target: FixedText
        do { target = try FixedText(path: path, fixing: fix) } catch let error as FixedFileError {
            refusal = error
            target = try FixedText(path: path, fixing: false)
        }
        var original: [UInt8] = []
        let lines = setup.changed[path]
        let options = RunOptions(fixes: refusal == nil ? fixMode : .none, keepEdits: wantsDiff,
                                 lineFilter: lines.map { lines in { lines.contains(first: $0, last: $1) } }, unsafeFixes: unsafeFixes)
        do {
            let kind = DocumentKind.forPath(display, source: try setup.source(of: path), includeFuzzy: includeFuzzy)
            let result: FileResult
            if cores > 1, !isStream, case .text = kind,
               let segments = try FileSegments.plan(engine: setup.engine, session: session, kind: kind, read: { try FileIO.readBlocks(path, $0) }) {
                // One large file on several cores: segments that carry nothing between them, linted in parallel and
                // reported (and written) in order, exactly as one core would.
                var parts: [FileResult] = []
                try OrderedParallel.run(count: segments.count, jobs: cores, window: cores * 2,
                                        makeWorker: { try setup.engine.makeSession() },
                                        work: { index, session -> Result<(FileResult, [UInt8]), Error> in
                                            Result {
                                                let segment = segments[index]
                                                var fixed: [UInt8] = []
                                                let part = try setup.engine.run(path: display, kind: kind, session: session, options: options, segment: segment, read: { feed in
                                                    try FileIO.readRange(path, from: segment.start, firstEnd: segment.firstFeedEnd, end: segment.readEnd, feed)
                                                }, output: { fixed += $0 })
                                                return (part, fixed)
                                            }
                                        },
                                        failed: { .failure($0) },
                                        deliver: { _, outcome in
                                            var (part, fixed) = try outcome.get()
                                            // Remaining findings are in the written text, after what the parts
                                            // before this one wrote.
                                            part.placeAfter(bytes: parts.reduce(0) { $0 + $1.writtenByteDelta },
                                                            lines: parts.reduce(0) { $0 + $1.writtenLineDelta })
                                            if !part.findings.isEmpty { try begin(); try record(.findings(part.findings)) }
                                            try target.write(fixed)
                                            part.findings = []
                                            parts.append(part)
                                        })
                result = FileResult.joining(parts)
                if wantsDiff { original = try FileIO.readAll(path) }
            } else {
                result = try setup.engine.run(path: display, kind: kind, session: session, options: options, read: { feed in
                    try FileIO.readBlocks(path) { block in
                        if wantsDiff { original.append(contentsOf: block) }
                        try feed(block)
                    }
                }, emit: { try begin(); try record(.findings($0)) }, output: { try target.write($0) })
            }
            try begin()
            if try target.finish(changed: result.appliedEditCount > 0) { wrote() }
            if !result.fixConverged {
                // As ruff says: the rules kept rewriting each other; what was written may change again.
                Diagnostics.note("warning: \(display): the fixes did not settle in the passes --fix makes (rules rewrite each other's fixes here); run --fix again, and please report it")
            }
            if wantsDiff {
                let name = path == "-" ? display : DiffPath.relativeToCurrentDirectory(path)
                try record(.diff(UnifiedDiff().render(path: name, original: original, edits: result.appliedEdits)))
            }
            if let refusal { try record(.refused(refusal)) }
            return result
        } catch {
            target.discard()
            throw error
        }
    }
}

/// What checking one file gave: its report events in order (the file entering the reports, findings chunk by
/// chunk, its diff) and its result or error.
struct FileOutcome {
    enum Event {
        case begin
        case findings([LocatedFinding])
        case diff(String)
        /// --fix could not write the file (read-only): it was checked, its findings remain.
        case refused(FixedFileError)
    }

    var display: String
    var events: [Event]
    var result: Result<FileResult, Error>
}

/// The files --fix has written so far, in the order they were given, from any thread.
final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [(index: Int, name: String)] = []

    func add(_ name: String, index: Int) {
        lock.lock()
        written.append((index, name))
        lock.unlock()
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return written.sorted { $0.index < $1.index }.map(\.name)
    }
}

/// What a lint run needs before its first file: the configuration, the glossaries, the engine, the files.
struct LintSetup {
    let engine: LintEngine
    let files: [String]
    let sourceText: String?
    /// The configuration's `sources:` pairings, read from its folder.
    let configuration: Configuration
    let minScore: Double?
    let failLevel: Severity
    let changed: [String: ChangedLines]
    /// `--baseline`: the findings not to report again.
    let baseline: Baseline?
    /// Every file the run reads besides the translations: glossaries, the configuration, the source, the baseline.
    let readFiles: [String]
    let glossaryFiles: [String]
    /// With a SARIF report: `%SRCROOT%`, the git work tree's top (else the configuration's folder, else the current folder).
    let sourceRoot: SARIFReporter.SourceRoot?

    init(command: Lint) throws {
        let configuration = command.noConfig ? Configuration(root: ".") : try ConfigurationFile.load(explicit: command.config, firstPath: command.paths.first)
        let glossaryFiles = try (configuration.glossaries + command.glossary).flatMap(GlossaryFiles.files(in:))
        let glossary = try Self.glossary(files: glossaryFiles, configuration: configuration)
        // Rule selection on the command line, over the configuration's: --select keeps only these, --disable turns
        // these off.
        var settings = configuration.rules
        let ids = { (values: [String]) in Set(values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) }
        let selected = ids(command.select), disabled = ids(command.disable)
        for id in RuleCatalog.standard.ids where (!selected.isEmpty && !selected.contains(id)) || disabled.contains(id) {
            settings.severity[id] = .some(nil)
        }
        engine = LintEngine(compiled: glossary, locale: configuration.targetLanguage, settings: settings)
        self.configuration = configuration
        minScore = command.minScore ?? configuration.minScore
        failLevel = command.failLevel ?? configuration.failLevel
        var paths = command.paths
        if paths.isEmpty {
            // No path: the configuration's folder, or (as typos, ruff and codespell do) the current folder.
            paths = [configuration.file != nil ? configuration.root : "."]
        }
        let verbose = command.verbose
        // The files that configure the run are never checked: a fix would rewrite `version:` or a forbidden term.
        var inUse: [String: String] = [:]
        for file in glossaryFiles { inUse[FileIO.identity(file)] = "a glossary in use" }
        if let file = configuration.file { inUse[FileIO.identity(file)] = "the configuration file in use" }
        let skipped = { (path: String, why: String) in
            if verbose { Diagnostics.note("skipped \(TerminalText.escaping(path)) (\(TerminalText.escaping(why)))") }
        }
        var files = try FileWalker(configuration: configuration, inUse: inUse, translationsOnly: true, forceExclude: command.forceExclude,
                                   followSymlinks: command.followSymlinks, writes: command.fix, skipped: skipped).expand(paths)
        files = Self.onePathPerFile(files, skipped: skipped)
        // Nothing to check is no pass: a mistyped path or `include` would go unnoticed in CI.
        if files.isEmpty && !command.allowEmpty && command.shard == nil {
            let patterns = configuration.include.isEmpty ? "" : "; include: \(configuration.include.map(\.pattern).joined(separator: ", "))"
            throw InputError.unreadable(path: paths.joined(separator: ", "),
                                        reason: "no translation to check (translint reads .txt, .md, .markdown, .po, .xlf, .xliff, .xcstrings\(patterns)); --verbose says what was skipped, --allow-empty makes this exit 0")
        }
        if let shard = command.shard { files = files.filter(shard.contains) }
        // Without a glossary only the generic checks run: say so once, so that a missing glossary is seen.
        if glossaryFiles.isEmpty && !command.quiet {
            Diagnostics.note("note: no glossary: only the generic checks run (sentence starts, punctuation, repeated words, and with a source numbers and placeholders); --glossary zh-en uses the shipped Chinese→English one")
        }
        self.files = files
        if let source = command.source {
            let bytes = try FileIO.readAll(source)
            try FileIO.validateUTF8(bytes, path: source)
            sourceText = String(decoding: bytes, as: UTF8.self)
            if files.contains(where: { BilingualFile.Format.forPath($0) != nil }) {
                throw ValidationError("--source is for plain-text and Markdown translations; bilingual files carry their own source")
            }
        } else {
            sourceText = nil
        }
        var changed: [String: ChangedLines] = [:]
        if let revision = command.onlyChanged {
            try Git.verify(revision: revision)
            changed = try Git.changedLines(of: files.filter { $0 != "-" }, since: revision)
        }
        self.changed = changed
        baseline = try command.baseline.map { try Baseline.parse(try FileIO.readAll($0), file: $0) }
        self.glossaryFiles = glossaryFiles
        readFiles = glossaryFiles + [configuration.file, command.source, command.baseline].compactMap { $0 }
        let wantsSARIF = command.format == .sarif || command.report.contains { $0.format == .sarif }
        sourceRoot = wantsSARIF ? Self.sourceRoot(configuration) : nil
    }

    /// The source text of the translation at `path`: `--source`, or the file the configuration's `sources:` names
    /// for it (nil when it names none, or that file does not exist: the translation is then checked alone).
    func source(of path: String) throws -> String? {
        if let sourceText { return sourceText }
        guard path != "-", !configuration.sources.isEmpty,
              let file = Self.pairedSource(of: path, configuration: configuration) else { return nil }
        let bytes = try FileIO.readAll(file)
        try FileIO.validateUTF8(bytes, path: file)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The existing file that the configuration's `sources:` names as the source of `path`.
    static func pairedSource(of path: String, configuration: Configuration) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = URL(fileURLWithPath: configuration.root).standardizedFileURL.path
        guard absolute.hasPrefix(root + "/") else { return nil }
        guard let source = configuration.sourcePath(for: String(absolute.dropFirst(root.count + 1))) else { return nil }
        let resolved = URL(fileURLWithPath: source).standardizedFileURL.path
        return resolved != absolute && FileManager.default.fileExists(atPath: resolved) ? resolved : nil
    }

    /// The glossary files merged, with the configuration's languages: parsed and self-tested once per set of files;
    /// later runs (and the language server) read the compiled glossary from the cache.
    static func glossary(files: [String], configuration: Configuration) throws -> CompiledGlossary {
        var glossary = try GlossaryCache.load(files: files)
        if let source = configuration.sourceLanguage { glossary.sourceLanguage = source }
        // Without glossary entries the configuration's languages are the only word on them (untranslated needs both).
        if let target = configuration.targetLanguage, glossary.glossary.entries.isEmpty { glossary.targetLanguage = target }
        return glossary
    }

    /// `files` with every file once: a second name of a file already listed (a hard link, a symbolic link, the
    /// same path twice) is left out, so that one file is never read by one worker while another rewrites it.
    static func onePathPerFile(_ files: [String], skipped: (String, String) -> Void) -> [String] {
        var first: [FileIO.FileID: String] = [:]
        return files.filter { path in
            guard path != "-", let id = FileIO.fileID(path) else { return true }
            if let earlier = first[id] {
                if earlier != path { skipped(path, "the same file as \(earlier), checked once under that name") }
                return false
            }
            first[id] = path
            return true
        }
    }

    private static func sourceRoot(_ configuration: Configuration) -> SARIFReporter.SourceRoot {
        let current = FileManager.default.currentDirectoryPath
        var root = configuration.file != nil ? configuration.root : current
        if let git = Git.run(["rev-parse", "--show-toplevel"]), git.status == 0 {
            let top = String(decoding: git.output, as: UTF8.self).trimmingCharacters(in: .newlines)
            if top.hasPrefix("/") { root = top }
        }
        return SARIFReporter.SourceRoot(root: root, currentDirectory: current)
    }
}

/// `--baseline` and `--write-baseline`: sorts each file's findings into new and known, and records them all.
final class BaselineRun {
    var matcher: BaselineMatcher

    init(_ baseline: Baseline) { matcher = BaselineMatcher(baseline: baseline) }

    func beginFile(_ path: String) { matcher.beginFile(path) }

    /// The findings of `located` the baseline does not have (fixed ones stay: they are counted as fixed).
    func new(_ located: [LocatedFinding], path: String, fixing: Bool) -> [LocatedFinding] {
        located.filter { finding in
            if fixing && finding.isFixed { return true }
            return matcher.state(of: finding, path: path) == .new
        }
    }
}

/// Where the reports and diffs of a run go.
final class ReportOutputs {
    private var sinks: [ReportSink] = []
    private var diffOutputs: [Output] = []

    init(command: Lint, inputs: [String], fixesStandardInput: Bool, context: OutputFormat.Context) throws {
        if command.diff || command.format == .diff {
            diffOutputs.append(.standardOutput)
        } else {
            let output: Output = fixesStandardInput ? .standardError : .standardOutput
            if let reporter = command.format.makeReporter(colors: command.color.enabled(for: output), context: context) {
                sinks.append(ReportSink(reporter: reporter, output: output))
            }
        }
        // No output may be an input (a checked file, a glossary, the configuration, the source, the baseline),
        // by path or by device and inode (a hard link): refused before anything is written. Nor may two outputs
        // be one file.
        let inputPaths = Set(inputs.filter { $0 != "-" }.map(FileIO.identity))
        let inputIDs = Set(inputs.filter { $0 != "-" }.compactMap(FileIO.fileID))
        var outputs = command.report.map { ($0.path, "--report \($0.format.rawValue)=\($0.path)") }
        if let baseline = command.writeBaseline { outputs.append((baseline, "--write-baseline \(baseline)")) }
        var seen: [String: String] = [:]
        for (path, option) in outputs {
            if path == "-" {
                throw InputError.unwritable(path: path, reason: "'\(option)' names no file: the report of --format goes to standard output; give --report a file")
            }
            if inputPaths.contains(FileIO.identity(path)) || FileIO.fileID(path).map(inputIDs.contains) == true {
                throw InputError.unwritable(path: path, reason: "it is a file this run reads (a translation, a glossary, the configuration, the source or the baseline); write the report elsewhere")
            }
            let identity = Self.outputIdentity(path)
            if let other = seen[identity] { throw InputError.unwritable(path: path, reason: "'\(option)' and '\(other)' write the same file") }
            seen[identity] = option
        }
        for extra in command.report {
            let output = try Output.creating(extra.path)
            if let reporter = extra.format.makeReporter(context: context) { sinks.append(ReportSink(reporter: reporter, output: output)) } else { diffOutputs.append(output) }
        }
    }

    /// The file a report path names, whether it exists or not: the real path of its folder and its name.
    static func outputIdentity(_ path: String) -> String {
        let real = FileIO.identity(path)
        if real != path || FileManager.default.fileExists(atPath: path) { return real }
        let folder = (path as NSString).deletingLastPathComponent
        return FileIO.identity(folder.isEmpty ? "." : folder) + "/" + (path as NSString).lastPathComponent
    }

    func discard() {
        for sink in sinks { sink.output.discard() }
        for output in diffOutputs { output.discard() }
    }

    var wantsDiff: Bool { !diffOutputs.isEmpty }

    func begin() throws { for sink in sinks { try sink.write(sink.reporter.begin()) } }
    func beginFile(_ path: String) throws { for sink in sinks { try sink.write(sink.reporter.beginFile(path)) } }
    /// `new`: the findings a baseline does not know (all of them without a baseline); reports that list known
    /// ones too (SARIF's `baselineState`) get `all`.
    func report(_ new: [LocatedFinding], all: [LocatedFinding], path: String, fixing: Bool) throws {
        for sink in sinks { try sink.write(sink.reporter.report(sink.reporter.wantsBaselinedFindings ? all : new, path: path, fixing: fixing)) }
    }
    func fileFailed(_ path: String, message: String) throws { for sink in sinks { try sink.write(sink.reporter.fileFailed(path, message: message)) } }
    func endFile(_ path: String, quality: QualityScore) throws { for sink in sinks { try sink.write(sink.reporter.endFile(path, quality: quality)) } }
    func end(_ summary: LintReport.Summary) throws { for sink in sinks { try sink.write(sink.reporter.end(summary)) } }
    func diff(_ text: String) throws { for output in diffOutputs where !text.isEmpty { try output.write(text) } }

    func close() throws {
        for sink in sinks { try sink.output.close() }
        for output in diffOutputs { try output.close() }
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

    func write(_ text: String) throws { if !text.isEmpty { try output.write(text) } }
}

/// Loading the glossaries named on the command line.
enum GlossaryFiles {
    /// What `GlossaryFormat.forPath` reads, for help and messages.
    static let extensionList = "*.yaml, *.yml, *.tbx, *.tbx.xml, *.csv, *.tsv, *.tab"

    /// Every glossary in `paths` (a folder stands for the glossary files in it, sorted), merged in order.
    static func load(_ paths: [String], sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        try load(files: try paths.flatMap { try files(in: $0) }, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// The glossary files `files` (no folders), merged in order.
    static func load(files: [String], sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        let glossaries = try files.map { try loadFile($0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }
        return glossaries.isEmpty ? .empty() : try Glossary.merging(glossaries)
    }

    static func loadFile(_ file: String, sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        guard let format = GlossaryFormat.forPath(file) else {
            throw InputError.unreadable(path: file, reason: "not a glossary format translint knows (\(extensionList))")
        }
        return try format.load(try FileIO.readAll(file), file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// A file as given; a folder: the glossary files under it, sorted.
    static func files(in given: String) throws -> [String] {
        var path = given
        if !FileManager.default.fileExists(atPath: path), let shipped = shipped(named: (given as NSString).lastPathComponent) { path = shipped }
        let expanded = try FileWalker(configuration: Configuration(root: "."), usesGit: false).expand([path])
        if expanded.count == 1 && expanded[0] == path { return expanded }
        let glossaries = expanded.filter { GlossaryFormat.forPath($0) != nil }
        if glossaries.isEmpty { throw InputError.unreadable(path: path, reason: "no glossary (\(extensionList)) in this folder") }
        return glossaries
    }
}

extension GlossaryFiles {
    /// A shipped glossary set by its name (`zh-en`): under `$TRANSLINT_GLOSSARIES`, under `PREFIX/share/translint/
    /// glossaries` of an installed translint (`make install`), or in the checkout the executable was built in.
    static func shipped(named name: String) -> String? {
        guard isSetName(name) else { return nil }
        for candidate in shippedFolders() {
            let path = (candidate as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return FileIO.identity(path) }
        }
        return nil
    }

    /// Every shipped set by name, with its folder: the first folder that holds a name wins, as for `shipped(named:)`.
    static func shippedSets() -> [(name: String, path: String)] {
        var seen: Set<String> = []
        var sets: [(name: String, path: String)] = []
        for candidate in shippedFolders() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: candidate)) ?? []
            for name in names.sorted() where isSetName(name) && !seen.contains(name) {
                let path = (candidate as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                seen.insert(name)
                sets.append((name, FileIO.identity(path)))
            }
        }
        return sets.sorted { $0.name < $1.name }
    }

    private static func isSetName(_ name: String) -> Bool {
        name.range(of: #"^[a-z]{2,3}(-[A-Za-z]{2,8})?-[a-z]{2,3}(-[A-Za-z]{2,8})?$"#, options: .regularExpression) != nil
    }

    /// Where shipped sets live, in the order they are looked up.
    private static func shippedFolders() -> [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment["TRANSLINT_GLOSSARIES"] { folders.append(custom) }
        let executable = FileIO.identity("/proc/self/exe")
        var folder = (executable as NSString).deletingLastPathComponent
        folders.append((folder as NSString).appendingPathComponent("../share/translint/glossaries"))
        while folder.count > 1 {
            folders.append((folder as NSString).appendingPathComponent("glossaries"))
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folders
    }
}

/// The path a diff names for a file, so that `git apply` and `patch -p1` find it from the folder translint runs in.
enum DiffPath {
    /// `path` relative to the current folder when it lies under it (an absolute path, `./a.txt`, `sub/../a.txt`);
    /// other paths as given, which `patch` refuses to follow and `git apply --unsafe-paths` applies.
    static func relativeToCurrentDirectory(_ path: String) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasPrefix("/") || components.contains(where: { $0 == "." || $0 == ".." || $0.isEmpty }) else { return path }
        let current = FileIO.identity(FileManager.default.currentDirectoryPath)
        let prefix = current.hasSuffix("/") ? current : current + "/"
        // Lexically first (a symbolic link in the path stays one), then through the real path of the file's folder.
        let lexical = URL(fileURLWithPath: path).standardizedFileURL.path
        if lexical.hasPrefix(prefix) { return String(lexical.dropFirst(prefix.count)) }
        let folder = FileIO.identity((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        let real = (folder as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        return real.hasPrefix(prefix) ? String(real.dropFirst(prefix.count)) : path
    }
}
