/// A rendering the glossary forbids, replaced by the preferred target.
public struct MistranslationCheck: Check {
    public static let description = CheckDescription(
        id: "mistranslation",
        name: "Mistranslation",
        summary: "A rendering the glossary forbids (a literal machine translation), with the preferred term as the fix.",
        rationale: """
        Machine translation renders names and terms word by word: 淘宝 (Taobao) comes out as "Amoy", \
        电商 (e-commerce) as "electricity business". Forbidden renderings match case-insensitively on word \
        boundaries, the longest first; the replacement copies the case shape of what it replaces unless the \
        target has an inner capital (WeChat). With `case_sensitive: true` they match only in the case written. \
        A rendering marked `ambiguous` (millet the grain, Ali the name) needs evidence: with a source, the aligned \
        source must hold the entry's source term (阿里); without one, a context word must occur in the same \
        paragraph (Taobao, Jack Ma). Failing that, a context word in the document's title and lead (its first two paragraphs) or \
        within five paragraphs shows the meaning less surely: a warning, with the fix only suggested (a page about \
        Xiaomi phones that says `millet` where no phone is named). Without evidence it is not flagged, so never fixed. \
        Renderings the glossary does not list are derived from those it does: a listed rendering of two or more \
        words also matches with hyphens for spaces or the reverse and with its last word in the plural (a plural's \
        fix is only suggested: the target may not take it); and for a name with context words whose source is two \
        to four Chinese characters, every combination of the characters' literal readings (the glossary's \
        `readings`: 红 red + 米 meter gives `red meter` for Redmi) is an ambiguous rendering that needs the source \
        term or a context word other than the target in its own paragraph, and is reported as a warning with a \
        suggested fix.
        """,
        defaultSeverity: .error,
        isFixable: true,
        mqmCategory: .terminology,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("Alibaba and Alipay grew."),
            CheckExample("Taobao is an e-commerce site."),
            CheckExample("Read http://example.com/micro-blog today."),
            CheckExample("Write to ali@example.com for details."),
            CheckExample("Foxtail millet is a grain."),
            CheckExample("Eat millet porridge for breakfast."),
            CheckExample("我们吃粥 ‖ We eat millet porridge with phones in hand."),
            CheckExample("Eat millet porridge.\n\nIt is good.\n\nA.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.\n\nNew smartphone out."),
            CheckExample("A red meter hung on the wall."),
            CheckExample("Xiaomi phones are cheap.\n\nA red meter hung on the wall."),
        ],
        triggering: [
            CheckExample("The ↓electricity business giant grew."),
            CheckExample("Xiaomi's new smartphone\n\nSales of ↓millet rose again this year."),
            CheckExample("Sellers on ↓Amoy complained."),
            CheckExample("They copied ↓micro-blog marketing."),
            CheckExample("Its ↓micro-blog’s users left."),
            CheckExample("The mistakes of ↓micro-blog Sina."),
            CheckExample("↓Ali said so."),
            CheckExample("It is ↓Ali can not tolerate."),
            CheckExample("Phones by ↓Millet sold out."),
            CheckExample("小米手机 ‖ The ↓millet sold out."),
            CheckExample("The ↓electricity-business giant grew."),
            CheckExample("They chat on ↓micro-letters."),
            CheckExample("Xiaomi sold the ↓red meter phone."),
            CheckExample("红米手机 ‖ The ↓red-meters sold out."),
        ],
        corrections: [
            CheckCorrection("The electricity business giant grew.", "The e-commerce giant grew."),
            CheckCorrection("Xiaomi's new smartphone\n\nSales of millet rose.", "Xiaomi's new smartphone\n\nSales of Xiaomi rose.", suggested: true),
            CheckCorrection("They copied micro-blog marketing.", "They copied Weibo marketing."),
            CheckCorrection("The mistakes of micro-blog Sina, again.", "The mistakes of Sina Weibo, again."),
            CheckCorrection("Its micro-blog’s users left.", "Its Weibo’s users left."),
            CheckCorrection("AMOY SELLERS", "TAOBAO SELLERS"),
            CheckCorrection("MICRO-LETTER AND AMOY WAR: ALI WINS", "WECHAT AND TAOBAO WAR: ALIBABA WINS"),
            CheckCorrection("Electricity business grew.", "E-commerce grew."),
            CheckCorrection("electricity business grew.", "E-commerce grew."),
            CheckCorrection("It is Ali can not tolerate.", "It is Alibaba can not tolerate."),
            CheckCorrection("Millet phones sold out.", "Xiaomi phones sold out."),
            CheckCorrection("小米手机 ‖ The millet sold out.", "小米手机 ‖ The Xiaomi sold out."),
            CheckCorrection("Use micro-letter daily.", "Use WeChat daily."),
            CheckCorrection("The electricity-business giant grew.", "The e-commerce giant grew."),
            CheckCorrection("They chat on micro-letters.", "They chat on WeChat.", suggested: true),
            CheckCorrection("Xiaomi sold the red meter phone.", "Xiaomi sold the Redmi phone.", suggested: true),
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var evidence = Evidence(context)
        return context.termMatches.compactMap { match in
            guard case .forbidden(let k) = match.role else { return nil }
            let entry = context.glossary.entries[match.entry]
            let origin = entry.origin(k)
            var inDocumentOnly = false
            if entry.isAmbiguous(k) && !evidence.shows(entry, index: match.entry, rendering: k, at: match.range) {
                // No evidence in the paragraph: the document's title or a paragraph near it may still show the
                // meaning (a page about Xiaomi phones says `millet` where no phone is named). Weaker evidence,
                // too weak for a reading the glossary does not list.
                if case .reading = origin { return nil }
                guard evidence.documentShows(entry, rendering: k, at: match.range) else { return nil }
                inDocumentOnly = true
            }
            let found = context.string(match.range)
            let allCapsLine = context.lineFact("all-caps", containing: match.range.start) { TermCaseCheck.isAllCaps(context.string($0)) }
            let replacement = entry.replacement(shapedLike: found, atSentenceStart: context.isSentenceWordStart(match.range.start),
                                                locale: context.locale, inAllCapsText: allCapsLine)
            var note = entry.note
            if case .reading(let explanation) = origin {
                note = "not listed in the glossary: \(entry.source ?? "its source") read character by character, \(explanation)" + (note.map { "; \($0)" } ?? "")
            }
            var finding = Finding.useTarget(replacement, insteadOf: found, range: match.range, note: note)
            switch origin {
            case .reading?:
                finding.severity = .warning
                finding.fix = finding.fix?.suggested("a literal reading the glossary derives from its characters, not one it lists")
            case .variant(let listed, true)?:
                finding.fix = finding.fix?.suggested("a plural of the listed '\(listed)': whether '\(entry.target)' takes the plural here is the writer's call")
            case .variant?, nil:
                break
            }
            if inDocumentOnly {
                finding.severity = .warning
                finding.fix = finding.fix?.suggested("the evidence is elsewhere in the document, not in this paragraph")
            }
            return finding
        }
    }

