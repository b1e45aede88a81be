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
        as its number; an abbreviation like `Jun` only next to a day or year, since `Lei Jun` is a name). The \
        digits of placeholders (`%2$s`, `{0}`) are no numbers. What stays unpaired counts only when written in \
        digits: number words translate into words no list can follow (`both`, `deux`, `兩`), so they are \
        compared only with one another. A 1 is left out, as "one", "a" and 一 are as often an article as a \
        number, and so is a 0 (`none`, `clear`); so are digits glued to a name on the other side (`FILE1` \
        against `<文件1>`), and messages that are notes to translators. Flag only.
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
            CheckExample("Malformed line %u in source list %s ‖ 來源列表 %2$s 中的第 %1$u 行的格式錯誤"),
            CheckExample("Both Shift keys together toggle ShiftLock ‖ 两个 Shift 键同时按下切换 ShiftLock"),
            CheckExample("Compare sorted files FILE1 and FILE2 line by line. ‖ 逐行比较已排序的文件 <文件1> 和 <文件2>。"),
            CheckExample("Bermudian Dollar ‖ 百慕大元"),
            CheckExample("SET %s takes only one argument ‖ SET %s 只接受1个参数"),
            CheckExample("雷军发布了新手机。 ‖ Lei Jun launched a new phone."),
            CheckExample("文件大小为1048576字节。 ‖ The file is 1\u{202F}048\u{202F}576 bytes."),
            CheckExample("two-phase commit requested ‖ 2相コミットが要求されました"),
            CheckExample("2 billion users ‖ 2 milliards d'utilisateurs"),
            CheckExample("In the 4th form, create all components ‖ 在第四种形式中，创建所有组件"),
            CheckExample("Second address: %s ‖ 2番目のアドレス: %s"),
            CheckExample("print in hexadecimal ‖ 16進数で表示する"),
            CheckExample("some databases have not been vacuumed in over 2 billion transactions ‖ 一部のデータベースは20億トランザクション以上VACUUMされていません"),
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
        // gettext's notes to translators (`10 translator: see trust.c`) ask for a value of the translator's choice.
        if context.sourceText.range(of: "translator", options: .caseInsensitive) != nil { return [] }
        let sourceExtraction = NumberExtractor.extract(context.sourceText)
        let targetExtraction = NumberExtractor.extract(context.targetText)
        let source = sourceExtraction.mentions
        let target = ByteRange.outside(context.protected, targetExtraction.mentions, range: \.range)
        var remaining: [Double: Int] = [:]
        for m in source { remaining[NumberExtractor.key(m.value), default: 0] += 1 }
        var extraAll: [NumberExtractor.Mention] = []
        for m in target {
            let key = NumberExtractor.key(m.value)
            if let n = remaining[key], n > 0 { remaining[key] = n - 1 } else { extraAll.append(m) }
        }
        let missingAll = source.filter { m in
            let key = NumberExtractor.key(m.value)
            guard let n = remaining[key], n > 0 else { return false }
            remaining[key] = n - 1
            return true
        }
        // What is left unpaired counts only on good evidence: a number written in digits (words translate into
        // words no list can follow: `both`, `deux`, `兩`), other than 1 (as often an article: `a`, `single`, `1つ`),
        // and not a number the other side glues to a name (`FILE1` against `<文件1>`).
        let wordsOnBothSides = missingAll.contains { $0.isWord } && extraAll.contains { $0.isWord }
        func counts(_ m: NumberExtractor.Mention, other: NumberExtractor.Extraction) -> Bool {
            (!m.isWord || wordsOnBothSides) && m.value != 1 && m.value != 0 && !other.gluedValues.contains(m.value)
        }
        let lost = missingAll.filter { counts($0, other: targetExtraction) }
        let added = extraAll.filter { counts($0, other: sourceExtraction) }
        guard !lost.isEmpty || !added.isEmpty else { return [] }
        var parts: [String] = []
        if !lost.isEmpty { parts.append("the source has \(list(lost)), missing from the translation") }
        if !added.isEmpty { parts.append("the translation has \(list(added)), not in the source") }
        let range = added.first?.range ?? context.wholeTarget
        return [Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "numbers differ: " + parts.joined(separator: "; "), range: range)]
    }

    /// The first few numbers, and how many more: a unit of thousands of numbers gets a message of one line.
    private func list(_ mentions: [NumberExtractor.Mention]) -> String {
        let shown = mentions.prefix(Self.listed).map(describe).joined(separator: ", ")
        return mentions.count > Self.listed ? shown + " and \(mentions.count - Self.listed) more" : shown
    }

    private static let listed = 8

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
