import ArgumentParser
import TranslintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Translint: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "translint",
        abstract: "Find and fix the systematic errors of machine translation, checked against bilingual glossaries.",
        discussion: """
        Exit status: 0 no findings, 1 findings, 2 bad input or usage.
        """,
        version: Translint.version,
        subcommands: [Lint.self, Rules.self, Explain.self, Config.self, GlossaryCommand.self],
        defaultSubcommand: Lint.self
    )
}

/// The entry point: usage errors exit with status 2 (not ArgumentParser's 64), like every other input error.
@main
enum Main {
    static func main() {
        do {
            var command = try Translint.parseAsRoot()
            try command.run()
        } catch {
            let code = Translint.exitCode(for: error)
            if code == .validationFailure {
                try? Output.standardError.write(Translint.fullMessage(for: error) + "\n")
                exit(2)
            }
            // Help, --version and chosen exit statuses; every other error is bad input: one line, status 2.
            if error is ExitCode || code == .success { Translint.exit(withError: error) }
            Diagnostics.error(error)
            exit(2)
        }
    }
}
