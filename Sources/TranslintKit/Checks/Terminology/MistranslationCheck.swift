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
        target has an inner capital (WeChat). With `case_sensitive: true` they match only in the case written.
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
            CheckCorrection("Use micro-letter daily.", "Use WeChat daily."),
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.termMatches.compactMap { match in
            guard case .forbidden = match.role else { return nil }
            let entry = context.glossary.entries[match.entry]
            let found = context.string(match.range)
            let line = context.string(context.line(containing: match.range.start))
            let replacement = entry.replacement(shapedLike: found, atSentenceStart: context.isSentenceWordStart(match.range.start),
                                                locale: context.locale, inAllCapsText: TermCaseCheck.isAllCaps(line))
            return .useTarget(replacement, insteadOf: found, range: match.range, note: entry.note)
        }
    }
}

extension Finding {
    fileprivate static func useTarget(_ target: String, insteadOf found: String, range: ByteRange, note: String?) -> Finding {
        Finding(rule: MistranslationCheck.description.id, severity: MistranslationCheck.description.defaultSeverity,
                message: "use '\(target)' instead of '\(found)'" + (note.map { " (\($0))" } ?? ""),
                replacing: range, with: target, title: "Replace with '\(target)'")
    }
}
