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
    public static func issues(in glossary: Glossary) throws -> [GlossaryIssue] {
        var issues = GlossaryValidator.conflicts(glossary.entries).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        guard issues.isEmpty else { return issues }   // the checks below need a consistent glossary
        let whole = LintEngine(glossary: glossary, rules: [MistranslationCheck()])
        let session = try whole.makeSession()
        let index = WordIndex(glossary)
        for entry in glossary.entries {
            let alone = LintEngine(glossary: glossary.restricted(to: entry), rules: [MistranslationCheck()])
            for rendering in entry.forbidden {
                // It must match as written, as a whole (a rendering that looks like a URL or an e-mail address never
                // does: links are never flagged).
                let own = try alone.run(rendering, fixes: .none, session: session).result.findings.map(\.finding).filter { $0.rule == MistranslationCheck.description.id }
                if !own.contains(where: { $0.range.start == 0 && $0.range.end == rendering.utf8.count }) {
                    issues.append(GlossaryIssue(level: .error, location: entry.location,
                        message: "forbidden rendering '\(rendering)' never matches as written (it must be words with a word boundary at both ends, and not look like a URL or e-mail address)"))
                }
                // A forbidden rendering that contains another entry's target as whole words: correct uses of that
                // target inside this phrase are rewritten too. Worth a look, not always wrong. Not when the rest of
                // the phrase is itself forbidden (`micro-blog Sina`: `micro-blog` is wrong anyway).
                for other in index.targets(within: rendering).map({ glossary.entries[$0] })
                    where other.target != entry.target && !restIsForbidden(rendering, without: other.target, glossary: glossary) {
                    issues.append(GlossaryIssue(level: .warning, location: entry.location,
                        message: "forbidden rendering '\(rendering)' contains '\(other.target)', the target of the entry at \(GlossaryValidator.place(other)); make sure the whole phrase is always wrong"))
                }
            }
            issues += try undoneFixes(of: entry, in: glossary, index: index, engine: whole, session: session)
        }
        issues += try exampleFailures(in: glossary).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        return issues
    }

    /// Fixes of `entry` that another entry rewrites: when a forbidden rendering of another entry ends with the words
    /// this entry's target starts with (`big Sina` and `Sina Weibo`), the text `big Sina Weibo` is matched leftmost,
    /// and the other entry's fix eats the start of this one's. Checked by fixing that text with the whole glossary.
    static func undoneFixes(of entry: GlossaryEntry, in glossary: Glossary, index: WordIndex, engine: LintEngine, session: Session) throws -> [GlossaryIssue] {
        let targetWords = words(entry.target)
        var issues: [GlossaryIssue] = []
        var seen = Set<String>()
        // Longest overlap first, one check per rendering.
        for k in stride(from: targetWords.count, through: 1, by: -1) {
            for (other, rendering) in index.renderings(endingWith: targetWords.prefix(k)) where glossary.entries[other].target != entry.target {
                guard seen.insert(rendering).inserted else { continue }
                let text = ([rendering] + targetWords.dropFirst(k)).joined(separator: " ")
                let fixed = try engine.run(text, session: session).fixed
                if !TermExtractor.containsWords(fixed, entry.target, exactCase: true) {
                    let owner = glossary.entries[other]
                    issues.append(GlossaryIssue(level: .error, location: entry.location,
                        message: "a fix to '\(entry.target)' can be undone: in '\(text)', the entry for '\(owner.target)' at \(GlossaryValidator.place(owner)) matches '\(rendering)' first and gives '\(fixed)'"))
                }
            }
        }
        return issues
    }

    /// Targets and forbidden renderings by their case-folded words, so that validating a glossary of tens of
    /// thousands of entries compares each phrase with the few that share words, not with all of them.
    struct WordIndex {
        /// A target's folded words → the entries with it.
        private var targets: [String: [Int]] = [:]
        /// A proper word suffix of a forbidden rendering (folded) → the entries and renderings that end with it.
        private var suffixes: [String: [(Int, String)]] = [:]

        init(_ glossary: Glossary) {
            for (k, entry) in glossary.entries.enumerated() {
                targets[Self.key(words(entry.target)[...]), default: []].append(k)
                for rendering in entry.forbidden {
                    let w = words(rendering)
                    guard w.count > 1 else { continue }
                    for n in 1..<w.count { suffixes[Self.key(w.suffix(n)), default: []].append((k, rendering)) }
                }
            }
        }

        static func key(_ words: ArraySlice<String>) -> String { words.map(CaseMapping.foldString).joined(separator: " ") }

        /// Entries whose target is a run of whole words of `phrase`.
        func targets(within phrase: String) -> [Int] {
            let w = words(phrase)
            var found: [Int] = []
            for i in 0..<w.count {
                for j in (i + 1)...w.count { found += targets[Self.key(w[i..<j])] ?? [] }
            }
            return Array(Set(found)).sorted()
        }

        /// Forbidden renderings (and their entries) that end with `words` and have more words before them.
        func renderings(endingWith words: ArraySlice<String>) -> [(Int, String)] { suffixes[Self.key(words)] ?? [] }
    }

    fileprivate static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    /// A failing example: linting `text` gave something other than `fixed`.
    public struct ExampleFailure: Hashable, Sendable {
        public var location: SourceLocation?
        public var entryLocation: SourceLocation?
        public var message: String
    }

    /// Runs every entry's examples with that entry alone and then with the whole glossary (all checks).
    /// They run as `lint --fix` runs: the engine's whole fix loop.
    public static func exampleFailures(in glossary: Glossary) throws -> [ExampleFailure] {
        guard glossary.entries.contains(where: { !$0.examples.isEmpty }) else { return [] }
        var failures: [ExampleFailure] = []
        let whole = LintEngine(glossary: glossary)
        let session = try whole.makeSession()
        for entry in glossary.entries where !entry.examples.isEmpty {
            let alone = LintEngine(glossary: glossary.restricted(to: entry))
            for example in entry.examples {
                for (mode, engine) in [("with this entry alone", alone), ("with the whole glossary", whole)] {
                    let run = try engine.run(example.text, session: session)
                    let result = (fixed: run.fixed, findings: run.result.findings.map(\.finding))
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
