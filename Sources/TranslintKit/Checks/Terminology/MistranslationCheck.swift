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
        paragraph (Taobao, Jack Ma). Without evidence it is not flagged, so never fixed.
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
        ],
        triggering: [
            CheckExample("The ↓electricity business giant grew."),
            CheckExample("Sellers on ↓Amoy complained."),
            CheckExample("They copied ↓micro-blog marketing."),
            CheckExample("Its ↓micro-blog’s users left."),
            CheckExample("The mistakes of ↓micro-blog Sina."),
            CheckExample("↓Ali said so."),
            CheckExample("It is ↓Ali can not tolerate."),
            CheckExample("Phones by ↓Millet sold out."),
            CheckExample("小米手机 ‖ The ↓millet sold out."),
        ],
        corrections: [
            CheckCorrection("The electricity business giant grew.", "The e-commerce giant grew."),
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
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var evidence = Evidence(context)
        return context.termMatches.compactMap { match in
            guard case .forbidden(let k) = match.role else { return nil }
            let entry = context.glossary.entries[match.entry]
            if entry.isAmbiguous(k) && !evidence.shows(entry, index: match.entry, rendering: k, at: match.range) { return nil }
            let found = context.string(match.range)
            let allCapsLine = context.lineFact("all-caps", containing: match.range.start) { TermCaseCheck.isAllCaps(context.string($0)) }
            let replacement = entry.replacement(shapedLike: found, atSentenceStart: context.isSentenceWordStart(match.range.start),
                                                locale: context.locale, inAllCapsText: allCapsLine)
            return .useTarget(replacement, insteadOf: found, range: match.range, note: entry.note)
        }
    }
}

/// Whether an ambiguous rendering means the entry's term here. With an aligned source (`--source`, PO, XLIFF,
/// String Catalog) that is certain: the source holds the entry's source term, or it does not. Without one, a
/// context word of the entry in the same paragraph shows the meaning. Answers are kept per paragraph.
private struct Evidence {
    let context: LintContext
    private var answers: [Key: Bool] = [:]
    private var foldedParagraphs: [Int: [UInt8]] = [:]

    private struct Key: Hashable { var paragraph: Int; var entry: Int; var rendering: Int }

    /// Folded term → the folded terms a fix may turn it into or out of: an entry's target and its unambiguous
    /// renderings. Built on first use.
    private var classes: [[UInt8]: [[UInt8]]]?

    init(_ context: LintContext) { self.context = context }

    /// `word` folded, with what a fix of the glossary's may turn it into or out of (`Alipay` and `pay treasure`):
    /// so that fixing one term neither creates nor removes the evidence for another, and a second `--fix` changes
    /// nothing the first left.
    private mutating func equivalents(of word: String) -> [[UInt8]] {
        let key = TermMatcher.collapsingWhitespace(CaseMapping.fold(word))
        if classes == nil {
            var made: [[UInt8]: [[UInt8]]] = [:]
            for entry in context.glossary.entries {
                let terms = ([entry.target] + entry.forbidden.indices.filter { !entry.isAmbiguous($0) }.map { entry.forbidden[$0] })
                    .map { TermMatcher.collapsingWhitespace(CaseMapping.fold($0)) }
                for term in terms { made[term, default: []].append(contentsOf: terms) }
            }
            classes = made
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
        let folded: [UInt8]
        if let cached = foldedParagraphs[paragraph] { folded = cached } else {
            // Runs of white space as one space, so `Jack Ma` is found across a line break.
            folded = TermMatcher.collapsingWhitespace(CaseMapping.fold(context.string(context.paragraphs[paragraph])))
            foldedParagraphs[paragraph] = folded
        }
        let words = entry.contextWords(k).flatMap { equivalents(of: $0) }
        let answer = folded.withUnsafeBufferPointer { text in
            words.contains { Self.contains(text, word: $0) }
        }
        answers[key] = answer
        return answer
    }

    /// English endings a context word may take: plural, possessive.
    private static let endings: [[UInt8]] = [[], Array("s".utf8), Array("es".utf8), Array("'s".utf8), Array("’s".utf8)]

    /// Whether `text` (folded) holds `word` (folded) as whole words; the last may take an English plural or
    /// possessive (`phones`, `Taobao's`). Words in scripts written without spaces match on their characters.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, word: [UInt8]) -> Bool {
        guard let first = word.first, text.count >= word.count else { return false }
        let unspaced = word.withUnsafeBufferPointer { CharacterClass.isUnspacedScript(UTF8Bytes.decode($0, at: 0).scalar) }
        var i = 0
        while i + word.count <= text.count {
            defer { i += 1 }
            guard text[i] == first else { continue }
            var k = 1
            while k < word.count && text[i + k] == word[k] { k += 1 }
            guard k == word.count else { continue }
            if unspaced { return true }
            if i > 0 && CharacterClass.isAlnum(UTF8Bytes.decode(text, before: i).scalar) { continue }
            let end = i + word.count
            for ending in endings where end + ending.count <= text.count {
                guard ending.indices.allSatisfy({ text[end + $0] == ending[$0] }) else { continue }
                let after = end + ending.count
                if after == text.count || !CharacterClass.isAlnum(UTF8Bytes.decode(text, at: after).scalar) { return true }
            }
        }
        return false
    }
}

extension Finding {
    fileprivate static func useTarget(_ target: String, insteadOf found: String, range: ByteRange, note: String?) -> Finding {
        Finding(rule: MistranslationCheck.description.id, severity: MistranslationCheck.description.defaultSeverity,
                message: "use '\(target)' instead of '\(found)'" + (note.map { " (\($0))" } ?? ""),
                replacing: range, with: target, title: "Replace with '\(target)'")
    }
}
