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
        translation may reorder them. Flag only.
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
        ],
        triggering: [
            CheckExample("Hello, %(name)s! ‖ ↓你好！"),
            CheckExample("Delete {0} files? ‖ 删除 ↓{1} 个文件？"),
            CheckExample("<b>Warning:</b> stop ‖ ↓<b>警告： 停止"),
        ],
        corrections: []
    )

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        var source: [Placeholder], target: [Placeholder]
        if let markup = context.markup {
            // XLIFF: the inline elements are the tags; a `<` in the text is a character (written &lt; in the file).
            source = Self.placeholders(in: context.sourceText, tags: false) + markup.source.compactMap { Self.tag($0.0, range: $0.1) }
            target = Self.placeholders(in: context.targetText, tags: false) + markup.target.compactMap { Self.tag($0.0, range: $0.1) }
            target.sort { $0.range < $1.range }
        } else {
            source = Self.placeholders(in: context.source)
            target = Self.placeholders(in: context.targetString)
        }
        var counts: [String: Int] = [:]
        for p in source { counts[p.key, default: 0] += 1 }
        for p in target { counts[p.key, default: 0] -= 1 }
        let differing = counts.filter { $0.value != 0 }.keys.sorted()
        guard !differing.isEmpty else { return [] }
        let parts = differing.map { key -> String in
            let inSource = source.filter { $0.key == key }.count, inTarget = target.filter { $0.key == key }.count
            return "'\(key)' \(inSource) time\(inSource == 1 ? "" : "s") in the source, \(inTarget) in the translation"
        }
        let extra = target.first { p in (counts[p.key] ?? 0) < 0 }
        return [Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "placeholders differ: " + parts.joined(separator: "; "), range: extra?.range ?? context.wholeTarget)]
    }

    struct Placeholder {
        /// What is compared: the placeholder as written, or a tag's `<name>`, `</name>`, `<name/>`.
        var key: String
        var range: ByteRange
    }

    /// A tag's key, from its text (`<g id="1">` → `<g>`).
    static func tag(_ text: String, range: ByteRange) -> Placeholder? {
        placeholders(in: text).first.map { Placeholder(key: $0.key, range: range) }
    }

    static func placeholders(in text: String, tags: Bool = true) -> [Placeholder] {
        let bytes = Array(text.utf8)
        var result: [Placeholder] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x25 {   // printf
                if i + 1 < bytes.count && bytes[i + 1] == 0x25 { i += 2; continue }
                var k = i + 1
                if k < bytes.count && bytes[k] == 0x28 {   // %(name)s
                    var j = k + 1
                    while j < bytes.count && bytes[j] != 0x29 && bytes[j] != 0x20 { j += 1 }
                    if j < bytes.count && bytes[j] == 0x29 { k = j + 1 } else { i += 1; continue }
                } else {
                    var j = k
                    while isDigit(j) { j += 1 }
                    if j > k && j < bytes.count && bytes[j] == 0x24 { k = j + 1 }   // %1$
                }
                while k < bytes.count && "-+0#".utf8.contains(bytes[k]) { k += 1 }   // no space flag: "35% on" is no "% o"
                while isDigit(k) || (k < bytes.count && bytes[k] == 0x2A) { k += 1 }
                if k < bytes.count && bytes[k] == 0x2E { k += 1; while isDigit(k) { k += 1 } }
                while k < bytes.count && "hlLqjzt".utf8.contains(bytes[k]) { k += 1 }
                if k < bytes.count && "diouxXeEfFgGaAcspn@".utf8.contains(bytes[k]) {
                    result.append(Placeholder(key: String(decoding: bytes[i...k], as: UTF8.self), range: ByteRange(i, k + 1)))
                    i = k + 1
                    continue
                }
                i += 1
            } else if b == 0x7B {   // {0}, {name}, {count, plural, ...}
                var k = i + 1
                while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x5F || bytes[k] == 0x2E) { k += 1 }
                guard k > i + 1, k < bytes.count, bytes[k] == 0x7D || bytes[k] == 0x2C || bytes[k] == 0x3A else { i += 1; continue }
                var depth = 1, j = i + 1
                while j < bytes.count && depth > 0 { if bytes[j] == 0x7B { depth += 1 } else if bytes[j] == 0x7D { depth -= 1 }; j += 1 }
                let name = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
                result.append(Placeholder(key: "{\(name)}", range: ByteRange(i, j)))
                i = j
            } else if b == 0x3C && tags {   // tags
                var k = i + 1
                let closing = k < bytes.count && bytes[k] == 0x2F
                if closing { k += 1 }
                let nameStart = k
                while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x3A || bytes[k] == 0x5F) { k += 1 }
                guard k > nameStart, CharacterClass.isASCIILetter(bytes[nameStart]) else { i += 1; continue }
                var j = k
                while j < bytes.count && bytes[j] != 0x3E && bytes[j] != 0x3C { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3E else { i += 1; continue }
                let name = String(decoding: bytes[nameStart..<k], as: UTF8.self).lowercased()
                let selfClosing = bytes[j - 1] == 0x2F
                result.append(Placeholder(key: closing ? "</\(name)>" : selfClosing ? "<\(name)/>" : "<\(name)>", range: ByteRange(i, j + 1)))
                i = j + 1
            } else {
                i += 1
            }
        }
        return result
    }
}
