import Foundation
import ArgumentParser
import TranslintKit

/// `translint rules`: every check, from its own description.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity, MQM category and severity, whether it fixes, and an example.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text (default) or json: an array of {id, name, severity, mqm_category, mqm_severity, fixable, bilingual, summary, url}.")
    var format: Format = .text

    func run() throws {
        if format == .json {
            let catalog = RuleCatalog.standard
            let rules = catalog.descriptions.map { d in
                JSONValue.object([
                    ("id", .string(d.id)), ("name", .string(d.name)), ("severity", .string(d.defaultSeverity.rawValue)),
                    ("mqm_category", .string(d.mqmCategory.rawValue)), ("mqm_severity", .string(d.mqmSeverity.rawValue)),
                    ("fixable", .bool(d.isFixable)), ("bilingual", .bool(catalog.isBilingual(d.id))),
                    ("summary", .string(d.summary)), ("url", .string(Translint.links.rule(d.id))),
                ])
            }
            try Output.standardOutput.write(JSONValue.array(rules).serialized(pretty: true) + "\n")
            return
        }
        var out = ""
        let descriptions = RuleCatalog.standard.descriptions
        let width = descriptions.map(\.id.count).max() ?? 0
        let categoryWidth = descriptions.map { $0.mqmCategory.rawValue.count + $0.mqmSeverity.rawValue.count + 3 }.max() ?? 0
        // At most 100 columns: the rule's line, then its summary and an example, indented and wrapped.
        let columns = 100, indent = "    "
        func wrapped(_ text: String) -> String {
            var lines: [String] = [], line = indent
            for word in text.split(separator: " ") {
                if line.count + word.count + 1 > columns && line != indent { lines.append(line); line = indent }
                line += (line == indent ? "" : " ") + word
            }
            lines.append(line)
            return lines.joined(separator: "\n") + "\n"
        }
        func clipped(_ text: String) -> String {
            let room = columns - indent.count
            return indent + (text.count > room ? String(text.prefix(room - 1)) + "…" : text) + "\n"
        }
        for d in descriptions {
            let id = d.id.padding(width)
            let category = "\(d.mqmCategory.rawValue) (\(d.mqmSeverity.rawValue))".padding(categoryWidth)
            out += "\(id)  \(d.defaultSeverity.rawValue.padding(7))  \(category)  \(d.isFixable ? "fix" : "")".trimmingCharacters(in: .whitespaces) + "\n"
            out += wrapped(d.summary)
            if let example = d.corrections.first {
                out += clipped("\(example.before.debugDescription) → \(example.after.debugDescription)")
            } else if let example = d.triggering.first {
                out += clipped("flags: \(example.text.debugDescription)")
            }
        }
        try Output.standardOutput.write(out)
    }
}

/// `translint explain RULE`: a rule's description and examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's description and examples.")

    @Argument(help: "A rule id, as `translint rules` lists them.", completion: .list(RuleCatalog.standard.ids))
    var rule: String

    func validate() throws {
        guard RuleCatalog.standard.description(id: rule) != nil else {
            throw ValidationError("Unknown rule '\(rule)'. Rules: \(RuleCatalog.standard.ids.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let d = RuleCatalog.standard.description(id: rule)!
        var out = "\(d.id): \(d.name)\n\n\(d.summary)\n\n\(d.rationale)\n\n"
        out += "Default severity: \(d.defaultSeverity.rawValue). Fixes: \(d.isFixable ? "yes, with --fix" : "no").\n"
        out += "Quality score: MQM category \(d.mqmCategory.rawValue), \(d.mqmSeverity.rawValue) by default.\n"
        out += "\nFlagged (↓ marks the place):\n" + d.triggering.map { "  \($0.text.debugDescription)\n" }.joined()
        out += "\nNot flagged:\n" + d.nonTriggering.map { "  \($0.text.debugDescription)\n" }.joined()
        if !d.corrections.isEmpty {
            out += "\nFixed:\n" + d.corrections.map { "  \($0.before.debugDescription) → \($0.after.debugDescription)\n" }.joined()
        }
        if ["mistranslation", "term-case", "sentence-case"].contains(d.id) {
            out += "\nExamples use this glossary:\n\(ExampleGlossary.yaml)\n"
        }
        if RuleCatalog.standard.isBilingual(d.id) {
            out += "\nExamples are `source ‖ translation`. A Chinese source uses this glossary:\n\(ExampleGlossary.yaml)\n"
            out += "\nan English source this one:\n\(ExampleGlossary.reversedYAML)\n"
        }
        try Output.standardOutput.write(out)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
