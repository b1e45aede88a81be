/// Runs the bilingual checks next to the monolingual ones: on aligned paragraphs of a plain text and its source,
/// and on every unit of a bilingual file (PO, XLIFF, String Catalog), whose fixes are written back with the format's
/// escaping and change no other byte.
public struct BilingualLinter: Sendable {
    public let linter: Linter
    public let checks: [any BilingualCheck]

    public init(linter: Linter, checks: [any BilingualCheck] = CheckRegistry.makeBilingual()) {
        self.linter = linter
        self.checks = checks.filter { linter.settings.isEnabled($0.id) }
    }

    /// Findings of the bilingual checks on one pair; offsets into `target`.
    public func check(source: String, target: UnsafeBufferPointer<UInt8>, protected: [ByteRange] = [],
                      sourceProtected: [ByteRange]? = nil) -> [Finding] {
        let context = BilingualContext(source: source, target: target, glossary: linter.glossary, protected: protected,
                                       sourceProtected: sourceProtected)
        var findings: [Finding] = []
        for check in checks {
            for var finding in check.check(context) {
                if let severity = linter.settings.severity(of: finding.rule) { finding.severity = severity }
                findings.append(finding)
            }
        }
        return findings
    }

    /// `source ‖ target` examples and tests: monolingual and bilingual findings of the target, sorted.
    public func lint(source: String, target: String) -> [Finding] {
        Array(target.utf8).withUnsafeBufferPointer { buffer in
            (linter.makeSession().lintDocument(buffer, format: .plainText).findings + check(source: source, target: buffer))
                .sorted { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
        }
    }

    /// `target` with every fix applied (one pass), for examples.
    public func fix(source: String, target: String) -> String {
        String(decoding: FixPlan(findings: lint(source: source, target: target)).apply(to: Array(target.utf8)), as: UTF8.self)
    }

    /// The bilingual findings for a whole plain text and its source, paragraph by paragraph (offsets into `target`),
    /// or one `alignment` finding when the paragraphs do not pair up.
    public func checkAligned(source: String, target: UnsafeBufferPointer<UInt8>) -> [Finding] {
        switch Alignment.align(source: source, target: target) {
        case .diverged(let at, let message):
            guard linter.settings.isEnabled(Alignment.description.id) else { return [] }
            var end = at
            while end < target.count && target[end] != 0x0A { end += 1 }
            return [Finding(rule: Alignment.description.id, severity: linter.settings.severity(of: Alignment.description.id) ?? .warning,
                            message: message, range: ByteRange(at, end))]
        case .aligned(let pairs):
            return pairs.flatMap { pair in
                check(source: pair.source, target: UnsafeBufferPointer(rebasing: target[pair.target.start..<pair.target.end]))
                    .map { $0.shifted(by: pair.target.start) }
            }
        }
    }

    // MARK: Bilingual files

    /// Whether a unit in `language` is checked: all when the glossary is empty, else those in its target language.
    func checks(language: String?) -> Bool {
        guard !linter.glossary.entries.isEmpty, let language else { return true }
        return Self.base(language) == Self.base(linter.glossary.targetLanguage)
    }

    static func base(_ tag: String) -> String { String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "") }

