/// Numbers in the source and the translation that differ.
public struct NumberMismatchCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "number-mismatch",
        name: "Number mismatch",
        summary: "The source and the translation do not have the same numbers.",
        rationale: """
        A wrong number is the costliest error a translation can make, and machine translation makes it with the \
        units it must convert: 2亿 is 200 million, not 2 billion. Numbers are compared by value: digits of any script, \
        thousands separators and decimal marks, Chinese numerals with 万 (10⁴) and 亿 (10⁸), English number words \
        with scales ("both" is two), percentages (百分之五十 = 50%), and dates (7月31日 = July 31; a month name next to a day counts \
        as its number). "One" and 一 on their own are left out, as they are as often an article as a number. Flag only.
        """,
        defaultSeverity: .error,
        isFixable: false,
        mqmCategory: .accuracy,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("商家超过2亿。 ‖ Merchants exceed 200 million."),
            CheckExample("销售额增长了百分之三十五。 ‖ Sales rose by 35%."),
            CheckExample("7月31日，两家公司宣布合作。 ‖ On July 31, two companies announced a deal."),
            CheckExample("共有1,234.5万用户。 ‖ There are 12,345,000 users."),
            CheckExample("他们一起去了一家店。 ‖ They went to a shop together."),
            CheckExample("Sales rose 35% on July 31. ‖ 7月31日销售额增长了35%。"),
            CheckExample("Two hundred sellers left. ‖ 两百个卖家离开了。"),
            CheckExample("两家平台都表示将继续投入。 ‖ Both platforms said they will keep investing."),
        ],
        triggering: [
            CheckExample("商家超过2亿。 ‖ Merchants exceed ↓2 billion."),
            CheckExample("销售额增长了35%。 ‖ ↓Sales rose sharply."),
            CheckExample("7月31日宣布。 ‖ Announced on July ↓30."),
            CheckExample("Sales rose 35% in 2014. ‖ ↓2013年销售额增长了35%。"),
        ],
        corrections: []
    )

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        let source = NumberExtractor.numbers(in: context.sourceText)
        let target = NumberExtractor.numbers(in: context.targetText).filter { mention in
            !context.protected.contains { $0.overlaps(mention.range) }
        }
        var remaining: [Double: Int] = [:]
        for m in source { remaining[NumberExtractor.key(m.value), default: 0] += 1 }
        var extra: [NumberExtractor.Mention] = []
        for m in target {
            let key = NumberExtractor.key(m.value)
            if let n = remaining[key], n > 0 { remaining[key] = n - 1 } else { extra.append(m) }
        }
        let missing = source.filter { m in
            let key = NumberExtractor.key(m.value)
            guard let n = remaining[key], n > 0 else { return false }
            remaining[key] = n - 1
            return true
        }
        guard !missing.isEmpty || !extra.isEmpty else { return [] }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("the source has \(missing.map { "\(describe($0))" }.joined(separator: ", ")), missing from the translation") }
        if !extra.isEmpty { parts.append("the translation has \(extra.map { "\(describe($0))" }.joined(separator: ", ")), not in the source") }
        let range = extra.first?.range ?? context.wholeTarget
        return [Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "numbers differ: " + parts.joined(separator: "; "), range: range)]
    }

    private func describe(_ m: NumberExtractor.Mention) -> String {
        let value = JSONValue.format(m.value)
        return m.text == value ? "'\(m.text)'" : "'\(m.text)' (\(grouped(value)))"
    }

    private func grouped(_ value: String) -> String {
        guard !value.contains("."), !value.contains("e"), value.count > 4 else { return value }
        var out = ""
        for (k, c) in value.reversed().enumerated() {
            if k > 0 && k % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