    /// How many paragraphs before and after a rendering's own one may show its meaning.
    static let evidenceWindow = 5
}

/// Whether an ambiguous rendering means the entry's term here. With an aligned source (`--source`, PO, XLIFF,
/// String Catalog) that is certain: the source holds the entry's source term, or it does not. Without one, a
/// context word of the entry in the same paragraph shows the meaning. Answers are kept per paragraph.
///
/// The paragraph is read as `--fix` would leave it: every glossary match of a rendering that is always wrong
/// stands for its entry's target (`Ali cloud` as `Alibaba Cloud`), and an ambiguous rendering that has evidence
/// stands for its target too, until no answer changes. So what a fix writes can never become evidence that
/// the first run lacked, and a second `--fix` finds nothing the first left.
private struct Evidence {
    let context: LintContext
    private var answers: [Key: Bool] = [:]

    private struct Key: Hashable { var paragraph: Int; var entry: Int; var rendering: Int }

    /// Folded term → the folded terms a fix may turn it into or out of: an entry's target and its unambiguous
    /// renderings. Built once per engine (`GlossaryDerivations`).
    private var classes: [[UInt8]: [[UInt8]]]?

    init(_ context: LintContext) { self.context = context }

    /// `word` folded, with what a fix of the glossary's may turn it into or out of (`Alipay` and `pay treasure`).
    private mutating func equivalents(of word: String) -> [[UInt8]] {
        let key = TermMatcher.collapsingWhitespace(CaseMapping.fold(word))
        if classes == nil {
            let glossary = context.glossary
            classes = context.derived.evidenceClasses {
                var made: [[UInt8]: [[UInt8]]] = [:]
                for entry in glossary.entries {
                    let terms = ([entry.target] + entry.forbidden.indices.filter { !entry.isAmbiguous($0) && entry.fixesSafely($0) }.map { entry.forbidden[$0] })
                        .map { TermMatcher.collapsingWhitespace(CaseMapping.fold($0)) }
                    for term in terms { made[term, default: []].append(contentsOf: terms) }
                }
                return made
            }
        }
        return [key] + (classes?[key] ?? []).filter { $0 != key }
    }