    /// Findings of every checked unit, on file offsets, with fixes escaped for the format; and the evaluated words.
    func fileFindings(_ bytes: [UInt8], path: String, format: BilingualFile.Format, includeFuzzy: Bool) throws -> (findings: [Finding], words: Int) {
        let file = try BilingualFile.parse(bytes, path: path, format: format, includeFuzzy: includeFuzzy)
        let session = linter.makeSession()
        var findings: [Finding] = []
        var words = 0
        if !file.units.isEmpty && !file.units.contains(where: { checks(language: $0.targetLanguage) }) {
            let languages = Set(file.units.compactMap(\.targetLanguage)).sorted().joined(separator: ", ")
            throw BilingualFileError(path: path, line: 1, message: "the glossary translates into '\(linter.glossary.targetLanguage)', but this file translates into '\(languages)': give a glossary for its languages")
        }
        for unit in file.units where checks(language: unit.targetLanguage) {
            unit.target.text.withUnsafeBufferPointer { buffer in
                let lint = session.lintDocument(buffer, format: .plainText, countWords: true, protected: unit.protected)
                words += lint.words
                for finding in lint.findings + check(source: unit.source, target: buffer, protected: unit.protected, sourceProtected: unit.sourceProtected) {
                    var mapped = finding
                    mapped.range = unit.target.fileRange(finding.range)
                    mapped.fix = finding.fix.map { fix in
                        Fix(title: fix.title, edits: fix.edits.map { TextEdit(range: unit.target.fileRange($0.range), replacement: format.escaping.encode($0.replacement)) })
                    }
                    findings.append(mapped)
                }
            }
        }
        findings.sort { $0.range != $1.range ? $0.range < $1.range : $0.rule < $1.rule }
        return (findings, words)
    }

    /// Lints a bilingual file; with `fixing`, also returns the fixed bytes (later passes fix what the first made
    /// fixable, next to its edits, as for plain text).
    public func lintFile(_ bytes: [UInt8], path: String, format: BilingualFile.Format, includeFuzzy: Bool = false, fixing: Bool,
                         lineFilter: ((Int, Int) -> Bool)? = nil) throws -> (result: FileResult, fixed: [UInt8]) {
        let index = LineIndex(bytes)
        var (findings, words) = try fileFindings(bytes, path: path, format: format, includeFuzzy: includeFuzzy)
        if let lineFilter {
            findings = findings.filter { lineFilter(index.lineIndex(of: $0.range.start) + 1, index.lineIndex(of: max($0.range.start, $0.range.end - 1)) + 1) }
        }
        var located = findings.map { Self.locate($0, in: bytes, index: index) }
        var fixed = bytes
        var edits: [TextEdit] = []
        var followUps = 0
        if fixing {
            let plan = FixPlan(findings: findings)
            for i in plan.applied { located[i].isFixed = true }
            edits = plan.edits
            fixed = plan.apply(to: bytes)
            var last = plan.edits
            for _ in 1..<StreamingLinter.maxFixPasses where !last.isEmpty {
                var changed: [ByteRange] = []
                var delta = 0
                for edit in last {
                    changed.append(ByteRange(edit.range.start + delta, edit.range.start + delta + edit.replacement.utf8.count))
                    delta += edit.replacement.utf8.count - edit.range.length
                }
                let near = { (r: ByteRange) in changed.contains { r.start <= $0.end + 64 && $0.start - 64 <= r.end } }
                let next = FixPlan(findings: try fileFindings(fixed, path: path, format: format, includeFuzzy: includeFuzzy).findings
                    .filter { $0.fix != nil && near($0.range) })
                if next.edits.isEmpty { break }
                edits = TextEdit.compose(edits, then: next.edits, original: bytes)
                followUps += next.applied.count
                fixed = next.apply(to: fixed)
                last = next.edits
            }
        }
        var quality = QualityScore(words: words)
        for finding in located where !finding.isFixed { quality.add(finding.finding.rule, settings: linter.settings) }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return (FileResult(path: path, findings: located, appliedEdits: edits, followUpFixes: followUps, byteCount: bytes.count,
                           hasBOM: hasBOM, endsWithNewline: bytes.last == 0x0A, quality: quality), fixed)
    }

    static func locate(_ finding: Finding, in bytes: [UInt8], index: LineIndex) -> LocatedFinding {
        let start = index.location(of: finding.range.start), end = index.location(of: finding.range.end)
        let line = index.lineRange(index.lineIndex(of: finding.range.start))
        return LocatedFinding(finding: finding, text: String(decoding: bytes[finding.range.start..<finding.range.end], as: UTF8.self),
                              line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                              lineText: String(decoding: bytes[line.start..<line.end], as: UTF8.self), columnInLineText: start.column)
    }
}
