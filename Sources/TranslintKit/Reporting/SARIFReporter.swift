/// SARIF 2.1.0, what GitHub code scanning and other code-review tools read.
///
/// One run; `tool.driver.rules` lists every rule with its description, default level, MQM category and help;
/// each result points at its file with lines and columns in Unicode code points (`columnKind`) and the UTF-8
/// byte range, carries its fix as a replacement of that byte range, and a `partialFingerprints` value built from
/// the rule, the flagged text and the words around it, so that it stays the same when unrelated lines change.
/// Fixed findings (with `--fix`) are not listed: they are no longer in the file.
public struct SARIFReporter: Reporter {
    public static let fingerprintKey = "translint/v1"

    public var toolVersion: String
    private var resultsWritten = 0
    /// How many earlier results of the current file had the same fingerprint key.
    private var occurrences: [String: Int] = [:]
    /// The rules listed in `tool.driver.rules`; results point at them by position.
    private let catalog: RuleCatalog

    public init(toolVersion: String, catalog: RuleCatalog) {
        self.toolVersion = toolVersion
        self.catalog = catalog
    }

    public mutating func begin() -> String {
        resultsWritten = 0
        let rules = catalog.descriptions.map(Self.rule)
        let driver: JSONValue = .object([
            ("name", .string("translint")),
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
            ("rules", .array(rules)),
        ])
        let head = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("columnKind", .string("unicodeCodePoints")), ("results", .array([]))])])),
        ]).serialized(pretty: true)
        // Open the results array of the document written above so results stream into it.
        guard let cut = head.firstRange(of: "\"results\": []") else { return head }
        return String(head[..<cut.lowerBound]) + "\"results\": ["
    }

    public mutating func beginFile(_ path: String) -> String {
        occurrences = [:]
        return ""
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        var out = ""
        for located in findings where !(fixing && located.isFixed) {
            out += (resultsWritten > 0 ? "," : "") + "\n        " + indented(result(located, path: path).serialized(pretty: true), by: "        ")
            resultsWritten += 1
        }
        return out
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
        return (resultsWritten > 0 ? "\n      " : "") + "],\n      \"properties\": "
            + indented(properties.serialized(pretty: true), by: "      ") + "\n    }\n  ]\n}\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ d: CheckDescription) -> JSONValue {
        var help = d.summary + "\n\n" + d.rationale
        if let example = d.corrections.first { help += "\n\nExample: \(example.before) → \(example.after)" }
        return .object([
            ("id", .string(d.id)),
            ("name", .string(d.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(d.rationale))])),
            ("defaultConfiguration", .object([("level", .string(level(d.defaultSeverity)))])),
            ("help", .object([("text", .string(help))])),
            ("properties", .object([
                ("tags", .array([.string("translation"), .string(d.mqmCategory.rawValue)])),
                ("mqmCategory", .string(d.mqmCategory.rawValue)),
                ("mqmSeverity", .string(d.mqmSeverity.rawValue)),
                ("fixable", .bool(d.isFixable)),
            ])),
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

    private mutating func result(_ located: LocatedFinding, path: String) -> JSONValue {
        let f = located.finding
        let artifact = JSONValue.object([("uri", .string(Self.uri(path)))])
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
        let key = Self.fingerprintKey(located)
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        fields.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(Self.hash(key + "\u{0}" + String(occurrence))))])))
        if let fix = f.fix {
            let replacements = fix.edits.map { edit in
                JSONValue.object([
                    ("deletedRegion", .object([("byteOffset", .int(edit.range.start)), ("byteLength", .int(edit.range.length))])),
                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                ])
            }
            fields.append(("fixes", .array([.object([
                ("description", .object([("text", .string(fix.title))])),
                ("artifactChanges", .array([.object([("artifactLocation", artifact), ("replacements", .array(replacements))])])),
            ])])))
        }
        return .object(fields)
    }

    /// The rule, the flagged text, and up to 20 code points on either side within its line: what identifies a
    /// finding however the rest of the file changes.
    static func fingerprintKey(_ located: LocatedFinding) -> String {
        let scalars = Array(located.lineText.unicodeScalars)
        let start = min(max(located.lineTextColumn - 1, 0), scalars.count)
        let length = located.endLine == located.line ? max(located.endColumn - located.column, 0) : scalars.count - start
        let end = min(scalars.count, start + length)
        var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
        before.append(contentsOf: scalars[max(0, start - 20)..<start])
        after.append(contentsOf: scalars[end..<min(scalars.count, end + 20)])
        return located.finding.rule + "\u{0}" + located.text + "\u{0}" + String(before) + "\u{0}" + String(after)
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private func indented(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : prefix + $0.element }.joined(separator: "\n")
    }
}
