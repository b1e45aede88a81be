/// The ICU break iterators one task reuses from text to text, for one locale. Not thread-safe.
public final class Session {
    /// BCP 47 tag.
    public let locale: String
    fileprivate let sentenceSegmenter: Segmenter
    fileprivate let wordSegmenter: Segmenter

    /// The iterators open when first used (a text that needs neither never opens them); when ICU cannot open one,
    /// `checkICU` throws after the text that needed it.
    init(locale: String) throws {
        self.locale = locale
        let icu = Self.icuLocale(locale)
        let failure = "ICU could not open its break iterators for the locale '\(locale)'"
        self.sentenceSegmenter = Segmenter(lazy: .sentence, locale: icu + "@ss=standard", failure: failure)
        self.wordSegmenter = Segmenter(lazy: .word, locale: icu, failure: failure)
    }

    /// Throws when ICU failed during the last texts (a break iterator that could not take a text): their findings
    /// would be built on made-up boundaries.
    func checkICU() throws {
        for segmenter in [sentenceSegmenter, wordSegmenter] {
            if let failure = segmenter.takeFailure() { throw EngineError.icu(failure) }
        }
    }

    /// ICU wants `zh_Hans` style ids; BCP 47 uses hyphens.
    static func icuLocale(_ tag: String) -> String { String(tag.map { $0 == "-" ? "_" : $0 }) }
}

/// What linting one text gave: findings before suppressions are applied, the suppression comments, and
/// (when asked for) the number of evaluated words.
struct DocumentLint {
    var findings: [Finding]
    var directives: [SuppressionDirective]
    var words: Int
    /// The source of each unit or paired paragraph, by the offset where its target starts (reports show it).
    var sources: [Int: String] = [:]
}

