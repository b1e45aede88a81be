/// Runs the checks over texts. A value: share it across tasks; each task lints through its own `Session`.
public struct Linter: Sendable {
    public let glossary: Glossary
    /// The checks that run: those given, less the ones `settings` turns off.
    public let checks: [any Check]
    /// BCP 47 tag for case mapping and segmentation; the glossary's target language by default.
    public let locale: String
    public let settings: RuleSettings
    let matcher: TermMatcher
    /// Phrases in which nothing is flagged: the glossary's `ignore` list and the settings'.
    let ignorePhrases: [[UInt8]]

    public init(glossary: Glossary, checks: [any Check] = CheckRegistry.makeAll(), locale: String? = nil,
                settings: RuleSettings = RuleSettings()) {
        self.glossary = glossary
        self.checks = checks.filter { settings.isEnabled($0.id) }
        self.locale = locale ?? glossary.targetLanguage
        self.settings = settings
        self.matcher = TermMatcher(glossary: glossary)
        self.ignorePhrases = Array(Set(glossary.ignore + settings.ignore)).filter { !$0.isEmpty }.sorted().map { Array($0.utf8) }
    }

    public func makeSession() -> Session { Session(linter: self) }

    /// Whether unused suppression comments are reported.
    public var reportsUnusedSuppressions: Bool { settings.isEnabled(UnusedSuppression.description.id) }

