/// Runs the checks over texts. A value: share it across tasks; each task lints through its own `Session`.
public struct Linter: Sendable {
    public let glossary: Glossary
    public let checks: [any Check]
    /// BCP 47 tag for case mapping and segmentation; the glossary's target language by default.
    public let locale: String
    let matcher: TermMatcher

    public init(glossary: Glossary, checks: [any Check] = CheckRegistry.makeAll(), locale: String? = nil) {
        self.glossary = glossary
        self.checks = checks
        self.locale = locale ?? glossary.targetLanguage
        self.matcher = TermMatcher(glossary: glossary)
    }

    public func makeSession() -> Session { Session(linter: self) }

    /// Findings in `text`, sorted by position.
    public func lint(_ text: String) -> [Finding] { makeSession().lint(Array(text.utf8)) }

    /// `text` with every fixable finding fixed, and the plan that did it.
    public func fix(_ text: String) -> (fixed: String, findings: [Finding], plan: FixPlan) {
        let bytes = Array(text.utf8)
        let findings = makeSession().lint(bytes)
        let plan = FixPlan(findings: findings)
        return (String(decoding: plan.apply(to: bytes), as: UTF8.self), findings, plan)
    }

    /// Holds the ICU break iterators one task reuses from text to text. Not thread-safe.
    public final class Session {
        let linter: Linter
        private let sentenceSegmenter: Segmenter?

        init(linter: Linter) {
            self.linter = linter
            self.sentenceSegmenter = Segmenter(.sentence, locale: Self.icuLocale(linter.locale) + "@ss=standard")
        }

        /// Findings in UTF-8 `text` (which must be valid UTF-8), sorted by position; offsets are into `text`.
        /// A byte order mark at the start is skipped.
        public func lint(_ text: [UInt8]) -> [Finding] {
            text.withUnsafeBufferPointer { lint($0) }
        }

        public func lint(_ buffer: UnsafeBufferPointer<UInt8>) -> [Finding] {
            let bomLength = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            let body = UnsafeBufferPointer(rebasing: buffer[bomLength...])
            let context = LintContext(text: body, glossary: linter.glossary, matcher: linter.matcher,
                                      locale: linter.locale, sentenceSegmenter: sentenceSegmenter)
            var findings: [Finding] = []
            for check in linter.checks {
                for finding in check.check(context) where !context.isInLink(finding.range) {
                    findings.append(bomLength == 0 ? finding : finding.shifted(by: bomLength))
                }
            }
            findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
            return findings
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
}
