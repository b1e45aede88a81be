import ArgumentParser
import TranslintKit

/// `translint rules`: every check, from its own description.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule with its id, default severity, whether it fixes, and an example.")

    func run() throws {
        var out = ""
        let width = CheckRegistry.all.map { $0.description.id.count }.max() ?? 0
        for check in CheckRegistry.all {
            let d = check.description
            let id = d.id + String(repeating: " ", count: width - d.id.count)
            out += "\(id)  \(d.defaultSeverity.rawValue.padding(7))  \(d.isFixable ? "fix" : "   ")  \(d.summary)\n"
            if let example = d.corrections.first {
                out += String(repeating: " ", count: width + 16) + "\(example.before.debugDescription) → \(example.after.debugDescription)\n"
            }
        }
        Output.standardOutput.write(out)
    }
}

/// `translint explain RULE`: a rule's description and examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a rule's description and examples.")

    @Argument(help: "A rule id, as `translint rules` lists them.")
    var rule: String

    func validate() throws {
        guard CheckRegistry.check(id: rule) != nil else {
            throw ValidationError("Unknown rule '\(rule)'. Rules: \(CheckRegistry.all.map { $0.description.id }.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let d = CheckRegistry.check(id: rule)!.description
        var out = "\(d.id): \(d.name)\n\n\(d.summary)\n\n\(d.rationale)\n\n"
        out += "Default severity: \(d.defaultSeverity.rawValue). Fixes: \(d.isFixable ? "yes, with --fix" : "no").\n"
        out += "\nFlagged (↓ marks the place):\n" + d.triggering.map { "  \($0.text.debugDescription)\n" }.joined()
        out += "\nNot flagged:\n" + d.nonTriggering.map { "  \($0.text.debugDescription)\n" }.joined()
        if !d.corrections.isEmpty {
            out += "\nFixed:\n" + d.corrections.map { "  \($0.before.debugDescription) → \($0.after.debugDescription)\n" }.joined()
        }
        if ["mistranslation", "term-case", "sentence-case"].contains(d.id) {
            out += "\nExamples use this glossary:\n\(ExampleGlossary.yaml)\n"
        }
        Output.standardOutput.write(out)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