    /// Findings in `text`, sorted by position, with suppression comments applied (and unused ones reported).
    public func lint(_ text: String, format: DocumentFormat = .plainText) -> [Finding] {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            let result = makeSession().lintDocument(buffer, format: format)
            var filter = SuppressionFilter()
            var findings = filter.apply(result.findings, directives: result.directives, in: buffer, base: 0)
            findings += unusedSuppressionFindings(filter)
            findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
            return findings
        }
    }

    /// `text` with every fixable finding fixed, and the plan that did it.
    public func fix(_ text: String, format: DocumentFormat = .plainText) -> (fixed: String, findings: [Finding], plan: FixPlan) {
        let findings = lint(text, format: format)
        let plan = FixPlan(findings: findings)
        return (String(decoding: plan.apply(to: Array(text.utf8)), as: UTF8.self), findings, plan)
    }

    /// `unused-suppression` findings for the directives `filter` saw that suppressed nothing (offsets as the filter's).
    public func unusedSuppressionFindings(_ filter: SuppressionFilter) -> [Finding] {
        guard reportsUnusedSuppressions, let severity = settings.severity(of: UnusedSuppression.description.id) else { return [] }
        return filter.unused.map { UnusedSuppression.finding($0.directive, severity: severity) }
    }

    /// What linting one text gave: findings before suppressions are applied, the suppression comments, and
    /// (when asked for) the number of evaluated words.
    public struct DocumentLint {
        public var findings: [Finding]
        public var directives: [SuppressionDirective]
        public var words: Int
    }

    /// Holds the ICU break iterators one task reuses from text to text. Not thread-safe.
    public final class Session {
        let linter: Linter
        private let sentenceSegmenter: Segmenter?

        init(linter: Linter) {
            self.linter = linter
            self.sentenceSegmenter = Segmenter(.sentence, locale: Self.icuLocale(linter.locale) + "@ss=standard")
        }

        /// Findings in UTF-8 plain `text` (which must be valid UTF-8), sorted by position; offsets are into `text`.
        /// A byte order mark at the start is skipped. Suppression comments are not applied.
        public func lint(_ text: [UInt8]) -> [Finding] {
            text.withUnsafeBufferPointer { lint($0) }
        }

        public func lint(_ buffer: UnsafeBufferPointer<UInt8>) -> [Finding] {
            lintDocument(buffer, format: .plainText).findings
        }

        /// Lints `buffer` read as `format`: markup and code are not checked, findings inside an `ignore` phrase are
        /// dropped, severities follow the settings. Offsets are into `buffer`; a byte order mark is skipped.
        /// `protected`: ranges of `buffer` that are markup (inline elements of a bilingual file): read as white space
        /// (the text around a tag is prose), never flagged, never changed.
        public func lintDocument(_ buffer: UnsafeBufferPointer<UInt8>, format: DocumentFormat, countWords: Bool = false,
                                 protected: [ByteRange] = []) -> DocumentLint {
            let bomLength = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            let body = UnsafeBufferPointer(rebasing: buffer[bomLength...])
            var prepared = PreparedText.prepare(body, format: format)
            if !protected.isEmpty {
                var masker = Masker(body)
                if let masked = prepared.masked { masker.masked = masked; masker.changed = true }
                masker.excluded = prepared.excluded
                masker.markup = prepared.markup
                for range in protected where range.end <= body.count + bomLength { masker.exclude(range.shifted(by: -bomLength), fill: 0x20) }
                let directives = prepared.directives, blocks = prepared.blockStarts, items = prepared.listItemStarts
                prepared = masker.finish()
                prepared.directives = directives
                prepared.blockStarts = blocks
                prepared.listItemStarts = items
            }
            let run = { (text: UnsafeBufferPointer<UInt8>) -> (findings: [Finding], words: Int) in
                let context = LintContext(text: text, glossary: self.linter.glossary, matcher: self.linter.matcher,
                                          locale: self.linter.locale, sentenceSegmenter: self.sentenceSegmenter,
                                          blockStarts: prepared.blockStarts, listItems: prepared.listItemStarts)
                var findings: [Finding] = []
                for check in self.linter.checks {
                    findings.append(contentsOf: check.check(context).lazy.filter { !context.isInLink($0.range) })
                }
                return (findings, countWords ? WordCounter.count(text, skipping: prepared.excluded) : 0)
            }
            let raw = prepared.masked.map { $0.withUnsafeBufferPointer(run) } ?? run(body)
            let ignored = linter.ignorePhrases.isEmpty ? [] : Self.occurrences(of: linter.ignorePhrases, in: body)
            var findings: [Finding] = []
            findings.reserveCapacity(raw.findings.count)
            for var finding in raw.findings {
                if prepared.isExcluded(finding.range) { continue }
                if !ignored.isEmpty && Self.touches(ignored, finding.range) { continue }
                if let fix = finding.fix, fix.edits.contains(where: { prepared.touchesMarkup($0.range) || prepared.isExcluded($0.range) }) {
                    finding.fix = nil
                }
                if let severity = linter.settings.severity(of: finding.rule) { finding.severity = severity }
                findings.append(bomLength == 0 ? finding : finding.shifted(by: bomLength))
            }
            findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
            let directives = bomLength == 0 ? prepared.directives : prepared.directives.map { $0.shifted(by: bomLength) }
            return DocumentLint(findings: findings, directives: directives, words: raw.words)
        }

        /// Every occurrence of the phrases in `text`, sorted.
        static func occurrences(of phrases: [[UInt8]], in text: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
            var ranges: [ByteRange] = []
            for phrase in phrases {
                let first = phrase[0]
                var i = 0
                while i + phrase.count <= text.count {
                    if text[i] == first {
                        var k = 1
                        while k < phrase.count && text[i + k] == phrase[k] { k += 1 }
                        if k == phrase.count { ranges.append(ByteRange(i, i + phrase.count)); i += phrase.count; continue }
                    }
                    i += 1
                }
            }
            return Masker.merged(ranges)
        }

        static func touches(_ ranges: [ByteRange], _ range: ByteRange) -> Bool {
            var low = 0, high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if ranges[mid].end <= range.start { low = mid + 1 } else { high = mid }
            }
            // Ranges may overlap one another: look at the next few that start before `range` ends.
            var k = low
            while k < ranges.count && ranges[k].start < max(range.end, range.start + 1) {
                if ranges[k].overlaps(range) || (range.isEmpty && ranges[k].contains(range.start)) { return true }
                k += 1
            }
            return false
        }

        /// ICU wants `zh_Hans` style ids; BCP 47 uses hyphens.
        static func icuLocale(_ tag: String) -> String { tag.replacingHyphens() }
    }
}

extension String {
    fileprivate func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}

/// Every check translint has. Adding a check: one file, one line here.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        MistranslationCheck.self,
        TermCaseCheck.self,
        SentenceCaseCheck.self,
        LeadingPunctuationCheck.self,
        RepeatedWordCheck.self,
    ]

    public static func makeAll() -> [any Check] { all.map { $0.init() } }

    public static func check(id: String) -> (any Check.Type)? { all.first { $0.description.id == id } }

    /// The checks that need the source text (`--source`, bilingual files). One file, one line here.
    public static let bilingual: [any BilingualCheck.Type] = [
        MissingTermCheck.self,
        NumberMismatchCheck.self,
        UntranslatedCheck.self,
        PlaceholderMismatchCheck.self,
    ]

    public static func makeBilingual() -> [any BilingualCheck] { bilingual.map { $0.init() } }

    /// Every rule a report can name: the checks, the bilingual checks, `alignment`, then `unused-suppression`.
    public static let descriptions: [CheckDescription] = all.map { $0.description } + bilingual.map { $0.description }
        + [Alignment.description, UnusedSuppression.description]

    public static func description(id: String) -> CheckDescription? { descriptions.first { $0.id == id } }
}
