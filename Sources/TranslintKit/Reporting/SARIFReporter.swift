/// SARIF 2.1.0, what GitHub code scanning and other code-review tools read.
///
/// One run; `tool.driver` has `informationUri` and `tool.driver.rules` lists every rule with its description,
/// its default level as the configuration sets it (`enabled: false` for a rule turned off), a `helpUri` to its
/// documentation, MQM category and help. Each result points at its file with lines and columns in Unicode code
/// points (`columnKind`) and the UTF-8 byte range — relative to `%SRCROOT%` (`originalUriBaseIds`) when a source
/// root is given and the file lies under it — carries its fix as a replacement of that byte range, and a
/// `partialFingerprints` value (see `Fingerprinter`) that stays the same when unrelated lines change. With a
/// baseline, each result has `baselineState` `new` or `unchanged`, and baseline entries of the checked files no
/// longer found are listed as `absent`. Files that could not be checked are `toolExecutionNotifications` of the
/// run's invocation. Fixed findings (with `--fix`) are not listed: they are no longer in the file.
public struct SARIFReporter: Reporter {
    public static let fingerprintKey = "translint/v1"

    /// Where relative URIs start: `%SRCROOT%`, the repository's root, given as absolute paths.
    public struct SourceRoot: Hashable, Sendable {
        /// The root folder, absolute.
        public var root: String
        /// The folder relative paths are relative to, absolute.
        public var currentDirectory: String

        public init(root: String, currentDirectory: String) {
            self.root = root
            self.currentDirectory = currentDirectory
        }
    }

    public var toolVersion: String
    private var resultsWritten = 0
    private var fingerprinter = Fingerprinter()
    /// The rules listed in `tool.driver.rules`; results point at them by position.
    private let catalog: RuleCatalog
    private let settings: RuleSettings
    private let links: ReportLinks?
    private let sourceRoot: SourceRoot?
    private var matcher: BaselineMatcher?
    private var failures: [(path: String, message: String)] = []

    public init(toolVersion: String, catalog: RuleCatalog, settings: RuleSettings = RuleSettings(), links: ReportLinks? = nil,
                sourceRoot: SourceRoot? = nil, baseline: Baseline? = nil) {
        self.toolVersion = toolVersion
        self.catalog = catalog
        self.settings = settings
        self.links = links
        self.sourceRoot = sourceRoot
        self.matcher = baseline.map { BaselineMatcher(baseline: $0) }
    }

    /// SARIF lists the findings a baseline knows too, as `unchanged`.
    public var wantsBaselinedFindings: Bool { matcher != nil }

