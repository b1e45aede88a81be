import ArgumentParser
import Foundation
import TranslintKit

/// `translint glossary …`: validate, test, extend, convert and grow glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Validate, test, extend, convert and grow glossaries.",
        discussion: "Exit status: 0 no problem, 1 problems found, 2 bad input or usage.",
        subcommands: [Validate.self, Test.self, Add.self, Convert.self, List.self, Stats.self, Extract.self]
    )
}

/// "1 entry", "2 entries".
func count(_ n: Int, _ singular: String, _ plural: String) -> String { n == 1 ? "1 \(singular)" : "\(n) \(plural)" }

/// Languages for formats that may not state them (CSV without `@language` headers, foreign TBX).
struct LanguageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The source language (BCP 47) where the file does not say it.", valueName: "tag"))
    var sourceLanguage: String?

    @Option(help: ArgumentHelp("The target language (BCP 47) where the file does not say it.", valueName: "tag"))
    var targetLanguage: String?

    /// The glossary at `path` (a folder: its files merged).
    func load(_ path: String) throws -> Glossary {
        try GlossaryFiles.load([path], sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }
}

extension GlossaryCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check glossaries: schema, conflicts between entries, fixes another entry undoes, renderings that never match, failing examples.",
            discussion: "Files are checked one by one and then merged in order, as lint merges them. Warnings (a forbidden rendering that contains another entry's target, or that is a common word or name and does not say whether it is ambiguous) fail only with --strict.")

        @Argument(help: "Glossary files or folders.")
        var files: [String]

        @Flag(help: "Warnings fail too.")
        var strict = false

        @Flag(help: "List what each rendering template stands for (`electricity {supplier|dealer}s?`).")
        var expand = false

        @Flag(help: "List the renderings lint derives from the listed ones (variants, character readings).")
        var derived = false

        @Option(help: ArgumentHelp("A word list, one word a line: forbidden renderings that are common words (lowercase lines) or names (capitalized lines) in it get a warning unless they say whether they are ambiguous. Default: \(Self.defaultWords) (Debian: wamerican), when it exists.", valueName: "file"))
        var words: String?

        @OptionGroup var languages: LanguageOptions

        static let defaultWords = "/usr/share/dict/words"

        func run() throws {
            let paths = try files.flatMap { try GlossaryFiles.files(in: $0) }
            var notes = ""
            var wordList: WordList?
            if let words {
                wordList = WordList(try FileIO.readAll(words))
            } else if FileManager.default.isReadableFile(atPath: Self.defaultWords) {
                wordList = WordList(try FileIO.readAll(Self.defaultWords))
            } else {
                notes = "note: no word list at \(Self.defaultWords) (Debian: apt-get install wamerican); forbidden renderings were not checked against common words and names\n"
            }
            var issues: [GlossaryIssue] = []
            var loaded: [Glossary] = []
            for path in paths {
                do {
                    let glossary = try GlossaryFiles.loadFile(path, sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage)
                    loaded.append(glossary)
                    issues += try GlossaryValidation.issues(in: glossary, words: wordList)
                } catch let error as GlossaryError {
                    issues.append(GlossaryIssue(level: .error, location: error.location ?? SourceLocation(file: path, line: 1), message: error.message))
                } catch {
                    throw error
                }
            }
            var whole = loaded.count == 1 && issues.allSatisfy({ $0.level != .error }) ? loaded.first : nil
            if loaded.count > 1 && issues.allSatisfy({ $0.level != .error }) {
                do {
                    var notes: [String] = []
                    let merged = try Glossary.merging(loaded, notes: &notes)
                    whole = merged
                    // What the merge drops when a later file re-targets a rendering: allowed (later files win), but
                    // worth a look.
                    issues += notes.map { GlossaryIssue(level: .warning, location: nil, message: $0) }
                    issues += try GlossaryValidation.issues(in: merged, words: wordList).filter { issue in !issues.contains(issue) }
                } catch let error as GlossaryError {
                    issues.append(GlossaryIssue(level: .error, location: error.location, message: "when merged: \(error.message)"))
                }
            }
            var out = notes + issues.map { "\($0)\n" }.joined()
            let errors = issues.filter { $0.level == .error }.count, warnings = issues.count - errors
            let entries = loaded.reduce(0) { $0 + $1.entries.count }
            // Templates: how many, what they stand for (each form listed with --expand).
            let templates = loaded.flatMap { g in g.entries.flatMap { entry in entry.templates.map { (entry, $0.key, $0.value) } } }
            if !templates.isEmpty {
                out += "templates: \(count(templates.count, "rendering template", "rendering templates")) \(templates.count == 1 ? "stands" : "stand") for \(templates.reduce(0) { $0 + $1.2.count }) renderings\n"
                if expand {
                    for (entry, template, forms) in templates.sorted(by: { $0.1 < $1.1 }) {
                        out += "  \(entry.location.map { "\($0): " } ?? "")'\(template)' → \(forms.map { "'\($0)'" }.joined(separator: ", "))\n"
                    }
                }
            }
            // Derived renderings: what lint adds to the listed ones, counted (each listed with --derived).
            if let whole {
                let withDerived = DerivedRenderings.apply(to: whole)
                var variants = 0, plurals = 0, readings = 0, entriesWithReadings = 0
                var listing = ""
                for entry in withDerived.entries {
                    var read = false
                    for k in entry.forbidden.indices {
                        guard let origin = entry.origin(k) else { continue }
                        let said: String
                        switch origin {
                        case .variant(let base, let plural):
                            variants += 1
                            if plural { plurals += 1 }
                            said = "\(plural ? "plural" : "variant") of '\(base)'"
                        case .reading(let explanation):
                            readings += 1
                            read = true
                            said = explanation
                        }
                        if derived { listing += "  \(entry.location.map { "\($0): " } ?? "")'\(entry.forbidden[k])' → '\(entry.target)' (\(said))\n" }
                    }
                    if read { entriesWithReadings += 1 }
                }
                if variants + readings > 0 {
                    out += "derived: \(count(variants, "variant", "variants")) (\(plurals) plural) and \(count(readings, "character reading", "character readings")) of \(count(entriesWithReadings, "entry", "entries"))\(derived ? "" : " (list them with --derived)")\n" + listing
                }
            }
            // Provenance, as a statistic: a forbidden rendering with `seen:` is evidence, one without is a guess.
            let renderings = loaded.flatMap { $0.entries.flatMap { entry in entry.forbidden.map { entry.seen[$0]?.isEmpty == false } } }
            if !renderings.isEmpty {
                let withProvenance = renderings.filter { $0 }.count
                out += "provenance: \(withProvenance) of \(count(renderings.count, "forbidden rendering", "forbidden renderings")) say where they were seen (seen:)\n"
            }
            out += issues.isEmpty ? "\(paths.count) glossar\(paths.count == 1 ? "y" : "ies"), \(count(entries, "entry", "entries")): valid\n"
                : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(paths.count) glossar\(paths.count == 1 ? "y" : "ies")\n"
            try Output.standardOutput.write(out)
            if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every entry's examples, with the entry alone and then with the whole glossary.",
            discussion: "An example with `fixed` must give exactly that text; one without must not be flagged.")

        @Argument(help: "Glossary files or folders (a folder is tested as one merged glossary, as lint uses it).")
        var files: [String]

        @OptionGroup var languages: LanguageOptions

        func run() throws {
            var failed = 0, examples = 0, entries = 0, withoutExamples: [String] = []
            var out = ""
            for path in files {
                let glossary = try languages.load(path)
                let failures = try GlossaryValidation.exampleFailures(in: glossary)
                for failure in failures {
                    out += (failure.location.map { "\($0): " } ?? "") + "FAIL \(failure.message)"
                    if let entry = failure.entryLocation, entry != failure.location { out += " (entry at line \(entry.line))" }
                    out += "\n"
                }
                failed += failures.count
                entries += glossary.entries.count
                examples += glossary.entries.reduce(0) { $0 + $1.examples.count }
                withoutExamples += glossary.entries.filter { $0.examples.isEmpty }.map { ($0.location.map { "\($0): " } ?? "") + $0.target }
            }
            for entry in withoutExamples { out += "\(entry): no examples\n" }
            out += "\(count(examples, "example", "examples")) in \(count(entries, "entry", "entries")): \(failed == 0 ? "all passed" : "\(failed) failed")"
            out += withoutExamples.isEmpty ? "\n" : "; \(withoutExamples.count) entr\(withoutExamples.count == 1 ? "y has" : "ies have") no examples\n"
            try Output.standardOutput.write(out)
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an entry to a YAML glossary, or extend the entry with the same target; comments and layout are kept.",
            discussion: """
            The glossary is read back and validated before it is written (atomically); a change that would make it \
            invalid is refused with the reason, and nothing is written.
            Example: translint glossary add glossaries/zh-en/ecommerce.yaml --source 电商 --target e-commerce \\
              --forbid "electricity business" --example "The electricity business grew.=>The e-commerce grew."
            """)

        @Argument(help: "The YAML glossary to change.")
        var file: String

        @Option(help: "The source term.")
        var source: String?

        @Option(help: "The preferred target term, in its canonical casing.")
        var target: String

        @Option(name: .customLong("forbid"), help: ArgumentHelp("A rendering to forbid. Repeatable.", valueName: "rendering"))
        var forbidden: [String] = []

        @Option(help: "A note shown in messages.")
        var note: String?

        @Flag(help: "Forbidden renderings match only as written, and the target's casing is enforced.")
        var caseSensitive = false

        @Option(name: .customLong("example"), help: ArgumentHelp("An example: 'text=>fixed', or 'text' for one that must not be flagged; 'source ‖ text=>fixed' for one linted as the translation of source. Repeatable.", valueName: "example"))
        var examples: [String] = []

        @Flag(help: "The new entry's renderings are ambiguous: flagged only with the source term in the source, or a --context word in the paragraph.")
        var ambiguous = false

        @Option(name: .customLong("context"), help: ArgumentHelp("A context word of an ambiguous new entry. Repeatable.", valueName: "word"))
        var context: [String] = []

        func validate() throws {
            guard GlossaryFormat.forPath(file) == .yaml else { throw ValidationError("glossary add edits YAML glossaries; convert others with translint glossary convert") }
        }

        func run() throws {
            let parsed = examples.map { given -> GlossaryExample in
                let trim = { (s: String) in s.trimmingCharacters(in: .whitespaces) }
                var text = given, exampleSource: String?
                if let separator = given.range(of: "‖") {
                    exampleSource = trim(String(given[..<separator.lowerBound]))
                    text = String(given[separator.upperBound...])
                }
                let parts = text.components(separatedBy: "=>")
                return GlossaryExample(text: trim(parts[0]), fixed: parts.count > 1 ? trim(parts.dropFirst().joined(separator: "=>")) : nil,
                                       source: exampleSource)
            }
            let addition = GlossaryEditor.Addition(source: source, target: target, forbidden: forbidden, note: note,
                                                   caseSensitive: caseSensitive ? true : nil, examples: parsed,
                                                   ambiguous: ambiguous ? true : nil, context: context)
            let original = try FileIO.readAll(file)
            do {
                // The other glossaries of the set (the file's folder): a second entry for a target one of them has
                // would be dropped by the merge, or drop that one. Say where the entry is instead.
                let folder = (file as NSString).deletingLastPathComponent
                let siblings = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
                    .filter { GlossaryFormat.forPath($0) != nil && !$0.hasPrefix(".") }.sorted()
                    .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
                    .filter { FileIO.identity($0) != FileIO.identity(file) }
                for sibling in siblings {
                    guard let other = try? GlossaryFiles.loadFile(sibling) else { continue }
                    if let entry = other.entries.first(where: { $0.target == target }) {
                        throw GlossaryEditor.Refusal(description: "'\(target)' is the target of the entry at \(entry.location.map { "\($0)" } ?? sibling), in the same glossary set: add to that file (translint glossary add \(sibling) …)")
                    }
                }
                let result = try GlossaryEditor.add(addition, to: String(decoding: original, as: UTF8.self), file: file)
                try FileIO.writeAtomically(result.text, to: file)
                try Output.standardOutput.write("\(file): \(result.summary)\n")
            } catch let refusal as GlossaryEditor.Refusal {
                try Output.standardError.write("translint: \(TerminalText.escaping("\(file): \(refusal.description)"))\n")
                throw ExitCode(1)
            } catch {
                throw error
            }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert a glossary between YAML, TBX (reads v2 and v3, writes TBX-Basic v3) and CSV/TSV, by extension.",
            discussion: "YAML → TBX → YAML and YAML → CSV → YAML give the same glossary: what a format has no field for is kept by a documented convention (docs/glossary.md).")

        @Argument(help: "The glossary to read (.yaml, .tbx, .csv, .tsv).")
        var input: String

        @Argument(help: "The file to write (.yaml, .tbx, .csv, .tsv); '-' for standard output as YAML.")
        var output: String

        @OptionGroup var languages: LanguageOptions

        func run() throws {
            do {
                let glossary = try GlossaryFiles.loadFile(input, sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage)
                let format = output == "-" ? .yaml : GlossaryFormat.forPath(output)
                guard let format else { throw ValidationError("'\(output)': write .yaml, .tbx, .csv or .tsv") }
                let text = try format.write(glossary)
                if output == "-" { try Output.standardOutput.write(text) } else {
                    try FileIO.writeAtomically(text, to: output)
                    try Output.standardError.write(TerminalText.escaping("\(input) → \(output): \(glossary.entries.count) entries") + "\n")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a glossary's entries: line, source → target, forbidden renderings, examples.",
            discussion: "Without files: the shipped glossary sets, by the name --glossary and `glossaries:` accept.")

        @Argument(help: "Glossary files or folders; none lists the shipped sets.")
        var files: [String] = []

        @OptionGroup var languages: LanguageOptions

        func run() throws {
            var out = ""
            if files.isEmpty {
                let sets = GlossaryFiles.shippedSets()
                if sets.isEmpty {
                    out = "no shipped glossary sets found (looked in $TRANSLINT_GLOSSARIES, PREFIX/share/translint/glossaries and the checkout)\n"
                }
                for set in sets {
                    let glossary = try languages.load(set.path)
                    out += "\(set.name)  \(glossary.sourceLanguage) → \(glossary.targetLanguage)"
                    out += "  \(glossary.entries.count) entries  \(set.path)\n"
                }
                try Output.standardOutput.write(out)
                return
            }
            for path in files {
                let glossary = try languages.load(path)
                for entry in glossary.entries {
                    out += (entry.location.map { "\($0): " } ?? "") + "\(entry.source ?? "—") → \(entry.target)"
                    if !entry.forbidden.isEmpty { out += "  (not: \(entry.forbidden.joined(separator: ", ")))" }
                    if entry.caseSensitive == true { out += "  [case-sensitive]" }
                    if entry.hasAmbiguousRendering { out += "  [ambiguous]" }
                    out += "  [\(entry.examples.count) example\(entry.examples.count == 1 ? "" : "s")]\n"
                }
            }
            try Output.standardOutput.write(out)
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count a glossary's entries and terms per language, and list entries without examples.")

        @Argument(help: "Glossary files or folders (a folder is counted as one merged glossary).")
        var files: [String]

        @OptionGroup var languages: LanguageOptions

        func run() throws {
            var out = ""
            for path in files {
                let g = try languages.load(path)
                let forbidden = g.entries.reduce(0) { $0 + $1.forbidden.count }
                let examples = g.entries.reduce(0) { $0 + $1.examples.count }
                let missing = g.entries.filter { $0.examples.isEmpty }
                out += "\(path): \(count(g.entries.count, "entry", "entries"))\n"
                out += "  \(g.sourceLanguage): \(count(g.entries.filter { $0.source != nil }.count, "source term", "source terms"))\n"
                out += "  \(g.targetLanguage): \(count(g.entries.count, "preferred term", "preferred terms")), \(count(forbidden, "forbidden rendering", "forbidden renderings"))\n"
                out += "  case-sensitive entries: \(g.entries.filter { $0.caseSensitive == true }.count)\n"
                out += "  examples: \(examples); entries without examples: \(missing.count)\n"
                for entry in missing { out += "    " + (entry.location.map { "\($0): " } ?? "") + entry.target + "\n" }
                if !g.ignore.isEmpty { out += "  ignored phrases: \(g.ignore.count)\n" }
            }
            try Output.standardOutput.write(out)
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "From aligned bilingual text (line N of --source translates line N of --target), list source terms translated in more than one way, as candidate YAML entries.",
            discussion: "Candidates: glossary terms (with --glossary) and frequent source n-grams (ICU words).")

        @Option(help: ArgumentHelp("The source-language text, one segment per line.", valueName: "file"))
        var source: String

        @Option(help: ArgumentHelp("The target-language text, aligned line by line.", valueName: "file"))
        var target: String

        @Option(help: ArgumentHelp("A glossary (or folder) whose source terms to look for.", valueName: "file"))
        var glossary: String?

        @Option(help: "How many segments a rendering must cover to count.")
        var minCount = 2

        @OptionGroup var languages: LanguageOptions

        func run() throws {
            do {
                let read = { (path: String) throws -> [String] in
                    let bytes = try FileIO.readAll(path)
                    try FileIO.validateUTF8(bytes, path: path)
                    var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
                    if lines.last == "" { lines.removeLast() }
                    return lines
                }
                let sourceLines = try read(source), targetLines = try read(target)
                guard sourceLines.count == targetLines.count else {
                    throw ValidationError("\(source) has \(sourceLines.count) lines but \(target) has \(targetLines.count): the texts must be aligned line by line")
                }
                let g = try glossary.map { try GlossaryFiles.load([$0]) }
                let sourceLanguage = languages.sourceLanguage ?? g?.sourceLanguage ?? "zh-Hans"
                let targetLanguage = languages.targetLanguage ?? g?.targetLanguage ?? "en"
                let candidates = TermExtractor.extract(source: sourceLines, target: targetLines, glossary: g, sourceLanguage: sourceLanguage,
                                                       targetLanguage: targetLanguage, minCount: minCount)
                try Output.standardOutput.write(TermExtractor.yaml(candidates, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, segments: sourceLines.count))
            }
        }
    }
}
