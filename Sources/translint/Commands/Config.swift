import ArgumentParser
import TranslintKit

/// `translint config --print`: the configuration in effect, every rule spelled out.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Show the effective configuration (.translint.yml and defaults).")

    @Flag(help: "Print the effective configuration as YAML.")
    var print = false

    @Option(help: ArgumentHelp("The configuration file (default: .translint.yml in this folder or one above it).", valueName: "file"))
    var config: String?

    func validate() throws {
        if !print { throw ValidationError("Say what to do: translint config --print") }
    }

    func run() throws {
        try Output.standardOutput.write(try ConfigurationFile.load(explicit: config).printed())
    }
}