    public mutating func begin() -> String {
        resultsWritten = 0
        failures = []
        let rules = catalog.descriptions.map(rule)
        var driver: [(String, JSONValue)] = [("name", .string("translint"))]
        if let links { driver.append(("informationUri", .string(links.home))) }
        driver += [
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
            ("rules", .array(rules)),
        ]
        var run: [(String, JSONValue)] = [("tool", .object([("driver", .object(driver))]))]
        if let sourceRoot {
            run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(Self.uri(Self.folder(sourceRoot.root))))]))])))
        }
        run += [("columnKind", .string("unicodeCodePoints")), ("results", .array([]))]
        let head = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).serialized(pretty: true)
        // Open the results array of the document written above so results stream into it.
        guard let cut = head.firstRange(of: "\"results\": []") else { return head }
        return String(head[..<cut.lowerBound]) + "\"results\": ["
    }

    public mutating func beginFile(_ path: String) -> String {
        fingerprinter.reset()
        matcher?.beginFile(path)
        return ""
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            let state = matcher?.state(of: located, path: path)
            out += (resultsWritten > 0 ? "," : "") + "\n        " + indented(result(located, path: path, state: state?.rawValue).serialized(pretty: true), by: "        ")
            resultsWritten += 1
        }
        return out
    }

    public mutating func fileFailed(_ path: String, message: String) -> String {
        failures.append((path, message))
        return ""
    }

    public mutating func endFile(_ path: String, quality: QualityScore) -> String { "" }

    public mutating func end(_ summary: LintReport.Summary) -> String {
        let properties = JSONValue.object([
            ("qualityScore", .number((summary.quality.score * 100).rounded() / 100)),
            ("qualityPenalty", .number(summary.quality.penalty)),
            ("evaluatedWords", .int(summary.quality.words)),
            ("qualityPenaltyByCategory", .object(MQMCategory.allCases.compactMap { c in summary.quality.penaltyByCategory[c].map { (c.rawValue, JSONValue.number($0)) } })),
            ("qualityNote", .string("automatic estimate: 100 × (1 − penalty / words), MQM-style weights")),
        ])
        var out = ""
        for entry in matcher?.absent ?? [] {
            out += (resultsWritten > 0 ? "," : "") + "\n        " + indented(absentResult(entry).serialized(pretty: true), by: "        ")
            resultsWritten += 1
        }
        out += (resultsWritten > 0 ? "\n      " : "") + "],\n"
        let notifications = failures.map { failure in
            JSONValue.object([
                ("level", .string("error")),
                ("message", .object([("text", .string(failure.message))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(failure.path))]))])])),
            ])
        }
        let invocation = JSONValue.object([
            ("executionSuccessful", .bool(failures.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
        out += "      \"invocations\": [\n        " + indented(invocation.serialized(pretty: true), by: "        ") + "\n      ],\n"
        return out + "      \"properties\": " + indented(properties.serialized(pretty: true), by: "      ") + "\n    }\n  ]\n}\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A rule as the configuration has it: its severity there (or its default), `enabled: false` when it is off.
    func rule(_ d: CheckDescription) -> JSONValue {
        var help = d.summary + "\n\n" + d.rationale
        if let example = d.corrections.first { help += "\n\nExample: \(example.before) → \(example.after)" }
        var configuration: [(String, JSONValue)] = []
        switch settings.severity[d.id] {
        case .some(.none): configuration = [("enabled", .bool(false)), ("level", .string(Self.level(d.defaultSeverity)))]
        case .some(.some(let severity)): configuration = [("level", .string(Self.level(severity)))]
        case .none: configuration = [("level", .string(Self.level(d.defaultSeverity)))]
        }
        var fields: [(String, JSONValue)] = [
            ("id", .string(d.id)),
            ("name", .string(d.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(d.rationale))])),
            ("defaultConfiguration", .object(configuration)),
        ]
        if let links { fields.append(("helpUri", .string(links.rule(d.id)))) }
        return .object(fields + [
            ("help", .object([("text", .string(help))])),
            ("properties", .object([
                ("tags", .array([.string("translation"), .string(d.mqmCategory.rawValue)])),
                ("mqmCategory", .string(d.mqmCategory.rawValue)),
                ("mqmSeverity", .string(d.mqmSeverity.rawValue)),
                ("fixable", .bool(d.isFixable)),
            ])),
        ])
    }

    /// A folder as a path ending in `/`, as `originalUriBaseIds` needs.
    static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }

    /// `path` with `.` and `..` resolved lexically; absolute when `base` is.
    static func absolute(_ path: String, in base: String) -> String {
        var parts: [Substring] = []
        for part in ((path.hasPrefix("/") ? path : base + "/" + path).split(separator: "/")) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The artifact location of a path: relative to `%SRCROOT%` when it lies under the source root.
    func artifact(_ path: String) -> JSONValue {
        if let sourceRoot {
            let full = Self.absolute(path, in: sourceRoot.currentDirectory)
            let root = Self.folder(Self.absolute(sourceRoot.root, in: sourceRoot.currentDirectory))
            if full.hasPrefix(root) {
                return .object([("uri", .string(Self.uri(String(full.dropFirst(root.count))))), ("uriBaseId", .string("%SRCROOT%"))])
            }
            return .object([("uri", .string(Self.uri(full)))])
        }
        return .object([("uri", .string(Self.uri(path)))])
    }

    /// A baseline entry no finding matched any more.
    private func absentResult(_ entry: Baseline.Entry) -> JSONValue {
        var fields: [(String, JSONValue)] = [("ruleId", .string(entry.rule))]
        if let index = catalog.position(of: entry.rule) { fields.append(("ruleIndex", .int(index))) }
        return .object(fields + [
            ("kind", .string("pass")),
            ("level", .string("none")),
            ("message", .object([("text", .string("no longer found: '\(entry.text)'"))])),
            ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(entry.path))]))])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(entry.fingerprint))])),
            ("baselineState", .string("absent")),
        ])
    }

    /// A URI reference for a path: relative paths stay relative (to the folder translint ran in), absolute ones
    /// become `file://` URIs; bytes outside the unreserved set are percent-encoded.
    public static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            if CharacterClass.isASCIIAlnum(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    private mutating func result(_ located: LocatedFinding, path: String, state: String?) -> JSONValue {
        let f = located.finding
        let artifact = artifact(path)
        let region = JSONValue.object([
            ("startLine", .int(located.line)), ("startColumn", .int(located.column)),
            ("endLine", .int(located.endLine)), ("endColumn", .int(located.endColumn)),
            ("byteOffset", .int(f.range.start)), ("byteLength", .int(f.range.length)),
            ("snippet", .object([("text", .string(located.text))])),
        ])
        var fields: [(String, JSONValue)] = [("ruleId", .string(f.rule))]
        if let index = catalog.position(of: f.rule) { fields.append(("ruleIndex", .int(index))) }
        fields += [
            ("level", .string(Self.level(f.severity))),
            ("message", .object([("text", .string(f.message))])),
            ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])])),
        ]
        fields.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprinter.next(located)))])))
        if let state { fields.append(("baselineState", .string(state))) }
        if let fix = f.fix {
            let replacements = fix.edits.map { edit in
                JSONValue.object([
                    ("deletedRegion", .object([("byteOffset", .int(edit.range.start)), ("byteLength", .int(edit.range.length))])),
                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                ])
            }
            var properties: [(String, JSONValue)] = [("applicability", .string(fix.applicability.rawValue))]
            if let reason = fix.reason { properties.append(("reason", .string(reason))) }
            fields.append(("fixes", .array([.object([
                ("description", .object([("text", .string(fix.title))])),
                ("artifactChanges", .array([.object([("artifactLocation", artifact), ("replacements", .array(replacements))])])),
                ("properties", .object(properties)),
            ])])))
        }
        return .object(fields)
    }

    private func indented(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : prefix + $0.element }.joined(separator: "\n")
    }
}
