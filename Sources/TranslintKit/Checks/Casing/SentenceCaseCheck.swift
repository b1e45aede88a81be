/// A sentence whose first word starts with a lowercase letter.
public struct SentenceCaseCheck: Check {
    public static let description = CheckDescription(
        id: "sentence-case",
        name: "Sentence case",
        summary: "A sentence that starts with a lowercase letter.",
        rationale: """
        Machine translation often drops the capital at a sentence start. Sentences start at paragraph starts, \
        at ICU sentence boundaries, and after `.`, `!` or `?` plus white space unless the full stop ends an \
        abbreviation (`e.g.`, `Mr.`, `Co., Ltd.`). The check looks past opening quotes and brackets and \
        upper-cases with the target language's rules. Not flagged: words with an inner capital or a digit \
        (`iPhone`, `x86`), glossary terms whose lowercase form is enforced, list enumerators (`a)`, `iv.`), \
        URLs and e-mail addresses, and a paragraph after one that ends with a colon. The fix is safe when the \
        unit's source starts with a capital, or in English prose when the word is a common word that is never a \
        command or a name (`the`, `we`, `yesterday`) outside list items, indented text and lines that go on from \
        the line before; otherwise the evidence is weak: the finding is info and its fix only suggested (applied \
        with `--unsafe-fixes`): `pip supports…` may name a command, `or both in parallel` after a list item goes \
        on from it, and so may a paragraph right after a code block or an indented example, and a Markdown line \
        that is all emphasis is a label (`**needs rebase or merge**`); so may a paragraph after a delimited listing \
        block (AsciiDoc's `----`) or under a one-line term that holds code or an option (`## CURLFORM_COPYNAME`, \
        `-f`): its description. Silent: a word set in emphasis alone that is not a common word (`*part* is the \
        handle`, a parameter), a one-word line in a list of links, a comma point without a sibling point (`0, \
        do not send`). An ambiguous glossary rendering at a sentence start (`millet is…`) is a lowercase start \
        too; an unambiguous one is the glossary's single finding. A paragraph with a line ending in `{`, `}` or \
        `;` is code, and so is a line that holds a call (`new stream.Readable([options])`). A Markdown heading that starts \
        in lowercase is weak evidence (a heading names a keyword or quotes a message as often as it is a sentence) \
        unless it starts with an article or a pronoun, and silent in a document whose headings mostly start in \
        lowercase; so is a conjunction after a quoted sentence's full stop (`"LGTM." or "Thanks."`). A letter whose title \
        case is itself needs no capital: Georgian has no sentence case.
        """,
        defaultSeverity: .warning,
        isFixable: true,
        mqmCategory: .linguisticConventions,
        mqmSeverity: .minor,
        nonTriggering: [
            CheckExample("In Proc. Intl. Conf. on Acoustics, 1989."),
            CheckExample("- output autoconf req. on failure"),
            CheckExample("პაროლი შეიცვალა. ახალი პაროლი მუშაობს."),   // Georgian has no sentence case
            CheckExample("2017/08/07: fix: invalid impl. for reluctant repetition"),
            CheckExample("The {n,m}+ and {n,m}? are possessive and reluctant range operators."),
            CheckExample("Match a{2,}? lazily."),
            CheckExample("Prices rose. They fell again."),
            CheckExample("iPhone sales grew. eBay did not."),
            CheckExample("x86 chips are common."),
            CheckExample("See e.g. the report. Mr. smith agreed."),
            CheckExample("Alibaba Co., Ltd. said so."),
            CheckExample("a) first item\n\nb) second item"),
            CheckExample("iv. the fourth point"),
            CheckExample("1, foo, bar, baz"),
            CheckExample("cd $HOME and run the installer from there."),
            CheckExample("#include <iostream>\n\nclass Test\n{\n  int value;\n};"),
            CheckExample("Set the mode to: \"auto\" for most users."),
            CheckExample("The steps are as follows:\n\nfirst, open the file."),
            CheckExample("http://example.com is the site."),
            CheckExample("npm is a package manager."),
            CheckExample("He asked “why?” and left."),
            CheckExample("Wait... then it rained."),
            // Real text that starts lines in lowercase on purpose (one example per pattern found on real files):
            CheckExample("invalid argument ‖ ungültiges Argument"),
            CheckExample("Run it:\n\ngit branch --list"),
            CheckExample("Continue? (y/N)"),
            CheckExample("pg_control is missing or damaged."),
            CheckExample("       pvid   the vlan specified is to be considered a PVID at ingress."),
            CheckExample("curl (7.88.1-4) unstable; urgency=medium"),
            CheckExample("* [mscdex](https://github.com/mscdex) - ssh2 and busboy"),
            CheckExample("\t* src/main.c (main): free the buffer on error."),
            CheckExample("systemd will create the directory at boot.\n\nSee systemd(1) for details."),
            CheckExample("       ar creates, modifies and extracts from archives.\n\nAR(1)"),
            CheckExample("  * Fix the build on arm64.\n    (closes: #1034567)"),
            CheckExample("util-linux 2.38.1\t\t  2022-05-11\t\t\t    ADDPART(8)"),
            CheckExample("commit e7a9b0302f7cb84015e8f612e5b65694d785b2d8"),
            CheckExample("See the options, eg. loading from and saving values to files."),
            CheckExample("    config: remove unrequired AC_HEADER_STDC"),
            CheckExample("       tabs 1,6,11,16,21\n\n       which is equivalent to the example above."),
            CheckExample("The templates:\n\n[en](#en) •\n[ar](#ar) •\n[bg](#bg)"),
            CheckExample("# DEFAULT\n\n0, do not send any header"),
            CheckExample("# DEFAULT\n\n1, meaning the server checks the peer and the host name"),
        ],
        triggering: [
            CheckExample("↓yesterday (July 31st), sources said so."),
            CheckExample("Prices grew. ↓the market fell."),
            CheckExample("“↓we also see that,” he said."),
            CheckExample("\"↓we also see that.\""),
            CheckExample("Really? ↓yes."),
            CheckExample("First line.\n\n↓second paragraph here."),
            CheckExample("He left. (↓then he came back.)"),
            CheckExample("价格上涨。↓prices rose."),
            CheckExample("1, ↓the platform cut its subsidies for drivers last week.\n2, ↓the rival kept its subsidies for drivers."),
            CheckExample("# source: https://example.com/a\n↓from 2007 the company sold phones online."),
            CheckExample("Barra said: “↓may take a long time, maybe 12 months.”"),
            CheckExample("Two rules differ.\n1, ↓the platform fines its riders for every late order.\n2, ↓the rival does not."),
            CheckExample("↓today, the starting price fell to $~20 per day, and drivers left."),
            CheckExample("It grew.\n\n↓both online and offline, the platforms compete for users, drivers and merchants, and caused problems:\n\nOne."),
        ],
        corrections: [
            CheckCorrection("yesterday (July 31st), sources said.", "Yesterday (July 31st), sources said."),
            CheckCorrection("Prices grew. the market fell.", "Prices grew. The market fell."),
            CheckCorrection("\"we also see that.\"", "\"We also see that.\""),
            CheckCorrection("It rained.\r\n\r\nthen it stopped.", "It rained.\r\n\r\nThen it stopped."),
            CheckCorrection("éclairs sold out.", "Éclairs sold out.", suggested: true),
            CheckCorrection("Prices grew. analysts agreed.", "Prices grew. Analysts agreed."),
            CheckCorrection("Install it first.\n\npip supports wheels.", "Install it first.\n\nPip supports wheels.", suggested: true),
            CheckCorrection("The old version, given\n      cat TESTFILE | (sed d; sed G)\n\nprinted nothing at all.",
                            "The old version, given\n      cat TESTFILE | (sed d; sed G)\n\nPrinted nothing at all.", suggested: true),
            CheckCorrection("List them with\n\n  update-java-alternatives --list\n\ntells about the runtimes.",
                            "List them with\n\n  update-java-alternatives --list\n\nTells about the runtimes.", suggested: true),
            CheckCorrection("Notes.\n\nadditional magic files\n----------------------\n", "Notes.\n\nAdditional magic files\n----------------------\n", suggested: true),
            CheckCorrection("It is done.\n\nold-style builds:\n\nRun make.", "It is done.\n\nOld-style builds:\n\nRun make.", suggested: true),
            CheckCorrection("It makes sbc. (for Standard BC)", "It makes sbc. (For Standard BC)", suggested: true),
            CheckCorrection("Bits:\n\nfeatures mask bit: CURL_VERSION_KERBEROS5\n\nsupports Kerberos V5 for FTP.",
                            "Bits:\n\nfeatures mask bit: CURL_VERSION_KERBEROS5\n\nSupports Kerberos V5 for FTP.", suggested: true),
            CheckCorrection("If there are conflicts,\n\n----\n$ git diff\n----\n\nwill show them.",
                            "If there are conflicts,\n\n----\n$ git diff\n----\n\nWill show them.", suggested: true),
            CheckCorrection("Delete {name}? this cannot be undone.", "Delete {name}? This cannot be undone."),
            CheckCorrection("Prices fell. reporters asked why.", "Prices fell. Reporters asked why."),
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.sentenceStarts.compactMap { start in
            guard let word = start.wordStart, !start.followsColon,
                  let edit = SentenceCasing.capitalization(ofWordAt: word, context: context),
                  let severity = ProseStart.severity(of: start, word: word, context: context) else { return nil }
            var finding = Finding.lowercaseStart(word: context.string(context.word(at: word)), edit: edit)
            finding.severity = min(finding.severity, severity)
            // Weak evidence (the word may be a name, the line a list item or a continuation): reported at info,
            // with the fix only suggested.
            if let reason = ProseStart.unsafeReason(of: start, word: word, context: context) ?? Self.afterLeadingMark(word, context: context) {
                finding.fix = finding.fix?.suggested(reason)
                finding.severity = .info
            }
            return finding
        }
    }
}

extension SentenceCaseCheck {
    /// `. to wrap`, `; 1. open`: a word that only marks precede on its line may follow a list bullet, so its capital
    /// is a suggestion (leading-punctuation fixes the mark, and the capital with it where that is safe).
    static func afterLeadingMark(_ word: Int, context: LintContext) -> String? {
        let text = context.text
        let line = context.line(containing: word)
        var k = line.start, marks = 0
        while k < word {
            let b = text[k]
            if SentenceStarts.isSpaceByte(b) { k += 1; continue }
            // Bullets and stray marks; an opening quote or bracket starts a sentence as well as a word does.
            guard ByteSet.bulletMarks.contains(b) else { return nil }
            marks += 1
            k += 1
        }
        return marks > 0 && !context.isMasked(line.start) ? "the word follows a mark at the start of its line, which may be a list bullet" : nil
    }
}

/// Whether and how the first word of a sentence must be capitalized; shared by the checks that start sentences.
enum SentenceCasing {
    /// The edit that capitalizes the word at `offset`, or nil when it is fine as it is or must stay as written.
    static func capitalization(ofWordAt offset: Int, context: LintContext) -> TextEdit? {
        let (first, firstLength) = UTF8Bytes.decode(context.text, at: offset)
        guard CharacterClass.isLowercase(first) else { return nil }
        // Georgian Mkhedruli is lowercase to Unicode, but its titlecase is itself: Georgian writes no capital at a
        // sentence start (its capitals, Mtavruli, are for all-caps titles).
        if let scalar = Unicode.Scalar(first), scalar.properties.titlecaseMapping == String(scalar) { return nil }
        let word = context.word(at: offset)
        let letters = context.string(word).unicodeScalars
        // iPhone, eBay, x86: the lowercase start is part of the name.
        if letters.dropFirst().contains(where: { CharacterClass.isUppercase($0.value) || CharacterClass.isDigit($0.value) }) { return nil }
        if isEnumerator(word, context: context) { return nil }
        if context.isInLink(ByteRange(offset, max(word.end, offset + 1))) { return nil }
        if let match = context.termMatch(startingAt: offset) {
            // The glossary checks own this word: a forbidden rendering is replaced (capitalized there), and an
            // entry with enforced case says how the term is written. An ambiguous rendering is replaced only on
            // evidence (`millet is a grain.` stays), so its lowercase start is an error of its own.
            let entry = context.glossary.entries[match.entry]
            switch match.role {
            case let .forbidden(k): if !entry.isAmbiguous(k) && entry.fixesSafely(k) { return nil }
            case .target: if entry.enforcesCase { return nil }
            }
        }
        let firstText = String(decoding: UnsafeBufferPointer(rebasing: context.text[offset..<offset + firstLength]), as: UTF8.self)
        return TextEdit(range: ByteRange(offset, offset + firstLength),
                        replacement: CaseMapping.capitalizingFirst(firstText, locale: context.locale))
    }

