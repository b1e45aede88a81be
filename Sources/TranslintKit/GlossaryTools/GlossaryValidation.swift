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
    ///
    /// `words`: a word list (`/usr/share/dict/words`): forbidden renderings that are common words or names in it and
    /// do not say whether they are ambiguous get a warning.
    public static func issues(in given: Glossary, words: WordList? = nil) throws -> [GlossaryIssue] {
        var issues = GlossaryValidator.conflicts(given.entries).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        guard issues.isEmpty else { return issues }   // the checks below need a consistent glossary
        if let words { issues += commonWords(in: given, words: words) }
        issues += ambiguityExamples(in: given)
        issues += try repeatedWords(in: given)
        // What follows is about how renderings match and fix, which is what ambiguous renderings do when the
        // evidence is there.
        let glossary = given.unambiguous
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
                var steps = 0
                for other in index.targets(within: rendering).map({ glossary.entries[$0] })
                    where other.target != entry.target && !index.restIsForbidden(rendering, without: other.target, steps: &steps) {
                    issues.append(GlossaryIssue(level: .warning, location: entry.location,
                        message: "forbidden rendering '\(rendering)' contains '\(other.target)', the target of the entry at \(GlossaryValidator.place(other, from: entry)); make sure the whole phrase is always wrong"))
                }
            }
            issues += try undoneFixes(of: entry, in: glossary, index: index, engine: whole, session: session)
        }
        issues += try exampleFailures(in: given).map { GlossaryIssue(level: .error, location: $0.location, message: $0.message) }
        return issues
    }

    /// Targets that repeat a word (`the the`): repeated-word would remove half of every correct use, and
    /// mistranslation would write the repeat back.
    static func repeatedWords(in glossary: Glossary) throws -> [GlossaryIssue] {
        let engine = LintEngine(glossary: Glossary(sourceLanguage: glossary.sourceLanguage, targetLanguage: glossary.targetLanguage, entries: []),
                                rules: [RepeatedWordCheck()])
        let session = try engine.makeSession()
        return try glossary.entries.compactMap { entry in
            // Inside a sentence, as the term is used (a line of one word twice may be a table's columns).
            guard entry.target.contains(" "),
                  let repeated = try engine.run("We saw \(entry.target) there.", fixes: .none, session: session).result.findings.first else { return nil }
            return GlossaryIssue(level: .error, location: entry.location,
                                 message: "target '\(entry.target)' repeats '\(repeated.text.trimmingCharacters(in: .whitespacesAndNewlines))': repeated-word would remove half of every correct use")
        }
    }

    /// Forbidden renderings that are a word or a name of `words` and say nothing about ambiguity: `Ali` is also a
    /// given name, `millet` a grain. Lowercase dictionary entries are common words, capitalized ones names.
    static func commonWords(in glossary: Glossary, words: WordList) -> [GlossaryIssue] {
        var candidates: [(entry: GlossaryEntry, rendering: String)] = []
        for entry in glossary.entries {
            for (k, rendering) in entry.forbidden.enumerated() where !entry.saysAmbiguity(k) && !rendering.contains(" ") {
                candidates.append((entry, rendering))
            }
        }
        guard !candidates.isEmpty else { return [] }
        let forms = words.forms(of: Set(candidates.map { CaseMapping.foldString($0.rendering) }))
        var issues: [GlossaryIssue] = []
        for (entry, rendering) in candidates {
            var found = forms[CaseMapping.foldString(rendering)] ?? []
            if entry.matchesForbiddenExactly {
                // As written, or capitalized at a sentence start.
                found = found.filter { $0 == rendering || CaseMapping.capitalizingFirst($0, locale: "en") == rendering }
            }
            guard !found.isEmpty else { continue }
            let isWord = found.contains { $0.unicodeScalars.first.map { !CharacterClass.isUppercase($0.value) } ?? false }
            let what = isWord ? "a common English word" : "a name (a person or a place)"
            issues.append(GlossaryIssue(level: .warning, location: entry.location,
                message: "forbidden rendering '\(rendering)' is \(what) ('\(found.sorted().joined(separator: "', '"))' in the word list): mark it 'ambiguous: true' with 'context' words, or 'ambiguous: false' if it is always wrong here"))
        }
        return issues
    }

    /// Entries with an ambiguous rendering must show both sides: an example that is flagged (with a source or with
    /// a context word) and one that is not.
    static func ambiguityExamples(in glossary: Glossary) -> [GlossaryIssue] {
        glossary.entries.compactMap { entry in
            guard entry.hasAmbiguousRendering else { return nil }
            let flagged = entry.examples.contains { $0.fixed != nil }, clean = entry.examples.contains { $0.fixed == nil }
            if flagged && clean { return nil }
            return GlossaryIssue(level: .warning, location: entry.location,
                message: "'\(entry.target)' has an ambiguous rendering: give it an example that is flagged (with 'source' or a context word) and one that is not")
        }
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
                if !TermSearch(fixed).containsWords(entry.target, exactCase: true) {
                    let owner = glossary.entries[other]
                    issues.append(GlossaryIssue(level: .error, location: entry.location,
                        message: "a fix to '\(entry.target)' can be undone: in '\(text)', the entry for '\(owner.target)' at \(GlossaryValidator.place(owner, from: entry)) matches '\(rendering)' first and gives '\(fixed)'"))
                }
            }
        }
        return issues
    }

    /// Targets and forbidden renderings by their case-folded words, so that validating a glossary of tens of
    /// thousands of entries compares each phrase with the few that share words, not with all of them.
    ///
    /// Word sequences are looked up by a hash of their words, one window length (a target's word count) at a time,
    /// so a phrase of n words costs O(n × the distinct target lengths), not O(n³) as slicing and joining every run
    /// of it did (a 1,000-word rendering took 30–45 s).
    struct WordIndex {
        /// Entries by their target's folded words.
        private var targets = RunTable()
        /// Forbidden renderings (entry, rendering) by their folded words.
        private var forbidden = RunTable()
        private var renderingOwners: [(Int, String)] = []
        /// Hashes of every word prefix of a target (which `renderings(endingWith:)` asks about), with its length.
        private var prefixes: Set<HashedRun> = []
        /// A proper word suffix of a forbidden rendering that is some target's prefix → the entries and renderings.
        private var suffixes: [HashedRun: [(Int, String)]] = [:]
        /// Words hashed while building: with `targets(within:steps:)`, what a test reads to see the work grow linearly.
        private(set) var steps = 0

        struct HashedRun: Hashable { var hash: UInt64; var count: Int }

        init(_ glossary: Glossary) {
            for (k, entry) in glossary.entries.enumerated() {
                let w = Self.folded(entry.target)
                targets.add(w, id: k)
                var h = Self.seed
                for (n, word) in w.enumerated() {
                    h = Self.step(h, word); steps += 1
                    prefixes.insert(HashedRun(hash: h, count: n + 1))
                }
                for rendering in entry.forbidden {
                    forbidden.add(Self.folded(rendering), id: renderingOwners.count)
                    renderingOwners.append((k, rendering))
                }
            }
            let longest = targets.lengths.last ?? 0
            for (k, rendering) in renderingOwners {
                let w = Self.folded(rendering)
                guard w.count > 1 else { continue }
                // Suffixes longer than the longest target are never asked for: the cost is bounded by the
                // glossary's targets, not by the rendering's length.
                for n in 1..<min(w.count, longest + 1) {
                    steps += n
                    let run = HashedRun(hash: Self.hash(w[(w.count - n)...]), count: n)
                    if prefixes.contains(run) { suffixes[run, default: []].append((k, rendering)) }
                }
            }
        }

        /// Word runs by hash, looked up one run length at a time.
        struct RunTable {
            private var byHash: [UInt64: [Int]] = [:]
            private var runs: [Int: [String]] = [:]
            /// The distinct run lengths, ascending.
            private(set) var lengths: [Int] = []

            mutating func add(_ words: [String], id: Int) {
                byHash[WordIndex.hash(words[...]), default: []].append(id)
                runs[id] = words
                if !lengths.contains(words.count) { lengths.append(words.count); lengths.sort() }
            }

            /// The ids whose words are a run of `words`. Each window is hashed afresh (cost: its length, counted in
            /// `steps`), so the total is n × the sum of the distinct lengths: bounded by the table, linear in n.
            func find(in words: ArraySlice<String>, steps: inout Int) -> Set<Int> {
                var found = Set<Int>()
                for length in lengths where length <= words.count {
                    for start in words.startIndex...(words.endIndex - length) {
                        steps += length
                        let window = words[start..<(start + length)]
                        for id in byHash[WordIndex.hash(window)] ?? [] where runs[id]!.elementsEqual(window) { found.insert(id) }
                    }
                }
                return found
            }
        }

        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
        static func step(_ hash: UInt64, _ word: String) -> UInt64 {
            var h = (hash ^ 0x20) &* 0x100_0000_01B3
            for byte in word.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return h
        }
        static func hash(_ words: ArraySlice<String>) -> UInt64 { words.reduce(seed, step) }
        static func folded(_ text: String) -> [String] { words(text).map(CaseMapping.foldString) }

        /// Entries whose target is a run of whole words of `phrase`.
        func targets(within phrase: String) -> [Int] {
            var counter = 0
            return targets(within: phrase, steps: &counter)
        }

        /// The same, adding the words hashed to `steps`.
        func targets(within phrase: String, steps: inout Int) -> [Int] {
            targets.find(in: Self.folded(phrase)[...], steps: &steps).sorted()
        }

        /// Forbidden renderings (and their entries) that end with `words` and have more words before them.
        func renderings(endingWith words: ArraySlice<String>) -> [(Int, String)] {
            let folded = words.map(CaseMapping.foldString)
            let candidates = suffixes[HashedRun(hash: Self.hash(folded[...]), count: folded.count)] ?? []
            return candidates.filter { Array(Self.folded($0.1).suffix(folded.count)) == folded }
        }

        /// Whether `phrase` less the words of `target` still holds some entry's forbidden rendering (`micro-blog
        /// Sina` less `Sina` holds `micro-blog`).
        func restIsForbidden(_ phrase: String, without target: String, steps: inout Int) -> Bool {
            let w = Self.folded(phrase), t = Self.folded(target)
            var pieces: [ArraySlice<String>] = []
            var start = 0, i = 0
            while i < w.count {
                if !t.isEmpty && i + t.count <= w.count && w[i..<(i + t.count)].elementsEqual(t) {
                    pieces.append(w[start..<i]); i += t.count; start = i
                } else {
                    i += 1
                }
            }
            pieces.append(w[start...])
            return pieces.contains { !$0.isEmpty && !forbidden.find(in: $0, steps: &steps).isEmpty }
        }
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
                    let kind: DocumentKind = example.source.map { .paired(.plainText, source: $0) } ?? .text(.plainText)
                    let run = try engine.run(example.text, kind: kind, session: session)
                    let result = (fixed: run.fixed, findings: run.result.findings.map(\.finding))
                    let expected = example.fixed ?? example.text
                    if result.fixed != expected {
                        failures.append(ExampleFailure(location: example.location ?? entry.location, entryLocation: entry.location,
                            message: "example of '\(entry.target)' \(mode)\(example.source.map { " with source \($0.debugDescription)" } ?? ""): \(example.text.debugDescription) gave \(result.fixed.debugDescription), expected \(expected.debugDescription)"))
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

    /// Whether `phrase` holds `words` as whole words (case-folded).
    static func containsWords(_ phrase: String, _ words: String) -> Bool {
        let p = " " + CaseMapping.foldString(phrase) + " ", w = " " + CaseMapping.foldString(words) + " "
        guard p.count >= w.count else { return false }
        return p.firstRange(of: w) != nil
    }
}
