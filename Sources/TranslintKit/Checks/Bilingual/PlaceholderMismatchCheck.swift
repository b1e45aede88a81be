/// Placeholders and markup of the source that the translation lost, added or changed.
public struct PlaceholderMismatchCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "placeholder-mismatch",
        name: "Placeholder mismatch",
        summary: "A placeholder or tag of the source is missing from the translation, or appears a different number of times.",
        rationale: """
        Placeholders are code: a lost `%s` crashes a printf, a lost `</b>` breaks the page. Compared as multisets: \
        printf conversions (`%s`, `%1$d`, `%@`, `%(name)s`; `%%` is a literal percent), braces (`{0}`, `{name}`, \
        `{count, plural, …}` by its name), and XML/HTML tags by name and kind (`<b>`, `</b>`, `<br/>`). The \
        translation may reorder them, and may number printf conversions where the source does not (`%s … %s` \
        against `%2$s … %1$s`, as gettext allows). In formats without markup (PO), `<file>` or `<name>` in usage \
        text is a metavariable, not a tag: an opening tag counts when it is HTML, has attributes or is closed in \
        the same message. Flag only.
        """,
        defaultSeverity: .error,
        isFixable: false,
        mqmCategory: .localeConventions,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("Hello, %(name)s! You have %d messages. ‖ 你好，%(name)s！你有 %d 条消息。"),
            CheckExample("Delete {0} of {1}? ‖ 删除 {1} 中的 {0}？"),
            CheckExample("<b>Warning:</b> 100%% sure ‖ <b>警告：</b>100%% 确定"),
            CheckExample("%1$s 删除了 %2$s ‖ %2$s was deleted by %1$s"),
            CheckExample("Malformed line %u in source list %s (type) ‖ 來源列表 %2$s 中的第 %1$u 行的格式錯誤（類型）"),
            CheckExample("git remote set-url [--push] <name> <newurl> [<oldurl>] ‖ git remote set-url [--push] <名稱> <新的位址> [<舊的位址>]"),
            CheckExample("Usage: %s [<option>...] <file>... ‖ 用法：%s [<选项>...] <文件>..."),
            CheckExample("<string index too big> ‖ <字符串索引太大>"),
            CheckExample("overflow in %<PRIdMAX> * %<PRIdPTR> byte blocks for file %s ‖ 在 %3$s 檔案的 %1$<PRIdMAX> * %2$<PRIdPTR> 位元組塊中溢位"),
            CheckExample("%.1f%% done ‖ 已完成 %.1lf%%"),
            CheckExample("Click <a href=\"x\">here</a>. ‖ 点击<a href=\"x\">这里</a>。"),
        ],
        triggering: [
            CheckExample("Hello, %(name)s! ‖ ↓你好！"),
            CheckExample("Delete {0} files? ‖ 删除 ↓{1} 个文件？"),
            CheckExample("<b>Warning:</b> stop ‖ ↓<b>警告： 停止"),
            CheckExample("Load symbol %s from %s ‖ 从 %2$s 加载符号 ↓%3$s"),
            CheckExample("Copy %s to %s ‖ 复制 ↓%1$s 到 %1$s"),
        ],
        corrections: []
    )

    /// How many differing placeholders a message names; the rest are counted (`and 12 more`).
    static let keysListed = 8

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        var source: [Placeholders.Placeholder], target: [Placeholders.Placeholder]
        if let markup = context.markup {
            // XLIFF: the inline elements are the tags; a `<` in the text is a character (written &lt; in the file).
            source = Placeholders.placeholders(in: context.sourceText, tags: false) + markup.source.compactMap { Placeholders.tag($0.0, range: $0.1) }
            target = Placeholders.placeholders(in: context.targetText, tags: false) + markup.target.compactMap { Placeholders.tag($0.0, range: $0.1) }
            target.sort { $0.range < $1.range }
        } else {
            source = Placeholders.placeholders(in: context.source)
            target = Placeholders.placeholders(in: context.targetString)
        }
        if Placeholders.isPositional(source) || Placeholders.isPositional(target) {
            source = Placeholders.positional(source)
            target = Placeholders.positional(target)
        }
        // Counted once per side: a unit with thousands of placeholders (each its own key once made positional)
        // costs one pass, not one per key.
        var inSource: [String: Int] = [:], inTarget: [String: Int] = [:]
        for p in source { inSource[p.key, default: 0] += 1 }
        for p in target { inTarget[p.key, default: 0] += 1 }
        let differing = Set(inSource.keys).union(inTarget.keys).filter { inSource[$0] != inTarget[$0] }.sorted()
        guard !differing.isEmpty else { return [] }
        var parts = differing.prefix(Self.keysListed).map { key -> String in
            let s = inSource[key] ?? 0, t = inTarget[key] ?? 0
            return "'\(key)' \(s) time\(s == 1 ? "" : "s") in the source, \(t) in the translation"
        }
        if differing.count > Self.keysListed { parts.append("and \(differing.count - Self.keysListed) more") }
        let extra = target.first { p in (inTarget[p.key] ?? 0) > (inSource[p.key] ?? 0) }
        return [Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "placeholders differ: " + parts.joined(separator: "; "), range: extra?.range ?? context.wholeTarget)]
    }
}
