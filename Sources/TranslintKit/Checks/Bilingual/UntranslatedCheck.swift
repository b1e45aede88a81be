/// Source-language text left in the translation.
public struct UntranslatedCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "untranslated",
        name: "Untranslated text",
        summary: "A run of the source's script left in the translation (Han characters in an English target); a glossary source term is fixed to its target.",
        rationale: """
        Machine translation leaves what it cannot translate as it was, often names: "sales of 淘宝 sellers". The \
        scripts come from the glossary's languages (ICU: zh-Hans is Han, en is Latin, ja is kana and Han), or else \
        from the texts; when the target language does not use the source's script, runs of that script in the \
        translation are flagged (ICU script property). A run that is a glossary source term \
        is fixed to the entry's target (with a space where letters would touch). A Latin source leaves many names \
        in Latin letters legitimately (WeChat, iPhone in Chinese text), so there only runs of three or more words \
        copied from the source are flagged, and glossary source terms. A translation that is the source text word \
        for word (three words or more) is flagged whole when the glossary's languages differ; in a language written \
        right to left (Hebrew, Arabic, Persian…), whose teams keep terminal and developer messages in English on \
        purpose, such a copy is reported at info.
        """,
        defaultSeverity: .error,
        isFixable: true,
        mqmCategory: .accuracy,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("卖家在淘宝开店。 ‖ Sellers open shops on Taobao."),
            CheckExample("Sellers use WeChat Pay. ‖ 卖家使用WeChat Pay。"),
            CheckExample("他说：「你好」 ‖ He said: “hello”"),
            CheckExample("This program is distributed WITHOUT ANY WARRANTY; see the GNU General Public License (version 2). ‖ This program is distributed WITHOUT ANY WARRANTY; see the GNU General Public License (version 2)."),
        ],
        triggering: [
            CheckExample("卖家在淘宝开店。 ‖ Sellers open shops on ↓淘宝."),
            CheckExample("他们在双十一购物。 ‖ They shop on ↓双十一."),
            CheckExample("Click the Save button to keep your changes. ‖ ↓Click the Save button to keep your changes."),
        ],
        corrections: [
            CheckCorrection("卖家在淘宝开店。 ‖ Sellers open shops on 淘宝.", "卖家在淘宝开店。 ‖ Sellers open shops on Taobao."),
            CheckCorrection("微博用户 ‖ Users of 微博grew.", "微博用户 ‖ Users of Weibo grew."),
            CheckCorrection("Sellers joined Taobao. ‖ 卖家加入了Taobao。", "Sellers joined Taobao. ‖ 卖家加入了淘宝。"),
        ]
    )

    public init() {}

    static let copiedMessage = "the translation is the source text, untranslated"

    /// Languages written right to left (CLDR's character order), whose catalogs keep many English messages on purpose.
    static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "yi", "ps", "ug", "dv", "ckb", "sd", "syr"]

    /// The smallest number of copied units, and the share of a file's units, from which a catalog counts as not
    /// translated at all (filled with `msgen`, or a language team that keeps the English on purpose).
    static let wholeFileCopies = (units: 20, share: 1.0 / 3.0, mostly: 0.8)

    /// One finding for a catalog whose units are largely copies of their source, in place of one per unit: such a
    /// file (a Hebrew `gtk30-properties.po` with 2,245 of 2,246 messages in English) is one fact for its team, and
    /// thousands of findings would drown every other. The copies are the units flagged with `copiedMessage`; the
    /// finding stands on the first of them.
    public func finish(_ findings: inout [Finding], file: BilingualFileCounts) {
        let flagged = findings.indices.filter { findings[$0].rule == Self.description.id && findings[$0].message == Self.copiedMessage }
        // The file's byte copies, or the flagged ones where white space around them differs.
        let copies = max(file.copies, flagged.count)
        guard flagged.count >= Self.wholeFileCopies.units, Double(copies) >= Self.wholeFileCopies.share * Double(file.translated),
              var first = flagged.first.map({ findings[$0] }) else { return }
        first.message = Self.rolledUpMessage(copies: copies, of: file.translated)
        // Nearly all of it: a language team that keeps the catalog in English on purpose (Hebrew GTK property
        // blurbs), weak evidence of a mistake.
        if Double(copies) >= Self.wholeFileCopies.mostly * Double(file.translated) { first.severity = .info }
        let removed = Set(flagged)
        findings = findings.indices.filter { !removed.contains($0) }.map { findings[$0] }
        findings.append(first)
    }

    static func rolledUpMessage(copies: Int, of units: Int) -> String {
        "\(copies) of \(units) translations are the source text, untranslated; the first is here "
            + "(a catalog filled with its source, or not translated)"
    }

    /// English words that only prose has: a run of source words with one of them is a sentence left over, not a
    /// command, an option or a name (`git remote set-url`, `smb://server/file`).
    static let proseWords: Set<String> = ["the", "a", "an", "to", "of", "and", "is", "are", "for", "in", "with", "on", "not",
                                          "be", "this", "that", "it", "you", "your", "was", "can", "will", "from", "or", "by"]

    /// Whether the Latin run at `range` of the target is prose: it has a prose word, and nothing glues it to code
    /// (`-`, `_`, `/`, `.`, `:`, `=`, `<`, `[` right before or after it).
    static func isProse(_ run: String, in text: UnsafeBufferPointer<UInt8>, range: ByteRange) -> Bool {
        let glue = ByteSet.codeGlue
        if range.start > 0 && glue.contains(text[range.start - 1]) { return false }
        if range.end < text.count && glue.contains(text[range.end]) && !(text[range.end] == 0x2E && (range.end + 1 == text.count || text[range.end + 1] == 0x20)) { return false }
        return isProseWords(run.split(separator: " ").map(String.init))
    }

    /// Mostly lowercase words (`IF NOT EXISTS` is SQL), two of them prose words.
    static func isProseWords(_ words: [String]) -> Bool {
        let lower = words.filter { $0.unicodeScalars.allSatisfy { !CharacterClass.isUppercase($0.value) } }
        return lower.count * 2 > words.count && words.filter { proseWords.contains($0.lowercased()) }.count >= 2
    }

    /// A whole message that reads as prose: four words or more, mostly lowercase with two prose words, and no
    /// placeholder, option or identifier (`%s: cannot open`, `dirs [-clpv]`, `pop_scope: head of …`).
    static func isProseSentence(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { "%{}[]<>_=()$`|".unicodeScalars.contains($0) }) || text.contains("--") { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).filter { $0.unicodeScalars.contains { CharacterClass.isLetter($0.value) } }
        return words.count >= 4 && isProseWords(words)
    }

    public func check(_ context: BilingualContext) -> [Finding] {
        // A translation that is the source, word for word, when the glossary says the languages differ.
        let g = context.glossary
        let trimmedSource = context.sourceText.trimmingCharacters(in: .whitespacesAndNewlinesASCII)
        let copied = trimmedSource == context.targetText.trimmingCharacters(in: .whitespacesAndNewlinesASCII)
        // A licence notice is kept in its own language on purpose (the GPL's notice says only the English is binding).
        if LegalNotice.isNotice(trimmedSource) && LegalNotice.isNotice(context.targetText) { return [] }
        // Teams of languages written right to left keep terminal and developer messages in English on purpose
        // (terminals do not lay out bidirectional text): a copy there is weak evidence.
        let copySeverity: Severity = Self.rightToLeft.contains(Glossary.baseLanguage(g.targetLanguage)) ? .info : Self.description.defaultSeverity
        if Glossary.baseLanguage(g.sourceLanguage) != Glossary.baseLanguage(g.targetLanguage), g.sourceLanguage != "und", copied,
           // Prose, not a command, a usage line, a debugging message or a name, which translators keep on purpose:
           // no placeholder or code, and words of prose.
           Self.isProseSentence(trimmedSource) {
            return [Finding(rule: Self.description.id, severity: copySeverity,
                            message: Self.copiedMessage, range: context.wholeTarget)]
        }
        // The scripts: the glossary's languages say them; without a glossary, the texts do. Text in a script the
        // target language also uses (Han in Japanese) is no evidence of anything.
        let targetScripts = BilingualContext.languageScripts(g.targetLanguage)
        guard let sourceScript = BilingualContext.languageScripts(g.sourceLanguage).first ?? BilingualContext.dominantScript(context.sourceText),
              let targetScript = targetScripts.first ?? BilingualContext.dominantScript(context.targetText),
              sourceScript != targetScript, !targetScripts.contains(sourceScript) else { return [] }
        let latin = BilingualContext.scriptName(sourceScript) == "Latin"
        let text = context.target
        let links = LinkDetector.links(in: text)
        let skipped = ByteRange.merged(context.protected + links)
        var findings: [Finding] = []
        var i = 0
        while i < text.count {
            let (scalar, length) = UTF8Bytes.decode(text, at: i)
            guard CharacterClass.isLetter(scalar), BilingualContext.script(scalar) == sourceScript else { i += length; continue }
            // The run: letters of the source script, and for spaced scripts the spaces and marks between its words.
            let start = i
            var end = i + length
            var j = end
            var words = 1
            while j < text.count {
                let (s, l) = UTF8Bytes.decode(text, at: j)
                if CharacterClass.isLetter(s) && BilingualContext.script(s) == sourceScript { j += l; end = j; continue }
                if CharacterClass.isDigit(s) || s == 0x27 || s == 0x2D || s == 0x2019 { j += l; continue }
                if latin && s == 0x20 && j + 1 < text.count, case let (n, _) = UTF8Bytes.decode(text, at: j + 1),
                   CharacterClass.isLetter(n) && BilingualContext.script(n) == sourceScript { words += 1; j += 1; continue }
                break
            }
            i = max(end, i + length)
            let range = ByteRange(start, end)
            if ByteRange.touches(merged: skipped, range) { continue }
            let run = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
            if latin && !(words >= 4 && context.sourceText.contains(run) && Self.isProse(run, in: text, range: range))
                && context.glossary.entries.first(where: { $0.source == run }) == nil { continue }
            if let entry = context.glossary.entries.first(where: { $0.source == run }) {
                var replacement = entry.target
                // Letters must not touch: "of 微博grew" → "of Weibo grew"; none for unspaced targets.
                let spaced = !CharacterClass.isUnspacedScript(entry.target.unicodeScalars.first?.value ?? 0)
                if spaced, start > 0, case let (before, _) = UTF8Bytes.decode(text, before: start), CharacterClass.isAlnum(before) { replacement = " " + replacement }
                if spaced, end < text.count, case let (after, _) = UTF8Bytes.decode(text, at: end), CharacterClass.isAlnum(after) { replacement += " " }
                findings.append(Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                                        message: "'\(run)' is left untranslated: use '\(entry.target)'",
                                        replacing: range, with: replacement, title: "Translate '\(run)' as '\(entry.target)'"))
            } else {
                findings.append(Finding(rule: Self.description.id, severity: Self.description.defaultSeverity,
                                        message: "'\(run)' is left untranslated (\(BilingualContext.scriptName(sourceScript)) text in the translation)",
                                        range: range))
            }
        }
        // A message copied whole is one problem, however many runs of prose it holds (a copy with a placeholder is
        // flagged by its runs, and is a copy all the same).
        guard copied, var first = findings.first else { return findings }
        if first.fix == nil {
            first.message = Self.copiedMessage
            first.severity = min(first.severity, copySeverity)
        }
        return [first]
    }
}
