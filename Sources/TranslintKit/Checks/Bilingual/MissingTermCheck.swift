/// A glossary term in the source whose target term is missing from the translation.
public struct MissingTermCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "missing-term",
        name: "Missing term",
        summary: "The source has a glossary term, but the translation has neither its target term nor a known rendering of it.",
        rationale: """
        With the source at hand the glossary says what the translation must contain: 天猫 means "Tmall" must be there. \
        Source terms in Chinese, Japanese and Thai match on characters (ICU's word break splits most names), others \
        on word boundaries. When the translation has a forbidden rendering of the term instead, that is reported \
        (and fixed) as a mistranslation; when it left the source term itself, as untranslated. Flag only: where the \
        term went cannot be known for sure.
        """,
        defaultSeverity: .warning,
        isFixable: false,
        mqmCategory: .terminology,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("商家在淘宝开店。 ‖ Merchants open shops on Taobao."),
            CheckExample("商家在淘宝开店。 ‖ Merchants open shops on Amoy."),          // a mistranslation, reported as such
            CheckExample("商家在淘宝开店。 ‖ Merchants open shops on 淘宝."),           // untranslated, reported as such
            CheckExample("Sellers joined Taobao. ‖ 卖家加入了淘宝。"),
        ],
        triggering: [
            CheckExample("商家在淘宝开店。 ‖ ↓Merchants open shops on the treasure site."),
            CheckExample("Sellers joined Taobao. ‖ ↓卖家加入了宝库。"),
        ],
        corrections: []
    )

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        let present = context.presentSourceTerms
        guard !present.isEmpty else { return [] }
        let index = context.derived.sourceTerms(context.glossary)
        let entries = context.glossary.entries
        // Entries that share a source term (电商 → e-commerce, and → e-commerce companies) answer for it together:
        // any of their targets or forbidden renderings in the translation accounts for the term.
        for k in present.flatMap({ index.entries[$0] ?? [] }).sorted() {
            let entry = entries[k]
            guard let term = entry.source, !reported.contains(term) else { continue }
            let siblings = (index.entries[term] ?? [k]).map { entries[$0] }
            if siblings.contains(where: { sibling in
                context.targetTerms.contains(sibling.target) || sibling.forbidden.contains { context.targetTerms.contains($0) }
            }) { continue }
            if context.targetTerms.containsScalars(of: term) { continue }
            // A longer entry that covers this term and is present (新浪微博 → Sina Weibo covers 微博 → Weibo).
            if present.contains(where: { other in other != term && other.contains(term) && (index.entries[other] ?? []).contains { o in
                entries[o].target != entry.target && context.targetTerms.contains(entries[o].target)
            } }) { continue }
            reported.insert(term)
            let targets = siblings.map { "'\($0.target)'" }
            let named = targets.count == 1 ? targets[0] : targets.dropLast().joined(separator: ", ") + " or " + targets.last!
            findings.append(Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                                    message: "the source has '\(term)', but the translation has no \(named)",
                                    range: context.wholeTarget))
        }
        return findings
    }
}