    /// `entry` is entry number `index` of the glossary.
    mutating func shows(_ entry: GlossaryEntry, index: Int, rendering k: Int, at range: ByteRange) -> Bool {
        if let term = entry.source, let source = context.sourceSearch(around: range.start) {
            return source.contains(term)
        }
        guard let paragraph = context.paragraphIndex(atOrBefore: range.start) else { return false }
        let key = Key(paragraph: paragraph, entry: index, rendering: k)
        if let known = answers[key] { return known }
        decide(paragraph: paragraph)
        return answers[key] ?? false
    }

    /// Whether a context word of rendering `k` occurs in the document's first two paragraphs (title and lead) or within
    /// `MistranslationCheck.evidenceWindow` paragraphs of the rendering's, read as `--fix` leaves them. Without a
    /// source only: with one, the source decides.
    mutating func documentShows(_ entry: GlossaryEntry, rendering k: Int, at range: ByteRange) -> Bool {
        guard context.sources.isEmpty, let paragraph = context.paragraphIndex(atOrBefore: range.start) else { return false }
        let words = entry.contextWords(k).flatMap { equivalents(of: $0) }
        for other in ContextWords.nearby(paragraph, in: context) {
            let matches = context.termMatchIndices(in: context.paragraphs[other]).map { context.termMatches[$0] }
            let text = readAsFixed(other, matches: matches, shown: [])
            if text.withUnsafeBufferPointer({ text in words.contains { ContextWords.contains(text, word: $0) } }) { return true }
        }
        return false
    }

    /// Settles every ambiguous rendering of `paragraph` at once: evidence found lets its rendering stand for the
    /// target, which may be evidence for another, until nothing changes (at most one round per rendering).
    private mutating func decide(paragraph: Int) {
        let bounds = context.paragraphs[paragraph]
        let matches = context.termMatchIndices(in: bounds).map { context.termMatches[$0] }
        var open: [Key: [[UInt8]]] = [:]
        for match in matches {
            guard case .forbidden(let k) = match.role else { continue }
            let entry = context.glossary.entries[match.entry]
            guard entry.isAmbiguous(k) else { continue }
            let key = Key(paragraph: paragraph, entry: match.entry, rendering: k)
            if open[key] == nil && answers[key] == nil { open[key] = entry.contextWords(k).flatMap { equivalents(of: $0) } }
        }
        var shown: Set<Key> = []
        while true {
            let text = readAsFixed(paragraph, matches: matches, shown: shown)
            let found = text.withUnsafeBufferPointer { text in
                open.filter { _, words in words.contains { ContextWords.contains(text, word: $0) } }.map(\.key)
            }
            if found.isEmpty { break }
            for key in found { shown.insert(key); open[key] = nil }
        }
        for key in shown { answers[key] = true }
        for key in open.keys { answers[key] = false }
    }

    /// The paragraph folded, runs of white space as one space (`Jack Ma` across a line break), with each match
    /// a fix would replace written as its entry's target.
    private func readAsFixed(_ paragraph: Int, matches: [TermMatch], shown: Set<Key>) -> [UInt8] {
        let bounds = context.paragraphs[paragraph]
        var out: [UInt8] = []
        var at = bounds.start
        for match in matches {
            guard case .forbidden(let k) = match.role else { continue }
            let entry = context.glossary.entries[match.entry]
            // Only what plain `--fix` writes: a plural variant or a derived reading stays as written.
            if !entry.fixesSafely(k) { continue }
            if entry.isAmbiguous(k) && !shown.contains(Key(paragraph: paragraph, entry: match.entry, rendering: k)) { continue }
            out += CaseMapping.fold(context.string(ByteRange(at, match.range.start)))
            out += CaseMapping.fold(entry.target)
            at = match.range.end
        }
        out += CaseMapping.fold(context.string(ByteRange(at, bounds.end)))
        return TermMatcher.collapsingWhitespace(out)
    }
}

extension Finding {
    fileprivate static func useTarget(_ target: String, insteadOf found: String, range: ByteRange, note: String?) -> Finding {
        Finding(rule: MistranslationCheck.description.id, severity: MistranslationCheck.description.defaultSeverity,
                message: "use '\(target)' instead of '\(found)'" + (note.map { " (\($0))" } ?? ""),
                replacing: range, with: target, title: "Replace with '\(target)'")
    }
}