    /// `a)`, `(b)`, `iv.`: a list enumerator rather than a word.
    private static func isEnumerator(_ word: ByteRange, context: LintContext) -> Bool {
        guard word.end < context.text.count else { return false }
        let next = context.text[word.end]
        guard next == 0x29 || next == 0x2E else { return false }
        return SentenceStarts.isEnumerator(context.string(word))
    }
}

extension Finding {
    fileprivate static func lowercaseStart(word: String, edit: TextEdit) -> Finding {
        let capitalized = edit.replacement + String(word.unicodeScalars.dropFirst())
        return Finding(rule: SentenceCaseCheck.description.id, severity: SentenceCaseCheck.description.defaultSeverity,
                       message: "start the sentence with a capital letter: '\(capitalized)'",
                       range: edit.range, fix: Fix(title: "Capitalize '\(word)'", edits: [edit]))
    }
}

/// Whether a lowercase sentence start is a machine-translation error, on the evidence the text (and its source)
/// gives. Real documentation starts many lines in lowercase that are not sentences: definition-list terms and
/// options, synopses and command lines, code and configuration, changelog headers, man page headers and footers,
/// table cells, `label: text` items, and sentences that start with a command name (`systemd will create…`).
/// Those stay silent; what is left is prose, where a lowercase start is what machine translation gets wrong.
enum ProseStart {
    /// The severity to report with (the rule's, or `info` where the evidence is weak), or nil for silence.
    static func severity(of start: SentenceStart, word: Int, context: LintContext) -> Severity? {
        let text = context.text
        // A language written without case (Chinese, Japanese, Korean, Thai) starts no sentence with a Latin
        // letter: a lowercase Latin word there is a command or a name (`apt-cache 可以查询…`).
        if ["zh", "ja", "ko", "th", "lo", "km", "my"].contains(Glossary.baseLanguage(context.locale)) { return nil }
        let token = Self.token(at: word, in: text)
        if token.length >= Self.longestToken || isIdentifier(token, in: text) { return nil }
        if context.cellStarts.contains(start.offset) { return nil }
        let wordText = context.string(context.word(at: word))
        // `Proceed (Y/n)? y`: a single letter is an answer or a variable, not a word (but `a`, `i`).
        if wordText.unicodeScalars.count == 1 && wordText != "a" && wordText != "i" { return nil }
        // With a source that has case, the start of a unit or paragraph follows it: GNU messages start in
        // lowercase on purpose (`invalid argument` → `ungültiges Argument`).
        if start.isParagraphStart, let source = context.sourceCases[start.offset] {
            switch source {
            case .lower: return nil
            case .upper:
                // The source starts with a capital, the translation does not. In English that is an error; other
                // languages write labels and names in lowercase (French `marque-pages XBEL`), so there it is a hint
                // for a sentence and nothing for a label.
                if context.isEnglish { return .warning }
                return isSentence(start, context: context) ? .info : nil
            case .uncased: break
            }
        } else if context.hasCasedSource && !context.isEnglish {
            return nil   // inside a unit whose source has case: only the unit start is compared
        }
        // A quoted word alone (`"now" is an alias`) is a literal.
        if word > 0, CharacterClass.isOpening(UTF8Bytes.decode(text, before: word).scalar) {
            let after = context.word(at: word).end
            if after < text.count, CharacterClass.isClosing(UTF8Bytes.decode(text, at: after).scalar) { return nil }
        }
        // A word set in emphasis alone (`*part* is the handle`, `_clientp_`): the name of a parameter or a term, as
        // the document writes it; a common English word so set is still a start (`*this* is new`), weakly.
        let wordRange = context.word(at: word)
        if word > 0, context.isMasked(word - 1), wordRange.end < text.count, context.isMasked(wordRange.end),
           !(context.isEnglish && CommonWords.english.contains(wordText)) { return nil }
        // A document that writes its headings in lowercase (`### apps and favorites` over heroku's commands) does so
        // on purpose.
        if context.headingStarts.contains(start.offset) && context.writesHeadingsInLowercase { return nil }
        // The item after an enumerator (`iii. publicity rights`, `a) first`) may start in lowercase.
        if let before = SentenceStarts.previousToken(text, before: start.offset) {
            if SentenceStarts.isEnumeratorToken(before) { return nil }
            // `1, the United States…`: a point numbered the Chinese way; `1, foo, bar` is a row of values.
            if SentenceStarts.isCommaEnumeratorToken(before) {
                // Points are numbered from 1, and have siblings (`1, …` then `2, …`): `0, do not send` and a lone
                // `1, meaning enabled` are a value and what it means.
                guard context.isEnglish, before.first != "0", CommonWords.safeStarts.contains(wordText), wordCount(in: paragraph(of: start, context: context), text: text, limit: 6) >= 6,
                      !isStructuredLine(context.line(containing: word), token: Self.token(at: word, in: text), context: context),
                      Self.hasSiblingPoint(before, near: start.offset, context: context) else { return nil }
                return .warning
            }
        }
        let line = context.line(containing: word)
        var indent = line.start
        while indent < line.end && (text[indent] == 0x20 || text[indent] == 0x09) { indent += 1 }
        let firstOnLine = indent == start.offset
        if firstOnLine || start.isParagraphStart {
            if isStructuredLine(line, token: token, context: context) { return nil }
            let paragraph = paragraph(of: start, context: context)
            if wordCount(in: paragraph, text: text) < 3 { return nil }
            // A line of one word and no sentence end in a paragraph of several lines (`[en](#en) •` in a list of
            // links, a label over its value): an entry of a list, not a sentence.
            if paragraph.end > line.end + 1, letterWordCount(in: line, context: context, limit: 2) < 2,
               !(line.start..<line.end).contains(where: { ByteSet.sentenceEnds.contains(text[$0]) }) { return nil }
            if start.isParagraphStart && isCode(paragraph, context: context) { return nil }
            // A line followed by a more indented one is a term and its definition (`maint packet`, `--umask=umask`).
            if isTerm(line, indent: indent - line.start, context: context) { return nil }
            // A list item is a label or a changelog entry in the author's style (`* config now recognises…`,
            // `* [child process stdin][]`) unless it starts with a word that is never a name.
            // The item's text starts on this line, before or at the sentence (after markup such as `[`).
            let isListItem = !context.listItemStarts.isEmpty && (line.start...start.offset).contains { context.listItemStarts.contains($0) }
            if (isListItem || isBullet(line, context: context))
                && !(context.isEnglish && CommonWords.english.contains(wordText)) { return nil }
            // A paragraph that goes on with a conjunction or a relative after one that did not end (an example or
            // a command between the two halves of a sentence: `tabs 1,6,11` / `which is equivalent…`); indented,
            // with any word (`       should give you access to the complete manual.`).
            let indented = indent > line.start && !context.blockStarts.contains(start.offset)
                && (line.start..<indent).contains { !context.isMasked($0) }
            if start.isParagraphStart, !context.blockStarts.contains(start.offset), CommonWords.continuations.contains(wordText) || indented,
               let current = context.paragraphIndex(atOrBefore: start.offset), current > 0,
               case let previous = context.paragraphs[current - 1],
               let last = SentenceStarts.lastNonSpace(text, before: previous.end), !ByteSet.sentenceEnds.contains(last),
               !(last >= 0x80) { return nil }
            // Indented text is prose in a manual page and also a definition, an example or a continuation; only a
            // word that is never a name counts there.
            if indented && !(context.isEnglish && CommonWords.english.contains(wordText)) { return nil }
        }
        if !(context.isEnglish && CommonWords.english.contains(wordText)) ? context.isName(wordText) : context.isManualPage(wordText) { return nil }
        if !firstOnLine && !start.isParagraphStart {
            // After a terminal and a tab (`resources are merged.\t run-parts is used`): columns of a manual page.
            var k = start.offset
            while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
            if (k..<start.offset).contains(where: { text[$0] == 0x09 }) { return nil }
            // Inside a paragraph, a word the document writes again, in lowercase or at a sentence start, and never
            // capitalizes inside a sentence is a name (`debuginfod is packaged`), unless it is a common word.
            if !(context.isEnglish && CommonWords.english.contains(wordText)) && context.isNeverCapitalized(wordText) { return nil }
        }
        return .warning
    }