/// The rules over one text, with one session's iterators.
extension LintEngine {
    /// Lints `buffer` read as `format` with the monolingual checks: markup and code are not checked, findings
    /// inside an `ignore` phrase are dropped, severities follow the settings. Offsets are into `buffer`; a byte
    /// order mark is skipped. `protected`: ranges of `buffer` that are markup (inline elements of a bilingual file):
    /// read as white space (the text around a tag is prose), never flagged, never changed; those also in `opaque`
    /// (do-not-translate text) are read as one word instead.
    /// `sources`: with a source, its text by the offset (into `buffer`) where the aligned target paragraph or unit
    /// starts.
    /// `editableStart`: where the text of this lint starts; what lies before is the previous chunk's left context.
    func lintDocument(_ buffer: UnsafeBufferPointer<UInt8>, format: DocumentFormat, session: Session, countWords: Bool = false,
                      protected: [ByteRange] = [], opaque: [ByteRange] = [], sources: [Int: String] = [:],
                      editableStart: Int = 0) -> DocumentLint {
        let bomLength = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: buffer[bomLength...])
        var prepared = PreparedText.prepare(body, format: format)
        if !protected.isEmpty {
            var masker = Masker(body)
            if let masked = prepared.masked { masker.masked = masked; masker.changed = true }
            masker.excluded = prepared.excluded
            masker.markup = prepared.markup
            for range in protected where range.end <= body.count + bomLength {
                // Tags read as white space; do-not-translate text as digits, one word that no check flags.
                masker.exclude(range.shifted(by: -bomLength), fill: opaque.contains(range) ? 0x30 : 0x20)
            }
            let directives = prepared.directives, blocks = prepared.blockStarts, items = prepared.listItemStarts
            let cells = prepared.cellStarts, headings = prepared.headingStarts
            prepared = masker.finish()
            prepared.directives = directives
            prepared.blockStarts = blocks
            prepared.listItemStarts = items
            prepared.cellStarts = cells
            prepared.headingStarts = headings
        }
        let maskedRanges = ByteRange.merged(prepared.excluded + prepared.markup + protected.map { $0.shifted(by: -bomLength) })
        let run = { (text: UnsafeBufferPointer<UInt8>) -> (findings: [Finding], words: Int) in
            guard !checks.isEmpty else { return ([], countWords ? WordCounter.count(text, skipping: prepared.excluded) : 0) }
            let context = LintContext(text: text, glossary: glossary, matcher: matcher,
                                      locale: locale, sentenceSegmenter: session.sentenceSegmenter,
                                      wordSegmenter: session.wordSegmenter,
                                      blockStarts: prepared.blockStarts, listItems: prepared.listItemStarts,
                                      cellStarts: prepared.cellStarts, headingStarts: prepared.headingStarts,
                                      sources: bomLength == 0 ? sources : Dictionary(uniqueKeysWithValues: sources.map { ($0.key - bomLength, $0.value) }),
                                      maskedRanges: maskedRanges, editableStart: max(0, editableStart - bomLength))
            var findings: [Finding] = []
            for check in checks {
                findings.append(contentsOf: check.check(context).lazy.filter { !context.isInLink($0.range) })
            }
            return (findings, countWords ? WordCounter.count(text, skipping: prepared.excluded) : 0)
        }
        let raw = prepared.masked.map { $0.withUnsafeBufferPointer(run) } ?? run(body)
        let ignored = ignorePhrases.isEmpty ? [] : Self.occurrences(of: ignorePhrases, in: body)
        var findings: [Finding] = []
        findings.reserveCapacity(raw.findings.count)
        for var finding in raw.findings {
            if prepared.isExcluded(finding.range) { continue }
            if !ignored.isEmpty && ByteRange.touches(merged: ignored, finding.range) { continue }
            if let fix = finding.fix, fix.edits.contains(where: { prepared.touchesMarkup($0.range) || prepared.isExcluded($0.range) }) {
                finding.fix = nil
            }
            finding.report(at: policy.severity(of: finding))
            findings.append(bomLength == 0 ? finding : finding.shifted(by: bomLength))
        }
        Finding.sort(&findings)
        let directives = bomLength == 0 ? prepared.directives : prepared.directives.map { $0.shifted(by: bomLength) }
        return DocumentLint(findings: findings, directives: directives, words: raw.words)
    }

    // MARK: Bilingual

    /// Findings of the bilingual checks on one pair; offsets into `target`.
    func bilingualFindings(source: String, target: UnsafeBufferPointer<UInt8>, protected: [ByteRange] = [],
                           sourceProtected: [ByteRange]? = nil, formats: Set<String>? = nil, pluralForm: Int? = nil,
                           pluralSource: String? = nil, pluralRelaxed: Bool? = nil) -> [Finding] {
        guard !bilingualChecks.isEmpty else { return [] }
        let context = BilingualContext(source: source, target: target, glossary: glossary, protected: protected,
                                       sourceProtected: sourceProtected, targetLanguage: locale, formats: formats, pluralForm: pluralForm,
                                       pluralSource: pluralSource, pluralRelaxed: pluralRelaxed, derived: matcher.derived)
        var findings: [Finding] = []
        for check in bilingualChecks {
            for var finding in check.check(context) {
                finding.report(at: policy.severity(of: finding))
                findings.append(finding)
            }
        }
        return findings
    }

    /// The bilingual findings for a whole prose text and its source, paragraph by paragraph (offsets into `target`),
    /// or one `alignment` finding when the paragraphs do not pair up.
    func alignedFindings(_ alignment: Alignment.Result, target: UnsafeBufferPointer<UInt8>) -> [Finding] {
        switch alignment {
        case .diverged(let at, let message):
            guard let severity = policy.severity(of: Alignment.description.id) else { return [] }
            var end = at
            while end < target.count && target[end] != 0x0A { end += 1 }
            return [Finding(rule: Alignment.description.id, severity: severity, message: message, range: ByteRange(at, end))]
        case .aligned(let pairs):
            return pairs.flatMap { pair in
                bilingualFindings(source: pair.source, target: UnsafeBufferPointer(rebasing: target[pair.target.start..<pair.target.end]))
                    .map { $0.shifted(by: pair.target.start) }
            }
        }
    }

    /// Each source paragraph, by where the aligned target paragraph starts; empty when the paragraphs do not pair up.
    func sourceParagraphs(_ alignment: Alignment.Result, target: UnsafeBufferPointer<UInt8>) -> [Int: String] {
        guard case .aligned(let pairs) = alignment else { return [:] }
        var sources: [Int: String] = [:]
        for pair in pairs { sources[SentenceStarts.skipSpace(target, from: pair.target.start)] = pair.source }
        return sources
    }

    /// Whether a unit in `language` is checked: all when the glossary is empty, else those in its target language.
    private func checks(language: String?) -> Bool {
        guard !glossary.entries.isEmpty, let language else { return true }
        return Glossary.baseLanguage(language) == Glossary.baseLanguage(glossary.targetLanguage)
    }

    /// Findings of every checked unit of a bilingual file, on file offsets, with fixes escaped for the format; and
    /// the evaluated words.
    func fileFindings(_ bytes: UnsafeBufferPointer<UInt8>, path: String, format: BilingualFile.Format,
                      includeFuzzy: Bool, session: Session) throws -> DocumentLint {
        var units = try BilingualFile.parse(bytes, path: path, format: format, includeFuzzy: includeFuzzy).units
        var findings: [Finding] = []
        var words = 0
        var sources: [Int: String] = [:]
        if !units.isEmpty && !units.contains(where: { checks(language: $0.targetLanguage) }) {
            let languages = Set(units.compactMap(\.targetLanguage)).sorted().joined(separator: ", ")
            throw BilingualFileError(path: path, line: 1, message: "the glossary translates into '\(glossary.targetLanguage)', but this file translates into '\(languages)': give a glossary for its languages")
        }
        var counts = BilingualFileCounts()
        for k in units.indices {
            // Each unit is let go once checked, so that its text is freed while the findings grow.
            let unit = units[k]
            units[k] = TranslationUnit(id: "", source: "", target: EscapedText(), targetLanguage: nil)
            guard checks(language: unit.targetLanguage) else { continue }
            if !unit.target.text.isEmpty {
                counts.translated += 1
                if unit.target.text.elementsEqual(unit.source.utf8) { counts.copies += 1 }
            }
            unit.target.text.withUnsafeBufferPointer { buffer in
                let start = SentenceStarts.skipSpace(buffer, from: 0)
                let lint = lintDocument(buffer, format: .plainText, session: session, countWords: true, protected: unit.protected,
                                        opaque: unit.opaque, sources: [start: unit.source])
                words += lint.words
                sources[unit.target.fileRange(ByteRange(0, 0)).start] = unit.source
                let pair = bilingualFindings(source: unit.source, target: buffer, protected: unit.protected, sourceProtected: unit.sourceProtected,
                                             formats: unit.formats, pluralForm: unit.pluralForm, pluralSource: unit.pluralSource,
                                             pluralRelaxed: unit.pluralRelaxed)
                for finding in lint.findings + pair {
                    var mapped = finding
                    mapped.range = unit.target.fileRange(finding.range)
                    // A unit the file marks final is reported, never rewritten.
                    mapped.fix = unit.isFinal ? nil : finding.fix.map { fix in
                        var inFile = fix
                        inFile.edits = fix.edits.map { TextEdit(range: unit.target.fileRange($0.range), replacement: format.escaping.encode($0.replacement)) }
                        return inFile
                    }
                    findings.append(mapped)
                }
            }
        }
        for check in bilingualChecks { check.finish(&findings, file: counts) }
        Finding.sort(&findings)
        return DocumentLint(findings: findings, directives: [], words: words, sources: sources)
    }

    // MARK: Helpers

    /// Every occurrence of the phrases in `text`, sorted.
    static func occurrences(of phrases: [[UInt8]], in text: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var ranges: [ByteRange] = []
        for phrase in phrases {
            let first = phrase[0]
            var i = 0
            while i + phrase.count <= text.count {
                if text[i] == first {
                    var k = 1
                    while k < phrase.count && text[i + k] == phrase[k] { k += 1 }
                    if k == phrase.count { ranges.append(ByteRange(i, i + phrase.count)); i += phrase.count; continue }
                }
                i += 1
            }
        }
        return ByteRange.merged(ranges)
    }
}

/// The engine could not do its work; the CLI reports it with exit status 2.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    case icu(String)

    public var description: String {
        switch self {
        case .icu(let message): message
        }
    }
}

extension Finding {
    /// By position, then rule: the order every report lists findings in.
    static func sort(_ findings: inout [Finding]) {
        findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
    }
}
