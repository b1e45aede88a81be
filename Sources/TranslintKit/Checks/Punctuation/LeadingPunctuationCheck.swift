/// A paragraph or sentence that starts with stray punctuation.
public struct LeadingPunctuationCheck: Check {
    public static let description = CheckDescription(
        id: "leading-punctuation",
        name: "Leading punctuation",
        summary: "A paragraph or sentence that starts with stray punctuation (`, in fact` for `In fact`).",
        rationale: """
        Machine translation sometimes carries a comma or a semicolon from the end of one source sentence to the \
        start of the next. The fix removes the punctuation and the space after it and capitalizes the word \
        that then starts the sentence. Ellipses, dashes, bullets, quotes and brackets are left alone, and so \
        are names that start with a dot (`.bss`, `.gitlab-ci.yml`), reST fields and roles (`:orphan:`), and a \
        unit whose source starts with the same punctuation (a message fragment, `, clustered`), and a mark before a \
        label or a line of code, which is syntax (`; CHECK: mov r0`), and a comma or semicolon right after a closing \
        bracket, quote or markup, where the sentence goes on (`（在渲染时计算！），`, `[VALUES ...]; COMMANDS`). Removing a comma or a semicolon before a \
        word is safe; a full stop or a colon (a list bullet or a field, `. to wrap`) and a mark before `1.` or \
        `a)` (the line would become a list item) are weak evidence: info, with the fix only suggested. The capital is written in the same fix only \
        where sentence-case's fix would be safe.
        """,
        defaultSeverity: .warning,
        isFixable: true,
        mqmCategory: .linguisticConventions,
        mqmSeverity: .minor,
        nonTriggering: [
            CheckExample("Write \"auto name, ... ;\" to declare them."),
            CheckExample("React 将应用最少的必要操作（在渲染时计算！），以使得 DOM 与输出匹配。"),
            CheckExample("for VARNAME in [VALUES ...]; COMMANDS ...; end"),
            CheckExample("Types such as production, staging, etc.; Node.js makes no recommendation."),
            CheckExample("Semicolon on third level ‖ ; στο τρίτο επίπεδο"),
            CheckExample("Double ; in list of variables ‖ ; duplo na lista de variáveis"),
            CheckExample("In fact, prices rose."),
            CheckExample("- a bullet item"),
            CheckExample("... and then it rained."),
            CheckExample("“Quoted,” he said."),
            CheckExample("(Aside) text."),
            CheckExample(":"),                 // a string of punctuation (a separator in software strings) starts no sentence
            CheckExample("Separators: \n\n:?.!"),
            CheckExample("       .bss   This section holds uninitialized data."),
            CheckExample(" .gitlab-ci.yml | 2 +-"),
            CheckExample(":orphan:\n\n:tocdepth: 2"),
            CheckExample(", clustered ‖ , geclustert"),
            CheckExample(": doesn't want any addresses ‖ ：不需要任何地址"),
            CheckExample("  :http-equiv=refresh: 3; url=../installation/"),
            CheckExample("\t  ; CHECK-DAG: add [[REG1:r[0-9]+]], r1, r2"),
            CheckExample("\t  ; RUN: llvm-as < %s | llc -march=x86-64 | FileCheck %s"),
            CheckExample("\t  ; COM: FIXME: X64 isn't working correctly yet"),
            CheckExample(" on repetition %s ‖ ，在第 %s 次重复时"),
            CheckExample("could not get exit code from subprocess: error code %lu ‖ サブプロセスの終了コードを取得できませんでした。: エラーコード %lu"),
        ],
        triggering: [
            CheckExample("↓, in fact, to avoid repeating the mistakes."),
            CheckExample("It rained. ↓; then it stopped."),
            CheckExample("First.\n\n↓，然后下雨了。"),
        ],
        corrections: [
            CheckCorrection(", in fact, to avoid it.", "In fact, to avoid it."),
            CheckCorrection("It rained.\n\n;  Then it stopped.", "It rained.\n\nThen it stopped."),
            CheckCorrection(", 42 people came.", "42 people came."),
            CheckCorrection(", iPhone sales grew.", "iPhone sales grew."),
            CheckCorrection("Options.\n\n. to wrap lines, press Enter.", "Options.\n\nTo wrap lines, press Enter.", suggested: true),
            CheckCorrection("Steps.\n\n; 1. open the file.", "Steps.\n\n1. open the file.", suggested: true),
            CheckCorrection("The zone file:\n\n  ; SOA and NS records.", "The zone file:\n\n  SOA and NS records.", suggested: true),
        ]
    )