    /// Why capitalizing the lowercase start at `word` is only a suggestion, or nil when the fix is safe. Safe: the
    /// unit's source starts with a capital, or in English prose a word that is never a name or a command
    /// (`CommonWords.safeStarts`) starts a sentence outside list items, indented text and lines that go on from
    /// the line before. Anything else may be a command or a package written in lowercase (`pip supports…`).
    static func unsafeReason(of start: SentenceStart, word: Int, context: LintContext) -> String? {
        if start.isParagraphStart, context.sourceCases[start.offset] == .upper { return nil }
        let wordText = context.string(context.word(at: word))
        guard context.isEnglish else { return "outside English, only a source that starts with a capital shows a sentence start" }
        guard CommonWords.safeStarts.contains(wordText.lowercased()) else { return "'\(wordText)' may be a name or a command written in lowercase" }
        let text = context.text
        let line = context.line(containing: word)
        if let reason = Self.headingOrAsideReason(start: word, line: line, context: context) { return reason }
        // `## default and compact`, `### cannot create directory`: a heading names a keyword or quotes a message as
        // often as it is a sentence.
        // An article or a pronoun (`# the Amoy report`) is no keyword.
        if context.headingStarts.contains(start.offset) && !Self.headingOpeners.contains(wordText.lowercased()) {
            return "a heading may start with a keyword, a command or a quoted message"
        }
        // `"LGTM." or "Thanks!"`: the full stop ended the quoted sentence; the sentence around it goes on with a
        // conjunction or a preposition (`"Done." this is new` is a sentence of its own).
        if !start.isParagraphStart, CommonWords.continuations.contains(wordText.lowercased()),
           Self.followsQuotedSentenceEnd(start.offset, context.text) {
            return "a sentence end inside quotes may end only the quotation"
        }
        var indent = line.start
        while indent < line.end && (text[indent] == 0x20 || text[indent] == 0x09) { indent += 1 }
        let isListItem = !context.listItemStarts.isEmpty && (line.start...start.offset).contains { context.listItemStarts.contains($0) }
        if isListItem || isBullet(line, context: context) { return "a list item may start in lowercase" }
        // Blanked markup (`>`, `#`) is no indentation.
        if indent > line.start && !context.blockStarts.contains(start.offset) && (line.start..<indent).contains(where: { !context.isMasked($0) }) {
            return "indented text may be a definition, an example or a continuation"
        }
        // `or both in parallel` after a list item or an example, `printed nothing` after a displayed command: the
        // sentence goes on from before it.
        if start.isParagraphStart, let current = context.paragraphIndex(atOrBefore: start.offset), current > 0 {
            let previous = context.paragraphs[current - 1]
            // A code block between the two (masked, so no paragraph of its own): the sentence may go on from it
            // (```` ```js … ``` ```` then `calls the following callbacks:`).
            let text = context.text
            // The block may be indented (a fence inside a list item).
            func startsItsLine(_ offset: Int) -> Bool {
                var k = offset
                while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
                return k == 0 || text[k - 1] == 0x0A
            }
            if context.maskedRanges(inside: ByteRange(previous.end, start.offset)).contains(where: { $0.length >= 3
                    && $0.start > 0 && startsItsLine($0.start) && ($0.end == text.count || text[$0.end] == 0x0A || text[$0.end] == 0x0D) }) {
                return "the paragraph may go on from the code before it"
            }
            // A one-line paragraph without a sentence end that holds code or an identifier (`*features* mask bit:
            // CURL_VERSION_KERBEROS5`): a term, and this paragraph its description (`supports Kerberos V5…`).
            if Self.isCodeLabel(previous, context) {
                return "the paragraph may describe the term before it"
            }
            // A delimited listing block in plain text (AsciiDoc's `----` lines around `$ git diff`): the sentence may
            // go on from it (`will show this.`).
            if Self.delimiterLines(in: previous, context) >= 2 {
                return "the paragraph may go on from the listing block before it"
            }
            // A displayed example (every line of the paragraph before is indented: `  update-java-alternatives
            // --list`, then `tells about…`): the sentence may go on from it, whatever its word.
            if Self.isWhollyIndented(previous, context) {
                return "the paragraph may go on from the indented example before it"
            }
            let first = context.line(containing: previous.start)
            let token = Self.token(at: SentenceStarts.skipSpace(text, from: first.start), in: text)
            if CommonWords.continuations.contains(wordText.lowercased()),
               text[first.start] == 0x20 || text[first.start] == 0x09 || isBullet(first, context: context)
                || isStructuredLine(first, token: token, context: context) {
                return "the paragraph may go on from the list item or example before it"
            }
            // A paragraph whose last line is indented deeper than its first ends with an example.
            var lastEnd = previous.end
            while lastEnd > previous.start && (text[lastEnd - 1] == 0x0A || text[lastEnd - 1] == 0x0D || text[lastEnd - 1] == 0x20) { lastEnd -= 1 }
            let last = context.line(containing: max(previous.start, lastEnd - 1))
            func indent(_ line: ByteRange) -> Int {
                var k = line.start
                while k < line.end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
                return k - line.start
            }
            if last.start > first.start && indent(last) > indent(first) + 1 {
                return "the paragraph may go on from the example before it"
            }
        }
        if indent == start.offset && !start.isParagraphStart && !context.blockStarts.contains(start.offset) && line.start > 0,
           let last = SentenceStarts.lastNonSpace(text, before: line.start - 1), !ByteSet.sentenceEnds.contains(last) {
            return "the line may go on from the line before"
        }
        return nil
    }

