import ArgumentParser
import TranslintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Translint: ParsableCommand {
    static let version = "0.3.0"
    /// Where the project lives; reports link to it and to each rule's anchor in its README (`#rule-ID`).
    static let homepage = "https://github.com/translint/translint"
    static let links = ReportLinks(home: homepage, document: homepage + "/blob/main/README.md")

    static let configuration = CommandConfiguration(
        commandName: "translint",
        abstract: "Find and fix the systematic errors of machine translation, checked against bilingual glossaries.",
        discussion: """
        Exit status: 0 no findings, 1 findings, 2 bad input or usage.
        """,
        version: Translint.version,
        // Every command names itself (`commandName:`): a name ArgumentParser derives takes a String(describing:) of
        // the type, which scans every protocol conformance in the binary, 13M instructions at each start.
        subcommands: [Lint.self, Init.self, Rules.self, Explain.self, Config.self, GlossaryCommand.self, LanguageServerCommand.self],
        defaultSubcommand: Lint.self
    )
}

/// The entry point: usage errors exit with status 2 (not ArgumentParser's 64), like every other input error.
@main
enum Main {
    /// Help and --version, with `-V` named beside `--version` (ArgumentParser spells only the long flag).
    static func exitForHelp(_ error: Error) -> Never {
        guard Translint.exitCode(for: error) == .success else { Translint.exit(withError: error) }
        let message = Translint.fullMessage(for: error)
            .replacing("  --version               Show the version.",
                                  with: "  -V, --version           Show the version.")
        try? Output.standardOutput.write(message + "\n")
        exit(0)
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `-V`, as most command-line tools spell --version.
        if arguments == ["-V"] {
            try? Output.standardOutput.write(Translint.version + "\n")
            exit(0)
        }
        var command: ParsableCommand
        do {
            command = try Translint.parseAsRoot(arguments)
        } catch {
            // A usage error while parsing: the message with the usage of the (sub)command it concerns.
            let code = Translint.exitCode(for: error)
            if code == .validationFailure {
                try? Output.standardError.write(Translint.fullMessage(for: error) + "\n")
                exit(2)
            }
            exitForHelp(error)   // help, --version
        }
        do {
            try command.run()
        } catch {
            // Chosen exit statuses; every other error is bad input: one line, status 2, and no usage line (the
            // command line parsed; what is wrong is its input).
            let code = Translint.exitCode(for: error)
            // Help can surface here too (ArgumentParser runs a help command for `lint --help`).
            if error is ExitCode { Translint.exit(withError: error) }
            if code == .success { exitForHelp(error) }
            if let error = error as? ValidationError {
                try? Output.standardError.write("translint: error: \(TerminalText.escaping(error.message))\n")
            } else if code == .validationFailure {
                try? Output.standardError.write(Translint.fullMessage(for: error) + "\n")
            } else {
                Diagnostics.error(error)
            }
            if let hint = SubcommandHint.hint(for: error, arguments: arguments) { Diagnostics.note(hint) }
            exit(2)
        }
    }
}

/// `translint lnt samples`: the default subcommand took a mistyped subcommand for a path to check.
enum SubcommandHint {
    static func hint(for error: Error, arguments: [String]) -> String? {
        guard case let .unreadable(path, _)? = error as? InputError, let first = arguments.first, path == first,
              !first.contains("/"), !first.contains(".") else { return nil }
        let names = Translint.configuration.subcommands.compactMap { $0.configuration.commandName ?? String(describing: $0).lowercased() }
        guard let close = names.filter({ distance($0, first) <= 2 }).min(by: { distance($0, first) < distance($1, first) }) else { return nil }
        return "'\(first)' is not a subcommand or a file; did you mean 'translint \(close)'?"
    }

    /// Levenshtein distance, on characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