    /// Punctuation that cannot start a sentence.
    static let stray: Set<UInt32> = [0x2C, 0x3B, 0x3A, 0x2E, 0xFF0C, 0xFF1B, 0xFF1A, 0x3001, 0x3002]

    public init() {}

    /// Whether `source` starts (past white space) with punctuation this check calls stray.
    static func startsWithStray(_ source: String) -> Bool {
        guard let first = source.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return stray.contains(first.value)
    }

    public func check(_ context: LintContext) -> [Finding] {
        context.sentenceStarts.compactMap { start in
            let text = context.text
            var end = start.offset
            while end < text.count {
                let (scalar, length) = UTF8Bytes.decode(text, at: end)
                guard Self.stray.contains(scalar) else { break }
                end += length
            }
            guard end > start.offset else { return nil }
            // "..." is an ellipsis, not a stray full stop.
            if text[start.offset] == 0x2E && end - start.offset > 1 { return nil }
            // `.bss`, `.gitlab-ci.yml`: a dot glued to what follows starts a name; `:orphan:`, `:'a,'z!xxd`: a colon
            // glued to what follows is a field, a role or a command. Stray punctuation stands apart: `, in fact`.
            if end < text.count && (text[start.offset] == 0x2E || text[start.offset] == 0x3A)
                && !SentenceStarts.isSpaceByte(text[end]) && text[end] != 0x0A { return nil }
            // With a source: only the start of a unit is compared, with the source's own start. A source that starts
            // with the same punctuation (`, clustered` → `, geclustert`) or inside a sentence (` on repetition %s`)
            // is a fragment the translation follows.
            if !context.sources.isEmpty {
                guard start.isParagraphStart, let source = context.sources[start.offset] else { return nil }
                if Self.startsWithStray(source) || LetterCase(firstLetterOf: source) == .lower { return nil }
            }
            let punctuation = context.string(ByteRange(start.offset, end))
            // After an ellipsis (`"auto name, ... ;"`) or an abbreviation (`etc.; Node.js`), no sentence ended.
            if Self.followsEllipsisOrAbbreviation(start.offset, text) { return nil }
            // A comma or semicolon right after a closing bracket or quote, or after markup (`（在渲染时计算！），`,
            // `**对于重渲染**，`, `[VALUES ...]; COMMANDS`): the terminal was inside the brackets, the sentence goes on.
            if text[start.offset] != 0x2E, Self.followsClosing(start.offset, context) { return nil }
            // The mark is what the message is about (`Double ; in list` → `; duplo na lista`): the source names it
            // standing alone.
            if !context.sources.isEmpty, let source = context.sources[start.offset] {
                let mark = punctuation.trimmingCharacters(in: .whitespacesAndNewlinesASCII)
                if !mark.isEmpty && (source.contains(" " + mark + " ") || source.contains("'" + mark + "'") || source.contains("\"" + mark + "\"")) { return nil }
                // Or by its name (`Semicolon on third level` → `; στο τρίτο επίπεδο`, a key).
                if let name = Self.markNames[mark], source.lowercased().contains(name) { return nil }
            }
            var next = end
            while next < text.count && (text[next] == 0x20 || text[next] == 0x09) { next += 1 }
            if next < text.count, text[next] >= 0x80, case let (scalar, length) = UTF8Bytes.decode(text, at: next), scalar == 0x3000 {
                next += length
            }
            // Only before a word: punctuation alone (":" or ":?.!" in software strings) starts no sentence.
            guard next < text.count, CharacterClass.isAlnum(UTF8Bytes.decode(text, at: next).scalar)
                    || CharacterClass.isOpening(UTF8Bytes.decode(text, at: next).scalar) else { return nil }
            // Before code, a mark is syntax: an assembly or LLVM comment (`; CHECK: mov r0`, `; RUN: llc %s`), a
            // shell command: a label or a line of code follows, not prose.
            let token = ProseStart.token(at: next, in: text)
            if ProseStart.isStructuredLine(context.line(containing: next), token: token, context: context) {
                return nil
            }
            var edit = TextEdit(range: ByteRange(start.offset, next), replacement: "")
            // The word that then starts the sentence is capitalized in the same fix when that is safe (see
            // `ProseStart.unsafeReason`); otherwise only the mark goes, and sentence-case suggests the capital.
            if next < text.count, let capital = SentenceCasing.capitalization(ofWordAt: next, context: context),
               ProseStart.unsafeReason(of: start, word: next, context: context) == nil {
                edit = TextEdit(range: ByteRange(start.offset, capital.range.end), replacement: capital.replacement)
            }
            var finding = Finding.strayPunctuation(punctuation, edit: edit)
            if let reason = Self.unsafeReason(punctuation: punctuation, after: next, context: context)
                ?? Self.commentReason(start.offset, text) {
                finding.fix = finding.fix?.suggested(reason)
                finding.severity = .info   // weak evidence
            }
            return finding
        }
    }
}

