/// What a file is, for the engine: prose (plain text or Markdown), prose paired with its source (`--source`), or
/// a bilingual file whose units carry their sources (PO, XLIFF, String Catalog).
public enum DocumentKind: Sendable, Equatable {
    case text(DocumentFormat)
    case paired(DocumentFormat, source: String)
    case bilingual(BilingualFile.Format, includeFuzzy: Bool)

    /// By the path's extension.
    public static func forPath(_ path: String, source: String? = nil, includeFuzzy: Bool = false) -> DocumentKind {
        if let format = BilingualFile.Format.forPath(path) { return .bilingual(format, includeFuzzy: includeFuzzy) }
        let format = DocumentFormat.forPath(path)
        return source.map { .paired(format, source: $0) } ?? .text(format)
    }

    /// Whether the engine reads the file whole: pairs (paragraphs are aligned over the whole text) and bilingual
    /// files. Plain text and Markdown stream in chunks.
    var isReadWhole: Bool { if case .text = self { false } else { true } }
}

/// What a run does with fixes.
public enum FixMode: Sendable, Equatable {
    /// Findings only.
    case none
    /// Fixes are computed (for a diff) but nothing counts as fixed: findings, scores and the exit status are those
    /// of `none`.
    case preview
    /// Fixes are applied (`--fix`): fixed findings are marked and no longer count.
    case apply

    var computesFixes: Bool { self != .none }
}

/// The one way to lint and fix: prepare → every rule through `Rule` → suppress and filter → one fix loop (`FixLoop`)
/// → locate. A value: share it across tasks; each task runs files through its own `Session`.
public struct LintEngine: Sendable {
    public let glossary: Glossary
    /// Every rule known, for settings, reports and the quality score.
    public let catalog: RuleCatalog
    /// The rules that run: the catalogue's, less those the settings turn off.
    let checks: [any Check]
    let bilingualChecks: [any BilingualCheck]
    /// BCP 47 tag for case mapping and segmentation; the glossary's target language by default.
    public let locale: String
    public let settings: RuleSettings
    /// Severities, MQM weights and categories: settings over the catalogue's defaults.
    public let policy: RulePolicy
    let matcher: TermMatcher
    /// Phrases in which nothing is flagged: the glossary's `ignore` list and the settings'.
    let ignorePhrases: [[UInt8]]

    /// `rules`: the rules to run (default: all of `catalog`); a rule not in `catalog` is added to it, so it keeps its
    /// own description.
    public init(glossary: Glossary, rules: [any Rule]? = nil, catalog: RuleCatalog = .standard, locale: String? = nil,
                settings: RuleSettings = RuleSettings()) {
        self.init(compiled: CompiledGlossary(glossary), rules: rules, catalog: catalog, locale: locale, settings: settings)
    }

    /// With a glossary whose matcher is built already (read from a cache).
    public init(compiled: CompiledGlossary, rules: [any Rule]? = nil, catalog: RuleCatalog = .standard, locale: String? = nil,
                settings: RuleSettings = RuleSettings()) {
        let glossary = compiled.glossary
        let running = rules ?? catalog.rules
        let missing = running.filter { catalog.description(id: type(of: $0).description.id) == nil }
        let catalog = missing.isEmpty ? catalog : RuleCatalog(catalog.rules + missing)
        self.glossary = glossary
        self.catalog = catalog
        let enabled = running.filter { settings.isEnabled(type(of: $0).description.id) }
        self.checks = enabled.compactMap(\.asCheck)
        self.bilingualChecks = enabled.compactMap(\.asBilingualCheck)
        self.locale = locale ?? glossary.targetLanguage
        self.settings = settings
        self.policy = RulePolicy(settings: settings, catalog: catalog)
        self.matcher = compiled.matcher
        self.ignorePhrases = Array(Set(glossary.ignore + settings.ignore)).filter { !$0.isEmpty }.sorted().map { Array($0.utf8) }
    }

    /// ICU break iterators for one task. Throws when ICU cannot open them.
    public func makeSession() throws -> Session { try Session(locale: locale) }

    /// Lints (and with `fixes`, fixes) one file whose bytes `read` hands over block by block; findings go to `emit`
    /// as soon as they are known, the fixed text to `output` (with `.apply` or `.preview`), in order.
    public func run(path: String, kind: DocumentKind, session: Session, options: RunOptions = RunOptions(),
                    read: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void,
                    emit: (([LocatedFinding]) throws -> Void)? = nil,
                    output: @escaping ([UInt8]) throws -> Void = { _ in }) throws -> FileResult {
        let session = session.locale == locale ? session : try makeSession()
        let run = FileRun(engine: self, session: session, path: path, kind: kind, options: options, emit: emit, output: output)
        try read { try run.feed($0) }
        return try run.finish()
    }