    /// The run of characters from `offset` to the next white space.
    /// At most `longestToken` bytes: many starts inside one run without white space (`a。b。c。…`) read only as far.
    static func token(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> ByteRange {
        var end = offset
        let limit = min(text.count, offset + longestToken)
        while end < limit && !SentenceStarts.isSpaceByte(text[end]) && text[end] != 0x0A { end += 1 }
        return ByteRange(offset, end)
    }

    /// Whether another point next to `token` starts a line near `offset` (`1,` → a line starting `2,`; `3,` → `2,`
    /// or `4,`), within `siblingWindow` bytes either side: points stand close, and the search stays bounded however
    /// many points a long file numbers.
    static func hasSiblingPoint(_ token: String, near offset: Int, context: LintContext) -> Bool {
        guard let n = Int(token.filter(\.isNumber)), let mark = token.last else { return false }
        let whole = context.text
        let low = max(0, offset - Self.siblingWindow)
        let text = UnsafeBufferPointer(rebasing: whole[low..<min(whole.count, offset + Self.siblingWindow)])
        for sibling in [n - 1, n + 1] where sibling >= 1 {
            let needle = Array("\(sibling)\(mark)".utf8)
            var from = 0
            while let k = ByteSearch.firstIndex(of: needle, in: text, from: from) {
                var j = k
                while j > 0 && (text[j - 1] == 0x20 || text[j - 1] == 0x09) { j -= 1 }
                if j == 0 ? (low == 0 || whole[low - 1] == 0x0A) : text[j - 1] == 0x0A { return true }
                from = k + 1
            }
        }
        return false
    }

    /// A paragraph of one line, with no sentence end, that holds masked text or an identifier (`CURL_VERSION_IDN`,
    /// `--verbose`, `*features* mask bit:`): a term or a label, not a sentence.
    static func isCodeLabel(_ paragraph: ByteRange, _ context: LintContext) -> Bool {
        let text = context.text
        var end = paragraph.end
        while end > paragraph.start && (text[end - 1] == 0x0A || text[end - 1] == 0x0D || text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        guard end > paragraph.start, !(paragraph.start..<end).contains(where: { text[$0] == 0x0A }),
              let last = SentenceStarts.lastNonSpace(text, before: end), !ByteSet.sentenceEnds.contains(last) else { return false }
        if (paragraph.start..<end).contains(where: { context.isMasked($0) }) { return true }
        var k = paragraph.start
        while k < end {
            while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
            guard k < end else { break }
            let token = Self.token(at: k, in: text)
            // An option (`-f`, `--verbose`) or an identifier.
            if text[k] == 0x2D && k + 1 < end && (CharacterClass.isASCIIAlnum(text[k + 1]) || text[k + 1] == 0x2D) { return true }
            // Code: a name with `_`, a call, a key, a tag, a variable or a path (`CURL_VERSION_IDN`, `main()`,
            // `<postcmd>`); digits alone (`1,`, `2023`) are no code.
            let range = ByteRange(token.start, min(token.end, end))
            // A link is no term (`# source: https://…` over an article).
            if !context.isInLink(range) && !context.string(range).contains("://"),
               (range.start..<range.end).contains(where: { CharacterClass.isASCIILetter(text[$0]) }),
               (range.start..<range.end).contains(where: { ByteSet.codeMarks.contains(text[$0]) }) { return true }
            k = max(token.end, k + 1)
        }
        return false
    }

    /// How many lines of `paragraph` are delimiter lines: four or more of one of `-=.~+_*` and nothing else.
    static func delimiterLines(in paragraph: ByteRange, _ context: LintContext) -> Int {
        let text = context.text
        var count = 0, k = paragraph.start
        while k < paragraph.end {
            var end = k
            while end < paragraph.end && text[end] != 0x0A { end += 1 }
            var last = end
            while last > k && (text[last - 1] == 0x0D || text[last - 1] == 0x20) { last -= 1 }
            if last - k >= 4, ByteSet.delimiterMarks.contains(text[k]), (k..<last).allSatisfy({ text[$0] == text[k] }) { count += 1 }
            k = end + 1
        }
        return count
    }

    static let siblingWindow = 16_384

    /// A line of this many words or more that ends with a colon is a sentence, not a label (`old-style debhelper:`).
    static let longestLabel = 12

    /// A run of this many bytes without white space is no word of prose.
    static let longestToken = 256

    /// `p_type`, `pg_control`, `file.c`, `a/b`, `key=value`, `main()`, `x86`, `eBay`: identifiers, paths and code,
    /// written as they must be. Trailing punctuation (`word,` `word:` `word.`) does not count.
    static func isIdentifier(_ token: ByteRange, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = token.end
        while end > token.start, ByteSet.trailingMarks.contains(text[end - 1]) { end -= 1 }
        var i = token.start
        while i < end {
            let b = text[i]
            switch b {
            case 0x5F, 0x2F, 0x3D, 0x40, 0x28, 0x5B, 0x5D, 0x7B, 0x3C, 0x5C, 0x7C, 0x24, 0x23, 0x7E: return true   // _ / = @ ( [ { < \ | $ # ~
            case 0x2E, 0x3A:   // `file.c`, `std::x`, `key:value`: a dot or colon inside the word
                if i + 1 < end && CharacterClass.isASCIIAlnum(text[i + 1]) { return true }
            case 0x30...0x39: return true
            default: break
            }
            i += 1
        }
        // `no-tld-query`, `fsmonitor--daemon`: more than one hyphen is an option or a key, not a compound word.
        if (token.start..<end).filter({ text[$0] == 0x2D }).count >= 2 { return true }
        // A word with an inner capital letter (camelCase).
        var k = token.start + 1
        while k < end {
            if text[k] >= 0x41 && text[k] <= 0x5A { return true }
            k += 1
        }
        return false
    }

    /// A line that is not prose: a definition-list term or option (two spaces or a tab after its first word),
    /// column-aligned text (man headers and footers, tables), code, command lines and configuration, changelog
    /// headers (`pkg (1.0-1) unstable; urgency=medium`, `commit 3f2a…`), and `label: text` items.
    /// Blanked markup and code (`context.maskedRanges`) are not the author's white space and count as a word.
    static func isStructuredLine(_ line: ByteRange, token: ByteRange, context: LintContext) -> Bool {
        let text = context.text, masked = context.maskedRanges
        // The first word is followed by a tab or two spaces: a term and its definition, or columns.
        if token.end + 1 < line.end && !context.isMasked(token.end) && !context.isMasked(token.end + 1)
            && (text[token.end] == 0x09 || (text[token.end] == 0x20 && text[token.end + 1] == 0x20)) { return true }
        // A label: `config: remove …`, `agent: skip …`.
        if token.end > token.start && text[token.end - 1] == 0x3A { return true }
        var after = token.end
        while after < line.end && context.isMasked(after) { after += 1 }   // `**node**:`
        if after > token.end && after < line.end && text[after] == 0x3A { return true }
        var i = token.end
        var spaces = 0
        var nextMasked = masked.firstIndex { $0.end > i } ?? masked.count
        while i < line.end {
            if nextMasked < masked.count && masked[nextMasked].start <= i {
                i = max(i + 1, masked[nextMasked].end)
                nextMasked += 1
                spaces = 0
                continue
            }
            let b = text[i]
            if b == 0x09 { return true }                                   // columns
            if b == 0x20 { spaces += 1; if spaces >= 3 { return true } } else { spaces = 0 }
            switch b {
            case 0x3D, 0x7B, 0x7D, 0x7C, 0x3C, 0x3E, 0x5C, 0x60: return true   // = { } | < > \ `
            case 0x24:   // `$HOME`, `${x}`, `$(cmd)`: a shell; `$20`, `$~20`, `$ 5`: a price
                if i + 1 >= line.end || !(CharacterClass.isASCIIDigit(text[i + 1]) || text[i + 1] == 0x7E || text[i + 1] == 0x20 || text[i + 1] == 0x2E) { return true }
            case 0x2D:   // ` -x` or ` --long`: options
                if i > token.end && text[i - 1] == 0x20 && i + 1 < line.end && (CharacterClass.isASCIILetter(text[i + 1]) || text[i + 1] == 0x2D) { return true }
            case 0x28:   // `new stream.Readable([options])`, `run()`: a call, so the line is a signature
                if Self.isCall(at: i, text, from: token.end) { return true }
            default: break
            }
            i += 1
        }
        // A line ending in `;` or `{`: code.
        var last = line.end
        while last > line.start && SentenceStarts.isSpaceByte(text[last - 1]) { last -= 1 }
        if last > line.start && text[last - 1] == 0x3B { return true }
        // `commit 0123abc…`: the next token is a hash. `dbus 1.14.10 (2023-09-01)`: a version.
        let next = SentenceStarts.skipSpace(text, from: token.end)
        if next < line.end {
            let hash = Self.token(at: next, in: text)
            if CharacterClass.isASCIIDigit(text[next]) && (hash.start..<hash.end).contains(where: { text[$0] == 0x2E })
                && (hash.start..<hash.end).allSatisfy({ CharacterClass.isASCIIDigit(text[$0]) || ByteSet.versionMarks.contains(text[$0]) || CharacterClass.isASCIILetter(text[$0]) }) { return true }
            if hash.length >= 7 && (hash.start..<hash.end).allSatisfy({ CharacterClass.isASCIIDigit(text[$0]) || (text[$0] | 0x20 >= 0x61 && text[$0] | 0x20 <= 0x66) })
                && (hash.start..<hash.end).contains(where: { CharacterClass.isASCIIDigit(text[$0]) }) { return true }
        }
        return false
    }

    /// A paragraph with a line that ends in `{`, `}` or `;`, or is only a brace: code (`class Test` / `{`).
    static func isCode(_ paragraph: ByteRange, context: LintContext) -> Bool {
        let text = context.text
        var lineStart = paragraph.start
        while lineStart < paragraph.end {
            let lineEnd = ByteScan.firstIndex(of: 0x0A, in: text, from: lineStart, to: paragraph.end)
            var last = lineEnd
            while last > lineStart && SentenceStarts.isSpaceByte(text[last - 1]) { last -= 1 }
            if last > lineStart && (text[last - 1] == 0x7B || text[last - 1] == 0x7D || text[last - 1] == 0x3B)
                && !context.isMasked(last - 1) { return true }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// Whether the line after `line` is indented more than `indent` columns: `line` is a term it defines.
    static func isTerm(_ line: ByteRange, indent: Int, context: LintContext) -> Bool {
        let text = context.text
        guard line.end + 1 < text.count else { return false }
        var next = line.end
        while next < text.count && text[next] != 0x0A { next += 1 }
        next += 1
        guard next < text.count else { return false }
        var k = next
        while k < text.count && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
        guard k < text.count, text[k] != 0x0A, text[k] != 0x0D else { return false }
        let nextIndent = (next..<k).reduce(0) { $0 + (text[$1] == 0x09 ? 8 : 1) }
        let ownIndent = (line.start..<(line.start + indent)).reduce(0) { $0 + (text[$1] == 0x09 ? 8 : 1) }
        return nextIndent > ownIndent + 1
    }

    /// Whether the `(` at `paren` opens a call: right after a dotted name (`stream.Readable(`) or a name with
    /// nothing inside (`run()`); `function(s)` and `(see below)` are prose.
    static func isCall(at paren: Int, _ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var k = paren, dotted = false
        while k > start && (CharacterClass.isASCIIAlnum(text[k - 1]) || text[k - 1] == 0x5F || text[k - 1] == 0x2E) {
            if text[k - 1] == 0x2E && k < paren && k - 1 > start && CharacterClass.isASCIIAlnum(text[k - 2]) { dotted = true }
            k -= 1
        }
        guard k < paren, CharacterClass.isASCIILetter(text[k]) || text[k] == 0x5F else { return false }
        return dotted || (paren + 1 < text.count && text[paren + 1] == 0x29)
    }

    /// Words that start a heading and are no keyword or command of any language: articles, pronouns, questions.
    static let headingOpeners: Set<String> = ["a", "an", "the", "our", "their", "we", "you", "your", "my", "how", "what",
                                              "why", "its", "his", "her", "they", "i"]

    /// Whether a closing quote right after a sentence end precedes `offset` (`"LGTM." or`, `“Done!” and`).
    static func followsQuotedSentenceEnd(_ offset: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = offset
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
        guard k < offset, k > 1 else { return false }
        let (close, length) = UTF8Bytes.decode(text, before: k)
        guard close == 0x22 || close == 0x27 || close == 0x201D || close == 0x2019 || close == 0xBB, k - length > 0 else { return false }
        let end = text[k - length - 1]
        return end == 0x2E || end == 0x21 || end == 0x3F
    }

    /// A plain-text bullet: `*`, `-`, `+` or `•` and a space before the first word of the line.
    /// A start that is a heading, a label or an aside, which style guides let writers keep in lowercase: a line
    /// underlined with `---` or `===`, a one-line paragraph that ends with `:` (`old-style debhelper:`), or a start
    /// inside brackets (`(for Standard BC)`).
    static func headingOrAsideReason(start: Int, line: ByteRange, context: LintContext) -> String? {
        let text = context.text
        var next = line.end
        if next < text.count && text[next] == 0x0D { next += 1 }
        if next < text.count && text[next] == 0x0A {
            var k = next + 1, marks = 0
            while k < text.count && (text[k] == 0x2D || text[k] == 0x3D) { k += 1; marks += 1 }
            if marks >= 3 && (k == text.count || text[k] == 0x0A || text[k] == 0x0D) { return "a heading may be written in lowercase" }
        }
        var end = line.end
        while end > line.start && (text[end - 1] == 0x20 || text[end - 1] == 0x09 || text[end - 1] == 0x0D) { end -= 1 }
        var before = line.start - 1                       // the line break before the line, then what precedes it
        if before >= 0 && text[before] == 0x0A { before -= 1 }
        if before >= 0 && text[before] == 0x0D { before -= 1 }
        let blankBefore = line.start == 0 || before < 0 || text[before] == 0x0A
        let blankAfter = next >= text.count || (next + 1 < text.count && text[next] == 0x0A && (text[next + 1] == 0x0A || text[next + 1] == 0x0D))
        // A label is short; a long line that ends with a colon is a sentence that introduces a list.
        if end > line.start && text[end - 1] == 0x3A && blankBefore && blankAfter
            && wordCount(in: ByteRange(line.start, end), text: text, limit: Self.longestLabel) < Self.longestLabel {
            return "a label may be written in lowercase"
        }
        // `**needs rebase or merge**` alone on its line: a bold or italic label (a term of a definition list, a
        // pseudo-heading), not a sentence. The Markdown reader blanks the emphasis marks, so before the word there
        // are only blanked marks and white space, after it no sentence end, and blanked marks close the line (a
        // link or a tag earlier on the line is no emphasis around it).
        let opened = (line.start..<start).allSatisfy { context.isMasked($0) || text[$0] == 0x20 || text[$0] == 0x09 }
            && (line.start..<start).contains { context.isMasked($0) }
        if opened && end > start && !(start..<end).contains(where: { ByteSet.sentenceEnds.contains(text[$0]) })
            && (end..<line.end).contains(where: { context.isMasked($0) }) {
            return "a line that is all emphasis is a label, which may be written in lowercase"
        }
        var k = start
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09) { k -= 1 }
        if k > 0 && (text[k - 1] == 0x28 || text[k - 1] == 0x5B) { return "an aside in brackets may go on from the sentence before" }
        return nil
    }

    /// Whether every line of `paragraph` starts with a space or a tab (blanked markup, `#` or `>`, is no indentation).
    static func isWhollyIndented(_ paragraph: ByteRange, _ context: LintContext) -> Bool {
        let text = context.text
        var k = paragraph.start
        while k > 0 && text[k - 1] != 0x0A { k -= 1 }     // the paragraph's first line, from its start
        var lineStart = true
        while k < paragraph.end {
            if lineStart && ((text[k] != 0x20 && text[k] != 0x09 && text[k] != 0x0A && text[k] != 0x0D) || context.isMasked(k)) { return false }
            lineStart = text[k] == 0x0A
            k += 1
        }
        return true
    }

    static func isBullet(_ line: ByteRange, context: LintContext) -> Bool {
        let text = context.text
        var k = line.start
        while k < line.end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
        guard k + 1 < line.end else { return false }
        if (text[k] == 0x2A || text[k] == 0x2D || text[k] == 0x2B) && text[k + 1] == 0x20 { return true }
        return k + 3 < line.end && text[k] == 0xE2 && text[k + 1] == 0x80 && text[k + 2] == 0xA2
    }

    static func paragraph(of start: SentenceStart, context: LintContext) -> ByteRange {
        guard let index = context.paragraphIndex(atOrBefore: start.offset), start.offset < context.paragraphs[index].end else {
            return ByteRange(start.offset, start.offset)
        }
        return context.paragraphs[index]
    }

    /// Words of letters or digits in `range`, up to `limit`, leaving out masked text (a link's target) and symbols (`•`).
    static func letterWordCount(in range: ByteRange, context: LintContext, limit: Int) -> Int {
        let text = context.text
        var count = 0, inWord = false
        var i = range.start
        while i < range.end && count < limit {
            let (scalar, length) = UTF8Bytes.decode(text, at: i)
            let isWordScalar = !context.isMasked(i) && (CharacterClass.isLetter(scalar) || CharacterClass.isDigit(scalar))
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
            i += max(1, length)
        }
        return count
    }

    static func wordCount(in range: ByteRange, text: UnsafeBufferPointer<UInt8>, limit: Int = 3) -> Int {
        var count = 0, inWord = false
        var i = range.start
        while i < range.end && count < limit {
            let b = text[i]
            let isWordByte = CharacterClass.isASCIIAlnum(b) || b >= 0x80
            if isWordByte && !inWord { count += 1 }
            inWord = isWordByte
            i += 1
        }
        return count
    }

    /// Three words or more, ending in a sentence terminal.
    static func isSentence(_ start: SentenceStart, context: LintContext) -> Bool {
        let range = paragraph(of: start, context: context)
        guard wordCount(in: range, text: context.text) >= 3, let last = SentenceStarts.lastNonSpace(context.text, before: range.end) else { return false }
        return last == 0x2E || last == 0x21 || last == 0x3F
    }
}

/// The most frequent English words that start sentences and are never names: enough to tell prose from a
/// definition or a command at the start of an indented line.
enum CommonWords {
    static let english: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "before", "both",
        "but", "by", "can", "could", "do", "does", "each", "even", "every", "for", "from", "has", "have", "he", "her",
        "here", "his", "how", "however", "i", "if", "in", "instead", "is", "it", "its", "many", "may", "more", "most",
        "much", "must", "no", "not", "now", "of", "often", "on", "once", "one", "only", "or", "other", "our", "she",
        "should", "since", "so", "some", "such", "than", "that", "the", "their", "then", "there", "these", "they",
        "this", "those", "though", "three", "thus", "to", "today", "two", "under", "unlike", "until", "we", "what",
        "when", "where", "whether", "which", "while", "who", "why", "will", "with", "without", "would", "yesterday",
        "you", "your", "yes", "first", "next", "finally", "please", "note", "see",
    ]

    /// Words whose lowercase start is safe to capitalize in English prose: `english`, the frequent English words
    /// that are no command, package or name on a Debian system (`frequentEnglish`, generated by
    /// scripts/common-words.py), and other sentence openers of news and documentation.
    static let safeStarts: Set<String> = english.union(frequentEnglish).union([
        "according", "afterwards", "again", "against", "almost", "already", "although", "among", "analysts", "another",
        "anyone", "around", "besides", "between", "companies", "compared", "consumers", "currently", "despite",
        "during", "earlier", "either", "especially", "eventually", "everyone", "experts", "few", "five", "following",
        "four", "fortunately", "further", "furthermore", "generally", "hence", "hundreds", "including", "indeed",
        "last", "later", "likewise", "meanwhile", "millions", "moreover", "nearly", "nevertheless", "nine",
        "nobody", "nothing", "obviously", "others", "otherwise", "overall", "perhaps", "previously", "recently",
        "reporter", "reporters", "second", "seven", "several", "similarly", "six", "someone", "something", "soon",
        "still", "ten", "therefore", "third", "thousands", "through", "together", "tomorrow", "unfortunately",
        "users", "usually", "whatever", "whereas", "within", "yet", "eight", "he", "it", "my", "nor", "as", "at",
        // Frequent nouns and adjectives of news prose that no command or package is named after.
        "big", "small", "large", "little", "great", "good", "bad", "high", "low", "major", "new", "old", "young",
        "early", "late", "last", "local", "national", "global", "public", "private", "foreign", "domestic",
        "chinese", "american", "international", "traditional", "different", "similar", "important", "main",
        "company", "companies", "government", "market", "markets", "industry", "business", "businesses", "people",
        "customers", "merchants", "sellers", "buyers", "investors", "shoppers", "platforms", "products", "prices",
        "sales", "revenue", "profits", "shares", "employees", "workers", "students", "children", "women", "men",
        "officials", "authorities", "researchers", "consumers", "brands", "stores", "shops", "cities", "countries",
        "according", "based", "due", "unlike", "regarding", "considering", "following", "recently", "nowadays",
        "however", "meanwhile", "obviously", "clearly", "certainly", "probably", "actually", "basically", "finally",
        // Interface verbs and messages of app strings.
        "click", "tap", "select", "choose", "enter", "save", "cancel", "download", "upload", "share", "search",
        "confirm", "retry", "visit", "failed", "unable", "invalid", "successfully", "sorry", "welcome", "thanks",
    ])

    /// Words that continue a sentence: a paragraph that starts with one after a paragraph that did not end is
    /// the second half of a sentence interrupted by an example.
    static let continuations: Set<String> = [
        "and", "or", "but", "nor", "so", "yet", "which", "who", "whom", "whose", "where", "when", "while", "whereas",
        "because", "since", "unless", "until", "although", "though", "if", "then", "than", "as", "with", "without",
        "for", "from", "to", "of", "in", "on", "at", "by", "into", "onto", "that", "except", "including", "plus",
        "like", "via", "after", "before", "whether", "otherwise", "instead",
    ]
}