extension LeadingPunctuationCheck {
    /// What a source calls the marks when it names them.
    static let markNames: [String: String] = [";": "semicolon", ",": "comma", ":": "colon", ".": "period"]

    /// Whether what comes before `offset` on its line (spaces skipped) is a closing bracket or quote, or masked markup.
    static func followsClosing(_ offset: Int, _ context: LintContext) -> Bool {
        let text = context.text
        var k = offset
        // Markup masked as blanks counts as markup too (a link's destination: `[Fixed a bug.](url), and [..]`),
        // when something comes before it on the line: a list marker or a heading's `#` alone is no markup before.
        var sawMasked = false
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) {
            if context.isMasked(k - 1) { sawMasked = true }
            k -= 1
        }
        guard k > 0, text[k - 1] != 0x0A else { return false }
        if sawMasked || context.isMasked(k - 1) { return true }
        let scalar = UTF8Bytes.decode(text, before: k).scalar
        return [0x29, 0x5D, 0x7D, 0x22, 0x27, 0x2A, 0xFF09, 0x300D, 0x300F, 0x201D, 0x2019, 0xFF3D, 0x3011].contains(scalar)
    }

    /// Whether the text before `offset` (on its line, blanks skipped) ends with `...`, `…` or an abbreviation.
    static func followsEllipsisOrAbbreviation(_ offset: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = offset
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
        guard k > 0 else { return false }
        if k >= 3 && text[k - 1] == 0x2E && text[k - 2] == 0x2E && text[k - 3] == 0x2E { return true }
        if k >= 3 && text[k - 3] == 0xE2 && text[k - 2] == 0x80 && text[k - 1] == 0xA6 { return true }
        guard text[k - 1] == 0x2E else { return false }
        var w = k - 1
        while w > 0 && w > k - 8 && (CharacterClass.isASCIILetter(text[w - 1]) || text[w - 1] == 0x2E) { w -= 1 }
        guard w < k - 1, w == 0 || !CharacterClass.isASCIIAlnum(text[w - 1]) else { return false }
        return SentenceStarts.abbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: text[w..<(k - 1)]), as: UTF8.self).lowercased())
    }

    /// A `;` that begins an indented line is a comment in an example of configuration or assembly
    /// (`  ; SOA and NS records.`): weak evidence of a stray mark.
    static func commentReason(_ offset: Int, _ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text[offset] == 0x3B else { return nil }
        var k = offset
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
        return k < offset && (k == 0 || text[k - 1] == 0x0A) ? "a ';' that begins an indented line may start a comment" : nil
    }

    /// Why removing `punctuation` is only a suggestion, or nil when it is safe: a comma or a semicolon before a word
    /// is safe; a full stop or a colon at a line start may be a list bullet or a field (`. to wrap`), and removing
    /// anything before `1.` or `a)` would turn the line into a list item.
    static func unsafeReason(punctuation: String, after next: Int, context: LintContext) -> String? {
        let text = context.text
        var k = next
        while k < text.count && CharacterClass.isASCIIAlnum(text[k]) && k - next < 4 { k += 1 }
        if k > next, k < text.count, text[k] == 0x2E || text[k] == 0x29, k + 1 >= text.count || SentenceStarts.isSpaceByte(text[k + 1]) || text[k + 1] == 0x0A {
            return "removing it would start a numbered list"
        }
        if punctuation.unicodeScalars.contains(where: { $0.value == 0x2E || $0.value == 0x3A || $0.value == 0x3002 || $0.value == 0xFF1A }) {
            return "a full stop or a colon at the start of a line may be a list bullet or a field"
        }
        return nil
    }
}

extension Finding {
    fileprivate static func strayPunctuation(_ punctuation: String, edit: TextEdit) -> Finding {
        Finding(rule: LeadingPunctuationCheck.description.id, severity: LeadingPunctuationCheck.description.defaultSeverity,
                message: "remove the stray '\(punctuation)' at the start of the sentence",
                range: edit.range, fix: Fix(title: "Remove '\(punctuation)'", edits: [edit]))
    }
}
