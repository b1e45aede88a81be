/// A problem `glossary validate` or `glossary test` found, at the entry's (or example's) line.
public struct GlossaryIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Level: String, Hashable, Sendable { case error, warning }

    public var level: Level
    public var location: SourceLocation?
    public var message: String

    public init(level: Level, location: SourceLocation?, message: String) {
        self.level = level
        self.location = location
        self.message = message
    }

    public var description: String { (location.map { "\($0): " } ?? "") + "\(level.rawValue): \(message)" }
}

/// What makes a glossary unsafe to lint with, found by running the real engine on the glossary's own terms:
/// the most common complaint about Vale vocabularies and prh dictionaries is a term that never matches, or a
/// fix that corrupts correct text.
public enum GlossaryValidation {
    /// Every problem: conflicts between entries, fixes another entry would undo (and cycles), forbidden renderings
    /// that never match, forbidden renderings that contain another entry's target (a warning), and failing examples.
    public static func issues(in glossary: Glossary) -> [GlossaryIssue] {
        var issues = GlossaryValidator.conflicts(glossary.entries).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        guard issues.isEmpty else { return issues }   // the checks below need a consistent glossary
        let whole = Linter(glossary: glossary, checks: [MistranslationCheck()])
        for entry in glossary.entries {
            let alone = Linter(glossary: glossary.restricted(to: entry), checks: [MistranslationCheck()])
            for rendering in entry.forbidden {
                // It must match as written, as a whole (a rendering that looks like a URL or an e-mail address never
                // does: links are never flagged).
                let own = alone.lint(rendering).filter { $0.rule == MistranslationCheck.description.id }
                if !own.contains(where: { $0.range.start == 0 && $0.range.end == rendering.utf8.count }) {
                    issues.append(GlossaryIssue(level: .error, location: entry.location,
                        message: "forbidden rendering '\(rendering)' never matches as written (it must be words with a word boundary at both ends, and not look like a URL or e-mail address)"))
                }
                // A forbidden rendering that contains another entry's target as whole words: correct uses of that
                // target inside this phrase are rewritten too. Worth a look, not always wrong. Not when the rest of
                // the phrase is itself forbidden (`micro-blog Sina`: `micro-blog` is wrong anyway).
                for other in glossary.entries where other.target != entry.target && containsWords(rendering, other.target)
                    && !restIsForbidden(rendering, without: other.target, glossary: glossary) {
                    issues.append(GlossaryIssue(level: .warning, location: entry.location,
                        message: "forbidden rendering '\(rendering)' contains '\(other.target)', the target of the entry at \(GlossaryValidator.place(other)); make sure the whole phrase is always wrong"))
                }
            }
            issues += undoneFixes(of: entry, in: glossary, linter: whole)
        }
        issues += exampleFailures(in: glossary).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        return issues
    }

    /// Fixes of `entry` that another entry rewrites: when a forbidden rendering of another entry ends with the words
    /// this entry's target starts with (`big Sina` and `Sina Weibo`), the text `big Sina Weibo` is matched leftmost,
    /// and the other entry's fix eats the start of this one's. Checked by fixing that text with the whole glossary.
    static func undoneFixes(of entry: GlossaryEntry, in glossary: Glossary, linter: Linter) -> [GlossaryIssue] {
        let targetWords = words(entry.target)
        var issues: [GlossaryIssue] = []
        for other in glossary.entries where other.target != entry.target {
            for rendering in other.forbidden {
                let renderingWords = words(rendering)
                for k in stride(from: min(renderingWords.count - 1, targetWords.count), through: 1, by: -1)
                    where renderingWords.suffix(k).map(CaseMapping.foldString) == targetWords.prefix(k).map(CaseMapping.foldString) {
                    let text = ([rendering] + targetWords.dropFirst(k)).joined(separator: " ")
                    let fixed = linter.fix(text).fixed
                    if !TermExtractor.containsWords(fixed, entry.target, exactCase: true) {
                        issues.append(GlossaryIssue(level: .error, location: entry.location,
                            message: "a fix to '\(entry.target)' can be undone: in '\(text)', the entry for '\(other.target)' at \(GlossaryValidator.place(other)) matches '\(rendering)' first and gives '\(fixed)'"))
                    }
                    break
                }
            }
        }
        return issues
    }

    private static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    /// A failing example: linting `text` gave something other than `fixed`.
    public struct ExampleFailure: Hashable, Sendable {
        public var location: SourceLocation?
        public var entryLocation: SourceLocation?
        public var message: String
    }

    /// Runs every entry's examples with that entry alone and then with the whole glossary (all checks).
    public static func exampleFailures(in glossary: Glossary) -> [ExampleFailure] {
        guard glossary.entries.contains(where: { !$0.examples.isEmpty }) else { return [] }
        var failures: [ExampleFailure] = []
        let whole = Linter(glossary: glossary)
        for entry in glossary.entries where !entry.examples.isEmpty {
            let alone = Linter(glossary: glossary.restricted(to: entry))
            for example in entry.examples {
                for (mode, linter) in [("with this entry alone", alone), ("with the whole glossary", whole)] {
                    let result = linter.fix(example.text)
                    let expected = example.fixed ?? example.text
                    if result.fixed != expected {
                        failures.append(ExampleFailure(location: example.location ?? entry.location, entryLocation: entry.location,
                            message: "example of '\(entry.target)' \(mode): \(example.text.debugDescription) gave \(result.fixed.debugDescription), expected \(expected.debugDescription)"))
                        break
                    }
                    if example.fixed == nil, let finding = result.findings.first {
                        failures.append(ExampleFailure(location: example.location ?? entry.location, entryLocation: entry.location,
                            message: "example of '\(entry.target)' \(mode) must not be flagged, but is: \(finding.message) [\(finding.rule)]"))
                        break
                    }
                }
            }
        }
        return failures
    }

    /// Whether `phrase` less the words of `target` still holds some entry's forbidden rendering.
    static func restIsForbidden(_ phrase: String, without target: String, glossary: Glossary) -> Bool {
        let rest = " " + CaseMapping.foldString(phrase) + " "
        let cut = rest.splitting(on: " " + CaseMapping.foldString(target) + " ").joined(separator: " | ")
        return glossary.entries.contains { entry in entry.forbidden.contains { containsWords(cut, $0) || CaseMapping.foldString($0) == cut.trimmingCharacters(in: .whitespacesAndNewlinesASCII) } }
    }

    /// Whether `phrase` holds `words` as whole words (case-folded).
    static func containsWords(_ phrase: String, _ words: String) -> Bool {
        let p = " " + CaseMapping.foldString(phrase) + " ", w = " " + CaseMapping.foldString(words) + " "
        guard p.count >= w.count else { return false }
        return p.firstRange(of: w) != nil
    }
}