    /// One in-memory text through the same pipeline: its result (findings located, edits kept) and the fixed text.
    /// `session`: one of an engine with the same locale (default: a new one).
    public func run(_ text: String, kind: DocumentKind = .text(.plainText), fixes: FixMode = .apply,
                    path: String = "<text>", session: Session? = nil, unsafeFixes: Bool = false) throws -> (result: FileResult, fixed: String) {
        var fixed: [UInt8] = []
        let result = try run(path: path, kind: kind, session: try session ?? makeSession(), options: RunOptions(fixes: fixes, unsafeFixes: unsafeFixes),
                             read: { feed in try Array(text.utf8).withUnsafeBufferPointer { try feed($0) } },
                             output: { fixed += $0 })
        return (result, fixes.computesFixes ? String(decoding: fixed, as: UTF8.self) : text)
    }

    /// Findings of `text` (offsets into it), sorted, with suppressions applied and unused ones reported.
    public func lint(_ text: String, format: DocumentFormat = .plainText) throws -> [Finding] {
        try run(text, kind: .text(format), fixes: .none).result.findings.map(\.finding)
    }

    /// `text` fixed as `lint --fix` fixes it, and the findings of the original.
    public func fix(_ text: String, format: DocumentFormat = .plainText, unsafeFixes: Bool = false) throws -> (fixed: String, findings: [Finding]) {
        let (result, fixed) = try run(text, kind: .text(format), fixes: .apply, unsafeFixes: unsafeFixes)
        return (fixed, result.findings.map(\.finding))
    }

    /// `source ‖ target` examples and tests: findings of the target paired with its source.
    public func lint(source: String, target: String) throws -> [Finding] {
        try run(target, kind: .paired(.plainText, source: source), fixes: .none).result.findings.map(\.finding)
    }

    public func fix(source: String, target: String, unsafeFixes: Bool = false) throws -> String {
        try run(target, kind: .paired(.plainText, source: source), fixes: .apply, unsafeFixes: unsafeFixes).fixed
    }
}

/// How one file is run.
public struct RunOptions {
    public var fixes: FixMode
    /// Keep the applied edits in the result (for a diff); otherwise only their number.
    public var keepEdits: Bool
    /// Keeps only findings whose first and last line (1-based) it accepts; the others are neither reported nor fixed.
    public var lineFilter: ((Int, Int) -> Bool)?
    /// Plain text is cut into chunks at the last blank line once this many bytes are pending.
    public var chunkSize: Int
    /// `--unsafe-fixes`: suggested fixes are applied too, not only safe ones.
    public var unsafeFixes: Bool
    /// The bytes are UTF-8 whatever the file declares (an editor's buffer, already decoded): a PO header's
    /// charset is not applied again.
    public var isDecoded = false

    public static let defaultChunkSize = 1 << 20

    public init(fixes: FixMode = .none, keepEdits: Bool = true, lineFilter: ((Int, Int) -> Bool)? = nil,
                chunkSize: Int = RunOptions.defaultChunkSize, unsafeFixes: Bool = false) {
        self.unsafeFixes = unsafeFixes
        self.fixes = fixes
        self.keepEdits = keepEdits
        self.lineFilter = lineFilter
        self.chunkSize = chunkSize
    }
}

/// Severities, MQM weights and categories of rules: a project's settings over the catalogue's defaults.
public struct RulePolicy: Sendable {
    public let settings: RuleSettings
    public let catalog: RuleCatalog

    public init(settings: RuleSettings = RuleSettings(), catalog: RuleCatalog = .standard) {
        self.settings = settings
        self.catalog = catalog
    }

    public func isEnabled(_ rule: String) -> Bool { settings.isEnabled(rule) }

    /// The severity findings of `rule` are reported with, or nil when it is off.
    public func severity(of rule: String) -> Severity? {
        if let setting = settings.severity[rule] { return setting }
        return catalog.description(id: rule)?.defaultSeverity
    }

    /// The severity a finding is reported with: the rule's, unless the check reported it weaker than the rule's
    /// default (weak evidence, `info`), which stays weaker.
    public func severity(of finding: Finding) -> Severity {
        let configured = severity(of: finding.rule) ?? finding.severity
        guard let defaultSeverity = catalog.description(id: finding.rule)?.defaultSeverity, finding.severity < defaultSeverity else { return configured }
        return min(configured, finding.severity)
    }

    public func mqmSeverity(of rule: String) -> MQMSeverity {
        settings.mqmSeverity[rule] ?? catalog.description(id: rule)?.mqmSeverity ?? .minor
    }

    public func category(of rule: String) -> MQMCategory? { catalog.description(id: rule)?.mqmCategory }

    /// Penalty points of one finding.
    public func penalty(of rule: String) -> Double { settings.weights.weight(mqmSeverity(of: rule)) }

    /// The MQM severity one finding counts with: its rule's, but `neutral` (no points) for a finding reported
    /// below warning, whose evidence is weak.
    public func mqmSeverity(of finding: Finding) -> MQMSeverity {
        finding.severity < .warning ? .neutral : mqmSeverity(of: finding.rule)
    }

    /// Counts a finding that still stands in `score`, by its own severity.
    public func count(_ finding: Finding, in score: inout QualityScore) {
        score.add(points: settings.weights.weight(mqmSeverity(of: finding)), category: category(of: finding.rule))
    }
}
