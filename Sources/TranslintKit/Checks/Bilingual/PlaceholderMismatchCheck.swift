/// Placeholders and markup of the source that the translation lost, added or changed.
public struct PlaceholderMismatchCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "placeholder-mismatch",
        name: "Placeholder mismatch",
        summary: "A placeholder or tag of the source is missing from the translation, or appears a different number of times.",
        rationale: """
        Placeholders are code: a lost `%s` crashes a printf, a lost `</b>` breaks the page. Compared as multisets: \
        printf conversions (`%s`, `%1$d`, `%@`, `%(name)s`; `%%` is a literal percent), braces (`{0}`, `{name}`, \
        `{count, plural, …}` by its name; `{{ limit }}` as written, spaces included, since Symfony replaces the exact \
        string), and XML/HTML tags by name and kind (`<b>`, `</b>`, `<br/>`). The \
        translation may reorder them, may use a named placeholder (`{name}`, `{{ limit }}`, `%(name)s`) more or \
        fewer times than the source (once for both forms of a Symfony plural `…choice.|…choices.`), and may number printf conversions where the source does not (`%s … %s` \
        against `%2$s … %1$s`, as gettext allows). In formats without markup (PO), `<file>` or `<name>` in usage \
        text is a metavariable, not a tag: an opening tag counts when it is HTML, has attributes or is closed in \
        the same message. PO entries say what their placeholders are (`#, c-format`): printf directives then \
        compare by the argument they take, as `msgfmt --check-format` does (`%06lX` and `%06lx`, `%.255s` and \
        `%.250s`, glibc's `%Zu` and `%zu` agree; `%m` takes no argument; in `tcl-format`, `%4$*i` takes its width \
        from argument 4 and its value from 5, as Tcl's `format` does); a numbered argument may be used twice; \
        braces are placeholders only in brace formats (`python-brace-format`, `java-format`…); and a plural form \
        that stands for one number may leave the count out, as msgfmt decides it from the header's `Plural-Forms` \
        formula (English's singular; Romanian's form for 2; not Russian's form for 1, 21, 31…). A date format (`%Y-%m-%d %H:%M`) is strftime's, which each \
        locale writes its own way, and is not compared; in PO, \
        an opening tag the source never closes is a metavariable (`<mark>`, translated `<標記>`, or `<a>` for \
        `<to>`). Placeholders inside a tag's attributes count (`<a href="%s">`). C's space flag (`和% s`, `% 08lx`), \
        which msgfmt accepts but some printf implementations print as nothing, is a warning of its own, and a directive the translation copied from the source's words \
        (`%-e` of `Invalid %-encoding`) is text. A difference only in line breaks (`<br/>`) is layout: info; so is \
        styling the translation adds in balanced pairs (`<b>/usr/lib</b>` where the source has no `<b>`), while a \
        style tag the translation drops is still an error. Messages \
        of binutils' own printf (`%P`, `%T`, `%pB`) read its conversions: `%F`, `%X`, `%E` and `%P` take no argument \
        and count by presence (a lost `%X` no longer fails the link; a second `%F` changes nothing). A column header of a `%` and a word (`%time`) whose translation writes the sign \
        alone is info. A capital and more capitals is a name (`%TRUE` in gtk-doc, `%EXP_RAT%`), unless reading it as a \
        directive is what makes the two sides agree (ld's `%XUnsupported` as `%XPEI-…`), and a \
        percentage the translation writes its own way is text (`%100a`, Basque's sign first; `Use%` as `%uż.`). URL \
        percent-encoding is not a directive: a `%` and two hex digits in a URL (`://`, `www.`) or encoding UTF-8 \
        (`Moyenne_arithm%C3%A9tique`). Flag only.
        """,
        defaultSeverity: .error,
        isFixable: false,
        mqmCategory: .localeConventions,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("Hello, %(name)s! You have %d messages. ‖ 你好，%(name)s！你有 %d 条消息。"),
            CheckExample("Delete {0} of {1}? ‖ 删除 {1} 中的 {0}？"),
            CheckExample("%XUnsupported PEI architecture: %s ‖ %XPEI-arkitekturen understøttes ikke: %s"),
            CheckExample("<b>Warning:</b> 100%% sure ‖ <b>警告：</b>100%% 确定"),
            CheckExample("%1$s 删除了 %2$s ‖ %2$s was deleted by %1$s"),
            CheckExample("Malformed line %u in source list %s (type) ‖ 來源列表 %2$s 中的第 %1$u 行的格式錯誤（類型）"),
            CheckExample("git remote set-url [--push] <name> <newurl> [<oldurl>] ‖ git remote set-url [--push] <名稱> <新的位址> [<舊的位址>]"),
            CheckExample("Usage: %s [<option>...] <file>... ‖ 用法：%s [<选项>...] <文件>..."),
            CheckExample("<string index too big> ‖ <字符串索引太大>"),
            CheckExample("overflow in %<PRIdMAX> * %<PRIdPTR> byte blocks for file %s ‖ 在 %3$s 檔案的 %1$<PRIdMAX> * %2$<PRIdPTR> 位元組塊中溢位"),
            CheckExample("%.1f%% done ‖ 已完成 %.1lf%%"),
            CheckExample("Click <a href=\"x\">here</a>. ‖ 点击<a href=\"x\">这里</a>。"),
            CheckExample("%a %d %b %Y, %H:%M ‖ %Y年%m月%d日 %H:%M"),
            CheckExample("%sKey agreement. ‖ %sУзгодження ключів."),
            CheckExample("%lih %limin %lis ‖ %li시간 %li분 %li초"),
            CheckExample("Invalid %-encoding in URI ‖ URI 中的 %-编码无效"),
            CheckExample("%lu files ‖ %'lu 个文件"),
            CheckExample("Commit %s: %.*s ‖ 提交：%3$.*2$s（%1$s）"),
            CheckExample("Invalid %-encoding in URI ‖ codificación %-e no válida en el URI"),
            CheckExample("cannot get tag of DIE at offset [%<PRIx64>] ‖ не вдалося отримати мітку DIE за зміщенням [%<PRIu64>]"),
            CheckExample("<alias value='%s'/> given when “%s” is already a member ‖ “%2$s” zaten bir üyesiyken <alias value='%1$s'/> verildi"),
            CheckExample("%F%P: could not create dummy IR bfd: %E ‖ %F%P: no se puede crear el bdf IR dummy: %F%E"),   // ld's own flags
            CheckExample("%T: discarded in section `%s' from %s ‖ %1$T: %3$s `%2$s' bölümünde atıldı"),
            CheckExample("  -w, --width=WIDTH   maximum line width (default of 75 columns); goal is 93% of width ‖ -w, --width=SZÉLESSÉG   legfeljebb 75 oszlop; a cél a szélesség 93%-a"),
            CheckExample("Scale the text to 100% of its size ‖ Eskalatu testua bere tamainaren %100ean"),
            CheckExample("Whether to use %TRUE for the column ‖ Indica se usar %VERDADEIRO para a coluna"),
            CheckExample("Use% ‖ %uż."),
            // URL percent-encoding is no directive: in a URL, or UTF-8 bytes (`%C3%A9`).
            CheckExample("See `Salt <https://en.wikipedia.org/wiki/Salt_%28cryptography%29>`_. ‖ Voir `sel <https://fr.wikipedia.org/wiki/Salage_(cryptographie)>`_."),
            CheckExample("the `mean <https://en.wikipedia.org/wiki/Arithmetic_mean>`_ ‖ la `moyenne <https://fr.wikipedia.org/wiki/Moyenne_arithm%C3%A9tique>`_"),
            // A named placeholder may be said twice, or once for both forms of a Symfony plural.
            CheckExample("This value should be {{ limit }} or less. ‖ ဤတန်ဖိုးသည် {{ limit }} (သို့မဟုတ်) {{ limit }} ထက်နည်းသင့်သည်။"),
            CheckExample("You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices. ‖ 您至少必须选择 {{ limit }} 个选项。"),
        ],
        triggering: [
            CheckExample("Hello, %(name)s! ‖ ↓你好！"),
            CheckExample("Delete {0} files? ‖ 删除 ↓{1} 个文件？"),
            CheckExample("<b>Warning:</b> stop ‖ ↓<b>警告： 停止"),
            // Styling the translation adds in a balanced pair is reported, at info (a lost style tag is an error).
            CheckExample("Libraries in /usr/lib are used. ‖ 使用 ↓<b>/usr/lib</b> 中的库。"),
            CheckExample("Load symbol %s from %s ‖ 从 %2$s 加载符号 ↓%3$s"),
            CheckExample("Copy %s to %s ‖ ↓复制 %1$s 到 %1$s"),   // %2$s is missing; %1$s twice is allowed
            // Symfony replaces `{{ compared_value }}` as written: without its spaces it is printed as it stands.
            CheckExample("This value should be a multiple of {{ compared_value }}. ‖ Cette valeur doit être un multiple de ↓{{compared_value}}."),
            CheckExample("Size: %s ‖ ↓Größe: % d"),   // the space flag reads `% d`, not the source's `%s`
            CheckExample("no input file if %s and %s are given ‖ 若指定了 %s 和↓% s，則不需指定輸入檔案"),   // a warning
            CheckExample("Click <a href=\"%s\">here</a> ‖ ↓Klicken Sie <a href=\"x\">hier</a>"),   // the link lost its %s
            CheckExample("move $at to the stack ‖ flytta ↓%at till stacken"),   // a register, not a percentage
            CheckExample("%P: cannot open %s ‖ %P: ↓%d を開けません"),          // binutils' format, still printf's %s
            CheckExample("%X%B: undefined reference to `%T' ‖ ↓%B: udefineret reference til \"%T\""),   // %X, link failed, is lost
        ],
        corrections: []
    )

    /// Whether `text` is one `%` and a word, and nothing else (`%time`, `%cpu`, `%MEM`).
    static func isPercentLabel(_ text: String) -> Bool {
        let bytes = Array(text.trimmingCharacters(in: .whitespacesAndNewlinesASCII).utf8)
        return bytes.count >= 3 && bytes[0] == 0x25 && bytes.dropFirst().allSatisfy(CharacterClass.isASCIILetter)
    }

    /// PO format flags whose placeholders are braces.
    static let braceFormats: Set<String> = ["python-brace-format", "csharp-format", "java-format", "javascript-format", "kde-format", "rust-format"]

    /// Elements that never close.
    static let voidElements: Set<String> = ["<br>", "<hr>", "<img>", "<input>", "<wbr>", "<meta>", "<link>"]

    /// Tags that only break a line.
    static let lineBreaks: Set<String> = ["<br>", "<br/>"]

    /// `target` without the printf directives whose text the source holds as words, outside its own directives: a
    /// translation that copies `%-e` of `Invalid %-encoding` copies text, not an argument; so does `93%-a` (Hungarian's
    /// suffix on a percentage) for the source's `93%`, and `%100a` (Basque writes the sign first) for `100%`.
    static func withoutCopiedText(_ target: [Placeholders.Placeholder], in targetString: String, source: [Placeholders.Placeholder],
                                  sourceText: String) -> [Placeholders.Placeholder] {
        let targetBytes = Array(targetString.utf8), sourceBytes = Array(sourceText.utf8)
        let sourceKeys = Set(source.map(\.key))
        return target.filter { p in
            guard p.key.hasPrefix("%"), !sourceKeys.contains(p.key), p.range.end <= targetBytes.count else { return true }
            // A percentage the source writes as text (`93% of width`), with a suffix after its sign (`93%-a`).
            var d = p.range.start
            while d > 0 && targetBytes[d - 1] >= 0x30 && targetBytes[d - 1] <= 0x39 { d -= 1 }
            if d < p.range.start, ByteSearch.firstIndex(of: Array(targetBytes[d...p.range.start]), in: sourceBytes, from: 0) != nil { return false }
            // The sign before the number, as Basque and Turkish write it (`%100a` for the source's `100%`).
            var e = p.range.start + 1
            while e < targetBytes.count && targetBytes[e] >= 0x30 && targetBytes[e] <= 0x39 { e += 1 }
            if e > p.range.start + 1, !p.key.contains("$"), ByteSearch.firstIndex(of: Array(targetBytes[(p.range.start + 1)..<e]) + [0x25], in: sourceBytes, from: 0) != nil { return false }
            let text = Array(targetBytes[p.range.start..<p.range.end])
            var from = 0
            while let at = ByteSearch.firstIndex(of: text, in: sourceBytes, from: from) {
                if !source.contains(where: { $0.range.start <= at && at < $0.range.end }) { return false }
                from = at + 1
            }
            return true
        }
    }

    /// How many differing placeholders a message names; the rest are counted (`and 12 more`).
    static let keysListed = 8

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        var source: [Placeholders.Placeholder], target: [Placeholders.Placeholder]
        // binutils' directives without an argument on each side (`%F`, `%X`, `%E`, `%P`).
        var flags: (source: Set<String>, target: Set<String>) = ([], [])
        // binutils' own printf (ld's `%F%P: … %E`): its flags and the program's name take no argument.
        let binutils = context.markup == nil && Placeholders.isBinutilsFormat(context.source)
        if let markup = context.markup {
            // XLIFF: the inline elements are the tags; a `<` in the text is a character (written &lt; in the file).
            source = Placeholders.placeholders(in: context.sourceText, tags: false) + markup.source.compactMap { Placeholders.tag($0.0, range: $0.1) }
            target = Placeholders.placeholders(in: context.targetText, tags: false) + markup.target.compactMap { Placeholders.tag($0.0, range: $0.1) }
            target.sort { $0.range < $1.range }
        } else {
            // binutils' flags are compared by presence, not count (`%F%P: … %F%E` is still fatal), and take no
            // argument position.
            source = Placeholders.placeholders(in: context.source, binutils: binutils)
            target = Placeholders.placeholders(in: context.targetString, binutils: binutils)
            if binutils {
                flags = (Set(source.map(\.key).filter(Placeholders.takesNoArgumentInBinutils)),
                         Set(target.map(\.key).filter(Placeholders.takesNoArgumentInBinutils)))
                source.removeAll { Placeholders.takesNoArgumentInBinutils($0.key) }
                target.removeAll { Placeholders.takesNoArgumentInBinutils($0.key) }
            }
            // A column header that is a percent sign and a word (gprof's `%time`, top's `%cpu`) is no format: its
            // translation writes the `%` as a sign (`時間の割合(%)`).
            if source.count == 1, Self.isPercentLabel(context.sourceText),
               (target.isEmpty && context.targetText.contains("%")) || (target.count == 1 && Self.isPercentLabel(context.targetText)) {
                return [Finding(rule: Self.description.id, severity: .info,
                                message: "'\(context.sourceText)' reads as a column header, not a format; if it is one, the translation lost '\(source[0].key)'",
                                range: context.wholeTarget)]
            }
        }
        var result = Self.compare(source, target, sourceText: context.sourceText, context: context)
        if !result.differing.isEmpty, context.markup == nil {
            // C's space flag (`和% s`, `% 08lx`): msgfmt accepts it, but it is nearly always a misplaced space, and
            // some printf implementations (PostgreSQL's) print nothing for `% s`. Named as such, as a warning.
            let spaced = Placeholders.placeholders(in: context.targetString, spaceFlag: true)
            if spaced.count != target.count, Self.compare(source, spaced, sourceText: context.sourceText, context: context).differing.isEmpty {
                let plain = Set(target.map(\.range))
                guard let first = spaced.first(where: { !plain.contains($0.range) }) else { return [] }
                let written = String(decoding: Array(context.targetString.utf8)[first.range.start..<first.range.end], as: UTF8.self)
                return [Finding(rule: Self.description.id, severity: .warning,
                                message: "'\(written)' has C's space flag where the source has none: a misplaced space? (printf implementations differ on it)",
                                range: first.range)]
            }
            // A column header with a percent sign (df's `Use%` as `%uż.`): where the source has no placeholder but a
            // percent sign, a directive that goes on as a word is text (a register `$at` written `%at` is not).
            if source.isEmpty && context.sourceText.utf8.contains(0x25) {
                let bytes = Array(context.targetString.utf8)
                target.removeAll { p in
                    p.range.end < bytes.count && p.key.hasPrefix("%") && (CharacterClass.isASCIILetter(bytes[p.range.end])
                        || (bytes[p.range.end] >= 0xC0 && Placeholders.continuesAlphabeticWord(bytes.withUnsafeBufferPointer { UTF8Bytes.decode($0, at: p.range.end).scalar })))
                }
                result = Self.compare(source, target, sourceText: context.sourceText, context: context)
            }
            // ld's `%XUnsupported PEI architecture` as `%XPEI-arkitekturen`: a directive glued to a word in capitals
            // that reads as a name (`%TRUE`); it is the directive when that is what makes the two sides agree.
            var unnamed = Placeholders.placeholders(in: context.targetString, binutils: binutils, capitalNames: false)
            let unnamedFlags = binutils ? Set(unnamed.map(\.key).filter(Placeholders.takesNoArgumentInBinutils)) : []
            if binutils { unnamed.removeAll { Placeholders.takesNoArgumentInBinutils($0.key) } }
            if unnamed.count + unnamedFlags.count > target.count + flags.target.count, unnamedFlags == flags.source,
               Self.compare(source, unnamed, sourceText: context.sourceText, context: context).differing.isEmpty {
                return []
            }
            // A directive the translation copied from the source's words (`%-e` from `Invalid %-encoding`) is text.
            let copied = Self.withoutCopiedText(target, in: context.targetString, source: source, sourceText: context.source)
            if copied.count != target.count {
                target = copied
                result = Self.compare(source, target, sourceText: context.sourceText, context: context)
            }
        }
        for key in flags.source.symmetricDifference(flags.target) {
            result.differing.append(key)
            result.inSource[key] = flags.source.contains(key) ? 1 : 0
            result.inTarget[key] = flags.target.contains(key) ? 1 : 0
        }
        result.differing.sort()
        // The singular of a plural entry is checked as msgfmt checks it: against msgid_plural too, which its
        // placeholders may follow (`%d Datei` for `%d file`/`%d files` where the form is also used for 21).
        if !result.differing.isEmpty, context.pluralForm == 0, let plural = context.pluralSource {
            let againstPlural = Self.compare(Placeholders.placeholders(in: plural, binutils: Placeholders.isBinutilsFormat(plural)), target, sourceText: plural, context: context)
            if againstPlural.differing.isEmpty { return [] }
        }
        guard !result.differing.isEmpty else { return [] }
        let (differing, inSource, inTarget) = (result.differing, result.inSource, result.inTarget)
        var parts = differing.prefix(Self.keysListed).map { key -> String in
            let s = inSource[key] ?? 0, t = inTarget[key] ?? 0
            return "'\(key)' \(s) time\(s == 1 ? "" : "s") in the source, \(t) in the translation"
        }
        if differing.count > Self.keysListed { parts.append("and \(differing.count - Self.keysListed) more") }
        let extra = result.target.first { p in (inTarget[p.key] ?? 0) > (inSource[p.key] ?? 0) }
        result.target = []
        // A line break (`<br/>`) is layout: a translation may break its lines elsewhere, or not at all.
        let layoutOnly = differing.allSatisfy { Self.lineBreaks.contains($0) }
        // Styling the translation adds, in balanced pairs (`<b>/usr/lib</b>` where the source has none): the
        // translator's emphasis, which renders; a style tag lost is still an error.
        let styleAdded = differing.allSatisfy { key in
            guard let name = Self.styleTagName(key), (inTarget[key] ?? 0) > (inSource[key] ?? 0) else { return false }
            return (inTarget["<\(name)>"] ?? 0) - (inSource["<\(name)>"] ?? 0) == (inTarget["</\(name)>"] ?? 0) - (inSource["</\(name)>"] ?? 0)
        }
        return [Finding(rule: Self.description.id, severity: layoutOnly || styleAdded ? .info : Self.description.defaultSeverity,
                        message: "placeholders differ: " + parts.joined(separator: "; "), range: extra?.range ?? context.wholeTarget)]
    }

    /// `b` for `<b>` and `</b>`: tags that only style text (bold, italics, size, underline); nil for any other key.
    static func styleTagName(_ key: String) -> String? {
        guard key.hasPrefix("<"), key.hasSuffix(">") else { return nil }
        let name = key.dropFirst(key.hasPrefix("</") ? 2 : 1).dropLast()
        return styleTags.contains(String(name)) ? String(name) : nil
    }

    /// HTML and Pango styling, and the inline markup of Mallard and DocBook help (`<gui>×10y</gui>`, `<key>`,
    /// `<cmd>`, `<guilabel>`), which marks up a word without changing what it says.
    static let styleTags: Set<String> = ["b", "i", "u", "em", "strong", "small", "big", "tt", "s", "code", "kbd", "samp", "var",
                                         "gui", "guiseq", "key", "keyseq", "app", "cmd", "file", "sys", "input", "output",
                                         "emphasis", "literal", "filename", "command", "guilabel", "guibutton", "guimenu",
                                         "guimenuitem", "replaceable", "userinput", "application", "keycap", "keycombo"]

    struct Comparison {
        var differing: [String]
        var inSource: [String: Int]
        var inTarget: [String: Int]
        var target: [Placeholders.Placeholder]
    }

    /// The placeholders of one source and the target, compared as the unit's format says.
    static func compare(_ sourceFound: [Placeholders.Placeholder], _ targetFound: [Placeholders.Placeholder], sourceText: String,
                        context: BilingualContext) -> Comparison {
        var source = sourceFound, target = targetFound
        // PO says what its placeholders are: braces are placeholders only in formats that have them (a c-format
        // message may write `${SHELL}` for `$SHELL`, `{dis}able`).
        if let formats = context.formats, formats.isDisjoint(with: Self.braceFormats) {
            source.removeAll { $0.key.hasPrefix("{") }
            target.removeAll { $0.key.hasPrefix("{") }
        }
        // A date format (`%Y-%m-%d`, `%H:%M`) is strftime's, which each locale writes its own way.
        if Placeholders.isDateFormat(sourceText) && !(context.formats?.contains("c-format") ?? false) {
            source.removeAll { $0.key.hasPrefix("%") }
            target.removeAll { $0.key.hasPrefix("%") }
        }
        // PO has no markup of its own: an opening tag the source never closes (`<mark>`, `<file>`) is a
        // metavariable the translation may translate, and a translation may close what the source left open.
        if context.formats != nil {
            func unclosed(_ side: [Placeholders.Placeholder]) -> Set<String> {
                Set(side.filter { $0.key.hasPrefix("<") && !$0.key.hasPrefix("</") && !$0.key.hasSuffix("/>") }.map(\.key))
                    .filter { key in !side.contains { $0.key == "</" + key.dropFirst() } && !Self.voidElements.contains(key) }
            }
            // Each side's own metavariables (`<path>`, and the translation's `<Pfad>`), and the source's in the target.
            // (A translation's own unclosed HTML tag, `<b>` for `</b>`, is broken markup, not a metavariable; unless the
            // source has metavariables, the tag is bare and the source has none of its kind: git's `<from> <to>` in
            // Italian is `<da> <a>`.)
            let inSource = unclosed(source)
            func translatedMetavariable(_ key: String) -> Bool {
                !source.contains { $0.key == key } && Placeholders.hasMetavariable(sourceText)
                    && target.allSatisfy { $0.key != key || $0.range.end - $0.range.start == key.utf8.count }
            }
            let inTarget = unclosed(target).filter { !Placeholders.htmlElements.contains(String($0.dropFirst().dropLast())) || translatedMetavariable($0) }
            source.removeAll { inSource.contains($0.key) }
            target.removeAll { inTarget.contains($0.key) || inSource.contains($0.key) || ($0.key.hasPrefix("</") && inSource.contains("<" + $0.key.dropFirst(2))) }
        }
        // The singular of a plural entry is compared by position: msgfmt lets it drop trailing arguments only.
        let positional = Placeholders.isPositional(source) || Placeholders.isPositional(target) || context.pluralRelaxed
        if positional {
            let tcl = context.formats?.contains("tcl-format") ?? false
            source = Placeholders.positional(source, tcl: tcl)
            target = Placeholders.positional(target, tcl: tcl)
        }
        // printf directives compare by the argument they take, as msgfmt --check-format does: `%06lX` and `%lx`,
        // `%.255s` and `%.250s` are the same argument; `%m` takes none.
        source = source.compactMap { p in Placeholders.argumentKey(p.key).map { Placeholders.Placeholder(key: $0, range: p.range) } }
        target = target.compactMap { p in Placeholders.argumentKey(p.key).map { Placeholders.Placeholder(key: $0, range: p.range) } }
        // Counted once per side: a unit with thousands of placeholders (each its own key once made positional)
        // costs one pass, not one per key.
        var inSource: [String: Int] = [:], inTarget: [String: Int] = [:]
        for p in source { inSource[p.key, default: 0] += 1 }
        for p in target { inTarget[p.key, default: 0] += 1 }
        if positional {
            // Numbered arguments may be used more than once (`%1$s … %1$s`): what counts is which are used.
            for (key, _) in inSource where key.hasPrefix("%") { inSource[key] = 1 }
            for (key, _) in inTarget where key.hasPrefix("%") { inTarget[key] = 1 }
        }
        // So may named ones (`{name}`, `{0}`, `{{ limit }}`, `%(name)s`): each is replaced wherever it stands, so a
        // translation may say it twice (`{{ limit }} or less` as `{{ limit }} (or) below {{ limit }}`), or once for
        // the two forms of a Symfony plural (`{{ limit }} choice.|{{ limit }} choices.` in a language with one form).
        for (key, _) in inSource where key.hasPrefix("{") || key.hasPrefix("%(") { inSource[key] = 1 }
        for (key, _) in inTarget where key.hasPrefix("{") || key.hasPrefix("%(") { inTarget[key] = 1 }
        // A plural form for one number may leave the number out (`msgstr[0] "One file"` for `%d files`, `ein Byte`
        // for `%s bytes`, Romanian `două fișiere` for 2), as msgfmt allows for a form the header's formula uses for
        // fewer than 5 of the numbers 0-1000: arguments of the source missing from it are no mismatch, as long as
        // those it uses are the source's, in their places.
        if context.pluralRelaxed, inTarget.keys.allSatisfy({ !$0.hasPrefix("%") || inSource[$0] != nil }) {
            for (key, count) in inSource where key.hasPrefix("%") && inTarget[key] == nil { inTarget[key] = count }
        }
        let differing = Set(inSource.keys).union(inTarget.keys).filter { inSource[$0] != inTarget[$0] }.sorted()
        return Comparison(differing: differing, inSource: inSource, inTarget: inTarget, target: target)
    }
}
